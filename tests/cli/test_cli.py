# SPDX-License-Identifier: MIT
"""Tests of the isomm command: every command, its exit codes, and the documents it writes.

Run by CTest as:  python3 test_cli.py ISOMM_BINARY TEST_DATA_DIR EXAMPLES_DATA_DIR SUITE
where SUITE is one of the TestCase classes below (Commands, Json, Charts, Png).
Only the standard library is used; PNG images are decoded here to check that they are not blank.
"""
import csv
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import xml.dom.minidom
import zlib
from html.parser import HTMLParser

ISOMM, DATA, EXAMPLES = sys.argv[1], sys.argv[2], sys.argv[3]
EXAMPLE = os.path.join(DATA, "example-1.csv")
PATTERNS = ["full-outsource", "minimum-insource", "hybrid", "minimum-outsource", "full-insource"]


def run(*args, stdin=None, env_extra=None):
    """Run isomm with a fixed locale; return (exit code, stdout, stderr) as text."""
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="", **(env_extra or {}))
    p = subprocess.run([ISOMM, *args], input=stdin.encode() if stdin is not None else None,
                       capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def example_rows():
    with open(EXAMPLE, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, rows, fields):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


class TempDir(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="isomm-cli-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)


# The end of every help text: ISOG-J's attribution (isomm_model_attribution()->notice_en).
ATTRIBUTION = (
    "\n"
    "Catalogue: Roles, functions, organisation patterns and maturity scales from\n"
    "ISOMM v2.1 by ISOG-J (Information Security Operation providers Group Japan),\n"
    "licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); the English\n"
    "texts and default domain placements are libisomm's own.\n"
)


class Commands(TempDir):
    def test_help_and_version(self):
        code, out, err = run("--help")
        self.assertEqual(code, 0)
        self.assertTrue(out.startswith("Usage: isomm COMMAND"))
        for command in ("report", "validate", "template", "compare", "aggregate", "model"):
            self.assertIn("\n  " + command + " ", out)
        self.assertIn("\n  help ", out)
        self.assertEqual(run("help"), (0, out, ""))
        self.assertTrue(out.endswith(ATTRIBUTION), out)
        code, out, _ = run("--version")
        self.assertEqual(code, 0)
        self.assertRegex(out, r"^isomm \d+\.\d+\.\d+\n$")

    def test_help_of_one_command(self):
        options = {
            "report": ("--format F", "--html-out PATH", "--target PATTERN", "--id ID", "--list-size N"),
            "validate": ("--encoding E",),
            "template": ("--bom",),
            "compare": ("--old ID, --new ID", "--format F"),
            "aggregate": ("--format F",),
            "model": ("--format F",),
        }
        for command, own in options.items():
            with self.subTest(command=command):
                code, out, err = run("help", command)
                self.assertEqual((code, err), (0, ""))
                self.assertTrue(out.startswith("Usage: isomm " + command + " "), out)
                for option in own + ("--lang ja|en", "-o, --output FILE"):
                    self.assertIn("\n  " + option, out)
                # the same text from COMMAND --help and -h, wherever it stands
                self.assertEqual(run(command, "--help"), (0, out, ""))
                self.assertEqual(run(command, "x.csv", "-h"), (0, out, ""))
                # the source of the catalogue (CC BY 4.0), as in the model JSON
                self.assertTrue(out.endswith(ATTRIBUTION), out)
                # every help line fits an 80-column terminal
                self.assertEqual([line for line in out.splitlines() if len(line) > 80], [])
        self.assertNotIn("--bom", run("help", "report")[1])

    def test_help_of_an_unknown_command_exits_2(self):
        self.assertEqual(run("help", "nosuch"), (2, "", "isomm: unknown command 'nosuch'\nTry 'isomm help'.\n"))
        self.assertEqual(run("help", "report", "model")[0], 2)

    def test_usage_errors_exit_2(self):
        cases = [
            ((), "no command given"),
            (("bogus",), "unknown command 'bogus'"),
            (("report",), "'report' takes one FILE.csv, got 0 files"),
            (("report", EXAMPLE, EXAMPLE), "'report' takes one FILE.csv, got 2 files"),
            (("report", EXAMPLE, "--format", "pdf"), "unknown format 'pdf'"),
            (("report", EXAMPLE, "--lang", "fr"), "unknown language 'fr' (expected ja or en)"),
            (("report", EXAMPLE, "--target", "nowhere"), "unknown pattern 'nowhere'"),
            (("report", EXAMPLE, "--strengths", "9"), "--strengths takes 1 to 4, got '9'"),
            (("report", EXAMPLE, "--list-size", "x"), "--list-size takes 0 to 54, got 'x'"),
            (("report", EXAMPLE, "--bom"), "option '--bom' does not apply to 'report'"),
            (("report", EXAMPLE, "--wat"), "unknown option '--wat'"),
            (("report", EXAMPLE, "--format"), "option '--format' needs a value"),
            (("report", EXAMPLE, "--id", "nobody"), "has no assessment 'nobody'"),
            (("template", "--bom=yes"), "option '--bom=yes' takes no value"),
            (("template", "extra.csv"), "'template' takes no file, got 1 file"),
            (("model", "--format", "xml"), "unknown format 'xml' (expected csv or json)"),
            (("validate", EXAMPLE, "--encoding", "latin1"), "unknown encoding 'latin1'"),
            (("compare", EXAMPLE), "'compare' takes OLD.csv and NEW.csv, got 1 file"),
            (("compare", "-", "-"), "only one of OLD and NEW can be standard input"),
            (("compare", EXAMPLE, EXAMPLE, "--format", "svg-roles"), "unknown format 'svg-roles'"),
            (("aggregate",), "'aggregate' takes at least one FILE.csv"),
            (("aggregate", "-", "-"), "standard input can be read only once"),
            (("aggregate", EXAMPLE, "--old", "x"), "option '--old' does not apply to 'aggregate'"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                code, out, err = run(*args)
                self.assertEqual(code, 2, err)
                self.assertEqual(out, "")
                self.assertIn(message, err)

    def test_report_text(self):
        code, out, err = run("report", EXAMPLE, "--lang", "en")
        self.assertEqual((code, err), (0, ""))
        self.assertTrue(out.startswith("ISOMM maturity report: example-1\n"))
        self.assertIn("  Organisation     Example Corp\n", out)
        self.assertIn("  B  Real-time analysis                            2.7 / 5  ", out)
        self.assertIn("     Overall maturity                              2.5 / 5  ", out)
        self.assertIn("\nStrengths\n  A  Security response organisation management  3.0 / 5\n", out)
        self.assertIn("    I-6   Collaboration with security communities (Insource, level 1)\n", out)
        self.assertIn("Unanswered roles (3, counted as level 1)\n", out)

    def test_report_language_follows_the_locale(self):
        env = dict(os.environ, LANG="ja_JP.UTF-8", LC_ALL="", LC_MESSAGES="")
        p = subprocess.run([ISOMM, "report", EXAMPLE], capture_output=True, env=env, timeout=60)
        self.assertEqual(p.returncode, 0)
        self.assertTrue(p.stdout.decode().startswith("ISOMM 成熟度評価レポート: example-1\n"))

    def test_report_from_stdin_to_file_and_html_out(self):
        with open(EXAMPLE, encoding="utf-8") as f:
            text = f.read()
        out_path, html_path = self.path("r.md"), self.path("r.html")
        code, out, err = run("report", "-", "--format", "markdown", "--lang", "en", "-o", out_path,
                             "--html-out", html_path, stdin=text)
        self.assertEqual(code, 0, err)
        self.assertEqual(out, "")
        self.assertEqual(err, "isomm: HTML report written to " + html_path + "\n")
        with open(out_path, encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("# ISOMM maturity report: example-1\n"))
        with open(html_path, encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("<!DOCTYPE html>"))

    def test_readme_main_job(self):
        sample = os.path.join(EXAMPLES, "sample.csv")
        html_path = self.path("isomm-report.html")
        code, out, err = run("report", sample, "--html-out", html_path)
        self.assertEqual(code, 0, err)
        self.assertIn("Overall maturity", out)
        self.assertEqual(err, "isomm: HTML report written to " + html_path + "\n")
        self.assertGreater(os.path.getsize(html_path), 10000)

    def test_invalid_input_exits_1_with_file_and_line(self):
        rows = example_rows()
        rows[1]["level"] = "7"  # line 3
        bad = self.path("bad.csv")
        write_csv(bad, rows, list(rows[0].keys()))
        code, out, err = run("report", bad)
        self.assertEqual(code, 1)
        self.assertEqual(out, "")
        self.assertTrue(err.startswith(bad + ":3: "), err)
        self.assertEqual(err.count("\n"), 1)

        code, out, err = run("report", self.path("missing.csv"))
        self.assertEqual(code, 1)
        self.assertTrue(err.startswith(self.path("missing.csv") + ": "), err)

        code, _, err = run("report", "-", stdin="role,sourcing,level\nA-1,insource,9\n")
        self.assertEqual(code, 1)
        self.assertTrue(err.startswith("<stdin>:2: "), err)

    def test_unwritable_output_exits_1(self):
        target = os.path.join(self.dir, "no", "such", "dir", "out.txt")
        code, out, err = run("report", EXAMPLE, "-o", target)
        self.assertEqual(code, 1)
        self.assertEqual(err, "isomm: cannot create a temporary file next to '" + target +
                         "': No such file or directory\n")

    def test_validate(self):
        code, out, err = run("validate", EXAMPLE)
        self.assertEqual((code, out, err), (0, EXAMPLE + ": valid, 1 assessment\n", ""))
        rows = example_rows()
        rows[1]["level"] = "7"      # line 3
        rows[3]["sourcing"] = "maybe"  # line 5
        bad = self.path("bad.csv")
        write_csv(bad, rows, list(rows[0].keys()))
        code, out, err = run("validate", bad)
        self.assertEqual(code, 1)
        self.assertEqual(out, "")
        lines = err.splitlines()
        self.assertEqual(len(lines), 3, err)
        self.assertTrue(lines[0].startswith(bad + ":3: "))
        self.assertTrue(lines[1].startswith(bad + ":5: "))
        self.assertEqual(lines[2], bad + ": 2 problems found")

    def test_template_filled_in_reads_back(self):
        code, out, err = run("template", "--lang", "en")
        self.assertEqual((code, err), (0, ""))
        rows = list(csv.DictReader(io.StringIO(out)))
        self.assertEqual(len(rows), 54)
        self.assertEqual(rows[0]["role"], "A-1")
        self.assertEqual(rows[0]["name"], "Overall policy management")
        for i, row in enumerate(rows):
            row["sourcing"] = "insource" if i % 2 else "outsource"
            row["level"] = str(i % 6)
            row["assessment"] = "filled"
        rows[0]["target_pattern"] = "hybrid"
        filled = self.path("filled.csv")
        write_csv(filled, rows, list(rows[0].keys()))
        code, out, err = run("report", filled, "--format", "json")
        self.assertEqual((code, err), (0, ""))
        doc = json.loads(out)
        self.assertEqual(doc[0]["assessment"], "filled")
        self.assertEqual(doc[0]["unanswered"], [])
        self.assertEqual([r["level"] for r in doc[0]["roles"]], [i % 6 for i in range(54)])

    def test_template_bom_and_output_file(self):
        path = self.path("t.csv")
        code, out, err = run("template", "--bom", "--lang", "ja", "-o", path)
        self.assertEqual((code, out, err), (0, "", ""))
        with open(path, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbfassessment,"))
        self.assertIn("A-1,全体方針管理,".encode(), data)

    def test_model(self):
        code, out, err = run("model")
        self.assertEqual((code, err), (0, ""))
        with open(os.path.join(DATA, "roles-v2.1.csv"), encoding="utf-8", newline="") as f:
            expected = list(csv.DictReader(f))
        self.assertEqual(list(csv.DictReader(io.StringIO(out))), expected)
        code, out, err = run("model", "--format", "json")
        self.assertEqual((code, err), (0, ""))
        doc = json.loads(out)
        self.assertEqual([f["code"] for f in doc["functions"]], list("ABCDEFGHI"))
        self.assertEqual([r["code"] for r in doc["roles"]], [r["code"] for r in expected])
        self.assertEqual([r["domain"] for r in doc["roles"]], [r["domain"] for r in expected])
        self.assertEqual([p["id"] for p in doc["patterns"]], PATTERNS)
        self.assertEqual([d["code"] for d in doc["domains"]], ["I", "II", "III", "IV"])
        self.assertEqual([s["level"] for s in doc["scales"]["outsource"]], [0, 1, 2, 3, 4, 5])
        self.assertEqual((doc["attribution"]["licence"], doc["attribution"]["author_en"]),
                         ("CC BY 4.0", "ISOG-J (Information Security Operation providers Group Japan)"))

    def test_custom_model(self):
        with open(os.path.join(DATA, "roles-v2.1.csv"), encoding="utf-8", newline="") as f:
            roles = list(csv.DictReader(f))
        fields = list(roles[0].keys())
        next(r for r in roles if r["code"] == "A-2")["domain"] = "IV"
        custom = self.path("custom.csv")
        write_csv(custom, roles, fields)
        code, out, err = run("report", EXAMPLE, "--format", "json", "--model", custom)
        self.assertEqual((code, err), (0, ""))
        a2 = next(r for r in json.loads(out)[0]["roles"] if r["code"] == "A-2")
        self.assertEqual((a2["domain"], a2["expected_sourcing"]), ("IV", "outsource"))
        code, out, err = run("model", "--format", "json", "--model", custom)
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["roles"][1]["domain"], "IV")
        roles[3]["domain"] = "V"  # line 5
        write_csv(custom, roles, fields)
        code, out, err = run("report", EXAMPLE, "--model", custom)
        self.assertEqual((code, out), (1, ""))
        self.assertTrue(err.startswith(custom + ":5: "), err)

    def test_several_assessments(self):
        rows = example_rows()
        second = [dict(r, assessment="example-2") for r in rows]
        second[0]["level"] = "5"
        both = self.path("both.csv")
        write_csv(both, rows + second, list(rows[0].keys()))
        code, out, err = run("report", both, "--format", "json")
        self.assertEqual((code, err), (0, ""))
        self.assertEqual([d["assessment"] for d in json.loads(out)], ["example-1", "example-2"])
        code, out, err = run("report", both, "--format", "svg-roles")
        self.assertEqual(code, 2)
        self.assertIn("holds 2 assessments; pick one with --id ID", err)
        code, out, err = run("report", both, "--format", "svg-roles", "--id", "example-2")
        self.assertEqual((code, err), (0, ""))
        self.assertIn("Level by role \u2014 example-2", out)

    def test_html_of_many_assessments_is_written_at_the_end(self):
        """The page is streamed: its sections wait in a temporary file under $TMPDIR, and nothing
        is written before the whole input was read."""
        rows = example_rows()
        many = []
        for i in range(16):  # more than the 1 MiB the sections keep in memory
            many += [dict(r, assessment="a-%d" % i) for r in rows]
        page, listing = self.path("page.html"), self.path("many.csv")
        write_csv(listing, many, list(rows[0].keys()))
        code, out, err = run("report", listing, "--format", "html", "--lang", "en", "-o", page,
                             env_extra={"TMPDIR": self.dir})
        self.assertEqual((code, out, err), (0, "", ""))
        self.assertEqual(sorted(os.listdir(self.dir)), ["many.csv", "page.html"])  # no spool left
        with open(page, encoding="utf-8") as f:
            html = f.read()
        self.assertIn("<title>ISOMM maturity report: a-0, a-1, a-2 \u2026 (16)</title>", html)
        self.assertEqual(html.count('<section class="assessment brief">'), 16)
        self.assertEqual(html.count('<tr><td class="id">a-'), 16)
        code, whole, err = run("report", listing, "--format", "html", "--lang", "en")
        self.assertEqual((code, err, whole), (0, "", html))

        # no room for the spool: a clear error, and the page there stays as it was
        with open(page, "w", encoding="utf-8") as f:
            f.write("old page")
        code, out, err = run("report", listing, "--format", "html", "-o", page,
                             env_extra={"TMPDIR": self.path("missing")})
        self.assertEqual((code, out), (1, ""))
        self.assertEqual(err, "isomm: report: cannot create a temporary file in '" + self.path("missing") +
                         "' for the HTML sections: No such file or directory\n")
        with open(page, encoding="utf-8") as f:
            self.assertEqual(f.read(), "old page")

        # a bad row near the end: nothing written, not even the page's opening
        many[-3]["level"] = "9"
        write_csv(listing, many, list(rows[0].keys()))
        for fmt in ("html", "svg", "svg-roles"):
            code, out, err = run("report", listing, "--format", fmt)
            self.assertEqual((code, out), (1, ""), fmt)
            self.assertRegex(err, "^" + listing + r":\d+: bad level '9' in column 'level'", fmt)

    def test_compare(self):
        rows = example_rows()
        newer = [dict(r, assessment="2026") for r in rows]
        newer[0]["level"] = "4"   # A-1 2 -> 4
        newer[2]["level"] = "3"   # A-3 4 -> 3
        new_path = self.path("new.csv")
        write_csv(new_path, newer, list(rows[0].keys()))
        code, out, err = run("compare", EXAMPLE, new_path, "--format", "json")
        self.assertEqual((code, err), (0, ""))
        doc = json.loads(out)
        self.assertEqual((doc["old"], doc["new"]), ("example-1", "2026"))
        self.assertEqual((doc["improved"], doc["declined"]), (1, 1))
        a1 = next(r for r in doc["roles"] if r["code"] == "A-1")
        self.assertEqual((a1["old_level"], a1["new_level"], a1["level_change"]), (2, 4, 2))
        code, out, err = run("compare", EXAMPLE, new_path, "--lang", "en")
        self.assertEqual((code, err), (0, ""))
        self.assertNotEqual(out, "")
        code, out, err = run("compare", EXAMPLE, new_path, "--old", "nobody")
        self.assertEqual(code, 2)
        self.assertIn("has no assessment 'nobody'", err)

    def test_aggregate(self):
        rows = example_rows()
        other = [dict(r, assessment="assessor-2") for r in rows]
        other[6]["level"] = "4"  # B-1: 0 -> 4
        other_path = self.path("other.csv")
        write_csv(other_path, other, list(rows[0].keys()))
        code, out, err = run("aggregate", EXAMPLE, other_path, "--format", "json")
        self.assertEqual((code, err), (0, ""))
        doc = json.loads(out)
        self.assertEqual(doc["assessments"], 2)
        b1 = next(r for r in doc["roles"] if r["code"] == "B-1")
        self.assertEqual((b1["count"], b1["not_applicable"]), (1, 1))
        rows[1]["level"] = "9"
        bad = self.path("bad.csv")
        write_csv(bad, rows, list(rows[0].keys()))
        code, out, err = run("aggregate", other_path, bad)
        self.assertEqual(code, 1)
        self.assertTrue(err.startswith(bad + ":3: "), err)


class Json(unittest.TestCase):
    """The JSON report of the worked example, parsed and compared field by field."""

    @classmethod
    def setUpClass(cls):
        with open(os.path.join(DATA, "example-1.expected.json"), encoding="utf-8") as f:
            cls.expected = json.load(f)
        code, out, err = run("report", EXAMPLE, "--format", "json", "--lang", "en")
        assert code == 0, err
        cls.doc = json.loads(out)

    def test_one_object_with_the_metadata(self):
        self.assertEqual(len(self.doc), 1)
        d = self.doc[0]
        self.assertEqual(d["assessment"], self.expected["assessment"])
        self.assertEqual((d["organization"], d["assessor"], d["date"]), ("Example Corp", "CSIRT lead", "2026-11-01"))
        self.assertEqual((d["current_pattern"], d["target_pattern"]), ("hybrid", "minimum-outsource"))
        self.assertEqual(list(d.keys()), ["assessment", "organization", "assessor", "date", "current_pattern",
                                          "target_pattern", "unanswered", "functions", "overall_maturity", "roles",
                                          "strengths", "weaknesses", "recommendations", "action_plan", "pattern_fit",
                                          "warnings"])

    def test_maturities_unrounded(self):
        d = self.doc[0]
        self.assertEqual({f["code"]: f["maturity"] for f in d["functions"]}, self.expected["function_maturity"])
        self.assertEqual(d["overall_maturity"], self.expected["overall_maturity"])
        b = next(f for f in d["functions"] if f["code"] == "B")
        self.assertEqual((b["name"], b["rated_roles"], b["excluded_roles"]), ("Real-time analysis", 3, 2))

    def test_lists_fit_and_warnings(self):
        d = self.doc[0]
        self.assertEqual(d["unanswered"], self.expected["unanswered"])
        self.assertEqual([s["function"] for s in d["strengths"]], self.expected["strengths"])
        self.assertEqual([w["function"] for w in d["weaknesses"]], self.expected["weaknesses"])
        self.assertTrue(all(s["comment"] for s in d["strengths"] + d["weaknesses"]))
        self.assertEqual(d["pattern_fit"], self.expected["pattern_fit"])
        self.assertEqual(d["recommendations"], self.expected["recommendations_by_target"]["minimum-outsource"])
        self.assertEqual(d["warnings"], ["unanswered"])

    def test_roles_match_the_csv(self):
        rows = {r["role"]: r for r in example_rows()}
        roles = self.doc[0]["roles"]
        self.assertEqual(len(roles), 54)
        for r in roles:
            src = rows[r["code"]]
            self.assertEqual(r["function"], r["code"][0])
            self.assertEqual(r["sourcing"], src["sourcing"] or None)
            self.assertEqual(r["level"], int(src["level"]) if src["level"] else None)
            self.assertEqual(r["note"], src["note"] or None)
            self.assertIn(r["expected_sourcing"], ("insource", "outsource"))

    def test_every_target(self):
        for target in PATTERNS:
            with self.subTest(target=target):
                code, out, err = run("report", EXAMPLE, "--format", "json", "--target", target)
                self.assertEqual(code, 0, err)
                d = json.loads(out)[0]
                self.assertEqual(d["target_pattern"], target)
                self.assertEqual(d["recommendations"], self.expected["recommendations_by_target"][target])


class Charts(TempDir):
    """SVG charts are well-formed XML with the expected marks; HTML references nothing external."""

    def svg(self, *args):
        code, out, err = run("report", EXAMPLE, *args)
        self.assertEqual((code, err), (0, ""))
        return xml.dom.minidom.parseString(out.encode("utf-8"))

    def test_radar(self):
        for lang in ("ja", "en"):
            dom = self.svg("--format", "svg", "--lang", lang)
            root = dom.documentElement
            self.assertEqual(root.tagName, "svg")
            self.assertEqual(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg")
            points = [c for c in dom.getElementsByTagName("circle") if c.getAttribute("class") == "point"]
            self.assertEqual(len(points), 9)

    def test_radar_of_two_assessments(self):
        rows = example_rows()
        both = self.path("both.csv")
        write_csv(both, rows + [dict(r, assessment="b") for r in rows], list(rows[0].keys()))
        code, out, err = run("report", both, "--format", "svg")
        self.assertEqual(code, 0, err)
        dom = xml.dom.minidom.parseString(out.encode("utf-8"))
        # each series its own marker: circles for the first, squares for the second
        for tag in ("circle", "rect"):
            points = [c for c in dom.getElementsByTagName(tag) if c.getAttribute("class") == "point"]
            self.assertEqual(len(points), 9, tag)

    def test_role_chart(self):
        dom = self.svg("--format", "svg-roles", "--lang", "en")
        bars = [r for r in dom.getElementsByTagName("rect") if r.getAttribute("class").startswith("bar ")]
        self.assertEqual(len(bars), 54)
        kinds = [b.getAttribute("class").split()[1] for b in bars]
        self.assertEqual((kinds.count("unanswered"), kinds.count("level0")), (3, 8))

    def test_html_references_nothing_external(self):
        code, out, err = run("report", EXAMPLE, "--format", "html")
        self.assertEqual((code, err), (0, ""))

        class Refs(HTMLParser):
            def __init__(self):
                super().__init__()
                self.found, self.tags = [], []

            def handle_starttag(self, tag, attrs):
                self.tags.append(tag)
                for name, value in attrs:
                    if name in ("src", "href", "xlink:href", "srcset", "action", "poster", "data"):
                        self.found.append((tag, name, value))

        refs = Refs()
        refs.feed(out)
        self.assertEqual(refs.found, [])
        for tag in ("script", "link", "img", "iframe", "object", "embed"):
            self.assertNotIn(tag, refs.tags)
        # the radar, nine function meters, the role chart's legend and its nine function groups
        self.assertEqual(refs.tags.count("svg"), 20)
        self.assertNotIn("url(", out)
        self.assertNotIn("@import", out)
        self.assertEqual(out.count("http"), out.count('xmlns="http://www.w3.org/2000/svg"'))


def png_pixels(path):
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG (what rsvg-convert writes): (width, height, rows)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and color in (2, 6) and interlace == 0
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if color == 6 else 3
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


class Png(TempDir):
    """Each SVG renders (rsvg-convert, Debian librsvg2-bin) to a picture that is not blank."""

    def render(self, fmt, lang, colour):
        svg_path, png_path = self.path(fmt + lang + ".svg"), self.path(fmt + lang + ".png")
        code, _, err = run("report", EXAMPLE, "--format", fmt, "--lang", lang, "-o", svg_path)
        self.assertEqual(code, 0, err)
        subprocess.run(["rsvg-convert", svg_path, "-o", png_path], check=True, timeout=60)
        width, height, rows = png_pixels(png_path)
        pixels = [p for row in rows for p in row]
        inked = sum(1 for p in pixels if p != (255, 255, 255))
        coloured = sum(1 for p in pixels if all(abs(p[i] - colour[i]) < 24 for i in range(3)))
        self.assertGreater(inked, len(pixels) // 20, "almost blank: %s" % png_path)
        self.assertGreater(coloured, 500, "the series colour is missing: %s" % png_path)
        return width, height

    def test_radar(self):
        for lang in ("ja", "en"):
            self.assertEqual(self.render("svg", lang, (0x1F, 0x5F, 0xA8)), (800, 610))

    def test_role_chart(self):
        self.render("svg-roles", "ja", (0xB8, 0x4A, 0x00))


if __name__ == "__main__":
    if shutil.which("rsvg-convert") is None and sys.argv[4] == "Png":
        print("rsvg-convert (Debian librsvg2-bin) is not installed")
        sys.exit(77)
    unittest.main(argv=[sys.argv[0], sys.argv[4]], verbosity=1)
