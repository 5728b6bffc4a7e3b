# SPDX-License-Identifier: MIT
"""The isomm command when things go wrong around it (issue 11): validate on pipes and FIFOs in one
pass with flat memory, standard output that fails (/dev/full, a closed pipe), and `-o` of every
command against a full file system, a kill -9, planted symbolic links and a read-only directory;
control characters from input never reach the terminal.

Run by CTest as:  python3 test_cli_reliability.py ISOMM_BINARY TEST_DATA_DIR EXAMPLES_DATA_DIR
Only the standard library is used. The full file system case mounts a small tmpfs and needs
root; without it that case reports itself skipped with the reason.
"""
import csv
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

ISOMM, DATA, EXAMPLES = sys.argv[1], sys.argv[2], sys.argv[3]
EXAMPLE = os.path.join(DATA, "example-1.csv")
NOBODY = 65534  # Debian's unprivileged user: who the read-only case runs as when started as root
ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
FULL = "No space left on device"

# Every command that writes a document, with its arguments (EXAMPLE stands for the input).
WRITERS = {
    "report-text": ["report", EXAMPLE],
    "report-html": ["report", EXAMPLE, "--format", "html"],
    "report-json": ["report", EXAMPLE, "--format", "json"],
    "report-svg": ["report", EXAMPLE, "--format", "svg"],
    "report-xlsx": ["report", EXAMPLE, "--format", "xlsx"],
    "template": ["template", "--lang", "en"],
    "template-xlsx": ["template", "--format", "xlsx"],
    "model-csv": ["model"],
    "model-json": ["model", "--format", "json"],
    "compare": ["compare", EXAMPLE, EXAMPLE],
    "aggregate": ["aggregate", EXAMPLE],
    "validate": ["validate", EXAMPLE],
}


# Run a program with its standard output on /dev/null and print its exit code and peak memory (KiB).
PEAK = """
import os, sys
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def run(*args, stdin=None, stdout=subprocess.PIPE, **kw):
    """Run isomm; return (exit code, stdout bytes, stderr text)."""
    kw.setdefault("timeout", 60)
    p = subprocess.run([ISOMM, *args], input=stdin, stdout=stdout, stderr=subprocess.PIPE, env=ENV, **kw)
    return p.returncode, p.stdout, p.stderr.decode("utf-8")


def expected_output(name):
    code, out, err = run(*WRITERS[name])
    assert code == 0, (name, err)
    return out


def assert_written(test, name, path):
    """The file holds what the command writes to standard output (a workbook: a zip file, as its
    properties carry the time it was made)."""
    with open(path, "rb") as f:
        got = f.read()
    if name.endswith("-xlsx"):
        test.assertEqual(got[:4], b"PK\x03\x04")
    else:
        test.assertEqual(got, expected_output(name))


def big_csv(path, assessments, note=True):
    """A clean file of many assessments, a note on every row."""
    with open(EXAMPLE, encoding="utf-8", newline="") as f:
        roles = [row["role"] for row in csv.DictReader(f)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("assessment,role,sourcing,level,note\n")
        for i in range(assessments):
            f.write("".join(f"site-{i},{role},insource,{(i + k) % 6},{'a note that is kept ' * note}{k}\n"
                            for k, role in enumerate(roles)))


class TempDir(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="isomm-rel-")
        os.chmod(self.dir, 0o755)

    def tearDown(self):
        subprocess.run(["umount", "-l", self.dir], stderr=subprocess.DEVNULL, check=False)
        os.chmod(self.dir, 0o755)
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def others(self, keep):
        """Entries of the directory besides `keep`."""
        return sorted(set(os.listdir(self.dir)) - set(keep))


class Coverage(unittest.TestCase):
    def test_every_command_is_in_writers(self):
        """A new command must be added to WRITERS, so that its output is tested here too."""
        code, out, _ = run("--help")
        self.assertEqual(code, 0)
        listed = out.decode().split("\nCommands:\n", 1)[1].split("\n\n", 1)[0].split("\n")
        commands = {line.split()[0] for line in listed if line.strip()} - {"help"}
        self.assertEqual(commands, {args[0] for args in WRITERS.values()})


class Validate(TempDir):
    def test_fifo_is_read_once(self):
        fifo = self.path("in.csv")
        os.mkfifo(fifo)
        writer = subprocess.Popen(["sh", "-c", 'cat "$1" > "$2"', "sh", EXAMPLE, fifo])
        try:
            code, out, err = run("validate", fifo, timeout=15)  # a second open of the FIFO would hang
        finally:
            writer.wait(timeout=10)
        self.assertEqual((code, out.decode(), err), (0, fifo + ": valid, 1 assessment\n", ""))

    def test_pipe_counts_assessments(self):
        big = self.path("three.csv")
        big_csv(big, 3, note=False)
        with open(big, "rb") as f:
            code, out, err = run("validate", "-", stdin=f.read())
        self.assertEqual((code, out.decode(), err), (0, "<stdin>: valid, 3 assessments\n", ""))

    def test_memory_stays_flat_on_a_large_file(self):
        if os.environ.get("ISOMM_SANITIZED"):
            self.skipTest("a sanitizer build's memory says nothing of the program's own peak")
        big = self.path("big.csv")
        big_csv(big, 16000)  # about 40 MB, every row with a note
        self.assertGreater(os.path.getsize(big), 38 << 20)
        code, out, err = run("validate", big)
        self.assertEqual((code, out.decode(), err), (0, big + ": valid, 16000 assessments\n", ""))
        # The peak is measured from a fresh, small interpreter: a child's ru_maxrss also counts the
        # memory of the process it was forked from. ru_maxrss is in KiB; reading the whole file
        # (as a second pass to count did) peaks at about 32 MB here.
        peak = subprocess.run([sys.executable, "-c", PEAK, ISOMM, "validate", big], capture_output=True, text=True,
                              env=ENV, timeout=120)
        self.assertEqual(peak.returncode, 0, peak.stderr)
        status, kib = map(int, peak.stdout.split())
        self.assertEqual(status, 0)
        self.assertLess(kib, 16 << 10, f"validate of a {os.path.getsize(big) >> 20} MB file peaked at {kib} KiB")

    def test_limit_is_said_only_when_there_are_more(self):
        rows = "role,sourcing,level\n" + "A-1,in,9\n" * 100
        code, _, err = run("validate", "-", stdin=rows.encode())
        self.assertEqual(code, 1)
        self.assertEqual(err.splitlines()[-1], "<stdin>: 100 problems found")
        code, _, err = run("validate", "-", stdin=(rows + "A-1,in,9\n").encode())
        self.assertEqual(err.splitlines()[-1], "<stdin>: 100 problems found, stopped at the limit of 100; there are more")
        self.assertEqual(len(err.splitlines()), 101)

    def test_control_characters_are_shown_escaped(self):
        csv = 'role,sourcing,level,note\nA-1,in,"\x1b]0;owned\x07",x\nA-2,"\u009b2J",1,\n'
        code, out, err = run("validate", "-", stdin=csv.encode())
        self.assertEqual(code, 1)
        self.assertEqual(err.splitlines()[0],
                         "<stdin>:2: bad level '\\x1b]0;owned\\x07' in column 'level' "
                         "(expected an integer 0-5, or empty for unanswered)")
        self.assertIn("bad sourcing '\\u009b2J'", err.splitlines()[1])
        for c in "\x1b\x07\u009b":
            self.assertNotIn(c, err)
        name = self.path("evil\x1b[2J.csv")
        shutil.copy(EXAMPLE, name)
        code, out, err = run("validate", name)
        self.assertEqual(out.decode(), self.path("evil\\x1b[2J.csv") + ": valid, 1 assessment\n")
        code, out, err = run("compare", EXAMPLE, EXAMPLE, "--old", "\x1b[31mred")
        self.assertEqual(code, 2)
        self.assertIn("has no assessment '\\x1b[31mred'", err)
        self.assertNotIn("\x1b", err)


class Stdout(TempDir):
    def test_dev_full_fails_with_the_reason(self):
        cases = [list(a) for a in WRITERS.values()] + [["--help"], ["--version"], ["help"], ["help", "report"],
                                                       ["report", "--help"], ["validate", "--help"]]
        for args in cases:
            with self.subTest(args=args), open("/dev/full", "wb") as full:
                code, _, err = run(*args, stdout=full)
                self.assertEqual((code, err), (1, f"isomm: cannot write '<stdout>': {FULL}\n"))

    def test_closed_pipe_is_the_usual_quiet_end(self):
        big = self.path("big.csv")
        big_csv(big, 200, note=False)
        for args in (["report", big, "--format", "html"], ["report", big, "--format", "json"], ["validate", big]):
            with self.subTest(args=args):
                p = subprocess.Popen([ISOMM, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
                p.stdout.read(10)
                p.stdout.close()
                err = p.stderr.read()
                p.stderr.close()
                p.wait(timeout=30)
                self.assertEqual(err, b"")
                self.assertIn(p.returncode, (-signal.SIGPIPE, 1) if args[0] == "report" else (0, -signal.SIGPIPE, 1))


class Output(TempDir):
    """`-o FILE` of every command."""

    OLD = b"the old file\nkept byte for byte\n"

    def test_planted_link_to_a_file_elsewhere_is_replaced(self):
        elsewhere = tempfile.mkdtemp(prefix="isomm-victim-")
        try:
            victim = os.path.join(elsewhere, "victim")
            for name, args in WRITERS.items():
                with self.subTest(command=name):
                    with open(victim, "wb") as f:
                        f.write(self.OLD)
                    target = self.path(name + ".out")
                    os.symlink(victim, target)
                    code, out, err = run(*args, "-o", target)
                    self.assertEqual((code, out, err), (0, b"", ""))
                    with open(victim, "rb") as f:
                        self.assertEqual(f.read(), self.OLD)
                    self.assertFalse(os.path.islink(target))
                    assert_written(self, name, target)
        finally:
            shutil.rmtree(elsewhere)

    def test_html_out_replaces_a_planted_link(self):
        elsewhere = tempfile.mkdtemp(prefix="isomm-victim-")
        try:
            victim, never = os.path.join(elsewhere, "victim"), os.path.join(elsewhere, "never")
            with open(victim, "wb") as f:
                f.write(self.OLD)
            for target, points_to in ((self.path("a.html"), victim), (self.path("b.html"), never)):
                os.symlink(points_to, target)
                code, _, err = run("report", EXAMPLE, "--html-out", target)
                self.assertEqual((code, err), (0, f"isomm: HTML report written to {target}\n"))
                self.assertFalse(os.path.islink(target))
                assert_written(self, "report-html", target)
            with open(victim, "rb") as f:
                self.assertEqual(f.read(), self.OLD)
            self.assertFalse(os.path.lexists(never))
        finally:
            shutil.rmtree(elsewhere)

    def test_planted_dangling_link_creates_nothing(self):
        elsewhere = tempfile.mkdtemp(prefix="isomm-victim-")
        try:
            for name, args in WRITERS.items():
                with self.subTest(command=name):
                    never = os.path.join(elsewhere, name)
                    target = self.path(name + ".out")
                    os.symlink(never, target)
                    code, _, err = run(*args, "-o", target)
                    self.assertEqual((code, err), (0, ""))
                    self.assertFalse(os.path.lexists(never), "the link's target was created")
                    self.assertTrue(os.path.isfile(target) and not os.path.islink(target))
        finally:
            shutil.rmtree(elsewhere)

    def test_read_only_directory_keeps_the_old_file(self):
        target = self.path("out")
        with open(target, "wb") as f:
            f.write(self.OLD)
        os.chmod(target, 0o644)
        os.chmod(self.dir, 0o555)
        as_user = {"user": NOBODY, "group": NOBODY} if os.geteuid() == 0 else {}
        try:
            run("--version", **as_user)
        except PermissionError:
            self.skipTest(f"user {NOBODY} cannot run {ISOMM}; the read-only directory case is not tested")
        for name, args in WRITERS.items():
            with self.subTest(command=name):
                code, _, err = run(*args, "-o", target, **as_user)
                self.assertEqual(code, 1)
                self.assertEqual(err, f"isomm: cannot create a temporary file next to '{target}': Permission denied\n")
                with open(target, "rb") as f:
                    self.assertEqual(f.read(), self.OLD)
                self.assertEqual(self.others(["out"]), [])

    def test_full_file_system_keeps_the_old_file(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to mount a small tmpfs; the full file system case is not tested")
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", self.dir],
                          stderr=subprocess.PIPE).returncode != 0:
            self.skipTest("cannot mount a tmpfs here; the full file system case is not tested")
        target = self.path("out")
        with open(target, "wb") as f:
            f.write(self.OLD)
        fd = os.open(self.path("filler"), os.O_WRONLY | os.O_CREAT, 0o644)  # fill what is left
        try:
            while os.write(fd, b"x" * 4096) > 0:
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        for name, args in WRITERS.items():
            with self.subTest(command=name):
                code, _, err = run(*args, "-o", target)
                self.assertEqual(code, 1)
                self.assertTrue(err.startswith("isomm: cannot "), err)
                self.assertTrue(err.endswith(f"'{target}': {FULL}\n"), err)
                with open(target, "rb") as f:
                    self.assertEqual(f.read(), self.OLD)
                self.assertEqual(self.others(["out", "filler"]), [])

    def test_kill_9_leaves_the_old_or_the_whole_new_file(self):
        big = self.path("big.csv")
        big_csv(big, 400, note=False)
        target = self.path("report.html")
        code, _, err = run("report", big, "--format", "html", "-o", target)
        self.assertEqual(code, 0, err)
        with open(target, "rb") as f:
            new = f.read()
        start = time.monotonic()
        run("report", big, "--format", "html", "-o", self.path("timing.html"))
        duration = time.monotonic() - start
        os.unlink(self.path("timing.html"))
        outcomes = set()
        for i in range(12):
            with open(target, "wb") as f:
                f.write(self.OLD)
            p = subprocess.Popen([ISOMM, "report", big, "--format", "html", "-o", target], env=ENV,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(duration * i / 10)
            p.send_signal(signal.SIGKILL)
            p.wait()
            with open(target, "rb") as f:
                got = f.read()
            self.assertIn(got, (self.OLD, new), f"a kill after {duration * i / 10:.3f} s left a half file")
            outcomes.add(got == new)
            for left in self.others(["report.html", "big.csv"]):  # what a killed writer leaves
                self.assertTrue(left.startswith("report.html.") and left.endswith(".tmp"), left)
                os.unlink(self.path(left))
        self.assertIn(False, outcomes, "no kill landed during the write")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=1)
