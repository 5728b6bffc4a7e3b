# SPDX-License-Identifier: MIT
"""Tests of `isomm population` and `isomm benchmark` (issue 16), run as the user runs them.

Run by CTest as:  python3 test_cli_population.py ISOMM_BINARY TEST_DATA_DIR EXAMPLES_DATA_DIR Population
It shares the helpers of test_cli.py (same arguments). Only the standard library is used.
"""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import EXAMPLE, ISOMM, TempDir, example_rows, run, write_csv  # noqa: E402

FIELDS = ["assessment", "role", "sourcing", "level"]


def rows_of(assessment, level, overrides=None):
    """The 54 roles of the example's catalogue, all insource at `level`, with overrides {role: (sourcing, level)}."""
    roles = [r["role"] for r in example_rows()]
    out = []
    for role in roles:
        sourcing, lvl = (overrides or {}).get(role, ("insource", level))
        out.append({"assessment": assessment, "role": role, "sourcing": sourcing,
                    "level": "" if lvl is None else str(lvl)})
    return out


class Population(TempDir):
    def make_peers(self, name="peers.csv"):
        # the population of test_population.c: P1..P6
        rows = (rows_of("P1", 2) + rows_of("P2", 2, {"B-1": ("insource", 4)}) + rows_of("P3", 3)
                + rows_of("P4", 3, {"H-1": ("outsource", 0), "H-2": ("outsource", 0), "H-3": ("outsource", 0)})
                + rows_of("P5", 4, {"A-1": ("", None)}) + rows_of("P6", 2, {"B-1": ("outsource", 4)}))
        write_csv(self.path(name), rows, FIELDS)
        return self.path(name)

    def make_subject(self):
        write_csv(self.path("s.csv"), rows_of("S", 2, {"B-1": ("insource", 4), "A-1": ("insource", 5),
                                                        "H-1": ("insource", 5), "D-1": ("insource", 1),
                                                        "G-1": ("outsource", 0), "I-1": ("", None)}), FIELDS)
        return self.path("s.csv")

    def test_population_file_and_benchmark_json(self):
        peers = self.make_peers()
        code, out, err = run("population", peers, "-o", self.path("pop.json"))
        self.assertEqual((code, out, err), (0, "", ""))
        with open(self.path("pop.json"), encoding="utf-8") as f:
            pop = json.load(f)
        self.assertEqual((pop["type"], pop["format"], pop["assessments"]), ("isomm-population", 1, 6))
        self.assertNotIn("P1", json.dumps(pop))
        code, out, err = run("benchmark", self.make_subject(), "--population", self.path("pop.json"),
                             "--format", "json")
        self.assertEqual((code, err), (0, ""))
        doc = json.loads(out)
        self.assertEqual(len(doc), 1)
        b = doc[0]
        self.assertEqual((b["assessment"], b["population"]), ("S", 6))
        functions = {f["code"]: f for f in b["functions"]}
        self.assertEqual(functions["B"]["maturity"], 2.4)
        self.assertAlmostEqual(functions["B"]["percentile"], 100 / 3, places=12)
        self.assertEqual(functions["B"]["quartiles"], [2.4, 2.4, 3.0])
        self.assertEqual(functions["H"]["percentile"], 70.0)
        self.assertEqual(b["overall"]["percentile"], 50.0)
        self.assertEqual(b["overall"]["quartiles"], [2.04, 2.04, 3.0])
        roles = {r["code"]: r for r in b["roles"]}
        self.assertEqual((roles["B-1"]["below"], roles["B-1"]["same"], roles["B-1"]["above"]), (0.5, 0.5, 0.0))
        self.assertEqual(roles["B-1"]["common_sourcing"], "insource")
        self.assertEqual(roles["D-1"]["standing"], "below")
        self.assertIsNone(roles["I-1"]["level"])

    def test_merging_files_equals_one_file(self):
        peers = self.make_peers()
        rows = list(open(peers, encoding="utf-8"))
        # split the CSV into two files at an assessment boundary: P1-P2 and P3-P6
        with open(self.path("a.csv"), "w", encoding="utf-8") as f:
            f.writelines(rows[:1 + 108])
        with open(self.path("b.csv"), "w", encoding="utf-8") as f:
            f.writelines(rows[:1] + rows[1 + 108:])
        self.assertEqual(run("population", peers, "-o", self.path("all.json"))[0], 0)
        self.assertEqual(run("population", self.path("b.csv"), "-o", self.path("b.json"))[0], 0)
        # a population file merged with a CSV, in either order
        self.assertEqual(run("population", self.path("a.csv"), self.path("b.json"), "-o", self.path("ab.json"))[0], 0)
        self.assertEqual(run("population", self.path("b.json"), self.path("a.csv"), "-o", self.path("ba.json"))[0], 0)
        with open(self.path("all.json"), "rb") as f:
            whole = f.read()
        for name in ("ab.json", "ba.json"):
            with open(self.path(name), "rb") as f:
                self.assertEqual(f.read(), whole, name)
        # standard input, and the same through --population twice
        with open(peers, encoding="utf-8") as f:
            code, out, _ = run("population", "-", stdin=f.read())
        self.assertEqual(out.encode(), whole)
        code, one, _ = run("benchmark", self.make_subject(), "--population", self.path("all.json"), "--format", "json")
        code2, two, _ = run("benchmark", self.make_subject(), "--population", self.path("a.csv").replace(".csv", ".json"),
                            "--population", self.path("b.json"), "--format", "json")
        self.assertEqual(code2, 1)  # a.json does not exist
        self.assertEqual(run("population", self.path("a.csv"), "-o", self.path("a.json"))[0], 0)
        code2, two, _ = run("benchmark", self.make_subject(), "--population", self.path("a.json"),
                            self.path("b.json"), "--format", "json")
        self.assertEqual((code, code2), (0, 0))
        self.assertEqual(one, two)

    def test_below_the_minimum_size_exits_1(self):
        self.assertEqual(run("population", EXAMPLE, "-o", self.path("one.json"))[0], 0)
        code, out, err = run("benchmark", EXAMPLE, "--population", self.path("one.json"))
        self.assertEqual((code, out), (1, ""))
        self.assertEqual(err, "isomm: the population holds 1 assessments, fewer than the minimum of 5 for a "
                              "benchmark (too few to hide any one of them)\n")
        code, out, err = run("benchmark", EXAMPLE, "--population", self.path("one.json"), "--min-size", "1",
                             "--format", "json")
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(json.loads(out)[0]["functions"][0]["percentile"], 50.0)

    def test_bad_population_file_names_file_line_and_column(self):
        peers = self.make_peers()
        self.assertEqual(run("population", peers, "-o", self.path("pop.json"))[0], 0)
        with open(self.path("pop.json"), encoding="utf-8") as f:
            text = f.read()
        with open(self.path("bad.json"), "w", encoding="utf-8") as f:
            f.write(text.replace('"assessments": 6', '"assessments": 7'))
        code, out, err = run("benchmark", EXAMPLE, "--population", self.path("bad.json"))
        self.assertEqual((code, out), (1, ""))
        self.assertEqual(err, self.path("bad.json") + ":5:3: the counts of function A add up to 6, but "
                         "\"assessments\" is 7\n")
        code, _, err = run("population", self.path("bad.json"), "-o", self.path("out.json"))
        self.assertEqual(code, 1)
        self.assertFalse(os.path.exists(self.path("out.json")))
        code, _, err = run("benchmark", EXAMPLE, "--population", self.path("missing.json"))
        self.assertEqual(code, 1)
        self.assertEqual(err, "%s: cannot open '%s': No such file or directory\n" % (self.path("missing.json"),
                                                                                    self.path("missing.json")))

    def test_a_bad_csv_leaves_an_existing_output_as_it_was(self):
        peers = self.make_peers()
        self.assertEqual(run("population", peers, "-o", self.path("pop.json"))[0], 0)
        with open(self.path("pop.json"), "rb") as f:
            before = f.read()
        with open(self.path("bad.csv"), "w", encoding="utf-8") as f:
            f.write("assessment,role,sourcing,level\nx,A-1,in,3\nx,A-2,in,7\n")
        code, out, err = run("population", peers, self.path("bad.csv"), "-o", self.path("pop.json"))
        self.assertEqual(code, 1)
        self.assertTrue(err.startswith(self.path("bad.csv") + ":3: "), err)
        with open(self.path("pop.json"), "rb") as f:
            self.assertEqual(f.read(), before)

    def test_views(self):
        peers = self.make_peers()
        self.assertEqual(run("population", peers, "-o", self.path("pop.json"))[0], 0)
        s = self.make_subject()
        code, out, err = run("benchmark", s, "--population", self.path("pop.json"), "--lang", "en")
        self.assertEqual((code, err), (0, ""))
        self.assertTrue(out.startswith("Benchmark of S against a population of 6 assessments\n"), out)
        self.assertIn("\nB  2.4   33.3  2.4 / 2.4 / 3.0  Real-time analysis\n", out)
        self.assertIn("\n  Below most of the population (1): D-1\n", out)
        self.assertEqual([line for line in out.splitlines() if len(line) > 80], [])
        code, out, _ = run("benchmark", s, "--population", self.path("pop.json"), "--lang", "ja")
        self.assertTrue(out.startswith("ベンチマーク: S（母集団 6 件）\n"), out)
        code, out, _ = run("benchmark", s, "--population", self.path("pop.json"), "--format", "markdown")
        self.assertEqual(code, 0)
        self.assertIn("\n|---|---|---|---|---|---|---|\n", out)
        code, out, _ = run("benchmark", s, "--population", self.path("pop.json"), "--format", "svg", "-o",
                           self.path("b.svg"))
        self.assertEqual(code, 0)
        with open(self.path("b.svg"), encoding="utf-8") as f:
            svg = f.read()
        self.assertTrue(svg.startswith("<svg xmlns="))
        self.assertLess(svg.index('class="iqr-band"'), svg.index('class="series"'))
        code, out, _ = run("benchmark", peers, "--population", self.path("pop.json"), "--format", "html")
        self.assertEqual(code, 0)
        self.assertTrue(out.startswith("<!DOCTYPE html>"))
        self.assertEqual(out.count('<section class="benchmark"'), 6)
        self.assertEqual(out.count("break-before: page"), 5)

    @unittest.skipIf(os.environ.get("ISOMM_SANITIZED"), "a sanitizer's shadow memory hides the program's own peak")
    def test_population_streams_in_bounded_memory(self):
        # 2,000 and then 20,000 assessments (1.08 million rows): the peak of the process must not
        # grow with the input, as only one assessment is held at a time
        roles = [r["role"] for r in example_rows()]

        def write(path, count):
            with open(path, "w", encoding="utf-8") as f:
                f.write("assessment,role,sourcing,level\n")
                for n in range(count):
                    f.write("".join(f"a{n},{role},{'in' if (n + i) % 3 else 'out'},{(n * 7 + i) % 6}\n"
                                    for i, role in enumerate(roles)))

        peaks = []
        for count in (2000, 20000):
            path = self.path(f"big-{count}.csv")
            write(path, count)
            env = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
            p = subprocess.Popen([ISOMM, "population", path, "-o", self.path("big.json")], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            self.assertEqual(p.returncode, 0, p.stderr.read())
            p.stderr.close()
            with open(self.path("big.json"), encoding="utf-8") as f:
                self.assertEqual(json.load(f)["assessments"], count)
            peaks.append(usage.ru_maxrss)  # KiB
            os.remove(path)
        self.assertLess(peaks[1] - peaks[0], 2048, peaks)

    @unittest.skipUnless(os.environ.get("ISOMM_XLSX_DIR"), "needs the workbooks of tests/xlsx/make_workbooks.py")
    def test_workbooks_as_input(self):
        # filled-ja.xlsx is the worked example typed into the template: it counts and benchmarks as its CSV
        workbook = os.path.join(os.environ["ISOMM_XLSX_DIR"], "filled-ja.xlsx")
        self.assertEqual(run("population", EXAMPLE, EXAMPLE, "-o", self.path("csv.json"))[0], 0)
        code, out, err = run("population", workbook, EXAMPLE, "-o", self.path("mixed.json"))
        self.assertEqual((code, out, err), (0, "", ""))
        with open(self.path("csv.json"), "rb") as f, open(self.path("mixed.json"), "rb") as g:
            self.assertEqual(f.read(), g.read())
        from_csv = run("benchmark", EXAMPLE, "--population", self.path("csv.json"), "--min-size", "1", "--format", "json")
        from_workbook = run("benchmark", workbook, "--population", self.path("csv.json"), "--min-size", "1",
                            "--format", "json")
        self.assertEqual(from_csv[0], 0)
        self.assertEqual(from_workbook, from_csv)

    def test_usage_errors_exit_2(self):
        cases = [
            (("population",), "'population' takes at least one FILE.csv or POP.json"),
            (("population", "-", "-"), "standard input can be read only once"),
            (("benchmark", EXAMPLE), "'benchmark' needs --population POP.json"),
            (("benchmark", "--population", "p.json"), "'benchmark' takes one FILE.csv and --population"),
            (("benchmark", EXAMPLE, "--population", "p.json", "--format", "svg-roles"), "unknown format 'svg-roles'"),
            (("benchmark", EXAMPLE, "--population", "p.json", "--min-size", "0"), "--min-size takes 1 or more"),
            (("population", EXAMPLE, "--population", "p.json"), "option '--population' does not apply"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                code, out, err = run(*args)
                self.assertEqual((code, out), (2, ""), err)
                self.assertIn(message, err)

    def test_help(self):
        for command, options in (("population", ("--encoding E",)), ("benchmark", ("--population POP", "--min-size N",
                                                                                    "--format F"))):
            code, out, err = run("help", command)
            self.assertEqual((code, err), (0, ""))
            for option in options:
                self.assertIn("\n  " + option, out)
            self.assertEqual([line for line in out.splitlines() if len(line) > 80], [])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], sys.argv[4]], verbosity=1)
