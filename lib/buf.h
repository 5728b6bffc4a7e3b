/* SPDX-License-Identifier: MIT */
/* Growable byte buffer used by every writer (CSV, reports, JSON, SVG). Private.
 * Errors are sticky: after a failed allocation every append is a no-op and buf->failed stays
 * set, so callers append freely and check once at the end. */
#ifndef ISOMM_BUF_H
#define ISOMM_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct isomm_buf {
    char *data;   /* always NUL-terminated when len > 0 or after isomm__buf_take */
    size_t len;
    size_t cap;
    int failed;   /* an allocation failed */
} isomm_buf;

#define ISOMM_BUF_INIT { NULL, 0, 0, 0 }

/* Append n bytes. Inline: every writer appends small pieces all the time, and the common case
 * (room left) is a copy; growing and the sticky failure go through the out-of-line path. */
void isomm__buf_append_slow(isomm_buf *b, const char *s, size_t n);
static inline void isomm__buf_append(isomm_buf *b, const char *s, size_t n)
{
    if (b->cap - b->len > n && !b->failed) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    isomm__buf_append_slow(b, s, n);
}
/* Inline so that the length of a constant text is known when it is compiled. */
static inline void isomm__buf_puts(isomm_buf *b, const char *s)
{
    isomm__buf_append(b, s, strlen(s));
}
static inline void isomm__buf_putc(isomm_buf *b, char c)
{
    isomm__buf_append(b, &c, 1);
}
/* printf-style append; numbers (%f, %g, %e) are written in the "C" locale whatever the
 * process locale (see numfmt.h). */
void isomm__buf_printf(isomm_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append a decimal integer (no printf, no locale). */
static inline void isomm__buf_int(isomm_buf *b, long long v)
{
    char digits[24], *p = digits + sizeof digits;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    isomm__buf_append(b, p, (size_t)(digits + sizeof digits - p));
}
/* Append a double in the shortest form that reads back to the same value ("3.0",
 * "2.6666666666666665"), locale-free. */
void isomm__buf_double(isomm_buf *b, double v);
/* Append v with `decimals` digits after the point ("2.7" for 1), locale-free. */
void isomm__buf_fixed(isomm_buf *b, double v, int decimals);
/* Append s as JSON string contents with quotes (escapes ", \, control characters). */
void isomm__buf_json_string(isomm_buf *b, const char *s);
/* Append s with XML/HTML special characters (& < > " ') escaped and the control characters
 * XML 1.0 forbids (all below 0x20 except tab, LF, CR) left out. */
void isomm__buf_xml(isomm_buf *b, const char *s);
/* The same for the first n bytes of s. */
void isomm__buf_xml_n(isomm_buf *b, const char *s, size_t n);
/* Make room for `extra` more bytes and a NUL; 0 when an allocation failed (sticky). */
int isomm__buf_reserve(isomm_buf *b, size_t extra);

/* Store a copy of the n bytes of s followed by a NUL, so that the buffer holds texts one after
 * another (b->len counts each NUL); returns the copy's offset in b->data, or ISOMM__BUF_FAILED
 * when an allocation failed. Empty the buffer for the next batch with b->len = 0.
 * Inline: the CSV reader stores a text for every note it reads. */
#define ISOMM__BUF_FAILED ((size_t)-1)
static inline size_t isomm__buf_add_text(isomm_buf *b, const char *s, size_t n)
{
    size_t off = b->len;
    /* room for the text, its NUL and the NUL that keeps the buffer terminated */
    if ((b->failed || n > ((size_t)-1 >> 2) || b->cap - off < n + 2) && !isomm__buf_reserve(b, n + 1))
        return ISOMM__BUF_FAILED;
    memcpy(b->data + off, s, n);
    b->data[off + n] = '\0';
    b->len = off + n + 1;
    b->data[b->len] = '\0';
    return off;
}
/* Hand over the NUL-terminated data (caller frees with free()); the buffer is reset.
 * Returns NULL if an allocation failed earlier. */
char *isomm__buf_take(isomm_buf *b, size_t *len);
void isomm__buf_free(isomm_buf *b);

#endif
