// Builds against the installed ppm package: parse an instant and report a model error.
#include <iostream>

#include "ppm/core/error.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/core/time.hpp"

int main() {
    ppm::Portfolio portfolio{.id = ppm::PortfolioId{"demo"}};
    portfolio.projects.push_back(ppm::Project{.id = ppm::ProjectId{"P1"}, .start = ppm::parse_instant("2026-01-05T08:00")});
    try {
        (void)ppm::Date::from_ymd(2026, 2, 30);
        return 1;
    } catch (const ppm::ModelError& e) {
        std::cout << "consumer ok: " << portfolio.projects.size() << " project, error " << ppm::to_string(e.code()) << "\n";
    }
    return 0;
}
