#pragma once
/// @file
/// A risk register entry: cause -> event -> effect ("because of <cause>, <event> may occur, which
/// would lead to <effect>": the risk metalanguage of Hillson, "Risk Management: Best Practice and
/// Future Developments", 2002), probability, impacts on cost, schedule, quality and scope, the
/// response (PMBOK Guide 7th ed. / PMI Standard for Risk Management in Portfolios, Programs and
/// Projects, 2019: avoid / mitigate / transfer / accept / escalate; exploit / enhance / share for
/// opportunities), actions, pre- and post-response assessments, status and the tasks it touches.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// Where a risk stands in its life.
enum class RiskStatus { open, mitigating, occurred, closed };
/// The chosen response.
enum class ResponseStrategy { accept, avoid, mitigate, transfer, escalate, exploit, enhance, share };

std::string_view to_string(RiskStatus s) noexcept;          ///< "open", "mitigating", "occurred", "closed"
std::string_view to_string(ResponseStrategy s) noexcept;    ///< "accept", "avoid", ...
RiskStatus parse_risk_status(std::string_view s);           ///< Throws ModelError(invalid_value).
ResponseStrategy parse_response_strategy(std::string_view s);  ///< Throws ModelError(invalid_value).

/// What the event would do if it occurred.
struct RiskImpact {
    Money cost{};          ///< Extra cost (or saving for an opportunity), >= 0.
    Duration schedule{};   ///< Delay (or gain) in working minutes on the linked tasks, >= 0.
    int quality = 0;       ///< Rating 0 (none) .. 5 (very high).
    int scope = 0;         ///< Rating 0 (none) .. 5 (very high).
};

/// A probability and impact, before or after the response.
struct RiskAssessment {
    double probability = 0.0;  ///< 0..1.
    RiskImpact impact{};
};

/// One response action.
struct RiskAction {
    std::string description;
    std::string owner;
    std::optional<Date> due;
    bool done = false;
    Money cost{};  ///< Cost of the response (counts against the EMV it saves).
};

/// A register entry.
struct Risk {
    std::string id;
    std::string title;
    std::string cause;
    std::string event;
    std::string effect;
    std::string category;                   ///< RBS category ("technical", "supplier"...).
    std::optional<ProjectId> project;       ///< Owning project (none = program/portfolio level).
    std::optional<ProgramId> program;
    std::string owner;
    bool opportunity = false;               ///< An upside risk: EMV is positive.
    RiskAssessment pre{};                   ///< Inherent (before response).
    std::optional<RiskAssessment> post;     ///< Residual (after the planned response).
    ResponseStrategy strategy = ResponseStrategy::accept;
    std::vector<RiskAction> actions;
    RiskStatus status = RiskStatus::open;
    std::vector<TaskId> linked_tasks;       ///< Tasks the event hits (Monte Carlo risk events).
    std::optional<Date> raised;
    std::optional<Date> review_due;
};

/// Throws ModelError when the probability is outside 0..1, an impact is negative or a rating
/// outside 0..5 (naming the risk).
void check_risk(const Risk& r);

/// The residual assessment when the risk has one, else the inherent one.
[[nodiscard]] const RiskAssessment& current_assessment(const Risk& r) noexcept;

/// True while the risk can still happen (open or mitigating).
[[nodiscard]] constexpr bool is_active(RiskStatus s) noexcept { return s == RiskStatus::open || s == RiskStatus::mitigating; }

}  // namespace ppm
