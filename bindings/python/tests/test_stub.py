"""The hand-kept stub ppm/_core.pyi covers every public name of the native module (and every
public attribute of each class), and py.typed ships beside it."""

import ast
import pathlib

import ppm
import ppm._core as core

PKG = pathlib.Path(ppm.__file__).parent


def stub_tree():
    return ast.parse((PKG / "_core.pyi").read_text(encoding="utf-8"))


def test_py_typed_is_shipped():
    assert (PKG / "py.typed").exists()


def test_every_public_name_is_in_the_stub():
    tree = stub_tree()
    declared = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    declared |= {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    declared |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
    public = {n for n in dir(core) if not n.startswith("_")}
    missing = sorted(public - declared)
    assert not missing, f"names missing from _core.pyi: {missing}"


def test_every_public_attribute_is_in_the_stub():
    classes = {n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef)}
    missing = []
    for name, node in classes.items():
        obj = getattr(core, name, None)
        if obj is None or name.endswith("List") or issubclass(obj, BaseException):
            continue
        declared = {b.target.id for b in node.body if isinstance(b, ast.AnnAssign)}
        declared |= {b.name for b in node.body if isinstance(b, ast.FunctionDef)}
        declared |= {t.id for b in node.body if isinstance(b, ast.Assign) for t in b.targets if isinstance(t, ast.Name)}
        for attr in dir(obj):
            if attr.startswith("_") or attr in ("name", "value") and hasattr(obj, "__members__"):
                continue
            if attr not in declared:
                missing.append(f"{name}.{attr}")
    assert not missing, f"attributes missing from _core.pyi: {missing}"
