/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/frame.h
 * @brief Column tables of many assessments, for data analysis (pandas, R, Arrow).
 *
 * A frame reads every assessment of a CSV reader in one call and stores what an analyst asks
 * for as plain C arrays, one array per column, so that a binding turns each column into one
 * array object without building an object per assessment on the way.
 *
 * Two kinds of frame exist (::isomm_frame_kind):
 *  - ::ISOMM_FRAME_RESULTS: one row per assessment with its metadata, patterns, the nine
 *    function maturities, the overall maturity and the number of unanswered roles (the
 *    maturity rules of ISOMM-MODEL.md section 4, the same code as isomm_evaluate());
 *  - ::ISOMM_FRAME_ANSWERS: the same metadata per assessment, and one row per assessment and
 *    role (::ISOMM_ROLE_COUNT rows per assessment, catalogue order) with sourcing, level and note.
 *
 * Reading is all or nothing, like isomm_csv_read_file(): every id is remembered (a repeated id
 * is ::ISOMM_EDUPLICATE however far apart), and on any error no frame is handed back.
 *
 * Texts are stored one after another in one block, each followed by a NUL; a column of texts is
 * that block and an array of byte offsets into it, where -1 stands for an absent text (NULL).
 */
#ifndef ISOMM_FRAME_H
#define ISOMM_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "isomm/csv.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque column table; the library allocates it and isomm_frame_free() releases it. */
typedef struct isomm_frame isomm_frame;

/** What a frame holds besides the metadata of each assessment. */
typedef enum isomm_frame_kind {
    ISOMM_FRAME_RESULTS = 0, /**< function maturities, overall maturity, unanswered count */
    ISOMM_FRAME_ANSWERS = 1  /**< sourcing, level and note of every role */
} isomm_frame_kind;

/**
 * Read every remaining assessment of @p rd into a new frame. The reader is used up (a later
 * isomm_csv_reader_next() returns 0 or the same error) and stays owned by the caller.
 * @param out    receives the frame (free with isomm_frame_free()); NULL on error
 * @param rd     an open reader (isomm_csv_reader_open_file() and the like)
 * @param kind   ::ISOMM_FRAME_RESULTS or ::ISOMM_FRAME_ANSWERS
 * @param target for ::ISOMM_FRAME_RESULTS: the target pattern stored for every assessment instead
 *               of its own (as `isomm report --target`); ::ISOMM_PATTERN_NONE keeps each
 *               assessment's own. Ignored for ::ISOMM_FRAME_ANSWERS.
 * @param err    receives the error (line and column for input problems), or NULL
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (NULL argument, unknown kind), ::ISOMM_EPATTERN (unknown
 *         target), ::ISOMM_ENOMEM, or any error of isomm_csv_reader_next() (::ISOMM_EEMPTY
 *         for an input without data rows). On error the reader has been read up to the problem.
 */
ISOMM_EXPORT int isomm_frame_read(isomm_frame **out, isomm_csv_reader *rd, isomm_frame_kind kind,
                                  isomm_pattern target, isomm_error *err);

/**
 * isomm_frame_read() of a file, which this opens and closes: the result, and every error with its
 * line, column and message, are those of a reader opened with isomm_csv_reader_open_file(). A
 * regular UTF-8 file of 4 MiB or more is read as two halves on two threads (the second starting
 * at the first new assessment after the middle); when a half meets any problem the file is read
 * again by one thread, so that the error is the one-thread read's.
 * @param out  receives the frame (free with isomm_frame_free()); NULL on error
 * @param path file to read
 * @param opts CSV options (model, encoding, field limit) or NULL
 * @return the codes of isomm_csv_reader_open_file() and isomm_frame_read()
 */
ISOMM_EXPORT int isomm_frame_read_file(isomm_frame **out, const char *path, const isomm_csv_options *opts,
                                       isomm_frame_kind kind, isomm_pattern target, isomm_error *err);

/** Release a frame and every array it handed out. NULL is ignored. */
ISOMM_EXPORT void isomm_frame_free(isomm_frame *f);

/** The kind the frame was read as. */
ISOMM_EXPORT isomm_frame_kind isomm_frame_get_kind(const isomm_frame *f);

/** Number of assessments in the frame (0 for NULL). */
ISOMM_EXPORT size_t isomm_frame_assessments(const isomm_frame *f);

/**
 * A metadata column: the text block (borrowed from the frame) and, in @p *offsets, one offset per
 * assessment into it (-1 where the assessment has no such text). ::ISOMM_META_ID is never
 * absent (an assessment without id has the id "default").
 * @return NULL (and *offsets NULL) for a NULL frame or an unknown field
 */
ISOMM_EXPORT const char *isomm_frame_meta(const isomm_frame *f, isomm_meta field, const int64_t **offsets);

/**
 * Pattern column: the current (@p current != 0) or target pattern of each assessment as an
 * ::isomm_pattern value, ::ISOMM_PATTERN_NONE (-1) where there is none. Borrowed; NULL for NULL.
 */
ISOMM_EXPORT const int8_t *isomm_frame_patterns(const isomm_frame *f, int current);

/**
 * ::ISOMM_FRAME_RESULTS: the maturity of function @p function (0..8) per assessment, unrounded,
 * NaN where the function has none (every role at level 0). Borrowed; NULL for another kind or
 * index.
 */
ISOMM_EXPORT const double *isomm_frame_maturity(const isomm_frame *f, int function);

/** ::ISOMM_FRAME_RESULTS: the overall maturity per assessment, NaN where there is none. Borrowed. */
ISOMM_EXPORT const double *isomm_frame_overall(const isomm_frame *f);

/** ::ISOMM_FRAME_RESULTS: the number of unanswered roles per assessment (0..54). Borrowed. */
ISOMM_EXPORT const int8_t *isomm_frame_unanswered(const isomm_frame *f);

/**
 * ::ISOMM_FRAME_ANSWERS: the level of every role, assessment-major (row r is assessment
 * r / ::ISOMM_ROLE_COUNT, role r % ::ISOMM_ROLE_COUNT): 0..5 or ::ISOMM_UNANSWERED. Borrowed;
 * NULL for another kind.
 */
ISOMM_EXPORT const int8_t *isomm_frame_levels(const isomm_frame *f);

/** ::ISOMM_FRAME_ANSWERS: the ::isomm_sourcing of every role, in the order of isomm_frame_levels(). */
ISOMM_EXPORT const int8_t *isomm_frame_sourcings(const isomm_frame *f);

/**
 * ::ISOMM_FRAME_ANSWERS: the note column, in the order of isomm_frame_levels(): the text block
 * and in @p *offsets one offset per row (-1 where a role has no note). NULL for another kind.
 */
ISOMM_EXPORT const char *isomm_frame_notes(const isomm_frame *f, const int64_t **offsets);

#ifdef __cplusplus
}
#endif

#endif
