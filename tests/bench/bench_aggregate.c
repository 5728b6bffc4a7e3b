/* Aggregation streams: memory must not grow with the number of assessments.
 *
 *   build/tests/bench/bench_aggregate [count]
 *
 * Generates `count` assessments (default 10,000) one at a time, each with all 54 roles answered
 * or left unanswered at random, adds it to one aggregate and frees it, as a reader of a large
 * CSV would. Prints the time and the peak resident set size (getrusage) after the first 1,000
 * and after all of them: equal peaks mean the aggregate holds no per-assessment data. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

static int make(isomm_assessment **out, long n, uint32_t *state)
{
    char id[32];
    int role;
    if (isomm_assessment_new(out, NULL, NULL))
        return 1;
    snprintf(id, sizeof id, "assessor-%ld", n);
    if (isomm_assessment_set_meta(*out, ISOMM_META_ID, id, NULL))
        return 1;
    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        uint32_t v = next(state);
        int level = (int)(v % 7) - 1; /* -1 = unanswered, 0..5 */
        if (level >= 0
            && isomm_assessment_set_index(*out, role, (v >> 8) & 1 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE, level, NULL,
                                          NULL))
            return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 10000, n;
    uint32_t state = 2463534242u;
    isomm_aggregate *ag;
    isomm_error err;
    double start, elapsed;
    char *json;
    size_t len;

    if (count < 1000 || isomm_aggregate_new(&ag, NULL, &err))
        return 2;
    printf("aggregate: %ld generated assessments, added one at a time (peak RSS before: %ld KiB)\n", count,
           peak_rss_kib());
    start = now();
    for (n = 1; n <= count; n++) {
        isomm_assessment *a;
        if (make(&a, n, &state) || isomm_aggregate_add(ag, a, &err)) {
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
    if (isomm_aggregate_render(&json, &len, ag, NULL, &err))
        return 1;
    printf("aggregate: %d assessments, %d recorded for the heat map, %d disagreements, report %zu bytes\n",
           isomm_aggregate_count(ag), isomm_aggregate_recorded_count(ag), isomm_aggregate_disagreement_count(ag), len);
    isomm_free(json);
    isomm_aggregate_free(ag);
    return 0;
}
