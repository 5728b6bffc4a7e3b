/* SPDX-License-Identifier: MIT */
/* isomm model: the catalogue as CSV or JSON. */
#include <string.h>

#include "cli.h"

static int run(const context *ctx)
{
    const cli *c = ctx->args;
    isomm_error err;
    char *doc;
    size_t len;
    int rc, status;

    if ((status = cli_want_files(c, 0, "no file")) != 0)
        return status;
    if (!c->format || strcmp(c->format, "csv") == 0)
        rc = isomm_model_write_csv_buffer(&doc, &len, cli_model(ctx), &err);
    else if (strcmp(c->format, "json") == 0)
        rc = isomm_model_render_json(&doc, &len, cli_model(ctx), &err);
    else
        return cli_usage_error(c, "unknown format '%s' (expected csv or json)", c->format);
    if (rc != ISOMM_OK)
        return cli_input_error(NULL, &err);
    return cli_emit(ctx, doc, len);
}

const command cmd_model = {
    "model", CMD_MODEL, "model [OPTIONS]",
    "the catalogue: functions, roles, domains, patterns, scales",
    "  --format F        csv (default) or json\n",
    run
};
