"""The C accelerator (``articlekit._speedups``) gives exactly what the pure-Python loop gives.

The Python loop (``articlekit._speedups_py``, itself proven equal to PyYAML's
SafeLoader in tests/test_fastyaml_differential.py) is the reference; the C loop must
give the same data, the same mappings and special keys for the rules' index,
and fall back (``None`` or ``fastyaml.Fallback``) on exactly the same texts.
Both are called through fastyaml's internal API (``parse_with``,
``loop_arguments``, ``IMPLEMENTATIONS``).  Inputs: generated
documents in and around the subset, every construct one by one, mutations of
the reference article and the corpus, and hostile texts for the C code's own
edges (characters, lengths, nesting, error paths).

Set ``ARTICLEKIT_REQUIRE_SPEEDUPS=1`` (``.ci/run`` does) to fail instead of
skip when the extension was not built.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit import _speedups_py, fastyaml
from articlekit._same import same
from articlekit.limits import DEFAULT_LIMITS, Limits
from articlekit.splitter import split_front_matter
from conftest import DATA, corpus_files
from yamldocs import documents

if "c" not in fastyaml.IMPLEMENTATIONS:
    if os.environ.get("ARTICLEKIT_REQUIRE_SPEEDUPS"):
        pytest.fail("articlekit._speedups was not built (ARTICLEKIT_REQUIRE_SPEEDUPS is set)", pytrace=False)
    pytest.skip("the C accelerator is not built here", allow_module_level=True)
SPEEDUPS = fastyaml.IMPLEMENTATIONS["c"]
_, KEY_INFO, KEY_INFO_OF, SCALAR, FLOW, _ = fastyaml.loop_arguments()

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pure(text: str, limits: Limits = DEFAULT_LIMITS) -> fastyaml.LoopAnswer:
    """What the pure-Python loop answers: (verdict, root, mappings, special)."""
    return fastyaml.parse_with("python", text, limits)


def _c(text: str, limits: Limits = DEFAULT_LIMITS) -> fastyaml.LoopAnswer:
    """What the C loop answers, in the same shape."""
    return fastyaml.parse_with("c", text, limits)


def _assert_same(text: str, limits: Limits = DEFAULT_LIMITS) -> None:
    want, got = _pure(text, limits), _c(text, limits)
    assert want[0] == got[0], f"{text!r}: pure {want[0]}, C {got[0]}"
    if want[0] != "ok":
        return
    _, root, mappings, special = want
    _, c_root, c_mappings, c_special = got
    assert same(root, c_root, ordered=True), f"{text!r}: pure {root!r} != C {c_root!r}"
    assert [list(m) for m in mappings] == [list(m) for m in c_mappings]
    assert len(special) == len(c_special)
    for want_entry, got_entry in zip(special, c_special, strict=True):
        info, path, key, mapping = want_entry
        c_info, c_path, c_key, c_mapping = got_entry
        assert (info, path, key, list(mapping)) == (c_info, c_path, c_key, list(c_mapping))
        assert type(c_info) is int
        assert type(c_path) is tuple
    # the C mappings are the very dicts inside its root, as in the pure loop
    assert c_mappings[0] is c_root


@_SETTINGS
@given(documents())
def test_generated_documents(text: str) -> None:
    _assert_same(text)


@_SETTINGS
@given(documents(), st.data())
def test_generated_documents_cut_and_spliced(text: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    inserts = ["", " ", "- ", ": ", "\n", "\r", "\t", '"', "#", "\x85", "\ufeff", "[a]"]
    insert = data.draw(st.sampled_from(inserts))
    _assert_same(text[:at] + insert + text[at + 1 :])


_CONSTRUCTS = [
    "",
    "\n\n",
    "# only a comment\n",
    "title: x\n",
    "title: x",  # no final newline
    "title: x\r\nheat: 5\r\n",
    "title: x\rheat: 5\n",  # a lone CR
    "title: x\r",
    'title: "quoted"\n',
    'title: "with \\"escape\\""\n',
    'title: "unclosed\n',
    "title: 'single'\n",
    "title: plain text  \n",
    "title: a: b\n",
    "title: a #comment\n",
    "title: ends:\n",
    "heat: 0\nq: 012\nr: 123456789012345678\ns: 1234567890123456789\nt: -5\nu: +5\nv: 1.5\n",
    "a: yes\nb: No\nc: ON\nd: off\ne: ~\nf: null\ng: NULL\nh: y\ni: nothing\nj: True\n",
    "d: 2020-08-11T13:41:00Z\ne: 2020-02-30T00:00:00Z\nf: 2020-08-11\ng: 2020-08-11T13:41:00.5Z\n",
    "d: 0000-01-01T00:00:00Z\n",
    "d: 9999-12-31T23:59:59Z\n",
    "d: 2020-08-11T25:00:00Z\n",
    'topics:\n  - AI\n  - yes\n  - 5\n  - "q"\n  - [a, b]\n  - []\n  - {}\n',
    "topics:\n- AI\n- ML\nnext: 1\n",  # an indentless sequence
    "topics: [a, 'b', \"c\"]\n",
    "topics: [a, [b]]\n",
    "t: {a: 1}\n",
    "images:\n  - url: x\n    width: 5\n  - url: y\n    height: 6\n",
    "related:\n  - title: a\n    provider:\n      name: p\n    images:\n      - url: u\n",
    "provider:\n  name: x\n  domain: y\n",
    "a:\nb: 1\n",  # an empty value, then a key
    "a:\n",  # an empty value at the end
    "a:\n  b:\n    c:\n",
    "a: 1\na: 2\n",  # a duplicate key
    "a: 1\n  b: 2\n",  # an over-indented key
    "a:\n  b: 1\n c: 2\n",  # an indent that closes nothing
    "- a\n- b\n",  # a list at the top
    "  a: 1\n",  # an indented root
    "a: |\n  text\n",
    "a: >\n  text\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "? a\n: b\n",
    "a: b\n  continued\n",
    "yes: 1\n",
    "on: 1\n",
    "null: 1\n",
    "1: a\n",
    "a b: 1\n",
    "a-b.c_d: 1\n",
    "_: 1\n",
    "key:value\n",
    "-key: 1\n",
    "- \n",
    "a:\n  -\n    b: 1\n",
    "a:\n  - - x\n",
    "a:\n  -   b: 1\n      c: 2\n",
    "a:\n  - b: 1\n  c: 2\n",
    "a:\n  - b: 1\n    - c\n",
    "a:\tb\n",
    "a: b\tc\n",
    "a: caf\u00e9\n",
    "a: \u4e2d\u6587\U0001f600\n",
    "a: x\u0085y\n",
    "a: x\u2028y\n",
    "a: x\u2029y\n",
    "a: x\ufeffy\n",
    "a: x\ufffey\n",
    "a: x\uffffy\n",
    "a: x\u00a0y\n",
    "a: x\u0080\n",
    "a: x\u009f\n",
    "a: x\x7f\n",
    "a: x\x00\n",
    "a: \ud800\n",  # a lone surrogate
    "a: <<\n",
    "a: =\n",
    "a: 0x1F\nb: 0o17\nc: 0b101\nd: 1_000\ne: 10:00\nf: .inf\ng: .NaN\n",
    "a: -\n",
    "a: --\n",
    "a: ?x\n",
    "a: :x\n",
    "a: @x\n",
    "a: '' \n",
    'a: "" \n',
    'a: "\\u00e9\\x41\\n"\n',
    'a: "\\ud800"\n',
]


@pytest.mark.parametrize("text", _CONSTRUCTS)
def test_each_construct(text: str) -> None:
    _assert_same(text)


def test_key_lengths_around_the_201_character_bound() -> None:
    for n in (1, 200, 201, 202, 300):
        _assert_same("k" * n + ": 1\n")
        _assert_same("a:\n  - " + "k" * n + ": 1\n")


def test_nesting_up_to_and_past_the_depth_limit() -> None:
    for depth in (1, 5, 30, 62, 63, 64, 100, 200):
        text = "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "k: 1\n"
        _assert_same(text)
        seq = "".join(" " * (2 * i) + "- k:\n" for i in range(depth))
        _assert_same("a:\n" + seq)
        for limits in (Limits(max_depth=3), Limits(max_depth=10), Limits(max_depth=10_000)):
            _assert_same(text, limits)


def test_more_keys_than_the_key_table_holds(sample_text: str) -> None:
    """The C loop's table of keys seen replaces old keys when full; answers stay the same."""
    for n in range(3):  # 2,700 distinct keys: more than the table's 1,024 slots
        _assert_same("".join(f"odd{n}_{i}: {i}\n" for i in range(900)))
    front = split_front_matter(sample_text).front_matter
    assert front is not None
    for _ in range(2):  # the article's keys, in the table again or made afresh
        _assert_same(front)


def test_texts_near_length_and_key_limits_agree_with_the_python_loop() -> None:
    """Texts longer than max_string_length take the Python loop (the C loop counts no string
    lengths); texts of max_keys lines or more take the C loop, and their mappings are counted
    after it: parse_subset must agree with the Python loop on both."""
    tight = Limits(max_string_length=300, max_keys=3)
    texts = ("a: " + "x" * 290 + "\n", "a: " + "x" * 301 + "\n", "a: 1\nb: 2\n", "a: 1\nb: 2\nc: 3\nd: 4\n")
    for text in texts:
        want = _pure(text, tight)
        assert fastyaml.parse_subset(text, tight) == (want[1] if want[0] == "ok" else None)


@pytest.mark.parametrize("path", [DATA / "finland-prisons-ai.md", *corpus_files()[::7]], ids=lambda p: p.name)
def test_real_files_and_their_mutations(path: Any) -> None:
    front = split_front_matter(path.read_text(encoding="utf-8")).front_matter
    assert front is not None
    _assert_same(front)
    _assert_same(front.replace("\n", "\r\n"))
    step = max(1, len(front) // 60)
    for at in range(0, len(front), step):
        for insert in ("", " ", "- ", ": ", '"', "\n", "#"):
            _assert_same(front[:at] + insert + front[at + 1 :])


def test_the_whole_load_is_the_same_with_and_without_the_accelerator(sample_text: str) -> None:
    """End to end, in a fresh process with ARTICLEKIT_PURE_PYTHON=1: same issues for a broken file."""
    broken = sample_text.replace("heat: 76", "heat: high").replace("quality: 66", "quality: 66\nquality: 1")
    code = (
        "import sys, articlekit, articlekit.fastyaml as f; "
        "print(f.ACCELERATED); "
        "print([str(i) for i in articlekit.check(sys.stdin.read())])"
    )
    out = {}
    for pure in ("", "1"):
        env = {**os.environ, "ARTICLEKIT_PURE_PYTHON": pure}
        if not pure:
            env.pop("ARTICLEKIT_PURE_PYTHON")
        run = subprocess.run(
            [sys.executable, "-c", code], input=broken, capture_output=True, text=True, env=env, check=True
        )
        out[pure] = run.stdout.splitlines()
    assert out[""][0] == "True"
    assert out["1"][0] == "False"
    assert out[""][1] == out["1"][1]
    assert "AK202" in out[""][1]


def test_error_paths_do_not_leak() -> None:
    """Fallbacks from every point of the loop release what they built (memory stays flat)."""
    nested = "a:\n  - b: 1\n    c: 2\n  - d: [x]\n  - e: 2020-02-30T00:00:00Z\n"
    texts = [c for c in _CONSTRUCTS if c] + [nested]
    for text in texts:  # warm up caches (keys, regular expressions)
        _c(text)
    tracemalloc.start()
    try:
        for text in texts:
            _c(text)
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(300):
            for text in texts:
                _c(text)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 64 * 1024, f"{grown} bytes kept after {300 * len(texts)} parses"


def _parse_with(
    module: Any, text: str, key_info: dict[str, int], key_info_of: Any, scalar: Any = None
) -> Any:
    """``module.parse_subset`` with fastyaml's callbacks but the given key information."""
    try:
        found = module.parse_subset(text, 60, key_info, key_info_of, scalar or SCALAR, FLOW, 100_000)
    except fastyaml.Fallback:
        return ("fallback",)
    return ("none",) if found is None else ("ok", found[0])


def test_the_key_table_belongs_to_the_key_information_it_was_filled_from() -> None:
    """A caller with other key information than fastyaml's gets its own answers, and fastyaml its own.

    The table of keys seen once was the process's, filled from whichever caller came first.
    """
    speedups = SPEEDUPS

    def refuse(key: str) -> int:
        return -1  # "this key is not text": the fast path must fall back

    for key in ("zzkey2", "title"):  # a key seen for the first time, and one fastyaml has seen
        fastyaml.parse_subset(f"{key}: warm\n")
        assert _parse_with(speedups, f"{key}: 1\n", {}, refuse) == ("fallback",)
        assert fastyaml.parse_subset(f"{key}: x\n") == {key: "x"}
        assert _parse_with(speedups, f"{key}: 1\n", {}, refuse) == ("fallback",)
        # the same function with another dict is another caller too
        assert _parse_with(speedups, f"{key}: 1\n", {key: -1}, KEY_INFO_OF) == ("fallback",)
        assert fastyaml.parse_subset(f"{key}: x\n") == {key: "x"}
    # a key_info_of that parses with fastyaml's own pair while the outer call is running
    calls: list[str] = []

    def reentrant(key: str) -> int:
        calls.append(key)
        assert fastyaml.parse_subset(f"{key}: inner\n") == {key: "inner"}
        return -1

    assert _parse_with(speedups, "zzkey3: 1\n", {}, reentrant) == ("fallback",)
    assert calls == ["zzkey3"]
    assert fastyaml.parse_subset("zzkey3: x\nzzkey2: y\n") == {"zzkey3": "x", "zzkey2": "y"}


def _fresh_instance() -> Any:
    """A second, independent instance of the extension module (multi-phase initialisation)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("articlekit._speedups", SPEEDUPS.__file__)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_module_instance_has_its_own_state_released_with_it() -> None:
    import gc
    import weakref

    module = _fresh_instance()
    assert module is not SPEEDUPS
    with pytest.raises(RuntimeError, match="set_fallback"):  # not set on this instance
        module.parse_subset("a: 1\n", 60, {}, KEY_INFO_OF, SCALAR, FLOW, 1000)
    module.set_fallback(fastyaml.Fallback)

    def key_info_of(key: str) -> int:
        return KEY_INFO_OF(key)

    assert _parse_with(module, "a: 1\nb: [x]\n", {}, key_info_of) == ("ok", {"a": 1, "b": ["x"]})
    assert _parse_with(module, "a: 1\n", {}, lambda key: -1) == ("fallback",)  # its own table
    assert _parse_with(module, "a: 1\n", {}, key_info_of) == ("ok", {"a": 1})
    held = weakref.ref(key_info_of)
    del key_info_of, module
    gc.collect()
    assert held() is None  # the table's owner went with the module


def _under_failed_allocation(start: int, run: Any) -> tuple[str, Any]:
    """``run()`` with the allocation numbered ``start`` (from 0) failing: ("ok", result) or ("memory",)."""
    _testcapi = pytest.importorskip("_testcapi")
    _testcapi.set_nomemory(start, start + 1)
    try:
        return ("ok", run())
    except MemoryError:
        return ("memory", None)
    finally:
        _testcapi.remove_mem_hooks()


def test_a_memory_error_is_raised_not_taken_for_an_expected_failure() -> None:
    """Out of memory while making a timestamp or reading the text as UTF-8: MemoryError, not a quiet
    other path (asking Python for the timestamp, or "use the full loader")."""
    speedups = SPEEDUPS
    seen: list[str] = []

    def scalar(rest: str, limit: int) -> Any:
        seen.append(rest)
        return SCALAR(rest, limit)

    stamp = "d: 2020-08-11T13:41:00Z\n"
    want = _pure(stamp)[1]
    fastyaml.parse_subset(stamp)  # the key is in the table: the timestamp is among the first allocations
    outcomes = [
        _under_failed_allocation(start, lambda: _parse_with(speedups, stamp, KEY_INFO, KEY_INFO_OF, scalar))
        for start in range(40)
    ]
    assert ("memory", None) in outcomes  # the failures did hit the call
    assert all(o == ("memory", None) or o == ("ok", ("ok", want)) for o in outcomes), outcomes
    assert seen == []  # a timestamp the C loop reads itself never reaches Python, even out of memory
    for start in range(40):
        text = f"a: caf\u00e9 {start}\n"  # a new str: its UTF-8 is made in the call
        found = _under_failed_allocation(
            start, lambda text=text: _parse_with(speedups, text, {}, KEY_INFO_OF)
        )
        assert found in (("memory", None), ("ok", ("ok", {"a": f"caf\u00e9 {start}"}))), (start, found)
    assert _c("a: \ud800\n").verdict == "none"  # a lone surrogate still means "use the full loader"


def test_the_header_the_stub_and_both_loops_give_the_same_signature() -> None:
    """The C file's header, the stub, the C function and its Python twin take the same 8 arguments
    (the last, ``typed``, may be left out), and the other functions the same ones too."""
    import ast
    import inspect
    import re
    from pathlib import Path

    here = Path(fastyaml.__file__).parent
    if not (here / "_speedups.c").is_file():
        pytest.skip("not a source checkout")
    header = re.search(r"^ \* parse_subset\(([^)]*)\)$", (here / "_speedups.c").read_text(), re.MULTILINE)
    assert header is not None
    stub = ast.parse((here / "_speedups.pyi").read_text())
    stubs = {n.name: n for n in stub.body if isinstance(n, ast.FunctionDef)}
    names = [a.arg for a in stubs["parse_subset"].args.posonlyargs]
    assert len(names) == 8
    assert header.group(1).split(", ") == names
    assert not stubs["parse_subset"].args.args
    assert sorted(stubs) == sorted(_speedups_py.__all__)  # the same functions
    for module in (SPEEDUPS, _speedups_py):
        for name, func in stubs.items():
            code = inspect.signature(getattr(module, name)).parameters
            assert list(code) == [a.arg for a in func.args.posonlyargs], (module.__name__, name)
            assert all(p.kind is inspect.Parameter.POSITIONAL_ONLY for p in code.values())
    with pytest.raises(TypeError, match="at least 7"):  # what the C code parses
        SPEEDUPS.parse_subset("a: 1\n", 60, {}, KEY_INFO_OF, SCALAR, FLOW)
    with pytest.raises(TypeError):
        _speedups_py.parse_subset("a: 1\n", 60, {}, KEY_INFO_OF, SCALAR, FLOW)  # type: ignore[call-arg]


def test_the_python_loop_refuses_to_run_without_a_fallback_class_as_the_c_loop_does() -> None:
    """Both loops raise RuntimeError before set_fallback() and TypeError for a class that is no exception."""
    import importlib.util

    spec = importlib.util.find_spec("articlekit._speedups_py")
    assert spec is not None
    assert spec.loader is not None
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)
    for module in (fresh, _fresh_instance()):
        with pytest.raises(RuntimeError, match="set_fallback"):
            module.parse_subset("a: 1\n", 60, {}, KEY_INFO_OF, SCALAR, FLOW, 1000)
        with pytest.raises(TypeError, match="exception class"):
            module.set_fallback(int)


def test_threads_with_different_key_information_each_get_their_own_answers() -> None:
    """Calls that interleave (threads switch inside the Python callbacks) never see each other's keys."""
    import threading

    speedups = SPEEDUPS
    texts = [f"k{i}: {i}\nlist:\n  - x: 1\n    k{i + 1}: y\n" for i in range(40)]
    failures: list[str] = []

    def refuse(key: str) -> int:
        return -1

    def work(own: bool) -> None:
        for _ in range(5):
            for text in texts:
                if own:
                    got = _parse_with(speedups, text, KEY_INFO, KEY_INFO_OF)
                    want = ("ok", _pure(text)[1])
                else:
                    got, want = _parse_with(speedups, text, {}, refuse), ("fallback",)
                if got != want:
                    failures.append(f"{text!r}: {got} != {want}")

    threads = [threading.Thread(target=work, args=(i % 2 == 0,)) for i in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as CPython can
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
