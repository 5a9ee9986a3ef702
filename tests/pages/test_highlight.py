"""Cutting an article into highlighted blocks and name links."""

from __future__ import annotations

from service.pages.highlight import Link, Span, blocks, find_names

TEXT = "Hunan grew. Its GDP rose to 450 billion yuan in 2023. Changsha\u2002city led."


def _joined(text: str, spans: list[Span], links: list[Link]) -> str:
    return "".join(run.text for block in blocks(text, spans, links) for run in block.runs)


def _cited(text: str, spans: list[Span], key: str) -> str:
    return "".join(
        run.text for block in blocks(text, spans) if key in block.keys for run in block.runs
    )


def test_the_runs_spell_the_text_exactly() -> None:
    spans = [Span(12, 53, "gdp"), Span(28, 44, "value"), Span(0, 5, "name")]
    links = find_names(TEXT, [("Hunan", "/regions/hunan"), ("Changsha city", "/regions/cs")])
    assert _joined(TEXT, spans, links) == TEXT


def test_identical_spans_make_one_block_naming_both_facts() -> None:
    spans = [Span(12, 53, "gdp-2015"), Span(12, 53, "gdp-2023")]
    highlighted = [block for block in blocks(TEXT, spans) if block.keys]
    assert [(b.start, b.end, b.keys) for b in highlighted] == [(12, 53, ("gdp-2015", "gdp-2023"))]


def test_overlapping_spans_each_covered_exactly() -> None:
    spans = [Span(12, 44, "a"), Span(28, 53, "b")]
    assert _cited(TEXT, spans, "a") == TEXT[12:44]
    assert _cited(TEXT, spans, "b") == TEXT[28:53]
    plain = "".join(run.text for b in blocks(TEXT, spans) if not b.keys for run in b.runs)
    assert plain == TEXT[:12] + TEXT[53:]


def test_names_match_whole_words_longest_first_across_odd_spaces() -> None:
    names = [("Changsha", "/regions/changsha"), ("Changsha city", "/regions/changsha-city")]
    links = find_names(TEXT + " Changshan", names)
    assert [(TEXT[link.start : link.end], link.href) for link in links] == [
        ("Changsha\u2002city", "/regions/changsha-city")
    ]


def test_a_name_across_a_highlight_edge_becomes_two_links() -> None:
    links = [Link(0, 11, "/regions/hunan")]
    result = blocks(TEXT, [Span(6, 20, "f")], links)
    hrefs = [(run.text, run.href) for block in result for run in block.runs]
    assert hrefs[:2] == [("Hunan ", "/regions/hunan"), ("grew.", "/regions/hunan")]


def test_no_names_no_links() -> None:
    assert find_names(TEXT, []) == []
