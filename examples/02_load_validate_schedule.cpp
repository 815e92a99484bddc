// 02: load the worked example portfolio, list model problems, schedule it and check the result
// with the independent validator.
#include <iostream>

#include "ppm/core/validate.hpp"
#include "ppm/io/json.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

int main(int argc, char** argv) {
    using namespace ppm;
    const std::string path = argc > 1 ? argv[1] : PPM_SOURCE_DIR "/examples/portfolio.json";
    const Portfolio pf = read_json_file(path);  // ParseError names file, line and column

    for (const Problem& problem : validate(pf))  // every problem, without throwing
        std::cout << to_string(problem.severity) << ": " << problem.message << "\n";

    const ScheduleResult r = schedule(pf);
    std::cout << pf.projects.size() << " projects, " << r.task_id.size() << " tasks, finish " << to_string(r.finish)
              << ", " << r.warnings.size() << " warnings\n";

    const auto violations = validate_schedule(pf, r);
    for (const Violation& v : violations) std::cout << "violation: " << v.message << "\n";
    return violations.empty() ? 0 : 1;
}
