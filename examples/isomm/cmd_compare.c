/* SPDX-License-Identifier: MIT */
/* isomm compare: the changes between two assessments. */
#include <string.h>

#include "cli.h"

static int run(const context *ctx)
{
    static const char *const names[] = { "text", "markdown", "json", "html", "svg" };
    static const int values[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON, ISOMM_FORMAT_HTML,
                                  ISOMM_FORMAT_SVG_RADAR };
    const cli *c = ctx->args;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    isomm_assessment **old_list = NULL, **new_list = NULL;
    size_t old_count = 0, new_count = 0, len;
    const isomm_assessment *old_a, *new_a;
    isomm_comparison *cmp = NULL;
    isomm_error err;
    char *doc;
    int format = ISOMM_FORMAT_TEXT, status;

    if ((status = cli_want_files(c, 2, "OLD.csv and NEW.csv")) != 0)
        return status;
    if (c->format && (status = cli_parse_format(c, c->format, names, values, 5, &format)) != 0)
        return status;
    if (strcmp(c->files[0], "-") == 0 && strcmp(c->files[1], "-") == 0)
        return cli_usage_error(c, "%s", "only one of OLD and NEW can be standard input");
    if ((status = cli_read_all(ctx, c->files[0], &old_list, &old_count)) != 0 ||
        (status = cli_read_all(ctx, c->files[1], &new_list, &new_count)) != 0 ||
        (status = cli_pick(old_list, old_count, c->old_id, c->files[0], "--old", &old_a)) != 0 ||
        (status = cli_pick(new_list, new_count, c->new_id, c->files[1], "--new", &new_a)) != 0)
        goto out;
    if (isomm_compare(&cmp, old_a, new_a, &err) != ISOMM_OK) {
        status = cli_input_error(NULL, &err);
        goto out;
    }
    ro.lang = ctx->lang;
    ro.format = (isomm_format)format;
    ro.width = cli_text_width();
    if (isomm_comparison_render(&doc, &len, cmp, &ro, &err) != ISOMM_OK) {
        status = cli_render_error(&err);
        goto out;
    }
    status = cli_emit(ctx, doc, len);
out:
    isomm_comparison_free(cmp);
    isomm_assessment_array_free(old_list, old_count);
    isomm_assessment_array_free(new_list, new_count);
    return status;
}

const command cmd_compare = {
    "compare", CMD_COMPARE, "compare OLD.csv NEW.csv [OPTIONS]",
    "changes between two assessments",
    "  --old ID, --new ID  pick the assessment when a file holds several\n"
    "  --format F        text (default), markdown, json, html, svg\n"
    "  --encoding E      input encoding: utf-8 (default) or cp932 (Japanese Excel)\n",
    run
};
