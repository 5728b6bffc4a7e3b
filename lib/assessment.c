/* SPDX-License-Identifier: MIT */
/* Assessments: answers, notes, metadata and patterns. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const meta_names[ISOMM_META_COUNT] = { "assessment", "organization", "assessor", "date" };

int isomm_assessment_new(isomm_assessment **out, const isomm_model *model, isomm_error *err)
{
    isomm_assessment *a;
    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "output pointer must not be NULL");
    *out = NULL;
    a = calloc(1, sizeof *a);
    if (!a)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory creating an assessment");
    a->model = model ? model : isomm_model_default();
    memset(a->level, ISOMM_UNANSWERED, sizeof a->level);
    a->current = ISOMM_PATTERN_NONE;
    a->target = ISOMM_PATTERN_NONE;
    *out = a;
    return ISOMM_OK;
}

/* Whether a text lies in the block allocated with the assessment (see isomm__assessment_pack). */
static int packed_text(const isomm_assessment *a, const void *p)
{
    uintptr_t start = (uintptr_t)(a + 1), q = (uintptr_t)p;
    return q >= start && q - start < a->packed;
}

/* Free a text or the note table unless it belongs to the assessment's own block. */
static void release(const isomm_assessment *a, void *p)
{
    if (!packed_text(a, p))
        free(p);
}

void isomm_assessment_free(isomm_assessment *a)
{
    int i;
    if (!a)
        return;
    if (a->note) {
        for (i = 0; i < ISOMM_ROLE_COUNT; i++)
            release(a, a->note[i]);
        release(a, a->note);
    }
    for (i = 0; i < ISOMM_META_COUNT; i++)
        release(a, a->meta[i]);
    free(a);
}

isomm_assessment *isomm__assessment_pack(const isomm_assessment *draft, const char *text, size_t text_len,
                                         uint64_t notes, const size_t *note_off, const size_t *meta_off)
{
    /* layout: the struct, the note table when there are notes, then the texts as given */
    size_t table = notes ? ISOMM_ROLE_COUNT * sizeof(char *) : 0;
    isomm_assessment *a = malloc(sizeof *a + table + text_len);
    char *texts;
    int i;
    if (!a)
        return NULL;
    *a = *draft;
    a->packed = table + text_len;
    a->note = notes ? (char **)(void *)(a + 1) : NULL;
    texts = (char *)(a + 1) + table;
    if (text_len)
        memcpy(texts, text, text_len);
    for (i = 0; notes && i < ISOMM_ROLE_COUNT; i++)
        a->note[i] = notes & ((uint64_t)1 << i) ? texts + note_off[i] : NULL;
    for (i = 0; i < ISOMM_META_COUNT; i++)
        a->meta[i] = meta_off[i] != ISOMM__NO_TEXT ? texts + meta_off[i] : NULL;
    return a;
}

int isomm_assessment_copy(isomm_assessment **out, const isomm_assessment *src, isomm_error *err)
{
    isomm_assessment *a;
    int i;
    if (!out || !src)
        return isomm__fail(err, ISOMM_EINVAL, "output and source must not be NULL");
    *out = NULL;
    if (!(a = malloc(sizeof *a)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory copying an assessment");
    *a = *src; /* answers, model, patterns; the owned strings are copied below */
    a->packed = 0;
    a->note = NULL;
    memset(a->meta, 0, sizeof a->meta);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        char **slot;
        if (!isomm__note(src, i))
            continue;
        if (!(slot = isomm__note_slot(a, i)) || !(*slot = isomm__strdup(src->note[i])))
            goto nomem;
    }
    for (i = 0; i < ISOMM_META_COUNT; i++) {
        if (src->meta[i] && !(a->meta[i] = isomm__strdup(src->meta[i])))
            goto nomem;
    }
    *out = a;
    return ISOMM_OK;
nomem:
    isomm_assessment_free(a);
    return isomm__fail(err, ISOMM_ENOMEM, "out of memory copying an assessment");
}

const isomm_model *isomm_assessment_model(const isomm_assessment *a)
{
    return a ? a->model : NULL;
}

char **isomm__note_slot(isomm_assessment *a, int role)
{
    if (!a->note && !(a->note = calloc(ISOMM_ROLE_COUNT, sizeof *a->note)))
        return NULL;
    return &a->note[role];
}

/* Replace a string of the assessment: NULL or "" clears it. */
static int replace_string(isomm_assessment *a, char **slot, const char *value, isomm_error *err)
{
    char *copy = NULL;
    if (value && *value && !(copy = isomm__strdup(value)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory storing text");
    release(a, *slot);
    *slot = copy;
    return ISOMM_OK;
}

/* Replace a role's note: NULL or "" removes it (without creating the note table). */
static int set_note_index(isomm_assessment *a, int role, const char *note, isomm_error *err)
{
    char **slot;
    if ((!note || !*note) && !a->note)
        return ISOMM_OK;
    if (!(slot = isomm__note_slot(a, role)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory storing text");
    return replace_string(a, slot, note, err);
}

int isomm_assessment_set_index(isomm_assessment *a, int role, isomm_sourcing sourcing, int level,
                               const char *note, isomm_error *err)
{
    int rc;
    if (!a)
        return isomm__fail(err, ISOMM_EINVAL, "assessment must not be NULL");
    if (role < 0 || role >= ISOMM_ROLE_COUNT)
        return isomm__fail(err, ISOMM_ERANGE, "role index %d out of range 0-%d", role, ISOMM_ROLE_COUNT - 1);
    if (level < 0 || level > ISOMM_LEVEL_MAX)
        return isomm__fail(err, ISOMM_ELEVEL, "role %s: level %d out of range (expected 0-5)",
                           a->model->roles[role].code, level);
    if (sourcing != ISOMM_INSOURCE && sourcing != ISOMM_OUTSOURCE)
        return isomm__fail(err, ISOMM_ESOURCING, "role %s: level %d needs a sourcing (insource or outsource)",
                           a->model->roles[role].code, level);
    rc = set_note_index(a, role, note, err);
    if (rc)
        return rc;
    a->level[role] = (int8_t)level;
    a->sourcing[role] = (uint8_t)sourcing;
    return ISOMM_OK;
}

int isomm_assessment_set(isomm_assessment *a, const char *role, isomm_sourcing sourcing, int level,
                         const char *note, isomm_error *err)
{
    int index;
    if (!a || !role)
        return isomm__fail(err, ISOMM_EINVAL, "assessment and role must not be NULL");
    index = isomm_model_find_role(a->model, role, err);
    if (index < 0)
        return index;
    return isomm_assessment_set_index(a, index, sourcing, level, note, err);
}

int isomm_assessment_set_note(isomm_assessment *a, const char *role, const char *note, isomm_error *err)
{
    int index;
    if (!a || !role)
        return isomm__fail(err, ISOMM_EINVAL, "assessment and role must not be NULL");
    index = isomm_model_find_role(a->model, role, err);
    if (index < 0)
        return index;
    return set_note_index(a, index, note, err);
}

int isomm_assessment_get_index(const isomm_assessment *a, int role, isomm_answer *out, isomm_error *err)
{
    if (!a || !out)
        return isomm__fail(err, ISOMM_EINVAL, "assessment and output must not be NULL");
    if (role < 0 || role >= ISOMM_ROLE_COUNT)
        return isomm__fail(err, ISOMM_ERANGE, "role index %d out of range 0-%d", role, ISOMM_ROLE_COUNT - 1);
    out->sourcing = (isomm_sourcing)a->sourcing[role];
    out->level = a->level[role];
    out->note = isomm__note(a, role);
    return ISOMM_OK;
}

int isomm_assessment_get(const isomm_assessment *a, const char *role, isomm_answer *out, isomm_error *err)
{
    int index;
    if (!a || !role || !out)
        return isomm__fail(err, ISOMM_EINVAL, "assessment, role and output must not be NULL");
    index = isomm_model_find_role(a->model, role, err);
    if (index < 0)
        return index;
    return isomm_assessment_get_index(a, index, out, err);
}

int isomm_assessment_clear(isomm_assessment *a, const char *role, isomm_error *err)
{
    int index;
    if (!a || !role)
        return isomm__fail(err, ISOMM_EINVAL, "assessment and role must not be NULL");
    index = isomm_model_find_role(a->model, role, err);
    if (index < 0)
        return index;
    if (a->note) {
        release(a, a->note[index]);
        a->note[index] = NULL;
    }
    a->level[index] = ISOMM_UNANSWERED;
    a->sourcing[index] = ISOMM_SOURCING_NONE;
    return ISOMM_OK;
}

int isomm_assessment_answered(const isomm_assessment *a)
{
    int i, n = 0;
    if (!a)
        return 0;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        n += a->level[i] != ISOMM_UNANSWERED;
    return n;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int isomm__valid_date(const char *s)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int i, y, m, d, max;
    for (i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    if (s[10] != '\0')
        return 0;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1)
        return 0;
    max = days[m - 1] + (m == 2 && is_leap(y));
    return d <= max;
}

int isomm_assessment_set_meta(isomm_assessment *a, isomm_meta field, const char *value, isomm_error *err)
{
    if (!a)
        return isomm__fail(err, ISOMM_EINVAL, "assessment must not be NULL");
    if ((int)field < 0 || (int)field >= ISOMM_META_COUNT)
        return isomm__fail(err, ISOMM_EINVAL, "unknown metadata field %d", (int)field);
    if (field == ISOMM_META_DATE && value && *value && !isomm__valid_date(value))
        return isomm__fail(err, ISOMM_EDATE, "invalid date '%.64s' (expected YYYY-MM-DD, a real calendar day)",
                           value);
    if (field == ISOMM_META_ID && value && strcmp(value, "default") == 0)
        value = NULL; /* "default" is the id of an assessment that names none */
    return replace_string(a, &a->meta[field], value, err);
}

const char *isomm_assessment_meta(const isomm_assessment *a, isomm_meta field)
{
    if (!a || (int)field < 0 || (int)field >= ISOMM_META_COUNT)
        return NULL;
    if (field == ISOMM_META_ID && !a->meta[field])
        return "default";
    return a->meta[field];
}

const char *isomm_meta_name(isomm_meta field)
{
    if ((int)field < 0 || (int)field >= ISOMM_META_COUNT)
        return NULL;
    return meta_names[field];
}

int isomm_assessment_set_pattern(isomm_assessment *a, int current, isomm_pattern pattern, isomm_error *err)
{
    if (!a)
        return isomm__fail(err, ISOMM_EINVAL, "assessment must not be NULL");
    if (pattern != ISOMM_PATTERN_NONE && !isomm_pattern_get(pattern))
        return isomm__fail(err, ISOMM_EPATTERN, "unknown pattern value %d (expected 0-4 or ISOMM_PATTERN_NONE)",
                           (int)pattern);
    if (current)
        a->current = pattern;
    else
        a->target = pattern;
    return ISOMM_OK;
}

isomm_pattern isomm_assessment_pattern(const isomm_assessment *a, int current)
{
    if (!a)
        return ISOMM_PATTERN_NONE;
    return current ? a->current : a->target;
}

static int same_text(const char *x, const char *y)
{
    if (!x || !y)
        return x == y;
    return strcmp(x, y) == 0;
}

int isomm_assessment_equal(const isomm_assessment *a, const isomm_assessment *b)
{
    int i;
    if (!a || !b || a->model != b->model || a->current != b->current || a->target != b->target)
        return 0;
    if (memcmp(a->level, b->level, sizeof a->level) || memcmp(a->sourcing, b->sourcing, sizeof a->sourcing))
        return 0;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        if (!same_text(isomm__note(a, i), isomm__note(b, i)))
            return 0;
    for (i = 0; i < ISOMM_META_COUNT; i++)
        if (!same_text(a->meta[i], b->meta[i]))
            return 0;
    return 1;
}
