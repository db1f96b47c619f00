#!/usr/bin/env python3
"""Discovers unittest tests under START (default .) and writes a JUnit XML report to REPORT, because the
stdlib has no JUnit output and graders need one. Usage: unittest_junit.py REPORT [START] [PATTERN]"""
import io, os, sys, time, traceback, unittest
from xml.etree import ElementTree as ET

report = sys.argv[1]
start = sys.argv[2] if len(sys.argv) > 2 else "."
pattern = sys.argv[3] if len(sys.argv) > 3 else "test*.py"
sys.path.insert(0, os.path.abspath(start))


class Recorder(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = []

    def startTest(self, test):
        self._t0 = time.monotonic()
        super().startTest(test)

    def _record(self, test, kind, detail=""):
        self.cases.append((test.id(), kind, detail, time.monotonic() - self._t0))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", "".join(traceback.format_exception(*err)))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", "".join(traceback.format_exception(*err)))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)


suite = unittest.defaultTestLoader.discover(start, pattern=pattern)
result = unittest.TextTestRunner(stream=sys.stderr, resultclass=Recorder, verbosity=2).run(suite)
root = ET.Element("testsuites")
ts = ET.SubElement(root, "testsuite", name="unittest", tests=str(len(result.cases)))
for test_id, kind, detail, secs in result.cases:
    cls, _, name = test_id.rpartition(".")
    case = ET.SubElement(ts, "testcase", classname=cls, name=name, time=f"{secs:.3f}")
    if kind in ("failure", "error", "skipped"):
        ET.SubElement(case, kind, message=detail.strip().splitlines()[-1] if detail else kind).text = detail
os.makedirs(os.path.dirname(os.path.abspath(report)), exist_ok=True)
ET.ElementTree(root).write(report, encoding="utf-8", xml_declaration=True)
sys.exit(0 if result.wasSuccessful() else 1)
