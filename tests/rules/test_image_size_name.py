"""`size_in_name` matches its pattern at the path's last "-" only: the same answer as a search."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlekit.rules import image_size
from articlekit.rules._common import forget_memos, url_path


def _searched(url: str) -> tuple[int, int] | None:
    match = image_size._SIZE.search(url_path(url))
    return None if match is None else (int(match.group(1)), int(match.group(2)))


_PIECES = st.sampled_from(
    ["-", "x", "1", "20", "0", ".", "png", "a", "/", "?", "#", "\n", "-1x2", "-3x4.jpg", "é"]
)


@given(st.lists(_PIECES, max_size=14).map("".join), st.sampled_from(["https://h.example/", "/", "", "//h/"]))
def test_size_in_name_is_the_search(tail: str, head: str) -> None:
    url = head + tail
    forget_memos()
    assert image_size.size_in_name(url) == _searched(url)


def test_examples() -> None:
    forget_memos()
    for url, want in [
        ("https://e.com/a-b/logo-50x40.png?v=2", (50, 40)),
        ("https://e.com/a/logo-50x40.png-x", None),
        ("https://e.com/a/photo-1x2-3x4.jpg", (3, 4)),
        ("/a-1x2.jpg\n", (1, 2)),
        ("/a-1x2.jpg/b", None),
        ("https://e.com/a-1x2.jpg", (1, 2)),
    ]:
        assert image_size.size_in_name(url) == want == _searched(url)
