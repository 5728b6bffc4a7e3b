/* SPDX-License-Identifier: MIT */
/* Private CSV machinery shared by the assessment and model CSV readers and writers.
 *
 * The row layer (lib/csv_in.c) turns bytes into rows of fields: it pulls input from a file,
 * a stream, a callback or memory, converts CP932 when asked, drops a UTF-8 byte-order mark
 * (even one split across reads), runs libcsv in strict mode, counts lines (libcsv counts none),
 * checks every field for NUL bytes and invalid UTF-8, enforces the field size limit and the
 * field count, and hands each complete non-blank row to a handler. Problems go through
 * isomm__csvin_report(), which stops at the first one or collects them (validation). */
#ifndef ISOMM_CSVIO_H
#define ISOMM_CSVIO_H

#include <stdio.h>

#include "buf.h"
#include "internal.h"

/* One row handed to a row handler. Fields are NUL-terminated copies valid during the call
 * (NULL when a field handler took the fields). */
typedef struct isomm__csvrow {
    size_t count;             /* number of fields */
    const char *const *field; /* field texts */
    const size_t *len;        /* field lengths in bytes */
    const long *line;         /* line where each field begins */
} isomm__csvrow;

typedef struct isomm__csvin isomm__csvin;

/* Fields a header row may have before the input is refused (ISOMM_ELIMIT). */
#define ISOMM__CSV_MAX_COLUMNS 1024
/* Bytes a header field may have (spaces around the name included) before the input is refused
 * (ISOMM_ELIMIT): a refused header never costs more than 1 MiB. */
#define ISOMM__CSV_MAX_NAME_BYTES 1024

/* The part of the row layer's state that a custom field callback (isomm__csvin_field_callback)
 * reads and updates. It is the layer's first member: the callback's userdata points to it. */
typedef struct isomm__csvfast {
    size_t nfields;       /* fields of the current row so far */
    size_t fast_fields;   /* fields of this row that may skip the checks; 0 after a problem */
    size_t expect_fields; /* fields of every row after the header, 0 before it */
    size_t row_bytes;     /* bytes in the row's fields so far: 0 = blank row, skipped */
    long line;            /* line where the next field begins */
    long row_line;        /* line where the current row begins */
    void *ctx;            /* the handlers' context */
} isomm__csvfast;

/* The layer's own libcsv field callback: checks a field (line breaks, NUL, UTF-8, limits,
 * count) and hands it on. */
void isomm__csvin_field(void *data, size_t len, void *userdata);

/* Give libcsv another field callback. It may accept a field of a data row itself when
 * f->nfields < f->fast_fields and f->expect_fields, provided the field is short valid UTF-8 with
 * no NUL byte or line break: it then sets f->row_line (first field), increments f->nfields and adds len to
 * f->row_bytes. Every other field it passes to isomm__csvin_field(). */
void isomm__csvin_field_callback(isomm__csvin *in, void (*cb)(void *data, size_t len, void *userdata));

/* Row handler: returns 0 to go on, nonzero to stop the input (after reporting why). */
typedef int (*isomm__csv_row_fn)(void *ctx, const isomm__csvrow *row);

/* Check and complete options: NULL means defaults, 0 limits become the defaults. */
/* Make a streaming reader remember every assessment id, as the all-at-once readers do (for
 * callers that keep every assessment anyway, such as frames). */
void isomm__csv_reader_remember_ids(isomm_csv_reader *rd);

int isomm__csv_options(isomm_csv_options *out, const isomm_csv_options *in, isomm_error *err);

/* Create a row layer. Exactly one source: fp (closed at free when own_fp), fn, or data/len. */
int isomm__csvin_new(isomm__csvin **out, const isomm_csv_options *opts, FILE *fp, int own_fp,
                     isomm_read_fn fn, void *userdata, const char *data, size_t len, isomm_error *err);
void isomm__csvin_free(isomm__csvin *in);

/* Field handler: after the header, each clean field of a row goes to fn (index = field number
 * from 0) instead of being copied into the row, and the row handler then sees only the count
 * and the line. Problems go through isomm__csvin_report(), which stops the input when needed. */
typedef void (*isomm__csv_field_fn)(void *ctx, size_t index, const char *text, size_t len, long line);

/* Set the row handler, and optionally (field_fn not NULL) a field handler. */
void isomm__csvin_handler(isomm__csvin *in, isomm__csv_row_fn fn, isomm__csv_field_fn field_fn, void *ctx);

/* Collect problems instead of stopping at the first one (validation): each goes to fn (when not
 * NULL; a nonzero return stops the input), up to `limit` of them; one more stops the input and
 * marks it truncated. */
void isomm__csvin_collect(isomm__csvin *in, isomm_problem_fn fn, void *userdata, size_t limit);

/* Parse one more piece of input, calling the handler for each complete row.
 * Returns 1 while there is more input, 0 once the input has been read to its end, or the
 * stopping error code (also after a collected fatal problem or when the collection is full). */
int isomm__csvin_pump(isomm__csvin *in);

/* Report a problem at (line, column). Returns nonzero when the input must stop (always in
 * normal mode; in collecting mode when `fatal` or the collection is full). */
int isomm__csvin_report(isomm__csvin *in, int fatal, int code, long line, long column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* The first problem reported (code 0 when none); number of problems collected; whether the
 * collection stopped with problems left. */
const isomm_error *isomm__csvin_first(const isomm__csvin *in);
size_t isomm__csvin_count(const isomm__csvin *in);
int isomm__csvin_truncated(const isomm__csvin *in);
/* The line after the last line read (where an "end of input" problem is reported). */
long isomm__csvin_line(const isomm__csvin *in);

/* Shorten a value for a message: at most `max` bytes, cut on a UTF-8 character boundary.
 * Returns the number of bytes to print with "%.*s". */
int isomm__csv_clip(const char *s, size_t len, size_t max);

/* Match a header row against names[0..n) (spaces trimmed, ASCII case ignored): kind[i]
 * receives the name index of field i (-1 when unknown or repeated), col[k] the field of name k
 * (-1 when absent). Unknown and repeated names are reported as ISOMM_EHEADER and ignored; a
 * missing name with required[k] set ends the input. Later rows must have as many fields.
 * Returns nonzero when the input must stop. */
int isomm__csv_header(isomm__csvin *in, const isomm__csvrow *row, const char *const *names, int n,
                      const unsigned char *required, int *kind, int *col);

/* Whether a text would be a formula in a spreadsheet: after any apostrophes it begins with =, +,
 * -, @, a tab or a carriage return. A file with a byte-order mark (made for a spreadsheet)
 * holds such a text with one more apostrophe, which its reader removes (INTERFACES.md
 * section 1; the apostrophes before are counted so that any text comes back unchanged). */
int isomm__csv_formula_like(const char *s, size_t len);

/* Whether the input began with a UTF-8 byte-order mark. */
int isomm__csvin_had_bom(const isomm__csvin *in);

/* Append one field, quoted when it holds a comma, quote, line break, or leading/trailing
 * space or tab (which an unquoted field would lose). */
void isomm__csv_put_field(isomm_buf *b, const char *s);

/* Write what b holds to the output o, or to fp when o is NULL (converted to CP932 when asked),
 * and empty b. */
int isomm__csv_flush(isomm_buf *b, FILE *fp, isomm_output *o, isomm_encoding enc, isomm_error *err);
/* Hand b's text over through out/len (converted to CP932 when asked). Frees b. */
int isomm__csv_take(isomm_buf *b, char **out, size_t *len, isomm_encoding enc, isomm_error *err);

#endif
