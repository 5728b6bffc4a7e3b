/* SPDX-License-Identifier: MIT */
/* UTF-8 measuring for aligned terminal text and wrapped chart labels. Private. */
#ifndef ISOMM_UTF8_H
#define ISOMM_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* Whether the 8 bytes at s (n bytes left) are all printable ASCII, 0x20-0x7E: 0 when fewer
 * than 8 are left. A byte below 0x20 borrows into its top bit in the subtraction, one from 0x7F
 * carries into it in the addition; the lowest such byte is always caught, whatever it does to
 * the bytes above it. */
static inline int isomm__utf8_printable8(const char *s, size_t n)
{
    uint64_t x;

    if (n < 8)
        return 0;
    memcpy(&x, s, 8);
    return (((x - 0x2020202020202020u) | (x + 0x0101010101010101u)) & 0x8080808080808080u) == 0;
}

/* Copy the n bytes of s into dst (cap bytes, cap >= 1; always NUL-terminated) with every control
 * character shown escaped, so that text from input cannot drive a terminal: C0 controls (tab
 * and line breaks included), DEL and bytes that are not UTF-8 as \xNN (ESC is \x1b), C1
 * controls U+0080-U+009F as \u00NN. What does not fit is cut before a whole character or escape.
 * Returns the bytes written (without the NUL). */
size_t isomm__escape_controls(char *dst, size_t cap, const char *s, size_t n);

#endif
