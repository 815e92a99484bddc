#pragma once
/// @file
/// One text cell of a CSV file (RFC 4180), safe to open in a spreadsheet.

#include <string>
#include <string_view>

namespace ppm {

/// `text` as one CSV cell: quoted when it holds a comma, quote, CR or LF (quotes doubled), and
/// neutralised against formula injection when it begins with `=`, `+`, `-`, `@`, a tab or a CR
/// (OWASP "CSV Injection": the cell is prefixed with a single quote, so a spreadsheet shows it as
/// text instead of evaluating it). For names and ids; numbers and dates are written as they are.
std::string csv_field(std::string_view text);

}  // namespace ppm
