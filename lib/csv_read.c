/* SPDX-License-Identifier: MIT */
/* Assessment CSV reading: the streaming reader, and the all-at-once readers and the validator
 * built on it (INTERFACES.md section 1). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"

enum column {
    COL_ID, COL_ORG, COL_ASSESSOR, COL_DATE, COL_CURRENT, COL_TARGET,
    COL_ROLE, COL_SOURCING, COL_LEVEL, COL_NOTE, COL_NAME, COL_COUNT
};

static const char *const column_names[COL_COUNT] = {
    "assessment", "organization", "assessor", "date", "current_pattern", "target_pattern",
    "role", "sourcing", "level", "note", "name"
};

/* Metadata columns and the assessment field each fills. */
static const int meta_of_column[] = { ISOMM_META_ID, ISOMM_META_ORGANIZATION, ISOMM_META_ASSESSOR, ISOMM_META_DATE };

#define SHOW 60
/* printf arguments for "%.*s": a value cut to SHOW bytes. */
#define SHOWN(s, n) isomm__csv_clip((s), (n), SHOW), (s)

/* The metadata kinds, whose values are merged into the assessment. */
#define META_BITS ((1u << COL_ORG) | (1u << COL_ASSESSOR) | (1u << COL_DATE) | (1u << COL_CURRENT) | (1u << COL_TARGET))

/* What the fields of the current data row said. */
typedef struct row_state {
    int role;               /* role index, -1 until known */
    int level;              /* 0..5 or ISOMM_UNANSWERED */
    isomm_sourcing sourcing;
    unsigned given;         /* bit k: the field of kind k is not empty */
    int same_id;            /* the id equals the current assessment's */
    long line0;             /* line where the row begins */
    long line[COL_COUNT];   /* line of each kind's field */
    size_t off[COL_COUNT];  /* kept texts (id, metadata, note) in the reader's text buffer */
    size_t len[COL_COUNT];
    isomm_pattern pattern[2]; /* current, target */
} row_state;

/* An assessment id met before: its fingerprint (two independent 64-bit hashes of its text; the
 * text itself is not kept, so memory does not depend on how long ids are) and the line where its
 * rows began (0 marks an empty slot: data rows start on line 2 or later). Two different ids that
 * nobody crafted to collide would be taken for one with a probability of about 2^-128 per pair.
 * Slots are chosen by the second, fully mixed hash. */
typedef struct seen_id {
    uint64_t h1, h2;
    long line;
} seen_id;

/* A set of ids (open addressing, at most three quarters full): 24 bytes a slot, 32 to 64 bytes
 * an id. */
typedef struct id_set {
    seen_id *slot;
    size_t cap, len;
} id_set;

/* A streaming reader forgets old ids in generations: when the newer of its two sets holds
 * ISOMM_CSV_STREAM_ID_WINDOW ids, the older set is emptied and becomes the newer. Either set
 * stays below that bound (plus one id), whatever the input size. */

struct isomm_csv_reader {
    isomm__csvin *in;
    isomm_csv_options opts;

    int header_done;
    int kind[ISOMM__CSV_MAX_COLUMNS]; /* column kind of each header field (-1: ignored) */
    int col[COL_COUNT]; /* field index of each kind, -1 when absent */

    /* the assessment being assembled: answers and patterns in `draft` (whose text pointers stay
     * NULL), its texts in `pend` (the id first, at offset 0), where note_off and meta_off say */
    int have_cur;
    isomm_assessment draft;
    isomm_buf pend;
    uint64_t notes; /* bit r: role r has a note */
    size_t note_off[ISOMM_ROLE_COUNT];
    size_t meta_off[ISOMM_META_COUNT];
    size_t cur_id_len;
    int cur_id_plain; /* the id holds no line break (line counting may skip it) */
    uint64_t roles_seen;
    long role_line[ISOMM_ROLE_COUNT];
    long meta_line[COL_NAME];

    row_state row;
    isomm_buf text; /* texts kept from the row's fields */

    /* completed assessments not yet handed over */
    isomm_assessment **queue;
    size_t qhead, qlen, qcap;
    size_t delivered;
    size_t started; /* assessments begun (the checking functions count them) */

    /* ids of the assessments met so far: every one (id_window 0, the all-at-once readers and
     * validation) or the recent ones (streaming) */
    id_set seen[2];
    int newer;
    size_t id_window;

    int finished;
};

/* The fingerprint of an id: FNV-1a, and a multiply-rotate hash with a final mix. */
static seen_id fingerprint(const char *s, long line)
{
    seen_id e;
    uint64_t a = 14695981039346656037u, b = 0x9E3779B97F4A7C15u;
    for (; *s; s++) {
        a = (a ^ (unsigned char)*s) * 1099511628211u;
        b = (b + (unsigned char)*s) * 0xBF58476D1CE4E5B9u;
        b ^= b >> 31;
    }
    b ^= b >> 33;
    b *= 0xFF51AFD7ED558CCDu;
    b ^= b >> 33;
    e.h1 = a;
    e.h2 = b;
    e.line = line;
    return e;
}

/* The line where the rows of an id began, 0 when the set does not hold it. */
static long set_find(const id_set *set, const seen_id *e)
{
    size_t i;
    if (!set->cap)
        return 0;
    for (i = (size_t)e->h2 & (set->cap - 1); set->slot[i].line; i = (i + 1) & (set->cap - 1))
        if (set->slot[i].h1 == e->h1 && set->slot[i].h2 == e->h2)
            return set->slot[i].line;
    return 0;
}

static void set_put_slot(seen_id *slot, size_t cap, seen_id e)
{
    size_t i;
    for (i = (size_t)e.h2 & (cap - 1); slot[i].line; i = (i + 1) & (cap - 1))
        ;
    slot[i] = e;
}

/* Add an id not in the set; -1 when out of memory. */
static int set_add(id_set *set, const seen_id *e)
{
    size_t j;
    if ((set->len + 1) * 4 > set->cap * 3) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        seen_id *slot = calloc(cap, sizeof *slot);
        if (!slot)
            return -1;
        for (j = 0; j < set->cap; j++)
            if (set->slot[j].line)
                set_put_slot(slot, cap, set->slot[j]);
        free(set->slot);
        set->slot = slot;
        set->cap = cap;
    }
    set_put_slot(set->slot, set->cap, *e);
    set->len++;
    return 0;
}

/* Empty a set, keeping its memory for the next generation. */
static void set_clear(id_set *set)
{
    if (set->cap)
        memset(set->slot, 0, set->cap * sizeof *set->slot);
    set->len = 0;
}

/* The line where the rows of an id met before began, 0 when it is new (or forgotten). */
static long id_seen(const isomm_csv_reader *rd, const seen_id *e)
{
    long line = set_find(&rd->seen[rd->newer], e);
    return line ? line : set_find(&rd->seen[!rd->newer], e);
}

/* Remember a new id; -1 when out of memory. */
static int id_add(isomm_csv_reader *rd, const seen_id *e)
{
    id_set *set = &rd->seen[rd->newer];
    if (rd->id_window && set->len >= rd->id_window) {
        rd->newer = !rd->newer;
        set = &rd->seen[rd->newer];
        set_clear(set);
    }
    return set_add(set, e);
}

static int nomem(isomm_csv_reader *rd)
{
    return isomm__csvin_report(rd->in, 1, ISOMM_ENOMEM, 0, 0, "out of memory reading CSV");
}

static int header(isomm_csv_reader *rd, const isomm__csvrow *row)
{
    static const unsigned char required[COL_COUNT] = { [COL_ROLE] = 1, [COL_SOURCING] = 1, [COL_LEVEL] = 1 };
    if (isomm__csv_header(rd->in, row, column_names, COL_COUNT, required, rd->kind, rd->col))
        return 1;
    rd->header_done = 1;
    return 0;
}

/* Hand the assessment being assembled to the queue. */
static int complete(isomm_csv_reader *rd)
{
    isomm_assessment *a;
    if (!rd->have_cur)
        return 0;
    if (rd->qhead + rd->qlen == rd->qcap) {
        if (rd->qhead) {
            memmove(rd->queue, rd->queue + rd->qhead, rd->qlen * sizeof *rd->queue);
            rd->qhead = 0;
        } else {
            size_t cap = rd->qcap ? rd->qcap * 2 : 16;
            isomm_assessment **q = realloc(rd->queue, cap * sizeof *q);
            if (!q)
                return -1;
            rd->queue = q;
            rd->qcap = cap;
        }
    }
    if (!(a = isomm__assessment_pack(&rd->draft, rd->pend.data, rd->pend.len, rd->notes, rd->note_off, rd->meta_off)))
        return -1;
    rd->queue[rd->qhead + rd->qlen++] = a;
    rd->have_cur = 0;
    return 0;
}

/* Start the assessment of a row whose id differs from the current one. */
static int start(isomm_csv_reader *rd, const char *id, long line, long column)
{
    seen_id e = fingerprint(id, line);
    long first = id_seen(rd, &e);
    size_t len = strlen(id);
    int i;
    if (complete(rd) || (!first && id_add(rd, &e)))
        return nomem(rd);
    rd->pend.len = 0;
    if (isomm__buf_add_text(&rd->pend, id, len) == ISOMM__BUF_FAILED)
        return nomem(rd);
    memset(&rd->draft, 0, sizeof rd->draft);
    rd->draft.model = rd->opts.model;
    memset(rd->draft.level, ISOMM_UNANSWERED, sizeof rd->draft.level);
    rd->draft.current = ISOMM_PATTERN_NONE;
    rd->draft.target = ISOMM_PATTERN_NONE;
    rd->notes = 0;
    for (i = 0; i < ISOMM_META_COUNT; i++)
        rd->meta_off[i] = ISOMM__NO_TEXT;
    if (strcmp(id, "default") != 0) /* the id of an assessment that names none is stored as none */
        rd->meta_off[ISOMM_META_ID] = 0;
    rd->have_cur = 1;
    rd->started++;
    rd->cur_id_len = len;
    rd->cur_id_plain = strcspn(id, "\r\n") == len;
    rd->roles_seen = 0;
    if (first)
        return isomm__csvin_report(rd->in, 0, ISOMM_EDUPLICATE, line, column,
                                   "assessment '%.*s' appears again after other assessments (its rows began "
                                   "on line %ld; expected the rows of one assessment together)",
                                   SHOWN(id, len), first);
    return 0;
}

/* The id of the assessment being assembled. */
#define CUR_ID(rd) ((const char *)(rd)->pend.data)
#define TEXT(k) (rd->text.data + rd->row.off[k])
#define VALUE(k) isomm__csv_clip(TEXT(k), rd->row.len[k], SHOW), TEXT(k)
#define GIVEN(k) (rd->row.given & (1u << (k)))
/* Line and column of a kind's field in the row (the row's line when the column is absent). */
#define LINE_OF(k) (rd->col[k] >= 0 ? rd->row.line[k] : rd->row.line0)
#define COLUMN_OF(k) ((long)rd->col[k] + 1)

/* A metadata value of the row: set it, or check it agrees with the value given before. */
static int merge_meta(isomm_csv_reader *rd, int k)
{
    size_t *off = &rd->meta_off[meta_of_column[k]];
    const char *before;
    if (*off == ISOMM__BUF_FAILED) {
        if ((*off = isomm__buf_add_text(&rd->pend, TEXT(k), rd->row.len[k])) == ISOMM__BUF_FAILED)
            return nomem(rd);
        rd->meta_line[k] = LINE_OF(k);
        return 0;
    }
    before = rd->pend.data + *off;
    if (strcmp(before, TEXT(k)) == 0)
        return 0;
    return isomm__csvin_report(rd->in, 0, ISOMM_ECONFLICT, LINE_OF(k), COLUMN_OF(k),
                               "%s '%.*s' conflicts with '%.*s' given on line %ld for assessment '%.*s' "
                               "(expected the same value on every row, or the value on one row only)",
                               column_names[k], VALUE(k), SHOWN(before, strlen(before)), rd->meta_line[k],
                               SHOWN(CUR_ID(rd), rd->cur_id_len));
}

static int merge_pattern(isomm_csv_reader *rd, int k)
{
    isomm_pattern *slot = k == COL_CURRENT ? &rd->draft.current : &rd->draft.target;
    if (*slot == ISOMM_PATTERN_NONE) {
        *slot = rd->row.pattern[k - COL_CURRENT];
        rd->meta_line[k] = LINE_OF(k);
        return 0;
    }
    if (*slot == rd->row.pattern[k - COL_CURRENT])
        return 0;
    return isomm__csvin_report(rd->in, 0, ISOMM_ECONFLICT, LINE_OF(k), COLUMN_OF(k),
                               "%s '%.*s' conflicts with '%s' given on line %ld for assessment '%.*s' "
                               "(expected the same value on every row, or the value on one row only)",
                               column_names[k], VALUE(k), isomm_pattern_id(*slot), rd->meta_line[k],
                               SHOWN(CUR_ID(rd), rd->cur_id_len));
}

/* Copy a field's text for the end of the row. */
static int keep(isomm_csv_reader *rd, int k, const char *s, size_t len)
{
    if ((rd->row.off[k] = isomm__buf_add_text(&rd->text, s, len)) == ISOMM__BUF_FAILED)
        return nomem(rd);
    rd->row.len[k] = len;
    return 0;
}

/* The free-text columns, where a spreadsheet's formula could hide. */
#define TEXT_COLUMN(k) ((k) == COL_ID || (k) == COL_ORG || (k) == COL_ASSESSOR || (k) == COL_NOTE)

/* Report a bad value of a data row (kept out of on_value so that stays small). */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static void bad_value(isomm_csv_reader *rd, int k, const char *s, size_t len, long line)
{
    static const int codes[COL_COUNT] = { [COL_ROLE] = ISOMM_EROLE, [COL_SOURCING] = ISOMM_ESOURCING,
                                          [COL_LEVEL] = ISOMM_ELEVEL, [COL_DATE] = ISOMM_EDATE,
                                          [COL_CURRENT] = ISOMM_EPATTERN, [COL_TARGET] = ISOMM_EPATTERN };
    static const char *const expected[COL_COUNT] = {
        [COL_ROLE] = "a role code A-1 ... I-6, e.g. G-10",
        [COL_SOURCING] = "insource, in, インソース, outsource, out, アウトソース, or empty for unanswered",
        [COL_LEVEL] = "an integer 0-5, or empty for unanswered",
        [COL_DATE] = "a calendar date YYYY-MM-DD, e.g. 2026-11-01",
        [COL_CURRENT] = "full-outsource, minimum-insource, hybrid, minimum-outsource, full-insource or the "
                        "Japanese name, e.g. ハイブリッド",
        [COL_TARGET] = "full-outsource, minimum-insource, hybrid, minimum-outsource, full-insource or the "
                       "Japanese name, e.g. ハイブリッド",
    };
    isomm__csvin_report(rd->in, 0, codes[k], line, COLUMN_OF(k), "bad %s '%.*s' in column '%s' (expected %s)",
                        k == COL_ROLE ? "role code" : k == COL_CURRENT || k == COL_TARGET ? "pattern"
                                                                                            : column_names[k],
                        SHOWN(s, len), column_names[k], expected[k]);
}

/* Whether a (not NUL-terminated) field is a valid YYYY-MM-DD date. */
static int date_ok(const char *s, size_t len)
{
    char date[11];
    if (len != 10)
        return 0;
    memcpy(date, s, 10);
    date[10] = '\0';
    return isomm__valid_date(date);
}

/* Whether two texts of len bytes are equal. Ids are short: up to 16 bytes are compared with a
 * few loads (overlapping when the length is not a power of two) instead of a call to memcmp,
 * which showed in the read profile once per row. */
static inline int same_bytes(const char *a, const char *b, size_t len)
{
    uint64_t a0, a1, b0, b1;
    uint32_t c0, c1, d0, d1;
    if (len > 16)
        return memcmp(a, b, len) == 0;
    if (len >= 8) {
        memcpy(&a0, a, 8);
        memcpy(&b0, b, 8);
        memcpy(&a1, a + len - 8, 8);
        memcpy(&b1, b + len - 8, 8);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (len >= 4) {
        memcpy(&c0, a, 4);
        memcpy(&d0, b, 4);
        memcpy(&c1, a + len - 4, 4);
        memcpy(&d1, b + len - 4, 4);
        return ((c0 ^ d0) | (c1 ^ d1)) == 0;
    }
    /* 0 to 3 bytes: the first, middle and last cover them all */
    return len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1]);
}

/* The sourcing spellings as usually written (lower case); NONE for anything else, which
 * isomm_sourcing_parse() then judges. Each comparison has a constant length, which compilers
 * expand inline. */
static inline isomm_sourcing exact_sourcing(const char *s, size_t len)
{
    switch (len) {
    case 2:
        return memcmp(s, "in", 2) == 0 ? ISOMM_INSOURCE : ISOMM_SOURCING_NONE;
    case 3:
        return memcmp(s, "out", 3) == 0 ? ISOMM_OUTSOURCE : ISOMM_SOURCING_NONE;
    case 8:
        return memcmp(s, "insource", 8) == 0 ? ISOMM_INSOURCE : ISOMM_SOURCING_NONE;
    case 9:
        return memcmp(s, "outsource", 9) == 0 ? ISOMM_OUTSOURCE : ISOMM_SOURCING_NONE;
    case sizeof "インソース" - 1:
        return memcmp(s, "インソース", sizeof "インソース" - 1) == 0 ? ISOMM_INSOURCE : ISOMM_SOURCING_NONE;
    case sizeof "アウトソース" - 1:
        return memcmp(s, "アウトソース", sizeof "アウトソース" - 1) == 0 ? ISOMM_OUTSOURCE : ISOMM_SOURCING_NONE;
    default:
        return ISOMM_SOURCING_NONE;
    }
}

/* The common values, taken straight from libcsv without the layer's checks: an empty field, a
 * role code, a sourcing as usually spelled, a level digit, the id of the current assessment.
 * All are valid UTF-8 without NUL bytes or line breaks. Returns 0 when the field needs the full
 * path. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int take_common(isomm_csv_reader *rd, size_t index, const char *s, size_t len, long line)
{
    row_state *r = &rd->row;
    int k = rd->kind[index];
    if (index == 0) {
        r->role = -1;
        r->level = ISOMM_UNANSWERED;
        r->sourcing = ISOMM_SOURCING_NONE;
        r->given = 0;
        r->same_id = 0;
        r->line0 = line;
        rd->text.len = 0;
    }
    if (k < 0)
        return 0;
    r->line[k] = line;
    if (!len)
        return 1;
    switch (k) {
    case COL_ROLE:
        if ((r->role = isomm__role_index(s, len)) < 0)
            return 0;
        break;
    case COL_SOURCING:
        if ((r->sourcing = exact_sourcing(s, len)) == ISOMM_SOURCING_NONE)
            return 0;
        break;
    case COL_LEVEL:
        if (len != 1 || s[0] < '0' || s[0] > '0' + ISOMM_LEVEL_MAX)
            return 0;
        r->level = s[0] - '0';
        break;
    case COL_ID:
        if (!rd->have_cur || !rd->cur_id_plain || len != rd->cur_id_len || !same_bytes(s, CUR_ID(rd), len))
            return 0;
        r->same_id = 1;
        break;
    default:
        return 0;
    }
    r->given |= 1u << k;
    return 1;
}

/* libcsv's field callback: common values directly, everything else through the layer. */
static void reader_field(void *data, size_t len, void *userdata)
{
    isomm__csvfast *f = userdata;
    if (f->nfields < f->fast_fields && f->expect_fields && take_common(f->ctx, f->nfields, data, len, f->line)) {
        if (f->nfields == 0)
            f->row_line = f->line;
        f->nfields++;
        f->row_bytes += len;
        return;
    }
    isomm__csvin_field(data, len, userdata);
}

/* One field of a data row, checked as it arrives (so problems come in column order). Empty
 * fields are judged at the end of the row: a row of empty fields is skipped, not an error. */
static void on_value(void *ctx, size_t index, const char *s, size_t len, long line)
{
    isomm_csv_reader *rd = ctx;
    row_state *r = &rd->row;
    int k = rd->kind[index];
    if (take_common(rd, index, s, len, line) || k < 0)
        return;
    r->given |= 1u << k;
    /* a text written for a spreadsheet: drop the apostrophe that kept it from being a formula */
    if (s[0] == '\'' && TEXT_COLUMN(k) && isomm__csv_formula_like(s, len) && isomm__csvin_had_bom(rd->in)) {
        s++;
        len--;
    }
    switch (k) {
    case COL_ROLE:
        bad_value(rd, k, s, len, line);
        return;
    case COL_SOURCING:
        if (isomm_sourcing_parse(&r->sourcing, s, len))
            bad_value(rd, k, s, len, line);
        return;
    case COL_LEVEL:
        bad_value(rd, k, s, len, line);
        return;
    case COL_ID:
        keep(rd, k, s, len);
        return;
    case COL_DATE:
        if (date_ok(s, len))
            keep(rd, k, s, len);
        else
            bad_value(rd, k, s, len, line);
        return;
    case COL_CURRENT:
    case COL_TARGET:
        if (isomm_pattern_parse(&r->pattern[k - COL_CURRENT], s, len, NULL))
            bad_value(rd, k, s, len, line);
        else
            keep(rd, k, s, len);
        return;
    case COL_NAME:
        return;
    default:
        keep(rd, k, s, len);
        return;
    }
}

/* The end of a data row whose fields were all accepted. */
static int data_row(isomm_csv_reader *rd)
{
    isomm__csvin *in = rd->in;
    row_state *r = &rd->row;
    const char *id;
    int k, role = r->role;

    if (!GIVEN(COL_ROLE))
        return isomm__csvin_report(in, 0, ISOMM_EROLE, LINE_OF(COL_ROLE), COLUMN_OF(COL_ROLE),
                                   "empty role code in column 'role' (expected a role code A-1 ... I-6)");
    if (GIVEN(COL_SOURCING) && !GIVEN(COL_LEVEL))
        return isomm__csvin_report(in, 0, ISOMM_ELEVEL, LINE_OF(COL_LEVEL), COLUMN_OF(COL_LEVEL),
                                   "role %s has sourcing '%s' but no level (expected a level 0-5, or both "
                                   "sourcing and level empty for unanswered)",
                                   rd->opts.model->roles[role].code, isomm_sourcing_id(r->sourcing));
    if (GIVEN(COL_LEVEL) && !GIVEN(COL_SOURCING))
        return isomm__csvin_report(in, 0, ISOMM_ESOURCING, LINE_OF(COL_SOURCING), COLUMN_OF(COL_SOURCING),
                                   "role %s has level %d but no sourcing (expected insource or outsource; "
                                   "level 0 needs one too)", rd->opts.model->roles[role].code, r->level);
    if (!r->same_id) {
        id = GIVEN(COL_ID) ? TEXT(COL_ID) : "default";
        if (!rd->have_cur || strcmp(id, CUR_ID(rd)) != 0) {
            if (start(rd, id, LINE_OF(COL_ID), COLUMN_OF(COL_ID)))
                return 1;
        }
    }
    if (rd->roles_seen & ((uint64_t)1 << role))
        return isomm__csvin_report(in, 0, ISOMM_EDUPLICATE, LINE_OF(COL_ROLE), COLUMN_OF(COL_ROLE),
                                   "role %s is listed twice in assessment '%.*s' (first on line %ld; expected "
                                   "each role once)", rd->opts.model->roles[role].code,
                                   SHOWN(CUR_ID(rd), rd->cur_id_len), rd->role_line[role]);
    for (k = COL_ORG; k <= COL_TARGET && (r->given & META_BITS); k++) {
        if (GIVEN(k) && ((k == COL_CURRENT || k == COL_TARGET) ? merge_pattern(rd, k) : merge_meta(rd, k)))
            return 1;
    }
    rd->roles_seen |= (uint64_t)1 << role;
    rd->role_line[role] = LINE_OF(COL_ROLE);
    rd->draft.level[role] = (int8_t)r->level;
    rd->draft.sourcing[role] = (uint8_t)r->sourcing;
    if (GIVEN(COL_NOTE)) {
        rd->note_off[role] = isomm__buf_add_text(&rd->pend, TEXT(COL_NOTE), r->len[COL_NOTE]);
        if (rd->note_off[role] == ISOMM__BUF_FAILED)
            return nomem(rd);
        rd->notes |= (uint64_t)1 << role;
    }
    return 0;
}

static int on_row(void *ctx, const isomm__csvrow *row)
{
    isomm_csv_reader *rd = ctx;
    return rd->header_done ? data_row(rd) : header(rd, row);
}

static int reader_open(isomm_csv_reader **out, FILE *fp, int own_fp, isomm_read_fn fn, void *userdata,
                       const char *data, size_t len, const isomm_csv_options *opts, isomm_error *err)
{
    isomm_csv_reader *rd;
    isomm_csv_options o;
    int rc = isomm__csv_options(&o, opts, err);
    if (rc) {
        if (own_fp)
            fclose(fp);
        return rc;
    }
    if (!(rd = calloc(1, sizeof *rd))) {
        if (own_fp)
            fclose(fp);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory creating a CSV reader");
    }
    rd->opts = o;
    rd->id_window = ISOMM_CSV_STREAM_ID_WINDOW;
    rc = isomm__csvin_new(&rd->in, &rd->opts, fp, own_fp, fn, userdata, data, len, err);
    if (rc) {
        free(rd);
        return rc;
    }
    isomm__csvin_handler(rd->in, on_row, on_value, rd);
    isomm__csvin_field_callback(rd->in, reader_field);
    *out = rd;
    return ISOMM_OK;
}

static FILE *open_input(const char *path, isomm_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        isomm__fail(err, ISOMM_EIO, "cannot open '%s': %s", path, strerror(errno));
    return fp;
}

int isomm_csv_reader_open_file(isomm_csv_reader **out, const char *path, const isomm_csv_options *opts,
                               isomm_error *err)
{
    FILE *fp;
    if (!out || !path)
        return isomm__fail(err, ISOMM_EINVAL, "reader and path must not be NULL");
    *out = NULL;
    if (!(fp = open_input(path, err)))
        return ISOMM_EIO;
    return reader_open(out, fp, 1, NULL, NULL, NULL, 0, opts, err);
}

int isomm_csv_reader_open_fp(isomm_csv_reader **out, FILE *fp, const isomm_csv_options *opts, isomm_error *err)
{
    if (!out || !fp)
        return isomm__fail(err, ISOMM_EINVAL, "reader and stream must not be NULL");
    *out = NULL;
    return reader_open(out, fp, 0, NULL, NULL, NULL, 0, opts, err);
}

int isomm_csv_reader_open_callback(isomm_csv_reader **out, isomm_read_fn fn, void *userdata,
                                   const isomm_csv_options *opts, isomm_error *err)
{
    if (!out || !fn)
        return isomm__fail(err, ISOMM_EINVAL, "reader and callback must not be NULL");
    *out = NULL;
    return reader_open(out, NULL, 0, fn, userdata, NULL, 0, opts, err);
}

/* End of input: hand over the last assessment, or report that there was none. */
static void finish(isomm_csv_reader *rd)
{
    rd->finished = 1;
    if (!rd->header_done)
        isomm__csvin_report(rd->in, 1, ISOMM_EEMPTY, 1, 0,
                            "empty input: no header row (expected a header such as role,sourcing,level)");
    else if (!rd->have_cur && !rd->delivered && !rd->qlen && !isomm__csvin_first(rd->in)->code)
        isomm__csvin_report(rd->in, 1, ISOMM_EEMPTY, isomm__csvin_line(rd->in), 0,
                            "no data rows after the header (expected one row per role answer)");
    else if (complete(rd))
        nomem(rd);
}

int isomm_csv_reader_next(isomm_csv_reader *rd, isomm_assessment **out, isomm_error *err)
{
    if (!rd || !out)
        return isomm__fail(err, ISOMM_EINVAL, "reader and output must not be NULL");
    *out = NULL;
    for (;;) {
        int rc;
        if (rd->qlen) {
            *out = rd->queue[rd->qhead++];
            rd->qlen--;
            rd->delivered++;
            return 1;
        }
        if (rd->finished) {
            const isomm_error *e = isomm__csvin_first(rd->in);
            if (!e->code)
                return 0;
            if (err)
                *err = *e;
            return e->code;
        }
        rc = isomm__csvin_pump(rd->in);
        if (rc < 0) {
            rd->finished = 1;
            rd->have_cur = 0;
        } else if (rc == 0) {
            finish(rd);
        }
    }
}

void isomm_csv_reader_free(isomm_csv_reader *rd)
{
    size_t i;
    if (!rd)
        return;
    isomm__csvin_free(rd->in);
    for (i = 0; i < rd->qlen; i++)
        isomm_assessment_free(rd->queue[rd->qhead + i]);
    free(rd->queue);
    for (i = 0; i < 2; i++) {
        free(rd->seen[i].slot);
    }
    isomm__buf_free(&rd->pend);
    isomm__buf_free(&rd->text);
    free(rd);
}

void isomm_assessment_array_free(isomm_assessment **list, size_t count)
{
    size_t i;
    if (!list)
        return;
    for (i = 0; i < count; i++)
        isomm_assessment_free(list[i]);
    free(list);
}

void isomm__csv_reader_remember_ids(isomm_csv_reader *rd)
{
    rd->id_window = 0;
}

/* Read every assessment of an open reader; nothing is handed back on error. */
static int read_all(isomm_assessment ***out, size_t *count, isomm_csv_reader *rd, isomm_error *err)
{
    isomm_assessment **list = NULL, *a;
    size_t n = 0, cap = 0;
    int rc;
    isomm__csv_reader_remember_ids(rd); /* everything is kept anyway */
    while ((rc = isomm_csv_reader_next(rd, &a, err)) == 1) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            isomm_assessment **grown = realloc(list, ncap * sizeof *grown);
            if (!grown) {
                isomm_assessment_free(a);
                rc = isomm__fail(err, ISOMM_ENOMEM, "out of memory reading CSV");
                break;
            }
            list = grown;
            cap = ncap;
        }
        list[n++] = a;
    }
    isomm_csv_reader_free(rd);
    if (rc < 0) {
        isomm_assessment_array_free(list, n);
        return rc;
    }
    *out = list;
    *count = n;
    return ISOMM_OK;
}

static int check_out(isomm_assessment ***out, size_t *count, const void *src, isomm_error *err)
{
    if (!out || !count || !src)
        return isomm__fail(err, ISOMM_EINVAL, "output, count and input must not be NULL");
    *out = NULL;
    *count = 0;
    return ISOMM_OK;
}

int isomm_csv_read_file(isomm_assessment ***out, size_t *count, const char *path, const isomm_csv_options *opts,
                        isomm_error *err)
{
    isomm_csv_reader *rd;
    int rc = check_out(out, count, path, err);
    if (!rc)
        rc = isomm_csv_reader_open_file(&rd, path, opts, err);
    return rc ? rc : read_all(out, count, rd, err);
}

int isomm_csv_read_fp(isomm_assessment ***out, size_t *count, FILE *fp, const isomm_csv_options *opts,
                      isomm_error *err)
{
    isomm_csv_reader *rd;
    int rc = check_out(out, count, fp, err);
    if (!rc)
        rc = isomm_csv_reader_open_fp(&rd, fp, opts, err);
    return rc ? rc : read_all(out, count, rd, err);
}

int isomm_csv_read_buffer(isomm_assessment ***out, size_t *count, const char *data, size_t len,
                          const isomm_csv_options *opts, isomm_error *err)
{
    isomm_csv_reader *rd = NULL;
    int rc = check_out(out, count, data ? data : (len ? NULL : ""), err);
    if (!rc)
        rc = reader_open(&rd, NULL, 0, NULL, NULL, data ? data : "", len, opts, err);
    return rc ? rc : read_all(out, count, rd, err);
}

/* Check an open reader: every problem to fn, up to limit (0: none, the first one stops). */
static int check(isomm_csv_reader *rd, size_t limit, isomm_problem_fn fn, void *userdata, isomm_csv_summary *summary,
                 isomm_error *err)
{
    isomm_assessment *a;
    const isomm_error *first;
    int rc;
    rd->id_window = 0; /* report every id that comes back, however late */
    isomm__csvin_collect(rd->in, fn, userdata, limit);
    while ((rc = isomm_csv_reader_next(rd, &a, NULL)) == 1)
        isomm_assessment_free(a);
    first = isomm__csvin_first(rd->in);
    if (summary) {
        summary->problems = isomm__csvin_count(rd->in);
        summary->assessments = rd->started;
        summary->truncated = isomm__csvin_truncated(rd->in);
    }
    rc = first->code;
    if (rc && err)
        *err = *first;
    isomm_csv_reader_free(rd);
    return rc;
}

static int check_args(const void *src, isomm_error *err)
{
    return src ? ISOMM_OK : isomm__fail(err, ISOMM_EINVAL, "input must not be NULL");
}

int isomm_csv_check_file(const char *path, const isomm_csv_options *opts, size_t max_errors, isomm_problem_fn fn,
                         void *userdata, isomm_csv_summary *summary, isomm_error *err)
{
    isomm_csv_reader *rd;
    int rc = check_args(path, err);
    if (summary)
        memset(summary, 0, sizeof *summary);
    if (!rc)
        rc = isomm_csv_reader_open_file(&rd, path, opts, err);
    return rc ? rc : check(rd, max_errors ? max_errors : (size_t)-1, fn, userdata, summary, err);
}

int isomm_csv_check_fp(FILE *fp, const isomm_csv_options *opts, size_t max_errors, isomm_problem_fn fn,
                       void *userdata, isomm_csv_summary *summary, isomm_error *err)
{
    isomm_csv_reader *rd;
    int rc = check_args(fp, err);
    if (summary)
        memset(summary, 0, sizeof *summary);
    if (!rc)
        rc = isomm_csv_reader_open_fp(&rd, fp, opts, err);
    return rc ? rc : check(rd, max_errors ? max_errors : (size_t)-1, fn, userdata, summary, err);
}

int isomm_csv_check_buffer(const char *data, size_t len, const isomm_csv_options *opts, size_t max_errors,
                           isomm_problem_fn fn, void *userdata, isomm_csv_summary *summary, isomm_error *err)
{
    isomm_csv_reader *rd = NULL;
    int rc = check_args(data ? data : (len ? NULL : ""), err);
    if (summary)
        memset(summary, 0, sizeof *summary);
    if (!rc)
        rc = reader_open(&rd, NULL, 0, NULL, NULL, data ? data : "", len, opts, err);
    return rc ? rc : check(rd, max_errors ? max_errors : (size_t)-1, fn, userdata, summary, err);
}

/* The validation functions: problems into a caller's array. */
typedef struct problem_array {
    isomm_error *errors;
    size_t count;
} problem_array;

static int store_problem(void *userdata, const isomm_error *problem)
{
    problem_array *pa = userdata;
    pa->errors[pa->count++] = *problem;
    return 0;
}

/* Collect the problems of an open reader into errors[0..min(max_errors, opts->max_errors)). */
static int validate(isomm_csv_reader *rd, isomm_error *errors, size_t max_errors, size_t *count, isomm_error *err)
{
    size_t cap = max_errors < rd->opts.max_errors ? max_errors : rd->opts.max_errors;
    problem_array pa = { errors, 0 };
    int rc = check(rd, cap, store_problem, &pa, NULL, err);
    *count = pa.count;
    return rc;
}

static int check_validate(const void *src, isomm_error *errors, size_t max_errors, size_t *count, isomm_error *err)
{
    if (!src || !count || (!errors && max_errors))
        return isomm__fail(err, ISOMM_EINVAL, "input and count must not be NULL, nor errors when max_errors > 0");
    *count = 0;
    return ISOMM_OK;
}

int isomm_csv_validate_file(const char *path, const isomm_csv_options *opts, isomm_error *errors,
                            size_t max_errors, size_t *count, isomm_error *err)
{
    isomm_csv_reader *rd;
    int rc = check_validate(path, errors, max_errors, count, err);
    if (!rc)
        rc = isomm_csv_reader_open_file(&rd, path, opts, err);
    return rc ? rc : validate(rd, errors, max_errors, count, err);
}

int isomm_csv_validate_fp(FILE *fp, const isomm_csv_options *opts, isomm_error *errors, size_t max_errors,
                          size_t *count, isomm_error *err)
{
    isomm_csv_reader *rd;
    int rc = check_validate(fp, errors, max_errors, count, err);
    if (!rc)
        rc = isomm_csv_reader_open_fp(&rd, fp, opts, err);
    return rc ? rc : validate(rd, errors, max_errors, count, err);
}

int isomm_csv_validate_buffer(const char *data, size_t len, const isomm_csv_options *opts, isomm_error *errors,
                              size_t max_errors, size_t *count, isomm_error *err)
{
    isomm_csv_reader *rd = NULL;
    int rc = check_validate(data ? data : (len ? NULL : ""), errors, max_errors, count, err);
    if (!rc)
        rc = reader_open(&rd, NULL, 0, NULL, NULL, data ? data : "", len, opts, err);
    return rc ? rc : validate(rd, errors, max_errors, count, err);
}
