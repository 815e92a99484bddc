// Fidelity suite (issue 19): hand-made P6 (XER) and MS Project (MSPDI) files, read by the importers
// and scheduled by ppm, with the dates P6 / MS Project give, worked out from their documentation:
// - Oracle P6 help, "Working with activity constraints": only Mandatory Start / Finish override
//   logic; "Start On" delays the early start and pulls in the late start, logic wins and the
//   conflict shows as negative float.
// - MS Project XML reference, <HonorConstraints>: "Tasks will always honor their constraint dates";
//   off, logic wins over MSO and the conflict shows as negative slack.
// - P6 places a finish milestone whose late date falls at the start of a working period at the end
//   of the previous one (MPXJ's PrimaveraScheduler, getEquivalentPreviousWorkFinish), so a
//   predecessor on a seven-day calendar gains no weekend of float from it.
// The calendars: "5 Day" Mon-Fri 08:00-16:00 and "7 Day" every day 08:00-16:00; 2026-03-02 is a Monday.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "ppm/io/mspdi.hpp"
#include "ppm/io/xer.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

using namespace ppm;

namespace {

Instant at(int day, int hour) { return Instant::from_ymd_hm(2026, 3, day, hour, 0); }

std::string day_hours(int p6_day, bool works) {
    return "(0||" + std::to_string(p6_day) + "()(" + (works ? "(0||0(s|08:00|f|16:00)())" : "") + "))";
}

std::string calendar_row(const char* id, const char* name, bool weekends) {
    std::string days;
    for (int d = 1; d <= 7; ++d) days += day_hours(d, weekends || (d >= 2 && d <= 6));  // 1 = Sunday
    return std::string("%R\t") + id + "\t" + name + "\t\t8\t(0||CalendarData()((0||DaysOfWeek()(" + days + "))))\n";
}

std::string xer(const std::string& task_rows, const std::string& pred_rows) {
    return "ERMHDR\t20.12\t2026-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD\n"
           "%T\tPROJECT\n%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tlast_recalc_date\n"
           "%R\t1\tFID\t10\t2026-03-02 08:00\t2026-03-02 08:00\n"
           "%T\tCALENDAR\n%F\tclndr_id\tclndr_name\tbase_clndr_id\tday_hr_cnt\tclndr_data\n" +
           calendar_row("10", "5 Day", false) + calendar_row("20", "7 Day", true) +
           "%T\tPROJWBS\n%F\twbs_id\tproj_id\tseq_num\tproj_node_flag\twbs_short_name\twbs_name\tparent_wbs_id\n"
           "%R\t100\t1\t0\tY\tFID\tFID\t\n"
           "%T\tTASK\n%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_code\ttask_name\ttask_type\ttarget_drtn_hr_cnt"
           "\tremain_drtn_hr_cnt\tcstr_type\tcstr_date\n" +
           task_rows + "%T\tTASKPRED\n%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_type\tlag_hr_cnt\n" + pred_rows + "%E\n";
}

std::size_t row_of(const ScheduleResult& r, const char* id) {
    return static_cast<std::size_t>(std::find(r.task_id.begin(), r.task_id.end(), TaskId(id)) - r.task_id.begin());
}

bool conflict(const ScheduleResult& r, std::size_t i) {
    return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const ScheduleWarning& w) {
        return w.kind == ScheduleWarningKind::constraint_conflict && w.task == TaskIndex{static_cast<std::uint32_t>(i)};
    });
}

}  // namespace

TEST_CASE("fidelity: P6 Start On keeps logic, Mandatory Start overrides it (XER)") {
    // A 16 h Mon-Tue -> B 8 h "Start On" Tue 3 08:00 and -> C 8 h "Mandatory Start" Tue 3 08:00.
    // B: logic Wed 4 08:00 wins; LS capped at Tue 3 08:00, LF Tue 3 16:00, TF = -1 day; no conflict.
    // C: sits on Tue 3 08:00 (conflict); A must finish by C's start: LF(A) = Mon 2 16:00, TF -1 day.
    const std::string text = xer(
        "%R\t1\t1\t100\t10\tA\tA\tTT_Task\t16\t16\t\t\n"
        "%R\t2\t1\t100\t10\tB\tB\tTT_Task\t8\t8\tCS_MSO\t2026-03-03 08:00\n"
        "%R\t3\t1\t100\t10\tC\tC\tTT_Task\t8\t8\tCS_MANDSTART\t2026-03-03 08:00\n",
        "%R\t1\t2\t1\t1\tPR_FS\t0\n%R\t2\t3\t1\t1\tPR_FS\t0\n");
    const ImportResult in = read_xer(text, "fidelity.xer");
    const ScheduleResult r = schedule(in.portfolio);
    const std::size_t a = row_of(r, "1"), b = row_of(r, "2"), c = row_of(r, "3");
    CHECK(r.early_start[b] == at(4, 8));
    CHECK(r.late_start[b] == at(3, 8));
    CHECK(r.total_float[b] == Duration{-480});
    CHECK_FALSE(conflict(r, b));
    CHECK(r.early_start[c] == at(3, 8));
    CHECK(conflict(r, c));
    CHECK(r.late_finish[a] == at(2, 16));
    CHECK(r.total_float[a] == Duration{-480});
    CHECK(validate_schedule(in.portfolio, r).empty());
}

TEST_CASE("fidelity: a finish milestone's late date takes the end of the previous working period (XER)") {
    // X 8 h on "7 Day" Mon 2 -> M finish milestone on "5 Day" -> D 8 h "Start On or After" Mon 9.
    // M: early Mon 2 16:00; its late bound Mon 9 08:00 becomes Fri 6 16:00, so X (seven days) must
    // finish by Fri 6 16:00: TF(X) = Tue..Fri = 4 days (6 days if the weekend counted).
    const std::string text = xer(
        "%R\t1\t1\t100\t20\tX\tX\tTT_Task\t8\t8\t\t\n"
        "%R\t2\t1\t100\t10\tM\tM\tTT_FinMile\t0\t0\t\t\n"
        "%R\t3\t1\t100\t10\tD\tD\tTT_Task\t8\t8\tCS_MSOA\t2026-03-09 08:00\n",
        "%R\t1\t2\t1\t1\tPR_FS\t0\n%R\t2\t3\t2\t1\tPR_FS\t0\n");
    const ImportResult in = read_xer(text, "milestone.xer");
    const ScheduleResult r = schedule(in.portfolio);
    const std::size_t x = row_of(r, "1"), m = row_of(r, "2");
    CHECK(r.early_start[m] == at(2, 16));
    CHECK(r.late_start[m] == at(6, 16));
    CHECK(r.late_finish[x] == at(6, 16));
    CHECK(r.total_float[x] == Duration{4 * 480});
    CHECK(validate_schedule(in.portfolio, r).empty());
}

TEST_CASE("fidelity: MS Project's HonorConstraints decides whether MSO wins over logic (MSPDI)") {
    // A 8 h from Mon 2 08:00 (no calendar in the file: 24/7) -> B MSO Mon 2 10:00.
    // Honoured: B starts Mon 2 10:00 (conflict). Not honoured: logic, Mon 2 16:00, and B's total
    // slack is the 6 hours it misses its date by, negative.
    for (const bool honor : {true, false}) {
        CAPTURE(honor);
        const std::string text =
            "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>H</Name>"
            "<StartDate>2026-03-02T08:00:00</StartDate><HonorConstraints>" +
            std::string(honor ? "1" : "0") +
            "</HonorConstraints><Tasks>"
            "<Task><UID>1</UID><ID>1</ID><Name>A</Name><Duration>PT8H0M0S</Duration><OutlineLevel>1</OutlineLevel></Task>"
            "<Task><UID>2</UID><ID>2</ID><Name>B</Name><Duration>PT8H0M0S</Duration><OutlineLevel>1</OutlineLevel>"
            "<ConstraintType>2</ConstraintType><ConstraintDate>2026-03-02T10:00:00</ConstraintDate>"
            "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>"
            "</Tasks></Project>\n";
        const ImportResult in = read_mspdi(text, "honor.xml");
        REQUIRE(in.portfolio.projects.size() == 1);
        CHECK(in.portfolio.projects[0].honor_constraints == honor);
        const ScheduleResult r = schedule(in.portfolio);
        const std::size_t b = r.task_id.size() - 1;
        CHECK(r.early_start[b] == (honor ? at(2, 10) : at(2, 16)));
        CHECK(conflict(r, b) == honor);
        if (!honor) CHECK(r.total_float[b] == Duration{-360});
        CHECK(validate_schedule(in.portfolio, r).empty());
    }
}
