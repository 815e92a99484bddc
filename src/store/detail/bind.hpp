#pragma once
// Conversions between ppm's value types and SQLite columns (INTEGER minutes, days, minor units).

#include <cstdint>
#include <optional>
#include <string>

#include "ppm/core/error.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"
#include "store/detail/sqlite.hpp"

namespace ppm::detail {

inline std::optional<std::int64_t> to_column(const std::optional<Instant>& t) {
    if (!t) return std::nullopt;
    return t->minutes_since_epoch();
}
inline std::optional<std::int64_t> to_column(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return static_cast<std::int64_t>(d->days_since_epoch());
}
template <class Tag>
std::optional<std::string> to_column(const std::optional<Id<Tag>>& id) {
    if (!id) return std::nullopt;
    return id->str();
}

inline std::optional<Instant> instant_column(const SqliteStatement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    return Instant{s.get_int(col)};
}
inline std::optional<Date> date_column(const SqliteStatement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    return Date{static_cast<std::int32_t>(s.get_int(col))};
}
template <class IdType>
std::optional<IdType> id_column(const SqliteStatement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    return IdType{s.get_text(col)};
}

/// Throws ModelError::unknown_id("portfolio") unless portfolio `id` is stored.
inline void require_portfolio(SqliteDb& db, const PortfolioId& id) {
    auto s = db.prepare("SELECT 1 FROM portfolios WHERE id = ?");
    s.bind(1, id.str());
    if (!s.step()) throw ModelError::unknown_id("portfolio", id.str(), "repository " + db.path());
}

}  // namespace ppm::detail
