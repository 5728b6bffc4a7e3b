/* SPDX-License-Identifier: MIT */
/* Comparison of two assessments and streaming aggregation of many (ISOMM-MODEL.md section 8).
 *
 * Both read an assessment through isomm_evaluate(), so that "unanswered counts 1" and "level 0
 * is left out" have one implementation. An aggregate keeps integer sums only, so its statistics
 * are exact and do not depend on the order of the assessments: a role's levels sum as integers,
 * and a function maturity (a mean over at most 10 roles) is held as an integer multiple of
 * 1/2520 (2520 = lcm(1..10)). */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "internal.h"

/* ---- models --------------------------------------------------------------------------- */

static int model_mismatch(isomm_error *err, const isomm_model *x, const isomm_model *y, const char *what)
{
    return isomm__fail(err, ISOMM_EMODEL, "%s use different models ('%.100s' and '%.100s'); expected one catalogue",
                       what, isomm_model_name(x), isomm_model_name(y));
}

/* ---- comparison ----------------------------------------------------------------------- */

struct isomm_comparison {
    const isomm_model *model;
    char *meta[2][ISOMM_META_COUNT]; /* [0] new, [1] old: indexed by the `old` flag of isomm_comparison_meta */
    isomm_role_change roles[ISOMM_ROLE_COUNT];
    isomm_function_change functions[ISOMM_FUNCTION_COUNT];
    int8_t order[ISOMM_FUNCTION_COUNT];
    int improved, declined, unchanged, not_compared;
    int status_count[ISOMM_CHANGE_STATUS_COUNT];
    isomm_function_change overall;
};

static isomm_change_status status_of(int old_level, int new_level)
{
    int was = old_level >= 1, is = new_level >= 1;
    if (was && is)
        return new_level > old_level ? ISOMM_CHANGE_IMPROVED
               : new_level < old_level ? ISOMM_CHANGE_DECLINED : ISOMM_CHANGE_UNCHANGED;
    if (is)
        return ISOMM_CHANGE_ADDED;
    return was ? ISOMM_CHANGE_DROPPED : ISOMM_CHANGE_UNRATED;
}

static void compare_roles(isomm_comparison *c, const isomm_result *old_r, const isomm_result *new_r)
{
    int i;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_result *o = isomm_result_role(old_r, i), *n = isomm_result_role(new_r, i);
        isomm_role_change *rc = &c->roles[i];
        rc->role = i;
        rc->old_level = o->level;
        rc->new_level = n->level;
        rc->old_sourcing = o->sourcing;
        rc->new_sourcing = n->sourcing;
        rc->has_change = o->level >= 1 && n->level >= 1;
        rc->level_change = rc->has_change ? n->level - o->level : 0;
        rc->sourcing_changed = o->sourcing != ISOMM_SOURCING_NONE && n->sourcing != ISOMM_SOURCING_NONE
                               && o->sourcing != n->sourcing;
        rc->status = status_of(o->level, n->level);
        c->status_count[rc->status]++;
        if (!rc->has_change)
            c->not_compared++;
        if (rc->level_change > 0)
            c->improved++;
        else if (rc->level_change < 0)
            c->declined++;
        else
            c->unchanged++;
    }
}

/* Does function x come before function y in the change order? */
static int change_before(const isomm_comparison *c, int x, int y)
{
    const isomm_function_change *fx = &c->functions[x], *fy = &c->functions[y];
    if (fx->has_change != fy->has_change)
        return fx->has_change;
    if (fx->has_change && fx->change != fy->change)
        return fx->change > fy->change;
    return x < y;
}

static void compare_functions(isomm_comparison *c, const isomm_result *old_r, const isomm_result *new_r)
{
    int f, j;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *o = isomm_result_function(old_r, f), *n = isomm_result_function(new_r, f);
        isomm_function_change *fc = &c->functions[f];
        fc->function = f;
        fc->has_old = o->has_maturity;
        fc->old_maturity = o->maturity;
        fc->has_new = n->has_maturity;
        fc->new_maturity = n->maturity;
        fc->has_change = o->has_maturity && n->has_maturity;
        fc->change = fc->has_change ? n->maturity - o->maturity : 0.0;
        for (j = f; j > 0 && change_before(c, f, c->order[j - 1]); j--)
            c->order[j] = c->order[j - 1];
        c->order[j] = (int8_t)f;
    }
    c->overall.function = -1;
    c->overall.has_old = isomm_result_overall(old_r, &c->overall.old_maturity) == 1;
    c->overall.has_new = isomm_result_overall(new_r, &c->overall.new_maturity) == 1;
    c->overall.has_change = c->overall.has_old && c->overall.has_new;
    c->overall.change = c->overall.has_change ? c->overall.new_maturity - c->overall.old_maturity : 0.0;
}

int isomm_compare(isomm_comparison **out, const isomm_assessment *old_a, const isomm_assessment *new_a,
                  isomm_error *err)
{
    isomm_result *old_r = NULL, *new_r = NULL;
    isomm_comparison *c;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !old_a || !new_a)
        return isomm__fail(err, ISOMM_EINVAL, "output and both assessments must not be NULL");
    if (!isomm__model_same(old_a->model, new_a->model))
        return model_mismatch(err, old_a->model, new_a->model, "the two assessments");
    c = calloc(1, sizeof *c);
    if (!c)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory comparing assessments");
    c->model = new_a->model;
    for (rc = 0; rc < ISOMM_META_COUNT; rc++) {
        const char *o = isomm_assessment_meta(old_a, (isomm_meta)rc), *n = isomm_assessment_meta(new_a, (isomm_meta)rc);
        c->meta[1][rc] = isomm__strdup(o);
        c->meta[0][rc] = isomm__strdup(n);
        if ((o && !c->meta[1][rc]) || (n && !c->meta[0][rc])) {
            isomm_comparison_free(c);
            return isomm__fail(err, ISOMM_ENOMEM, "out of memory comparing assessments");
        }
    }
    rc = isomm_evaluate(&old_r, old_a, NULL, err);
    if (!rc)
        rc = isomm_evaluate(&new_r, new_a, NULL, err);
    if (rc) {
        isomm_result_free(old_r);
        isomm_comparison_free(c);
        return rc;
    }
    compare_roles(c, old_r, new_r);
    compare_functions(c, old_r, new_r);
    isomm_result_free(old_r);
    isomm_result_free(new_r);
    *out = c;
    return ISOMM_OK;
}

void isomm_comparison_free(isomm_comparison *c)
{
    int i;
    if (!c)
        return;
    for (i = 0; i < ISOMM_META_COUNT; i++) {
        free(c->meta[0][i]);
        free(c->meta[1][i]);
    }
    free(c);
}

const isomm_model *isomm_comparison_model(const isomm_comparison *c)
{
    return c ? c->model : NULL;
}

const char *isomm_comparison_id(const isomm_comparison *c, int old)
{
    return c ? c->meta[old != 0][ISOMM_META_ID] : NULL;
}

const char *isomm_comparison_meta(const isomm_comparison *c, int old, isomm_meta field)
{
    if (!c || (int)field < 0 || (int)field >= ISOMM_META_COUNT)
        return NULL;
    return c->meta[old != 0][field];
}

const isomm_function_change *isomm_comparison_overall(const isomm_comparison *c)
{
    return c ? &c->overall : NULL;
}

int isomm_comparison_status_count(const isomm_comparison *c, isomm_change_status status)
{
    if (!c || (int)status < 0 || (int)status >= ISOMM_CHANGE_STATUS_COUNT)
        return ISOMM_EINVAL;
    return c->status_count[status];
}

static const char *const status_ids[ISOMM_CHANGE_STATUS_COUNT] = {
    "improved", "declined", "unchanged", "added", "dropped", "unrated"
};

static const char *const status_names[ISOMM_CHANGE_STATUS_COUNT][2] = {
    { "向上", "Improved" },
    { "低下", "Declined" },
    { "変化なし", "Unchanged" },
    { "新たに評価", "Added" },
    { "評価なしに", "Dropped" },
    { "評価なし", "Unrated" },
};

const char *isomm_change_status_id(isomm_change_status status)
{
    if ((int)status < 0 || (int)status >= ISOMM_CHANGE_STATUS_COUNT)
        return NULL;
    return status_ids[status];
}

const char *isomm_change_status_name(isomm_change_status status, isomm_lang lang)
{
    if ((int)status < 0 || (int)status >= ISOMM_CHANGE_STATUS_COUNT || (lang != ISOMM_LANG_JA && lang != ISOMM_LANG_EN))
        return NULL;
    return status_names[status][lang];
}

const isomm_role_change *isomm_comparison_role(const isomm_comparison *c, int role)
{
    if (!c || role < 0 || role >= ISOMM_ROLE_COUNT)
        return NULL;
    return &c->roles[role];
}

const isomm_function_change *isomm_comparison_function(const isomm_comparison *c, int function)
{
    if (!c || function < 0 || function >= ISOMM_FUNCTION_COUNT)
        return NULL;
    return &c->functions[function];
}

int isomm_comparison_function_order(const isomm_comparison *c, int i)
{
    if (!c || i < 0 || i >= ISOMM_FUNCTION_COUNT)
        return ISOMM_ERANGE;
    return c->order[i];
}

int isomm_comparison_counts(const isomm_comparison *c, int *improved, int *declined, int *unchanged,
                            int *not_compared)
{
    if (!c)
        return ISOMM_EINVAL;
    if (improved)
        *improved = c->improved;
    if (declined)
        *declined = c->declined;
    if (unchanged)
        *unchanged = c->unchanged;
    if (not_compared)
        *not_compared = c->not_compared;
    return ISOMM_OK;
}

/* ---- aggregation ---------------------------------------------------------------------- */

/* A function maturity sum/rated (rated <= 10 roles) is exactly this many 2520ths. */
#define MATURITY_UNITS 2520

struct role_sum {
    int count, insource, outsource, unanswered, not_applicable;
    int64_t sum, min, max;
};

struct function_sum {
    int count;
    int64_t units; /* sum of maturities in 1/MATURITY_UNITS */
    int64_t min, max;
};

struct record {
    char *id;
    char *assessor;
    int8_t level[ISOMM_ROLE_COUNT];
    uint8_t sourcing[ISOMM_ROLE_COUNT];
};

struct isomm_aggregate {
    const isomm_model *model;
    int count;
    struct role_sum role_sums[ISOMM_ROLE_COUNT];
    struct function_sum function_sums[ISOMM_FUNCTION_COUNT];
    int recorded;
    struct record records[ISOMM_AGGREGATE_RECORD_MAX];
    /* derived from the sums after every change */
    isomm_role_stats roles[ISOMM_ROLE_COUNT];
    isomm_function_stats functions[ISOMM_FUNCTION_COUNT];
    int disagreement_count;
    int8_t disagreements[ISOMM_ROLE_COUNT];
};

int isomm_aggregate_new(isomm_aggregate **out, const isomm_model *model, isomm_error *err)
{
    isomm_aggregate *ag;
    int i;
    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "output pointer must not be NULL");
    ag = calloc(1, sizeof *ag);
    *out = ag;
    if (!ag)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory creating an aggregate");
    ag->model = model ? model : isomm_model_default();
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        ag->roles[i].role = i;
        ag->roles[i].min = ag->roles[i].max = ag->roles[i].spread = ISOMM_UNANSWERED;
    }
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
        ag->functions[i].function = i;
    return ISOMM_OK;
}

void isomm_aggregate_free(isomm_aggregate *ag)
{
    int i;
    if (!ag)
        return;
    for (i = 0; i < ag->recorded; i++) {
        free(ag->records[i].id);
        free(ag->records[i].assessor);
    }
    free(ag);
}

/* Widen the range [*min, *max] of `count` values by the range of `from_count` others. */
static void merge_range(int64_t *min, int64_t *max, int count, int64_t from_min, int64_t from_max, int from_count)
{
    if (from_count == 0)
        return;
    if (count == 0 || from_min < *min)
        *min = from_min;
    if (count == 0 || from_max > *max)
        *max = from_max;
}

static void merge_role_sum(struct role_sum *into, const struct role_sum *from)
{
    merge_range(&into->min, &into->max, into->count, from->min, from->max, from->count);
    into->count += from->count;
    into->sum += from->sum;
    into->insource += from->insource;
    into->outsource += from->outsource;
    into->unanswered += from->unanswered;
    into->not_applicable += from->not_applicable;
}

static void merge_function_sum(struct function_sum *into, const struct function_sum *from)
{
    merge_range(&into->min, &into->max, into->count, from->min, from->max, from->count);
    into->count += from->count;
    into->units += from->units;
}

/* Recompute the public statistics and the disagreement list from the sums. */
static void refresh(isomm_aggregate *ag)
{
    int i, j, f;

    ag->disagreement_count = 0;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const struct role_sum *s = &ag->role_sums[i];
        isomm_role_stats *st = &ag->roles[i];
        st->count = s->count;
        st->mean = s->count ? (double)s->sum / s->count : 0.0;
        st->min = s->count ? (int)s->min : ISOMM_UNANSWERED;
        st->max = s->count ? (int)s->max : ISOMM_UNANSWERED;
        st->spread = s->count ? (int)(s->max - s->min) : ISOMM_UNANSWERED;
        st->insource = s->insource;
        st->outsource = s->outsource;
        st->unanswered = s->unanswered;
        st->not_applicable = s->not_applicable;
        st->disagreement = st->spread >= 2 || (s->insource > 0 && s->outsource > 0);
        if (!st->disagreement)
            continue;
        /* stable insertion by spread, largest first */
        for (j = ag->disagreement_count; j > 0 && ag->roles[ag->disagreements[j - 1]].spread < st->spread; j--)
            ag->disagreements[j] = ag->disagreements[j - 1];
        ag->disagreements[j] = (int8_t)i;
        ag->disagreement_count++;
    }
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const struct function_sum *s = &ag->function_sums[f];
        isomm_function_stats *st = &ag->functions[f];
        st->count = s->count;
        st->mean = s->count ? (double)s->units / ((double)MATURITY_UNITS * s->count) : 0.0;
        st->min = s->count ? (double)s->min / MATURITY_UNITS : 0.0;
        st->max = s->count ? (double)s->max / MATURITY_UNITS : 0.0;
    }
}

/* The sums of one assessment, as an aggregate of one would hold them. */
static void sums_of(const isomm_result *r, struct role_sum *roles, struct function_sum *functions)
{
    int i, f;
    memset(roles, 0, sizeof *roles * ISOMM_ROLE_COUNT);
    memset(functions, 0, sizeof *functions * ISOMM_FUNCTION_COUNT);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_result *rr = isomm_result_role(r, i);
        struct role_sum *s = &roles[i];
        if (rr->level == ISOMM_UNANSWERED) {
            s->unanswered = 1;
        } else if (rr->level == 0) {
            s->not_applicable = 1;
        } else {
            s->count = 1;
            s->sum = s->min = s->max = rr->level;
            s->insource = rr->sourcing == ISOMM_INSOURCE;
            s->outsource = rr->sourcing == ISOMM_OUTSOURCE;
        }
    }
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *fr = isomm_result_function(r, f);
        if (!fr->has_maturity)
            continue;
        functions[f].count = 1;
        /* maturity = sum / rated exactly, so maturity * rated rounds back to the integer sum */
        functions[f].units = functions[f].min = functions[f].max =
            (int64_t)llround(fr->maturity * fr->rated_roles) * (MATURITY_UNITS / fr->rated_roles);
    }
}

static int record_take(struct record *rec, const char *id, const char *assessor)
{
    rec->id = isomm__strdup(id);
    rec->assessor = isomm__strdup(assessor);
    if (!rec->id || (assessor && !rec->assessor)) {
        free(rec->id);
        free(rec->assessor);
        return 0;
    }
    return 1;
}

int isomm_aggregate_add(isomm_aggregate *ag, const isomm_assessment *a, isomm_error *err)
{
    struct role_sum roles[ISOMM_ROLE_COUNT];
    struct function_sum functions[ISOMM_FUNCTION_COUNT];
    isomm_result *r;
    int i, rc;

    if (!ag || !a)
        return isomm__fail(err, ISOMM_EINVAL, "aggregate and assessment must not be NULL");
    if (!isomm__model_same(ag->model, a->model))
        return model_mismatch(err, ag->model, a->model, "the aggregate and the assessment");
    if (ag->count == INT_MAX)
        return isomm__fail(err, ISOMM_ELIMIT, "the aggregate already holds %d assessments (the most it can)", INT_MAX);
    rc = isomm_evaluate(&r, a, NULL, err);
    if (rc)
        return rc;
    sums_of(r, roles, functions);
    isomm_result_free(r);
    if (ag->recorded < ISOMM_AGGREGATE_RECORD_MAX) {
        struct record *rec = &ag->records[ag->recorded];
        if (!record_take(rec, isomm_assessment_meta(a, ISOMM_META_ID), isomm_assessment_meta(a, ISOMM_META_ASSESSOR)))
            return isomm__fail(err, ISOMM_ENOMEM, "out of memory adding an assessment to an aggregate");
        memcpy(rec->level, a->level, sizeof rec->level);
        memcpy(rec->sourcing, a->sourcing, sizeof rec->sourcing);
        ag->recorded++;
    }
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        merge_role_sum(&ag->role_sums[i], &roles[i]);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
        merge_function_sum(&ag->function_sums[i], &functions[i]);
    ag->count++;
    refresh(ag);
    return ISOMM_OK;
}

int isomm_aggregate_merge(isomm_aggregate *into, const isomm_aggregate *from, isomm_error *err)
{
    int i, n;

    if (!into || !from)
        return isomm__fail(err, ISOMM_EINVAL, "both aggregates must not be NULL");
    if (into == from)
        return isomm__fail(err, ISOMM_EINVAL, "an aggregate cannot be merged into itself");
    if (!isomm__model_same(into->model, from->model))
        return model_mismatch(err, into->model, from->model, "the two aggregates");
    if (from->count > INT_MAX - into->count)
        return isomm__fail(err, ISOMM_ELIMIT, "merging %d and %d assessments exceeds the most an aggregate holds (%d)",
                           into->count, from->count, INT_MAX);
    n = from->recorded;
    if (n > ISOMM_AGGREGATE_RECORD_MAX - into->recorded)
        n = ISOMM_AGGREGATE_RECORD_MAX - into->recorded;
    for (i = 0; i < n; i++) {
        struct record *rec = &into->records[into->recorded + i];
        if (!record_take(rec, from->records[i].id, from->records[i].assessor)) {
            while (i-- > 0) {
                free(into->records[into->recorded + i].id);
                free(into->records[into->recorded + i].assessor);
            }
            return isomm__fail(err, ISOMM_ENOMEM, "out of memory merging aggregates");
        }
        memcpy(rec->level, from->records[i].level, sizeof rec->level);
        memcpy(rec->sourcing, from->records[i].sourcing, sizeof rec->sourcing);
    }
    into->recorded += n;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        merge_role_sum(&into->role_sums[i], &from->role_sums[i]);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
        merge_function_sum(&into->function_sums[i], &from->function_sums[i]);
    into->count += from->count;
    refresh(into);
    return ISOMM_OK;
}

/* ---- aggregate state: save and load (for pickling and moving partial results) ------------- */

static const char STATE_MAGIC[16] = "isomm-aggregate\x01";

static void put_i64(isomm_buf *b, int64_t v)
{
    unsigned char bytes[8];
    uint64_t u = (uint64_t)v;
    int i;
    for (i = 0; i < 8; i++)
        bytes[i] = (unsigned char)(u >> (8 * i));
    isomm__buf_append(b, (const char *)bytes, 8);
}

static void put_text(isomm_buf *b, const char *s)
{
    put_i64(b, s ? (int64_t)strlen(s) : -1);
    if (s)
        isomm__buf_append(b, s, strlen(s));
}

int isomm_aggregate_save(char **out, size_t *len, const isomm_aggregate *ag, isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;
    int i;
    if (!out || !len || !ag)
        return isomm__fail(err, ISOMM_EINVAL, "output, length and aggregate must not be NULL");
    *out = NULL;
    *len = 0;
    isomm__buf_append(&b, STATE_MAGIC, sizeof STATE_MAGIC);
    put_i64(&b, ag->count);
    put_i64(&b, ag->recorded);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const struct role_sum *s = &ag->role_sums[i];
        put_i64(&b, s->count);
        put_i64(&b, s->insource);
        put_i64(&b, s->outsource);
        put_i64(&b, s->unanswered);
        put_i64(&b, s->not_applicable);
        put_i64(&b, s->sum);
        put_i64(&b, s->min);
        put_i64(&b, s->max);
    }
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const struct function_sum *s = &ag->function_sums[i];
        put_i64(&b, s->count);
        put_i64(&b, s->units);
        put_i64(&b, s->min);
        put_i64(&b, s->max);
    }
    for (i = 0; i < ag->recorded; i++) {
        const struct record *rec = &ag->records[i];
        put_text(&b, rec->id);
        put_text(&b, rec->assessor);
        isomm__buf_append(&b, (const char *)rec->level, sizeof rec->level);
        isomm__buf_append(&b, (const char *)rec->sourcing, sizeof rec->sourcing);
    }
    if (!(*out = isomm__buf_take(&b, len)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory saving an aggregate");
    return ISOMM_OK;
}

/* A cursor over saved state; every read checks the bytes left. */
struct state_in {
    const unsigned char *p;
    size_t left, size;
    isomm_error *err;
};

static int state_bad(struct state_in *in, const char *what)
{
    return isomm__fail(in->err, ISOMM_EPARSE, "aggregate state: %s at byte %zu (expected the output of "
                       "isomm_aggregate_save)", what, in->size - in->left);
}

/* Read an int64 into *v within [lo, hi]; 0 = ok, else the error code. */
static int get_i64(struct state_in *in, int64_t *v, int64_t lo, int64_t hi, const char *what)
{
    uint64_t u = 0;
    int i;
    if (in->left < 8)
        return state_bad(in, "data ends early");
    for (i = 0; i < 8; i++)
        u |= (uint64_t)in->p[i] << (8 * i);
    *v = (int64_t)u;
    if (*v < lo || *v > hi)
        return state_bad(in, what);
    in->p += 8;
    in->left -= 8;
    return 0;
}

/* Read a text (NULL allowed when may_be_null) into a new string at *out. */
static int get_text(struct state_in *in, char **out, int may_be_null)
{
    int64_t n = 0;
    int rc = get_i64(in, &n, may_be_null ? -1 : 0, (int64_t)in->left - 8, "bad text length");
    *out = NULL;
    if (rc || n < 0)
        return rc;
    if (memchr(in->p, '\0', (size_t)n))
        return state_bad(in, "NUL byte in a text");
    if (!(*out = isomm__strndup((const char *)in->p, (size_t)n)))
        return isomm__fail(in->err, ISOMM_ENOMEM, "out of memory loading an aggregate");
    in->p += n;
    in->left -= (size_t)n;
    return 0;
}

static int load_sums(isomm_aggregate *ag, struct state_in *in)
{
    int64_t v[8];
    int i, k, rc;
    const int64_t n = ag->count, unit = MATURITY_UNITS;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        struct role_sum *s = &ag->role_sums[i];
        for (k = 0; k < 8; k++)
            if ((rc = get_i64(in, &v[k], 0, k < 5 ? n : k == 5 ? 5 * n : 5, "role count out of range")))
                return rc;
        if (v[0] + v[3] + v[4] != n || v[1] + v[2] != v[0])
            return state_bad(in, "role counts that do not add up");
        if (v[0] ? (v[6] < 1 || v[7] > 5 || v[6] > v[7] || v[5] < v[0] * v[6] || v[5] > v[0] * v[7])
                 : (v[5] || v[6] || v[7]))
            return state_bad(in, "role levels out of range");
        s->count = (int)v[0];
        s->insource = (int)v[1];
        s->outsource = (int)v[2];
        s->unanswered = (int)v[3];
        s->not_applicable = (int)v[4];
        s->sum = v[5];
        s->min = v[6];
        s->max = v[7];
    }
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        struct function_sum *s = &ag->function_sums[i];
        for (k = 0; k < 4; k++)
            if ((rc = get_i64(in, &v[k], 0, k == 0 ? n : k == 1 ? 5 * unit * n : 5 * unit,
                              "function value out of range")))
                return rc;
        if (v[0] ? (v[2] < unit || v[3] > 5 * unit || v[2] > v[3] || v[1] < v[0] * v[2] || v[1] > v[0] * v[3])
                 : (v[1] || v[2] || v[3]))
            return state_bad(in, "function maturities out of range");
        s->count = (int)v[0];
        s->units = v[1];
        s->min = v[2];
        s->max = v[3];
    }
    return 0;
}

static int load_records(isomm_aggregate *ag, struct state_in *in, int64_t recorded)
{
    int i, r, rc;
    for (ag->recorded = 0; ag->recorded < recorded; ag->recorded++) {
        struct record *rec = &ag->records[ag->recorded];
        if ((rc = get_text(in, &rec->id, 0)))
            return rc;
        if ((rc = get_text(in, &rec->assessor, 1))) {
            free(rec->id);
            return rc;
        }
        if (in->left < 2 * ISOMM_ROLE_COUNT) {
            free(rec->id);
            free(rec->assessor);
            return state_bad(in, "data ends early");
        }
        memcpy(rec->level, in->p, ISOMM_ROLE_COUNT);
        memcpy(rec->sourcing, in->p + ISOMM_ROLE_COUNT, ISOMM_ROLE_COUNT);
        for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
            r = rec->level[i] == ISOMM_UNANSWERED ? rec->sourcing[i] == ISOMM_SOURCING_NONE
                : rec->level[i] >= 0 && rec->level[i] <= ISOMM_LEVEL_MAX &&
                  (rec->sourcing[i] == ISOMM_INSOURCE || rec->sourcing[i] == ISOMM_OUTSOURCE);
            if (!r) {
                free(rec->id);
                free(rec->assessor);
                return state_bad(in, "bad recorded answer");
            }
        }
        in->p += 2 * ISOMM_ROLE_COUNT;
        in->left -= 2 * ISOMM_ROLE_COUNT;
    }
    return 0;
}

int isomm_aggregate_load(isomm_aggregate **out, const isomm_model *model, const char *data, size_t len,
                         isomm_error *err)
{
    struct state_in in;
    isomm_aggregate *ag;
    int64_t count, recorded;
    int rc;

    if (!out || (!data && len))
        return isomm__fail(err, ISOMM_EINVAL, "output and data must not be NULL");
    *out = NULL;
    in.p = (const unsigned char *)data;
    in.left = in.size = len;
    in.err = err;
    if (len < sizeof STATE_MAGIC || memcmp(data, STATE_MAGIC, sizeof STATE_MAGIC) != 0)
        return state_bad(&in, "not an aggregate state (wrong signature)");
    in.p += sizeof STATE_MAGIC;
    in.left -= sizeof STATE_MAGIC;
    if ((rc = get_i64(&in, &count, 0, INT_MAX, "assessment count out of range")))
        return rc;
    if ((rc = get_i64(&in, &recorded, 0, count < ISOMM_AGGREGATE_RECORD_MAX ? count : ISOMM_AGGREGATE_RECORD_MAX,
                      "record count out of range")))
        return rc;
    if ((rc = isomm_aggregate_new(&ag, model, err)))
        return rc;
    ag->count = (int)count;
    if (!(rc = load_sums(ag, &in)) && !(rc = load_records(ag, &in, recorded)) && in.left)
        rc = state_bad(&in, "bytes after the end of the state");
    if (rc) {
        isomm_aggregate_free(ag);
        return rc;
    }
    refresh(ag);
    *out = ag;
    return ISOMM_OK;
}

int isomm_aggregate_add_csv_file(isomm_aggregate *ag, const char *path, const isomm_csv_options *opts, int *added,
                                 isomm_error *err)
{
    static const isomm_csv_options defaults = ISOMM_CSV_OPTIONS_INIT;
    isomm_csv_options o;
    isomm_csv_reader *rd = NULL;
    isomm_aggregate *file = NULL;
    isomm_assessment *a;
    int rc;

    if (added)
        *added = 0;
    if (!ag || !path)
        return isomm__fail(err, ISOMM_EINVAL, "aggregate and path must not be NULL");
    o = opts ? *opts : defaults;
    if (o.model && !isomm__model_same(o.model, ag->model))
        return model_mismatch(err, o.model, ag->model, "the CSV options and the aggregate");
    o.model = ag->model;
    /* the file's assessments go into an aggregate of their own, merged only when all were read */
    rc = isomm_aggregate_new(&file, ag->model, err);
    if (!rc)
        rc = isomm_csv_reader_open_file(&rd, path, &o, err);
    while (!rc && (rc = isomm_csv_reader_next(rd, &a, err)) == 1) {
        rc = isomm_aggregate_add(file, a, err);
        isomm_assessment_free(a);
    }
    if (!rc)
        rc = isomm_aggregate_merge(ag, file, err);
    if (!rc && added)
        *added = file->count;
    isomm_csv_reader_free(rd);
    isomm_aggregate_free(file);
    return rc;
}

const isomm_model *isomm_aggregate_model(const isomm_aggregate *ag)
{
    return ag ? ag->model : NULL;
}

int isomm_aggregate_count(const isomm_aggregate *ag)
{
    return ag ? ag->count : 0;
}

const isomm_role_stats *isomm_aggregate_role(const isomm_aggregate *ag, int role)
{
    if (!ag || role < 0 || role >= ISOMM_ROLE_COUNT)
        return NULL;
    return &ag->roles[role];
}

const isomm_function_stats *isomm_aggregate_function(const isomm_aggregate *ag, int function)
{
    if (!ag || function < 0 || function >= ISOMM_FUNCTION_COUNT)
        return NULL;
    return &ag->functions[function];
}

int isomm_aggregate_disagreement_count(const isomm_aggregate *ag)
{
    return ag ? ag->disagreement_count : 0;
}

int isomm_aggregate_disagreement(const isomm_aggregate *ag, int i)
{
    if (!ag || i < 0 || i >= ag->disagreement_count)
        return ISOMM_ERANGE;
    return ag->disagreements[i];
}

int isomm_aggregate_recorded_count(const isomm_aggregate *ag)
{
    return ag ? ag->recorded : 0;
}

const char *isomm_aggregate_recorded_meta(const isomm_aggregate *ag, int i, isomm_meta field)
{
    if (!ag || i < 0 || i >= ag->recorded)
        return NULL;
    if (field == ISOMM_META_ID)
        return ag->records[i].id;
    if (field == ISOMM_META_ASSESSOR)
        return ag->records[i].assessor;
    return NULL;
}

int isomm_aggregate_recorded_answer(const isomm_aggregate *ag, int i, int role, isomm_answer *out, isomm_error *err)
{
    if (!ag || !out)
        return isomm__fail(err, ISOMM_EINVAL, "aggregate and output must not be NULL");
    if (i < 0 || i >= ag->recorded)
        return isomm__fail(err, ISOMM_ERANGE, "recorded assessment %d out of range (expected 0-%d)", i,
                           ag->recorded - 1);
    if (role < 0 || role >= ISOMM_ROLE_COUNT)
        return isomm__fail(err, ISOMM_ERANGE, "role index %d out of range (expected 0-%d)", role,
                           ISOMM_ROLE_COUNT - 1);
    out->level = ag->records[i].level[role];
    out->sourcing = (isomm_sourcing)ag->records[i].sourcing[role];
    out->note = NULL;
    return ISOMM_OK;
}
