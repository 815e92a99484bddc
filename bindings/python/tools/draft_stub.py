"""Drafts stub entries for names of ppm._core that _core.pyi does not declare yet, from pybind11's
signatures (stub generators are not installable here). The output is reviewed and appended by
hand: _core.pyi stays hand-kept.  Usage: PYTHONPATH=build/bindings/python python3 tools/draft_stub.py
"""

import ast
import pathlib
import re
import sys

import ppm._core as core

STUB = pathlib.Path(core.__file__).with_name("_core.pyi")


def clean(t: str) -> str:
    t = t.strip()
    t = re.sub(r"numpy\.ndarray\[numpy\.float64\[[^\]]*\]\]", "npt.NDArray[np.float64]", t)
    t = t.replace("numpy.ndarray", "npt.NDArray[Any]").replace("ppm._core.", "")
    for a, b in (("List[", "list["), ("Dict[", "dict["), ("Tuple[", "tuple["), ("Set[", "set[")):
        t = t.replace(a, b)
    t = t.replace("object", "Any").replace("kwargs", "kwargs")
    return t


def sig_lines(doc: str, name: str):
    out = []
    for line in (doc or "").splitlines():
        m = re.match(r"^(?:\d+\. )?" + re.escape(name) + r"(\(.*\)) -> (.*)$", line.strip())
        if m:
            out.append((m.group(1), clean(m.group(2))))
    return out


def fix_args(args: str, method: bool) -> str:
    inner = args[1:-1]
    inner = re.sub(r"self: [\w.]+", "self", inner)
    inner = re.sub(r": ([^,=*]+)", lambda m: ": " + clean(m.group(1)), inner)
    inner = re.sub(r"= <[^>]*>", "= ...", inner)
    inner = re.sub(r"=\s*[^,)]+", "= ...", inner)
    inner = inner.replace("**kwargs", "**kwargs: Any").replace("**kwargs: Any: Any", "**kwargs: Any")
    return "(" + inner + ")"


def emit_function(name, obj, indent="", method=False, static=False):
    sigs = sig_lines(obj.__doc__, name)
    lines = []
    for args, ret in sigs:
        if len(sigs) > 1:
            lines.append(indent + "@overload")
        if static:
            lines.append(indent + "@staticmethod")
        lines.append(f"{indent}def {name}{fix_args(args, method)} -> {ret}: ...")
    return lines or [f"{indent}def {name}(*args: Any, **kwargs: Any) -> Any: ..."]


def emit_class(name, cls):
    if hasattr(cls, "__members__"):
        lines = [f"class {name}(enum.Enum):"]
        lines += [f"    {k} = {int(v)}" for k, v in cls.__members__.items()]
        return lines
    lines = [f"class {name}:"]
    for attr, val in sorted(vars(cls).items()):
        if attr.startswith("_") and attr not in ("__init__", "__len__", "__getitem__"):
            continue
        if isinstance(val, property):
            sigs = sig_lines(val.fget.__doc__ or "", "") or []
            m = re.search(r"-> (.*)", (val.fget.__doc__ or "").splitlines()[0] if val.fget.__doc__ else "")
            t = clean(m.group(1)) if m else "Any"
            lines.append(f"    {attr}: {t}")
        elif isinstance(val, staticmethod):
            lines += emit_function(attr, val.__func__, "    ", static=True)
        elif callable(val):
            lines += emit_function(attr, val, "    ", method=True)
    return lines if len(lines) > 1 else lines + ["    ..."]


def main():
    tree = ast.parse(STUB.read_text())
    declared = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    declared |= {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    out = []
    for name in sorted(n for n in dir(core) if not n.startswith("_") and n not in declared):
        obj = getattr(core, name)
        if isinstance(obj, type):
            out += emit_class(name, obj) + [""]
        elif callable(obj):
            out += emit_function(name, obj) + [""]
        else:
            out += [f"{name}: {type(obj).__name__}", ""]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
