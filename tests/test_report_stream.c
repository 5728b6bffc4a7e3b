/* SPDX-License-Identifier: MIT */
/* Reports written as they go (isomm_report_stream_*): the same bytes as the whole document, in
 * pieces; a failing write function stops the stream with its code; no result kept after its add,
 * in any format (the HTML sections wait in a spool, in memory or in an anonymous temporary file). */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <isomm/isomm.h>

/* Enough for every case of the page: more than the title's ids (3), more than one radar chart
 * holds (6), and more than the HTML spool keeps in memory (1 MiB: about 13 sections). */
#define RESULTS 20

/* Different assessments of the worked example ("s-0", "s-1", …) and their results. */
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
        char id[16];
        snprintf(id, sizeof id, "s-%d", i);
        cr_assert_eq(isomm_assessment_copy(&assessments[i], list[0], NULL), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set_meta(assessments[i], ISOMM_META_ID, id, NULL), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set(assessments[i], "B-2", ISOMM_OUTSOURCE, i % 4 + 2, "note \"quoted\"", NULL),
                     ISOMM_OK);
        cr_assert_eq(isomm_assessment_set_index(assessments[i], i % ISOMM_ROLE_COUNT, ISOMM_INSOURCE, i % 6, NULL, NULL),
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

/* The stream's bytes against isomm_report_render_list() of the same n results. */
static void same_as_whole(isomm_format format, isomm_lang lang, size_t n, const isomm_result *second)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    collector c = { NULL, 0, 0, 0 };
    isomm_report_stream *s;
    char *whole;
    size_t len, i;

    o.format = format;
    o.lang = lang;
    o.second = second;
    cr_assert_eq(isomm_report_render_list(&whole, &len, (const isomm_result *const *)results, n, &o, NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, NULL), ISOMM_OK);
    for (i = 0; i < n; i++)
        cr_assert_eq(isomm_report_stream_add(s, results[i], NULL), ISOMM_OK);
    cr_assert_eq(isomm_report_stream_finish(s, NULL), ISOMM_OK);
    cr_assert_eq(c.len, len, "format %d, lang %d, %zu results: %zu bytes streamed, %zu rendered", (int)format, (int)lang,
                 n, c.len, len);
    cr_assert_eq(memcmp(c.data, whole, len), 0, "format %d, lang %d, %zu results differ", (int)format, (int)lang, n);
    isomm_free(whole);
    free(c.data);
}

Test(stream, same_bytes_as_the_whole_document_in_every_format)
{
    static const isomm_format formats[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                            ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR };
    /* one; several; past the title's ids; one radar's worth and one more; past the memory spool */
    static const size_t counts[] = { 1, 2, 3, 4, 6, 7, RESULTS };
    size_t f, n;

    for (f = 0; f < sizeof formats / sizeof formats[0]; f++)
        for (n = 0; n < sizeof counts / sizeof counts[0]; n++)
            same_as_whole(formats[f], ISOMM_LANG_EN, counts[n], NULL);
    for (n = 0; n < sizeof counts / sizeof counts[0]; n++) {
        same_as_whole(ISOMM_FORMAT_HTML, ISOMM_LANG_JA, counts[n], NULL);
        same_as_whole(ISOMM_FORMAT_HTML, ISOMM_LANG_EN, counts[n], results[RESULTS - 1]);
        same_as_whole(ISOMM_FORMAT_SVG_RADAR, ISOMM_LANG_JA, counts[n], results[RESULTS - 1]);
    }
    same_as_whole(ISOMM_FORMAT_SVG_ROLES, ISOMM_LANG_EN, 1, NULL);
    same_as_whole(ISOMM_FORMAT_SVG_ROLES, ISOMM_LANG_JA, 1, NULL);
}

/* The <title> of the HTML page of the first n results. */
static char *page_title(size_t n, isomm_lang lang)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    char *page, *start, *end, *title;

    o.format = ISOMM_FORMAT_HTML;
    o.lang = lang;
    cr_assert_eq(isomm_report_render_list(&page, NULL, (const isomm_result *const *)results, n, &o, NULL), ISOMM_OK);
    start = strstr(page, "<title>");
    cr_assert_not_null(start);
    start += strlen("<title>");
    end = strstr(start, "</title>");
    cr_assert_not_null(end);
    title = strndup(start, (size_t)(end - start));
    isomm_free(page);
    return title;
}

Test(stream, the_page_title_names_the_first_three_assessments_and_counts_them_all)
{
    static const struct {
        size_t n;
        isomm_lang lang;
        const char *title;
    } cases[] = {
        { 1, ISOMM_LANG_EN, "ISOMM maturity report: s-0" },
        { 3, ISOMM_LANG_EN, "ISOMM maturity report: s-0, s-1, s-2" },
        { 4, ISOMM_LANG_EN, "ISOMM maturity report: s-0, s-1, s-2 \u2026 (4)" },
        { RESULTS, ISOMM_LANG_EN, "ISOMM maturity report: s-0, s-1, s-2 \u2026 (20)" },
        { RESULTS, ISOMM_LANG_JA, "ISOMM \u6210\u719f\u5ea6\u8a55\u4fa1\u30ec\u30dd\u30fc\u30c8: s-0, s-1, s-2 \u2026 (20)" },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *title = page_title(cases[i].n, cases[i].lang);
        cr_assert_str_eq(title, cases[i].title, "%zu assessments", cases[i].n);
        free(title);
    }
}

static size_t occurrences(const char *hay, const char *needle)
{
    size_t n = 0;

    while ((hay = strstr(hay, needle)) != NULL) {
        n++;
        hay += strlen(needle);
    }
    return n;
}

Test(stream, the_page_of_several_assessments_opens_with_their_table_and_radar)
{
    static const size_t counts[] = { 1, 2, 6, 7, RESULTS };
    size_t i;

    for (i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        size_t n = counts[i];
        collector c = { NULL, 0, 0, 0 };
        char *overview, *first, expect[64];
        stream_all(&c, ISOMM_FORMAT_HTML, n);
        overview = strstr(c.data, "<section class=\"overview\">");
        first = strstr(c.data, "<section class=\"assessment");
        cr_assert_not_null(first);
        if (n == 1) { /* one assessment: no overview, its section printed whole */
            cr_assert_null(overview);
            cr_assert_eq(occurrences(c.data, "<section class=\"assessment\">"), 1);
        } else {
            cr_assert(overview && overview < first, "%zu: the overview comes first", n);
            snprintf(expect, sizeof expect, "<h2>All assessments (%zu)</h2>", n);
            cr_assert_eq(occurrences(c.data, expect), 1, "%zu", n);
            cr_assert_eq(occurrences(c.data, "<tr><td class=\"id\">s-"), n, "%zu rows", n);
            cr_assert_eq(occurrences(c.data, "<section class=\"assessment brief\">"), n, "%zu", n);
            cr_assert_eq(occurrences(c.data, "<section class=\"assessment\">"), 0, "%zu", n);
            /* the overview's radar when one chart holds them all (6 series) */
            *first = '\0';
            cr_assert_eq(occurrences(overview, "<svg"), n <= 6 ? 1 : 0, "%zu", n);
        }
        free(c.data);
    }
}

Test(stream, pages_and_charts_keep_no_result_and_write_only_at_the_end)
{
    static const isomm_format formats[] = { ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR, ISOMM_FORMAT_SVG_ROLES };
    size_t f, i;

    for (f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
        size_t n = formats[f] == ISOMM_FORMAT_SVG_ROLES ? 1 : RESULTS;
        collector c = { NULL, 0, 0, 0 };
        isomm_report_stream *s;
        char *whole;
        size_t len;

        o.format = formats[f];
        cr_assert_eq(isomm_report_render_list(&whole, &len, (const isomm_result *const *)results, n, &o, NULL),
                     ISOMM_OK);
        cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, NULL), ISOMM_OK);
        for (i = 0; i < n; i++) {
            /* a copy of the assessment, its result, both freed once added (valgrind and ASan see
             * any later read of them) */
            isomm_assessment *a;
            isomm_result *r;
            cr_assert_eq(isomm_assessment_copy(&a, assessments[i], NULL), ISOMM_OK);
            cr_assert_eq(isomm_evaluate(&r, a, NULL, NULL), ISOMM_OK);
            cr_assert_eq(isomm_report_stream_add(s, r, NULL), ISOMM_OK);
            isomm_result_free(r);
            isomm_assessment_free(a);
        }
        cr_assert_eq(c.calls, 0, "format %d wrote before the end", (int)formats[f]);
        cr_assert_eq(isomm_report_stream_finish(s, NULL), ISOMM_OK);
        cr_assert_eq(c.len, len, "format %d", (int)formats[f]);
        cr_assert_eq(memcmp(c.data, whole, len), 0, "format %d", (int)formats[f]);
        if (formats[f] == ISOMM_FORMAT_HTML) /* from the temporary file, in pieces of 64 KiB */
            cr_assert_gt(c.calls, (int)(len >> 16), "%d pieces for %zu bytes", c.calls, len);
        if (formats[f] == ISOMM_FORMAT_SVG_RADAR) /* small radars handed on as they are drawn */
            cr_assert_gt(c.calls, 1, "%d pieces for %zu bytes", c.calls, len);
        isomm_free(whole);
        free(c.data);
    }
}

Test(stream, an_html_spool_that_cannot_be_created_is_an_error_with_its_reason)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    collector c = { NULL, 0, 0, 0 };
    isomm_report_stream *s;
    isomm_error err;
    size_t i;
    int rc = ISOMM_OK;

    cr_assert_eq(setenv("TMPDIR", "/nonexistent-isomm-test", 1), 0);
    o.format = ISOMM_FORMAT_HTML;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, &err), ISOMM_OK);
    for (i = 0; i < RESULTS && rc == ISOMM_OK; i++)
        rc = isomm_report_stream_add(s, results[i], &err);
    cr_assert_eq(rc, ISOMM_EIO);
    cr_assert_gt(i, 10, "the spool left memory after %zu sections", i); /* 1 MiB stays in memory */
    cr_assert_str_eq(err.message, "report: cannot create a temporary file in '/nonexistent-isomm-test' for the HTML "
                                  "sections: No such file or directory");
    cr_assert_eq(isomm_report_stream_finish(s, &err), ISOMM_EIO);
    cr_assert_eq(c.calls, 0);
    /* isomm_report_render_list() keeps its page in memory: no temporary file, no such error */
    {
        char *page;
        cr_assert_eq(isomm_report_render_list(&page, NULL, (const isomm_result *const *)results, RESULTS, &o, &err),
                     ISOMM_OK);
        isomm_free(page);
    }
}

Test(stream, text_and_json_are_written_result_by_result)
{
    collector text = { NULL, 0, 0, 0 }, json = { NULL, 0, 0, 0 };

    stream_all(&text, ISOMM_FORMAT_TEXT, 3);
    cr_assert_eq(text.calls, 3); /* one piece per result, nothing left for the end */
    stream_all(&json, ISOMM_FORMAT_JSON, 3);
    cr_assert_eq(json.calls, 3 + 2); /* "[", each object, "]\n" */
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

Test(stream, an_html_spool_that_cannot_be_written_is_an_error_with_its_reason)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    collector c = { NULL, 0, 0, 0 };
    struct rlimit small = { 1 << 20, 1 << 20 }; /* files of 1 MiB at most: the spool fills it */
    isomm_report_stream *s;
    isomm_error err;
    size_t i;
    int rc = ISOMM_OK;

    cr_assert_eq(setenv("TMPDIR", "/tmp", 1), 0);
    signal(SIGXFSZ, SIG_IGN); /* the write fails with EFBIG instead of ending the process */
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
    o.format = ISOMM_FORMAT_HTML;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, &err), ISOMM_OK);
    for (i = 0; i < RESULTS * 2 && rc == ISOMM_OK; i++)
        rc = isomm_report_stream_add(s, results[i % RESULTS], &err);
    cr_assert_eq(rc, ISOMM_EIO);
    cr_assert_str_eq(err.message, "report: cannot write the temporary file in '/tmp' for the HTML sections: "
                                  "File too large");
    cr_assert_eq(isomm_report_stream_finish(s, &err), ISOMM_EIO);
    cr_assert_eq(c.calls, 0);
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

/* The descriptor of the spool's anonymous file under dir (the only open file there), or -1. */
static int spool_fd(const char *dir)
{
    char link[64], target[PATH_MAX];
    int fd;

    for (fd = 3; fd < 1024; fd++) {
        ssize_t n;
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        if ((n = readlink(link, target, sizeof target - 1)) <= 0)
            continue;
        target[n] = '\0';
        if (strncmp(target, dir, strlen(dir)) == 0 && target[strlen(dir)] == '/')
            return fd;
    }
    return -1;
}

/* Reading the spool back: a file that cannot be read, and one that holds fewer bytes than were
 * put, are each ISOMM_EIO with the reason (the spool's descriptor is swapped under it). */
static void spool_swapped(int writable_only, const char *expected_start, const char *expected_end)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    collector c = { NULL, 0, 0, 0 };
    char dir[] = "/tmp/isomm-spool-test-XXXXXX", other[PATH_MAX];
    isomm_report_stream *s;
    isomm_error err;
    int i, fd, swap;

    cr_assert_not_null(mkdtemp(dir));
    cr_assert_eq(setenv("TMPDIR", dir, 1), 0);
    o.format = ISOMM_FORMAT_HTML;
    cr_assert_eq(isomm_report_stream_open(&s, &o, collect, &c, &err), ISOMM_OK);
    for (i = 0; i < 20; i++) /* past the 1 MiB kept in memory */
        cr_assert_eq(isomm_report_stream_add(s, results[i % RESULTS], &err), ISOMM_OK);
    fd = spool_fd(dir);
    cr_assert_geq(fd, 0, "no spool file under %s", dir);
    snprintf(other, sizeof other, "%s/other", dir);
    swap = open(other, (writable_only ? O_WRONLY : O_RDWR) | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(swap, 0);
    cr_assert_eq(dup2(swap, fd), fd);
    close(swap);
    cr_assert_eq(isomm_report_stream_finish(s, &err), ISOMM_EIO);
    cr_assert_eq(strncmp(err.message, expected_start, strlen(expected_start)), 0, "%s", err.message);
    cr_assert(strlen(err.message) > strlen(expected_end) &&
                  strcmp(err.message + strlen(err.message) - strlen(expected_end), expected_end) == 0,
              "%s", err.message);
    free(c.data);
    unlink(other);
    rmdir(dir);
}

Test(stream, an_html_spool_that_cannot_be_read_back_is_an_error_with_its_reason)
{
    spool_swapped(1, "report: cannot read back the temporary file in '/tmp/isomm-spool-test-",
                  "' for the HTML sections: Bad file descriptor");
}

Test(stream, an_html_spool_cut_short_is_an_error_not_a_short_page)
{
    spool_swapped(0, "report: the temporary file in '/tmp/isomm-spool-test-", " bytes (it was cut short)");
}
