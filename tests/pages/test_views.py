"""What the pages show, worked out from query results."""

from __future__ import annotations

import datetime as dt
import html
import re

from schemas.citations import Citation
from service.extraction.gazetteer import KnownEntity
from service.pages.queries import Fact, TreeRow
from service.pages.views import article, charts, tree, view_of

TEXT = "Its total economic output surged from 160 billion yuan in 2015 to 450 billion yuan in 2023."


def _fact(fact_id: str, value: float, year: int | None, indicator: str = "gdp") -> Fact:
    period = (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else (None, None)
    return Fact(
        id=fact_id,
        indicator=indicator,
        indicator_name="Gross domestic product",
        unit="CNY",
        subject_kind="region",
        subject="xiangjiang-new-area",
        subject_name="Xiangjiang New Area",
        period_start=period[0],
        period_end=period[1],
        period_label=str(year) if year else None,
        value=value,
        comparator="eq",
        as_reported=f"{value / 1e9:g} billion yuan",
        citation=Citation(source="s", quote=TEXT, start=0, end=len(TEXT)),
    )


GDP = [_fact("gdp-2015", 160e9, 2015), _fact("gdp-2023", 450e9, 2023)]


def test_article_text_survives_and_one_mark_names_both_facts() -> None:
    named = [KnownEntity("region", "xiangjiang-new-area", ("Xiangjiang New Area",))]
    markup = str(article(TEXT + " <b>&", GDP, named))
    assert html.unescape(re.sub(r"<[^>]+>", "", markup)) == TEXT + " <b>&"
    assert markup.count("<mark") == 1
    assert 'data-facts="gdp-2015 gdp-2023"' in markup
    assert 'aria-describedby="fact-gdp-2015 fact-gdp-2023"' in markup
    assert "&lt;b&gt;&amp;" in markup  # the article's own text is escaped


def test_fact_view_reads_the_value_and_links_subject_and_json() -> None:
    view = view_of(GDP[1])
    assert (view.said, view.exact, view.period) == (
        "450 billion yuan",
        "450,000,000,000 CNY",
        "2023",
    )
    assert view.href == "/regions/xiangjiang-new-area"
    assert view.json_href == "/v1/observations/gdp-2023"


def test_a_chart_needs_two_periods() -> None:
    (chart,) = charts([*GDP, _fact("jobs", 5, 2023, "jobs"), _fact("undated", 1, None)])
    assert chart.indicator == "Gross domestic product"
    assert chart.summary == "2015: 160 billion yuan; 2023: 450 billion yuan"
    assert str(chart.svg).startswith("<svg")


def test_tree_nests_rows_by_path_whatever_their_order() -> None:
    rows = [
        TreeRow("china-south", "China South", "world_region", "china-south"),
        TreeRow("hunan", "Hunan", "province", "china/hunan"),
        TreeRow("africa", "Africa", "world_region", "africa"),
        TreeRow("hengyang", "Hengyang", "prefecture_city", "china/hunan/hengyang"),
        TreeRow("china", "China", "country", "china"),
        TreeRow("changsha", "Changsha", "prefecture_city", "china/hunan/changsha"),
        TreeRow("orphan", "Orphan", "district", "nowhere/orphan"),
    ]
    roots = tree(rows)
    assert [node.row.id for node in roots] == ["africa", "china", "china-south", "orphan"]
    (hunan,) = roots[1].children
    assert [node.row.id for node in hunan.children] == ["changsha", "hengyang"]
