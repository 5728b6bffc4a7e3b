/* SPDX-License-Identifier: MIT */
#include "utf8.h"

#include <stdio.h>
#include <string.h>

size_t isomm__utf8_next(const char *s, size_t n, unsigned long *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len, i;
    unsigned long v;

    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if ((u[0] & 0xE0) == 0xC0) {
        len = 2;
        v = u[0] & 0x1Fu;
    } else if ((u[0] & 0xF0) == 0xE0) {
        len = 3;
        v = u[0] & 0x0Fu;
    } else if ((u[0] & 0xF8) == 0xF0) {
        len = 4;
        v = u[0] & 0x07u;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    *cp = v;
    return len;
}

int isomm__utf8_cp_width(unsigned long cp)
{
    if (cp < 0x1100) /* Latin, Greek, Cyrillic ...: the common case first */
        return 1;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

size_t isomm__utf8_width(const char *s)
{
    size_t n = strlen(s), i = 0, w = 0;
    unsigned long cp;

    while (i < n) {
        if ((unsigned char)s[i] < 0x80) { /* ASCII: one column (controls are escaped before) */
            i++;
            w++;
            continue;
        }
        i += isomm__utf8_next(s + i, n - i, &cp);
        w += (size_t)isomm__utf8_cp_width(cp);
    }
    return w;
}

/* Characters that must not start a line in Japanese text (closing brackets, punctuation). */
static int no_line_start(unsigned long cp)
{
    return cp == 0xFF09 || cp == 0x300D || cp == 0x3001 || cp == 0x3002 || cp == 0x30FB || cp == 0x30FC ||
           cp == ')' || cp == ',' || cp == '.' || cp == ' ';
}

size_t isomm__utf8_wrap_line(const char *s, size_t n, size_t max_columns, size_t *next)
{
    size_t i = 0, width = 0, last_space = 0, prev = 0;
    int have_space = 0;
    unsigned long cp;

    while (i < n) {
        size_t step, w, start = i, limit = i + (max_columns > width ? max_columns - width : 0);
        /* printable ASCII while the line has room: one column a byte, spaces remembered */
        if (limit > n)
            limit = n;
        while (limit - i >= 8 && isomm__utf8_printable8(s + i, 8))
            i += 8;
        while (i < limit && (unsigned char)(s[i] - 0x20) < 0x5F)
            i++;
        if (i > start) {
            size_t sp = i;
            while (sp > start && s[sp - 1] != ' ') /* the run's last space, looking back */
                sp--;
            if (sp > start) {
                last_space = sp - 1;
                have_space = 1;
            }
            width += i - start;
            prev = i - 1;
        }
        if (i == n)
            break;
        step = (unsigned char)s[i] < 0x80 ? (cp = (unsigned char)s[i], 1) : isomm__utf8_next(s + i, n - i, &cp);
        w = (size_t)isomm__utf8_cp_width(cp);
        if (cp == '\n') {
            *next = i + 1;
            return i;
        }
        if (width + w > max_columns && i > 0) {
            if (cp == ' ') { /* break at this space: the line stays within max_columns */
                *next = i + 1;
                return i;
            }
            if (have_space && (w == 1 || no_line_start(cp))) {
                *next = last_space + 1;
                return last_space;
            }
            if (!no_line_start(cp)) {
                *next = i;
                return i;
            }
            if (prev > 0) { /* a closing mark may not start a line: take the character before it along */
                *next = prev;
                return prev;
            }
        }
        if (cp == ' ') {
            last_space = i;
            have_space = 1;
        }
        width += w;
        prev = i;
        i += step;
    }
    *next = n;
    return n;
}

size_t isomm__escape_controls(char *dst, size_t cap, const char *s, size_t n)
{
    size_t i = 0, len = 0;
    while (i < n) {
        const unsigned char c = (unsigned char)s[i];
        unsigned long cp;
        size_t step = c < 0x80 ? 1 : isomm__utf8_next(s + i, n - i, &cp), out;
        char code[8];
        const char *piece = s + i;
        static const unsigned long least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
        if (c < 0x20 || c == 0x7F ||
            (c >= 0x80 && (step == 1 || cp < least[step] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))) {
            /* a C0 control, DEL, or a byte that does not start a valid sequence */
            step = 1;
            out = (size_t)snprintf(code, sizeof code, "\\x%02x", (unsigned)c);
            piece = code;
        } else if (c >= 0x80 && cp >= 0x80 && cp <= 0x9F) {
            out = (size_t)snprintf(code, sizeof code, "\\u%04lx", cp);
            piece = code;
        } else {
            out = step;
        }
        if (len + out >= cap)
            break;
        memcpy(dst + len, piece, out);
        len += out;
        i += step;
    }
    dst[len] = '\0';
    return len;
}
