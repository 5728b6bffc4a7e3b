/* SPDX-License-Identifier: MIT */
/* isomm report: evaluate every assessment of a file and write a report. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* What the report is made of: the evaluation options and the output. */
typedef struct job {
    const context *ctx;
    isomm_eval_options eval;
    isomm_report_options report;
    int xlsx; /* --format xlsx: the report workbook instead of a rendered report */
} job;

/* The --format value of the report workbook (not an isomm_format: the workbook is no rendering). */
#define FORMAT_XLSX (-1)

/* Write `count` results through a stream into path (NULL: standard output). */
static int write_report(const isomm_report_options *ro, const char *path, isomm_result *const *results, size_t count)
{
    isomm_report_stream *s = NULL;
    isomm_output *o = NULL;
    isomm_error err;
    size_t i;
    int rc = isomm_output_open(&o, path, &err);

    if (rc == ISOMM_OK)
        rc = isomm_report_stream_open(&s, ro, isomm_output_sink, o, &err);
    for (i = 0; i < count && rc == ISOMM_OK; i++)
        rc = isomm_report_stream_add(s, results[i], &err);
    if (rc == ISOMM_OK) {
        rc = isomm_report_stream_finish(s, &err);
        s = NULL;
    }
    isomm_report_stream_free(s);
    if (rc == ISOMM_OK)
        return isomm_output_commit(o, &err) == ISOMM_OK ? 0 : cli_input_error(NULL, &err);
    isomm_output_discard(o);
    return cli_input_error(NULL, &err);
}

static void said_html_written(const char *path)
{
    fputs("isomm: HTML report written to ", stderr);
    cli_put_safe(stderr, path);
    fputc('\n', stderr);
}

/* The report workbook is written from every result at once: read the whole file, evaluate, write. */
static int report_workbook(const job *j)
{
    const cli *c = j->ctx->args;
    isomm_assessment **list = NULL;
    isomm_result **results = NULL;
    const isomm_assessment *chosen = NULL;
    isomm_xlsx_options xo = ISOMM_XLSX_OPTIONS_INIT;
    size_t count = 0, n = 0, i;
    isomm_error err;
    int status;

    if ((status = cli_read_all(j->ctx, c->files[0], &list, &count)) != 0)
        return status;
    if (c->id && (status = cli_pick(list, count, c->id, c->files[0], "--id", &chosen)) != 0)
        goto out;
    if (!(results = calloc(count ? count : 1, sizeof *results))) {
        fputs("isomm: out of memory\n", stderr);
        status = EXIT_INPUT;
        goto out;
    }
    for (i = 0; i < count; i++) {
        if (chosen && list[i] != chosen)
            continue;
        if (isomm_evaluate(&results[n], list[i], &j->eval, &err) != ISOMM_OK) {
            status = cli_input_error(cli_display_name(c->files[0]), &err);
            goto out;
        }
        n++;
    }
    xo.lang = j->report.lang;
    if (isomm_xlsx_write_report(c->output, (const isomm_result *const *)results, n, &xo, &err) != ISOMM_OK) {
        status = cli_input_error(NULL, &err);
        goto out;
    }
    if (c->html_out) {
        isomm_report_options html = j->report;
        html.format = ISOMM_FORMAT_HTML;
        if ((status = write_report(&html, c->html_out, results, n)) != 0)
            goto out;
        said_html_written(c->html_out);
    }
out:
    for (i = 0; i < n; i++)
        isomm_result_free(results[i]);
    free(results);
    isomm_assessment_array_free(list, count);
    return status;
}

/* Where the assessments come from: a CSV file read one assessment at a time, or a workbook (read
 * whole: it is no stream) handed out one by one. */
typedef struct source {
    isomm_csv_reader *rd;
    isomm_assessment **list;
    size_t count, next;
} source;

static int source_open(source *src, const context *ctx, const char *path)
{
    isomm_error err;
    int rc;

    memset(src, 0, sizeof *src);
    if (cli_is_workbook(path))
        return cli_read_all(ctx, path, &src->list, &src->count);
    if (strcmp(path, "-") == 0)
        rc = isomm_csv_reader_open_fp(&src->rd, stdin, &ctx->csv, &err);
    else
        rc = isomm_csv_reader_open_file(&src->rd, path, &ctx->csv, &err);
    return rc == ISOMM_OK ? 0 : cli_input_error(cli_display_name(path), &err);
}

/* The next assessment (the caller frees it): 1, 0 at the end, or an error code. */
static int source_next(source *src, isomm_assessment **a, isomm_error *err)
{
    if (src->rd)
        return isomm_csv_reader_next(src->rd, a, err);
    if (src->next == src->count)
        return 0;
    *a = src->list[src->next];
    src->list[src->next++] = NULL;
    return 1;
}

static void source_close(source *src)
{
    isomm_csv_reader_free(src->rd);
    isomm_assessment_array_free(src->list, src->count);
}

/* One report being written: its options, its stream (opened with the first assessment reported,
 * so that nothing is written before it) and its output. The output is opened at the first write
 * unless it is opened at the start: a page or a chart writes everything at the end, so its file
 * is opened only once the whole input was read and evaluated, and an input error leaves it alone. */
typedef struct report_out {
    isomm_report_options opts;
    const char *path;
    isomm_output *o;
    isomm_report_stream *s;
} report_out;

static int out_open(report_out *ro, isomm_error *err)
{
    return ro->o ? ISOMM_OK : isomm_output_open(&ro->o, ro->path, err);
}

static int out_write(void *sink, const void *data, size_t len, isomm_error *err)
{
    report_out *ro = sink;
    int rc = out_open(ro, err);

    return rc != ISOMM_OK ? rc : isomm_output_sink(ro->o, data, len, err);
}

/* Evaluate one assessment and add it to each report: 0 or an exit status. */
static int report_one(const job *j, report_out *outs, size_t nout, const isomm_assessment *a, const char *name)
{
    isomm_result *r = NULL;
    isomm_error err;
    size_t i;
    int status = 0;

    if (isomm_evaluate(&r, a, &j->eval, &err) != ISOMM_OK)
        return cli_input_error(name, &err);
    for (i = 0; i < nout && status == 0; i++) {
        if ((!outs[i].s && isomm_report_stream_open(&outs[i].s, &outs[i].opts, out_write, &outs[i], &err) != ISOMM_OK) ||
            isomm_report_stream_add(outs[i].s, r, &err) != ISOMM_OK)
            status = cli_input_error(NULL, &err);
    }
    isomm_result_free(r);
    return status;
}

/* End one report: finish its stream and commit its output. 0 or an exit status. */
static int report_end(report_out *ro)
{
    isomm_error err;
    int rc = ISOMM_OK;

    if (!ro->s)
        rc = isomm_report_stream_open(&ro->s, &ro->opts, out_write, ro, &err);
    if (rc == ISOMM_OK) {
        rc = isomm_report_stream_finish(ro->s, &err);
        ro->s = NULL;
    }
    if (rc == ISOMM_OK)
        rc = out_open(ro, &err);
    if (rc == ISOMM_OK) {
        rc = isomm_output_commit(ro->o, &err);
        ro->o = NULL;
    }
    return rc == ISOMM_OK ? 0 : cli_input_error(NULL, &err);
}

/* Every rendered format: one assessment at a time, read, evaluated, added to the report (and to
 * the --html-out page) and freed, so that memory does not grow with the file. Text, Markdown and
 * JSON are written as they go; the page and the charts at the end. A role chart without --id
 * keeps the first assessment until the end shows it is the only one. */
static int report_streaming(const job *j)
{
    const cli *c = j->ctx->args;
    const char *name = cli_display_name(c->files[0]);
    int pick_one = !c->id && j->report.format == ISOMM_FORMAT_SVG_ROLES;
    report_out outs[2];
    size_t nout = c->html_out ? 2 : 1, matched = 0, i;
    isomm_assessment *a, *held = NULL;
    isomm_error err;
    source src;
    int rc = 0, status;

    if ((status = source_open(&src, j->ctx, c->files[0])) != 0)
        return status;
    memset(outs, 0, sizeof outs);
    outs[0].opts = j->report;
    outs[0].path = c->output;
    outs[1].opts = j->report;
    outs[1].opts.format = ISOMM_FORMAT_HTML;
    outs[1].path = c->html_out;
    if ((j->report.format == ISOMM_FORMAT_TEXT || j->report.format == ISOMM_FORMAT_MARKDOWN ||
         j->report.format == ISOMM_FORMAT_JSON) && out_open(&outs[0], &err) != ISOMM_OK) {
        source_close(&src);
        return cli_input_error(NULL, &err);
    }
    while (status == 0 && (rc = source_next(&src, &a, &err)) == 1) {
        if (c->id && strcmp(isomm_assessment_meta(a, ISOMM_META_ID), c->id) != 0) {
            isomm_assessment_free(a);
            continue;
        }
        matched++;
        if (pick_one && !held) {
            held = a;
            continue;
        }
        if (!pick_one)
            status = report_one(j, outs, nout, a, name);
        isomm_assessment_free(a);
    }
    if (status == 0 && rc < 0)
        status = cli_input_error(name, &err);
    source_close(&src);
    if (status == 0 && c->id && matched == 0) {
        fputs("isomm: ", stderr);
        cli_put_safe(stderr, name);
        fputs(" has no assessment '", stderr);
        cli_put_safe(stderr, c->id);
        fputs("'\n", stderr);
        status = EXIT_USAGE;
    }
    if (status == 0 && pick_one && matched > 1) {
        fputs("isomm: ", stderr);
        cli_put_safe(stderr, name);
        fprintf(stderr, " holds %zu assessments; pick one with --id ID\n", matched);
        status = EXIT_USAGE;
    }
    if (status == 0 && held)
        status = report_one(j, outs, nout, held, name);
    isomm_assessment_free(held);
    for (i = 0; i < nout && status == 0; i++) /* the report is committed before the page is written */
        status = report_end(&outs[i]);
    if (status == 0 && c->html_out)
        said_html_written(c->html_out);
    for (i = 0; i < nout; i++) {
        isomm_report_stream_free(outs[i].s);
        isomm_output_discard(outs[i].o);
    }
    return status;
}

static int run(const context *ctx)
{
    static const char *const names[] = { "text", "markdown", "json", "html", "svg", "svg-roles", "xlsx" };
    static const int values[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                  ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR, ISOMM_FORMAT_SVG_ROLES, FORMAT_XLSX };
    static const isomm_eval_options eval_init = ISOMM_EVAL_OPTIONS_INIT;
    static const isomm_report_options report_init = ISOMM_REPORT_OPTIONS_INIT;
    const cli *c = ctx->args;
    isomm_error err;
    int format = ISOMM_FORMAT_TEXT, status;
    job j;

    j.ctx = ctx;
    j.eval = eval_init;
    j.report = report_init;
    if ((status = cli_want_files(c, 1, "one FILE.csv")) != 0)
        return status;
    if (c->format && (status = cli_parse_format(c, c->format, names, values, 7, &format)) != 0)
        return status;
    if (c->target && isomm_pattern_parse(&j.eval.target, c->target, strlen(c->target), &err) != ISOMM_OK)
        return cli_usage_error(c, "unknown pattern '%s'", c->target);
    if (c->strengths && cli_parse_int(c->strengths, 1, 4, &j.eval.strengths) != 0)
        return cli_usage_error(c, "--strengths takes 1 to 4, got '%s'", c->strengths);
    if (c->list_size && cli_parse_int(c->list_size, 0, ISOMM_ROLE_COUNT, &j.eval.list_size) != 0)
        return cli_usage_error(c, "--list-size takes 0 to 54, got '%s'", c->list_size);
    j.report.lang = ctx->lang;
    j.xlsx = format == FORMAT_XLSX;
    if (j.xlsx && (status = cli_binary_output_ok(c, c->output)) != 0)
        return status;
    j.report.format = j.xlsx ? ISOMM_FORMAT_TEXT : (isomm_format)format;
    j.report.width = cli_text_width();
    return j.xlsx ? report_workbook(&j) : report_streaming(&j);
}

const command cmd_report = {
    "report", CMD_REPORT, "report FILE.csv|FILE.xlsx [OPTIONS]",
    "evaluate each assessment in the file and write a report",
    "  --format F        text (default), markdown, json, html, svg (radar chart),\n"
    "                    svg-roles (role chart), xlsx (the report workbook, with -o)\n"
    "  --html-out PATH   also write the HTML report to PATH (said on standard error)\n"
    "  --target PATTERN  compute the lists against PATTERN, not the declared target\n"
    "  --id ID           report only the assessment with this id\n"
    "  --strengths K     strengths and weaknesses shown, 1-4 (default 2)\n"
    "  --list-size N     roles per recommendation list, 0 = all (default 3)\n"
    "  --encoding E      input encoding: utf-8 (default) or cp932 (Japanese Excel)\n",
    run
};
