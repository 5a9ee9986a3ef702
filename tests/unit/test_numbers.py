"""Finding numbers in prose: the tokens the coverage test must account for, and stated values."""

from __future__ import annotations

import pytest

from service.numbers import number_tokens, stated_values


def tokens(text: str) -> list[str]:
    return [token.text for token in number_tokens(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2023 it grew.", ["2023"]),
        ("offices: 34, countries: 70", ["34", "70"]),
        ("($22.22 billion)", ["22.22", "billion"]),
        ("0.5 percent", ["0.5"]),
        ("1,200 firms", ["1,200"]),
        ("2,500,000 people", ["2,500,000"]),
        ("2024-04-01 11:08:01", ["2024", "04", "01", "11", "08", "01"]),
        ("the year 2023.", ["2023"]),
        ("On March 18, Xi", ["18"]),
    ],
)
def test_numerals_are_tokens_with_their_separators(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("five percent", ["five"]),
        ("four major science labs and ten landmark projects", ["four", "ten"]),
        ("thirteen and nineteen", ["thirteen", "nineteen"]),
        ("ranking second and third respectively", ["second", "third"]),
        ("for the first time", ["first"]),
        ("the twentieth floor", ["twentieth"]),
        ("13 billion RMB", ["13", "billion"]),
        ("a thousand, a million, a trillion", ["thousand", "million", "trillion"]),
        ("a hundred", ["hundred"]),
    ],
)
def test_number_words_ordinals_and_scales_are_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize("text", ["Five", "FIVE", "fIvE", "Third", "BILLION"])
def test_words_are_found_in_any_case_and_keep_their_spelling(text: str) -> None:
    assert tokens(text) == [text]


@pytest.mark.parametrize(
    "text",
    ["someone", "often", "attention", "bones", "Thousands", "millions", "firstly", "tenths"],
)
def test_number_words_inside_other_words_are_not_tokens(text: str) -> None:
    assert tokens(text) == []


def test_token_spans_index_the_text() -> None:
    text = "Its output surged from 160 billion yuan ($22.22 billion) in 2015, ranking third."
    found = number_tokens(text)
    assert [t.text for t in found] == ["160", "billion", "22.22", "billion", "2015", "third"]
    for token in found:
        assert text[token.start : token.end] == token.text


def test_spans_count_code_points_not_bytes() -> None:
    text = "Changsha\u2019s\u2002area hosts 64 platforms"
    (token,) = number_tokens(text)
    assert (token.start, token.end) == (text.index("64"), text.index("64") + 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("34 permanent overseas offices", {34}),
        ("0.5 percent", {0.5}),
        ("$22.22", {22.22}),
        ("1,200 firms", {1200}),
        ("2,500,000 people", {2_500_000}),
        ("more than 140 countries and regions", {140}),
    ],
)
def test_numerals_state_their_value(text: str, expected: set[float]) -> None:
    assert stated_values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("surpassed five percent", {5}),
        ("eight percent", {8}),
        ("four major science labs", {4}),
        ("ten landmark projects", {10}),
        ("seventeen", {17}),
        ("ninety", {90}),
        ("a hundred", {100}),
        ("ranking third", {3}),
        ("ranking second", {2}),
        ("the twentieth", {20}),
        ("one of China's top 500 enterprises", {1, 500}),
    ],
)
def test_number_words_and_ordinals_state_their_value(text: str, expected: set[float]) -> None:
    assert stated_values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13 billion RMB", {13e9}),
        ("160 billion yuan", {160e9}),
        ("$22.22 billion", {22.22e9}),
        ("1.5 million people", {1.5e6}),
        ("3 trillion", {3e12}),
        ("five thousand", {5e3}),
        ("13 BILLION", {13e9}),
        ("Five Billion", {5e9}),
        ("five\u2002billion", {5e9}),
    ],
)
def test_scale_words_multiply_the_number_before_them(text: str, expected: set[float]) -> None:
    assert stated_values(text) == expected


def test_every_quantity_in_a_sentence_is_stated() -> None:
    text = "from 160 billion yuan ($22.22 billion) in 2015 to 450 billion yuan in 2023"
    assert stated_values(text) == {160e9, 22.22e9, 2015, 450e9, 2023}


@pytest.mark.parametrize("text", ["billion", "a million thanks", "no numbers here", ""])
def test_a_scale_word_alone_states_no_value(text: str) -> None:
    assert stated_values(text) == set()


def test_a_value_not_written_is_not_stated() -> None:
    assert 45e9 not in stated_values("450 billion yuan")
    assert 13 not in stated_values("13 billion RMB")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-one countries", 21),
        ("ninety nine", 99),
        ("five hundred", 500),
        ("one hundred and forty", 140),
        ("Twenty-One", 21),
        ("twenty-one billion", 21e9),
    ],
)
def test_compound_number_words_state_their_value(text: str, value: float) -> None:
    assert value in stated_values(text)


def test_compound_number_words_are_still_one_token_per_word() -> None:
    assert tokens("twenty-one") == ["twenty", "one"]
    assert tokens("one hundred and forty") == ["one", "hundred", "forty"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between five and ten percent", {5, 10}),
        ("two three-year plans", {2, 3}),
        ("one or two", {1, 2}),
        ("nineteen ninety", {19, 90}),
    ],
)
def test_separate_number_words_are_not_summed(text: str, expected: set[float]) -> None:
    assert stated_values(text) == expected
