/* SPDX-License-Identifier: MIT */
/* Fuzz target: the population file reader. A file that loads must write back to the same bytes
 * it writes for the loaded population, load again to an equal population, and benchmark an
 * assessment with figures inside their ranges; one that does not load leaves nothing behind. */
#include <math.h>
#include <string.h>

#include "fuzz.h"

static void check_value(const isomm_benchmark_value *v)
{
    int i;
    FUZZ_REQUIRE(v != NULL);
    if (v->has_percentile)
        FUZZ_REQUIRE(v->has_maturity && v->percentile >= 0.0 && v->percentile <= 100.0);
    if (v->has_quartiles) {
        for (i = 0; i < 3; i++)
            FUZZ_REQUIRE(v->quartiles[i] >= 1.0 && v->quartiles[i] <= 5.0);
        FUZZ_REQUIRE(v->quartiles[0] <= v->quartiles[1] && v->quartiles[1] <= v->quartiles[2]);
    }
}

static void benchmark_on(const isomm_population *p)
{
    static const isomm_format formats[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                            ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR };
    isomm_benchmark_options bo = ISOMM_BENCHMARK_OPTIONS_INIT;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    isomm_assessment *a = NULL;
    isomm_benchmark *b = NULL;
    size_t f;
    int i;

    FUZZ_REQUIRE(isomm_assessment_new(&a, NULL, NULL) == ISOMM_OK);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        if (i % 7)
            FUZZ_REQUIRE(isomm_assessment_set_index(a, i, i % 2 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE, i % 6, NULL,
                                                    NULL) == ISOMM_OK);
    bo.min_size = 1;
    if (isomm_population_count(p) == 0) {
        FUZZ_REQUIRE(isomm_population_benchmark(&b, p, a, &bo, NULL) == ISOMM_EEMPTY && b == NULL);
        isomm_assessment_free(a);
        return;
    }
    FUZZ_REQUIRE(isomm_population_benchmark(&b, p, a, &bo, NULL) == ISOMM_OK);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
        check_value(isomm_benchmark_function(b, i));
    check_value(isomm_benchmark_overall(b));
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_standing *r = isomm_benchmark_role(b, i);
        if (r->has_shares)
            FUZZ_REQUIRE(fabs(r->below + r->same + r->above - 1.0) < 1e-9 && r->standing != ISOMM_STANDING_NONE);
    }
    for (f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        const isomm_benchmark *one = b;
        char *out = NULL;
        ro.format = formats[f];
        FUZZ_REQUIRE(isomm_benchmark_render(&out, NULL, &one, 1, &ro, NULL) == ISOMM_OK && out != NULL);
        isomm_free(out);
    }
    isomm_benchmark_free(b);
    isomm_assessment_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    isomm_population *p = NULL, *again = NULL;
    char *text = NULL, *text2 = NULL;
    size_t len = 0, len2 = 0;
    isomm_error err;
    int rc = isomm_population_load_buffer(&p, (const char *)data, size, NULL, &err);

    if (rc != ISOMM_OK) {
        FUZZ_REQUIRE(rc < 0 && err.code == rc && p == NULL && err.line >= 0 && err.column >= 0);
        return 0;
    }
    FUZZ_REQUIRE(isomm_population_to_json(&text, &len, p, NULL) == ISOMM_OK && strlen(text) == len);
    if (isomm_population_load_buffer(&again, text, len, NULL, &err) != ISOMM_OK)
        fuzz_require(0, err.message, __FILE__, __LINE__);
    FUZZ_REQUIRE(isomm_population_equal(p, again));
    FUZZ_REQUIRE(isomm_population_to_json(&text2, &len2, again, NULL) == ISOMM_OK);
    FUZZ_REQUIRE(len == len2 && memcmp(text, text2, len) == 0);
    benchmark_on(p);
    isomm_population_free(again);
    isomm_population_free(p);
    isomm_free(text);
    isomm_free(text2);
    return 0;
}
