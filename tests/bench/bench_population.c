/* SPDX-License-Identifier: MIT */
/* Populations: build one of N assessments, then benchmark N assessments against it.
 *
 *   build/tests/bench/bench_population [count]
 *
 * Generates `count` assessments (default 100,000; each role unanswered or at a level 0-5 on
 * either sourcing, at random), adds them to one population, writes and reads back its file, and
 * benchmarks every assessment against the population. The anchor is isomm_evaluate() on the same
 * assessments, measured in the same run: a benchmark evaluates its assessment once and then walks
 * the population's fixed-size counters, so the ratio benchmark / evaluation says what the
 * counters cost on top. The target of issue 16 is at least 200,000 benchmarks per second on one
 * core; times are the process's CPU time, so that other work on the machine does not count. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <isomm/isomm.h>

#define TARGET_PER_SECOND 200000.0

/* CPU time of this process: the machine may be shared, and the target is per core. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* xorshift32: a fixed sequence, so every run measures the same assessments. */
static uint32_t next(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static isomm_assessment *make(uint32_t *state)
{
    isomm_assessment *a = NULL;
    int role;
    if (isomm_assessment_new(&a, NULL, NULL))
        return NULL;
    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        uint32_t v = next(state);
        int level = (int)(v % 7) - 1;
        if (level >= 0 && isomm_assessment_set_index(a, role, (v >> 8) & 1 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE,
                                                     level, NULL, NULL)) {
            isomm_assessment_free(a);
            return NULL;
        }
    }
    return a;
}

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 100000, i;
    uint32_t state = 2463534242u;
    isomm_assessment **list;
    isomm_population *pop, *back;
    isomm_error err;
    double t0, add_s, eval_s, bench_s, save_s, load_s, checksum = 0.0;
    char *json;
    size_t len;

    if (count < 1000 || !(list = calloc((size_t)count, sizeof *list)))
        return 2;
    for (i = 0; i < count; i++)
        if (!(list[i] = make(&state)))
            return 1;
    if (isomm_population_new(&pop, NULL, &err))
        return 1;

    t0 = now();
    for (i = 0; i < count; i++)
        if (isomm_population_add(pop, list[i], &err)) {
            fprintf(stderr, "add %ld: %s\n", i, err.message);
            return 1;
        }
    add_s = now() - t0;

    t0 = now();
    if (isomm_population_to_json(&json, &len, pop, &err))
        return 1;
    save_s = now() - t0;
    t0 = now();
    if (isomm_population_load_buffer(&back, json, len, NULL, &err)) {
        fprintf(stderr, "load: %s\n", err.message);
        return 1;
    }
    load_s = now() - t0;
    if (!isomm_population_equal(pop, back)) {
        fprintf(stderr, "the population read back differs\n");
        return 1;
    }

    /* anchor: evaluation alone */
    t0 = now();
    for (i = 0; i < count; i++) {
        isomm_result *r;
        double overall;
        if (isomm_evaluate(&r, list[i], NULL, &err))
            return 1;
        isomm_result_overall(r, &overall);
        checksum += overall;
        isomm_result_free(r);
    }
    eval_s = now() - t0;

    t0 = now();
    for (i = 0; i < count; i++) {
        isomm_benchmark *b;
        if (isomm_population_benchmark(&b, pop, list[i], NULL, &err)) {
            fprintf(stderr, "benchmark %ld: %s\n", i, err.message);
            return 1;
        }
        checksum += isomm_benchmark_overall(b)->percentile;
        isomm_benchmark_free(b);
    }
    bench_s = now() - t0;

    printf("population: %ld assessments added in %.3f s (%.0f per second)\n", count, add_s, (double)count / add_s);
    printf("population: file of %zu bytes written in %.2f ms, read back and checked in %.2f ms\n", len,
           save_s * 1e3, load_s * 1e3);
    printf("evaluate (anchor): %ld in %.3f s (%.0f per second)\n", count, eval_s, (double)count / eval_s);
    printf("benchmark: %ld against a population of %ld in %.3f s (%.0f per second, %.2f us each)\n", count, count,
           bench_s, (double)count / bench_s, bench_s / (double)count * 1e6);
    printf("ratio benchmark / evaluate: %.2f\n", bench_s / eval_s);
    printf("target >= %.0f benchmarks per second: %s (%.2fx the target)\n", TARGET_PER_SECOND,
           (double)count / bench_s >= TARGET_PER_SECOND ? "met" : "NOT met",
           (double)count / bench_s / TARGET_PER_SECOND);
    printf("(checksum %.3f)\n", checksum);

    isomm_free(json);
    isomm_population_free(back);
    isomm_population_free(pop);
    for (i = 0; i < count; i++)
        isomm_assessment_free(list[i]);
    free(list);
    return 0;
}
