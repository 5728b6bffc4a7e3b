/* SPDX-License-Identifier: MIT */
/* Evaluations per second of a full 54-role assessment on one core.
 *
 *   build/tests/bench/bench_evaluate [iterations]
 *
 * Prints the rate; the target in issue "libisomm core" is at least 1,000,000 per second. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <isomm/isomm.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    long iterations = argc > 1 ? atol(argv[1]) : 2000000;
    isomm_assessment *a;
    isomm_result *r;
    double start, elapsed, overall, checksum = 0.0;
    long i;
    int role;

    if (iterations <= 0 || isomm_assessment_new(&a, NULL, NULL))
        return 2;
    for (role = 0; role < ISOMM_ROLE_COUNT; role++)
        isomm_assessment_set_index(a, role, role % 3 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE, role % 6, NULL, NULL);
    isomm_assessment_set_pattern(a, 1, ISOMM_PATTERN_HYBRID, NULL);
    isomm_assessment_set_pattern(a, 0, ISOMM_PATTERN_MINIMUM_OUTSOURCE, NULL);

    start = now();
    for (i = 0; i < iterations; i++) {
        if (isomm_evaluate(&r, a, NULL, NULL))
            return 1;
        isomm_result_overall(r, &overall);
        checksum += overall + isomm_result_list_count(r, ISOMM_LIST_STRENGTHEN_INSOURCE);
        isomm_result_free(r);
    }
    elapsed = now() - start;
    printf("evaluate: %ld evaluations of a 54-role assessment in %.3f s = %.0f per second (%.0f ns each; checksum %.1f)\n",
           iterations, elapsed, iterations / elapsed, elapsed / iterations * 1e9, checksum);
    isomm_assessment_free(a);
    return 0;
}
