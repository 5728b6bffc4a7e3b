/* SPDX-License-Identifier: MIT */
/* Locale-free numbers (private). A C host may have called setlocale(LC_ALL, "de_DE.UTF-8"):
 * printf's %f/%g and strtod then use a decimal comma, which breaks JSON, SVG coordinates and
 * CSV. Every number the library writes or reads goes through these functions (or through
 * isomm__buf_printf / isomm__buf_double / isomm__buf_fixed, which use them): they work in the
 * "C" locale for the calling thread only (uselocale), whatever the process locale is, and keep
 * no state between calls.
 *
 * For writers:
 *   isomm__buf_double(b, v)     shortest text that reads back to v, always with a point ("3.0")
 *   isomm__buf_fixed(b, v, 1)   v with one decimal ("2.7"), rounded as printf rounds
 *   isomm__buf_printf(b, ...)   any printf format, %f/%g/%e included, in the "C" locale
 *   isomm__snprintf_c(...)      the same into a fixed array (never plain snprintf for a double)
 * A reader of numbers must likewise not call strtod in the caller's locale: run it between
 * newlocale(LC_ALL_MASK, "C", 0) and uselocale(), as isomm__vsnprintf_c does. */
#ifndef ISOMM_NUMFMT_H
#define ISOMM_NUMFMT_H

#include <stdarg.h>
#include <stddef.h>

/* Enough for any double in either form below, with its NUL. */
#define ISOMM__DOUBLE_CHARS 40

/* vsnprintf/snprintf in the "C" locale. Return as vsnprintf; -1 (and "" in dst when cap > 0)
 * when the "C" locale cannot be had (out of memory). */
int isomm__vsnprintf_c(char *dst, size_t cap, const char *fmt, va_list ap);
int isomm__snprintf_c(char *dst, size_t cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The shortest decimal text that reads back to v exactly, with a decimal point or an exponent
 * ("3.0", "2.6666666666666665", "1e+300"); "nan", "inf", "-inf" for those. Returns its length,
 * 0 (and "") when the "C" locale cannot be had (out of memory). */
size_t isomm__fmt_double(char out[ISOMM__DOUBLE_CHARS], double v);

/* v with `decimals` digits after the point (0-17), as "%.*f" in the "C" locale. Returns the
 * length; a value that does not fit in ISOMM__DOUBLE_CHARS (|v| >= 1e20) is written in the
 * shortest form instead. 0 (and "") when the "C" locale cannot be had. */
size_t isomm__fmt_fixed(char out[ISOMM__DOUBLE_CHARS], double v, int decimals);

#endif
