#pragma once
/// @file
/// A self-contained HTML dashboard of a portfolio: one file with inline SVG, CSS and JavaScript and
/// no network access. Views (each an `<svg>` with a stable id, drawn when its data exist):
/// portfolio summary with RAG status (`rag-summary`), one Gantt chart per project (`gantt-<project>`:
/// critical path in red, baseline bars, progress, milestones as diamonds, the status-date line),
/// resource histograms with capacity lines (`histogram-<resource>`), the portfolio bubble chart
/// value x risk x cost (`bubble`), the efficient frontier (`frontier`), the risk heat map
/// (`heatmap`), EVM S-curves with the EAC forecast (`scurve-<project>`) and the Monte Carlo view
/// (`mc-finish`, `mc-cost`, `tornado`). Conventions: PMI Practice Standard for
/// Scheduling (Gantt, critical path), PMI Practice Standard for EVM fig. 5-1 (S-curves), PMI
/// Practice Standard for Project Risk Management fig. 5-6 (heat map). See docs/reports.md.
///
/// The page's script ends with `document.body.dataset.ok = "1"`; any script error is shown in the
/// `#script-errors` element instead, so a headless browser can tell a page that ran cleanly.
///
/// @code
/// auto html = ppm::write_dashboard(ppm::collect_dashboard_data("plan.json"));
/// @endcode

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/report/dashboard_data.hpp"

namespace ppm {

/// The dashboard as one HTML document (UTF-8). Deterministic: same data, same text.
[[nodiscard]] std::string write_dashboard(const DashboardData& data, const DashboardOptions& options = {});

/// Writes `write_dashboard(data, options)` to `path`; ParseError::io when it cannot be written.
void write_dashboard_file(const DashboardData& data, const std::filesystem::path& path, const DashboardOptions& options = {});

/// The views `write_dashboard(data)` draws: "summary", "gantt", "histograms", "bubble", "frontier",
/// "heatmap", "scurves", "montecarlo" (in that order, those whose data exist).
[[nodiscard]] std::vector<std::string> dashboard_views(const DashboardData& data);

/// The page's notes: `data.notes` (engine failures, skipped stages) followed by why each missing
/// view is missing, read from the data as they are (a part filled in after collecting has no note).
[[nodiscard]] std::vector<std::string> dashboard_notes(const DashboardData& data);

/// `text` escaped for HTML text and attribute values (& < > " ').
[[nodiscard]] std::string html_escape(std::string_view text);

/// A valid, unique-enough HTML id fragment from an entity id: letters, digits, '-' and '_' kept,
/// anything else as '_' followed by its hex code (so "A B" and "A_B" differ).
[[nodiscard]] std::string html_id(std::string_view text);

}  // namespace ppm
