/* SPDX-License-Identifier: MIT */
/* UTF-8 measuring for aligned terminal text and wrapped chart labels. Private. */
#ifndef ISOMM_UTF8_H
#define ISOMM_UTF8_H

#include <stddef.h>

/* Decode the character at s (n bytes available): returns its byte length (>= 1) and stores the
 * code point in *cp. A malformed sequence counts as one byte and U+FFFD. */
size_t isomm__utf8_next(const char *s, size_t n, unsigned long *cp);

/* Terminal columns of one code point: 2 for East Asian wide and fullwidth characters, else 1. */
int isomm__utf8_cp_width(unsigned long cp);

/* Columns a UTF-8 string takes in a terminal. */
size_t isomm__utf8_width(const char *s);

/* The first line of s (n bytes) when wrapped at max_columns: returns its byte length and sets
 * *next to where the next line starts (after the space it broke at). English breaks at spaces,
 * Japanese between any two characters except before closing brackets and punctuation; a word
 * longer than the line is cut. A newline in s ends the line. */
size_t isomm__utf8_wrap_line(const char *s, size_t n, size_t max_columns, size_t *next);

/* Copy the n bytes of s into dst (cap bytes, cap >= 1; always NUL-terminated) with every control
 * character shown escaped, so that text from input cannot drive a terminal: C0 controls (tab
 * and line breaks included), DEL and bytes that are not UTF-8 as \xNN (ESC is \x1b), C1
 * controls U+0080-U+009F as \u00NN. What does not fit is cut before a whole character or escape.
 * Returns the bytes written (without the NUL). */
size_t isomm__escape_controls(char *dst, size_t cap, const char *s, size_t n);

#endif
