"""articlekit.secured: AES-CBC + PKCS#7 against independent vectors, keys, and AK510."""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import padding as crypto_padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import secured
from articlekit.rules import RuleOptions
from articlekit.rules.secured_key import RULE as SECURED_KEY_RULE
from articlekit.secured import decrypt, encrypt, key_from_env, load_key, read_key_file
from conftest import EXAMPLES, ROOT, corpus_files

DOCS = ROOT / "docs" / "secured.md"
EXAMPLE = EXAMPLES / "hello-article.md"

# -- NIST SP 800-38A, appendix F.2: CBC-AES{128,192,256}.Encrypt ---------------

NIST_IV = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
NIST_PLAINTEXT = bytes.fromhex(
    "6bc1bee22e409f96e93d7e117393172a"
    "ae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52ef"
    "f69f2445df4f9b17ad2b417be66c3710"
)
NIST_VECTORS = {
    "F.2.1-AES128": (
        "2b7e151628aed2a6abf7158809cf4f3c",
        "7649abac8119b246cee98e9b12e9197d"
        "5086cb9b507219ee95db113a917678b2"
        "73bed6b8e3c1743b7116e69e22229516"
        "3ff1caa1681fac09120eca307586e1a7",
    ),
    "F.2.3-AES192": (
        "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
        "4f021db243bc633d7178183a9fa071e8"
        "b4d9ada9ad7dedf4e5e738763f69145a"
        "571b242012fb7ae07fa9baac3df102e0"
        "08b0e27988598881d920a9e64f5615cd",
    ),
    "F.2.5-AES256": (
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "f58c4c04d6e5f1ba779eabfb5f7bfbd6"
        "9cfc4e967edb808d679f777bc6702c7d"
        "39f23369a9d9bacfa530e26304231461"
        "b2eb05e2c39be9fcda6c19078c6a9d1b",
    ),
}
NIST = [pytest.param(bytes.fromhex(k), bytes.fromhex(c), id=name) for name, (k, c) in NIST_VECTORS.items()]
KEY_SIZES = [16, 24, 32]
FIXED_IV = bytes(range(100, 116))


def _key(size: int, seed: int = 1) -> bytes:
    return bytes((seed * 37 + i * 11) % 256 for i in range(size))


def _decrypt_failure(value: articlekit.Secured | str, key: bytes) -> articlekit.SecuredError:
    with pytest.raises(articlekit.SecuredError) as info:
        decrypt(value, key)
    return info.value


# -- the raw CBC layer against NIST --------------------------------------------


@pytest.mark.parametrize(("key", "ciphertext"), NIST)
def test_raw_cbc_layer_gives_the_nist_ciphertext(key: bytes, ciphertext: bytes) -> None:
    assert secured._cbc_encrypt(key, NIST_IV, NIST_PLAINTEXT) == ciphertext
    assert secured._cbc_decrypt(key, NIST_IV, ciphertext) == NIST_PLAINTEXT


@pytest.mark.parametrize(("key", "ciphertext"), NIST)
def test_encrypt_is_the_nist_ciphertext_plus_one_padding_block(key: bytes, ciphertext: bytes) -> None:
    value = encrypt(NIST_PLAINTEXT, key, iv=NIST_IV)
    assert value.iv == NIST_IV
    assert value.ciphertext[:64] == ciphertext
    # a 64-byte plaintext gets a whole block of 0x10, chained from the last NIST block
    assert len(value.ciphertext) == 80
    assert value.ciphertext[64:] == secured._cbc_encrypt(key, ciphertext[-16:], b"\x10" * 16)
    assert decrypt(value, key) == NIST_PLAINTEXT


@pytest.mark.parametrize(("key", "ciphertext"), NIST)
def test_unpadded_nist_ciphertext_is_rejected_by_decrypt(key: bytes, ciphertext: bytes) -> None:
    # the NIST plaintexts do not end in valid PKCS#7 padding (their last byte is 0x10,
    # but the 15 before it are not), so decrypt must refuse them
    assert NIST_PLAINTEXT[-1] == 0x10
    _decrypt_failure(articlekit.Secured(ciphertext, NIST_IV), key)


# -- the PKCS#7 layer, against RFC 5652 §6.3 worked by hand ---------------------


@pytest.mark.parametrize(
    ("data", "padded"),
    [
        (b"", b"\x10" * 16),
        (b"a", b"a" + b"\x0f" * 15),
        (b"a" * 13, b"a" * 13 + b"\x03\x03\x03"),
        (b"a" * 15, b"a" * 15 + b"\x01"),
        (b"a" * 16, b"a" * 16 + b"\x10" * 16),
        (b"a" * 17, b"a" * 17 + b"\x0f" * 15),
    ],
)
def test_pkcs7_pad_and_unpad(data: bytes, padded: bytes) -> None:
    assert secured._pad(data) == padded
    assert secured._unpad(padded) == data


@pytest.mark.parametrize(
    "bad",
    [
        b"",  # empty
        b"a" * 15 + b"\x01" + b"\x01",  # not a multiple of 16
        b"a" * 15 + b"\x00",  # a pad length of 0
        b"a" * 15 + b"\x11",  # a pad length over 16
        b"a" * 15 + b"\xff",
        b"a" * 13 + b"\x02\x03\x03",  # inconsistent padding bytes
        b"a" * 14 + b"\x03\x03",  # says 3, has 2
        b"\x0f" * 15 + b"\x10",  # says 16, first byte is not 0x10
    ],
)
def test_pkcs7_unpad_rejects_bad_padding(bad: bytes) -> None:
    assert secured._unpad(bad) is None


@settings(max_examples=150, deadline=None)
@given(st.binary(min_size=0, max_size=31), st.binary(min_size=16, max_size=16))
def test_pkcs7_layer_agrees_with_cryptography(prefix: bytes, last_block: bytes) -> None:
    padder = crypto_padding.PKCS7(128).padder()
    assert secured._pad(prefix) == padder.update(prefix) + padder.finalize()
    data = prefix[: len(prefix) // 16 * 16] + last_block
    unpadder = crypto_padding.PKCS7(128).unpadder()
    try:
        expected: bytes | None = unpadder.update(data) + unpadder.finalize()
    except ValueError:
        expected = None
    assert secured._unpad(data) == expected


@pytest.mark.parametrize("n", range(1, 17))
def test_pkcs7_every_valid_pad_length_is_accepted(n: int) -> None:
    block = bytes(16 - n) + bytes([n]) * n
    assert secured._unpad(block) == bytes(16 - n)


# -- interoperability with the cryptography primitives used directly ------------


def _crypto_encrypt(plaintext: bytes, key: bytes, iv: bytes) -> bytes:
    padder = crypto_padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(padded) + enc.finalize()


def _crypto_decrypt(ciphertext: bytes, key: bytes, iv: bytes) -> bytes:
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = dec.update(ciphertext) + dec.finalize()
    unpadder = crypto_padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


@pytest.mark.parametrize("size", KEY_SIZES)
@pytest.mark.parametrize(
    "plaintext", [b"", b"x", b"sixteen bytes!!!", "h\u00e9llo, w\u00f6rld \u2603".encode() * 5]
)
def test_values_made_with_cryptography_decrypt_with_articlekit(size: int, plaintext: bytes) -> None:
    key, iv = _key(size), os.urandom(16)
    field = (
        base64.b64encode(_crypto_encrypt(plaintext, key, iv)).decode() + ";" + base64.b64encode(iv).decode()
    )
    assert decrypt(field, key) == plaintext
    assert decrypt(articlekit.Secured.parse(field), key) == plaintext


@pytest.mark.parametrize("size", KEY_SIZES)
@pytest.mark.parametrize("plaintext", [b"", b"x" * 15, b"y" * 16, b"z" * 100])
def test_articlekit_values_decrypt_with_cryptography(size: int, plaintext: bytes) -> None:
    key = _key(size, seed=size)
    value = encrypt(plaintext, key)
    ct_b64, iv_b64 = str(value).split(";")
    assert _crypto_decrypt(base64.b64decode(ct_b64), key, base64.b64decode(iv_b64)) == plaintext
    # a given IV is used as is, and the result matches cryptography byte for byte
    assert encrypt(plaintext, key, iv=FIXED_IV).ciphertext == _crypto_encrypt(plaintext, key, FIXED_IV)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_decrypts_an_articlekit_value() -> None:
    key, plaintext = _key(32), b"opened by openssl enc"
    value = encrypt(plaintext, key)
    result = subprocess.run(
        ["openssl", "enc", "-d", "-aes-256-cbc", "-K", key.hex(), "-iv", value.iv.hex()],
        input=value.ciphertext,
        capture_output=True,
        check=True,
    )
    assert result.stdout == plaintext


# -- round trips and the field form ---------------------------------------------


@pytest.mark.parametrize("size", KEY_SIZES)
@settings(max_examples=40, deadline=None)
@given(plaintext=st.binary(max_size=200), key_seed=st.integers(0, 255))
def test_round_trip_for_every_key_size(size: int, plaintext: bytes, key_seed: int) -> None:
    key = _key(size, key_seed)
    value = encrypt(plaintext, key)
    assert len(value.ciphertext) == (len(plaintext) // 16 + 1) * 16
    text = str(value)
    assert articlekit.Secured.parse(text) == value
    assert decrypt(text, key) == plaintext
    assert decrypt(value, key) == plaintext


def test_str_is_the_field_form_and_passes_the_structure_checks() -> None:
    value = encrypt(b"payload", _key(16), iv=FIXED_IV)
    ct_b64, iv_b64 = str(value).split(";")
    assert base64.b64decode(iv_b64) == FIXED_IV
    assert base64.b64decode(ct_b64) == value.ciphertext
    text = EXAMPLE.read_text(encoding="utf-8")
    text = re.sub(r'secured: ".*"', f'secured: "{value}"', text)
    assert articlekit.check(text) == []


def test_each_encryption_draws_a_fresh_iv() -> None:
    key = _key(32)
    first, second = encrypt(b"same", key), encrypt(b"same", key)
    assert first.iv != second.iv
    assert first.ciphertext != second.ciphertext


@settings(max_examples=60, deadline=None)
@given(
    ciphertext=st.binary(min_size=1, max_size=6).map(lambda b: b * 16),
    iv=st.binary(min_size=16, max_size=16),
    size=st.sampled_from(KEY_SIZES),
)
def test_decrypt_of_anything_returns_bytes_or_raises_secured_error(
    ciphertext: bytes, iv: bytes, size: int
) -> None:
    value = articlekit.Secured(ciphertext[: len(ciphertext) // 16 * 16], iv)
    try:
        result = decrypt(value, _key(size))
    except articlekit.SecuredError as exc:
        assert exc.message == _GENERIC
    else:
        assert isinstance(result, bytes)


# -- failures -------------------------------------------------------------------

_GENERIC = secured._DECRYPT_FAILED


@pytest.mark.parametrize("size", KEY_SIZES)
def test_wrong_key_raises_secured_error(size: int) -> None:
    value = encrypt(b"for the right key only", _key(size, 1), iv=FIXED_IV)
    error = _decrypt_failure(value, _key(size, 2))
    assert isinstance(error, articlekit.ArticleKitError)
    assert "does not decrypt with the given key" in str(error)


def test_wrong_key_and_bad_padding_are_indistinguishable() -> None:
    key = _key(32)
    value = encrypt(b"sixteen bytes!!!", key, iv=FIXED_IV)  # one block of data, one of padding
    wrong_key = _decrypt_failure(value, _key(32, 9))
    # flip a bit of the padding in the last block: the right key, the wrong padding
    tampered_ct = bytearray(value.ciphertext)
    tampered_ct[16 + 3] ^= 0x01  # changes plaintext byte 35 - 16 = padding byte 3 of block 2
    body = secured._cbc_decrypt(key, value.iv, bytes(tampered_ct))
    assert secured._unpad(body) is None, "the tampered value must have bad padding"
    bad_padding = _decrypt_failure(articlekit.Secured(bytes(tampered_ct), value.iv), key)
    assert str(wrong_key) == str(bad_padding) == _GENERIC
    for error in (wrong_key, bad_padding):
        assert error.issues == []
        assert error.__cause__ is None
        assert error.__context__ is None or error.__suppress_context__
        assert "padding" not in str(error).lower()


@pytest.mark.parametrize("length", [0, 1, 8, 15, 17, 20, 31, 33, 48, 64])
def test_bad_key_length_is_a_clear_error(length: int) -> None:
    bad = bytes(length)
    with pytest.raises(articlekit.SecuredError, match=rf"16, 24 or 32 bytes, not {length} bytes"):
        encrypt(b"x", bad)
    with pytest.raises(articlekit.SecuredError, match=rf"16, 24 or 32 bytes, not {length} bytes"):
        decrypt(encrypt(b"x", _key(16)), bad)
    with pytest.raises(articlekit.SecuredError, match=rf"16, 24 or 32 bytes, not {length} bytes"):
        articlekit.check(EXAMPLE.read_text(encoding="utf-8"), secured_key=bad)


def test_text_where_bytes_are_needed_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="load_key"):
        encrypt(b"x", "00" * 16)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="encode"):
        encrypt("text", _key(16))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Secured or str"):
        decrypt(b"AAAA;AAAA", _key(16))  # type: ignore[arg-type]


@pytest.mark.parametrize("iv_len", [0, 8, 15, 17, 32])
def test_bad_iv_length_is_a_clear_error(iv_len: int) -> None:
    with pytest.raises(articlekit.SecuredError, match=rf"IV must be 16 bytes, not {iv_len} bytes"):
        encrypt(b"x", _key(16), iv=bytes(iv_len))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("AAAAAAAAAAAAAAAAAAAAAA==", "two base64 parts"),
        ("AAAA;AAAAAAAAAAAAAAAAAAAAAA==", "multiple of 16 bytes"),
        ("AAAAAAAAAAAAAAAAAAAAAA==;AAAA", "16 bytes"),
        ("not base64!;AAAAAAAAAAAAAAAAAAAAAA==", "canonical base64"),
    ],
)
def test_malformed_text_is_a_secured_error_about_structure(text: str, words: str) -> None:
    error = _decrypt_failure(text, _key(16))
    assert words in error.message
    assert error.message != _GENERIC


# -- the extra is missing -------------------------------------------------------


@pytest.fixture
def no_cryptography(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every ``import cryptography...`` fail, as in an install without the extra."""
    for name in [m for m in sys.modules if m == "cryptography" or m.startswith("cryptography.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "cryptography", None)
    with pytest.raises(ImportError):
        import cryptography.hazmat.primitives.ciphers  # noqa: F401


@pytest.mark.usefixtures("no_cryptography")
def test_without_the_extra_encrypt_and_decrypt_name_it() -> None:
    value = articlekit.Secured(bytes(16), bytes(16))
    for call in (lambda: encrypt(b"x", _key(16)), lambda: decrypt(value, _key(16)), secured.require_backend):
        with pytest.raises(
            articlekit.SecuredError, match=re.escape("pip install 'articlekit[crypto]'")
        ) as info:
            call()
        assert isinstance(info.value, articlekit.ArticleKitError)
        assert info.value.__cause__ is None


@pytest.mark.usefixtures("no_cryptography")
def test_without_the_extra_check_with_a_key_fails_up_front_and_without_a_key_works() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    with pytest.raises(articlekit.SecuredError, match=re.escape("articlekit[crypto]")):
        articlekit.check(text, secured_key=EXAMPLE_KEY)
    with pytest.raises(articlekit.SecuredError, match=re.escape("articlekit[crypto]")):
        articlekit.loads(text, secured_key=EXAMPLE_KEY)
    assert articlekit.check(text) == []
    # keys can still be read without the extra
    assert load_key(EXAMPLE_KEY.hex()) == EXAMPLE_KEY


# -- keys: raw, hex, base64; files and the environment ---------------------------


@pytest.mark.parametrize("size", KEY_SIZES)
def test_load_key_reads_every_form(size: int) -> None:
    key = os.urandom(size)
    assert load_key(key.hex()) == key
    assert load_key(key.hex().upper() + "\n") == key
    assert load_key(base64.b64encode(key)) == key
    assert load_key(base64.urlsafe_b64encode(key).decode() + "\r\n") == key
    assert load_key(key, form="raw") == key
    assert load_key(key.hex(), form="hex") == key
    assert load_key(base64.b64encode(key), form="base64") == key


def test_load_key_keeps_a_raw_key_whole() -> None:
    # whitespace at either end of a raw key is part of the key
    key = b"\n" + bytes(range(200, 214)) + b" "
    assert load_key(key) == key
    assert load_key(key, form="raw") == key


def test_load_key_prefers_text_forms_unless_told() -> None:
    ascii_hex = b"0123456789abcdef0123456789abcdef"  # 32 bytes that are also 32 hex digits
    assert load_key(ascii_hex) == bytes.fromhex(ascii_hex.decode())
    assert load_key(ascii_hex, form="raw") == ascii_hex
    assert load_key(b"articlekit example key: not safe") == EXAMPLE_KEY


@pytest.mark.parametrize(
    ("data", "form"),
    [
        (b"", "auto"),
        (b"short", "auto"),
        ("00" * 15, "auto"),  # 15 bytes in hex
        ("00" * 16 + "0", "hex"),
        (base64.b64encode(bytes(20)), "base64"),
        (bytes(20), "raw"),
        ("zz" * 16, "hex"),
    ],
)
def test_load_key_rejects_what_is_not_a_key_without_showing_it(data: str | bytes, form: str) -> None:
    with pytest.raises(articlekit.SecuredError) as info:
        load_key(data, form=form)  # type: ignore[arg-type]
    text = data.decode() if isinstance(data, bytes) else data
    if len(text) > 2:
        assert text not in str(info.value)
    assert re.search(r"\d+ (bytes|characters)", str(info.value))


def test_load_key_rejects_an_unknown_form() -> None:
    with pytest.raises(ValueError, match="form must be"):
        load_key(EXAMPLE_KEY, form="pem")  # type: ignore[arg-type]


def test_read_key_file(tmp_path: Path) -> None:
    key = os.urandom(32)
    raw = tmp_path / "raw.key"
    raw.write_bytes(key)
    hexed = tmp_path / "hex.key"
    hexed.write_text(key.hex() + "\n")
    b64 = tmp_path / "b64.key"
    b64.write_text(base64.b64encode(key).decode() + "\n")
    for path in (raw, hexed, b64):
        assert read_key_file(path) == key
        assert read_key_file(str(path)) == key


def test_read_key_file_errors_name_the_file_not_the_key(tmp_path: Path) -> None:
    with pytest.raises(articlekit.SecuredError, match=r"cannot read the key file .*missing\.key"):
        read_key_file(tmp_path / "missing.key")
    big = tmp_path / "big.key"
    big.write_bytes(b"a" * 5000)
    with pytest.raises(articlekit.SecuredError, match="larger than 4096 bytes"):
        read_key_file(big)
    bad = tmp_path / "bad.key"
    bad.write_text("secret-but-not-a-key\n")
    with pytest.raises(articlekit.SecuredError, match=r"bad\.key") as info:
        read_key_file(bad)
    assert "secret-but-not-a-key" not in str(info.value)


def test_key_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    key = os.urandom(24)
    monkeypatch.setenv("ARTICLEKIT_TEST_KEY", key.hex())
    assert key_from_env("ARTICLEKIT_TEST_KEY") == key
    monkeypatch.setenv(secured.DEFAULT_KEY_ENV, base64.b64encode(key).decode())
    assert key_from_env() == key
    monkeypatch.delenv("ARTICLEKIT_TEST_KEY")
    with pytest.raises(articlekit.SecuredError, match="ARTICLEKIT_TEST_KEY is not set"):
        key_from_env("ARTICLEKIT_TEST_KEY")
    monkeypatch.setenv("ARTICLEKIT_TEST_KEY", "not a key")
    with pytest.raises(articlekit.SecuredError, match="ARTICLEKIT_TEST_KEY") as info:
        key_from_env("ARTICLEKIT_TEST_KEY")
    assert "not a key" not in str(info.value)


# -- checking files with a key (AK510) -------------------------------------------


def _docs_value(label: str) -> str:
    match = re.search(rf"{re.escape(label)}: `([^`]+)`", DOCS.read_text(encoding="utf-8"))
    assert match, f"docs/secured.md has no '{label}' line"
    return match.group(1)


EXAMPLE_KEY = bytes.fromhex("61727469636c656b6974206578616d706c65206b65793a206e6f742073616665")


def _secured_line(text: str) -> int:
    lines = text.splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith("secured:"))


def test_docs_example_key_opens_the_example_article() -> None:
    key = load_key(_docs_value("Example key (hex)"))
    assert key == EXAMPLE_KEY
    assert load_key(_docs_value("Example key (base64)")) == key
    assert _docs_value("Example key (raw, 32 ASCII bytes)").encode() == key
    doc = articlekit.load(EXAMPLE, secured_key=key)
    assert doc.meta.secured.iv.hex() == _docs_value("IV (hex)")
    assert decrypt(doc.meta.secured, key) == _docs_value("Plaintext").encode()
    assert str(doc.meta.secured) in DOCS.read_text(encoding="utf-8")


def test_check_with_the_right_key_reports_nothing() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert articlekit.check(text, secured_key=EXAMPLE_KEY) == []
    assert articlekit.check(text.encode(), options=RuleOptions(secured_key=EXAMPLE_KEY)) == []


@pytest.mark.parametrize("size", KEY_SIZES)
def test_check_with_a_wrong_key_points_at_the_secured_line(size: int) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    right = _key(size, 3)
    value = encrypt(b"made for this test", right, iv=FIXED_IV)
    # move `secured` up, so that the line is not the example's fixed one
    body = re.sub(r'\nsecured: ".*"\n', "\n", text)
    text = body.replace("type: article\n", f'secured: "{value}"\ntype: article\n', 1)
    assert articlekit.check(text, secured_key=right) == []
    issues = articlekit.check(text, secured_key=_key(size, 4))
    assert [(i.code, i.severity, i.path, i.line, i.column) for i in issues] == [
        ("AK510", "error", ("secured",), _secured_line(text), 1)
    ]
    assert _secured_line(text) == 7
    assert right.hex() not in issues[0].message
    assert str(value)[:16] not in issues[0].message


def test_check_with_a_wrong_key_on_the_example_and_crlf() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    wrong = _key(32, 5)
    issues = articlekit.check(text, secured_key=wrong)
    assert [(i.code, i.line) for i in issues] == [("AK510", _secured_line(text))]
    assert articlekit.check(text, secured_key=wrong, ignore={"AK510"}) == []


def test_load_and_loads_raise_validation_error_for_a_wrong_key(tmp_path: Path) -> None:
    wrong = _key(16, 6)
    with pytest.raises(articlekit.ValidationError) as info:
        articlekit.load(EXAMPLE, secured_key=wrong)
    assert [i.code for i in info.value.issues] == ["AK510"]
    assert "secured:" in str(info.value)  # the caret display shows the line
    with pytest.raises(articlekit.ValidationError):
        articlekit.loads(EXAMPLE.read_bytes(), secured_key=wrong)
    doc = articlekit.loads(EXAMPLE.read_bytes(), secured_key=EXAMPLE_KEY)
    assert doc.meta.title


@pytest.mark.parametrize(
    "line",
    [
        'secured: "AAAA;AAAA"',  # AK50x: structure, not decrypted
        "secured: 12",  # wrong type: the schema reports it
        "secured: [a, b]",
        "secured: null",
    ],
)
def test_check_with_a_key_skips_values_it_cannot_decrypt(line: str) -> None:
    text = re.sub(r'secured: ".*"', line, EXAMPLE.read_text(encoding="utf-8"))
    issues = articlekit.check(text, secured_key=EXAMPLE_KEY)
    assert issues, "the value must be reported by the structure or schema checks"
    assert "AK510" not in [i.code for i in issues]
    assert [i.code for i in issues] == [i.code for i in articlekit.check(text)]


def test_rule_options_never_show_the_key() -> None:
    options = RuleOptions(secured_key=EXAMPLE_KEY)
    for shown in (repr(options), str(options)):
        assert EXAMPLE_KEY.hex() not in shown
        assert repr(EXAMPLE_KEY) not in shown
        assert "secured_key" not in shown


def test_the_rule_docstring_examples_pass_and_fail() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", SECURED_KEY_RULE.doc, re.S)
    assert len(blocks) == 2
    text = EXAMPLE.read_text(encoding="utf-8")
    passing, failing = (re.sub(r'secured: ".*"\n', block, text) for block in blocks)
    assert articlekit.check(passing, secured_key=EXAMPLE_KEY) == []
    assert [i.code for i in articlekit.check(failing, secured_key=EXAMPLE_KEY)] == ["AK510"]
    assert articlekit.CODES["AK510"].name == "secured-key"


def test_corpus_with_a_wrong_key_is_flagged_at_the_secured_line() -> None:
    files = corpus_files("_news")
    if not files:
        pytest.skip("../shared/corpus is not present")
    wrong = _key(32, 7)
    flagged = 0
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        found = [i for i in articlekit.check(text, secured_key=wrong) if i.code == "AK510"]
        if found:
            flagged += 1
            assert [i.line for i in found] == [_secured_line(text)], path.name
    # CBC without a MAC: about 1 value in 256 has valid padding under a wrong key
    assert flagged >= 0.95 * len(files)
