#include <catch2/catch.hpp>

#include "ppm/core/error.hpp"

using namespace ppm;

TEST_CASE("errors: a cycle names its members in order") {
    const auto e = ModelError::cycle("dependency", {"A", "B", "C"});
    CHECK(e.code() == ErrorCode::cycle);
    CHECK(std::string(e.what()) == "dependency cycle: A -> B -> C -> A");
    CHECK(e.ids() == std::vector<std::string>{"A", "B", "C"});
}

TEST_CASE("errors: a parse error carries path, line and column") {
    const auto e = ParseError::unexpected("x.sm", 12, 3, "expected an integer duration");
    CHECK(e.line() == 12);
    CHECK(e.column() == 3);
    CHECK(std::string(e.what()) == "x.sm:12:3: expected an integer duration");
}
