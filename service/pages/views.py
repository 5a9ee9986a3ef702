"""What each page shows, worked out from query results: pure functions, no I/O, no HTML
templates (those are in templates/)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from service.extraction.gazetteer import KnownEntity
from service.pages.charts import Point, line_chart
from service.pages.highlight import Block, Link, Span, blocks, find_names
from service.pages.queries import Fact, TreeRow
from service.pages.values import normalised, readable


@dataclass(frozen=True, slots=True)
class FactView:
    fact: Fact
    said: str
    """The value as a person reads it."""
    exact: str
    """The stored value and unit, exact."""
    period: str
    href: str
    """The fact's subject page."""
    json_href: str


@dataclass(frozen=True, slots=True)
class Chart:
    indicator: str
    svg: Markup
    summary: str


def page_of(kind: str, entity_id: str) -> str:
    return f"/{kind}s/{entity_id}"


def period_of(fact: Fact) -> str:
    if fact.period_label:
        return fact.period_label
    if fact.period_start and fact.period_end:
        return f"{fact.period_start.isoformat()} to {fact.period_end.isoformat()}"
    return "no period stated"


def view_of(fact: Fact) -> FactView:
    # A count reads with what it counts: "more than 140 countries and regions served".
    counted = fact.indicator_name[:1].lower() + fact.indicator_name[1:]
    return FactView(
        fact=fact,
        said=readable(fact.value, fact.unit, fact.comparator, counted),
        exact=normalised(fact.value, fact.unit, fact.comparator),
        period=period_of(fact),
        href=page_of(fact.subject_kind, fact.subject),
        json_href=f"/v1/observations/{fact.id}",
    )


def name_links(named: Iterable[KnownEntity]) -> list[tuple[str, str]]:
    return [(name, page_of(item.kind, item.id)) for item in named for name in item.names]


def article(text: str, facts: Sequence[Fact], named: Iterable[KnownEntity]) -> Markup:
    """The text with each fact's citation in <mark> and each known name a link.

    The element's text content is `text` exactly (the page shows it with `white-space:
    pre-wrap`), so a citation's offsets point into the page as into the API's text.
    """
    spans = [Span(f.citation.start, f.citation.end, f.id) for f in facts]
    links: list[Link] = find_names(text, name_links(named))
    return Markup("").join(_block_html(block) for block in blocks(text, spans, links))


def _block_html(block: Block) -> Markup:
    runs = Markup("").join(
        escape(run.text)
        if run.href is None
        else Markup('<a class="entity" href="{}">{}</a>').format(run.href, run.text)
        for run in block.runs
    )
    if not block.keys:
        return runs
    keys = " ".join(block.keys)
    described = " ".join(f"fact-{key}" for key in block.keys)
    return Markup(
        '<mark class="fact" tabindex="0" data-facts="{}" data-start="{}" data-end="{}" '
        'aria-describedby="{}">{}</mark>'
    ).format(keys, block.start, block.end, described, runs)


def charts(facts: Sequence[Fact]) -> list[Chart]:
    """One chart per indicator observed in two or more periods."""
    by_indicator: defaultdict[str, list[FactView]] = defaultdict(list)
    for fact in facts:
        if fact.period_end is not None:
            by_indicator[fact.indicator].append(view_of(fact))
    found = []
    for indicator, views in by_indicator.items():
        periods = {view.fact.period_end for view in views}
        if len(periods) < 2:
            continue
        name = views[0].fact.indicator_name
        points = [
            Point(view.fact.period_end, view.fact.value, view.period, view.said)
            for view in views
            if view.fact.period_end is not None
        ]
        summary = "; ".join(f"{point.label}: {point.said}" for point in points)
        subject = views[0].fact.subject_name
        svg = line_chart(f"chart-{indicator}", f"{name}, {subject}", summary, points)
        found.append(Chart(name, Markup(svg), summary))  # noqa: S704 (escaped as built)
    return found


@dataclass(slots=True)
class TreeNode:
    row: TreeRow
    children: list[TreeNode]


def tree(rows: Sequence[TreeRow]) -> list[TreeNode]:
    """Rows nested by their paths, siblings in id order. A row whose parent is not among
    them (a tree cut short) is shown as a root rather than lost."""
    nodes = {row.path: TreeNode(row, []) for row in rows}
    roots: list[TreeNode] = []
    for path in sorted(nodes, key=lambda path: path.split("/")):
        parent = nodes.get(path.rpartition("/")[0])
        (parent.children if parent else roots).append(nodes[path])
    return roots
