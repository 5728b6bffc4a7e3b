/* SPDX-License-Identifier: MIT */
/* isomm population: a population file (counts only) built from assessment CSV files, read as a
 * stream, and from population files, merged. */
#include <string.h>

#include "cli.h"

/* Whether a path names a population file (by its extension) rather than an assessment CSV. */
static int is_population_file(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcmp(path + n - 5, ".json") == 0;
}

/* Add one input, all of it or nothing: a CSV streamed into the population, a workbook, or a
 * population file merged into it. */
static int add_file(const context *ctx, isomm_population *pop, const char *path)
{
    isomm_error err;
    int rc;

    if (is_population_file(path)) {
        isomm_population *other = NULL;
        rc = isomm_population_load(&other, path, cli_model(ctx), &err);
        if (rc == ISOMM_OK)
            rc = isomm_population_merge(pop, other, &err);
        isomm_population_free(other);
    } else if (cli_is_workbook(path)) {
        /* a workbook is read whole (it is small); its assessments count only when all were read */
        isomm_assessment **list = NULL;
        isomm_population *part = NULL;
        size_t count = 0, i;
        int status = cli_read_all(ctx, path, &list, &count);
        if (status != 0)
            return status;
        rc = isomm_population_new(&part, cli_model(ctx), &err);
        for (i = 0; rc == ISOMM_OK && i < count; i++)
            rc = isomm_population_add(part, list[i], &err);
        if (rc == ISOMM_OK)
            rc = isomm_population_merge(pop, part, &err);
        isomm_population_free(part);
        isomm_assessment_array_free(list, count);
    } else {
        isomm_csv_reader *rd = NULL;
        if (strcmp(path, "-") == 0)
            rc = isomm_csv_reader_open_fp(&rd, stdin, &ctx->csv, &err);
        else
            rc = isomm_csv_reader_open_file(&rd, path, &ctx->csv, &err);
        if (rc == ISOMM_OK)
            rc = isomm_population_add_csv_reader(pop, rd, NULL, &err);
        isomm_csv_reader_free(rd);
    }
    if (rc != ISOMM_OK)
        return (is_population_file(path) ? cli_input_error_at : cli_input_error)(cli_display_name(path), &err);
    return 0;
}

static int run(const context *ctx)
{
    const cli *c = ctx->args;
    isomm_population *pop = NULL;
    isomm_error err;
    size_t i, stdin_uses = 0, len;
    char *doc;
    int status = 0;

    if (c->nfiles == 0)
        return cli_usage_error(c, "%s", "'population' takes at least one FILE.csv or POP.json");
    for (i = 0; i < c->nfiles; i++)
        stdin_uses += strcmp(c->files[i], "-") == 0;
    if (stdin_uses > 1)
        return cli_usage_error(c, "%s", "standard input can be read only once");
    if (isomm_population_new(&pop, cli_model(ctx), &err) != ISOMM_OK)
        return cli_input_error(NULL, &err);
    for (i = 0; i < c->nfiles && status == 0; i++)
        status = add_file(ctx, pop, c->files[i]);
    if (status == 0) {
        if (isomm_population_to_json(&doc, &len, pop, &err) != ISOMM_OK)
            status = cli_input_error(NULL, &err);
        else
            status = cli_emit(ctx, doc, len);
    }
    isomm_population_free(pop);
    return status;
}

const command cmd_population = {
    "population", CMD_POPULATION, "population FILE.csv|POP.json... [-o POP.json] [OPTIONS]",
    "a population file (counts only) of many assessments, for benchmarks",
    "  FILE.csv          assessments, read as a stream ('-' = standard input), or a\n"
    "                    workbook (FILE.xlsx)\n"
    "  POP.json          a population file (name ending in .json), merged in\n"
    "  --encoding E      input encoding: utf-8 (default) or cp932 (Japanese Excel)\n"
    "The file holds counts only: no id, organisation, assessor, date or note.\n",
    run
};
