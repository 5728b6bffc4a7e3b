/* SPDX-License-Identifier: MIT */
/* Assessment CSV: bad inputs with exact positions, chunked input, BOM, CRLF, encodings, limits,
 * streaming, validation, writing, round trips, the template and the example-1 evaluation. */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <iconv.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <isomm/isomm.h>

#include "mini_csv.h"

#define DATA(name) ISOMM_TEST_DATA "/" name

/* A whole text file (NUL-terminated) and its length. */
static char *slurp(const char *path, size_t *len)
{
    char *text = mini_csv_slurp(path);
    cr_assert_not_null(text, "cannot read %s", path);
    *len = strlen(text);
    return text;
}

/* Input handed over `step` bytes at a time. */
typedef struct chunked {
    const char *data;
    size_t len, pos, step;
} chunked;

static long chunk_read(void *userdata, char *buf, size_t cap)
{
    chunked *c = userdata;
    size_t n = c->len - c->pos;
    if (n > c->step)
        n = c->step;
    if (n > cap)
        n = cap;
    memcpy(buf, c->data + c->pos, n);
    c->pos += n;
    return (long)n;
}

/* Read all assessments through the streaming reader with a given chunk size. */
static int read_chunked(isomm_assessment ***out, size_t *count, const char *data, size_t len, size_t step,
                        const isomm_csv_options *opts, isomm_error *err)
{
    chunked c = { data, len, 0, step };
    isomm_csv_reader *rd;
    isomm_assessment **list = malloc(1024 * sizeof *list), *a;
    size_t n = 0;
    int rc = isomm_csv_reader_open_callback(&rd, chunk_read, &c, opts, err);
    cr_assert_eq(rc, ISOMM_OK);
    while ((rc = isomm_csv_reader_next(rd, &a, err)) == 1) {
        cr_assert_lt(n, 1024);
        list[n++] = a;
    }
    isomm_csv_reader_free(rd);
    if (rc < 0) {
        isomm_assessment_array_free(list, n);
        *out = NULL;
        *count = 0;
        return rc;
    }
    *out = list;
    *count = n;
    return ISOMM_OK;
}

/* ---- bad inputs: exact code, line and column, whole and in 1- and 7-byte chunks ---- */

/* Texts are held in arrays: Criterion runs each parameter in a fresh process, where pointers
 * into the parent's data would not be valid. */
typedef struct bad_case {
    char name[48];
    char text[128];
    size_t len; /* 0 = strlen(text) */
    int code;
    long line;
    long column;
    size_t max_field; /* 0 = default */
} bad_case;

#define S "role,sourcing,level,note\n"
#define FULL "assessment,organization,assessor,date,current_pattern,target_pattern,role,sourcing,level,note\n"

static const bad_case bad_cases[] = {
    { "empty input", "", 0, ISOMM_EEMPTY, 1, 0, 0 },
    { "byte-order mark only", "\xEF\xBB\xBF", 0, ISOMM_EEMPTY, 1, 0, 0 },
    { "header only", "role,sourcing,level\n", 0, ISOMM_EEMPTY, 2, 0, 0 },
    { "only blank rows", "role,sourcing,level\n\n,,\n  \n", 0, ISOMM_EEMPTY, 5, 0, 0 },
    { "missing level column", "role,sourcing\nA-1,in\n", 0, ISOMM_EHEADER, 1, 0, 0 },
    { "missing role column", "sourcing,level\nin,1\n", 0, ISOMM_EHEADER, 1, 0, 0 },
    { "unknown column", "role,sourcing,level,rol\nA-1,in,1,x\n", 0, ISOMM_EHEADER, 1, 4, 0 },
    { "repeated column", "role,sourcing,level, Role \nA-1,in,1,A-2\n", 0, ISOMM_EHEADER, 1, 4, 0 },
    { "header name over two lines", "role,sourcing,\"lev\nel\"\nA-1,in,1\n", 0, ISOMM_EHEADER, 1, 3, 0 },
    { "NUL byte in header", "role,sour\0cing,level\n", 21, ISOMM_EPARSE, 1, 2, 0 },
    { "level 7", S "A-1,insource,7,\n", 0, ISOMM_ELEVEL, 2, 3, 0 },
    { "level not a number", S "A-1,insource,x,\n", 0, ISOMM_ELEVEL, 2, 3, 0 },
    { "level negative", S "A-1,insource,-1,\n", 0, ISOMM_ELEVEL, 2, 3, 0 },
    { "level with decimals", S "A-1,insource,3.0,\n", 0, ISOMM_ELEVEL, 2, 3, 0 },
    { "sourcing without level", S "A-1,insource,,\n", 0, ISOMM_ELEVEL, 2, 3, 0 },
    { "level without sourcing", S "A-1,,3,\n", 0, ISOMM_ESOURCING, 2, 2, 0 },
    { "level 0 without sourcing", S "A-1,,0,\n", 0, ISOMM_ESOURCING, 2, 2, 0 },
    { "unknown sourcing", S "A-1,inside,3,\n", 0, ISOMM_ESOURCING, 2, 2, 0 },
    { "unknown role", S "Z-1,in,3,\n", 0, ISOMM_EROLE, 2, 1, 0 },
    { "role number out of range", S "A-9,in,3,\n", 0, ISOMM_EROLE, 2, 1, 0 },
    { "empty role", S ",in,3,a note\n", 0, ISOMM_EROLE, 2, 1, 0 },
    { "role twice", S "A-1,in,3,\nA-2,in,1,\nA-1,out,2,\n", 0, ISOMM_EDUPLICATE, 4, 1, 0 },
    { "unanswered role twice", S "A-1,,,\nA-1,,,\n", 0, ISOMM_EDUPLICATE, 3, 1, 0 },
    { "assessment id comes back", "assessment,role,sourcing,level\nx,A-1,in,3\ny,A-1,in,3\nx,A-2,in,3\n", 0,
      ISOMM_EDUPLICATE, 4, 1, 0 },
    { "organization conflict", "assessment,organization,role,sourcing,level\nx,Org A,A-1,in,3\nx,,A-3,in,3\n"
      "x,Org B,A-2,in,3\n", 0, ISOMM_ECONFLICT, 4, 2, 0 },
    { "target pattern conflict", "target_pattern,role,sourcing,level\nhybrid,A-1,in,3\nfull-insource,A-2,in,3\n",
      0, ISOMM_ECONFLICT, 3, 1, 0 },
    { "date conflict", "role,date,sourcing,level\nA-1,2026-01-01,in,3\nA-2,2026-01-02,in,3\n", 0,
      ISOMM_ECONFLICT, 3, 2, 0 },
    { "unknown pattern", "role,sourcing,level,current_pattern\nA-1,in,3,mixed\n", 0, ISOMM_EPATTERN, 2, 4, 0 },
    { "date not a calendar day", FULL "x,,,2026-02-30,,,A-1,in,3,\n", 0, ISOMM_EDATE, 2, 4, 0 },
    { "date with slashes", FULL "x,,,2026/01/01,,,A-1,in,3,\n", 0, ISOMM_EDATE, 2, 4, 0 },
    { "too few fields", S "A-1,in,3\n", 0, ISOMM_EPARSE, 2, 4, 0 },
    { "too many fields", S "A-1,in,3,,x\n", 0, ISOMM_EPARSE, 2, 5, 0 },
    { "unterminated quote at end", S "A-1,in,3,\nA-2,in,3,\"open note\nmore\n", 0, ISOMM_EPARSE, 3, 4, 0 },
    { "quote inside unquoted field", S "A-1,in,3,ab\"c\n", 0, ISOMM_EPARSE, 2, 4, 0 },
    { "text after closing quote", S "A-1,in,3,\"a\nb\"c\n", 0, ISOMM_EPARSE, 3, 4, 0 },
    { "NUL byte in note", S "A-1,in,3,a\0b\n", 38, ISOMM_EPARSE, 2, 4, 0 },
    { "Shift_JIS bytes", S "A-1,in,3,\x95\xfb\x90\x6a\n", 0, ISOMM_EENCODING, 2, 4, 0 },
    { "overlong UTF-8", S "A-1,in,3,\xC0\xAF\n", 0, ISOMM_EENCODING, 2, 4, 0 },
    { "UTF-16 surrogate in UTF-8", S "A-1,in,3,\xED\xA0\x80\n", 0, ISOMM_EENCODING, 2, 4, 0 },
    { "truncated UTF-8 at field end", S "A-1,in,3,\xE6\x96\n", 0, ISOMM_EENCODING, 2, 4, 0 },
    { "lines inside a quoted note are counted", S "A-1,in,3,\"l1\nl2\nl3\"\nA-2,in,9,\n", 0, ISOMM_ELEVEL, 5,
      3, 0 },
    { "field after a multi-line field", "role,note,sourcing,level\nA-1,\"a\nb\",in,9\n", 0, ISOMM_ELEVEL, 3, 4, 0 },
    { "CRLF and blank lines are counted", "role,sourcing,level\r\nA-1,in,3\r\n\r\nA-2,in,6\r\n", 0, ISOMM_ELEVEL,
      4, 3, 0 },
    { "byte-order mark then error", "\xEF\xBB\xBFrole,sourcing,level\nA-1,in,6\n", 0, ISOMM_ELEVEL, 2, 3, 0 },
    { "field over the limit", S "A-1,in,3,0123456789abcdefXYZ\n", 0, ISOMM_ELIMIT, 2, 4, 16 },
    { "field over the limit before a stray quote", S "A-1,in,3,0123456789abcdefXYZ\"q\n", 0, ISOMM_ELIMIT, 2,
      4, 16 },
    { "id with a line break on every row", "assessment,role,sourcing,level\n\"a\nb\",A-1,in,3\n\"a\nb\",A-2,in,9\n",
      0, ISOMM_ELEVEL, 5, 4, 0 },
    { "quoted field over the limit", S "A-1,in,3,\"0123456789\nabcdefXYZ\"\n", 0, ISOMM_ELIMIT, 2, 4, 16 },
};

ParameterizedTestParameters(bad, exact_error)
{
    return cr_make_param_array(bad_case, bad_cases, sizeof bad_cases / sizeof bad_cases[0]);
}

ParameterizedTest(const bad_case *c, bad, exact_error)
{
    static const size_t steps[] = { 0, 1, 7 };
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    size_t len = c->len ? c->len : strlen(c->text), i;
    opts.max_field_bytes = c->max_field;
    for (i = 0; i < sizeof steps / sizeof *steps; i++) {
        isomm_assessment **list = (isomm_assessment **)1;
        size_t count = 99;
        isomm_error e = { 0, 0, 0, "" };
        int rc = steps[i] ? read_chunked(&list, &count, c->text, len, steps[i], &opts, &e)
                          : isomm_csv_read_buffer(&list, &count, c->text, len, &opts, &e);
        cr_assert_eq(rc, c->code, "%s (chunk %zu): code %d, expected %d: %s", c->name, steps[i], rc, c->code,
                     e.message);
        cr_assert_eq(e.code, c->code, "%s: error record code", c->name);
        cr_assert_eq(e.line, c->line, "%s (chunk %zu): line %ld, expected %ld: %s", c->name, steps[i], e.line,
                     c->line, e.message);
        cr_assert_eq(e.column, c->column, "%s (chunk %zu): column %ld, expected %ld: %s", c->name, steps[i],
                     e.column, c->column, e.message);
        cr_assert_null(list, "%s: nothing partial", c->name);
        cr_assert_eq(count, 0);
        cr_assert_gt(strlen(e.message), 10);
    }
}

Test(bad, message_names_column_value_and_expectation)
{
    isomm_assessment **list;
    size_t count;
    isomm_error e;
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, S "A-1,insource,7,\n", strlen(S) + 16, NULL, &e),
                 ISOMM_ELEVEL);
    cr_assert_not_null(strstr(e.message, "'7'"), "%s", e.message);
    cr_assert_not_null(strstr(e.message, "'level'"), "%s", e.message);
    cr_assert_not_null(strstr(e.message, "0-5"), "%s", e.message);
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, S "A-1,in,3,\x95\xfb\n", strlen(S) + 12, NULL, &e),
                 ISOMM_EENCODING);
    cr_assert_not_null(strstr(e.message, "UTF-8"), "%s", e.message);
    cr_assert_not_null(strstr(e.message, "CP932"), "%s", e.message);
}

Test(bad, huge_field_and_unterminated_quote_hit_the_default_limit)
{
    size_t big = 3u << 20, n = strlen(S) + 9;
    char *text = malloc(n + big + 2);
    isomm_assessment **list;
    size_t count;
    isomm_error e;
    memcpy(text, S "A-1,in,3,", n);
    memset(text + n, 'x', big);
    text[n + big] = '\n';
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, text, n + big + 1, NULL, &e), ISOMM_ELIMIT);
    cr_assert_eq(e.line, 2);
    cr_assert_eq(e.column, 4);
    text[n] = '"';
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, text, n + big + 1, NULL, &e), ISOMM_ELIMIT);
    cr_assert_eq(e.line, 2);
    cr_assert_not_null(strstr(e.message, "closing double quote"), "%s", e.message);
    free(text);
}

Test(bad, unreadable_file_and_bad_options)
{
    isomm_assessment **list;
    size_t count;
    isomm_error e;
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    cr_assert_eq(isomm_csv_read_file(&list, &count, "/nonexistent/x.csv", NULL, &e), ISOMM_EIO);
    cr_assert_not_null(strstr(e.message, "/nonexistent/x.csv"));
    opts.version = 99;
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, S, strlen(S), &opts, &e), ISOMM_EOPTIONS);
    cr_assert_eq(isomm_csv_read_buffer(NULL, &count, S, strlen(S), NULL, &e), ISOMM_EINVAL);
}

/* ---- accepted inputs ---- */

static isomm_assessment *read_one(const char *text, const isomm_csv_options *opts)
{
    isomm_assessment **list, *a;
    size_t count;
    isomm_error e;
    int rc = isomm_csv_read_buffer(&list, &count, text, strlen(text), opts, &e);
    cr_assert_eq(rc, ISOMM_OK, "%s", e.message);
    cr_assert_eq(count, 1);
    a = list[0];
    free(list);
    return a;
}

Test(read, spellings_column_order_and_metadata_on_one_row)
{
    isomm_assessment *a = read_one(" Level ,NOTE,Sourcing,role,Target_Pattern,assessor\n"
                                   "3,,インソース,A-1,ハイブリッド,\n"
                                   "0,\"  kept  \",OUT,A-2,hybrid,Ann\n"
                                   "2,,アウトソース,A-3,,Ann\n"
                                   ",only a note,,A-4,,\n"
                                   "1,,in,B-1,,\n",
                                   NULL);
    isomm_answer ans;
    cr_assert_eq(isomm_assessment_get(a, "A-1", &ans, NULL), ISOMM_OK);
    cr_assert_eq(ans.sourcing, ISOMM_INSOURCE);
    cr_assert_eq(ans.level, 3);
    cr_assert_null(ans.note);
    isomm_assessment_get(a, "A-2", &ans, NULL);
    cr_assert_eq(ans.sourcing, ISOMM_OUTSOURCE);
    cr_assert_eq(ans.level, 0);
    cr_assert_str_eq(ans.note, "  kept  ");
    isomm_assessment_get(a, "A-3", &ans, NULL);
    cr_assert_eq(ans.sourcing, ISOMM_OUTSOURCE);
    isomm_assessment_get(a, "A-4", &ans, NULL);
    cr_assert_eq(ans.level, ISOMM_UNANSWERED);
    cr_assert_str_eq(ans.note, "only a note");
    cr_assert_eq(isomm_assessment_answered(a), 4);
    cr_assert_eq(isomm_assessment_pattern(a, 0), ISOMM_PATTERN_HYBRID);
    cr_assert_eq(isomm_assessment_pattern(a, 1), ISOMM_PATTERN_NONE);
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_ASSESSOR), "Ann");
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_ID), "default");
    isomm_assessment_free(a);
}

Test(read, excel_bom_crlf_quoted_notes_and_japanese)
{
    const char *text = "\xEF\xBB\xBF" "role,sourcing,level,note\r\n"
                       "A-1,insource,2,\"方針は\r\n年1回, \"\"見直し\"\"\"\r\n"
                       "\r\n"
                       "A-2,out,4,\r\n";
    isomm_assessment *a = read_one(text, NULL);
    isomm_answer ans;
    isomm_assessment_get(a, "A-1", &ans, NULL);
    cr_assert_str_eq(ans.note, "方針は\r\n年1回, \"見直し\"");
    isomm_assessment_get(a, "A-2", &ans, NULL);
    cr_assert_eq(ans.level, 4);
    isomm_assessment_free(a);
}

Test(read, chunked_input_gives_the_same_assessments)
{
    static const size_t steps[] = { 1, 2, 3, 7, 4096 };
    size_t len, count, n2, i, j;
    char *text = slurp(DATA("example-1.csv"), &len);
    char *bom = malloc(len + 4);
    isomm_assessment **whole, **parts;
    isomm_error e;
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, text, len);
    cr_assert_eq(isomm_csv_read_buffer(&whole, &count, text, len, NULL, &e), ISOMM_OK, "%s", e.message);
    for (i = 0; i < sizeof steps / sizeof *steps; i++) {
        cr_assert_eq(read_chunked(&parts, &n2, bom, len + 3, steps[i], NULL, &e), ISOMM_OK, "%s", e.message);
        cr_assert_eq(n2, count);
        for (j = 0; j < count; j++)
            cr_assert(isomm_assessment_equal(whole[j], parts[j]), "chunk size %zu", steps[i]);
        isomm_assessment_array_free(parts, n2);
    }
    isomm_assessment_array_free(whole, count);
    free(text);
    free(bom);
}

Test(read, bom_split_across_reads)
{
    const char *text = "\xEF\xBB\xBFrole,sourcing,level\nA-1,in,3\n";
    isomm_assessment **list;
    size_t count;
    isomm_error e;
    cr_assert_eq(read_chunked(&list, &count, text, strlen(text), 1, NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(isomm_assessment_answered(list[0]), 1);
    isomm_assessment_array_free(list, count);
    cr_assert_eq(read_chunked(&list, &count, text, strlen(text), 2, NULL, &e), ISOMM_OK, "%s", e.message);
    isomm_assessment_array_free(list, count);
    /* a lone EF that is not a byte-order mark stays part of the text (and is invalid UTF-8) */
    cr_assert_eq(read_chunked(&list, &count, "\xEFrole,sourcing,level\n", 21, 1, NULL, &e), ISOMM_EENCODING);
    cr_assert_eq(e.line, 1);
    cr_assert_eq(e.column, 1);
}

static char *to_cp932(const char *utf8, size_t *len)
{
    iconv_t cd = iconv_open("CP932", "UTF-8");
    size_t il = strlen(utf8), ol = il + 1;
    char *out = malloc(ol), *ip = (char *)utf8, *op = out;
    cr_assert_neq(cd, (iconv_t)-1);
    cr_assert_neq(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
    iconv_close(cd);
    *len = (size_t)(op - out);
    return out;
}

Test(read, cp932_when_named_refused_otherwise)
{
    const char *utf8 = "role,sourcing,level,note\nA-1,インソース,3,方針は年1回見直し\nA-2,アウトソース,1,ｶﾀｶﾅ\n";
    size_t len, count;
    char *sjis = to_cp932(utf8, &len);
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_assessment **list, **chunked_list, *ref = read_one(utf8, NULL);
    isomm_error e;
    opts.encoding = ISOMM_ENCODING_CP932;
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, sjis, len, &opts, &e), ISOMM_OK, "%s", e.message);
    cr_assert(isomm_assessment_equal(list[0], ref));
    cr_assert_eq(read_chunked(&chunked_list, &count, sjis, len, 1, &opts, &e), ISOMM_OK, "%s", e.message);
    cr_assert(isomm_assessment_equal(chunked_list[0], ref));
    isomm_assessment_array_free(chunked_list, count);
    isomm_assessment_array_free(list, 1);
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, sjis, len, NULL, &e), ISOMM_EENCODING);
    cr_assert_eq(e.line, 2);
    cr_assert_eq(e.column, 2);
    /* a lone lead byte at the end is not CP932 */
    sjis[len - 2] = '\x82';
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, sjis, len - 1, &opts, &e), ISOMM_EENCODING);
    cr_assert_eq(e.line, 3);
    isomm_assessment_free(ref);
    free(sjis);
}

/* ---- streaming ---- */

/* Generates a header and `rows` rows on the fly: assessment i has roles in catalogue order. */
typedef struct generator {
    long row, rows;
    char pending[128];
    size_t plen, ppos;
} generator;

static long generate(void *userdata, char *buf, size_t cap)
{
    generator *g = userdata;
    const isomm_model *m = isomm_model_default();
    size_t n = 0;
    while (n < cap) {
        if (g->ppos == g->plen) {
            if (g->row > g->rows)
                break;
            if (g->row == 0) {
                g->plen = (size_t)sprintf(g->pending, "assessment,role,sourcing,level,note\n");
            } else {
                long r = g->row - 1;
                g->plen = (size_t)sprintf(g->pending, "a%ld,%s,%s,%ld,\"n, %ld\"\n", r / ISOMM_ROLE_COUNT,
                                          isomm_model_role(m, (int)(r % ISOMM_ROLE_COUNT))->code,
                                          r % 2 ? "in" : "out", r % 6, r);
            }
            g->ppos = 0;
            g->row++;
        }
        buf[n++] = g->pending[g->ppos++];
    }
    return (long)n;
}

Test(stream, a_million_rows_one_assessment_at_a_time, .timeout = 60)
{
    generator g = { 0, 1000026, "", 0, 0 };
    isomm_csv_reader *rd;
    isomm_assessment *a;
    isomm_error e;
    long n = 0;
    int rc;
    cr_assert_eq(isomm_csv_reader_open_callback(&rd, generate, &g, NULL, &e), ISOMM_OK);
    while ((rc = isomm_csv_reader_next(rd, &a, &e)) == 1) {
        char id[32];
        sprintf(id, "a%ld", n);
        cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_ID), id);
        cr_assert_eq(isomm_assessment_answered(a), ISOMM_ROLE_COUNT);
        isomm_assessment_free(a);
        n++;
    }
    cr_assert_eq(rc, 0, "%s", e.message);
    cr_assert_eq(n, 1000026 / ISOMM_ROLE_COUNT);
    cr_assert_eq(isomm_csv_reader_next(rd, &a, &e), 0);
    isomm_csv_reader_free(rd);
}

Test(stream, assessments_before_an_error_are_handed_over)
{
    const char *text = "assessment,role,sourcing,level\nx,A-1,in,3\nx,A-2,in,3\ny,A-1,in,3\ny,A-2,in,8\nz,A-1,in,1\n";
    chunked c = { text, strlen(text), 0, 5 };
    isomm_csv_reader *rd;
    isomm_assessment *a;
    isomm_error e;
    cr_assert_eq(isomm_csv_reader_open_callback(&rd, chunk_read, &c, NULL, &e), ISOMM_OK);
    cr_assert_eq(isomm_csv_reader_next(rd, &a, &e), 1);
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_ID), "x");
    isomm_assessment_free(a);
    cr_assert_eq(isomm_csv_reader_next(rd, &a, &e), ISOMM_ELEVEL);
    cr_assert_null(a);
    cr_assert_eq(e.line, 5);
    cr_assert_eq(e.column, 4);
    cr_assert_eq(isomm_csv_reader_next(rd, &a, &e), ISOMM_ELEVEL, "the error stays");
    isomm_csv_reader_free(rd);
}

static long failing_read(void *userdata, char *buf, size_t cap)
{
    (void)userdata;
    (void)buf;
    (void)cap;
    return -1;
}

Test(stream, callback_error_and_file_reader)
{
    isomm_csv_reader *rd;
    isomm_assessment *a;
    isomm_error e;
    long n = 0;
    int rc;
    cr_assert_eq(isomm_csv_reader_open_callback(&rd, failing_read, NULL, NULL, &e), ISOMM_OK);
    cr_assert_eq(isomm_csv_reader_next(rd, &a, &e), ISOMM_EIO);
    isomm_csv_reader_free(rd);
    cr_assert_eq(isomm_csv_reader_open_file(&rd, "/nonexistent/x.csv", NULL, &e), ISOMM_EIO);
    cr_assert_eq(isomm_csv_reader_open_file(&rd, DATA("example-1.csv"), NULL, &e), ISOMM_OK);
    while ((rc = isomm_csv_reader_next(rd, &a, &e)) == 1) {
        isomm_assessment_free(a);
        n++;
    }
    cr_assert_eq(rc, 0);
    cr_assert_eq(n, 1);
    isomm_csv_reader_free(rd);
}

/* A CSV with one row for the id "r", then `others` one-row assessments, then "r" again. */
static char *returning_id_csv(long others, size_t *len)
{
    size_t cap = 64 + (size_t)others * 24;
    char *text = malloc(cap);
    size_t n;
    long i;
    cr_assert_not_null(text);
    n = (size_t)sprintf(text, "assessment,role,sourcing,level\nr,A-1,in,1\n");
    for (i = 0; i < others; i++)
        n += (size_t)sprintf(text + n, "o%ld,A-1,in,2\n", i);
    n += (size_t)sprintf(text + n, "r,A-2,in,3\n");
    *len = n;
    return text;
}

/* Stream a buffer to its end; returns the last code and counts what was handed over. */
static int stream_count(const char *text, size_t len, long *count, isomm_assessment **last, isomm_error *e)
{
    chunked c = { text, len, 0, 4096 };
    isomm_csv_reader *rd;
    isomm_assessment *a;
    int rc;
    *count = 0;
    *last = NULL;
    cr_assert_eq(isomm_csv_reader_open_callback(&rd, chunk_read, &c, NULL, e), ISOMM_OK);
    while ((rc = isomm_csv_reader_next(rd, &a, e)) == 1) {
        isomm_assessment_free(*last);
        *last = a;
        (*count)++;
    }
    isomm_csv_reader_free(rd);
    return rc;
}

Test(stream, an_id_returning_within_the_window_is_a_duplicate)
{
    long others = ISOMM_CSV_STREAM_ID_WINDOW, count;
    size_t len;
    char *text = returning_id_csv(others, &len);
    isomm_assessment *last;
    isomm_error e;
    cr_assert_eq(stream_count(text, len, &count, &last, &e), ISOMM_EDUPLICATE);
    cr_assert_eq(e.line, others + 3);
    cr_assert_eq(e.column, 1);
    cr_assert_not_null(strstr(e.message, "its rows began on line 2"), "%s", e.message);
    cr_assert_eq(count, others + 1, "the assessments before the error are handed over");
    isomm_assessment_free(last);
    free(text);
}

Test(stream, an_id_returning_after_the_window_starts_another_assessment)
{
    long others = 2 * ISOMM_CSV_STREAM_ID_WINDOW + 1, count;
    size_t len, n, problems;
    char *text = returning_id_csv(others, &len);
    isomm_assessment *last, **list;
    isomm_answer ans;
    isomm_error e, found[4];

    /* streaming: forgotten, so the late rows are an assessment of their own */
    cr_assert_eq(stream_count(text, len, &count, &last, &e), 0, "%s", e.message);
    cr_assert_eq(count, others + 2);
    cr_assert_str_eq(isomm_assessment_meta(last, ISOMM_META_ID), "r");
    cr_assert_eq(isomm_assessment_answered(last), 1);
    cr_assert_eq(isomm_assessment_get(last, "A-2", &ans, NULL), ISOMM_OK);
    cr_assert_eq(ans.level, 3);
    isomm_assessment_free(last);

    /* reading all at once and validation remember every id */
    cr_assert_eq(isomm_csv_read_buffer(&list, &n, text, len, NULL, &e), ISOMM_EDUPLICATE);
    cr_assert_null(list);
    cr_assert_eq(e.line, others + 3);
    cr_assert_eq(e.column, 1);
    cr_assert_eq(isomm_csv_validate_buffer(text, len, NULL, found, 4, &problems, &e), ISOMM_EDUPLICATE);
    cr_assert_eq(problems, 1);
    cr_assert_eq(found[0].line, others + 3);
    free(text);
}

Test(read, ids_of_every_short_length_differing_in_one_byte)
{
    /* for each length 1-20: "aaa…", "baa…", "bba…" … "bbb…", two rows each: each id
     * differs from the one before in a single byte, at every position in turn */
    char *text = malloc(65536), id[21];
    size_t n = (size_t)sprintf(text, "assessment,role,sourcing,level\n"), count, k = 0;
    isomm_assessment **list;
    isomm_error e;
    int len, j, i;
    for (len = 1; len <= 20; len++)
        for (j = 0; j <= len; j++) {
            for (i = 0; i < len; i++)
                id[i] = i < j ? 'b' : 'a';
            id[len] = '\0';
            n += (size_t)sprintf(text + n, "%s,A-1,in,1\n%s,A-2,out,2\n", id, id);
        }
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, text, n, NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(count, 230);
    for (len = 1; len <= 20; len++)
        for (j = 0; j <= len; j++, k++) {
            for (i = 0; i < len; i++)
                id[i] = i < j ? 'b' : 'a';
            id[len] = '\0';
            cr_assert_str_eq(isomm_assessment_meta(list[k], ISOMM_META_ID), id);
            cr_assert_eq(isomm_assessment_answered(list[k]), 2, "assessment %s", id);
        }
    isomm_assessment_array_free(list, count);
    free(text);
}

Test(read, assessments_read_can_be_edited_copied_and_freed)
{
    /* the reader keeps an assessment's texts in the assessment's own allocation: replacing,
     * clearing and copying them must work as for any other assessment (ASan/valgrind check the
     * frees) */
    const char *text = "assessment,organization,date,role,sourcing,level,note\n"
                       "x,Org,2026-11-01,A-1,in,3,first note\n"
                       "x,,,A-2,out,2,second note\n"
                       "x,,,A-3,in,1,\n";
    isomm_assessment **list, *copy;
    isomm_answer ans;
    size_t count;
    isomm_error e;
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, text, strlen(text), NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(count, 1);
    cr_assert_eq(isomm_assessment_copy(&copy, list[0], &e), ISOMM_OK);
    cr_assert(isomm_assessment_equal(copy, list[0]));
    cr_assert_eq(isomm_assessment_set_note(list[0], "A-1", "replaced", &e), ISOMM_OK);
    cr_assert_eq(isomm_assessment_clear(list[0], "A-2", &e), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_note(list[0], "A-3", "new", &e), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(list[0], ISOMM_META_ORGANIZATION, "Other", &e), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(list[0], ISOMM_META_DATE, NULL, &e), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(list[0], ISOMM_META_ID, "y", &e), ISOMM_OK);
    cr_assert_eq(isomm_assessment_get(list[0], "A-1", &ans, NULL), ISOMM_OK);
    cr_assert_str_eq(ans.note, "replaced");
    cr_assert_eq(isomm_assessment_get(list[0], "A-2", &ans, NULL), ISOMM_OK);
    cr_assert_null(ans.note);
    cr_assert_eq(ans.level, ISOMM_UNANSWERED);
    cr_assert_eq(isomm_assessment_get(list[0], "A-3", &ans, NULL), ISOMM_OK);
    cr_assert_str_eq(ans.note, "new");
    cr_assert_str_eq(isomm_assessment_meta(list[0], ISOMM_META_ORGANIZATION), "Other");
    cr_assert_null(isomm_assessment_meta(list[0], ISOMM_META_DATE));
    cr_assert_str_eq(isomm_assessment_meta(list[0], ISOMM_META_ID), "y");
    /* the copy kept the texts as read */
    cr_assert_eq(isomm_assessment_get(copy, "A-2", &ans, NULL), ISOMM_OK);
    cr_assert_str_eq(ans.note, "second note");
    cr_assert_str_eq(isomm_assessment_meta(copy, ISOMM_META_ORGANIZATION), "Org");
    cr_assert_str_eq(isomm_assessment_meta(copy, ISOMM_META_DATE), "2026-11-01");
    cr_assert_str_eq(isomm_assessment_meta(copy, ISOMM_META_ID), "x");
    isomm_assessment_free(copy);
    isomm_assessment_array_free(list, count);
}

/* ---- validation ---- */

Test(validate, collects_every_problem_in_order)
{
    const char *text = "role,sourcing,level,colour\n"
                       "A-1,in,7,\n"
                       "A-2,maybe,3,\n"
                       "A-3,in,3,\"a\nb\"\n"
                       "A-4,in,3\n"
                       "A-3,in,2,\n"
                       "A-5,in,1,ok\n";
    isomm_error errors[10], e;
    size_t count;
    int rc = isomm_csv_validate_buffer(text, strlen(text), NULL, errors, 10, &count, &e);
    cr_assert_eq(rc, ISOMM_EHEADER);
    cr_assert_eq(count, 5);
    cr_assert_eq(errors[0].code, ISOMM_EHEADER);
    cr_assert_eq(errors[0].line, 1);
    cr_assert_eq(errors[0].column, 4);
    cr_assert_eq(errors[1].code, ISOMM_ELEVEL);
    cr_assert_eq(errors[1].line, 2);
    cr_assert_eq(errors[1].column, 3);
    cr_assert_eq(errors[2].code, ISOMM_ESOURCING);
    cr_assert_eq(errors[2].line, 3);
    cr_assert_eq(errors[3].code, ISOMM_EPARSE);
    cr_assert_eq(errors[3].line, 6);
    cr_assert_eq(errors[3].column, 4);
    cr_assert_eq(errors[4].code, ISOMM_EDUPLICATE);
    cr_assert_eq(errors[4].line, 7);
    cr_assert_eq(e.line, 1);
}

Test(validate, clean_file_limit_and_fatal_problem)
{
    const char *bad = "role,sourcing,level\nA-1,in,7\nA-2,in,8\nA-3,in,9\nA-4,x,1\n";
    const char *quote = "role,sourcing,level\nA-1,in,7\nA-2,\"in\"x,1\nA-3,in,9\n";
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_error errors[10], e;
    size_t count = 99;
    cr_assert_eq(isomm_csv_validate_file(DATA("example-1.csv"), NULL, errors, 10, &count, &e), ISOMM_OK);
    cr_assert_eq(count, 0);
    cr_assert_eq(isomm_csv_validate_buffer(bad, strlen(bad), NULL, errors, 2, &count, &e), ISOMM_ELEVEL);
    cr_assert_eq(count, 2);
    cr_assert_eq(errors[1].line, 3);
    opts.max_errors = 3;
    cr_assert_eq(isomm_csv_validate_buffer(bad, strlen(bad), &opts, errors, 10, &count, &e), ISOMM_ELEVEL);
    cr_assert_eq(count, 3);
    cr_assert_eq(isomm_csv_validate_buffer(quote, strlen(quote), NULL, errors, 10, &count, &e), ISOMM_ELEVEL);
    cr_assert_eq(count, 2, "malformed quoting ends the check");
    cr_assert_eq(errors[1].code, ISOMM_EPARSE);
    cr_assert_eq(errors[1].line, 3);
    cr_assert_eq(isomm_csv_validate_buffer("", 0, NULL, errors, 10, &count, &e), ISOMM_EEMPTY);
    cr_assert_eq(count, 1);
}

/* ---- writing ---- */

static isomm_assessment *sample(const char *id, const char *note)
{
    isomm_assessment *a;
    cr_assert_eq(isomm_assessment_new(&a, NULL, NULL), ISOMM_OK);
    isomm_assessment_set_meta(a, ISOMM_META_ID, id, NULL);
    isomm_assessment_set_meta(a, ISOMM_META_ORGANIZATION, "Example, \"Corp\"", NULL);
    isomm_assessment_set_meta(a, ISOMM_META_DATE, "2026-11-01", NULL);
    isomm_assessment_set_pattern(a, 1, ISOMM_PATTERN_HYBRID, NULL);
    isomm_assessment_set_pattern(a, 0, ISOMM_PATTERN_FULL_INSOURCE, NULL);
    cr_assert_eq(isomm_assessment_set(a, "A-1", ISOMM_INSOURCE, 0, note, NULL), ISOMM_OK);
    isomm_assessment_set(a, "G-10", ISOMM_OUTSOURCE, 5, " leading and trailing ", NULL);
    isomm_assessment_set(a, "I-6", ISOMM_INSOURCE, 3, NULL, NULL);
    isomm_assessment_set_note(a, "B-2", "unanswered, with a note", NULL);
    return a;
}

Test(write, round_trip_keeps_everything)
{
    isomm_assessment *list[3];
    isomm_assessment **back;
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    char *text;
    size_t len, count, i;
    isomm_error e;
    list[0] = sample("2025", "vendor \"X\", sandbox only\nsecond line\r\nthird: 方針は年1回見直し");
    list[1] = sample("2026", "");
    cr_assert_eq(isomm_assessment_new(&list[2], NULL, NULL), ISOMM_OK);
    for (opts.write_bom = 0; opts.write_bom <= 1; opts.write_bom++) {
        cr_assert_eq(isomm_csv_write_buffer(&text, &len, list, 3, &opts, &e), ISOMM_OK);
        cr_assert_eq(strlen(text), len);
        cr_assert_eq(memcmp(text, "\xEF\xBB\xBF", 3) == 0, opts.write_bom);
        cr_assert_eq(isomm_csv_read_buffer(&back, &count, text, len, NULL, &e), ISOMM_OK, "%s", e.message);
        cr_assert_eq(count, 3);
        for (i = 0; i < 3; i++)
            cr_assert(isomm_assessment_equal(list[i], back[i]), "assessment %zu", i);
        isomm_assessment_array_free(back, count);
        isomm_free(text);
    }
    opts.write_bom = 0;
    opts.encoding = ISOMM_ENCODING_CP932;
    cr_assert_eq(isomm_csv_write_buffer(&text, &len, list, 3, &opts, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(isomm_csv_read_buffer(&back, &count, text, len, &opts, &e), ISOMM_OK, "%s", e.message);
    cr_assert(isomm_assessment_equal(list[0], back[0]));
    isomm_assessment_array_free(back, count);
    isomm_free(text);
    for (i = 0; i < 3; i++)
        isomm_assessment_free(list[i]);
}

Test(write, exact_format)
{
    isomm_assessment *a = sample("x", "a, b");
    char *text;
    size_t len;
    const char *expected_start =
        "assessment,organization,assessor,date,current_pattern,target_pattern,role,sourcing,level,note\n"
        "x,\"Example, \"\"Corp\"\"\",,2026-11-01,hybrid,full-insource,A-1,insource,0,\"a, b\"\n"
        "x,,,,,,A-2,,,\n";
    cr_assert_eq(isomm_csv_write_buffer(&text, &len, &a, 1, NULL, NULL), ISOMM_OK);
    cr_assert_eq(strncmp(text, expected_start, strlen(expected_start)), 0, "%s", text);
    cr_assert_not_null(strstr(text, "x,,,,,,B-2,,,\"unanswered, with a note\"\n"));
    cr_assert_not_null(strstr(text, "x,,,,,,G-10,outsource,5,\" leading and trailing \"\n"));
    isomm_free(text);
    isomm_assessment_free(a);
}

Test(write, file_round_trip_and_failures)
{
    char dir[] = "/tmp/isomm-csv-XXXXXX", path[128];
    isomm_assessment *a = sample("x", "note"), **back;
    size_t count;
    isomm_error e;
    FILE *full;
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.csv", dir);
    cr_assert_eq(isomm_csv_write_file(path, &a, 1, NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(isomm_csv_read_file(&back, &count, path, NULL, &e), ISOMM_OK);
    cr_assert(isomm_assessment_equal(a, back[0]));
    isomm_assessment_array_free(back, count);
    cr_assert_eq(isomm_csv_write_file("/nonexistent-dir/out.csv", &a, 1, NULL, &e), ISOMM_EIO);
    cr_assert_not_null(strstr(e.message, "/nonexistent-dir/out.csv"));
    cr_assert_eq(isomm_csv_write_file(dir, &a, 1, NULL, &e), ISOMM_EIO, "a directory cannot be replaced");
    full = fopen("/dev/full", "w");
    cr_assert_not_null(full);
    cr_assert_eq(isomm_csv_write_fp(full, &a, 1, NULL, &e), ISOMM_EIO);
    fclose(full);
    remove(path);
    rmdir(dir);
    isomm_assessment_free(a);
}

/* Each Criterion test runs in its own process: a file size limit simulates a full disk. */
Test(write, failed_write_leaves_the_old_file)
{
    char dir[] = "/tmp/isomm-csv-XXXXXX", path[128], *old;
    isomm_assessment *list[200];
    struct rlimit lim = { 4096, 4096 };
    isomm_error e;
    size_t len, i;
    FILE *fp;
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/keep.csv", dir);
    fp = fopen(path, "w");
    fputs("old content\n", fp);
    fclose(fp);
    for (i = 0; i < 200; i++)
        list[i] = sample("x", "n");
    signal(SIGXFSZ, SIG_IGN);
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
    cr_assert_eq(isomm_csv_write_file(path, list, 200, NULL, &e), ISOMM_EIO);
    old = slurp(path, &len);
    cr_assert_str_eq(old, "old content\n");
    free(old);
    remove(path);
    cr_assert_eq(rmdir(dir), 0, "no temporary file is left behind");
    for (i = 0; i < 200; i++)
        isomm_assessment_free(list[i]);
}

Test(write, bom_needs_utf8_and_null_entries_are_refused)
{
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_assessment *list[1] = { NULL };
    char *text;
    size_t len;
    opts.write_bom = 1;
    opts.encoding = ISOMM_ENCODING_CP932;
    cr_assert_eq(isomm_csv_write_buffer(&text, &len, list, 0, &opts, NULL), ISOMM_EOPTIONS);
    cr_assert_eq(isomm_csv_write_buffer(&text, &len, list, 1, NULL, NULL), ISOMM_EINVAL);
}

/* ---- template ---- */

Test(template, lists_every_role_and_reads_back_when_filled_in)
{
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_assessment **list;
    isomm_result *r;
    char *text, *filled, *p, *q;
    size_t len, count;
    isomm_error e;
    opts.lang = ISOMM_LANG_EN;
    cr_assert_eq(isomm_csv_write_template_buffer(&text, &len, &opts, &e), ISOMM_OK);
    cr_assert_not_null(strstr(text, ",,,,,,A-1,Overall policy management,,,\n"));
    cr_assert_not_null(strstr(text, ",I-6,"));
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, text, len, NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(isomm_assessment_answered(list[0]), 0);
    isomm_assessment_array_free(list, count);
    /* fill in: every ",,,\n" row end becomes ",in,3,\n" */
    filled = malloc(len * 2);
    for (p = text, q = filled; *p; p++) {
        if (strncmp(p, ",,,\n", 4) == 0 && p > text && p[-1] != ',') {
            strcpy(q, ",in,3,\n");
            q += 7;
            p += 3;
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, filled, strlen(filled), NULL, &e), ISOMM_OK, "%s",
                 e.message);
    cr_assert_eq(isomm_assessment_answered(list[0]), ISOMM_ROLE_COUNT);
    cr_assert_eq(isomm_evaluate(&r, list[0], NULL, &e), ISOMM_OK, "%s", e.message);
    isomm_result_free(r);
    isomm_assessment_array_free(list, count);
    isomm_free(text);
    free(filled);
    opts.lang = ISOMM_LANG_JA;
    cr_assert_eq(isomm_csv_write_template_buffer(&text, &len, &opts, &e), ISOMM_OK);
    cr_assert_not_null(strstr(text, ",A-1,全体方針管理,"));
    isomm_free(text);
}

/* ---- example-1 evaluated ---- */

typedef struct target_lists {
    isomm_pattern target;
    const char *lists[ISOMM_LIST_COUNT][3];
} target_lists;

/* From tests/data/example-1.expected.json, recommendations_by_target. */
static const target_lists example_lists[] = {
    { ISOMM_PATTERN_FULL_OUTSOURCE, { { NULL }, { "D-3", "D-6", "C-2" }, { NULL }, { "C-3", "I-6", "A-1" } } },
    { ISOMM_PATTERN_MINIMUM_INSOURCE,
      { { "A-1", "D-8", "G-10" }, { "D-3", "C-2", "D-7" }, { "D-6", "I-1", "I-4" }, { "C-3", "I-6", "B-4" } } },
    { ISOMM_PATTERN_HYBRID,
      { { "I-6", "A-1", "D-8" }, { "C-2", "G-6", "G-7" }, { "D-3", "D-6", "D-7" }, { "C-3", "B-4", "C-5" } } },
    { ISOMM_PATTERN_MINIMUM_OUTSOURCE,
      { { "I-6", "A-1", "B-4" }, { "C-2", "G-7", "C-1" }, { "D-3", "D-6", "D-7" }, { "C-3", "E-6", "G-2" } } },
    { ISOMM_PATTERN_FULL_INSOURCE, { { "C-3", "I-6", "A-1" }, { NULL }, { "D-3", "D-6", "C-2" }, { NULL } } },
};

static void assert_list(const isomm_result *r, isomm_list list, const char *const *codes, const char *what)
{
    const isomm_model *m = isomm_result_model(r);
    int n = 0, i;
    while (n < 3 && codes[n])
        n++;
    cr_assert_eq(isomm_result_list_count(r, list), n, "%s %s", what, isomm_list_id(list));
    for (i = 0; i < n; i++)
        cr_assert_str_eq(isomm_model_role(m, isomm_result_list_role(r, list, i))->code, codes[i], "%s %s[%d]",
                         what, isomm_list_id(list), i);
}

Test(example, example_1_reads_and_evaluates_as_expected)
{
    static const double maturity[ISOMM_FUNCTION_COUNT] = {
        3.0, 2.6666666666666665, 2.0, 1.8571428571428572, 2.2, 3.0, 2.7777777777777777, 2.3333333333333335,
        2.3333333333333335
    };
    isomm_assessment **list;
    isomm_result *r;
    isomm_eval_options eo = ISOMM_EVAL_OPTIONS_INIT;
    size_t count, t;
    double overall;
    int f, mism, cur_mism;
    isomm_error e;
    cr_assert_eq(isomm_csv_read_file(&list, &count, DATA("example-1.csv"), NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(count, 1);
    cr_assert_str_eq(isomm_assessment_meta(list[0], ISOMM_META_ID), "example-1");
    cr_assert_eq(isomm_evaluate(&r, list[0], NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(isomm_result_unanswered_count(r), 3);
    cr_assert_eq(isomm_result_unanswered(r, 0), isomm_model_find_role(isomm_model_default(), "A-5", NULL));
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *fr = isomm_result_function(r, f);
        cr_assert(fr->has_maturity);
        cr_assert_eq(fr->maturity, maturity[f], "function %d: %.17g", f, fr->maturity);
    }
    cr_assert_eq(isomm_result_overall(r, &overall), 1);
    cr_assert_eq(overall, 2.4631393298059963);
    cr_assert_eq(isomm_result_highlight_count(r, 1), 2);
    cr_assert_eq(isomm_result_highlight(r, 1, 0), 0);
    cr_assert_eq(isomm_result_highlight(r, 1, 1), 5);
    cr_assert_eq(isomm_result_highlight(r, 0, 0), 3);
    cr_assert_eq(isomm_result_highlight(r, 0, 1), 2);
    cr_assert_eq(isomm_result_pattern_fit(r, &mism, &cur_mism), ISOMM_PATTERN_MINIMUM_OUTSOURCE);
    cr_assert_eq(mism, 19);
    cr_assert_eq(cur_mism, 24);
    isomm_result_free(r);
    for (t = 0; t < sizeof example_lists / sizeof *example_lists; t++) {
        int l;
        eo.target = example_lists[t].target;
        cr_assert_eq(isomm_evaluate(&r, list[0], &eo, &e), ISOMM_OK, "%s", e.message);
        for (l = 0; l < ISOMM_LIST_COUNT; l++)
            assert_list(r, (isomm_list)l, example_lists[t].lists[l], isomm_pattern_id(eo.target));
        isomm_result_free(r);
    }
    isomm_assessment_array_free(list, count);
}

/* ---- streams, limits and the remaining variants ---- */

Test(misc, streams_and_file_variants)
{
    const char *text = "role,sourcing,level\nA-1,in,3\n";
    isomm_assessment **list;
    isomm_error errors[4], e;
    size_t count;
    char *out;
    size_t len;
    FILE *fp = tmpfile();
    fputs(text, fp);
    rewind(fp);
    cr_assert_eq(isomm_csv_read_fp(&list, &count, fp, NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(count, 1);
    rewind(fp);
    cr_assert_eq(isomm_csv_validate_fp(fp, NULL, errors, 4, &count, &e), ISOMM_OK);
    cr_assert_eq(count, 0);
    fclose(fp);
    fp = tmpfile();
    cr_assert_eq(isomm_csv_write_fp(fp, list, 1, NULL, &e), ISOMM_OK);
    cr_assert_eq(isomm_csv_write_template(fp, NULL, &e), ISOMM_OK);
    cr_assert_gt(ftell(fp), 1000);
    fclose(fp);
    cr_assert_eq(isomm_csv_validate_file("/nonexistent/x.csv", NULL, errors, 4, &count, &e), ISOMM_EIO);
    cr_assert_eq(isomm_csv_validate_buffer("role,sourcing,level\nA-1,x,1\n", 28, NULL, NULL, 0, &count, &e),
                 ISOMM_ESOURCING);
    cr_assert_eq(count, 0);
    cr_assert_eq(e.line, 2);
    isomm_assessment_set_note(list[0], "A-1", "emoji \xF0\x9F\x98\x80 has no CP932 form", NULL);
    {
        isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
        opts.encoding = ISOMM_ENCODING_CP932;
        cr_assert_eq(isomm_csv_write_buffer(&out, &len, list, 1, &opts, &e), ISOMM_EENCODING);
        cr_assert_null(out);
    }
    isomm_assessment_array_free(list, 1);
}

Test(misc, too_many_header_columns)
{
    size_t n = 1025 * 5 + 1, i, count;
    char *text = malloc(n + 1);
    isomm_assessment **list;
    isomm_error e;
    for (i = 0; i < 1025; i++)
        memcpy(text + i * 5, "role,", 5);
    text[n - 2] = '\n';
    text[n - 1] = '\0';
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, text, n - 1, NULL, &e), ISOMM_ELIMIT);
    cr_assert_eq(e.line, 1);
    cr_assert_eq(e.column, 1025);
    free(text);
}
