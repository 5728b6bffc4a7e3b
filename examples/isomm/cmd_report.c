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

/* Pages and charts need every result: read the whole file, evaluate, render. */
static int report_whole(const job *j)
{
    const cli *c = j->ctx->args;
    isomm_assessment **list = NULL;
    isomm_result **results = NULL;
    const isomm_assessment *chosen = NULL;
    size_t count = 0, n = 0, i;
    isomm_error err;
    int status;

    if ((status = cli_read_all(j->ctx, c->files[0], &list, &count)) != 0)
        return status;
    if (c->id && (status = cli_pick(list, count, c->id, c->files[0], "--id", &chosen)) != 0)
        goto out;
    if (!c->id && count > 1 && j->report.format == ISOMM_FORMAT_SVG_ROLES) {
        status = cli_pick(list, count, NULL, c->files[0], "--id", &chosen);
        goto out;
    }
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
    if (j->xlsx) {
        isomm_xlsx_options xo = ISOMM_XLSX_OPTIONS_INIT;
        xo.lang = j->report.lang;
        if (isomm_xlsx_write_report(c->output, (const isomm_result *const *)results, n, &xo, &err) != ISOMM_OK) {
            status = cli_input_error(NULL, &err);
            goto out;
        }
    } else if ((status = write_report(&j->report, c->output, results, n)) != 0) {
        goto out;
    }
    if (c->html_out) {
        isomm_report_options html = j->report;
        html.format = ISOMM_FORMAT_HTML;
        if ((status = write_report(&html, c->html_out, results, n)) != 0)
            goto out;
        fputs("isomm: HTML report written to ", stderr);
        cli_put_safe(stderr, c->html_out);
        fputc('\n', stderr);
    }
out:
    for (i = 0; i < n; i++)
        isomm_result_free(results[i]);
    free(results);
    isomm_assessment_array_free(list, count);
    return status;
}

/* Text, Markdown and JSON: one assessment at a time, read, evaluated, written and freed, so that
 * memory does not grow with the file. The output starts with the first assessment reported. */
static int report_streaming(const job *j)
{
    const cli *c = j->ctx->args;
    const char *name = cli_display_name(c->files[0]);
    isomm_csv_reader *rd = NULL;
    isomm_report_stream *s = NULL;
    isomm_output *o = NULL;
    isomm_assessment *a;
    isomm_error err;
    size_t reported = 0;
    int rc, status = 0;

    if (strcmp(c->files[0], "-") == 0)
        rc = isomm_csv_reader_open_fp(&rd, stdin, &j->ctx->csv, &err);
    else
        rc = isomm_csv_reader_open_file(&rd, c->files[0], &j->ctx->csv, &err);
    if (rc != ISOMM_OK)
        return cli_input_error(name, &err);
    if ((rc = isomm_output_open(&o, c->output, &err)) != ISOMM_OK) {
        isomm_csv_reader_free(rd);
        return cli_input_error(NULL, &err);
    }
    while (status == 0 && (rc = isomm_csv_reader_next(rd, &a, &err)) == 1) {
        isomm_result *r = NULL;
        if (c->id && strcmp(isomm_assessment_meta(a, ISOMM_META_ID), c->id) != 0) {
            isomm_assessment_free(a);
            continue;
        }
        if (isomm_evaluate(&r, a, &j->eval, &err) != ISOMM_OK)
            status = cli_input_error(name, &err);
        else if ((!s && isomm_report_stream_open(&s, &j->report, isomm_output_sink, o, &err) != ISOMM_OK) ||
                 isomm_report_stream_add(s, r, &err) != ISOMM_OK)
            status = cli_input_error(NULL, &err);
        reported++;
        isomm_result_free(r);
        isomm_assessment_free(a);
    }
    if (status == 0 && rc < 0)
        status = cli_input_error(name, &err);
    isomm_csv_reader_free(rd);
    if (status == 0 && c->id && reported == 0) {
        fputs("isomm: ", stderr);
        cli_put_safe(stderr, name);
        fputs(" has no assessment '", stderr);
        cli_put_safe(stderr, c->id);
        fputs("'\n", stderr);
        status = EXIT_USAGE;
    }
    if (status == 0 && !s && isomm_report_stream_open(&s, &j->report, isomm_output_sink, o, &err) != ISOMM_OK)
        status = cli_input_error(NULL, &err);
    if (status == 0) {
        rc = isomm_report_stream_finish(s, &err);
        s = NULL;
        if (rc != ISOMM_OK)
            status = cli_input_error(NULL, &err);
    }
    isomm_report_stream_free(s);
    if (status != 0) {
        isomm_output_discard(o);
        return status;
    }
    return isomm_output_commit(o, &err) == ISOMM_OK ? 0 : cli_input_error(NULL, &err);
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
    /* a workbook is read whole: it is no stream */
    if (j.xlsx || cli_is_workbook(c->files[0]) || c->html_out || format == ISOMM_FORMAT_HTML ||
        format == ISOMM_FORMAT_SVG_RADAR || format == ISOMM_FORMAT_SVG_ROLES)
        return report_whole(&j);
    return report_streaming(&j);
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
