/* SPDX-License-Identifier: MIT */
/* Column tables of many assessments (isomm/frame.h): one pass over a CSV reader, each
 * assessment copied into flat arrays (and evaluated for a results frame) and freed at once. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvio.h"
#include "internal.h"
#include "isomm/frame.h"

struct isomm_frame {
    isomm_frame_kind kind;
    size_t n, cap;                       /* assessments stored / room for */
    isomm_buf meta[ISOMM_META_COUNT];    /* texts of each metadata column */
    int64_t *meta_off[ISOMM_META_COUNT]; /* n offsets per column, -1 = none */
    int8_t *pattern[2];                  /* [0] target, [1] current */
    /* ISOMM_FRAME_RESULTS */
    double *maturity[ISOMM_FUNCTION_COUNT];
    double *overall;
    int8_t *unanswered;
    /* ISOMM_FRAME_ANSWERS: n * ISOMM_ROLE_COUNT rows */
    int8_t *level;
    int8_t *sourcing;
    int64_t *note_off;
    isomm_buf notes;
};

void isomm_frame_free(isomm_frame *f)
{
    int i;
    if (!f)
        return;
    for (i = 0; i < ISOMM_META_COUNT; i++) {
        isomm__buf_free(&f->meta[i]);
        free(f->meta_off[i]);
    }
    free(f->pattern[0]);
    free(f->pattern[1]);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
        free(f->maturity[i]);
    free(f->overall);
    free(f->unanswered);
    free(f->level);
    free(f->sourcing);
    free(f->note_off);
    isomm__buf_free(&f->notes);
    free(f);
}

/* Resize *p to n items of size bytes each; 0 when out of memory (*p is then unchanged). */
static int resize(void *p, size_t n, size_t size)
{
    void *grown;
    if (n > (size_t)-1 / size)
        return 0;
    grown = realloc(*(void **)p, n * size);
    if (!grown)
        return 0;
    *(void **)p = grown;
    return 1;
}

/* Room for one more assessment. */
static int grow(isomm_frame *f)
{
    size_t cap = f->cap ? f->cap * 2 : 1024, rows = cap * ISOMM_ROLE_COUNT;
    int i;
    for (i = 0; i < ISOMM_META_COUNT; i++)
        if (!resize(&f->meta_off[i], cap, sizeof(int64_t)))
            return 0;
    if (!resize(&f->pattern[0], cap, 1) || !resize(&f->pattern[1], cap, 1))
        return 0;
    if (f->kind == ISOMM_FRAME_RESULTS) {
        for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
            if (!resize(&f->maturity[i], cap, sizeof(double)))
                return 0;
        if (!resize(&f->overall, cap, sizeof(double)) || !resize(&f->unanswered, cap, 1))
            return 0;
    } else if (!resize(&f->level, rows, 1) || !resize(&f->sourcing, rows, 1) ||
               !resize(&f->note_off, rows, sizeof(int64_t))) {
        return 0;
    }
    f->cap = cap;
    return 1;
}

/* Store a text (or -1 for NULL) at *off; 0 when out of memory. */
static int store_text(isomm_buf *b, const char *s, int64_t *off)
{
    size_t at;
    if (!s) {
        *off = -1;
        return 1;
    }
    at = isomm__buf_add_text(b, s, strlen(s));
    if (at == ISOMM__BUF_FAILED)
        return 0;
    *off = (int64_t)at;
    return 1;
}

/* Append one assessment's row(s); 0 when out of memory. */
static int append(isomm_frame *f, const isomm_assessment *a, isomm_pattern target)
{
    size_t k = f->n;
    int i;
    if (k == f->cap && !grow(f))
        return 0;
    for (i = 0; i < ISOMM_META_COUNT; i++) {
        if (!store_text(&f->meta[i], isomm_assessment_meta(a, (isomm_meta)i), &f->meta_off[i][k]))
            return 0;
    }
    f->pattern[1][k] = (int8_t)a->current;
    f->pattern[0][k] = (int8_t)(target != ISOMM_PATTERN_NONE ? target : a->target);
    if (f->kind == ISOMM_FRAME_RESULTS) {
        isomm_function_result fr[ISOMM_FUNCTION_COUNT];
        int has_overall, unanswered = 0;
        double overall;
        isomm__maturity(a, fr, &has_overall, &overall);
        for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
            f->maturity[i][k] = fr[i].has_maturity ? fr[i].maturity : NAN;
        f->overall[k] = has_overall ? overall : NAN;
        for (i = 0; i < ISOMM_ROLE_COUNT; i++)
            unanswered += a->level[i] == ISOMM_UNANSWERED;
        f->unanswered[k] = (int8_t)unanswered;
    } else {
        size_t row = k * ISOMM_ROLE_COUNT;
        memcpy(f->level + row, a->level, ISOMM_ROLE_COUNT);
        for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
            f->sourcing[row + i] = (int8_t)a->sourcing[i];
            if (!store_text(&f->notes, isomm__note(a, i), &f->note_off[row + i]))
                return 0;
        }
    }
    f->n = k + 1;
    return 1;
}

int isomm_frame_read(isomm_frame **out, isomm_csv_reader *rd, isomm_frame_kind kind, isomm_pattern target,
                     isomm_error *err)
{
    isomm_frame *f;
    isomm_assessment *a;
    int rc;

    if (!out || !rd)
        return isomm__fail(err, ISOMM_EINVAL, "frame and reader must not be NULL");
    *out = NULL;
    if (kind != ISOMM_FRAME_RESULTS && kind != ISOMM_FRAME_ANSWERS)
        return isomm__fail(err, ISOMM_EINVAL, "unknown frame kind %d (expected results or answers)", (int)kind);
    if (target != ISOMM_PATTERN_NONE && !isomm_pattern_get(target))
        return isomm__fail(err, ISOMM_EPATTERN, "unknown target pattern value %d", (int)target);
    if (!(f = calloc(1, sizeof *f)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory creating a frame");
    f->kind = kind;
    isomm__csv_reader_remember_ids(rd);
    while ((rc = isomm_csv_reader_next(rd, &a, err)) == 1) {
        int ok = append(f, a, kind == ISOMM_FRAME_RESULTS ? target : ISOMM_PATTERN_NONE);
        isomm_assessment_free(a);
        if (!ok) {
            rc = isomm__fail(err, ISOMM_ENOMEM, "out of memory building a frame of %zu assessments", f->n + 1);
            break;
        }
    }
    if (rc < 0) {
        isomm_frame_free(f);
        return rc;
    }
    *out = f;
    return ISOMM_OK;
}

isomm_frame_kind isomm_frame_get_kind(const isomm_frame *f)
{
    return f ? f->kind : ISOMM_FRAME_RESULTS;
}

size_t isomm_frame_assessments(const isomm_frame *f)
{
    return f ? f->n : 0;
}

/* The data of a text block; "" for a block that never received a text. */
static const char *block(const isomm_buf *b)
{
    return b->data ? b->data : "";
}

const char *isomm_frame_meta(const isomm_frame *f, isomm_meta field, const int64_t **offsets)
{
    if (offsets)
        *offsets = NULL;
    if (!f || (int)field < 0 || (int)field >= ISOMM_META_COUNT || !offsets)
        return NULL;
    *offsets = f->meta_off[field];
    return block(&f->meta[field]);
}

const int8_t *isomm_frame_patterns(const isomm_frame *f, int current)
{
    return f ? f->pattern[current != 0] : NULL;
}

const double *isomm_frame_maturity(const isomm_frame *f, int function)
{
    if (!f || f->kind != ISOMM_FRAME_RESULTS || function < 0 || function >= ISOMM_FUNCTION_COUNT)
        return NULL;
    return f->maturity[function];
}

const double *isomm_frame_overall(const isomm_frame *f)
{
    return f && f->kind == ISOMM_FRAME_RESULTS ? f->overall : NULL;
}

const int8_t *isomm_frame_unanswered(const isomm_frame *f)
{
    return f && f->kind == ISOMM_FRAME_RESULTS ? f->unanswered : NULL;
}

const int8_t *isomm_frame_levels(const isomm_frame *f)
{
    return f && f->kind == ISOMM_FRAME_ANSWERS ? f->level : NULL;
}

const int8_t *isomm_frame_sourcings(const isomm_frame *f)
{
    return f && f->kind == ISOMM_FRAME_ANSWERS ? f->sourcing : NULL;
}

const char *isomm_frame_notes(const isomm_frame *f, const int64_t **offsets)
{
    if (offsets)
        *offsets = NULL;
    if (!f || f->kind != ISOMM_FRAME_ANSWERS || !offsets)
        return NULL;
    *offsets = f->note_off;
    return block(&f->notes);
}
