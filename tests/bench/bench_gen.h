/* SPDX-License-Identifier: MIT */
/* What the CSV benchmarks share: CPU time, the generated assessment file, and libcsv's raw parse
 * of a file (the anchor every CSV figure is a ratio of). */
#ifndef ISOMM_BENCH_GEN_H
#define ISOMM_BENCH_GEN_H

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <isomm/isomm.h>

static inline double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The format isomm_csv_write_file produces, with notes that need quoting on some rows, written
 * to fp (closed here). */
static inline int generate_fp(FILE *fp, long assessments)
{
    static const char *const sourcing[] = { "insource", "outsource", "in", "アウトソース" };
    const isomm_model *m = isomm_model_default();
    long a, row = 0;
    int r;
    if (!fp)
        return -1;
    fputs("assessment,organization,assessor,date,current_pattern,target_pattern,role,sourcing,level,note\n", fp);
    for (a = 0; a < assessments; a++) {
        for (r = 0; r < ISOMM_ROLE_COUNT; r++, row++) {
            if (r == 0)
                fprintf(fp, "org-%07ld,Example Corp %ld,CSIRT lead,2026-11-01,hybrid,minimum-outsource,", a, a % 97);
            else
                fprintf(fp, "org-%07ld,,,,,,", a);
            fputs(isomm_model_role(m, r)->code, fp);
            if (row % 13 == 0)
                fputs(",,,", fp);
            else
                fprintf(fp, ",%s,%ld,", sourcing[row % 4], row % 6);
            if (row % 7 == 0)
                fprintf(fp, "\"note %ld, \"\"quoted\"\"\nsecond line 見直し\"", row);
            fputc('\n', fp);
        }
    }
    return fclose(fp);
}

static inline int generate(const char *path, long assessments)
{
    return generate_fp(fopen(path, "w"), assessments);
}

typedef struct counts {
    long fields, rows;
} counts;

static inline void count_field(void *s, size_t len, void *data)
{
    (void)s;
    (void)len;
    ((counts *)data)->fields++;
}

static inline void count_row(int c, void *data)
{
    (void)c;
    ((counts *)data)->rows++;
}

static inline double raw_parse(const char *path, counts *n)
{
    static char buf[65536];
    struct csv_parser p;
    FILE *fp = fopen(path, "rb");
    size_t got;
    double start = now();
    if (!fp || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
        exit(2);
    n->fields = n->rows = 0;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        if (csv_parse(&p, buf, got, count_field, count_row, n) != got)
            exit(2);
    csv_fini(&p, count_field, count_row, n);
    csv_free(&p);
    fclose(fp);
    return now() - start;
}

#endif
