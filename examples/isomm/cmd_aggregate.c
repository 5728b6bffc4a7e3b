/* SPDX-License-Identifier: MIT */
/* isomm aggregate: spread and disagreements over many assessments, read as a stream. */
#include <string.h>

#include "cli.h"

/* Add every assessment of one file to the aggregate, one at a time. */
static int aggregate_file(const context *ctx, isomm_aggregate *ag, const char *path)
{
    isomm_csv_reader *rd = NULL;
    isomm_assessment *a = NULL;
    isomm_error err;
    int rc;

    if (cli_is_workbook(path)) {
        isomm_assessment **list = NULL;
        size_t count = 0, i;
        int status = cli_read_all(ctx, path, &list, &count);
        for (i = 0; status == 0 && i < count; i++)
            if (isomm_aggregate_add(ag, list[i], &err) != ISOMM_OK)
                status = cli_input_error(cli_display_name(path), &err);
        isomm_assessment_array_free(list, count);
        return status;
    }
    if (strcmp(path, "-") == 0)
        rc = isomm_csv_reader_open_fp(&rd, stdin, &ctx->csv, &err);
    else
        rc = isomm_csv_reader_open_file(&rd, path, &ctx->csv, &err);
    if (rc != ISOMM_OK)
        return cli_input_error(cli_display_name(path), &err);
    while ((rc = isomm_csv_reader_next(rd, &a, &err)) == 1) {
        rc = isomm_aggregate_add(ag, a, &err);
        isomm_assessment_free(a);
        if (rc != ISOMM_OK)
            break;
    }
    isomm_csv_reader_free(rd);
    return rc < 0 ? cli_input_error(cli_display_name(path), &err) : 0;
}

static int run(const context *ctx)
{
    static const char *const names[] = { "text", "markdown", "json", "html", "svg", "svg-heatmap" };
    static const int values[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                  ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR, ISOMM_FORMAT_SVG_HEATMAP };
    const cli *c = ctx->args;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    isomm_aggregate *ag = NULL;
    isomm_error err;
    size_t i, stdin_uses = 0, len;
    char *doc;
    int format = ISOMM_FORMAT_TEXT, status = 0;

    if (c->nfiles == 0)
        return cli_usage_error(c, "%s", "'aggregate' takes at least one FILE.csv");
    if (c->format && (status = cli_parse_format(c, c->format, names, values, 6, &format)) != 0)
        return status;
    for (i = 0; i < c->nfiles; i++)
        stdin_uses += strcmp(c->files[i], "-") == 0;
    if (stdin_uses > 1)
        return cli_usage_error(c, "%s", "standard input can be read only once");
    if (isomm_aggregate_new(&ag, cli_model(ctx), &err) != ISOMM_OK)
        return cli_input_error(NULL, &err);
    for (i = 0; i < c->nfiles && status == 0; i++)
        status = aggregate_file(ctx, ag, c->files[i]);
    if (status == 0) {
        ro.lang = ctx->lang;
        ro.format = (isomm_format)format;
        ro.width = cli_text_width();
        if (isomm_aggregate_render(&doc, &len, ag, &ro, &err) != ISOMM_OK)
            status = cli_render_error(&err);
        else
            status = cli_emit(ctx, doc, len);
    }
    isomm_aggregate_free(ag);
    return status;
}

const command cmd_aggregate = {
    "aggregate", CMD_AGGREGATE, "aggregate FILE.csv... [OPTIONS]",
    "spread and disagreements over many assessments of one organisation",
    "  --format F        text (default), markdown, json, html, svg (band radar),\n"
    "                    svg-heatmap\n"
    "  --encoding E      input encoding: utf-8 (default) or cp932 (Japanese Excel)\n",
    run
};
