/* SPDX-License-Identifier: MIT */
/* isomm report: evaluate every assessment of a file and write a report. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int run(const context *ctx)
{
    static const char *const names[] = { "text", "markdown", "json", "html", "svg", "svg-roles" };
    static const int values[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                  ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR, ISOMM_FORMAT_SVG_ROLES };
    const cli *c = ctx->args;
    isomm_eval_options eo = ISOMM_EVAL_OPTIONS_INIT;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    isomm_assessment **list = NULL;
    const isomm_result **results = NULL;
    const isomm_assessment *chosen = NULL;
    size_t count = 0, n = 0, i, len;
    isomm_error err;
    char *doc = NULL;
    int format = ISOMM_FORMAT_TEXT, status;

    if ((status = cli_want_files(c, 1, "one FILE.csv")) != 0)
        return status;
    if (c->format && (status = cli_parse_format(c, c->format, names, values, 6, &format)) != 0)
        return status;
    if (c->target && isomm_pattern_parse(&eo.target, c->target, strlen(c->target), &err) != ISOMM_OK)
        return cli_usage_error(c, "unknown pattern '%s'", c->target);
    if (c->strengths && cli_parse_int(c->strengths, 1, 4, &eo.strengths) != 0)
        return cli_usage_error(c, "--strengths takes 1 to 4, got '%s'", c->strengths);
    if (c->list_size && cli_parse_int(c->list_size, 0, ISOMM_ROLE_COUNT, &eo.list_size) != 0)
        return cli_usage_error(c, "--list-size takes 0 to 54, got '%s'", c->list_size);
    if ((status = cli_read_all(ctx, c->files[0], &list, &count)) != 0)
        return status;
    if (c->id && (status = cli_pick(list, count, c->id, c->files[0], "--id", &chosen)) != 0)
        goto out;
    if (!c->id && count > 1 && format == ISOMM_FORMAT_SVG_ROLES) {
        status = cli_pick(list, count, NULL, c->files[0], "--id", &chosen);
        goto out;
    }
    results = calloc(count ? count : 1, sizeof *results);
    if (!results) {
        fputs("isomm: out of memory\n", stderr);
        status = EXIT_INPUT;
        goto out;
    }
    for (i = 0; i < count; i++) {
        isomm_result *r;
        if (chosen && list[i] != chosen)
            continue;
        if (isomm_evaluate(&r, list[i], &eo, &err) != ISOMM_OK) {
            status = cli_input_error(cli_display_name(c->files[0]), &err);
            goto out;
        }
        results[n++] = r;
    }
    ro.lang = ctx->lang;
    ro.format = (isomm_format)format;
    if (isomm_report_render_list(&doc, &len, results, n, &ro, &err) != ISOMM_OK) {
        status = cli_input_error(NULL, &err);
        goto out;
    }
    if ((status = cli_emit(ctx, doc, len)) != 0)
        goto out;
    if (c->html_out) {
        ro.format = ISOMM_FORMAT_HTML;
        if (isomm_report_render_list(&doc, &len, results, n, &ro, &err) != ISOMM_OK) {
            status = cli_input_error(NULL, &err);
            goto out;
        }
        if ((status = cli_emit_to(c->html_out, doc, len)) != 0)
            goto out;
        fputs("isomm: HTML report written to ", stderr);
        cli_put_safe(stderr, c->html_out);
        fputc('\n', stderr);
    }
out:
    for (i = 0; i < n; i++)
        isomm_result_free((isomm_result *)results[i]);
    free(results);
    isomm_assessment_array_free(list, count);
    return status;
}

const command cmd_report = {
    "report", CMD_REPORT, "report FILE.csv [OPTIONS]",
    "evaluate each assessment in the file and write a report",
    "  --format F        text (default), markdown, json, html, svg (radar chart),\n"
    "                    svg-roles (role chart)\n"
    "  --html-out PATH   also write the HTML report to PATH (said on standard error)\n"
    "  --target PATTERN  compute the lists against PATTERN, not the declared target\n"
    "  --id ID           report only the assessment with this id\n"
    "  --strengths K     strengths and weaknesses shown, 1-4 (default 2)\n"
    "  --list-size N     roles per recommendation list, 0 = all (default 3)\n"
    "  --encoding E      input encoding: utf-8 (default) or cp932 (Japanese Excel)\n",
    run
};
