/* SPDX-License-Identifier: MIT */
/* Evaluation rules (ISOMM-MODEL.md sections 4-8) and the worked example for all five targets. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <isomm/isomm.h>

#include "mini_csv.h"

static const isomm_model *model;

static int role(const char *code)
{
    int i = isomm_model_find_role(isomm_model_default(), code, NULL);
    cr_assert_geq(i, 0, "bad role code %s in test", code);
    return i;
}

static isomm_assessment *empty(void)
{
    isomm_assessment *a;
    model = isomm_model_default();
    cr_assert_eq(isomm_assessment_new(&a, NULL, NULL), ISOMM_OK);
    return a;
}

static void set(isomm_assessment *a, const char *code, isomm_sourcing s, int level)
{
    cr_assert_eq(isomm_assessment_set(a, code, s, level, NULL, NULL), ISOMM_OK, "%s", code);
}

/* Every role of a function at one level and sourcing. */
static void set_function(isomm_assessment *a, int f, isomm_sourcing s, int level)
{
    const isomm_function_info *fi = isomm_model_function(isomm_model_default(), f);
    int i;
    for (i = 0; i < fi->role_count; i++)
        cr_assert_eq(isomm_assessment_set_index(a, fi->first_role + i, s, level, NULL, NULL), ISOMM_OK);
}

static isomm_result *eval(const isomm_assessment *a, int k, int n, isomm_pattern target)
{
    isomm_eval_options opts = ISOMM_EVAL_OPTIONS_INIT;
    isomm_result *r;
    isomm_error err;
    opts.strengths = k;
    opts.list_size = n;
    opts.target = target;
    cr_assert_eq(isomm_evaluate(&r, a, &opts, &err), ISOMM_OK, "%s", err.message);
    return r;
}

/* The result's list as "A-1 B-2 ..." for compact assertions. */
static void list_codes(const isomm_result *r, isomm_list list, char *out, size_t size)
{
    int i, n = isomm_result_list_count(r, list);
    out[0] = '\0';
    for (i = 0; i < n; i++) {
        if (i)
            strncat(out, " ", size - strlen(out) - 1);
        strncat(out, isomm_model_role(isomm_model_default(), isomm_result_list_role(r, list, i))->code,
                size - strlen(out) - 1);
    }
}

static void highlight_codes(const isomm_result *r, int strength, char *out)
{
    int i, n = isomm_result_highlight_count(r, strength);
    for (i = 0; i < n; i++)
        out[i] = (char)('A' + isomm_result_highlight(r, strength, i));
    out[n] = '\0';
}

static int has_warning(const isomm_result *r, isomm_warning w)
{
    int i;
    for (i = 0; i < isomm_result_warning_count(r); i++)
        if (isomm_result_warning(r, i) == (int)w)
            return 1;
    return 0;
}

/* ---- maturity ---- */

Test(maturity, unanswered_counts_one_and_level_zero_is_left_out)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    const isomm_function_result *fa;
    /* A: 4, 0 (left out), 2, unanswered x3 (=1 each) -> (4 + 2 + 3) / 5 */
    set(a, "A-1", ISOMM_INSOURCE, 4);
    set(a, "A-2", ISOMM_OUTSOURCE, 0);
    set(a, "A-3", ISOMM_OUTSOURCE, 2);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    fa = isomm_result_function(r, 0);
    cr_assert(fa->has_maturity);
    cr_assert_float_eq(fa->maturity, 9.0 / 5.0, 1e-15);
    cr_assert_eq(fa->rated_roles, 5);
    cr_assert_eq(fa->excluded_roles, 1);
    cr_assert_eq(fa->unanswered_roles, 3);
    cr_assert_eq(isomm_result_role(r, role("A-4"))->score, 1);
    cr_assert_eq(isomm_result_role(r, role("A-4"))->level, ISOMM_UNANSWERED);
    cr_assert_eq(isomm_result_role(r, role("A-2"))->score, 0);
    /* other functions entirely unanswered: maturity 1.0 */
    cr_assert_eq(isomm_result_function(r, 1)->maturity, 1.0);
    cr_assert_eq(isomm_result_unanswered_count(r), 51);
    cr_assert_eq(isomm_result_unanswered(r, 0), role("A-4"));
    cr_assert_eq(isomm_result_unanswered(r, 51), ISOMM_ERANGE);
    cr_assert(has_warning(r, ISOMM_WARNING_UNANSWERED));
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(maturity, function_all_zero_has_none_and_is_left_out_of_overall)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    double overall;
    int f;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        set_function(a, f, ISOMM_INSOURCE, f == 2 ? 0 : 3);
    set(a, "A-1", ISOMM_INSOURCE, 5); /* A = (5 + 3*5) / 6 */
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_not(isomm_result_function(r, 2)->has_maturity);
    cr_assert_eq(isomm_result_function(r, 2)->maturity, 0.0);
    cr_assert_eq(isomm_result_function(r, 2)->rated_roles, 0);
    cr_assert_eq(isomm_result_function(r, 2)->excluded_roles, 5);
    cr_assert_eq(isomm_result_overall(r, &overall), 1);
    cr_assert_float_eq(overall, (20.0 / 6.0 + 7 * 3.0) / 8.0, 1e-15);
    cr_assert(has_warning(r, ISOMM_WARNING_FUNCTION_NO_MATURITY));
    cr_assert_not(has_warning(r, ISOMM_WARNING_UNANSWERED));
    {
        char s[8], w[8];
        highlight_codes(r, 1, s);
        highlight_codes(r, 0, w);
        cr_assert_str_eq(s, "A");   /* A highest; B at 3.0 is the lowest maturity, never a strength */
        cr_assert_str_eq(w, "IH");  /* C has no maturity and is never a weakness */
    }
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(maturity, no_function_with_maturity)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    double overall = -1.0;
    int f;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        set_function(a, f, ISOMM_OUTSOURCE, 0);
    r = eval(a, 2, 3, ISOMM_PATTERN_HYBRID);
    cr_assert_eq(isomm_result_overall(r, &overall), 0);
    cr_assert_eq(overall, 0.0);
    cr_assert_eq(isomm_result_highlight_count(r, 1), 0);
    cr_assert_eq(isomm_result_highlight_count(r, 0), 0);
    cr_assert(has_warning(r, ISOMM_WARNING_NO_MATURITY));
    for (f = 0; f < ISOMM_LIST_COUNT; f++)
        cr_assert_eq(isomm_result_list_count(r, (isomm_list)f), 0, "level 0 never enters a list");
    isomm_result_free(r);
    isomm_assessment_free(a);
}

/* ---- strengths and weaknesses ---- */

Test(highlights, slides_example)
{
    /* A 3.0, B 4.0, C 4.0, D 4.0, E 3.0, F 3.0, G 3.9, H 3.0, I 4.0 -> strengths B C, weaknesses H F */
    static const int levels[ISOMM_FUNCTION_COUNT] = { 3, 4, 4, 4, 3, 3, 4, 3, 4 };
    isomm_assessment *a = empty();
    isomm_result *r;
    char s[8], w[8];
    int f;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        set_function(a, f, ISOMM_INSOURCE, levels[f]);
    set(a, "G-1", ISOMM_INSOURCE, 3); /* G = 39 / 10 = 3.9 */
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_float_eq(isomm_result_function(r, 6)->maturity, 3.9, 1e-12);
    highlight_codes(r, 1, s);
    highlight_codes(r, 0, w);
    cr_assert_str_eq(s, "BC");
    cr_assert_str_eq(w, "HF");
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(highlights, all_equal_gives_neither_and_no_contrast)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    int k, f;
    for (k = 1; k <= 4; k++) {
        r = eval(a, k, 3, ISOMM_PATTERN_NONE); /* all unanswered: every function 1.0 */
        cr_assert_eq(isomm_result_highlight_count(r, 1), 0, "k=%d", k);
        cr_assert_eq(isomm_result_highlight_count(r, 0), 0, "k=%d", k);
        cr_assert(has_warning(r, ISOMM_WARNING_NO_CONTRAST));
        cr_assert_eq(isomm_result_highlight(r, 1, 0), ISOMM_ERANGE);
        cr_assert_eq(isomm_result_highlight_band(r, 1, 0), ISOMM_ERANGE);
        cr_assert_null(isomm_result_highlight_comment(r, 0, 0, ISOMM_LANG_EN));
        isomm_result_free(r);
    }
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) /* all 3: equal again */
        set_function(a, f, ISOMM_INSOURCE, 3);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_result_highlight_count(r, 1) + isomm_result_highlight_count(r, 0), 0);
    cr_assert(has_warning(r, ISOMM_WARNING_NO_CONTRAST));
    isomm_result_free(r);
    set(a, "I-6", ISOMM_INSOURCE, 4); /* one difference: contrast again */
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_not(has_warning(r, ISOMM_WARNING_NO_CONTRAST));
    cr_assert_eq(isomm_result_highlight_count(r, 1), 1);
    cr_assert_eq(isomm_result_highlight(r, 1, 0), 8);
    cr_assert_eq(isomm_result_highlight_count(r, 0), 2);
    cr_assert_eq(isomm_result_highlight(r, 0, 0), 7, "weakest first from the end: H, then G");
    cr_assert_eq(isomm_result_highlight(r, 0, 1), 6);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(highlights, all_five_no_weakness_all_one_no_strength)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    int f, level;
    for (level = 1; level <= 5; level += 4) {
        for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
            set_function(a, f, f % 2 ? ISOMM_OUTSOURCE : ISOMM_INSOURCE, level);
        r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
        cr_assert_eq(isomm_result_highlight_count(r, 0), 0, "level %d: no weakness", level);
        cr_assert_eq(isomm_result_highlight_count(r, 1), 0, "level %d: no strength", level);
        cr_assert(has_warning(r, ISOMM_WARNING_NO_CONTRAST));
        isomm_result_free(r);
    }
    isomm_assessment_free(a);
}

Test(highlights, one_function_and_two_functions)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    char s[8], w[8];
    int f;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        set_function(a, f, ISOMM_INSOURCE, 0);
    set(a, "D-3", ISOMM_INSOURCE, 4); /* only D has a maturity */
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_result_highlight_count(r, 1) + isomm_result_highlight_count(r, 0), 0);
    cr_assert(has_warning(r, ISOMM_WARNING_NO_CONTRAST));
    cr_assert_not(has_warning(r, ISOMM_WARNING_NO_MATURITY));
    isomm_result_free(r);
    set(a, "F-1", ISOMM_OUTSOURCE, 1); /* the spec's case: 3.0/4.0 and 1.0 give one of each */
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    highlight_codes(r, 1, s);
    highlight_codes(r, 0, w);
    cr_assert_str_eq(s, "D");
    cr_assert_str_eq(w, "F");
    cr_assert_not(has_warning(r, ISOMM_WARNING_NO_CONTRAST));
    isomm_result_free(r);
    isomm_assessment_free(a);
}

/* ---- comments by maturity band ---- */

Test(bands, band_edges)
{
    cr_assert_eq(isomm_maturity_band(1.0), 1);
    cr_assert_eq(isomm_maturity_band(1.99), 1);
    cr_assert_eq(isomm_maturity_band(2.0), 2);
    cr_assert_eq(isomm_maturity_band(2.999), 2);
    cr_assert_eq(isomm_maturity_band(3.0), 3);
    cr_assert_eq(isomm_maturity_band(3.9), 3);
    cr_assert_eq(isomm_maturity_band(4.0), 4);
    cr_assert_eq(isomm_maturity_band(4.8), 4);
    cr_assert_eq(isomm_maturity_band(5.0), 5);
    cr_assert_eq(isomm_maturity_band(0.0 / 0.0), 1);
}

/* Words a comment must not hold in a band (ISOMM-MODEL.md section 6): saying that a function
 * works, is in place or is established below 3; that it falls short, is lacking or does not work
 * from 4. Both languages. */
static const char *const positive_words[] = {
    "works", "working", "in place", "established", "is functioning",
    "機能している", "機能しています", "整っている", "整っています", "定着しています", "確立", NULL
};
static const char *const negative_words[] = {
    "fall short", "falls short", "lacking", "not work", "not in place", "is thin", "not run reliably",
    "不十分", "足り", "機能していない", "できていない", "不足", "整っておらず", "安定せず", NULL
};

static void assert_agrees(const char *comment, double m, const char *what)
{
    int i;
    cr_assert_not_null(comment, "%s", what);
    cr_assert_gt(strlen(comment), 40, "%s", what);
    if (m < 3.0)
        for (i = 0; positive_words[i]; i++)
            cr_assert_null(strstr(comment, positive_words[i]), "%s at %.2f says '%s': %s", what, m, positive_words[i],
                           comment);
    if (m >= 4.0)
        for (i = 0; negative_words[i]; i++)
            cr_assert_null(strstr(comment, negative_words[i]), "%s at %.2f says '%s': %s", what, m, negative_words[i],
                           comment);
}

/* Set function f to a maturity of band `band` (band 1: one role at 2, the rest at 1, so that
 * 1 < m < 2), every other function at `others`. Returns f's maturity. */
static double put_band(isomm_assessment *a, int f, int band, int others)
{
    const isomm_function_info *fi = isomm_model_function(isomm_model_default(), f);
    int g;
    for (g = 0; g < ISOMM_FUNCTION_COUNT; g++)
        set_function(a, g, ISOMM_INSOURCE, g == f ? band : others);
    if (band == 1) {
        cr_assert_eq(isomm_assessment_set_index(a, fi->first_role, ISOMM_OUTSOURCE, 2, NULL, NULL), ISOMM_OK);
        return (2.0 + (fi->role_count - 1)) / fi->role_count;
    }
    return band;
}

Test(bands, every_function_band_and_side_agrees_with_its_score)
{
    isomm_assessment *a = empty();
    int f, band, strength, lang, cases = 0;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(model, f);
        for (band = 1; band <= 5; band++) {
            for (strength = 0; strength <= 1; strength++) {
                isomm_result *r;
                double m;
                char what[64];
                if (strength ? band == 1 && 0 : band == 5)
                    continue; /* a weakness is below the highest maturity: never at 5 */
                /* a strength is above the others (all at 1, or band 1's 1.x above 1.0);
                   a weakness below them (all at 5) */
                m = put_band(a, f, band, strength ? 1 : 5);
                r = eval(a, 1, 3, ISOMM_PATTERN_NONE);
                cr_assert_eq(isomm_result_highlight_count(r, strength), 1, "%s band %d", fi->code, band);
                cr_assert_eq(isomm_result_highlight(r, strength, 0), f, "%s band %d side %d", fi->code, band, strength);
                cr_assert_float_eq(isomm_result_function(r, f)->maturity, m, 1e-12);
                cr_assert_eq(isomm_result_highlight_band(r, strength, 0), band);
                for (lang = 0; lang <= 1; lang++) {
                    const char *c = isomm_result_highlight_comment(r, strength, 0, (isomm_lang)lang);
                    snprintf(what, sizeof what, "%s %s band %d %s", fi->code, strength ? "strength" : "weakness", band,
                             lang ? "en" : "ja");
                    cr_assert_eq(c, isomm_function_band_comment(fi, strength, band, (isomm_lang)lang), "%s", what);
                    assert_agrees(c, m, what);
                    cases++;
                }
                isomm_result_free(r);
            }
        }
    }
    cr_assert_eq(cases, 9 * 9 * 2);
    isomm_assessment_free(a);
}

Test(bands, every_stored_text_agrees_and_bands_differ)
{
    /* also the weakness texts of band 5, which evaluation never shows */
    static const double at[5] = { 1.5, 2.5, 3.5, 4.5, 5.0 };
    int f, band, strength, lang, other;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(isomm_model_default(), f);
        for (strength = 0; strength <= 1; strength++)
            for (lang = 0; lang <= 1; lang++)
                for (band = 1; band <= 5; band++) {
                    const char *c = isomm_function_band_comment(fi, strength, band, (isomm_lang)lang);
                    assert_agrees(c, at[band - 1], fi->code);
                    for (other = band + 1; other <= 5; other++)
                        cr_assert_str_neq(c, isomm_function_band_comment(fi, strength, other, (isomm_lang)lang));
                    cr_assert_str_neq(c, isomm_function_band_comment(fi, !strength, band, (isomm_lang)lang));
                }
    }
    cr_assert_null(isomm_function_band_comment(NULL, 1, 3, ISOMM_LANG_EN));
    cr_assert_null(isomm_function_band_comment(isomm_model_function(isomm_model_default(), 0), 1, 0, ISOMM_LANG_EN));
    cr_assert_null(isomm_function_band_comment(isomm_model_function(isomm_model_default(), 0), 1, 6, ISOMM_LANG_EN));
    cr_assert_null(isomm_function_band_comment(isomm_model_function(isomm_model_default(), 0), 1, 3, (isomm_lang)2));
}

Test(bands, slides_example_keeps_the_slides_texts)
{
    /* B, C at 4.0 are strengths with "works in practice ... make it organisational";
       H, F at 3.0 weaknesses with "parts of it do not work as an organisation" */
    static const int levels[ISOMM_FUNCTION_COUNT] = { 3, 4, 4, 4, 3, 3, 4, 3, 4 };
    isomm_assessment *a = empty();
    isomm_result *r;
    int f, i, lang;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        set_function(a, f, ISOMM_INSOURCE, levels[f]);
    set(a, "G-1", ISOMM_INSOURCE, 3);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    for (i = 0; i < 2; i++) {
        cr_assert_eq(isomm_result_highlight_band(r, 1, i), 4);
        cr_assert_eq(isomm_result_highlight_band(r, 0, i), 3);
        for (lang = 0; lang <= 1; lang++) {
            cr_assert_str_eq(isomm_result_highlight_comment(r, 1, i, (isomm_lang)lang),
                             isomm_function_comment(isomm_model_function(model, isomm_result_highlight(r, 1, i)), 1,
                                                    (isomm_lang)lang));
            cr_assert_str_eq(isomm_result_highlight_comment(r, 0, i, (isomm_lang)lang),
                             isomm_function_comment(isomm_model_function(model, isomm_result_highlight(r, 0, i)), 0,
                                                    (isomm_lang)lang));
        }
    }
    cr_assert_not_null(strstr(isomm_result_highlight_comment(r, 1, 0, ISOMM_LANG_EN), "It works in practice: now make it"));
    cr_assert_not_null(strstr(isomm_result_highlight_comment(r, 0, 0, ISOMM_LANG_EN), "Parts of it do not work as an organisation"));
    cr_assert_not_null(strstr(isomm_result_highlight_comment(r, 1, 1, ISOMM_LANG_JA), "関係部門を巻き込み"));
    isomm_result_free(r);
    isomm_assessment_free(a);
}

/* ---- next steps and the action plan (section 7.1) ---- */

Test(next_step, by_level_and_sourcing)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    set(a, "A-1", ISOMM_INSOURCE, 3);
    set(a, "A-2", ISOMM_OUTSOURCE, 1);
    set(a, "A-3", ISOMM_INSOURCE, 5);
    set(a, "A-4", ISOMM_OUTSOURCE, 0);
    set(a, "A-5", ISOMM_OUTSOURCE, 4);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_result_role(r, role("A-1"))->next_level, 4);
    cr_assert_str_eq(isomm_result_next_step(r, role("A-1"), ISOMM_LANG_EN), "Documented, others can take over");
    cr_assert_str_eq(isomm_result_next_step(r, role("A-1"), ISOMM_LANG_JA),
                     "運用が明文化されており、担当者と交代して他者が業務を実施できる");
    cr_assert_eq(isomm_result_role(r, role("A-2"))->next_level, 2);
    cr_assert_str_eq(isomm_result_next_step(r, role("A-2"), ISOMM_LANG_EN),
                     "Neither the service nor its results are understood");
    cr_assert_eq(isomm_result_role(r, role("A-5"))->next_level, 5);
    cr_assert_str_eq(isomm_result_next_step(r, role("A-5"), ISOMM_LANG_EN),
                     "Both are understood and results meet expectations");
    cr_assert_eq(isomm_result_role(r, role("A-3"))->next_level, 0);
    cr_assert_null(isomm_result_next_step(r, role("A-3"), ISOMM_LANG_EN));
    cr_assert_eq(isomm_result_role(r, role("A-4"))->next_level, 0);
    cr_assert_null(isomm_result_next_step(r, role("A-4"), ISOMM_LANG_JA));
    cr_assert_eq(isomm_result_role(r, role("A-6"))->next_level, 0, "unanswered: no level, but a step");
    cr_assert_str_eq(isomm_result_next_step(r, role("A-6"), ISOMM_LANG_EN), "Assess this role (it is unanswered)");
    cr_assert_str_eq(isomm_result_next_step(r, role("A-6"), ISOMM_LANG_JA), "この役割を評価しましょう（未回答）");
    cr_assert_null(isomm_result_next_step(r, -1, ISOMM_LANG_EN));
    cr_assert_null(isomm_result_next_step(r, ISOMM_ROLE_COUNT, ISOMM_LANG_EN));
    cr_assert_null(isomm_result_next_step(r, 0, (isomm_lang)7));
    cr_assert_null(isomm_result_next_step(NULL, 0, ISOMM_LANG_EN));
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(next_step, action_plan_lists_first_then_catalogue_order)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    char plan[400];
    int f, i, n;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        set_function(a, f, ISOMM_INSOURCE, 5);
    /* target hybrid: domains I, II insource; III, IV outsource */
    set(a, "B-1", ISOMM_OUTSOURCE, 2);  /* III, outsourced, < 5: strengthen_outsource */
    set(a, "A-1", ISOMM_INSOURCE, 3);   /* I, insourced, < 5: strengthen_insource */
    set(a, "A-2", ISOMM_INSOURCE, 1);   /* II: strengthen_insource, first (lowest) */
    set(a, "A-3", ISOMM_OUTSOURCE, 5);  /* I outsourced: switch_to_insource, at 5 still in the plan */
    set(a, "C-1", ISOMM_INSOURCE, 4);   /* IV insourced: switch_to_outsource */
    set(a, "A-4", ISOMM_INSOURCE, 4);   /* strengthen_insource, cut at n = 2: a plain later step */
    set(a, "I-6", ISOMM_INSOURCE, 0);   /* level 0: never */
    cr_assert_eq(isomm_assessment_clear(a, "H-2", NULL), ISOMM_OK);
    r = eval(a, 2, 2, ISOMM_PATTERN_HYBRID);
    plan[0] = '\0';
    n = isomm_result_plan_count(r);
    for (i = 0; i < n; i++) {
        strcat(plan, isomm_model_role(model, isomm_result_plan_role(r, i))->code);
        strcat(plan, " ");
    }
    /* switch_to_outsource: C-1 (4), then B-2, the first of the insourced III/IV roles at 5 */
    cr_assert_str_eq(plan, "A-2 A-1 B-1 A-3 C-1 B-2 A-4 H-2 ");
    cr_assert_eq(isomm_result_plan_role(r, n), ISOMM_ERANGE);
    cr_assert_eq(isomm_result_plan_role(r, -1), ISOMM_ERANGE);
    cr_assert_eq(isomm_result_plan_count(NULL), 0);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(highlights, weaknesses_come_from_the_rest_only)
{
    /* only three functions have a maturity: k = 2 gives two strengths and one weakness */
    isomm_assessment *a = empty();
    isomm_result *r;
    char s[8], w[8];
    int f;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        set_function(a, f, ISOMM_INSOURCE, 0);
    set(a, "B-1", ISOMM_INSOURCE, 2);
    set(a, "E-1", ISOMM_INSOURCE, 4);
    set(a, "H-1", ISOMM_INSOURCE, 3);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    highlight_codes(r, 1, s);
    highlight_codes(r, 0, w);
    cr_assert_str_eq(s, "EH");
    cr_assert_str_eq(w, "B");
    cr_assert_eq(isomm_result_highlight(r, 0, 1), ISOMM_ERANGE);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

/* ---- recommendation lists ---- */

Test(lists, order_cut_and_level_rules)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    char buf[512];
    /* hybrid insources domains I and II. A-1 I, A-2 II, A-3 I, A-4 I, A-6 I; B-1 III, B-2 IV */
    set(a, "A-1", ISOMM_INSOURCE, 3);
    set(a, "A-2", ISOMM_INSOURCE, 2);
    set(a, "A-3", ISOMM_INSOURCE, 5); /* level 5: nothing to strengthen */
    set(a, "A-4", ISOMM_INSOURCE, 2);
    set(a, "A-6", ISOMM_INSOURCE, 1);
    set(a, "D-1", ISOMM_INSOURCE, 0); /* level 0: in no list */
    set(a, "D-2", ISOMM_OUTSOURCE, 5); /* domain I outsourced at 5: still a switch candidate */
    set(a, "B-1", ISOMM_INSOURCE, 4);  /* domain III insourced: switch to outsource */
    set(a, "B-2", ISOMM_OUTSOURCE, 2); /* domain IV outsourced: strengthen outsource */
    set(a, "C-1", ISOMM_OUTSOURCE, 5);
    r = eval(a, 2, 3, ISOMM_PATTERN_HYBRID);
    cr_assert_eq(isomm_result_list_pattern(r), ISOMM_PATTERN_HYBRID);
    list_codes(r, ISOMM_LIST_STRENGTHEN_INSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "A-6 A-2 A-4");
    list_codes(r, ISOMM_LIST_STRENGTHEN_OUTSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "B-2");
    list_codes(r, ISOMM_LIST_SWITCH_TO_INSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "D-2");
    list_codes(r, ISOMM_LIST_SWITCH_TO_OUTSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "B-1");
    isomm_result_free(r);

    r = eval(a, 2, 0, ISOMM_PATTERN_HYBRID); /* n = 0: no cut */
    list_codes(r, ISOMM_LIST_STRENGTHEN_INSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "A-6 A-2 A-4 A-1");
    isomm_result_free(r);

    r = eval(a, 2, 1, ISOMM_PATTERN_HYBRID);
    list_codes(r, ISOMM_LIST_STRENGTHEN_INSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "A-6");
    cr_assert_eq(isomm_result_list_role(r, ISOMM_LIST_STRENGTHEN_INSOURCE, 1), ISOMM_ERANGE);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(lists, target_full_outsource_warns)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    char buf[512];
    set(a, "A-1", ISOMM_INSOURCE, 3);
    set(a, "B-2", ISOMM_OUTSOURCE, 2);
    r = eval(a, 2, 3, ISOMM_PATTERN_FULL_OUTSOURCE);
    list_codes(r, ISOMM_LIST_SWITCH_TO_OUTSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "A-1");
    list_codes(r, ISOMM_LIST_STRENGTHEN_OUTSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "B-2");
    cr_assert_eq(isomm_result_list_count(r, ISOMM_LIST_STRENGTHEN_INSOURCE), 0);
    cr_assert(has_warning(r, ISOMM_WARNING_FULL_OUTSOURCE));
    cr_assert_str_eq(isomm_warning_id(ISOMM_WARNING_FULL_OUTSOURCE), "full_outsource");
    cr_assert_not_null(strstr(isomm_warning_text(ISOMM_WARNING_FULL_OUTSOURCE, ISOMM_LANG_EN), "cannot"));
    isomm_result_free(r);
    isomm_assessment_free(a);
}

Test(lists, without_target_use_current_and_without_either_are_empty)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    char buf[512];
    set(a, "A-1", ISOMM_INSOURCE, 3);
    set(a, "B-1", ISOMM_INSOURCE, 2);

    r = eval(a, 2, 3, ISOMM_PATTERN_NONE); /* neither */
    cr_assert_eq(isomm_result_list_pattern(r), ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_result_list_count(r, ISOMM_LIST_STRENGTHEN_INSOURCE), 0);
    cr_assert_eq(isomm_result_list_count(r, ISOMM_LIST_SWITCH_TO_OUTSOURCE), 0);
    cr_assert_eq(isomm_result_role(r, 0)->expected, ISOMM_SOURCING_NONE);
    cr_assert_eq(isomm_result_warning(r, 0), ISOMM_WARNING_NO_PATTERN);
    isomm_result_free(r);

    cr_assert_eq(isomm_assessment_set_pattern(a, 1, ISOMM_PATTERN_MINIMUM_INSOURCE, NULL), ISOMM_OK);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE); /* current only */
    cr_assert_eq(isomm_result_list_pattern(r), ISOMM_PATTERN_MINIMUM_INSOURCE);
    list_codes(r, ISOMM_LIST_SWITCH_TO_OUTSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "B-1");
    cr_assert_eq(isomm_result_warning(r, 0), ISOMM_WARNING_TARGET_FROM_CURRENT);
    isomm_result_free(r);

    cr_assert_eq(isomm_assessment_set_pattern(a, 0, ISOMM_PATTERN_MINIMUM_OUTSOURCE, NULL), ISOMM_OK);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE); /* the assessment's target */
    cr_assert_eq(isomm_result_list_pattern(r), ISOMM_PATTERN_MINIMUM_OUTSOURCE);
    list_codes(r, ISOMM_LIST_STRENGTHEN_INSOURCE, buf, sizeof buf);
    cr_assert_str_eq(buf, "B-1 A-1");
    cr_assert_not(has_warning(r, ISOMM_WARNING_TARGET_FROM_CURRENT));
    isomm_result_free(r);

    r = eval(a, 2, 3, ISOMM_PATTERN_MINIMUM_INSOURCE); /* the override wins */
    cr_assert_eq(isomm_result_list_pattern(r), ISOMM_PATTERN_MINIMUM_INSOURCE);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

/* ---- pattern fit ---- */

Test(fit, fewest_mismatches_first_pattern_on_ties)
{
    isomm_assessment *a = empty();
    isomm_result *r;
    int mism, cur;
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    mism = -5;
    cr_assert_eq(isomm_result_pattern_fit(r, &mism, &cur), ISOMM_PATTERN_NONE, "nothing rated: nothing to fit");
    cr_assert_eq(mism, 0);
    cr_assert_eq(cur, -1);
    cr_assert(has_warning(r, ISOMM_WARNING_NO_FIT));
    cr_assert_str_eq(isomm_warning_id(ISOMM_WARNING_NO_FIT), "no_fit");
    cr_assert_str_eq(isomm_warning_id(ISOMM_WARNING_NO_CONTRAST), "no_contrast");
    cr_assert_null(isomm_warning_id((isomm_warning)9));
    isomm_result_free(r);
    set(a, "A-1", ISOMM_INSOURCE, 0); /* level 0 is not rated either */
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_result_pattern_fit(r, &mism, &cur), ISOMM_PATTERN_NONE);
    isomm_result_free(r);
    set(a, "A-1", ISOMM_INSOURCE, 1);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_result_pattern_fit(r, &mism, &cur), ISOMM_PATTERN_MINIMUM_INSOURCE);
    cr_assert_not(has_warning(r, ISOMM_WARNING_NO_FIT));
    isomm_result_free(r);

    set(a, "A-1", ISOMM_INSOURCE, 3);   /* I */
    set(a, "A-2", ISOMM_INSOURCE, 3);   /* II */
    set(a, "B-1", ISOMM_OUTSOURCE, 3);  /* III */
    set(a, "B-2", ISOMM_OUTSOURCE, 3);  /* IV */
    set(a, "A-3", ISOMM_OUTSOURCE, 0);  /* level 0: ignored */
    cr_assert_eq(isomm_assessment_set_pattern(a, 1, ISOMM_PATTERN_FULL_INSOURCE, NULL), ISOMM_OK);
    r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_result_pattern_fit(r, &mism, &cur), ISOMM_PATTERN_HYBRID);
    cr_assert_eq(mism, 0);
    cr_assert_eq(cur, 2);
    cr_assert_eq(isomm_result_pattern_mismatches(r, ISOMM_PATTERN_FULL_OUTSOURCE), 2);
    cr_assert_eq(isomm_result_pattern_mismatches(r, ISOMM_PATTERN_MINIMUM_INSOURCE), 1);
    cr_assert_eq(isomm_result_pattern_mismatches(r, ISOMM_PATTERN_MINIMUM_OUTSOURCE), 1);
    cr_assert_eq(isomm_result_pattern_mismatches(r, ISOMM_PATTERN_NONE), -1);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

/* ---- options and bad arguments ---- */

Test(options, bad_options_have_exact_codes)
{
    isomm_assessment *a = empty();
    isomm_eval_options opts = ISOMM_EVAL_OPTIONS_INIT;
    isomm_result *r = (isomm_result *)&opts;
    isomm_error err;

    opts.version = 99;
    cr_assert_eq(isomm_evaluate(&r, a, &opts, &err), ISOMM_EOPTIONS);
    cr_assert_eq(err.code, ISOMM_EOPTIONS);
    cr_assert_null(r);
    opts.version = ISOMM_EVAL_OPTIONS_VERSION;
    opts.strengths = 0;
    cr_assert_eq(isomm_evaluate(&r, a, &opts, &err), ISOMM_EOPTIONS);
    cr_assert(strstr(err.message, "1-4") != NULL, "%s", err.message);
    opts.strengths = 5;
    cr_assert_eq(isomm_evaluate(&r, a, &opts, &err), ISOMM_EOPTIONS);
    opts.strengths = 2;
    opts.list_size = -1;
    cr_assert_eq(isomm_evaluate(&r, a, &opts, &err), ISOMM_EOPTIONS);
    opts.list_size = 3;
    opts.target = (isomm_pattern)5;
    cr_assert_eq(isomm_evaluate(&r, a, &opts, &err), ISOMM_EPATTERN);
    cr_assert_eq(err.code, ISOMM_EPATTERN);
    cr_assert_eq(isomm_evaluate(NULL, a, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_evaluate(&r, NULL, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_evaluate(&r, a, NULL, &err), ISOMM_OK, "NULL options mean defaults");
    cr_assert_eq(isomm_result_assessment(r), a);
    cr_assert_eq(isomm_result_model(r), isomm_model_default());
    isomm_result_free(r);
    isomm_result_free(NULL);
    cr_assert_null(isomm_result_function(NULL, 0));
    cr_assert_eq(isomm_result_overall(NULL, NULL), ISOMM_EINVAL);
    cr_assert_eq(isomm_result_list_count(NULL, ISOMM_LIST_SWITCH_TO_INSOURCE), 0);
    isomm_assessment_free(a);
}

/* ---- the worked example (ISOMM-MODEL.md section 9) ---- */

static isomm_assessment *load_example(void)
{
    mini_csv csv;
    isomm_assessment *a = empty();
    int r, c_role, c_src, c_level, c_note;
    isomm_pattern p;
    cr_assert_eq(mini_csv_load(&csv, ISOMM_TEST_DATA "/example-1.csv"), 0);
    c_role = mini_csv_column(&csv, "role");
    c_src = mini_csv_column(&csv, "sourcing");
    c_level = mini_csv_column(&csv, "level");
    c_note = mini_csv_column(&csv, "note");
    for (r = 1; r < csv.rows; r++) {
        isomm_sourcing s;
        if (csv.cell[r][c_level][0] == '\0')
            continue;
        cr_assert_eq(isomm_sourcing_parse(&s, csv.cell[r][c_src], strlen(csv.cell[r][c_src])), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set(a, csv.cell[r][c_role], s, atoi(csv.cell[r][c_level]),
                                          csv.cell[r][c_note], NULL), ISOMM_OK);
    }
    cr_assert_eq(isomm_pattern_parse(&p, csv.cell[1][mini_csv_column(&csv, "current_pattern")], 6, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_pattern(a, 1, p, NULL), ISOMM_OK);
    cr_assert_eq(isomm_assessment_set_pattern(a, 0, ISOMM_PATTERN_MINIMUM_OUTSOURCE, NULL), ISOMM_OK);
    mini_csv_free(&csv);
    return a;
}

Test(example1, maturity_highlights_fit)
{
    /* example-1.expected.json */
    static const double maturity[ISOMM_FUNCTION_COUNT] = {
        3.0, 2.6666666666666665, 2.0, 1.8571428571428572, 2.2, 3.0, 2.7777777777777777,
        2.3333333333333335, 2.3333333333333335,
    };
    isomm_assessment *a = load_example();
    isomm_result *r = eval(a, 2, 3, ISOMM_PATTERN_NONE);
    double overall;
    char s[8], w[8];
    int f, mism, cur;

    cr_assert_eq(isomm_assessment_answered(a), 51);
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        cr_assert_eq(isomm_result_function(r, f)->maturity, maturity[f], "function %c: %.17g", 'A' + f,
                     isomm_result_function(r, f)->maturity);
    cr_assert_eq(isomm_result_overall(r, &overall), 1);
    cr_assert_eq(overall, 2.4631393298059963, "%.17g", overall);
    highlight_codes(r, 1, s);
    highlight_codes(r, 0, w);
    cr_assert_str_eq(s, "AF");
    cr_assert_str_eq(w, "DC");
    cr_assert_eq(isomm_result_unanswered_count(r), 3);
    cr_assert_eq(isomm_result_unanswered(r, 0), role("A-5"));
    cr_assert_eq(isomm_result_unanswered(r, 1), role("D-5"));
    cr_assert_eq(isomm_result_unanswered(r, 2), role("E-7"));
    cr_assert_eq(isomm_result_pattern_fit(r, &mism, &cur), ISOMM_PATTERN_MINIMUM_OUTSOURCE);
    cr_assert_eq(mism, 19);
    cr_assert_eq(cur, 24);
    isomm_result_free(r);
    isomm_assessment_free(a);
}

struct expected_lists {
    isomm_pattern target;
    const char *lists[ISOMM_LIST_COUNT];
};

static const struct expected_lists example1_lists[] = {
    { ISOMM_PATTERN_FULL_OUTSOURCE, { "", "D-3 D-6 C-2", "", "C-3 I-6 A-1" } },
    { ISOMM_PATTERN_MINIMUM_INSOURCE, { "A-1 D-8 G-10", "D-3 C-2 D-7", "D-6 I-1 I-4", "C-3 I-6 B-4" } },
    { ISOMM_PATTERN_HYBRID, { "I-6 A-1 D-8", "C-2 G-6 G-7", "D-3 D-6 D-7", "C-3 B-4 C-5" } },
    { ISOMM_PATTERN_MINIMUM_OUTSOURCE, { "I-6 A-1 B-4", "C-2 G-7 C-1", "D-3 D-6 D-7", "C-3 E-6 G-2" } },
    { ISOMM_PATTERN_FULL_INSOURCE, { "C-3 I-6 A-1", "", "D-3 D-6 C-2", "" } },
};

Test(example1, recommendations_for_all_five_targets)
{
    isomm_assessment *a = load_example();
    size_t t;
    int l;
    char buf[512];
    for (t = 0; t < sizeof example1_lists / sizeof example1_lists[0]; t++) {
        isomm_result *r = eval(a, 2, 3, example1_lists[t].target);
        for (l = 0; l < ISOMM_LIST_COUNT; l++) {
            list_codes(r, (isomm_list)l, buf, sizeof buf);
            cr_assert_str_eq(buf, example1_lists[t].lists[l], "target %s, list %s",
                             isomm_pattern_id(example1_lists[t].target), isomm_list_id((isomm_list)l));
        }
        cr_assert_eq(has_warning(r, ISOMM_WARNING_FULL_OUTSOURCE),
                     example1_lists[t].target == ISOMM_PATTERN_FULL_OUTSOURCE);
        isomm_result_free(r);
    }
    isomm_assessment_free(a);
}
