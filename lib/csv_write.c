/* SPDX-License-Identifier: MIT */
/* Assessment CSV writing (the format read by csv_read.c), the template, and the helpers every
 * CSV writer shares: quoting, CP932 output, replacing a file safely. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"

/* Flush the stream buffer to the output at this size, so writing any number of assessments
 * to a stream takes bounded memory. */
#define FLUSH_BYTES 65536

static const char utf8_bom[] = "\xEF\xBB\xBF";

int isomm__csv_formula_like(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == '\'')
        i++;
    return i < len && strchr("=+-@\t\r", s[i]) != NULL;
}

/* A field, after one apostrophe when `apostrophe` is set. */
static void put_field(isomm_buf *b, const char *s, int apostrophe)
{
    size_t n = strlen(s);
    const char *p;
    if (n == 0)
        return;
    if (s[strcspn(s, ",\"\r\n")] == '\0' && s[0] != ' ' && s[0] != '\t' && s[n - 1] != ' '
        && s[n - 1] != '\t') {
        if (apostrophe)
            isomm__buf_putc(b, '\'');
        isomm__buf_append(b, s, n);
        return;
    }
    isomm__buf_putc(b, '"');
    if (apostrophe)
        isomm__buf_putc(b, '\'');
    while ((p = strchr(s, '"')) != NULL) {
        isomm__buf_append(b, s, (size_t)(p - s) + 1);
        isomm__buf_putc(b, '"');
        s = p + 1;
    }
    isomm__buf_puts(b, s);
    isomm__buf_putc(b, '"');
}

void isomm__csv_put_field(isomm_buf *b, const char *s)
{
    put_field(b, s, 0);
}

/* A text field; for a spreadsheet (spreadsheet != 0) one that a spreadsheet would take for a
 * formula gets an apostrophe first (INTERFACES.md section 1). */
static void put_text(isomm_buf *b, const char *s, int spreadsheet)
{
    put_field(b, s, spreadsheet && isomm__csv_formula_like(s, strlen(s)));
}

/* Convert UTF-8 text to CP932 into a new buffer. */
static int to_cp932(const char *text, size_t len, char **out, size_t *out_len, isomm_error *err)
{
    iconv_t cd = iconv_open("CP932", "UTF-8");
    char *ip = (char *)text, *op, *res;
    size_t il = len, ol = len + 1;
    if (cd == (iconv_t)-1)
        return isomm__fail(err, errno == ENOMEM ? ISOMM_ENOMEM : ISOMM_EENCODING,
                           "the C library cannot convert UTF-8 to CP932 (iconv: %s)", strerror(errno));
    if (!(res = malloc(len + 1))) {
        iconv_close(cd);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory converting to CP932");
    }
    op = res;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
        size_t at = (size_t)(ip - text);
        iconv_close(cd);
        free(res);
        return isomm__fail(err, ISOMM_EENCODING, "the text '%.*s' has a character with no CP932 (Shift_JIS) form "
                           "(write UTF-8 instead)", isomm__csv_clip(ip, len - at, 40), ip);
    }
    iconv_close(cd);
    *op = '\0';
    *out = res;
    *out_len = (size_t)(op - res);
    return ISOMM_OK;
}

int isomm__csv_flush(isomm_buf *b, FILE *fp, isomm_output *o, isomm_encoding enc, isomm_error *err)
{
    const char *data = b->data;
    char *conv = NULL;
    size_t len = b->len;
    int rc = ISOMM_OK;
    if (b->failed)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory writing CSV");
    if (!len)
        return ISOMM_OK;
    if (enc == ISOMM_ENCODING_CP932) {
        rc = to_cp932(b->data, b->len, &conv, &len, err);
        data = conv;
    }
    if (!rc && o)
        rc = isomm_output_write(o, data, len, err);
    else if (!rc && fwrite(data, 1, len, fp) != len)
        rc = isomm__fail(err, ISOMM_EIO, "cannot write CSV: %s", strerror(errno));
    free(conv);
    b->len = 0;
    return rc;
}

int isomm__csv_take(isomm_buf *b, char **out, size_t *len, isomm_encoding enc, isomm_error *err)
{
    char *text;
    size_t n;
    int rc = ISOMM_OK;
    if (!(text = isomm__buf_take(b, &n)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory writing CSV");
    if (enc == ISOMM_ENCODING_CP932) {
        char *conv;
        rc = to_cp932(text, n, &conv, &n, err);
        free(text);
        text = rc ? NULL : conv;
    }
    if (!rc) {
        *out = text;
        *len = n;
    }
    return rc;
}

/* One assessment: 54 rows, id on each, other metadata on the first. */
static void put_assessment(isomm_buf *b, const isomm_assessment *a, int spreadsheet)
{
    const char *id = isomm_assessment_meta(a, ISOMM_META_ID);
    int i, m;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        put_text(b, id, spreadsheet);
        if (i == 0) {
            for (m = ISOMM_META_ORGANIZATION; m < ISOMM_META_COUNT; m++) {
                isomm__buf_putc(b, ',');
                put_text(b, a->meta[m] ? a->meta[m] : "", spreadsheet);
            }
            isomm__buf_putc(b, ',');
            isomm__buf_puts(b, a->current == ISOMM_PATTERN_NONE ? "" : isomm_pattern_id(a->current));
            isomm__buf_putc(b, ',');
            isomm__buf_puts(b, a->target == ISOMM_PATTERN_NONE ? "" : isomm_pattern_id(a->target));
        } else {
            isomm__buf_append(b, ",,,,,", 5);
        }
        isomm__buf_putc(b, ',');
        isomm__buf_puts(b, a->model->roles[i].code);
        isomm__buf_putc(b, ',');
        if (a->level[i] != ISOMM_UNANSWERED) {
            isomm__buf_puts(b, isomm_sourcing_id((isomm_sourcing)a->sourcing[i]));
            isomm__buf_putc(b, ',');
            isomm__buf_putc(b, (char)('0' + a->level[i]));
        } else {
            isomm__buf_putc(b, ',');
        }
        isomm__buf_putc(b, ',');
        if (isomm__note(a, i))
            put_text(b, isomm__note(a, i), spreadsheet);
        isomm__buf_putc(b, '\n');
    }
}

static int check_list(isomm_assessment *const *list, size_t count, isomm_error *err)
{
    size_t i;
    if (!list && count)
        return isomm__fail(err, ISOMM_EINVAL, "the list of assessments must not be NULL");
    for (i = 0; i < count; i++)
        if (!list[i])
            return isomm__fail(err, ISOMM_EINVAL, "assessment %zu of the list is NULL", i);
    return ISOMM_OK;
}

/* Write assessments to fp or to the output `to` (when not NULL), or else into *out. */
static int write_assessments(FILE *fp, isomm_output *to, char **out, size_t *len, isomm_assessment *const *list,
                             size_t count, const isomm_csv_options *opts, isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;
    isomm_csv_options o;
    size_t i;
    int rc = isomm__csv_options(&o, opts, err);
    if (!rc)
        rc = check_list(list, count, err);
    if (rc)
        return rc;
    if (o.write_bom)
        isomm__buf_puts(&b, utf8_bom);
    isomm__buf_puts(&b, "assessment,organization,assessor,date,current_pattern,target_pattern,role,sourcing,level,note\n");
    for (i = 0; i < count && !rc; i++) {
        put_assessment(&b, list[i], o.write_bom);
        if ((fp || to) && b.len >= FLUSH_BYTES)
            rc = isomm__csv_flush(&b, fp, to, o.encoding, err);
    }
    if (!rc)
        rc = fp || to ? isomm__csv_flush(&b, fp, to, o.encoding, err) : isomm__csv_take(&b, out, len, o.encoding, err);
    if (!rc && fp && fflush(fp) != 0)
        rc = isomm__fail(err, ISOMM_EIO, "cannot write CSV: %s", strerror(errno));
    isomm__buf_free(&b);
    return rc;
}

int isomm_csv_write_fp(FILE *fp, isomm_assessment *const *list, size_t count, const isomm_csv_options *opts,
                       isomm_error *err)
{
    if (!fp)
        return isomm__fail(err, ISOMM_EINVAL, "stream must not be NULL");
    return write_assessments(fp, NULL, NULL, NULL, list, count, opts, err);
}

int isomm_csv_write_buffer(char **out, size_t *len, isomm_assessment *const *list, size_t count,
                           const isomm_csv_options *opts, isomm_error *err)
{
    if (!out || !len)
        return isomm__fail(err, ISOMM_EINVAL, "output and length must not be NULL");
    *out = NULL;
    *len = 0;
    return write_assessments(NULL, NULL, out, len, list, count, opts, err);
}

int isomm_csv_write_file(const char *path, isomm_assessment *const *list, size_t count,
                         const isomm_csv_options *opts, isomm_error *err)
{
    isomm_csv_options o;
    isomm_output *to;
    int rc;
    if (!path)
        return isomm__fail(err, ISOMM_EINVAL, "path must not be NULL");
    if ((rc = isomm__csv_options(&o, opts, err)) || (rc = check_list(list, count, err)))
        return rc;
    if ((rc = isomm_output_open(&to, path, err)) != ISOMM_OK)
        return rc;
    if ((rc = write_assessments(NULL, to, NULL, NULL, list, count, &o, err)) != ISOMM_OK) {
        isomm_output_discard(to);
        return rc;
    }
    return isomm_output_commit(to, err);
}

static int write_template(FILE *fp, char **out, size_t *len, const isomm_csv_options *opts, isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;
    isomm_csv_options o;
    int i, rc = isomm__csv_options(&o, opts, err);
    if (rc)
        return rc;
    if (o.write_bom)
        isomm__buf_puts(&b, utf8_bom);
    isomm__buf_puts(&b, "assessment,organization,assessor,date,current_pattern,target_pattern,role,name,sourcing,"
                        "level,note\n");
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_info *r = isomm_model_role(o.model, i);
        isomm__buf_puts(&b, ",,,,,,");
        isomm__buf_puts(&b, r->code);
        isomm__buf_putc(&b, ',');
        put_text(&b, isomm_role_name(r, o.lang), o.write_bom);
        isomm__buf_puts(&b, ",,,\n");
    }
    if (!fp)
        rc = isomm__csv_take(&b, out, len, o.encoding, err);
    else if (!(rc = isomm__csv_flush(&b, fp, NULL, o.encoding, err)) && fflush(fp) != 0)
        rc = isomm__fail(err, ISOMM_EIO, "cannot write CSV: %s", strerror(errno));
    isomm__buf_free(&b);
    return rc;
}

int isomm_csv_write_template(FILE *fp, const isomm_csv_options *opts, isomm_error *err)
{
    if (!fp)
        return isomm__fail(err, ISOMM_EINVAL, "stream must not be NULL");
    return write_template(fp, NULL, NULL, opts, err);
}

int isomm_csv_write_template_buffer(char **out, size_t *len, const isomm_csv_options *opts, isomm_error *err)
{
    if (!out || !len)
        return isomm__fail(err, ISOMM_EINVAL, "output and length must not be NULL");
    *out = NULL;
    *len = 0;
    return write_template(NULL, out, len, opts, err);
}
