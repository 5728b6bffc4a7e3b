/* SPDX-License-Identifier: MIT */
/* Invariants of an evaluation result, checked by every fuzz target after each evaluation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

void fuzz_require(int cond, const char *what, const char *file, int line)
{
    if (!cond) {
        fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
        abort();
    }
}

static void check_functions(const isomm_result *r, const isomm_model *m)
{
    int f, rated_total = 0, excluded_total = 0, unanswered_total = 0;

    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *fr = isomm_result_function(r, f);
        const isomm_function_info *fi = isomm_model_function(m, f);
        FUZZ_REQUIRE(fr != NULL && fi != NULL && fr->function == f);
        FUZZ_REQUIRE(fr->rated_roles + fr->excluded_roles == fi->role_count);
        FUZZ_REQUIRE(fr->unanswered_roles >= 0 && fr->unanswered_roles <= fr->rated_roles);
        FUZZ_REQUIRE(fr->has_maturity == (fr->rated_roles > 0));
        if (fr->has_maturity)
            FUZZ_REQUIRE(fr->maturity >= 1.0 && fr->maturity <= 5.0);
        else
            FUZZ_REQUIRE(fr->maturity == 0.0);
        rated_total += fr->rated_roles;
        excluded_total += fr->excluded_roles;
        unanswered_total += fr->unanswered_roles;
    }
    FUZZ_REQUIRE(rated_total + excluded_total == ISOMM_ROLE_COUNT);
    FUZZ_REQUIRE(unanswered_total == isomm_result_unanswered_count(r));
    FUZZ_REQUIRE(isomm_result_function(r, -1) == NULL);
    FUZZ_REQUIRE(isomm_result_function(r, ISOMM_FUNCTION_COUNT) == NULL);
}

static void check_roles(const isomm_result *r, const isomm_assessment *a)
{
    int i, unanswered = 0;

    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_result *rr = isomm_result_role(r, i);
        isomm_answer ans;
        FUZZ_REQUIRE(rr != NULL && rr->role == i);
        FUZZ_REQUIRE(isomm_assessment_get_index(a, i, &ans, NULL) == ISOMM_OK);
        FUZZ_REQUIRE(rr->level == ans.level && rr->sourcing == ans.sourcing);
        if (rr->level == ISOMM_UNANSWERED) {
            FUZZ_REQUIRE(rr->score == 1 && rr->sourcing == ISOMM_SOURCING_NONE);
            FUZZ_REQUIRE(isomm_result_unanswered(r, unanswered) == i);
            unanswered++;
        } else {
            FUZZ_REQUIRE(rr->level >= 0 && rr->level <= 5 && rr->score == rr->level);
            FUZZ_REQUIRE(rr->sourcing == ISOMM_INSOURCE || rr->sourcing == ISOMM_OUTSOURCE);
        }
        /* section 7.1: the next level and step */
        FUZZ_REQUIRE(rr->next_level == (rr->level >= 1 && rr->level <= 4 ? rr->level + 1 : 0));
        FUZZ_REQUIRE((isomm_result_next_step(r, i, ISOMM_LANG_JA) != NULL) ==
                     (rr->next_level > 0 || rr->level == ISOMM_UNANSWERED));
    }
    FUZZ_REQUIRE(unanswered == isomm_result_unanswered_count(r));
    FUZZ_REQUIRE(unanswered == ISOMM_ROLE_COUNT - isomm_assessment_answered(a));
    FUZZ_REQUIRE(isomm_result_unanswered(r, unanswered) == ISOMM_ERANGE);
    FUZZ_REQUIRE(isomm_result_role(r, ISOMM_ROLE_COUNT) == NULL);
}

static int has_warning(const isomm_result *r, isomm_warning w)
{
    int i;
    for (i = 0; i < isomm_result_warning_count(r); i++)
        if (isomm_result_warning(r, i) == (int)w)
            return 1;
    return 0;
}

/* Section 6: a strength above the lowest maturity, a weakness below the highest, none of either
 * (and the warning no_contrast) when all are equal; each comment that of the function's band. */
static void check_highlights(const isomm_result *r, int k)
{
    int strength, i, with_maturity = 0;
    double overall, lowest = 6.0, highest = 0.0;

    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_result *fr = isomm_result_function(r, i);
        with_maturity += fr->has_maturity;
        if (fr->has_maturity && fr->maturity < lowest)
            lowest = fr->maturity;
        if (fr->has_maturity && fr->maturity > highest)
            highest = fr->maturity;
    }
    FUZZ_REQUIRE(has_warning(r, ISOMM_WARNING_NO_CONTRAST) == (with_maturity > 0 && lowest == highest));
    if (with_maturity > 0 && lowest < highest)
        FUZZ_REQUIRE(isomm_result_highlight_count(r, 1) >= 1 && isomm_result_highlight_count(r, 0) >= 1);
    FUZZ_REQUIRE(isomm_result_overall(r, &overall) == (with_maturity > 0));
    FUZZ_REQUIRE(with_maturity ? (overall >= 1.0 && overall <= 5.0) : overall == 0.0);
    for (strength = 0; strength <= 1; strength++) {
        int n = isomm_result_highlight_count(r, strength);
        double prev = strength ? 6.0 : 0.0;
        FUZZ_REQUIRE(n >= 0 && n <= k && n <= with_maturity);
        for (i = 0; i < n; i++) {
            int f = isomm_result_highlight(r, strength, i);
            const isomm_function_result *fr = isomm_result_function(r, f);
            FUZZ_REQUIRE(fr != NULL && fr->has_maturity);
            FUZZ_REQUIRE(strength ? fr->maturity <= prev : fr->maturity >= prev);
            FUZZ_REQUIRE(strength ? fr->maturity > lowest : fr->maturity < highest);
            FUZZ_REQUIRE(isomm_result_highlight_band(r, strength, i) == isomm_maturity_band(fr->maturity));
            FUZZ_REQUIRE(isomm_result_highlight_comment(r, strength, i, ISOMM_LANG_EN) != NULL);
            prev = fr->maturity;
        }
        FUZZ_REQUIRE(isomm_result_highlight(r, strength, n) == ISOMM_ERANGE);
    }
}

static void check_lists(const isomm_result *r, const isomm_assessment *a, const isomm_eval_options *opts)
{
    isomm_pattern expected = opts->target;
    int l, i, n = opts->list_size;

    if (expected == ISOMM_PATTERN_NONE)
        expected = isomm_assessment_pattern(a, 0);
    if (expected == ISOMM_PATTERN_NONE)
        expected = isomm_assessment_pattern(a, 1);
    FUZZ_REQUIRE(isomm_result_list_pattern(r) == expected);

    for (l = 0; l < ISOMM_LIST_COUNT; l++) {
        int count = isomm_result_list_count(r, (isomm_list)l);
        int prev_level = -1;
        FUZZ_REQUIRE(count >= 0 && count <= ISOMM_ROLE_COUNT && (n == 0 || count <= n));
        if (isomm_result_list_pattern(r) == ISOMM_PATTERN_NONE)
            FUZZ_REQUIRE(count == 0);
        for (i = 0; i < count; i++) {
            const isomm_role_result *rr = isomm_result_role(r, isomm_result_list_role(r, (isomm_list)l, i));
            FUZZ_REQUIRE(rr != NULL && rr->level >= 1 && rr->level >= prev_level);
            prev_level = rr->level;
        }
        FUZZ_REQUIRE(isomm_result_list_role(r, (isomm_list)l, count) == ISOMM_ERANGE);
    }
}

static void check_fit_and_warnings(const isomm_result *r, const isomm_assessment *a)
{
    int best_mismatches, current_mismatches, p, w, prev = 0;
    isomm_pattern best = isomm_result_pattern_fit(r, &best_mismatches, &current_mismatches);

    if (best == ISOMM_PATTERN_NONE) {
        /* nothing rated: no pattern, and no pattern has a mismatch */
        for (p = 0; p < ISOMM_ROLE_COUNT; p++)
            FUZZ_REQUIRE(isomm_result_role(r, p)->level < 1);
        FUZZ_REQUIRE(best_mismatches == 0);
    } else {
        FUZZ_REQUIRE(isomm_pattern_get(best) != NULL);
        FUZZ_REQUIRE(best_mismatches == isomm_result_pattern_mismatches(r, best));
    }
    for (p = ISOMM_PATTERN_FULL_OUTSOURCE; p <= ISOMM_PATTERN_FULL_INSOURCE; p++) {
        int m = isomm_result_pattern_mismatches(r, (isomm_pattern)p);
        FUZZ_REQUIRE(m >= best_mismatches && m <= ISOMM_ROLE_COUNT);
    }
    if (isomm_assessment_pattern(a, 1) == ISOMM_PATTERN_NONE)
        FUZZ_REQUIRE(current_mismatches == -1);
    else
        FUZZ_REQUIRE(current_mismatches == isomm_result_pattern_mismatches(r, isomm_assessment_pattern(a, 1)));
    FUZZ_REQUIRE(isomm_result_warning_count(r) <= ISOMM_WARNING_MAX);
    for (w = 0; w < isomm_result_warning_count(r); w++) {
        int code = isomm_result_warning(r, w);
        FUZZ_REQUIRE(code > prev && isomm_warning_id((isomm_warning)code) != NULL);
        prev = code;
    }
}

/* Whether s[0..n) is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF). */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0, k, len;
    unsigned long cp, min;

    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        if ((s[i] & 0xE0) == 0xC0)
            len = 2, cp = s[i] & 0x1Fu, min = 0x80;
        else if ((s[i] & 0xF0) == 0xE0)
            len = 3, cp = s[i] & 0x0Fu, min = 0x800;
        else if ((s[i] & 0xF8) == 0xF0)
            len = 4, cp = s[i] & 0x07u, min = 0x10000;
        else
            return 0;
        if (len > n - i)
            return 0;
        for (k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

static int valid_text(const char *s)
{
    return !s || valid_utf8((const unsigned char *)s, strlen(s));
}

/* Whether every text of the assessment (notes, metadata) is UTF-8, as its API asks. */
static int texts_are_utf8(const isomm_assessment *a)
{
    isomm_answer ans;
    int i;

    for (i = 0; i < ISOMM_META_COUNT; i++)
        if (!valid_text(isomm_assessment_meta(a, (isomm_meta)i)))
            return 0;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        if (isomm_assessment_get_index(a, i, &ans, NULL) != ISOMM_OK || !valid_text(ans.note))
            return 0;
    return 1;
}

/* Render the result as text, JSON and HTML (which holds both SVG charts), in a language that
 * depends on the answers: each must succeed, hold no NUL byte, and be UTF-8 whenever the
 * assessment's own texts are. */
static void check_reports(const isomm_result *r, const isomm_assessment *a)
{
    static const isomm_format formats[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_JSON, ISOMM_FORMAT_HTML };
    isomm_report_options opts = ISOMM_REPORT_OPTIONS_INIT;
    int utf8 = texts_are_utf8(a);
    size_t f, len;
    char *out;

    opts.second = r;
    opts.lang = isomm_assessment_answered(a) % 2 ? ISOMM_LANG_EN : ISOMM_LANG_JA;
    for (f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        opts.format = formats[f];
        out = NULL;
        FUZZ_REQUIRE(isomm_report_render(&out, &len, r, &opts, NULL) == ISOMM_OK);
        FUZZ_REQUIRE(out != NULL && strlen(out) == len);
        if (utf8)
            FUZZ_REQUIRE(valid_utf8((const unsigned char *)out, len));
        isomm_free(out);
    }
}

int fuzz_evaluate_and_check(const isomm_assessment *a, const isomm_eval_options *opts, int render)
{
    isomm_eval_options defaults = ISOMM_EVAL_OPTIONS_INIT;
    isomm_result *r = NULL;
    isomm_error err;
    int rc = isomm_evaluate(&r, a, opts, &err);

    if (!opts)
        opts = &defaults;
    if (rc != ISOMM_OK) {
        FUZZ_REQUIRE(r == NULL && rc < 0 && err.code == rc && isomm_strerror(rc) != NULL);
        return rc;
    }
    FUZZ_REQUIRE(isomm_result_assessment(r) == a && isomm_result_model(r) == isomm_assessment_model(a));
    check_functions(r, isomm_assessment_model(a));
    check_roles(r, a);
    check_highlights(r, opts->strengths);
    check_lists(r, a, opts);
    check_fit_and_warnings(r, a);
    if (render)
        check_reports(r, a);
    isomm_result_free(r);
    return rc;
}
