/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/common.h
 * @brief Return codes, the caller-owned error record, version and memory helpers.
 *
 * Conventions used by every libisomm header:
 *  - Functions that can fail return `int`: ::ISOMM_OK (0) on success, a negative
 *    ::isomm_code on failure. They take an optional `isomm_error *err` as their last
 *    argument; when it is not NULL it receives the code, the position (for parsers) and a
 *    human-readable message. libisomm never keeps error state of its own.
 *  - Out-parameters come first. What a function hands back through `**out` belongs to the
 *    caller and is released with the matching `_free` function.
 *  - Getters return borrowed pointers that live as long as the object they came from.
 *  - No function keeps global mutable state: different objects may be used from different
 *    threads at the same time. One object must not be modified by two threads at once.
 */
#ifndef ISOMM_COMMON_H
#define ISOMM_COMMON_H

#include <stddef.h>

#include "isomm/export.h"
#include "isomm/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Return codes. Every failure is negative; bindings map each to an exception type. */
typedef enum isomm_code {
    ISOMM_OK = 0,               /**< success */
    ISOMM_EINVAL = -1,          /**< a required argument is NULL or out of its domain */
    ISOMM_ENOMEM = -2,          /**< memory could not be allocated */
    ISOMM_EROLE = -3,           /**< unknown role code */
    ISOMM_ELEVEL = -4,          /**< level not an integer 0-5 */
    ISOMM_ESOURCING = -5,       /**< sourcing missing where a level is given, or not a known sourcing */
    ISOMM_EPATTERN = -6,        /**< unknown organisation pattern */
    ISOMM_EDATE = -7,           /**< date not a valid ISO 8601 calendar date YYYY-MM-DD */
    ISOMM_EOPTIONS = -8,        /**< options struct of an unknown version or with a value out of range */
    ISOMM_EPARSE = -9,          /**< malformed CSV (quotes, field count, NUL byte) */
    ISOMM_EHEADER = -10,        /**< CSV header: missing required column, unknown or repeated column */
    ISOMM_EDUPLICATE = -11,     /**< a role or an id listed twice where it must be unique */
    ISOMM_ECONFLICT = -12,      /**< two different values given for one piece of metadata */
    ISOMM_ELIMIT = -13,         /**< a configured size limit was hit (field, note, row count) */
    ISOMM_EENCODING = -14,      /**< input is not valid in the expected encoding */
    ISOMM_EIO = -15,            /**< a file could not be opened, read, written or renamed */
    ISOMM_EMODEL = -16,         /**< objects built on different models were mixed, or a model is invalid */
    ISOMM_EEMPTY = -17,         /**< the input holds no assessment where one is needed */
    ISOMM_ERANGE = -18          /**< an index is out of range */
} isomm_code;

/** Size of isomm_error::message, including the terminating NUL. */
#define ISOMM_ERROR_MESSAGE_SIZE 512

/**
 * Error record filled in by a failing call. The caller owns it (usually on the stack);
 * libisomm only writes into it. On success a call leaves it untouched.
 *
 * ABI: caller-allocated, fixed layout. Its fields never change while the SONAME stays
 * libisomm.so.1.
 */
typedef struct isomm_error {
    int code;          /**< the ::isomm_code returned by the call */
    long line;         /**< 1-based input line for parsers (header = line 1), 0 otherwise */
    long column;       /**< 1-based field number for parsers, 0 otherwise */
    char message[ISOMM_ERROR_MESSAGE_SIZE]; /**< what went wrong, where, and what was expected (UTF-8);
                                                 control characters from input are shown escaped
                                                 (ESC as `\x1b`, C1 as `\u009b`), so it is safe to print */
} isomm_error;

/**
 * Static English description of a return code, e.g. "unknown role code".
 * @return never NULL; "unknown error code" for a value that is not an ::isomm_code.
 */
ISOMM_EXPORT const char *isomm_strerror(int code);

/** Library version as "MAJOR.MINOR.PATCH" (static string). */
ISOMM_EXPORT const char *isomm_version_string(void);

/** Library version as MAJOR*10000 + MINOR*100 + PATCH, to compare with ::ISOMM_VERSION_NUMBER. */
ISOMM_EXPORT int isomm_version_number(void);

/** Release memory that a libisomm function handed out as `char *` (reports, buffers). NULL is ignored. */
ISOMM_EXPORT void isomm_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
