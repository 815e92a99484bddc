"""Type stub for the native module ppm._core (hand-kept; tests/test_stub.py checks its coverage)."""

import datetime
import enum
import os
import pathlib
from typing import Any, Callable, Iterator, Mapping, MutableMapping, Optional, Union, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

CustomValue = Union[str, float, datetime.datetime, bool]
PathLike = Union[str, "os.PathLike[str]"]

class CustomFields(MutableMapping[str, CustomValue]):
    """Live view of an entity's custom fields: edits write through; assign any mapping to replace."""
    def __getitem__(self, key: str) -> CustomValue: ...
    def __setitem__(self, key: str, value: CustomValue) -> None: ...
    def __delitem__(self, key: str) -> None: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...
    def copy(self) -> dict[str, CustomValue]: ...
    def keys(self) -> Any: ...
    def values(self) -> Any: ...
    def items(self) -> Any: ...
    def get(self, key: str, default: Any = None) -> Any: ...
    def pop(self, key: str, default: Any = ...) -> Any: ...
    def setdefault(self, key: str, default: CustomValue) -> CustomValue: ...  # type: ignore[override]
    def update(self, other: Any) -> None: ...  # type: ignore[override]
    def clear(self) -> None: ...

class StoreError(Error):
    path: str

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
    SO = 8
    FO = 9
    MANDSTART = 10
    MANDFIN = 11

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
    CAPACITY = 6
    PIECE = 7

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
    custom: MutableMapping[str, CustomValue]
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
    custom: MutableMapping[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class Assignment:
    resource: str
    units: float
    work: Optional[int]
    actual_work: Optional[int]
    cost: Optional[float]
    custom: MutableMapping[str, CustomValue]
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
    secondary_constraint: Constraint | None
    deadline: Optional[datetime.datetime]
    priority: int
    predecessors: DependencyList
    assignments: AssignmentList
    fixed_cost: float
    progress: Progress
    earned_value: EarnedValueRule
    notes: str
    custom: MutableMapping[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class TaskList(list[Task]): ...

class EarnedValueMethod(enum.Enum):
    PERCENT_COMPLETE = 0
    FIXED_FORMULA = 1
    WEIGHTED_MILESTONES = 2
    UNITS_COMPLETE = 3
    LEVEL_OF_EFFORT = 4
    APPORTIONED_EFFORT = 5

class EarnedValueMilestone:
    def __init__(self, **kwargs: Any) -> None: ...
    name: str
    weight: float

class EarnedValueRule:
    def __init__(self, **kwargs: Any) -> None: ...
    method: EarnedValueMethod
    start_percent: float
    milestones: list[EarnedValueMilestone]
    units: float
    apportioned_to: Optional[str]

class Project:
    id: str
    name: str
    program: Optional[str]
    start: datetime.datetime
    deadline: Optional[datetime.datetime]
    calendar: Optional[str]
    status_date: Optional[datetime.datetime]
    priority: int
    delay_weight: float
    minutes_per_day: int
    minutes_per_week: int
    honor_constraints: bool
    manager: str
    tasks: TaskList
    notes: str
    custom: MutableMapping[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...

class Program:
    id: str
    name: str
    parent: Optional[str]
    manager: str
    notes: str
    custom: MutableMapping[str, CustomValue]
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
    custom: MutableMapping[str, CustomValue]
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
    custom: MutableMapping[str, CustomValue]
    def __init__(self, **kwargs: Any) -> None: ...
    def task_count(self) -> int: ...
    def find_task(self, id: str) -> Optional[Task]: ...
    def find_project(self, id: str) -> Optional[Project]: ...
    def to_dataframe(self) -> pd.DataFrame: ...

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
    task_name: Optional[list[str]]
    task_parent: Optional[list[Optional[str]]]
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

def validate_level(portfolio: Portfolio, result: LevelResult, *, status_date: Optional[datetime.datetime] = ..., progress_mode: ProgressMode = ..., strict_capacity: bool = ...) -> list[Violation]: ...

def read_json_file(path: PathLike) -> Portfolio: ...
def read_json(text: str, source_name: str = "<input>") -> Portfolio: ...
def write_json(portfolio: Portfolio) -> str: ...
def write_json_file(portfolio: Portfolio, path: PathLike) -> None: ...
def read_model_file(path: PathLike) -> Portfolio: ...
def write_schedule_json(portfolio: Portfolio, result: ScheduleResult) -> str: ...
def write_schedule_csv(portfolio: Portfolio, result: ScheduleResult) -> str: ...
def write_level_json(result: LevelResult, *, check: Optional[list[Violation]] = None) -> str: ...
def write_level_csv(result: LevelResult) -> str: ...

# ---- risk, scoring, portfolio, leveling, evm, io (drafted by tools/draft_stub.py, reviewed) ----

class AhpResult:
    acceptable: bool
    consistency_index: float
    consistency_ratio: float
    lambda_max: float
    most_inconsistent: list[InconsistentJudgement]
    priorities: npt.NDArray[Any]
    priorities_geometric_mean: npt.NDArray[Any]
    random_index: float

class AlignmentResult:
    candidates: list[str]
    drivers: list[str]
    normalised: npt.NDArray[Any]
    order: npt.NDArray[Any]
    rank: npt.NDArray[Any]
    score: npt.NDArray[Any]
    sensitivity: list[WeightSensitivity]
    def sensitivity_dataframe(self) -> pd.DataFrame: ...
    def to_dataframe(self) -> pd.DataFrame: ...
    weights: list[float]

class Baseline:
    def __init__(self, **kwargs: Any) -> None: ...
    def __len__(self) -> int: ...
    captured_at: datetime.datetime
    cost: list[float]
    finish: list[datetime.datetime]
    name: str
    project: str
    def size(self) -> int: ...
    start: list[datetime.datetime]
    task: list[str]
    def to_dataframe(self) -> pd.DataFrame: ...

class BaselineSet:
    def __init__(self, **kwargs: Any) -> None: ...
    def active(self) -> Optional[Baseline]: ...
    baselines: list[Baseline]
    current: str
    def set_current(self, baseline: Baseline) -> None: ...

class Benefits(MutableMapping[str, float]):
    """Live view of a candidate's benefits: edits write through; assign any mapping to replace."""
    def __getitem__(self, key: str) -> float: ...
    def __setitem__(self, key: str, value: float) -> None: ...
    def __delitem__(self, key: str) -> None: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...
    def copy(self) -> dict[str, float]: ...
    def keys(self) -> Any: ...
    def values(self) -> Any: ...
    def items(self) -> Any: ...
    def get(self, key: str, default: Any = None) -> Any: ...
    def pop(self, key: str, default: Any = ...) -> Any: ...
    def setdefault(self, key: str, default: float) -> float: ...  # type: ignore[override]
    def update(self, other: Any) -> None: ...  # type: ignore[override]
    def clear(self) -> None: ...

class CandidateList(list[Candidate]): ...

class Candidate:
    def __init__(self, **kwargs: Any) -> None: ...
    benefits: MutableMapping[str, float]
    category: str
    cost: list[float]
    demand: list[RoleDemand]
    def duration(self) -> int: ...
    earliest_start: int
    id: str
    latest_start: int
    name: str
    project: Optional[str]
    risk: float
    def total_cost(self) -> float: ...

class CandidateGroup:
    def __init__(self, **kwargs: Any) -> None: ...
    at_least: Optional[int]
    at_most: Optional[int]
    id: str
    members: list[str]

class CandidateLink:
    def __init__(self, **kwargs: Any) -> None: ...
    from_: str
    kind: LinkKind
    to: str

class CategoryLimit:
    def __init__(self, **kwargs: Any) -> None: ...
    basis: ShareBasis
    category: str
    max_share: Optional[float]
    min_share: Optional[float]

class Comparison:
    def __init__(self, **kwargs: Any) -> None: ...
    children: list[str]
    direct_weights: list[float]
    judgements: list[Judgements]
    parent: str

class ComparisonAnalysis:
    aggregated: npt.NDArray[np.float64]
    ahp: AhpResult
    children: list[str]
    parent: str
    stakeholder_cr: list[float]

class ControlData:
    def __init__(self, **kwargs: Any) -> None: ...
    baselines: list[BaselineSet]
    escalation: EscalationRule
    governance: GovernanceSpec
    matrix: RiskMatrix
    risks: list[Risk]
    sections: list[str]
    status: list[StatusPeriod]
    uncertainty: UncertaintySpec
    def has_section(self, name: str) -> bool: ...

class PmoType(enum.Enum):
    SUPPORTIVE = 0
    CONTROLLING = 1
    DIRECTIVE = 2

class ProjectFacts:
    def __init__(self, **kwargs: Any) -> None: ...
    executing: Optional[bool]
    float_erosion: Optional[float]
    gate_approved: Optional[bool]
    project: str
    weight: Optional[float]

class GovernanceSpec:
    def __init__(self, **kwargs: Any) -> None: ...
    change_requests: list[ChangeRequest]
    eac_method: EacMethod
    issues: list[Issue]
    lessons: list[Lesson]
    pmo: PmoType
    policy: Optional[RagPolicy]
    projects: list[ProjectFacts]
    quality: list[QualityStatus]
    thresholds: Optional[RagThresholds]
    weight: str

def policy_profile(pmo: PmoType) -> RagPolicy: ...

def governance_policy(governance: GovernanceSpec) -> RagPolicy: ...

class CorrelationGroup:
    def __init__(self, **kwargs: Any) -> None: ...
    correlation: npt.NDArray[np.float64]
    name: str
    tasks: list[int]

class CountThreshold:
    def __init__(self, **kwargs: Any) -> None: ...
    amber: float
    green: float

class Criterion:
    def __init__(self, **kwargs: Any) -> None: ...
    description: str
    id: str
    name: str
    parent: str

class DistributionKind(enum.Enum):
    FIXED = 0
    UNIFORM = 1
    TRIANGULAR = 2
    PERT = 3
    LOGNORMAL = 4
    DISCRETE = 5

class DriverScale:
    def __init__(self, **kwargs: Any) -> None: ...
    hi: float
    higher_is_better: bool
    lo: float
    normalisation: Normalisation

class DurationDistribution:
    def __init__(self, **kwargs: Any) -> None: ...
    @staticmethod
    def fixed_at(value: float) -> DurationDistribution: ...
    kind: DistributionKind
    lambda_: float
    @staticmethod
    def lognormal(mean: float, stddev: float) -> DurationDistribution: ...
    max: float
    mean: float
    min: float
    most_likely: float
    @staticmethod
    def pert(a: float, c: float, b: float, lambda_: float = ...) -> DurationDistribution: ...
    probabilities: list[float]
    stddev: float
    @staticmethod
    def triangular(a: float, c: float, b: float) -> DurationDistribution: ...
    @staticmethod
    def uniform(a: float, b: float) -> DurationDistribution: ...
    values: list[float]

class EvmNodeKind(enum.Enum):
    PORTFOLIO = 0
    PROGRAM = 1
    PROJECT = 2
    SUMMARY = 3
    TASK = 4

class EvmTable:
    @property
    def status_date(self) -> datetime.datetime: ...
    @property
    def eac_method(self) -> EacMethod: ...
    @property
    def kind(self) -> list[EvmNodeKind]: ...
    @property
    def level(self) -> list[str]: ...
    @property
    def id(self) -> list[str]: ...
    @property
    def parent(self) -> npt.NDArray[np.int32]: ...
    @property
    def bac(self) -> npt.NDArray[np.float64]: ...
    @property
    def pv(self) -> npt.NDArray[np.float64]: ...
    @property
    def ev(self) -> npt.NDArray[np.float64]: ...
    @property
    def ac(self) -> npt.NDArray[np.float64]: ...
    @property
    def metrics(self) -> list[EvmMetrics]: ...
    @property
    def schedule(self) -> list[EarnedSchedule]: ...
    @property
    def planned_start(self) -> npt.NDArray[np.datetime64]: ...
    @property
    def planned_finish(self) -> npt.NDArray[np.datetime64]: ...
    @property
    def forecast_finish(self) -> npt.NDArray[np.datetime64]: ...
    def find(self, kind: EvmNodeKind, id: str) -> Optional[int]: ...
    def to_dataframe(self) -> pd.DataFrame: ...
    def __len__(self) -> int: ...

def evm_rollup(
    model: Union[Portfolio, PathLike],
    status_date: Union[datetime.datetime, datetime.date, str],
    *,
    baselines: Optional[list[BaselineSet]] = None,
    status: Optional[list[StatusPeriod]] = None,
    eac_method: Optional[EacMethod] = None,
    include_tasks: bool = True,
) -> EvmTable: ...

class EacMethod(enum.Enum):
    NEW_ESTIMATE = 0
    CPI = 1
    ATYPICAL = 2
    COMPOSITE = 3
    BOTTOM_UP = 4

class EarnedSchedule:
    at: float
    es: float
    ieac_t: float
    pd: float
    spi_t: float
    sv_t: float
    tspi: float

class EscalationLevel(enum.Enum):
    PROJECT = 0
    PROGRAM = 1
    PORTFOLIO = 2

class EscalationRule:
    def __init__(self, **kwargs: Any) -> None: ...
    portfolio_emv: float
    portfolio_score: int
    program_emv: float
    program_score: int
    strategy_escalates: bool

class EvmInput:
    def __init__(self, **kwargs: Any) -> None: ...
    ac: float
    bac: float
    eac_bottom_up: Optional[float]
    etc_estimate: Optional[float]
    ev: float
    pv: float

class EvmMetrics:
    cpi: float
    cv: float
    eac: float
    eac_atypical: float
    eac_bottom_up: float
    eac_composite: float
    eac_cpi: float
    eac_new_estimate: float
    etc: float
    percent_complete: float
    percent_spent: float
    spi: float
    sv: float
    tcpi_bac: float
    tcpi_eac: float
    vac: float

class ExclusionReason(enum.Enum):
    NONE = 0
    FORCED_OUT = 1
    NO_BENEFIT = 2
    ALONE_INFEASIBLE = 3
    REQUIRES = 4
    EXCLUSIVE = 5
    GROUP_LIMIT = 6
    BUDGET_PERIOD = 7
    BUDGET_TOTAL = 8
    CAPACITY = 9
    RISK = 10
    CATEGORY_BALANCE = 11
    LOWER_VALUE_DENSITY = 12
    NOT_PROVEN = 13

class FrontierResult:
    def __init__(self, *, candidates: list[str], budget: list[float], value: list[float], spend: list[float], status: list[SelectionStatus], gap: list[float], bound: list[float], seconds: list[float], nodes: list[int], reused: list[int], entering: list[list[str]], leaving: list[list[str]], selected: list[int], total_seconds: float = ...) -> None: ...
    def __len__(self) -> int: ...
    bound: npt.NDArray[Any]
    budget: npt.NDArray[Any]
    candidates: list[str]
    entering: list[list[str]]
    gap: npt.NDArray[Any]
    leaving: list[list[str]]
    nodes: npt.NDArray[Any]
    reused: npt.NDArray[Any]
    seconds: npt.NDArray[Any]
    selected: npt.NDArray[Any]
    spend: npt.NDArray[Any]
    status: list[SelectionStatus]
    def to_dataframe(self) -> pd.DataFrame: ...
    total_seconds: float
    value: npt.NDArray[Any]

class GeneratorOptions:
    def __init__(self, **kwargs: Any) -> None: ...
    budget_tightness: float
    candidates: int
    capacity_tightness: float
    category_limits: bool
    exclusive_fraction: float
    max_window: int
    periods: int
    requires_fraction: float
    risk_limit: bool
    roles: int
    seed: int

class HeatMap:
    count: list[list[int]]  # 5 x 5 (probability x impact)
    ids: list[list[list[str]]]  # 5 x 5 lists of risk ids

class Histogram:
    count: list[int]
    edge: list[float]

class ImportResult:
    portfolio: Portfolio
    warnings: list[ImportWarning]

class ModelDocument:
    portfolio: Portfolio
    control: ControlData
    warnings: list[ImportWarning]

class ImportWarning:
    entity: str
    line: int
    message: str
    source: str

class InconsistentJudgement:
    col: int
    given: float
    implied: float
    log_error: float
    row: int
    suggested: float

class IndexThreshold:
    def __init__(self, **kwargs: Any) -> None: ...
    amber: float
    green: float

class Judgements:
    def __init__(self, **kwargs: Any) -> None: ...
    matrix: npt.NDArray[np.float64]
    stakeholder: str

class LevelMethod(enum.Enum):
    GENETIC = 0
    PRIORITY = 1

class LevelObjective(enum.Enum):
    TOTAL_PROJECT_DELAY = 0
    PORTFOLIO_FINISH = 1

class LevelProgress:
    best_total_delay: int
    max_passes: int
    on_grid: bool
    passes: int

class LevelResult:
    def __len__(self) -> int: ...
    best_pass: int
    best_rule: str
    cpm_finish: npt.NDArray[Any]
    cpm_start: npt.NDArray[Any]
    delay: npt.NDArray[Any]
    finish: npt.NDArray[Any]
    def histogram(self) -> pd.DataFrame: ...
    is_split: npt.NDArray[Any]
    is_summary: npt.NDArray[Any]
    method: LevelMethod
    one_pass_portfolio_finish: datetime.datetime
    one_pass_total_project_delay: int
    over_allocations: list[OverAllocation]
    passes: int
    piece_finish: npt.NDArray[Any]
    piece_offsets: npt.NDArray[Any]
    piece_start: npt.NDArray[Any]
    portfolio_cpm_finish: datetime.datetime
    portfolio_finish: datetime.datetime
    project: npt.NDArray[Any]
    project_cpm_finish: npt.NDArray[Any]
    project_delay: npt.NDArray[Any]
    project_finish: npt.NDArray[Any]
    project_id: list[str]
    seconds: float
    start: npt.NDArray[Any]
    status: LevelStatus
    task_id: list[str]
    task_name: Optional[list[str]]
    task_parent: Optional[list[Optional[str]]]
    def to_dataframe(self) -> pd.DataFrame: ...
    def projects_dataframe(self) -> pd.DataFrame: ...
    def to_schedule_result(self) -> ScheduleResult: ...
    total_project_delay: int
    weighted_project_delay: float
    warnings: list[str]

class LevelStatus(enum.Enum):
    LEVELLED = 0
    OVER_ALLOCATED = 1
    CANCELLED = 2

class LinkKind(enum.Enum):
    REQUIRES = 0
    EXCLUSIVE = 1

class LowerBounds:
    best: int
    critical_path: int
    energy: int


class MonteCarloResult:
    correlation_repaired: npt.NDArray[Any]
    cost: npt.NDArray[Any]
    cost_at: npt.NDArray[Any]
    cost_histogram: Histogram
    cost_mean: float
    criticality: npt.NDArray[Any]
    cruciality: npt.NDArray[Any]
    deterministic_finish: int
    _cost_minor: npt.NDArray[np.float64]  # internal (ppm.distributed): per-iteration cost in minor units
    event_hits: npt.NDArray[Any]
    finish: npt.NDArray[Any]
    finish_at: npt.NDArray[Any]
    finish_histogram: Histogram
    finish_mean: float
    model: Optional[SimulationModel]
    def finish_dates(self) -> npt.NDArray[np.datetime64]: ...
    def finish_percentile(self, p: float) -> float: ...
    finish_stddev: float
    iterations: int
    percentile: npt.NDArray[Any]
    def percentiles_dataframe(self) -> pd.DataFrame: ...
    def probability_of_meeting(self, finish: int) -> float: ...
    sensitivity: npt.NDArray[Any]
    status: SimulationStatus

class MultiProjectInstance:
    capacities: list[int]
    demands: list[int]
    due_date: list[int]
    durations: list[int]
    job_offsets: list[int]
    name: str
    def num_jobs(self) -> int: ...
    def num_projects(self) -> int: ...
    def num_resources(self) -> int: ...
    path: str
    project_names: list[str]
    release: list[int]
    resource_names: list[str]
    resource_owner: list[int]
    successor_indices: list[int]
    successor_offsets: list[int]

class MultiProjectObjectives:
    project_cpm_finish: list[int]
    project_finish: list[int]
    tms_lower_bound: int
    total_makespan: int
    total_project_delay: int

class MultiProjectResult:
    ga_objectives: MultiProjectObjectives
    level_objectives: MultiProjectObjectives
    method: str
    objectives: MultiProjectObjectives
    seconds: float
    start_times: list[int]

class NamedCorrelation:
    def __init__(self, **kwargs: Any) -> None: ...
    correlation: npt.NDArray[np.float64]
    name: str
    tasks: list[str]

class NetworkLink:
    def __init__(self, **kwargs: Any) -> None: ...
    lag: int
    predecessor: int
    successor: int
    type: LinkType

class Normalisation(enum.Enum):
    NONE = 0
    MIN_MAX = 1
    RANGE = 2
    MAX = 3

class OverAllocation:
    capacity: float
    demand: float
    from_time: datetime.datetime
    resource: str
    to_time: datetime.datetime

class PairwiseChecks:
    def __init__(self, **kwargs: Any) -> None: ...
    integer_scale: bool
    reciprocal_tolerance: float
    saaty_range: bool

class ProjectHealth:
    def __init__(self, **kwargs: Any) -> None: ...
    cpi: float
    executing: bool
    float_erosion: float
    gate_approved: bool
    has_baseline: bool
    open_high_risks: Optional[int]
    overdue_milestones: Optional[int]
    program: Optional[str]
    project: str
    spi: float
    spi_t: float
    weight: float
    critical_defects: float
    major_defects: float
    minor_defects: float
    failed_reviews: float
    test_pass_rate: float
    acceptance_rate: float

class PsplibProject:
    due_date: int
    horizon: int
    mode_durations: list[int]
    mode_offsets: list[int]
    mpm_time: int
    nonrenewable_capacities: list[int]
    nonrenewable_demands: list[int]
    num_jobs: int
    def num_modes(self, job: int) -> int: ...
    path: str
    renewable_capacities: list[int]
    renewable_demands: list[int]
    successor_indices: list[int]
    successor_offsets: list[int]

class PsplibSolution:
    instance: int
    makespan: int
    parameter: int

class Rag(enum.Enum):
    GREEN = 0
    AMBER = 1
    RED = 2
    NONE = 3

class RagCheck(enum.Enum):
    SPI = 0
    CPI = 1
    SPI_T = 2
    FLOAT_EROSION = 3
    HIGH_RISKS = 4
    OVERDUE_MILESTONES = 5
    BASELINE = 6
    GATE = 7
    QUALITY = 8

class RagPolicy:
    def __init__(self, **kwargs: Any) -> None: ...
    amber_from: float
    enabled: list[bool]  # one per RagCheck (9)
    escalate_from: Rag
    name: str
    red_from: float
    thresholds: RagThresholds

class RagResult:
    check: list[Rag]  # one per RagCheck (9)
    escalate: bool
    overall: Rag
    reasons: list[str]

class RagRollupRow:
    amber: int
    escalate: bool
    green: int
    id: str
    kind: str
    rag: Rag
    red: int
    score: float
    weight: float

class RagThresholds:
    def __init__(self, **kwargs: Any) -> None: ...
    cpi: IndexThreshold
    float_erosion: CountThreshold
    high_risks: CountThreshold
    overdue_milestones: CountThreshold
    quality: QualityThresholds
    spi: IndexThreshold
    spi_t: IndexThreshold

class Rating:
    @overload
    def __init__(self, **kwargs: Any) -> None: ...
    @overload
    def __init__(self, level: str) -> None: ...
    @overload
    def __init__(self, number: float) -> None: ...
    level: str
    number: Optional[float]

class RatingLevel:
    def __init__(self, **kwargs: Any) -> None: ...
    name: str
    value: float

class RatingScale:
    def __init__(self, **kwargs: Any) -> None: ...
    levels: list[RatingLevel]
    def value_of(self, name: str) -> Optional[float]: ...

class RcpspArc:
    def __init__(self, **kwargs: Any) -> None: ...
    from_: int
    lag: int
    to: int

class RcpspCapacityStep:
    def __init__(self, **kwargs: Any) -> None: ...
    capacity: int
    period: int
    resource: int

class RcpspData:
    def __init__(self, **kwargs: Any) -> None: ...
    arcs: list[RcpspArc]
    capacities: list[int]
    capacity_steps: list[RcpspCapacityStep]
    demands: list[int]
    durations: list[int]
    job_names: list[str]
    name: str
    tiers: list[int]

class RcpspInstance:
    def __init__(self, data: RcpspData) -> None: ...
    capacities: npt.NDArray[Any]
    capacity_steps: list[RcpspCapacityStep]
    def capacity_at(self, resource: int, period: int) -> int: ...
    def peak_capacity(self, resource: int) -> int: ...
    demands: npt.NDArray[Any]
    durations: npt.NDArray[Any]
    horizon: int
    def job_name(self, job: int) -> str: ...
    name: str
    num_arcs: int
    num_jobs: int
    num_resources: int
    def predecessors(self, job: int) -> list[int]: ...
    def successors(self, job: int) -> list[int]: ...
    tiers: list[int]

class RcpspMaxProject:
    arcs: list[RcpspArc]
    capacities: list[int]
    demands: list[int]
    durations: list[int]
    num_jobs: int
    path: str

class RcpspProgress:
    best_makespan: int
    lower_bound: int
    max_schedules: int
    schedules: int
    seconds: float

class RcpspProjects:
    def __init__(self, project_of: list[int], due: list[int], weight: list[float], makespan_first: bool = ...) -> None: ...
    project_of: list[int]
    due: list[int]
    weight: list[float]
    makespan_first: bool

class RcpspResult:
    bounds: LowerBounds
    generations: int
    lower_bound: int
    makespan: int
    schedules: int
    seconds: float
    start_times: npt.NDArray[Any]
    status: RcpspStatus
    stop_reason: RcpspStop
    weighted_delay: float

class RcpspStatus(enum.Enum):
    OPTIMAL = 0
    FEASIBLE = 1
    NO_SOLUTION = 2

class RcpspStop(enum.Enum):
    BUDGET = 0
    TIME_LIMIT = 1
    CANCELLED = 2
    LOWER_BOUND = 3

class RcpspThreading(enum.Enum):
    ISLANDS = 0
    CHILDREN = 1

class ResponseStrategy(enum.Enum):
    ACCEPT = 0
    AVOID = 1
    MITIGATE = 2
    TRANSFER = 3
    ESCALATE = 4
    EXPLOIT = 5
    ENHANCE = 6
    SHARE = 7

class Risk:
    def __init__(self, **kwargs: Any) -> None: ...
    actions: list[RiskAction]
    category: str
    cause: str
    effect: str
    event: str
    id: str
    linked_tasks: list[str]
    opportunity: bool
    owner: str
    post: Optional[RiskAssessment]
    pre: RiskAssessment
    program: Optional[str]
    project: Optional[str]
    raised: Optional[datetime.date]
    review_due: Optional[datetime.date]
    status: RiskStatus
    strategy: ResponseStrategy
    title: str

class RiskAction:
    def __init__(self, **kwargs: Any) -> None: ...
    cost: float
    description: str
    done: bool
    due: Optional[datetime.date]
    owner: str

class RiskAssessment:
    def __init__(self, **kwargs: Any) -> None: ...
    impact: RiskImpact
    probability: float

class RiskEvent:
    def __init__(self, **kwargs: Any) -> None: ...
    extra_cost: float
    extra_duration: list[int]
    id: str
    probability: float
    tasks: list[int]

class RiskImpact:
    def __init__(self, **kwargs: Any) -> None: ...
    cost: float
    quality: int
    schedule: int
    scope: int

class RiskLevel(enum.Enum):
    LOW = 0
    MEDIUM = 1
    HIGH = 2

class RiskMatrix:
    def __init__(self, **kwargs: Any) -> None: ...
    cost_bounds: list[float]  # 4 bounds between the 5 impact levels
    high_from: int
    medium_from: int
    probability_bounds: list[float]  # 4 bounds
    schedule_bounds: list[int]  # 4 bounds
    score: list[list[int]]  # 5 x 5

class RiskScore:
    impact_band: int
    level: RiskLevel
    probability_band: int
    score: int

class RiskStatus(enum.Enum):
    OPEN = 0
    MITIGATING = 1
    OCCURRED = 2
    CLOSED = 3

class RoleCapacity:
    def __init__(self, **kwargs: Any) -> None: ...
    per_period: list[float]
    role: str

class RoleDemand:
    def __init__(self, **kwargs: Any) -> None: ...
    per_period: list[float]
    role: str

class Scenario:
    def __init__(self, **kwargs: Any) -> None: ...
    budget_scale: Optional[float]
    capacity_scale: Optional[float]
    forced_in: list[str]
    forced_out: list[str]
    max_total_risk: Optional[float]
    name: str
    objective: Optional[str]
    total_budget: Optional[float]

class ScenarioComparison:
    def __init__(self, *, names: list[str], results: list[SelectionResult], candidates: list[str], selected: list[int]) -> None: ...
    candidates: list[str]
    names: list[str]
    results: list[SelectionResult]
    selected: npt.NDArray[Any]
    def to_dataframe(self) -> pd.DataFrame: ...

class ScheduleCheck:
    capacity_violations: int
    feasible: bool
    makespan: int
    precedence_violations: int
    problems: list[str]

class SelectionDocument:
    driver_scales: dict[str, DriverScale]
    has_selection: bool
    path: str
    problem: SelectionProblem
    rating_scale: RatingScale
    ratings: list[dict[str, Rating]]
    relative_gap: float
    scenarios: list[Scenario]
    strategy: Optional[Strategy]
    time_limit_seconds: float

class SelectionProblem:
    def __init__(self, **kwargs: Any) -> None: ...
    candidates: list[Candidate]
    capacities: list[RoleCapacity]
    category_limits: list[CategoryLimit]
    forced_in: list[str]
    forced_out: list[str]
    groups: list[CandidateGroup]
    links: list[CandidateLink]
    max_total_risk: Optional[float]
    objective: str
    period_budget: list[float]
    period_labels: list[str]
    periods: int
    total_budget: Optional[float]

class SelectionProgress:
    bound: float
    has_incumbent: bool
    incumbent: float
    nodes: int
    seconds: float

class SelectionResult:
    best_bound: float
    budget_binding: npt.NDArray[Any]
    budget_shadow_price: npt.NDArray[Any]
    budget_slack: npt.NDArray[Any]
    candidate: list[str]
    constraints: int
    cpu_seconds: float
    gap: float
    has_solution: bool
    lp_bound: float
    nodes: int
    objective: float
    reason: list[ExclusionReason]
    reason_detail: list[str]
    role_binding: npt.NDArray[Any]
    role_shadow_price: npt.NDArray[Any]
    role_slack: npt.NDArray[Any]
    role_used: npt.NDArray[Any]
    roles: list[str]
    seconds: float
    selected: npt.NDArray[Any]
    def selected_ids(self) -> list[str]: ...
    spend: npt.NDArray[Any]
    start: npt.NDArray[Any]
    status: SelectionStatus
    def to_dataframe(self) -> pd.DataFrame: ...
    total_budget_shadow_price: float
    total_budget_slack: float
    total_risk: float
    total_spend: float
    value: npt.NDArray[Any]
    variables: int

class SelectionStatus(enum.Enum):
    OPTIMAL = 0
    FEASIBLE = 1
    INFEASIBLE = 2
    TIME_LIMIT = 3
    CANCELLED = 4

class ShareBasis(enum.Enum):
    SPEND = 0
    COUNT = 1

class SimulationModel:
    def __len__(self) -> int: ...
    elapsed: bool
    event_risk: list[str]
    network: SimulationNetwork
    origin: datetime.datetime
    project: list[str]
    project_of: list[int]
    task: list[str]
    def to_instant(self, working_minutes: int) -> datetime.datetime: ...
    def to_minutes(self, instant: datetime.datetime) -> int: ...

class SimulationNetwork:
    def __len__(self) -> int: ...
    @staticmethod
    def build(task_count: int, links: list[NetworkLink], release: list[int] = ...) -> SimulationNetwork: ...
    def link_count(self) -> int: ...
    def size(self) -> int: ...

class SimulationStatus(enum.Enum):
    COMPLETED = 0
    CANCELLED = 1

class Stakeholder:
    def __init__(self, **kwargs: Any) -> None: ...
    id: str
    name: str
    weight: float

class StatusPeriod:
    def __init__(self, **kwargs: Any) -> None: ...
    actual_cost: list[float]
    date: datetime.datetime
    percent_complete: list[float]
    project: str
    task: list[str]
    started: list[int]
    units_complete: list[float]
    milestones_done: list[list[str]]

class Strategy:
    def __init__(self, **kwargs: Any) -> None: ...
    comparisons: list[Comparison]
    criteria: list[Criterion]
    name: str
    stakeholders: list[Stakeholder]

class StrategyWeights:
    all_acceptable: bool
    comparisons: list[ComparisonAnalysis]
    depth: list[int]
    def driver_ids(self) -> list[str]: ...
    def driver_weights(self) -> list[float]: ...
    global_: list[float]
    ids: list[str]
    is_driver: list[int]
    local: list[float]
    def to_dataframe(self) -> pd.DataFrame: ...

class TaskUncertainty:
    def __init__(self, **kwargs: Any) -> None: ...
    distribution: DurationDistribution
    task: str

class TemporalAnalysis:
    earliest_start: list[int]
    feasible: bool
    makespan_bound: int
    positive_cycle: list[int]

class Trend(enum.Enum):
    IMPROVING = 0
    STABLE = 1
    WORSENING = 2

class UncertaintySpec:
    def __init__(self, **kwargs: Any) -> None: ...
    correlations: list[NamedCorrelation]
    iterations: int
    relative_default: Optional[DurationDistribution]
    repair_correlation: bool
    risk_events: bool
    seed: int
    target_finish: Optional[datetime.datetime]
    tasks: list[TaskUncertainty]

class WeightSensitivity:
    lower: float
    lower_swap_first: str
    lower_swap_second: str
    upper: float
    upper_swap_first: str
    upper_swap_second: str
    weight: float

def add_finish_to_start(data: RcpspData, from_: int, to: int, lag: int = ...) -> None: ...

def aggregate_judgements(matrices: list[npt.ArrayLike], weights: list[float] = ..., id: str = ...) -> npt.NDArray[np.float64]: ...

def analyse_pairwise(matrix: npt.ArrayLike, *, cr_threshold: float = ..., inconsistent_top: int = ..., checks: PairwiseChecks = ..., id: str = ...) -> AhpResult: ...

def apply_scenario(base: SelectionProblem, scenario: Scenario) -> SelectionProblem: ...

def assess(health: ProjectHealth, policy: RagPolicy = ...) -> RagResult: ...

def budget_at_completion(baseline: Baseline) -> float: ...

def apply_status_periods(portfolio: Portfolio, status: list[StatusPeriod], status_date: Optional[datetime.datetime] = ...) -> Portfolio: ...
def attach_calendars(baseline: Baseline, portfolio: Portfolio) -> Baseline: ...
def build_simulation_model(portfolio: Portfolio, risks: list[Risk] = ..., spec: UncertaintySpec = ...) -> SimulationModel: ...

def capture_baseline(portfolio: Portfolio, schedule: ScheduleResult, project: str, name: str = ..., captured_at: datetime.datetime = ...) -> Baseline: ...

def check_distribution(distribution: DurationDistribution, where: str = ...) -> None: ...

def check_matrix(matrix: RiskMatrix) -> None: ...

def check_multiproject(instance: MultiProjectInstance, starts: list[int]) -> str: ...

def check_risk(risk: Risk) -> None: ...

def check_schedule(instance: RcpspInstance, starts: list[int]) -> ScheduleCheck: ...

def check_selection(problem: SelectionProblem, start: list[int]) -> str: ...

def check_status_period(status: StatusPeriod) -> None: ...

def compare_scenarios(base: SelectionProblem, scenarios: list[Scenario], *, time_limit_seconds: float = ..., relative_gap: float = ..., absolute_gap: float = ..., threads: int = ..., seed: int = ..., shadow_prices: bool = ..., explain: bool = ..., cbc_arguments: list[str] = ..., warm_start: list[int] = ..., progress: Optional[Callable[[Any], Any]] = ...) -> ScenarioComparison: ...

def count_active_at_least(matrix: RiskMatrix, risks: list[Risk], level: RiskLevel, project: Optional[str] = ...) -> int: ...

def current_assessment(risk: Risk) -> RiskAssessment: ...

def distribution_mean(distribution: DurationDistribution) -> float: ...

def earned_schedule(time: list[float], pv: list[float], ev: float, actual_time: float, planned_finish: float) -> EarnedSchedule: ...

def earned_values(baseline: Baseline, status: StatusPeriod, rules: Optional[list[EarnedValueRule]] = None) -> list[float]: ...

def earned_value_rules(baseline: Baseline, project: Project) -> list[EarnedValueRule]: ...

def earned_schedule_periods(cumulative_pv: list[float], ev: float, actual_time: float, planned_duration: float = ...) -> EarnedSchedule: ...

def efficient_frontier(problem: SelectionProblem, *, points: int = ..., budget_min: Optional[float] = ..., budget_max: Optional[float] = ..., scale_period_budgets: bool = ..., sweep_time_limit_seconds: float = ..., top_share: float = ..., time_limit_seconds: float = ..., relative_gap: float = ..., absolute_gap: float = ..., threads: int = ..., seed: int = ..., shadow_prices: bool = ..., explain: bool = ..., cbc_arguments: list[str] = ..., warm_start: list[int] = ..., progress: Optional[Callable[[Any], Any]] = ...) -> FrontierResult: ...

def escalation_level(matrix: RiskMatrix, rule: EscalationRule, risk: Risk) -> EscalationLevel: ...

def evaluate_evm(*, bac: float, pv: float, ev: float, ac: float, etc_estimate: Optional[float] = ..., eac_bottom_up: Optional[float] = ..., method: EacMethod = ...) -> EvmMetrics: ...

def evaluate_multiproject(instance: MultiProjectInstance, starts: list[int]) -> MultiProjectObjectives: ...

def evaluate_strategy(strategy: Strategy, *, cr_threshold: float = ...) -> StrategyWeights: ...

def expected_monetary_value(risk: Risk, assessment: RiskAssessment) -> float: ...

def forecast_finish(start: datetime.datetime, earned_schedule: EarnedSchedule) -> datetime.datetime: ...

def frontier_to_json(frontier: FrontierResult, indent: int = ...) -> str: ...

def generate_selection_problem(*, candidates: int = ..., periods: int = ..., roles: int = ..., seed: int = ..., max_window: int = ..., requires_fraction: float = ..., exclusive_fraction: float = ..., budget_tightness: float = ..., capacity_tightness: float = ..., category_limits: bool = ..., risk_limit: bool = ...) -> SelectionProblem: ...

def heat_map(matrix: RiskMatrix, risks: list[Risk], residual: bool = ...) -> HeatMap: ...

def impact_band(matrix: RiskMatrix, impact: RiskImpact) -> int: ...

def is_active(status: RiskStatus) -> bool: ...

def is_multiproject_file(path: PathLike) -> bool: ...

def level(portfolio: Portfolio, *, within_float: bool = ..., split: bool = ..., use_priorities: bool = ..., objective: LevelObjective = ..., method: LevelMethod = ..., passes: int = ..., schedules: int = ..., time_limit: float = ..., threads: int = ..., seed: int = ..., histogram_period: int = ..., status_date: Optional[datetime.datetime] = ..., progress: Optional[Callable[[Any], Any]] = ...) -> LevelResult: ...

def level_multiproject(instance: MultiProjectInstance, *, objective: LevelObjective = ..., passes: int = ..., seed: int = ..., rcpsp_schedules: int = ...) -> MultiProjectResult: ...

def lower_bounds(instance: RcpspInstance) -> LowerBounds: ...

def make_baseline(name: str, project: str, captured_at: datetime.datetime, tasks: list[str], starts: list[datetime.datetime], finishes: list[datetime.datetime], costs: list[float]) -> Baseline: ...

def multiproject_to_portfolio(instance: MultiProjectInstance, origin: datetime.datetime = ..., period: int = ...) -> Portfolio: ...

def multiproject_to_rcpsp_instance(instance: MultiProjectInstance) -> RcpspInstance: ...

def nearest_saaty_value(ratio: float) -> float: ...

def pairwise_from_upper(n: int, upper: list[float], id: str = ...) -> npt.NDArray[np.float64]: ...

def parse_duration_text(text: str, where: str = ...) -> int: ...

def parse_mplib(text: str, path: str = ...) -> MultiProjectInstance: ...

def parse_psplib(text: str, path: str = ...) -> PsplibProject: ...

def parse_psplib_max(text: str, path: str = ...) -> RcpspMaxProject: ...

def parse_selection_document(text: str, path: str = ...) -> SelectionDocument: ...

def planned_cost(portfolio: Portfolio, task: Task) -> float: ...

def planned_span(baseline: Baseline) -> tuple[datetime.datetime, datetime.datetime]: ...

def planned_value(baseline: Baseline, at: datetime.datetime) -> float: ...

def probability_band(matrix: RiskMatrix, probability: float) -> int: ...

def psplib_to_rcpsp_instance(project: PsplibProject) -> RcpspInstance: ...

def rag_rollup(projects: list[ProjectHealth], policy: RagPolicy = ..., program_parent: list[tuple[str, str]] = ...) -> list[RagRollupRow]: ...

def rag_rollup_dataframe(projects: list[ProjectHealth], policy: RagPolicy = ...) -> pd.DataFrame: ...

def rag_score(rag: Rag) -> float: ...

def read_control_sections(text: str, source_name: str = ...) -> ControlData: ...

def read_model_document(path: PathLike) -> ModelDocument: ...

def read_model_file_with_warnings(path: PathLike) -> ImportResult: ...

def read_json_document(text: str, source_name: str = ...) -> ModelDocument: ...

def read_mpx(text: Union[str, bytes], source_name: str = ...) -> ImportResult: ...

def read_mpx_file(path: PathLike) -> ImportResult: ...

def read_mspdi(text: str, source_name: str = ...) -> ImportResult: ...

def read_mspdi_file(path: PathLike) -> ImportResult: ...

def read_multiproject(path: PathLike) -> MultiProjectInstance: ...

def read_pmxml(text: str, source_name: str = ...) -> ImportResult: ...

def read_pmxml_file(path: PathLike) -> ImportResult: ...

def read_psplib(path: PathLike) -> PsplibProject: ...

def read_psplib_max(path: PathLike) -> RcpspMaxProject: ...

def read_psplib_sm(path: PathLike) -> RcpspInstance: ...

def read_psplib_solutions(path: PathLike) -> list[PsplibSolution]: ...

def read_selection_document(path: PathLike) -> SelectionDocument: ...

def read_xer(text: str, source_name: str = ...) -> ImportResult: ...

def read_xer_file(path: PathLike) -> ImportResult: ...

def saaty_random_index(n: int) -> float: ...

def scenarios_to_json(comparison: ScenarioComparison, indent: int = ...) -> str: ...

def score_alignment(drivers: list[str], weights: list[float], candidates: list[str], ratings: list[Rating], *, driver_scales: list[DriverScale] = ..., scale: RatingScale = ...) -> AlignmentResult: ...

def score_risk(matrix: RiskMatrix, assessment: RiskAssessment) -> RiskScore: ...

def select_greedy(problem: SelectionProblem) -> SelectionResult: ...

def select_portfolio(problem: SelectionProblem, *, time_limit_seconds: float = ..., relative_gap: float = ..., absolute_gap: float = ..., threads: int = ..., seed: int = ..., shadow_prices: bool = ..., explain: bool = ..., cbc_arguments: list[str] = ..., warm_start: list[int] = ..., progress: Optional[Callable[[Any], Any]] = ...) -> SelectionResult: ...

def apply_alignment(document: SelectionDocument) -> Optional[tuple[StrategyWeights, AlignmentResult]]: ...

class SelectionRun:
    @property
    def problem(self) -> SelectionProblem: ...
    @property
    def result(self) -> SelectionResult: ...
    @property
    def scenarios(self) -> Optional[ScenarioComparison]: ...
    @property
    def weights(self) -> Optional[StrategyWeights]: ...
    @property
    def alignment(self) -> Optional[AlignmentResult]: ...

def select(
    source: Union[PathLike, SelectionDocument],
    *,
    budget: Optional[float] = None,
    scenarios: bool = True,
    greedy: bool = False,
    time_limit_seconds: Optional[float] = None,
    relative_gap: Optional[float] = None,
    absolute_gap: float = 1e-9,
    threads: int = 1,
    seed: int = 1,
    shadow_prices: bool = True,
    explain: bool = True,
    progress: Optional[Callable[[Any], Any]] = None,
) -> SelectionRun: ...

def selection_to_json(problem: SelectionProblem, result: SelectionResult, indent: int = ...) -> str: ...

def simulate(network: SimulationNetwork, duration: list[DurationDistribution], *, cost_fixed: list[float] = ..., cost_per_minute: list[float] = ..., events: list[RiskEvent] = ..., correlations: list[CorrelationGroup] = ..., iterations: int = ..., seed: int = ..., threads: int = ..., histogram_bins: int = ..., repair_correlation: bool = ..., sensitivity: bool = ..., first_iteration: int = ..., progress: Optional[Callable[[Any], Any]] = ...) -> MonteCarloResult: ...

def simulate_model(model: SimulationModel, *, iterations: int = ..., seed: int = ..., threads: int = ..., histogram_bins: int = ..., repair_correlation: bool = ..., sensitivity: bool = ..., first_iteration: int = ..., progress: Optional[Callable[[Any], Any]] = ...) -> MonteCarloResult: ...

def _merge_monte_carlo(finish: list[int], cost: list[float], critical_counts: list[int], event_hits: list[int], deterministic_finish: int, histogram_bins: int, correlation_repaired: list[int]) -> MonteCarloResult:
    """Internal (ppm.distributed): a result from concatenated samples, computed as simulate() does."""
    ...

def solve_rcpsp(instance: RcpspInstance, *, max_schedules: int = ..., time_limit_seconds: float = ..., seed: int = ..., threads: int = ..., threading: RcpspThreading = ..., population_size: int = ..., stop_at_lower_bound: bool = ..., initial_lists: list[list[int]] = ..., projects: Optional[RcpspProjects] = ..., progress: Optional[Callable[[Any], Any]] = ...) -> RcpspResult: ...

def status_from_project(project: Project, date: datetime.datetime) -> StatusPeriod: ...

def strategy_to_json(weights: StrategyWeights, alignment: AlignmentResult = ..., indent: int = ...) -> str: ...

def supported_model_extensions() -> list[str]: ...

def supported_output_extensions() -> list[str]: ...

def temporal_analysis(project: RcpspMaxProject) -> TemporalAnalysis: ...

def total_emv(risks: list[Risk], project: Optional[str] = ...) -> float: ...

def trend(scores: list[float], window: int = ..., tolerance: float = ...) -> Trend: ...

def validate_pairwise(matrix: npt.ArrayLike, id: str = ..., checks: PairwiseChecks = ...) -> None: ...

def validate_selection(problem: SelectionProblem) -> None: ...

def write_control_sections(data: ControlData) -> dict[str, str]: ...

def write_ical(portfolio: Portfolio, result: ScheduleResult) -> str: ...

def write_ical_file(portfolio: Portfolio, path: PathLike) -> None: ...

def write_json_with_sections(portfolio: Portfolio, sections: dict[str, str]) -> str: ...

def write_model_file(portfolio: Portfolio, path: PathLike) -> None: ...

def write_mspdi(portfolio: Portfolio) -> str: ...

def write_mspdi_file(portfolio: Portfolio, path: PathLike) -> None: ...

def write_xer(portfolio: Portfolio) -> str: ...

def write_xer_file(portfolio: Portfolio, path: PathLike) -> None: ...
def write_mpx(portfolio: Portfolio) -> bytes: ...
def write_mpx_file(portfolio: Portfolio, path: PathLike) -> None: ...

# ---- evm: issue log, change log, lessons learned (bind_evm.cpp) ----

class IssueStatus(enum.Enum):
    OPEN = 0
    IN_PROGRESS = 1
    RESOLVED = 2
    CLOSED = 3

class IssuePriority(enum.Enum):
    LOW = 0
    MEDIUM = 1
    HIGH = 2
    CRITICAL = 3

class Issue:
    def __init__(self, **kwargs: Any) -> None: ...
    id: str
    project: Optional[str]
    title: str
    description: str
    owner: str
    priority: IssuePriority
    status: IssueStatus
    raised: Optional[datetime.date]
    due: Optional[datetime.date]
    resolved: Optional[datetime.date]
    resolution: str
    from_risk: str

def open_issues(issues: list[Issue], *, project: Optional[str] = None, at_least: IssuePriority = IssuePriority.LOW) -> list[int]: ...
def overdue_issues(issues: list[Issue], today: datetime.date) -> list[int]: ...

class ChangeStatus(enum.Enum):
    SUBMITTED = 0
    APPROVED = 1
    REJECTED = 2
    WITHDRAWN = 3

class ChangeRequest:
    def __init__(self, **kwargs: Any) -> None: ...
    id: str
    project: str
    title: str
    description: str
    requested_by: str
    submitted: Optional[datetime.date]
    status: ChangeStatus
    cost_delta: float
    schedule_delta: int
    affected_tasks: list[str]
    decided: Optional[datetime.date]
    decided_by: str

def apply_change(current: Baseline, change: ChangeRequest, new_name: str) -> Baseline: ...
def approve_change(change: ChangeRequest, baselines: BaselineSet, revised: Baseline, when: datetime.date, by: str) -> None: ...
def reject_change(change: ChangeRequest, when: datetime.date, by: str) -> None: ...

class Lesson:
    def __init__(self, **kwargs: Any) -> None: ...
    id: str
    project: Optional[str]
    phase: str
    tags: list[str]
    title: str
    text: str
    recorded: Optional[datetime.date]

def search_lessons(
    lessons: list[Lesson], *, tags: list[str] = [], text: str = "", project: Optional[str] = None, phase: str = ""
) -> list[int]: ...

# ---- governance: quality measures per project and status period (bind_governance.cpp) ----

class DefectSeverity(enum.Enum):
    CRITICAL = 0
    MAJOR = 1
    MINOR = 2

class QualityReview:
    def __init__(self, **kwargs: Any) -> None: ...
    id: str
    date: datetime.date
    kind: str
    methodology: str
    phase: str
    passed: bool
    findings: int

class QualityStatus:
    def __init__(self, **kwargs: Any) -> None: ...
    project: str
    date: datetime.datetime
    open_defects: list[int]  # [critical, major, minor]
    reviews: list[QualityReview]
    tests_run: Optional[int]
    tests_passed: Optional[int]
    deliverables_submitted: Optional[int]
    deliverables_accepted: Optional[int]

class QualityThresholds:
    def __init__(self, **kwargs: Any) -> None: ...
    critical_defects: CountThreshold
    major_defects: CountThreshold
    minor_defects: CountThreshold
    failed_reviews: CountThreshold
    test_pass_rate: IndexThreshold
    acceptance: IndexThreshold

def failed_reviews(quality: QualityStatus) -> int: ...
def test_pass_rate(quality: QualityStatus) -> float: ...
def acceptance_rate(quality: QualityStatus) -> float: ...
def check_quality_status(quality: QualityStatus) -> None: ...
def latest_quality(records: list[QualityStatus], project: str, status_date: datetime.datetime) -> Optional[QualityStatus]: ...

# ---- report: the HTML dashboard (bind_report.cpp) ----


class DashboardOptions:
    def __init__(self, **kwargs: Any) -> None: ...
    title: str
    today: Optional[datetime.datetime]
    level_resources: bool
    level_passes: int
    histogram_period: int
    scurve_period: int
    frontier_points: int
    solve_seconds: float

class DashboardProgress:
    stage: str
    fraction: float

class TimePhased:
    def __len__(self) -> int: ...
    period_end: npt.NDArray[np.datetime64]
    pv: npt.NDArray[np.float64]
    ev: npt.NDArray[np.float64]
    ac: npt.NDArray[np.float64]
    has_actuals: npt.NDArray[np.bool_]
    def to_dataframe(self) -> pd.DataFrame: ...

class ProjectCurves:
    project: str
    baseline: str
    curves: TimePhased

class ResourceHistogram:
    resource: list[str]
    start: datetime.datetime
    period: int
    bucket_count: int
    peak_demand: npt.NDArray[np.float64]
    capacity: npt.NDArray[np.float64]
    load: npt.NDArray[np.float64]
    def to_dataframe(self) -> pd.DataFrame: ...

class DashboardData:
    def __init__(self, **kwargs: Any) -> None: ...
    title: str
    source: str
    portfolio: Optional[Portfolio]
    status_date: Optional[datetime.datetime]
    schedule: Optional[ScheduleResult]
    histogram: Optional[ResourceHistogram]
    histogram_source: str
    baselines: list[BaselineSet]
    health: list[ProjectHealth]
    project_rag: list[RagResult]
    rag: list[RagRollupRow]
    scurves: list[ProjectCurves]
    risks: list[Risk]
    matrix: RiskMatrix
    selection: Optional[SelectionProblem]
    selected: Optional[SelectionResult]
    frontier: Optional[FrontierResult]
    notes: list[str]
    @property
    def views(self) -> list[str]: ...

def collect_dashboard_data(
    path: PathLike,
    *,
    options: Optional[DashboardOptions] = None,
    title: str = "",
    today: Optional[datetime.datetime] = None,
    level_resources: bool = True,
    level_passes: int = 4,
    histogram_period: int = 10080,
    scurve_period: int = 10080,
    frontier_points: int = 8,
    solve_seconds: float = 10.0,
    progress: Optional[Callable[[DashboardProgress], None]] = None,
) -> DashboardData: ...
def collect_dashboard_data_from_json(
    text: str,
    source_name: str = "<input>",
    *,
    options: Optional[DashboardOptions] = None,
    title: str = "",
    today: Optional[datetime.datetime] = None,
    level_resources: bool = True,
    level_passes: int = 4,
    histogram_period: int = 10080,
    scurve_period: int = 10080,
    frontier_points: int = 8,
    solve_seconds: float = 10.0,
    progress: Optional[Callable[[DashboardProgress], None]] = None,
) -> DashboardData: ...
def collect_dashboard_data_from_portfolio(
    portfolio: Portfolio,
    *,
    options: Optional[DashboardOptions] = None,
    title: str = "",
    today: Optional[datetime.datetime] = None,
    level_resources: bool = True,
    level_passes: int = 4,
    histogram_period: int = 10080,
    scurve_period: int = 10080,
    frontier_points: int = 8,
    solve_seconds: float = 10.0,
    progress: Optional[Callable[[DashboardProgress], None]] = None,
) -> DashboardData: ...
def write_dashboard(
    data: DashboardData, *, options: Optional[DashboardOptions] = None, title: str = "", today: Optional[datetime.datetime] = None
) -> str: ...
def write_dashboard_file(
    data: DashboardData,
    path: PathLike,
    *,
    options: Optional[DashboardOptions] = None,
    title: str = "",
    today: Optional[datetime.datetime] = None,
) -> None: ...
def html_escape(text: str) -> str: ...
def html_id(text: str) -> str: ...

# ---- store: the SQLite portfolio repository (bind_store.cpp) ----

class TaskChangeKind(enum.Enum):
    ADDED = 0
    REMOVED = 1
    CHANGED = 2

class TaskField(enum.IntFlag):
    START = 1
    FINISH = 2
    DURATION = 4
    PROGRESS = 8
    NAME = 16

class PortfolioList:
    def __len__(self) -> int: ...
    id: list[str]
    name: list[str]
    revision: npt.NDArray[np.int64]
    saved_at: list[datetime.datetime]
    project_count: npt.NDArray[np.int64]
    task_count: npt.NDArray[np.int64]
    snapshot_count: npt.NDArray[np.int64]
    def to_dataframe(self) -> pd.DataFrame: ...

class SnapshotList:
    def __len__(self) -> int: ...
    id: npt.NDArray[np.int64]
    portfolio: list[str]
    label: list[str]
    taken_at: list[datetime.datetime]
    revision: npt.NDArray[np.int64]
    status_date: list[Optional[datetime.datetime]]
    scheduled: npt.NDArray[np.bool_]
    task_count: npt.NDArray[np.int64]
    def to_dataframe(self) -> pd.DataFrame: ...

class SnapshotTasks:
    def __len__(self) -> int: ...
    snapshot: int
    project: list[str]
    task: list[str]
    name: list[str]
    duration: npt.NDArray[np.int64]
    percent_complete: npt.NDArray[np.float64]
    start: list[Optional[datetime.datetime]]
    finish: list[Optional[datetime.datetime]]
    def to_dataframe(self) -> pd.DataFrame: ...

class SnapshotDiff:
    def __len__(self) -> int: ...
    snapshot_a: int
    snapshot_b: int
    project: list[str]
    task: list[str]
    kind: list[TaskChangeKind]
    fields: npt.NDArray[np.uint8]
    start_before: list[Optional[datetime.datetime]]
    start_after: list[Optional[datetime.datetime]]
    finish_before: list[Optional[datetime.datetime]]
    finish_after: list[Optional[datetime.datetime]]
    duration_before: list[Optional[int]]
    duration_after: list[Optional[int]]
    percent_before: list[Optional[float]]
    percent_after: list[Optional[float]]
    unchanged: int
    def changed_fields(self, row: int) -> str: ...
    def to_dataframe(self) -> pd.DataFrame: ...

def diff_snapshots(a: SnapshotTasks, b: SnapshotTasks) -> SnapshotDiff: ...

class Repository:
    @staticmethod
    def open(
        path: PathLike,
        *,
        create_if_missing: bool = True,
        read_only: bool = False,
        busy_timeout: Union[datetime.timedelta, float] = datetime.timedelta(seconds=10),
        durable: bool = True,
    ) -> Repository: ...
    @staticmethod
    def create(
        path: PathLike,
        *,
        read_only: bool = False,
        busy_timeout: Union[datetime.timedelta, float] = datetime.timedelta(seconds=10),
        durable: bool = True,
    ) -> Repository: ...
    @staticmethod
    def current_schema_version() -> int: ...
    def schema_version(self) -> int: ...
    @property
    def path(self) -> pathlib.Path: ...
    @property
    def closed(self) -> bool: ...
    @property
    def read_only(self) -> bool: ...
    def close(self) -> None: ...
    def __enter__(self) -> Repository: ...
    def __exit__(self, *args: Any) -> bool: ...
    def __contains__(self, id: str) -> bool: ...
    def save_portfolio(self, portfolio: Portfolio) -> int: ...
    def load_portfolio(self, id: str) -> Portfolio: ...
    def contains(self, id: str) -> bool: ...
    def list_portfolios(self) -> PortfolioList: ...
    def remove_portfolio(self, id: str) -> bool: ...
    def save_baseline(self, portfolio: str, baseline: Baseline, make_current: bool = True) -> None: ...
    def load_baselines(self, portfolio: str, project: str) -> BaselineSet: ...
    def load_baseline(self, portfolio: str, project: str, name: str) -> Baseline: ...
    def save_status_period(self, portfolio: str, period: StatusPeriod) -> None: ...
    def status_history(self, portfolio: str, project: str) -> list[StatusPeriod]: ...
    def save_quality_status(self, portfolio: str, quality: QualityStatus) -> None: ...
    def quality_history(self, portfolio: str, project: str) -> list[QualityStatus]: ...
    def snapshot(self, portfolio: str, *, label: str = "", schedule: bool = True) -> int: ...
    def list_snapshots(self, portfolio: str = "") -> SnapshotList: ...
    def snapshot_tasks(self, snapshot: int) -> SnapshotTasks: ...
    def snapshot_portfolio(self, snapshot: int) -> Portfolio: ...
    def find_snapshot(self, id_or_label: str) -> Optional[int]: ...
    def diff_snapshots(self, a: int, b: int) -> SnapshotDiff: ...
    def save_risks(self, portfolio: str, risks: list[Risk]) -> None: ...
    def load_risks(self, portfolio: str) -> list[Risk]: ...
    def save_issues(self, portfolio: str, issues: list[Issue]) -> None: ...
    def load_issues(self, portfolio: str) -> list[Issue]: ...
    def save_change_requests(self, portfolio: str, requests: list[ChangeRequest]) -> None: ...
    def load_change_requests(self, portfolio: str) -> list[ChangeRequest]: ...
    def save_lessons(self, portfolio: str, lessons: list[Lesson]) -> None: ...
    def load_lessons(self, portfolio: str) -> list[Lesson]: ...
    def search_lessons(
        self, portfolio: str = "", *, tags: list[str] = [], text: str = "", project: Optional[str] = None, phase: str = ""
    ) -> list[Lesson]: ...
    def check_integrity(self) -> list[str]: ...
