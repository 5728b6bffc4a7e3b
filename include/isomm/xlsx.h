/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/xlsx.h
 * @brief The Excel workbook (.xlsx): the self-check template, reading it back, the report workbook.
 *
 * The template has the shape of the ISOMM sheet: a preparation sheet (assessment id,
 * organisation, assessor, date, current and target pattern, each pattern a drop-down list), an
 * input sheet with one row per role (code, function, name, domain, summary, a sourcing drop-down,
 * a level drop-down 0-5 whose input message gives both scales, a note) and a sheet with the two
 * scales. Only the answer cells are unlocked (the sheets are protected without a password).
 *
 * The reader takes such a workbook as Excel, LibreOffice or a script saves it:
 *  - an input sheet is any worksheet with a header row holding a role-code, a sourcing and a
 *    level column (English or Japanese header texts, or the CSV names `role`, `sourcing`,
 *    `level`, `note`); the header is searched for, so rows and columns inserted by a user do not
 *    matter. Rows below the header whose code cell is empty are skipped; any other code must be
 *    a role code.
 *  - a preparation sheet is a worksheet without such a header that holds metadata labels
 *    (`Assessment ID`, `Organisation`, `Assessor`, `Date`, `Current pattern`, `Target pattern`
 *    or their Japanese texts, or the CSV names); each value is the cell right of its label. A date
 *    may be text (YYYY-MM-DD) or an Excel date number.
 *  - several assessments in one workbook are several input sheets: with as many preparation
 *    sheets as input sheets, the n-th belongs to the n-th; one preparation sheet belongs to every
 *    input sheet. An assessment without an id takes its input sheet's name when the workbook has
 *    several input sheets, else "default"; with one preparation sheet for several input sheets, each
 *    assessment's id is its input sheet's name.
 *  - values: shared and inline strings, numbers typed as 3, text "3" or chosen from the list;
 *    sourcing and pattern values in either language. A formula cell counts by the result a
 *    spreadsheet saved with it; one without a saved result (as scripts write formulas) is an
 *    ::ISOMM_EPARSE error at its cell, never an empty answer.
 *
 * Errors name the sheet and the cell: isomm_error::message starts with `Sheet!G12: ` (a sheet
 * name with spaces or punctuation quoted as Excel does, `'Input (2)'!G12: `), isomm_error::line is
 * the row and isomm_error::column the column (1-based). Problems of the file itself (not a zip,
 * malformed XML, a limit) have line 0 and name the part of the zip where they apply.
 *
 * Hostile input: the reader never processes a DTD (a document type declaration is an error, so
 * entity expansion cannot happen), inflates with a running byte budget
 * (isomm_xlsx_options::max_inflated_bytes), counts XML elements
 * (isomm_xlsx_options::max_elements), limits nesting to ::ISOMM_XLSX_MAX_DEPTH, one cell's text
 * to ::ISOMM_XLSX_MAX_TEXT_BYTES and the sheets to ::ISOMM_XLSX_MAX_SHEETS; each limit hit is
 * ::ISOMM_ELIMIT with the limit in the message.
 * A CSV file, an Excel 97-2003 .xls file and a password-protected (encrypted) workbook are each
 * recognised and refused with ::ISOMM_EPARSE and a message that says what the file is.
 *
 * Writing goes through isomm/output.h: a temporary file renamed over the target, so a failed
 * write leaves an existing file as it was and a symbolic link at the target is replaced. Text is
 * always written as text cells, never as formulas; numbers are written the same whatever the
 * locale of the process.
 */
#ifndef ISOMM_XLSX_H
#define ISOMM_XLSX_H

#include <stddef.h>

#include "isomm/evaluate.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ::isomm_xlsx_options understood by this library. */
#define ISOMM_XLSX_OPTIONS_VERSION 1
/** Default budget of inflated bytes (all parts of a workbook read together): 64 MiB. */
#define ISOMM_XLSX_DEFAULT_MAX_INFLATED (64u * 1024u * 1024u)
/** Default limit on XML elements in all the parts read: 1,000,000. */
#define ISOMM_XLSX_DEFAULT_MAX_ELEMENTS 1000000u
/** Deepest XML nesting accepted (an .xlsx part nests about 6 deep). */
#define ISOMM_XLSX_MAX_DEPTH 64
/** Most sheets a workbook read may list (the template has three; one input sheet per assessment). */
#define ISOMM_XLSX_MAX_SHEETS 4096
/** Longest text of one cell or shared string, in bytes (1 MiB). */
#define ISOMM_XLSX_MAX_TEXT_BYTES (1024u * 1024u)

/**
 * Workbook options. Start from ::ISOMM_XLSX_OPTIONS_INIT; a NULL options pointer means the defaults.
 * ABI: caller may allocate, has a version field (fields are added only at the end, with a new
 * ::ISOMM_XLSX_OPTIONS_VERSION; older versions stay accepted).
 */
typedef struct isomm_xlsx_options {
    unsigned int version;      /**< ::ISOMM_XLSX_OPTIONS_VERSION */
    isomm_lang lang;           /**< writers: language of sheet names, headers and texts */
    const isomm_model *model;  /**< template: role names and domains; readers: model of the assessments
                                    (borrowed); NULL = default model */
    size_t max_inflated_bytes; /**< readers: budget of the file size and of the inflated bytes; 0 = default */
    size_t max_elements;       /**< readers: budget of XML elements; 0 = default */
} isomm_xlsx_options;

/** Default options: Japanese, default model, default limits. */
#define ISOMM_XLSX_OPTIONS_INIT { ISOMM_XLSX_OPTIONS_VERSION, ISOMM_LANG_JA, NULL, 0, 0 }

/**
 * Write the self-check template (see the file comment) to @p path.
 * @param path target file (NULL or "-": standard output)
 * @param opts options or NULL (lang, model)
 * @param err  receives the error, or NULL
 * @return ::ISOMM_OK; ::ISOMM_EOPTIONS (unknown version or language); ::ISOMM_EIO (the message
 *         names the path and the reason; the target is unchanged); ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_xlsx_write_template(const char *path, const isomm_xlsx_options *opts, isomm_error *err);

/**
 * Write the report workbook of @p count results to @p path: per result one sheet with the
 * metadata, the function maturities as numbers with a native radar chart, strengths and
 * weaknesses with their comments, the four recommendation lists, the pattern fit, and the answers
 * of every role with a role bar chart (one series per sourcing); with several results an overview
 * sheet comes first (one row per result: metadata, maturities).
 * @param path    target file (NULL or "-": standard output)
 * @param results @p count results (borrowed, none NULL)
 * @param count   number of results, at least 1
 * @param opts    options or NULL (lang)
 * @param err     receives the error, or NULL
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (no results, a NULL result); ::ISOMM_EOPTIONS; ::ISOMM_EIO;
 *         ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_xlsx_write_report(const char *path, const isomm_result *const *results, size_t count,
                                         const isomm_xlsx_options *opts, isomm_error *err);

/**
 * Read every assessment of a workbook (see the file comment). Reading stops at the first error
 * and hands back nothing.
 * @param out   receives an array of `*count` assessments (input sheets in workbook order); free
 *              it with isomm_assessment_array_free()
 * @param count receives the number of assessments (>= 1 on success)
 * @param path  the workbook
 * @param opts  options or NULL (model, limits)
 * @param err   receives the error (code, cell's row and column, message), or NULL
 * @return ::ISOMM_OK; ::ISOMM_EIO (cannot open or read); ::ISOMM_EPARSE (not an .xlsx workbook,
 *         a broken zip or XML part, a missing part); ::ISOMM_ELIMIT; ::ISOMM_EEMPTY (no input
 *         sheet); ::ISOMM_EHEADER (a header column twice); ::ISOMM_EROLE, ::ISOMM_ESOURCING,
 *         ::ISOMM_ELEVEL, ::ISOMM_EPATTERN, ::ISOMM_EDATE (a bad cell); ::ISOMM_EDUPLICATE (a
 *         role twice in one sheet, an assessment id twice); ::ISOMM_ECONFLICT (preparation
 *         sheets that cannot be paired with the input sheets); ::ISOMM_EOPTIONS; ::ISOMM_EINVAL;
 *         ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_xlsx_read_file(isomm_assessment ***out, size_t *count, const char *path,
                                      const isomm_xlsx_options *opts, isomm_error *err);

/**
 * isomm_xlsx_read_file() on a workbook in memory.
 * @param out   receives the assessments (free with isomm_assessment_array_free())
 * @param count receives their number
 * @param data  the workbook's bytes (borrowed for the call; NULL only with @p len 0)
 * @param len   number of bytes
 * @param opts  options or NULL
 * @param err   receives the error, or NULL
 * @return as isomm_xlsx_read_file(), without ::ISOMM_EIO
 */
ISOMM_EXPORT int isomm_xlsx_read_buffer(isomm_assessment ***out, size_t *count, const void *data, size_t len,
                                        const isomm_xlsx_options *opts, isomm_error *err);

#ifdef __cplusplus
}
#endif

#endif
