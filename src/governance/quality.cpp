// Quality measures per project and status period (see quality.hpp).
#include "ppm/governance/quality.hpp"

#include <limits>

#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(DefectSeverity s) noexcept {
    switch (s) {
        case DefectSeverity::critical: return "critical";
        case DefectSeverity::major: return "major";
        case DefectSeverity::minor: return "minor";
    }
    return "?";
}

DefectSeverity parse_defect_severity(std::string_view s) {
    for (auto v : {DefectSeverity::critical, DefectSeverity::major, DefectSeverity::minor})
        if (to_string(v) == s) return v;
    throw ModelError::invalid_value("defect severity", s, "expected critical, major or minor");
}

int failed_reviews(const QualityStatus& q) noexcept {
    int n = 0;
    for (const auto& r : q.reviews) n += r.passed ? 0 : 1;
    return n;
}

namespace {
double share(const std::optional<std::int32_t>& part, const std::optional<std::int32_t>& whole) noexcept {
    if (!part || !whole || *whole <= 0) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(*part) / static_cast<double>(*whole);
}
}  // namespace

double test_pass_rate(const QualityStatus& q) noexcept { return share(q.tests_passed, q.tests_run); }
double acceptance_rate(const QualityStatus& q) noexcept { return share(q.deliverables_accepted, q.deliverables_submitted); }

void check_quality_status(const QualityStatus& q) {
    const std::string& id = q.project.str();
    auto not_negative = [&](const std::optional<std::int32_t>& v, const std::string& what) {
        if (v && *v < 0) throw ModelError::invalid_value("quality status", id, what + " " + std::to_string(*v) + " is negative");
    };
    for (std::size_t k = 0; k < kDefectSeverityCount; ++k)
        not_negative(q.open_defects[k], "open " + std::string(to_string(static_cast<DefectSeverity>(k))) + " defects");
    not_negative(q.tests_run, "tests run");
    not_negative(q.tests_passed, "tests passed");
    not_negative(q.deliverables_submitted, "deliverables submitted");
    not_negative(q.deliverables_accepted, "deliverables accepted");
    for (const auto& r : q.reviews) {
        if (r.kind != "review" && r.kind != "audit")
            throw ModelError::invalid_value("quality status", id, "review " + r.id + ": kind \"" + r.kind + "\" (expected review or audit)");
        if (r.findings < 0)
            throw ModelError::invalid_value("quality status", id, "review " + r.id + ": findings " + std::to_string(r.findings) + " is negative");
    }
    auto part_of = [&](const std::optional<std::int32_t>& part, const std::optional<std::int32_t>& whole, const char* part_name,
                       const char* whole_name) {
        if (!part) return;
        if (!whole) throw ModelError::inconsistent("quality status", id, std::string(part_name) + " given without " + whole_name);
        if (*part > *whole)
            throw ModelError::inconsistent("quality status", id,
                                           std::string(part_name) + " " + std::to_string(*part) + " is more than " + whole_name + " " +
                                               std::to_string(*whole));
    };
    part_of(q.tests_passed, q.tests_run, "tests passed", "tests run");
    part_of(q.deliverables_accepted, q.deliverables_submitted, "deliverables accepted", "deliverables submitted");
}

const QualityStatus* latest_quality(std::span<const QualityStatus> records, const ProjectId& project, Instant status_date) noexcept {
    const QualityStatus* chosen = nullptr;
    for (const auto& q : records)
        if (q.project == project && q.date <= status_date && (chosen == nullptr || q.date > chosen->date)) chosen = &q;
    return chosen;
}

}  // namespace ppm
