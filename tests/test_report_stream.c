/* SPDX-License-Identifier: MIT */
/* Reports written as they go (isomm_report_stream_*): the same bytes as the whole document, in
 * pieces; a failing write function stops the stream with its code; memory for one result. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <isomm/isomm.h>

#define RESULTS 3

/* Three different assessments of the worked example and their results. */
static isomm_assessment *assessments[RESULTS];
static isomm_result *results[RESULTS];

static void set_up(void)
{
    isomm_assessment **list = NULL;
    size_t count = 0;
    int i;

    cr_assert_eq(isomm_csv_read_file(&list, &count, ISOMM_TEST_DATA "/example-1.csv", NULL, NULL), ISOMM_OK);
    cr_assert_eq(count, 1);
    for (i = 0; i < RESULTS; i++) {
        cr_assert_eq(isomm_assessment_copy(&assessments[i], list[0], NULL), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set(assessments[i], "B-2", ISOMM_OUTSOURCE, i + 2, "note \"quoted\"", NULL),
                     ISOMM_OK);
        cr_assert_eq(isomm_evaluate(&results[i], assessments[i], NULL, NULL), ISOMM_OK);
    }
    isomm_assessment_array_free(list, count);
}

static void tear_down(void)
{
    int i;

    for (i = 0; i < RESULTS; i++) {
        isomm_result_free(results[i]);
        isomm_assessment_free(assessments[i]);
    }
}

TestSuite(stream, .init = set_up, .fini = tear_down);

/* A write function that collects the pieces and can be told to fail at the nth call. */
typedef struct collector {
    char *data;
    size_t len;
    int calls;
    int fail_at; /* 0: never */
} collector;

static int collect(void *sink, const void *data, size_t len, isomm_error *err)
{
    collector *c = sink;

    if (++c->calls == c->fail_at) {
        if (err) {
            err->code = ISOMM_EIO;
            strcpy(err->message, "disk full (test)");
        }
        return ISOMM_EIO;
    }
    cr_assert_gt(len, 0, "a piece of length 0 was written");
    c->data = realloc(c->data, c->len + len + 1);
    memcpy(c->data + c->len, data, len);
    c->len += len;
    c->data[c->len] = '\0';
    return ISOMM_OK;
}

static void stream_all(collector *c, isomm_format format, size_t count)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    isomm_report_stream *s;
    size_t i;

    o.format = format;
    o.lang = ISOMM_LANG_EN;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, c, NULL), ISOMM_OK);
    for (i = 0; i < count; i++)
        cr_assert_eq(isomm_report_stream_add(s, results[i], NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_finish(s, NULL), ISOMM_OK);
}

Test(stream, same_bytes_as_the_whole_document_in_every_format)
{
    static const isomm_format formats[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                            ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR };
    size_t f, n;

    for (f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        for (n = 1; n <= RESULTS; n++) {
            isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
            collector c = { NULL, 0, 0, 0 };
            char *whole;
            size_t len;

            o.format = formats[f];
            o.lang = ISOMM_LANG_EN;
            cr_assert_eq(isomm_report_render_list(&whole, &len, (const isomm_result *const *)results, n, &o, NULL),
                         ISOMM_OK);
            stream_all(&c, formats[f], n);
            cr_assert_eq(c.len, len, "format %d, %zu results: %zu bytes streamed, %zu rendered", (int)formats[f], n,
                         c.len, len);
            cr_assert_eq(memcmp(c.data, whole, len), 0, "format %d, %zu results differ", (int)formats[f], n);
            isomm_free(whole);
            free(c.data);
        }
    }
}

Test(stream, text_and_json_are_written_result_by_result)
{
    collector text = { NULL, 0, 0, 0 }, json = { NULL, 0, 0, 0 };

    stream_all(&text, ISOMM_FORMAT_TEXT, RESULTS);
    cr_assert_eq(text.calls, RESULTS); /* one piece per result, nothing left for the end */
    stream_all(&json, ISOMM_FORMAT_JSON, RESULTS);
    cr_assert_eq(json.calls, RESULTS + 2); /* "[", each object, "]\n" */
    cr_assert_eq(json.data[0], '[');
    cr_assert_str_eq(json.data + json.len - 2, "]\n");
    free(text.data);
    free(json.data);
}

Test(stream, results_may_be_freed_after_add_for_text)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    collector c = { NULL, 0, 0, 0 };
    isomm_report_stream *s;
    isomm_result *r;
    char *whole;
    size_t len;

    o.format = ISOMM_FORMAT_MARKDOWN;
    cr_assert_eq(isomm_report_render(&whole, &len, results[1], &o, NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, NULL), ISOMM_OK);
    cr_assert_eq(isomm_evaluate(&r, assessments[1], NULL, NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_add(s, r, NULL), ISOMM_OK);
    isomm_result_free(r);
    cr_assert_eq(isomm_report_stream_finish(s, NULL), ISOMM_OK);
    cr_assert_str_eq(c.data, whole);
    isomm_free(whole);
    free(c.data);
}

Test(stream, a_failing_write_stops_the_stream_with_its_code)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    collector c = { NULL, 0, 0, 2 };
    isomm_report_stream *s;
    isomm_error err;

    o.format = ISOMM_FORMAT_JSON;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, &err), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_add(s, results[0], &err), ISOMM_EIO);
    cr_assert_str_eq(err.message, "disk full (test)");
    /* sticky: nothing more is written, and finish reports the failure again */
    cr_assert_eq(isomm_report_stream_add(s, results[1], &err), ISOMM_EIO);
    cr_assert_eq(isomm_report_stream_finish(s, &err), ISOMM_EIO);
    cr_assert_eq(c.calls, 2);
    cr_assert_str_eq(c.data, "[");
    free(c.data);
}

Test(stream, errors_of_arguments_and_empty_documents)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    collector c = { NULL, 0, 0, 0 };
    isomm_report_stream *s = (isomm_report_stream *)&c;
    isomm_error err;

    cr_assert_eq(isomm_report_stream_open(&s, NULL, NULL, &c, &err), ISOMM_EINVAL);
    cr_assert_null(s);
    cr_assert_eq(isomm_report_stream_open(NULL, NULL, collect, &c, &err), ISOMM_EINVAL);
    o.version = 99;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, &err), ISOMM_EOPTIONS);
    cr_assert_null(s);
    cr_assert_eq(isomm_report_stream_add(NULL, results[0], &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_report_stream_finish(NULL, &err), ISOMM_EINVAL);
    isomm_report_stream_free(NULL);

    /* no result: text has nothing to say, JSON is an empty array */
    o.version = ISOMM_REPORT_OPTIONS_VERSION;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, &err), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_add(s, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_report_stream_finish(s, &err), ISOMM_EEMPTY);
    cr_assert_eq(c.calls, 0);
    o.format = ISOMM_FORMAT_JSON;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, &err), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_finish(s, &err), ISOMM_OK);
    cr_assert_str_eq(c.data, "[]\n");

    /* a role chart shows one assessment */
    o.format = ISOMM_FORMAT_SVG_ROLES;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, &err), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_add(s, results[0], &err), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_add(s, results[1], &err), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_finish(s, &err), ISOMM_EINVAL);
    cr_assert_str_eq(err.message, "report: a role chart shows one assessment, got 2");
    free(c.data);
}

Test(stream, into_an_output_file)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char dir[] = "/tmp/isomm-stream-XXXXXX", path[64], *whole, got[65536];
    isomm_report_stream *s;
    isomm_output *out;
    size_t len, n;
    FILE *fp;

    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/r.json", dir);
    o.format = ISOMM_FORMAT_JSON;
    cr_assert_eq(isomm_output_open(&out, path, NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_open(&s, &o, isomm_output_sink, out, NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_add(s, results[2], NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_finish(s, NULL), ISOMM_OK);
    cr_assert_eq(isomm_output_commit(out, NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_render_list(&whole, &len, (const isomm_result *const *)&results[2], 1, &o, NULL),
                 ISOMM_OK);
    fp = fopen(path, "rb");
    cr_assert_not_null(fp);
    n = fread(got, 1, sizeof got, fp);
    fclose(fp);
    cr_assert_eq(n, len);
    cr_assert_eq(memcmp(got, whole, len), 0);
    isomm_free(whole);
    unlink(path);
    rmdir(dir);
}
