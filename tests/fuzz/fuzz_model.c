/* SPDX-License-Identifier: MIT */
/* Fuzz target: the model CSV reader. A model that loads must write back to a model CSV that
 * loads to the same catalogue, and must evaluate an assessment built on it. */
#include <string.h>

#include "fuzz.h"

static void same_roles(const isomm_model *a, const isomm_model *b)
{
    int i;

    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_info *x = isomm_model_role(a, i), *y = isomm_model_role(b, i);
        FUZZ_REQUIRE(x != NULL && y != NULL && x->index == i && y->index == i);
        FUZZ_REQUIRE(strcmp(x->code, y->code) == 0 && x->function == y->function);
        FUZZ_REQUIRE(x->domain == y->domain && x->domain_from_seed == y->domain_from_seed);
        FUZZ_REQUIRE(x->domain >= ISOMM_DOMAIN_I && x->domain <= ISOMM_DOMAIN_IV);
        FUZZ_REQUIRE(strcmp(x->name_ja, y->name_ja) == 0 && strcmp(x->name_en, y->name_en) == 0);
        FUZZ_REQUIRE(strcmp(x->summary_ja, y->summary_ja) == 0 && strcmp(x->summary_en, y->summary_en) == 0);
    }
}

/* Answer every role of an assessment on the model (levels 0-5, both sourcings) and evaluate it
 * against each pattern. */
static void evaluate_on(const isomm_model *m)
{
    isomm_eval_options opts = ISOMM_EVAL_OPTIONS_INIT;
    isomm_assessment *a = NULL;
    int i;

    FUZZ_REQUIRE(isomm_assessment_new(&a, m, NULL) == ISOMM_OK && isomm_assessment_model(a) == m);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        FUZZ_REQUIRE(isomm_assessment_set_index(a, i, i % 3 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE, i % 6, NULL, NULL)
                     == ISOMM_OK);
    isomm_assessment_set_pattern(a, 1, ISOMM_PATTERN_HYBRID, NULL);
    for (opts.target = ISOMM_PATTERN_FULL_OUTSOURCE; opts.target <= ISOMM_PATTERN_FULL_INSOURCE; opts.target++)
        FUZZ_REQUIRE(fuzz_evaluate_and_check(a, &opts, opts.target == ISOMM_PATTERN_HYBRID) == ISOMM_OK);
    isomm_assessment_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    isomm_model *m = NULL, *again = NULL;
    char *text = NULL;
    size_t len = 0;
    isomm_error err;
    int rc = isomm_model_load_csv_buffer(&m, (const char *)data, size, "fuzz", &err);

    if (rc != ISOMM_OK) {
        FUZZ_REQUIRE(rc < 0 && err.code == rc && m == NULL && err.line >= 0 && err.column >= 0);
        return 0;
    }
    FUZZ_REQUIRE(strcmp(isomm_model_name(m), "fuzz") == 0);
    FUZZ_REQUIRE(isomm_model_write_csv_buffer(&text, &len, m, &err) == ISOMM_OK && strlen(text) == len);
    if (isomm_model_load_csv_buffer(&again, text, len, NULL, &err) != ISOMM_OK)
        fuzz_require(0, err.message, __FILE__, __LINE__);
    same_roles(m, again);
    evaluate_on(m);
    isomm_model_free(again);
    isomm_model_free(m);
    isomm_free(text);
    return 0;
}
