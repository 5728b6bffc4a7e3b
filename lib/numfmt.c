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

/* Powers of ten that doubles hold exactly. */
static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                1e12, 1e13, 1e14, 1e15, 1e16, 1e17 };
#define EXACT_INTEGER 9007199254740992.0 /* 2^53: every integer below is a double */

/* Write the integer n (< 2^53) with `decimals` digits after a point ("12.5" for 125, 1), and a
 * minus sign first when `negative`; returns the length. No locale, no printf. */
static size_t put_scaled(char *out, unsigned long long n, int decimals, int negative)
{
    char digits[24];
    size_t nd = 0, len = 0;
    int i;

    do {
        digits[nd++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    while (nd <= (size_t)decimals)
        digits[nd++] = '0';
    if (negative)
        out[len++] = '-';
    for (i = (int)nd - 1; i >= 0; i--) {
        out[len++] = digits[i];
        if (i == decimals && decimals > 0)
            out[len++] = '.';
    }
    out[len] = '\0';
    return len;
}

/* Whether the text of v with `precision` significant digits reads back to v (in the "C" locale). */
static int round_trips(char *out, double v, int precision)
{
    snprintf(out, ISOMM__DOUBLE_CHARS, "%.*g", precision, v);
    return strtod(out, NULL) == v;
}

size_t isomm__fmt_double(char out[ISOMM__DOUBLE_CHARS], double v)
{
    locale_t before, c;
    int k, lo = 1, hi = 17;
    size_t n;

    if (isnan(v))
        return (size_t)snprintf(out, ISOMM__DOUBLE_CHARS, "nan");
    if (isinf(v))
        return (size_t)snprintf(out, ISOMM__DOUBLE_CHARS, "%sinf", v < 0 ? "-" : "");
    /* Fast and exact: v is the double nearest to N / 10^k for the smallest k, with N below 2^53
     * (every value with few decimals: maturities such as 2.5, counts, percentiles). Dividing the
     * exact integers N and 10^k rounds correctly, as reading "N e-k" back does. */
    if (fabs(v) < 1e15) {
        double a = fabs(v);
        for (k = 0; k <= 17; k++) {
            double t = nearbyint(a * pow10[k]);
            if (t >= EXACT_INTEGER)
                break;
            if (t / pow10[k] == a) {
                n = put_scaled(out, (unsigned long long)t, k, signbit(v) != 0);
                if (k == 0) { /* keep a decimal point so that JSON readers see a float */
                    memcpy(out + n, ".0", 3);
                    n += 2;
                }
                return n;
            }
        }
    }
    if ((c = enter_c(&before)) == (locale_t)0) {
        out[0] = '\0';
        return 0;
    }
    /* The shortest precision that reads back: a text with more digits is at least as close to
     * v, so reading back is monotone in the precision and a binary search finds the least. */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (round_trips(out, v, mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    round_trips(out, v, lo);
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
    double a = fabs(v), p, t, e, fl, fr, r;
    int n;

    if (decimals < 0)
        decimals = 0;
    if (decimals > 17)
        decimals = 17;
    if (!(a < 1e20))
        return isomm__fmt_double(out, v);
    /* Fast and exact, as printf rounds: the product a * 10^d is t plus the exact residual e
     * (fma), so a fraction of exactly one half is told from one just above or below it; an
     * exact half goes to the even neighbour. */
    p = pow10[decimals];
    t = a * p;
    if (t < EXACT_INTEGER / 2) {
        e = fma(a, p, -t);
        fl = floor(t);
        fr = t - fl;
        if (fr == 0.5)
            r = e > 0 ? fl + 1 : e < 0 ? fl : (fmod(fl, 2.0) == 0 ? fl : fl + 1);
        else
            r = fr > 0.5 ? fl + 1 : fl;
        return put_scaled(out, (unsigned long long)r, decimals, signbit(v) != 0);
    }
    n = isomm__snprintf_c(out, ISOMM__DOUBLE_CHARS, "%.*f", decimals, v);
    return n < 0 ? 0 : (size_t)n;
}
