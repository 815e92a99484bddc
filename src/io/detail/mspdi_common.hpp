#pragma once
// MSPDI code tables shared by the reader and the writer: duration/lag formats, custom-field families
// and the expansion of MS Project recurring calendar exceptions (Project 2007+ <Exception> form).

#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/time.hpp"

namespace ppm::detail {

/// DurationFormat / LagFormat codes: 4, 6, 8, 10, 12 (em, eh, ed, ew, emo), 20 (e%) and their
/// "estimated" twins 36..44, 52 are elapsed.
bool mspdi_format_is_elapsed(int format) noexcept;
/// 19, 20, 51, 52: percent.
bool mspdi_format_is_percent(int format) noexcept;

enum class FieldFamily { text, date, cost, number, flag, duration, other };
/// The family of a custom field by its MS Project name ("Start3" -> date, "Cost1" -> cost).
FieldFamily mspdi_field_family(std::string_view field_name) noexcept;
/// Name of a well-known extended-attribute FieldID when the file has no definition ("" if unknown).
std::string mspdi_field_name(std::string_view field_id);

/// Adds to each outline-code <Value> of an <OutlineCodes> XML text the children the Project 2013
/// schema requires and Project 2003 files lack: <FieldGUID> (derived from the ValueID, unique in the
/// project) and <Type> 21 (text; outline code values are text). Returns how many values were
/// completed; `xml` is rewritten only then.
int complete_outline_code_values(std::string& xml);

/// An MSPDI exception's recurrence (element values as in the file).
struct Recurrence {
    Date from;
    Date to;
    int type = 1;            ///< 1 daily range, 2 yearly absolute, 3 yearly relative, 4 monthly absolute,
                             ///< 5 monthly relative, 6 weekly, 7 daily every `period` days.
    int occurrences = 0;     ///< 0: until `to`.
    int period = 1;
    int days_of_week = 0;    ///< Bit 0 Sunday ... bit 6 Saturday.
    int month_item = 0;      ///< 3 Sunday ... 9 Saturday.
    int month_position = 0;  ///< 0 first ... 3 fourth, 4 last.
    int month = 0;           ///< 0 January ... 11 December.
    int month_day = 1;
};

/// The dates a recurrence covers; `yearly_forever` for a yearly-absolute rule that runs to MS
/// Project's end of time (2049) without a count (then `dates` holds its first occurrence only).
struct ExpandedRecurrence {
    std::vector<Date> dates;
    bool yearly_forever = false;
};
ExpandedRecurrence expand_recurrence(const Recurrence& r);

}  // namespace ppm::detail
