"""Type stub for the native module ppm._core (hand-kept; tests/test_stub.py checks its coverage)."""

import datetime
import enum
from typing import Any, Iterator, Optional, Union, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

CustomValue = Union[str, float, datetime.datetime, bool]

class Error(RuntimeError):
    code: str

class ModelError(Error):
    ids: list[str]

class ParseError(Error):
    path: str
    line: int
    column: int
    detail: str

class LinkType(enum.Enum):
    FINISH_START = 0
    START_START = 1
    FINISH_FINISH = 2
    START_FINISH = 3

class LagUnit(enum.Enum):
    WORKING = 0
    ELAPSED = 1
    PERCENT = 2

class LagCalendar(enum.Enum):
    PREDECESSOR = 0
    SUCCESSOR = 1
    PROJECT = 2
    TWENTY_FOUR_HOUR = 3

class ConstraintType(enum.Enum):
    ASAP = 0
    ALAP = 1
    SNET = 2
    SNLT = 3
    FNET = 4
    FNLT = 5
    MSO = 6
    MFO = 7

class ResourceType(enum.Enum):
    WORK = 0
    MATERIAL = 1
    COST = 2

class Severity(enum.Enum):
    WARNING = 0
    ERROR = 1

class ProgressMode(enum.Enum):
    RETAINED_LOGIC = 0
    PROGRESS_OVERRIDE = 1

class ScheduleWarningKind(enum.Enum):
    CONSTRAINT_CONFLICT = 0
    DEADLINE_MISSED = 1
    NEGATIVE_FLOAT = 2
    CALENDAR_FALLBACK = 3
    HORIZON = 4
    PROGRESS = 5

class ViolationKind(enum.Enum):
    LINK = 0
    CALENDAR = 1
    CONSTRAINT = 2
    PROGRESS = 3
    SUMMARY = 4
    FLOAT_SIGN = 5

class WorkInterval:
    start: int
    finish: int
    @overload
    def __init__(self, **kwargs: Any) -> None: ...
    @overload
    def __init__(self, start: int, finish: int) -> None: ...

class CalendarException:
    name: str
    from_date: datetime.date
    to_date: datetime.date
    hours: list[WorkInterval]
    yearly: bool
    def __init__(self, **kwargs: Any) -> None: ...

class Calendar:
    id: str
    name: str
    base: Optional[str]
    week: list[Optional[list[WorkInterval]]]
    exceptions: list[CalendarException]
    notes: str
    custom: dict[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...
    @staticmethod
    def standard(id: str, day: list[WorkInterval] = ...) -> Calendar: ...
    @staticmethod
    def twenty_four_seven(id: str) -> Calendar: ...

class Constraint:
    type: ConstraintType
    date: Optional[datetime.datetime]
    def __init__(self, **kwargs: Any) -> None: ...

class Lag:
    unit: LagUnit
    amount: int
    percent: float
    def __init__(self, **kwargs: Any) -> None: ...

class Dependency:
    predecessor: str
    type: LinkType
    lag: Lag
    lag_calendar: LagCalendar
    custom: dict[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class Assignment:
    resource: str
    units: float
    work: Optional[int]
    actual_work: Optional[int]
    cost: Optional[float]
    custom: dict[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class Progress:
    actual_start: Optional[datetime.datetime]
    actual_finish: Optional[datetime.datetime]
    percent_complete: float
    remaining_duration: Optional[int]
    actual_cost: Optional[float]
    def __init__(self, **kwargs: Any) -> None: ...

class DependencyList(list[Dependency]): ...
class AssignmentList(list[Assignment]): ...

class Task:
    id: str
    name: str
    parent: Optional[str]
    duration: int
    milestone: bool
    calendar: Optional[str]
    constraint: Constraint
    deadline: Optional[datetime.datetime]
    priority: int
    predecessors: DependencyList
    assignments: AssignmentList
    fixed_cost: float
    progress: Progress
    notes: str
    custom: dict[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class TaskList(list[Task]): ...

class Project:
    id: str
    name: str
    program: Optional[str]
    start: datetime.datetime
    deadline: Optional[datetime.datetime]
    calendar: Optional[str]
    status_date: Optional[datetime.datetime]
    priority: int
    minutes_per_day: int
    minutes_per_week: int
    manager: str
    tasks: TaskList
    notes: str
    custom: dict[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class Program:
    id: str
    name: str
    parent: Optional[str]
    manager: str
    notes: str
    custom: dict[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class AvailabilityPeriod:
    from_time: datetime.datetime
    to_time: datetime.datetime
    units: float
    def __init__(self, **kwargs: Any) -> None: ...

class CostRate:
    effective_from: datetime.datetime
    standard_per_hour: float
    overtime_per_hour: float
    per_use: float
    def __init__(self, **kwargs: Any) -> None: ...

class Resource:
    id: str
    name: str
    type: ResourceType
    max_units: float
    availability: list[AvailabilityPeriod]
    calendar: Optional[str]
    cost_rates: list[CostRate]
    material_label: str
    group: str
    notes: str
    custom: dict[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class ProjectList(list[Project]): ...
class ProgramList(list[Program]): ...
class ResourceList(list[Resource]): ...
class CalendarList(list[Calendar]): ...

class Portfolio:
    id: str
    name: str
    default_calendar: Optional[str]
    status_date: Optional[datetime.datetime]
    calendars: CalendarList
    resources: ResourceList
    programs: ProgramList
    projects: ProjectList
    notes: str
    custom: dict[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...
    def task_count(self) -> int: ...
    def find_task(self, id: str) -> Optional[Task]: ...
    def find_project(self, id: str) -> Optional[Project]: ...

class Problem:
    severity: Severity
    code: str
    message: str
    ids: list[str]

def validate(portfolio: Portfolio) -> list[Problem]: ...

class ScheduleWarning:
    kind: ScheduleWarningKind
    task: Optional[int]
    message: str

class ScheduleResult:
    early_start: npt.NDArray[np.datetime64]
    early_finish: npt.NDArray[np.datetime64]
    late_start: npt.NDArray[np.datetime64]
    late_finish: npt.NDArray[np.datetime64]
    total_float: npt.NDArray[np.int64]
    free_float: npt.NDArray[np.int64]
    duration: npt.NDArray[np.int64]
    critical: npt.NDArray[np.bool_]
    is_summary: npt.NDArray[np.bool_]
    is_milestone: npt.NDArray[np.bool_]
    project: npt.NDArray[np.uint32]
    driving_predecessor: npt.NDArray[np.uint32]
    task_id: list[str]
    project_id: list[str]
    project_start: list[datetime.datetime]
    project_finish: list[datetime.datetime]
    finish: datetime.datetime
    warnings: list[ScheduleWarning]
    longest_path: list[list[str]]
    def to_dataframe(self) -> pd.DataFrame: ...
    def __len__(self) -> int: ...

def schedule(
    portfolio: Portfolio,
    *,
    critical_float: int = 0,
    progress_mode: ProgressMode = ProgressMode.RETAINED_LOGIC,
    status_date: Optional[datetime.datetime] = None,
) -> ScheduleResult: ...

class Violation:
    kind: ViolationKind
    task: str
    other: str
    message: str

def validate_schedule(
    portfolio: Portfolio,
    result: ScheduleResult,
    *,
    progress_mode: ProgressMode = ProgressMode.RETAINED_LOGIC,
    status_date: Optional[datetime.datetime] = None,
) -> list[Violation]: ...

def read_json_file(path: str) -> Portfolio: ...
def read_json(text: str, source_name: str = "<input>") -> Portfolio: ...
def write_json(portfolio: Portfolio) -> str: ...
def write_json_file(portfolio: Portfolio, path: str) -> None: ...
def read_model_file(path: str) -> Portfolio: ...
def write_schedule_json(portfolio: Portfolio, result: ScheduleResult) -> str: ...
def write_schedule_csv(portfolio: Portfolio, result: ScheduleResult) -> str: ...
