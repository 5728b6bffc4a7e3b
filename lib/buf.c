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

void isomm__buf_append(isomm_buf *b, const char *s, size_t n)
{
    if (!isomm__buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void isomm__buf_puts(isomm_buf *b, const char *s)
{
    isomm__buf_append(b, s, strlen(s));
}

void isomm__buf_putc(isomm_buf *b, char c)
{
    isomm__buf_append(b, &c, 1);
}

void isomm__buf_printf(isomm_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    int n;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    n = isomm__vsnprintf_c(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
    } else if (isomm__buf_reserve(b, (size_t)n)) {
        if (isomm__vsnprintf_c(b->data + b->len, (size_t)n + 1, fmt, ap2) == n)
            b->len += (size_t)n;
        else
            b->failed = 1;
    }
    va_end(ap2);
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

void isomm__buf_json_string(isomm_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    isomm__buf_putc(b, '"');
    for (; *p; p++) {
        switch (*p) {
        case '"': isomm__buf_puts(b, "\\\""); break;
        case '\\': isomm__buf_puts(b, "\\\\"); break;
        case '\n': isomm__buf_puts(b, "\\n"); break;
        case '\r': isomm__buf_puts(b, "\\r"); break;
        case '\t': isomm__buf_puts(b, "\\t"); break;
        default:
            if (*p < 0x20)
                isomm__buf_printf(b, "\\u%04x", *p);
            else
                isomm__buf_putc(b, (char)*p);
        }
    }
    isomm__buf_putc(b, '"');
}

void isomm__buf_xml_n(isomm_buf *b, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': isomm__buf_puts(b, "&amp;"); break;
        case '<': isomm__buf_puts(b, "&lt;"); break;
        case '>': isomm__buf_puts(b, "&gt;"); break;
        case '"': isomm__buf_puts(b, "&quot;"); break;
        case '\'': isomm__buf_puts(b, "&#39;"); break;
        default:
            /* XML 1.0 allows no control characters besides tab, LF and CR. */
            if ((unsigned char)s[i] >= 0x20 || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
                isomm__buf_putc(b, s[i]);
        }
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
