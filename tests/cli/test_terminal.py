# SPDX-License-Identifier: MIT
"""The text reports of the isomm command in a terminal: every line fits the width (COLUMNS, else
80 when standard output is no terminal), in English and Japanese, and text from input never
reaches the terminal with a control character in it.

Run by CTest as:  python3 test_terminal.py ISOMM_BINARY TEST_DATA_DIR EXAMPLES_DATA_DIR
"""
import os
import subprocess
import sys
import tempfile
import unicodedata
import unittest

ISOMM, DATA, EXAMPLES = sys.argv[1], sys.argv[2], sys.argv[3]
EXAMPLE = os.path.join(DATA, "example-1.csv")
SAMPLE = os.path.join(EXAMPLES, "sample.csv")


def columns(line):
    """Display columns of a line: East Asian wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def run(*args, cols=None):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="")
    env.pop("COLUMNS", None)
    if cols is not None:
        env["COLUMNS"] = str(cols)
    p = subprocess.run([ISOMM, *args], capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def later_year(path):
    """The worked example a year on: another id and assessor, levels moved (raised, dropped to
    0, cleared), so that a comparison has every status and an aggregate has disagreements."""
    import csv
    import io
    with open(EXAMPLE, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    for i, row in enumerate(rows[1:]):
        row[0] = "example-2"
        if i == 0:
            row[1:4] = ["Example Corp (a much longer organisation name to wrap)", "SOC manager", "2027-11-01"]
        if row[8] in ("1", "2", "3") and i % 3 == 0:
            row[8] = str(int(row[8]) + 2)
        elif i % 7 == 1:
            row[7:9] = ["", ""]
        elif i % 11 == 2:
            row[8] = "0"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    with open(path, "w", encoding="utf-8") as f:
        f.write(out.getvalue())


class Width(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        later = os.path.join(cls.tmp.name, "later.csv")
        later_year(later)
        cls.COMMANDS = {
            "report": ["report", EXAMPLE],
            "report-later": ["report", later],
            "compare": ["compare", EXAMPLE, later],
            "aggregate": ["aggregate", SAMPLE, EXAMPLE, later],
        }

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, cols, expect=None):
        expect = expect or cols
        for name, args in self.COMMANDS.items():
            for lang in ("en", "ja"):
                with self.subTest(command=name, lang=lang, columns=cols):
                    code, out, err = run(*args, "--lang", lang, cols=cols)
                    self.assertEqual(code, 0, err)
                    lines = out.split("\n")
                    self.assertGreater(len(lines), 20)
                    wide = [(i + 1, columns(l), l) for i, l in enumerate(lines) if columns(l) > expect]
                    self.assertEqual(wide, [], f"lines wider than {expect} columns")
                    if expect <= 80:
                        self.assertTrue(any(columns(l) > expect - 12 for l in lines),
                                        "no line uses the width: the layout ignores it")

    def test_80_columns(self):
        self.check(80)

    def test_narrow_and_wide_terminals(self):
        self.check(50)
        self.check(132)

    def test_without_columns_and_without_a_terminal_80(self):
        self.check(None, 80)

    def test_long_names_wrap_with_a_hanging_indent(self):
        code, out, _ = run("report", EXAMPLE, "--lang", "en", cols=60)
        self.assertEqual(code, 0)
        self.assertIn("\n  F  Threat intelligence             3.0 / 5  ████████▍░░░░░\n"
                      "     collection, analysis and\n     evaluation\n  G  ", out)
        self.assertIn("\n  F  Threat intelligence collection, analysis and evaluation\n     3.0 / 5\n", out)

    def test_japanese_counts_two_columns(self):
        code, out, _ = run("report", EXAMPLE, "--lang", "ja", cols=80)
        self.assertEqual(code, 0)
        line = next(l for l in out.split("\n") if l.startswith("  G  "))
        self.assertEqual(columns(line), 2 + 1 + 2 + 34 + 2 + 7 + 2 + 20)


class ControlCharacters(unittest.TestCase):
    def test_escapes_in_report_and_compare(self):
        with open(EXAMPLE, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("方針は年1回見直し", "title\x1b]0;owned\x07 bell\x07 del\x7f csi\u009b2J")
        text = text.replace("Example Corp", "Evil\x1b[2J Corp")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "hostile.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            for args in (["report", path], ["report", path, "--format", "markdown"], ["compare", path, path]):
                for lang in ("en", "ja"):
                    with self.subTest(args=args, lang=lang):
                        code, out, err = run(*args, "--lang", lang, cols=80)
                        self.assertEqual(code, 0, err)
                        bad = [c for c in out if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f]
                        self.assertEqual(bad, [])
                        if "markdown" in args:  # Markdown escapes its own characters too
                            self.assertIn("Evil\\\\x1b\\[2J Corp", out)
                        else:
                            self.assertIn("Evil\\x1b[2J Corp", out)
                        if args == ["report", path]:
                            self.assertIn("title\\x1b]0;owned\\x07 bell\\x07 del\\x7f csi\\u009b2J", out)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
