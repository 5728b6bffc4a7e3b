/* SPDX-License-Identifier: MIT */
/* Reading assessments from a workbook: the template as it comes back from Excel, LibreOffice or a
 * script. The package is walked the way OPC says (root relationships -> workbook -> its
 * relationships -> worksheets and shared strings); each worksheet's cells are kept (shared strings
 * by index, never copied), then sheets are recognised by their content: an input sheet by its
 * header row, a preparation sheet by its labels. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "internal.h"
#include "xlsx_internal.h"

/* Excel's grid */
#define MAX_ROW 1048576UL
#define MAX_COL 16384UL

/* CELL_FORMULA: a formula whose result was never saved (a script wrote it; no spreadsheet ran it) */
enum cell_kind { CELL_STRING, CELL_SHARED, CELL_NUMBER, CELL_OTHER, CELL_FORMULA };

typedef struct cell {
    uint32_t row, col; /* 1-based */
    uint32_t seq;      /* order in the file: the later of two cells at one address wins */
    uint8_t kind;
    size_t off, len;   /* in the sheet's text, or (CELL_SHARED) off = shared string index */
} cell;

typedef struct sheet {
    char *name;
    char *part;
    cell *cells;
    size_t ncells, cap;
    isomm_buf text;
} sheet;

typedef struct rel {
    size_t id, type, target; /* offsets in book.rel_text */
    size_t seq;              /* position in the file */
    const char *key;         /* the id's text, once the file is read */
} rel;

typedef struct book {
    isomm__zip *z;
    isomm__xlsx_budget budget;
    isomm_error *err;
    const isomm_model *model;
    /* shared strings */
    isomm_buf sst_text;
    size_t *sst_off, *sst_len, nsst, sst_cap;
    int date1904;
    sheet *sheets;
    size_t nsheets, sheets_cap;
    /* relationships of the part being walked */
    isomm_buf rel_text;
    rel *rels;
    size_t nrels, rels_cap;
    /* scratch text of the element being read */
    isomm_buf cur;
} book;

static int oom(book *b)
{
    return isomm__fail(b->err, ISOMM_ENOMEM, "out of memory");
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    size_t n;
    void *q;

    if (need <= *cap)
        return 1;
    n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    if (n > ((size_t)-1) / size || !(q = realloc(*p, n * size)))
        return 0;
    *p = q;
    *cap = n;
    return 1;
}

/* Collect element text into b->cur, refusing more than ISOMM_XLSX_MAX_TEXT_BYTES. */
static int collect(book *b, const char *part, const char *s, size_t len)
{
    if (b->cur.len + len > ISOMM_XLSX_MAX_TEXT_BYTES)
        return isomm__fail(b->err, ISOMM_ELIMIT, "%s: a text longer than the limit of %zu bytes", part,
                           (size_t)ISOMM_XLSX_MAX_TEXT_BYTES);
    isomm__buf_append(&b->cur, s, len);
    return b->cur.failed ? oom(b) : ISOMM_OK;
}

/* Decode the _xHHHH_ escapes OOXML uses for control characters, in place; returns the new length. */
static size_t decode_escapes(char *s, size_t len)
{
    size_t i = 0, o = 0;

    while (i < len) {
        if (i + 7 <= len && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_') {
            unsigned v = 0;
            int k, ok = 1;
            for (k = 2; k < 6 && ok; k++) {
                char c = s[i + k];
                v <<= 4;
                if (c >= '0' && c <= '9')
                    v |= (unsigned)(c - '0');
                else if (c >= 'a' && c <= 'f')
                    v |= (unsigned)(c - 'a' + 10);
                else if (c >= 'A' && c <= 'F')
                    v |= (unsigned)(c - 'A' + 10);
                else
                    ok = 0;
            }
            if (ok && v < 0x80 && v != 0) {
                s[o++] = (char)v;
                i += 7;
                continue;
            }
        }
        s[o++] = s[i++];
    }
    return o;
}

/* ---- relationships ---- */

static int rels_start(void *ud, const char *name, const char **attrs, isomm_error *err)
{
    book *b = ud;
    const char *id = isomm__xml_attr(attrs, "Id"), *type = isomm__xml_attr(attrs, "Type");
    const char *target = isomm__xml_attr(attrs, "Target");
    rel *r;

    (void)err;
    if (strcmp(name, "Relationship") != 0 || !id || !type || !target)
        return ISOMM_OK;
    if (!grow((void **)&b->rels, &b->rels_cap, b->nrels + 1, sizeof *b->rels))
        return oom(b);
    r = &b->rels[b->nrels];
    r->seq = b->nrels++;
    r->id = isomm__buf_add_text(&b->rel_text, id, strlen(id));
    r->type = isomm__buf_add_text(&b->rel_text, type, strlen(type));
    r->target = isomm__buf_add_text(&b->rel_text, target, strlen(target));
    return b->rel_text.failed ? oom(b) : ISOMM_OK;
}

static const char *rel_str(const book *b, size_t off)
{
    return b->rel_text.data + off;
}

/* Relationships sorted by id, then file order (rel.key is set once the file is read). */
static int rel_order(const void *pa, const void *pb)
{
    const rel *x = pa, *y = pb;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Read the relationships of a part ("" = the package). A missing file means none. */
static int read_rels(book *b, const char *part)
{
    static const isomm__xml_handlers h = { rels_start, NULL, NULL };
    const char *slash = strrchr(part, '/');
    size_t dir = slash ? (size_t)(slash - part) + 1 : 0;
    char name[1024];
    size_t i;
    int rc;

    b->nrels = 0;
    b->rel_text.len = 0;
    if ((size_t)snprintf(name, sizeof name, "%.*s_rels/%s.rels", (int)dir, part, part + dir) >= sizeof name)
        return isomm__fail(b->err, ISOMM_EPARSE, "part name too long: '%.200s'", part);

    if (!isomm__zip_has(b->z, name))
        return ISOMM_OK;
    if ((rc = isomm__xml_parse_part(b->z, name, &b->budget, &h, b, b->err)) != ISOMM_OK)
        return rc;
    for (i = 0; i < b->nrels; i++)
        b->rels[i].key = rel_str(b, b->rels[i].id);
    if (b->nrels > 1)
        qsort(b->rels, b->nrels, sizeof *b->rels, rel_order);
    return ISOMM_OK;
}

/* The first relationship (in file order) whose type ends in "/suffix". */
static const rel *find_rel(const book *b, const char *type_suffix)
{
    size_t i, n = strlen(type_suffix), first = 0;
    const rel *found = NULL;

    for (i = 0; i < b->nrels; i++) {
        const char *type = rel_str(b, b->rels[i].type);
        size_t tl = strlen(type);
        if (tl > n && type[tl - n - 1] == '/' && strcmp(type + tl - n, type_suffix) == 0 &&
            (!found || b->rels[i].seq < first)) {
            found = &b->rels[i];
            first = found->seq;
        }
    }
    return found;
}

/* The first relationship with this id, by bisection of the sorted relationships. */
static const rel *find_rel_id(const book *b, const char *id)
{
    size_t lo = 0, hi = b->nrels;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(b->rels[mid].key, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->nrels && strcmp(b->rels[lo].key, id) == 0 ? &b->rels[lo] : NULL;
}

/* Resolve a relationship target against the folder of the part it came from: "/xl/a.xml" is
 * absolute, "worksheets/sheet1.xml" relative; "." and ".." segments are resolved. */
static char *resolve(const char *from, const char *target)
{
    size_t cap = strlen(from) + strlen(target) + 2, len = 0;
    char *out = malloc(cap);
    const char *p;

    if (!out)
        return NULL;
    if (target[0] != '/') {
        const char *slash = strrchr(from, '/');
        if (slash) {
            len = (size_t)(slash - from) + 1;
            memcpy(out, from, len);
        }
    }
    out[len] = '\0';
    p = target;
    while (*p) {
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            /* nothing */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (len > 0)
                len--;
            while (len > 0 && out[len - 1] != '/')
                len--;
        } else {
            memcpy(out + len, p, n);
            len += n;
            if (end)
                out[len++] = '/';
        }
        out[len] = '\0';
        p += n + (end ? 1 : 0);
    }
    return out;
}

/* ---- workbook.xml: sheet names and their relationship ids ---- */

typedef struct wb_run {
    book *b;
    isomm_buf ids; /* the r:id of each sheet, one after another */
    size_t *id_off;
    size_t cap;
} wb_run;

static int workbook_start(void *ud, const char *name, const char **attrs, isomm_error *err)
{
    wb_run *w = ud;
    book *b = w->b;

    (void)err;
    if (strcmp(name, "workbookPr") == 0) {
        const char *d = isomm__xml_attr(attrs, "date1904");
        b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (strcmp(name, "sheet") == 0) {
        const char *sheet_name = isomm__xml_attr(attrs, "name"), *id = isomm__xml_attr(attrs, "id");
        sheet *s;
        if (!sheet_name || !id)
            return isomm__fail(b->err, ISOMM_EPARSE, "xl/workbook.xml: a sheet without a name or relationship id");
        if (b->nsheets >= ISOMM_XLSX_MAX_SHEETS)
            return isomm__fail(b->err, ISOMM_ELIMIT, "xl/workbook.xml: more than the limit of %d sheets",
                               ISOMM_XLSX_MAX_SHEETS);
        if (!grow((void **)&b->sheets, &b->sheets_cap, b->nsheets + 1, sizeof *b->sheets) ||
            !grow((void **)&w->id_off, &w->cap, b->nsheets + 1, sizeof *w->id_off))
            return oom(b);
        s = &b->sheets[b->nsheets];
        memset(s, 0, sizeof *s);
        if (!(s->name = isomm__strdup(sheet_name)))
            return oom(b);
        w->id_off[b->nsheets++] = isomm__buf_add_text(&w->ids, id, strlen(id));
        if (w->ids.failed)
            return oom(b);
    }
    return ISOMM_OK;
}

/* ---- shared strings ---- */

typedef struct text_run {
    book *b;
    const char *part;
    int in_t, rph; /* inside <t>; depth of phonetic runs (<rPh>, furigana: not cell text) */
} text_run;

static int sst_start(void *ud, const char *name, const char **attrs, isomm_error *err)
{
    text_run *t = ud;

    (void)attrs;
    (void)err;
    if (strcmp(name, "si") == 0)
        t->b->cur.len = 0;
    else if (strcmp(name, "rPh") == 0)
        t->rph++;
    else if (strcmp(name, "t") == 0)
        t->in_t = 1;
    return ISOMM_OK;
}

static int sst_end(void *ud, const char *name, isomm_error *err)
{
    text_run *t = ud;
    book *b = t->b;

    (void)err;
    if (strcmp(name, "rPh") == 0) {
        t->rph--;
    } else if (strcmp(name, "t") == 0) {
        t->in_t = 0;
    } else if (strcmp(name, "si") == 0) {
        size_t len = b->cur.data ? decode_escapes(b->cur.data, b->cur.len) : 0, off, cap = b->sst_cap;
        if (!grow((void **)&b->sst_off, &b->sst_cap, b->nsst + 1, sizeof *b->sst_off))
            return oom(b);
        if (b->sst_cap != cap) {
            size_t *lens = realloc(b->sst_len, b->sst_cap * sizeof *lens);
            if (!lens)
                return oom(b);
            b->sst_len = lens;
        }
        off = isomm__buf_add_text(&b->sst_text, b->cur.data ? b->cur.data : "", len);
        if (off == ISOMM__BUF_FAILED)
            return oom(b);
        b->sst_off[b->nsst] = off;
        b->sst_len[b->nsst++] = len;
        b->cur.len = 0;
    }
    return ISOMM_OK;
}

static int sst_text(void *ud, const char *s, size_t len, isomm_error *err)
{
    text_run *t = ud;

    (void)err;
    if (!t->in_t || t->rph > 0)
        return ISOMM_OK;
    return collect(t->b, t->part, s, len);
}

/* ---- worksheets ---- */

typedef struct ws_run {
    book *b;
    sheet *s;
    uint32_t row, next_col;
    uint32_t crow, ccol;
    char type[12];
    int in_cell, in_v, in_is, in_t, rph, has_value, has_formula;
} ws_run;

static void col_name(char *out, uint32_t col)
{
    char tmp[8];
    int n = 0, i;

    while (col > 0 && n < 7) {
        tmp[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

/* "Input", or 'Input (2)' quoted as Excel quotes it: any character other than an ASCII letter,
 * digit, '_' or '.' (or any non-ASCII one), or a digit first, asks for quotes; a control character is
 * shown as \xNN. */
static void sheet_ref(char *out, size_t cap, const char *name)
{
    const unsigned char *p;
    int quote = name[0] >= '0' && name[0] <= '9';
    size_t o = 0;

    for (p = (const unsigned char *)name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == '.' || *p >= 0x80))
            quote = 1;
    if (quote && o + 1 < cap)
        out[o++] = '\'';
    for (p = (const unsigned char *)name; *p && o + 6 < cap; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            o += (size_t)snprintf(out + o, cap - o, "\\x%02X", *p);
        } else {
            if (*p == '\'')
                out[o++] = '\'';
            out[o++] = (char)*p;
        }
    }
    if (quote && o + 1 < cap)
        out[o++] = '\'';
    out[o] = '\0';
}

/* An error at a cell: "Sheet!G12: ...", line = row, column = column. */
static int fail_cell(book *b, int code, const sheet *s, uint32_t row, uint32_t col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static int fail_cell(book *b, int code, const sheet *s, uint32_t row, uint32_t col, const char *fmt, ...)
{
    char ref[200], colbuf[8], body[ISOMM_ERROR_MESSAGE_SIZE];
    va_list ap;

    sheet_ref(ref, sizeof ref, s->name);
    col_name(colbuf, col);
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    return isomm__fail_at(b->err, code, (long)row, (long)col, "%s!%s%lu: %s", ref, colbuf, (unsigned long)row, body);
}

/* A value for a message: at most 60 bytes (cut at a character boundary, "..." added), control
 * characters as \xNN. */
static void shown_value(char *out, size_t cap, const char *s, size_t len)
{
    size_t o = 0, i = 0;

    while (i < len && o + 8 < cap) {
        unsigned char c = (unsigned char)s[i];
        if (i >= 60 && (c & 0xC0) != 0x80) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        if (c < 0x20 || c == 0x7f)
            o += (size_t)snprintf(out + o, cap - o, "\\x%02X", c);
        else
            out[o++] = (char)c;
        i++;
    }
    out[o] = '\0';
}

/* Parse a cell reference "G12". Returns 0 when it is not one inside Excel's grid. */
static int parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
    unsigned long c = 0, r = 0;
    const char *p = ref;

    while (*p >= 'A' && *p <= 'Z' && c <= MAX_COL)
        c = c * 26 + (unsigned long)(*p++ - 'A' + 1);
    if (c == 0 || c > MAX_COL || *p < '1' || *p > '9')
        return 0;
    while (*p >= '0' && *p <= '9' && r <= MAX_ROW)
        r = r * 10 + (unsigned long)(*p++ - '0');
    if (*p || r > MAX_ROW)
        return 0;
    *row = (uint32_t)r;
    *col = (uint32_t)c;
    return 1;
}

static int ws_start(void *ud, const char *name, const char **attrs, isomm_error *err)
{
    ws_run *w = ud;
    book *b = w->b;

    (void)err;
    if (strcmp(name, "row") == 0) {
        const char *r = isomm__xml_attr(attrs, "r");
        if (r) {
            char *end;
            unsigned long v;
            errno = 0;
            v = strtoul(r, &end, 10);
            if (*end || errno || v == 0 || v > MAX_ROW)
                return isomm__fail(b->err, ISOMM_EPARSE, "%s: bad row number '%.20s'", w->s->part, r);
            w->row = (uint32_t)v;
        } else {
            if (w->row >= MAX_ROW)
                return isomm__fail(b->err, ISOMM_EPARSE, "%s: more rows than Excel's %lu", w->s->part, MAX_ROW);
            w->row++;
        }
        w->next_col = 1;
    } else if (strcmp(name, "c") == 0) {
        const char *r = isomm__xml_attr(attrs, "r"), *t = isomm__xml_attr(attrs, "t");
        if (r) {
            if (!parse_ref(r, &w->crow, &w->ccol))
                return isomm__fail(b->err, ISOMM_EPARSE, "%s: bad cell reference '%.20s'", w->s->part, r);
        } else {
            if (w->row == 0 || w->next_col > MAX_COL)
                return isomm__fail(b->err, ISOMM_EPARSE, "%s: a cell outside a row or the grid", w->s->part);
            w->crow = w->row;
            w->ccol = w->next_col;
        }
        w->next_col = w->ccol + 1;
        snprintf(w->type, sizeof w->type, "%s", t ? t : "n");
        w->in_cell = 1;
        w->has_value = w->has_formula = 0;
        b->cur.len = 0;
    } else if (w->in_cell && strcmp(name, "f") == 0) {
        w->has_formula = 1;
    } else if (w->in_cell && strcmp(name, "v") == 0) {
        w->in_v = 1;
        w->has_value = 1;
    } else if (w->in_cell && strcmp(name, "is") == 0) {
        w->in_is = 1;
        w->has_value = 1;
    } else if (w->in_is && strcmp(name, "rPh") == 0) {
        w->rph++;
    } else if (w->in_is && strcmp(name, "t") == 0) {
        w->in_t = 1;
    }
    return ISOMM_OK;
}

static int ws_text(void *ud, const char *s, size_t len, isomm_error *err)
{
    ws_run *w = ud;

    (void)err;
    if (w->in_v || (w->in_t && w->rph == 0))
        return collect(w->b, w->s->part, s, len);
    return ISOMM_OK;
}

static int store_cell(ws_run *w)
{
    book *b = w->b;
    sheet *s = w->s;
    cell *c;
    const char *text = b->cur.data ? b->cur.data : "";
    size_t len = b->cur.len;

    /* a formula without a result: no <v>, or an empty one that is not a text result */
    int unsaved = w->has_formula && (!w->has_value || (len == 0 && strcmp(w->type, "str") != 0));

    if ((!w->has_value || len == 0) && !unsaved)
        return ISOMM_OK;
    if (!grow((void **)&s->cells, &s->cap, s->ncells + 1, sizeof *s->cells))
        return oom(b);
    c = &s->cells[s->ncells];
    c->row = w->crow;
    c->col = w->ccol;
    c->seq = (uint32_t)s->ncells;
    if (unsaved) {
        c->kind = CELL_FORMULA;
        c->off = isomm__buf_add_text(&s->text, "", 0);
        c->len = 0;
        if (c->off == ISOMM__BUF_FAILED)
            return oom(b);
    } else if (strcmp(w->type, "s") == 0) {
        unsigned long idx = 0;
        size_t i;
        for (i = 0; i < len && text[i] >= '0' && text[i] <= '9' && idx <= b->nsst; i++)
            idx = idx * 10 + (unsigned long)(text[i] - '0');
        if (i != len || idx >= b->nsst)
            return fail_cell(b, ISOMM_EPARSE, s, w->crow, w->ccol, "shared string index '%.20s' out of range (%zu strings)",
                             text, b->nsst);
        c->kind = CELL_SHARED;
        c->off = idx;
        c->len = b->sst_len[idx];
    } else {
        int is_text = strcmp(w->type, "inlineStr") == 0 || strcmp(w->type, "str") == 0 || strcmp(w->type, "d") == 0;
        if (is_text)
            len = decode_escapes(b->cur.data, len);
        c->kind = is_text ? CELL_STRING : strcmp(w->type, "n") == 0 ? CELL_NUMBER : CELL_OTHER;
        c->off = isomm__buf_add_text(&s->text, text, len);
        c->len = len;
        if (c->off == ISOMM__BUF_FAILED)
            return oom(b);
    }
    s->ncells++;
    return ISOMM_OK;
}

static int ws_end(void *ud, const char *name, isomm_error *err)
{
    ws_run *w = ud;

    (void)err;
    if (strcmp(name, "c") == 0 && w->in_cell) {
        w->in_cell = w->in_v = w->in_is = w->in_t = w->rph = 0;
        return store_cell(w);
    }
    if (strcmp(name, "v") == 0)
        w->in_v = 0;
    else if (strcmp(name, "is") == 0)
        w->in_is = 0;
    else if (strcmp(name, "t") == 0)
        w->in_t = 0;
    else if (strcmp(name, "rPh") == 0 && w->rph > 0)
        w->rph--;
    return ISOMM_OK;
}

static int cell_order(const void *pa, const void *pb)
{
    const cell *a = pa, *b = pb;

    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* ---- looking at cells ---- */

static const char *cell_text(const book *b, const sheet *s, const cell *c)
{
    if (c->kind == CELL_SHARED)
        return b->sst_text.data + b->sst_off[c->off];
    return s->text.data + c->off;
}

static int is_string(const cell *c)
{
    return c->kind == CELL_STRING || c->kind == CELL_SHARED;
}

/* The cell at (row, col), NULL when empty. */
static const cell *cell_at(const sheet *s, uint32_t row, uint32_t col)
{
    size_t lo = 0, hi = s->ncells;
    const cell *found = NULL;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const cell *c = &s->cells[mid];
        if (c->row < row || (c->row == row && c->col < col)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < s->ncells && s->cells[lo].row == row && s->cells[lo].col == col)
        found = &s->cells[lo];
    return found;
}

/* A value read from a formula cell that has no saved result is refused: its value is unknown. */
static int no_result(book *b, const sheet *s, const cell *c)
{
    if (!c || c->kind != CELL_FORMULA)
        return ISOMM_OK;
    return fail_cell(b, ISOMM_EPARSE, s, c->row, c->col,
                     "a formula without a saved result (expected a value: let Excel or LibreOffice calculate "
                     "the workbook and save it)");
}

/* Trimmed view of a text (spaces, tabs, CR, LF, and U+3000 ideographic spaces). */
static const char *trim(const char *s, size_t *len)
{
    size_t n = *len;

    for (;;) {
        if (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
            s++;
            n--;
        } else if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
            s += 3;
            n -= 3;
        } else {
            break;
        }
    }
    for (;;) {
        if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
            n--;
        else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
            n -= 3;
        else
            break;
    }
    *len = n;
    return s;
}

static int matches(const char *s, size_t len, const char *const *names)
{
    for (; *names; names++)
        if (isomm__ascii_ieq(s, len, *names))
            return 1;
    return 0;
}

enum column { COLUMN_ROLE, COLUMN_SOURCING, COLUMN_LEVEL, COLUMN_NOTE, COLUMN_COUNT };

static const char *const column_names[COLUMN_COUNT][6] = {
    { "role", "code", "役割", "コード", "役割コード", NULL },
    { "sourcing", "ソーシング", "インソース/アウトソース", NULL },
    { "level", "レベル", NULL },
    { "note", "notes", "備考", NULL },
};

/* Meta fields: the four texts, then the two patterns. */
enum field { FIELD_ID, FIELD_ORGANIZATION, FIELD_ASSESSOR, FIELD_DATE, FIELD_CURRENT, FIELD_TARGET, FIELD_COUNT };

static const char *const field_names[FIELD_COUNT][7] = {
    { "assessment id", "assessment", "評価id", "評価", NULL },
    { "organisation", "organization", "組織名", "組織", NULL },
    { "assessor", "評価者", NULL },
    { "date", "評価日", NULL },
    { "current pattern", "current_pattern", "現在のパターン", NULL },
    { "target pattern", "target_pattern", "目標のパターン", "目標パターン", NULL },
};

typedef struct input_sheet {
    const sheet *s;
    uint32_t header_row;
    uint32_t col[COLUMN_COUNT]; /* 0 = absent (note only) */
} input_sheet;

typedef struct prep_sheet {
    const sheet *s;
    const cell *value[FIELD_COUNT]; /* NULL = not given */
} prep_sheet;


/* Look for the header row. Returns 1 and fills in when found, 0 when the sheet has none, or a
 * negative error code. */
static int find_header(book *b, const sheet *s, input_sheet *in)
{
    size_t i = 0;

    while (i < s->ncells) {
        uint32_t row = s->cells[i].row, col[COLUMN_COUNT] = { 0, 0, 0, 0 };
        size_t j;
        for (j = i; j < s->ncells && s->cells[j].row == row; j++) {
            const cell *c = &s->cells[j];
            size_t len = c->len;
            const char *t;
            int k;
            if (!is_string(c))
                continue;
            t = trim(cell_text(b, s, c), &len);
            for (k = 0; k < COLUMN_COUNT; k++) {
                if (!matches(t, len, column_names[k]))
                    continue;
                if (col[k] && col[k] != c->col) {
                    char first[8];
                    col_name(first, col[k]);
                    return fail_cell(b, ISOMM_EHEADER, s, row, c->col, "a second '%s' column (the first is column %s)",
                                     column_names[k][0], first);
                }
                col[k] = c->col;
            }
        }
        if (col[COLUMN_ROLE] && col[COLUMN_SOURCING] && col[COLUMN_LEVEL]) {
            in->s = s;
            in->header_row = row;
            memcpy(in->col, col, sizeof col);
            return 1;
        }
        i = j;
    }
    return 0;
}

/* Collect the labels of a preparation sheet. Returns the number of labels found or an error. */
static int find_labels(book *b, const sheet *s, prep_sheet *p)
{
    size_t i;
    int found = 0, rc;

    p->s = s;
    for (i = 0; i < FIELD_COUNT; i++)
        p->value[i] = NULL;
    for (i = 0; i < s->ncells; i++) {
        const cell *c = &s->cells[i], *v;
        size_t len = c->len;
        const char *t;
        int k;
        if (!is_string(c))
            continue;
        t = trim(cell_text(b, s, c), &len);
        for (k = 0; k < FIELD_COUNT; k++)
            if (matches(t, len, field_names[k]))
                break;
        if (k == FIELD_COUNT)
            continue;
        found++;
        v = cell_at(s, c->row, c->col + 1);
        if ((rc = no_result(b, s, v)) != ISOMM_OK)
            return rc;
        if (v) {
            size_t vl = v->len;
            trim(cell_text(b, s, v), &vl);
            if (vl == 0)
                v = NULL;
        }
        if (!v)
            continue;
        if (p->value[k]) {
            const cell *old = p->value[k];
            size_t ol = old->len, nl = v->len;
            const char *ot = trim(cell_text(b, s, old), &ol), *nt = trim(cell_text(b, s, v), &nl);
            if (ol != nl || memcmp(ot, nt, ol) != 0) {
                char first[8], shown[200];
                col_name(first, old->col);
                shown_value(shown, sizeof shown, nt, nl);
                return fail_cell(b, ISOMM_ECONFLICT, s, v->row, v->col,
                                 "a second '%s' value '%s' differs from the one in %s%lu", field_names[k][0], shown,
                                 first, (unsigned long)old->row);
            }
        }
        p->value[k] = v;
    }
    return found;
}

/* A whole number in a cell's text: "3", "3.0" (what a number cell holds), ignoring spaces. */
static int whole_number(const char *s, size_t len, long *out)
{
    size_t i = 0;
    long v = 0;

    s = trim(s, &len);
    if (len == 0 || s[0] < '0' || s[0] > '9')
        return 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        if (v > 100000000L)
            return 0;
        v = v * 10 + (s[i++] - '0');
    }
    if (i < len && s[i] == '.') {
        for (i++; i < len && s[i] == '0'; i++)
            ;
    }
    if (i != len)
        return 0;
    *out = v;
    return 1;
}

/* Civil date of an Excel serial day number. */
static int serial_date(char *out, size_t cap, long serial, int date1904)
{
    long z, era, doe, yoe, y, doy, mp, d, m;

    if (serial < 1 || serial > 2958465L)
        return 0;
    if (date1904) {
        z = serial + 1462;                /* the 1904 system counts from 1904-01-01 = 1462 in 1900's */
    } else {
        if (serial == 60)                 /* 1900-02-29, a day that never was (Lotus' mistake) */
            return 0;
        z = serial < 60 ? serial + 1 : serial;
    }
    /* days since 1899-12-30 -> days since 1970-01-01 */
    z -= 25569;
    /* Howard Hinnant's civil_from_days */
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    snprintf(out, cap, "%04ld-%02ld-%02ld", y, m, d);
    return 1;
}

static int parse_pattern(const char *t, size_t len, isomm_pattern *out)
{
    int i;

    if (isomm_pattern_parse(out, t, len, NULL) == ISOMM_OK)
        return 1;
    for (i = 0; i < ISOMM_PATTERN_COUNT; i++) {
        const isomm_pattern_info *p = isomm_pattern_get((isomm_pattern)i);
        if (isomm__ascii_ieq(t, len, p->name_en)) {
            *out = p->pattern;
            return 1;
        }
    }
    return 0;
}

static int apply_meta(book *b, isomm_assessment *a, const prep_sheet *p, int use_id)
{
    int k, rc;

    for (k = 0; k < FIELD_COUNT; k++) {
        const cell *c = p->value[k];
        char value[64], shown[200], *copy;
        const char *t;
        size_t len;
        isomm_error e;
        if (!c || (k == FIELD_ID && !use_id))
            continue;
        len = c->len;
        t = trim(cell_text(b, p->s, c), &len);
        if (k == FIELD_DATE && c->kind == CELL_NUMBER) {
            long serial;
            char *dot = memchr(t, '.', len);
            if (!whole_number(t, dot ? (size_t)(dot - t) : len, &serial) || !serial_date(value, sizeof value, serial, b->date1904)) {
                shown_value(shown, sizeof shown, t, len);
                return fail_cell(b, ISOMM_EDATE, p->s, c->row, c->col,
                                 "bad date '%s' (expected YYYY-MM-DD or an Excel date)", shown);
            }
            t = value;
            len = strlen(value);
        }
        if (k == FIELD_CURRENT || k == FIELD_TARGET) {
            isomm_pattern pat;
            if (!parse_pattern(t, len, &pat)) {
                shown_value(shown, sizeof shown, t, len);
                return fail_cell(b, ISOMM_EPATTERN, p->s, c->row, c->col,
                                 "unknown pattern '%s' (expected one of the list: full-outsource, minimum-insource, "
                                 "hybrid, minimum-outsource, full-insource, or their Japanese or English names)",
                                 shown);
            }
            isomm_assessment_set_pattern(a, k == FIELD_CURRENT, pat, NULL);
            continue;
        }
        if (!(copy = isomm__strndup(t, len)))
            return oom(b);
        rc = isomm_assessment_set_meta(a, k == FIELD_ID ? ISOMM_META_ID : k == FIELD_ORGANIZATION ? ISOMM_META_ORGANIZATION
                                                         : k == FIELD_ASSESSOR ? ISOMM_META_ASSESSOR : ISOMM_META_DATE,
                                       copy, &e);
        free(copy);
        if (rc == ISOMM_EDATE) {
            shown_value(shown, sizeof shown, t, len);
            return fail_cell(b, ISOMM_EDATE, p->s, c->row, c->col,
                             "bad date '%s' (expected a real calendar day as YYYY-MM-DD, or an Excel date)", shown);
        }
        if (rc != ISOMM_OK)
            return isomm__fail(b->err, rc, "%s", e.message);
    }
    return ISOMM_OK;
}

/* Read the answers of an input sheet into a. */
static int read_answers(book *b, const input_sheet *in, isomm_assessment *a)
{
    const sheet *s = in->s;
    uint32_t seen_row[ISOMM_ROLE_COUNT];
    size_t i = 0;

    memset(seen_row, 0, sizeof seen_row);
    while (i < s->ncells && s->cells[i].row <= in->header_row)
        i++;
    while (i < s->ncells) {
        uint32_t row = s->cells[i].row;
        const cell *code = cell_at(s, row, in->col[COLUMN_ROLE]);
        const cell *src = cell_at(s, row, in->col[COLUMN_SOURCING]);
        const cell *lvl = cell_at(s, row, in->col[COLUMN_LEVEL]);
        const cell *note = in->col[COLUMN_NOTE] ? cell_at(s, row, in->col[COLUMN_NOTE]) : NULL;
        const char *t, *st = "", *lt = "";
        size_t len, sl = 0, ll = 0;
        char shown[200];
        isomm_sourcing sourcing = ISOMM_SOURCING_NONE;
        long level = -1;
        int role, rc;

        while (i < s->ncells && s->cells[i].row == row)
            i++;
        if ((rc = no_result(b, s, code)) != ISOMM_OK || (rc = no_result(b, s, src)) != ISOMM_OK ||
            (rc = no_result(b, s, lvl)) != ISOMM_OK || (rc = no_result(b, s, note)) != ISOMM_OK)
            return rc;
        if (src) {
            sl = src->len;
            st = trim(cell_text(b, s, src), &sl);
        }
        if (lvl) {
            ll = lvl->len;
            lt = trim(cell_text(b, s, lvl), &ll);
        }
        len = code ? code->len : 0;
        t = code ? trim(cell_text(b, s, code), &len) : "";
        if (len == 0) {
            if (sl > 0 || ll > 0)
                return fail_cell(b, ISOMM_EROLE, s, row, in->col[COLUMN_ROLE],
                                 "an answer without a role code (expected a code A-1 ... I-6 in this cell)");
            continue;
        }
        role = isomm__role_index(t, len);
        if (role < 0) {
            shown_value(shown, sizeof shown, t, len);
            return fail_cell(b, ISOMM_EROLE, s, row, in->col[COLUMN_ROLE],
                             "unknown role code '%s' (expected A-1 ... I-6, as in the template)", shown);
        }
        if (seen_row[role]) {
            char c0[8];
            col_name(c0, in->col[COLUMN_ROLE]);
            return fail_cell(b, ISOMM_EDUPLICATE, s, row, in->col[COLUMN_ROLE], "role %s listed twice (first in %s%lu)",
                             isomm_model_role(b->model, role)->code, c0, (unsigned long)seen_row[role]);
        }
        seen_row[role] = row;
        if (sl > 0 && isomm_sourcing_parse(&sourcing, st, sl) != ISOMM_OK) {
            shown_value(shown, sizeof shown, st, sl);
            return fail_cell(b, ISOMM_ESOURCING, s, row, in->col[COLUMN_SOURCING],
                             "bad sourcing '%s' (expected insource or outsource, インソース or アウトソース)", shown);
        }
        if (ll > 0 && (!whole_number(lt, ll, &level) || level > ISOMM_LEVEL_MAX || lvl->kind == CELL_OTHER)) {
            shown_value(shown, sizeof shown, lt, ll);
            return fail_cell(b, ISOMM_ELEVEL, s, row, in->col[COLUMN_LEVEL],
                             "bad level '%s' (expected a whole number 0-5)", shown);
        }
        if (sl > 0 && ll == 0)
            return fail_cell(b, ISOMM_ELEVEL, s, row, in->col[COLUMN_LEVEL],
                             "no level for role %s with sourcing '%s' (expected 0-5, or an empty sourcing too)",
                             isomm_model_role(b->model, role)->code, isomm_sourcing_id(sourcing));
        if (ll > 0 && sl == 0)
            return fail_cell(b, ISOMM_ESOURCING, s, row, in->col[COLUMN_SOURCING],
                             "no sourcing for role %s at level %ld (every level, 0 too, needs insource or outsource)",
                             isomm_model_role(b->model, role)->code, level);
        if (ll > 0) {
            rc = isomm_assessment_set_index(a, role, sourcing, (int)level, NULL, NULL);
            if (rc != ISOMM_OK)
                return rc == ISOMM_ENOMEM ? oom(b) : isomm__fail(b->err, rc, "cannot record role %d", role);
        }
        if (note) {
            size_t nl = note->len;
            const char *nt = cell_text(b, s, note);
            char *copy;
            trim(nt, &nl);
            if (nl > 0) {
                if (!(copy = isomm__strndup(nt, note->len)))
                    return oom(b);
                rc = isomm_assessment_set_note(a, isomm_model_role(b->model, role)->code, copy, NULL);
                free(copy);
                if (rc != ISOMM_OK)
                    return oom(b);
            }
        }
    }
    return ISOMM_OK;
}

/* ---- the whole workbook ---- */

static void book_free(book *b)
{
    size_t i;

    isomm__zip_close(b->z);
    for (i = 0; i < b->nsheets; i++) {
        free(b->sheets[i].name);
        free(b->sheets[i].part);
        free(b->sheets[i].cells);
        isomm__buf_free(&b->sheets[i].text);
    }
    free(b->sheets);
    free(b->sst_off);
    free(b->sst_len);
    isomm__buf_free(&b->sst_text);
    isomm__buf_free(&b->rel_text);
    free(b->rels);
    isomm__buf_free(&b->cur);
}

/* Say what a file that is not a zip archive is. */
static int not_a_zip(book *b, const unsigned char *d, size_t len)
{
    static const unsigned char cfb[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    static const char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    size_t i, n = len < 4096 ? len : 4096;

    if (len == 0)
        return isomm__fail(b->err, ISOMM_EPARSE, "not an .xlsx workbook: the file is empty");
    if (len >= 8 && memcmp(d, cfb, 8) == 0) {
        for (i = 0; i + sizeof encrypted - 1 <= len; i++)
            if (d[i] == 'E' && memcmp(d + i, encrypted, sizeof encrypted - 1) == 0)
                return isomm__fail(b->err, ISOMM_EPARSE,
                                   "a password-protected (encrypted) workbook: libisomm cannot decrypt it; save it "
                                   "again without a password");
        return isomm__fail(b->err, ISOMM_EPARSE,
                           "an Excel 97-2003 workbook (.xls), not .xlsx: save it as an Excel Workbook (.xlsx)");
    }
    for (i = 0; i < n; i++)
        if (d[i] == 0 || (d[i] < 0x20 && d[i] != '\t' && d[i] != '\n' && d[i] != '\r'))
            break;
    if (i == n)
        return isomm__fail(b->err, ISOMM_EPARSE,
                           "not an .xlsx workbook: the file is text (CSV?); read it as an assessment CSV file");
    return isomm__fail(b->err, ISOMM_EPARSE, "not an .xlsx workbook: no zip signature at the start of the file");
}

static int load_parts(book *b)
{
    static const isomm__xml_handlers wbh = { workbook_start, NULL, NULL };
    static const isomm__xml_handlers sst = { sst_start, sst_end, sst_text };
    static const isomm__xml_handlers wsh = { ws_start, ws_end, ws_text };
    wb_run w;
    const rel *r;
    char *workbook = NULL;
    size_t i;
    int rc;

    if ((rc = read_rels(b, "")) != ISOMM_OK)
        return rc;
    r = find_rel(b, "officeDocument");
    workbook = r ? resolve("", rel_str(b, r->target)) : isomm__strdup("xl/workbook.xml");
    if (!workbook)
        return oom(b);
    if (!isomm__zip_has(b->z, workbook)) {
        rc = isomm__fail(b->err, ISOMM_EPARSE, "not an .xlsx workbook: the zip archive has no workbook part ('%.200s')",
                         workbook);
        free(workbook);
        return rc;
    }
    memset(&w, 0, sizeof w);
    w.b = b;
    rc = isomm__xml_parse_part(b->z, workbook, &b->budget, &wbh, &w, b->err);
    if (rc == ISOMM_OK)
        rc = read_rels(b, workbook);
    for (i = 0; rc == ISOMM_OK && i < b->nsheets; i++) {
        const rel *sr = find_rel_id(b, w.ids.data + w.id_off[i]);
        const char *type = sr ? rel_str(b, sr->type) : "";
        size_t tl = strlen(type);
        /* worksheets only: chart sheets and dialog sheets hold no cells */
        if (sr && tl >= 10 && strcmp(type + tl - 10, "/worksheet") == 0 &&
            !(b->sheets[i].part = resolve(workbook, rel_str(b, sr->target))))
            rc = oom(b);
    }
    if (rc == ISOMM_OK && (r = find_rel(b, "sharedStrings")) != NULL) {
        char *part = resolve(workbook, rel_str(b, r->target));
        text_run t = { b, part, 0, 0 };
        rc = part ? isomm__xml_parse_part(b->z, part, &b->budget, &sst, &t, b->err) : oom(b);
        free(part);
    }
    free(workbook);
    isomm__buf_free(&w.ids);
    free(w.id_off);
    for (i = 0; rc == ISOMM_OK && i < b->nsheets; i++) {
        ws_run ws;
        if (!b->sheets[i].part)
            continue;
        memset(&ws, 0, sizeof ws);
        ws.b = b;
        ws.s = &b->sheets[i];
        rc = isomm__xml_parse_part(b->z, ws.s->part, &b->budget, &wsh, &ws, b->err);
        if (rc == ISOMM_OK && ws.s->ncells > 1) {
            /* in address order; of two cells at one address the later wins, so that each address
             * holds one cell and a lookup costs log n however the file repeats itself */
            size_t k, kept = 0;
            qsort(ws.s->cells, ws.s->ncells, sizeof *ws.s->cells, cell_order);
            for (k = 0; k < ws.s->ncells; k++) {
                if (kept > 0 && ws.s->cells[kept - 1].row == ws.s->cells[k].row &&
                    ws.s->cells[kept - 1].col == ws.s->cells[k].col)
                    kept--;
                ws.s->cells[kept++] = ws.s->cells[k];
            }
            ws.s->ncells = kept;
        }
    }
    return rc;
}

static int build(book *b, isomm_assessment ***out, size_t *count)
{
    input_sheet *in = NULL;
    prep_sheet *prep = NULL;
    isomm_assessment **list = NULL;
    size_t nin = 0, nprep = 0, i, j;
    int rc = ISOMM_OK;

    if (!(in = calloc(b->nsheets + 1, sizeof *in)) || !(prep = calloc(b->nsheets + 1, sizeof *prep))) {
        rc = oom(b);
        goto done;
    }
    for (i = 0; i < b->nsheets && rc == ISOMM_OK; i++) {
        const sheet *s = &b->sheets[i];
        int found;
        if (!s->part)
            continue;
        found = find_header(b, s, &in[nin]);
        if (found < 0) {
            rc = found;
        } else if (found) {
            nin++;
        } else {
            found = find_labels(b, s, &prep[nprep]);
            if (found < 0)
                rc = found;
            else if (found > 0)
                nprep++;
        }
    }
    if (rc != ISOMM_OK)
        goto done;
    if (nin == 0) {
        rc = isomm__fail(b->err, ISOMM_EEMPTY,
                         "no input sheet: no worksheet has a header row with role, sourcing and level columns");
        goto done;
    }
    if (nprep > 1 && nprep != nin) {
        rc = isomm__fail(b->err, ISOMM_ECONFLICT,
                         "%zu input sheets but %zu preparation sheets: give every input sheet its own preparation "
                         "sheet (in the same order), or one for all", nin, nprep);
        goto done;
    }
    if (!(list = calloc(nin, sizeof *list))) {
        rc = oom(b);
        goto done;
    }
    for (i = 0; i < nin && rc == ISOMM_OK; i++) {
        const prep_sheet *p = nprep == nin ? &prep[i] : nprep == 1 ? &prep[0] : NULL;
        int own_id = nprep == nin || nin == 1;
        if ((rc = isomm_assessment_new(&list[i], b->model, NULL)) != ISOMM_OK) {
            rc = oom(b);
            break;
        }
        if (!own_id && isomm_assessment_set_meta(list[i], ISOMM_META_ID, in[i].s->name, NULL) != ISOMM_OK)
            rc = oom(b);
        if (rc == ISOMM_OK && p)
            rc = apply_meta(b, list[i], p, own_id);
        if (rc == ISOMM_OK && own_id && nin > 1 && (!p || !p->value[FIELD_ID]) &&
            isomm_assessment_set_meta(list[i], ISOMM_META_ID, in[i].s->name, NULL) != ISOMM_OK)
            rc = oom(b);
        if (rc == ISOMM_OK)
            rc = read_answers(b, &in[i], list[i]);
        for (j = 0; rc == ISOMM_OK && j < i; j++) {
            const char *id = isomm_assessment_meta(list[i], ISOMM_META_ID);
            if (strcmp(id, isomm_assessment_meta(list[j], ISOMM_META_ID)) == 0) {
                char shown[200];
                shown_value(shown, sizeof shown, id, strlen(id));
                rc = isomm__fail(b->err, ISOMM_EDUPLICATE,
                                 "assessment id '%s' given to two input sheets (sheets %zu and %zu of the inputs)",
                                 shown, j + 1, i + 1);
            }
        }
    }
    if (rc == ISOMM_OK) {
        *out = list;
        *count = nin;
        list = NULL;
    }
done:
    if (list)
        isomm_assessment_array_free(list, nin);
    free(in);
    free(prep);
    return rc;
}

static int read_options(const isomm_xlsx_options *opts, book *b)
{
    if (opts && opts->version != ISOMM_XLSX_OPTIONS_VERSION)
        return isomm__fail(b->err, ISOMM_EOPTIONS, "unknown isomm_xlsx_options version %u (expected %d)",
                           opts->version, ISOMM_XLSX_OPTIONS_VERSION);
    b->model = opts && opts->model ? opts->model : isomm_model_default();
    b->budget.inflated_max = opts && opts->max_inflated_bytes ? opts->max_inflated_bytes : ISOMM_XLSX_DEFAULT_MAX_INFLATED;
    b->budget.elements_max = opts && opts->max_elements ? opts->max_elements : ISOMM_XLSX_DEFAULT_MAX_ELEMENTS;
    b->budget.inflated_left = b->budget.inflated_max;
    b->budget.elements_left = b->budget.elements_max;
    return ISOMM_OK;
}

static int read_memory(isomm_assessment ***out, size_t *count, const void *data, size_t len, book *b)
{
    const unsigned char *d = data;
    int rc;

    if (len < 4 || d[0] != 'P' || d[1] != 'K' || d[2] != 3 || d[3] != 4)
        return not_a_zip(b, d, len);
    if (len > b->budget.inflated_max)
        return isomm__fail(b->err, ISOMM_ELIMIT, "the file is %zu bytes, more than the limit of %zu bytes", len,
                           b->budget.inflated_max);
    if ((rc = isomm__zip_open(&b->z, data, len, b->err)) != ISOMM_OK)
        return rc;
    if ((rc = load_parts(b)) != ISOMM_OK)
        return rc;
    return build(b, out, count);
}

static int finish(book *b, int rc, isomm_error *err, const isomm_error *local)
{
    book_free(b);
    if (rc != ISOMM_OK && err)
        *err = *local;
    return rc;
}

int isomm_xlsx_read_buffer(isomm_assessment ***out, size_t *count, const void *data, size_t len,
                           const isomm_xlsx_options *opts, isomm_error *err)
{
    isomm_error local;
    book b;
    int rc;

    if (!out || !count || (!data && len > 0))
        return isomm__fail(err, ISOMM_EINVAL, "out, count and data must not be NULL");
    *out = NULL;
    *count = 0;
    memset(&b, 0, sizeof b);
    memset(&local, 0, sizeof local);
    b.err = &local;
    rc = read_options(opts, &b);
    if (rc == ISOMM_OK)
        rc = read_memory(out, count, data ? data : "", len, &b);
    return finish(&b, rc, err, &local);
}

int isomm_xlsx_read_file(isomm_assessment ***out, size_t *count, const char *path, const isomm_xlsx_options *opts,
                         isomm_error *err)
{
    isomm_error local;
    book b;
    FILE *fp;
    char *data = NULL;
    size_t len = 0, cap = 0, n;
    int rc;

    if (!out || !count || !path)
        return isomm__fail(err, ISOMM_EINVAL, "out, count and path must not be NULL");
    *out = NULL;
    *count = 0;
    memset(&b, 0, sizeof b);
    memset(&local, 0, sizeof local);
    b.err = &local;
    if ((rc = read_options(opts, &b)) != ISOMM_OK)
        return finish(&b, rc, err, &local);
    if (!(fp = fopen(path, "rb"))) {
        rc = isomm__fail(&local, ISOMM_EIO, "cannot open '%.300s': %s", path, strerror(errno));
        return finish(&b, rc, err, &local);
    }
    /* read up to one byte more than the limit: a larger file is refused without reading it all */
    for (;;) {
        if (len == cap) {
            size_t want = cap ? cap * 2 : 65536;
            char *grown;
            if (want > b.budget.inflated_max + 1)
                want = b.budget.inflated_max + 1;
            if (want <= len) {
                rc = isomm__fail(&local, ISOMM_ELIMIT, "the file is more than the limit of %zu bytes",
                                 b.budget.inflated_max);
                break;
            }
            if (!(grown = realloc(data, want))) {
                rc = oom(&b);
                break;
            }
            data = grown;
            cap = want;
        }
        n = fread(data + len, 1, cap - len, fp);
        len += n;
        if (n == 0) {
            if (ferror(fp))
                rc = isomm__fail(&local, ISOMM_EIO, "cannot read '%.300s': %s", path, strerror(errno));
            break;
        }
    }
    fclose(fp);
    if (rc == ISOMM_OK)
        rc = read_memory(out, count, data ? data : "", len, &b);
    rc = finish(&b, rc, err, &local);
    free(data);
    return rc;
}
