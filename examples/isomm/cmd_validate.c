/* SPDX-License-Identifier: MIT */
/* isomm validate: check a file in one pass and list every problem found as it is found. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Problems listed before the check stops (a summary then says there are more). */
#define MAX_PROBLEMS ISOMM_CSV_DEFAULT_MAX_ERRORS

static int print_problem(void *name, const isomm_error *problem)
{
    cli_input_error(name, problem);
    return 0;
}

/* A workbook: the reader stops at its first problem, which is the one listed. */
static int check_workbook(const context *ctx, const char *path, const char *name, isomm_csv_summary *sum)
{
    isomm_xlsx_options xo = ISOMM_XLSX_OPTIONS_INIT;
    isomm_assessment **list = NULL;
    isomm_error err;

    xo.model = ctx->csv.model;
    memset(sum, 0, sizeof *sum);
    if (isomm_xlsx_read_file(&list, &sum->assessments, path, &xo, &err) != ISOMM_OK) {
        cli_workbook_error(name, &err);
        cli_put_safe(stderr, name);
        fputs(": 1 problem found (a workbook is checked up to its first problem)\n", stderr);
        return EXIT_INPUT;
    }
    isomm_assessment_array_free(list, sum->assessments);
    return 0;
}

static int run(const context *ctx)
{
    const cli *c = ctx->args;
    const char *path, *name;
    isomm_csv_summary sum;
    isomm_error err;
    char format[96], *doc;
    size_t len;
    int rc, status;

    if ((status = cli_want_files(c, 1, "one FILE.csv")) != 0)
        return status;
    path = c->files[0];
    name = cli_display_name(path);
    if (cli_is_workbook(path)) {
        if ((status = check_workbook(ctx, path, name, &sum)) != 0)
            return status;
        rc = ISOMM_OK;
    } else if (strcmp(path, "-") == 0) /* one pass: a pipe or FIFO is read once, the count comes with it */
        rc = isomm_csv_check_fp(stdin, &ctx->csv, MAX_PROBLEMS, print_problem, (void *)name, &sum, &err);
    else
        rc = isomm_csv_check_file(path, &ctx->csv, MAX_PROBLEMS, print_problem, (void *)name, &sum, &err);
    if (rc != ISOMM_OK) {
        if (sum.problems == 0) { /* the file could not be read at all */
            cli_input_error(name, &err);
            sum.problems = 1;
        }
        cli_put_safe(stderr, name);
        if (sum.truncated)
            fprintf(stderr, ": %zu problems found, stopped at the limit of %d; there are more\n", sum.problems,
                    MAX_PROBLEMS);
        else
            fprintf(stderr, ": %zu problem%s found\n", sum.problems, sum.problems == 1 ? "" : "s");
        return EXIT_INPUT;
    }
    snprintf(format, sizeof format, "%%s: valid, %zu assessment%s\n", sum.assessments, sum.assessments == 1 ? "" : "s");
    if (!(doc = cli_safe_printf(format, name, &len))) {
        fputs("isomm: out of memory\n", stderr);
        return EXIT_INPUT;
    }
    return cli_emit(ctx, doc, len);
}

const command cmd_validate = {
    "validate", CMD_VALIDATE, "validate FILE.csv|FILE.xlsx [OPTIONS]",
    "check a file and list every problem found, with lines",
    "  --encoding E      input encoding: utf-8 (default) or cp932 (Japanese Excel)\n",
    run
};
