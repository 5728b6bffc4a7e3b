/* SPDX-License-Identifier: MIT */
/* Formula injection (INTERFACES.md section 1): with a byte-order mark, texts that a spreadsheet
 * would run get one leading apostrophe; reading a file with a byte-order mark removes it; any
 * text comes back unchanged. Without a byte-order mark nothing changes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <isomm/isomm.h>

#define BOM "\xEF\xBB\xBF"

static const char *const formulas[] = { "=HYPERLINK(\"http://x.example/\",\"x\")", "+1", "-2+3", "@SUM(A1)",
                                        "\tTAB", "\rCR", "'=already", "''@twice", "'plain", "a=b", "" };
#define NFORMULAS (sizeof formulas / sizeof formulas[0])

/* The note of a role ("" when none). */
static const char *note_of(const isomm_assessment *a, const char *role)
{
    isomm_answer ans;
    cr_assert_eq(isomm_assessment_get(a, role, &ans, NULL), ISOMM_OK);
    return ans.note ? ans.note : "";
}

/* A metadata field ("" when unset). */
static const char *meta_of(const isomm_assessment *a, isomm_meta field)
{
    const char *v = isomm_assessment_meta(a, field);
    return v ? v : "";
}

static isomm_assessment *with_texts(const char *text)
{
    isomm_assessment *a;
    isomm_error err;
    cr_assert_eq(isomm_assessment_new(&a, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ID, *text ? text : "id", &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ORGANIZATION, text, &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ASSESSOR, text, &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set(a, "A-1", ISOMM_INSOURCE, 2, text, &err), ISOMM_OK, "%s", err.message);
    return a;
}

static char *write_text(isomm_assessment *a, int bom, size_t *len)
{
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_error err;
    char *out;
    opts.write_bom = bom;
    cr_assert_eq(isomm_csv_write_buffer(&out, len, &a, 1, &opts, &err), ISOMM_OK, "%s", err.message);
    return out;
}

Test(formula, written_with_one_apostrophe_for_a_spreadsheet)
{
    isomm_assessment *a = with_texts("=HYPERLINK(\"http://x.example/\",\"x\")");
    size_t len;
    char *out = write_text(a, 1, &len);
    const char *row = strchr(out, '\n') + 1;

    cr_assert_eq(memcmp(out, BOM, 3), 0);
    cr_assert_eq(strncmp(row,
                         "\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"x\"\")\","
                         "\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"x\"\")\","
                         "\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"x\"\")\",,,,A-1,insource,2,"
                         "\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"x\"\")\"\n",
                         strlen(row) < 160 ? strlen(row) : 160),
                 0, "%s", row);
    isomm_free(out);
    isomm_assessment_free(a);
}

Test(formula, each_trigger_and_its_written_form)
{
    static const char *const in[] = { "+1", "-2", "@x", "'=y", "'x", "a=b" };
    static const char *const note[] = { "'+1", "'-2", "'@x", "''=y", "'x", "a=b" };
    size_t i, len;
    for (i = 0; i < sizeof in / sizeof in[0]; i++) {
        isomm_assessment *a = with_texts(in[i]);
        char *out = write_text(a, 1, &len), *p = strstr(out, ",A-1,insource,2,"), *end;
        cr_assert_not_null(p);
        p += strlen(",A-1,insource,2,");
        end = strchr(p, '\n');
        cr_assert_eq((size_t)(end - p), strlen(note[i]), "note '%s' written as '%.*s'", in[i], (int)(end - p), p);
        cr_assert_eq(memcmp(p, note[i], strlen(note[i])), 0, "note '%s' written as '%.*s'", in[i], (int)(end - p), p);
        isomm_free(out);
        isomm_assessment_free(a);
    }
}

Test(formula, without_bom_texts_are_written_as_they_are)
{
    isomm_assessment *a = with_texts("=1+1");
    size_t len;
    char *out = write_text(a, 0, &len);
    cr_assert_not_null(strstr(out, ",A-1,insource,2,=1+1\n"), "%s", out);
    cr_assert_null(strstr(out, "'"));
    isomm_free(out);
    isomm_assessment_free(a);
}

Test(formula, reading_a_bom_file_removes_one_apostrophe)
{
    static const char csv[] = BOM "assessment,organization,role,sourcing,level,note\n"
                                  "'=id,'@org,A-1,in,1,'=SUM(A1)\n'=id,,A-2,in,1,''-x\n'=id,,A-3,in,1,'plain\n"
                                  "'=id,,A-4,in,1,\"'\tquoted tab\"\n";
    isomm_assessment **list;
    size_t count;
    isomm_error err;

    cr_assert_eq(isomm_csv_read_buffer(&list, &count, csv, sizeof csv - 1, NULL, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(count, 1);
    cr_assert_str_eq(meta_of(list[0], ISOMM_META_ID), "=id");
    cr_assert_str_eq(meta_of(list[0], ISOMM_META_ORGANIZATION), "@org");
    cr_assert_str_eq(note_of(list[0], "A-1"), "=SUM(A1)");
    cr_assert_str_eq(note_of(list[0], "A-2"), "'-x");
    cr_assert_str_eq(note_of(list[0], "A-3"), "'plain");
    cr_assert_str_eq(note_of(list[0], "A-4"), "\tquoted tab");
    isomm_assessment_array_free(list, count);
}

Test(formula, reading_without_bom_keeps_the_apostrophe)
{
    static const char csv[] = "role,sourcing,level,note\nA-1,in,1,'=SUM(A1)\n";
    isomm_assessment **list;
    size_t count;
    isomm_error err;

    cr_assert_eq(isomm_csv_read_buffer(&list, &count, csv, sizeof csv - 1, NULL, &err), ISOMM_OK, "%s", err.message);
    cr_assert_str_eq(note_of(list[0], "A-1"), "'=SUM(A1)");
    isomm_assessment_array_free(list, count);
}

/* write (BOM) -> read -> write gives the same texts and the same bytes. */
Test(formula, every_text_comes_back_unchanged)
{
    size_t i;
    for (i = 0; i < NFORMULAS; i++) {
        isomm_assessment *a = with_texts(formulas[i]), **list;
        size_t len, len2, count;
        char *out = write_text(a, 1, &len), *again;
        isomm_error err;
        cr_assert_eq(isomm_csv_read_buffer(&list, &count, out, len, NULL, &err), ISOMM_OK, "%s: %s", formulas[i],
                     err.message);
        cr_assert_eq(count, 1);
        cr_assert_str_eq(meta_of(list[0], ISOMM_META_ORGANIZATION), formulas[i]);
        cr_assert_str_eq(meta_of(list[0], ISOMM_META_ASSESSOR), formulas[i]);
        cr_assert_str_eq(note_of(list[0], "A-1"), formulas[i]);
        again = write_text(list[0], 1, &len2);
        cr_assert_eq(len2, len);
        cr_assert_eq(memcmp(again, out, len), 0, "second write of '%s' differs", formulas[i]);
        isomm_free(again);
        isomm_free(out);
        isomm_assessment_array_free(list, count);
        isomm_assessment_free(a);
    }
}
