// Lessons learned and their search (see lessons.hpp).
#include "ppm/governance/lessons.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

namespace ppm {

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
std::size_t occurrences(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + needle.size())) ++n;
    return n;
}
}  // namespace

std::vector<std::size_t> search_lessons(std::span<const Lesson> lessons, const LessonQuery& q) {
    std::vector<std::string> words;
    {
        std::string w;
        for (char c : lower(q.text) + " ") {
            if (std::isspace(static_cast<unsigned char>(c))) {
                if (!w.empty()) words.push_back(w);
                w.clear();
            } else {
                w += c;
            }
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> hits;  // (position, score)
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const auto& l = lessons[i];
        if (q.project && l.project != q.project) continue;
        if (!q.phase.empty() && lower(l.phase) != lower(q.phase)) continue;
        bool ok = true;
        for (const auto& t : q.tags) {
            const auto lt = lower(t);
            ok = ok && std::any_of(l.tags.begin(), l.tags.end(), [&](const auto& x) { return lower(x) == lt; });
        }
        if (!ok) continue;
        const std::string hay = lower(l.title) + "\n" + lower(l.text);
        std::size_t score = 0;
        for (const auto& w : words) {
            const auto n = occurrences(hay, w);
            if (n == 0) {
                ok = false;
                break;
            }
            score += n;
        }
        if (ok) hits.emplace_back(i, score);
    }
    std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        return lessons[a.first].recorded.value_or(Date{}) > lessons[b.first].recorded.value_or(Date{});
    });
    std::vector<std::size_t> out;
    for (const auto& h : hits) out.push_back(h.first);
    return out;
}

}  // namespace ppm
