"""Make and open ``secured`` values: AES-CBC with PKCS#7 padding under a caller's key.

A ``secured`` value is the base64 of an AES-CBC ciphertext and the base64 of its 16-byte IV, joined by ``;``
(see [`articlekit.Secured`][articlekit.Secured]).  This module encrypts and decrypts such values.  It needs
the optional ``cryptography`` package: ``pip install 'articlekit[crypto]'``.  Without it,
[`encrypt`][articlekit.secured.encrypt] and [`decrypt`][articlekit.secured.decrypt] raise
[`articlekit.SecuredError`][articlekit.SecuredError] naming that extra:

>>> from articlekit.secured import decrypt, encrypt, load_key
>>> key = load_key("000102030405060708090a0b0c0d0e0f")   # hex form: a 16-byte key
>>> value = encrypt(b"hello", key)                        # a fresh random IV
>>> decrypt(str(value), key)
b'hello'

Keys are 16, 24 or 32 bytes (AES-128, AES-192, AES-256).  [`load_key`][articlekit.secured.load_key],
[`read_key_file`][articlekit.secured.read_key_file] and [`key_from_env`][articlekit.secured.key_from_env]
accept a key as raw bytes or in its hex or base64 form.  Nothing here logs, prints or puts a key or a
plaintext into an exception message.

A wrong key and a damaged value fail the same way, with one generic message:
the error never says whether the padding was bad (no padding oracle).  Note
that CBC without a MAC cannot *prove* a key right: a wrong key still yields
well-formed padding for about 1 value in 256, and then "decrypts" to garbage.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from typing import TYPE_CHECKING, Literal

from .errors import SecuredError
from .models.secured import Secured, SecuredFormatError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers import Cipher, modes

__all__ = [
    "BLOCK_SIZE",
    "DEFAULT_KEY_ENV",
    "INSTALL_HINT",
    "KEY_SIZES",
    "KeyForm",
    "decrypt",
    "encrypt",
    "key_from_env",
    "load_key",
    "read_key_file",
    "require_backend",
    "validate_key",
]

BLOCK_SIZE = 16
"""The AES block size in bytes; also the IV length."""

KEY_SIZES = (16, 24, 32)
"""The key lengths AES accepts, in bytes (AES-128, AES-192, AES-256)."""

DEFAULT_KEY_ENV = "ARTICLEKIT_SECURED_KEY"
"""The environment variable [`key_from_env`][articlekit.secured.key_from_env] reads when no name is given."""

INSTALL_HINT = "pip install 'articlekit[crypto]'"
"""The command that installs what `encrypt` and `decrypt` need."""

KeyForm = Literal["auto", "raw", "hex", "base64"]
"""How `load_key` reads a key: ``"auto"`` tries hex, then base64, then raw bytes."""

_DECRYPT_FAILED = (
    "the 'secured' value does not decrypt with the given key "
    "(a wrong key, or a value that was changed or made another way)"
)
_MAX_KEY_FILE = 4096
_HEX_RE = re.compile(rb"[0-9A-Fa-f]+")
_B64_RE = re.compile(rb"[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2}")
_SIZES_TEXT = "16, 24 or 32 bytes"


# -- the AES-CBC and PKCS#7 layers ----------------------------------------------


def require_backend() -> None:
    """Raise `SecuredError`, naming the extra to install, when ``cryptography`` is missing.

    Call it up front to fail early, before any file is read.
    """
    _cipher(bytes(16), bytes(16))


def _cipher(key: bytes, iv: bytes) -> Cipher[modes.CBC]:
    """An AES-CBC cipher from ``cryptography``, imported on demand."""
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError:
        raise SecuredError(
            "encrypting or decrypting 'secured' needs the cryptography package, "
            f"which is not installed: {INSTALL_HINT}"
        ) from None
    return Cipher(algorithms.AES(key), modes.CBC(iv))


def _cbc_encrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """Raw AES-CBC over whole blocks, no padding (the layer NIST SP 800-38A tests)."""
    encryptor = _cipher(key, iv).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def _cbc_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """Raw AES-CBC decryption over whole blocks, no padding."""
    decryptor = _cipher(key, iv).decryptor()
    return decryptor.update(data) + decryptor.finalize()


def _pad(data: bytes) -> bytes:
    """PKCS#7 padding (RFC 5652 §6.3) to a multiple of 16 bytes; always adds 1 to 16 bytes."""
    n = BLOCK_SIZE - len(data) % BLOCK_SIZE
    return data + bytes([n]) * n


def _unpad(data: bytes) -> bytes | None:
    """Remove PKCS#7 padding; ``None`` when it is not valid.

    Every byte of the last block is examined whatever the outcome, so that the
    work done does not depend on where the padding goes wrong (as far as pure
    Python allows: this is not a constant-time guarantee).
    """
    if not data or len(data) % BLOCK_SIZE:
        return None
    n = data[-1]
    last = data[-BLOCK_SIZE:]
    bad = int(n == 0) | int(n > BLOCK_SIZE)
    for i in range(BLOCK_SIZE):
        # bytes within the last n positions must all equal n
        in_pad = int(BLOCK_SIZE - i <= n)
        bad |= in_pad & int(last[i] != n)
    if bad:
        return None
    return data[: len(data) - n]


# -- keys --------------------------------------------------------------------


def validate_key(key: bytes) -> bytes:
    """Return ``key`` as ``bytes`` if it is a usable AES key; raise otherwise.

    Raises:
        TypeError: ``key`` is not bytes (text keys go through `load_key` first).
        SecuredError: ``key`` is not 16, 24 or 32 bytes long.

    >>> validate_key(bytes(16)) == bytes(16)
    True
    """
    if isinstance(key, str):
        raise TypeError("the key must be bytes; turn a hex or base64 key into bytes with load_key()")
    if not isinstance(key, bytes | bytearray | memoryview):
        raise TypeError(f"the key must be bytes, not {type(key).__name__}")
    raw = bytes(key)
    if len(raw) not in KEY_SIZES:
        raise SecuredError(f"an AES key must be {_SIZES_TEXT}, not {len(raw)} bytes")
    return raw


def _from_hex(text: bytes) -> bytes | None:
    if _HEX_RE.fullmatch(text) and len(text) in tuple(2 * s for s in KEY_SIZES):
        return bytes.fromhex(text.decode("ascii"))
    return None


def _from_base64(text: bytes) -> bytes | None:
    if not _B64_RE.fullmatch(text) or len(text) % 4:
        return None
    try:
        raw = base64.b64decode(text.replace(b"-", b"+").replace(b"_", b"/"), validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) in KEY_SIZES else None


def load_key(data: str | bytes, *, form: KeyForm = "auto") -> bytes:
    """Read an AES key given as raw bytes, or as its hex or base64 text.

    With ``form="auto"`` (the default), surrounding whitespace is ignored and
    the text is read as hex if it is 32, 48 or 64 hex digits, else as base64
    (standard or URL-safe alphabet, with padding) if it decodes to 16, 24 or 32
    bytes, else as the raw key itself.  A raw key that happens to look like hex
    or base64 is therefore read as such: pass ``form="raw"`` for those.

    Args:
        data: the key, or its hex or base64 form (``str`` is encoded as UTF-8).
        form: ``"auto"``, ``"raw"``, ``"hex"`` or ``"base64"``.

    Returns:
        The key: 16, 24 or 32 bytes.

    Raises:
        SecuredError: the data is not a key in the form asked for; the message
            gives lengths only, never the data.

    >>> len(load_key("K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="))
    32
    >>> load_key(b"0123456789abcdef0123456789abcdef") == bytes.fromhex("0123456789abcdef" * 2)
    True
    """
    if isinstance(data, str):
        raw_in = data.encode("utf-8")
    elif isinstance(data, bytes | bytearray | memoryview):
        raw_in = bytes(data)
    else:
        raise TypeError(f"load_key() takes str or bytes, not {type(data).__name__}")
    if form not in ("auto", "raw", "hex", "base64"):
        raise ValueError(f"form must be 'auto', 'raw', 'hex' or 'base64', not {form!r}")
    text = raw_in.strip()
    if form in ("auto", "hex"):
        key = _from_hex(text)
        if key is not None:
            return key
        if form == "hex":
            raise SecuredError(
                f"the key is not 32, 48 or 64 hex digits ({len(text)} characters after trimming)"
            )
    if form in ("auto", "base64"):
        key = _from_base64(text)
        if key is not None:
            return key
        if form == "base64":
            raise SecuredError(
                f"the key is not the base64 of {_SIZES_TEXT} ({len(text)} characters after trimming)"
            )
    if len(raw_in) in KEY_SIZES:
        return raw_in
    if form == "raw":
        raise SecuredError(f"a raw AES key must be {_SIZES_TEXT}, not {len(raw_in)} bytes")
    raise SecuredError(
        f"the key ({len(raw_in)} bytes) is not a raw AES key ({_SIZES_TEXT}), "
        "nor its hex (32, 48 or 64 hex digits) or base64 form"
    )


def read_key_file(path: str | os.PathLike[str], *, form: KeyForm = "auto") -> bytes:
    """Read an AES key from a file holding the raw key, or its hex or base64 form.

    A trailing newline after a hex or base64 key is fine.  See [`load_key`][articlekit.secured.load_key].

    Raises:
        SecuredError: the file cannot be read, is larger than 4 KiB, or holds no key.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            content = handle.read(_MAX_KEY_FILE + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SecuredError(f"cannot read the key file {name}: {reason}") from None
    if len(content) > _MAX_KEY_FILE:
        raise SecuredError(f"the key file {name} is larger than {_MAX_KEY_FILE} bytes: it is not a key")
    try:
        return load_key(content, form=form)
    except SecuredError as exc:
        raise SecuredError(f"the key file {name}: {exc.message}") from None


def key_from_env(name: str = DEFAULT_KEY_ENV, *, form: KeyForm = "auto") -> bytes:
    """Read an AES key (hex or base64, usually) from the environment variable ``name``.

    Raises:
        SecuredError: the variable is not set, or holds no key.

    >>> import os
    >>> os.environ["EXAMPLE_KEY"] = "00" * 16
    >>> key_from_env("EXAMPLE_KEY") == bytes(16)
    True
    """
    value = os.environ.get(name)
    if value is None:
        raise SecuredError(f"the environment variable {name} is not set")
    try:
        return load_key(value, form=form)
    except SecuredError as exc:
        raise SecuredError(f"the environment variable {name}: {exc.message}") from None


# -- encrypt and decrypt -------------------------------------------------------


def _as_bytes(value: object, what: str) -> bytes:
    if isinstance(value, str):
        raise TypeError(f"the {what} must be bytes, not str (encode it first, e.g. text.encode('utf-8'))")
    if not isinstance(value, bytes | bytearray | memoryview):
        raise TypeError(f"the {what} must be bytes, not {type(value).__name__}")
    return bytes(value)


def encrypt(plaintext: bytes, key: bytes, *, iv: bytes | None = None) -> Secured:
    """Encrypt ``plaintext`` with AES-CBC and PKCS#7 padding into a [`Secured`][articlekit.Secured] value.

    Args:
        plaintext: the bytes to protect (may be empty).
        key: 16, 24 or 32 bytes; see [`load_key`][articlekit.secured.load_key] for hex and base64 keys.
        iv: a 16-byte IV.  Leave it out: a fresh random one is drawn from
            ``os.urandom``.  Never reuse an IV with the same key.

    Returns:
        The value; ``str()`` of it is the field's ``"<base64>;<base64>"`` text.

    Raises:
        SecuredError: the ``cryptography`` package is missing, or the key or IV
            has the wrong length.
    """
    require_backend()
    data = _as_bytes(plaintext, "plaintext")
    raw_key = validate_key(key)
    if iv is None:
        raw_iv = os.urandom(BLOCK_SIZE)
    else:
        raw_iv = _as_bytes(iv, "IV")
        if len(raw_iv) != BLOCK_SIZE:
            raise SecuredError(f"the IV must be {BLOCK_SIZE} bytes, not {len(raw_iv)} bytes")
    return Secured(_cbc_encrypt(raw_key, raw_iv, _pad(data)), raw_iv)


def decrypt(value: Secured | str, key: bytes) -> bytes:
    """Decrypt a ``secured`` value (a [`Secured`][articlekit.Secured] or the field's text) with ``key``.

    Raises:
        SecuredError: the ``cryptography`` package is missing; the key has the
            wrong length; the text is not a well-formed ``secured`` value; or
            the value does not decrypt with this key.  The last case has one
            message whatever went wrong, so that it cannot serve as a padding
            oracle.
    """
    require_backend()
    raw_key = validate_key(key)
    if isinstance(value, str):
        try:
            secured = Secured.parse(value)
        except SecuredFormatError as exc:  # every part's problem, none showing the value
            raise SecuredError("; ".join(problem.message for problem in exc.problems)) from None
    elif isinstance(value, Secured):
        secured = value
    else:
        raise TypeError(f"decrypt() takes a Secured or str, not {type(value).__name__}")
    padded = _cbc_decrypt(raw_key, secured.iv, secured.ciphertext)
    plaintext = _unpad(padded)
    if plaintext is None:
        raise SecuredError(_DECRYPT_FAILED)
    return plaintext
