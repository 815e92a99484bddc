#!/usr/bin/python3
"""Generates examples/portfolio.json: the worked example PMO portfolio (issue 2, "Worked example").

A fictitious manufacturer, ACME Group, runs 4 programs and 11 projects in 2026-2027: an ERP rollout,
an MES upgrade, a data platform, a data-centre move to a UK colocation site, a WAN refresh, a workplace migration,
a product launch, an e-commerce replatforming, a zero-trust security programme, DORA compliance
and CSRD/ESG reporting. Each project
has a WBS of phases -> work packages -> tasks with phase-gate milestones; links are FS/SS/FF with
lags and leads, some cross projects; 17 shared resources (roles with max units, availability changes,
cost rates); calendars with German and UK public holidays for 2026-2027; constraints, deadlines,
progress at the status date 2026-05-29 and custom fields on every kind of entity.

The control sections next to the portfolio (docs/evm.md, docs/risk.md, docs/governance.md; schema
docs/schema/control.schema.json) exercise the monitoring engines:
- "baselines": per project a current "Baseline" captured by ppm (`capture_baseline`) from the CPM of
  the plan (the portfolio without progress), and for ERP and NOVA an older "Business case" baseline:
  the CPM of the project alone, before its links into the portfolio;
- the tasks' progress: each project executes that plan at its own pace (PACE: some behind, some over
  budget), so percent complete, actual dates and actual costs agree with the baseline's dates and costs;
- "status": monthly status periods (31 March, 30 April, the status date) from the same execution;
- "risks": a register of 17 risks (cause/event/effect, inherent and residual assessment, owners,
  strategies, actions, linked tasks; one opportunity, one occurred, one closed);
- "uncertainty": triangular defaults, three-point estimates for a few tasks, one correlation group,
  a target finish; "governance": a controlling PMO, float erosion per project computed from the two
  CPM runs, gate reviews, change requests, issues and lessons.

Deterministic (random.Random(SEED)). The plan's dates and costs come from ppm itself, through its
Python module: build first (scripts/build.sh; the module is looked up in build/bindings/python or
$PPM_PYTHONPATH). The output is in ppm's canonical form (docs/format.md): `ppm` reading and
rewriting it, with the control sections passed through, gives the same bytes.

Usage: /usr/bin/python3 scripts/make_example.py [OUTPUT]   (default: examples/portfolio.json)
"""

import datetime as dt
import json
import pathlib
import random
import sys

SEED = 20260529
MINUTES_PER_DAY = 480
STATUS_DATE = dt.date(2026, 5, 29)  # a Friday: the data date of the progress below


# ---- calendars ------------------------------------------------------------------------------------

def easter(year):
    """Gregorian Easter Sunday (anonymous algorithm, Meeus/Jones/Butcher; J. Meeus, Astronomical
    Algorithms, 1991, ch. 8)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def german_holidays():
    """Nationwide German public holidays (gesetzliche Feiertage in allen Ländern): fixed-date ones as
    yearly exceptions from 2026, Easter-dependent ones as dated exceptions for 2026 and 2027."""
    out = [
        {"name": "Neujahr", "date": "2026-01-01", "yearly": True},
        {"name": "Tag der Arbeit", "date": "2026-05-01", "yearly": True},
        {"name": "Tag der Deutschen Einheit", "date": "2026-10-03", "yearly": True},
        {"name": "Heiligabend (half day)", "date": "2026-12-24", "hours": ["09:00-12:00"], "yearly": True},
        {"name": "1. Weihnachtstag", "date": "2026-12-25", "yearly": True},
        {"name": "2. Weihnachtstag", "date": "2026-12-26", "yearly": True},
        {"name": "Silvester (half day)", "date": "2026-12-31", "hours": ["09:00-12:00"], "yearly": True},
    ]
    for year in (2026, 2027):
        e = easter(year)
        for name, offset in (("Karfreitag", -2), ("Ostermontag", 1), ("Christi Himmelfahrt", 39), ("Pfingstmontag", 50)):
            out.append({"name": f"{name} {year}", "date": (e + dt.timedelta(days=offset)).isoformat()})
    out.append({"name": "Year-end shutdown", "from": "2026-12-28", "to": "2026-12-30"})
    return out


# UK bank holidays in England and Wales, 2026-2027, as published on gov.uk/bank-holidays
# (substitute days when Christmas or Boxing Day fall on a weekend).
UK_HOLIDAYS = [
    ("New Year's Day", "2026-01-01"), ("Good Friday", "2026-04-03"), ("Easter Monday", "2026-04-06"),
    ("Early May bank holiday", "2026-05-04"), ("Spring bank holiday", "2026-05-25"),
    ("Summer bank holiday", "2026-08-31"), ("Christmas Day", "2026-12-25"),
    ("Boxing Day (substitute day)", "2026-12-28"),
    ("New Year's Day", "2027-01-01"), ("Good Friday", "2027-03-26"), ("Easter Monday", "2027-03-29"),
    ("Early May bank holiday", "2027-05-03"), ("Spring bank holiday", "2027-05-31"),
    ("Summer bank holiday", "2027-08-30"), ("Christmas Day (substitute day)", "2027-12-27"),
    ("Boxing Day (substitute day)", "2027-12-28"),
]

DAY = ["09:00-12:00", "13:00-18:00"]  # 8 working hours, lunch 12:00-13:00
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def calendars():
    std = {"id": "DE-STD", "name": "Germany standard (Mon-Fri 09-18, nationwide holidays)",
           "week": {d: (DAY if i < 5 else []) for i, d in enumerate(WEEKDAYS)},
           "exceptions": german_holidays(),
           "notes": "Company calendar for German sites; base of the 4-day-week calendar.",
           "custom": {"Country": "DE"}}
    four = {"id": "DE-4DAY", "name": "QA team 4-day week (Mon-Thu 08-19)", "base": "DE-STD",
            "week": {"mon": ["08:00-12:00", "13:00-19:00"], "tue": ["08:00-12:00", "13:00-19:00"],
                     "wed": ["08:00-12:00", "13:00-19:00"], "thu": ["08:00-12:00", "13:00-19:00"], "fri": []},
            "notes": "Derived from DE-STD: inherits its holidays and weekend; Friday off, 10-hour days.",
            "custom": {"Country": "DE"}}
    uk = {"id": "UK-SITE", "name": "UK colocation site (Mon-Fri 08:00-16:30)",
          "week": {d: (["08:00-12:30", "13:30-16:30"] if i < 5 else []) for i, d in enumerate(WEEKDAYS)},
          "exceptions": [{"name": n, "date": d} for n, d in UK_HOLIDAYS],
          "custom": {"Country": "UK"}}
    cutover = {"id": "24x7", "name": "Cutover windows (24/7)",
               "week": {d: ["00:00-24:00"] for d in WEEKDAYS},
               "notes": "For migration cutovers that run through weekends and holidays."}
    return [std, four, uk, cutover]


# ---- working-day arithmetic for the progress at the status date ----------------------------------

def german_non_working_days():
    days = set()
    for y in (2026, 2027):
        for m, d in ((1, 1), (5, 1), (10, 3), (12, 25), (12, 26)):
            days.add(dt.date(y, m, d))
        e = easter(y)
        for off in (-2, 1, 39, 50):
            days.add(e + dt.timedelta(days=off))
    return days


DE_OFF = german_non_working_days()


def is_workday(d):
    return d.weekday() < 5 and d not in DE_OFF


def next_workday(d):
    while not is_workday(d):
        d += dt.timedelta(days=1)
    return d


def add_workdays(start, n):
    """The day on which n >= 1 working days starting on `start` (a working day) end."""
    d = start
    left = n - 1
    while left > 0:
        d += dt.timedelta(days=1)
        if is_workday(d):
            left -= 1
    return d


def workdays_between(a, b):
    """Working days in [a, b]."""
    n, d = 0, a
    while d <= b:
        n += is_workday(d)
        d += dt.timedelta(days=1)
    return n


# ---- resources ------------------------------------------------------------------------------------

def money(x):
    """Canonical money: whole major units as an integer, else a 2-decimal number."""
    x = round(x, 2)
    return int(x) if x == int(x) else x


def rate(std, ot=None, from_="2026-01-01", per_use=None):
    r = {"from": from_ + "T00:00"}
    if std:
        r["standard"] = std
    if ot:
        r["overtime"] = ot
    if per_use is not None:
        r["per_use"] = per_use
    return r


def resources():
    def res(id_, name, group, max_units, rates, cc, **extra):
        r = {"id": id_, "name": name}
        if "type" in extra:
            r["type"] = extra["type"]
        if max_units != 1.0:
            r["max_units"] = max_units
        if "availability" in extra:
            r["availability"] = extra["availability"]
        if "calendar" in extra:
            r["calendar"] = extra["calendar"]
        if rates:
            r["cost_rates"] = rates
        if "material_label" in extra:
            r["material_label"] = extra["material_label"]
        if group:
            r["group"] = group
        if "notes" in extra:
            r["notes"] = extra["notes"]
        r["custom"] = {"Cost centre": cc}
        return r

    return [
        res("PM", "Project managers", "PMO", 3.0, [rate(110, 110), rate(115, 115, "2027-01-01")], "CC-1000"),
        res("BA", "Business analysts", "Business", 4.0, [rate(85, 110)], "CC-1100"),
        res("ARCH", "Solution architect (K. Becker)", "IT", 1.0, [rate(130, 160)], "CC-2000"),
        res("DEV", "Developers", "IT", 8.0, [rate(90, 120), rate(95, 125, "2027-01-01")], "CC-2100",
            availability=[{"from": "2026-07-20T00:00", "to": "2026-08-29T00:00", "units": 5.0}],
            notes="Summer holidays reduce the team from 8 to 5 between 20 July and 28 August 2026."),
        res("QA", "Test engineers", "IT", 4.0, [rate(75, 100)], "CC-2200", calendar="DE-4DAY"),
        res("DBA", "Database administrator (M. Yilmaz)", "IT", 1.0, [rate(105, 140)], "CC-2300"),
        res("NET", "Network engineers", "Infrastructure", 2.0, [rate(95, 130)], "CC-3000", calendar="UK-SITE"),
        res("INFRA", "Infrastructure engineers", "Infrastructure", 3.0, [rate(95, 130)], "CC-3100", calendar="UK-SITE"),
        res("SEC", "Security officer (A. Novak)", "Risk", 1.0, [rate(120, 150)], "CC-4000"),
        res("DATA", "Data engineers", "IT", 3.0, [rate(100, 130)], "CC-2400"),
        res("UX", "UX designers", "Marketing", 2.0, [rate(85, 110)], "CC-5100"),
        res("MKT", "Marketing managers", "Marketing", 2.0, [rate(80, 100)], "CC-5000"),
        res("LEGAL", "Compliance counsel (Dr. J. Weiß)", "Risk", 1.0, [rate(150, 150)], "CC-4100"),
        res("TRAIN", "Trainers", "HR", 2.0, [rate(70, 90)], "CC-6000"),
        res("SAPC", "SAP consultants (external)", "External", 0.0, [rate(165, 200, per_use=500)], "CC-9000",
            availability=[{"from": "2026-02-02T00:00", "to": "2027-04-01T00:00", "units": 4.0}],
            notes="Framework contract: 4 consultants from February 2026 to March 2027, none outside it."),
        res("RACK", "Server racks", "Infrastructure", 40.0, [rate(0, per_use=4200.5)], "CC-3100",
            type="material", material_label="rack"),
        res("TRAVEL", "Travel and expenses", "", 1.0, [], "CC-1000", type="cost"),
    ]


# ---- projects: phases -> work packages -> tasks (name, days, roles) ------------------------------
# A task is (name, duration in days or "Nh", [(role, units), ...]); a phase ends with its milestone.

P = "PM"

PROJECTS = [
    dict(id="ERP", name="ERP rollout (SAP S/4HANA)", program="PG-DIG", start="2026-01-12", priority=900,
         deadline="2027-03-31T18:00", manager="S. Hoffmann",
         custom={"Strategic driver": "Operational excellence", "NPV (kEUR)": 4200.0, "Board approved": True,
                 "Business case date": {"date": "2025-11-20T00:00"}},
         phases=[
             ("Prepare", "Project charter signed", [
                 ("Mobilisation", [("Kick-off workshop", 2, [(P, 1.0), ("BA", 2.0)]),
                                   ("Project charter and governance", 5, [(P, 1.0)]),
                                   ("Resource and budget plan", 4, [(P, 0.5)])]),
                 ("System landscape", [("Sandbox provisioning", 6, [("SAPC", 1.0), ("INFRA", 0.5)]),
                                       ("Licence procurement", 10, [(P, 0.25)])]),
             ]),
             ("Explore", "Solution design approved", [
                 ("Fit-to-standard workshops", [("Finance workshops", 10, [("SAPC", 1.0), ("BA", 1.0)]),
                                                ("Procurement workshops", 8, [("SAPC", 1.0), ("BA", 1.0)]),
                                                ("Sales and distribution workshops", 8, [("SAPC", 1.0), ("BA", 1.0)])]),
                 ("Design", [("Delta requirements backlog", 6, [("BA", 2.0)]),
                             ("Integration architecture", 8, [("ARCH", 1.0)]),
                             ("Authorisation concept", 5, [("SEC", 0.5), ("SAPC", 0.5)])]),
             ]),
             ("Realize", "Build complete", [
                 ("Configuration", [("Finance configuration", 20, [("SAPC", 2.0)]),
                                    ("Procurement configuration", 15, [("SAPC", 1.0)]),
                                    ("Sales and distribution configuration", 18, [("SAPC", 1.0)])]),
                 ("Extensions and interfaces", [("Custom extensions", 25, [("DEV", 3.0)]),
                                                ("Interfaces to MES and WMS", 20, [("DEV", 2.0), ("ARCH", 0.25)]),
                                                ("Output forms", 10, [("DEV", 1.0)])]),
                 ("Data migration", [("Migration objects and mapping", 12, [("DATA", 1.0), ("BA", 1.0)]),
                                     ("Mock load 1", 5, [("DATA", 2.0), ("DBA", 0.5)]),
                                     ("Mock load 2", 5, [("DATA", 2.0), ("DBA", 0.5)]),
                                     ("Data cleansing", 10, [("BA", 1.0), ("DATA", 1.0)])]),
             ]),
             ("Test", "Business sign-off", [
                 ("Testing", [("System integration test", 20, [("QA", 3.0), ("SAPC", 1.0)]),
                              ("User acceptance test", 15, [("QA", 2.0), ("BA", 2.0)]),
                              ("Performance test", 5, [("QA", 1.0), ("DBA", 0.5)]),
                              ("Regression test automation", 8, [("QA", 1.0), ("DEV", 1.0)])]),
                 ("Change management", [("Stakeholder analysis", 4, [("BA", 1.0)]),
                                        ("Communication plan", 3, [("MKT", 0.5), (P, 0.25)]),
                                        ("Change impact workshops", 6, [("BA", 1.0), ("TRAIN", 0.5)])]),
                 ("Training", [("Train-the-trainer", 5, [("TRAIN", 1.0), ("SAPC", 0.5)]),
                               ("End-user training", 15, [("TRAIN", 2.0)])]),
             ]),
             ("Deploy", "Go-live", [
                 ("Cutover", [("Cutover rehearsal", 3, [("SAPC", 2.0), ("DATA", 2.0)]),
                              ("Production data load", 2, [("DATA", 2.0), ("DBA", 1.0)]),
                              ("Go-live readiness review", "4h", [(P, 1.0), ("BA", 1.0)])]),
                 ("Hypercare", [("Hypercare support", 20, [("SAPC", 2.0), ("DEV", 1.0)]),
                                ("Handover to support", 3, [(P, 0.5)])]),
             ]),
         ]),
    dict(id="DPL", name="Enterprise data platform", program="PG-DIG", start="2026-02-02", priority=700,
         manager="L. Meyer", custom={"Strategic driver": "Data-driven decisions", "NPV (kEUR)": 1350.0},
         phases=[
             ("Foundation", "Landing zone ready", [
                 ("Architecture", [("Platform requirements", 5, [("DATA", 1.0), ("BA", 1.0)]),
                                   ("Reference architecture", 6, [("ARCH", 1.0)]),
                                   ("Security design", 4, [("SEC", 0.5), ("ARCH", 0.5)])]),
                 ("Landing zone", [("Cloud tenancy setup", 5, [("INFRA", 1.0)]),
                                   ("Networking and private endpoints", 4, [("NET", 1.0)]),
                                   ("CI/CD pipelines", 6, [("DEV", 1.0)])]),
             ]),
             ("Build", "Platform live", [
                 ("Ingestion", [("ERP extractors", 10, [("DATA", 2.0)]),
                                ("IoT telemetry ingestion", 12, [("DATA", 1.0), ("DEV", 1.0)]),
                                ("CRM connector", 6, [("DATA", 1.0)]),
                                ("Data quality rules", 8, [("DATA", 1.0)])]),
                 ("Analytics", [("Semantic model", 10, [("DATA", 1.0), ("BA", 1.0)]),
                                ("Management dashboards", 12, [("DEV", 1.0), ("UX", 0.5)])]),
             ]),
             ("Adoption", "Data platform handed over", [
                 ("Enablement", [("Self-service training", 5, [("TRAIN", 1.0)]),
                                 ("Operating model", 6, [("BA", 1.0), (P, 0.5)])]),
             ]),
         ]),
    dict(id="DCM", name="Data-centre move Frankfurt to UK colocation", program="PG-INF", start="2026-01-19",
         priority=850, deadline="2026-12-18T16:30", calendar="UK-SITE", manager="R. Clarke",
         custom={"Strategic driver": "Cost reduction", "NPV (kEUR)": 2100.0, "Board approved": True},
         phases=[
             ("Assess", "Migration plan approved", [
                 ("Discovery", [("Application inventory", 10, [("INFRA", 1.0), ("BA", 1.0)]),
                                ("Dependency mapping", 8, [("ARCH", 0.5), ("INFRA", 1.0)]),
                                ("Wave planning", 5, [(P, 1.0), ("INFRA", 1.0)])]),
                 ("Target site", [("Colocation contract", 15, [(P, 0.5), ("LEGAL", 0.25)]),
                                  ("Site survey", 3, [("INFRA", 1.0)])]),
             ]),
             ("Build target", "Target data centre ready", [
                 ("Facilities", [("Rack delivery", 10, [("INFRA", 0.5), ("RACK", 24.0)]),
                                 ("Rack installation and cabling", 8, [("INFRA", 2.0)]),
                                 ("Power and cooling acceptance", 2, [("INFRA", 1.0)])]),
                 ("Platforms", [("Core network build", 10, [("NET", 2.0)]),
                                ("Compute and storage build", 12, [("INFRA", 2.0)]),
                                ("Backup and DR setup", 6, [("INFRA", 1.0), ("DBA", 0.5)])]),
             ]),
             ("Migrate", "All workloads migrated", [
                 ("Wave 1 (non-critical)", [("Wave 1 migration", 5, [("INFRA", 2.0)]),
                                            ("Wave 1 validation", 2, [("QA", 1.0)]),
                                            ("Wave 1 rollback rehearsal", 1, [("INFRA", 1.0)])]),
                 ("Wave 2 (business systems)", [("Wave 2 migration", 8, [("INFRA", 2.0), ("DBA", 1.0)]),
                                                ("Wave 2 validation", 3, [("QA", 2.0)])]),
                 ("Wave 3 (ERP and databases)", [("Wave 3 cutover weekend", 6, [("INFRA", 3.0), ("DBA", 1.0)]),
                                                 ("Wave 3 validation", 3, [("QA", 2.0), ("BA", 1.0)])]),
             ]),
             ("Close", "Frankfurt site decommissioned", [
                 ("Decommission", [("Decommission old hardware", 10, [("INFRA", 1.0)]),
                                   ("Certified data destruction", 3, [("SEC", 0.5), ("TRAVEL", 1.0)]),
                                   ("Exit old lease", 5, [("LEGAL", 0.25), (P, 0.25)])]),
             ]),
         ]),
    dict(id="WAN", name="WAN and SD-WAN refresh", program="PG-INF", start="2026-03-02", priority=600,
         manager="R. Clarke", custom={"Strategic driver": "Resilience"},
         phases=[
             ("Design", "Network design approved", [
                 ("Design", [("Site requirements", 5, [("NET", 1.0)]),
                             ("SD-WAN vendor selection", 10, [("NET", 0.5), (P, 0.5)]),
                             ("High-level design", 6, [("NET", 1.0), ("ARCH", 0.25)])]),
             ]),
             ("Deploy", "All sites on SD-WAN", [
                 ("Pilot", [("Pilot site deployment", 4, [("NET", 1.0), ("TRAVEL", 1.0)]),
                            ("Pilot review", 2, [("NET", 0.5)])]),
                 ("Rollout", [("Rollout plants", 15, [("NET", 2.0), ("TRAVEL", 1.0)]),
                              ("Rollout offices", 10, [("NET", 1.0)]),
                              ("Network monitoring setup", 4, [("NET", 0.5)]),
                              ("Decommission MPLS circuits", 5, [("NET", 0.5)])]),
             ]),
         ]),
    dict(id="WPL", name="Modern workplace (Microsoft 365 migration)", program="PG-INF", start="2026-04-13",
         priority=500, manager="T. Schulz", custom={"Strategic driver": "Employee experience"},
         phases=[
             ("Plan", "Tenant design signed off", [
                 ("Design", [("Identity and access design", 6, [("SEC", 0.5), ("INFRA", 0.5)]),
                             ("Tenant configuration", 5, [("INFRA", 1.0)])]),
             ]),
             ("Migrate", "Mailboxes and files migrated", [
                 ("Mail", [("Mailbox migration batches", 15, [("INFRA", 1.0)]),
                           ("Shared mailboxes and rooms", 5, [("INFRA", 0.5)]),
                           ("Legacy archive import", 8, [("INFRA", 0.5)])]),
                 ("Files", [("File share migration", 12, [("INFRA", 1.0)]),
                            ("Teams and SharePoint structure", 6, [("BA", 1.0)])]),
             ]),
             ("Adopt", "Workplace programme closed", [
                 ("Change", [("Champions network", 10, [("TRAIN", 0.5)]),
                             ("User training sessions", 10, [("TRAIN", 1.0)])]),
             ]),
         ]),
    dict(id="NOVA", name="Product launch: Nova smart thermostat", program="PG-GRW", start="2026-02-16",
         priority=950, deadline="2026-10-30T18:00", manager="J. Richter",
         custom={"Strategic driver": "Revenue growth", "NPV (kEUR)": 6800.0, "Board approved": True,
                 "Launch market": "DACH"},
         phases=[
             ("Concept", "Concept gate passed", [
                 ("Market", [("Market research", 10, [("MKT", 1.0)]),
                             ("Pricing strategy", 5, [("MKT", 1.0), ("BA", 0.5)])]),
                 ("Product definition", [("Product requirements", 8, [("BA", 1.0), ("UX", 0.5)]),
                                         ("Industrial design", 15, [("UX", 1.0)])]),
             ]),
             ("Develop", "Design freeze", [
                 ("Firmware", [("Firmware development", 30, [("DEV", 2.0)]),
                               ("Cloud backend", 25, [("DEV", 2.0), ("ARCH", 0.25)]),
                               ("Hardware-in-the-loop testing", 10, [("QA", 1.0), ("DEV", 1.0)])]),
                 ("App", [("Mobile app UX", 10, [("UX", 1.0)]),
                          ("Mobile app development", 25, [("DEV", 2.0)]),
                          ("App store submission", 3, [("DEV", 0.5), ("MKT", 0.5)])]),
                 ("Certification", [("CE and radio certification", 20, [("QA", 1.0), ("LEGAL", 0.25)]),
                                    ("Security penetration test", 5, [("SEC", 1.0)])]),
             ]),
             ("Launch", "Market launch", [
                 ("Go to market", [("Launch campaign", 20, [("MKT", 2.0), ("TRAVEL", 1.0)]),
                                   ("Retail partner onboarding", 10, [("MKT", 1.0), ("BA", 1.0)]),
                                   ("Launch event", 1, [("MKT", 2.0), (P, 1.0)])]),
             ]),
         ]),
    dict(id="ECOM", name="E-commerce replatforming", program="PG-GRW", start="2026-03-16", priority=750,
         manager="J. Richter", custom={"Strategic driver": "Revenue growth", "NPV (kEUR)": 1900.0},
         phases=[
             ("Discover", "Scope baselined", [
                 ("Discovery", [("Customer journey mapping", 6, [("UX", 1.0), ("BA", 1.0)]),
                                ("Platform selection", 8, [("ARCH", 0.5), (P, 0.5)])]),
             ]),
             ("Build", "Shop feature complete", [
                 ("Storefront", [("Storefront theme", 12, [("UX", 1.0), ("DEV", 1.0)]),
                                 ("Product catalogue", 8, [("DEV", 1.0), ("DATA", 0.5)]),
                                 ("Search and recommendations", 8, [("DEV", 1.0), ("DATA", 0.5)])]),
                 ("Integration", [("ERP order integration", 15, [("DEV", 2.0)]),
                                  ("Payment and tax services", 8, [("DEV", 1.0)])]),
             ]),
             ("Go live", "Shop live", [
                 ("Launch", [("End-to-end testing", 10, [("QA", 2.0)]),
                             ("SEO migration", 3, [("MKT", 1.0)]),
                             ("Load test", 3, [("QA", 1.0), ("INFRA", 0.5)]),
                             ("Go-live", 1, [("DEV", 2.0), (P, 1.0)])]),
             ]),
         ]),
    dict(id="MES", name="MES upgrade at plant Leipzig", program="PG-DIG", start="2026-03-09", priority=650,
         deadline="2027-02-26T18:00", manager="F. Krüger",
         custom={"Strategic driver": "Operational excellence", "NPV (kEUR)": 950.0, "Plant": "Leipzig"},
         phases=[
             ("Analyse", "MES blueprint approved", [
                 ("Current state", [("Shop-floor process walkthroughs", 5, [("BA", 1.0)]),
                                    ("Machine connectivity audit", 6, [("NET", 0.5), ("DEV", 0.5)]),
                                    ("Blueprint document", 6, [("BA", 1.0), ("ARCH", 0.25)])]),
                 ("Vendor", [("Vendor statement of work", 8, [(P, 0.5), ("LEGAL", 0.25)]),
                             ("Licence order", 3, [(P, 0.25)])]),
             ]),
             ("Implement", "MES ready for production", [
                 ("Core MES", [("MES server installation", 4, [("INFRA", 1.0)]),
                               ("Recipe and routing configuration", 15, [("DEV", 1.0), ("BA", 0.5)]),
                               ("Quality inspection module", 10, [("DEV", 1.0)])]),
                 ("Shop floor", [("PLC gateway rollout", 12, [("NET", 1.0), ("DEV", 1.0)]),
                                 ("Operator terminals", 6, [("INFRA", 1.0)]),
                                 ("Label printing integration", 5, [("DEV", 1.0)])]),
                 ("Verification", [("Factory acceptance test", 5, [("QA", 2.0)]),
                                   ("Site acceptance test", 5, [("QA", 2.0), ("BA", 1.0)])]),
             ]),
             ("Ramp-up", "Plant live on new MES", [
                 ("Go-live", [("Shift supervisor training", 5, [("TRAIN", 1.0)]),
                              ("Line-by-line cutover", 10, [("DEV", 1.0), ("QA", 1.0)]),
                              ("OEE baseline report", 3, [("DATA", 1.0)])]),
             ]),
         ]),
    dict(id="ZTA", name="Zero-trust security programme", program="PG-REG", start="2026-02-23", priority=850,
         manager="A. Novak", custom={"Strategic driver": "Resilience", "Board approved": True},
         phases=[
             ("Assess", "Security roadmap approved", [
                 ("Baseline", [("Threat model", 6, [("SEC", 1.0)]),
                               ("Identity inventory", 5, [("SEC", 0.5), ("INFRA", 0.5)]),
                               ("Roadmap and budget", 4, [("SEC", 0.5), (P, 0.5)])]),
             ]),
             ("Identity", "Phishing-resistant MFA for all staff", [
                 ("Access", [("Single sign-on consolidation", 12, [("INFRA", 1.0)]),
                             ("FIDO2 key rollout", 15, [("INFRA", 1.0), ("TRAVEL", 1.0)]),
                             ("Privileged access management", 10, [("SEC", 0.5), ("INFRA", 1.0)])]),
             ]),
             ("Network", "Micro-segmentation live", [
                 ("Segmentation", [("Segmentation design", 6, [("NET", 1.0), ("SEC", 0.25)]),
                                   ("Firewall policy migration", 10, [("NET", 1.0)]),
                                   ("Endpoint detection rollout", 8, [("INFRA", 1.0)])]),
                 ("Operations", [("SOC onboarding", 6, [("SEC", 0.5)]),
                                 ("Red-team exercise", 5, [("SEC", 1.0), ("TRAVEL", 1.0)])]),
             ]),
         ]),
    dict(id="DORA", name="DORA compliance (EU 2022/2554)", program="PG-REG", start="2026-01-26", priority=1000,
         deadline="2026-12-15T18:00", manager="Dr. J. Weiß",
         custom={"Strategic driver": "Regulatory", "Board approved": True, "Regulation": "EU 2022/2554"},
         phases=[
             ("Gap analysis", "Gap report approved", [
                 ("Assessment", [("ICT risk framework review", 8, [("SEC", 0.5), ("LEGAL", 0.5)]),
                                 ("Third-party register", 10, [("BA", 1.0), ("LEGAL", 0.25)]),
                                 ("Gap report", 4, [("LEGAL", 0.5)])]),
             ]),
             ("Remediation", "Remediation complete", [
                 ("Policies", [("ICT risk policies", 10, [("SEC", 0.5), ("LEGAL", 0.5)]),
                               ("Incident reporting process", 6, [("SEC", 0.5), ("BA", 0.5)]),
                               ("Business continuity plan update", 8, [("SEC", 0.5), ("BA", 0.5)])]),
                 ("Resilience testing", [("Resilience test plan", 5, [("SEC", 0.5)]),
                                         ("Scenario-based resilience tests", 10, [("SEC", 1.0), ("INFRA", 1.0)])]),
             ]),
             ("Attest", "Regulator submission", [
                 ("Reporting", [("Internal audit review", 8, [("LEGAL", 0.5)]),
                                ("Board attestation", 2, [("LEGAL", 0.5), (P, 0.25)])]),
             ]),
         ]),
    dict(id="ESG", name="CSRD sustainability reporting", program="PG-REG", start="2026-04-01", priority=800,
         deadline="2027-03-31T18:00", manager="Dr. J. Weiß", custom={"Strategic driver": "Regulatory"},
         phases=[
             ("Materiality", "Double materiality assessed", [
                 ("Assessment", [("Stakeholder interviews", 10, [("BA", 1.0)]),
                                 ("Double materiality assessment", 8, [("BA", 1.0), ("LEGAL", 0.25)])]),
             ]),
             ("Data", "ESG data available", [
                 ("Data collection", [("ESG KPI definitions", 6, [("BA", 1.0)]),
                                      ("Emissions data pipeline", 12, [("DATA", 1.0)]),
                                      ("Supplier data survey", 15, [("BA", 0.5)]),
                                      ("EU taxonomy alignment", 8, [("BA", 1.0), ("LEGAL", 0.25)])]),
                 ("Governance", [("Reporting controls", 6, [("LEGAL", 0.5)]),
                                 ("Audit committee briefing", 1, [("LEGAL", 0.5), (P, 0.25)])]),
             ]),
             ("Report", "CSRD report published", [
                 ("Reporting", [("Draft sustainability statement", 10, [("BA", 1.0), ("LEGAL", 0.5)]),
                                ("Limited assurance by auditor", 15, [("LEGAL", 0.25), ("TRAVEL", 1.0)]),
                                ("Publish report", 1, [("MKT", 1.0)])]),
             ]),
         ]),
]

PROGRAMS = [
    {"id": "PG-DIG", "name": "Digital core", "manager": "C. Wagner", "custom": {"Sponsor": "CFO"}},
    {"id": "PG-INF", "name": "Infrastructure modernisation", "manager": "R. Clarke", "custom": {"Sponsor": "CIO"}},
    {"id": "PG-GRW", "name": "Growth", "manager": "J. Richter", "custom": {"Sponsor": "CEO"}},
    {"id": "PG-REG", "name": "Regulatory and risk", "manager": "Dr. J. Weiß",
     "notes": "Mandatory projects: not subject to portfolio selection.", "custom": {"Sponsor": "CRO"}},
]

# Cross-project links: (successor project, successor task name, predecessor project, predecessor name,
# type, lag). Milestones are named by their phase-gate name.
CROSS = [
    ("ERP", "Cutover rehearsal", "DCM", "Target data centre ready", "FS", None),
    ("DCM", "Wave 3 cutover weekend", "ERP", "Business sign-off", "FS", "5d"),
    ("DPL", "ERP extractors", "ERP", "Solution design approved", "FS", None),
    ("ECOM", "ERP order integration", "ERP", "Interfaces to MES and WMS", "SS", "10d"),
    ("NOVA", "Launch campaign", "ECOM", "Shop live", "FS", "-10d"),
    ("NOVA", "Cloud backend", "DPL", "Landing zone ready", "FS", None),
    ("DORA", "Third-party register", "DCM", "Application inventory", "SS", "5d"),
    ("DORA", "Scenario-based resilience tests", "DCM", "Backup and DR setup", "FS", None),
    ("ESG", "Emissions data pipeline", "DPL", "Platform live", "FS", None),
    ("DCM", "Wave 1 migration", "WAN", "Pilot review", "FS", None),
    ("WPL", "Identity and access design", "WAN", "Network design approved", "FS", None),
    ("MES", "Machine connectivity audit", "WAN", "Site requirements", "SS", "2d"),
    ("MES", "OEE baseline report", "DPL", "Platform live", "FS", None),
    ("MES", "Recipe and routing configuration", "ERP", "Solution design approved", "FS", None),
    ("ZTA", "Single sign-on consolidation", "WPL", "Tenant design signed off", "FS", None),
    ("ZTA", "Firewall policy migration", "DCM", "Target data centre ready", "FS", "-5d"),
    ("DORA", "Resilience test plan", "ZTA", "Security roadmap approved", "FS", None),
]


def dur_text(d):
    return d if isinstance(d, str) else f"{d}d"


def dur_days(d):
    if isinstance(d, str):
        return max(1, int(d[:-1]) * 60 // MINUTES_PER_DAY)
    return d


def build_project(spec, rng):
    pid = spec["id"]
    proj = {"id": pid, "name": spec["name"], "program": spec["program"], "start": spec["start"] + "T09:00"}
    if "deadline" in spec:
        proj["deadline"] = spec["deadline"]
    if "calendar" in spec:
        proj["calendar"] = spec["calendar"]
        proj["start"] = spec["start"] + "T08:00"
    if spec["priority"] != 500:
        proj["priority"] = spec["priority"]
    proj["manager"] = spec["manager"]
    tasks = []
    by_name = {}
    prev_gate = None
    for pi, (phase, gate, packages) in enumerate(spec["phases"], start=1):
        phase_id = f"{pid}.{pi}"
        tasks.append({"id": phase_id, "name": phase, "duration": "0d"})
        phase_last = []
        prev_wp_last = None
        for wi, (wp, items) in enumerate(packages, start=1):
            wp_id = f"{phase_id}.{wi}"
            tasks.append({"id": wp_id, "name": wp, "parent": phase_id, "duration": "0d"})
            prev = None
            for ti, (name, dur, roles) in enumerate(items, start=1):
                t = {"id": f"{wp_id}.{ti}", "name": name, "parent": wp_id, "duration": dur_text(dur)}
                preds = []
                if prev is not None:
                    roll = rng.random()
                    if roll < 0.15 and dur_days(prev[1]) >= 4:
                        preds.append({"task": prev[0], "type": "SS", "lag": f"{rng.randint(2, 3)}d"})
                    elif roll < 0.25:
                        preds.append({"task": prev[0], "lag": "1d"})
                    elif roll < 0.32 and dur_days(prev[1]) >= 5:
                        preds.append({"task": prev[0], "lag": "-2d"})  # a lead: start 2 days before the finish
                    else:
                        preds.append({"task": prev[0]})
                elif prev_wp_last is not None and rng.random() < 0.5:
                    preds.append({"task": prev_wp_last})  # packages partly in sequence
                elif prev_gate is not None:
                    preds.append({"task": prev_gate})
                if preds:
                    t["predecessors"] = preds
                assigns = []
                for role, units in roles:
                    a = {"resource": role}
                    if units != 1.0:
                        a["units"] = units
                    assigns.append(a)
                t["assignments"] = assigns
                tasks.append(t)
                by_name[name] = t
                prev = (t["id"], dur)
            # The package's last task finishes no earlier than the previous package's (FF), sometimes.
            if prev_wp_last is not None and rng.random() < 0.3 and len(items) > 1:
                last = tasks[-1]
                if not any(p["task"] == prev_wp_last for p in last.get("predecessors", [])):
                    last.setdefault("predecessors", []).append({"task": prev_wp_last, "type": "FF", "lag": "1d"})
            prev_wp_last = prev[0]
            phase_last.append(prev[0])
        gate_id = f"{pid}.M{pi}"
        gate_task = {"id": gate_id, "name": gate, "parent": phase_id, "duration": "0d", "milestone": True,
                     "predecessors": [{"task": x} for x in phase_last]}
        tasks.append(gate_task)
        by_name[gate] = gate_task
        prev_gate = gate_id
    proj["tasks"] = tasks
    proj["custom"] = spec["custom"]
    return proj, by_name


def reorder_task_keys(t):
    order = ["id", "name", "parent", "duration", "milestone", "calendar", "constraint", "deadline", "priority",
             "predecessors", "assignments", "fixed_cost", "progress", "notes", "custom"]
    return {k: t[k] for k in order if k in t}


def add_details(projects, names):
    """Constraints, deadlines, fixed costs, notes, custom fields, special calendars and lags."""
    def task(pid, name):
        return names[pid][name]

    task("ERP", "Licence procurement")["fixed_cost"] = 480000
    task("ERP", "Licence procurement")["notes"] = "SAP RISE subscription, first year."
    # The production load starts on the first working Friday after the year-end close; hypercare
    # follows it, so the uncertain work after the cutover, not the date, sets the ERP finish.
    task("ERP", "Production data load")["constraint"] = {"type": "SNET", "date": "2027-01-08T09:00"}
    task("ERP", "Go-live")["custom"] = {"Gate": True}
    task("ERP", "Custom extensions")["priority"] = 700
    task("ERP", "Custom extensions")["custom"] = {"Risk level": "high"}
    task("DCM", "Rack delivery")["constraint"] = {"type": "SNET", "date": "2026-05-04T08:00"}
    task("DCM", "Rack delivery")["fixed_cost"] = 18500.5
    task("DCM", "Rack delivery")["notes"] = "Supplier lead time: racks cannot arrive before 4 May."
    task("DCM", "Wave 3 cutover weekend")["calendar"] = "24x7"
    task("DCM", "Wave 3 cutover weekend")["notes"] = "48 hours round the clock on the 24x7 calendar (6 days of 8 working hours)."
    task("DCM", "Wave 3 cutover weekend")["custom"] = {"Change window": "Fri 18:00 - Sun 18:00", "Risk level": "high"}
    task("DCM", "Decommission old hardware")["constraint"] = {"type": "ALAP"}
    task("DCM", "Colocation contract")["fixed_cost"] = 125000
    # Concrete of the new cage floor cures over calendar days: an elapsed lag.
    inst = task("DCM", "Rack installation and cabling")
    for p in inst["predecessors"]:
        p["lag"] = "3d"
        p["lag_unit"] = "elapsed"
    task("NOVA", "Launch event")["constraint"] = {"type": "MSO", "date": "2026-10-06T09:00"}
    task("NOVA", "Launch event")["custom"] = {"Venue": "Berlin"}
    task("NOVA", "CE and radio certification")["deadline"] = "2026-08-28T18:00"
    task("NOVA", "CE and radio certification")["fixed_cost"] = 42000
    task("NOVA", "Industrial design")["fixed_cost"] = 65000
    task("DORA", "Regulator submission")["constraint"] = {"type": "FNLT", "date": "2026-11-30T18:00"}
    task("DORA", "Regulator submission")["custom"] = {"Gate": True}
    task("ESG", "Publish report")["constraint"] = {"type": "FNLT", "date": "2027-03-31T18:00"}
    task("ESG", "Limited assurance by auditor")["fixed_cost"] = 95000
    task("ECOM", "Platform selection")["deadline"] = "2026-04-30T18:00"
    task("ECOM", "Go-live")["constraint"] = {"type": "SNET", "date": "2026-09-07T09:00"}
    task("WAN", "Rollout plants")["calendar"] = "UK-SITE"
    task("WAN", "SD-WAN vendor selection")["constraint"] = {"type": "FNET", "date": "2026-03-27T18:00"}
    task("WPL", "User training sessions")["constraint"] = {"type": "SNLT", "date": "2026-10-01T09:00"}
    task("WPL", "Champions network")["predecessors"] = [{"task": task("WPL", "Mailbox migration batches")["id"],
                                                         "type": "SS", "lag_unit": "percent", "lag_percent": 50.0}]
    task("DPL", "Management dashboards")["predecessors"].append(
        {"task": task("DPL", "Data quality rules")["id"], "type": "SF", "lag": "2d", "lag_calendar": "successor"})
    task("DPL", "Data platform handed over")["constraint"] = {"type": "MFO", "date": "2026-11-27T18:00"}
    # Travel as a cost resource carries its amount on the assignment.
    for pid, names_of in names.items():
        for t in names_of.values():
            for a in t.get("assignments", []):
                if a["resource"] == "TRAVEL":
                    a["cost"] = 3500
                if a["resource"] == "RACK":
                    a["custom"] = {"Supplier": "Rittal"}


def add_cross_links(names):
    for sp, sn, pp, pn, typ, lag in CROSS:
        link = {"task": names[pp][pn]["id"]}
        if typ != "FS":
            link["type"] = typ
        if lag is not None:
            link["lag"] = lag
        names[sp][sn].setdefault("predecessors", []).append(link)


# ---- ppm itself: the plan's CPM dates and costs come from the engine -----------------------------

def import_ppm():
    """The ppm Python module of the build (build/bindings/python, or $PPM_PYTHONPATH)."""
    import os
    root = pathlib.Path(__file__).resolve().parent.parent
    path = os.environ.get("PPM_PYTHONPATH", str(root / "build" / "bindings" / "python"))
    sys.path.insert(0, path)
    try:
        import ppm  # noqa: PLC0415
    except ImportError as e:
        sys.exit(f"make_example.py needs the ppm Python module (build it: scripts/build.sh; looked in {path}): {e}")
    return ppm


def model_text(portfolio, sections=None):
    doc = {"format": "ppm", "version": 1, "portfolio": portfolio}
    for name in sorted(sections or {}):  # ppm writes the other sections after the model, by name
        doc[name] = sections[name]
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def plan_only(portfolio, projects=None, cross_links=True):
    """The portfolio as planned before execution: no status date, no progress; optionally some
    projects only and without links into other projects (the stand-alone plan of a business case)."""
    p = json.loads(json.dumps(portfolio))
    p.pop("status_date", None)
    if projects is not None:
        p["projects"] = [x for x in p["projects"] if x["id"] in projects]
    for proj in p["projects"]:
        own = {t["id"] for t in proj["tasks"]}
        for t in proj["tasks"]:
            t.pop("progress", None)
            if not cross_links and "predecessors" in t:
                t["predecessors"] = [l for l in t["predecessors"] if l["task"] in own]
                if not t["predecessors"]:
                    del t["predecessors"]
    return p


def leaf_dates(result):
    """Task id -> (early start, early finish) of the leaf tasks of a ppm ScheduleResult."""
    starts = result.early_start.astype("datetime64[m]").tolist()
    finishes = result.early_finish.astype("datetime64[m]").tolist()
    return {str(tid): (starts[i], finishes[i]) for i, tid in enumerate(result.task_id) if not result.is_summary[i]}


# ---- progress at the status date: the plan executed with each project's own pace ----------------

UK_OFF = {dt.date.fromisoformat(d) for _, d in UK_HOLIDAYS}
STATUS = dt.datetime.combine(STATUS_DATE, dt.time(18, 0))
# Status periods: month ends up to the status date (the last one is the status date itself).
PERIODS = [dt.datetime(2026, 3, 31, 18, 0), dt.datetime(2026, 4, 30, 18, 0), STATUS]

# Per project: schedule stretch (elapsed time since the start runs this much slower than planned:
# 1.15 = 15 % behind) and cost factor (actual cost / budget of the work done). Chosen so that the
# portfolio shows every RAG colour under the controlling PMO policy.
PACE = {
    "ERP": (1.07, 1.08),   # behind and over budget: fit-to-standard ran long, SAP day rates
    "DPL": (1.00, 0.97),
    "DCM": (1.25, 1.04),   # colocation contract signed late: well behind
    "WAN": (0.97, 0.99),
    "WPL": (1.00, 1.02),
    "NOVA": (1.02, 1.12),  # industrial design over budget
    "ECOM": (1.10, 1.22),  # platform selection slipped, integrator change requests
    "MES": (1.00, 1.00),
    "ZTA": (1.04, 0.95),
    "DORA": (1.00, 1.01),
    "ESG": (0.98, 1.00),
}


def site(proj):
    """(day start, day end, non-working days) of a project's calendar, for stamping actual dates."""
    if proj.get("calendar") == "UK-SITE":
        return dt.time(8, 0), dt.time(16, 30), UK_OFF
    return dt.time(9, 0), dt.time(18, 0), DE_OFF


def working(d, off):
    return d.weekday() < 5 and d not in off


def stamp_start(t, proj):
    begin, end, off = site(proj)
    d = t.date() + dt.timedelta(days=1) if t.time() >= end else t.date()
    while not working(d, off):
        d += dt.timedelta(days=1)
    return dt.datetime.combine(d, begin)


def stamp_finish(t, proj):
    begin, end, off = site(proj)
    d = t.date() - dt.timedelta(days=1) if t.time() <= begin else t.date()
    while not working(d, off):
        d -= dt.timedelta(days=1)
    return dt.datetime.combine(d, end)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M")


class Execution:
    """What happened to one leaf task: its planned dates stretched by the project's pace."""

    def __init__(self, proj, start, finish, milestone):
        self.proj, self.milestone = proj, milestone
        origin = dt.datetime.fromisoformat(proj["start"])
        stretch = PACE[proj["id"]][0]
        self.start = origin + (start - origin) * stretch
        self.finish = origin + (finish - origin) * stretch

    def percent_at(self, when):
        if self.finish <= when:
            return 100.0
        if self.milestone or self.start >= when:
            return 0.0
        span = (self.finish - self.start).total_seconds()
        return float(min(99, max(1, round(100 * (when - self.start).total_seconds() / span))))


def add_progress(projects, plan, rng):
    """Progress at STATUS_DATE from the plan's CPM dates (`plan`, task id -> early start and finish):
    each project executes its plan stretched by its pace (PACE); a leaf task whose stretched finish
    is before the status date is complete, one spanning it is in progress (percent complete = share
    of its stretched span elapsed; the team sometimes re-estimated the remaining duration). Actual
    start and finish are stamped on working days of the project's calendar (start and end of the
    day); actual cost = planned cost x the project's cost factor x noise, pro rata for tasks in
    progress. Returns task id -> (Execution, cost at completion) for the status periods."""
    done = {}
    for proj in projects:
        for t in proj["tasks"]:
            if t["id"] not in plan:
                continue  # summary
            start, finish = plan[t["id"]]
            ex = Execution(proj, start, finish, bool(t.get("milestone")))
            pct = ex.percent_at(STATUS)
            if pct == 0.0:
                continue
            if ex.milestone:
                stamp = iso(stamp_finish(ex.finish, proj))
                t["progress"] = {"actual_start": stamp, "actual_finish": stamp, "percent_complete": 100.0}
                done[t["id"]] = (ex, None)
                continue
            prog = {"actual_start": iso(stamp_start(ex.start, proj))}
            if pct == 100.0:
                prog["actual_finish"] = iso(max(stamp_finish(ex.finish, proj), stamp_start(ex.start, proj)))
            prog["percent_complete"] = pct
            if pct < 100.0 and rng.random() < 0.5:
                # The team re-estimated: a few days more left than the plan's remainder.
                days = dur_text_to_days(t["duration"])
                prog["remaining_duration"] = f"{max(1, round(days * (100 - pct) / 100)) + rng.randint(1, 3)}d"
            t["progress"] = prog
            done[t["id"]] = (ex, rng.uniform(0.92, 1.08))
    return done


def dur_text_to_days(text):
    if text.endswith("d"):
        return int(text[:-1])
    return max(1, int(text[:-1]) * 60 // MINUTES_PER_DAY)


# ---- control sections: baselines, status periods, risks, uncertainty, governance ----------------

def last_workday_before(day, off):
    d = day - dt.timedelta(days=1)
    while not working(d, off):
        d -= dt.timedelta(days=1)
    return d


def baseline_json(baseline, captured_at, current=None):
    b = {"name": baseline.name, "project": str(baseline.project), "captured_at": iso(captured_at)}
    if current is not None:
        b["current"] = current
    b["tasks"] = [{"task": str(t), "start": iso(s), "finish": iso(f), "cost": money(c)}
                  for t, s, f, c in zip(baseline.task, baseline.start, baseline.finish, baseline.cost)]
    return b


def make_baselines(ppm, portfolio, projects):
    """One baseline per project ("Baseline", current: the CPM plan of the whole portfolio captured on
    the working day before the project starts) and, for ERP and NOVA, the older "Business case"
    baseline: the CPM plan of the project on its own, before it was linked into the portfolio."""
    plan_model = ppm.read_json(model_text(plan_only(portfolio)), "plan")
    plan_result = ppm.schedule(plan_model)
    out, budgets = [], {}
    for proj in projects:
        pid = proj["id"]
        begin, _, off = site(proj)
        start_day = dt.date.fromisoformat(proj["start"][:10])
        if pid in BUSINESS_CASE:
            alone = ppm.read_json(model_text(plan_only(portfolio, {pid}, cross_links=False)), "business case")
            old = ppm.capture_baseline(alone, ppm.schedule(alone), pid, "Business case")
            out.append(baseline_json(old, dt.datetime.combine(BUSINESS_CASE[pid], dt.time(12, 0))))
            current = True
        else:
            current = None
        b = ppm.capture_baseline(plan_model, plan_result, pid, "Baseline")
        out.append(baseline_json(b, dt.datetime.combine(last_workday_before(start_day, off), dt.time(12, 0)), current))
        budgets.update({str(t): c for t, c in zip(b.task, b.cost)})
    return out, budgets, leaf_dates(plan_result)


BUSINESS_CASE = {"ERP": dt.date(2025, 11, 20), "NOVA": dt.date(2026, 1, 30)}


def make_status(projects, executed, budgets):
    """Monthly status periods: per project and month end, every started leaf task's percent complete
    and cumulative actual cost, from the same execution as the tasks' progress (the last period is the
    status date, equal to the tasks' progress fields)."""
    periods = []
    for when in PERIODS:
        for proj in projects:
            rows = []
            for t in proj["tasks"]:
                if t["id"] not in executed:
                    continue
                ex, noise = executed[t["id"]]
                pct = ex.percent_at(when)
                if pct == 0.0:
                    continue
                row = {"task": t["id"], "percent_complete": pct}
                if noise is not None:
                    row["actual_cost"] = actual_cost(t, budgets[t["id"]], PACE[proj["id"]][1] * noise, pct)
                rows.append(row)
            if rows:
                periods.append({"project": proj["id"], "date": iso(when), "tasks": rows})
    return periods


def actual_cost(task, budget, factor, pct):
    """Cumulative actual cost at `pct`: fixed cost as invoiced, the rest of the budget x factor."""
    fixed = task.get("fixed_cost", 0)
    if pct >= 100.0:
        return money(fixed + (budget - fixed) * factor)
    return money((fixed + (budget - fixed) * factor) * pct / 100)


def add_actual_costs(projects, executed, budgets):
    for proj in projects:
        for t in proj["tasks"]:
            if t["id"] in executed and executed[t["id"]][1] is not None:
                ex, noise = executed[t["id"]]
                t["progress"]["actual_cost"] = actual_cost(t, budgets[t["id"]], PACE[proj["id"]][1] * noise,
                                                           t["progress"]["percent_complete"])


# Risk register: (id, project, title, cause, event, effect, category, owner, pre (p, cost, days),
# post (p, cost, days) or None, strategy, status, linked tasks by name, actions, opportunity).
RISKS = [
    ("R01", "ERP", "SAP consultants unavailable", "framework contract caps the partner at 4 consultants",
     "the partner cannot staff configuration and testing at the same time", "realisation and SIT slip",
     "Resources", "S. Hoffmann", (0.5, 60000, 15), (0.3, 40000, 10), "mitigate", "mitigating",
     ["Finance configuration", "System integration test"],
     [("Second SAP partner on call-off contract", "C. Wagner", "2026-06-30", False, 15000)], False),
    ("R02", "ERP", "Data migration quality", "legacy master data is duplicated and incomplete",
     "mock loads fail the reconciliation", "extra cleansing cycle before go-live",
     "Technical", "S. Hoffmann", (0.6, 45000, 10), (0.3, 25000, 5), "mitigate", "open",
     ["Mock load 1", "Mock load 2", "Data cleansing"],
     [("Data owners sign off each migration object", "L. Meyer", "2026-07-15", False, None)], False),
    ("R03", "ERP", "Custom extensions exceed estimate", "fit-to-standard found 40 % more gaps than planned",
     "extension backlog grows", "development runs weeks longer", "Scope", "S. Hoffmann",
     (0.7, 120000, 20), None, "escalate", "open", ["Custom extensions"], [], False),
    ("R04", "DCM", "Colocation contract delay", "legal review of the UK colocation contract",
     "the contract is signed late", "target site build starts late", "Commercial", "R. Clarke",
     (0.8, 30000, 15), None, "accept", "occurred", ["Colocation contract"], [], False),
    ("R05", "DCM", "Wave 3 cutover overrun", "ERP databases of 14 TB must move in one weekend",
     "the cutover window is exceeded", "ERP outage on Monday, rollback", "Technical", "R. Clarke",
     (0.3, 250000, 5), (0.1, 250000, 3), "mitigate", "mitigating", ["Wave 3 cutover weekend"],
     [("Rehearse the cutover twice on production-size data", "M. Yilmaz", "2026-10-30", False, 20000)], False),
    ("R06", "DCM", "Rack delivery late", "single rack supplier, long lead times",
     "racks arrive after the installation slot", "facilities work slips", "Supply chain", "R. Clarke",
     (0.4, 15000, 10), (0.2, 15000, 5), "transfer", "open", ["Rack delivery"],
     [("Delay penalty clause in the purchase order", "Dr. J. Weiß", "2026-05-15", True, None)], False),
    ("R07", "WAN", "Carrier circuit lead times", "carriers quote 60-90 days for new circuits",
     "circuits at plants are not ready", "SD-WAN rollout pauses", "Supply chain", "R. Clarke",
     (0.3, 8000, 10), None, "accept", "closed", ["Rollout plants"], [], False),
    ("R08", "NOVA", "CE certification failure", "new radio module, first submission",
     "the notified body rejects the test report", "re-test and launch delay", "Regulatory", "J. Richter",
     (0.35, 80000, 20), (0.15, 60000, 10), "mitigate", "open", ["CE and radio certification"],
     [("Pre-compliance test at an accredited lab", "J. Richter", "2026-06-19", False, 12000)], False),
    ("R09", "NOVA", "Retail partner early listing", "a DIY chain asked for exclusivity in DACH",
     "a partner lists the product before launch", "earlier revenue, lower campaign cost", "Commercial",
     "J. Richter", (0.4, 50000, 0), None, "exploit", "open", ["Retail partner onboarding"], [], True),
    ("R10", "ECOM", "ERP order interface not ready", "ECOM integration depends on the ERP interfaces",
     "ERP interfaces slip", "e-commerce go-live slips", "Dependency", "J. Richter",
     (0.5, 40000, 15), (0.4, 40000, 10), "escalate", "open", ["ERP order integration"], [], False),
    ("R11", "ECOM", "Peak-season load", "Black Friday traffic three times the average",
     "the new shop fails the load test", "tuning and extra infrastructure", "Technical", "J. Richter",
     (0.3, 35000, 5), (0.15, 20000, 3), "mitigate", "open", ["Load test"],
     [("Autoscaling and CDN in the platform contract", "T. Schulz", "2026-07-31", False, 8000)], False),
    ("R12", "MES", "PLC firmware incompatibility", "ten-year-old controllers on line 3",
     "gateways cannot read the PLCs", "hardware replacement on line 3", "Technical", "F. Krüger",
     (0.25, 70000, 10), None, "mitigate", "open", ["PLC gateway rollout"],
     [("Connectivity proof on line 3 first", "F. Krüger", "2026-08-14", False, None)], False),
    ("R13", "ZTA", "MFA user resistance", "FIDO2 keys are new to shop-floor staff",
     "staff share keys or fall back to passwords", "rollout extended, help desk load", "Organisational",
     "A. Novak", (0.4, 10000, 10), (0.2, 5000, 5), "mitigate", "open", ["FIDO2 key rollout"],
     [("Champions per shift and short videos", "T. Schulz", "2026-07-01", False, 3000)], False),
    ("R14", "DORA", "Third-party register incomplete", "ICT contracts are spread over 40 business units",
     "critical ICT providers are missing from the register", "finding in the regulator's review",
     "Regulatory", "Dr. J. Weiß", (0.45, 100000, 10), (0.2, 100000, 5), "mitigate", "open",
     ["Third-party register"],
     [("Procurement extract of all ICT contracts", "Dr. J. Weiß", "2026-06-12", False, None)], False),
    ("R15", "DORA", "Resilience tests find critical gaps", "first scenario-based tests of the DR site",
     "a critical service cannot be restored in time", "remediation before attestation",
     "Regulatory", "Dr. J. Weiß", (0.5, 150000, 20), None, "accept", "open",
     ["Scenario-based resilience tests"], [], False),
    ("R16", "ESG", "Supplier emissions data missing", "scope 3 data depends on 300 suppliers",
     "fewer than half of the suppliers answer", "estimates instead of data, assurance qualification",
     "Data", "Dr. J. Weiß", (0.6, 20000, 10), (0.4, 15000, 5), "mitigate", "open", ["Supplier data survey"],
     [("Survey through the procurement portal with reminders", "C. Wagner", "2026-09-30", False, 4000)], False),
    ("R17", "ERP", "Unstable operations after go-live", "new order-to-cash and month-end processes",
     "ticket volumes stay high after the cutover", "hypercare extended with the SAP partner", "Operational",
     "S. Hoffmann", (0.4, 90000, 10), (0.3, 70000, 8), "mitigate", "open", ["Hypercare support"],
     [("Dress rehearsal of the first month-end close", "C. Wagner", "2026-12-11", False, 10000)], False),
]


def risk_json(spec, names):
    (rid, pid, title, cause, event, effect, category, owner, pre, post, strategy, status, linked,
     actions, opportunity) = spec

    def assessment(a):
        p, cost, days = a
        out = {"probability": p, "cost": cost}
        if days:
            out["schedule"] = f"{days}d"
        return out

    r = {"id": rid, "title": title, "cause": cause, "event": event, "effect": effect, "category": category,
         "project": pid, "owner": owner}
    if opportunity:
        r["opportunity"] = True
    r["pre"] = assessment(pre)
    if post:
        r["post"] = assessment(post)
    r["strategy"] = strategy
    if actions:
        r["actions"] = []
        for desc, who, due, done, cost in actions:
            a = {"description": desc, "owner": who, "due": due}
            if done:
                a["done"] = True
            if cost:
                a["cost"] = cost
            r["actions"].append(a)
    r["status"] = status
    r["linked_tasks"] = [names[pid][n]["id"] for n in linked]
    return r


def make_risks(names):
    return {"items": [risk_json(s, names) for s in RISKS]}


def make_uncertainty(names):
    """Duration uncertainty: every task triangular 0.9/1.0/1.3 x its planned duration; the tasks a
    PMO would estimate with three points get their own PERT ranges; the ERP configuration tasks
    share the SAP consultants, so their overruns are correlated."""
    def tid(pid, name):
        return names[pid][name]["id"]

    tasks = {
        tid("ERP", "Custom extensions"): {"type": "pert", "min": "22d", "most_likely": "25d", "max": "40d"},
        tid("ERP", "System integration test"): {"type": "pert", "min": "18d", "most_likely": "20d", "max": "30d"},
        tid("ERP", "Hypercare support"): {"type": "pert", "min": "15d", "most_likely": "20d", "max": "35d"},
        tid("DCM", "Wave 3 cutover weekend"): {"type": "triangular", "min": "5d", "most_likely": "6d", "max": "9d"},
        tid("NOVA", "Firmware development"): {"type": "pert", "min": "26d", "most_likely": "30d", "max": "45d"},
        tid("NOVA", "CE and radio certification"): {"type": "lognormal", "mean": "22d", "stddev": "4d"},
        tid("ECOM", "ERP order integration"): {"type": "pert", "min": "13d", "most_likely": "15d", "max": "24d"},
    }
    sap = [tid("ERP", n) for n in ("Finance configuration", "Procurement configuration",
                                    "Sales and distribution configuration")]
    return {
        "default": {"type": "triangular", "min": 0.9, "most_likely": 1.0, "max": 1.3},
        "tasks": tasks,
        "correlations": [{"name": "SAP consultants", "tasks": sap,
                          "matrix": [[1, 0.6, 0.6], [0.6, 1, 0.6], [0.6, 0.6, 1]]}],
        "risk_events": True,
        "iterations": 2000,
        "seed": 1,
        "target_finish": "2027-02-26T18:00",
    }


def float_erosion(baseline_plan, current, project_ids):
    """Per project, the share of the baseline's mean total float of its unfinished leaf tasks that
    the current schedule has consumed (0 when none was lost)."""
    def mean_float(result, pid, unfinished):
        vals = [result.total_float[i] for i, tid in enumerate(result.task_id)
                if str(result.project_id[result.project[i]]) == pid and not result.is_summary[i] and str(tid) in unfinished]
        return sum(vals) / len(vals) if vals else 0.0

    out = {}
    for pid, unfinished in project_ids.items():
        before = mean_float(baseline_plan, pid, unfinished)
        after = mean_float(current, pid, unfinished)
        if before > 0:
            out[pid] = round(max(0.0, min(1.0, (before - after) / before)), 2)
    return out


def make_governance(names, erosion):
    def tid(pid, name):
        return names[pid][name]["id"]

    projects = {pid: {"float_erosion": e, "gate_approved": True, "executing": True} for pid, e in sorted(erosion.items())}
    return {
        "pmo": "controlling",
        "weight": "bac",
        "eac_method": "cpi",
        "projects": projects,
        "gates": [
            {"project": "ERP", "phase": "Prepare", "date": "2026-02-13", "decision": "approve", "decided_by": "Steering committee"},
            {"project": "ERP", "phase": "Explore", "date": "2026-04-24", "decision": "approve", "decided_by": "Steering committee"},
            {"project": "NOVA", "phase": "Concept", "date": "2026-04-10", "decision": "approve", "decided_by": "Product board"},
            {"project": "DORA", "phase": "Gap analysis", "date": "2026-03-20", "decision": "approve", "decided_by": "Risk committee"},
        ],
        "change_requests": [
            {"id": "CR-01", "project": "ERP", "title": "Extra extensions from fit-to-standard",
             "description": "Twelve gaps need custom extensions instead of standard processes.",
             "requested_by": "S. Hoffmann", "submitted": "2026-05-11", "status": "submitted",
             "cost_delta": 85000, "schedule_delta": "10d", "affected_tasks": [tid("ERP", "Custom extensions")]},
            {"id": "CR-02", "project": "ECOM", "title": "Marketplace connector",
             "description": "Sell through two marketplaces from go-live.", "requested_by": "Sales",
             "submitted": "2026-04-20", "status": "rejected", "cost_delta": 40000, "schedule_delta": "8d",
             "decided": "2026-05-05", "decided_by": "Growth board"},
        ],
        "issues": [
            {"id": "I-01", "project": "DCM", "title": "Colocation contract signed five weeks late",
             "owner": "R. Clarke", "priority": "high", "status": "open", "raised": "2026-03-09",
             "due": "2026-06-30", "from_risk": "R04"},
            {"id": "I-02", "project": "ECOM", "title": "Integrator day rates above the contract",
             "owner": "J. Richter", "priority": "medium", "status": "open", "raised": "2026-05-04", "due": "2026-06-15"},
            {"id": "I-03", "project": "WAN", "title": "Pilot site router firmware bug", "owner": "R. Clarke",
             "priority": "low", "status": "resolved", "raised": "2026-04-02", "due": "2026-04-10",
             "resolved": "2026-04-08", "resolution": "Vendor hotfix 7.2.1 installed."},
        ],
        "lessons": [
            {"id": "L-01", "project": "WAN", "phase": "Deploy", "tags": ["supplier", "network"],
             "title": "Order circuits at design approval",
             "text": "Carrier lead times of 60-90 days drove the pilot date; order at the design gate.",
             "recorded": "2026-05-15"},
            {"id": "L-02", "project": "ERP", "phase": "Explore", "tags": ["workshops", "scope"],
             "title": "Fit-to-standard needs decision makers in the room",
             "text": "Workshops without process owners produced gaps that were later closed as standard.",
             "recorded": "2026-04-28"},
        ],
    }


def main():
    ppm = import_ppm()
    rng = random.Random(SEED)
    projects, names = [], {}
    for spec in PROJECTS:
        proj, by_name = build_project(spec, rng)
        projects.append(proj)
        names[spec["id"]] = by_name
    add_cross_links(names)
    add_details(projects, names)
    for proj in projects:
        proj["tasks"] = [reorder_task_keys(t) for t in proj["tasks"]]
        proj["custom"] = dict(sorted(proj["custom"].items()))

    portfolio = {
        "id": "ACME-2026",
        "name": "ACME Group transformation portfolio 2026-2027",
        "default_calendar": "DE-STD",
        "status_date": STATUS_DATE.isoformat() + "T18:00",
        "calendars": calendars(),
        "resources": resources(),
        "programs": PROGRAMS,
        "projects": projects,
        "notes": "Worked example generated by scripts/make_example.py (seed %d). Fictitious company." % SEED,
        "custom": {"Currency": "EUR", "Fiscal year start": {"date": "2026-01-01T00:00"}},
    }
    # The plan (CPM of the portfolio without progress) gives the baselines and drives the progress.
    baselines, budgets, plan = make_baselines(ppm, portfolio, projects)
    executed = add_progress(projects, plan, rng)
    add_actual_costs(projects, executed, budgets)
    for proj in projects:
        proj["tasks"] = [reorder_task_keys(t) for t in proj["tasks"]]

    current = ppm.schedule(ppm.read_json(model_text(portfolio), "current"))
    planned = ppm.schedule(ppm.read_json(model_text(plan_only(portfolio)), "plan"))
    unfinished = {p["id"]: {t["id"] for t in p["tasks"] if t.get("progress", {}).get("percent_complete", 0) < 100}
                  for p in projects}
    sections = {
        "baselines": baselines,
        "status": make_status(projects, executed, budgets),
        "risks": make_risks(names),
        "uncertainty": make_uncertainty(names),
        "governance": make_governance(names, float_erosion(planned, current, unfinished)),
    }
    text = model_text(portfolio, sections)
    ppm.read_json(text, "example")  # the model reads back
    ppm.read_control_sections(text, "example")  # and so do the control sections
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / "examples" / "portfolio.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    n = sum(len(p["tasks"]) for p in projects)
    started = sum(1 for p in projects for t in p["tasks"] if "progress" in t)
    print(f"wrote {out}: {len(PROGRAMS)} programs, {len(projects)} projects, {n} tasks ({started} started), "
          f"{len(portfolio['resources'])} resources; {len(baselines)} baselines, "
          f"{len(sections['status'])} status periods, {len(RISKS)} risks")


if __name__ == "__main__":
    main()
