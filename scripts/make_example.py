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

Standard library only; deterministic (random.Random(SEED)). The output is in ppm's canonical form
(docs/format.md), so `ppm` reading and rewriting it gives the same bytes.

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
    task("ERP", "Go-live")["constraint"] = {"type": "SNET", "date": "2027-01-11T09:00"}
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


def add_progress(projects, names, rng):
    """Progress at STATUS_DATE: walks the first tasks of the early projects in WBS order on the German
    calendar; finished tasks get actual start and finish, the task spanning the status date an actual
    start and a percent complete; work on the UK calendar project is left unstarted for simplicity."""
    for proj in projects:
        if proj.get("calendar") == "UK-SITE":
            continue
        cursor = next_workday(dt.date.fromisoformat(proj["start"][:10]))
        if cursor > STATUS_DATE:
            continue
        finish_of = {}
        for t in proj["tasks"]:
            if t["duration"] == "0d" and not t.get("milestone"):
                continue  # summary
            preds = [p["task"] for p in t.get("predecessors", [])]
            if any(p not in finish_of for p in preds):
                break  # a predecessor outside the walked chain (other project, or not done): stop here
            start = cursor
            for p in preds:
                start = max(start, next_workday(finish_of[p] + dt.timedelta(days=1)))
            if start > STATUS_DATE:
                break
            if t.get("milestone"):
                done = max(finish_of[p] for p in preds) if preds else start
                stamp = done.isoformat() + "T18:00"
                t["progress"] = {"actual_start": stamp, "actual_finish": stamp, "percent_complete": 100.0}
                finish_of[t["id"]] = done
                continue
            days = dur_text_to_days(t["duration"])
            end = add_workdays(start, days)
            prog = {"actual_start": start.isoformat() + "T09:00"}
            if end <= STATUS_DATE:
                prog["actual_finish"] = end.isoformat() + "T18:00"
                prog["percent_complete"] = 100.0
                if rng.random() < 0.4:
                    prog["actual_cost"] = money(rng.uniform(2000, 40000))
                t["progress"] = prog
                finish_of[t["id"]] = end
                cursor = start
            else:
                done_days = workdays_between(start, STATUS_DATE)
                pct = float(round(100 * done_days / days))
                if pct > 0:
                    prog["percent_complete"] = pct
                if rng.random() < 0.5:
                    # The team re-estimated: more left than the plan's remainder.
                    prog["remaining_duration"] = f"{days - done_days + rng.randint(1, 3)}d"
                t["progress"] = prog
                break


def dur_text_to_days(text):
    if text.endswith("d"):
        return int(text[:-1])
    return max(1, int(text[:-1]) * 60 // MINUTES_PER_DAY)


def main():
    rng = random.Random(SEED)
    projects, names = [], {}
    for spec in PROJECTS:
        proj, by_name = build_project(spec, rng)
        projects.append(proj)
        names[spec["id"]] = by_name
    add_cross_links(names)
    add_details(projects, names)
    add_progress(projects, names, rng)
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
    doc = {"format": "ppm", "version": 1, "portfolio": portfolio}
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / "examples" / "portfolio.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(p["tasks"]) for p in projects)
    print(f"wrote {out}: {len(PROGRAMS)} programs, {len(projects)} projects, {n} tasks, "
          f"{len(portfolio['resources'])} resources")


if __name__ == "__main__":
    main()
