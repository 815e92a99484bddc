#pragma once
/// @file
/// Strategic-alignment scoring of candidates against business drivers, ranking, and weight
/// sensitivity.
///
/// Score of candidate p: S_p = sum_d w_d * r_pd with r_pd in [0, 1] (MS Project Online's
/// "strategic value"; ratings none/low/moderate/strong/extreme, or numeric values normalised per
/// driver). Sensitivity follows the one-at-a-time analysis of Triantaphyllou & Sanchez, Decision
/// Sciences 28(1), 1997: driver d's weight moves to t while the other weights keep their
/// proportions (w_e(t) = w_e (1 - t)/(1 - w_d)); every score is then linear in t, so the ranking
/// is piecewise constant and the first change happens where two neighbours in the current ranking
/// cross. The limits are computed exactly from those crossings.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppm {

/// A named rating level and its value in [0, 1].
struct RatingLevel {
    std::string name;   ///< "strong" (matched case-insensitively).
    double value = 0.0; ///< Contribution factor in [0, 1].
};

/// A qualitative scale. The default is the MS Project Online driver-impact scale
/// none / low / moderate / strong / extreme mapped to 0, .25, .5, .75, 1 (evenly spaced: our choice,
/// documented in docs/selection.md).
struct RatingScale {
    std::vector<RatingLevel> levels = {
        {"none", 0.0}, {"low", 0.25}, {"moderate", 0.5}, {"strong", 0.75}, {"extreme", 1.0}};

    /// Value of a level by name; std::nullopt when unknown.
    [[nodiscard]] std::optional<double> value_of(std::string_view name) const;
};

/// How numeric ratings of a driver become [0, 1].
enum class Normalisation : std::uint8_t {
    none,     ///< Values are already in [0, 1].
    min_max,  ///< (x - min) / (max - min) over the candidates rated (all equal -> 1).
    range,    ///< (x - lo) / (hi - lo) with the driver's given range, clamped to [0, 1].
    max,      ///< x / max over candidates (ratio scale).
};

/// "none", "min_max", "range", "max".
[[nodiscard]] std::string_view to_string(Normalisation n) noexcept;

/// Per-driver numeric settings (only for numeric ratings).
struct DriverScale {
    Normalisation normalisation = Normalisation::min_max;  ///< How values are brought to [0, 1].
    double lo = 0.0;                 ///< For `range`.
    double hi = 1.0;                 ///< For `range`.
    bool higher_is_better = true;    ///< false: 1 - normalised value (cost-type driver).
};

/// A rating: either a level name or a number.
struct Rating {
    std::string level;              ///< Qualitative level (used when not empty).
    std::optional<double> number;   ///< Numeric value (used when `level` is empty).
};

/// Input of `score_alignment`: a candidates x drivers rating table.
struct AlignmentInput {
    std::vector<std::string> drivers;       ///< Driver ids.
    std::vector<double> weights;            ///< Driver weights (normalised to sum 1).
    std::vector<DriverScale> driver_scales; ///< Empty or one per driver.
    RatingScale scale{};                    ///< Qualitative scale.
    std::vector<std::string> candidates;    ///< Candidate ids.
    std::vector<Rating> ratings;            ///< Row-major [candidate * drivers + driver]; a missing rating is "none"/0.
};

/// Sensitivity of the ranking to one driver's weight.
struct WeightSensitivity {
    double weight = 0.0;         ///< Current (normalised) weight.
    double lower = 0.0;          ///< Smallest weight keeping today's ranking (0 if it never changes).
    double upper = 1.0;          ///< Largest weight keeping today's ranking (1 if it never changes).
    std::string lower_swap_first;  ///< Below `lower` this candidate (ranked above) falls behind `lower_swap_second`; empty if none.
    std::string lower_swap_second; ///< The candidate that overtakes below `lower`.
    std::string upper_swap_first;  ///< Above `upper` this candidate (ranked above) falls behind `upper_swap_second`; empty if none.
    std::string upper_swap_second; ///< The candidate that overtakes above `upper`.
};

/// Scores, ranking and sensitivity (struct of arrays indexed by candidate, then by driver).
struct AlignmentResult {
    std::vector<std::string> candidates;  ///< Candidate ids (input order).
    std::vector<double> normalised;       ///< [candidate * drivers + driver] in [0, 1].
    std::vector<double> score;            ///< Weighted score in [0, 1].
    std::vector<std::size_t> rank;        ///< 1 = best; ties broken by input order.
    std::vector<std::size_t> order;       ///< Candidate indices best first.
    std::vector<std::string> drivers;     ///< Driver ids.
    std::vector<double> weights;          ///< Normalised weights.
    std::vector<WeightSensitivity> sensitivity;  ///< One per driver.
};

/// Normalises ratings, scores, ranks, and computes each driver's weight-stability interval.
/// Throws `ModelError` on unknown level names, sizes that do not match, negative weights.
[[nodiscard]] AlignmentResult score_alignment(const AlignmentInput& input);

}  // namespace ppm
