/* SPDX-License-Identifier: MIT */
/* The CSV row layer: bytes in, checked rows out (see csvio.h). */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "utf8.h"

#define CHUNK_BYTES 65536
/* CP932 needs at most 3 UTF-8 bytes per input byte. */
#define CONV_BYTES (3 * (CHUNK_BYTES + 8))
/* Bytes of a value shown in messages. */
#define SHOW_BYTES 40

struct isomm__csvin {
    isomm__csvfast f; /* first member: custom field callbacks get a pointer to it */
    struct csv_parser parser;
    int parser_ready;

    /* source: exactly one of fp, fn, mem */
    FILE *fp;
    int own_fp;
    isomm_read_fn fn;
    void *userdata;
    const char *mem;
    size_t mem_len, mem_pos;
    char *chunk; /* CHUNK_BYTES for fp/fn input */

    /* CP932 conversion */
    iconv_t cd;
    int convert;
    char *raw;         /* pending bytes + one read */
    char *conv;        /* converted output */
    char pending[8];   /* undecoded tail of the previous read */
    size_t pending_len;

    /* UTF-8 byte-order mark: the first bytes are held until they are known */
    int bom_done;
    unsigned char bom[3];
    size_t bom_len;

    size_t max_field;
    size_t field_limit; /* longest field accepted now: a column name's limit before the header */
    int prev_cr; /* the last row ended with CR: a following LF ends no line */
    int finished;

    /* the row being assembled */
    isomm_buf arena; /* the texts of the row's fields */
    size_t *off;
    size_t *flen;
    long *fline;
    const char **fptr;
    size_t fcap;
    int row_bad;

    void (*field_cb)(void *data, size_t len, void *userdata); /* libcsv's field callback */
    isomm__csv_row_fn on_row;
    isomm__csv_field_fn on_field;

    /* problems */
    int collect;
    isomm_problem_fn on_problem; /* collecting: receives each problem (may be NULL) */
    void *problem_data;
    size_t limit, nerrors;       /* collecting: problems handed over so far, at most limit */
    int truncated;               /* collecting: stopped with problems left (limit or callback) */
    int stop;
    isomm_error first;
};

int isomm__csv_options(isomm_csv_options *out, const isomm_csv_options *in, isomm_error *err)
{
    static const isomm_csv_options defaults = ISOMM_CSV_OPTIONS_INIT;
    *out = in ? *in : defaults;
    if (out->version != ISOMM_CSV_OPTIONS_VERSION)
        return isomm__fail(err, ISOMM_EOPTIONS, "CSV options version %u is not supported (expected %u)",
                           out->version, (unsigned)ISOMM_CSV_OPTIONS_VERSION);
    if (out->encoding != ISOMM_ENCODING_UTF8 && out->encoding != ISOMM_ENCODING_CP932)
        return isomm__fail(err, ISOMM_EOPTIONS, "unknown CSV encoding %d (expected UTF-8 or CP932)",
                           (int)out->encoding);
    if (out->lang != ISOMM_LANG_JA && out->lang != ISOMM_LANG_EN)
        return isomm__fail(err, ISOMM_EOPTIONS, "unknown language %d (expected ja or en)", (int)out->lang);
    if (out->write_bom && out->encoding != ISOMM_ENCODING_UTF8)
        return isomm__fail(err, ISOMM_EOPTIONS, "a byte-order mark can only be written in UTF-8");
    if (!out->model)
        out->model = isomm_model_default();
    if (!out->max_field_bytes)
        out->max_field_bytes = ISOMM_CSV_DEFAULT_MAX_FIELD_BYTES;
    if (!out->max_errors)
        out->max_errors = ISOMM_CSV_DEFAULT_MAX_ERRORS;
    return ISOMM_OK;
}

int isomm__csv_clip(const char *s, size_t len, size_t max)
{
    size_t n = len;
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    return (int)n;
}

static int header_index(const char *name, size_t len, const char *const *names, int n)
{
    int i;
    while (len > 0 && (*name == ' ' || *name == '\t')) {
        name++;
        len--;
    }
    while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    for (i = 0; i < n; i++)
        if (isomm__ascii_ieq(name, len, names[i]))
            return i;
    return -1;
}

int isomm__csv_header(isomm__csvin *in, const isomm__csvrow *row, const char *const *names, int n,
                      const unsigned char *required, int *kind, int *col)
{
    char expected[512];
    size_t i, used = 0;
    int k;
    for (k = 0; k < n; k++) {
        col[k] = -1;
        used += (size_t)snprintf(expected + used, sizeof expected - used, "%s%s", k ? ", " : "", names[k]);
        if (used >= sizeof expected)
            used = sizeof expected - 1;
    }
    for (i = 0; i < row->count; i++) {
        k = header_index(row->field[i], row->len[i], names, n);
        kind[i] = -1;
        if (k < 0) {
            if (isomm__csvin_report(in, 0, ISOMM_EHEADER, row->line[i], (long)i + 1,
                                    "unknown column '%.*s' (expected one of: %s)",
                                    isomm__csv_clip(row->field[i], row->len[i], SHOW_BYTES), row->field[i],
                                    expected))
                return 1;
        } else if (col[k] >= 0) {
            if (isomm__csvin_report(in, 0, ISOMM_EHEADER, row->line[i], (long)i + 1,
                                    "column '%s' appears twice (columns %d and %ld; expected each column once)",
                                    names[k], col[k] + 1, (long)i + 1))
                return 1;
        } else {
            kind[i] = k;
            col[k] = (int)i;
        }
    }
    for (k = 0; k < n; k++) {
        if (required[k] && col[k] < 0) {
            isomm__csvin_report(in, 1, ISOMM_EHEADER, row->line[0], 0, "missing required column '%s'", names[k]);
            return 1;
        }
    }
    in->f.expect_fields = row->count;
    in->field_limit = in->max_field;
    return 0;
}

int isomm__csvin_report(isomm__csvin *in, int fatal, int code, long line, long column, const char *fmt, ...)
{
    isomm_error e;
    va_list ap;
    va_start(ap, fmt);
    isomm__vfail_at(&e, code, line, column, fmt, ap);
    va_end(ap);
    if (in->first.code == 0)
        in->first = e;
    in->row_bad = 1;
    in->f.fast_fields = 0;
    if (!in->collect) {
        in->stop = 1;
        return 1;
    }
    /* one problem more than the limit: there is more than was handed over */
    if (in->nerrors == in->limit) {
        in->truncated = 1;
        in->stop = 1;
        return 1;
    }
    in->nerrors++;
    if (in->on_problem && in->on_problem(in->problem_data, &e)) {
        in->truncated = 1;
        in->stop = 1;
    }
    if (fatal)
        in->stop = 1;
    return in->stop;
}

/* A problem of the call rather than of the input (memory, reading): always ends the input and
 * is not counted among collected problems. */
static void fail_call(isomm__csvin *in, int code, const char *fmt, const char *detail)
{
    if (in->first.code == 0 || in->collect)
        isomm__fail(&in->first, code, fmt, detail);
    in->stop = 1;
    in->f.fast_fields = 0;
}

const isomm_error *isomm__csvin_first(const isomm__csvin *in)
{
    return &in->first;
}

size_t isomm__csvin_count(const isomm__csvin *in)
{
    return in->nerrors;
}

int isomm__csvin_truncated(const isomm__csvin *in)
{
    return in->truncated;
}

void isomm__csvin_field_callback(isomm__csvin *in, void (*cb)(void *data, size_t len, void *userdata))
{
    in->field_cb = cb;
}

int isomm__csvin_had_bom(const isomm__csvin *in)
{
    return in->bom_len == 3;
}

long isomm__csvin_line(const isomm__csvin *in)
{
    return in->f.line;
}

void isomm__csvin_handler(isomm__csvin *in, isomm__csv_row_fn fn, isomm__csv_field_fn field_fn, void *ctx)
{
    in->on_row = fn;
    in->on_field = field_fn;
    in->f.ctx = ctx;
}

void isomm__csvin_collect(isomm__csvin *in, isomm_problem_fn fn, void *userdata, size_t limit)
{
    in->collect = 1;
    in->on_problem = fn;
    in->problem_data = userdata;
    in->limit = limit;
}

enum { SCAN_OK = 0, SCAN_NUL = 1, SCAN_UTF8 = 2 };

/* Whether a decoded sequence of `len` bytes is valid UTF-8: not malformed, not overlong, not a
 * surrogate, not beyond U+10FFFF. */
static int valid_sequence(size_t len, unsigned long cp)
{
    static const unsigned long min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (len == 1)
        return 0; /* isomm__utf8_next() takes one byte only for a malformed sequence here */
    return cp >= min[len] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

/* Count the line breaks of a field (LF, CRLF or a lone CR) and find the first NUL byte or
 * invalid UTF-8 sequence (its offset goes to *bad). Lines are counted to the end either way. */
static int scan_field(const unsigned char *s, size_t n, long *lines, size_t *bad)
{
    size_t i = 0, len;
    unsigned long cp;
    long nl = 0;
    int found = SCAN_OK;
    while (i < n) {
        unsigned char c;
        /* eight printable ASCII bytes at a time: no byte below 0x20 (the subtraction borrows into
         * its top bit) and none from 0x80 */
        while (n - i >= 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (((x - 0x2020202020202020u) | x) & 0x8080808080808080u)
                break;
            i += 8;
        }
        if (i == n)
            break;
        c = s[i];
        if (c >= 0x20 && c < 0x80) {
            i++;
            continue;
        }
        if (c < 0x80) {
            if (c == 0 && !found) {
                found = SCAN_NUL;
                *bad = i;
            }
            if (c == '\n' || (c == '\r' && (i + 1 == n || s[i + 1] != '\n')))
                nl++;
            i++;
            continue;
        }
        len = isomm__utf8_next((const char *)s + i, n - i, &cp);
        if (!valid_sequence(len, cp)) {
            if (!found) {
                found = SCAN_UTF8;
                *bad = i;
            }
            len = 1;
        }
        i += len;
    }
    *lines = nl;
    return found;
}

static int grow_fields(isomm__csvin *in)
{
    size_t cap = in->fcap ? in->fcap * 2 : 16;
    size_t *off = realloc(in->off, cap * sizeof *off);
    size_t *flen;
    long *fline;
    const char **fptr;
    if (!off)
        return -1;
    in->off = off;
    if (!(flen = realloc(in->flen, cap * sizeof *flen)))
        return -1;
    in->flen = flen;
    if (!(fline = realloc(in->fline, cap * sizeof *fline)))
        return -1;
    in->fline = fline;
    if (!(fptr = realloc(in->fptr, cap * sizeof *fptr)))
        return -1;
    in->fptr = fptr;
    in->fcap = cap;
    return 0;
}

static int store_field(isomm__csvin *in, const char *s, size_t len, long line)
{
    size_t n = in->f.nfields;
    if (n == in->fcap && grow_fields(in))
        return -1;
    in->flen[n] = len;
    in->fline[n] = line;
    in->f.nfields = n + 1;
    if (!len)
        return 0;
    if ((in->off[n] = isomm__buf_add_text(&in->arena, s, len)) == ISOMM__BUF_FAILED)
        return -1;
    in->f.row_bytes += len;
    return 0;
}

/* Hand a clean field to the field handler (after the header) or keep it for the row. */
static inline void deliver(isomm__csvin *in, const char *s, size_t len, long line)
{
    if (in->f.nfields == 0)
        in->f.row_line = line;
    if (in->on_field && in->f.expect_fields) {
        size_t index = in->f.nfields++;
        in->f.row_bytes += len;
        in->on_field(in->f.ctx, index, s, len, line);
    } else if (store_field(in, s, len, line)) {
        fail_call(in, ISOMM_ENOMEM, "out of memory reading CSV%s", "");
    }
}

/* A field over the limit: len bytes, or 0 when it is still being read (more than the limit).
 * Header fields have a limit of their own, so that the header (up to ISOMM__CSV_MAX_COLUMNS
 * fields) never holds more than ISOMM__CSV_MAX_COLUMNS * ISOMM__CSV_MAX_NAME_BYTES bytes. */
static void report_long_field(isomm__csvin *in, long line, long column, size_t len)
{
    char size[48] = "";
    if (len)
        snprintf(size, sizeof size, " (%zu bytes)", len);
    if (!in->f.expect_fields)
        isomm__csvin_report(in, 1, ISOMM_ELIMIT, line, column,
                            "header field %ld is longer than %d bytes%s (expected a column name such as role, "
                            "sourcing or level)%s",
                            column, ISOMM__CSV_MAX_NAME_BYTES, size,
                            in->parser.quoted ? "; is a closing double quote missing?" : "");
    else
        isomm__csvin_report(in, 1, ISOMM_ELIMIT, line, column,
                            "field %ld is longer than the limit of %zu bytes%s (max_field_bytes)%s", column,
                            in->max_field, size, in->parser.quoted ? "; is a closing double quote missing?" : "");
}

/* A field that is not plain ASCII, or of a row with a problem, or the input has stopped. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void field_slow(isomm__csvin *in, const unsigned char *s, size_t len, size_t i)
{
    const char *data = (const char *)s;
    long line = in->f.line, lines = 0;
    long column = (long)in->f.nfields + 1;
    size_t bad = 0;
    int scan = SCAN_OK;
    if (in->stop)
        return;
    if (i < len) {
        scan = scan_field(s, len, &lines, &bad);
        in->f.line += lines;
    }
    if (in->row_bad) {
        in->f.nfields++;
        return;
    }
    if (len > in->field_limit)
        report_long_field(in, line, column, len);
    else if (scan == SCAN_NUL)
        isomm__csvin_report(in, !in->f.expect_fields, ISOMM_EPARSE, line, column,
                            "field %ld holds a NUL byte at byte %zu (expected text without NUL bytes)", column,
                            bad + 1);
    else if (scan == SCAN_UTF8)
        isomm__csvin_report(in, !in->f.expect_fields, ISOMM_EENCODING, line, column,
                            "field %ld is not valid UTF-8 (byte 0x%02X at byte %zu); if the file was saved as "
                            "Shift_JIS/CP932 (Excel \"CSV\"), read it with the CP932 encoding",
                            column, (unsigned)s[bad], bad + 1);
    else if (in->f.expect_fields && in->f.nfields >= in->f.expect_fields)
        isomm__csvin_report(in, 0, ISOMM_EPARSE, line, column,
                            "too many fields: field %ld found, the header has %zu columns", column,
                            in->f.expect_fields);
    else if (!in->f.expect_fields && in->f.nfields >= ISOMM__CSV_MAX_COLUMNS)
        isomm__csvin_report(in, 1, ISOMM_ELIMIT, line, column, "more than %d columns in the header",
                            ISOMM__CSV_MAX_COLUMNS);
    else {
        deliver(in, data, len, line);
        return;
    }
    in->f.nfields++;
}

void isomm__csvin_field(void *data, size_t len, void *userdata)
{
    isomm__csvin *in = userdata;
    const unsigned char *s = data;
    size_t i;
    /* the common case: printable ASCII in a row without problems (fast_fields is 0 once a
     * problem has been reported in the row or the input stopped) */
    for (i = 0; i < len && s[i] >= 0x20 && s[i] < 0x80; i++)
        ;
    if (i == len && in->f.nfields < in->f.fast_fields && len <= in->field_limit)
        deliver(in, data, len, in->f.line);
    else
        field_slow(in, s, len, i);
}

static void end_row(isomm__csvin *in)
{
    isomm__csvrow row;
    size_t i;
    if (!in->row_bad && in->f.nfields && in->f.row_bytes) {
        if (in->f.expect_fields && in->f.nfields < in->f.expect_fields) {
            isomm__csvin_report(in, 0, ISOMM_EPARSE, in->f.row_line, (long)in->f.nfields + 1,
                                "too few fields: %zu found, the header has %zu columns", in->f.nfields,
                                in->f.expect_fields);
        } else if (in->on_row) {
            int stored = !(in->on_field && in->f.expect_fields);
            for (i = 0; stored && i < in->f.nfields; i++)
                in->fptr[i] = in->flen[i] ? in->arena.data + in->off[i] : "";
            row.count = in->f.nfields;
            row.field = stored ? in->fptr : NULL;
            row.len = stored ? in->flen : NULL;
            row.line = stored ? in->fline : NULL;
            if (in->on_row(in->f.ctx, &row))
                in->stop = 1;
        }
    }
    in->f.nfields = 0;
    in->arena.len = 0;
    in->row_bad = 0;
    in->f.row_bytes = 0;
    in->f.fast_fields = in->stop ? 0 : in->f.expect_fields ? in->f.expect_fields : ISOMM__CSV_MAX_COLUMNS;
}

static void on_row(int c, void *userdata)
{
    isomm__csvin *in = userdata;
    int had_fields = in->f.nfields > 0;
    if (in->stop)
        return;
    if (had_fields)
        end_row(in);
    if (c == '\r') {
        in->f.line++;
        in->prev_cr = 1;
    } else if (c == '\n') {
        if (!(in->prev_cr && !had_fields))
            in->f.line++;
        in->prev_cr = 0;
    }
}

void isomm__csvin_free(isomm__csvin *in)
{
    if (!in)
        return;
    if (in->parser_ready)
        csv_free(&in->parser);
    if (in->own_fp && in->fp)
        fclose(in->fp);
    if (in->convert)
        iconv_close(in->cd);
    free(in->chunk);
    free(in->conv);
    free(in->raw);
    isomm__buf_free(&in->arena);
    free(in->off);
    free(in->flen);
    free(in->fline);
    free(in->fptr);
    free(in);
}

int isomm__csvin_new(isomm__csvin **out, const isomm_csv_options *opts, FILE *fp, int own_fp,
                     isomm_read_fn fn, void *userdata, const char *data, size_t len, isomm_error *err)
{
    isomm__csvin *in = calloc(1, sizeof *in);
    *out = NULL;
    if (!in) {
        if (own_fp && fp)
            fclose(fp);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory creating a CSV reader");
    }
    in->fp = fp;
    in->own_fp = own_fp;
    in->fn = fn;
    in->userdata = userdata;
    in->mem = data;
    in->mem_len = len;
    in->max_field = opts->max_field_bytes;
    in->field_limit = in->max_field < ISOMM__CSV_MAX_NAME_BYTES ? in->max_field : ISOMM__CSV_MAX_NAME_BYTES;
    in->f.line = 1;
    in->field_cb = isomm__csvin_field;
    in->f.fast_fields = ISOMM__CSV_MAX_COLUMNS;
    if (csv_init(&in->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        goto nomem;
    in->parser_ready = 1;
    if ((fp || fn) && !(in->chunk = malloc(CHUNK_BYTES)))
        goto nomem;
    if (opts->encoding == ISOMM_ENCODING_CP932) {
        in->cd = iconv_open("UTF-8", "CP932");
        if (in->cd == (iconv_t)-1) {
            int e = errno;
            isomm__csvin_free(in);
            if (e == ENOMEM)
                return isomm__fail(err, ISOMM_ENOMEM, "out of memory opening the CP932 converter (iconv: %s)",
                                   strerror(e));
            return isomm__fail(err, ISOMM_EENCODING, "the C library cannot convert CP932 to UTF-8 (iconv: %s)",
                               strerror(e));
        }
        in->convert = 1;
        in->bom_done = 1;
        if (!(in->conv = malloc(CONV_BYTES)) || !(in->raw = malloc(CHUNK_BYTES + sizeof in->pending)))
            goto nomem;
    }
    *out = in;
    return ISOMM_OK;
nomem:
    isomm__csvin_free(in);
    return isomm__fail(err, ISOMM_ENOMEM, "out of memory creating a CSV reader");
}

/* Lines inside the field libcsv is still accumulating, to place a problem found in it. */
static long partial_lines(isomm__csvin *in)
{
    long lines = 0;
    size_t bad;
    if (in->parser.entry_buf && in->parser.entry_pos)
        scan_field(in->parser.entry_buf, in->parser.entry_pos, &lines, &bad);
    return lines;
}

static void parse(isomm__csvin *in, const char *s, size_t n)
{
    size_t done;
    long column;
    if (!n || in->stop)
        return;
    done = csv_parse(&in->parser, s, n, in->field_cb, on_row, in);
    if (in->stop)
        return;
    column = (long)in->f.nfields + 1;
    /* the limit first: a field already too long is refused whatever follows it, so that the
     * error does not depend on how the input was split into reads */
    if (in->parser.entry_pos > in->field_limit) {
        report_long_field(in, in->f.line, column, 0);
    } else if (done < n && csv_error(&in->parser) == CSV_EPARSE) {
        const char *what = in->parser.quoted
                               ? "text after the closing quote of a quoted field (a quote inside a quoted field "
                                 "must be doubled: \"\")"
                               : "a double quote inside an unquoted field (enclose the field in double quotes "
                                 "and double the inner quote)";
        isomm__csvin_report(in, 1, ISOMM_EPARSE, in->f.line + partial_lines(in), column,
                            "malformed CSV in field %ld: %s", column, what);
    } else if (done < n) {
        fail_call(in, ISOMM_ENOMEM, "out of memory parsing CSV (%s)", csv_strerror(csv_error(&in->parser)));
    }
}

/* Drop a UTF-8 byte-order mark at the very start, even when it comes in pieces. */
static void feed_text(isomm__csvin *in, const char *s, size_t n)
{
    static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
    while (!in->bom_done && n) {
        if ((unsigned char)*s != bom[in->bom_len]) {
            in->bom_done = 1;
            parse(in, (const char *)in->bom, in->bom_len);
            break;
        }
        in->bom[in->bom_len++] = (unsigned char)*s;
        s++;
        n--;
        if (in->bom_len == 3)
            in->bom_done = 1;
    }
    parse(in, s, n);
}

/* Convert CP932 input (a character may be split across reads) and parse the UTF-8. */
static void feed(isomm__csvin *in, const char *s, size_t n)
{
    char *ip, *op;
    size_t il, ol, r;
    int e;
    if (!in->convert) {
        feed_text(in, s, n);
        return;
    }
    memcpy(in->raw, in->pending, in->pending_len);
    memcpy(in->raw + in->pending_len, s, n);
    ip = in->raw;
    il = in->pending_len + n;
    op = in->conv;
    ol = CONV_BYTES;
    in->pending_len = 0;
    r = iconv(in->cd, &ip, &il, &op, &ol);
    e = errno;
    feed_text(in, in->conv, (size_t)(op - in->conv));
    if (r != (size_t)-1 || in->stop)
        return;
    if (e == EINVAL && il < sizeof in->pending) {
        memcpy(in->pending, ip, il);
        in->pending_len = il;
    } else {
        /* the line where the field holding the byte begins, as for UTF-8 input */
        isomm__csvin_report(in, 1, ISOMM_EENCODING, in->f.line, (long)in->f.nfields + 1,
                            "the input is not valid CP932 (Shift_JIS) text (byte 0x%02X in field %ld)",
                            (unsigned)(unsigned char)*ip, (long)in->f.nfields + 1);
    }
}

/* Read one piece of input; returns the bytes read, 0 at the end, -1 after a read error. */
static long read_chunk(isomm__csvin *in, const char **data)
{
    long got;
    if (in->mem || (!in->fp && !in->fn)) {
        size_t n = in->mem_len - in->mem_pos;
        if (n > CHUNK_BYTES)
            n = CHUNK_BYTES;
        *data = in->mem + in->mem_pos;
        in->mem_pos += n;
        return (long)n;
    }
    *data = in->chunk;
    if (in->fp) {
        got = (long)fread(in->chunk, 1, CHUNK_BYTES, in->fp);
        if (got == 0 && ferror(in->fp)) {
            fail_call(in, ISOMM_EIO, "cannot read the CSV input: %s", strerror(errno));
            return -1;
        }
        return got;
    }
    got = in->fn(in->userdata, in->chunk, CHUNK_BYTES);
    if (got < 0 || got > CHUNK_BYTES) {
        fail_call(in, ISOMM_EIO, "the CSV input callback reported a read error%s", "");
        return -1;
    }
    return got;
}

int isomm__csvin_pump(isomm__csvin *in)
{
    const char *data;
    long got;
    if (in->stop)
        return in->first.code ? in->first.code : ISOMM_EIO;
    if (in->finished)
        return 0;
    got = read_chunk(in, &data);
    if (got > 0)
        feed(in, data, (size_t)got);
    else if (got == 0) {
        if (!in->bom_done) {
            in->bom_done = 1;
            parse(in, (const char *)in->bom, in->bom_len);
        }
        if (!in->stop && in->pending_len)
            isomm__csvin_report(in, 1, ISOMM_EENCODING, in->f.line, (long)in->f.nfields + 1,
                                "the input ends inside a CP932 (Shift_JIS) character");
        if (!in->stop && csv_fini(&in->parser, in->field_cb, on_row, in) != 0 && !in->stop)
            isomm__csvin_report(in, 1, ISOMM_EPARSE, in->f.line, (long)in->f.nfields + 1,
                                "unterminated quoted field: field %ld opens a double quote that is never closed",
                                (long)in->f.nfields + 1);
        in->finished = 1;
    }
    if (in->stop)
        return in->first.code ? in->first.code : ISOMM_EIO;
    return in->finished ? 0 : 1;
}
