"""Boilerplate rules over the whole development corpus (skipped when absent).

Artifacts are counted by independent, deliberately simple markers (not the
rules' own patterns), then we check that (a) at least 98 % are flagged,
(b) after ``fix_text`` no marker is left unreported and almost all are gone,
and (c) every sentence of the original that is not itself an artifact is
still in the fixed text.  Also: few findings on clean articles.
"""

from __future__ import annotations

import pytest
import regex

from newslint.api import fix_text, lint_text

MARKERS = {
    "baca-juga": regex.compile(r"(?i)baca juga\s*:"),
    "copyright": regex.compile(r"(?i)copyright\s*©|©\s*(?:19|20)\d\d"),
    "pewarta": regex.compile(r"Pewarta\s*:"),
    "scroll": regex.compile(r"SCROLL TO CONTINUE"),
    "advertisement": regex.compile(r"ADVERTISEMENT"),
    "simak-video": regex.compile(r"(?i)simak (?:juga )?video"),
}
#: Other artifacts the fix removes on purpose: a segment holding one is not a
#: body sentence (credits, syndication notes, video promotions).
OTHER_ARTIFACTS = regex.compile(
    r"Penerjemah\s*:|Editor\s*:|\(ANTARA/|\([^()]*/[^()]*/[^()]*\)\s*$|Artikel ini (?:telah|sudah|pertama)"
    r"|(?i:(?:lihat|tonton|saksikan) (?:juga )?video|tonton juga|saksikan (?:juga|live))"
    r"|Baca selengkapnya|\[Gambas|Halaman berikut|Diadaptasi oleh"
)
SEGMENTS = regex.compile(r"\n|[ \t\u00a0]{2,}")
SENTENCES = regex.compile(r"(?<=[.!?][\"”’]?)\s+(?=[\"“(]?\p{Lu})")


def body_sentences(text: str) -> list[str]:
    out = []
    text = regex.sub(r"(?i)(baca juga\s*:)[ \t\u00a0]{2,}", r"\1 ", text)  # one segment
    for seg in SEGMENTS.split(text):
        seg = seg.strip()
        if not seg or any(m.search(seg) for m in MARKERS.values()) or OTHER_ARTIFACTS.search(seg):
            continue
        out.extend(s.strip() for s in SENTENCES.split(seg) if len(s.strip()) >= 20)
    return out


@pytest.fixture(scope="module", params=["sample", "corpus"])
def results(request):
    """The 70-article sample in tests/data (always there) and the whole
    development corpus (skipped when ../shared is absent)."""
    articles = request.getfixturevalue(f"{request.param}_articles")
    out = []
    for a in articles:
        text = a["text"]
        # only the boilerplate rules fix: NUM/TXT rewrites are not this test's business
        out.append(
            (a, text, lint_text(text, record=True), fix_text(text, record=True, select=["BP"]))
        )
    return out


def test_artifacts_are_flagged(results):
    total = flagged = 0
    for _a, text, diags, _fixed in results:
        for marker in MARKERS.values():
            for m in marker.finditer(text):
                total += 1
                flagged += any(d.start <= m.start() < d.end for d in diags)
    assert total > (2000 if len(results) > 1000 else 50)
    assert flagged / total >= 0.98, f"{flagged}/{total} flagged"


def test_fix_removes_artifacts(results):
    total = left = 0
    for _a, text, _diags, fixed in results:
        for marker in MARKERS.values():
            total += len(marker.findall(text))
            if not marker.search(fixed):
                continue
            # what the safe fix leaves is an inline headline whose end is a
            # guess: it must still be reported (with an unsafe fix or none)
            after = lint_text(fixed, record=True)
            for m in marker.finditer(fixed):
                left += 1
                assert any(d.start <= m.start() < d.end for d in after), fixed[
                    m.start() : m.start() + 80
                ]
    # the 70-article sample over-represents Kompas, whose inline headlines
    # often run into the next sentence with one space (an unsafe guess)
    limit = 0.02 if len(results) > 1000 else 0.05
    assert left / total <= limit, f"{left}/{total} markers left after the safe fix"


def test_unsafe_fix_removes_every_marker(results):
    for _a, text, diags, _fixed in results:
        if not any(d.fix and d.fix.applicability.value == "unsafe" for d in diags):
            continue
        unsafe = fix_text(text, record=True, unsafe=True, select=["BP"])
        for name in ("copyright", "pewarta", "scroll", "advertisement", "simak-video"):
            assert not MARKERS[name].search(unsafe), name


def test_every_body_sentence_survives(results):
    lost = []
    for a, text, _diags, fixed in results:
        lost.extend((a["id"], s) for s in body_sentences(text) if s not in fixed)
    assert not lost, lost[:5]


def test_few_findings_on_clean_articles(results):
    """Kontan and Bisnis bodies are mostly clean: boilerplate rules must stay
    quiet there (fewer than 5 findings per 100 articles)."""
    n = found = 0
    for a, text, diags, _fixed in results:
        if "kontan.csv" not in a["source"] and "bisnis.csv" not in a["source"]:
            continue
        if OTHER_ARTIFACTS.search(text) or any(m.search(text) for m in MARKERS.values()):
            continue  # not clean: a syndication note or "Baca selengkapnya" is a true finding
        n += 1
        found += sum(1 for d in diags if d.code.startswith("BP"))
    assert n >= (40 if len(results) > 1000 else 1)
    assert 100 * found / n < 5, f"{found} boilerplate findings in {n} clean articles"
