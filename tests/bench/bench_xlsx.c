/* SPDX-License-Identifier: MIT */
/* Workbook reading and writing against the CSV of the same assessment.
 *
 *   build/tests/bench/bench_xlsx WORKBOOK.xlsx ANSWERS.csv [rounds]   (default 200 rounds)
 *
 * WORKBOOK.xlsx is a filled template holding the answers of ANSWERS.csv (the tests make one:
 * build/tests/xlsx-workbooks/filled-ja.xlsx with tests/data/example-1.csv). Times are CPU time of
 * the process, best of three batches of `rounds` calls each:
 *   - isomm_csv_read_file on the CSV (the anchor) and isomm_xlsx_read_file on the workbook;
 *   - isomm_csv_write_template_buffer (anchor) and isomm_xlsx_write_template to a file.
 * There is no speed target: the figures say what a workbook costs next to a CSV. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <isomm/isomm.h>

#include "bench_gen.h"

typedef void (*op_fn)(const char *arg);

static void read_csv(const char *path)
{
    isomm_assessment **list;
    size_t n;
    isomm_error e;
    if (isomm_csv_read_file(&list, &n, path, NULL, &e) != ISOMM_OK) {
        fprintf(stderr, "%s: %s\n", path, e.message);
        exit(2);
    }
    isomm_assessment_array_free(list, n);
}

static void read_xlsx(const char *path)
{
    isomm_assessment **list;
    size_t n;
    isomm_error e;
    if (isomm_xlsx_read_file(&list, &n, path, NULL, &e) != ISOMM_OK) {
        fprintf(stderr, "%s: %s\n", path, e.message);
        exit(2);
    }
    isomm_assessment_array_free(list, n);
}

static void template_csv(const char *unused)
{
    char *text;
    size_t len;
    (void)unused;
    if (isomm_csv_write_template_buffer(&text, &len, NULL, NULL) != ISOMM_OK)
        exit(2);
    isomm_free(text);
}

static void template_xlsx(const char *path)
{
    isomm_error e;
    if (isomm_xlsx_write_template(path, NULL, &e) != ISOMM_OK) {
        fprintf(stderr, "%s: %s\n", path, e.message);
        exit(2);
    }
}

/* Best of three batches: seconds per call. */
static double per_call(op_fn op, const char *arg, int rounds)
{
    double best = 0;
    int batch, i;
    for (batch = 0; batch < 3; batch++) {
        double start = now(), t;
        for (i = 0; i < rounds; i++)
            op(arg);
        t = (now() - start) / rounds;
        if (batch == 0 || t < best)
            best = t;
    }
    return best;
}

int main(int argc, char **argv)
{
    char out[] = "/tmp/isomm-bench-xlsx-XXXXXX", path[64];
    int rounds = argc > 3 ? atoi(argv[3]) : 200;
    double csv, xlsx;

    if (argc < 3 || rounds < 1) {
        fprintf(stderr, "usage: %s WORKBOOK.xlsx ANSWERS.csv [rounds]\n", argv[0]);
        return 2;
    }
    if (!mkdtemp(out))
        return 2;
    snprintf(path, sizeof path, "%s/t.xlsx", out);
    csv = per_call(read_csv, argv[2], rounds);
    xlsx = per_call(read_xlsx, argv[1], rounds);
    printf("read:     CSV %8.1f us  workbook %8.1f us  ratio %.1f\n", csv * 1e6, xlsx * 1e6, xlsx / csv);
    csv = per_call(template_csv, NULL, rounds);
    xlsx = per_call(template_xlsx, path, rounds / 10 > 0 ? rounds / 10 : 1);
    printf("template: CSV %8.1f us  workbook %8.1f us  ratio %.1f\n", csv * 1e6, xlsx * 1e6, xlsx / csv);
    unlink(path);
    rmdir(out);
    return 0;
}
