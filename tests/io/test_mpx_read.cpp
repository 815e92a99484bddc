// MPX reader (src/io/mpx_read.cpp): Max Units and assignment units as fractions, the date and time
// formats of record 12, money from record 10, typed custom fields. Sources of the expected values:
// * MPXJ (joniles/mpxj, src/main/java/org/mpxj/mpx/): Record.getUnits multiplies the file's units by
//   100 to get a percentage and MPXWriter.formatUnits divides by 100, so "1" is 100 %; MPXReader
//   populateDateTimeSettings reads record 12 as date order, time format, default start time, date
//   separator, time separator, AM text, PM text, date format; ProjectDateFormat lists formats 0-20
//   ("25/12/98 12:56" ... "25/05/1998"); LocaleData_de the German names.
// * The shared files (shared/data/interchange/mpx, README.md): MS Project 98 writes "1" in Max Units
//   (calendar-calendars-project98.mpx); sample.mpx (MPXJ) "1", rates "£10.00/h", cost per use
//   "£30.00", assignment units "0.5"; sample1.mpx ";" / "," with "0,5" and 12-hour "08:00 AM".
// * shared/data/interchange/EXPECTED.md: task-starts-project98.mpx "Start{i}" has Start{i} =
//   2014-01-0i 00:00 (date only).
#include <catch2/catch.hpp>

#include "interchange_test_util.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/mpx.hpp"

using namespace ppm;
using namespace ppm::test;
using ppm::test::interchange;

namespace {


const Resource& resource_named(const Portfolio& pf, const std::string& name) {
    for (const auto& r : pf.resources)
        if (r.name == name) return r;
    FAIL("no resource " << name);
    return pf.resources.front();
}

const Task& task_named(const Portfolio& pf, const std::string& name) {
    for (const auto& t : pf.projects.at(0).tasks)
        if (t.name == name) return t;
    FAIL("no task " << name);
    return pf.projects.at(0).tasks.front();
}

/// A hand-written MPX file: the given record 10 and 12, a project header starting `start`, one
/// task whose Start1 column (field 60) and Constraint Date hold `date_text`.
std::string mpx_with_dates(const std::string& rec12, const std::string& start, const std::string& date_text) {
    return "MPX,Microsoft Project for Windows,4.0,ANSI\r\n"
           "10,$,0,2,\",\",.\r\n"
           "11,2,0,1,8.00,40.00,$0.00/h,$0.00/h,1,1\r\n" +
           rec12 + "\r\n20,Standard,0,1,1,1,1,1,0\r\n30,P,,,Standard," + start +
           "\r\n60,Name,ID,Unique ID,Outline Level,Duration,Start1,Constraint Type,Constraint Date\r\n"
           "61,1,90,98,3,40,60,91,68\r\n70,T,1,1,1,1d,\"" +
           date_text + "\",Start No Earlier Than,\"" + date_text + "\"\r\n";
}

}  // namespace

TEST_CASE("mpx: Max Units is a fraction, 1 = 100 % (MS Project 98, MPXJ and comma-decimal files)") {
    if (!ppm::test::have_shared("interchange/mpx")) return;
    // MS Project 98 export: both resources "1" = one full unit (MPXJ reads 100 %).
    const auto cal = read_mpx_file(interchange("mpx/calendar-calendars-project98.mpx")).portfolio;
    REQUIRE(cal.resources.size() == 2);
    for (const auto& r : cal.resources) CHECK(r.max_units == 1.0);
    // sample.mpx (MPXJ writer): "1" for both resources.
    const auto sample = read_mpx_file(interchange("mpx/sample.mpx")).portfolio;
    CHECK(resource_named(sample, "First Resource").max_units == 1.0);
    CHECK(resource_named(sample, "Second Resource").max_units == 1.0);
    // sample1.mpx: "0,5" (decimal comma) is half a unit; an empty field keeps MS Project's default, 1.
    const auto s1 = read_mpx_file(interchange("mpx/sample1.mpx")).portfolio;
    CHECK(resource_named(s1, "Resource1").max_units == 1.0);
    CHECK(resource_named(s1, "Resource2").max_units == 0.5);
}

TEST_CASE("mpx: Max Units with a percent sign is a percentage, assignment units are fractions") {
    const std::string text = "MPX,Microsoft Project for Windows,4.0,ANSI\r\n"
                             "40,Name,ID,Unique ID,Max Units\r\n41,1,40,49,41\r\n"
                             "50,Full,1,1,100%\r\n50,Half,2,2,50%\r\n50,Two,3,3,2\r\n50,Quarter,4,4,0.25\r\n"
                             "60,Name,ID,Unique ID,Duration\r\n61,1,90,98,40\r\n70,T,1,1,1d\r\n75,2,0.5,4h\r\n";
    const auto pf = read_mpx(text, "units.mpx").portfolio;
    CHECK(resource_named(pf, "Full").max_units == 1.0);
    CHECK(resource_named(pf, "Half").max_units == 0.5);
    CHECK(resource_named(pf, "Two").max_units == 2.0);
    CHECK(resource_named(pf, "Quarter").max_units == 0.25);
    REQUIRE(task_named(pf, "T").assignments.size() == 1);
    CHECK(task_named(pf, "T").assignments[0].units == 0.5);
    // A bad value is an error naming the column, not a silent default.
    const std::string bad = "MPX,Microsoft Project for Windows,4.0,ANSI\r\n40,Name,ID,Max Units\r\n41,1,40,41\r\n50,X,1,lots\r\n";
    try {
        (void)read_mpx(bad, "bad.mpx");
        FAIL("'lots' was accepted as units");
    } catch (const ParseError& e) {
        CHECK(e.line() == 4);
        CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains("Max Units"));
    }
}

TEST_CASE("mpx: assignment units, rates and cost per use are read as numbers and money (sample.mpx, sample.de.mpx)") {
    if (!ppm::test::have_shared("interchange/mpx")) return;
    for (const char* file : {"mpx/sample.mpx", "mpx/sample.de.mpx"}) {
        INFO(file);
        const auto pf = read_mpx_file(interchange(file)).portfolio;
        const Resource& first = resource_named(pf, "First Resource");
        const Resource& second = resource_named(pf, "Second Resource");
        // "£10.00/h", "£20.00/h", "£30.00" (German: "£10,00/h" ...).
        REQUIRE(first.cost_rates.size() == 1);
        CHECK(first.cost_rates[0].standard_per_hour == Money(1000));
        CHECK(first.cost_rates[0].overtime_per_hour == Money(2000));
        CHECK(first.cost_rates[0].per_use == Money(3000));
        REQUIRE(second.cost_rates.size() == 1);
        CHECK(second.cost_rates[0].standard_per_hour == Money(500));
        CHECK(second.cost_rates[0].overtime_per_hour == Money(1000));
        CHECK(second.cost_rates[0].per_use == Money(1500));
        // Resource Cost "£2015.00" as currency units, not text.
        REQUIRE(first.custom.count("mpx.Cost"));
        CHECK(std::get<double>(first.custom.at("mpx.Cost")) == 2015.0);
        // "75,1,0.5,200h,..." and "75,2,0.75,300h,...": half a unit of First Resource and three
        // quarters of Second Resource on "Second Task".
        const Task& t = task_named(pf, "Second Task");
        REQUIRE(t.assignments.size() == 2);
        CHECK(t.assignments[0].units == 0.5);
        CHECK(t.assignments[1].units == 0.75);
    }
}

TEST_CASE("mpx: rates per day, week and month, negative amounts in parentheses, thousands separators") {
    const std::string text = "MPX;Microsoft Project for Windows;4,0;ANSI\r\n"
                             "10;€;3;2;.;,\r\n"
                             "11;2;0;1;8,00;40,00;0,00 €/h;0,00 €/h;1;1\r\n"
                             "40;Name;ID;Standard Rate;Overtime Rate;Cost Per Use;Cost\r\n41;1;40;42;43;44;30\r\n"
                             "50;Day;1;80,00 €/t;400,00 €/w;(5,00 €);1.234.567,89 €\r\n";
    const auto r = read_mpx(text, "rates.mpx");
    const Resource& day = r.portfolio.resources.at(0);
    REQUIRE(day.cost_rates.size() == 1);
    CHECK(day.cost_rates[0].standard_per_hour == Money(1000));  // 80 per 8-hour day
    CHECK(day.cost_rates[0].overtime_per_hour == Money(1000));  // 400 per 40-hour week
    CHECK(day.cost_rates[0].per_use == Money(-500));
    CHECK(std::get<double>(day.custom.at("mpx.Cost")) == Approx(1234567.89));
    // The unit as written is kept beside the converted hourly rate.
    CHECK(ppm::test::custom_text(day.custom, "mpx.Standard Rate") == "80,00 €/t");
}

TEST_CASE("mpx: 12-hour calendar times with the file's AM/PM text (sample1.mpx)") {
    if (!ppm::test::have_shared("interchange/mpx")) return;
    // "25;2;08:00 AM;12:00 PM;01:00 PM;05:00 PM" with record 12 "12;1;0;480;/;:;AM;PM;20;0".
    const auto pf = read_mpx_file(interchange("mpx/sample1.mpx")).portfolio;
    REQUIRE(pf.calendars.size() == 1);
    REQUIRE(pf.calendars[0].week[0]);
    CHECK(*pf.calendars[0].week[0] == DaySchedule{{480, 720}, {780, 1020}});
    CHECK(*pf.calendars[0].week[4] == DaySchedule{{480, 720}, {780, 1020}});
    // The project header's "01/01/2003" is day/month/year (record 12 date order 1).
    CHECK(pf.projects[0].start == at(2003, 1, 1));
    CHECK(pf.projects[0].status_date == at(2003, 12, 5));
}

TEST_CASE("mpx: every date format of record 12, in each date order, 12 and 24 hour") {
    struct Case {
        const char* rec12;
        const char* text;
        Instant want;
    };
    const Case cases[] = {
        // format 0 DD_MM_YY_HH_MM in the three orders (0 MDY, 1 DMY, 2 YMD)
        {"12,1,1,480,/,:,,,0", "25/12/98 12:56", at(1998, 12, 25, 12, 56)},
        {"12,0,1,480,/,:,,,0", "12/25/98 12:56", at(1998, 12, 25, 12, 56)},
        {"12,2,1,480,/,:,,,0", "98/12/25 12:56", at(1998, 12, 25, 12, 56)},
        {"12,1,1,480,/,:,,,1", "25/05/98", at(1998, 5, 25)},
        // 2, 3: long month names, either order
        {"12,1,1,480,/,:,,,2", "13 December 2002 12:56", at(2002, 12, 13, 12, 56)},
        {"12,0,1,480,/,:,,,2", "December 13 2002 12:56", at(2002, 12, 13, 12, 56)},
        {"12,2,1,480,/,:,,,2", "2002 December 13 12:56", at(2002, 12, 13, 12, 56)},
        {"12,1,1,480,/,:,,,3", "13 December 2002", at(2002, 12, 13)},
        {"12,1,1,480,.,:,,,3", "13 März 2002", at(2002, 3, 13)},
        // 5 DD_MMM_YY, 10 EEE_DD_MMM_YY
        {"12,1,1,480,/,:,,,5", "25 Aug '98", at(1998, 8, 25)},
        {"12,0,1,480,/,:,,,5", "Aug 25 '98", at(1998, 8, 25)},
        {"12,2,1,480,/,:,,,5", "'98 Aug 25", at(1998, 8, 25)},
        {"12,1,1,480,/,:,,,10", "Tue 25 Aug '98", at(1998, 8, 25)},
        {"12,0,1,480,/,:,,,10", "Tue Aug 25 '98", at(1998, 8, 25)},
        // 8, 9 EEE_DD_MM_YY[_HH_MM]; German weekday and separator
        {"12,1,1,480,/,:,,,8", "Thu 25/05/98 12:56", at(1998, 5, 25, 12, 56)},
        {"12,1,1,480,.,:,,,9", "Di 07.01.03", at(2003, 1, 7)},
        // 19 DD_WWW_YY_HH_MM: day 5 (Friday) of ISO week 25 of 1998
        {"12,1,1,480,/,:,,,19", "5/W25/98 12:56", at(1998, 6, 19, 12, 56)},
        // 20 DD_MM_YYYY; 12-hour times with the file's AM/PM text
        {"12,1,1,480,/,:,,,20", "25/05/1998", at(1998, 5, 25)},
        {"12,1,0,480,/,:,AM,PM,20", "25/05/1998 08:00 PM", at(1998, 5, 25, 20, 0)},
        {"12,1,0,480,/,:,AM,PM,20", "25/05/1998 12:00 AM", at(1998, 5, 25, 0, 0)},
        {"12,1,0,480,/,:,AM,PM,20", "25/05/1998 12:30 pm", at(1998, 5, 25, 12, 30)},
        {"12,0,0,480,-,.,vorm.,nachm.,0", "12-25-98 1.30 nachm.", at(1998, 12, 25, 13, 30)},
    };
    for (const auto& c : cases) {
        INFO(c.rec12 << " | " << c.text);
        const auto r = read_mpx(mpx_with_dates(c.rec12, c.text, c.text), "dates.mpx");
        const Project& p = r.portfolio.projects.at(0);
        CHECK(p.start == c.want);
        const Task& t = p.tasks.at(0);
        REQUIRE(t.constraint.date);
        CHECK(*t.constraint.date == c.want);
        REQUIRE(t.custom.count("mpx.Start1"));
        CHECK(std::get<Instant>(t.custom.at("mpx.Start1")) == c.want);
        CHECK(r.warnings.empty());
    }
}

TEST_CASE("mpx: date formats without a year take the nearest date to the last full one, with a warning") {
    // Format 7 (DD_MMM, "25 Aug") and 13 (DD, "23"): the project start is a full date in the header.
    const auto r = read_mpx(mpx_with_dates("12,1,1,480,/,:,,,20", "28/12/2003", "02/01/2004") +
                                "12,1,1,480,/,:,,,7\r\n70,U,2,2,1,1d,05 Jan,As Soon As Possible,NA\r\n",
                            "partial.mpx");
    const Task& u = r.portfolio.projects.at(0).tasks.at(1);
    CHECK(std::get<Instant>(u.custom.at("mpx.Start1")) == at(2004, 1, 5));
    REQUIRE(r.warnings.size() == 1);
    CHECK_THAT(r.warnings[0].message, Catch::Matchers::Contains("no year"));
    // A time alone names no day: kept as text with a warning, never a made-up date.
    const auto t = read_mpx(mpx_with_dates("12,1,1,480,/,:,,,20", "28/12/2003", "02/01/2004") +
                                "12,1,1,480,/,:,,,14\r\n70,V,2,2,1,1d,12:56,As Soon As Possible,NA\r\n",
                            "time.mpx");
    const Task& v = t.portfolio.projects.at(0).tasks.at(1);
    CHECK(ppm::test::custom_text(v.custom, "mpx.Start1") == "12:56");
    REQUIRE_FALSE(t.warnings.empty());
}

TEST_CASE("mpx: custom fields are typed: dates, costs, flags, numbers (task-starts-project98.mpx, sample.de.mpx)") {
    if (!ppm::test::have_shared("interchange/mpx")) return;
    // EXPECTED.md: task "Start{i}" has Start{i} = 2014-01-0i, date only ("Wed 01/01/14").
    const auto starts = read_mpx_file(interchange("mpx/task-starts-project98.mpx")).portfolio;
    for (int i = 1; i <= 5; ++i) {
        const Task& t = task_named(starts, "Start" + std::to_string(i));
        const std::string key = "mpx.Start" + std::to_string(i);
        REQUIRE(t.custom.count(key));
        CHECK(std::get<Instant>(t.custom.at(key)) == at(2014, 1, i));
        for (int j = 1; j <= 5; ++j)  // "NA": no value, nothing kept
            if (j != i) CHECK(t.custom.count("mpx.Start" + std::to_string(j)) == 0);
    }
    // German columns ("Kosten1", "Attribut1", "Zahl1") get the same English keys and types as English ones.
    const auto de = read_mpx_file(interchange("mpx/sample.de.mpx")).portfolio;
    const Task& t = task_named(de, "First Task");
    CHECK(std::get<double>(t.custom.at("mpx.Cost1")) == 0.0);
    CHECK(std::get<bool>(t.custom.at("mpx.Flag1")) == false);
    CHECK(std::get<double>(t.custom.at("mpx.Number1")) == 0.0);
    CHECK(std::get<double>(t.custom.at("mpx.Cost")) == 3526.25);
    CHECK(std::get<Instant>(t.custom.at("mpx.Baseline Start")) == at(2003, 1, 7));
    CHECK(t.constraint.type == ConstraintType::as_soon_as_possible);  // "So früh wie möglich"
    CHECK(t.custom.count("mpx.Constraint Type") == 0);
    // The file creation record is kept.
    CHECK(ppm::test::custom_text(de.projects[0].custom, "mpx.ProgramName") == "Microsoft Project for Windows");
}

TEST_CASE("mpx: typed custom fields, rates and fractional Max Units survive write_mpx -> read_mpx") {
    Portfolio pf;
    pf.id = PortfolioId("pf");
    pf.calendars.push_back(Calendar::standard(CalendarId("std")));
    pf.default_calendar = CalendarId("std");
    pf.resources.push_back({.id = ResourceId("R"), .name = "Half", .max_units = 0.5,
                            .cost_rates = {CostRate{at(1984, 1, 1), Money(1250), Money(2000), Money(300)}},
                            .custom = {{"mpx.Text1", std::string("skill, senior")}}});
    Project p;
    p.id = ProjectId("p");
    p.start = at(2026, 3, 2, 8);
    Task t;
    t.id = TaskId("1");
    t.name = "T";
    t.duration = Duration{480};
    t.assignments.push_back({.resource = ResourceId("R"), .units = 0.5});
    t.custom = {{"mpx.Start1", at(2026, 4, 1, 9, 30)}, {"mpx.Cost1", 1234.5},     {"mpx.Flag1", true},
                {"mpx.Number1", 2.25},                  {"mpx.Text1", std::string("a \"quoted\", text")},
                {"Text2", std::string("from MS Project XML")}, {"Duration1", std::string("PT16H0M0S")},
                {"mpx.Duration2", std::string("2,5ft?")}};  // German MPX: 2.5 elapsed days, estimated
    p.tasks.push_back(t);
    pf.projects.push_back(p);
    const std::string text = write_mpx(pf);
    CHECK(text.find("\r\n50,Half,1,R,0.5,") != std::string::npos);  // Max Units 0.5 = 50 %
    const auto back = read_mpx(text, "p.mpx").portfolio;
    const Resource& r = back.resources.at(0);
    CHECK(r.max_units == 0.5);
    REQUIRE(r.cost_rates.size() == 1);
    CHECK(r.cost_rates[0] == pf.resources[0].cost_rates[0]);
    CHECK(ppm::test::custom_text(r.custom, "mpx.Text1") == "skill, senior");
    const Task& g = back.projects.at(0).tasks.at(0);
    CHECK(g.assignments.at(0).units == 0.5);
    CHECK(std::get<Instant>(g.custom.at("mpx.Start1")) == at(2026, 4, 1, 9, 30));
    CHECK(std::get<double>(g.custom.at("mpx.Cost1")) == 1234.5);
    CHECK(std::get<bool>(g.custom.at("mpx.Flag1")) == true);
    CHECK(std::get<double>(g.custom.at("mpx.Number1")) == 2.25);
    CHECK(ppm::test::custom_text(g.custom, "mpx.Text1") == "a \"quoted\", text");
    CHECK(ppm::test::custom_text(g.custom, "mpx.Text2") == "from MS Project XML");
    CHECK(ppm::test::custom_text(g.custom, "mpx.Duration1") == "2d");
    CHECK(ppm::test::custom_text(g.custom, "mpx.Duration2") == "2.5ed?");
}
