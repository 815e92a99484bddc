#pragma once
// Checks the WBS forest a reader builds from parent references (XER PROJWBS.parent_wbs_id, PMXML
// WBS/ParentObjectId) before it walks it recursively: a cycle of parents is a ParseError naming its
// members in order (those nodes and every activity under them would otherwise be unreachable and
// silently lost), and a tree deeper than ReadLimits::max_nesting_depth is limit_exceeded (the walk is
// recursive; real WBS trees nest fewer than 20 levels). Iterative, O(nodes).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/error.hpp"
#include "ppm/io/read_limits.hpp"
#include "read_limits_check.hpp"

namespace ppm::detail {

/// `parent[n]`: index of node n's parent, or -1 for a top-level node. `name(n)` labels a node in the
/// message, `line(n)` gives its line. `what` names the table, e.g. "PROJWBS" or "<WBS>".
template <class Name, class Line>
void check_wbs_forest(const std::vector<std::ptrdiff_t>& parent, Name name, Line line, const std::string& source,
                      std::string_view what, const ReadLimits& limits) {
    const std::size_t n = parent.size();
    std::vector<std::int32_t> depth(n, -1);  // -1 unknown, -2 on the path being walked
    std::vector<std::size_t> path;
    for (std::size_t start = 0; start < n; ++start) {
        if (depth[start] >= 0) continue;
        path.clear();
        std::ptrdiff_t at = static_cast<std::ptrdiff_t>(start);
        while (at >= 0 && depth[static_cast<std::size_t>(at)] == -1) {
            depth[static_cast<std::size_t>(at)] = -2;
            path.push_back(static_cast<std::size_t>(at));
            at = parent[static_cast<std::size_t>(at)];
        }
        if (at >= 0 && depth[static_cast<std::size_t>(at)] == -2) {
            std::size_t first = 0;
            while (path[first] != static_cast<std::size_t>(at)) ++first;
            std::string members;
            for (std::size_t i = first; i < path.size(); ++i) members += name(path[i]) + " -> ";
            members += name(path[first]);
            throw ParseError::unexpected(source, line(path[first]), 0,
                                         std::string(what) + ": WBS parents form a cycle: " + members);
        }
        std::int32_t d = at < 0 ? 0 : depth[static_cast<std::size_t>(at)] + 1;
        for (std::size_t i = path.size(); i-- > 0; ++d) {
            depth[path[i]] = d;
            if (d >= limits.max_nesting_depth)
                limit_fail(source, line(path[i]), std::string(what) + ": WBS nested too deeply", static_cast<std::uint64_t>(d) + 1,
                           "max_nesting_depth", static_cast<std::uint64_t>(limits.max_nesting_depth));
        }
    }
}

}  // namespace ppm::detail
