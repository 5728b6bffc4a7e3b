/* SPDX-License-Identifier: MIT */
/* isomm benchmark: where each assessment of a file stands in a population (percentiles, quartiles,
 * per role below / at / above). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The population of every POP file, merged. */
static int load_populations(const context *ctx, const char *const *paths, size_t n, isomm_population **out)
{
    isomm_error err;
    size_t i;

    if (isomm_population_new(out, cli_model(ctx), &err) != ISOMM_OK)
        return cli_input_error(NULL, &err);
    for (i = 0; i < n; i++) {
        isomm_population *p = NULL;
        int rc = isomm_population_load(&p, paths[i], cli_model(ctx), &err);
        if (rc == ISOMM_OK)
            rc = isomm_population_merge(*out, p, &err);
        isomm_population_free(p);
        if (rc != ISOMM_OK)
            return cli_input_error_at(cli_display_name(paths[i]), &err);
    }
    return 0;
}

/* The next assessment of the input: from the CSV reader, or handed over from a workbook's list
 * (the list's slot is emptied). 1 = one, 0 = none left, negative = an error of the reader. */
static int next_assessment(isomm_csv_reader *rd, isomm_assessment **sheets, size_t nsheets, size_t *taken,
                           isomm_assessment **out, isomm_error *err)
{
    if (rd)
        return isomm_csv_reader_next(rd, out, err);
    if (*taken == nsheets)
        return 0;
    *out = sheets[*taken];
    sheets[(*taken)++] = NULL;
    return 1;
}

static int run(const context *ctx)
{
    static const char *const names[] = { "text", "markdown", "json", "html", "svg" };
    static const int values[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON, ISOMM_FORMAT_HTML,
                                  ISOMM_FORMAT_SVG_RADAR };
    const cli *c = ctx->args;
    isomm_benchmark_options bo = ISOMM_BENCHMARK_OPTIONS_INIT;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    const char **pops = NULL;
    isomm_population *pop = NULL;
    isomm_csv_reader *rd = NULL;
    isomm_assessment **sheets = NULL; /* the assessments of a workbook */
    size_t nsheets = 0, taken = 0;
    isomm_benchmark **list = NULL;
    isomm_assessment *a;
    isomm_error err;
    size_t npops = 0, count = 0, cap = 0, i;
    char *doc;
    size_t len;
    int format = ISOMM_FORMAT_TEXT, status = 0, rc, min_size;

    if (c->nfiles == 0)
        return cli_usage_error(c, "%s", "'benchmark' takes one FILE.csv and --population POP.json");
    if (c->npopulations == 0)
        return cli_usage_error(c, "%s", "'benchmark' needs --population POP.json");
    if (c->format && (status = cli_parse_format(c, c->format, names, values, 5, &format)) != 0)
        return status;
    if (c->min_size) {
        if (cli_parse_int(c->min_size, 1, 1000000000, &min_size) != 0)
            return cli_usage_error(c, "--min-size takes 1 or more, got '%s'", c->min_size);
        bo.min_size = (uint64_t)min_size;
    }
    /* POP files: every --population value, then the files after FILE */
    pops = calloc(c->npopulations + c->nfiles, sizeof *pops);
    if (!pops)
        return cli_usage_error(c, "%s", "out of memory");
    for (i = 0; i < c->npopulations; i++)
        pops[npops++] = c->populations[i];
    for (i = 1; i < c->nfiles; i++)
        pops[npops++] = c->files[i];
    for (i = 0; i < npops; i++)
        if (strcmp(pops[i], "-") == 0 && strcmp(c->files[0], "-") == 0)
            status = cli_usage_error(c, "%s", "standard input can be read only once");
    if (status == 0)
        status = load_populations(ctx, pops, npops, &pop);
    if (status == 0 && cli_is_workbook(c->files[0])) {
        status = cli_read_all(ctx, c->files[0], &sheets, &nsheets); /* a workbook is read whole */
    } else if (status == 0) {
        if (strcmp(c->files[0], "-") == 0)
            rc = isomm_csv_reader_open_fp(&rd, stdin, &ctx->csv, &err);
        else
            rc = isomm_csv_reader_open_file(&rd, c->files[0], &ctx->csv, &err);
        if (rc != ISOMM_OK)
            status = cli_input_error(cli_display_name(c->files[0]), &err);
    }
    /* a CSV is read one assessment at a time; a benchmark is a few kilobytes */
    while (status == 0 && (rc = next_assessment(rd, sheets, nsheets, &taken, &a, &err)) == 1) {
        if (count == cap) {
            isomm_benchmark **grown = realloc(list, (cap = cap ? 2 * cap : 16) * sizeof *list);
            if (!grown) {
                isomm_assessment_free(a);
                status = cli_usage_error(c, "%s", "out of memory");
                break;
            }
            list = grown;
        }
        rc = isomm_population_benchmark(&list[count], pop, a, &bo, &err);
        isomm_assessment_free(a);
        if (rc != ISOMM_OK)
            status = cli_input_error(NULL, &err);
        else
            count++;
    }
    if (status == 0 && rc < 0)
        status = cli_input_error(cli_display_name(c->files[0]), &err);
    if (status == 0 && format == ISOMM_FORMAT_SVG_RADAR && count != 1) {
        fprintf(stderr, "isomm: an SVG chart shows one assessment; the file holds %zu (use html)\n", count);
        status = EXIT_USAGE;
    }
    if (status == 0) {
        ro.lang = ctx->lang;
        ro.format = (isomm_format)format;
        if (isomm_benchmark_render(&doc, &len, (const isomm_benchmark *const *)list, count, &ro, &err) != ISOMM_OK)
            status = cli_render_error(&err);
        else
            status = cli_emit(ctx, doc, len);
    }
    for (i = 0; i < count; i++)
        isomm_benchmark_free(list[i]);
    free(list);
    isomm_csv_reader_free(rd);
    isomm_assessment_array_free(sheets, nsheets);
    isomm_population_free(pop);
    free(pops);
    return status;
}

const command cmd_benchmark = {
    "benchmark", CMD_BENCHMARK, "benchmark FILE.csv --population POP.json... [OPTIONS]",
    "percentiles of each assessment of a file within a population",
    "  --population POP.json\n"
    "                    a population file (isomm population); give it again, or\n"
    "                    list more files after FILE, to merge several\n"
    "  --format F        text (default), markdown, json, html, svg (radar with the\n"
    "                    population's interquartile band; one assessment)\n"
    "  --min-size N      refuse populations below N assessments, and leave out\n"
    "                    figures resting on fewer (default 5)\n"
    "  --encoding E      input encoding: utf-8 (default) or cp932 (Japanese Excel)\n"
    "FILE may also be a workbook (FILE.xlsx).\n",
    run
};
