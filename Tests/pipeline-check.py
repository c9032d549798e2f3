#!/usr/bin/env python3
"""Reads audit's pipeline formats as the tools that consume them do, for the CLI tests.

    pipeline-check.py sarif REPORT SCHEMA   validates REPORT against the SARIF 2.1.0 JSON Schema
    pipeline-check.py junit REPORT          reads REPORT with junitparser and checks its counts
    pipeline-check.py modules               exits 0 when jsonschema and junitparser are installed

Prints problems one a line and exits 1 when there are any; for junit, first prints what the
reader saw as one JSON line: [{"name", "tests", "failures", "errors", "cases": [{"name",
"result": "passed"|"failure"|"error", "message", "type"}]}].
"""
import json
import sys


def sarif(report, schema_path):
    import jsonschema

    with open(schema_path) as f:
        schema = json.load(f)
    with open(report) as f:
        document = json.load(f)
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def junit(report):
    from junitparser import JUnitXml, Failure, Error

    problems, seen = [], []
    xml = JUnitXml.fromfile(report)
    for suite in xml:
        cases = []
        failures = errors = 0
        for case in suite:
            result = "passed"
            message = kind = None
            for r in case.result:
                if isinstance(r, Failure):
                    result, failures = "failure", failures + 1
                elif isinstance(r, Error):
                    result, errors = "error", errors + 1
                message, kind = r.message, r.type
            cases.append({"name": case.name, "classname": case.classname, "result": result, "message": message, "type": kind,
                          "output": case.system_out})
        for name, counted, written in (("tests", len(cases), suite.tests), ("failures", failures, suite.failures),
                                       ("errors", errors, suite.errors)):
            if counted != written:
                problems.append(f"{suite.name}: {name}={written} in the attributes, {counted} in the content")
        seen.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures, "errors": suite.errors, "cases": cases})
    print(json.dumps(seen))
    return problems


def main():
    what = sys.argv[1]
    if what == "modules":
        try:
            import jsonschema  # noqa: F401
            import junitparser  # noqa: F401
        except ImportError as e:
            print(e)
            return 1
        return 0
    problems = sarif(sys.argv[2], sys.argv[3]) if what == "sarif" else junit(sys.argv[2])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
