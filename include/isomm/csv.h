/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/csv.h
 * @brief Assessment CSV and model CSV: reading (all at once, streaming, validation) and writing.
 *
 * The assessment format (one row per role answer, many assessments per file):
 *  - UTF-8 with or without a byte-order mark, LF or CRLF line ends, RFC 4180 quoting. With
 *    ::ISOMM_ENCODING_CP932 the input is Shift_JIS/CP932 (Japanese Excel "CSV") and is
 *    converted first.
 *  - A header row first. Names are matched case-insensitively after trimming spaces; column
 *    order is free. Required: `role`, `sourcing`, `level`. Optional: `note`, `assessment`,
 *    `organization`, `assessor`, `date`, `current_pattern`, `target_pattern`.
 *    libisomm extension: an optional column `name` (written by isomm_csv_write_template())
 *    holds the role's name for people filling in the file; its content is ignored.
 *    Any other column, or a column named twice, is an ::ISOMM_EHEADER error.
 *  - `sourcing`: insource / in / インソース, outsource / out / アウトソース (ASCII spellings in
 *    any case), or empty. `level`: one digit 0-5, or empty. Both empty = unanswered; one empty
 *    and the other not is an error. A pattern is its id (`hybrid`) or Japanese name. `date` is
 *    YYYY-MM-DD. An empty `assessment` means "default".
 *  - Rows with the same `assessment` id form one assessment and must be contiguous. Metadata
 *    may stand on every row or on one; two different non-empty values are ::ISOMM_ECONFLICT.
 *    A role listed twice in one assessment, or an id that reappears after another assessment,
 *    is ::ISOMM_EDUPLICATE. (The streaming reader, to keep its memory bounded, remembers only
 *    recent ids: see ::ISOMM_CSV_STREAM_ID_WINDOW.)
 *  - Formulas: a file with a byte-order mark is one made for a spreadsheet. There, a text
 *    (`assessment`, `organization`, `assessor`, `note`; the template's `name`) that begins with
 *    `=`, `+`, `-`, `@`, a tab or a carriage return is written with one leading apostrophe
 *    (`'=HYPERLINK(...)`), which spreadsheets show as text instead of running it; reading a file
 *    with a byte-order mark removes one such apostrophe. Apostrophes already in front of those
 *    characters count too (`'=x` is written `''=x`), so every text reads back unchanged.
 *    Without a byte-order mark texts are written and read as they are.
 *  - Empty lines and rows whose fields are all empty are skipped. Unquoted fields lose leading
 *    and trailing spaces and tabs (quote a note to keep them; the writer does).
 *
 * Errors carry isomm_error::line (1-based, header = 1, lines inside quoted fields counted: the
 * line where the offending field begins; for a stray character in quoting, its own line) and isomm_error::column (1-based field number; 0 for
 * problems of the whole header or input), and a message naming the column, the bad value and
 * what was expected. Codes: ::ISOMM_EPARSE (quoting, field count, NUL byte),
 * ::ISOMM_EHEADER, ::ISOMM_EROLE, ::ISOMM_ESOURCING, ::ISOMM_ELEVEL, ::ISOMM_EPATTERN,
 * ::ISOMM_EDATE, ::ISOMM_EDUPLICATE, ::ISOMM_ECONFLICT, ::ISOMM_ELIMIT (field longer than
 * isomm_csv_options::max_field_bytes; a header field longer than 1024 bytes or a header of more
 * than 1024 fields, refused as soon as it is seen so that a refused header never costs more
 * than about 1 MiB), ::ISOMM_EENCODING (not UTF-8 / not CP932),
 * ::ISOMM_EEMPTY (no data row), ::ISOMM_EIO, ::ISOMM_ENOMEM (also when the C library's CP932
 * converter cannot be opened for lack of memory), ::ISOMM_EOPTIONS, ::ISOMM_EINVAL.
 */
#ifndef ISOMM_CSV_H
#define ISOMM_CSV_H

#include <stdio.h>

#include "isomm/assessment.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ::isomm_csv_options understood by this library. */
#define ISOMM_CSV_OPTIONS_VERSION 1
/** Default limit on one field's size in bytes (1 MiB); a longer field is ::ISOMM_ELIMIT. */
#define ISOMM_CSV_DEFAULT_MAX_FIELD_BYTES (1024u * 1024u)
/** Default number of problems collected by the validation functions. */
#define ISOMM_CSV_DEFAULT_MAX_ERRORS 100

/** Character encoding of CSV text. */
typedef enum isomm_encoding {
    ISOMM_ENCODING_UTF8 = 0, /**< UTF-8, optional byte-order mark (default) */
    ISOMM_ENCODING_CP932 = 1 /**< Shift_JIS / CP932, converted with iconv; no byte-order mark */
} isomm_encoding;

/**
 * CSV options. Start from ::ISOMM_CSV_OPTIONS_INIT; a NULL options pointer means the defaults.
 *
 * ABI: caller may allocate, has a version field. Start from the INIT macro; fields are only
 * added at the end, with the version and INIT macro bumped, and older versions stay accepted.
 */
typedef struct isomm_csv_options {
    unsigned int version;     /**< ::ISOMM_CSV_OPTIONS_VERSION */
    isomm_encoding encoding;  /**< input/output encoding (default UTF-8) */
    int write_bom;            /**< writers: nonzero = start with a UTF-8 byte-order mark (Excel), and keep
                                   texts from being formulas (see the file comment); UTF-8 only */
    const isomm_model *model; /**< readers: model of the assessments built (borrowed); NULL = default model */
    size_t max_field_bytes;   /**< readers: longest accepted field (notes included); 0 = the default */
    size_t max_errors;        /**< validation: stop after this many problems; 0 = the default */
    isomm_lang lang;          /**< template: language of the `name` column */
} isomm_csv_options;

/** Default options: UTF-8, no BOM, default model, default limits, Japanese names. */
#define ISOMM_CSV_OPTIONS_INIT { ISOMM_CSV_OPTIONS_VERSION, ISOMM_ENCODING_UTF8, 0, NULL, 0, 0, ISOMM_LANG_JA }

/**
 * Read every assessment of a CSV file. Reading stops at the first error and hands back nothing.
 * @param out   receives an array of `*count` assessments (file order); free it with
 *              isomm_assessment_array_free()
 * @param count receives the number of assessments (>= 1 on success)
 * @param path  file to read
 * @param opts  options or NULL
 * @return ::ISOMM_OK, ::ISOMM_EEMPTY when the input has no data row, ::ISOMM_EIO when the file
 *         cannot be opened or read, or any error listed in the file comment.
 */
ISOMM_EXPORT int isomm_csv_read_file(isomm_assessment ***out, size_t *count, const char *path,
                                     const isomm_csv_options *opts, isomm_error *err);
/** isomm_csv_read_file() from an open stream, read to its end (the stream is not closed). */
ISOMM_EXPORT int isomm_csv_read_fp(isomm_assessment ***out, size_t *count, FILE *fp,
                                   const isomm_csv_options *opts, isomm_error *err);
/** isomm_csv_read_file() from memory (`len` bytes; NUL bytes in it are errors like any other). */
ISOMM_EXPORT int isomm_csv_read_buffer(isomm_assessment ***out, size_t *count, const char *data, size_t len,
                                       const isomm_csv_options *opts, isomm_error *err);
/** Free an array returned by the readers and every assessment in it. NULL is ignored. */
ISOMM_EXPORT void isomm_assessment_array_free(isomm_assessment **list, size_t count);

/**
 * Ids a streaming reader remembers to recognise an assessment whose id comes back after other
 * assessments. It remembers the ids of at least the last ISOMM_CSV_STREAM_ID_WINDOW assessments
 * (at most twice as many). An id that comes back later than that is not recognised: its rows are
 * handed over as another assessment with the same id. The all-at-once readers and the validation
 * functions remember every id and always report ::ISOMM_EDUPLICATE. Ids are remembered by a
 * 128-bit fingerprint, not their text: 32 to 64 bytes an id whatever its length.
 */
#define ISOMM_CSV_STREAM_ID_WINDOW 4096

/**
 * Opaque streaming reader: hands over one assessment at a time. Its memory does not grow with
 * the input: it holds the assessment being read, the row being parsed and a bounded set of
 * recent ids (::ISOMM_CSV_STREAM_ID_WINDOW).
 */
typedef struct isomm_csv_reader isomm_csv_reader;

/**
 * Input callback of a streaming reader: copy up to @p cap bytes into @p buf.
 * @return the number of bytes copied, 0 at the end of input, a negative value on error
 *         (the reader then fails with ::ISOMM_EIO).
 */
typedef long (*isomm_read_fn)(void *userdata, char *buf, size_t cap);

/**
 * Open a streaming reader on a file. The file is opened here (::ISOMM_EIO if it cannot be) and
 * closed by isomm_csv_reader_free(). Nothing is parsed until isomm_csv_reader_next().
 * @param out receives the reader
 * @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_EOPTIONS, ::ISOMM_EIO, ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_csv_reader_open_file(isomm_csv_reader **out, const char *path,
                                            const isomm_csv_options *opts, isomm_error *err);
/** Streaming reader on an open stream (borrowed: it must stay open until the reader is freed). */
ISOMM_EXPORT int isomm_csv_reader_open_fp(isomm_csv_reader **out, FILE *fp, const isomm_csv_options *opts,
                                          isomm_error *err);
/** Streaming reader pulling its input from @p fn (called with @p userdata, borrowed). */
ISOMM_EXPORT int isomm_csv_reader_open_callback(isomm_csv_reader **out, isomm_read_fn fn, void *userdata,
                                                const isomm_csv_options *opts, isomm_error *err);
/**
 * Hand over the next assessment. An assessment is complete when a row of another assessment
 * or the end of input is reached; assessments completed before an error are still handed over,
 * then the error is returned by this and every later call.
 * @param out receives the assessment (caller owns it; free with isomm_assessment_free())
 * @return 1 = one assessment handed over; 0 = end of input; ::ISOMM_EEMPTY when the input
 *         ended without any data row; another negative code on error (see the file comment).
 */
ISOMM_EXPORT int isomm_csv_reader_next(isomm_csv_reader *rd, isomm_assessment **out, isomm_error *err);
/** Close a reader (and the file it opened). NULL is ignored. */
ISOMM_EXPORT void isomm_csv_reader_free(isomm_csv_reader *rd);

/**
 * Check a file and collect every problem instead of stopping at the first (`isomm validate`).
 * After a problem in a row the next row is checked (the bad row adds nothing to its assessment);
 * an unknown or repeated column is reported and its values ignored. Problems that leave the rest
 * of the input unreadable end the check: malformed quoting, a field over the size limit, a
 * missing required column, a NUL byte or invalid UTF-8 in the header, input that is not valid
 * CP932 when CP932 was named, a read error. Collection stops after
 * min(@p max_errors, opts->max_errors) problems; when *count reaches that number there may be
 * more (isomm_csv_check_file() says whether there are, has no limit of its own and needs no
 * array). An input without data rows is one ::ISOMM_EEMPTY problem.
 * @param errors     array receiving the problems in input order (may be NULL when max_errors is 0)
 * @param max_errors capacity of @p errors
 * @param count      receives the number of problems stored
 * @param err        receives the first problem (or an argument/IO error)
 * @return ::ISOMM_OK when the input is clean; else the code of the first problem.
 *         ::ISOMM_EINVAL/::ISOMM_EOPTIONS/::ISOMM_EIO/::ISOMM_ENOMEM for problems of the call
 *         itself (then *count is 0 unless problems had been found before).
 */
ISOMM_EXPORT int isomm_csv_validate_file(const char *path, const isomm_csv_options *opts, isomm_error *errors,
                                         size_t max_errors, size_t *count, isomm_error *err);
/** isomm_csv_validate_file() on an open stream. */
ISOMM_EXPORT int isomm_csv_validate_fp(FILE *fp, const isomm_csv_options *opts, isomm_error *errors,
                                       size_t max_errors, size_t *count, isomm_error *err);
/** isomm_csv_validate_file() on memory. */
ISOMM_EXPORT int isomm_csv_validate_buffer(const char *data, size_t len, const isomm_csv_options *opts,
                                           isomm_error *errors, size_t max_errors, size_t *count,
                                           isomm_error *err);

/**
 * Callback of the checking functions: receives each problem found, in input order.
 * @param userdata as given to the checking function
 * @param problem  the problem (borrowed: valid during the call only)
 * @return 0 to go on checking; nonzero to stop here (the summary is then marked truncated)
 */
typedef int (*isomm_problem_fn)(void *userdata, const isomm_error *problem);

/**
 * What a check found: filled in by isomm_csv_check_file() and its siblings (caller-owned).
 *
 * ABI: caller-allocated, fixed layout. Its fields never change while the SONAME stays
 * libisomm.so.1.
 */
typedef struct isomm_csv_summary {
    size_t problems;    /**< problems handed to the callback */
    size_t assessments; /**< assessments read: all of them for a clean input; with problems, those
                             with at least one row without a problem */
    int truncated;      /**< nonzero when the check stopped with input left unchecked: after
                             `max_errors` problems another one was found, or the callback said stop */
} isomm_csv_summary;

/**
 * Check an input in one pass and hand every problem to @p fn as it is found, with the number of
 * assessments from the same pass: a FIFO or pipe is read once, and no assessment is kept. Memory
 * holds the row being read and, to report any id that comes back however late, a fingerprint of
 * the id of every assessment met (32 to 64 bytes each, whatever the id's length): it grows with
 * the number of assessments only, never with rows, notes, ids' lengths or problems. Problems
 * are those of isomm_csv_validate_file(); opts->max_errors is not used.
 * @param path       file to check (a regular file, FIFO or device)
 * @param opts       options or NULL
 * @param max_errors problems to hand over at most; 0 = no limit. When one more is found the check
 *                   stops and summary->truncated is set
 * @param fn         receives each problem (may be NULL: only counted)
 * @param userdata   passed to @p fn
 * @param summary    receives the counts (may be NULL)
 * @param err        receives the first problem, or the error of the call
 * @return ::ISOMM_OK when the input is clean; else the code of the first problem;
 *         ::ISOMM_EINVAL (path NULL), ::ISOMM_EOPTIONS, ::ISOMM_EIO (cannot open or read),
 *         ::ISOMM_ENOMEM for problems of the call itself.
 */
ISOMM_EXPORT int isomm_csv_check_file(const char *path, const isomm_csv_options *opts, size_t max_errors,
                                      isomm_problem_fn fn, void *userdata, isomm_csv_summary *summary,
                                      isomm_error *err);
/** isomm_csv_check_file() on an open stream (borrowed, read to its end, not closed). */
ISOMM_EXPORT int isomm_csv_check_fp(FILE *fp, const isomm_csv_options *opts, size_t max_errors, isomm_problem_fn fn,
                                    void *userdata, isomm_csv_summary *summary, isomm_error *err);
/** isomm_csv_check_file() on memory (`len` bytes). */
ISOMM_EXPORT int isomm_csv_check_buffer(const char *data, size_t len, const isomm_csv_options *opts,
                                        size_t max_errors, isomm_problem_fn fn, void *userdata,
                                        isomm_csv_summary *summary, isomm_error *err);

/**
 * Write assessments as CSV: header
 * `assessment,organization,assessor,date,current_pattern,target_pattern,role,sourcing,level,note`,
 * then 54 rows per assessment in catalogue order, metadata on the first row of each, unanswered
 * roles with empty sourcing and level. Reading the output gives equal assessments.
 *
 * The file is written to a temporary file in the same directory (`PATH.PID.N.tmp`, keeping the
 * permissions of an existing file), flushed to disk and renamed over @p path: on any failure the
 * previous file is left as it was and the temporary file is removed.
 * A @p path that exists and is not a regular file (a device such as /dev/null, a FIFO) is
 * written in place instead, so that it is never replaced.
 * @param list  @p count assessments (none NULL)
 * @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_EOPTIONS (unknown version, or BOM with CP932),
 *         ::ISOMM_EIO (create/write/rename failed; the message names the system error),
 *         ::ISOMM_EENCODING (a text has no CP932 form), ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_csv_write_file(const char *path, isomm_assessment *const *list, size_t count,
                                      const isomm_csv_options *opts, isomm_error *err);
/** isomm_csv_write_file() to an open stream (flushed, not closed). ::ISOMM_EIO when a write fails. */
ISOMM_EXPORT int isomm_csv_write_fp(FILE *fp, isomm_assessment *const *list, size_t count,
                                    const isomm_csv_options *opts, isomm_error *err);
/** isomm_csv_write_file() to memory: *out (NUL-terminated, free with isomm_free()), *len bytes. */
ISOMM_EXPORT int isomm_csv_write_buffer(char **out, size_t *len, isomm_assessment *const *list, size_t count,
                                        const isomm_csv_options *opts, isomm_error *err);

/**
 * Write an empty assessment to fill in: header
 * `assessment,organization,assessor,date,current_pattern,target_pattern,role,name,sourcing,level,note`
 * and one row per role of opts->model (default model when NULL) with the role's name in
 * opts->lang and everything else empty. Once filled in, it reads back with the readers above.
 * @return as isomm_csv_write_fp()
 */
ISOMM_EXPORT int isomm_csv_write_template(FILE *fp, const isomm_csv_options *opts, isomm_error *err);
/** isomm_csv_write_template() to memory (free *out with isomm_free()). */
ISOMM_EXPORT int isomm_csv_write_template_buffer(char **out, size_t *len, const isomm_csv_options *opts,
                                                 isomm_error *err);

/**
 * Load a custom catalogue from a model CSV with the columns of roles-v2.1.csv:
 * `code,function,name_ja,name_en,domain,domain_source,summary_ja,summary_en` (any order,
 * `domain_source` optional: `seed` marks a domain from the source slides). It must list each of
 * the 54 ISOMM v2.1 role codes exactly once; `function` must be the code's letter; `domain` is
 * I, II, III or IV. Function names and comments are those of the built-in model.
 * @param out  receives the model; free it with isomm_model_free() after its assessments
 * @return ::ISOMM_OK; ::ISOMM_EIO; ::ISOMM_EHEADER; ::ISOMM_EPARSE; ::ISOMM_EENCODING;
 *         ::ISOMM_ELIMIT; ::ISOMM_EROLE (unknown code); ::ISOMM_EDUPLICATE (code twice);
 *         ::ISOMM_EMODEL (wrong function letter, bad domain or source, empty name, a code
 *         missing: line = last line + 1); ::ISOMM_EEMPTY (no data row); ::ISOMM_ENOMEM.
 *         Positions as for assessment CSV. The model's name is @p path.
 */
ISOMM_EXPORT int isomm_model_load_csv(isomm_model **out, const char *path, isomm_error *err);
/** isomm_model_load_csv() from memory; @p name (copied) becomes the model's name (NULL = "custom"). */
ISOMM_EXPORT int isomm_model_load_csv_buffer(isomm_model **out, const char *data, size_t len, const char *name,
                                             isomm_error *err);
/**
 * Write a model as a model CSV (all eight columns, roles in catalogue order). For the built-in
 * model the output equals roles-v2.1.csv byte for byte.
 * @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_EIO, ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_model_write_csv(FILE *fp, const isomm_model *m, isomm_error *err);
/** isomm_model_write_csv() to memory (free *out with isomm_free()). */
ISOMM_EXPORT int isomm_model_write_csv_buffer(char **out, size_t *len, const isomm_model *m, isomm_error *err);

#ifdef __cplusplus
}
#endif

#endif
