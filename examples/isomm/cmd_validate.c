/* SPDX-License-Identifier: MIT */
/* isomm validate: check a file and list every problem found. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int run(const context *ctx)
{
    const cli *c = ctx->args;
    const char *path, *name;
    isomm_error *problems;
    isomm_error err;
    size_t n = 0, i, cap = ISOMM_CSV_DEFAULT_MAX_ERRORS, count = 0;
    isomm_assessment **list = NULL;
    int rc, status;

    if ((status = cli_want_files(c, 1, "one FILE.csv")) != 0)
        return status;
    path = c->files[0];
    name = cli_display_name(path);
    problems = calloc(cap, sizeof *problems);
    if (!problems) {
        fputs("isomm: out of memory\n", stderr);
        return EXIT_INPUT;
    }
    if (strcmp(path, "-") == 0)
        rc = isomm_csv_validate_fp(stdin, &ctx->csv, problems, cap, &n, &err);
    else
        rc = isomm_csv_validate_file(path, &ctx->csv, problems, cap, &n, &err);
    for (i = 0; i < n; i++)
        cli_input_error(name, &problems[i]);
    free(problems);
    if (rc != ISOMM_OK) {
        if (n == 0) {
            cli_input_error(name, &err);
            n = 1;
        }
        cli_put_safe(stderr, name);
        fprintf(stderr, ": %zu problem%s found%s\n", n, n == 1 ? "" : "s", n >= cap ? " (stopped at the limit)" : "");
        return EXIT_INPUT;
    }
    /* Clean: count the assessments for the summary (standard input was consumed by the check). */
    if (strcmp(path, "-") != 0 && isomm_csv_read_file(&list, &count, path, &ctx->csv, &err) == ISOMM_OK) {
        cli_put_safe(stdout, name);
        printf(": valid, %zu assessment%s\n", count, count == 1 ? "" : "s");
    } else {
        cli_put_safe(stdout, name);
        fputs(": valid\n", stdout);
    }
    isomm_assessment_array_free(list, count);
    return 0;
}

const command cmd_validate = {
    "validate", CMD_VALIDATE, "validate FILE.csv [OPTIONS]",
    "check a file and list every problem found, with lines",
    "  --encoding E      input encoding: utf-8 (default) or cp932 (Japanese Excel)\n",
    run
};
