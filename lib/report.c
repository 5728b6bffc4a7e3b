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
#include "spool.h"
#include "svg.h"

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

/* The part of result number `index` in a text, Markdown or JSON list, with its separator. */
static void report_part(isomm_buf *b, const isomm_result *r, size_t index, const isomm_report_options *opts,
                        isomm__report_memo *memo)
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

static int render_through_stream(char **out, size_t *len, const isomm_result *const *results, size_t count,
                                 const isomm_report_options *opts, isomm_error *err);

/* The checks of a document's options and results, before anything is rendered or written. */
static int check_list(const isomm_result *const *results, size_t count, const isomm_report_options *opts,
                      isomm_error *err)
{
    size_t i;
    int rc;

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
    return ISOMM_OK;
}

/* Render `count` results; `single` asks for one JSON object instead of an array. Arguments are
 * checked here for both public entry points. */
static int render(char **out, size_t *len, const isomm_result *const *results, size_t count, int single,
                  const isomm_report_options *opts, isomm_error *err)
{
    static const isomm_report_options defaults = ISOMM_REPORT_OPTIONS_INIT;
    isomm_buf b = ISOMM_BUF_INIT;
    isomm__report_memo *memo = NULL;
    size_t i;
    int rc;

    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "report: out is NULL");
    *out = NULL;
    if (!opts)
        opts = &defaults;
    if ((rc = check_list(results, count, opts, err)) != ISOMM_OK)
        return rc;

    if (single && opts->format == ISOMM_FORMAT_JSON) {
        isomm__report_json(&b, results[0], opts->lang);
        isomm__buf_putc(&b, '\n');
    } else if (opts->format == ISOMM_FORMAT_HTML || opts->format == ISOMM_FORMAT_SVG_RADAR ||
               opts->format == ISOMM_FORMAT_SVG_ROLES) {
        return render_through_stream(out, len, results, count, opts, err);
    } else {
        if (opts->format == ISOMM_FORMAT_JSON)
            isomm__buf_putc(&b, '[');
        if (count > 1 && opts->format != ISOMM_FORMAT_JSON)
            memo = isomm__report_memo_new(); /* NULL: the reports are flowed without it */
        for (i = 0; i < count; i++)
            report_part(&b, results[i], i, opts, memo);
        isomm__report_memo_free(memo);
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

/* The write function of a stream into a FILE. */
static int to_file(void *sink, const void *data, size_t len, isomm_error *err)
{
    if (fwrite(data, 1, len, (FILE *)sink) != len)
        return isomm__fail(err, ISOMM_EIO, "report: writing the output failed");
    return ISOMM_OK;
}

int isomm_report_write_list(FILE *fp, const isomm_result *const *results, size_t count,
                            const isomm_report_options *opts, isomm_error *err)
{
    static const isomm_report_options defaults = ISOMM_REPORT_OPTIONS_INIT;
    isomm_report_stream *s = NULL;
    size_t i;
    int rc;

    if (!fp)
        return isomm__fail(err, ISOMM_EINVAL, "report: stream is NULL");
    if (!opts)
        opts = &defaults;
    /* everything is checked first, so that a bad argument writes nothing; then the document goes
     * out as it is rendered (the same bytes as isomm_report_render_list(), never all in memory) */
    if ((rc = check_list(results, count, opts, err)) != ISOMM_OK ||
        (rc = isomm_report_stream_open(&s, opts, to_file, fp, err)) != ISOMM_OK)
        return rc;
    for (i = 0; i < count; i++) {
        if ((rc = isomm_report_stream_add(s, results[i], err)) != ISOMM_OK) {
            isomm_report_stream_free(s);
            return rc;
        }
    }
    if ((rc = isomm_report_stream_finish(s, err)) != ISOMM_OK)
        return rc;
    if (fflush(fp) != 0)
        return isomm__fail(err, ISOMM_EIO, "report: writing the output failed");
    return ISOMM_OK;
}

/* ---- streaming: each part handed to the caller's write function as soon as it is rendered ---- */

/* Bytes of each HTML spool kept in memory before it moves to a temporary file: a page of up to
 * about a dozen assessments never touches the disk. */
#define SPOOL_MEMORY ((size_t)1 << 20)

struct isomm_report_stream {
    isomm_report_options opts;
    isomm_write_fn write;
    void *sink;
    isomm_buf b;                  /* the part being rendered, emptied after each write */
    size_t count;                 /* results added */
    int failed;                   /* sticky: the first failure's code */
    isomm__report_memo *memo;     /* text and Markdown: what is remembered across the results */
    /* HTML: the page opens with what needs every result (the title, the count, the summary
     * table), so each result's row and section are rendered when it is added and spooled, and
     * written after the opening at the end. */
    isomm_buf title;              /* "title: id, id, id" of the first results */
    isomm_buf summary_head;       /* the summary table's head, from the first result's model */
    isomm__spool rows;            /* the summary table's rows */
    isomm__spool sections;        /* the sections (the first without its opening tag) */
    /* HTML (the first ISOMM__SVG_STYLES results, for the overview's radar) and the SVG radar
     * (every result): each result's id and maturities */
    isomm__radar_keep radar;
};

/* Record the failure `rc` of something handed the write function's results: a negative code
 * stays, a positive one (the write function's own) becomes ISOMM_EIO. */
static int sink_failed(isomm_report_stream *s, int rc, isomm_error *err)
{
    s->failed = rc < 0 ? rc : ISOMM_EIO;
    if (rc > 0)
        isomm__fail(err, ISOMM_EIO, "report: the write function failed (returned %d)", rc);
    return s->failed;
}

static int out_of_memory(isomm_report_stream *s, isomm_error *err)
{
    return s->failed = isomm__fail(err, ISOMM_ENOMEM, "report: out of memory");
}

/* Hand the rendered part to the sink and empty the buffer. */
static int flush(isomm_report_stream *s, isomm_error *err)
{
    int rc;

    if (s->b.failed)
        return out_of_memory(s, err);
    if (s->b.len == 0)
        return ISOMM_OK;
    rc = s->write(s->sink, s->b.data, s->b.len, err);
    s->b.len = 0;
    return rc == ISOMM_OK ? ISOMM_OK : sink_failed(s, rc, err);
}

/* flush() as the radar's drain. */
static int flush_stream(void *s, isomm_error *err)
{
    return flush(s, err);
}

/* Move the rendered part to a spool and empty the buffer. */
static int spool_part(isomm_report_stream *s, isomm__spool *sp, isomm_error *err)
{
    int rc;

    if (s->b.failed)
        return out_of_memory(s, err);
    rc = isomm__spool_put(sp, s->b.data, s->b.len, err);
    s->b.len = 0;
    return rc == ISOMM_OK ? ISOMM_OK : (s->failed = rc);
}

/* Hand what a spool holds to the sink. */
static int drain(isomm_report_stream *s, isomm__spool *sp, isomm_error *err)
{
    int rc = isomm__spool_drain(sp, s->write, s->sink, err);

    return rc == ISOMM_OK ? ISOMM_OK : sink_failed(s, rc, err);
}

/* isomm_report_stream_open(); spool_limit is the HTML spools' memory bound ((size_t)-1: memory
 * only, for a document rendered into memory anyway). */
static int stream_open(isomm_report_stream **out, const isomm_report_options *opts, isomm_write_fn write, void *sink,
                       size_t spool_limit, isomm_error *err)
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
    s->rows = (isomm__spool)ISOMM__SPOOL_INIT(spool_limit, "the HTML summary table");
    s->sections = (isomm__spool)ISOMM__SPOOL_INIT(spool_limit, "the HTML sections");
    isomm__radar_keep_init(&s->radar, opts->format == ISOMM_FORMAT_HTML ? ISOMM__SVG_STYLES : (size_t)-1);
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

int isomm_report_stream_open(isomm_report_stream **out, const isomm_report_options *opts, isomm_write_fn write,
                             void *sink, isomm_error *err)
{
    return stream_open(out, opts, write, sink, SPOOL_MEMORY, err);
}

/* An HTML page's part of one result: what the opening needs, its row, its section. */
static int add_html(isomm_report_stream *s, const isomm_result *r, isomm_error *err)
{
    isomm_lang lang = s->opts.lang;
    int rc;

    isomm__report_html_title_add(&s->title, r, s->count, lang);
    if (s->count == 0)
        isomm__report_html_summary_head(&s->summary_head, isomm_result_model(r), lang);
    if (s->title.failed || s->summary_head.failed || isomm__radar_keep_add(&s->radar, r, lang) != 0)
        return out_of_memory(s, err);
    isomm__report_html_summary_row(&s->b, r, lang);
    if ((rc = spool_part(s, &s->rows, err)) != ISOMM_OK)
        return rc;
    if (s->count > 0) /* the first one's tag waits for the count: "brief" when there are several */
        isomm__report_html_section_open(&s->b, 1);
    isomm__report_html_section_body(&s->b, r, &s->opts);
    return spool_part(s, &s->sections, err);
}

int isomm_report_stream_add(isomm_report_stream *s, const isomm_result *r, isomm_error *err)
{
    int rc = ISOMM_OK;

    if (!s || !r)
        return isomm__fail(err, ISOMM_EINVAL, "report stream: stream and result must not be NULL");
    if (s->failed)
        return isomm__fail(err, s->failed, "report stream: an earlier write failed");
    switch (s->opts.format) {
    case ISOMM_FORMAT_HTML:
        rc = add_html(s, r, err);
        break;
    case ISOMM_FORMAT_SVG_RADAR:
        if (isomm__radar_keep_add(&s->radar, r, s->opts.lang) != 0)
            rc = out_of_memory(s, err);
        break;
    case ISOMM_FORMAT_SVG_ROLES: /* the chart of the first; finish refuses more than one */
        if (s->count == 0) {
            isomm__report_svg_roles(&s->b, r, s->opts.lang);
            if (s->b.failed)
                rc = out_of_memory(s, err);
        }
        break;
    default:
        if (s->count == 1 && !s->memo && s->opts.format != ISOMM_FORMAT_JSON)
            s->memo = isomm__report_memo_new(); /* from the second report on; NULL: flowed without it */
        report_part(&s->b, r, s->count, &s->opts, s->memo);
        rc = flush(s, err);
        break;
    }
    s->count++;
    return rc;
}

/* The HTML page: its opening, the spooled rows and sections, its end. */
static int finish_html(isomm_report_stream *s, isomm_error *err)
{
    isomm_lang lang = s->opts.lang;
    int rc;

    isomm__report_html_title_end(&s->title, s->count);
    if (s->title.failed)
        return out_of_memory(s, err);
    isomm__report_html_begin(&s->b, lang, s->title.data);
    if (s->count > 1) {
        isomm__report_html_overview_open(&s->b, s->count, lang);
        isomm__buf_append(&s->b, s->summary_head.data, s->summary_head.len);
        if ((rc = flush(s, err)) != ISOMM_OK || (rc = drain(s, &s->rows, err)) != ISOMM_OK)
            return rc;
        isomm__report_html_overview_close(&s->b, &s->radar, &s->opts);
    }
    isomm__report_html_section_open(&s->b, s->count > 1);
    if ((rc = flush(s, err)) != ISOMM_OK || (rc = drain(s, &s->sections, err)) != ISOMM_OK)
        return rc;
    isomm__report_html_end(&s->b, lang);
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
    } else if (s->opts.format == ISOMM_FORMAT_HTML) {
        rc = finish_html(s, err);
    } else {
        rc = ISOMM_OK;
        if (s->opts.format == ISOMM_FORMAT_SVG_RADAR)
            rc = isomm__radar_keep_draw(&s->b, &s->radar, &s->opts, flush_stream, s, err);
        if (rc == ISOMM_OK)
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
    isomm__buf_free(&s->title);
    isomm__buf_free(&s->summary_head);
    isomm__spool_free(&s->rows);
    isomm__spool_free(&s->sections);
    isomm__radar_keep_free(&s->radar);
    isomm__report_memo_free(s->memo);
    free(s);
}

/* An isomm_write_fn that appends to an isomm_buf. */
static int append_to_buf(void *sink, const void *data, size_t len, isomm_error *err)
{
    isomm_buf *b = sink;

    isomm__buf_append(b, data, len);
    return b->failed ? isomm__fail(err, ISOMM_ENOMEM, "report: out of memory") : ISOMM_OK;
}

/* The page and the charts rendered into memory by the stream's code, so that both give the same
 * bytes by construction. Arguments are checked by render(). */
static int render_through_stream(char **out, size_t *len, const isomm_result *const *results, size_t count,
                                 const isomm_report_options *opts, isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;
    isomm_report_stream *s;
    size_t i;
    int rc = stream_open(&s, opts, append_to_buf, &b, (size_t)-1, err);

    for (i = 0; i < count && rc == ISOMM_OK; i++)
        rc = isomm_report_stream_add(s, results[i], err);
    if (rc == ISOMM_OK)
        rc = isomm_report_stream_finish(s, err);
    else
        isomm_report_stream_free(s);
    if (rc != ISOMM_OK) {
        isomm__buf_free(&b);
        return rc;
    }
    *out = isomm__buf_take(&b, len);
    return *out ? ISOMM_OK : isomm__fail(err, ISOMM_ENOMEM, "report: out of memory");
}
