"""Pickling of the model aggregates (Task, Risk, StrategyWeights' inputs, option records...).

A native class whose every attribute is read-write and that builds with no arguments (the keyword
constructors of ``ppm._core``) pickles as its attribute dict: ``copyreg`` registers a reducer for it,
so ``pickle``, ``copy.deepcopy`` and Dask's ``client.submit`` work without a hand-written
``__getstate__`` per class. Classes with their own pickling (results, ``Portfolio``) keep it.
"""

from __future__ import annotations

import copyreg
from typing import Any, Callable

from . import _core


def _rebuild(cls: type, state: dict[str, Any]) -> Any:
    obj = cls()
    for name, value in state.items():
        setattr(obj, name, value)
    return obj


def _settable_attributes(cls: type) -> list[str] | None:
    """The class's data attributes when all of them are settable, else None."""
    names = []
    for name in dir(cls):
        if name.startswith("_"):
            continue
        attr = getattr(cls, name, None)
        if isinstance(attr, property):
            if attr.fset is None:
                return None
            names.append(name)
    return names


def _reducer(cls: type, names: list[str]) -> Callable[[Any], tuple[Callable[..., object], tuple[Any, ...]]]:
    def reduce(obj: Any) -> tuple[Callable[..., object], tuple[Any, ...]]:
        return _rebuild, (cls, {n: getattr(obj, n) for n in names})

    return reduce


def register_aggregates() -> list[type]:
    """Registers every eligible native class with copyreg; returns the classes registered."""
    done = []
    for name in dir(_core):
        cls = getattr(_core, name)
        if not isinstance(cls, type) or issubclass(cls, BaseException) or hasattr(cls, "__members__"):
            continue
        if "__getstate__" in vars(cls) or "__reduce__" in vars(cls):
            continue
        names = _settable_attributes(cls)
        if not names:
            continue
        try:
            cls()
        except Exception:  # no default construction: not an aggregate
            continue
        copyreg.pickle(cls, _reducer(cls, names))
        done.append(cls)
    return done


REGISTERED = register_aggregates()


def build_simulation_model(portfolio: Any, risks: Any, spec: Any) -> Any:
    """Rebuilds a pickled ``SimulationModel`` from its inputs (a picklable, pure-Python reference:
    pybind11 2.10's own functions cannot be pickled)."""
    return _core.build_simulation_model(portfolio, risks, spec)
