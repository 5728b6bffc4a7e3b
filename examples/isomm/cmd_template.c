/* SPDX-License-Identifier: MIT */
/* isomm template: an empty assessment CSV for all 54 roles, to fill in. */
#include "cli.h"

static int run(const context *ctx)
{
    isomm_error err;
    char *doc;
    size_t len;
    int status;

    if ((status = cli_want_files(ctx->args, 0, "no file")) != 0)
        return status;
    if (isomm_csv_write_template_buffer(&doc, &len, &ctx->csv, &err) != ISOMM_OK)
        return cli_input_error(NULL, &err);
    return cli_emit(ctx, doc, len);
}

const command cmd_template = {
    "template", CMD_TEMPLATE, "template [OPTIONS]",
    "an empty assessment CSV of all 54 roles, with names, to fill in",
    "  --bom             start with a UTF-8 byte-order mark (for Excel)\n",
    run
};
