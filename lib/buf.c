/* SPDX-License-Identifier: MIT */
/* Growable byte buffer (see buf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "numfmt.h"

int isomm__buf_reserve(isomm_buf *b, size_t extra)
{
    size_t need, cap;
    char *data;
    if (b->failed)
        return 0;
    if (extra > (size_t)-1 - b->len - 1) {
        b->failed = 1;
        return 0;
    }
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    data = realloc(b->data, cap);
    if (!data) {
        b->failed = 1;
        return 0;
    }
    b->data = data;
    b->cap = cap;
    return 1;
}

void isomm__buf_append_slow(isomm_buf *b, const char *s, size_t n)
{
    if (!isomm__buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Whether a printf format converts a floating-point number (%f, %e, %g, %a), the only
 * conversions whose text follows LC_NUMERIC; %d, %s, %x and the rest never do. */
static int converts_float(const char *fmt)
{
    while ((fmt = strchr(fmt, '%')) != NULL) {
        /* skip flags, width, precision and length to the conversion */
        do
            fmt++;
        while ((*fmt >= '0' && *fmt <= '9') || *fmt == '-' || *fmt == '+' || *fmt == ' ' || *fmt == '#' ||
               *fmt == '.' || *fmt == '*' || *fmt == 'h' || *fmt == 'l' || *fmt == 'L' || *fmt == 'q' ||
               *fmt == 'j' || *fmt == 'z' || *fmt == 't');
        switch (*fmt) {
        case '\0': return 0;
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': return 1;
        default: fmt++;
        }
    }
    return 0;
}

/* Format into the room left, and once more after growing when it did not fit. Formats with a
 * floating-point conversion run in the "C" locale (numfmt.h); others need no locale switch. */
void isomm__buf_printf(isomm_buf *b, const char *fmt, ...)
{
    int in_c = converts_float(fmt), n;
    va_list ap;
    size_t room;

    if (!isomm__buf_reserve(b, 64))
        return;
    room = b->cap - b->len;
    va_start(ap, fmt);
    n = in_c ? isomm__vsnprintf_c(b->data + b->len, room, fmt, ap) : vsnprintf(b->data + b->len, room, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n >= room) {
        if (!isomm__buf_reserve(b, (size_t)n))
            return;
        va_start(ap, fmt);
        n = in_c ? isomm__vsnprintf_c(b->data + b->len, (size_t)n + 1, fmt, ap)
                 : vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (n < 0) {
        b->failed = 1;
        b->data[b->len] = '\0';
        return;
    }
    b->len += (size_t)n;
}

void isomm__buf_double(isomm_buf *b, double v)
{
    char tmp[ISOMM__DOUBLE_CHARS];
    size_t n = isomm__fmt_double(tmp, v);
    if (n)
        isomm__buf_append(b, tmp, n);
    else
        b->failed = 1;
}

void isomm__buf_fixed(isomm_buf *b, double v, int decimals)
{
    char tmp[ISOMM__DOUBLE_CHARS];
    size_t n = isomm__fmt_fixed(tmp, v, decimals);
    if (n)
        isomm__buf_append(b, tmp, n);
    else
        b->failed = 1;
}

/* Bytes a JSON string or XML text cannot hold as they are: 1 for JSON (quote, backslash,
 * controls), 2 for XML (& < > " ' and the controls XML 1.0 forbids), 3 for both. Tab, LF and CR
 * are JSON-only. Runs of other bytes are copied in one go. */
static const unsigned char special[256] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    0, 0, 3, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

void isomm__buf_json_string(isomm_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *run;

    isomm__buf_putc(b, '"');
    for (;;) {
        for (run = p; !(special[*p] & 1); p++)
            ;
        if (p > run)
            isomm__buf_append(b, (const char *)run, (size_t)(p - run));
        if (!*p)
            break;
        switch (*p) {
        case '"': isomm__buf_append(b, "\\\"", 2); break;
        case '\\': isomm__buf_append(b, "\\\\", 2); break;
        case '\n': isomm__buf_append(b, "\\n", 2); break;
        case '\r': isomm__buf_append(b, "\\r", 2); break;
        case '\t': isomm__buf_append(b, "\\t", 2); break;
        default: {
            static const char hex[] = "0123456789abcdef";
            char u[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15] };
            isomm__buf_append(b, u, 6);
        }
        }
        p++;
    }
    isomm__buf_putc(b, '"');
}

void isomm__buf_xml_n(isomm_buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *run;

    while (p < end) {
        for (run = p; p < end && !(special[*p] & 2); p++)
            ;
        if (p > run)
            isomm__buf_append(b, (const char *)run, (size_t)(p - run));
        if (p == end)
            break;
        switch (*p) {
        case '&': isomm__buf_append(b, "&amp;", 5); break;
        case '<': isomm__buf_append(b, "&lt;", 4); break;
        case '>': isomm__buf_append(b, "&gt;", 4); break;
        case '"': isomm__buf_append(b, "&quot;", 6); break;
        case '\'': isomm__buf_append(b, "&#39;", 5); break;
        default: break; /* a control character XML 1.0 does not allow: left out */
        }
        p++;
    }
}

void isomm__buf_xml(isomm_buf *b, const char *s)
{
    isomm__buf_xml_n(b, s, strlen(s));
}

char *isomm__buf_take(isomm_buf *b, size_t *len)
{
    char *data;
    if (b->failed) {
        isomm__buf_free(b);
        return NULL;
    }
    if (!b->data && !isomm__buf_reserve(b, 0))
        return NULL;
    b->data[b->len] = '\0';
    data = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return data;
}

void isomm__buf_free(isomm_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}
