"""CI formats: GitHub workflow annotations, GitLab code quality, JUnit XML."""

from __future__ import annotations

import json

import regex

from newslint.baseline import display_path, key
from newslint.formatters import Formatter


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


_XML_BAD = regex.compile(r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def _xml(s: str) -> str:
    """Text with the characters XML 1.0 cannot carry replaced."""
    return _XML_BAD.sub("\ufffd", s)


class GithubFormatter(Formatter):
    """``::error file=…,line=…::message`` lines that GitHub Actions turns into
    annotations on the pull request (info findings become notices)."""

    LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
    stateless = True

    def add(self, result) -> None:
        doc = result.document
        for d in result.diagnostics:
            line, col = doc.position(d.start)
            end_line, end_col = doc.position(d.end)
            props = [f"file={_gh_prop(display_path(result.name))}", f"line={line}"]
            if end_line == line:
                props += [f"col={col}", f"endColumn={end_col}"]
            else:
                props.append(f"endLine={end_line}")
            props.append(f"title={_gh_prop(f'newslint ({d.code} {d.name})')}")
            level = self.LEVELS.get(d.severity.value, "warning")
            self.stream.write(f"::{level} {','.join(props)}::{_gh_data(f'{d.code} {d.message}')}\n")


class GitlabFormatter(Formatter):
    """GitLab code quality report (a JSON array; ``artifacts: reports:
    codequality``).  The fingerprint is the baseline key, so it survives
    edits elsewhere in the file."""

    SEVERITY = {"error": "major", "warning": "minor", "info": "info"}

    def __init__(self, stream, **kw) -> None:
        super().__init__(stream, **kw)
        self._items: list[dict] = []

    def add(self, result) -> None:
        doc = result.document
        seen: dict[str, int] = {}
        for d in result.diagnostics:
            line, _ = doc.position(d.start)
            end_line, _ = doc.position(d.end)
            fp = key(doc, d, result.name)
            seen[fp] = seen.get(fp, 0) + 1
            if seen[fp] > 1:  # GitLab needs unique fingerprints
                fp = f"{fp}-{seen[fp]}"
            self._items.append(
                {
                    "description": f"{d.code} {d.message}",
                    "check_name": d.code,
                    "fingerprint": fp,
                    "severity": self.SEVERITY.get(d.severity.value, "minor"),
                    "categories": ["Style"],
                    "location": {
                        "path": display_path(result.name),
                        "lines": {"begin": line, "end": end_line},
                    },
                }
            )

    def finish(self, summary) -> None:
        self.stream.write(json.dumps(self._items, indent=2, ensure_ascii=False) + "\n")


class JunitFormatter(Formatter):
    """JUnit XML: one test suite per file, one failing test case per finding
    (a clean file is one passing case), for CI systems that chart tests."""

    def __init__(self, stream, **kw) -> None:
        super().__init__(stream, **kw)
        from xml.etree import ElementTree as ET

        self._ET = ET
        self._root = ET.Element("testsuites", name="newslint")
        self._tests = self._failures = 0

    def add(self, result) -> None:
        ET = self._ET
        doc = result.document
        name = display_path(result.name)
        n = len(result.diagnostics)
        suite = ET.SubElement(
            self._root,
            "testsuite",
            name=_xml(name),
            tests=str(max(n, 1)),
            failures=str(n),
            errors="0",
            skipped="0",
        )
        if not n:
            ET.SubElement(suite, "testcase", classname=name, name="newslint")
        for d in result.diagnostics:
            line, col = doc.position(d.start)
            case = ET.SubElement(
                suite, "testcase", classname=name, name=f"{d.code} {d.name} at {line}:{col}"
            )
            case.set("file", name)
            case.set("line", str(line))
            fail = ET.SubElement(case, "failure", message=_xml(d.message), type=d.code)
            fail.text = _xml(f"{name}:{line}:{col}: {d.code} {d.message}")
        self._tests += max(n, 1)
        self._failures += n

    def finish(self, summary) -> None:
        root = self._root
        root.set("tests", str(self._tests))
        root.set("failures", str(self._failures))
        root.set("errors", str(summary.errors))
        self._ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(self._ET.tostring(root, encoding="unicode") + "\n")
