/* SPDX-License-Identifier: MIT */
/* Thread safety: several threads read, evaluate, render and write back different assessments
 * at the same time, each many times over, and every run must give what a single thread gave.
 * Run under ThreadSanitizer (ISOMM_TSAN) by .ci/hardening, where any data race fails the test.
 *
 * A plain program rather than a Criterion suite: Criterion 2.4 cannot start under
 * ThreadSanitizer (its inheritable arena fails to map, Snaipe/Criterion issue 274).
 * Exit status 0 when every run matched, 1 otherwise. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isomm/isomm.h>

#define THREADS 6
#define ROUNDS 60

/* What one run produces: the CSV written back, then the reports in these formats. */
static const isomm_format formats[] = { ISOMM_FORMAT_JSON, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_HTML };
#define FORMATS (sizeof formats / sizeof formats[0])
#define OUTPUTS (FORMATS + 1)

/* One worker: the CSV text it reads, what it must produce and what went wrong. */
struct job {
    pthread_barrier_t *start; /* shared: every worker waits for all the others */
    unsigned int seed;
    char *csv;
    size_t csv_len;
    char *expected[OUTPUTS];
    int mismatches;
    int failures;
};

/* A small deterministic generator, so that each job has its own assessment. */
static unsigned int next_random(unsigned int *state)
{
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7fff;
}

/* Build the assessment of a seed: roles answered or not, levels 0-5, both sourcings, notes. */
static isomm_assessment *build(unsigned int seed)
{
    unsigned int state = seed;
    isomm_assessment *a = NULL;
    char note[32];
    int i;

    if (isomm_assessment_new(&a, NULL, NULL) != ISOMM_OK)
        return NULL;
    isomm_assessment_set_pattern(a, 1, (isomm_pattern)(seed % 5), NULL);
    isomm_assessment_set_pattern(a, 0, (isomm_pattern)((seed + 2) % 6 - 1), NULL);
    snprintf(note, sizeof note, "job %u", seed);
    isomm_assessment_set_meta(a, ISOMM_META_ID, note, NULL);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        unsigned int v = next_random(&state);
        if (v % 7 == 0)
            continue;
        snprintf(note, sizeof note, "note \"%u\", %d", seed, i);
        if (isomm_assessment_set_index(a, i, v % 2 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE, (int)(v / 2 % 6),
                                       v % 3 ? NULL : note, NULL) != ISOMM_OK) {
            isomm_assessment_free(a);
            return NULL;
        }
    }
    return a;
}

static void free_outputs(char **out)
{
    size_t i;
    for (i = 0; i < OUTPUTS; i++) {
        isomm_free(out[i]);
        out[i] = NULL;
    }
}

/* Read the job's CSV, write it back, evaluate and render: out[0] the CSV written, out[1..] the
 * reports. 0 on success. */
static int run_once(const struct job *job, char **out)
{
    isomm_eval_options eval = ISOMM_EVAL_OPTIONS_INIT;
    isomm_report_options report = ISOMM_REPORT_OPTIONS_INIT;
    isomm_assessment **list = NULL;
    isomm_result *r = NULL;
    size_t count = 0, len, i;
    int rc;

    eval.strengths = (int)(job->seed % 4) + 1;
    eval.list_size = (int)(job->seed % 5);
    report.lang = job->seed % 2 ? ISOMM_LANG_EN : ISOMM_LANG_JA;
    rc = isomm_csv_read_buffer(&list, &count, job->csv, job->csv_len, NULL, NULL);
    if (!rc && count != 1)
        rc = -1;
    if (!rc)
        rc = isomm_csv_write_buffer(&out[0], &len, list, count, NULL, NULL);
    if (!rc)
        rc = isomm_evaluate(&r, list[0], &eval, NULL);
    for (i = 0; i < FORMATS && !rc; i++) {
        report.format = formats[i];
        rc = isomm_report_render(&out[i + 1], &len, r, &report, NULL);
    }
    isomm_result_free(r);
    isomm_assessment_array_free(list, count);
    return rc;
}

static void *worker(void *arg)
{
    struct job *job = arg;
    char *got[OUTPUTS] = { NULL };
    size_t i;
    int round;

    pthread_barrier_wait(job->start);
    for (round = 0; round < ROUNDS; round++) {
        if (run_once(job, got) != 0) {
            job->failures++;
        } else {
            for (i = 0; i < OUTPUTS; i++)
                if (strcmp(got[i], job->expected[i]) != 0) {
                    job->mismatches++;
                    break;
                }
        }
        free_outputs(got);
    }
    return NULL;
}

/* The job's CSV text and, computed on this thread alone, what every run must produce. */
static int prepare(struct job *job)
{
    isomm_assessment *a = build(job->seed);
    int rc = a ? isomm_csv_write_buffer(&job->csv, &job->csv_len, &a, 1, NULL, NULL) : -1;

    isomm_assessment_free(a);
    return rc ? rc : run_once(job, job->expected);
}

int main(void)
{
    struct job jobs[THREADS];
    pthread_t tid[THREADS];
    pthread_barrier_t start;
    int t, status = 0;

    memset(jobs, 0, sizeof jobs);
    if (pthread_barrier_init(&start, NULL, THREADS) != 0)
        return 1;
    for (t = 0; t < THREADS && !status; t++) {
        jobs[t].start = &start;
        jobs[t].seed = 17u * (unsigned int)t + 3u;
        if (prepare(&jobs[t]) != 0) {
            fprintf(stderr, "job %d: the single-threaded run failed\n", t);
            status = 1;
        } else if (t > 0 && strcmp(jobs[t].expected[1], jobs[0].expected[1]) == 0) {
            fprintf(stderr, "jobs %d and 0 have the same result: the test would not see a mix-up\n", t);
            status = 1;
        }
    }
    for (t = 0; t < THREADS && !status; t++) {
        if (pthread_create(&tid[t], NULL, worker, &jobs[t]) != 0) {
            fprintf(stderr, "cannot start thread %d\n", t);
            return 1;
        }
    }
    for (t = 0; t < THREADS && !status; t++)
        pthread_join(tid[t], NULL);
    pthread_barrier_destroy(&start);
    for (t = 0; t < THREADS; t++) {
        if (jobs[t].failures || jobs[t].mismatches) {
            fprintf(stderr, "job %d: %d of %d runs failed, %d differ from the single-threaded run\n", t,
                    jobs[t].failures, ROUNDS, jobs[t].mismatches);
            status = 1;
        }
        isomm_free(jobs[t].csv);
        free_outputs(jobs[t].expected);
    }
    printf("%d threads x %d rounds of read, write, evaluate, render: %s\n", THREADS, ROUNDS,
           status ? "FAILED" : "all match");
    return status;
}
