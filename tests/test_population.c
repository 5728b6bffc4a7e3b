/* SPDX-License-Identifier: MIT */
/* Populations and benchmarks (ISOMM-MODEL.md section 8) with hand-computed expectations.
 *
 * The population P of six assessments; every role not named is insource at the base level:
 *
 *   P1 base 2                              A 2    B 2.0            H 2   overall 2.00
 *   P2 base 2, B-1 in 4                    A 2    B 12/5 = 2.4     H 2   overall 18.4/9 = 2.044 -> 2.04
 *   P3 base 3                              A 3    B 3.0            H 3   overall 3.00
 *   P4 base 3, H-1..H-3 out 0              A 3    B 3.0            H -   overall 3.00 (8 functions)
 *   P5 base 4, A-1 unanswered              A 21/6 = 3.5  B 4.0     H 4   overall 35.5/9 = 3.944 -> 3.94
 *   P6 base 2, B-1 out 4                   A 2    B 2.4            H 2   overall 2.04
 *
 * Sorted:  A  2 2 2 3 3 3.5     B  2.0 2.4 2.4 3.0 3.0 4.0     C  2 2 2 3 3 4
 *          H  2 2 2 3 4 (N = 5)  overall 2.00 2.04 2.04 3.00 3.00 3.94
 * Quartiles by nearest rank: N = 6 -> ranks 2, 3, 5; N = 5 -> ranks 2, 3, 4.
 *          A [2, 2, 3]   B [2.4, 2.4, 3.0]   C [2, 2, 3]   H [2, 2, 3]   overall [2.04, 2.04, 3.00]
 *
 * The subject S: base 2, B-1 in 4, A-1 in 5, H-1 in 5, D-1 in 1, G-1 out 0, I-1 unanswered:
 *   A (5 + 2x5)/6 = 2.5: below 3 (2 2 2), equal 0 -> percentile 100 x 3 / 6 = 50
 *   B 2.4: below 1, equal 2 -> 100 x (1 + 1) / 6 = 33.33...
 *   C 2: below 0, equal 3 -> 25
 *   D (1 + 2x7)/8 = 1.875: below 0, equal 0 -> 0
 *   G 2 (G-1 left out at level 0): equal 3 -> 25
 *   H (5 + 2 + 2)/3 = 3: below 3, equal 1, N = 5 -> 70
 *   I (1 + 2x5)/6 = 11/6: 0
 *   overall (2.5 + 2.4 + 2 + 1.875 + 2 + 2 + 2 + 3 + 11/6) / 9 = 2.1787 -> 2.18: below 3 -> 50
 *   A-1 level 5: rated 5 (P5 unanswered), below 5 -> 1.0, 0, 0: above most
 *   B-1 level 4: rated 6, below 3 (2 3 3), same 3 (4 4 4), above 0: at; insource 5 : outsource 1
 *   D-1 level 1: below 0, same 0, above 6: below most
 *   H-1 level 5: rated 5 (P4 at level 0): below 5: above most
 *   G-1 level 0 and I-1 unanswered: no shares; G-1's common sourcing is still insource
 */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <isomm/isomm.h>

#define IN ISOMM_INSOURCE
#define OUT ISOMM_OUTSOURCE
#define UNANSWERED (-1)

struct row {
    const char *role;
    isomm_sourcing sourcing;
    int level; /* UNANSWERED clears the role */
};

static isomm_assessment *make_on(const isomm_model *model, const char *id, int base, const struct row *rows)
{
    isomm_assessment *a = NULL;
    isomm_error err;
    int i;
    cr_assert_eq(isomm_assessment_new(&a, model, &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ID, id, &err), ISOMM_OK);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        cr_assert_eq(isomm_assessment_set_index(a, i, IN, base, NULL, &err), ISOMM_OK);
    for (; rows && rows->role; rows++) {
        if (rows->level == UNANSWERED)
            cr_assert_eq(isomm_assessment_clear(a, rows->role, &err), ISOMM_OK);
        else
            cr_assert_eq(isomm_assessment_set(a, rows->role, rows->sourcing, rows->level, NULL, &err), ISOMM_OK,
                         "%s", err.message);
    }
    return a;
}

static isomm_assessment *make(const char *id, int base, const struct row *rows)
{
    return make_on(NULL, id, base, rows);
}

static const struct row rows_p2[] = { { "B-1", IN, 4 }, { NULL, 0, 0 } };
static const struct row rows_p4[] = { { "H-1", OUT, 0 }, { "H-2", OUT, 0 }, { "H-3", OUT, 0 }, { NULL, 0, 0 } };
static const struct row rows_p5[] = { { "A-1", IN, UNANSWERED }, { NULL, 0, 0 } };
static const struct row rows_p6[] = { { "B-1", OUT, 4 }, { NULL, 0, 0 } };
static const struct row rows_s[] = { { "B-1", IN, 4 },  { "A-1", IN, 5 },  { "H-1", IN, 5 }, { "D-1", IN, 1 },
                                     { "G-1", OUT, 0 }, { "I-1", IN, UNANSWERED }, { NULL, 0, 0 } };

/* P, built by adding P1..P6 in order. */
static isomm_population *population_p(void)
{
    isomm_assessment *list[6];
    isomm_population *p = NULL;
    isomm_error err;
    int i;
    list[0] = make("P1", 2, NULL);
    list[1] = make("P2", 2, rows_p2);
    list[2] = make("P3", 3, NULL);
    list[3] = make("P4", 3, rows_p4);
    list[4] = make("P5", 4, rows_p5);
    list[5] = make("P6", 2, rows_p6);
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    for (i = 0; i < 6; i++) {
        cr_assert_eq(isomm_population_add(p, list[i], &err), ISOMM_OK, "%s", err.message);
        isomm_assessment_free(list[i]);
    }
    return p;
}

static isomm_benchmark *bench_s(const isomm_population *p, uint64_t min_size)
{
    isomm_benchmark_options o = ISOMM_BENCHMARK_OPTIONS_INIT;
    isomm_assessment *s = make("S", 2, rows_s);
    isomm_benchmark *b = NULL;
    isomm_error err;
    o.min_size = min_size;
    cr_assert_eq(isomm_population_benchmark(&b, p, s, &o, &err), ISOMM_OK, "%s", err.message);
    isomm_assessment_free(s);
    return b;
}

#define EPS 1e-12

/* An error at a position, with exactly this message. */
static void expect_at(const isomm_error *err, long line, long column, const char *message)
{
    cr_expect_str_eq(err->message, message);
    cr_expect(err->line == line && err->column == column, "at %ld:%ld, expected %ld:%ld (%s)", err->line,
              err->column, line, column, err->message);
}

static void expect_value(const isomm_benchmark_value *v, double maturity, double percentile, double q1, double q2,
                         double q3)
{
    cr_assert_not_null(v);
    cr_expect_eq(v->has_maturity, 1);
    cr_expect(fabs(v->maturity - maturity) < EPS, "maturity %.17g, expected %.17g", v->maturity, maturity);
    cr_expect_eq(v->has_percentile, 1);
    cr_expect(fabs(v->percentile - percentile) < EPS, "percentile %.17g, expected %.17g", v->percentile, percentile);
    cr_expect_eq(v->has_quartiles, 1);
    cr_expect(fabs(v->quartiles[0] - q1) < EPS && fabs(v->quartiles[1] - q2) < EPS && fabs(v->quartiles[2] - q3) < EPS,
              "quartiles %g %g %g, expected %g %g %g", v->quartiles[0], v->quartiles[1], v->quartiles[2], q1, q2, q3);
}

Test(population, counts_of_the_hand_built_population)
{
    isomm_population *p = population_p();
    const isomm_role_counts *rc;
    int num, den, h;
    uint64_t count;

    cr_expect_eq(isomm_population_count(p), 6);
    /* B: 2 (1), 12/5 (2), 3 (2), 4 (1) */
    cr_assert_eq(isomm_population_function_value_count(p, 1), 4);
    cr_expect_eq(isomm_population_function_value(p, 1, 1, &num, &den, &count), ISOMM_OK);
    cr_expect(num == 12 && den == 5 && count == 2, "B value 1 is %d/%d x %llu", num, den, (unsigned long long)count);
    cr_expect_eq(isomm_population_function_value(p, 1, 3, &num, &den, &count), ISOMM_OK);
    cr_expect(num == 4 && den == 1 && count == 1);
    cr_expect_eq(isomm_population_function_value(p, 1, 4, &num, &den, &count), ISOMM_ERANGE);
    /* A: 7/2 once */
    cr_expect_eq(isomm_population_function_value(p, 0, 2, &num, &den, &count), ISOMM_OK);
    cr_expect(num == 7 && den == 2 && count == 1);
    /* H: one without maturity */
    cr_expect_eq(isomm_population_function_none(p, 7), 1);
    cr_expect_eq(isomm_population_function_none(p, 0), 0);
    /* overall: 200, 204 x 2, 300 x 2, 394 */
    cr_assert_eq(isomm_population_overall_value_count(p), 4);
    cr_expect_eq(isomm_population_overall_value(p, 1, &h, &count), ISOMM_OK);
    cr_expect(h == 204 && count == 2, "overall value 1 is %d x %llu", h, (unsigned long long)count);
    cr_expect_eq(isomm_population_overall_value(p, 3, &h, &count), ISOMM_OK);
    cr_expect(h == 394 && count == 1);
    cr_expect_eq(isomm_population_overall_none(p), 0);
    /* roles */
    rc = isomm_population_role(p, 0); /* */
    cr_expect(rc->insource[2] == 3 && rc->insource[3] == 2 && rc->unanswered == 1);
    rc = isomm_population_role(p, 6); /* B-1 */
    cr_expect(rc->insource[2] == 1 && rc->insource[3] == 2 && rc->insource[4] == 2 && rc->outsource[4] == 1);
    rc = isomm_population_role(p, 45); /* H-1 */
    cr_expect_eq(rc->outsource[0], 1);
    cr_expect_null(isomm_population_role(p, 54));
    isomm_population_free(p);
}

Test(population, benchmark_percentiles_and_quartiles_by_hand)
{
    isomm_population *p = population_p();
    isomm_benchmark *b = bench_s(p, 5);

    cr_expect_str_eq(isomm_benchmark_id(b), "S");
    cr_expect_eq(isomm_benchmark_population(b), 6);
    expect_value(isomm_benchmark_function(b, 0), 2.5, 50.0, 2, 2, 3);
    expect_value(isomm_benchmark_function(b, 1), 2.4, 200.0 / 6.0, 2.4, 2.4, 3.0);
    expect_value(isomm_benchmark_function(b, 2), 2.0, 25.0, 2, 2, 3);
    expect_value(isomm_benchmark_function(b, 3), 1.875, 0.0, 2, 2, 3);
    expect_value(isomm_benchmark_function(b, 6), 2.0, 25.0, 2, 2, 3);
    expect_value(isomm_benchmark_function(b, 7), 3.0, 70.0, 2, 2, 3);
    cr_expect_eq(isomm_benchmark_function(b, 7)->population, 5);
    expect_value(isomm_benchmark_function(b, 8), 11.0 / 6.0, 0.0, 2, 2, 3);
    expect_value(isomm_benchmark_overall(b), (2.5 + 2.4 + 2 + 1.875 + 2 + 2 + 2 + 3 + 11.0 / 6.0) / 9, 50.0, 2.04,
                 2.04, 3.0);
    cr_expect_eq(isomm_benchmark_overall(b)->function, -1);
    isomm_benchmark_free(b);
    isomm_population_free(p);
}

Test(population, benchmark_roles_by_hand)
{
    isomm_population *p = population_p();
    isomm_benchmark *b = bench_s(p, 5);
    const isomm_role_standing *r;

    r = isomm_benchmark_role(b, 0); /* A-1 at 5 */
    cr_expect(r->level == 5 && r->rated == 5 && r->has_shares == 1);
    cr_expect(r->below == 1.0 && r->same == 0.0 && r->above == 0.0);
    cr_expect_eq(r->standing, ISOMM_STANDING_ABOVE);
    cr_expect_eq(r->common_sourcing, ISOMM_INSOURCE);
    r = isomm_benchmark_role(b, 6); /* B-1 at 4 */
    cr_expect(r->rated == 6 && r->below == 0.5 && r->same == 0.5 && r->above == 0.0);
    cr_expect_eq(r->standing, ISOMM_STANDING_AT);
    cr_expect_eq(r->common_sourcing, ISOMM_INSOURCE);
    r = isomm_benchmark_role(b, 16); /* D-1 at 1 */
    cr_expect(r->below == 0.0 && r->same == 0.0 && r->above == 1.0);
    cr_expect_eq(r->standing, ISOMM_STANDING_BELOW);
    r = isomm_benchmark_role(b, 45); /* H-1 at 5 */
    cr_expect(r->rated == 5 && r->below == 1.0);
    r = isomm_benchmark_role(b, 35); /* G-1 at level 0 */
    cr_expect(r->level == 0 && r->sourcing == ISOMM_OUTSOURCE && r->has_shares == 0);
    cr_expect_eq(r->standing, ISOMM_STANDING_NONE);
    cr_expect_eq(r->common_sourcing, ISOMM_INSOURCE);
    r = isomm_benchmark_role(b, 48); /* I-1 unanswered */
    cr_expect(r->level == ISOMM_UNANSWERED && r->sourcing == ISOMM_SOURCING_NONE && r->has_shares == 0);
    cr_expect_str_eq(isomm_standing_id(ISOMM_STANDING_BELOW), "below");
    cr_expect_null(isomm_standing_id(ISOMM_STANDING_NONE));
    isomm_benchmark_free(b);
    isomm_population_free(p);
}

Test(population, tied_sourcing_has_no_common_sourcing)
{
    static const struct row out_a1[] = { { "A-1", OUT, 3 }, { NULL, 0, 0 } };
    isomm_population *p = NULL;
    isomm_benchmark *b = NULL;
    isomm_assessment *a;
    isomm_error err;
    int i;
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    for (i = 0; i < 6; i++) {
        a = make("x", 3, i % 2 ? out_a1 : NULL);
        cr_assert_eq(isomm_population_add(p, a, &err), ISOMM_OK);
        isomm_assessment_free(a);
    }
    a = make("s", 3, NULL);
    cr_assert_eq(isomm_population_benchmark(&b, p, a, NULL, &err), ISOMM_OK);
    cr_expect_eq(isomm_benchmark_role(b, 0)->common_sourcing, ISOMM_SOURCING_NONE);
    cr_expect_eq(isomm_benchmark_role(b, 1)->common_sourcing, ISOMM_INSOURCE);
    cr_expect_eq(isomm_benchmark_role(b, 0)->same, 1.0);
    isomm_benchmark_free(b);
    isomm_assessment_free(a);
    isomm_population_free(p);
}

Test(population, subject_function_without_maturity_has_no_percentile)
{
    static const struct row h_zero[] = { { "H-1", IN, 0 }, { "H-2", IN, 0 }, { "H-3", OUT, 0 }, { NULL, 0, 0 } };
    isomm_population *p = population_p();
    isomm_assessment *a = make("no H", 3, h_zero);
    isomm_benchmark *b = NULL;
    const isomm_benchmark_value *h;
    isomm_error err;

    cr_assert_eq(isomm_population_benchmark(&b, p, a, NULL, &err), ISOMM_OK);
    h = isomm_benchmark_function(b, 7);
    cr_expect_eq(h->has_maturity, 0);
    cr_expect_eq(h->has_percentile, 0);
    cr_expect_eq(h->has_quartiles, 1); /* the population's H quartiles still exist */
    cr_expect_eq(h->quartiles[2], 3.0);
    /* overall over the eight other functions, all 3.0: 3.00 -> equal 2 of 6, below 3 */
    cr_expect(fabs(isomm_benchmark_overall(b)->percentile - 100.0 * 4.0 / 6.0) < EPS);
    isomm_benchmark_free(b);
    isomm_assessment_free(a);
    isomm_population_free(p);
}

Test(population, figures_on_fewer_than_the_minimum_are_left_out)
{
    isomm_population *p = population_p();
    isomm_benchmark *b = bench_s(p, 6);
    /* H has 5 assessments with a maturity, below 6 */
    cr_expect_eq(isomm_benchmark_function(b, 7)->has_percentile, 0);
    cr_expect_eq(isomm_benchmark_function(b, 7)->has_quartiles, 0);
    cr_expect_eq(isomm_benchmark_function(b, 7)->population, 5);
    cr_expect_eq(isomm_benchmark_function(b, 1)->has_percentile, 1);
    /* A-1 was rated by 5 */
    cr_expect_eq(isomm_benchmark_role(b, 0)->has_shares, 0);
    cr_expect_eq(isomm_benchmark_role(b, 0)->common_sourcing, ISOMM_SOURCING_NONE);
    cr_expect_eq(isomm_benchmark_role(b, 6)->has_shares, 1);
    cr_expect_eq(isomm_benchmark_min_size(b), 6);
    isomm_benchmark_free(b);
    isomm_population_free(p);
}

Test(population, below_the_minimum_size_is_refused)
{
    isomm_benchmark_options o = ISOMM_BENCHMARK_OPTIONS_INIT;
    isomm_population *p = population_p();
    isomm_assessment *s = make("S", 2, rows_s);
    isomm_benchmark *b = (isomm_benchmark *)1;
    isomm_error err;

    o.min_size = 7;
    cr_expect_eq(isomm_population_benchmark(&b, p, s, &o, &err), ISOMM_EEMPTY);
    cr_expect_null(b);
    cr_expect_str_eq(err.message, "the population holds 6 assessments, fewer than the minimum of 7 for a benchmark "
                                  "(too few to hide any one of them)");
    o.min_size = 0;
    cr_expect_eq(isomm_population_benchmark(&b, p, s, &o, &err), ISOMM_EOPTIONS);
    o.min_size = 5;
    o.version = 2;
    cr_expect_eq(isomm_population_benchmark(&b, p, s, &o, &err), ISOMM_EOPTIONS);
    isomm_population_free(p);
    /* the default minimum is 5 */
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    for (int i = 0; i < 4; i++)
        cr_assert_eq(isomm_population_add(p, s, &err), ISOMM_OK);
    cr_expect_eq(isomm_population_benchmark(&b, p, s, NULL, &err), ISOMM_EEMPTY);
    cr_expect(strstr(err.message, "holds 4 assessments, fewer than the minimum of 5") != NULL, "%s", err.message);
    cr_assert_eq(isomm_population_add(p, s, &err), ISOMM_OK);
    cr_expect_eq(isomm_population_benchmark(&b, p, s, NULL, &err), ISOMM_OK);
    isomm_benchmark_free(b);
    isomm_assessment_free(s);
    isomm_population_free(p);
}

Test(population, overall_half_hundredth_rounds_up)
{
    /* D at 25/8 = 3.125 and eight functions at 2: overall (16 + 3.125) / 9 = 2.125 exactly -> 2.13 */
    static const struct row d[] = { { "D-1", IN, 5 }, { "D-2", IN, 4 }, { "D-3", IN, 4 }, { "D-4", IN, 3 },
                                    { "D-5", IN, 3 }, { NULL, 0, 0 } };
    isomm_population *p = NULL;
    isomm_assessment *a = make("x", 2, d);
    isomm_error err;
    int h = 0;
    double overall;
    isomm_result *r;

    cr_assert_eq(isomm_evaluate(&r, a, NULL, &err), ISOMM_OK);
    isomm_result_overall(r, &overall);
    cr_assert_eq(overall, 2.125);
    isomm_result_free(r);
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_add(p, a, &err), ISOMM_OK);
    cr_expect_eq(isomm_population_overall_value(p, 0, &h, NULL), ISOMM_OK);
    cr_expect_eq(h, 213);
    isomm_assessment_free(a);
    isomm_population_free(p);
}

Test(population, all_level_zero_has_neither_function_nor_overall)
{
    isomm_population *p = NULL;
    isomm_assessment *a;
    isomm_error err;
    int i;
    cr_assert_eq(isomm_assessment_new(&a, NULL, &err), ISOMM_OK);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        cr_assert_eq(isomm_assessment_set_index(a, i, OUT, 0, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_add(p, a, &err), ISOMM_OK);
    cr_expect_eq(isomm_population_overall_none(p), 1);
    cr_expect_eq(isomm_population_overall_value_count(p), 0);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
        cr_expect_eq(isomm_population_function_none(p, i), 1);
    cr_expect_eq(isomm_population_role(p, 53)->outsource[0], 1);
    isomm_assessment_free(a);
    isomm_population_free(p);
}

/* ---- merging ------------------------------------------------------------------------------ */

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

/* A pseudo-random assessment: unanswered, level 0 and both sourcings all occur. */
static isomm_assessment *random_assessment(uint64_t *seed)
{
    isomm_assessment *a = NULL;
    isomm_error err;
    int i;
    cr_assert_eq(isomm_assessment_new(&a, NULL, &err), ISOMM_OK);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        int v = (int)(lcg(seed) % 14);
        if (v < 12)
            cr_assert_eq(isomm_assessment_set_index(a, i, v < 6 ? IN : OUT, v % 6, NULL, &err), ISOMM_OK);
    }
    return a;
}

static isomm_population *random_population(uint64_t seed, int n)
{
    isomm_population *p = NULL;
    isomm_error err;
    int i;
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    for (i = 0; i < n; i++) {
        isomm_assessment *a = random_assessment(&seed);
        cr_assert_eq(isomm_population_add(p, a, &err), ISOMM_OK);
        isomm_assessment_free(a);
    }
    return p;
}

Test(population, merge_is_the_union_whatever_the_order_and_grouping)
{
    /* A = first 40 of the stream, B = next 25, C = last 35; all = the 100 added one by one */
    uint64_t seed = 42;
    isomm_population *all = random_population(42, 100), *a = NULL, *b = NULL, *c = NULL, *x, *y;
    isomm_error err;
    int i;
    cr_assert_eq(isomm_population_new(&a, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_new(&b, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_new(&c, NULL, &err), ISOMM_OK);
    for (i = 0; i < 100; i++) {
        isomm_assessment *as = random_assessment(&seed);
        cr_assert_eq(isomm_population_add(i < 40 ? a : (i < 65 ? b : c), as, &err), ISOMM_OK);
        isomm_assessment_free(as);
    }
    /* (A + B) + C */
    cr_assert_eq(isomm_population_copy(&x, a, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_merge(x, b, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_merge(x, c, &err), ISOMM_OK);
    /* C + (B + A) */
    cr_assert_eq(isomm_population_copy(&y, b, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_merge(y, a, &err), ISOMM_OK);
    {
        isomm_population *z;
        cr_assert_eq(isomm_population_copy(&z, c, &err), ISOMM_OK);
        cr_assert_eq(isomm_population_merge(z, y, &err), ISOMM_OK);
        isomm_population_free(y);
        y = z;
    }
    cr_expect_eq(isomm_population_count(x), 100);
    cr_expect(isomm_population_equal(x, all));
    cr_expect(isomm_population_equal(y, all));
    /* and the files are the same bytes */
    {
        char *jx, *jall;
        cr_assert_eq(isomm_population_to_json(&jx, NULL, x, &err), ISOMM_OK);
        cr_assert_eq(isomm_population_to_json(&jall, NULL, all, &err), ISOMM_OK);
        cr_expect_str_eq(jx, jall);
        isomm_free(jx);
        isomm_free(jall);
    }
    /* a population merged into itself doubles */
    cr_assert_eq(isomm_population_merge(x, x, &err), ISOMM_OK);
    cr_expect_eq(isomm_population_count(x), 200);
    cr_expect_not(isomm_population_equal(x, all));
    isomm_population_free(a);
    isomm_population_free(b);
    isomm_population_free(c);
    isomm_population_free(x);
    isomm_population_free(y);
    isomm_population_free(all);
}

static isomm_model *edited_model(void)
{
    static const char from[] = "Asset information collection,II,", to[] = "Asset information collection,I,";
    isomm_model *m = NULL;
    isomm_error err;
    char *csv = NULL, *at;
    size_t len = 0;
    cr_assert_eq(isomm_model_write_csv_buffer(&csv, &len, isomm_model_default(), &err), ISOMM_OK);
    at = strstr(csv, from);
    cr_assert_not_null(at);
    memmove(at + strlen(to), at + strlen(from), strlen(at + strlen(from)) + 1);
    memcpy(at, to, strlen(to));
    cr_assert_eq(isomm_model_load_csv_buffer(&m, csv, strlen(csv), "moved", &err), ISOMM_OK, "%s", err.message);
    isomm_free(csv);
    return m;
}

Test(population, different_models_are_refused)
{
    isomm_model *m = edited_model();
    isomm_population *p = population_p(), *q = NULL;
    isomm_assessment *a = make_on(m, "other", 3, NULL);
    isomm_benchmark *b = NULL;
    isomm_error err;
    char *json;

    cr_expect_eq(isomm_population_add(p, a, &err), ISOMM_EMODEL);
    cr_expect_str_eq(err.message, "the assessment and the population use different models ('moved' and 'ISOMM "
                                  "v2.1'); a population holds assessments of one catalogue");
    cr_expect_eq(isomm_population_count(p), 6);
    cr_expect_eq(isomm_population_benchmark(&b, p, a, NULL, &err), ISOMM_EMODEL);
    cr_assert_eq(isomm_population_new(&q, m, &err), ISOMM_OK);
    cr_expect_eq(isomm_population_merge(q, p, &err), ISOMM_EMODEL);
    cr_expect_eq(isomm_population_merge(p, q, &err), ISOMM_EMODEL);
    /* a file of the built-in model does not load for the moved model, and the message says so */
    cr_assert_eq(isomm_population_to_json(&json, NULL, p, &err), ISOMM_OK);
    isomm_population_free(q);
    q = (isomm_population *)1;
    cr_expect_eq(isomm_population_load_buffer(&q, json, strlen(json), m, &err), ISOMM_EMODEL);
    cr_expect_null(q);
    cr_expect_eq(err.line, 0); /* a mix of models, not a fault at a place of the file */
    cr_expect(strstr(err.message, "the population was built on another catalogue") != NULL, "%s", err.message);
    /* a loaded copy of the built-in catalogue is the same model */
    isomm_free(json);
    isomm_assessment_free(a);
    isomm_population_free(p);
    isomm_model_free(m);
}

/* ---- the file ---------------------------------------------------------------------------- */

Test(population, save_load_gives_an_equal_population)
{
    isomm_population *p = random_population(7, 300), *q = NULL;
    char path[] = "/tmp/isomm-pop-XXXXXX";
    char *first, *second;
    isomm_error err;
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);
    cr_assert_eq(isomm_population_save(p, path, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(isomm_population_load(&q, path, NULL, &err), ISOMM_OK, "%s", err.message);
    cr_expect(isomm_population_equal(p, q));
    cr_assert_eq(isomm_population_to_json(&first, NULL, p, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_to_json(&second, NULL, q, &err), ISOMM_OK);
    cr_expect_str_eq(first, second);
    isomm_free(first);
    isomm_free(second);
    isomm_population_free(q);
    /* the empty population too */
    isomm_population_free(p);
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_save(p, path, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_load(&q, path, NULL, &err), ISOMM_OK, "%s", err.message);
    cr_expect(isomm_population_equal(p, q));
    unlink(path);
    isomm_population_free(p);
    isomm_population_free(q);
}

Test(population, file_holds_counts_only)
{
    isomm_population *p = NULL;
    isomm_assessment *a = make("secret-id", 3, NULL);
    isomm_error err;
    char *json;
    int i;
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ORGANIZATION, "Secret Org", &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_ASSESSOR, "Alice", &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_meta(a, ISOMM_META_DATE, "2026-11-01", &err), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set(a, "A-1", IN, 4, "private note", &err), ISOMM_OK);
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    for (i = 0; i < 5; i++)
        cr_assert_eq(isomm_population_add(p, a, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_to_json(&json, NULL, p, &err), ISOMM_OK);
    cr_expect_null(strstr(json, "secret"));
    cr_expect_null(strstr(json, "Secret"));
    cr_expect_null(strstr(json, "Alice"));
    cr_expect_null(strstr(json, "2026"));
    cr_expect_null(strstr(json, "private"));
    cr_expect(strncmp(json, "{\"type\": \"isomm-population\", \"format\": 1,\n", 42) == 0, "%.60s", json);
    /* the catalogue id of the built-in model is fixed (docs/POPULATION.md) */
    cr_expect(strstr(json, "\n \"model\": \"ISOMM v2.1\", \"catalogue\": \"fnv1a64:85969eb97c21e2ce\",\n") != NULL, "%s", json);
    cr_expect(strstr(json, "\n  {\"code\": \"A-1\", \"unanswered\": 0, \"insource\": [0, 0, 0, 0, 5, 0], "
                           "\"outsource\": [0, 0, 0, 0, 0, 0]}") != NULL);
    /* A: (4 + 3x5)/6 = 19/6 */
    cr_expect(strstr(json, "{\"code\": \"A\", \"without_maturity\": 0, \"maturities\": [[19, 6, 5]]}") != NULL, "%s",
              json);
    isomm_free(json);
    isomm_assessment_free(a);
    isomm_population_free(p);
}

/* The file of P with `from` replaced by `to` (first occurrence), loaded; returns the code. */
static int load_edited(const char *from, const char *to, isomm_error *err)
{
    isomm_population *p = population_p(), *q = (isomm_population *)1;
    char *json, *edited, *at;
    size_t len;
    int rc;
    cr_assert_eq(isomm_population_to_json(&json, &len, p, err), ISOMM_OK);
    at = strstr(json, from);
    cr_assert_not_null(at, "'%s' not in %s", from, json);
    edited = malloc(len + strlen(to) + 1);
    cr_assert_not_null(edited);
    memcpy(edited, json, (size_t)(at - json));
    strcpy(edited + (at - json), to);
    strcat(edited, at + strlen(from));
    rc = isomm_population_load_buffer(&q, edited, strlen(edited), NULL, err);
    if (rc)
        cr_expect_null(q);
    isomm_population_free(q);
    isomm_population_free(p);
    isomm_free(json);
    free(edited);
    return rc;
}

/* Line 1: {"type": "isomm-population", "format": 1,    line 2: model and catalogue
 * line 3: "assessments": 6,    line 4: "functions": [    lines 5-13: A ... I
 * line 14: "overall"    line 15: "roles": [    lines 16-69: A-1 ... I-6 */

Test(population, hostile_wrong_format_version)
{
    isomm_error err;
    cr_expect_eq(load_edited("\"format\": 1", "\"format\": 2", &err), ISOMM_EPARSE);
    expect_at(&err, 1, 40, "population file format 2 is not supported (this library reads "
                                  "format 1)");
    cr_expect(err.line == 1 && err.column == 40);
    cr_expect_eq(load_edited("\"type\": \"isomm-population\"", "\"type\": \"isomm-aggregate\"", &err), ISOMM_EPARSE);
    expect_at(&err, 1, 10, "\"type\" is \"isomm-aggregate\" (expected \"isomm-population\")");
}

Test(population, hostile_negative_count)
{
    isomm_error err;
    cr_expect_eq(load_edited("\"assessments\": 6", "\"assessments\": -6", &err), ISOMM_EPARSE);
    expect_at(&err, 3, 17, "negative number as \"assessments\" (expected a count, 0 or more)");
    cr_expect_eq(load_edited("\"unanswered\": 1", "\"unanswered\": -1", &err), ISOMM_EPARSE);
    expect_at(&err, 16, 33, "negative number in role A-1 (expected a count, 0 or more)");
}

Test(population, hostile_counts_that_do_not_add_up)
{
    isomm_error err;
    cr_expect_eq(load_edited("\"assessments\": 6", "\"assessments\": 7", &err), ISOMM_ECONFLICT);
    expect_at(&err, 5, 3,
                     "the counts of function A add up to 6, but \"assessments\" is 7");
    cr_expect(err.line == 5 && err.column == 3);
    /* one role count too many: A-1 has 1 unanswered */
    cr_expect_eq(load_edited("\"unanswered\": 1", "\"unanswered\": 2", &err), ISOMM_ECONFLICT);
    expect_at(&err, 16, 3, "the counts of role A-1 add up to 7, but \"assessments\" is 6");
    /* overall counts moved */
    cr_expect_eq(load_edited("[394, 1]", "[394, 2]", &err), ISOMM_ECONFLICT);
    expect_at(&err, 14, 13, "the counts of \"overall\" add up to 7, but \"assessments\" is 6");
    /* H without maturity in 2 assessments, but H-1 is at level 0 in only 1: counts of H still add up */
    cr_expect_eq(load_edited("\"code\": \"H\", \"without_maturity\": 1, \"maturities\": [[2, 1, 3]",
                             "\"code\": \"H\", \"without_maturity\": 2, \"maturities\": [[2, 1, 2]", &err),
                 ISOMM_ECONFLICT);
    expect_at(&err, 12, 3, "function H has 2 assessments without maturity, but only 1 "
                                  "answered its role H-1 at level 0 (a function has no maturity only when all its "
                                  "roles are at level 0)");
}

Test(population, hostile_huge_numbers)
{
    isomm_error err;
    cr_expect_eq(load_edited("\"assessments\": 6", "\"assessments\": 18446744073709551617", &err), ISOMM_ELIMIT);
    expect_at(&err, 3, 17, "number too large as \"assessments\" (the largest count is "
                                  "9007199254740991)");
    cr_expect_eq(load_edited("\"assessments\": 6", "\"assessments\": 9007199254740992", &err), ISOMM_ELIMIT);
    cr_expect_eq(load_edited("\"assessments\": 6", "\"assessments\": 6.0", &err), ISOMM_EPARSE);
    expect_at(&err, 3, 17, "number that is not a whole number as \"assessments\" (expected a "
                                  "count)");
    cr_expect_eq(load_edited("\"assessments\": 6", "\"assessments\": 6e0", &err), ISOMM_EPARSE);
    cr_expect_eq(load_edited("\"assessments\": 6", "\"assessments\": 06", &err), ISOMM_EPARSE);
    expect_at(&err, 3, 17, "number with a leading zero as \"assessments\"");
}

Test(population, hostile_trailing_data)
{
    isomm_error err;
    cr_expect_eq(load_edited("]}\n", "]}\n{}", &err), ISOMM_EPARSE);
    /* the last role line is 69; the document ends with a newline */
    expect_at(&err, 70, 1, "data after the population object: '{' (expected the end of the "
                                  "file)");
    cr_expect_eq(load_edited("]}\n", "]}\n \n\t \n", &err), ISOMM_OK);
}

Test(population, hostile_structure)
{
    isomm_error err;
    cr_expect_eq(load_edited("\"model\"", "\"modle\"", &err), ISOMM_EPARSE);
    expect_at(&err, 2, 2, "unknown member \"modle\" in the population object");
    cr_expect_eq(load_edited("\"unanswered\": 1,", "\"unanswered\": 1, \"unanswered\": 1,", &err), ISOMM_EPARSE);
    expect_at(&err, 16, 36, "member \"unanswered\" given twice in role A-1");
    cr_expect_eq(load_edited(", \"catalogue\"", ", \"x\": 1, \"catalogue\"", &err), ISOMM_EPARSE);
    cr_expect_eq(load_edited("{\"code\": \"A-2\"", "{\"code\": \"A-3\"", &err), ISOMM_EPARSE);
    expect_at(&err, 17, 12, "role \"A-3\" in entry 2 of \"roles\" (expected \"A-2\": the "
                                  "catalogue's roles in order)");
    cr_expect_eq(load_edited("[12, 5, 2]", "[24, 10, 2]", &err), ISOMM_EPARSE);
    cr_expect(strstr(err.message, "maturity 24/10 in function B is not a reduced fraction") != NULL, "%s",
              err.message);
    cr_expect_eq(load_edited("[12, 5, 2]", "[12, 11, 2]", &err), ISOMM_EPARSE);
    cr_expect(strstr(err.message, "maturity 12/11 in function B is not a function maturity") != NULL, "%s",
              err.message);
    cr_expect_eq(load_edited("[[2, 1, 1], [12, 5, 2]", "[[12, 5, 2], [2, 1, 1]", &err), ISOMM_EPARSE);
    cr_expect(strstr(err.message, "maturity 2/1 in function B is not above the one before") != NULL, "%s",
              err.message);
    cr_expect_eq(load_edited("[12, 5, 2]", "[12, 5, 0]", &err), ISOMM_EPARSE);
    cr_expect_eq(load_edited("[394, 1]", "[501, 1]", &err), ISOMM_EPARSE);
    cr_expect(strstr(err.message, "overall maturity 501 in \"overall\" is out of range") != NULL, "%s", err.message);
    cr_expect_eq(load_edited("\"insource\": [0, 0, 3, 2, 0, 0]", "\"insource\": [0, 0, 3, 2, 0]", &err),
                 ISOMM_EPARSE);
    /* escapes are decoded before texts are compared */
    cr_expect_eq(load_edited("\"isomm-population\"", "\"\\u0069somm\\u002dpopulation\"", &err), ISOMM_OK,
                 "%s", err.message);
    cr_expect_eq(load_edited("\"A-1\"", "\"A\\u002d1\"", &err), ISOMM_OK, "%s", err.message);
    cr_expect_eq(load_edited("\"A-1\"", "\"A\\q1\"", &err), ISOMM_EPARSE);
    expect_at(&err, 16, 15, "unknown escape in a string in entry 1 of \"roles\"");
    cr_expect_eq(load_edited("\"type\": \"isomm-population\", ", "", &err), ISOMM_EPARSE);
    cr_expect(strstr(err.message, "member \"type\" missing in the population object") != NULL, "%s", err.message);
}

Test(population, hostile_empty_and_whitespace)
{
    isomm_population *q = (isomm_population *)1;
    isomm_error err;
    char spaces[4096];
    memset(spaces, ' ', sizeof spaces);
    spaces[10] = '\n';
    cr_expect_eq(isomm_population_load_buffer(&q, spaces, sizeof spaces, NULL, &err), ISOMM_EPARSE);
    expect_at(&err, 2, 4086, "the file holds no population (expected a JSON object)");
    cr_expect_null(q);
    cr_expect_eq(isomm_population_load_buffer(&q, "", 0, NULL, &err), ISOMM_EPARSE);
    expect_at(&err, 1, 1, "the file holds no population (expected a JSON object)");
    cr_expect_eq(isomm_population_load_buffer(&q, "[1]", 3, NULL, &err), ISOMM_EPARSE);
    expect_at(&err, 1, 1, "expected '{' at the start of a population file, found '['");
}

static long max_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

Test(population, hostile_100_mb_of_whitespace_is_refused_in_bounded_memory)
{
    isomm_population *p = population_p(), *q = (isomm_population *)1;
    char path[] = "/tmp/isomm-ws-XXXXXX";
    static char block[1 << 20];
    isomm_error err;
    long before;
    int fd = mkstemp(path), i;
    FILE *fp;
    cr_assert(fd >= 0);
    close(fd);
    cr_assert_eq(isomm_population_save(p, path, &err), ISOMM_OK);
    /* a valid file followed by 100 MB of white space */
    fp = fopen(path, "ab");
    cr_assert_not_null(fp);
    memset(block, ' ', sizeof block);
    for (i = 0; i < 100; i++)
        cr_assert_eq(fwrite(block, 1, sizeof block, fp), sizeof block);
    cr_assert_eq(fclose(fp), 0);
    before = max_rss_kib();
    cr_expect_eq(isomm_population_load(&q, path, NULL, &err), ISOMM_ELIMIT);
    cr_expect_null(q);
    cr_expect(strstr(err.message, "larger than 1048576 bytes, the most a population file can be") != NULL, "%s",
              err.message);
    /* at most the 1 MiB buffer (and its page rounding) more than before */
    cr_expect(max_rss_kib() - before < 4096, "peak grew by %ld KiB", max_rss_kib() - before);
    unlink(path);
    isomm_population_free(p);
}

Test(population, missing_file_is_an_io_error)
{
    isomm_population *q = NULL;
    isomm_error err;
    cr_expect_eq(isomm_population_load(&q, "/nonexistent/pop.json", NULL, &err), ISOMM_EIO);
    cr_expect_str_eq(err.message, "cannot open '/nonexistent/pop.json': No such file or directory");
}

/* ---- CSV streaming ------------------------------------------------------------------------ */

Test(population, csv_files_stream_into_the_population)
{
    isomm_population *p = NULL, *q = NULL;
    isomm_assessment **list = NULL;
    size_t count = 0, i;
    uint64_t added = 0;
    isomm_error err;
    cr_assert_eq(isomm_population_new(&p, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_add_csv_file(p, ISOMM_TEST_DATA "/example-1.csv", NULL, &added, &err), ISOMM_OK,
                 "%s", err.message);
    cr_expect_eq(added, 1);
    cr_assert_eq(isomm_population_add_csv_file(p, ISOMM_TEST_DATA "/example-1.csv", NULL, &added, &err), ISOMM_OK);
    cr_expect_eq(isomm_population_count(p), 2);
    /* the same as adding what the all-at-once reader gives */
    cr_assert_eq(isomm_csv_read_file(&list, &count, ISOMM_TEST_DATA "/example-1.csv", NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_population_new(&q, NULL, &err), ISOMM_OK);
    for (i = 0; i < count; i++) {
        cr_assert_eq(isomm_population_add(q, list[i], &err), ISOMM_OK);
        cr_assert_eq(isomm_population_add(q, list[i], &err), ISOMM_OK);
        isomm_assessment_free(list[i]);
    }
    free(list);
    cr_expect(isomm_population_equal(p, q));
    isomm_population_free(p);
    isomm_population_free(q);
}

Test(population, a_bad_csv_adds_nothing)
{
    static const char csv[] = "assessment,role,sourcing,level\n"
                              "one,A-1,in,3\n"
                              "two,A-1,in,3\n"
                              "two,A-2,in,9\n";
    char path[] = "/tmp/isomm-bad-XXXXXX";
    isomm_population *p = population_p(), *before = population_p();
    uint64_t added = 99;
    isomm_error err;
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, csv, sizeof csv - 1), (ssize_t)(sizeof csv - 1));
    close(fd);
    cr_expect_eq(isomm_population_add_csv_file(p, path, NULL, &added, &err), ISOMM_ELEVEL);
    cr_expect_eq(err.line, 4);
    cr_expect_eq(added, 0);
    cr_expect(isomm_population_equal(p, before), "a failed file changed the population");
    unlink(path);
    isomm_population_free(p);
    isomm_population_free(before);
}

/* ---- rendering ----------------------------------------------------------------------------- */

static char *render(const isomm_benchmark *b, isomm_format format, isomm_lang lang)
{
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    isomm_error err;
    char *out = NULL;
    o.format = format;
    o.lang = lang;
    cr_assert_eq(isomm_benchmark_render(&out, NULL, &b, 1, &o, &err), ISOMM_OK, "%s", err.message);
    return out;
}

Test(population, json_of_a_benchmark)
{
    isomm_population *p = population_p();
    isomm_benchmark *b = bench_s(p, 5);
    char *json = render(b, ISOMM_FORMAT_JSON, ISOMM_LANG_EN);
    static const char head[] = "[{\"assessment\": \"S\", \"population\": 6, \"min_size\": 5,\n";
    cr_expect(strncmp(json, head, strlen(head)) == 0, "%.80s", json);
    cr_expect(strstr(json, "{\"code\": \"B\", \"maturity\": 2.4, \"population\": 6, \"percentile\": "
                           "33.333333333333336, \"quartiles\": [2.4, 2.4, 3.0]}") != NULL, "%s", json);
    cr_expect(strstr(json, "{\"code\": \"C\", \"maturity\": 2.0, \"population\": 6, \"percentile\": 25.0, "
                           "\"quartiles\": [2.0, 2.0, 3.0]}") != NULL, "%s", json);
    cr_expect(strstr(json, ", \"population\": 6, \"percentile\": 50.0, \"quartiles\": [2.04, 2.04, 3.0]},\n") != NULL,
              "%s", json);
    cr_expect(strstr(json, "\"overall\": {\"maturity\": 2.17870370370370") != NULL, "%s", json);
    cr_expect(strstr(json, "{\"code\": \"B-1\", \"level\": 4, \"sourcing\": \"insource\", \"rated\": 6, \"below\": "
                           "0.5, \"same\": 0.5, \"above\": 0.0, \"standing\": \"at\", \"common_sourcing\": "
                           "\"insource\"}") != NULL, "%s", json);
    cr_expect(strstr(json, "{\"code\": \"I-1\", \"level\": null, \"sourcing\": null, \"rated\": 6, \"below\": null, "
                           "\"same\": null, \"above\": null, \"standing\": null, \"common_sourcing\": "
                           "\"insource\"}") != NULL, "%s", json);
    isomm_free(json);
    isomm_benchmark_free(b);
    isomm_population_free(p);
}

Test(population, text_markdown_html_and_svg_views)
{
    isomm_population *p = population_p();
    isomm_benchmark *b = bench_s(p, 5);
    char *text = render(b, ISOMM_FORMAT_TEXT, ISOMM_LANG_EN), *md, *html, *svg, *ja;

    cr_expect(strstr(text, "Benchmark of S against a population of 6 assessments") != NULL, "%s", text);
    cr_expect(strstr(text, "\nB  2.4   33.3  2.4 / 2.4 / 3.0  Real-time analysis\n") != NULL, "%s", text);
    cr_expect(strstr(text, "\n   2.2   50.0  2.0 / 2.0 / 3.0  Overall maturity\n") != NULL, "%s", text);
    cr_expect(strstr(text, "Above most of the population (2): A-1, H-1") != NULL, "%s", text);
    cr_expect(strstr(text, "Below most of the population (1): D-1") != NULL, "%s", text);
    md = render(b, ISOMM_FORMAT_MARKDOWN, ISOMM_LANG_EN);
    cr_expect(strstr(md, "| B | Real-time analysis | 2.4 | 33.3 | 2.4 | 2.4 | 3.0 |") != NULL, "%s", md);
    /* B-1: rated 6, below 3 (2 3 3), same 3, above 0 */
    cr_expect(strstr(md, " | Insource 4 | 6 | 50.0% | 50.0% | 0.0% | at | Insource |\n") != NULL, "%s", md);
    cr_expect(strstr(md, "| I-1 | ") != NULL && strstr(md, " | unanswered | 6 | - | - | - | - | Insource |\n") != NULL,
              "%s", md);
    html = render(b, ISOMM_FORMAT_HTML, ISOMM_LANG_EN);
    cr_expect(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    cr_expect(strstr(html, "class=\"iqr-band\"") != NULL);
    cr_expect(strstr(html, "<td class=\"num\">33.3</td>") != NULL, "%s", html);
    svg = render(b, ISOMM_FORMAT_SVG_RADAR, ISOMM_LANG_EN);
    cr_expect(strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0, "%.80s", svg);
    /* the band comes before (behind) the assessment's line */
    cr_expect(strstr(svg, "class=\"iqr-band\"") != NULL && strstr(svg, "class=\"series\"") != NULL);
    cr_expect(strstr(svg, "class=\"iqr-band\"") < strstr(svg, "class=\"series\""));
    ja = render(b, ISOMM_FORMAT_TEXT, ISOMM_LANG_JA);
    cr_expect(strstr(ja, "母集団") != NULL, "%s", ja);
    cr_expect(strstr(ja, "リアルタイムアナリシス") != NULL);
    isomm_free(text);
    isomm_free(md);
    isomm_free(html);
    isomm_free(svg);
    isomm_free(ja);
    isomm_benchmark_free(b);
    isomm_population_free(p);
}

Test(population, render_arguments)
{
    isomm_population *p = population_p();
    isomm_benchmark *b = bench_s(p, 5);
    const isomm_benchmark *two[2] = { b, b };
    isomm_report_options o = ISOMM_REPORT_OPTIONS_INIT;
    isomm_error err;
    char *out = NULL;
    o.format = ISOMM_FORMAT_SVG_RADAR;
    cr_expect_eq(isomm_benchmark_render(&out, NULL, two, 2, &o, &err), ISOMM_EINVAL);
    cr_expect_null(out);
    o.format = ISOMM_FORMAT_SVG_HEATMAP;
    cr_expect_eq(isomm_benchmark_render(&out, NULL, two, 1, &o, &err), ISOMM_EOPTIONS);
    o.format = ISOMM_FORMAT_TEXT;
    cr_expect_eq(isomm_benchmark_render(&out, NULL, two, 0, &o, &err), ISOMM_EEMPTY);
    o.format = ISOMM_FORMAT_JSON;
    cr_expect_eq(isomm_benchmark_render(&out, NULL, two, 0, &o, &err), ISOMM_OK);
    cr_expect_str_eq(out, "[]\n");
    isomm_free(out);
    isomm_benchmark_free(b);
    isomm_population_free(p);
}

/* A host that called setlocale(LC_ALL, "de_DE.UTF-8") (decimal comma) gets the same bytes: the
 * population file, and every view of a benchmark. Needs de_DE.UTF-8 (see tests/test_locale.c). */
Test(population, output_does_not_follow_the_locale)
{
    static const isomm_format formats[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                            ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR };
    isomm_population *p = population_p();
    isomm_benchmark *b = bench_s(p, 5);
    char *c_locale[6], *comma;
    isomm_error err;
    size_t i;

    cr_assert_eq(isomm_population_to_json(&c_locale[5], NULL, p, &err), ISOMM_OK);
    for (i = 0; i < 5; i++)
        c_locale[i] = render(b, formats[i], ISOMM_LANG_EN);
    cr_assert(strstr(c_locale[2], "\"percentile\": 33.333333333333336,") != NULL);
    cr_assert_not_null(setlocale(LC_ALL, "de_DE.UTF-8"), "the de_DE.UTF-8 locale is not installed");
    for (i = 0; i < 5; i++) {
        comma = render(b, formats[i], ISOMM_LANG_EN);
        cr_expect_str_eq(comma, c_locale[i], "format %d differs under de_DE.UTF-8", (int)formats[i]);
        isomm_free(comma);
    }
    cr_assert_eq(isomm_population_to_json(&comma, NULL, p, &err), ISOMM_OK);
    cr_expect_str_eq(comma, c_locale[5]);
    isomm_free(comma);
    setlocale(LC_ALL, "C");
    for (i = 0; i < 6; i++)
        isomm_free(c_locale[i]);
    isomm_benchmark_free(b);
    isomm_population_free(p);
}
