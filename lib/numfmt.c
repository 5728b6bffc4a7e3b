/* SPDX-License-Identifier: MIT */
/* Locale-free numbers: printf and strtod run in the "C" locale of the calling thread only. */
#define _POSIX_C_SOURCE 200809L
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"

/* Switch the calling thread to the "C" locale; (locale_t)0 when it cannot be had. The previous
 * locale goes to *before. (glibc hands out its static "C" object here without allocating.) */
static locale_t enter_c(locale_t *before)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (c != (locale_t)0)
        *before = uselocale(c);
    return c;
}

static void leave_c(locale_t c, locale_t before)
{
    uselocale(before);
    freelocale(c);
}

int isomm__vsnprintf_c(char *dst, size_t cap, const char *fmt, va_list ap)
{
    locale_t before, c = enter_c(&before);
    int n;
    if (c == (locale_t)0) {
        if (cap)
            dst[0] = '\0';
        return -1;
    }
    n = vsnprintf(dst, cap, fmt, ap);
    leave_c(c, before);
    return n;
}

int isomm__snprintf_c(char *dst, size_t cap, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = isomm__vsnprintf_c(dst, cap, fmt, ap);
    va_end(ap);
    return n;
}

size_t isomm__fmt_double(char out[ISOMM__DOUBLE_CHARS], double v)
{
    locale_t before, c;
    int precision;
    size_t n;
    if (isnan(v))
        return (size_t)snprintf(out, ISOMM__DOUBLE_CHARS, "nan");
    if (isinf(v))
        return (size_t)snprintf(out, ISOMM__DOUBLE_CHARS, "%sinf", v < 0 ? "-" : "");
    if ((c = enter_c(&before)) == (locale_t)0) {
        out[0] = '\0';
        return 0;
    }
    for (precision = 1; precision < 17; precision++) {
        snprintf(out, ISOMM__DOUBLE_CHARS, "%.*g", precision, v);
        if (strtod(out, NULL) == v)
            break;
    }
    if (precision == 17)
        snprintf(out, ISOMM__DOUBLE_CHARS, "%.17g", v);
    leave_c(c, before);
    n = strlen(out);
    /* keep a decimal point so that JSON readers see a float ("3.0", not "3") */
    if (!strpbrk(out, ".e")) {
        memcpy(out + n, ".0", 3);
        n += 2;
    }
    return n;
}

size_t isomm__fmt_fixed(char out[ISOMM__DOUBLE_CHARS], double v, int decimals)
{
    int n;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 17)
        decimals = 17;
    if (!(fabs(v) < 1e20))
        return isomm__fmt_double(out, v);
    n = isomm__snprintf_c(out, ISOMM__DOUBLE_CHARS, "%.*f", decimals, v);
    return n < 0 ? 0 : (size_t)n;
}
