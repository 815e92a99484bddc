#pragma once
// XER tables as read from the file: name, field names, rows of text with their line numbers.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ppm::detail {

struct XerTable {
    std::string name;
    std::vector<std::string> fields;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::int64_t> lines;
    std::int64_t line = 0;
    /// Column of `field`, or -1.
    [[nodiscard]] int column(std::string_view field) const {
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i] == field) return static_cast<int>(i);
        return -1;
    }
};

/// A row with named access.
class XerRow {
public:
    XerRow(const XerTable& t, std::size_t r) : table_(&t), row_(r) {}
    [[nodiscard]] std::string_view operator[](std::string_view field) const {
        const int c = table_->column(field);
        if (c < 0 || static_cast<std::size_t>(c) >= table_->rows[row_].size()) return {};
        return table_->rows[row_][static_cast<std::size_t>(c)];
    }
    [[nodiscard]] std::int64_t line() const { return table_->lines[row_]; }
    [[nodiscard]] const XerTable& table() const { return *table_; }
    [[nodiscard]] std::size_t index() const { return row_; }

private:
    const XerTable* table_;
    std::size_t row_;
};

}  // namespace ppm::detail
