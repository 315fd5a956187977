"""The public API of the core: load/loads/check/parse, models, issues and errors."""

from __future__ import annotations

import io
import pickle
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

import articlekit
from articlekit.issues import format_path
from conftest import corpus_files

SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
MINIMAL = (
    "---\n"
    "category: news\n"
    'title: "Hello"\n'
    "publishedDateTime: 2021-03-04T05:06:07Z\n"
    'webUrl: "https://example.com/a"\n'
    "type: article\n"
    f'secured: "{SECURED}"\n'
    "---\n"
    "Body.\n"
)


def _with(extra: str) -> str:
    """MINIMAL with ``extra`` lines added at the end of the front matter."""
    head, sep, body = MINIMAL.rpartition("---\n")
    return head + extra + sep + body


def test_loads_gives_document_with_typed_meta() -> None:
    doc = articlekit.loads(MINIMAL)
    assert isinstance(doc.meta, articlekit.Article)
    assert doc.meta.title == "Hello"
    assert doc.meta.published_date_time == datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    assert doc.meta.web_url == "https://example.com/a"
    assert doc.body == "Body.\n"
    assert isinstance(doc.meta.secured, articlekit.Secured)
    assert len(doc.meta.secured.ciphertext) == 16


def test_load_accepts_paths_and_open_files(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(MINIMAL, encoding="utf-8")
    expected = articlekit.loads(MINIMAL)
    assert articlekit.load(path) == expected
    assert articlekit.load(str(path)) == expected
    with path.open("rb") as binary:
        assert articlekit.load(binary) == expected
    with path.open(encoding="utf-8") as text:
        assert articlekit.load(text) == expected
    assert articlekit.load(io.BytesIO(MINIMAL.encode())) == expected


def test_load_names_the_file_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(_with("quality: -1\n"), encoding="utf-8")
    with pytest.raises(articlekit.ValidationError) as info:
        articlekit.load(path)
    assert str(path) in str(info.value)


def test_bytes_and_str_give_the_same_issues() -> None:
    text = _with("quality: '3'\n")
    assert articlekit.check(text) == articlekit.check(text.encode("utf-8"))


def test_check_reports_all_problems_in_one_pass() -> None:
    text = _with("quality: '3'\nheat: 2147483648\nimages:\n  - url: /a.png\n    width: 0\n")
    codes = [(i.code, i.path) for i in articlekit.check(text)]
    assert ("AK302", ("quality",)) in codes
    assert ("AK303", ("heat",)) in codes
    assert ("AK303", ("images", 0, "width")) in codes
    assert ("AK301", ("images", 0, "height")) in codes


def test_issues_are_sorted_by_position() -> None:
    text = _with("heat: 2147483648\nquality: '3'\n")
    issues = articlekit.check(text)
    assert issues == sorted(issues)
    assert [i.line for i in issues] == sorted(i.line for i in issues)


def test_ignore_switches_codes_off() -> None:
    text = _with("heat: 2147483648\nmystery: 1\n")
    assert {i.code for i in articlekit.check(text)} >= {"AK303", "AK305"}
    assert {i.code for i in articlekit.check(text, ignore={"AK305"})} == {"AK303"}
    assert articlekit.loads(_with("mystery: 1\n"), ignore={"AK305"}).issues == ()


@pytest.mark.parametrize(
    ("line", "message_part"),
    [
        ("quality: '12'", "must be an integer"),
        ("quality: 12.5", "must be an integer"),
        ("quality: true", "must be an integer"),
        ("published: 'yes'", "must be true or false"),
        ("published: 1", "must be true or false"),
        ("excerpt: 12", "must be text"),
        ("excerpt: 2021-01-01", "must be text"),
        ("topics: AI", "must be a list"),
        ("provider: Example", "must be a mapping"),
    ],
)
def test_types_are_strict(line: str, message_part: str) -> None:
    issues = articlekit.check(_with(line + "\n"))
    assert len(issues) == 1
    assert issues[0].code == "AK302"
    assert message_part in issues[0].message
    assert issues[0].line == 8


def test_iso_string_dates_are_parsed_with_dateutil() -> None:
    text = MINIMAL.replace("2021-03-04T05:06:07Z", '"2021-03-04T05:06:07+02:00"')
    doc = articlekit.loads(text)  # a non-canonical date may warn; it must not fail
    assert doc.meta.published_date_time.utcoffset() is not None
    assert doc.meta.published_date_time == datetime(2021, 3, 4, 3, 6, 7, tzinfo=timezone.utc)


@pytest.mark.parametrize("value", ["2021-03-04", "2021-03-04T05:06:07", '"not a date"', '"2021-03-04 05:06"'])
def test_dates_must_be_aware_date_times(value: str) -> None:
    issues = articlekit.check(MINIMAL.replace("2021-03-04T05:06:07Z", value))
    assert [i.code for i in issues if i.is_error] == ["AK304"]
    assert issues[0].path == ("publishedDateTime",)
    assert issues[0].line == 4


def test_model_dump_gives_back_the_file_data(sample_text: str) -> None:
    data, _ = articlekit.parse(sample_text)
    doc = articlekit.loads(sample_text)
    assert doc.meta.model_dump(by_alias=True, exclude_none=True) == data
    dumped = doc.meta.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert dumped["publishedDateTime"] == "2020-08-11T13:41:00Z"
    assert dumped["secured"] == data["secured"]
    assert dumped["images"][0]["isCached"] is True


def test_unknown_keys_are_kept_and_warned() -> None:
    doc = articlekit.loads(_with("mystery:\n  nested: [1, 2]\n"))
    assert doc.meta.model_extra == {"mystery": {"nested": [1, 2]}}
    assert [(i.code, i.severity, i.path, i.line) for i in doc.issues] == [
        ("AK305", "warning", ("mystery",), 8)
    ]
    assert doc.meta.model_dump(by_alias=True, exclude_none=True)["mystery"] == {"nested": [1, 2]}


def test_missing_key_points_at_parent_mapping() -> None:
    text = _with("provider:\n  domain: example.com\n")
    (issue,) = articlekit.check(text)
    assert issue.code == "AK301"
    assert issue.path == ("provider", "name")
    assert (issue.line, issue.column) == (9, 3)
    assert "'name'" in issue.message
    assert "provider" in issue.message


def test_errors_raise_parse_or_validation_error() -> None:
    with pytest.raises(articlekit.ParseError) as parse_info:
        articlekit.loads("no front matter\n")
    assert parse_info.value.issues[0].code == "AK102"
    with pytest.raises(articlekit.ValidationError) as validation_info:
        articlekit.loads(_with("heat: 2147483648\n"))
    assert [i.code for i in validation_info.value.issues] == ["AK303"]
    assert isinstance(parse_info.value, articlekit.ArticleKitError)
    assert isinstance(validation_info.value, articlekit.ArticleKitError)


def test_exception_text_draws_a_caret_under_the_value() -> None:
    with pytest.raises(articlekit.ValidationError) as info:
        articlekit.loads(_with("quality: '66'\n"))
    lines = str(info.value).splitlines()
    index = next(i for i, line in enumerate(lines) if "AK302" in line)
    assert lines[index].startswith("8:10: error AK302 ")
    assert lines[index + 1] == "    quality: '66'"
    assert lines[index + 2] == "    " + " " * 9 + "^"


def test_errors_pickle_with_their_issues() -> None:
    with pytest.raises(articlekit.ValidationError) as info:
        articlekit.loads(_with("heat: 2147483648\n"))
    clone = pickle.loads(pickle.dumps(info.value))
    assert type(clone) is articlekit.ValidationError
    assert clone.issues == info.value.issues


def test_issue_str_and_dict() -> None:
    issue = articlekit.Issue("AK303", "error", "'heat' must be 0 or more", ("heat",), 3, 7)
    assert str(issue) == "3:7: error AK303 'heat' must be 0 or more"
    assert issue.to_dict()["key_path"] == ["heat"]
    assert format_path(("related", 0, "images", 1, "width")) == "related[0].images[1].width"


def test_parse_is_schema_less_but_safe() -> None:
    data, body = articlekit.parse("---\nanything: [1, 2]\nwhen: 2020-01-01\n---\nBody")
    assert data == {"anything": [1, 2], "when": datetime(2020, 1, 1).date()}
    assert body == "Body"
    with pytest.raises(articlekit.ParseError) as info:
        articlekit.parse("---\na: 1\na: 2\n---\n")
    assert info.value.issues[0].code == "AK202"
    with pytest.raises(articlekit.ParseError):
        articlekit.parse("---\na: !!python/object/apply:os.system ['true']\n---\n")


def test_parse_agrees_with_pyyaml_safe_loader(sample_text: str) -> None:
    data, _ = articlekit.parse(sample_text)
    front = sample_text.split("---\n")[1]
    assert data == yaml.load(front, Loader=yaml.SafeLoader)


def test_secured_repr_is_redacted(sample_text: str) -> None:
    doc = articlekit.loads(sample_text)
    value = str(doc.meta.secured)
    assert value not in repr(doc.meta)
    assert value not in repr(doc)
    assert "ciphertext=256 bytes" in repr(doc.meta.secured)


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        articlekit.check(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        articlekit.load(123)  # type: ignore[arg-type]


def test_models_are_frozen_and_strict() -> None:
    doc = articlekit.loads(MINIMAL)
    with pytest.raises(Exception, match="frozen"):
        doc.meta.title = "x"  # type: ignore[misc]
    copy = doc.meta.model_copy(update={"heat": 5})
    assert copy.heat == 5
    assert doc.meta.heat is None
    image = articlekit.Image(url="/a-50x50.png", width=50, height=50, is_cached=True)
    assert image.model_dump(by_alias=True, exclude_none=True)["isCached"] is True


def _corpus_ids(files: list[Path]) -> list[str]:
    return [f.name for f in files]


NEWS = corpus_files("_news")


@pytest.mark.skipif(not NEWS, reason="../shared/corpus is not present")
def test_every_news_file_loads_and_dumps_back_its_data() -> None:
    failures: list[tuple[str, Any]] = []
    for path in NEWS:
        raw = path.read_bytes()
        errors = [i for i in articlekit.check(raw) if i.is_error]
        if errors:
            failures.append((path.name, [str(e) for e in errors]))
            continue
        doc = articlekit.loads(raw)
        data, _ = articlekit.parse(raw)
        if doc.meta.model_dump(by_alias=True, exclude_none=True) != data:
            failures.append((path.name, "model_dump differs"))
    assert failures == []
    assert len(NEWS) == 192


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_positions_count_only_real_newlines(separator: str) -> None:
    # PyYAML also breaks lines at NEL, LS and PS; articlekit reports file lines.
    text = _with(f'excerpt: "a{separator}b"\nquality: x\n')
    (issue,) = articlekit.check(text)
    assert (issue.code, issue.line, issue.column) == ("AK302", 9, 10)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_and_body_for_every_newline_style(newline: str) -> None:
    text = _with("heat: 2147483648\n").replace("\n", newline)
    (issue,) = articlekit.check(text)
    assert (issue.line, issue.column) == (8, 7)
    doc = articlekit.loads(_with("").replace("\n", newline))
    assert doc.body == "Body." + newline


def test_body_is_kept_exactly() -> None:
    body = "\n\n<p>HTML</p>\r\n---\n# Markdown with a rule above\n\ttabs  \n"
    doc = articlekit.loads(MINIMAL.replace("Body.\n", body))
    assert doc.body == body


@pytest.mark.parametrize(
    ("fence", "close"),
    [("---   ", "---"), ("---", "...  "), ("---\t", "---")],
)
def test_fences_with_trailing_space_and_dots(fence: str, close: str) -> None:
    text = MINIMAL.replace("---\n", fence + "\n", 1)
    head, _sep, tail = text.rpartition("---\n")
    doc = articlekit.loads(head + close + "\n" + tail)
    assert doc.issues == ()
    assert doc.meta.title == "Hello"


def test_bom_is_tolerated_in_text_and_bytes() -> None:
    assert articlekit.check("\ufeff" + MINIMAL) == []
    assert articlekit.check(b"\xef\xbb\xbf" + MINIMAL.encode()) == []


def test_longer_dash_fences_warn() -> None:
    text = MINIMAL.replace("---\n", "-----\n")
    issues = articlekit.check(text)
    assert [(i.code, i.severity, i.line) for i in issues] == [
        ("AK104", "warning", 1),
        ("AK104", "warning", 8),
    ]
    assert articlekit.loads(text).meta.title == "Hello"


def test_invalid_utf8_is_an_issue_at_its_position() -> None:
    data = _with("excerpt: 'caf\xe9'\n").encode("utf-8").replace("caf\xe9".encode(), b"caf\xe9")
    (issue,) = [i for i in articlekit.check(data) if i.code == "AK101"]
    assert (issue.line, issue.column) == (8, 14)
    with pytest.raises(articlekit.ParseError):
        articlekit.loads(data)


def test_limits_are_configurable() -> None:
    nested = _with("mystery: " + "[" * 10 + "]" * 10 + "\n")
    assert not [i for i in articlekit.check(nested) if i.code == "AK207"]
    issues = articlekit.check(nested, limits=articlekit.Limits(max_depth=5))
    assert [i.code for i in issues if i.is_error] == ["AK207"]
    big = articlekit.check(MINIMAL, limits=articlekit.Limits(max_bytes=50))
    assert [i.code for i in big] == ["AK105"]
    with pytest.raises(ValueError, match="max_depth"):
        articlekit.Limits(max_depth=-1)


def test_alias_bomb_is_stopped() -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for n in range(1, 10):
        prev = f"*a{n - 1}"
        lines.append(f"a{n}: &a{n} [{', '.join([prev] * 9)}]")
    issues = articlekit.check(_with("\n".join(lines) + "\n"))
    limit = [i for i in issues if i.code == "AK207"]
    assert len(limit) == 1
    assert "alias" in limit[0].message


def test_files_use_yaml_keys_not_python_names() -> None:
    # Python code may say web_url=...; a file must say webUrl.
    issues = articlekit.check(MINIMAL.replace("webUrl:", "web_url:"))
    assert ("AK305", ("web_url",)) in [(i.code, i.path) for i in issues]
    assert "AK702" in {i.code for i in issues}
    assert (
        articlekit.Article(
            title="x",
            published_date_time=datetime(2020, 1, 1, tzinfo=timezone.utc),
            web_url="https://e.com/",
            secured=SECURED,
        ).web_url
        == "https://e.com/"
    )
