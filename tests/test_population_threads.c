/* SPDX-License-Identifier: MIT */
/* Thread safety of populations: several threads benchmark their own assessments against one
 * shared population (read by all, written by none), render the benchmarks, and each builds a
 * population of its own that the main thread merges afterwards. Every run must give what a single
 * thread gave, and the merged population must equal the one built alone. A plain program (like
 * test_threads) so that it runs under ThreadSanitizer. Exit status 0 when everything matched. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isomm/isomm.h>

#define THREADS 4
#define ROUNDS 200
#define PEERS 40

struct job {
    pthread_barrier_t *start;
    const isomm_population *shared;
    isomm_assessment *a;
    isomm_population *own; /* the thread adds its assessment to it every round */
    char *expected;
    int failures, mismatches;
};

static isomm_assessment *build(unsigned int seed)
{
    isomm_assessment *a = NULL;
    char id[32];
    int i;
    if (isomm_assessment_new(&a, NULL, NULL) != ISOMM_OK)
        return NULL;
    snprintf(id, sizeof id, "org-%u", seed);
    isomm_assessment_set_meta(a, ISOMM_META_ID, id, NULL);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        seed = seed * 1103515245u + 12345u;
        if ((seed >> 16) % 9 != 0)
            isomm_assessment_set_index(a, i, (seed >> 20) % 2 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE,
                                       (int)((seed >> 16) % 6), NULL, NULL);
    }
    return a;
}

/* Benchmark the job's assessment and render it as JSON. */
static char *run_once(const struct job *job)
{
    const isomm_benchmark *one;
    isomm_benchmark *b = NULL;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    char *out = NULL;
    ro.format = ISOMM_FORMAT_JSON;
    if (isomm_population_benchmark(&b, job->shared, job->a, NULL, NULL) != ISOMM_OK)
        return NULL;
    one = b;
    isomm_benchmark_render(&out, NULL, &one, 1, &ro, NULL);
    isomm_benchmark_free(b);
    return out;
}

static void *worker(void *arg)
{
    struct job *job = arg;
    int round;
    pthread_barrier_wait(job->start);
    for (round = 0; round < ROUNDS; round++) {
        char *got = run_once(job);
        if (!got || isomm_population_add(job->own, job->a, NULL) != ISOMM_OK)
            job->failures++;
        else if (strcmp(got, job->expected) != 0)
            job->mismatches++;
        isomm_free(got);
    }
    return NULL;
}

int main(void)
{
    struct job jobs[THREADS];
    pthread_t tid[THREADS];
    pthread_barrier_t start;
    isomm_population *shared = NULL, *merged = NULL, *alone = NULL;
    int t, i, status = 0;

    memset(jobs, 0, sizeof jobs);
    if (isomm_population_new(&shared, NULL, NULL) || isomm_population_new(&merged, NULL, NULL)
        || isomm_population_new(&alone, NULL, NULL) || pthread_barrier_init(&start, NULL, THREADS))
        return 1;
    for (i = 0; i < PEERS; i++) {
        isomm_assessment *a = build(1000u + (unsigned int)i);
        if (!a || isomm_population_add(shared, a, NULL) != ISOMM_OK)
            return 1;
        isomm_assessment_free(a);
    }
    for (t = 0; t < THREADS; t++) {
        jobs[t].start = &start;
        jobs[t].shared = shared;
        jobs[t].a = build(7u * (unsigned int)t + 1u);
        if (!jobs[t].a || isomm_population_new(&jobs[t].own, NULL, NULL) || !(jobs[t].expected = run_once(&jobs[t])))
            return 1;
        for (i = 0; i < ROUNDS; i++)
            if (isomm_population_add(alone, jobs[t].a, NULL) != ISOMM_OK)
                return 1;
    }
    for (t = 0; t < THREADS; t++)
        if (pthread_create(&tid[t], NULL, worker, &jobs[t]) != 0)
            return 1;
    for (t = 0; t < THREADS; t++)
        pthread_join(tid[t], NULL);
    pthread_barrier_destroy(&start);
    for (t = 0; t < THREADS; t++) {
        if (jobs[t].failures || jobs[t].mismatches) {
            fprintf(stderr, "job %d: %d runs failed, %d differ from the single-threaded run\n", t, jobs[t].failures,
                    jobs[t].mismatches);
            status = 1;
        }
        if (isomm_population_merge(merged, jobs[t].own, NULL) != ISOMM_OK)
            status = 1;
        isomm_population_free(jobs[t].own);
        isomm_assessment_free(jobs[t].a);
        isomm_free(jobs[t].expected);
    }
    if (!isomm_population_equal(merged, alone)) {
        fprintf(stderr, "the populations built by the threads, merged, differ from the one built alone\n");
        status = 1;
    }
    printf("%d threads x %d benchmarks against one population, %d populations merged: %s\n", THREADS, ROUNDS,
           THREADS, status ? "FAILED" : "all match");
    isomm_population_free(shared);
    isomm_population_free(merged);
    isomm_population_free(alone);
    return status;
}
