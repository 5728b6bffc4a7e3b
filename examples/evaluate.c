/* SPDX-License-Identifier: MIT */
/* Build an assessment with the C API, evaluate it, and print the result.
 *
 *   cc evaluate.c $(pkg-config --cflags --libs isomm) -o evaluate && ./evaluate [target-pattern]
 */
#include <stdio.h>
#include <string.h>

#include <isomm/isomm.h>

struct answer {
    const char *role;
    isomm_sourcing sourcing;
    int level;
};

/* A small SOC that runs its own policy and monitoring and buys forensics. */
static const struct answer answers[] = {
    { "A-1", ISOMM_INSOURCE, 4 },  { "A-2", ISOMM_INSOURCE, 3 },  { "A-3", ISOMM_INSOURCE, 3 },
    { "A-4", ISOMM_INSOURCE, 2 },  { "A-6", ISOMM_INSOURCE, 3 },  { "B-1", ISOMM_OUTSOURCE, 5 },
    { "B-2", ISOMM_OUTSOURCE, 4 }, { "B-3", ISOMM_INSOURCE, 2 },  { "B-4", ISOMM_OUTSOURCE, 4 },
    { "C-1", ISOMM_OUTSOURCE, 3 }, { "C-2", ISOMM_OUTSOURCE, 3 }, { "C-3", ISOMM_OUTSOURCE, 0 },
    { "D-1", ISOMM_INSOURCE, 4 },  { "D-2", ISOMM_INSOURCE, 4 },  { "D-3", ISOMM_INSOURCE, 2 },
    { "D-6", ISOMM_INSOURCE, 3 },  { "D-8", ISOMM_INSOURCE, 2 },  { "E-2", ISOMM_INSOURCE, 1 },
    { "E-4", ISOMM_OUTSOURCE, 3 }, { "F-2", ISOMM_OUTSOURCE, 2 }, { "G-1", ISOMM_OUTSOURCE, 4 },
    { "G-6", ISOMM_OUTSOURCE, 3 }, { "G-10", ISOMM_INSOURCE, 2 }, { "H-1", ISOMM_INSOURCE, 2 },
    { "I-1", ISOMM_INSOURCE, 3 },  { "I-6", ISOMM_INSOURCE, 1 },
};

static int fail(const char *what, const isomm_error *err)
{
    fprintf(stderr, "%s: %s (%s)\n", what, err->message, isomm_strerror(err->code));
    return 1;
}

int main(int argc, char **argv)
{
    const isomm_model *model = isomm_model_default();
    isomm_eval_options opts = ISOMM_EVAL_OPTIONS_INIT;
    isomm_assessment *a = NULL;
    isomm_result *r = NULL;
    isomm_error err;
    double overall;
    size_t i;
    int f, l, status = 1;

    if (argc > 1 && isomm_pattern_parse(&opts.target, argv[1], strlen(argv[1]), &err))
        return fail("target", &err);

    if (isomm_assessment_new(&a, model, &err))
        return fail("new assessment", &err);
    isomm_assessment_set_meta(a, ISOMM_META_ORGANIZATION, "Example SOC", NULL);
    isomm_assessment_set_pattern(a, 1, ISOMM_PATTERN_MINIMUM_INSOURCE, NULL);
    isomm_assessment_set_pattern(a, 0, ISOMM_PATTERN_HYBRID, NULL);
    for (i = 0; i < sizeof answers / sizeof answers[0]; i++) {
        if (isomm_assessment_set(a, answers[i].role, answers[i].sourcing, answers[i].level, NULL, &err)) {
            fail(answers[i].role, &err);
            goto out;
        }
    }
    if (isomm_evaluate(&r, a, &opts, &err)) {
        fail("evaluate", &err);
        goto out;
    }

    printf("libisomm %s - %s, target %s\n\n", isomm_version_string(),
           isomm_assessment_meta(a, ISOMM_META_ORGANIZATION), isomm_pattern_id(isomm_result_list_pattern(r)));
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *fr = isomm_result_function(r, f);
        const isomm_function_info *fi = isomm_model_function(model, f);
        if (fr->has_maturity)
            printf("  %s  %-58s %.1f / 5\n", fi->code, fi->name_en, fr->maturity);
        else
            printf("  %s  %-58s   - / 5\n", fi->code, fi->name_en);
    }
    if (isomm_result_overall(r, &overall) == 1)
        printf("\n  Overall maturity %.2f / 5\n", overall);
    for (l = 0; l < ISOMM_LIST_COUNT; l++) {
        int n = isomm_result_list_count(r, (isomm_list)l), j;
        printf("\n  %s:", isomm_list_title((isomm_list)l, ISOMM_LANG_EN));
        for (j = 0; j < n; j++) {
            const isomm_role_result *rr = isomm_result_role(r, isomm_result_list_role(r, (isomm_list)l, j));
            printf(" %s (level %d)", isomm_model_role(model, rr->role)->code, rr->level);
        }
        if (n == 0)
            printf(" none");
    }
    printf("\n\n  Unanswered roles: %d (counted as level 1)\n", isomm_result_unanswered_count(r));
    status = 0;
out:
    isomm_result_free(r);
    isomm_assessment_free(a);
    return status;
}
