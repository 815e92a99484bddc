#pragma once
// MPX 4.0 column numbers of task rows (records 60/61/70) and resource rows (records 40/41/50), with
// MS Project's English column names and the type of value each holds. Numbers and types as MPXJ's
// MPXTaskField / MPXResourceField and MPXReader.populateTask / populateResource read them
// (joniles/mpxj, src/main/java/org/mpxj/mpx/): currency fields through the record-10 currency
// format, dates through the record-12 date format, flags as the locale's "No" = false, durations
// as "2d", "3.5eh". The English name keys custom fields ("mpx.Start1"), so a German file ("Anfang1")
// gives the same keys as an English one.

#include <string_view>

namespace ppm::detail {

/// What an MPX column holds.
enum class MpxValue { text, date, money, number, flag, duration };

struct MpxField {
    int number;
    std::string_view name;
    MpxValue kind;
    bool user = false;  ///< A user field (Text1, Start1, Cost1, ...): written back by write_mpx.
};

inline constexpr MpxField kMpxTaskFields[] = {
    {1, "Name", MpxValue::text},
    {2, "WBS", MpxValue::text, true},
    {3, "Outline Level", MpxValue::number},
    {4, "Text1", MpxValue::text, true},
    {5, "Text2", MpxValue::text, true},
    {6, "Text3", MpxValue::text, true},
    {7, "Text4", MpxValue::text, true},
    {8, "Text5", MpxValue::text, true},
    {9, "Text6", MpxValue::text, true},
    {10, "Text7", MpxValue::text, true},
    {11, "Text8", MpxValue::text, true},
    {12, "Text9", MpxValue::text, true},
    {13, "Text10", MpxValue::text, true},
    {14, "Notes", MpxValue::text},
    {15, "Contact", MpxValue::text, true},
    {16, "Resource Group", MpxValue::text},
    {20, "Work", MpxValue::duration},
    {21, "Baseline Work", MpxValue::duration},
    {22, "Actual Work", MpxValue::duration},
    {23, "Remaining Work", MpxValue::duration},
    {24, "Work Variance", MpxValue::duration},
    {25, "% Work Complete", MpxValue::number},
    {30, "Cost", MpxValue::money},
    {31, "Baseline Cost", MpxValue::money},
    {32, "Actual Cost", MpxValue::money},
    {33, "Remaining Cost", MpxValue::money},
    {34, "Cost Variance", MpxValue::money},
    {35, "Fixed Cost", MpxValue::money},
    {36, "Cost1", MpxValue::money, true},
    {37, "Cost2", MpxValue::money, true},
    {38, "Cost3", MpxValue::money, true},
    {40, "Duration", MpxValue::duration},
    {41, "Baseline Duration", MpxValue::duration},
    {42, "Actual Duration", MpxValue::duration},
    {43, "Remaining Duration", MpxValue::duration},
    {44, "% Complete", MpxValue::number},
    {45, "Duration Variance", MpxValue::duration},
    {46, "Duration1", MpxValue::duration, true},
    {47, "Duration2", MpxValue::duration, true},
    {48, "Duration3", MpxValue::duration, true},
    {50, "Start", MpxValue::date},
    {51, "Finish", MpxValue::date},
    {52, "Early Start", MpxValue::date},
    {53, "Early Finish", MpxValue::date},
    {54, "Late Start", MpxValue::date},
    {55, "Late Finish", MpxValue::date},
    {56, "Baseline Start", MpxValue::date},
    {57, "Baseline Finish", MpxValue::date},
    {58, "Actual Start", MpxValue::date},
    {59, "Actual Finish", MpxValue::date},
    {60, "Start1", MpxValue::date, true},
    {61, "Finish1", MpxValue::date, true},
    {62, "Start2", MpxValue::date, true},
    {63, "Finish2", MpxValue::date, true},
    {64, "Start3", MpxValue::date, true},
    {65, "Finish3", MpxValue::date, true},
    {66, "Start Variance", MpxValue::duration},
    {67, "Finish Variance", MpxValue::duration},
    {68, "Constraint Date", MpxValue::date},
    {70, "Predecessors", MpxValue::text},
    {71, "Successors", MpxValue::text},
    {72, "Resource Names", MpxValue::text},
    {73, "Resource Initials", MpxValue::text},
    {74, "Unique ID Predecessors", MpxValue::text},
    {75, "Unique ID Successors", MpxValue::text},
    {80, "Fixed", MpxValue::flag},
    {81, "Milestone", MpxValue::flag},
    {82, "Critical", MpxValue::flag},
    {83, "Marked", MpxValue::flag, true},
    {84, "Rollup", MpxValue::flag},
    {85, "BCWS", MpxValue::money},
    {86, "BCWP", MpxValue::money},
    {87, "SV", MpxValue::money},
    {88, "CV", MpxValue::money},
    {90, "ID", MpxValue::text},
    {91, "Constraint Type", MpxValue::text},
    {92, "Delay", MpxValue::duration},
    {93, "Free Slack", MpxValue::duration},
    {94, "Total Slack", MpxValue::duration},
    {95, "Priority", MpxValue::text},
    {96, "Subproject File", MpxValue::text},
    {97, "Project", MpxValue::text},
    {98, "Unique ID", MpxValue::text},
    {99, "Outline Number", MpxValue::text},
    {110, "Flag1", MpxValue::flag, true},
    {111, "Flag2", MpxValue::flag, true},
    {112, "Flag3", MpxValue::flag, true},
    {113, "Flag4", MpxValue::flag, true},
    {114, "Flag5", MpxValue::flag, true},
    {115, "Flag6", MpxValue::flag, true},
    {116, "Flag7", MpxValue::flag, true},
    {117, "Flag8", MpxValue::flag, true},
    {118, "Flag9", MpxValue::flag, true},
    {119, "Flag10", MpxValue::flag, true},
    {120, "Summary", MpxValue::flag},
    {121, "Objects", MpxValue::number},
    {122, "Linked Fields", MpxValue::flag},
    {123, "Hide Bar", MpxValue::flag},
    {125, "Created", MpxValue::date},
    {126, "Start4", MpxValue::date, true},
    {127, "Finish4", MpxValue::date, true},
    {128, "Start5", MpxValue::date, true},
    {129, "Finish5", MpxValue::date, true},
    {135, "Confirmed", MpxValue::flag},
    {136, "Update Needed", MpxValue::flag},
    {140, "Number1", MpxValue::number, true},
    {141, "Number2", MpxValue::number, true},
    {142, "Number3", MpxValue::number, true},
    {143, "Number4", MpxValue::number, true},
    {144, "Number5", MpxValue::number, true},
    {150, "Stop", MpxValue::date},
    {151, "Resume No Earlier Than", MpxValue::date},
    {152, "Resume", MpxValue::date},
};

inline constexpr MpxField kMpxResourceFields[] = {
    {1, "Name", MpxValue::text},
    {2, "Initials", MpxValue::text, true},
    {3, "Group", MpxValue::text},
    {4, "Code", MpxValue::text, true},
    {5, "Text1", MpxValue::text, true},
    {6, "Text2", MpxValue::text, true},
    {7, "Text3", MpxValue::text, true},
    {8, "Text4", MpxValue::text, true},
    {9, "Text5", MpxValue::text, true},
    {10, "Notes", MpxValue::text},
    {11, "Email Address", MpxValue::text, true},
    {20, "Work", MpxValue::duration},
    {21, "Baseline Work", MpxValue::duration},
    {22, "Actual Work", MpxValue::duration},
    {23, "Remaining Work", MpxValue::duration},
    {24, "Overtime Work", MpxValue::duration},
    {25, "Work Variance", MpxValue::duration},
    {26, "% Work Complete", MpxValue::number},
    {30, "Cost", MpxValue::money},
    {31, "Baseline Cost", MpxValue::money},
    {32, "Actual Cost", MpxValue::money},
    {33, "Remaining Cost", MpxValue::money},
    {34, "Cost Variance", MpxValue::money},
    {40, "ID", MpxValue::text},
    {41, "Max Units", MpxValue::number},
    {42, "Standard Rate", MpxValue::money},
    {43, "Overtime Rate", MpxValue::money},
    {44, "Cost Per Use", MpxValue::money},
    {45, "Accrue At", MpxValue::text},
    {46, "Overallocated", MpxValue::flag},
    {47, "Peak", MpxValue::number},
    {48, "Base Calendar", MpxValue::text},
    {49, "Unique ID", MpxValue::text},
    {50, "Objects", MpxValue::number},
    {51, "Linked Fields", MpxValue::flag},
};

template <std::size_t N>
constexpr const MpxField* find_mpx_field(const MpxField (&table)[N], int number) {
    for (const auto& f : table)
        if (f.number == number) return &f;
    return nullptr;
}

}  // namespace ppm::detail
