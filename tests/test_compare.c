/* SPDX-License-Identifier: MIT */
/* Comparison and aggregation (ISOMM-MODEL.md section 8) with hand-computed expectations.
 *
 * Three small assessments, every role not listed unanswered (counting 1 in maturities):
 *
 *   role  X "2025"   Y "2026"   Z "carol"
 *   B-1   in 2       in 4       out 1
 *   B-2   out 3      in 3       in 3
 *   B-3   in 0       in 2       -
 *   B-4   -          out 1      in 3
 *   B-5   in 5       in 3       in 4
 *   C-1   -          out 5      -
 *   H-1   in 1       in 0       in 3
 *   H-2   out 4      out 0      -
 *   H-3   -          out 0      in 0
 *
 * Function maturities: X  B (2+3+1+5)/4 = 2.75, C 1.0, H (1+4+1)/3 = 2.0, others 1.0
 *                      Y  B (4+3+2+1+3)/5 = 2.6, C (5+1+1+1+1)/5 = 1.8, H none, others 1.0
 *                      Z  B (1+3+1+3+4)/5 = 2.4, C 1.0, H (3+1)/2 = 2.0, others 1.0
 */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <isomm/isomm.h>

struct row {
    const char *role;
    isomm_sourcing sourcing;
    int level;
};

#define IN ISOMM_INSOURCE
#define OUT ISOMM_OUTSOURCE

static const struct row rows_x[] = { { "B-1", IN, 2 }, { "B-2", OUT, 3 }, { "B-3", IN, 0 }, { "B-5", IN, 5 },
                                     { "H-1", IN, 1 }, { "H-2", OUT, 4 }, { NULL, 0, 0 } };
static const struct row rows_y[] = { { "B-1", IN, 4 },  { "B-2", IN, 3 },  { "B-3", IN, 2 },
                                     { "B-4", OUT, 1 }, { "B-5", IN, 3 },  { "C-1", OUT, 5 },
                                     { "H-1", IN, 0 },  { "H-2", OUT, 0 }, { "H-3", OUT, 0 },
                                     { NULL, 0, 0 } };
static const struct row rows_z[] = { { "B-1", OUT, 1 }, { "B-2", IN, 3 }, { "B-4", IN, 3 }, { "B-5", IN, 4 },
                                     { "H-1", IN, 3 },  { "H-3", IN, 0 }, { NULL, 0, 0 } };

static isomm_assessment *build_on(const isomm_model *model, const char *id, const char *assessor,
                                  const struct row *rows)
{
    isomm_assessment *a = NULL;
    isomm_error err;
    cr_assert_eq(isomm_assessment_new(&a, model, &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ID, id, &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ASSESSOR, assessor, &err), ISOMM_OK);
    for (; rows->role; rows++)
        cr_assert_eq(isomm_assessment_set(a, rows->role, rows->sourcing, rows->level, NULL, &err), ISOMM_OK, "%s",
                     err.message);
    return a;
}

static isomm_assessment *build(const char *id, const char *assessor, const struct row *rows)
{
    return build_on(NULL, id, assessor, rows);
}

static int role(const char *code)
{
    return isomm_model_find_role(isomm_model_default(), code, NULL);
}

static isomm_comparison *compare_ok(const isomm_assessment *o, const isomm_assessment *n)
{
    isomm_comparison *c = NULL;
    isomm_error err;
    cr_assert_eq(isomm_compare(&c, o, n, &err), ISOMM_OK, "%s", err.message);
    return c;
}

/* X compared with Y; the comparison keeps nothing of the assessments, which are freed. */
static isomm_comparison *compare_xy(void)
{
    isomm_assessment *x = build("2025", "alice", rows_x), *y = build("2026", "bob", rows_y);
    isomm_comparison *c = compare_ok(x, y);
    isomm_assessment_free(x);
    isomm_assessment_free(y);
    return c;
}

/* ---- comparison ----------------------------------------------------------------------- */

static void assert_role_change(const isomm_comparison *c, const char *code, int old_level, int new_level,
                               int has_change, int change, isomm_sourcing old_s, isomm_sourcing new_s, int s_changed)
{
    const isomm_role_change *rc = isomm_comparison_role(c, role(code));
    cr_assert_not_null(rc);
    cr_expect_eq(rc->role, role(code), "%s", code);
    cr_expect_eq(rc->old_level, old_level, "%s old_level", code);
    cr_expect_eq(rc->new_level, new_level, "%s new_level", code);
    cr_expect_eq(rc->has_change, has_change, "%s has_change", code);
    cr_expect_eq(rc->level_change, change, "%s level_change", code);
    cr_expect_eq(rc->old_sourcing, old_s, "%s old_sourcing", code);
    cr_expect_eq(rc->new_sourcing, new_s, "%s new_sourcing", code);
    cr_expect_eq(rc->sourcing_changed, s_changed, "%s sourcing_changed", code);
}

Test(compare, roles_with_level0_and_unanswered)
{
    isomm_comparison *c = compare_xy();
    const int none = ISOMM_SOURCING_NONE;

    assert_role_change(c, "B-1", 2, 4, 1, 2, IN, IN, 0);
    assert_role_change(c, "B-2", 3, 3, 1, 0, OUT, IN, 1);
    assert_role_change(c, "B-3", 0, 2, 0, 0, IN, IN, 0);
    assert_role_change(c, "B-4", ISOMM_UNANSWERED, 1, 0, 0, none, OUT, 0);
    assert_role_change(c, "B-5", 5, 3, 1, -2, IN, IN, 0);
    assert_role_change(c, "H-1", 1, 0, 0, 0, IN, IN, 0);
    assert_role_change(c, "H-2", 4, 0, 0, 0, OUT, OUT, 0);
    assert_role_change(c, "H-3", ISOMM_UNANSWERED, 0, 0, 0, none, OUT, 0);
    assert_role_change(c, "A-1", ISOMM_UNANSWERED, ISOMM_UNANSWERED, 0, 0, none, none, 0);
    cr_expect_str_eq(isomm_comparison_id(c, 1), "2025");
    cr_expect_str_eq(isomm_comparison_id(c, 0), "2026");
    cr_expect_eq(isomm_comparison_model(c), isomm_model_default());
    cr_expect_null(isomm_comparison_role(c, 54));
    cr_expect_null(isomm_comparison_role(c, -1));
    isomm_comparison_free(c);
}

Test(compare, counts_add_up_to_54)
{
    isomm_comparison *c = compare_xy();
    int improved = -1, declined = -1, unchanged = -1, not_compared = -1;

    cr_assert_eq(isomm_comparison_counts(c, &improved, &declined, &unchanged, &not_compared), ISOMM_OK);
    cr_expect_eq(improved, 1);       /* B-1 */
    cr_expect_eq(declined, 1);       /* B-5 */
    cr_expect_eq(unchanged, 52);     /* B-2 at the same level, and 51 roles without a level change */
    cr_expect_eq(not_compared, 51);  /* all but B-1, B-2, B-5 */
    cr_expect_eq(isomm_comparison_counts(c, NULL, NULL, NULL, NULL), ISOMM_OK);
    cr_expect_eq(isomm_comparison_counts(NULL, &improved, NULL, NULL, NULL), ISOMM_EINVAL);
    isomm_comparison_free(c);
}

Test(compare, six_statuses_add_up_to_54)
{
    isomm_comparison *c = compare_xy();
    static const struct { const char *code; isomm_change_status status; } want[] = {
        { "B-1", ISOMM_CHANGE_IMPROVED }, { "B-5", ISOMM_CHANGE_DECLINED }, { "B-2", ISOMM_CHANGE_UNCHANGED },
        { "B-3", ISOMM_CHANGE_ADDED },    /* 0 -> 2 */
        { "B-4", ISOMM_CHANGE_ADDED },    /* unanswered -> 1 */
        { "C-1", ISOMM_CHANGE_ADDED },    /* unanswered -> 5 */
        { "H-1", ISOMM_CHANGE_DROPPED },  /* 1 -> 0 */
        { "H-2", ISOMM_CHANGE_DROPPED },  /* 4 -> 0 */
        { "H-3", ISOMM_CHANGE_UNRATED },  /* unanswered -> 0 */
        { "A-1", ISOMM_CHANGE_UNRATED },  /* unanswered on both sides */
    };
    static const int counts[ISOMM_CHANGE_STATUS_COUNT] = { 1, 1, 1, 3, 2, 46 }; /* added: B-3, B-4, C-1 */
    size_t i;
    int s, total = 0;

    for (i = 0; i < sizeof want / sizeof want[0]; i++)
        cr_expect_eq(isomm_comparison_role(c, role(want[i].code))->status, want[i].status, "%s", want[i].code);
    for (s = 0; s < ISOMM_CHANGE_STATUS_COUNT; s++) {
        cr_expect_eq(isomm_comparison_status_count(c, (isomm_change_status)s), counts[s], "%s",
                     isomm_change_status_id((isomm_change_status)s));
        total += isomm_comparison_status_count(c, (isomm_change_status)s);
    }
    cr_expect_eq(total, ISOMM_ROLE_COUNT);
    cr_expect_eq(isomm_comparison_status_count(c, (isomm_change_status)6), ISOMM_EINVAL);
    cr_expect_eq(isomm_comparison_status_count(c, (isomm_change_status)-1), ISOMM_EINVAL);
    cr_expect_eq(isomm_comparison_status_count(NULL, ISOMM_CHANGE_ADDED), ISOMM_EINVAL);
    cr_expect_str_eq(isomm_change_status_id(ISOMM_CHANGE_UNRATED), "unrated");
    cr_expect_str_eq(isomm_change_status_id(ISOMM_CHANGE_DROPPED), "dropped");
    cr_expect_str_eq(isomm_change_status_name(ISOMM_CHANGE_ADDED, ISOMM_LANG_EN), "Added");
    cr_expect_str_eq(isomm_change_status_name(ISOMM_CHANGE_IMPROVED, ISOMM_LANG_JA), "向上");
    cr_expect_null(isomm_change_status_id((isomm_change_status)6));
    cr_expect_null(isomm_change_status_name(ISOMM_CHANGE_ADDED, (isomm_lang)3));
    isomm_comparison_free(c);
}

Test(compare, overall_and_metadata_of_both_sides)
{
    isomm_assessment *x = build("2025", "alice", rows_x), *y = build("2026", "bob", rows_y);
    isomm_comparison *c;
    const isomm_function_change *o;
    isomm_result *rx, *ry;
    double ox, oy;

    cr_assert_eq(isomm_assessment_set_meta(x, ISOMM_META_ORGANIZATION, "Example Corp", NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(y, ISOMM_META_DATE, "2026-11-01", NULL), ISOMM_OK);
    c = compare_ok(x, y);
    cr_assert_eq(isomm_evaluate(&rx, x, NULL, NULL), ISOMM_OK);
    cr_assert_eq(isomm_evaluate(&ry, y, NULL, NULL), ISOMM_OK);
    cr_assert_eq(isomm_result_overall(rx, &ox), 1);
    cr_assert_eq(isomm_result_overall(ry, &oy), 1);
    o = isomm_comparison_overall(c);
    cr_assert_not_null(o);
    cr_expect_eq(o->function, -1);
    cr_expect(o->has_old && o->has_new && o->has_change);
    cr_expect_eq(o->old_maturity, ox);
    cr_expect_eq(o->new_maturity, oy);
    cr_expect_eq(o->change, oy - ox);
    cr_expect_neq(o->change, 0.0);
    isomm_result_free(rx);
    isomm_result_free(ry);
    /* metadata are copied: freeing the assessments changes nothing */
    isomm_assessment_free(x);
    isomm_assessment_free(y);
    cr_expect_str_eq(isomm_comparison_meta(c, 1, ISOMM_META_ID), "2025");
    cr_expect_str_eq(isomm_comparison_meta(c, 1, ISOMM_META_ASSESSOR), "alice");
    cr_expect_str_eq(isomm_comparison_meta(c, 1, ISOMM_META_ORGANIZATION), "Example Corp");
    cr_expect_null(isomm_comparison_meta(c, 1, ISOMM_META_DATE));
    cr_expect_str_eq(isomm_comparison_meta(c, 0, ISOMM_META_ASSESSOR), "bob");
    cr_expect_str_eq(isomm_comparison_meta(c, 0, ISOMM_META_DATE), "2026-11-01");
    cr_expect_null(isomm_comparison_meta(c, 0, ISOMM_META_ORGANIZATION));
    cr_expect_null(isomm_comparison_meta(c, 0, (isomm_meta)4));
    cr_expect_null(isomm_comparison_meta(NULL, 0, ISOMM_META_ID));
    cr_expect_null(isomm_comparison_overall(NULL));
    isomm_comparison_free(c);
}

Test(compare, functions_and_their_order)
{
    isomm_comparison *c = compare_xy();
    const isomm_function_change *b = isomm_comparison_function(c, 1), *cc = isomm_comparison_function(c, 2),
                                *h = isomm_comparison_function(c, 7), *a = isomm_comparison_function(c, 0);
    /* C +0.8; A, D, E, F, G, I 0.0 in catalogue order; B -0.15; H has no change */
    static const int order[ISOMM_FUNCTION_COUNT] = { 2, 0, 3, 4, 5, 6, 8, 1, 7 };
    int i;

    cr_expect_eq(b->function, 1);
    cr_expect(b->has_old && b->has_new && b->has_change);
    cr_expect_eq(b->old_maturity, 2.75);
    cr_expect_eq(b->new_maturity, 2.6);
    cr_expect_eq(b->change, 2.6 - 2.75);
    cr_expect_eq(cc->old_maturity, 1.0);
    cr_expect_eq(cc->new_maturity, 1.8);
    cr_expect_eq(cc->change, 1.8 - 1.0);
    cr_expect(h->has_old);
    cr_expect_eq(h->old_maturity, 2.0);
    cr_expect_not(h->has_new);
    cr_expect_not(h->has_change);
    cr_expect_eq(h->change, 0.0);
    cr_expect(a->has_change);
    cr_expect_eq(a->change, 0.0);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
        cr_expect_eq(isomm_comparison_function_order(c, i), order[i], "position %d", i);
    cr_expect_eq(isomm_comparison_function_order(c, 9), ISOMM_ERANGE);
    cr_expect_eq(isomm_comparison_function_order(c, -1), ISOMM_ERANGE);
    cr_expect_eq(isomm_comparison_function_order(NULL, 0), ISOMM_ERANGE);
    cr_expect_null(isomm_comparison_function(c, 9));
    isomm_comparison_free(c);
}

Test(compare, with_itself_gives_no_change)
{
    isomm_assessment *x = build("2025", "alice", rows_x);
    isomm_comparison *c = compare_ok(x, x);
    int improved, declined, unchanged, not_compared, i;

    isomm_comparison_counts(c, &improved, &declined, &unchanged, &not_compared);
    cr_expect_eq(improved, 0);
    cr_expect_eq(declined, 0);
    cr_expect_eq(unchanged, 54);
    cr_expect_eq(not_compared, 49); /* only B-1, B-2, B-5, H-1, H-2 are answered with level >= 1 */
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_change *rc = isomm_comparison_role(c, i);
        cr_expect_eq(rc->level_change, 0);
        cr_expect_eq(rc->sourcing_changed, 0);
        cr_expect_eq(rc->old_level, rc->new_level);
    }
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        cr_expect(isomm_comparison_function(c, i)->has_change);
        cr_expect_eq(isomm_comparison_function(c, i)->change, 0.0);
        cr_expect_eq(isomm_comparison_function_order(c, i), i); /* all equal: catalogue order */
    }
    isomm_comparison_free(c);
    isomm_assessment_free(x);
}

Test(compare, outlives_its_assessments)
{
    isomm_assessment *x = build("2025", "alice", rows_x), *y = build("2026", "bob", rows_y);
    isomm_comparison *c = compare_ok(x, y);
    isomm_assessment_free(x);
    isomm_assessment_free(y);
    cr_expect_str_eq(isomm_comparison_id(c, 1), "2025");
    cr_expect_str_eq(isomm_comparison_id(c, 0), "2026");
    cr_expect_eq(isomm_comparison_role(c, role("B-1"))->level_change, 2);
    isomm_comparison_free(c);
}

Test(compare, null_arguments)
{
    isomm_assessment *x = build("2025", "alice", rows_x);
    isomm_comparison *c = (isomm_comparison *)1;
    isomm_error err;
    cr_expect_eq(isomm_compare(NULL, x, x, &err), ISOMM_EINVAL);
    cr_expect_eq(err.code, ISOMM_EINVAL);
    cr_expect_eq(isomm_compare(&c, NULL, x, &err), ISOMM_EINVAL);
    cr_expect_null(c);
    cr_expect_eq(isomm_compare(&c, x, NULL, NULL), ISOMM_EINVAL);
    cr_expect_null(isomm_comparison_id(NULL, 0));
    cr_expect_null(isomm_comparison_model(NULL));
    isomm_comparison_free(NULL);
    isomm_assessment_free(x);
}

/* The built-in catalogue written as a model CSV, with the text `from` replaced by `to`
 * (no change when from is NULL), loaded as a custom model. */
static isomm_model *loaded_model(const char *from, const char *to)
{
    isomm_model *m = NULL;
    isomm_error err;
    char *csv = NULL, *edited, *at;
    size_t len = 0;

    cr_assert_eq(isomm_model_write_csv_buffer(&csv, &len, isomm_model_default(), &err), ISOMM_OK);
    edited = calloc(1, len + (to ? strlen(to) : 0) + 1);
    cr_assert_not_null(edited);
    at = from ? strstr(csv, from) : NULL;
    if (from) {
        cr_assert_not_null(at, "%s not in the model CSV", from);
        memcpy(edited, csv, (size_t)(at - csv));
        strcat(edited, to);
        strcat(edited, at + strlen(from));
    } else {
        memcpy(edited, csv, len);
    }
    cr_assert_eq(isomm_model_load_csv_buffer(&m, edited, strlen(edited), "test model", &err), ISOMM_OK, "%s",
                 err.message);
    isomm_free(csv);
    free(edited);
    return m;
}

Test(compare, different_models_are_an_error)
{
    isomm_model *m = loaded_model("Asset information collection,II,", "Asset information collection,I,");
    isomm_assessment *x = build("2025", "alice", rows_x), *y = build_on(m, "2026", "bob", rows_y);
    isomm_comparison *c = NULL;
    isomm_error err;

    cr_expect_eq(isomm_compare(&c, x, y, &err), ISOMM_EMODEL);
    cr_expect_eq(err.code, ISOMM_EMODEL);
    cr_expect(strstr(err.message, "different models") != NULL, "%s", err.message);
    cr_expect_null(c);
    isomm_assessment_free(y);
    isomm_assessment_free(x);
    isomm_model_free(m);
}

Test(compare, a_copy_of_the_same_catalogue_is_the_same_model)
{
    isomm_model *m = loaded_model(NULL, NULL);
    isomm_assessment *x = build("2025", "alice", rows_x), *y = build_on(m, "2026", "bob", rows_y);
    isomm_comparison *c = compare_ok(x, y);
    cr_expect_eq(isomm_comparison_role(c, role("B-1"))->level_change, 2);
    isomm_comparison_free(c);
    isomm_assessment_free(y);
    isomm_assessment_free(x);
    isomm_model_free(m);
}

/* ---- aggregation ---------------------------------------------------------------------- */

static isomm_aggregate *aggregate_of(isomm_assessment *const *as, int n)
{
    isomm_aggregate *ag = NULL;
    isomm_error err;
    int i;
    cr_assert_eq(isomm_aggregate_new(&ag, NULL, &err), ISOMM_OK);
    for (i = 0; i < n; i++)
        cr_assert_eq(isomm_aggregate_add(ag, as[i], &err), ISOMM_OK, "%s", err.message);
    return ag;
}

/* X (assessed by x_assessor), Y and Z; the aggregate keeps none of them, which are freed. */
static isomm_aggregate *aggregate_xyz(const char *x_assessor)
{
    isomm_assessment *as[3] = { build("2025", x_assessor, rows_x), build("2026", "bob", rows_y),
                                build("carol", NULL, rows_z) };
    isomm_aggregate *ag = aggregate_of(as, 3);
    int i;
    for (i = 0; i < 3; i++)
        isomm_assessment_free(as[i]);
    return ag;
}

static void assert_role_stats(const isomm_aggregate *ag, const char *code, int count, double mean, int min, int max,
                              int spread, int in, int out, int unanswered, int na, int disagreement)
{
    const isomm_role_stats *s = isomm_aggregate_role(ag, role(code));
    cr_assert_not_null(s);
    cr_expect_eq(s->role, role(code));
    cr_expect_eq(s->count, count, "%s count", code);
    cr_expect_eq(s->mean, mean, "%s mean %.17g", code, s->mean);
    cr_expect_eq(s->min, min, "%s min", code);
    cr_expect_eq(s->max, max, "%s max", code);
    cr_expect_eq(s->spread, spread, "%s spread", code);
    cr_expect_eq(s->insource, in, "%s insource", code);
    cr_expect_eq(s->outsource, out, "%s outsource", code);
    cr_expect_eq(s->unanswered, unanswered, "%s unanswered", code);
    cr_expect_eq(s->not_applicable, na, "%s not_applicable", code);
    cr_expect_eq(s->disagreement, disagreement, "%s disagreement", code);
}

static void assert_function_stats(const isomm_aggregate *ag, int f, int count, double mean, double min, double max)
{
    const isomm_function_stats *s = isomm_aggregate_function(ag, f);
    cr_assert_not_null(s);
    cr_expect_eq(s->function, f);
    cr_expect_eq(s->count, count, "function %d count", f);
    cr_expect_eq(s->mean, mean, "function %d mean %.17g", f, s->mean);
    cr_expect_eq(s->min, min, "function %d min", f);
    cr_expect_eq(s->max, max, "function %d max", f);
}

static const int U = ISOMM_UNANSWERED;

Test(aggregate, three_assessors)
{
    isomm_aggregate *ag = aggregate_xyz("alice");
    static const char *const disagreements[] = { "B-1", "B-4", "B-5", "H-1", "B-2" };
    int i;

    cr_expect_eq(isomm_aggregate_count(ag), 3);
    /*                    code   n  mean      min max spr in out un na dis */
    assert_role_stats(ag, "B-1", 3, 7.0 / 3,  1,  4,  3,  2, 1,  0, 0, 1);
    assert_role_stats(ag, "B-2", 3, 3.0,      3,  3,  0,  2, 1,  0, 0, 1);
    assert_role_stats(ag, "B-3", 1, 2.0,      2,  2,  0,  1, 0,  1, 1, 0);
    assert_role_stats(ag, "B-4", 2, 2.0,      1,  3,  2,  1, 1,  1, 0, 1);
    assert_role_stats(ag, "B-5", 3, 4.0,      3,  5,  2,  3, 0,  0, 0, 1);
    assert_role_stats(ag, "C-1", 1, 5.0,      5,  5,  0,  0, 1,  2, 0, 0);
    assert_role_stats(ag, "H-1", 2, 2.0,      1,  3,  2,  2, 0,  0, 1, 1);
    assert_role_stats(ag, "H-2", 1, 4.0,      4,  4,  0,  0, 1,  1, 1, 0);
    assert_role_stats(ag, "H-3", 0, 0.0,      U,  U,  U,  0, 0,  1, 2, 0);
    assert_role_stats(ag, "A-1", 0, 0.0,      U,  U,  U,  0, 0,  3, 0, 0);

    assert_function_stats(ag, 0, 3, 1.0, 1.0, 1.0);
    assert_function_stats(ag, 1, 3, 7.75 / 3, 2.4, 2.75); /* (2.75 + 2.6 + 2.4) / 3 = 31/12 */
    assert_function_stats(ag, 2, 3, 19.0 / 15, 1.0, 1.8); /* (1 + 1.8 + 1) / 3 = 19/15 */
    assert_function_stats(ag, 7, 2, 2.0, 2.0, 2.0);       /* Y has no H maturity */

    cr_assert_eq(isomm_aggregate_disagreement_count(ag), 5);
    for (i = 0; i < 5; i++)
        cr_expect_eq(isomm_aggregate_disagreement(ag, i), role(disagreements[i]), "disagreement %d", i);
    cr_expect_eq(isomm_aggregate_disagreement(ag, 5), ISOMM_ERANGE);
    cr_expect_eq(isomm_aggregate_disagreement(ag, -1), ISOMM_ERANGE);

    isomm_aggregate_free(ag);
}

Test(aggregate, two_assessors)
{
    isomm_assessment *as[2] = { build("2025", "alice", rows_x), build("carol", NULL, rows_z) };
    isomm_aggregate *ag = aggregate_of(as, 2);

    /*                    code   n  mean  min max spr in out un na dis */
    assert_role_stats(ag, "B-1", 2, 1.5,  1,  2,  1,  1, 1,  0, 0, 1);
    assert_role_stats(ag, "B-2", 2, 3.0,  3,  3,  0,  1, 1,  0, 0, 1);
    assert_role_stats(ag, "B-3", 0, 0.0,  U,  U,  U,  0, 0,  1, 1, 0);
    assert_role_stats(ag, "B-5", 2, 4.5,  4,  5,  1,  2, 0,  0, 0, 0);
    assert_role_stats(ag, "H-1", 2, 2.0,  1,  3,  2,  2, 0,  0, 0, 1);
    assert_role_stats(ag, "H-3", 0, 0.0,  U,  U,  U,  0, 0,  1, 1, 0);
    assert_function_stats(ag, 1, 2, 2.575, 2.4, 2.75);
    assert_function_stats(ag, 7, 2, 2.0, 2.0, 2.0);
    /* H-1 spread 2 first, then the split sourcings B-1 (spread 1) and B-2 (spread 0) */
    cr_assert_eq(isomm_aggregate_disagreement_count(ag), 3);
    cr_expect_eq(isomm_aggregate_disagreement(ag, 0), role("H-1"));
    cr_expect_eq(isomm_aggregate_disagreement(ag, 1), role("B-1"));
    cr_expect_eq(isomm_aggregate_disagreement(ag, 2), role("B-2"));
    isomm_aggregate_free(ag);
    isomm_assessment_free(as[0]);
    isomm_assessment_free(as[1]);
}

/* An assessment with every kind of answer across all nine functions. */
static isomm_assessment *varied(const char *id, unsigned seed)
{
    isomm_assessment *a = NULL;
    int i;
    cr_assert_eq(isomm_assessment_new(&a, NULL, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ID, id, NULL), ISOMM_OK);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        unsigned v = (seed * 2654435761u + (unsigned)i * 40503u) >> 7;
        int level = (int)(v % 8) - 1; /* -1 unanswered, 0..5, and 6 as a second chance of 3 */
        if (level < 0)
            continue;
        cr_assert_eq(isomm_assessment_set_index(a, i, (v >> 3) & 1 ? IN : OUT, level > 5 ? 3 : level, NULL, NULL),
                     ISOMM_OK);
    }
    return a;
}

static void assert_one_equals_evaluation(isomm_assessment *a)
{
    isomm_aggregate *ag = aggregate_of(&a, 1);
    isomm_result *r = NULL;
    int i;

    cr_assert_eq(isomm_evaluate(&r, a, NULL, NULL), ISOMM_OK);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_result *fr = isomm_result_function(r, i);
        const isomm_function_stats *fs = isomm_aggregate_function(ag, i);
        cr_expect_eq(fs->count, fr->has_maturity);
        cr_expect_eq(fs->mean, fr->maturity, "function %d: %.17g vs %.17g", i, fs->mean, fr->maturity);
        cr_expect_eq(fs->min, fr->maturity);
        cr_expect_eq(fs->max, fr->maturity);
    }
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_result *rr = isomm_result_role(r, i);
        const isomm_role_stats *rs = isomm_aggregate_role(ag, i);
        int counted = rr->level >= 1;
        cr_expect_eq(rs->count, counted);
        cr_expect_eq(rs->mean, counted ? rr->level : 0.0);
        cr_expect_eq(rs->min, counted ? rr->level : U);
        cr_expect_eq(rs->max, counted ? rr->level : U);
        cr_expect_eq(rs->spread, counted ? 0 : U);
        cr_expect_eq(rs->insource, counted && rr->sourcing == IN);
        cr_expect_eq(rs->outsource, counted && rr->sourcing == OUT);
        cr_expect_eq(rs->unanswered, rr->level == U);
        cr_expect_eq(rs->not_applicable, rr->level == 0);
        cr_expect_eq(rs->disagreement, 0);
    }
    cr_expect_eq(isomm_aggregate_disagreement_count(ag), 0);
    isomm_result_free(r);
    isomm_aggregate_free(ag);
}

Test(aggregate, one_assessment_equals_its_evaluation)
{
    isomm_assessment *as[4] = { build("2025", "alice", rows_x), build("2026", "bob", rows_y),
                                build("carol", NULL, rows_z), varied("varied", 7) };
    int i;
    for (i = 0; i < 4; i++) {
        assert_one_equals_evaluation(as[i]);
        isomm_assessment_free(as[i]);
    }
}

static void assert_same_statistics(const isomm_aggregate *p, const isomm_aggregate *q)
{
    int i;
    cr_expect_eq(isomm_aggregate_count(p), isomm_aggregate_count(q));
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_stats *a = isomm_aggregate_role(p, i), *b = isomm_aggregate_role(q, i);
        cr_expect(a->count == b->count && a->mean == b->mean && a->min == b->min && a->max == b->max
                      && a->spread == b->spread && a->insource == b->insource && a->outsource == b->outsource
                      && a->unanswered == b->unanswered && a->not_applicable == b->not_applicable
                      && a->disagreement == b->disagreement,
                  "role %d differs", i);
    }
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_stats *a = isomm_aggregate_function(p, i), *b = isomm_aggregate_function(q, i);
        cr_expect(a->count == b->count && a->mean == b->mean && a->min == b->min && a->max == b->max,
                  "function %d differs: mean %.17g vs %.17g", i, a->mean, b->mean);
    }
    cr_assert_eq(isomm_aggregate_disagreement_count(p), isomm_aggregate_disagreement_count(q));
    for (i = 0; i < isomm_aggregate_disagreement_count(p); i++)
        cr_expect_eq(isomm_aggregate_disagreement(p, i), isomm_aggregate_disagreement(q, i));
}

#define VARIED 40

Test(aggregate, order_of_inputs_does_not_matter)
{
    isomm_assessment *as[VARIED], *reversed[VARIED], *shuffled[VARIED];
    isomm_aggregate *forward, *backward, *mixed;
    char id[16];
    int i;

    for (i = 0; i < VARIED; i++) {
        snprintf(id, sizeof id, "a%d", i);
        as[i] = varied(id, (unsigned)i + 1);
        reversed[VARIED - 1 - i] = as[i];
    }
    for (i = 0; i < VARIED; i++)
        shuffled[i] = as[(i * 17) % VARIED]; /* 17 is prime to 40: a permutation */
    forward = aggregate_of(as, VARIED);
    backward = aggregate_of(reversed, VARIED);
    mixed = aggregate_of(shuffled, VARIED);
    cr_expect_gt(isomm_aggregate_disagreement_count(forward), 0);
    assert_same_statistics(forward, backward);
    assert_same_statistics(forward, mixed);
    isomm_aggregate_free(forward);
    isomm_aggregate_free(backward);
    isomm_aggregate_free(mixed);
    for (i = 0; i < VARIED; i++)
        isomm_assessment_free(as[i]);
}

Test(aggregate, merge_equals_adding_everything)
{
    isomm_assessment *as[VARIED];
    isomm_aggregate *all, *first, *second, *empty;
    isomm_error err;
    char id[16];
    int i;

    for (i = 0; i < VARIED; i++) {
        snprintf(id, sizeof id, "a%d", i);
        as[i] = varied(id, (unsigned)i + 100);
    }
    all = aggregate_of(as, VARIED);
    first = aggregate_of(as, 15);
    second = aggregate_of(as + 15, VARIED - 15);
    empty = aggregate_of(NULL, 0);
    cr_assert_eq(isomm_aggregate_merge(first, second, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(isomm_aggregate_merge(first, empty, &err), ISOMM_OK, "%s", err.message);
    assert_same_statistics(all, first);
    cr_expect_eq(isomm_aggregate_count(second), VARIED - 15); /* from is not changed */
    cr_expect_eq(isomm_aggregate_recorded_count(first), VARIED);
    cr_expect_str_eq(isomm_aggregate_recorded_meta(first, 15, ISOMM_META_ID), "a15");
    /* merging into an empty aggregate copies */
    cr_assert_eq(isomm_aggregate_merge(empty, all, &err), ISOMM_OK);
    assert_same_statistics(all, empty);
    isomm_aggregate_free(all);
    isomm_aggregate_free(first);
    isomm_aggregate_free(second);
    isomm_aggregate_free(empty);
    for (i = 0; i < VARIED; i++)
        isomm_assessment_free(as[i]);
}

Test(aggregate, records_the_first_assessments_only)
{
    isomm_aggregate *ag = aggregate_of(NULL, 0), *other = aggregate_of(NULL, 0);
    isomm_assessment *x = build("2025", "alice", rows_x), *z = build("carol", NULL, rows_z);
    isomm_answer answer;
    isomm_error err;
    int i;

    for (i = 0; i < ISOMM_AGGREGATE_RECORD_MAX + 6; i++)
        cr_assert_eq(isomm_aggregate_add(ag, i % 2 ? z : x, &err), ISOMM_OK);
    cr_expect_eq(isomm_aggregate_count(ag), ISOMM_AGGREGATE_RECORD_MAX + 6);
    cr_expect_eq(isomm_aggregate_recorded_count(ag), ISOMM_AGGREGATE_RECORD_MAX);
    cr_expect_str_eq(isomm_aggregate_recorded_meta(ag, 0, ISOMM_META_ID), "2025");
    cr_expect_str_eq(isomm_aggregate_recorded_meta(ag, 0, ISOMM_META_ASSESSOR), "alice");
    cr_expect_str_eq(isomm_aggregate_recorded_meta(ag, 1, ISOMM_META_ID), "carol");
    cr_expect_null(isomm_aggregate_recorded_meta(ag, 1, ISOMM_META_ASSESSOR));
    cr_expect_null(isomm_aggregate_recorded_meta(ag, 0, ISOMM_META_DATE));
    cr_expect_null(isomm_aggregate_recorded_meta(ag, ISOMM_AGGREGATE_RECORD_MAX, ISOMM_META_ID));

    cr_assert_eq(isomm_aggregate_recorded_answer(ag, 1, role("B-1"), &answer, &err), ISOMM_OK);
    cr_expect_eq(answer.sourcing, OUT);
    cr_expect_eq(answer.level, 1);
    cr_expect_null(answer.note);
    cr_assert_eq(isomm_aggregate_recorded_answer(ag, 0, role("B-4"), &answer, &err), ISOMM_OK);
    cr_expect_eq(answer.sourcing, ISOMM_SOURCING_NONE);
    cr_expect_eq(answer.level, U);
    cr_expect_eq(isomm_aggregate_recorded_answer(ag, ISOMM_AGGREGATE_RECORD_MAX, 0, &answer, &err), ISOMM_ERANGE);
    cr_expect_eq(err.code, ISOMM_ERANGE);
    cr_expect_eq(isomm_aggregate_recorded_answer(ag, 0, 54, &answer, &err), ISOMM_ERANGE);
    cr_expect_eq(isomm_aggregate_recorded_answer(ag, 0, -1, &answer, &err), ISOMM_ERANGE);
    cr_expect_eq(isomm_aggregate_recorded_answer(ag, 0, 0, NULL, &err), ISOMM_EINVAL);

    /* a full aggregate merged into a fresh one hands over its records; the fresh one stays bounded */
    cr_assert_eq(isomm_aggregate_add(other, z, &err), ISOMM_OK);
    cr_assert_eq(isomm_aggregate_merge(other, ag, &err), ISOMM_OK);
    cr_expect_eq(isomm_aggregate_count(other), ISOMM_AGGREGATE_RECORD_MAX + 7);
    cr_expect_eq(isomm_aggregate_recorded_count(other), ISOMM_AGGREGATE_RECORD_MAX);
    cr_expect_str_eq(isomm_aggregate_recorded_meta(other, 0, ISOMM_META_ID), "carol");
    cr_expect_str_eq(isomm_aggregate_recorded_meta(other, 1, ISOMM_META_ID), "2025");

    isomm_aggregate_free(ag);
    isomm_aggregate_free(other);
    isomm_assessment_free(x);
    isomm_assessment_free(z);
}

Test(aggregate, empty)
{
    isomm_aggregate *ag = aggregate_of(NULL, 0);
    int i;
    cr_expect_eq(isomm_aggregate_count(ag), 0);
    cr_expect_eq(isomm_aggregate_model(ag), isomm_model_default());
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        cr_expect_eq(isomm_aggregate_role(ag, i)->spread, U);
    cr_expect_eq(isomm_aggregate_function(ag, 0)->count, 0);
    cr_expect_eq(isomm_aggregate_disagreement_count(ag), 0);
    cr_expect_eq(isomm_aggregate_recorded_count(ag), 0);
    isomm_aggregate_free(ag);
}

Test(aggregate, bad_arguments)
{
    isomm_aggregate *ag = aggregate_of(NULL, 0);
    isomm_assessment *x = build("2025", "alice", rows_x);
    isomm_error err;

    cr_expect_eq(isomm_aggregate_new(NULL, NULL, &err), ISOMM_EINVAL);
    cr_expect_eq(isomm_aggregate_add(NULL, x, &err), ISOMM_EINVAL);
    cr_expect_eq(isomm_aggregate_add(ag, NULL, &err), ISOMM_EINVAL);
    cr_expect_eq(isomm_aggregate_merge(ag, NULL, &err), ISOMM_EINVAL);
    cr_expect_eq(isomm_aggregate_merge(NULL, ag, &err), ISOMM_EINVAL);
    cr_expect_eq(isomm_aggregate_merge(ag, ag, &err), ISOMM_EINVAL);
    cr_expect(strstr(err.message, "itself") != NULL, "%s", err.message);
    cr_expect_eq(isomm_aggregate_count(ag), 0);
    cr_expect_null(isomm_aggregate_role(ag, 54));
    cr_expect_null(isomm_aggregate_role(NULL, 0));
    cr_expect_null(isomm_aggregate_function(ag, 9));
    cr_expect_null(isomm_aggregate_function(ag, -1));
    cr_expect_eq(isomm_aggregate_count(NULL), 0);
    cr_expect_eq(isomm_aggregate_disagreement(NULL, 0), ISOMM_ERANGE);
    isomm_aggregate_free(NULL);
    isomm_aggregate_free(ag);
    isomm_assessment_free(x);
}

Test(aggregate, different_models_are_an_error)
{
    isomm_model *m = loaded_model("Overall policy management,I,", "Overall policy management,IV,");
    isomm_aggregate *ag = aggregate_of(NULL, 0), *other = NULL;
    isomm_assessment *x = build("2025", "alice", rows_x), *y = build_on(m, "2026", "bob", rows_y);
    isomm_error err;

    cr_assert_eq(isomm_aggregate_add(ag, x, &err), ISOMM_OK);
    cr_expect_eq(isomm_aggregate_add(ag, y, &err), ISOMM_EMODEL);
    cr_expect_eq(err.code, ISOMM_EMODEL);
    cr_expect_eq(isomm_aggregate_count(ag), 1); /* unchanged */
    cr_expect_eq(isomm_aggregate_recorded_count(ag), 1);

    cr_assert_eq(isomm_aggregate_new(&other, m, &err), ISOMM_OK);
    cr_assert_eq(isomm_aggregate_add(other, y, &err), ISOMM_OK);
    cr_expect_eq(isomm_aggregate_merge(ag, other, &err), ISOMM_EMODEL);
    cr_expect_eq(isomm_aggregate_count(ag), 1);
    isomm_aggregate_free(other);
    isomm_aggregate_free(ag);
    isomm_assessment_free(y);
    isomm_assessment_free(x);
    isomm_model_free(m);
}

/* ---- output --------------------------------------------------------------------------- */

static isomm_report_options options(isomm_format format, isomm_lang lang)
{
    isomm_report_options opts = ISOMM_REPORT_OPTIONS_INIT;
    opts.format = format;
    opts.lang = lang;
    return opts;
}

/* The output of a render call that must succeed. */
static char *rendered(int rc, char *out, size_t len, const isomm_error *err)
{
    cr_assert_eq(rc, ISOMM_OK, "%s", err->message);
    cr_assert_eq(strlen(out), len);
    return out;
}

static char *render_comparison(const isomm_comparison *c, isomm_format format, isomm_lang lang)
{
    isomm_report_options opts = options(format, lang);
    isomm_error err;
    char *out = NULL;
    size_t len = 0;
    int rc = isomm_comparison_render(&out, &len, c, &opts, &err);
    return rendered(rc, out, len, &err);
}

static char *render_aggregate(const isomm_aggregate *ag, isomm_format format, isomm_lang lang)
{
    isomm_report_options opts = options(format, lang);
    isomm_error err;
    char *out = NULL;
    size_t len = 0;
    int rc = isomm_aggregate_render(&out, &len, ag, &opts, &err);
    return rendered(rc, out, len, &err);
}

#define expect_contains(text, part) cr_expect(strstr((text), (part)) != NULL, "missing %s in:\n%s", (part), (text))

Test(render, comparison_json)
{
    isomm_comparison *c = compare_xy();
    char *json = render_comparison(c, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);

    static const char head[] = "{\"old\": \"2025\", \"new\": \"2026\",\n"
                               " \"old_meta\": {\"organization\": null, \"assessor\": \"alice\", \"date\": null},\n"
                               " \"new_meta\": {\"organization\": null, \"assessor\": \"bob\", \"date\": null},\n"
                               " \"roles\": [\n  {\"code\": \"A-1\", ";
    cr_expect_eq(strncmp(json, head, strlen(head)), 0, "%s", json);
    expect_contains(json, "{\"code\": \"B-1\", \"old_level\": 2, \"new_level\": 4, \"level_change\": 2, "
                          "\"status\": \"improved\", "
                          "\"old_sourcing\": \"insource\", \"new_sourcing\": \"insource\", \"sourcing_changed\": false}");
    expect_contains(json, "{\"code\": \"B-2\", \"old_level\": 3, \"new_level\": 3, \"level_change\": 0, "
                          "\"status\": \"unchanged\", "
                          "\"old_sourcing\": \"outsource\", \"new_sourcing\": \"insource\", \"sourcing_changed\": true}");
    expect_contains(json, "{\"code\": \"B-4\", \"old_level\": null, \"new_level\": 1, \"level_change\": null, "
                          "\"status\": \"added\", "
                          "\"old_sourcing\": null, \"new_sourcing\": \"outsource\", \"sourcing_changed\": false}");
    expect_contains(json, "{\"code\": \"H-2\", \"old_level\": 4, \"new_level\": 0, \"level_change\": null, "
                          "\"status\": \"dropped\", ");
    expect_contains(json, "{\"code\": \"A-1\", \"old_level\": null, \"new_level\": null, \"level_change\": null, "
                          "\"status\": \"unrated\", ");
    expect_contains(json, "\"functions\": [\n  {\"code\": \"C\", \"old\": 1.0, \"new\": 1.8, \"change\": 0.8},\n"
                          "  {\"code\": \"A\", \"old\": 1.0, \"new\": 1.0, \"change\": 0.0},");
    expect_contains(json, "{\"code\": \"B\", \"old\": 2.75, \"new\": 2.6, \"change\": -0.1499999999999999},\n"
                          "  {\"code\": \"H\", \"old\": 2.0, \"new\": null, \"change\": null}],");
    expect_contains(json, "\"overall\": {\"old\": ");
    expect_contains(json, "\"improved\": 1, \"declined\": 1, \"unchanged\": 1, \"added\": 3, \"dropped\": 2, "
                          "\"unrated\": 46, \"sourcing_changed\": 1}\n");
    isomm_free(json);
    isomm_comparison_free(c);
}

Test(render, comparison_json_escapes_ids)
{
    isomm_assessment *x = build("q\"1\\", "alice", rows_x), *y = build("line\nbreak", "bob", rows_y);
    isomm_comparison *c = compare_ok(x, y);
    char *json = render_comparison(c, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);
    static const char head[] = "{\"old\": \"q\\\"1\\\\\", \"new\": \"line\\nbreak\",";
    cr_expect_eq(strncmp(json, head, strlen(head)), 0, "%s", json);
    isomm_free(json);
    isomm_comparison_free(c);
    isomm_assessment_free(x);
    isomm_assessment_free(y);
}

Test(render, comparison_text_and_markdown)
{
    isomm_comparison *c = compare_xy();
    char *text = render_comparison(c, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN);
    char *md = render_comparison(c, ISOMM_FORMAT_MARKDOWN, ISOMM_LANG_EN);
    char *ja = render_comparison(c, ISOMM_FORMAT_TEXT, ISOMM_LANG_JA);

    expect_contains(text, "Comparison: 2025 → 2026\n");
    expect_contains(text, "  Old: 2025 — Organisation: not set, Assessor: alice, Date: not set\n"
                          "  New: 2026 — Organisation: not set, Assessor: bob, Date: not set\n");
    expect_contains(text, "\n54 roles: 1 improved, 1 declined, 1 unchanged, 3 added, 2 dropped, 46 unrated\n");
    expect_contains(text, "\nOverall maturity: 1.3 → 1.3 (0.0)\n");
    expect_contains(text, "  A  1.0 → 1.0  0.0  Security response organisation management\n");
    expect_contains(text, "  C  1.0 → 1.8  +0.8  Deep analysis\n");
    /* 2.75 -> 2.6 changes by -0.15, which alone would round to -0.1; beside "2.8 → 2.6" the
     * reader's arithmetic says -0.2, and so does the report (the change of the shown values) */
    expect_contains(text, "  B  2.8 → 2.6  -0.2  Real-time analysis\n");
    expect_contains(text, "  H  2.0 → -  -  ");
    expect_contains(text, "  B-1  Insource 2 → Insource 4  Improved (+2)  Real-time basic analysis\n");
    expect_contains(text, "  B-2  Outsource 3 → Insource 3  Unchanged  [sourcing changed]  Real-time\n"
                          "       advanced analysis\n");
    expect_contains(text, "  B-4  Unanswered → Outsource 1  Added  ");
    expect_contains(text, "  H-2  Outsource 4 → Outsource 0  Dropped  ");
    expect_contains(text, "  H-3  Unanswered → Outsource 0  Unrated  ");
    cr_expect_null(strstr(text, "A-1 "), "an unchanged role is listed:\n%s", text);

    expect_contains(md, "# Comparison: 2025 → 2026\n");
    expect_contains(md, "| C Deep analysis | 1.0 | 1.8 | +0.8 |\n");
    expect_contains(md, "| B-5 | ");
    expect_contains(md, " | Insource 5 | Insource 3 | -2 | Declined |  |\n");
    expect_contains(md, "# Comparison: 2025 → 2026\n\n- **Old:** 2025 — Organisation: not set, Assessor: alice, "
                        "Date: not set\n- **New:** 2026 — ");
    expect_contains(md, "\n54 roles: 1 improved, 1 declined, 1 unchanged, 3 added, 2 dropped, 46 unrated\n");
    expect_contains(md, "| Role | Name | Old | New | Change | Status | sourcing changed |\n");

    expect_contains(ja, "比較: 2025 → 2026\n");
    expect_contains(ja, "役割 54: 向上 1、低下 1、変化なし 1、新たに評価 3、評価なしに 2、評価なし 46\n");
    expect_contains(ja, "  前: 2025 — 組織: 未設定、評価者: alice、評価日: 未設定\n");
    isomm_free(text);
    isomm_free(md);
    isomm_free(ja);
    isomm_comparison_free(c);
}

Test(render, comparison_without_changes)
{
    isomm_assessment *x = build("2025", "alice", rows_x);
    isomm_comparison *c = compare_ok(x, x);
    char *text = render_comparison(c, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN);
    char *json = render_comparison(c, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);
    expect_contains(text, "Changed roles\n  No role changed.\n");
    expect_contains(json, "\"improved\": 0, \"declined\": 0, \"unchanged\": 5, \"added\": 0, \"dropped\": 0, "
                          "\"unrated\": 49, \"sourcing_changed\": 0}");
    expect_contains(json, "\"overall\": {\"old\": ");
    expect_contains(json, "\"change\": 0.0},");
    cr_expect_null(strstr(json, "\"sourcing_changed\": true"));
    isomm_free(text);
    isomm_free(json);
    isomm_comparison_free(c);
    isomm_assessment_free(x);
}

Test(render, aggregate_json)
{
    isomm_aggregate *ag = aggregate_xyz("alice");
    char *json = render_aggregate(ag, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);

    static const char head[] = "{\"assessments\": 3,\n \"roles\": [\n  {\"code\": \"A-1\", \"count\": 0, \"mean\": null, "
                               "\"min\": null, \"max\": null, \"spread\": null, \"insource\": 0, \"outsource\": 0, "
                               "\"unanswered\": 3, \"not_applicable\": 0},\n";
    cr_expect_eq(strncmp(json, head, strlen(head)), 0, "%s", json);
    expect_contains(json, "{\"code\": \"B-1\", \"count\": 3, \"mean\": 2.3333333333333335, \"min\": 1, \"max\": 4, "
                          "\"spread\": 3, \"insource\": 2, \"outsource\": 1, \"unanswered\": 0, \"not_applicable\": 0}");
    expect_contains(json, "{\"code\": \"H-3\", \"count\": 0, \"mean\": null, \"min\": null, \"max\": null, "
                          "\"spread\": null, \"insource\": 0, \"outsource\": 0, \"unanswered\": 1, \"not_applicable\": 2}");
    expect_contains(json, "{\"code\": \"B\", \"mean\": 2.5833333333333335, \"min\": 2.4, \"max\": 2.75}");
    expect_contains(json, "{\"code\": \"C\", \"mean\": 1.2666666666666666, \"min\": 1.0, \"max\": 1.8}");
    expect_contains(json, "\"disagreements\": [\"B-1\", \"B-4\", \"B-5\", \"H-1\", \"B-2\"]}\n");
    isomm_free(json);
    isomm_aggregate_free(ag);
}

Test(render, aggregate_json_null_function)
{
    isomm_assessment *y = build("2026", "bob", rows_y);
    isomm_aggregate *ag = aggregate_of(&y, 1);
    char *json = render_aggregate(ag, ISOMM_FORMAT_JSON, ISOMM_LANG_JA);
    expect_contains(json, "{\"code\": \"H\", \"mean\": null, \"min\": null, \"max\": null}");
    expect_contains(json, "\"disagreements\": []}\n");
    isomm_free(json);
    isomm_aggregate_free(ag);
    isomm_assessment_free(y);
}

Test(render, aggregate_text_and_markdown)
{
    isomm_aggregate *ag = aggregate_xyz("alice");
    char *text = render_aggregate(ag, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN);
    char *md = render_aggregate(ag, ISOMM_FORMAT_MARKDOWN, ISOMM_LANG_EN);
    char *ja = render_aggregate(ag, ISOMM_FORMAT_TEXT, ISOMM_LANG_JA);

    expect_contains(text, "Aggregate of 3 assessments\n");
    expect_contains(text, "  B  2.6 (2.4–2.8)  Real-time analysis\n");
    expect_contains(text, "  H  2.0 (2.0–2.0)  ");
    expect_contains(text, "  B-1  1–4 (Spread 3), Mean 2.3, Insource 2 / Outsource 1  ");
    /* 82 columns two spaces apart: one space apart to fit 80 */
    expect_contains(text, "  Role Count Mean  Min  Max Spread Insource Outsource Unanswered Level 0\n");
    expect_contains(text, "  H-3      0    -    -    -      -        0         0          1       2\n");
    cr_expect_lt(strstr(text, "  B-1  1–4"), strstr(text, "  B-4  1–3"), "disagreement order:\n%s", text);
    cr_expect_lt(strstr(text, "  H-1  1–3"), strstr(text, "  B-2  3–3"), "disagreement order:\n%s", text);

    expect_contains(md, "# Aggregate of 3 assessments\n");
    expect_contains(md, "| B Real-time analysis | 2.6 | 2.4 | 2.8 | 3 |\n");
    expect_contains(md, "| B-1 | 3 | 2.3 | 1 | 4 | 3 | 2 | 1 | 0 | 0 |\n");
    expect_contains(md, "- **B-4** ");

    expect_contains(ja, "集計（評価数 3）\n");
    isomm_free(text);
    isomm_free(md);
    isomm_free(ja);
    isomm_aggregate_free(ag);
}

Test(render, bad_options)
{
    isomm_assessment *x = build("2025", "alice", rows_x);
    isomm_comparison *c = compare_ok(x, x);
    isomm_aggregate *ag = aggregate_of(&x, 1), *empty = aggregate_of(NULL, 0);
    isomm_report_options opts = ISOMM_REPORT_OPTIONS_INIT;
    isomm_error err;
    char *out = (char *)1;

    opts.format = ISOMM_FORMAT_SVG_HEATMAP;
    cr_expect_eq(isomm_comparison_render(&out, NULL, c, &opts, &err), ISOMM_EOPTIONS);
    cr_expect_eq(err.code, ISOMM_EOPTIONS);
    cr_expect_null(out);
    opts.format = ISOMM_FORMAT_SVG_ROLES;
    cr_expect_eq(isomm_aggregate_render(&out, NULL, ag, &opts, &err), ISOMM_EOPTIONS);
    opts.format = (isomm_format)42;
    cr_expect_eq(isomm_comparison_render(&out, NULL, c, &opts, &err), ISOMM_EOPTIONS);
    opts.format = ISOMM_FORMAT_TEXT;
    opts.lang = (isomm_lang)2;
    cr_expect_eq(isomm_aggregate_render(&out, NULL, ag, &opts, &err), ISOMM_EOPTIONS);
    opts.lang = ISOMM_LANG_EN;
    opts.version = 99;
    cr_expect_eq(isomm_comparison_render(&out, NULL, c, &opts, &err), ISOMM_EOPTIONS);
    cr_expect(strstr(err.message, "version 99") != NULL, "%s", err.message);
    cr_expect_eq(isomm_aggregate_render(&out, NULL, empty, NULL, &err), ISOMM_EEMPTY);
    cr_expect_eq(err.code, ISOMM_EEMPTY);
    cr_expect_eq(isomm_aggregate_render(NULL, NULL, ag, NULL, &err), ISOMM_EINVAL);
    cr_expect_eq(isomm_comparison_render(&out, NULL, NULL, NULL, &err), ISOMM_EINVAL);

    /* NULL options: Japanese text */
    cr_assert_eq(isomm_comparison_render(&out, NULL, c, NULL, &err), ISOMM_OK);
    cr_expect_eq(strncmp(out, "比較: 2025 → 2025\n", strlen("比較: 2025 → 2025\n")), 0, "%s", out);
    isomm_free(out);
    isomm_aggregate_free(ag);
    isomm_aggregate_free(empty);
    isomm_comparison_free(c);
    isomm_assessment_free(x);
}

static int occurrences(const char *text, const char *part)
{
    int n = 0;
    for (text = strstr(text, part); text; text = strstr(text + 1, part))
        n++;
    return n;
}

Test(render, aggregate_heatmap)
{
    isomm_aggregate *ag = aggregate_xyz("alice <CISO>");
    char *svg = render_aggregate(ag, ISOMM_FORMAT_SVG_HEATMAP, ISOMM_LANG_EN);

    cr_expect_eq(strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-heatmap\" ", 62), 0, "%s", svg);
    cr_expect_str_eq(svg + strlen(svg) - 7, "</svg>\n");
    cr_expect_eq(occurrences(svg, "<g><title>"), 54 * 3); /* one cell per role and assessment */
    /* column labels in the order added: the assessor, else the id */
    cr_expect_lt(strstr(svg, ">alice &lt;CISO&gt;</text>"), strstr(svg, ">bob</text>"));
    cr_expect_lt(strstr(svg, ">bob</text>"), strstr(svg, ">carol</text>"));
    expect_contains(svg, "<g><title>B-1 · carol: Outsource 1</title>");
    expect_contains(svg, "<g><title>B-4 · alice &lt;CISO&gt;: Unanswered</title>");
    /* outsourced answers carry a corner mark: X 2, Y 4, Z 1, plus the legend */
    cr_expect_eq(occurrences(svg, "h-8 l8,8 z\" fill=\"#b84a00\" stroke=\"#ffffff\""), 8);
    /* each cell shows its value: dark on levels 1-3, white on 4-5, "?" unanswered, 0 crossed out */
    expect_contains(svg, "<g><title>B-1 · carol: Outsource 1</title><rect x=\"124.0\" y=\"254.0\" width=\"30.0\" height=\"16.0\" "
                         "fill=\"#e7f0fa\"");
    expect_contains(svg, "<g><title>A-1 · alice &lt;CISO&gt;: Unanswered</title><rect x=\"64.0\" y=\"150.0\" width=\"30.0\" "
                         "height=\"16.0\" fill=\"#ffffff\" stroke=\"#dee2e6\" stroke-width=\"0.5\"/><text x=\"79.0\" "
                         "y=\"162.0\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5c636a\">?</text></g>");
    /* five answers at level 0 and the key's cell are crossed out */
    cr_expect_eq(occurrences(svg, "stroke=\"#6c757d\" stroke-width=\"1\"/>"), 5 + 1);
    /* disagreements are drawn in red: code and spread of B-1, B-2, B-4, B-5, H-1 */
    cr_expect_eq(occurrences(svg, "font-weight=\"bold\" fill=\"#c92a2a\""), 10);
    cr_expect_null(strstr(svg, "shown"));
    isomm_free(svg);
    isomm_aggregate_free(ag);
}

Test(render, heatmap_shows_the_recorded_assessments_only)
{
    isomm_assessment *x = build("2025", "an assessor with a very long name", rows_x);
    isomm_aggregate *ag = aggregate_of(NULL, 0);
    char *svg;
    int i;

    for (i = 0; i < 70; i++)
        cr_assert_eq(isomm_aggregate_add(ag, x, NULL), ISOMM_OK);
    svg = render_aggregate(ag, ISOMM_FORMAT_SVG_HEATMAP, ISOMM_LANG_EN);
    expect_contains(svg, ">70 assessments, the first 64 shown</text>");
    cr_expect_eq(occurrences(svg, "<g><title>"), 54 * ISOMM_AGGREGATE_RECORD_MAX);
    expect_contains(svg, ">an assessor wit…</text>"); /* 16 columns */
    isomm_free(svg);
    /* the HTML page draws them in parts of 25 columns, each legible on an A4 page */
    svg = render_aggregate(ag, ISOMM_FORMAT_HTML, ISOMM_LANG_EN);
    cr_expect_eq(occurrences(svg, "class=\"isomm-heatmap\""), 3);
    expect_contains(svg, ">assessments 1-25 of 70</text>");
    expect_contains(svg, ">assessments 26-50 of 70</text>");
    expect_contains(svg, ">assessments 51-64 of 70</text>");
    cr_expect_eq(occurrences(svg, "<g><title>"), 54 * ISOMM_AGGREGATE_RECORD_MAX);
    isomm_free(svg);
    isomm_aggregate_free(ag);
    isomm_assessment_free(x);
}

Test(render, heatmap_cuts_wide_labels_by_columns)
{
    isomm_assessment *x = build("2025", "経営企画部の担当者さん", rows_x);
    isomm_aggregate *ag = aggregate_of(&x, 1);
    char *svg = render_aggregate(ag, ISOMM_FORMAT_SVG_HEATMAP, ISOMM_LANG_JA);
    expect_contains(svg, ">経営企画部の担…</text>"); /* 7 wide characters and the ellipsis fit 16 columns */
    expect_contains(svg, "<g><title>A-1 · 経営企画部の担当者さん: 未回答</title>");
    isomm_free(svg);
    isomm_aggregate_free(ag);
    isomm_assessment_free(x);
}

Test(render, comparison_radar)
{
    isomm_comparison *c = compare_xy();
    char *svg = render_comparison(c, ISOMM_FORMAT_SVG_RADAR, ISOMM_LANG_EN);

    cr_expect_eq(strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-radar\"", 59), 0, "%s", svg);
    expect_contains(svg, "<title>Maturity: 2025 → 2026</title>");
    {
        /* under the title: the overall maturity old -> new and all six statuses with their counts */
        const isomm_function_change *o = isomm_comparison_overall(c);
        char line[128];
        /* B-1 2->4 improved, B-5 5->3 declined, B-2 3->3 unchanged, B-3 0->2, B-4 none->1 and
         * C-1 none->5 added, H-1 1->0 and H-2 4->0 dropped, the other 46 unrated; the overall
         * moves by less than 0.05, shown "+0.0" */
        snprintf(line, sizeof line, "Overall maturity %.1f → %.1f (+0.0) · ", o->old_maturity, o->new_maturity);
        expect_contains(svg, line);
        expect_contains(svg, " (+0.0) · Improved 1, Declined 1, Unchanged 1, Added 3, Dropped 2, Unrated 46</tspan>");
        cr_expect_lt(o->change, 0.0);
        cr_expect_gt(o->change, -0.05);
    }
    expect_contains(svg, ">2025</text>"); /* legend */
    expect_contains(svg, ">2026</text>");
    /* one point per function with a maturity: 9 old (circles), 8 new (squares; H has none) */
    cr_expect_eq(occurrences(svg, "<circle class=\"point\""), 9);
    cr_expect_eq(occurrences(svg, "<rect class=\"point\""), 8);
    /* the legend table's H column: old 2.0, new missing */
    expect_contains(svg, "<text x=\"676.0\" y=\"640.0\" text-anchor=\"middle\" fill=\"#1f5fa8\">2.0</text>");
    expect_contains(svg, "<text x=\"676.0\" y=\"664.0\" text-anchor=\"middle\" fill=\"#b84a00\">-</text>");
    isomm_free(svg);
    isomm_comparison_free(c);
}

Test(render, aggregate_radar_band)
{
    isomm_aggregate *ag = aggregate_xyz("alice");
    char *svg = render_aggregate(ag, ISOMM_FORMAT_SVG_RADAR, ISOMM_LANG_EN);

    expect_contains(svg, "<title>3 assessments: min, mean, max</title>");
    expect_contains(svg, ">Min</text>");
    expect_contains(svg, ">Mean</text>");
    expect_contains(svg, ">Max</text>");
    /* min, mean and max differ in marker, dash and lightness, not only in hue */
    cr_expect_eq(occurrences(svg, "<circle class=\"point\""), 9);
    cr_expect_eq(occurrences(svg, "<rect class=\"point\""), 9);
    cr_expect_eq(occurrences(svg, "<path class=\"point\""), 9);
    expect_contains(svg, "stroke=\"#b84a00\" stroke-width=\"2.5\" stroke-dasharray=\"9 4\"");
    expect_contains(svg, "stroke=\"#343a40\" stroke-width=\"2.5\" stroke-dasharray=\"2 4\"");
    /* function B in the legend table: min 2.4, mean 31/12, max 2.75 */
    expect_contains(svg, "<text x=\"328.0\" y=\"640.0\" text-anchor=\"middle\" fill=\"#1f5fa8\">2.4</text>");
    expect_contains(svg, "<text x=\"328.0\" y=\"664.0\" text-anchor=\"middle\" fill=\"#b84a00\">2.6</text>");
    expect_contains(svg, "<text x=\"328.0\" y=\"688.0\" text-anchor=\"middle\" fill=\"#343a40\">2.8</text>");
    isomm_free(svg);
    isomm_aggregate_free(ag);
}

Test(render, comparison_html)
{
    isomm_assessment *x = build("<2025>", "alice", rows_x), *y = build("2026 & after", "bob", rows_y);
    isomm_comparison *c = compare_ok(x, y);
    char *html = render_comparison(c, ISOMM_FORMAT_HTML, ISOMM_LANG_EN);

    cr_expect_eq(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32), 0, "%s", html);
    expect_contains(html, "<title>Comparison: &lt;2025&gt; → 2026 &amp; after</title>");
    expect_contains(html, "<h1>Comparison: &lt;2025&gt; → 2026 &amp; after</h1>");
    cr_expect_eq(occurrences(html, "class=\"isomm-radar\""), 1);
    expect_contains(html, "<tr><td class=\"code\">C</td><td>Deep analysis</td><td class=\"num\">1.0</td>"
                          "<td class=\"num\">1.8</td><td class=\"num\">+0.8</td></tr>");
    /* the change of the values shown (2.75 -> 2.6 is -0.15, shown 2.8 -> 2.6: -0.2) */
    expect_contains(html, "<tr><td class=\"code\">B</td><td>Real-time analysis</td><td class=\"num\">2.8</td>"
                          "<td class=\"num\">2.6</td><td class=\"num\">-0.2</td></tr>");
    expect_contains(html, "<tr><td class=\"code\">B-2</td><td>");
    expect_contains(html, "<td>Outsource 3</td><td>Insource 3</td><td class=\"num\">+0</td><td class=\"num\">yes</td>"
                          "<td class=\"status unchanged\">Unchanged</td></tr>");
    /* both sides' metadata, the overall maturity old -> new, all six statuses with their counts */
    expect_contains(html, "<table class=\"sides\">\n<tr><th></th><th>Old</th><th>New</th></tr>\n"
                          "<tr><th>Assessment</th><td>&lt;2025&gt;</td><td>2026 &amp; after</td></tr>\n");
    expect_contains(html, "<tr><th>Assessor</th><td>alice</td><td>bob</td></tr>");
    expect_contains(html, "<tr><th>Date</th><td><span class=\"muted\">not set</span></td>");
    cr_expect_eq(occurrences(html, "<li class=\""), 6);
    cr_expect_null(strstr(html, " improved, "), "the old three-count sentence is gone");
    cr_expect_null(strstr(html, "<td class=\"code\">A-1</td>"), "an unchanged role is listed");
    cr_expect_str_eq(html + strlen(html) - 8, "</html>\n");
    isomm_free(html);
    isomm_comparison_free(c);
    isomm_assessment_free(x);
    isomm_assessment_free(y);
}

Test(render, aggregate_html)
{
    isomm_aggregate *ag = aggregate_xyz("alice");
    char *html = render_aggregate(ag, ISOMM_FORMAT_HTML, ISOMM_LANG_JA);

    cr_expect_eq(strncmp(html, "<!DOCTYPE html>\n<html lang=\"ja\">", 32), 0, "%s", html);
    expect_contains(html, "<title>集計（評価数 3）</title>");
    cr_expect_eq(occurrences(html, "class=\"isomm-radar\""), 1);
    cr_expect_eq(occurrences(html, "class=\"isomm-heatmap\""), 1);
    /* disagreements first (B-1 spread 3 first), then all 54 roles */
    cr_expect_eq(occurrences(html, "<tr><td class=\"code\">B-1</td>"), 2);
    cr_expect_eq(occurrences(html, "<tr><td class=\"code\">A-1</td>"), 1);
    expect_contains(html, "<td class=\"num\">3</td><td class=\"num\">2.3</td><td class=\"num\">1</td>"
                          "<td class=\"num\">4</td><td class=\"num\">3</td><td class=\"num\">2</td>"
                          "<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>");
    cr_expect_lt(strstr(html, "<tr><td class=\"code\">B-1</td>"), strstr(html, "<tr><td class=\"code\">B-4</td>"));
    cr_expect_str_eq(html + strlen(html) - 8, "</html>\n");
    isomm_free(html);
    isomm_aggregate_free(ag);
}

/* ---- aggregating CSV files ------------------------------------------------------------ */

/* A temporary file holding text; the caller unlinks it. */
static void temp_csv(char path[32], const char *text)
{
    int fd;
    strcpy(path, "/tmp/isomm-compare-XXXXXX");
    fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

Test(csv, example_1_aggregates_to_its_expected_maturities)
{
    /* tests/data/example-1.expected.json, function_maturity */
    static const double maturity[ISOMM_FUNCTION_COUNT] = {
        3.0, 2.6666666666666665, 2.0, 1.8571428571428572, 2.2, 3.0, 2.7777777777777777, 2.3333333333333335,
        2.3333333333333335
    };
    isomm_aggregate *ag = aggregate_of(NULL, 0);
    isomm_error err;
    int added = -1, f, round;

    for (round = 1; round <= 2; round++) {
        cr_assert_eq(isomm_aggregate_add_csv_file(ag, ISOMM_TEST_DATA "/example-1.csv", NULL, &added, &err), ISOMM_OK,
                     "%s", err.message);
        cr_expect_eq(added, 1);
        cr_expect_eq(isomm_aggregate_count(ag), round);
        for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
            const isomm_function_stats *fs = isomm_aggregate_function(ag, f);
            cr_expect_eq(fs->count, round);
            cr_expect_eq(fs->mean, maturity[f], "function %d: %.17g", f, fs->mean);
            cr_expect_eq(fs->min, maturity[f]);
            cr_expect_eq(fs->max, maturity[f]);
        }
        cr_expect_eq(isomm_aggregate_role(ag, role("A-5"))->unanswered, round);
        cr_expect_eq(isomm_aggregate_role(ag, role("E-7"))->unanswered, round);
        cr_expect_eq(isomm_aggregate_disagreement_count(ag), 0); /* the same answers twice */
    }
    cr_expect_str_eq(isomm_aggregate_recorded_meta(ag, 1, ISOMM_META_ID), "example-1");
    cr_expect_str_eq(isomm_aggregate_recorded_meta(ag, 0, ISOMM_META_ASSESSOR), "CSIRT lead");
    isomm_aggregate_free(ag);
}

Test(csv, several_assessments_in_one_file)
{
    char path[32];
    isomm_aggregate *ag = aggregate_of(NULL, 0);
    isomm_error err;
    int added = 0;

    temp_csv(path, "assessment,assessor,role,sourcing,level\n"
                   "p,alice,B-1,in,2\np,,B-2,out,3\n"
                   "q,bob,B-1,out,5\nq,,B-2,,\n");
    cr_assert_eq(isomm_aggregate_add_csv_file(ag, path, NULL, &added, &err), ISOMM_OK, "%s", err.message);
    unlink(path);
    cr_expect_eq(added, 2);
    /*                    code   n  mean min max spr in out un na dis */
    assert_role_stats(ag, "B-1", 2, 3.5, 2,  5,  3,  1, 1,  0, 0, 1);
    assert_role_stats(ag, "B-2", 1, 3.0, 3,  3,  0,  0, 1,  1, 0, 0);
    cr_expect_str_eq(isomm_aggregate_recorded_meta(ag, 1, ISOMM_META_ASSESSOR), "bob");
    isomm_aggregate_free(ag);
}

Test(csv, a_bad_file_leaves_the_aggregate_unchanged)
{
    char path[32];
    isomm_aggregate *ag = aggregate_of(NULL, 0);
    isomm_model *m = loaded_model("Overall policy management,I,", "Overall policy management,IV,");
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_error err;
    int added = -1;

    cr_assert_eq(isomm_aggregate_add_csv_file(ag, ISOMM_TEST_DATA "/example-1.csv", NULL, NULL, &err), ISOMM_OK);
    /* the first assessment is complete before the bad row of the second: still nothing is added */
    temp_csv(path, "assessment,role,sourcing,level\nok,A-1,in,3\nok,A-2,in,3\nbad,A-1,in,7\n");
    cr_expect_eq(isomm_aggregate_add_csv_file(ag, path, NULL, &added, &err), ISOMM_ELEVEL);
    cr_expect_eq(err.code, ISOMM_ELEVEL);
    cr_expect_eq(err.line, 4);
    cr_expect_eq(err.column, 4);
    cr_expect_eq(added, 0);
    unlink(path);
    cr_expect_eq(isomm_aggregate_count(ag), 1);
    cr_expect_eq(isomm_aggregate_recorded_count(ag), 1);
    cr_expect_eq(isomm_aggregate_role(ag, role("A-2"))->count, 1);

    temp_csv(path, "assessment,role,sourcing,level\n");
    cr_expect_eq(isomm_aggregate_add_csv_file(ag, path, NULL, &added, &err), ISOMM_EEMPTY);
    unlink(path);
    cr_expect_eq(isomm_aggregate_add_csv_file(ag, "/nonexistent/isomm.csv", NULL, &added, &err), ISOMM_EIO);
    cr_expect_eq(err.code, ISOMM_EIO);
    opts.model = m;
    cr_expect_eq(isomm_aggregate_add_csv_file(ag, ISOMM_TEST_DATA "/example-1.csv", &opts, &added, &err),
                 ISOMM_EMODEL);
    cr_expect_eq(isomm_aggregate_add_csv_file(NULL, ISOMM_TEST_DATA "/example-1.csv", NULL, &added, &err),
                 ISOMM_EINVAL);
    cr_expect_eq(isomm_aggregate_add_csv_file(ag, NULL, NULL, &added, &err), ISOMM_EINVAL);
    cr_expect_eq(isomm_aggregate_count(ag), 1);
    isomm_aggregate_free(ag);
    isomm_model_free(m);
}

/* Display columns of each line, counted independently of the library (CJK and fullwidth: 2). */
static size_t widest_line(const char *t)
{
    size_t widest = 0, cols = 0;
    const unsigned char *p = (const unsigned char *)t;
    while (*p) {
        unsigned long cp = *p;
        size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4, k;
        if (len > 1)
            cp &= len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07;
        for (k = 1; k < len && p[k]; k++)
            cp = (cp << 6) | (p[k] & 0x3F);
        if (cp == '\n') {
            cols = 0;
        } else {
            cols += (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xFF01 && cp <= 0xFF60) ? 2 : 1;
            if (cols > widest)
                widest = cols;
        }
        p += len;
    }
    return widest;
}

Test(render, comparison_and_aggregate_text_fit_the_width)
{
    isomm_assessment *x = build("2025", "alice", rows_x), *y = build("2026", "bob", rows_y);
    isomm_comparison *c;
    isomm_aggregate *ag = aggregate_xyz("alice");
    int width, lang;

    cr_assert_eq(isomm_assessment_set_meta(y, ISOMM_META_ORGANIZATION, "セキュリティ統括本部 CSIRT 運用グループ（東京・大阪）",
                                           NULL), ISOMM_OK);
    c = compare_ok(x, y);
    for (lang = 0; lang <= 1; lang++) {
        for (width = 40; width <= 100; width += 6) {
            isomm_report_options o = options(ISOMM_FORMAT_TEXT, (isomm_lang)lang);
            char *t = NULL;
            o.width = width;
            cr_assert_eq(isomm_comparison_render(&t, NULL, c, &o, NULL), ISOMM_OK);
            cr_expect_leq(widest_line(t), (size_t)width, "comparison, lang %d, width %d:\n%s", lang, width, t);
            isomm_free(t);
            cr_assert_eq(isomm_aggregate_render(&t, NULL, ag, &o, NULL), ISOMM_OK);
            cr_expect_leq(widest_line(t), (size_t)width, "aggregate, lang %d, width %d:\n%s", lang, width, t);
            isomm_free(t);
        }
    }
    isomm_comparison_free(c);
    isomm_aggregate_free(ag);
    isomm_assessment_free(x);
    isomm_assessment_free(y);
}
