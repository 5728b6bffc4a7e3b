/* SPDX-License-Identifier: MIT */
/* The workbook: templates written and read back, templates filled in by openpyxl, workbooks spoilt
 * in one cell, hostile archives, and the report workbook's parts. The workbooks are made by
 * tests/xlsx/make_workbooks.py (a CTest fixture) in ISOMM_XLSX_DIR. libzip is used here only to
 * look inside the written workbooks. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zip.h>

#include <isomm/isomm.h>

static char *path_of(const char *name)
{
    static char buf[4][1024];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", ISOMM_XLSX_DIR, name);
    return p;
}

static isomm_assessment *example(void)
{
    isomm_assessment **list = NULL;
    isomm_assessment *a;
    size_t n = 0;
    isomm_error err;

    cr_assert_eq(isomm_csv_read_file(&list, &n, ISOMM_TEST_DATA "/example-1.csv", NULL, &err), ISOMM_OK, "%s",
                 err.message);
    cr_assert_eq(n, 1);
    a = list[0];
    free(list);
    return a;
}

static void read_ok(const char *name, isomm_assessment ***list, size_t *n)
{
    isomm_error err;
    int rc = isomm_xlsx_read_file(list, n, path_of(name), NULL, &err);
    cr_assert_eq(rc, ISOMM_OK, "%s: %s", name, err.message);
}

static void read_fails(const char *name, const isomm_xlsx_options *opts, int code, long line, long column,
                       const char *message)
{
    isomm_assessment **list = (isomm_assessment **)1;
    size_t n = 7;
    isomm_error err;
    int rc = isomm_xlsx_read_file(&list, &n, path_of(name), opts, &err);

    cr_assert_eq(rc, code, "%s: rc %d (%s)", name, rc, err.message);
    cr_assert_eq(err.code, code);
    cr_assert_null(list);
    cr_assert_eq(n, 0);
    cr_assert_eq(err.line, line, "%s: line %ld", name, err.line);
    cr_assert_eq(err.column, column, "%s: column %ld", name, err.column);
    cr_assert_str_eq(err.message, message);
}

Test(xlsx_read, filled_templates_read_as_the_csv)
{
    static const char *const names[] = { "filled-en.xlsx", "filled-ja.xlsx", "filled-moved.xlsx",
                                         "filled-en-swapped.xlsx", "filled-ja-swapped.xlsx" };
    isomm_assessment *want = example();
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        isomm_assessment **list;
        size_t n;
        read_ok(names[i], &list, &n);
        cr_assert_eq(n, 1, "%s", names[i]);
        cr_assert(isomm_assessment_equal(list[0], want), "%s differs from example-1.csv", names[i]);
        isomm_assessment_array_free(list, n);
    }
    isomm_assessment_free(want);
}

Test(xlsx_read, a_note_keeps_its_line_break)
{
    isomm_assessment **list;
    isomm_answer ans;
    size_t n;

    read_ok("filled-ja.xlsx", &list, &n);
    cr_assert_eq(isomm_assessment_get(list[0], "G-6", &ans, NULL), ISOMM_OK);
    cr_assert_str_eq(ans.note, "SIEM, 2 admins\nrotating");
    cr_assert_eq(isomm_assessment_get(list[0], "C-3", &ans, NULL), ISOMM_OK);
    cr_assert_str_eq(ans.note, "vendor \"X\", sandbox only");
    isomm_assessment_array_free(list, n);
}

Test(xlsx_read, two_input_sheets_are_two_assessments)
{
    isomm_assessment *want = example();
    isomm_assessment **list;
    size_t n;

    read_ok("two-assessments.xlsx", &list, &n);
    cr_assert_eq(n, 2);
    cr_assert(isomm_assessment_equal(list[0], want));
    cr_assert_str_eq(isomm_assessment_meta(list[1], ISOMM_META_ID), "example-2");
    isomm_assessment_set_meta(list[1], ISOMM_META_ID, "example-1", NULL);
    cr_assert(isomm_assessment_equal(list[1], want));
    isomm_assessment_array_free(list, n);
    isomm_assessment_free(want);
}

Test(xlsx_read, an_excel_date_number_becomes_the_iso_date)
{
    isomm_assessment **list;
    size_t n;

    read_ok("excel-date.xlsx", &list, &n);
    cr_assert_str_eq(isomm_assessment_meta(list[0], ISOMM_META_DATE), "2026-11-01");
    isomm_assessment_array_free(list, n);
}

Test(xlsx_read, a_bare_workbook_with_inline_strings_reads)
{
    isomm_assessment **list;
    isomm_answer ans;
    size_t n;

    read_ok("small.xlsx", &list, &n);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(isomm_assessment_meta(list[0], ISOMM_META_ID), "default");
    cr_assert_eq(isomm_assessment_answered(list[0]), 1);
    cr_assert_eq(isomm_assessment_get(list[0], "A-1", &ans, NULL), ISOMM_OK);
    cr_assert_eq(ans.sourcing, ISOMM_INSOURCE);
    cr_assert_eq(ans.level, 3);
    isomm_assessment_array_free(list, n);
}

Test(xlsx_read, bad_cells_are_named_by_sheet_and_cell)
{
    read_fails("bad-level.xlsx", NULL, ISOMM_ELEVEL, 12, 7, "Input!G12: bad level '7' (expected a whole number 0-5)");
    read_fails("bad-level-fraction.xlsx", NULL, ISOMM_ELEVEL, 12, 7,
               "Input!G12: bad level '3.5' (expected a whole number 0-5)");
    read_fails("bad-level-text.xlsx", NULL, ISOMM_ELEVEL, 12, 7,
               "入力!G12: bad level '高い' (expected a whole number 0-5)");
    read_fails("bad-level-second-sheet.xlsx", NULL, ISOMM_ELEVEL, 12, 7,
               "'Input Copy'!G12: bad level '9' (expected a whole number 0-5)");
    read_fails("bad-level-sheet-2026.xlsx", NULL, ISOMM_ELEVEL, 12, 7,
               "'2026'!G12: bad level '6' (expected a whole number 0-5)");
    read_fails("formula-level.xlsx", NULL, ISOMM_EPARSE, 12, 7,
               "Input!G12: a formula without a saved result (expected a value: let Excel or LibreOffice "
               "calculate the workbook and save it)");
    read_fails("bad-sourcing.xlsx", NULL, ISOMM_ESOURCING, 16, 6,
               "Input!F16: bad sourcing 'both' (expected insource or outsource, インソース or アウトソース)");
    read_fails("bad-role.xlsx", NULL, ISOMM_EROLE, 23, 1,
               "Input!A23: unknown role code 'Z-9' (expected A-1 ... I-6, as in the template)");
    read_fails("duplicate-role.xlsx", NULL, ISOMM_EDUPLICATE, 6, 1, "Input!A6: role A-1 listed twice (first in A5)");
    read_fails("no-sourcing.xlsx", NULL, ISOMM_ESOURCING, 29, 6,
               "Input!F29: no sourcing for role E-1 at level 2 (every level, 0 too, needs insource or outsource)");
    read_fails("bad-pattern.xlsx", NULL, ISOMM_EPATTERN, 9, 2,
               "Preparation!B9: unknown pattern 'Everything insource' (expected one of the list: full-outsource, "
               "minimum-insource, hybrid, minimum-outsource, full-insource, or their Japanese or English names)");
    read_fails("bad-date.xlsx", NULL, ISOMM_EDATE, 7, 2,
               "Preparation!B7: bad date '2026-02-30' (expected a real calendar day as YYYY-MM-DD, or an Excel date)");
    read_fails("two-level-columns.xlsx", NULL, ISOMM_EHEADER, 4, 10,
               "Input!J4: a second 'level' column (the first is column G)");
    read_fails("no-input.xlsx", NULL, ISOMM_EEMPTY, 0, 0,
               "no input sheet: no worksheet has a header row with role, sourcing and level columns");
}

Test(xlsx_hostile, each_is_refused_with_its_reason)
{
    read_fails("bomb.xlsx", NULL, ISOMM_ELIMIT, 0, 0,
               "xl/worksheets/sheet1.xml: declares 1073741824 bytes uncompressed, more than the 67107765 bytes left "
               "of the limit of 67108864 inflated bytes per workbook");
    read_fails("lying-size.xlsx", NULL, ISOMM_ELIMIT, 0, 0,
               "xl/worksheets/sheet1.xml: inflates to more than the limit of 67108864 inflated bytes per workbook "
               "(its header declared 1000 bytes)");
    read_fails("deep.xlsx", NULL, ISOMM_ELIMIT, 0, 0,
               "xl/worksheets/sheet1.xml:1: XML nested deeper than the limit of 64 elements");
    read_fails("million-rows.xlsx", NULL, ISOMM_ELIMIT, 0, 0,
               "xl/worksheets/sheet1.xml: more than the limit of 1000000 XML elements per workbook");
    read_fails("billion-laughs.xlsx", NULL, ISOMM_EPARSE, 0, 0,
               "xl/worksheets/sheet1.xml:1: a document type declaration (DTD) is not allowed in a workbook part");
    read_fails("repeated-cells.xlsx", NULL, ISOMM_EEMPTY, 0, 0,
               "no input sheet: no worksheet has a header row with role, sourcing and level columns");
    read_fails("too-many-sheets.xlsx", NULL, ISOMM_ELIMIT, 0, 0, "xl/workbook.xml: more than the limit of 4096 sheets");
    read_fails("huge-text.xlsx", NULL, ISOMM_ELIMIT, 0, 0,
               "xl/sharedStrings.xml: a text longer than the limit of 1048576 bytes");
    read_fails("csv-renamed.xlsx", NULL, ISOMM_EPARSE, 0, 0,
               "not an .xlsx workbook: the file is text (CSV?); read it as an assessment CSV file");
    read_fails("old.xls", NULL, ISOMM_EPARSE, 0, 0,
               "an Excel 97-2003 workbook (.xls), not .xlsx: save it as an Excel Workbook (.xlsx)");
    read_fails("password.xlsx", NULL, ISOMM_EPARSE, 0, 0,
               "a password-protected (encrypted) workbook: libisomm cannot decrypt it; save it again without a "
               "password");
    read_fails("encrypted-entry.xlsx", NULL, ISOMM_EPARSE, 0, 0,
               "xl/workbook.xml: the zip entry is encrypted (a password-protected archive); save the workbook "
               "without a password");
    read_fails("truncated.xlsx", NULL, ISOMM_EPARSE, 0, 0,
               "not a readable .xlsx workbook: broken zip archive (Not a zip archive)");
}

Test(xlsx_hostile, the_most_sheets_are_each_an_assessment)
{
    isomm_assessment **list;
    size_t n;

    read_ok("most-sheets.xlsx", &list, &n);
    cr_assert_eq(n, ISOMM_XLSX_MAX_SHEETS);
    cr_assert_str_eq(isomm_assessment_meta(list[0], ISOMM_META_ID), "S1");
    cr_assert_str_eq(isomm_assessment_meta(list[n - 1], ISOMM_META_ID), "S4096");
    isomm_assessment_array_free(list, n);
}

Test(xlsx_hostile, the_limits_are_options)
{
    isomm_xlsx_options o = ISOMM_XLSX_OPTIONS_INIT;

    o.max_elements = 5;
    read_fails("small.xlsx", &o, ISOMM_ELIMIT, 0, 0,
               "xl/_rels/workbook.xml.rels: more than the limit of 5 XML elements per workbook");
    o.max_elements = 0;
    o.max_inflated_bytes = 1000;
    read_fails("small.xlsx", &o, ISOMM_ELIMIT, 0, 0, "the file is more than the limit of 1000 bytes");
    o.version = 99;
    read_fails("small.xlsx", &o, ISOMM_EOPTIONS, 0, 0, "unknown isomm_xlsx_options version 99 (expected 1)");
}

Test(xlsx_read, memory_and_missing_files)
{
    static const char csv[] = "role,sourcing,level\nA-1,in,3\n";
    isomm_assessment **list;
    size_t n;
    isomm_error err;

    cr_assert_eq(isomm_xlsx_read_buffer(&list, &n, csv, sizeof csv - 1, NULL, &err), ISOMM_EPARSE);
    cr_assert_str_eq(err.message, "not an .xlsx workbook: the file is text (CSV?); read it as an assessment CSV file");
    cr_assert_eq(isomm_xlsx_read_buffer(&list, &n, NULL, 0, NULL, &err), ISOMM_EPARSE);
    cr_assert_str_eq(err.message, "not an .xlsx workbook: the file is empty");
    cr_assert_eq(isomm_xlsx_read_file(&list, &n, "/nonexistent/a.xlsx", NULL, &err), ISOMM_EIO);
    cr_assert_str_eq(err.message, "cannot open '/nonexistent/a.xlsx': No such file or directory");
    cr_assert_eq(isomm_xlsx_read_file(NULL, &n, "a.xlsx", NULL, NULL), ISOMM_EINVAL);
}

/* A fresh temporary directory for files a test writes. */
static char *scratch(void)
{
    static char dir[256];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/isomm-test-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    cr_assert_not_null(mkdtemp(dir));
    return dir;
}

Test(xlsx_write, a_template_reads_back_empty_in_both_languages)
{
    char *dir = scratch(), path[512];
    isomm_xlsx_options o = ISOMM_XLSX_OPTIONS_INIT;
    int lang;

    snprintf(path, sizeof path, "%s/t.xlsx", dir);
    for (lang = ISOMM_LANG_JA; lang <= ISOMM_LANG_EN; lang++) {
        isomm_assessment **list;
        size_t n;
        isomm_error err;
        o.lang = (isomm_lang)lang;
        cr_assert_eq(isomm_xlsx_write_template(path, &o, &err), ISOMM_OK, "%s", err.message);
        cr_assert_eq(isomm_xlsx_read_file(&list, &n, path, NULL, &err), ISOMM_OK, "%s", err.message);
        cr_assert_eq(n, 1);
        cr_assert_eq(isomm_assessment_answered(list[0]), 0);
        cr_assert_str_eq(isomm_assessment_meta(list[0], ISOMM_META_ID), "default");
        isomm_assessment_array_free(list, n);
    }
    unlink(path);
    rmdir(dir);
}

Test(xlsx_write, a_link_at_the_target_is_replaced_and_a_failure_leaves_nothing)
{
    char *dir = scratch(), target[512], link[512], bad[512];
    struct stat st;
    isomm_error err;
    FILE *f;
    char buf[16] = { 0 };

    snprintf(target, sizeof target, "%s/victim.txt", dir);
    snprintf(link, sizeof link, "%s/answers.xlsx", dir);
    snprintf(bad, sizeof bad, "%s/missing/answers.xlsx", dir);
    f = fopen(target, "w");
    fputs("keep me", f);
    fclose(f);
    cr_assert_eq(symlink(target, link), 0);
    cr_assert_eq(isomm_xlsx_write_template(link, NULL, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(lstat(link, &st), 0);
    cr_assert(S_ISREG(st.st_mode), "the link was followed instead of replaced");
    f = fopen(target, "r");
    cr_assert_eq(fread(buf, 1, sizeof buf - 1, f), 7);
    fclose(f);
    cr_assert_str_eq(buf, "keep me");
    cr_assert_eq(isomm_xlsx_write_template(bad, NULL, &err), ISOMM_EIO);
    cr_assert_eq(strncmp(err.message, "cannot create", 13), 0, "%s", err.message);
    cr_assert_eq(stat(bad, &st), -1);
    unlink(link);
    unlink(target);
    rmdir(dir);
}

Test(xlsx_write, a_failed_write_leaves_the_old_file_and_no_temporary_file)
{
    char *dir = scratch(), path[512], buf[32] = { 0 };
    struct rlimit lim = { 4096, 4096 };
    isomm_error err;
    FILE *f;

    snprintf(path, sizeof path, "%s/answers.xlsx", dir);
    f = fopen(path, "w");
    fputs("old content\n", f);
    fclose(f);
    setenv("TMPDIR", dir, 1); /* libxlsxwriter's own temporary files go there too */
    signal(SIGXFSZ, SIG_IGN);
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
    cr_assert_eq(isomm_xlsx_write_template(path, NULL, &err), ISOMM_EIO);
    cr_assert_eq(strncmp(err.message, "writing the workbook failed: ", 29), 0, "%s", err.message);
    f = fopen(path, "r");
    cr_assert_eq(fread(buf, 1, sizeof buf - 1, f), 12);
    fclose(f);
    cr_assert_str_eq(buf, "old content\n");
    unlink(path);
    cr_assert_eq(rmdir(dir), 0, "a temporary file was left in %s", dir);
}

/* The text of one part of a workbook (caller frees). */
static char *part_of(const char *path, const char *name)
{
    int zerr;
    zip_t *za = zip_open(path, ZIP_RDONLY, &zerr);
    zip_stat_t st;
    zip_file_t *f;
    char *text;

    cr_assert_not_null(za, "%s is not a zip", path);
    cr_assert_eq(zip_stat(za, name, 0, &st), 0, "%s has no %s", path, name);
    text = calloc(1, st.size + 1);
    f = zip_fopen(za, name, 0);
    cr_assert_eq(zip_fread(f, text, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    zip_discard(za);
    return text;
}

Test(xlsx_write, the_report_has_numbers_charts_and_no_locale_commas)
{
    char *dir = scratch(), path[512], *sheet, *radar, *bars;
    isomm_assessment *a = example();
    isomm_result *r;
    isomm_error err;
    isomm_xlsx_options o = ISOMM_XLSX_OPTIONS_INIT;
    const isomm_result *const one[1] = { NULL };
    int german = setlocale(LC_ALL, "de_DE.UTF-8") != NULL;

    (void)one;
    snprintf(path, sizeof path, "%s/r.xlsx", dir);
    cr_assert_eq(isomm_evaluate(&r, a, NULL, &err), ISOMM_OK);
    o.lang = ISOMM_LANG_EN;
    cr_assert_eq(isomm_xlsx_write_report(path, (const isomm_result *const *)&r, 1, &o, &err), ISOMM_OK, "%s",
                 err.message);
    setlocale(LC_ALL, "C");
    sheet = part_of(path, "xl/worksheets/sheet1.xml");
    radar = part_of(path, "xl/charts/chart1.xml");
    bars = part_of(path, "xl/charts/chart2.xml");
    cr_assert_not_null(strstr(radar, "<c:radarChart>"));
    cr_assert_not_null(strstr(bars, "<c:barChart>"));
    /* the overall maturity, to the 16 digits libxlsxwriter writes, with a decimal point */
    cr_assert_not_null(strstr(sheet, "<v>2.463139329805996</v>"), "no overall maturity with a decimal point");
    cr_assert_null(strstr(sheet, "<v>2,"), "a number was written with a comma%s", german ? " in de_DE" : "");
    cr_assert_eq(isomm_xlsx_write_report(path, NULL, 0, NULL, &err), ISOMM_EINVAL);
    cr_assert_str_eq(err.message, "no results to write");
    free(sheet);
    free(radar);
    free(bars);
    isomm_result_free(r);
    isomm_assessment_free(a);
    unlink(path);
    rmdir(dir);
}

Test(xlsx_write, options_are_checked)
{
    isomm_xlsx_options o = ISOMM_XLSX_OPTIONS_INIT;
    isomm_error err;

    o.lang = (isomm_lang)7;
    cr_assert_eq(isomm_xlsx_write_template("/nonexistent/x.xlsx", &o, &err), ISOMM_EOPTIONS);
    cr_assert_str_eq(err.message, "unknown language 7 (expected ja or en)");
}
