"""The key format and its hash: random, recognisable, compared without timing leaks."""

from __future__ import annotations

import hashlib

from service.auth.keys import generate_key, hash_key, matches, prefix_of


def test_keys_are_random_and_carry_their_public_prefix() -> None:
    keys = [generate_key() for _ in range(50)]
    assert len({key.token for key in keys}) == 50
    assert len({key.prefix for key in keys}) == 50
    for key in keys:
        mark, prefix, secret = key.token.split("_", 2)
        assert (mark, prefix) == ("ga", key.prefix)
        assert len(secret) == 43  # 256 bits, URL-safe base64
        assert prefix_of(key.token) == key.prefix


def test_only_the_sha256_of_the_whole_key_is_kept() -> None:
    key = generate_key()
    assert key.key_hash == hashlib.sha256(key.token.encode()).hexdigest()
    assert key.token not in key.key_hash
    assert hash_key(key.token) == key.key_hash


def test_matching_needs_the_exact_key() -> None:
    key = generate_key()
    assert matches(key.token, key.key_hash)
    assert not matches(key.token[:-1], key.key_hash)
    assert not matches(key.token + "x", key.key_hash)
    assert not matches(generate_key().token, key.key_hash)


def test_tokens_not_shaped_like_keys_have_no_prefix() -> None:
    key = generate_key()
    for token in (
        "",
        "ga_",
        key.token[:-1],
        key.token.upper(),
        f"xx{key.token[2:]}",
        key.token + " ",
    ):
        assert prefix_of(token) is None
