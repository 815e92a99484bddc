"""docs/schema/control.schema.json against ppm's control-section reader and writer (ctest "evm: control schema (pytest)").

The reader rejects unknown keys and reads back what the writer wrote (tests/governance/test_governance_json.cpp),
so here: (1) the schema is a valid draft 2020-12 schema whose objects all forbid unknown keys; (2) the
control sample and the rich document written by tests_evm (every governance entity, every uncertainty
option) validate; (3) every property the schema declares occurs in those documents, so the schema names
no field ppm does not read and write; (4) malformed documents are rejected as the reader rejects them.
"""
import copy
import json
import os
import pathlib

import pytest

jsonschema = pytest.importorskip("jsonschema")

SOURCE = pathlib.Path(os.environ.get("PPM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCHEMA = json.loads((SOURCE / "docs" / "schema" / "control.schema.json").read_text(encoding="utf-8"))
SAMPLE = json.loads((SOURCE / "tests" / "evm" / "data" / "control_sample.json").read_text(encoding="utf-8"))
EXAMPLE = json.loads((SOURCE / "examples" / "portfolio.json").read_text(encoding="utf-8"))
SECTIONS = ["risks", "baselines", "status", "uncertainty", "governance"]


def rich():
    path = os.environ.get("PPM_RICH_CONTROL_JSON")
    if not path or not pathlib.Path(path).exists():
        pytest.skip("PPM_RICH_CONTROL_JSON not set: run through ctest (tests_evm writes the rich document)")
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def validator():
    return jsonschema.Draft202012Validator(SCHEMA)


def resolve(node, name):
    if "$ref" in node:
        ref = node["$ref"].rsplit("/", 1)[-1]
        return SCHEMA["$defs"][ref], ref
    return node, name


def children(node, name):
    """(key or None for map values, sub-schema, child name) below an object or array schema."""
    if node.get("type") == "array":
        yield None, node["items"], name
    for key, sub in node.get("properties", {}).items():
        yield key, sub, (f"{name}/{key}" if "$ref" not in sub else name)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        yield "*", extra, f"{name}/*"


def declared():
    out, seen = set(), set()

    def walk(node, name):
        node, name = resolve(node, name)
        if id(node) in seen:
            return
        seen.add(id(node))
        for key, sub, child in children(node, name):
            if key not in (None, "*"):
                out.add((name, key))
            walk(sub, child)

    for s in SECTIONS:
        walk(SCHEMA["properties"][s], s)
    return out


def used(doc):
    out = set()

    def walk(node, inst, name):
        node, name = resolve(node, name)
        if isinstance(inst, list) and node.get("type") == "array":
            for item in inst:
                walk(node["items"], item, name)
        elif isinstance(inst, dict):
            props = node.get("properties", {})
            extra = node.get("additionalProperties")
            for key, value in inst.items():
                if key in props:
                    out.add((name, key))
                    sub = props[key]
                    walk(sub, value, f"{name}/{key}" if "$ref" not in sub else name)
                elif isinstance(extra, dict):
                    walk(extra, value, f"{name}/*")

    for s in SECTIONS:
        if s in doc:
            walk(SCHEMA["properties"][s], doc[s], s)
    return out


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_object_forbids_unknown_keys():
    def walk(node, where):
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node and where != "#":  # the root holds "portfolio" too
                assert node.get("additionalProperties") is False, where
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")

    walk(SCHEMA, "#")


def test_sample_validates():
    assert [f"{e.json_path}: {e.message}" for e in validator().iter_errors(SAMPLE)] == []


def test_worked_example_control_sections_validate():
    assert all(s in EXAMPLE for s in SECTIONS)  # scripts/make_example.py writes every control section
    assert [f"{e.json_path}: {e.message}" for e in validator().iter_errors(EXAMPLE)] == []


def test_rich_document_written_by_ppm_validates():
    doc = rich()
    assert "governance" in doc and "lessons" in doc["governance"] and "quality" in doc["governance"]
    assert [f"{e.json_path}: {e.message}" for e in validator().iter_errors(doc)] == []


def test_schema_declares_no_field_the_writer_never_emits():
    missing = declared() - used(rich()) - used(SAMPLE)
    assert sorted(missing) == []


def test_malformed_governance_is_rejected():
    v = validator()
    base = rich()
    cases = [
        ("gates", lambda g: g["gates"][0].__setitem__("decision", "maybe")),
        ("issues", lambda g: g["issues"][0].__setitem__("priority", "urgent")),
        ("issues", lambda g: g["issues"][0].__setitem__("raised", "2026-03-02T10:30")),
        ("change_requests", lambda g: g["change_requests"][0].__setitem__("status", "done")),
        ("lessons", lambda g: g["lessons"][0].__setitem__("tag", ["x"])),
        ("policy", lambda g: g["policy"]["checks"].__setitem__("speed", True)),
        ("policy", lambda g: g["policy"].__setitem__("escalate_from", "purple")),
        ("methodologies", lambda g: g["methodologies"][0]["phases"][0]["criteria"][0].pop("id")),
        ("quality", lambda g: g["quality"][0]["open_defects"].__setitem__("trivial", 1)),
        ("quality", lambda g: g["quality"][0]["open_defects"].__setitem__("critical", -1)),
        ("quality", lambda g: g["quality"][0]["reviews"][0].__setitem__("kind", "inspection")),
        ("quality", lambda g: g["quality"][0]["tests"].__setitem__("passed", 1.5)),
        ("quality", lambda g: g["quality"][0].pop("date")),
        ("thresholds", lambda g: g["thresholds"]["quality"].__setitem__("defects", {"green": 0})),
    ]
    for what, mutate in cases:
        doc = copy.deepcopy(base)
        mutate(doc["governance"])
        assert not v.is_valid(doc), what
    doc = copy.deepcopy(base)
    doc["uncertainty"]["calendars"] = "sometimes"
    assert not v.is_valid(doc)
