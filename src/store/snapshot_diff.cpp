// Task-level differences between two snapshots, matched by task id (see snapshot_diff.hpp).
#include "ppm/store/snapshot_diff.hpp"

#include <string_view>
#include <unordered_map>

namespace ppm {

std::string_view to_string(TaskChangeKind k) noexcept {
    switch (k) {
        case TaskChangeKind::added: return "added";
        case TaskChangeKind::removed: return "removed";
        case TaskChangeKind::changed: return "changed";
    }
    return "?";
}

namespace {
constexpr std::uint8_t kAllFields = kStartField | kFinishField | kDurationField | kProgressField | kNameField;

void push_row(SnapshotDiff& d, const SnapshotTasks* a, std::size_t i, const SnapshotTasks* b, std::size_t j, TaskChangeKind kind,
              std::uint8_t fields) {
    const SnapshotTasks& any = b ? *b : *a;
    const std::size_t k = b ? j : i;
    d.project.push_back(any.project[k]);
    d.task.push_back(any.task[k]);
    d.kind.push_back(kind);
    d.fields.push_back(fields);
    d.start_before.push_back(a ? a->start[i] : std::nullopt);
    d.finish_before.push_back(a ? a->finish[i] : std::nullopt);
    d.duration_before.push_back(a ? std::optional<Duration>(a->duration[i]) : std::nullopt);
    d.percent_before.push_back(a ? std::optional<double>(a->percent_complete[i]) : std::nullopt);
    d.start_after.push_back(b ? b->start[j] : std::nullopt);
    d.finish_after.push_back(b ? b->finish[j] : std::nullopt);
    d.duration_after.push_back(b ? std::optional<Duration>(b->duration[j]) : std::nullopt);
    d.percent_after.push_back(b ? std::optional<double>(b->percent_complete[j]) : std::nullopt);
}
}  // namespace

SnapshotDiff diff_snapshots(const SnapshotTasks& a, const SnapshotTasks& b) {
    SnapshotDiff d{.snapshot_a = a.snapshot, .snapshot_b = b.snapshot};
    std::unordered_map<std::string_view, std::size_t> in_a;
    in_a.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) in_a.emplace(a.task[i].str(), i);
    std::vector<std::uint8_t> matched(a.size(), 0);
    for (std::size_t j = 0; j < b.size(); ++j) {
        const auto it = in_a.find(b.task[j].str());
        if (it == in_a.end()) {
            push_row(d, nullptr, 0, &b, j, TaskChangeKind::added, kAllFields);
            continue;
        }
        const std::size_t i = it->second;
        matched[i] = 1;
        std::uint8_t fields = 0;
        if (a.start[i] != b.start[j]) fields |= kStartField;
        if (a.finish[i] != b.finish[j]) fields |= kFinishField;
        if (a.duration[i] != b.duration[j]) fields |= kDurationField;
        if (a.percent_complete[i] != b.percent_complete[j]) fields |= kProgressField;
        if (a.name[i] != b.name[j]) fields |= kNameField;
        if (fields == 0) ++d.unchanged;
        else push_row(d, &a, i, &b, j, TaskChangeKind::changed, fields);
    }
    for (std::size_t i = 0; i < a.size(); ++i)
        if (matched[i] == 0) push_row(d, &a, i, nullptr, 0, TaskChangeKind::removed, kAllFields);
    return d;
}

}  // namespace ppm
