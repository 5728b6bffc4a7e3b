#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The HTML reports in a real browser (Debian's chromium, headless), on screen and on A4 paper.

Renders the English and Japanese report of the worked example, a comparison, a 50-assessment
aggregate and a 50-assessment report, then
  - on screen (1280 and 800 px wide) and with the print rules at the text width of A4: a harness
    page loads each report in an iframe and its script lists into the DOM, read back with
    --dump-dom, every box whose text overflows it (scrollWidth > clientWidth) or that sticks out
    of its parent, every short text (header, code, number, sourcing, date) that wraps, every
    chart text cut at its SVG's edge or overlapping another on a radar, and every text below
    WCAG AA contrast (4.5:1) against its background; the reports themselves carry no script;
  - printed (--print-to-pdf, the page size from the report's own @page): every page is A4, no
    page is blank or holds only the footer, the one-assessment report has at most 6 pages and
    the 50-assessment report one page per assessment plus a few for the summary; and printed
    with every CSS background dropped (as without "background graphics") it keeps every bar.
Screenshots, PDFs and PNGs of the printed pages are left in OUT_DIR for a person to look at.

usage: check_reports.py ISOMM_BINARY TEST_DATA_DIR OUT_DIR [unittest arguments, e.g. -k screen]
Exit 77 (skipped) when chromium or poppler-utils (pdfinfo, pdftotext, pdftoppm) is missing.
"""
import csv
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ISOMM, DATA, OUT = sys.argv[1:4] if len(sys.argv) >= 4 else (None, None, None)
CHROMIUM = os.environ.get("ISOMM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
A4 = (595.28, 841.89)  # points
# screen widths, and "print": the text width of an A4 page with the reports' margins (210 - 26 mm)
LAYOUTS = ((1280, False), (800, False), (695, True))

# Walks the report in the iframe and writes what overflows into <pre id="findings"> as JSON.
HARNESS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>harness</title></head>
<body style="margin:0">
<iframe id="report" src="%(src)s" style="border:0;width:%(width)dpx;height:3000px"></iframe>
<pre id="findings">not loaded</pre>
<script>
document.getElementById("report").addEventListener("load", function () {
  var doc = this.contentDocument, win = this.contentWindow, found = [], root = doc.documentElement;
  if (%(print)s) { /* lay the page out with its print rules, at the width of an A4 page's text */
    Array.prototype.forEach.call(doc.styleSheets, function (sheet) {
      Array.prototype.forEach.call(sheet.cssRules, function (rule) {
        if (rule.media)
          rule.media.mediaText = /print/.test(rule.media.mediaText) ? "all" : "not all";
      });
    });
  }
  if (root.scrollWidth > root.clientWidth + 1)
    found.push({box: "page", scroll: root.scrollWidth, client: root.clientWidth, text: ""});
  doc.querySelectorAll("body *").forEach(function (el) {
    if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") return; /* SVG draws, it does not flow */
    var style = win.getComputedStyle(el), name = el.tagName.toLowerCase() + (el.className ? "." + el.className : "");
    if (style.display === "inline" || style.display === "none" || el.clientWidth === 0) return;
    /* on screen a wide table may scroll in its own box; on paper nothing scrolls */
    if (!%(print)s && (style.overflowX === "auto" || style.overflowX === "scroll")) return;
    if (el.scrollWidth > el.clientWidth + 1)
      found.push({box: name, scroll: el.scrollWidth, client: el.clientWidth, text: el.textContent.slice(0, 80)});
    var parent = el.parentElement, right = el.getBoundingClientRect().right, ps = parent && win.getComputedStyle(parent);
    if (parent && parent !== doc.body && ps.display !== "inline" &&
        (%(print)s || (ps.overflowX !== "auto" && ps.overflowX !== "scroll")) &&
        right > parent.getBoundingClientRect().right + 1)
      found.push({box: name, sticks_out_of: parent.tagName.toLowerCase(), right: right,
                  parent_right: parent.getBoundingClientRect().right, text: el.textContent.slice(0, 80)});
  });
  /* charts: no text cut at the edge of its SVG; on a radar no two texts overlap (the legend
     never covers an axis label) */
  doc.querySelectorAll("svg").forEach(function (svg) {
    var box = svg.getBoundingClientRect(), kind = svg.getAttribute("class") || "svg", rects = [];
    svg.querySelectorAll("text").forEach(function (t) {
      var r = t.getBoundingClientRect();
      if (!r.width) return;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        found.push({svg: kind, cut: t.textContent.slice(0, 60)});
      rects.push([r, t.textContent.slice(0, 40)]);
    });
    if (kind !== "isomm-radar") return;
    for (var i = 0; i < rects.length; i++)
      for (var j = i + 1; j < rects.length; j++) {
        var a = rects[i][0], b = rects[j][0];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          found.push({svg: kind, overlap: [rects[i][1], rects[j][1]]});
      }
  });
  if (!doc.body) { /* a standalone SVG file: nothing else to look at */
    document.getElementById("findings").textContent = JSON.stringify(found);
    return;
  }
  /* short texts stay on one line: headers, codes, numbers, sourcings, dates ("アウ/トソ/ース",
     "A-/1" and "役/割" are what this catches) */
  doc.querySelectorAll("th, td.code, td.num, td.id, td.nowrap, span.in, span.out, dt, .overall .value, " +
                       "ul.statuses li, .step b").forEach(function (el) {
    var range = doc.createRange(), lines = 0, bottom = -1e9;
    range.selectNodeContents(el);
    /* a box that starts below the line before it opens a new line (boxes of one line overlap) */
    Array.prototype.filter.call(range.getClientRects(), function (r) { return r.width > 0; })
      .sort(function (a, b) { return a.top - b.top; })
      .forEach(function (r) { if (r.top >= bottom - 1) { lines++; bottom = r.bottom; } else bottom = Math.max(bottom, r.bottom); });
    if (lines > 1)
      found.push({box: el.tagName.toLowerCase() + (el.className ? "." + el.className : ""), lines: lines,
                  text: el.textContent.slice(0, 60)});
  });
  /* WCAG AA: text against the background it is drawn on (the nearest ancestor with a colour) */
  function rgb(c) { var m = c.match(/[\d.]+/g); return m ? m.map(Number) : null; }
  function lum(c) {
    return [0, 1, 2].map(function (i) { var v = c[i] / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
      .reduce(function (sum, v, i) { return sum + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  doc.querySelectorAll("body *").forEach(function (el) {
    if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") return;
    var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.data.trim() !== ""; });
    if (!own) return;
    var fg = rgb(win.getComputedStyle(el).color), bg = null;
    for (var a = el; a && !bg; a = a.parentElement) {
      var c = rgb(win.getComputedStyle(a).backgroundColor);
      if (c && (c.length < 4 || c[3] > 0)) bg = c;
    }
    bg = bg || [255, 255, 255];
    var l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5)
      found.push({box: el.tagName.toLowerCase() + (el.className ? "." + el.className : ""), contrast: ratio.toFixed(2),
                  color: fg.join(","), background: bg.join(","), text: el.textContent.slice(0, 80)});
  });
  document.getElementById("findings").textContent = JSON.stringify(found);
});
</script>
</body></html>
"""


def chromium(*args, timeout=120):
    """Run headless chromium with a profile of its own (runs may overlap) and return stdout."""
    with tempfile.TemporaryDirectory(prefix="isomm-chromium-") as profile:
        cmd = [CHROMIUM, "--headless", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
               "--user-data-dir=" + profile]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--no-sandbox")  # chromium refuses to run as root with its sandbox
        done = subprocess.run(cmd + list(args), capture_output=True, timeout=timeout)
        if done.returncode != 0:
            raise AssertionError("chromium failed (%d): %s" % (done.returncode, done.stderr.decode()[-2000:]))
        return done.stdout.decode("utf-8")


def run_isomm(*args):
    done = subprocess.run([ISOMM] + list(args), capture_output=True, timeout=120)
    if done.returncode != 0:
        raise AssertionError("isomm %s: %s" % (" ".join(args), done.stderr.decode()))


def write_assessments(path, count, seed, **meta):
    """count copies of the worked example with levels moved by -1..+1 (seeded), ids assessor-01..."""
    with open(os.path.join(DATA, "example-1.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        for i in range(count):
            for j, row in enumerate(rows):
                row = dict(row, assessment=meta.get("id", "assessor-%02d" % (i + 1)))
                if j == 0:
                    row["assessor"] = meta.get("assessor", "評価者 %d（SOC 担当）" % (i + 1))
                    row["date"] = meta.get("date", row["date"])
                if row["level"] not in ("", "0"):
                    row["level"] = str(max(1, min(5, int(row["level"]) + rnd.choice((-1, 0, 0, 1)))))
                w.writerow(row)


def pdf_pages(path):
    """[(width, height)] of each page, and the text of each page."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", path], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)]
    texts = [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-enc", "UTF-8", path, "-"],
                            capture_output=True, text=True, check=True, timeout=60).stdout
             for i in range(1, len(sizes) + 1)]
    return sizes, texts


def ink(ppm_path):
    """Pixels near the insource blue (#1f5fa8) and near the outsource orange (#b84a00) of a binary PPM."""
    with open(ppm_path, "rb") as f:
        data = f.read()
    magic, width, height, maxval, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and maxval == b"255"
    targets, found = ((0x1F, 0x5F, 0xA8), (0xB8, 0x4A, 0x00)), [0, 0]
    for i in range(0, int(width) * int(height) * 3, 3):
        r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
        for k, (tr, tg, tb) in enumerate(targets):
            if abs(r - tr) < 40 and abs(g - tg) < 40 and abs(b - tb) < 40:
                found[k] += 1
    return found


def squeeze(text):
    return re.sub(r"\s+", "", text)


class Reports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(OUT, exist_ok=True)
        example = os.path.join(DATA, "example-1.csv")
        old = os.path.join(OUT, "last-year.csv")
        fifty = os.path.join(OUT, "fifty.csv")
        write_assessments(old, 1, 11, id="last-year", assessor="前任の CSIRT 担当", date="2025-11-01")
        write_assessments(fifty, 50, 7)
        cls.docs = {}  # name -> (path, the most pages its print may have)
        cls.charts = {}  # standalone SVG files: name -> path
        six = os.path.join(OUT, "six.csv")
        write_assessments(six, 6, 5)
        for lang in ("en", "ja"):
            for name, args, pages in (("report", ("report", example), 6),
                                      ("compare", ("compare", old, example), 4),
                                      ("aggregate50", ("aggregate", fifty), 8),
                                      ("report6", ("report", six), 6 + 1),
                                      ("report50", ("report", fifty), 50 + 4)):
                path = os.path.join(OUT, "%s-%s.html" % (name, lang))
                run_isomm(*args, "--format", "html", "--lang", lang, "-o", path)
                cls.docs["%s-%s" % (name, lang)] = (path, pages)
            for name, args in (("radar6", ("report", six, "--format", "svg")),
                               ("radar50", ("report", fifty, "--format", "svg")),
                               ("roles", ("report", example, "--format", "svg-roles")),
                               ("compare-radar", ("compare", old, example, "--format", "svg")),
                               ("aggregate-radar", ("aggregate", fifty, "--format", "svg"))):
                path = os.path.join(OUT, "%s-%s.svg" % (name, lang))
                run_isomm(*args, "--lang", lang, "-o", path)
                cls.charts["%s-%s" % (name, lang)] = path

    def test_reports_carry_no_script(self):
        for name, (path, _) in self.docs.items():
            with open(path, encoding="utf-8") as f:
                self.assertNotIn("<script", f.read(), name)

    def test_no_text_overflows_its_box_and_all_text_reaches_aa_contrast(self):
        pages = [(name, path, LAYOUTS) for name, (path, _) in sorted(self.docs.items())]
        pages += [(name, path, LAYOUTS[:1]) for name, path in sorted(self.charts.items())]
        for name, path, layouts in pages:
            for width, printed in layouts:
                with self.subTest(report=name, width=width, printed=printed):
                    harness = os.path.join(OUT, "harness-%s-%d.html" % (name, width))
                    with open(harness, "w", encoding="utf-8") as f:
                        f.write(HARNESS % {"src": os.path.basename(path), "width": width,
                                           "print": "true" if printed else "false"})
                    dom = chromium("--allow-file-access-from-files", "--virtual-time-budget=30000",
                                   "--window-size=%d,3000" % (width + 20), "--dump-dom", "file://" + harness)
                    m = re.search(r'<pre id="findings">(.*?)</pre>', dom, re.S)
                    self.assertIsNotNone(m, "the harness wrote nothing")
                    findings = html.unescape(m.group(1))
                    self.assertNotEqual(findings, "not loaded", "the report did not load in the harness")
                    found = json.loads(findings)
                    self.assertEqual(found[:12], [], "%s at %d px%s: %d boxes overflow, the first shown" %
                                     (name, width, " (print)" if printed else "", len(found)))

    def test_print_to_a4(self):
        for name, (path, most) in sorted(self.docs.items()):
            with self.subTest(report=name):
                pdf = os.path.join(OUT, name + ".pdf")
                chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + path)
                sizes, texts = pdf_pages(pdf)
                print("%s: %d A4 pages (%s)" % (name, len(sizes), pdf))
                self.assertGreater(len(sizes), 0)
                for i, (w, h) in enumerate(sizes):
                    self.assertAlmostEqual(w, A4[0], delta=1.0, msg="page %d of %s is not A4" % (i + 1, name))
                    self.assertAlmostEqual(h, A4[1], delta=1.0, msg="page %d of %s is not A4" % (i + 1, name))
                with open(path, encoding="utf-8") as f:
                    footer = re.search(r"<footer>(.*?)</footer>", f.read(), re.S).group(1)
                footer = squeeze(html.unescape(re.sub(r"<[^>]+>", "", footer)))
                for i, text in enumerate(texts):
                    body = squeeze(text)
                    self.assertNotEqual(body, "", "page %d of %s is blank" % (i + 1, name))
                    self.assertNotIn(body, footer, "page %d of %s holds only the footer" % (i + 1, name))
                self.assertIn(footer[:40], squeeze("".join(texts)), "%s: the footer was not printed" % name)
                self.assertLessEqual(len(sizes), most, "%s prints on %d pages" % (name, len(sizes)))
                # pictures for a person to look at: the first pages of each printed report
                subprocess.run(["pdftoppm", "-r", "50", "-png", "-l", "6", pdf, os.path.join(OUT, name + "-page")],
                               check=True, timeout=120)

    def test_prints_the_same_without_background_graphics(self):
        """Bars and marks are SVG, not CSS backgrounds: printed as a browser prints with its
        "background graphics" option off (headless chromium always prints them, so a copy of the
        page drops every CSS background itself), every page keeps its insource blue and
        outsource orange."""
        path, _ = self.docs["report-en"]
        with open(path, encoding="utf-8") as f:
            page = f.read()
        economy = os.path.join(OUT, "report-en-economy.html")
        with open(economy, "w", encoding="utf-8") as f:
            f.write(page.replace("</head>", "<style>*{background:none!important}</style>\n</head>", 1))
        counts = []
        for name, html_path in (("exact", path), ("economy", economy)):
            pdf = os.path.join(OUT, "report-en-%s.pdf" % name)
            chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + html_path)
            prefix = os.path.join(OUT, "report-en-%s" % name)
            subprocess.run(["pdftoppm", "-r", "40", pdf, prefix], check=True, timeout=120)
            pages = sorted(p for p in os.listdir(OUT) if p.startswith(os.path.basename(prefix) + "-") and p.endswith(".ppm"))
            counts.append([ink(os.path.join(OUT, p)) for p in pages])
        exact, economy_counts = counts
        self.assertEqual(len(exact), len(economy_counts))
        self.assertGreater(sum(c[0] for c in exact), 1000, "no insource blue printed")
        self.assertGreater(sum(c[1] for c in exact), 1000, "no outsource orange printed")
        for i, (a, b) in enumerate(zip(exact, economy_counts)):
            for colour in (0, 1):
                self.assertLessEqual(abs(a[colour] - b[colour]), max(20, a[colour] // 50),
                                     "page %d: %s differs without background graphics (%d vs %d pixels)" %
                                     (i + 1, ("blue", "orange")[colour], a[colour], b[colour]))

    def test_screenshots(self):
        for name, (path, _) in sorted(self.docs.items()):
            png = os.path.join(OUT, name + "-screen.png")
            chromium("--window-size=1280,4000", "--screenshot=" + png, "file://" + path)
            self.assertGreater(os.path.getsize(png), 10000, png)


if __name__ == "__main__":
    if ISOMM is None:
        sys.exit(__doc__)
    missing = [tool for tool in ("pdfinfo", "pdftotext", "pdftoppm") if shutil.which(tool) is None]
    if CHROMIUM is None:
        print("browser test skipped: chromium is not installed (Debian package chromium)")
        sys.exit(77)
    if missing:
        print("browser test skipped: %s not installed (Debian package poppler-utils)" % ", ".join(missing))
        sys.exit(77)
    unittest.main(argv=[sys.argv[0]] + sys.argv[4:], verbosity=2)
