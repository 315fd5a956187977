"""`--format junit`: JUnit XML, which CI systems (GitLab, Jenkins, Azure, CircleCI...) render as tests.

One `testsuite` named `articlekit` with one `testcase` per checked file (its
path as shown, like the text format).  A file with errors fails: one
`failure` whose message counts them and whose text holds their lines
(`PATH:LINE:COL: error CODE message`, as the text format writes them; one
failure per file, since most CI pages show only a test case's first one).
Its warnings are in `system-out` (they do not fail it).  A path that could not
be read or checked is a test case with an `error`.  The `tests`, `failures`
and `errors` counts are those of the test cases.  Issues silenced by a
suppression comment are left out.  Written with `xml.etree.ElementTree`;
characters that XML 1.0 cannot hold are written as `\\xNN` escapes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ...issues import Issue
from .base import Report, Reporter

__all__ = ["JunitReporter"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """`text` with the characters XML 1.0 cannot hold (control characters, lone surrogates) escaped."""
    return _NOT_XML.sub(lambda m: repr(m.group())[1:-1], text)


def _line(path: str, issue: Issue) -> str:
    return _xml(f"{path}:{issue.line}:{issue.column}: {issue.severity} {issue.code} {issue.message}")


class JunitReporter(Reporter):
    """One JUnit XML document: a test case per checked file, failing when the file has errors."""

    help = "JUnit XML (a test case per file)"

    def render(self, report: Report) -> str:
        cases: list[ET.Element] = []
        failures = 0
        for path, issues in report.by_file().items():
            case = ET.Element("testcase", {"classname": "articlekit", "name": _xml(path), "time": "0"})
            errors = [issue for issue in issues if issue.is_error]
            warnings = [issue for issue in issues if not issue.is_error]
            if errors:
                failures += 1
                first = errors[0]
                count = f"{len(errors)} error{'' if len(errors) == 1 else 's'}"
                failure = ET.SubElement(
                    case,
                    "failure",
                    {"type": first.code, "message": _xml(f"{count}: {first.code} {first.message}")},
                )
                failure.text = "".join(_line(path, issue) + "\n" for issue in errors)
            if warnings:
                out = ET.SubElement(case, "system-out")
                out.text = "".join(_line(path, issue) + "\n" for issue in warnings)
            cases.append(case)
        for path, reason in report.unreadable:
            case = ET.Element("testcase", {"classname": "articlekit", "name": _xml(path), "time": "0"})
            message = _xml(f"cannot read {path}: {reason}")
            ET.SubElement(case, "error", {"type": "unreadable", "message": message})
            cases.append(case)
        counts = {
            "tests": str(len(cases)),
            "failures": str(failures),
            "errors": str(len(report.unreadable)),
            "skipped": "0",
            "time": f"{report.elapsed:.3f}",
        }
        root = ET.Element("testsuites", {"name": "articlekit", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "articlekit", **counts})
        suite.extend(cases)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
