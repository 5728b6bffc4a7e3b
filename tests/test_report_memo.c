/* SPDX-License-Identifier: MIT */
/* Documents of many results. A text or Markdown document remembers the lines it has flowed
 * (the memo of report_common.c): whatever it remembers, forgets when full, or cannot keep, the
 * document must be byte for byte the single reports one after another, each rendered on its own
 * (no memo). And isomm_report_write_list() streams such a document into a FILE. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isomm/isomm.h>

#define RESULTS 240

static isomm_assessment *assessments[RESULTS];
static isomm_result *results[RESULTS];

/* A note for assessment i and role r: most are unique, so that the memo fills and starts over
 * many times; some repeat, some are longer than the memo keeps, some carry a control character,
 * a newline or wide characters. */
static void note_for(char *out, size_t cap, int i, int r)
{
    int kind = (i * 7 + r) % 9;
    size_t n;

    switch (kind) {
    case 0:
        snprintf(out, cap, "the same note for every assessment");
        break;
    case 1: /* about 1,300 bytes: longer than a remembered text may be */
        n = (size_t)snprintf(out, cap, "long note %d/%d:", i, r);
        while (n + 12 < cap && n < 1300)
            n += (size_t)snprintf(out + n, cap - n, " word%d", (int)(n % 97));
        break;
    case 2:
        snprintf(out, cap, "escape \x1b[31m in %d-%d", i, r);
        break;
    case 3:
        snprintf(out, cap, "two lines %d\nsecond line of role %d", i, r);
        break;
    case 4:
        snprintf(out, cap, "見直しが必要な手順書と連絡体制 %d（役割 %d）の確認を行う予定", i, r);
        break;
    default:
        snprintf(out, cap, "note %d for role %d, %.*s", i, r, (i + r) % 60,
                 "padding padding padding padding padding padding padding padding");
    }
}

static void set_up(void)
{
    const isomm_model *m = isomm_model_default();
    static char note[1400];
    char id[64];
    int i, r;

    for (i = 0; i < RESULTS; i++) {
        cr_assert_eq(isomm_assessment_new(&assessments[i], m, NULL), ISOMM_OK);
        snprintf(id, sizeof id, "site-%d %.*s", i, i % 50, "a long identifier that wraps at a narrow width ....");
        cr_assert_eq(isomm_assessment_set_meta(assessments[i], ISOMM_META_ID, id, NULL), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set_pattern(assessments[i], 1, (isomm_pattern)(i % 5), NULL), ISOMM_OK);
        if (i % 4)
            cr_assert_eq(isomm_assessment_set_pattern(assessments[i], 0, (isomm_pattern)((i + 2) % 5), NULL), ISOMM_OK);
        for (r = 0; r < ISOMM_ROLE_COUNT; r++) {
            int level = (i + r * 3) % 7 - 1; /* -1: left unanswered */
            if (level < 0)
                continue;
            note_for(note, sizeof note, i, r);
            cr_assert_eq(isomm_assessment_set(assessments[i], isomm_model_role(m, r)->code,
                                              (i + r) % 2 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE, level,
                                              (i + r) % 3 ? note : NULL, NULL),
                         ISOMM_OK);
        }
        cr_assert_eq(isomm_evaluate(&results[i], assessments[i], NULL, NULL), ISOMM_OK);
    }
}

static void tear_down(void)
{
    int i;

    for (i = 0; i < RESULTS; i++) {
        isomm_result_free(results[i]);
        isomm_assessment_free(assessments[i]);
    }
}

TestSuite(memo, .init = set_up, .fini = tear_down);

/* The document of every result against the single reports joined with the separator. */
static void check(isomm_format format, isomm_lang lang, int width)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    const char *sep = format == ISOMM_FORMAT_MARKDOWN ? "\n---\n\n" : "\n\n";
    char *doc = NULL, *one = NULL;
    size_t len = 0, one_len = 0, at = 0;
    int i;

    o.format = format;
    o.lang = lang;
    o.width = width;
    cr_assert_eq(isomm_report_render_list(&doc, &len, (const isomm_result *const *)results, RESULTS, &o, NULL),
                 ISOMM_OK);
    for (i = 0; i < RESULTS; i++) {
        if (i) {
            cr_assert(len - at >= strlen(sep) && memcmp(doc + at, sep, strlen(sep)) == 0,
                      "no separator before result %d (width %d)", i, width);
            at += strlen(sep);
        }
        cr_assert_eq(isomm_report_render(&one, &one_len, results[i], &o, NULL), ISOMM_OK);
        cr_assert(len - at >= one_len, "the document ends inside result %d (width %d)", i, width);
        if (memcmp(doc + at, one, one_len) != 0) {
            size_t k = 0;
            while (doc[at + k] == one[k])
                k++;
            cr_assert_fail("result %d (width %d) differs at byte %zu of its report: \"%.40s\" instead of \"%.40s\"",
                           i, width, k, doc + at + k, one + k);
        }
        at += one_len;
        isomm_free(one);
    }
    cr_assert_eq(at, len, "the document has %zu bytes after the last result", len - at);
    isomm_free(doc);
}

Test(memo, text_document_equals_the_single_reports_at_every_width)
{
    check(ISOMM_FORMAT_TEXT, ISOMM_LANG_EN, 80);
    check(ISOMM_FORMAT_TEXT, ISOMM_LANG_JA, 80);
    check(ISOMM_FORMAT_TEXT, ISOMM_LANG_EN, 41);
    check(ISOMM_FORMAT_TEXT, ISOMM_LANG_JA, 132);
}

Test(memo, markdown_document_equals_the_single_reports)
{
    check(ISOMM_FORMAT_MARKDOWN, ISOMM_LANG_EN, 0);
    check(ISOMM_FORMAT_MARKDOWN, ISOMM_LANG_JA, 0);
}

/* A stream (the memo starts with its second result) gives the same bytes as the document. */
static int collect(void *sink, const void *data, size_t len, isomm_error *err)
{
    FILE *fp = sink;
    (void)err;
    return fwrite(data, 1, len, fp) == len ? ISOMM_OK : ISOMM_EIO;
}

Test(memo, stream_equals_the_document)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    isomm_report_stream *s = NULL;
    char *doc = NULL, *streamed = NULL;
    size_t len = 0, streamed_len = 0;
    FILE *fp = open_memstream(&streamed, &streamed_len);
    int i;

    cr_assert_not_null(fp);
    o.lang = ISOMM_LANG_EN;
    o.width = 60;
    cr_assert_eq(isomm_report_render_list(&doc, &len, (const isomm_result *const *)results, RESULTS, &o, NULL),
                 ISOMM_OK);
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, fp, NULL), ISOMM_OK);
    for (i = 0; i < RESULTS; i++)
        cr_assert_eq(isomm_report_stream_add(s, results[i], NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_finish(s, NULL), ISOMM_OK);
    cr_assert_eq(fclose(fp), 0);
    cr_assert_eq(streamed_len, len);
    cr_assert(memcmp(streamed, doc, len) == 0);
    free(streamed);
    isomm_free(doc);
}

/* isomm_report_write_list() streams into the FILE: the bytes of render_list in every format of
 * a document, and a bad argument found before anything is written. */
Test(memo, write_list_streams_the_document_into_a_file)
{
    static const isomm_format formats[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_JSON, ISOMM_FORMAT_HTML,
                                            ISOMM_FORMAT_SVG_RADAR };
    const isomm_result *with_null[3];
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    isomm_error err;
    size_t f;

    for (f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        FILE *fp = tmpfile();
        char *doc = NULL, *back;
        size_t len = 0;

        cr_assert_not_null(fp);
        o.format = formats[f];
        cr_assert_eq(isomm_report_render_list(&doc, &len, (const isomm_result *const *)results, 40, &o, NULL),
                     ISOMM_OK);
        cr_assert_eq(isomm_report_write_list(fp, (const isomm_result *const *)results, 40, &o, NULL), ISOMM_OK);
        cr_assert_eq((size_t)ftell(fp), len, "format %d: %ld bytes written, the document has %zu", (int)formats[f],
                     ftell(fp), len);
        rewind(fp);
        back = malloc(len);
        cr_assert_eq(fread(back, 1, len, fp), len);
        cr_assert(memcmp(back, doc, len) == 0, "format %d: the file differs from the document", (int)formats[f]);
        free(back);
        fclose(fp);
        isomm_free(doc);
    }
    with_null[0] = results[0];
    with_null[1] = results[1];
    with_null[2] = NULL;
    o.format = ISOMM_FORMAT_JSON;
    {
        FILE *fp = tmpfile();
        cr_assert_not_null(fp);
        cr_assert_eq(isomm_report_write_list(fp, with_null, 3, &o, &err), ISOMM_EINVAL);
        cr_assert_str_eq(err.message, "report: result 2 is NULL");
        cr_assert_eq(ftell(fp), 0, "a bad argument wrote %ld bytes", ftell(fp));
        fclose(fp);
    }
}
