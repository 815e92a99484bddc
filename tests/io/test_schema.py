"""docs/schema/ppm.schema.json against ppm's reader and writer (run by ctest as "io: schema (pytest)").

The reader rejects unknown keys and the writer's output reads back equal (tests/io/test_json.cpp),
so the writer's keys are exactly the reader's. Here: (1) the schema is a valid draft 2020-12 schema;
(2) the worked example and the rich model written by tests_io (every field set) validate against it,
and every object forbids additional properties, so every key the writer emits is in the schema;
(3) every property the schema declares occurs in those documents, so the schema names no field the
reader does not know; (4) a few malformed documents are rejected by the schema as by the reader.
"""
import copy
import json
import os
import pathlib

import pytest

jsonschema = pytest.importorskip("jsonschema")

SOURCE = pathlib.Path(os.environ.get("PPM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCHEMA = json.loads((SOURCE / "docs" / "schema" / "ppm.schema.json").read_text(encoding="utf-8"))
EXAMPLE = json.loads((SOURCE / "examples" / "portfolio.json").read_text(encoding="utf-8"))


def rich():
    path = os.environ.get("PPM_RICH_JSON")
    if not path or not pathlib.Path(path).exists():
        pytest.skip("PPM_RICH_JSON not set: run through ctest (tests_io writes the rich model)")
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def validator():
    return jsonschema.Draft202012Validator(SCHEMA)


def resolve(node, name):
    if "$ref" in node:
        ref = node["$ref"].rsplit("/", 1)[-1]
        return SCHEMA["$defs"][ref], ref
    return node, name


def declared():
    """(object name, property) for every property of every object in the model part of the schema."""
    out, seen = set(), set()

    def walk(node, name):
        node, name = resolve(node, name)
        if id(node) in seen:
            return
        seen.add(id(node))
        if node.get("type") == "array":
            walk(node["items"], name)
        for key, sub in node.get("properties", {}).items():
            out.add((name, key))
            walk(sub, f"{name}/{key}" if "$ref" not in sub else name)

    walk(SCHEMA["properties"]["portfolio"], "root")
    return out


def used(doc):
    out = set()

    def walk(node, inst, name):
        node, name = resolve(node, name)
        if isinstance(inst, list) and node.get("type") == "array":
            for item in inst:
                walk(node["items"], item, name)
        elif isinstance(inst, dict) and "properties" in node:
            for key, value in inst.items():
                out.add((name, key))
                sub = node["properties"][key]
                walk(sub, value, f"{name}/{key}" if "$ref" not in sub else name)

    walk(SCHEMA["properties"]["portfolio"], doc["portfolio"], "root")
    return out


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_object_forbids_unknown_keys():
    def walk(node, where):
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                assert node.get("additionalProperties") is False, where
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")

    walk(SCHEMA, "#")


def test_example_validates():
    errors = [f"{e.json_path}: {e.message}" for e in validator().iter_errors(EXAMPLE)]
    assert errors == []


def test_rich_model_written_by_ppm_validates():
    errors = [f"{e.json_path}: {e.message}" for e in validator().iter_errors(rich())]
    assert errors == []


def test_schema_declares_no_field_the_writer_never_emits():
    missing = declared() - used(rich()) - used(EXAMPLE)
    assert sorted(missing) == []


def test_malformed_documents_are_rejected():
    v = validator()
    doc = copy.deepcopy(EXAMPLE)
    doc["portfolio"]["projects"][0]["tasks"][3]["duratoin"] = "5d"
    assert not v.is_valid(doc)
    doc = copy.deepcopy(EXAMPLE)
    doc["portfolio"]["projects"][0]["tasks"][3]["duration"] = "-2d"
    assert not v.is_valid(doc)
    doc = copy.deepcopy(EXAMPLE)
    doc["portfolio"]["projects"][0]["tasks"][3]["duration"] = "5y"
    assert not v.is_valid(doc)
    doc = copy.deepcopy(EXAMPLE)
    doc["riskz"] = {}
    assert not v.is_valid(doc)
    doc = copy.deepcopy(EXAMPLE)
    doc["risks"] = {"register": []}  # a known section of another engine
    assert v.is_valid(doc)
