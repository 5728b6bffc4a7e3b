/* SPDX-License-Identifier: MIT */
/* Aggregation streams: memory must not grow with the number of assessments.
 *
 *   build/tests/bench/bench_aggregate [count] [csv]
 *
 * Generates `count` assessments (default 10,000), each role answered or left unanswered at
 * random, and adds them one at a time to one aggregate, freeing each after it is added. With
 * `csv`, the assessments are first written to a temporary CSV file (54 rows each) and then read
 * back with the streaming CSV reader, as `isomm aggregate` reads a large file. Prints the time
 * and the peak resident set size (getrusage) after the first 1,000 and after all of them:
 * equal peaks mean nothing is kept per assessment. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <isomm/isomm.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; /* KiB on Linux */
}

/* xorshift32: a fixed sequence, so every run aggregates the same assessments. */
static uint32_t next(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* The answers of the n-th generated assessment: level -1 (unanswered) or 0..5, and a sourcing. */
static void generate(uint32_t *state, int level[ISOMM_ROLE_COUNT], isomm_sourcing sourcing[ISOMM_ROLE_COUNT])
{
    int role;
    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        uint32_t v = next(state);
        level[role] = (int)(v % 7) - 1;
        sourcing[role] = (v >> 8) & 1 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE;
    }
}

static int make(isomm_assessment **out, long n, uint32_t *state)
{
    int level[ISOMM_ROLE_COUNT], role;
    isomm_sourcing sourcing[ISOMM_ROLE_COUNT];
    char id[32];

    generate(state, level, sourcing);
    if (isomm_assessment_new(out, NULL, NULL))
        return 1;
    snprintf(id, sizeof id, "assessor-%ld", n);
    if (isomm_assessment_set_meta(*out, ISOMM_META_ID, id, NULL))
        return 1;
    for (role = 0; role < ISOMM_ROLE_COUNT; role++)
        if (level[role] >= 0 && isomm_assessment_set_index(*out, role, sourcing[role], level[role], NULL, NULL))
            return 1;
    return 0;
}

/* The same assessments as CSV rows in a temporary file, positioned at its start. */
static FILE *write_csv(long count, uint32_t *state)
{
    const isomm_model *m = isomm_model_default();
    FILE *fp = tmpfile();
    long n;
    int role;

    if (!fp)
        return NULL;
    fputs("assessment,role,sourcing,level\n", fp);
    for (n = 1; n <= count; n++) {
        int level[ISOMM_ROLE_COUNT];
        isomm_sourcing sourcing[ISOMM_ROLE_COUNT];
        generate(state, level, sourcing);
        for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
            if (level[role] < 0)
                fprintf(fp, "assessor-%ld,%s,,\n", n, isomm_model_role(m, role)->code);
            else
                fprintf(fp, "assessor-%ld,%s,%s,%d\n", n, isomm_model_role(m, role)->code,
                        isomm_sourcing_id(sourcing[role]), level[role]);
        }
    }
    if (fflush(fp) || fseek(fp, 0, SEEK_SET)) {
        fclose(fp);
        return NULL;
    }
    return fp;
}

/* The next assessment: generated, or read from the CSV. 1 = one, 0 = none left, -1 = error. */
static int next_assessment(isomm_assessment **a, isomm_csv_reader *rd, long n, long count, uint32_t *state,
                           isomm_error *err)
{
    if (rd)
        return isomm_csv_reader_next(rd, a, err);
    if (n > count)
        return 0;
    if (make(a, n, state)) {
        snprintf(err->message, sizeof err->message, "generating assessment %ld failed", n);
        return -1;
    }
    return 1;
}

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 10000, n;
    int csv = argc > 2 && strcmp(argv[2], "csv") == 0, rc;
    uint32_t state = 2463534242u;
    isomm_csv_reader *rd = NULL;
    isomm_assessment *a;
    isomm_aggregate *ag;
    isomm_error err;
    double start, elapsed;
    char *json;
    size_t len;

    if (count < 1000 || isomm_aggregate_new(&ag, NULL, &err))
        return 2;
    if (csv) {
        FILE *fp = write_csv(count, &state);
        if (!fp || isomm_csv_reader_open_fp(&rd, fp, NULL, &err)) {
            fprintf(stderr, "temporary CSV: %s\n", fp ? err.message : "cannot be written");
            return 1;
        }
    }
    printf("aggregate: %ld %s assessments, added one at a time (peak RSS before: %ld KiB)\n", count,
           csv ? "CSV-streamed" : "generated", peak_rss_kib());
    start = now();
    for (n = 1; (rc = next_assessment(&a, rd, n, count, &state, &err)) == 1; n++) {
        if (isomm_aggregate_add(ag, a, &err)) {
            fprintf(stderr, "assessment %ld: %s\n", n, err.message);
            return 1;
        }
        isomm_assessment_free(a);
        if (n == 1000 || n == count) {
            elapsed = now() - start;
            printf("aggregate: %6ld assessments in %.3f s (%.1f us each), peak RSS %ld KiB\n", n, elapsed,
                   elapsed / (double)n * 1e6, peak_rss_kib());
        }
    }
    if (rc < 0) {
        fprintf(stderr, "assessment %ld: %s\n", n, err.message);
        return 1;
    }
    isomm_csv_reader_free(rd);
    if (isomm_aggregate_render(&json, &len, ag, NULL, &err))
        return 1;
    printf("aggregate: %d assessments, %d recorded for the heat map, %d disagreements, report %zu bytes\n",
           isomm_aggregate_count(ag), isomm_aggregate_recorded_count(ag), isomm_aggregate_disagreement_count(ag), len);
    isomm_free(json);
    isomm_aggregate_free(ag);
    return 0;
}
