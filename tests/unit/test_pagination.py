"""CursorCodec: opaque cursors that round-trip, and refuse anything this codec did not issue."""

from __future__ import annotations

import base64
import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.errors import InvalidParameterError
from service.pagination import ID_KEY, ROW_ID_KEY, SEQUENCE_KEY, CursorCodec, Key, KeyShape
from service.search.queries import SEARCH_KEY

SECRET = "unit-test-cursor-secret"
SCOPE = "/v1/regions?kind=country"
URL_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")
ALPHABET = string.ascii_letters + string.digits + "-_"
# Any key at all: for the tests of the signature, which comes before the shape.
ANY_KEY = KeyShape(tuple[str | int, ...])

key_values = st.one_of(st.text(max_size=40), st.integers(min_value=-(2**63), max_value=2**63 - 1))


@pytest.fixture
def codec() -> CursorCodec:
    return CursorCodec(SECRET)


@pytest.fixture
def token(codec: CursorCodec) -> str:
    return codec.encode(("xiangjiang-new-area",), SCOPE)


def assert_refused(codec: CursorCodec, token: str, scope: str = SCOPE) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        codec.decode(token, scope)
    assert caught.value.status == 400
    assert [(e.name, e.location) for e in caught.value.errors or []] == [("cursor", "query")]


@given(key=st.lists(key_values, min_size=1, max_size=4).map(tuple), scope=st.text(max_size=60))
def test_a_cursor_decodes_to_the_key_it_encodes(key: Key, scope: str) -> None:
    codec = CursorCodec(SECRET)
    assert codec.decode(codec.encode(key, scope), scope, ANY_KEY) == key


@pytest.mark.parametrize(
    ("key", "shape"),
    [
        (("hunan",), ID_KEY),
        (("a" * 64,), ID_KEY),
        ((42,), SEQUENCE_KEY),
        ((0,), SEQUENCE_KEY),
        ((2**63 - 1,), SEQUENCE_KEY),
        ((2**31 - 1,), ROW_ID_KEY),
        ((2, 1, "zoomlion"), SEARCH_KEY),
        (("北京\u2019s", 7), ANY_KEY),
    ],
)
def test_cursor_round_trip_of_typical_keys(codec: CursorCodec, key: Key, shape: KeyShape) -> None:
    assert codec.decode(codec.encode(key, SCOPE), SCOPE, shape) == key


@pytest.mark.parametrize(
    ("key", "shape"),
    [
        ((), ID_KEY),
        (("zzz", "extra"), ID_KEY),
        ((1,), ID_KEY),
        (("HUNAN",), ID_KEY),
        (("a" * 65,), ID_KEY),
        (("hu\x00nan",), ID_KEY),
        (("",), ID_KEY),
        ((), SEQUENCE_KEY),
        (("zzz",), SEQUENCE_KEY),
        ((2**63,), SEQUENCE_KEY),
        ((-1,), SEQUENCE_KEY),
        ((1, "x"), SEQUENCE_KEY),
        ((2**31,), ROW_ID_KEY),
        ((3, 0, "hunan"), SEARCH_KEY),
        ((0, -1, "hunan"), SEARCH_KEY),
        ((0, 0), SEARCH_KEY),
        (("0", 0, "hunan"), SEARCH_KEY),
        ((0, 0, 2**64), SEARCH_KEY),
    ],
)
def test_a_signed_cursor_of_the_wrong_shape_is_refused(
    codec: CursorCodec, key: Key, shape: KeyShape
) -> None:
    """A valid signature is not enough: a leaked key must not let values of any shape in."""
    token = codec.encode(key, SCOPE)
    with pytest.raises(InvalidParameterError) as caught:
        codec.decode(token, SCOPE, shape)
    assert [(e.name, e.location) for e in caught.value.errors or []] == [("cursor", "query")]


def test_a_cursor_is_url_safe_without_padding(codec: CursorCodec) -> None:
    for key in [("hunan",), ("a",), ("ab",), ("abc",), (12345,)]:
        assert URL_SAFE.match(codec.encode(key, SCOPE))


def test_a_cursor_is_opaque_and_deterministic(codec: CursorCodec) -> None:
    first = codec.encode(("hunan",), SCOPE)
    assert first == codec.encode(("hunan",), SCOPE)
    assert first != codec.encode(("hunan",), "/v1/regions?")
    assert first != codec.encode(("changsha",), SCOPE)


@pytest.mark.parametrize("position", [0, 3, 7, 12, -3])
def test_a_flipped_character_is_refused(codec: CursorCodec, token: str, position: int) -> None:
    original = token[position]
    replacement = "A" if original != "A" else "B"
    index = position % len(token)
    assert_refused(codec, token[:index] + replacement + token[index + 1 :])


def test_no_single_character_edit_decodes_to_another_key(codec: CursorCodec, token: str) -> None:
    """The last character carries padding bits; an edit may be refused or be a no-op, never more."""
    refused = 0
    for index, original in enumerate(token):
        for replacement in ALPHABET.replace(original, ""):
            edited = token[:index] + replacement + token[index + 1 :]
            try:
                assert codec.decode(edited, SCOPE) == ("xiangjiang-new-area",)
            except InvalidParameterError:
                refused += 1
    assert refused >= (len(token) - 1) * (len(ALPHABET) - 1)


@pytest.mark.parametrize("keep", [0, 1, 4, 8, 11, -1, -4])
def test_a_truncated_cursor_is_refused(codec: CursorCodec, token: str, keep: int) -> None:
    assert_refused(codec, token[:keep])


def test_a_cursor_with_extra_data_is_refused(codec: CursorCodec, token: str) -> None:
    assert_refused(codec, token + "AAAA")
    assert_refused(codec, "AAAA" + token)


@pytest.mark.parametrize(
    "garbage",
    ["garbage", "!!!!", "not base64!!", "é", "💥💥", "%%%%", "\x00\x01", "====", " ", "a b c d"],
)
def test_garbage_is_refused(codec: CursorCodec, garbage: str) -> None:
    assert_refused(codec, garbage)


@pytest.mark.parametrize(
    "junk",
    [
        b"hello world, this is not a cursor",
        b"12345678",
        b"12345678[]",
        b'12345678["hunan"]',
        b"\x00" * 8 + b'["hunan"]',
        b"12345678{}",
        bytes(range(40)),
    ],
)
def test_valid_base64_of_junk_is_refused(codec: CursorCodec, junk: bytes) -> None:
    assert_refused(codec, base64.urlsafe_b64encode(junk).rstrip(b"=").decode())


def test_a_cursor_with_a_forged_payload_is_refused(codec: CursorCodec, token: str) -> None:
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    forged = raw[:8] + b'["changsha"]'
    assert_refused(codec, base64.urlsafe_b64encode(forged).rstrip(b"=").decode())


@pytest.mark.parametrize(
    "other_scope",
    [
        "/v1/regions?",
        "/v1/regions?kind=province",
        "/v1/organizations?kind=country",
        "/v1/regions/hunan/children?",
        SCOPE + "&q=a",
        "",
    ],
)
def test_a_cursor_issued_under_one_scope_is_refused_under_another(
    codec: CursorCodec, token: str, other_scope: str
) -> None:
    assert_refused(codec, token, other_scope)


def test_different_secrets_refuse_each_others_cursors() -> None:
    one, two = CursorCodec("secret-number-one"), CursorCodec("secret-number-two")
    assert_refused(two, one.encode(("hunan",), SCOPE))
    assert_refused(one, two.encode(("hunan",), SCOPE))


def test_replicas_sharing_a_secret_accept_each_others_cursors() -> None:
    token = CursorCodec(SECRET).encode(("hunan",), SCOPE)
    assert CursorCodec(SECRET).decode(token, SCOPE) == ("hunan",)
