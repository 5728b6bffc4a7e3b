/* SPDX-License-Identifier: MIT */
/* Column tables of many assessments (isomm/frame.h): one pass over a CSV reader, each
 * assessment copied into flat arrays (with its maturities for a results frame) and freed at once.
 * isomm_frame_read_file() reads a large regular file as two halves on two threads. */
#define _POSIX_C_SOURCE 200809L

#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* ---- two threads on one file ------------------------------------------------------------- */

/* Files smaller than this are read by one thread: a second one would not pay for itself. */
#define SPLIT_MIN_BYTES ((size_t)4 << 20)
/* Rows looked at after the middle for the first row of a new assessment. */
#define SPLIT_MAX_ROWS 4096

/* Input of a reader: up to two pieces of memory one after the other. */
struct pieces {
    const char *p[2];
    size_t n[2];
    int at;
    size_t off;
};

static long pieces_read(void *userdata, char *buf, size_t cap)
{
    struct pieces *in = userdata;
    size_t k;
    while (in->at < 2 && in->off == in->n[in->at]) {
        in->at++;
        in->off = 0;
    }
    if (in->at == 2)
        return 0;
    k = in->n[in->at] - in->off;
    if (k > cap)
        k = cap;
    memcpy(buf, in->p[in->at] + in->off, k);
    in->off += k;
    return (long)k;
}

/* One half read into a frame (run by a thread). */
struct half {
    struct pieces in;
    const isomm_csv_options *opts;
    isomm_frame_kind kind;
    isomm_pattern target;
    isomm_frame *f;
    int rc;
};

static void *read_half(void *arg)
{
    struct half *h = arg;
    isomm_csv_reader *rd;
    h->f = NULL;
    h->rc = isomm_csv_reader_open_callback(&rd, pieces_read, &h->in, h->opts, NULL);
    if (h->rc == ISOMM_OK) {
        h->rc = isomm_frame_read(&h->f, rd, h->kind, h->target, NULL);
        isomm_csv_reader_free(rd);
    }
    return NULL;
}

/* End of the CSV row that starts at p (just after its line break outside quotes), or NULL when
 * the data ends first. */
static const char *row_end(const char *p, const char *end)
{
    int quoted = 0;
    for (; p < end; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (*p == '\n' && !quoted)
            return p + 1;
    }
    return NULL;
}

/* Field k of the row [p, end) as it stands (quotes kept, unquoted spaces trimmed); 0 when the row
 * has fewer fields. Only used to compare two rows' ids: a mistake costs speed, never a result. */
static int row_field(const char *p, const char *end, size_t k, const char **field, size_t *len)
{
    size_t i = 0;
    const char *start = p;
    int quoted = 0;
    for (;; p++) {
        if (p == end || (!quoted && (*p == ',' || *p == '\n' || *p == '\r'))) {
            if (i == k) {
                const char *a = start, *b = p;
                while (a < b && (*a == ' ' || *a == '\t'))
                    a++;
                while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
                    b--;
                *field = a;
                *len = (size_t)(b - a);
                return 1;
            }
            if (p == end || *p != ',')
                return 0;
            i++;
            start = p + 1;
        } else if (*p == '"') {
            quoted = !quoted;
        }
    }
}

/* Where the second half starts: the first row after the middle whose assessment id differs
 * from the row before it, outside quotes; 0 when there is no such row (one thread then). */
static size_t split_point(const char *data, size_t len, size_t header_end, size_t id_column)
{
    const char *end = data + len, *p = data + len / 2, *q, *prev, *field, *pf;
    size_t quotes = 0, n, pn, rows;
    for (q = data; (q = memchr(q, '"', (size_t)(p - q))) != NULL; q++)
        quotes++;
    /* to the next line break outside quotes */
    for (; p < end; p++) {
        if (*p == '"')
            quotes++;
        else if (*p == '\n' && !(quotes & 1))
            break;
    }
    if (p >= end || (size_t)(p - data) < header_end)
        return 0;
    prev = p + 1;
    if (!(q = row_end(prev, end)) || !row_field(prev, q, id_column, &pf, &pn))
        return 0;
    for (rows = 0; rows < SPLIT_MAX_ROWS; rows++) {
        const char *next = q, *next_end = row_end(next, end);
        if (!next_end)
            return 0;
        if (!row_field(next, next_end, id_column, &field, &n))
            return 0;
        if (n != pn || memcmp(field, pf, n) != 0)
            return (size_t)(next - data);
        pf = field;
        pn = n;
        q = next_end;
    }
    return 0;
}

/* Column of `assessment` in the header row [p, end), or (size_t)-1. */
static size_t id_column(const char *p, const char *end)
{
    size_t k;
    for (k = 0; k < ISOMM__CSV_MAX_COLUMNS; k++) {
        const char *f;
        size_t n;
        if (!row_field(p, end, k, &f, &n))
            return (size_t)-1;
        if (n >= 2 && f[0] == '"' && f[n - 1] == '"') {
            f++;
            n -= 2;
        }
        if (isomm__ascii_ieq(f, n, "assessment"))
            return k;
    }
    return (size_t)-1;
}

/* Append the rows of `from` to `into`; 0 when out of memory. */
static int frame_append(isomm_frame *into, const isomm_frame *from)
{
    size_t n = into->n + from->n, rows = n * ISOMM_ROLE_COUNT, i;
    int k;
    for (k = 0; k < ISOMM_META_COUNT; k++) {
        size_t base = into->meta[k].len;
        if (!resize(&into->meta_off[k], n, sizeof(int64_t)))
            return 0;
        isomm__buf_append(&into->meta[k], from->meta[k].data ? from->meta[k].data : "", from->meta[k].len);
        if (into->meta[k].failed)
            return 0;
        for (i = 0; i < from->n; i++)
            into->meta_off[k][into->n + i] = from->meta_off[k][i] < 0 ? -1 : from->meta_off[k][i] + (int64_t)base;
    }
    for (k = 0; k < 2; k++) {
        if (!resize(&into->pattern[k], n, 1))
            return 0;
        memcpy(into->pattern[k] + into->n, from->pattern[k], from->n);
    }
    if (into->kind == ISOMM_FRAME_RESULTS) {
        for (k = 0; k < ISOMM_FUNCTION_COUNT; k++) {
            if (!resize(&into->maturity[k], n, sizeof(double)))
                return 0;
            memcpy(into->maturity[k] + into->n, from->maturity[k], from->n * sizeof(double));
        }
        if (!resize(&into->overall, n, sizeof(double)) || !resize(&into->unanswered, n, 1))
            return 0;
        memcpy(into->overall + into->n, from->overall, from->n * sizeof(double));
        memcpy(into->unanswered + into->n, from->unanswered, from->n);
    } else {
        size_t at = into->n * ISOMM_ROLE_COUNT, more = from->n * ISOMM_ROLE_COUNT, base = into->notes.len;
        if (!resize(&into->level, rows, 1) || !resize(&into->sourcing, rows, 1) ||
            !resize(&into->note_off, rows, sizeof(int64_t)))
            return 0;
        memcpy(into->level + at, from->level, more);
        memcpy(into->sourcing + at, from->sourcing, more);
        isomm__buf_append(&into->notes, from->notes.data ? from->notes.data : "", from->notes.len);
        if (into->notes.failed)
            return 0;
        for (i = 0; i < more; i++)
            into->note_off[at + i] = from->note_off[i] < 0 ? -1 : from->note_off[i] + (int64_t)base;
    }
    into->n = into->cap = n;
    return 1;
}

/* 1 when an id of `b` is also an id of `a` (the one-thread read would refuse it). */
static int shared_id(const isomm_frame *a, const isomm_frame *b)
{
    size_t size = 1, i, mask;
    int64_t *slot;
    int found = 0;
    while (size < 2 * a->n)
        size <<= 1;
    if (!(slot = malloc(size * sizeof *slot)))
        return 1; /* cannot tell: let the one-thread read decide */
    memset(slot, 0xff, size * sizeof *slot);
    mask = size - 1;
    for (i = 0; i < a->n; i++) {
        const char *id = a->meta[ISOMM_META_ID].data + a->meta_off[ISOMM_META_ID][i];
        size_t h = 5381;
        const char *c;
        for (c = id; *c; c++)
            h = h * 33 + (unsigned char)*c;
        while (slot[h & mask] >= 0)
            h++;
        slot[h & mask] = a->meta_off[ISOMM_META_ID][i];
    }
    for (i = 0; i < b->n && !found; i++) {
        const char *id = b->meta[ISOMM_META_ID].data + b->meta_off[ISOMM_META_ID][i];
        size_t h = 5381;
        const char *c;
        for (c = id; *c; c++)
            h = h * 33 + (unsigned char)*c;
        for (; slot[h & mask] >= 0 && !found; h++)
            found = strcmp(a->meta[ISOMM_META_ID].data + slot[h & mask], id) == 0;
    }
    free(slot);
    return found;
}

/* The two-thread read of a mapped file; ISOMM_OK with *out, or nonzero to read with one thread. */
static int read_split(isomm_frame **out, const char *data, size_t len, const isomm_csv_options *opts,
                      isomm_frame_kind kind, isomm_pattern target)
{
    struct half first, second;
    const char *header_end = row_end(data, data + len);
    size_t column, split;
    pthread_t thread;

    if (!header_end)
        return 1;
    column = id_column(data, header_end);
    if (column == (size_t)-1 || !(split = split_point(data, len, (size_t)(header_end - data), column)))
        return 1;
    memset(&first, 0, sizeof first);
    first.in.p[0] = data;
    first.in.n[0] = split;
    first.opts = opts;
    first.kind = kind;
    first.target = target;
    second = first;
    second.in.n[0] = (size_t)(header_end - data);
    second.in.p[1] = data + split;
    second.in.n[1] = len - split;
    if (pthread_create(&thread, NULL, read_half, &first) != 0)
        return 1;
    read_half(&second);
    pthread_join(thread, NULL);
    if (first.rc == ISOMM_OK && second.rc == ISOMM_OK && !shared_id(first.f, second.f) &&
        frame_append(first.f, second.f)) {
        isomm_frame_free(second.f);
        *out = first.f;
        return ISOMM_OK;
    }
    isomm_frame_free(first.f);
    isomm_frame_free(second.f);
    return 1;
}

int isomm_frame_read_file(isomm_frame **out, const char *path, const isomm_csv_options *opts,
                          isomm_frame_kind kind, isomm_pattern target, isomm_error *err)
{
    isomm_csv_options o;
    isomm_csv_reader *rd;
    int rc, fd;
    struct stat st;

    if (!out || !path)
        return isomm__fail(err, ISOMM_EINVAL, "frame and path must not be NULL");
    *out = NULL;
    if ((rc = isomm__csv_options(&o, opts, err)))
        return rc;
    if (o.encoding == ISOMM_ENCODING_UTF8 && (kind == ISOMM_FRAME_RESULTS || kind == ISOMM_FRAME_ANSWERS) &&
        (target == ISOMM_PATTERN_NONE || isomm_pattern_get(target)) && (fd = open(path, O_RDONLY)) >= 0) {
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size >= SPLIT_MIN_BYTES &&
            (uintmax_t)st.st_size <= SIZE_MAX) {
            size_t len = (size_t)st.st_size;
            void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
            if (map != MAP_FAILED) {
                rc = read_split(out, map, len, &o, kind, target);
                munmap(map, len);
                if (rc == ISOMM_OK) {
                    close(fd);
                    return ISOMM_OK;
                }
            }
        }
        close(fd);
    }
    /* one thread: small files, pipes, CP932, and every input with a problem (for its exact error) */
    if ((rc = isomm_csv_reader_open_file(&rd, path, &o, err)))
        return rc;
    rc = isomm_frame_read(out, rd, kind, target, err);
    isomm_csv_reader_free(rd);
    return rc;
}
