/* SPDX-License-Identifier: MIT */
/* The library's own number formatting (lib/numfmt.c, compiled into this test): the fast paths
 * give exactly what printf gives in the "C" locale, on random values of every magnitude and on
 * the ties where rounding is decided by the last bit. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"

/* What the writers printed before the fast paths: the least %.*g precision that reads back,
 * with ".0" added when there is neither a point nor an exponent. */
static void reference_shortest(char *out, double v)
{
    int p;

    for (p = 1; p <= 17; p++) {
        snprintf(out, ISOMM__DOUBLE_CHARS, "%.*g", p, v);
        if (strtod(out, NULL) == v)
            break;
    }
    if (!strpbrk(out, ".e"))
        strcat(out, ".0");
}

/* The number of significant digits of a decimal text ("100.0" and "1e+02" have one). */
static size_t significant(const char *text)
{
    char digits[64];
    size_t n = 0, first = 0;

    for (; *text && *text != 'e'; text++)
        if (*text >= '0' && *text <= '9')
            digits[n++] = *text;
    while (first < n && digits[first] == '0')
        first++;
    while (n > first && digits[n - 1] == '0')
        n--;
    return n - first;
}

/* xorshift: reproducible values without global state */
static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static double random_value(uint64_t *s)
{
    switch (next(s) % 5) {
    case 0: return (double)(next(s) % 1000) / (double)(1 + next(s) % 10);      /* maturities, means */
    case 1: return (double)(int64_t)(next(s) % 2000001 - 1000000) / 100.0;     /* hundredths */
    case 2: return ldexp((double)(next(s) >> 11), (int)(next(s) % 120) - 100); /* any bits */
    case 3: return -(double)(next(s) % 100000) / 1000.0;
    default: return (double)(next(s) % 1000) / 20.0;                            /* ties at .x5 */
    }
}

Test(numfmt, shortest_reads_back_and_is_no_longer_than_printfs)
{
    char got[ISOMM__DOUBLE_CHARS], ref[ISOMM__DOUBLE_CHARS];
    uint64_t seed = 0x9e3779b97f4a7c15u;
    int i;

    for (i = 0; i < 300000; i++) {
        double v = random_value(&seed);
        size_t n = isomm__fmt_double(got, v);
        reference_shortest(ref, v);
        cr_assert_eq(n, strlen(got));
        cr_assert_eq(strtod(got, NULL), v, "%s does not read back to %.17g", got, v);
        /* printf's shortest text where it has no exponent; elsewhere as few digits */
        if (!strchr(ref, 'e'))
            cr_assert_str_eq(got, ref, "value %.17g", v);
        else
            cr_assert_eq(significant(got), significant(ref), "%s against %s", got, ref);
    }
}

Test(numfmt, shortest_of_the_values_reports_show)
{
    static const struct { double v; const char *text; } cases[] = {
        { 3.0, "3.0" }, { 2.5, "2.5" }, { 8.0 / 3.0, "2.6666666666666665" }, { 0.1, "0.1" },
        { 1.0 / 3.0, "0.3333333333333333" }, { -0.5, "-0.5" }, { -0.0, "-0.0" }, { 0.0, "0.0" },
        { 100.0, "100.0" }, { 61.4, "61.4" }, { 1e-300, "1e-300" }, { 123456789012345.0, "123456789012345.0" },
        { 4.35, "4.35" }, { 2.0 / 7.0, "0.2857142857142857" },
    };
    char got[ISOMM__DOUBLE_CHARS];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        isomm__fmt_double(got, cases[i].v);
        cr_assert_str_eq(got, cases[i].text);
    }
    isomm__fmt_double(got, NAN);
    cr_assert_str_eq(got, "nan");
    isomm__fmt_double(got, -INFINITY);
    cr_assert_str_eq(got, "-inf");
}

Test(numfmt, fixed_rounds_as_printf_does)
{
    char got[ISOMM__DOUBLE_CHARS], ref[ISOMM__DOUBLE_CHARS];
    uint64_t seed = 12345;
    int i, d;

    for (i = 0; i < 300000; i++) {
        double v = random_value(&seed);
        if (!(fabs(v) < 1e20)) /* numfmt.h: the shortest form, as it would not fit */
            continue;
        for (d = 0; d <= 3; d++) {
            isomm__fmt_fixed(got, v, d);
            snprintf(ref, sizeof ref, "%.*f", d, v);
            cr_assert_str_eq(got, ref, "value %.17g with %d decimals", v, d);
        }
    }
}

Test(numfmt, fixed_at_the_ties)
{
    /* exact binary halves go to the even neighbour; 0.15, 0.35 are just below or above */
    static const struct { double v; int d; const char *text; } cases[] = {
        { 0.25, 1, "0.2" }, { 0.75, 1, "0.8" }, { 2.25, 1, "2.2" }, { 2.5, 0, "2" }, { 3.5, 0, "4" },
        { 0.15, 1, "0.1" }, { 0.35, 1, "0.3" }, { 0.45, 1, "0.5" }, { -0.04, 1, "-0.0" }, { -2.25, 1, "-2.2" },
        { 4.999999, 1, "5.0" }, { 1e19, 1, "10000000000000000000.0" },
    };
    char got[ISOMM__DOUBLE_CHARS], ref[ISOMM__DOUBLE_CHARS];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        isomm__fmt_fixed(got, cases[i].v, cases[i].d);
        snprintf(ref, sizeof ref, "%.*f", cases[i].d, cases[i].v);
        cr_assert_str_eq(ref, cases[i].text, "the expected text of %.17g is printf's", cases[i].v);
        cr_assert_str_eq(got, cases[i].text);
    }
}
