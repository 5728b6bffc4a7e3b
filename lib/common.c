/* SPDX-License-Identifier: MIT */
/* Return codes, error records, version, memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "numfmt.h"
#include "utf8.h"

const char *isomm_strerror(int code)
{
    switch (code) {
    case ISOMM_OK: return "success";
    case ISOMM_EINVAL: return "invalid argument";
    case ISOMM_ENOMEM: return "out of memory";
    case ISOMM_EROLE: return "unknown role code";
    case ISOMM_ELEVEL: return "level out of range 0-5";
    case ISOMM_ESOURCING: return "missing or unknown sourcing";
    case ISOMM_EPATTERN: return "unknown organisation pattern";
    case ISOMM_EDATE: return "invalid date (expected YYYY-MM-DD)";
    case ISOMM_EOPTIONS: return "invalid options";
    case ISOMM_EPARSE: return "malformed CSV";
    case ISOMM_EHEADER: return "bad CSV header";
    case ISOMM_EDUPLICATE: return "duplicate entry";
    case ISOMM_ECONFLICT: return "conflicting values";
    case ISOMM_ELIMIT: return "size limit exceeded";
    case ISOMM_EENCODING: return "invalid text encoding";
    case ISOMM_EIO: return "input/output error";
    case ISOMM_EMODEL: return "model mismatch or invalid model";
    case ISOMM_EEMPTY: return "no assessment in input";
    case ISOMM_ERANGE: return "index out of range";
    default: return "unknown error code";
    }
}

const char *isomm_version_string(void)
{
    return ISOMM_VERSION_STRING_LIB;
}

int isomm_version_number(void)
{
    return ISOMM_VERSION_NUMBER;
}

void isomm_free(void *ptr)
{
    free(ptr);
}

int isomm__vfail_at(isomm_error *err, int code, long line, long column, const char *fmt, va_list ap)
{
    if (err) {
        /* texts from input (values, names, paths) reach messages: their control characters are
         * shown escaped, so that printing a message cannot drive a terminal */
        char raw[ISOMM_ERROR_MESSAGE_SIZE];
        int n = isomm__vsnprintf_c(raw, sizeof raw, fmt, ap);
        err->code = code;
        err->line = line;
        err->column = column;
        isomm__escape_controls(err->message, sizeof err->message, raw,
                               n < 0 ? 0 : (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1);
    }
    return code;
}

int isomm__fail_at(isomm_error *err, int code, long line, long column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    isomm__vfail_at(err, code, line, column, fmt, ap);
    va_end(ap);
    return code;
}

int isomm__fail(isomm_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    isomm__vfail_at(err, code, 0, 0, fmt, ap);
    va_end(ap);
    return code;
}

char *isomm__strndup(const char *s, size_t n)
{
    char *copy;
    if (!s)
        return NULL;
    copy = malloc(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *isomm__strdup(const char *s)
{
    return s ? isomm__strndup(s, strlen(s)) : NULL;
}

int isomm__ascii_ieq(const char *s, size_t len, const char *lit)
{
    size_t i;
    for (i = 0; i < len; i++) {
        char a = s[i], b = lit[i];
        if (b == '\0')
            return 0;
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (char)(b - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return lit[len] == '\0';
}
