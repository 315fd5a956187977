"""The language server's plain-Python parts: positions, ranges, the cursor, suppressions, diffs,
the reference; and `articlekit lsp` without the extra.  (End to end: tests/lsp/test_server.py.)"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.lsp.analysis import analyze, wants
from articlekit.lsp.cursor import cursor_at, key_at, top_level_values
from articlekit.lsp.positions import UTF8, UTF16, UTF32, LineIndex, code_units, split_lines
from articlekit.lsp.reference import DOCS_URL, code_url, key_doc, keys_of, values_for
from articlekit.lsp.suppress import file_suppression, line_suppression
from articlekit.lsp.textdiff import apply_offset_edits, line_edits
from articlekit.models import Article
from articlekit.models.course import Course
from articlekit.models.kinds import KINDS
from conftest import DOCS, ROOT
from lsp_helpers import BROKEN

# -- positions ------------------------------------------------------------------------------------

_TEXT = st.lists(st.sampled_from(["a", " ", "é", "e\u0301", "日", "😀", "\n", "\r\n", "\r", "\u2028"])).map(
    "".join
)


def _units(text: str, encoding: str) -> int:
    if encoding == UTF8:
        return len(text.encode("utf-8"))
    if encoding == UTF16:
        return len(text.encode("utf-16-le")) // 2
    return len(text)


@settings(deadline=None)
@given(_TEXT, st.sampled_from([UTF8, UTF16, UTF32]))
def test_client_positions_round_trip(text: str, encoding: str) -> None:
    index = LineIndex(text)
    for line0 in range(index.line_count):
        content = index.line(line0)
        for chars in range(len(content) + 1):
            client = index.to_client(line0 + 1, chars + 1, encoding)
            assert client == (line0, _units(content[:chars], encoding))
            assert index.from_client(*client, encoding) == (line0 + 1, chars + 1)


def test_lines_end_where_lsp_says() -> None:
    assert split_lines("a\r\nb\rc\nd\u2028e\x0cf") == ["a\r\n", "b\r", "c\n", "d\u2028e\x0cf"]
    index = LineIndex("a\r\nb\rc\n")
    assert [index.line(n) for n in range(index.line_count)] == ["a", "b", "c", ""]
    assert index.position_of(index.text.index("c")) == (3, 1)
    assert index.client_position_of(2) == (0, 1)  # between CR and LF: the end of line 0


def test_a_client_position_inside_a_surrogate_pair_does_not_split_it() -> None:
    index = LineIndex("😀x")
    assert index.from_client(0, 1) == (1, 2)  # rounded to after the emoji
    assert index.from_client(0, 99) == (1, 3)  # clamped to the end of the line
    assert index.from_client(7, 0) == (1, 1)  # past the last line: the last line


def test_bom_shifts_the_first_line_only() -> None:
    index = LineIndex("\ufeff---\nx: 1\n")
    assert index.to_client(1, 1) == (0, 1)
    assert index.to_client(2, 1) == (1, 0)
    assert index.from_client(0, 1) == (1, 1)


def test_code_units() -> None:
    assert [code_units("😀", e) for e in (UTF8, UTF16, UTF32)] == [4, 2, 1]
    assert [code_units("e\u0301", e) for e in (UTF8, UTF16, UTF32)] == [3, 2, 2]


# -- ranges ---------------------------------------------------------------------------------------

_NEWS = (
    "---\ncategory: news\ntitle: x\npublishedDateTime: 2020-08-11T13:41:00Z\nwebUrl: https://a.b/c\n"
    'secured: "gkv252PSda7GfdM/88TmgJOLx4Pu4oR7kfOjNqeQ9Tth==;vmiVn06U0CurTJDvBjzfGQ=="\n'
)


def _spans(text: str) -> dict[str, tuple[tuple[int, int], tuple[int, int]]]:
    return {f"{f.issue.code} {f.issue.path}": f.span for f in analyze(text, None).findings}


def test_a_block_scalar_is_covered_to_its_last_character() -> None:
    text = _NEWS.replace("title: x\n", "title: |\n  one\n  two\n\n") + "---\n"
    assert _spans(text)["AK851 ('title',)"] == ((3, 8), (5, 6))


def test_keys_flow_values_and_missing_keys() -> None:
    text = (
        _NEWS
        + 'foo: 1\n"bar baz": 2\nprovider: {name: 3, domain: x.com}\n'
        + "related:\n  - webUrl: https://a.b/c\n    type: article\nimages:\n  -\n---\n"
    )
    lines = text.splitlines()
    spans = _spans(text)
    assert spans["AK305 ('foo',)"] == ((7, 1), (7, 4))
    assert spans["AK305 ('bar baz',)"] == ((8, 1), (8, 10))  # a quoted key, quotes included
    row = lines[8]
    assert spans["AK302 ('provider', 'name')"] == ((9, row.index("3") + 1), (9, row.index("3") + 2))
    # a key missing from a list item (no key of its own): the rest of the item's first line
    assert spans["AK301 ('related', 0, 'title')"] == ((11, 5), (11, 26))
    # an empty value: the line's text
    assert spans["AK302 ('images', 0)"] == ((14, 3), (14, 4))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_spans_cover_the_same_text_whatever_the_newlines(newline: str) -> None:
    text = BROKEN.replace("\n", newline)
    found = analyze(text, None)
    covered = {
        f.issue.code: found.index.line(f.span[0][0] - 1)[f.span[0][1] - 1 : f.span[1][1] - 1]
        for f in found.findings
    }
    assert covered == {"AK302": '"76"', "AK303": "-3", "AK853": '"😀 AI"', "AK401": "1201"}


def test_an_issue_without_a_path_covers_the_rest_of_its_line() -> None:
    assert _spans("no front matter here  \n")["AK102 ()"] == ((1, 1), (1, 21))  # trailing blanks left out
    assert _spans("")["AK102 ()"] == ((1, 1), (1, 1))


# -- the cursor -----------------------------------------------------------------------------------


def test_cursor_in_valid_and_half_typed_front_matter() -> None:
    text = "---\ntitle: x\nimages:\n  - url: a\n    wi\nlevels:\n  - Beg\ntype: vi\n---\nbody\n"
    at_key = cursor_at(text, 5, 7)
    assert at_key is not None
    assert (at_key.parent, at_key.at_value, at_key.word, at_key.siblings) == (
        ("images", 0),
        False,
        "wi",
        {"url"},
    )
    item = cursor_at(text, 7, 8)
    assert item is not None
    assert (item.parent, item.word, item.in_list_item) == (("levels", 0), "Beg", True)
    value = cursor_at(text, 8, 9)
    assert value is not None
    assert (value.path, value.at_value, value.word, value.word_column) == (
        ("type",),
        True,
        "vi",
        7,
    )
    assert cursor_at(text, 10, 2) is None  # the body
    assert cursor_at(text, 1, 2) is None  # the fence
    assert cursor_at("---\ntitle: x  # a com\n---\n", 2, 18) is None  # a comment


def test_cursor_falls_back_on_indentation_when_the_rest_does_not_parse() -> None:
    text = "---\ntitle: [\nprovider:\n  images:\n    - url: x\n      wid\n---\n"
    found = cursor_at(text, 6, 10)
    assert found is not None
    assert found.parent == ("provider", "images", 0)
    assert found.siblings == {"url"}
    new_file = cursor_at("---\n", 2, 1)  # a file just started: no closing fence yet
    assert new_file is not None
    assert (new_file.parent, new_file.at_value, new_file.word) == ((), False, "")
    unclosed = "---\nprovider:\n  na"
    found = cursor_at(unclosed, 3, 5)
    assert found is not None
    assert (found.parent, found.word) == (("provider",), "na")


def test_key_at_and_top_level_values() -> None:
    text = '---\nimages:\n  - "url": a\n    width: 3\n---\n'
    token = key_at(text, 4, 6)
    assert token is not None
    assert (token.path, token.start, token.end) == (("images", 0, "width"), 5, 10)
    quoted = key_at(text, 3, 6)
    assert quoted is not None
    assert quoted.path == ("images", 0, "url")
    assert key_at(text, 4, 12) is None  # on the value
    assert top_level_values("---\ntype: 'course'  # x\n  title: y\n") == {"type": "course"}


# -- suppressions ---------------------------------------------------------------------------------


def _data(text: str) -> object:
    return yaml.safe_load(text.split("---\n")[1])


def _codes(text: str) -> list[str]:
    return [i.code for i in articlekit.check(text)]


def test_suppressions_remove_the_issue_and_keep_the_data() -> None:
    text = _NEWS + 'quality: -3\nexcerpt: "a\n  b"\nheat: x\n---\n'
    assert {"AK303", "AK302"} <= set(_codes(text))
    edit = line_suppression(text, 7, "AK303")
    assert edit is not None
    fixed = edit.apply(text)
    assert "quality: -3  # articlekit: ignore[AK303]\n" in fixed
    assert "AK303" not in _codes(fixed)
    assert "AK002" not in _codes(fixed)
    assert _data(fixed) == _data(text)
    again = line_suppression(fixed, 7, "AK303")
    assert again is None  # already suppressed there
    whole = file_suppression(fixed, "AK302")
    assert whole is not None
    done = whole.apply(fixed)
    assert done.splitlines()[1] == "# articlekit: ignore-file[AK302]"
    assert "AK302" not in _codes(done)
    more = file_suppression(done, "AK501")
    assert more is not None
    assert more.apply(done).splitlines()[1] == "# articlekit: ignore-file[AK302, AK501]"


def test_a_trailing_comment_inside_a_multi_line_value_goes_above_instead() -> None:
    text = _NEWS + 'heat: "7\n  6"\n---\n'
    edit = line_suppression(text, 7, "AK302")
    assert edit is not None
    fixed = edit.apply(text)
    assert '# articlekit: ignore[AK302]\nheat: "7\n' in fixed
    assert "AK302" in _codes(text)
    assert "AK302" not in _codes(fixed)
    assert _data(fixed) == _data(text)


def test_what_cannot_be_suppressed() -> None:
    text = _NEWS + "---\n"
    assert line_suppression(text, 2, "AK002") is None  # cannot be suppressed by a comment
    assert line_suppression(text, 1, "AK303") is None  # the fence
    assert line_suppression(text, 20, "AK303") is None  # after the front matter
    assert file_suppression("no front matter\n", "AK102") is None


# -- diffs ----------------------------------------------------------------------------------------

_LINES = st.lists(st.sampled_from(["a\n", "b\n", "c\r\n", "d", "😀\n", "\n"]), max_size=12).map("".join)


@settings(deadline=None)
@given(_LINES, _LINES)
def test_line_edits_turn_one_text_into_the_other(old: str, new: str) -> None:
    edits = line_edits(old, new)
    assert apply_offset_edits(old, edits) == new
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(edits))  # in order, not overlapping
    assert (edits == []) == (old == new)


# -- the reference ---------------------------------------------------------------------------------


def test_docs_url_is_the_site_url() -> None:
    site = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert site is not None
    assert site.group(1) == DOCS_URL


def test_every_code_links_to_its_anchor_in_the_rules_page() -> None:
    page = (DOCS / "rules.md").read_text(encoding="utf-8")
    headings = {
        f"{m.group(1)}-{m.group(2)}".lower() for m in re.finditer(r"^### (AK\d{3}) ([\w-]+)$", page, re.M)
    }
    for code in articlekit.CODES:
        assert code_url(code).split("#", 1)[1] in headings, code


def test_every_key_of_every_kind_has_hover_text_that_links_to_the_format_page() -> None:
    anchors = set(re.findall(r"\{#([\w-]+)\}", (DOCS / "format.md").read_text(encoding="utf-8")))
    for info in KINDS:
        for key in keys_of(info.model, ()):
            doc = key_doc(info.model, (key.key,))
            assert doc is not None
            assert doc.startswith(f"**`{key.key}`**")
            assert doc.rsplit("format/#", 1)[1].rstrip(")") in anchors


def test_known_values() -> None:
    assert values_for(Course, ("levels", 0)) == ["Beginner", "Intermediate", "Advanced"]
    assert values_for(Course, ("type",))[0] == "course"
    assert values_for(Article, ("type",))[:2] == ["article", "video"]
    assert values_for(Article, ("category",)) == ["news"]
    assert values_for(Article, ("published",)) == [True, False]
    assert values_for(Article, ("related", 0, "type")) == ["article", "video"]
    assert values_for(Article, ("title",)) == []


def test_which_documents_are_checked(tmp_path: Path) -> None:
    config = articlekit.Config.from_dict({"include": ["**/*.mdx"], "exclude": ["vendor/**"]}, root=tmp_path)
    assert wants(str(tmp_path / "a.md"), config)
    assert wants(str(tmp_path / "a.mdx"), config)
    assert not wants(str(tmp_path / "a.txt"), config)
    assert not wants(str(tmp_path / "vendor" / "a.md"), config)
    assert wants(None, config, "markdown")
    assert not wants(None, config, "python")


# -- the command ----------------------------------------------------------------------------------

_BLOCK_PYGLS = """
import sys
class _Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pygls", "lsprotocol"):
            raise ImportError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, _Blocker())
from articlekit.cli import run
sys.exit(run(["lsp"]))
"""


def test_lsp_without_the_extra_says_which_extra_to_install() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _BLOCK_PYGLS], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert "pip install 'articlekit[lsp]'" in done.stderr
    assert done.stdout == ""


def test_lsp_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "lsp", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0
    assert "usage: articlekit lsp" in done.stdout
    assert "articlekit[lsp]" in done.stdout


# -- code actions in process (the end-to-end tests cover the safe ones) ------------------------------


def test_an_unsafe_fix_is_offered_marked_and_not_preferred() -> None:
    from lsprotocol import types

    from articlekit.lsp import features

    text = BROKEN.replace("quality: -3", "quality: 3\nquality: 3")
    found = analyze(text, None)
    duplicate = next(f for f in found.findings if f.issue.code == "AK202")
    line = duplicate.span[0][0] - 1
    uri = "file:///x.md"
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(
            start=types.Position(line=line, character=0), end=types.Position(line=line, character=1)
        ),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix]),
    )
    actions = features.code_actions(found, uri, "utf-16", params)
    assert [(a.title, a.is_preferred) for a in actions] == [
        ("remove the repeated key 'quality' (it repeats the same value) (AK202, unsafe fix)", False),
        ("Suppress AK202 on this line", None),
        ("Suppress AK202 in this file", None),
    ]
