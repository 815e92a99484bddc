"""Bindings of the quality measures (issue 20, docs/governance.md "Quality"): a status period's
quality record, the quality check of the RAG assessment and the history in the repository."""

import datetime as dt
import math

import pytest

import ppm


def record():
    """P1 at Fri 13 Mar 2026 17:00: 0 / 3 / 7 open defects, one failed audit, 110 of 120 tests, 3 of 4 deliverables."""
    return ppm.QualityStatus(
        project="P1",
        date=dt.datetime(2026, 3, 13, 17, 0),
        open_defects=[0, 3, 7],
        reviews=[
            ppm.QualityReview(id="QR-1", date=dt.date(2026, 3, 10), kind="audit", methodology="M1", phase="Design",
                              passed=False, findings=4),
            ppm.QualityReview(id="QR-2", date=dt.date(2026, 3, 12), phase="Build", findings=1),
        ],
        tests_run=120,
        tests_passed=110,
        deliverables_submitted=4,
        deliverables_accepted=3,
    )


def health_of(q, **kwargs):
    """A project green on SPI and CPI with the quality facts of record `q`."""
    return ppm.ProjectHealth(
        project=q.project,
        spi=1.0,
        cpi=1.0,
        critical_defects=q.open_defects[ppm.DefectSeverity.CRITICAL.value],
        major_defects=q.open_defects[ppm.DefectSeverity.MAJOR.value],
        minor_defects=q.open_defects[ppm.DefectSeverity.MINOR.value],
        failed_reviews=ppm.failed_reviews(q),
        test_pass_rate=ppm.test_pass_rate(q),
        acceptance_rate=ppm.acceptance_rate(q),
        **kwargs,
    )


def test_measures_of_a_record():
    q = record()
    assert ppm.failed_reviews(q) == 1
    assert ppm.test_pass_rate(q) == pytest.approx(110 / 120)
    assert ppm.acceptance_rate(q) == 0.75
    assert math.isnan(ppm.test_pass_rate(ppm.QualityStatus(project="P1")))  # not reported
    ppm.check_quality_status(q)
    q.tests_passed = 130
    with pytest.raises(ppm.ModelError, match="tests passed 130 is more than tests run 120"):
        ppm.check_quality_status(q)
    assert ppm.QualityReview().kind == "review" and ppm.QualityReview().passed
    records = [record(), ppm.QualityStatus(project="P1", date=dt.datetime(2026, 3, 6, 17, 0))]
    assert ppm.latest_quality(records, "P1", dt.datetime(2026, 3, 9, 8, 0)).date == dt.datetime(2026, 3, 6, 17, 0)
    assert ppm.latest_quality(records, "P1", dt.datetime(2026, 3, 1, 8, 0)) is None


def test_quality_check_of_the_rag_assessment():
    h = health_of(record())
    r = ppm.assess(h, ppm.RagPolicy())  # the default policy checks quality with the default thresholds (0.95 / 0.85 ...)
    assert r.check[ppm.RagCheck.QUALITY.value] == ppm.Rag.AMBER
    assert r.overall == ppm.Rag.AMBER
    assert "quality: test pass rate 0.92 < 0.95" in r.reasons
    assert "quality: deliverable acceptance 0.75 < 0.90" in r.reasons
    assert len(r.check) == len(ppm.RagCheck.__members__) == 9
    # Two open critical defects: red; a policy with quality switched off ignores them.
    h.critical_defects = 2
    assert ppm.assess(h).check[ppm.RagCheck.QUALITY.value] == ppm.Rag.RED
    off = ppm.RagPolicy()
    enabled = list(off.enabled)
    enabled[ppm.RagCheck.QUALITY.value] = False
    off.enabled = enabled
    assert ppm.assess(h, off).check[ppm.RagCheck.QUALITY.value] == ppm.Rag.NONE
    # Tighter thresholds: a pass rate of 0.9167 below an amber bound of 0.95 is red.
    strict = ppm.RagPolicy()
    strict.thresholds.quality.test_pass_rate = ppm.IndexThreshold(green=0.99, amber=0.95)
    assert strict.thresholds.quality.test_pass_rate.amber == 0.95
    h.critical_defects = 0
    assert "quality: test pass rate 0.92 < 0.95" in ppm.assess(h, strict).reasons
    # Unknown facts: the check is none and the project keeps its colour.
    plain = ppm.assess(ppm.ProjectHealth(project="P2", spi=1.0, cpi=1.0))
    assert plain.check[ppm.RagCheck.QUALITY.value] == ppm.Rag.NONE and plain.overall == ppm.Rag.GREEN
    assert math.isnan(ppm.ProjectHealth().test_pass_rate)


def test_quality_history_in_the_repository(tmp_path):
    pf = ppm.Portfolio(id="PF", name="Quality")
    pf.projects.append(ppm.Project(id="P1", start=dt.datetime(2026, 3, 2, 8, 0)))
    with ppm.Repository.open(tmp_path / "ppm.db") as repo:
        repo.save_portfolio(pf)
        repo.save_quality_status("PF", record())
        repo.save_quality_status("PF", ppm.QualityStatus(project="P1", date=dt.datetime(2026, 3, 6, 17, 0), open_defects=[0, 1, 4]))
        history = repo.quality_history("PF", "P1")
        assert [q.date for q in history] == [dt.datetime(2026, 3, 6, 17, 0), dt.datetime(2026, 3, 13, 17, 0)]
        assert history[0].tests_run is None
        assert history[1].open_defects == [0, 3, 7]
        assert [(r.id, r.kind, r.passed, r.findings) for r in history[1].reviews] == [("QR-1", "audit", False, 4), ("QR-2", "review", True, 1)]
        assert history[1].reviews[0].date == dt.date(2026, 3, 10)
        assert ppm.test_pass_rate(history[1]) == pytest.approx(110 / 120)
        bad = record()
        bad.deliverables_accepted = 9
        with pytest.raises(ppm.ModelError):
            repo.save_quality_status("PF", bad)
        assert len(repo.quality_history("PF", "P1")) == 2


def test_quality_records_come_with_the_model_from_one_read(repo):
    doc = ppm.read_model_document(repo / "tests" / "governance" / "data" / "quality_sample.json")
    quality = doc.control.governance.quality
    assert len(quality) == 3
    assert all(q.project in {"P1", "P2"} for q in quality)
    policy = ppm.governance_policy(doc.control.governance)
    assert policy.name == "controlling"
    assert ppm.policy_profile(ppm.PmoType.DIRECTIVE).name == "directive"
