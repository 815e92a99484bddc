// MPX reader (MS Project 4.0/98 "MPX 4.0" exchange format, as documented in Microsoft's MPX file
// format notes and read by MPXJ's MPXReader, joniles/mpxj src/main/java/org/mpxj/mpx/): one record
// per line, the first field its record number.
//
// * Header line "MPX,<program name>,<file version>,<code page>": the field separator is the
//   character after "MPX"; program name, version and code page are kept as project custom fields
//   (text is decoded as Windows-1252, MS Project's "ANSI"; other code pages are warned).
// * Record 10 (currency settings): symbol, symbol position, digits, thousands separator, decimal
//   separator. Costs, rates ("$10.00/h") and cost per use are read as money with them.
// * Record 11 (default settings): hours per day and per week (durations, rates per day/week).
// * Record 12 (date and time settings): date order (0 MDY, 1 DMY, 2 YMD; MPXJ DateOrder), time
//   format (0 = 12 hour, 1 = 24 hour; MPXJ ProjectTimeFormat), default start time, date separator,
//   time separator, AM text, PM text, date format (0-20, MPXJ ProjectDateFormat: "25/12/98 12:56",
//   "13 December 2002", "Wed 25 Mar '98", "5/W25/98 12:56", "25/05/1998", ...). Every one of
//   these is read: month names (English, German; full or short), either order, 12 or 24 hour
//   times with the file's AM/PM text. Formats without a year (or month) are completed with the
//   nearest date to the last full date read, with a warning.
// * Max Units (resource field 41) and assignment units (record 75) are fractions: "1" is one full
//   unit (100 %), "0.5" half; MPXJ's Record.getUnits multiplies by 100 to get its percentage, and
//   MS Project 98 writes "1" for a 100 % resource (calendar-calendars-project98.mpx). A value with a
//   "%" sign ("100%") is a percentage.
// * Task and resource columns by the numeric ids of records 61/41 (locale independent; the field
//   table is detail/mpx_fields.hpp); values the model has no field for are kept typed as
//   "mpx.<English column name>": dates as date-times, costs as currency units, flags as booleans,
//   numbers as numbers, the rest as text.
// Durations: m/h/d/w/mo with "e" (elapsed) and German "t". See docs/interchange.md.
#include <algorithm>
#include <array>
#include <cmath>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "detail/mpx_fields.hpp"
#include "detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/io/text_file.hpp"

namespace ppm {

namespace {

std::string lower(std::string_view t) {
    std::string s(t);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// Month names as MS Project writes them in English and German (lower case, UTF-8), full and short.
int month_from_name(std::string_view word) {
    static const std::pair<const char*, int> kMonths[] = {
        {"january", 1},  {"jan", 1},  {"januar", 1},  {"jän", 1},      {"february", 2}, {"feb", 2},   {"februar", 2},
        {"march", 3},    {"mar", 3},  {"märz", 3},    {"mär", 3},      {"mrz", 3},      {"april", 4}, {"apr", 4},
        {"may", 5},      {"mai", 5},  {"june", 6},    {"jun", 6},      {"juni", 6},     {"july", 7},  {"jul", 7},
        {"juli", 7},     {"august", 8}, {"aug", 8},   {"september", 9}, {"sep", 9},     {"sept", 9},  {"october", 10},
        {"oct", 10},     {"oktober", 10}, {"okt", 10}, {"november", 11}, {"nov", 11},   {"december", 12}, {"dec", 12},
        {"dezember", 12}, {"dez", 12}};
    const std::string w = lower(word);
    for (const auto& [name, month] : kMonths)
        if (w == name) return month;
    return 0;
}

bool is_weekday_name(std::string_view word) {
    static const char* const kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", "sunday", "monday", "tuesday",
                                        "wednesday", "thursday", "friday", "saturday", "so", "mo", "di", "mi", "do", "fr",
                                        "sa", "sonntag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag"};
    const std::string w = lower(word);
    return std::any_of(std::begin(kDays), std::end(kDays), [&](const char* d) { return w == d; });
}

/// A number in a date text: its value, its digit count and whether "'" or "`" precedes it ("'98").
struct DateNumber {
    int value;
    std::size_t digits;
    bool apostrophe;
};

/// A date text split into its parts (MpxReader::date_tokens).
struct DateTokens {
    std::vector<DateNumber> numbers;
    std::vector<std::string> words;  ///< Month and weekday names (not the AM/PM text after a time).
    std::optional<int> minute;       ///< The "hh:mm" time as a minute of the day (AM/PM applied at the end).
    std::optional<bool> am;          ///< The AM (true) or PM (false) text after the time.
    std::optional<int> week;         ///< "W25"
    bool week_next = false;          ///< A "W" was just read: the next number is the week.
};

/// Day, month and year of a date as its text gives them (0 where it does not).
struct DateFields {
    int year = 0, month = 0, day = 0;
    bool have_year = false, have_month = false;
};

/// A year of two digits or fewer is 1970-2069; longer ones are taken as written.
int year_of(const DateNumber& number) { return number.digits <= 2 ? number.value + (number.value < 70 ? 2000 : 1900) : number.value; }

/// The existing date nearest `reference` on day `fields.day` of month `fields.month` (without a
/// month: of the reference's month or one either side), in the reference's year or one either side.
std::optional<Date> nearest_date(Date reference, const DateFields& fields) {
    std::optional<Date> best;
    for (int year_step = -1; year_step <= 1; ++year_step)
        for (int month_step = fields.have_month ? 0 : -1; month_step <= (fields.have_month ? 0 : 1); ++month_step) {
            int year = reference.year() + year_step, month = fields.have_month ? fields.month : reference.month() + month_step;
            if (month < 1) { month += 12; --year; }
            if (month > 12) { month -= 12; ++year; }
            if (month < 1 || month > 12 || fields.day < 1 || fields.day > 31) continue;
            try {
                const Date candidate = Date::from_ymd(year, month, fields.day);
                if (!best || std::abs(candidate - reference) < std::abs(*best - reference)) best = candidate;
            } catch (const ModelError&) {
            }
        }
    return best;
}

class MpxReader {
public:
    MpxReader(std::string_view text, std::string source) : text_(detail::cp1252_to_utf8(text)), source_(std::move(source)) {}
    ImportResult run();

private:
    std::string text_;
    std::string source_;
    ImportResult out_;
    char sep_ = ',';
    // Record 10.
    std::string currency_;
    char thousands_ = ',';
    char decimal_ = '.';
    // Record 11.
    double hours_per_day_ = 8.0;
    double hours_per_week_ = 40.0;
    // Record 12.
    int date_order_ = 1;
    char date_sep_ = '/';
    char time_sep_ = ':';
    std::string am_ = "am", pm_ = "pm";
    int date_format_ = -1;
    std::optional<Date> reference_;  ///< The last full date read: completes dates written without a year.
    bool warned_partial_date_ = false;
    std::string date_problem_;  ///< Why the last date() returned nullopt when its numbers name no supported day.
    std::int64_t line_ = 0;

    [[noreturn]] void fail(const std::string& what) { throw ParseError::unexpected(source_, line_, 0, what); }
    void warn(std::string entity, std::string message) { out_.warnings.push_back({source_, line_, std::move(entity), std::move(message)}); }

    /// A record's fields; a quote left open at the end of the line is an error (a record is one line:
    /// the file was cut inside the field, or its text lost a quote).
    std::vector<std::string> split(std::string_view line) const {
        std::vector<std::string> out;
        std::string cur;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '"') {
                if (quoted && i + 1 < line.size() && line[i + 1] == '"') { cur += '"'; ++i; }
                else quoted = !quoted;
            } else if (c == sep_ && !quoted) {
                out.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        if (quoted) throw ParseError::unexpected(source_, line_, 0, "unterminated quote: a field opened with '\"' does not close on its line");
        out.push_back(cur);
        return out;
    }
    static bool is_na(std::string_view t) {
        t = detail::trim(t);
        return t.empty() || t == "NA" || t == "NV";  // NV: German "nicht verfügbar"
    }
    std::optional<double> number(std::string_view t) const {
        std::string s;
        for (char c : t) {
            if (c == decimal_) s += '.';
            else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') s += c;
        }
        return detail::parse_double(s);
    }
    /// Max Units / assignment units: a fraction ("1" = 100 %, "0,5" = 50 %), or a percentage with
    /// its sign ("100%").
    std::optional<double> units(std::string_view t) const {
        t = detail::trim(t);
        const bool percent = !t.empty() && t.back() == '%';
        const auto v = number(percent ? t.substr(0, t.size() - 1) : t);
        if (!v) return std::nullopt;
        return percent ? *v / 100.0 : *v;
    }
    /// A currency amount in the record-10 format: "$1,234.50", "1.234,50 €", "(£5.00)" (negative),
    /// "-5" -> major units; nullopt when it is not one.
    std::optional<double> money(std::string_view t) const {
        std::string s(detail::trim(t));
        if (!currency_.empty())
            for (std::size_t p; (p = s.find(currency_)) != std::string::npos;) s.erase(p, currency_.size());
        std::string_view v = detail::trim(s);
        bool negative = false;
        if (v.size() >= 2 && v.front() == '(' && v.back() == ')') { negative = true; v = detail::trim(v.substr(1, v.size() - 2)); }
        std::string digits;
        for (char c : v) {
            if (c == decimal_) digits += '.';
            else if (c == thousands_ && thousands_ != decimal_) continue;
            else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || (c == '.' && decimal_ == '.')) digits += c;
            else if (c == ' ') continue;
            else return std::nullopt;
        }
        const auto d = detail::parse_double(digits);
        if (!d || !std::isfinite(*d)) return std::nullopt;
        return negative ? -*d : *d;
    }
    /// A rate "$10.00/h", "€80/d", "5/w" -> money per hour (per day and week by records 11; a month
    /// is 20 days and a year 52 weeks, MS Project 98's defaults); `hourly` says whether the text was
    /// per hour already (else the text is kept beside the converted value).
    std::optional<Money> rate(std::string_view t, bool& hourly) const {
        const auto slash = t.rfind('/');
        const auto amount = money(slash == std::string_view::npos ? t : t.substr(0, slash));
        if (!amount) return std::nullopt;
        const std::string unit = slash == std::string_view::npos ? "h" : lower(detail::trim(t.substr(slash + 1)));
        double per_hour = 0;
        if (unit == "h" || unit == "std" || unit == "hr") per_hour = *amount;
        else if (unit == "m" || unit == "min") per_hour = *amount * 60.0;
        else if (unit == "d" || unit == "t") per_hour = *amount / hours_per_day_;
        else if (unit == "w") per_hour = *amount / hours_per_week_;
        else if (unit == "mo" || unit == "mon") per_hour = *amount / (hours_per_day_ * 20.0);
        else if (unit == "y" || unit == "j") per_hour = *amount / (hours_per_week_ * 52.0);
        else return std::nullopt;
        hourly = unit == "h" || unit == "std" || unit == "hr";
        return Money::from_major(per_hour);
    }
    /// A flag: the locale's "No" ("No", "Nein", "0", "False") is false, anything else true (MPXJ
    /// MPXReader.populateTask).
    static bool flag(std::string_view t) {
        const std::string v = lower(detail::trim(t));
        return !(v == "no" || v == "nein" || v == "0" || v == "false" || v == "non");
    }
    /// "1d", "2.5h", "3ew", "0ed", "1mo?", "50t" -> (minutes, elapsed).
    std::optional<std::pair<std::int64_t, bool>> duration(std::string_view t) const {
        t = detail::trim(t);
        if (!t.empty() && t.back() == '?') t.remove_suffix(1);
        std::size_t n = 0;
        while (n < t.size() && (std::isdigit(static_cast<unsigned char>(t[n])) || t[n] == decimal_ || t[n] == '.' || t[n] == '-')) ++n;
        const auto v = number(t.substr(0, n));
        if (!v) return std::nullopt;
        std::string unit = lower(detail::trim(t.substr(n)));
        bool elapsed = false;
        if (!unit.empty() && unit[0] == 'e' && unit != "e") { elapsed = true; unit.erase(0, 1); }
        if (unit.size() > 1 && unit[0] == 'f' ) { elapsed = true; unit.erase(0, 1); }  // German "fT" (fortlaufend)
        double minutes = 0;
        const double day = elapsed ? 1440.0 : hours_per_day_ * 60.0;
        const double week = elapsed ? 10080.0 : hours_per_week_ * 60.0;
        if (unit == "m" || unit == "min") minutes = *v;
        else if (unit == "h" || unit == "std") minutes = *v * 60.0;
        else if (unit == "d" || unit == "t" || unit.empty()) minutes = *v * day;
        else if (unit == "w") minutes = *v * week;
        else if (unit == "mo" || unit == "mon") minutes = *v * (elapsed ? 43200.0 : day * 20.0);
        else if (unit == "%") return std::nullopt;
        else return std::nullopt;
        if (!(std::fabs(minutes) <= 1e15)) return std::nullopt;  // overflow of the conversion (docs/limits.md)
        return std::make_pair(static_cast<std::int64_t>(minutes + (minutes >= 0 ? 0.5 : -0.5)), elapsed);
    }
    /// True when `word` is the file's AM text (record 12) or "am"; false for PM; nullopt otherwise
    /// (compared without case and dots: "a.m.", "vorm.").
    std::optional<bool> am_pm(std::string_view word) const {
        const auto plain = [](std::string_view v) {
            std::string out = lower(detail::trim(v));
            std::erase(out, '.');
            return out;
        };
        const std::string w = plain(word);
        if (w.empty()) return std::nullopt;
        if (w == plain(am_) || w == "am") return true;
        if (w == plain(pm_) || w == "pm") return false;
        return std::nullopt;
    }
    /// A time of day in the record-12 format: "08:00", "8:00", "08:00 AM", "12:00 pm" (12 AM is
    /// midnight, 12 PM noon) -> minute of the day; as an end time 00:00 means 24:00.
    std::optional<int> time_of_day(std::string_view t, bool is_end) const {
        t = detail::trim(t);
        std::size_t i = 0;
        int h = 0, m = 0;
        while (i < t.size() && i < 2 && std::isdigit(static_cast<unsigned char>(t[i]))) h = h * 10 + (t[i++] - '0');
        if (i == 0 || i >= t.size() || (t[i] != time_sep_ && t[i] != ':')) return std::nullopt;
        ++i;
        if (i + 2 > t.size() || !std::isdigit(static_cast<unsigned char>(t[i])) || !std::isdigit(static_cast<unsigned char>(t[i + 1])))
            return std::nullopt;
        m = (t[i] - '0') * 10 + (t[i + 1] - '0');
        i += 2;
        if (i < t.size() && (t[i] == time_sep_ || t[i] == ':') && i + 3 <= t.size()) i += 3;  // seconds
        const auto rest = detail::trim(t.substr(i));
        if (!rest.empty()) {
            const auto am = am_pm(rest);
            if (!am || h < 1 || h > 12) return std::nullopt;
            h = h % 12 + (*am ? 0 : 12);
        }
        if (h > 24 || m > 59) return std::nullopt;
        int v = h * 60 + m;
        if (v > 1440) return std::nullopt;
        if (is_end && v == 0) v = 1440;
        return v;
    }
    /// A project header (record 30) date: empty or "NA" -> nullopt, a date -> Instant, anything
    /// else -> ParseError at the record's line (docs/errors.md: bad date).
    std::optional<Instant> header_date(std::string_view t, const char* what) {
        const std::string_view v = detail::trim(t);
        if (is_na(v)) return std::nullopt;
        const auto d = date(v);
        if (!d)
            throw ParseError::unexpected(source_, line_, 0,
                                         std::string("project header (record 30) ") + what + ": " +
                                             (date_problem_.empty() ? "expected a date like 17/10/14" : date_problem_) + ", got '" +
                                             std::string(v) + "'");
        return d;
    }
    std::optional<Instant> date(std::string_view text);
    // The steps of date().
    std::optional<DateTokens> date_tokens(std::string_view text) const;
    bool read_date_number(std::string_view text, std::size_t& pos, DateTokens& tokens) const;
    void read_date_word(std::string_view text, std::size_t& pos, DateTokens& tokens) const;
    std::optional<int> month_of_words(const std::vector<std::string>& words) const;
    std::optional<Instant> week_date(const DateTokens& tokens, std::string_view text);
    std::optional<DateFields> date_fields(const std::vector<DateNumber>& numbers, int month) const;
    std::optional<Instant> instant_of(const DateFields& fields, int minute, std::string_view text);
    /// A task or resource record holds one value per column of its field list (MS Project writes them
    /// all, empty ones too): fewer means the record was cut short and its last values would be lost.
    void check_columns(const std::vector<std::string>& f, const std::vector<int>& ids, const char* what, const char* list) {
        if (ids.empty()) fail(std::string(what) + " before its field list (record " + list + ")");
        if (f.size() - 1 < ids.size())
            fail(std::string(what) + " has " + std::to_string(f.size() - 1) + " values, its field list (record " + list + ") names " +
                 std::to_string(ids.size()) + ": the record is cut short");
    }
    /// A task date column: "NA" -> nullopt; text that is no date is kept as "mpx.<column>" with a warning.
    std::optional<Instant> task_date(const std::string& v, const std::string& entity, const std::string& column, CustomFields& custom) {
        if (is_na(v)) return std::nullopt;
        const auto d = date(v);
        if (!d) {
            warn(entity, column + " '" + v + "' is not a date in the file's date format (record 12)" +
                             (date_problem_.empty() ? "" : " (" + date_problem_ + ")") + ": kept as text");
            custom["mpx." + column] = v;
        }
        return d;
    }
    /// A column the model has no field for, typed by what it holds: dates as date-times, costs as
    /// currency units, flags as booleans, numbers as numbers, the rest (durations too) as text.
    /// nullopt for "no value" (an "NA" date); a value that does not parse stays text, with a warning.
    std::optional<CustomValue> typed(detail::MpxValue kind, const std::string& v, const std::string& entity, const std::string& key) {
        const auto as_text = [&](const char* what) -> CustomValue {
            warn(entity, key.substr(4) + " '" + v + "' is not " + what + ": kept as text");
            return v;
        };
        switch (kind) {
            case detail::MpxValue::date:
                if (is_na(v)) return std::nullopt;
                if (const auto d = date(v)) return *d;
                return as_text("a date in the file's date format (record 12)");
            case detail::MpxValue::money:
                if (const auto m = money(v)) return *m;
                return as_text("an amount in the file's currency format (record 10)");
            case detail::MpxValue::number:
                if (const auto n = number(v)) return *n;
                return as_text("a number");
            case detail::MpxValue::flag:
                return flag(v);
            case detail::MpxValue::text:
            case detail::MpxValue::duration:
                break;
        }
        return v;
    }
    /// One warning per file when dates lack their year (date formats 4, 6, 7, 12, 13, 15-18).
    void note_partial_date(std::string_view text, bool have_month) {
        if (warned_partial_date_) return;
        warned_partial_date_ = true;
        warn("dates", "date format " + std::to_string(date_format_) + " (record 12) writes no year" + (have_month ? "" : " or month") +
                          ": each such date is taken as the one nearest the last full date read (first: '" + std::string(text) + "')");
    }

    // State of run(): the project being read and what later records refer back to.
    using Fields = std::vector<std::string>;
    /// A task's Predecessors column, resolved once every task row is known.
    struct PendingLinks {
        std::size_t task;  ///< position in project_.tasks
        std::string text;  ///< the Predecessors column
        std::int64_t line;
    };
    /// A resource record (50) while its columns are read.
    struct ResourceRecord {
        Resource resource;
        std::string row;  ///< the "ID" column (40): assignments name the resource by it
        CostRate rates{.effective_from = Instant::from_ymd_hm(1984, 1, 1)};  // MS Project's first date, as MSPDI's table A
        bool any_rate = false;
    };
    /// A task record (70) while its columns are read.
    struct TaskRecord {
        Task task;
        std::string row;    ///< the "ID" column (90): predecessors name the task by it
        std::string links;  ///< the Predecessors column (70)
        int level = 1;      ///< the Outline Level column (3)
    };
    Project project_;
    std::vector<std::string> task_columns_, resource_columns_;  ///< records 60 and 40 (column names)
    std::vector<int> task_ids_, resource_ids_;                  ///< records 61 and 41 (column ids)
    std::map<std::string, std::string> calendar_by_name_;       ///< name -> id
    Calendar* calendar_ = nullptr;  ///< the calendar records 25/26/56/57 add to
    Task* task_ = nullptr;          ///< the task records 71/75 add to
    Resource* resource_ = nullptr;  ///< the resource records 51/55 add to
    std::map<std::string, TaskId> task_by_row_;
    std::map<std::string, ResourceId> resource_by_row_;
    std::vector<PendingLinks> pending_links_;
    std::vector<std::pair<int, TaskId>> outline_;  ///< (outline level, task) of the open summary rows
    int calendar_count_ = 0;
    bool header_ = false;

    static std::string field_at(const Fields& f, std::size_t i) { return i < f.size() ? f[i] : std::string(); }
    void read_file_creation(const std::string& raw);
    void read_record(const Fields& f);
    void read_currency_settings(const Fields& f);
    void read_default_settings(const Fields& f);
    void read_date_time_settings(const Fields& f);
    void read_calendar(std::int64_t record, const Fields& f);
    void read_calendar_hours(const Fields& f);
    void read_calendar_exception(const Fields& f);
    void read_project_header(const Fields& f);
    static void read_column_ids(const Fields& f, std::vector<int>& ids);
    void read_resource(const Fields& f);
    void read_resource_column(ResourceRecord& record, std::size_t k, const std::string& v);
    void read_task(const Fields& f);
    void read_task_column(TaskRecord& record, std::size_t k, const std::string& v);
    void add_task(TaskRecord& record);
    void read_assignment(const Fields& f);
    void resolve_links();
    Dependency parse_link(const Task& t, std::string_view s);
    ImportResult finish();
};

/// A date (and time) in any format record 12 allows: "Fri 17/10/14", "17/10/14 08:00",
/// "Di 07.01.03", "13 December 2002 12:56", "December 13 2002", "Wed 25 Mar '98", "25/05/1998",
/// "5/W25/98 12:56", "01/02/2003 08:00 PM"; "NA" -> nullopt. The text is split into numbers, words
/// (a month or a weekday name, the AM/PM text), a "'98" year and an "hh:mm" time; the numbers are
/// placed by the date order of record 12.
std::optional<Instant> MpxReader::date(std::string_view text) {
    date_problem_.clear();
    text = detail::trim(text);
    if (is_na(text)) return std::nullopt;
    const auto tokens = date_tokens(text);  // numbers, words, time of day, week
    if (!tokens) return std::nullopt;
    const auto month = month_of_words(tokens->words);  // a month name (0: none), weekdays skipped
    if (!month) return std::nullopt;
    if (tokens->week) return week_date(*tokens, text);  // "5/W25/98"
    const auto fields = date_fields(tokens->numbers, *month);  // day, month, year by the date order
    if (!fields) return std::nullopt;
    return instant_of(*fields, tokens->minute.value_or(0), text);  // a full date, or the nearest one
}

/// Splits a date text into its parts; nullopt when one is malformed (a number of more than 4
/// digits, a second time, a time that is not one, an hour the AM/PM text cannot take).
std::optional<DateTokens> MpxReader::date_tokens(std::string_view text) const {
    DateTokens tokens;
    for (std::size_t pos = 0; pos < text.size();) {
        const unsigned char character = static_cast<unsigned char>(text[pos]);
        if (std::isdigit(character)) {
            if (!read_date_number(text, pos, tokens)) return std::nullopt;
        } else if (std::isalpha(character) || character >= 0x80) {  // a word (UTF-8 letters included: "März"; "a.m.", "Okt.")
            read_date_word(text, pos, tokens);
        } else {
            ++pos;
        }
    }
    if (tokens.am && tokens.minute) {
        const int hour = *tokens.minute / 60;
        if (hour < 1 || hour > 12) return std::nullopt;
        *tokens.minute = (hour % 12 + (*tokens.am ? 0 : 12)) * 60 + *tokens.minute % 60;
    }
    return tokens;
}

/// Reads the number at `pos` of a date text (or the "hh:mm[:ss]" time it starts) into `tokens` and
/// moves `pos` past it; false when it is malformed.
bool MpxReader::read_date_number(std::string_view text, std::size_t& pos, DateTokens& tokens) const {
    const std::size_t start = pos;
    std::size_t end = start;
    int value = 0;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) {
        if (end - start >= 4) return false;  // no part has more than 4 digits (and no int overflow)
        value = value * 10 + (text[end++] - '0');
    }
    if (end < text.size() && (text[end] == time_sep_ || text[end] == ':') && text[end] != date_sep_) {
        // hh:mm[:ss] [AM]
        std::size_t time_end = end + 1;
        while (time_end < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[time_end])) || text[time_end] == time_sep_ || text[time_end] == ':'))
            ++time_end;
        if (tokens.minute) return false;
        tokens.minute = time_of_day(text.substr(start, time_end - start), false);
        if (!tokens.minute) return false;
        pos = time_end;
        return true;
    }
    const bool apostrophe = start > 0 && (text[start - 1] == '\'' || text[start - 1] == '`');
    if (tokens.week_next) {
        tokens.week = value;
        tokens.week_next = false;
    } else {
        tokens.numbers.push_back({value, end - start, apostrophe});
    }
    pos = end;
    return true;
}

/// Reads the word at `pos` of a date text (letters, dots inside or at its end: "a.m.", "Okt.") into
/// `tokens` and moves `pos` past it: "W" before a number announces a week, the AM/PM text after a
/// time is kept as such, any other word for month_of_words().
void MpxReader::read_date_word(std::string_view text, std::size_t& pos, DateTokens& tokens) const {
    const auto letter = [&](std::size_t k) {
        return k < text.size() && (std::isalpha(static_cast<unsigned char>(text[k])) || static_cast<unsigned char>(text[k]) >= 0x80);
    };
    std::size_t end = pos;
    while (letter(end) || (end < text.size() && text[end] == '.' && (letter(end + 1) || end + 1 == text.size() || text[end + 1] == ' ')))
        ++end;
    std::string word(text.substr(pos, end - pos));
    std::erase(word, '.');
    if ((word == "W" || word == "w") && end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) tokens.week_next = true;
    else if (const auto am = am_pm(word); am && tokens.minute) tokens.am = am;
    else tokens.words.push_back(word);
    pos = end;
}

/// The month a date's words name (0: none); weekday names are skipped, and so is a leading word of
/// the EEE formats 8-11, 15-17 (the weekday in any language) or of several words. nullopt when a
/// word is neither, or two words name a month.
std::optional<int> MpxReader::month_of_words(const std::vector<std::string>& words) const {
    int month = 0;
    const bool weekday_first = date_format_ == 8 || date_format_ == 9 || date_format_ == 10 || date_format_ == 11 ||
                               (date_format_ >= 15 && date_format_ <= 17);
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (const int named = month_from_name(words[k]); named && !(k == 0 && words.size() > 1)) {
            if (month) return std::nullopt;
            month = named;
        } else if (is_weekday_name(words[k]) || (k == 0 && (weekday_first || words.size() > 1))) {
            continue;
        } else {
            return std::nullopt;
        }
    }
    return month;
}

/// "5/W25/98": day 5 of week 25. Assumption (the MPX notes do not say): ISO 8601 weeks, day 1 =
/// Monday. Without a year, the week nearest the last full date read.
std::optional<Instant> MpxReader::week_date(const DateTokens& tokens, std::string_view text) {
    const std::vector<DateNumber>& numbers = tokens.numbers;
    const int week = *tokens.week;
    if (numbers.empty() || numbers.size() > 2 || numbers[0].value < 1 || numbers[0].value > 7 || week < 1 || week > 53)
        return std::nullopt;
    const auto in_year = [&](int year) {
        const Date jan4 = Date::from_ymd(year, 1, 4);
        return jan4 - jan4.weekday() + ((week - 1) * 7 + numbers[0].value - 1);
    };
    try {
        if (numbers.size() == 2) {
            const Date day = in_year(year_of(numbers[1]));
            reference_ = day;
            return Instant::at(day, tokens.minute.value_or(0));
        }
        if (!reference_) return std::nullopt;
        std::optional<Date> best;
        for (int year_step = -1; year_step <= 1; ++year_step) {
            const Date candidate = in_year(reference_->year() + year_step);
            if (!best || std::abs(candidate - *reference_) < std::abs(*best - *reference_)) best = candidate;
        }
        note_partial_date(text, true);
        return Instant::at(*best, tokens.minute.value_or(0));
    } catch (const ModelError&) {
        return std::nullopt;
    }
}

/// Day, month and year of a date from its numbers, placed by the date order of record 12, and the
/// month its words name (0: none); nullopt when the numbers name no day (none, a time alone, or too
/// many).
std::optional<DateFields> MpxReader::date_fields(const std::vector<DateNumber>& numbers, int month) const {
    DateFields fields{.month = month, .have_month = month != 0};
    if (month) {
        // "13 December 2002", "December 13 2002", "2002 December 13", "25 Aug '98", "Wed 23 Mar".
        if (numbers.empty() || numbers.size() > 2) return std::nullopt;
        if (numbers.size() == 1) {
            fields.day = numbers[0].value;
        } else {
            std::size_t year_index = date_order_ == 2 ? 0 : 1;
            if (numbers[0].apostrophe || numbers[0].digits > 2) year_index = 0;
            else if (numbers[1].apostrophe || numbers[1].digits > 2) year_index = 1;
            fields.year = year_of(numbers[year_index]);
            fields.day = numbers[1 - year_index].value;
            fields.have_year = true;
        }
    } else if (numbers.size() == 3) {
        if (date_order_ == 0) { fields.month = numbers[0].value; fields.day = numbers[1].value; fields.year = year_of(numbers[2]); }
        else if (date_order_ == 2) { fields.year = year_of(numbers[0]); fields.month = numbers[1].value; fields.day = numbers[2].value; }
        else { fields.day = numbers[0].value; fields.month = numbers[1].value; fields.year = year_of(numbers[2]); }
        fields.have_year = fields.have_month = true;
    } else if (numbers.size() == 2) {  // "25/5" (DMY) or "5/25" (MDY, YMD)
        if (date_order_ == 1) { fields.day = numbers[0].value; fields.month = numbers[1].value; }
        else { fields.month = numbers[0].value; fields.day = numbers[1].value; }
        fields.have_month = true;
    } else if (numbers.size() == 1) {  // "23", "Wed 05"
        fields.day = numbers[0].value;
    } else {
        return std::nullopt;  // a time alone ("12:56", "Wed 12:56") names no day
    }
    return fields;
}

/// The instant of a date's fields at `minute` of the day. A full date (with its year) becomes the
/// reference of later partial ones; a date without a year (or month) is the candidate nearest that
/// reference (nullopt without one), warned once per file.
std::optional<Instant> MpxReader::instant_of(const DateFields& fields, int minute, std::string_view text) {
    try {
        if (fields.have_year) {
            date_problem_ = detail::date_problem(fields.year, fields.month, fields.day);
            if (!date_problem_.empty()) return std::nullopt;
            const Date day = Date::from_ymd(fields.year, fields.month, fields.day);
            reference_ = day;
            return Instant::at(day, minute);
        }
        if (!reference_) return std::nullopt;
        const std::optional<Date> best = nearest_date(*reference_, fields);
        if (!best) return std::nullopt;
        note_partial_date(text, fields.have_month);
        return Instant::at(*best, minute);
    } catch (const ModelError&) {
        return std::nullopt;
    }
}

ImportResult MpxReader::run() {
    const std::string stem = std::filesystem::path(source_).stem().string();
    project_.id = ProjectId(stem.empty() || stem == "<input>" ? "project" : stem);
    std::istringstream in(text_);
    std::string raw;
    while (std::getline(in, raw)) {
        ++line_;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        if (raw.empty()) continue;
        if (!header_) read_file_creation(raw);  // the "MPX,..." line: separator, program, code page
        else read_record(split(raw));           // one record by its number
    }
    if (!header_) {
        line_ = 1;
        fail("an MPX file starts with 'MPX,' (empty file)");
    }
    resolve_links();  // Predecessors columns, now that every task row is known
    return finish();  // the portfolio around the one project
}

/// File creation record: MPX, program name, file version, code page (MPXJ
/// populateFileCreationRecord). Text is decoded as Windows-1252 (MS Project's "ANSI").
void MpxReader::read_file_creation(const std::string& raw) {
    if (raw.rfind("MPX", 0) != 0 || raw.size() < 4) fail("an MPX file starts with 'MPX,'");
    sep_ = raw[3];
    header_ = true;
    const auto f = split(raw);
    const char* const kHeader[] = {"mpx.ProgramName", "mpx.FileVersion", "mpx.CodePage"};
    for (std::size_t k = 1; k < f.size() && k <= 3; ++k)
        if (!detail::trim(f[k]).empty()) project_.custom[kHeader[k - 1]] = std::string(detail::trim(f[k]));
    if (f.size() > 3 && !detail::trim(f[3]).empty() && lower(detail::trim(f[3])) != "ansi")
        warn("project", "code page '" + f[3] + "' read as Windows-1252 (ANSI): characters outside ASCII may differ");
}

void MpxReader::read_record(const Fields& f) {
    const auto rec = detail::parse_int(f[0]);
    if (!rec) fail("expected a record number, got '" + f[0] + "'");
    switch (*rec) {
        case 10: read_currency_settings(f); break;
        case 11: read_default_settings(f); break;
        case 12: read_date_time_settings(f); break;
        case 20:
        case 55: read_calendar(*rec, f); break;
        case 25:
        case 56: read_calendar_hours(f); break;
        case 26:
        case 57: read_calendar_exception(f); break;
        case 30: read_project_header(f); break;
        case 40: resource_columns_.assign(f.begin() + 1, f.end()); break;
        case 41: read_column_ids(f, resource_ids_); break;
        case 60: task_columns_.assign(f.begin() + 1, f.end()); break;
        case 61: read_column_ids(f, task_ids_); break;
        case 50: read_resource(f); break;
        case 51:
            if (resource_) resource_->notes = field_at(f, 1);
            break;
        case 70: read_task(f); break;
        case 71:
            if (task_) task_->notes = field_at(f, 1);
            break;
        case 75: read_assignment(f); break;
        default:
            warn("record " + f[0], "MPX record type " + f[0] + " not imported");
    }
}

/// Record 10: currency symbol, symbol position, digits, thousands separator, decimal separator.
void MpxReader::read_currency_settings(const Fields& f) {
    const auto punct = [](const std::string& v) {
        return v.size() == 1 && std::ispunct(static_cast<unsigned char>(v[0])) ? v[0] : '\0';
    };
    currency_ = std::string(detail::trim(field_at(f, 1)));
    if (const char c = punct(field_at(f, 5))) decimal_ = c;
    if (const char c = punct(field_at(f, 4)); c && c != decimal_) thousands_ = c;
    else if (thousands_ == decimal_) thousands_ = decimal_ == ',' ? '.' : ',';
}

/// Record 11: hours per day and per week.
void MpxReader::read_default_settings(const Fields& f) {
    if (const auto h = number(field_at(f, 4)); h && *h > 0) hours_per_day_ = *h;
    if (const auto h = number(field_at(f, 5)); h && *h > 0) hours_per_week_ = *h;
    project_.minutes_per_day = static_cast<std::int64_t>(hours_per_day_ * 60.0 + 0.5);
    project_.minutes_per_week = static_cast<std::int64_t>(hours_per_week_ * 60.0 + 0.5);
}

/// Record 12: date order, time format, default start time, date separator, time separator, AM
/// text, PM text, date format, bar text date format (MPXJ populateDateTimeSettings).
void MpxReader::read_date_time_settings(const Fields& f) {
    if (const auto v = detail::parse_int(field_at(f, 1)); v && *v >= 0 && *v <= 2) date_order_ = static_cast<int>(*v);
    if (field_at(f, 4).size() == 1) date_sep_ = field_at(f, 4)[0];
    if (field_at(f, 5).size() == 1) time_sep_ = field_at(f, 5)[0];
    if (!detail::trim(field_at(f, 6)).empty()) am_ = lower(detail::trim(field_at(f, 6)));
    if (!detail::trim(field_at(f, 7)).empty()) pm_ = lower(detail::trim(field_at(f, 7)));
    if (const auto v = detail::parse_int(field_at(f, 8)); v && *v >= 0 && *v <= 20) date_format_ = static_cast<int>(*v);
}

/// Record 20 (base calendar) or 55 (the last resource's calendar): name or base, then seven day
/// flags from Sunday.
void MpxReader::read_calendar(std::int64_t record, const Fields& f) {
    Calendar cal;
    ++calendar_count_;
    cal.id = CalendarId(std::to_string(calendar_count_));
    if (record == 20) {
        cal.name = field_at(f, 1);
        calendar_by_name_[cal.name] = cal.id.str();
    } else {
        if (!resource_) fail("resource calendar (record 55) before any resource (record 50)");
        const std::string base = field_at(f, 1);
        cal.name = resource_->name;
        if (const auto it = calendar_by_name_.find(base); it != calendar_by_name_.end()) cal.base = CalendarId(it->second);
        else if (!base.empty()) warn("calendar " + cal.id.str(), "base calendar '" + base + "' not found");
        resource_->calendar = cal.id;
    }
    for (std::size_t d = 0; d < 7; ++d) {
        const std::string flag = field_at(f, 2 + d);
        const auto idx = (d + 6) % 7;  // Sunday first -> Monday = 0
        if (flag == "0") cal.week[idx] = DaySchedule{};
        else if (flag == "1") cal.week[idx] = DaySchedule{{480, 720}, {780, 1020}};
        // 2 (or empty): default / inherited from the base calendar.
    }
    out_.portfolio.calendars.push_back(std::move(cal));
    calendar_ = &out_.portfolio.calendars.back();
}

/// Record 25/56: a weekday's working hours (from/to pairs) of the last calendar.
void MpxReader::read_calendar_hours(const Fields& f) {
    if (!calendar_) fail("calendar hours (record 25/56) before a calendar");
    const auto day = detail::parse_int(field_at(f, 1));
    if (!day || *day < 1 || *day > 7) fail("calendar hours: expected a day 1 (Sunday) .. 7");
    DaySchedule hours;
    for (std::size_t k = 2; k + 1 < f.size() + 1; k += 2) {
        const auto s = time_of_day(field_at(f, k), false);
        const auto e = time_of_day(field_at(f, k + 1), true);
        if (!s || !e) break;
        if (*e <= *s) { hours.push_back({*s, 1440}); if (*e > 0 && *e < 1440) hours.push_back({0, *e}); }
        else hours.push_back({*s, *e});
    }
    std::sort(hours.begin(), hours.end(), [](const WorkInterval& a, const WorkInterval& b) { return a.start < b.start; });
    auto& slot = calendar_->week[static_cast<std::size_t>((*day + 5) % 7)];
    if (!hours.empty() || (slot && !slot->empty())) slot = hours;
}

/// Record 26/57: an exception of the last calendar (from, to, working flag, hours).
void MpxReader::read_calendar_exception(const Fields& f) {
    if (!calendar_) fail("calendar exception (record 26/57) before a calendar");
    const auto from = date(field_at(f, 1));
    // A one-day exception may give the from date only (MPXJ populateCalendarException).
    const auto to = is_na(field_at(f, 2)) ? from : date(field_at(f, 2));
    if (!from || !to)
        fail("calendar exception: " + (date_problem_.empty() ? std::string("expected from and to dates") : date_problem_));
    CalendarException ex{"", from->date(), to->date(), {}, false};
    if (field_at(f, 3) == "1") {
        for (std::size_t k = 4; k + 1 < f.size() + 1; k += 2) {
            const auto s = time_of_day(field_at(f, k), false);
            const auto e = time_of_day(field_at(f, k + 1), true);
            if (!s || !e) break;
            ex.hours.push_back({*s, *e});
        }
    }
    calendar_->exceptions.push_back(std::move(ex));
}

/// Record 30: project name, company, manager, calendar, start date, ..., status date.
void MpxReader::read_project_header(const Fields& f) {
    project_.name = field_at(f, 1);
    if (!field_at(f, 2).empty()) project_.custom["mpx.Company"] = field_at(f, 2);
    project_.manager = field_at(f, 3);
    const std::string calendar_name = field_at(f, 4);
    if (const auto it = calendar_by_name_.find(calendar_name); it != calendar_by_name_.end()) project_.calendar = CalendarId(it->second);
    else if (!detail::trim(calendar_name).empty())
        warn("project", "calendar '" + calendar_name + "' not found: the project keeps its default calendar");
    if (const auto s = header_date(field_at(f, 5), "start date")) project_.start = *s;
    if (const auto s = header_date(field_at(f, 8), "status date")) project_.status_date = *s;
    for (std::size_t k = 6; k < f.size(); ++k)
        if (k != 8 && !f[k].empty()) project_.custom["mpx.header." + std::to_string(k)] = f[k];
}

/// Record 41/61: the numeric column ids of the following resource/task records.
void MpxReader::read_column_ids(const Fields& f, std::vector<int>& ids) {
    ids.clear();
    for (std::size_t k = 1; k < f.size(); ++k) ids.push_back(static_cast<int>(detail::parse_int(f[k]).value_or(-1)));
}

/// Record 50: a resource, one value per column of record 41.
void MpxReader::read_resource(const Fields& f) {
    check_columns(f, resource_ids_, "resource (record 50)", "41");
    ResourceRecord record;
    for (std::size_t k = 0; k < resource_ids_.size() && k + 1 < f.size(); ++k) read_resource_column(record, k, f[k + 1]);
    Resource& res = record.resource;
    const std::string& row = record.row;
    if (record.any_rate) res.cost_rates.push_back(record.rates);
    if (res.id.empty()) res.id = ResourceId(row.empty() ? std::to_string(out_.portfolio.resources.size() + 1) : row);
    res.custom["mpx.ID"] = row;
    resource_by_row_[row] = res.id;
    out_.portfolio.resources.push_back(std::move(res));
    resource_ = &out_.portfolio.resources.back();
    calendar_ = nullptr;
}

/// Column `k` (value `v`) of a resource record.
void MpxReader::read_resource_column(ResourceRecord& record, std::size_t k, const std::string& v) {
    Resource& res = record.resource;
    const int id = resource_ids_[k];
    const auto* field = detail::find_mpx_field(detail::kMpxResourceFields, id);
    const std::string key = "mpx." + (field ? std::string(field->name)
                                            : k < resource_columns_.size() ? resource_columns_[k] : "field" + std::to_string(id));
    const std::string entity =
        "resource " + (record.row.empty() ? std::to_string(out_.portfolio.resources.size() + 1) : record.row);
    if (id == 1) res.name = v;
    else if (id == 40) record.row = v;
    else if (id == 49) res.id = ResourceId(v);
    else if (id == 3) res.group = v;
    else if (id == 10 && !v.empty()) res.notes = v;
    else if (id == 41) {
        if (detail::trim(v).empty()) return;  // MS Project's default: one full unit
        const auto u = units(v);
        if (!u) fail("resource column '" + key.substr(4) + "': expected units like 1 or 0.5 (= 50 %), got '" + v + "'");
        res.max_units = *u;
    } else if ((id == 42 || id == 43) && !detail::trim(v).empty()) {
        bool hourly = true;
        const auto r = rate(v, hourly);
        if (!r) { warn(entity, key.substr(4) + " '" + v + "' is not a rate like $10.00/h: kept as text"); res.custom[key] = v; return; }
        (id == 42 ? record.rates.standard_per_hour : record.rates.overtime_per_hour) = *r;
        record.any_rate = true;
        if (!hourly) res.custom[key] = v;  // the unit as written (converted to per hour above)
    } else if (id == 44 && !detail::trim(v).empty()) {
        const auto c = money(v);
        if (!c) { warn(entity, "Cost Per Use '" + v + "' is not an amount: kept as text"); res.custom[key] = v; return; }
        record.rates.per_use = Money::from_major(*c);
        record.any_rate = true;
    } else if (!v.empty()) {
        if (auto value = typed(field ? field->kind : detail::MpxValue::text, v, entity, key)) res.custom[key] = std::move(*value);
    }
}

/// Record 70: a task, one value per column of record 61.
void MpxReader::read_task(const Fields& f) {
    check_columns(f, task_ids_, "task (record 70)", "61");
    TaskRecord record;
    for (std::size_t k = 0; k < task_ids_.size() && k + 1 < f.size(); ++k) read_task_column(record, k, f[k + 1]);
    add_task(record);
}

/// A constraint type as MS Project writes it (English or German); nullopt for other text.
std::optional<ConstraintType> constraint_from_name(const std::string& v) {
    static const std::map<std::string, ConstraintType> kC = {
        {"As Soon As Possible", ConstraintType::as_soon_as_possible},
        {"As Late As Possible", ConstraintType::as_late_as_possible},
        {"Must Start On", ConstraintType::must_start_on}, {"Must Finish On", ConstraintType::must_finish_on},
        {"Start No Earlier Than", ConstraintType::start_no_earlier_than},
        {"Start No Later Than", ConstraintType::start_no_later_than},
        {"Finish No Earlier Than", ConstraintType::finish_no_earlier_than},
        {"Finish No Later Than", ConstraintType::finish_no_later_than},
        // German MS Project (MPXJ LocaleData_de CONSTRAINT_TYPES).
        {"So früh wie möglich", ConstraintType::as_soon_as_possible},
        {"So spät wie möglich", ConstraintType::as_late_as_possible},
        {"Muss anfangen am", ConstraintType::must_start_on}, {"Muss enden am", ConstraintType::must_finish_on},
        {"Anfang nicht früher als", ConstraintType::start_no_earlier_than},
        {"Anfang nicht später als", ConstraintType::start_no_later_than},
        {"Ende nicht früher als", ConstraintType::finish_no_earlier_than},
        {"Ende nicht später als", ConstraintType::finish_no_later_than}};
    if (const auto it = kC.find(v); it != kC.end()) return it->second;
    return std::nullopt;
}

/// Column `k` (value `v`) of a task record.
void MpxReader::read_task_column(TaskRecord& record, std::size_t k, const std::string& v) {
    Task& t = record.task;
    const int id = task_ids_[k];
    const auto* field = detail::find_mpx_field(detail::kMpxTaskFields, id);
    const std::string col = field ? std::string(field->name) : k < task_columns_.size() ? task_columns_[k] : "field" + std::to_string(id);
    const std::string entity = "task " + (record.row.empty() ? std::to_string(project_.tasks.size() + 1) : record.row);
    switch (id) {
        case 1: t.name = v; break;
        case 90: record.row = v; break;
        case 98: t.id = TaskId(v); break;
        case 3: record.level = static_cast<int>(detail::parse_int(v).value_or(1)); break;
        case 40: {
            if (detail::trim(v).empty()) break;  // summary rows may leave it blank
            const auto d = duration(v);
            if (!d) fail("task column '" + col + "': expected a duration like 2d, got '" + v + "'");
            t.duration = Duration{d->first};
            if (d->second) t.custom["mpx.ElapsedDuration"] = true;
            break;
        }
        case 43: {  // Remaining Duration: the team's re-estimate of an in-progress task
            if (detail::trim(v).empty()) break;
            const auto d = duration(v);
            if (!d) fail("task column '" + col + "': expected a duration like 2d, got '" + v + "'");
            t.progress.remaining_duration = Duration{d->first};
            break;
        }
        case 44: if (const auto p = number(v)) t.progress.percent_complete = *p; break;
        case 58: t.progress.actual_start = task_date(v, entity, col, t.custom); break;
        case 59: t.progress.actual_finish = task_date(v, entity, col, t.custom); break;
        case 70: record.links = v; break;
        case 68: t.constraint.date = task_date(v, entity, col, t.custom); break;
        case 91:
            if (const auto type = constraint_from_name(v)) t.constraint.type = *type;
            else if (!v.empty()) t.custom["mpx." + col] = v;
            break;
        default:
            if (v.empty()) break;
            if (auto value = typed(field ? field->kind : detail::MpxValue::text, v, entity, "mpx." + col))
                t.custom["mpx." + col] = std::move(*value);
    }
}

/// A read task record: its constraint checked, its parent by the outline level, then added to
/// the project (the project summary row, outline level 0, is not).
void MpxReader::add_task(TaskRecord& record) {
    Task& t = record.task;
    const std::string& row = record.row;
    if (!t.constraint.date && t.constraint.type != ConstraintType::as_soon_as_possible &&
        t.constraint.type != ConstraintType::as_late_as_possible) {
        warn("task " + row, "constraint without a date ignored");
        t.constraint = {};
    }
    if (t.constraint.type == ConstraintType::as_soon_as_possible || t.constraint.type == ConstraintType::as_late_as_possible)
        t.constraint.date.reset();
    if (t.id.empty()) t.id = TaskId(row);
    t.custom["mpx.ID"] = row;
    if (row == "0" && record.level == 0) {  // the project summary row
        warn("task 0", "project summary row (outline level 0) not imported as a task; MS Project derives it");
        task_ = nullptr;
        return;
    }
    while (!outline_.empty() && outline_.back().first >= record.level) outline_.pop_back();
    if (!outline_.empty()) t.parent = outline_.back().second;
    outline_.emplace_back(record.level, t.id);
    task_by_row_[row] = t.id;
    project_.tasks.push_back(std::move(t));
    task_ = &project_.tasks.back();
    if (!record.links.empty()) pending_links_.push_back({project_.tasks.size() - 1, record.links, line_});
}

/// Record 75: an assignment of the last task (resource row, units, work, ..., actual work).
void MpxReader::read_assignment(const Fields& f) {
    if (!task_) fail("assignment (record 75) before a task");
    Assignment a;
    const auto it = resource_by_row_.find(field_at(f, 1));
    if (it == resource_by_row_.end())
        fail("assignment (record 75) of task " + task_->id.str() + ": resource " + field_at(f, 1) + " is not in the file");
    a.resource = it->second;
    if (const auto u = units(field_at(f, 2))) a.units = *u;  // a fraction, 1 = 100 % (MPXJ Record.getUnits)
    if (const auto w = duration(field_at(f, 3))) a.work = Duration{w->first};
    if (const auto w = duration(field_at(f, 5)); w && w->first > 0) a.actual_work = Duration{w->first};
    task_->assignments.push_back(std::move(a));
}

/// Links: "3FS+1d", "5", "11SF+2d"; several separated by the list separator.
void MpxReader::resolve_links() {
    for (const auto& [index, text, line] : pending_links_) {
        Task& t = project_.tasks[index];
        line_ = line;
        std::string list = text;
        for (char& c : list) if (c == ';') c = ',';
        std::stringstream ss(list);
        std::string item;
        while (std::getline(ss, item, ',')) {
            const std::string_view s = detail::trim(item);
            if (s.empty()) continue;
            t.predecessors.push_back(parse_link(t, s));
        }
    }
}

/// One link of task `t`: predecessor row, type (English or German), lag ("+1d", "-2ed", "50%").
Dependency MpxReader::parse_link(const Task& t, std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
    const std::string ref(s.substr(0, n));
    const auto target = task_by_row_.find(ref);
    if (target == task_by_row_.end())
        fail("task " + t.id.str() + ": predecessor '" + std::string(s) + "' names task row " + (ref.empty() ? "(none)" : ref) +
             ", which is not in the file");
    Dependency d;
    d.predecessor = target->second;
    d.lag_calendar = LagCalendar::successor;
    std::string_view rest = s.substr(n);
    if (rest.size() >= 2) {
        const auto type = rest.substr(0, 2);
        if (type == "FS" || type == "EA") d.type = LinkType::finish_start;
        else if (type == "SS" || type == "AA") d.type = LinkType::start_start;
        else if (type == "FF" || type == "EE") d.type = LinkType::finish_finish;
        else if (type == "SF" || type == "AE") d.type = LinkType::start_finish;
        rest.remove_prefix(2);
    }
    if (rest.empty()) return d;
    const bool neg = rest[0] == '-';
    if (rest[0] == '+' || rest[0] == '-') rest.remove_prefix(1);
    if (!rest.empty() && rest.back() == '%') {
        d.lag.unit = LagUnit::percent;
        d.lag.percent = number(rest.substr(0, rest.size() - 1)).value_or(0.0) * (neg ? -1 : 1);
    } else {
        const auto lag = duration(rest);
        if (!lag) { warn("task " + t.id.str(), "lag '" + std::string(rest) + "' not understood: 0 used"); }
        else {
            d.lag.unit = lag->second ? LagUnit::elapsed : LagUnit::working;
            d.lag.amount = Duration{neg ? -lag->first : lag->first};
        }
    }
    return d;
}

/// The portfolio around the one project: its id, name, default calendar and status date.
ImportResult MpxReader::finish() {
    auto& portfolio = out_.portfolio;
    portfolio.id = PortfolioId(project_.id.str());
    portfolio.name = project_.name;
    portfolio.default_calendar = project_.calendar;
    if (!portfolio.default_calendar && !portfolio.calendars.empty()) portfolio.default_calendar = portfolio.calendars.front().id;
    portfolio.status_date = project_.status_date;
    portfolio.projects.push_back(std::move(project_));
    return std::move(out_);
}

}  // namespace

ImportResult read_mpx(std::string_view text, std::string_view source_name) {
    return read_mpx(text, source_name, ReadLimits{});
}

ImportResult read_mpx(std::string_view text, std::string_view source_name, const ReadLimits& limits) {
    const std::string source(source_name);
    detail::check_text_lines(text, source, limits, ",;\t");
    MpxReader r(text, source);
    ImportResult out = r.run();
    detail::check_tasks(out.portfolio, source, limits);
    return out;
}

ImportResult read_mpx_file(const std::filesystem::path& path) { return read_mpx_file(path, ReadLimits{}); }

ImportResult read_mpx_file(const std::filesystem::path& path, const ReadLimits& limits) {
    detail::check_file_size(path, limits);
    return read_mpx(read_text_file(path), path.string(), limits);
}

}  // namespace ppm
