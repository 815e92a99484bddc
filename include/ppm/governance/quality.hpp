#pragma once
/// @file
/// Quality beside schedule, cost and risk (issue 20): per project and status period, the open
/// defects by severity, the quality reviews and audits held against the methodology, the test pass
/// rate and the acceptance of deliverables (PMBOK Guide 6th ed., 8.3 Control Quality: quality
/// control measurements, verified deliverables; 5.5 Validate Scope: accepted deliverables). The
/// RAG assessment rates them with `QualityThresholds` (rag.hpp, check `quality`); health.hpp takes
/// the latest record at the status date; the repository keeps the history (docs/store.md).
///
/// @code
/// ppm::QualityStatus q{.project = ppm::ProjectId{"P1"}, .date = ppm::parse_instant("2026-03-13T17:00")};
/// q.open_defects = {0, 3, 7};          // critical, major, minor
/// q.tests_run = 120, q.tests_passed = 110;
/// const double rate = ppm::test_pass_rate(q);   // 0.9167
/// @endcode

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// How bad an open defect is; indexes QualityStatus::open_defects.
enum class DefectSeverity : std::uint8_t { critical, major, minor };
inline constexpr std::size_t kDefectSeverityCount = 3;
std::string_view to_string(DefectSeverity s) noexcept;  ///< "critical", "major", "minor"
DefectSeverity parse_defect_severity(std::string_view s);  ///< Throws ModelError(invalid_value).

/// A quality review or audit held in a status period (an audit checks the project's process
/// against the PMO's methodology; a review checks a deliverable or a phase's work).
struct QualityReview {
    std::string id;
    Date date;
    std::string kind = "review";  ///< "review" or "audit".
    std::string methodology;      ///< Id of a governance methodology it checks against (empty = none named).
    std::string phase;            ///< The lifecycle phase reviewed (empty = none named).
    bool passed = true;
    int findings = 0;             ///< Non-conformities or review findings (>= 0).
};

/// The quality measures of one project at one status date. Unreported measures stay empty (the
/// RAG check skips them); open defects default to none open.
struct QualityStatus {
    ProjectId project;
    Instant date{};
    std::array<std::int32_t, kDefectSeverityCount> open_defects{0, 0, 0};  ///< By DefectSeverity.
    std::vector<QualityReview> reviews;                                     ///< Held in the period.
    std::optional<std::int32_t> tests_run, tests_passed;
    std::optional<std::int32_t> deliverables_submitted, deliverables_accepted;
};

/// Reviews and audits of the period that did not pass.
[[nodiscard]] int failed_reviews(const QualityStatus& q) noexcept;
/// tests_passed / tests_run; NaN when not reported or no test was run.
[[nodiscard]] double test_pass_rate(const QualityStatus& q) noexcept;
/// deliverables_accepted / deliverables_submitted; NaN when not reported or nothing was submitted.
[[nodiscard]] double acceptance_rate(const QualityStatus& q) noexcept;

/// Throws ModelError(invalid_value, id = the project) for a negative count (defects, tests,
/// deliverables, findings) or a review kind other than "review" / "audit"; ModelError(inconsistent)
/// for more tests passed than run or more deliverables accepted than submitted, and for a passed
/// or accepted count given without the count it is a share of.
void check_quality_status(const QualityStatus& q);

/// The latest record of `project` dated at or before `status_date`, or nullptr when none.
[[nodiscard]] const QualityStatus* latest_quality(std::span<const QualityStatus> records, const ProjectId& project,
                                                  Instant status_date) noexcept;

}  // namespace ppm
