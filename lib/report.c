/* SPDX-License-Identifier: MIT */
/* Report entry points: option checks, dispatch to the writers, output to a buffer or a stream.
 * The writers sit below (report_text.c, report_json.c, report_svg.c, report_html.c) and the words
 * and helpers they share below them (report_common.c): data flows one way. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report_internal.h"

static int check_options(const isomm_report_options *opts, isomm_error *err)
{
    int rc = isomm__report_check_version(opts, err);

    if (rc != ISOMM_OK)
        return rc;
    if ((int)opts->format < ISOMM_FORMAT_TEXT || (int)opts->format > ISOMM_FORMAT_SVG_ROLES)
        return isomm__fail(err, ISOMM_EOPTIONS, "report format %d is not a format of a result report (expected 0..%d)", (int)opts->format,
                           (int)ISOMM_FORMAT_SVG_ROLES);
    if (opts->lang != ISOMM_LANG_JA && opts->lang != ISOMM_LANG_EN)
        return isomm__fail(err, ISOMM_EOPTIONS, "report language %d is not a language (expected ja or en)",
                           (int)opts->lang);
    return ISOMM_OK;
}

/* Whether a format needs every result before it can write anything (the page and the charts). */
static int keeps_results(isomm_format f)
{
    return f == ISOMM_FORMAT_HTML || f == ISOMM_FORMAT_SVG_RADAR || f == ISOMM_FORMAT_SVG_ROLES;
}

/* The part of result number `index` in a text, Markdown or JSON list, with its separator. */
static void report_part(isomm_buf *b, const isomm_result *r, size_t index, const isomm_report_options *opts,
                        isomm__flow_memo *memo)
{
    if (opts->format == ISOMM_FORMAT_JSON) {
        if (index)
            isomm__buf_puts(b, ",\n ");
        isomm__report_json(b, r, opts->lang);
        return;
    }
    if (index)
        isomm__buf_puts(b, opts->format == ISOMM_FORMAT_MARKDOWN ? "\n---\n\n" : "\n\n");
    isomm__report_text(b, r, opts->lang, opts->format == ISOMM_FORMAT_MARKDOWN, isomm__report_width(opts), memo);
}

/* The page or chart of `count` results (count >= 1; one for the role chart). */
static void report_whole(isomm_buf *b, const isomm_result *const *results, size_t count,
                                const isomm_report_options *opts)
{
    if (opts->format == ISOMM_FORMAT_HTML)
        isomm__report_html(b, results, count, opts);
    else if (opts->format == ISOMM_FORMAT_SVG_RADAR)
        isomm__report_svg_radar(b, results, count, opts);
    else
        isomm__report_svg_roles(b, results[0], opts->lang);
}

/* Render `count` results; `single` asks for one JSON object instead of an array. Arguments are
 * checked here for both public entry points. */
static int render(char **out, size_t *len, const isomm_result *const *results, size_t count, int single,
                  const isomm_report_options *opts, isomm_error *err)
{
    static const isomm_report_options defaults = ISOMM_REPORT_OPTIONS_INIT;
    isomm_buf b = ISOMM_BUF_INIT;
    isomm__flow_memo *memo = NULL;
    size_t i;
    int rc;

    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "report: out is NULL");
    *out = NULL;
    if (!opts)
        opts = &defaults;
    if ((rc = check_options(opts, err)) != ISOMM_OK)
        return rc;
    if (count > 0 && !results)
        return isomm__fail(err, ISOMM_EINVAL, "report: results is NULL");
    for (i = 0; i < count; i++) {
        if (!results[i])
            return isomm__fail(err, ISOMM_EINVAL, "report: result %zu is NULL", i);
    }
    if (count == 0 && opts->format != ISOMM_FORMAT_JSON)
        return isomm__fail(err, ISOMM_EEMPTY, "report: no result to render");
    if (count > 1 && opts->format == ISOMM_FORMAT_SVG_ROLES)
        return isomm__fail(err, ISOMM_EINVAL, "report: a role chart shows one assessment, got %zu", count);

    if (single && opts->format == ISOMM_FORMAT_JSON) {
        isomm__report_json(&b, results[0], opts->lang);
        isomm__buf_putc(&b, '\n');
    } else if (keeps_results(opts->format)) {
        report_whole(&b, results, count, opts);
    } else {
        if (opts->format == ISOMM_FORMAT_JSON)
            isomm__buf_putc(&b, '[');
        if (count > 1 && opts->format != ISOMM_FORMAT_JSON)
            memo = isomm__flow_memo_new(); /* NULL: the reports are flowed without it */
        for (i = 0; i < count; i++)
            report_part(&b, results[i], i, opts, memo);
        isomm__flow_memo_free(memo);
        if (opts->format == ISOMM_FORMAT_JSON)
            isomm__buf_puts(&b, "]\n");
    }
    *out = isomm__buf_take(&b, len);
    if (!*out)
        return isomm__fail(err, ISOMM_ENOMEM, "report: out of memory");
    return ISOMM_OK;
}

int isomm_report_render_list(char **out, size_t *len, const isomm_result *const *results, size_t count,
                             const isomm_report_options *opts, isomm_error *err)
{
    return render(out, len, results, count, 0, opts, err);
}

int isomm_report_render(char **out, size_t *len, const isomm_result *r, const isomm_report_options *opts,
                        isomm_error *err)
{
    if (out && !r) {
        *out = NULL;
        return isomm__fail(err, ISOMM_EINVAL, "report: result is NULL");
    }
    return render(out, len, &r, 1, 1, opts, err);
}

static int write_out(FILE *fp, char *doc, size_t len, isomm_error *err)
{
    int failed = fwrite(doc, 1, len, fp) != len;

    free(doc);
    if (failed || fflush(fp) != 0)
        return isomm__fail(err, ISOMM_EIO, "report: writing the output failed");
    return ISOMM_OK;
}

int isomm_report_write(FILE *fp, const isomm_result *r, const isomm_report_options *opts, isomm_error *err)
{
    char *doc;
    size_t len;
    int rc;

    if (!fp)
        return isomm__fail(err, ISOMM_EINVAL, "report: stream is NULL");
    if ((rc = isomm_report_render(&doc, &len, r, opts, err)) != ISOMM_OK)
        return rc;
    return write_out(fp, doc, len, err);
}

int isomm_report_write_list(FILE *fp, const isomm_result *const *results, size_t count,
                            const isomm_report_options *opts, isomm_error *err)
{
    char *doc;
    size_t len;
    int rc;

    if (!fp)
        return isomm__fail(err, ISOMM_EINVAL, "report: stream is NULL");
    if ((rc = isomm_report_render_list(&doc, &len, results, count, opts, err)) != ISOMM_OK)
        return rc;
    return write_out(fp, doc, len, err);
}

/* ---- streaming: each part handed to the caller's write function as soon as it is rendered ---- */

struct isomm_report_stream {
    isomm_report_options opts;
    isomm_write_fn write;
    void *sink;
    isomm_buf b;                  /* the part being rendered, emptied after each write */
    size_t count;                 /* results added */
    const isomm_result **kept;    /* HTML and SVG: the results, rendered at the end */
    size_t kept_cap;
    int failed;                   /* sticky: the first failure's code */
    isomm__flow_memo *memo;       /* text and Markdown: flows remembered across the results */
};

/* Hand the rendered part to the sink and empty the buffer. */
static int flush(isomm_report_stream *s, isomm_error *err)
{
    int rc;

    if (s->b.failed)
        return s->failed = isomm__fail(err, ISOMM_ENOMEM, "report: out of memory");
    if (s->b.len == 0)
        return ISOMM_OK;
    rc = s->write(s->sink, s->b.data, s->b.len, err);
    s->b.len = 0;
    if (rc != ISOMM_OK) {
        s->failed = rc < 0 ? rc : ISOMM_EIO;
        if (rc > 0)
            isomm__fail(err, ISOMM_EIO, "report: the write function failed (returned %d)", rc);
    }
    return s->failed;
}

int isomm_report_stream_open(isomm_report_stream **out, const isomm_report_options *opts, isomm_write_fn write,
                             void *sink, isomm_error *err)
{
    static const isomm_report_options defaults = ISOMM_REPORT_OPTIONS_INIT;
    isomm_report_stream *s;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !write)
        return isomm__fail(err, ISOMM_EINVAL, "report stream: out and write must not be NULL");
    if (!opts)
        opts = &defaults;
    if ((rc = check_options(opts, err)) != ISOMM_OK)
        return rc;
    if (!(s = calloc(1, sizeof *s)))
        return isomm__fail(err, ISOMM_ENOMEM, "report stream: out of memory");
    if (opts->version < 2) { /* a version 1 struct ends before width: copy only what it has */
        memcpy(&s->opts, opts, offsetof(isomm_report_options, width));
        s->opts.version = ISOMM_REPORT_OPTIONS_VERSION;
        s->opts.width = ISOMM_REPORT_DEFAULT_WIDTH;
    } else {
        s->opts = *opts;
    }
    s->write = write;
    s->sink = sink;
    if (opts->format == ISOMM_FORMAT_JSON) {
        isomm__buf_putc(&s->b, '[');
        if ((rc = flush(s, err)) != ISOMM_OK) {
            isomm_report_stream_free(s);
            return rc;
        }
    }
    *out = s;
    return ISOMM_OK;
}

int isomm_report_stream_add(isomm_report_stream *s, const isomm_result *r, isomm_error *err)
{
    if (!s || !r)
        return isomm__fail(err, ISOMM_EINVAL, "report stream: stream and result must not be NULL");
    if (s->failed)
        return isomm__fail(err, s->failed, "report stream: an earlier write failed");
    if (keeps_results(s->opts.format)) {
        if (s->count == s->kept_cap) {
            size_t cap = s->kept_cap ? s->kept_cap * 2 : 16;
            const isomm_result **kept = realloc(s->kept, cap * sizeof *kept);
            if (!kept)
                return isomm__fail(err, ISOMM_ENOMEM, "report stream: out of memory");
            s->kept = kept;
            s->kept_cap = cap;
        }
        s->kept[s->count++] = r;
        return ISOMM_OK;
    }
    if (s->count == 1 && !s->memo && s->opts.format != ISOMM_FORMAT_JSON)
        s->memo = isomm__flow_memo_new(); /* from the second report on; NULL: flowed without it */
    report_part(&s->b, r, s->count, &s->opts, s->memo);
    s->count++;
    return flush(s, err);
}

int isomm_report_stream_finish(isomm_report_stream *s, isomm_error *err)
{
    int rc;

    if (!s)
        return isomm__fail(err, ISOMM_EINVAL, "report stream: stream must not be NULL");
    if (s->failed) {
        rc = isomm__fail(err, s->failed, "report stream: an earlier write failed");
    } else if (s->opts.format == ISOMM_FORMAT_JSON) {
        isomm__buf_puts(&s->b, "]\n");
        rc = flush(s, err);
    } else if (s->count == 0) {
        rc = isomm__fail(err, ISOMM_EEMPTY, "report: no result to render");
    } else if (s->count > 1 && s->opts.format == ISOMM_FORMAT_SVG_ROLES) {
        rc = isomm__fail(err, ISOMM_EINVAL, "report: a role chart shows one assessment, got %zu", s->count);
    } else {
        if (keeps_results(s->opts.format))
            report_whole(&s->b, (const isomm_result *const *)s->kept, s->count, &s->opts);
        rc = flush(s, err);
    }
    isomm_report_stream_free(s);
    return rc;
}

void isomm_report_stream_free(isomm_report_stream *s)
{
    if (!s)
        return;
    isomm__buf_free(&s->b);
    free(s->kept);
    isomm__flow_memo_free(s->memo);
    free(s);
}
