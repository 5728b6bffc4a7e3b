/* SPDX-License-Identifier: MIT */
/* Assessments: answers, notes, metadata, patterns, and every bad argument with its exact code. */
#include <criterion/criterion.h>
#include <string.h>

#include <isomm/isomm.h>

static isomm_assessment *a;

static void setup(void)
{
    cr_assert_eq(isomm_assessment_new(&a, NULL, NULL), ISOMM_OK);
}

static void teardown(void)
{
    isomm_assessment_free(a);
}

TestSuite(assessment, .init = setup, .fini = teardown);

Test(assessment, starts_unanswered_with_default_id)
{
    isomm_answer ans;
    int i;
    cr_assert_eq(isomm_assessment_model(a), isomm_model_default());
    cr_assert_eq(isomm_assessment_answered(a), 0);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        cr_assert_eq(isomm_assessment_get_index(a, i, &ans, NULL), ISOMM_OK);
        cr_assert_eq(ans.level, ISOMM_UNANSWERED);
        cr_assert_eq(ans.sourcing, ISOMM_SOURCING_NONE);
        cr_assert_null(ans.note);
    }
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_ID), "default");
    cr_assert_null(isomm_assessment_meta(a, ISOMM_META_ORGANIZATION));
    cr_assert_eq(isomm_assessment_pattern(a, 1), ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_assessment_pattern(a, 0), ISOMM_PATTERN_NONE);
}

Test(assessment, set_get_replace_clear)
{
    isomm_answer ans;
    cr_assert_eq(isomm_assessment_set(a, "E-2", ISOMM_INSOURCE, 1, "asset list in Excel", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_get(a, "E-2", &ans, NULL), ISOMM_OK);
    cr_assert_eq(ans.sourcing, ISOMM_INSOURCE);
    cr_assert_eq(ans.level, 1);
    cr_assert_str_eq(ans.note, "asset list in Excel");
    cr_assert_eq(isomm_assessment_set(a, "E-2", ISOMM_OUTSOURCE, 0, NULL, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_get(a, "E-2", &ans, NULL), ISOMM_OK);
    cr_assert_eq(ans.sourcing, ISOMM_OUTSOURCE);
    cr_assert_eq(ans.level, 0);
    cr_assert_null(ans.note);
    cr_assert_eq(isomm_assessment_answered(a), 1);
    cr_assert_eq(isomm_assessment_set_note(a, "E-2", "方針は年1回見直し", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_get(a, "E-2", &ans, NULL), ISOMM_OK);
    cr_assert_str_eq(ans.note, "方針は年1回見直し");
    cr_assert_eq(ans.level, 0);
    cr_assert_eq(isomm_assessment_clear(a, "E-2", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_get(a, "E-2", &ans, NULL), ISOMM_OK);
    cr_assert_eq(ans.level, ISOMM_UNANSWERED);
    cr_assert_eq(ans.sourcing, ISOMM_SOURCING_NONE);
    cr_assert_null(ans.note);
    cr_assert_eq(isomm_assessment_answered(a), 0);
}

Test(assessment, unanswered_role_may_carry_a_note)
{
    isomm_answer ans;
    cr_assert_eq(isomm_assessment_set_note(a, "D-5", "ask the vendor", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_get(a, "D-5", &ans, NULL), ISOMM_OK);
    cr_assert_eq(ans.level, ISOMM_UNANSWERED);
    cr_assert_str_eq(ans.note, "ask the vendor");
    cr_assert_eq(isomm_assessment_set_note(a, "D-5", "", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_get(a, "D-5", &ans, NULL), ISOMM_OK);
    cr_assert_null(ans.note);
}

Test(assessment, bad_arguments_have_exact_codes_and_keep_the_old_answer)
{
    isomm_error err;
    isomm_answer ans;
    cr_assert_eq(isomm_assessment_set(a, "C-3", ISOMM_INSOURCE, 2, "keep", NULL), ISOMM_OK);

    cr_assert_eq(isomm_assessment_set(a, "C-6", ISOMM_INSOURCE, 2, NULL, &err), ISOMM_EROLE);
    cr_assert_eq(err.code, ISOMM_EROLE);
    cr_assert(strstr(err.message, "C-6") != NULL, "%s", err.message);

    cr_assert_eq(isomm_assessment_set(a, "C-3", ISOMM_INSOURCE, 6, NULL, &err), ISOMM_ELEVEL);
    cr_assert_eq(err.code, ISOMM_ELEVEL);
    cr_assert(strstr(err.message, "C-3") && strstr(err.message, "0-5"), "%s", err.message);
    cr_assert_eq(isomm_assessment_set(a, "C-3", ISOMM_INSOURCE, -1, NULL, &err), ISOMM_ELEVEL);

    cr_assert_eq(isomm_assessment_set(a, "C-3", ISOMM_SOURCING_NONE, 3, NULL, &err), ISOMM_ESOURCING);
    cr_assert_eq(err.code, ISOMM_ESOURCING);
    cr_assert_eq(isomm_assessment_set(a, "C-3", ISOMM_SOURCING_NONE, 0, NULL, &err), ISOMM_ESOURCING);
    cr_assert_eq(isomm_assessment_set(a, "C-3", (isomm_sourcing)7, 3, NULL, &err), ISOMM_ESOURCING);

    cr_assert_eq(isomm_assessment_get(a, "C-3", &ans, NULL), ISOMM_OK);
    cr_assert_eq(ans.level, 2);
    cr_assert_eq(ans.sourcing, ISOMM_INSOURCE);
    cr_assert_str_eq(ans.note, "keep");

    cr_assert_eq(isomm_assessment_set_index(a, 54, ISOMM_INSOURCE, 1, NULL, &err), ISOMM_ERANGE);
    cr_assert_eq(isomm_assessment_get_index(a, -1, &ans, &err), ISOMM_ERANGE);
    cr_assert_eq(isomm_assessment_get(a, "Z-1", &ans, &err), ISOMM_EROLE);
    cr_assert_eq(isomm_assessment_clear(a, "A-10", &err), ISOMM_EROLE);
    cr_assert_eq(isomm_assessment_set_note(a, "A-10", "x", &err), ISOMM_EROLE);
}

Test(assessment, null_handles_are_refused)
{
    isomm_error err;
    isomm_answer ans;
    cr_assert_eq(isomm_assessment_new(NULL, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(err.code, ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_set(NULL, "A-1", ISOMM_INSOURCE, 1, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_set(a, NULL, ISOMM_INSOURCE, 1, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_get(NULL, "A-1", &ans, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_get(a, "A-1", NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_clear(NULL, "A-1", &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_set_meta(NULL, ISOMM_META_ASSESSOR, "x", &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_set_pattern(NULL, 1, ISOMM_PATTERN_HYBRID, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_copy(NULL, a, &err), ISOMM_EINVAL);
    cr_assert_null(isomm_assessment_meta(NULL, ISOMM_META_ID));
    cr_assert_eq(isomm_assessment_answered(NULL), 0);
    isomm_assessment_free(NULL);
}

Test(assessment, metadata_and_dates)
{
    isomm_error err;
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ID, "2026", NULL), ISOMM_OK);
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_ID), "2026");
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ORGANIZATION, "Example Corp", NULL), ISOMM_OK);
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_ORGANIZATION), "Example Corp");
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_DATE, "2024-02-29", NULL), ISOMM_OK);
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_DATE), "2024-02-29");
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_DATE, "2026-02-29", &err), ISOMM_EDATE);
    cr_assert_eq(err.code, ISOMM_EDATE);
    cr_assert(strstr(err.message, "2026-02-29") != NULL, "%s", err.message);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_DATE, "2026-13-01", NULL), ISOMM_EDATE);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_DATE, "2026-1-01", NULL), ISOMM_EDATE);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_DATE, "2026-11-01T00:00", NULL), ISOMM_EDATE);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_DATE, "2026/11/01", NULL), ISOMM_EDATE);
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_DATE), "2024-02-29");
    cr_assert_eq(isomm_assessment_set_meta(a, (isomm_meta)4, "x", &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ID, NULL, NULL), ISOMM_OK);
    cr_assert_str_eq(isomm_assessment_meta(a, ISOMM_META_ID), "default");
    cr_assert_str_eq(isomm_meta_name(ISOMM_META_ORGANIZATION), "organization");
}

Test(assessment, patterns)
{
    isomm_error err;
    cr_assert_eq(isomm_assessment_set_pattern(a, 1, ISOMM_PATTERN_HYBRID, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_pattern(a, 0, ISOMM_PATTERN_FULL_INSOURCE, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_pattern(a, 1), ISOMM_PATTERN_HYBRID);
    cr_assert_eq(isomm_assessment_pattern(a, 0), ISOMM_PATTERN_FULL_INSOURCE);
    cr_assert_eq(isomm_assessment_set_pattern(a, 0, (isomm_pattern)5, &err), ISOMM_EPATTERN);
    cr_assert_eq(err.code, ISOMM_EPATTERN);
    cr_assert_eq(isomm_assessment_set_pattern(a, 0, (isomm_pattern)-2, &err), ISOMM_EPATTERN);
    cr_assert_eq(isomm_assessment_pattern(a, 0), ISOMM_PATTERN_FULL_INSOURCE);
    cr_assert_eq(isomm_assessment_set_pattern(a, 0, ISOMM_PATTERN_NONE, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_pattern(a, 0), ISOMM_PATTERN_NONE);
}

Test(assessment, copy_is_deep_and_equal)
{
    isomm_assessment *b;
    cr_assert_eq(isomm_assessment_set(a, "A-1", ISOMM_INSOURCE, 2, "note, with \"quotes\"", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ASSESSOR, "CSIRT lead", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_pattern(a, 1, ISOMM_PATTERN_HYBRID, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_copy(&b, a, NULL), ISOMM_OK);
    cr_assert(isomm_assessment_equal(a, b));
    cr_assert_eq(isomm_assessment_set_note(b, "A-1", "changed", NULL), ISOMM_OK);
    cr_assert_not(isomm_assessment_equal(a, b));
    cr_assert_eq(isomm_assessment_set_note(b, "A-1", "note, with \"quotes\"", NULL), ISOMM_OK);
    cr_assert(isomm_assessment_equal(a, b));
    cr_assert_eq(isomm_assessment_set(b, "A-2", ISOMM_OUTSOURCE, 0, NULL, NULL), ISOMM_OK);
    cr_assert_not(isomm_assessment_equal(a, b));
    cr_assert_not(isomm_assessment_equal(a, NULL));
    isomm_assessment_free(b);
}
