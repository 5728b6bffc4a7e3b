/* SPDX-License-Identifier: MIT */
/* Evaluation (ISOMM-MODEL.md sections 4-8): maturity, strengths and weaknesses,
 * recommendation lists, pattern fit, unanswered roles and warnings.
 * One allocation per evaluation; everything else lives in fixed arrays of the result. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "catalog.h"

/* Every warning kind (isomm_warning runs 1..WARNING_KINDS); at most ISOMM_WARNING_MAX at once. */
#define WARNING_KINDS 8

struct isomm_result {
    const isomm_assessment *assessment;
    const isomm_model *model;
    isomm_function_result functions[ISOMM_FUNCTION_COUNT];
    isomm_role_result roles[ISOMM_ROLE_COUNT];
    int has_overall;
    double overall;
    int highlight_count[2];                         /* [0] weaknesses, [1] strengths */
    int8_t highlights[2][4];
    isomm_pattern list_pattern;
    int list_count[ISOMM_LIST_COUNT];
    int8_t lists[ISOMM_LIST_COUNT][ISOMM_ROLE_COUNT];
    int mismatches[ISOMM_PATTERN_COUNT];
    isomm_pattern fit;
    int unanswered_count;
    int8_t unanswered[ISOMM_ROLE_COUNT];
    int plan_count;
    int8_t plan[ISOMM_ROLE_COUNT];
    int warning_count;
    int8_t warnings[ISOMM_WARNING_MAX];
};

void isomm__maturity(const isomm_assessment *a, isomm_function_result functions[ISOMM_FUNCTION_COUNT],
                     int *has_overall, double *overall)
{
    int f, i, with_maturity = 0;
    double sum_of_functions = 0.0;

    memset(functions, 0, sizeof *functions * ISOMM_FUNCTION_COUNT);
    *has_overall = 0;
    *overall = 0.0;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = &a->model->functions[f];
        isomm_function_result *fr = &functions[f];
        int sum = 0;
        fr->function = f;
        for (i = fi->first_role; i < fi->first_role + fi->role_count; i++) {
            int level = a->level[i];
            if (level == 0) {
                fr->excluded_roles++;
                continue;
            }
            if (level == ISOMM_UNANSWERED) {
                fr->unanswered_roles++;
                level = 1; /* "don't know" counts as 1 */
            }
            sum += level;
            fr->rated_roles++;
        }
        if (fr->rated_roles > 0) {
            fr->has_maturity = 1;
            fr->maturity = (double)sum / fr->rated_roles;
            sum_of_functions += fr->maturity;
            with_maturity++;
        }
    }
    if (with_maturity > 0) {
        *has_overall = 1;
        *overall = sum_of_functions / with_maturity;
    }
}

static void compute_maturity(isomm_result *r)
{
    isomm__maturity(r->assessment, r->functions, &r->has_overall, &r->overall);
}

/* Functions with a maturity, highest first, catalogue order among equals (stable insertion sort).
 * A strength must be above the lowest maturity and a weakness below the highest (section 6);
 * "the rest" after the strengths are walked from the end. */
static void compute_highlights(isomm_result *r, int k)
{
    int order[ISOMM_FUNCTION_COUNT];
    int m = 0, f, i, j;
    double highest, lowest;

    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        if (!r->functions[f].has_maturity)
            continue;
        for (j = m; j > 0 && r->functions[order[j - 1]].maturity < r->functions[f].maturity; j--)
            order[j] = order[j - 1];
        order[j] = f;
        m++;
    }
    if (m == 0)
        return;
    highest = r->functions[order[0]].maturity;
    lowest = r->functions[order[m - 1]].maturity;
    for (i = 0; i < m && i < k && r->functions[order[i]].maturity > lowest; i++)
        r->highlights[1][r->highlight_count[1]++] = (int8_t)order[i];
    for (j = m - 1; j >= i && r->highlight_count[0] < k && r->functions[order[j]].maturity < highest; j--)
        r->highlights[0][r->highlight_count[0]++] = (int8_t)order[j];
}

static int list_of(isomm_sourcing recorded, isomm_sourcing expected, int level)
{
    if (recorded == ISOMM_INSOURCE)
        return expected == ISOMM_INSOURCE ? (level < ISOMM_LEVEL_MAX ? ISOMM_LIST_STRENGTHEN_INSOURCE : -1)
                                          : ISOMM_LIST_SWITCH_TO_OUTSOURCE;
    return expected == ISOMM_OUTSOURCE ? (level < ISOMM_LEVEL_MAX ? ISOMM_LIST_STRENGTHEN_OUTSOURCE : -1)
                                       : ISOMM_LIST_SWITCH_TO_INSOURCE;
}

/* Lists ordered by level (lowest first), then catalogue order; cut at n (0 = no cut).
 * One pass sorts the answered roles into per-level buckets (catalogue order kept), a second
 * walks the buckets from level 1 up. */
static void compute_lists(isomm_result *r, int n)
{
    const isomm_assessment *a = r->assessment;
    int8_t bucket[ISOMM_LEVEL_MAX + 1][ISOMM_ROLE_COUNT];
    int bucket_len[ISOMM_LEVEL_MAX + 1] = { 0 };
    int pattern = (int)r->list_pattern, level, i;

    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        isomm_role_result *rr = &r->roles[i];
        rr->role = i;
        rr->sourcing = (isomm_sourcing)a->sourcing[i];
        rr->level = a->level[i];
        rr->score = rr->level == ISOMM_UNANSWERED ? 1 : rr->level;
        if (pattern == ISOMM_PATTERN_NONE)
            rr->expected = ISOMM_SOURCING_NONE;
        else
            rr->expected = (int)r->model->roles[i].domain <= pattern ? ISOMM_INSOURCE : ISOMM_OUTSOURCE;
        if (rr->level >= 1)
            bucket[rr->level][bucket_len[rr->level]++] = (int8_t)i;
    }
    if (pattern == ISOMM_PATTERN_NONE)
        return;
    for (level = 1; level <= ISOMM_LEVEL_MAX; level++) {
        for (i = 0; i < bucket_len[level]; i++) {
            const isomm_role_result *rr = &r->roles[bucket[level][i]];
            int list = list_of(rr->sourcing, rr->expected, level);
            if (list >= 0 && (n == 0 || r->list_count[list] < n))
                r->lists[list][r->list_count[list]++] = (int8_t)rr->role;
        }
    }
}

static void compute_fit(isomm_result *r)
{
    const isomm_assessment *a = r->assessment;
    int p, i;

    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        int domain = (int)r->model->roles[i].domain;
        if (a->level[i] < 1)
            continue;
        for (p = 0; p < ISOMM_PATTERN_COUNT; p++) {
            int expected_in = domain <= p;
            r->mismatches[p] += expected_in != (a->sourcing[i] == ISOMM_INSOURCE);
        }
    }
    r->fit = ISOMM_PATTERN_NONE;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        if (a->level[i] >= 1) {
            r->fit = ISOMM_PATTERN_FULL_OUTSOURCE;
            break;
        }
    }
    if (r->fit == ISOMM_PATTERN_NONE)
        return; /* nothing rated: nothing to fit (section 8) */
    for (p = 1; p < ISOMM_PATTERN_COUNT; p++)
        if (r->mismatches[p] < r->mismatches[r->fit])
            r->fit = (isomm_pattern)p;
}

/* Next levels (section 7.1) and the action plan: the lists' roles in list order, then every
 * other role with a next step in catalogue order. */
static void compute_plan(isomm_result *r)
{
    uint64_t taken = 0;
    int l, i;

    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        isomm_role_result *rr = &r->roles[i];
        rr->next_level = rr->level >= 1 && rr->level < ISOMM_LEVEL_MAX ? rr->level + 1 : 0;
    }
    for (l = 0; l < ISOMM_LIST_COUNT; l++) {
        for (i = 0; i < r->list_count[l]; i++) {
            int role = r->lists[l][i];
            if (taken & (UINT64_C(1) << role))
                continue;
            taken |= UINT64_C(1) << role;
            r->plan[r->plan_count++] = (int8_t)role;
        }
    }
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        if (taken & (UINT64_C(1) << i))
            continue;
        if (r->roles[i].next_level > 0 || r->roles[i].level == ISOMM_UNANSWERED)
            r->plan[r->plan_count++] = (int8_t)i;
    }
}

static void add_warning(isomm_result *r, isomm_warning w)
{
    r->warnings[r->warning_count++] = (int8_t)w;
}

static void compute_warnings(isomm_result *r, isomm_pattern target)
{
    int f, i;

    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        if (r->roles[i].level == ISOMM_UNANSWERED)
            r->unanswered[r->unanswered_count++] = (int8_t)i;
    if (r->list_pattern == ISOMM_PATTERN_NONE)
        add_warning(r, ISOMM_WARNING_NO_PATTERN);
    else if (target == ISOMM_PATTERN_NONE)
        add_warning(r, ISOMM_WARNING_TARGET_FROM_CURRENT);
    if (r->list_pattern == ISOMM_PATTERN_FULL_OUTSOURCE)
        add_warning(r, ISOMM_WARNING_FULL_OUTSOURCE);
    if (r->unanswered_count > 0)
        add_warning(r, ISOMM_WARNING_UNANSWERED);
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        if (!r->functions[f].has_maturity) {
            add_warning(r, ISOMM_WARNING_FUNCTION_NO_MATURITY);
            break;
        }
    }
    if (!r->has_overall)
        add_warning(r, ISOMM_WARNING_NO_MATURITY);
    else if (r->highlight_count[0] == 0 && r->highlight_count[1] == 0)
        add_warning(r, ISOMM_WARNING_NO_CONTRAST); /* with a maturity, no highlight means all are equal */
    if (r->fit == ISOMM_PATTERN_NONE)
        add_warning(r, ISOMM_WARNING_NO_FIT);
}

int isomm_evaluate(isomm_result **out, const isomm_assessment *a, const isomm_eval_options *opts, isomm_error *err)
{
    static const isomm_eval_options defaults = ISOMM_EVAL_OPTIONS_INIT;
    isomm_pattern target;
    isomm_result *r;

    if (!out || !a)
        return isomm__fail(err, ISOMM_EINVAL, "output and assessment must not be NULL");
    *out = NULL;
    if (!opts)
        opts = &defaults;
    if (opts->version != ISOMM_EVAL_OPTIONS_VERSION)
        return isomm__fail(err, ISOMM_EOPTIONS, "options version %u not supported (expected %d)", opts->version,
                           ISOMM_EVAL_OPTIONS_VERSION);
    if (opts->strengths < 1 || opts->strengths > 4)
        return isomm__fail(err, ISOMM_EOPTIONS, "strengths/weaknesses count %d out of range (expected 1-4)",
                           opts->strengths);
    if (opts->list_size < 0)
        return isomm__fail(err, ISOMM_EOPTIONS, "list size %d is negative (expected 0 for no cut, or more)",
                           opts->list_size);
    if (opts->target != ISOMM_PATTERN_NONE && !isomm_pattern_get(opts->target))
        return isomm__fail(err, ISOMM_EPATTERN, "unknown target pattern value %d", (int)opts->target);

    r = calloc(1, sizeof *r);
    if (!r)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory evaluating an assessment");
    r->assessment = a;
    r->model = a->model;
    target = opts->target != ISOMM_PATTERN_NONE ? opts->target : a->target;
    r->list_pattern = target != ISOMM_PATTERN_NONE ? target : a->current;

    compute_maturity(r);
    compute_highlights(r, opts->strengths);
    compute_lists(r, opts->list_size);
    compute_fit(r);
    compute_plan(r);
    compute_warnings(r, target);
    *out = r;
    return ISOMM_OK;
}

void isomm_result_free(isomm_result *r)
{
    free(r);
}

const isomm_assessment *isomm_result_assessment(const isomm_result *r)
{
    return r ? r->assessment : NULL;
}

const isomm_model *isomm_result_model(const isomm_result *r)
{
    return r ? r->model : NULL;
}

const isomm_function_result *isomm_result_function(const isomm_result *r, int function)
{
    if (!r || function < 0 || function >= ISOMM_FUNCTION_COUNT)
        return NULL;
    return &r->functions[function];
}

const isomm_role_result *isomm_result_role(const isomm_result *r, int role)
{
    if (!r || role < 0 || role >= ISOMM_ROLE_COUNT)
        return NULL;
    return &r->roles[role];
}

int isomm_result_overall(const isomm_result *r, double *out)
{
    if (!r || !out)
        return ISOMM_EINVAL;
    *out = r->has_overall ? r->overall : 0.0;
    return r->has_overall;
}

int isomm_result_highlight_count(const isomm_result *r, int strength)
{
    return r ? r->highlight_count[strength != 0] : 0;
}

int isomm_result_highlight(const isomm_result *r, int strength, int i)
{
    if (!r || i < 0 || i >= r->highlight_count[strength != 0])
        return ISOMM_ERANGE;
    return r->highlights[strength != 0][i];
}

int isomm_maturity_band(double maturity)
{
    if (maturity >= 5.0)
        return 5;
    if (maturity >= 4.0)
        return 4;
    if (maturity >= 3.0)
        return 3;
    if (maturity >= 2.0)
        return 2;
    return 1; /* also NaN: every comparison above is false */
}

const char *isomm_function_band_comment(const isomm_function_info *function, int strength, int band, isomm_lang lang)
{
    if (!function || function->index < 0 || function->index >= ISOMM_FUNCTION_COUNT || band < 1 || band > 5
        || (lang != ISOMM_LANG_JA && lang != ISOMM_LANG_EN))
        return NULL;
    return isomm__band_comments[function->index][strength != 0][band - 1][lang];
}

int isomm_result_highlight_band(const isomm_result *r, int strength, int i)
{
    int f = isomm_result_highlight(r, strength, i);

    if (f < 0)
        return f;
    return isomm_maturity_band(r->functions[f].maturity);
}

const char *isomm_result_highlight_comment(const isomm_result *r, int strength, int i, isomm_lang lang)
{
    int f = isomm_result_highlight(r, strength, i);

    if (f < 0)
        return NULL;
    return isomm_function_band_comment(&r->model->functions[f], strength, isomm_maturity_band(r->functions[f].maturity),
                                       lang);
}

static const char *const assess_step[2] = {
    "この役割を評価しましょう（未回答）", "Assess this role (it is unanswered)"
};

const char *isomm_result_next_step(const isomm_result *r, int role, isomm_lang lang)
{
    const isomm_role_result *rr;

    if (!r || role < 0 || role >= ISOMM_ROLE_COUNT || (lang != ISOMM_LANG_JA && lang != ISOMM_LANG_EN))
        return NULL;
    rr = &r->roles[role];
    if (rr->level == ISOMM_UNANSWERED)
        return assess_step[lang];
    if (rr->next_level == 0)
        return NULL;
    return isomm_scale_text(rr->sourcing, rr->next_level, lang);
}

int isomm_result_plan_count(const isomm_result *r)
{
    return r ? r->plan_count : 0;
}

int isomm_result_plan_role(const isomm_result *r, int i)
{
    if (!r || i < 0 || i >= r->plan_count)
        return ISOMM_ERANGE;
    return r->plan[i];
}

isomm_pattern isomm_result_list_pattern(const isomm_result *r)
{
    return r ? r->list_pattern : ISOMM_PATTERN_NONE;
}

int isomm_result_list_count(const isomm_result *r, isomm_list list)
{
    if (!r || (int)list < 0 || (int)list >= ISOMM_LIST_COUNT)
        return 0;
    return r->list_count[list];
}

int isomm_result_list_role(const isomm_result *r, isomm_list list, int i)
{
    if (!r || (int)list < 0 || (int)list >= ISOMM_LIST_COUNT || i < 0 || i >= r->list_count[list])
        return ISOMM_ERANGE;
    return r->lists[list][i];
}

static const char *const list_ids[ISOMM_LIST_COUNT] = {
    "strengthen_insource", "strengthen_outsource", "switch_to_insource", "switch_to_outsource"
};

static const char *const list_titles[ISOMM_LIST_COUNT][2] = {
    { "より強化すべきインソースの役割", "Insourced roles to strengthen" },
    { "より強化すべきアウトソースの役割", "Outsourced roles to strengthen" },
    { "インソースへの切り替えを検討すべき役割", "Roles to consider moving in-house" },
    { "アウトソースへの切り替えを検討すべき役割", "Roles to consider outsourcing" },
};

const char *isomm_list_id(isomm_list list)
{
    if ((int)list < 0 || (int)list >= ISOMM_LIST_COUNT)
        return NULL;
    return list_ids[list];
}

const char *isomm_list_title(isomm_list list, isomm_lang lang)
{
    if ((int)list < 0 || (int)list >= ISOMM_LIST_COUNT || (lang != ISOMM_LANG_JA && lang != ISOMM_LANG_EN))
        return NULL;
    return list_titles[list][lang];
}

isomm_pattern isomm_result_pattern_fit(const isomm_result *r, int *mismatches, int *current_mismatches)
{
    if (!r)
        return ISOMM_PATTERN_NONE;
    if (mismatches)
        *mismatches = r->fit == ISOMM_PATTERN_NONE ? 0 : r->mismatches[r->fit];
    if (current_mismatches)
        *current_mismatches = r->assessment->current == ISOMM_PATTERN_NONE ? -1
                                                                           : r->mismatches[r->assessment->current];
    return r->fit;
}

int isomm_result_pattern_mismatches(const isomm_result *r, isomm_pattern pattern)
{
    if (!r || !isomm_pattern_get(pattern))
        return -1;
    return r->mismatches[pattern];
}

int isomm_result_unanswered_count(const isomm_result *r)
{
    return r ? r->unanswered_count : 0;
}

int isomm_result_unanswered(const isomm_result *r, int i)
{
    if (!r || i < 0 || i >= r->unanswered_count)
        return ISOMM_ERANGE;
    return r->unanswered[i];
}

int isomm_result_warning_count(const isomm_result *r)
{
    return r ? r->warning_count : 0;
}

int isomm_result_warning(const isomm_result *r, int i)
{
    if (!r || i < 0 || i >= r->warning_count)
        return ISOMM_ERANGE;
    return r->warnings[i];
}

static const char *const warning_ids[WARNING_KINDS] = {
    "no_pattern", "target_from_current", "full_outsource", "unanswered", "function_no_maturity", "no_maturity",
    "no_contrast", "no_fit"
};

static const char *const warning_texts[WARNING_KINDS][2] = {
    { "目標パターンも現在のパターンも指定されていないため、推奨リストは空です。",
      "No target or current pattern is set, so the recommendation lists are empty." },
    { "目標パターンが指定されていないため、推奨リストは現在のパターンを基準にしています。",
      "No target pattern is set, so the recommendation lists use the current pattern." },
    { "目標がフルアウトソースです。領域Iの役割（方針や判断）は実際には外部に委ねられません。参考値として扱ってください。",
      "The target is full-outsource. Domain I roles (policy and decisions) cannot really be bought; "
      "treat this result as a reference point only." },
    { "未回答の役割があります。未回答はレベル1として計算しています。",
      "Some roles are unanswered; they count as level 1." },
    { "すべての役割がレベル0の機能があり、その機能の成熟度は算出されません。",
      "A function has all its roles at level 0 and has no maturity." },
    { "成熟度を算出できる機能がないため、全体の成熟度・強み・弱みはありません。",
      "No function has a maturity, so there is no overall maturity, strength or weakness." },
    { "すべての機能の成熟度が同じため、強みも弱みもありません。",
      "Every function has the same maturity, so there is no strength and no weakness." },
    { "レベル1以上で回答された役割がないため、パターン適合は判定できません。",
      "No role is answered at level 1 or more, so there is no pattern to fit." },
};

const char *isomm_warning_id(isomm_warning w)
{
    if ((int)w < 1 || (int)w > WARNING_KINDS)
        return NULL;
    return warning_ids[w - 1];
}

const char *isomm_warning_text(isomm_warning w, isomm_lang lang)
{
    if ((int)w < 1 || (int)w > WARNING_KINDS || (lang != ISOMM_LANG_JA && lang != ISOMM_LANG_EN))
        return NULL;
    return warning_texts[w - 1][lang];
}
