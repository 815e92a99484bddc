#!/usr/bin/env python3
"""Regenerates tests/errors/corpus/ and tests/errors/expectations.tsv (the malformed-input corpus).

Each case is a small hand-made file, or a real file (fuzz/seeds/, from ../shared/data) with one line
changed. The expected line is the line the case breaks (known by construction, not copied from the
reader's output); test_error_corpus.cpp checks type, code, line and a phrase of the message.
Columns of expectations.tsv: file, reader, error type, code, line (-1: not checked), message phrase.
Run: /usr/bin/python3 tests/errors/make_corpus.py
"""
import os
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
OUT = HERE / "corpus"
cases = []  # (file, reader, type, code, line, phrase)


def add(name, reader, content, etype, code, line, phrase):
    data = content.encode("utf-8") if isinstance(content, str) else content
    (OUT / name).write_bytes(data)
    assert "\t" not in phrase
    cases.append((name, reader, etype, code, line, phrase))


def lines_of(path):
    return (SEEDS / path).read_bytes().decode("latin-1").split("\n")


def join(lines):
    return "\n".join(lines).encode("latin-1")


def replace_line(path, n, new):  # 1-based
    ls = lines_of(path)
    ls[n - 1] = new
    return join(ls)


def edit_line(path, n, old, new):
    ls = lines_of(path)
    assert old in ls[n - 1], (path, n, old, ls[n - 1][:80])
    ls[n - 1] = ls[n - 1].replace(old, new, 1)
    return join(ls)


def inject(path, n, old, new):
    """Line `n` of `path` with `old` replaced by `new` given as bytes (for encoding errors)."""
    data = edit_line(path, n, old, "\x00MARK\x00")
    return data.replace(b"\x00MARK\x00", new, 1)


def utf16le(text):
    return b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")


def set_field(path, n, field_line, field, value, sep="\t"):
    """Sets `field` (named on line `field_line`, a %F line) of row line `n` to `value`."""
    ls = lines_of(path)
    names = ls[field_line - 1].rstrip("\r").split(sep)
    k = names.index(field)
    cols = ls[n - 1].rstrip("\r").split(sep)
    cols[k] = value
    ls[n - 1] = sep.join(cols) + "\r" if ls[n - 1].endswith("\r") else sep.join(cols)
    return join(ls)


# ---------------------------------------------------------------- ppm JSON (read_json)
BASE = """{
  "format": "ppm",
  "version": 1,
  "portfolio": {
    "id": "PF",
    "projects": [
      {
        "id": "P",
        "start": "2026-01-05T08:00",
        "tasks": [
          {"id": "A", "duration": "1d"},
          {"id": "B", "duration": "2d", "predecessors": [{"task": "A"}]}
        ]
      }
    ]
  }
}
"""


def base_with(line, old, new):
    ls = BASE.split("\n")
    assert old in ls[line - 1], (line, old)
    ls[line - 1] = ls[line - 1].replace(old, new, 1)
    return "\n".join(ls)


J = "json"
add("json_empty.json", J, "", "ParseError", "syntax", 1, "malformed JSON: empty file")
add("json_trailing_comma.json", J, base_with(12, '{"id": "B", "duration": "2d", "predecessors": [{"task": "A"}]}', ""),
    "ParseError", "syntax", 13, "malformed JSON")
add("json_unterminated_string.json", J, base_with(5, '"PF"', '"PF'), "ParseError", "syntax", 5, "malformed JSON")
add("json_missing_colon.json", J, base_with(8, '"id": "P"', '"id" "P"'), "ParseError", "syntax", 8, "malformed JSON")
add("json_invalid_utf8.json", J, base_with(5, '"PF"', '"P\udcffF"').encode("utf-8", "surrogateescape"),
    "ParseError", "syntax", 5, "malformed JSON")
add("json_control_char_in_string.json", J, base_with(5, '"PF"', '"P\tF"'), "ParseError", "syntax", 5, "malformed JSON")
add("json_not_an_object.json", J, "[1, 2, 3]\n", "ParseError", "unexpected", 1, "a ppm file is a JSON object")
add("json_wrong_format.json", J, base_with(2, '"ppm"', '"mpp"'), "ParseError", "unexpected", 2, "/format")
add("json_unsupported_version.json", J, base_with(3, "1", "2"), "ParseError", "unexpected", 3, "unsupported version 2")
add("json_missing_portfolio.json", J, '{\n  "format": "ppm",\n  "version": 1\n}\n', "ParseError", "unexpected", 1, "portfolio")
add("json_unknown_task_key.json", J, base_with(11, '"duration"', '"durration"'), "ParseError", "unexpected", 11,
    'unknown key "durration"')
add("json_bad_duration_unit.json", J, base_with(11, '"1d"', '"5x"'), "ParseError", "unexpected", 11,
    "/portfolio/projects/0/tasks/0/duration")
add("json_negative_duration.json", J, base_with(11, '"1d"', "-5"), "ParseError", "unexpected", 11, "negative duration")
add("json_bad_start_date.json", J, base_with(9, "2026-01-05T08:00", "2026-13-45T08:00"), "ParseError", "unexpected", 9,
    "/portfolio/projects/0/start")
add("json_duplicate_key.json", J, base_with(11, '{"id": "A",', '{"id": "A", "id": "Z",'), "ParseError", "unexpected", 11,
    'duplicate key "id"')
add("json_tasks_not_array.json", J, base_with(10, '"tasks": [', '"tasks": {"x": ['), "ParseError", "syntax", 15,
    "malformed JSON")
add("json_tasks_is_object.json", J, BASE.replace('"tasks": [\n          {"id": "A", "duration": "1d"},\n          {"id": "B", "duration": "2d", "predecessors": [{"task": "A"}]}\n        ]',
                                                 '"tasks": {}'), "ParseError", "unexpected", 10, "expected an array")
add("json_id_is_number.json", J, base_with(11, '"id": "A"', '"id": 5'), "ParseError", "unexpected", 11, "expected a string")
add("json_huge_integer.json", J, base_with(11, '"1d"', "99999999999999999999999999"), "ParseError", "unexpected", 11,
    "/portfolio/projects/0/tasks/0/duration")
add("json_bad_link_type.json", J, base_with(12, '{"task": "A"}', '{"task": "A", "type": "XY"}'), "ParseError", "unexpected",
    12, 'unknown value "XY"')
add("json_bad_money.json", J, base_with(11, '"duration": "1d"', '"duration": "1d", "fixed_cost": "lots"'), "ParseError",
    "unexpected", 11, "fixed_cost")
add("json_year_out_of_range.json", J, base_with(9, "2026-01-05T08:00", "1300-01-05T08:00"), "ParseError", "unexpected", 9,
    "year 1300 is outside the supported years 1400-9999")
add("json_deep_nesting.json", J, base_with(5, '"id": "PF",', '"id": "PF", "notes": ' + "[" * 300 + "]" * 300 + ","),
    "ParseError", "limit_exceeded", 5, "max_nesting_depth")

# ---------------------------------------------------------------- selection and control sections
SEL = (ROOT / "examples" / "selection.json").read_text().split("\n")


def sel_with(line, old, new):
    ls = list(SEL)
    assert old in ls[line - 1], (line, old, ls[line - 1])
    ls[line - 1] = ls[line - 1].replace(old, new, 1)
    return "\n".join(ls)


add("selection_syntax.json", "selection", sel_with(136, '"periods": 12,', '"periods": 12'), "ParseError", "syntax", 137,
    "syntax error")
add("selection_cost_not_number.json", "selection", sel_with(234, "60000.0,", '"sixty thousand",'), "ParseError",
    "unexpected", 234, "/selection/candidates/0/cost/0")
add("selection_periods_negative.json", "selection", sel_with(136, '"periods": 12,', '"periods": -3,'), "ParseError",
    "unexpected", 136, "/selection/periods")
add("selection_deep_nesting.json", "selection", sel_with(136, '"periods": 12,', '"periods": 12, "x": ' + "[" * 200 + "]" * 200 + ","),
    "ParseError", "limit_exceeded", 136, "max_nesting_depth")
CTRL = (HERE.parent / "evm" / "data" / "control_sample.json").read_text().split("\n")


def ctrl_with(line, old, new):
    ls = list(CTRL)
    assert old in ls[line - 1], (line, old, ls[line - 1])
    ls[line - 1] = ls[line - 1].replace(old, new, 1)
    return "\n".join(ls)


add("control_syntax.json", "control", ctrl_with(2, '"format": "ppm",', '"format": "ppm"'), "ParseError", "syntax", 3,
    "malformed JSON")

# ---------------------------------------------------------------- MSPDI (read_mspdi)
M = "mspdi"
MS = "mspdi/mspdiavailability.xml"
ms_lines = lines_of(MS)
uid_line = next(i + 1 for i, l in enumerate(ms_lines) if "<Task>" in l) + 1
assert "<UID>" in ms_lines[uid_line - 1], ms_lines[uid_line - 1]
add("mspdi_empty.xml", M, "", "ParseError", "syntax", 1, "empty file")
# pugixml reads text as character data and reports the missing root element where the input ends.
add("mspdi_not_xml.xml", M, "this is not XML\n", "ParseError", "syntax", 2, "No document element")
add("mspdi_unclosed_element.xml", M, '<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n  <Name>x</Name>\n  <Tasks>\n    <Task>\n  </Tasks>\n</Project>\n',
    "ParseError", "syntax", 6, "malformed XML")
add("mspdi_mismatched_tag.xml", M, edit_line(MS, uid_line, "</UID>", "</UIX>"), "ParseError", "syntax", uid_line,
    "malformed XML")
add("mspdi_billion_laughs.xml", M, '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol3;</Name></Project>\n',
    "ParseError", "unexpected", 3, "DOCTYPE with entity declarations")
add("mspdi_external_entity.xml", M, '<?xml version="1.0"?>\n<!DOCTYPE Project [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<Project xmlns="http://schemas.microsoft.com/project"><Name>&xxe;</Name></Project>\n',
    "ParseError", "unexpected", 3, "DOCTYPE with entity declarations")
add("mspdi_deep_nesting.xml", M, '<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n' + "<x>" * 300 + "</x>" * 300 + "\n</Project>\n",
    "ParseError", "limit_exceeded", -1, "max_nesting_depth")
# Encodings and characters (issue 23, points 6 and 7): text that is not UTF-8, characters and
# character references XML 1.0 forbids, entities never declared. Line 150: <Name>Resource One</Name>.
assert "<Name>Resource One</Name>" in ms_lines[149]
add("mspdi_invalid_utf8.xml", M, inject(MS, 150, "One", b"O\xffne"), "ParseError", "syntax", 150,
    "invalid UTF-8 at byte offset")
add("mspdi_overlong_utf8.xml", M, inject(MS, 150, "One", b"\xc0\xafOne"), "ParseError", "syntax", 150,
    "invalid UTF-8 at byte offset")
add("mspdi_surrogate_in_utf8.xml", M, inject(MS, 150, "One", b"\xed\xa0\x80One"), "ParseError", "syntax", 150,
    "invalid UTF-8 at byte offset")
add("mspdi_utf16_lone_surrogate.xml", M,
    utf16le('<?xml version="1.0" encoding="UTF-16"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n'
            "<Name>a\ud800b</Name>\n</Project>\n"), "ParseError", "syntax", 3, "unpaired UTF-16 surrogate")
add("mspdi_char_ref_nul.xml", M, edit_line(MS, 150, "One", "O&#0;ne"), "ParseError", "syntax", 150,
    "&#0; names U+0000, not an XML 1.0 character")
add("mspdi_char_ref_escape.xml", M, edit_line(MS, 150, "One", "O&#x1B;ne"), "ParseError", "syntax", 150,
    "&#x1B; names U+001B, not an XML 1.0 character")
add("mspdi_raw_control_char.xml", M, edit_line(MS, 150, "One", "O\x01ne"), "ParseError", "syntax", 150,
    "character U+0001 is not allowed in XML 1.0")
add("mspdi_undeclared_entity.xml", M, edit_line(MS, 150, "One", "O&nbsp;ne"), "ParseError", "syntax", 150,
    "undeclared entity &nbsp;")
add("mspdi_bare_ampersand.xml", M, edit_line(MS, 150, "Resource One", "Resource & One"), "ParseError", "syntax", 150,
    "'&' starts no entity or character reference")
add("mspdi_unsupported_encoding.xml", M, edit_line(MS, 1, 'encoding="UTF-8"', 'encoding="EBCDIC-US"'), "ParseError",
    "unexpected", 1, "XML encoding 'ebcdic-us' is not supported")
add("mspdi_year_out_of_range.xml", M, edit_line(MS, 10, "2009-06-11", "1300-06-11"), "ParseError", "unexpected", 10,
    "<StartDate>: year 1300 is outside the supported years 1400-9999")
MD = "mspdi/DefaultDurationFormat.xml"
add("mspdi_bad_duration.xml", M, edit_line(MD, 231, "<Duration>PT80H0M0S<", "<Duration>PT80X<"), "ParseError",
    "unexpected", 231, "Duration")

# ---------------------------------------------------------------- PMXML (read_pmxml)
P = "pmxml"
PM = "pmxml/PredecessorCalendar.xml"
add("pmxml_wrong_root.xml", P, '<?xml version="1.0"?>\n<Projects>\n  <Project/>\n</Projects>\n', "ParseError", "unexpected", 2,
    "APIBusinessObjects")
add("pmxml_bad_duration.xml", P, edit_line(PM, 162, "<PlannedDuration>360.0<", "<PlannedDuration>three hundred<"),
    "ParseError", "unexpected", 162, "PlannedDuration")
add("pmxml_bad_date.xml", P, edit_line(PM, 140, "2021-02-05T08:00:00", "yesterday"), "ParseError", "unexpected", 140,
    "ActualStartDate")
add("pmxml_no_project.xml", P, '<?xml version="1.0"?>\n<APIBusinessObjects>\n</APIBusinessObjects>\n', "ParseError",
    "unexpected", 2, "no <Project>")
add("pmxml_empty.xml", P, "", "ParseError", "syntax", 1, "empty file")
add("pmxml_invalid_utf8.xml", P, inject(PM, 157, "Test", b"T\xe9st"), "ParseError", "syntax", 157, "invalid UTF-8 at byte offset")
add("pmxml_undeclared_entity.xml", P, edit_line(PM, 157, "Test", "T&eacute;st"), "ParseError", "syntax", 157,
    "undeclared entity &eacute;")
add("pmxml_char_ref_control.xml", P, edit_line(PM, 157, "Test", "T&#7;st"), "ParseError", "syntax", 157,
    "&#7; names U+0007")
add("pmxml_year_out_of_range.xml", P, edit_line(PM, 140, "2021-02-05T08:00:00", "1300-02-05T08:00:00"), "ParseError",
    "unexpected", 140, "<ActualStartDate>: year 1300 is outside the supported years 1400-9999")
add("pmxml_activity_unknown_wbs.xml", P, edit_line(PM, 182, "<WBSObjectId>36331<", "<WBSObjectId>99999<"), "ParseError",
    "unexpected", 182, "<Activity> 140001: WBSObjectId 99999 names no <WBS>")
add("pmxml_truncated.xml", P, join(lines_of(PM)[:150]), "ParseError", "syntax", -1, "malformed XML")
# WBS 36331 (line 126, the activity's WBS) and a second WBS 36332 (on line 132) are each other's parent.
pm_cycle = lines_of(PM)
pm_cycle[130] = pm_cycle[130].replace("</SequenceNumber>", "</SequenceNumber><ParentObjectId>36332</ParentObjectId>", 1)
pm_cycle[131] = pm_cycle[131].replace("</WBS>", "</WBS><WBS><ObjectId>36332</ObjectId><ParentObjectId>36331</ParentObjectId>"
                                      "<ProjectObjectId>34136</ProjectObjectId></WBS>", 1)
add("pmxml_wbs_cycle.xml", P, join(pm_cycle), "ParseError", "unexpected", 126,
    "WBS parents form a cycle: 36331 -> 36332 -> 36331")
pm_parent = lines_of(PM)
pm_parent[130] = pm_parent[130].replace("</SequenceNumber>", "</SequenceNumber><ParentObjectId>77777</ParentObjectId>", 1)
add("pmxml_wbs_unknown_parent.xml", P, join(pm_parent), "ParseError", "unexpected", 131,
    "<WBS> 36331: ParentObjectId 77777 names no <WBS>")
add("pmxml_duplicate_activity.xml", P, edit_line(PM, 183, "</Activity>", "</Activity><Activity><ObjectId>140001</ObjectId>"
                                                  "<Name>copy</Name></Activity>"), "ParseError", "unexpected", 183,
    "<Activity> ObjectId 140001 appears twice (first at line 133)")

# ---------------------------------------------------------------- XER (read_xer)
X = "xer"
XE = "xer/PredecessorCalendar.xer"
add("xer_no_header.xer", X, join(lines_of(XE)[1:]), "ParseError", "unexpected", 1, "ERMHDR")
add("xer_empty.xer", X, "", "ParseError", "unexpected", 1, "ERMHDR")
add("xer_row_before_fields.xer", X, replace_line(XE, 40, "%R\t1"), "ParseError", "unexpected", 40, "%R row before")
add("xer_bad_line_tag.xer", X, replace_line(XE, 41, "%X\tgarbage"), "ParseError", "unexpected", 41,
    "expected a line starting with %T")
add("xer_bad_number.xer", X, set_field(XE, 41, 40, "target_drtn_hr_cnt", "twenty-four"), "ParseError", "unexpected", 41,
    "TASK.target_drtn_hr_cnt")
add("xer_bad_date.xer", X, set_field(XE, 41, 40, "act_start_date", "2019-06-99 08:00"), "ParseError", "unexpected",
    41, "TASK.act_start_date")
add("xer_task_unknown_project.xer", X, set_field(XE, 41, 40, "proj_id", "999"), "ParseError", "unexpected", 41,
    "is not in PROJECT")
# Truncation (issue 23, point 4): P6 ends every export with %E; a row may hold fewer values than its
# %F fields (P6 8.2 drops trailing empty ones, as line 41 here), never more.
xe = lines_of(XE)
add("xer_truncated_row.xer", X, join(xe[:40] + [xe[40][:len(xe[40]) // 2]]), "ParseError", "unexpected", 41,
    "no %E line after the last row: the file is truncated")
add("xer_truncated_after_row.xer", X, join(xe[:41]), "ParseError", "unexpected", 41, "the file is truncated")
add("xer_row_too_long.xer", X, replace_line(XE, 41, xe[40].rstrip("\r") + "\tx\tx\r"), "ParseError", "unexpected", 41,
    "TASK: row has 60 values, its %F line lists 59 fields")
# Dangling references (point 5) and a year out of range (point 8).
add("xer_task_unknown_calendar.xer", X, set_field(XE, 41, 40, "clndr_id", "999"), "ParseError", "unexpected", 41,
    "TASK 1338401: clndr_id 999 is not in CALENDAR")
add("xer_project_unknown_calendar.xer", X, set_field(XE, 27, 26, "clndr_id", "999"), "ParseError", "unexpected", 27,
    "clndr_id 999 is not in CALENDAR")
add("xer_year_out_of_range.xer", X, set_field(XE, 41, 40, "act_start_date", "1300-06-10 08:00"), "ParseError", "unexpected",
    41, "TASK.act_start_date: year 1300 is outside the supported years 1400-9999")
XR = "xer/resource-rates-test.xer"
xr = lines_of(XR)
xr_fields = next(i + 1 for i, l in enumerate(xr) if l.startswith("%T\tTASKRSRC")) + 1
xr_rate_fields = next(i + 1 for i, l in enumerate(xr) if l.startswith("%T\tRSRCRATE")) + 1
add("xer_assignment_unknown_resource.xer", X, set_field(XR, xr_fields + 1, xr_fields, "rsrc_id", "999"), "ParseError",
    "unexpected", xr_fields + 1, "rsrc_id 999 is not in RSRC")
add("xer_rate_unknown_resource.xer", X, set_field(XR, xr_rate_fields + 1, xr_rate_fields, "rsrc_id", "999"), "ParseError",
    "unexpected", xr_rate_fields + 1, "RSRCRATE 1761: rsrc_id 999 is not in RSRC")
add("xer_table_without_name.xer", X, replace_line(XE, 39, "%T"), "ParseError", "unexpected", 39, "%T without a table name")


def xer_with_wbs(rows, task_wbs=None, extra_task=False):
    """XE with PROJWBS rows (wbs_id, parent_wbs_id) inserted after the project's root row (line 36, so
    they are lines 37...), the activity (line 41 before the insert) moved under `task_wbs`, and with
    `extra_task` a copy of the activity row right after it."""
    ls = lines_of(XE)
    names = ls[34].rstrip("\r").split("\t")
    root = ls[35].rstrip("\r").split("\t")

    def row(wbs_id, parent):
        cols = list(root)
        cols[names.index("wbs_id")] = wbs_id
        cols[names.index("proj_node_flag")] = "N"
        cols[names.index("parent_wbs_id")] = parent
        return "\t".join(cols) + "\r"
    task_names = ls[39].rstrip("\r").split("\t")
    task = ls[40].rstrip("\r").split("\t")
    if task_wbs:
        task[task_names.index("wbs_id")] = task_wbs
    ls[40] = "\t".join(task) + "\r"
    if extra_task:
        ls.insert(41, ls[40])
    ls[36:36] = [row(w, p) for w, p in rows]
    return join(ls)


add("xer_wbs_cycle.xer", X, xer_with_wbs([("901", "902"), ("902", "901")], task_wbs="901"), "ParseError", "unexpected",
    37, "WBS parents form a cycle: 901 -> 902 -> 901")
add("xer_duplicate_wbs.xer", X, xer_with_wbs([("355248", "")]), "ParseError", "unexpected", 37,
    "wbs_id 355248 appears twice (first at line 36)")
add("xer_duplicate_task.xer", X, xer_with_wbs([], extra_task=True), "ParseError", "unexpected", 42,
    "task_id 1338401 appears twice (first at line 41)")
# A chain of 130 WBS levels under the project node: level 129 (wbs 1128, line 37 + 128) is over
# ReadLimits::max_nesting_depth = 128.
add("xer_wbs_too_deep.xer", X, xer_with_wbs([(str(1000 + k), "355248" if k == 0 else str(999 + k)) for k in range(130)],
                                             task_wbs="1129"), "ParseError", "limit_exceeded", 165,
    "PROJWBS: WBS nested too deeply: 129 (ReadLimits::max_nesting_depth = 128)")

# ---------------------------------------------------------------- MPX (read_mpx)
MP = "mpx/sample1.mpx"
add("mpx_no_header.mpx", "mpx", join(lines_of(MP)[1:]), "ParseError", "unexpected", 1, "MPX")
add("mpx_bad_record_number.mpx", "mpx", replace_line(MP, 14, "4x;Name;ID\r"), "ParseError", "unexpected", 14,
    "expected a record number")
add("mpx_bad_calendar_day.mpx", "mpx", edit_line(MP, 7, "25;2;", "25;9;"), "ParseError", "unexpected", 7,
    "expected a day 1 (Sunday) .. 7")
add("mpx_bad_duration.mpx", "mpx", edit_line(MP, 21, "10,5d", "ten days"), "ParseError", "unexpected", 21,
    "expected a duration")
add("mpx_assignment_before_task.mpx", "mpx", join(lines_of(MP)[:18] + ["75;1;1;80h;;40h;;;;;01/01/2003;;;1\r"] + lines_of(MP)[18:]),
    "ParseError", "unexpected", 19, "assignment (record 75) before a task")
add("mpx_hours_before_calendar.mpx", "mpx", join(lines_of(MP)[:4] + lines_of(MP)[5:]), "ParseError", "unexpected", 5,
    "calendar hours (record 25/56) before a calendar")
add("mpx_empty.mpx", "mpx", "", "ParseError", "unexpected", 1, "empty file")
mp = lines_of(MP)
add("mpx_truncated_record.mpx", "mpx", join(mp[:23] + ["70;Second Sub Task;1.2;2;10d"]), "ParseError", "unexpected", 24,
    "task (record 70) has 4 values, its field list (record 61) names 15: the record is cut short")
add("mpx_unterminated_quote.mpx", "mpx", edit_line(MP, 21, "First Sub Task", '"First Sub Task'), "ParseError", "unexpected",
    21, "unterminated quote")
add("mpx_link_to_missing_task.mpx", "mpx", edit_line(MP, 24, ";2;No;", ";9;No;"), "ParseError", "unexpected", 24,
    "predecessor '9' names task row 9, which is not in the file")
add("mpx_assignment_unknown_resource.mpx", "mpx", edit_line(MP, 22, "75;1;1;", "75;7;1;"), "ParseError", "unexpected", 22,
    "resource 7 is not in the file")
add("mpx_year_out_of_range.mpx", "mpx", edit_line(MP, 13, "Standard;01/01/2003;", "Standard;01/01/1300;"), "ParseError",
    "unexpected", 13, "start date: year 1300 is outside the supported years 1400-9999")
add("mpx_bad_project_start.mpx", "mpx", edit_line(MP, 13, "Standard;01/01/2003;", "Standard;first of January;"),
    "ParseError", "unexpected", 13, "project header (record 30) start date")

# ---------------------------------------------------------------- PSPLIB .sm / .mm (parse_psplib) and .sch
S = "psplib/j3010_1.sm"
sm = lines_of(S)
jobs_line = next(i + 1 for i, l in enumerate(sm) if "jobs (incl. supersource/sink" in l)
prec_line = next(i + 1 for i, l in enumerate(sm) if "PRECEDENCE RELATIONS:" in l)
req_line = next(i + 1 for i, l in enumerate(sm) if "REQUESTS/DURATIONS:" in l)
add("psplib_jobs_not_integer.sm", "psplib", edit_line(S, jobs_line, ":  32", ":  thirty-two"), "ParseError", "unexpected",
    jobs_line, "number of jobs")
add("psplib_huge_job_count.sm", "psplib", edit_line(S, jobs_line, ":  32", ":  2000000000"), "ParseError",
    "limit_exceeded", jobs_line, "max_tasks")
add("psplib_integer_overflow.sm", "psplib", edit_line(S, jobs_line, ":  32", ":  99999999999999999999"), "ParseError",
    "unexpected", jobs_line, "number of jobs")
add("psplib_wrong_job_number.sm", "psplib", edit_line(S, prec_line + 3, "   2        1", "   7        1"), "ParseError", "unexpected",
    prec_line + 3, "expected job number 2")
add("psplib_successor_out_of_range.sm", "psplib", edit_line(S, prec_line + 2, "   2   3   4", "  99   3   4"), "ParseError",
    "unexpected", prec_line + 2, "expected successor job number in 1..32")
add("psplib_missing_section.sm", "psplib", join(sm[:req_line - 1]), "ParseError", "unexpected", -1,
    "REQUESTS/DURATIONS:")
add("psplib_negative_duration.sm", "psplib", edit_line(S, req_line + 4, "  2      1     2 ", "  2      1    -2 "), "ParseError",
    "unexpected", req_line + 4, "expected a duration >= 0")
mm = lines_of("psplib/j1010_1.mm")
add("psplib_multimode_as_rcpsp.mm", "psplib", "\n".join(mm), "ModelError", "unsupported", -1, "multi-mode job")
SCH = "psplib_max/PSP1.SCH"
add("sch_bad_header.sch", "psplib_max", replace_line(SCH, 1, "ten 5 0 0"), "ParseError", "unexpected", 1,
    "number of activities")
add("sch_huge_counts.sch", "psplib_max", replace_line(SCH, 1, "2147483600 5 0 0"), "ParseError", "limit_exceeded", 1,
    "max_tasks")
add("sch_successor_out_of_range.sch", "psplib_max", edit_line(SCH, 2, "0\t1\t4\t4\t", "0\t1\t4\t777\t"),
    "ParseError", "unexpected", 2, "expected successor in")

with open(HERE / "expectations.tsv", "w") as f:
    f.write("# file\treader\ttype\tcode\tline\tmessage contains   (generated by make_corpus.py)\n")
    for c in cases:
        f.write("\t".join(str(x) for x in c) + "\n")
print(len(cases), "cases")
