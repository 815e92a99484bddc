// Change requests and their effect on the baseline (see change_request.hpp for sources).
#include "ppm/governance/change_request.hpp"

#include <algorithm>

#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(ChangeStatus s) noexcept {
    switch (s) {
        case ChangeStatus::submitted: return "submitted";
        case ChangeStatus::approved: return "approved";
        case ChangeStatus::rejected: return "rejected";
        case ChangeStatus::withdrawn: return "withdrawn";
    }
    return "?";
}

ChangeStatus parse_change_status(std::string_view s) {
    for (auto v : {ChangeStatus::submitted, ChangeStatus::approved, ChangeStatus::rejected, ChangeStatus::withdrawn})
        if (to_string(v) == s) return v;
    throw ModelError::invalid_value("change request status", s, "expected submitted, approved, rejected or withdrawn");
}

Baseline apply_change(const Baseline& current, const ChangeRequest& cr, std::string new_name) {
    Baseline b = current;
    b.name = std::move(new_name);
    std::vector<std::size_t> hit;
    for (const auto& t : cr.affected_tasks) {
        const auto k = find_task(b, t);
        if (k == b.size()) throw ModelError::unknown_id("task", t.str(), "change request " + cr.id);
        hit.push_back(k);
    }
    if (!hit.empty()) {
        const auto n = static_cast<std::int64_t>(hit.size());
        const std::int64_t each = cr.cost_delta.minor_units() / n;
        const std::int64_t rest = cr.cost_delta.minor_units() - each * n;
        Instant latest_finish = b.finish[hit.front()];
        for (std::size_t i = 0; i < hit.size(); ++i) {
            const auto k = hit[i];
            b.cost[k] += Money{each + (i == 0 ? rest : 0)};
            if (b.cost[k] < Money{0}) throw ModelError::invalid_value("baseline cost", b.task[k].str(), "change makes it negative");
            latest_finish = std::max(latest_finish, b.finish[k]);
        }
        for (auto k : hit) b.finish[k] = std::max(b.start[k], b.finish[k] + cr.schedule_delta);
        for (std::size_t k = 0; k < b.size(); ++k) {
            if (std::find(hit.begin(), hit.end(), k) != hit.end()) continue;
            if (b.start[k] >= latest_finish) {
                b.start[k] += cr.schedule_delta;
                b.finish[k] += cr.schedule_delta;
            }
        }
    }
    return b;
}

void approve_change(ChangeRequest& cr, BaselineSet& set, Baseline revised, Date when, std::string by) {
    if (cr.status != ChangeStatus::submitted)
        throw ModelError::inconsistent("change request", cr.id, "only a submitted request can be approved");
    if (revised.project != cr.project)
        throw ModelError::inconsistent("change request", cr.id, "revised baseline belongs to another project");
    cr.status = ChangeStatus::approved;
    cr.decided = when;
    cr.decided_by = std::move(by);
    revised.captured_at = Instant::at(when);
    set.set_current(std::move(revised));
}

void reject_change(ChangeRequest& cr, Date when, std::string by) {
    if (cr.status != ChangeStatus::submitted)
        throw ModelError::inconsistent("change request", cr.id, "only a submitted request can be rejected");
    cr.status = ChangeStatus::rejected;
    cr.decided = when;
    cr.decided_by = std::move(by);
}

}  // namespace ppm
