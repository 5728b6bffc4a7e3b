/* SPDX-License-Identifier: MIT */
/* isomm template: an empty assessment CSV for all 54 roles, or the self-check workbook, to fill in. */
#include "cli.h"

enum { TEMPLATE_CSV, TEMPLATE_XLSX };

static int run(const context *ctx)
{
    static const char *const names[] = { "csv", "xlsx" };
    static const int values[] = { TEMPLATE_CSV, TEMPLATE_XLSX };
    const cli *c = ctx->args;
    isomm_error err;
    char *doc;
    size_t len;
    int status, format = TEMPLATE_CSV;

    if ((status = cli_want_files(c, 0, "no file")) != 0)
        return status;
    if (c->format && (status = cli_parse_format(c, c->format, names, values, 2, &format)) != 0)
        return status;
    if (format == TEMPLATE_XLSX) {
        isomm_xlsx_options xo = ISOMM_XLSX_OPTIONS_INIT;
        if (c->bom)
            return cli_usage_error(c, "%s", "--bom is for CSV; a workbook has none");
        if ((status = cli_binary_output_ok(c, c->output)) != 0)
            return status;
        xo.lang = ctx->lang;
        xo.model = ctx->csv.model;
        if (isomm_xlsx_write_template(c->output, &xo, &err) != ISOMM_OK)
            return cli_input_error(NULL, &err);
        return 0;
    }
    if (isomm_csv_write_template_buffer(&doc, &len, &ctx->csv, &err) != ISOMM_OK)
        return cli_input_error(NULL, &err);
    return cli_emit(ctx, doc, len);
}

const command cmd_template = {
    "template", CMD_TEMPLATE, "template [OPTIONS]",
    "an empty assessment CSV (or workbook) of all 54 roles, to fill in",
    "  --format F        csv (default) or xlsx (the self-check workbook with\n"
    "                    drop-down lists and the scales, with -o FILE.xlsx)\n"
    "  --bom             start the CSV with a UTF-8 byte-order mark (for Excel)\n",
    run
};
