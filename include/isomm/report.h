/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/report.h
 * @brief Reports of an evaluation: text, Markdown, JSON, SVG charts and one self-contained HTML page.
 *
 * Rendering reads a result and the assessment it was computed from (metadata, notes). Output
 * goes to a newly allocated buffer (free it with isomm_free()) or to a FILE*.
 */
#ifndef ISOMM_REPORT_H
#define ISOMM_REPORT_H

#include <stdio.h>

#include "isomm/evaluate.h"
#include "isomm/output.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats. */
typedef enum isomm_format {
    ISOMM_FORMAT_TEXT = 0,      /**< readable terminal report (UTF-8) */
    ISOMM_FORMAT_MARKDOWN = 1,  /**< the same content as Markdown */
    ISOMM_FORMAT_JSON = 2,      /**< one JSON object as INTERFACES.md section 3 */
    ISOMM_FORMAT_HTML = 3,      /**< one self-contained HTML page with every chart */
    ISOMM_FORMAT_SVG_RADAR = 4, /**< radar chart of the nine functions */
    ISOMM_FORMAT_SVG_ROLES = 5, /**< bar per role, grouped by function, coloured by sourcing */
    ISOMM_FORMAT_SVG_HEATMAP = 6 /**< aggregates only: roles by assessor, colour = level (isomm/compare.h) */
} isomm_format;

/**
 * Version of ::isomm_report_options understood by this library: 2 (adds `width`). Version 1
 * (the struct without `width`) is still accepted and renders text at 80 columns.
 */
#define ISOMM_REPORT_OPTIONS_VERSION 2

/** Default terminal width of text output, in columns. */
#define ISOMM_REPORT_DEFAULT_WIDTH 80

/** Narrowest text layout: a smaller ::isomm_report_options.width is rendered at this width. */
#define ISOMM_REPORT_MIN_WIDTH 40

/**
 * Report options. Start from ::ISOMM_REPORT_OPTIONS_INIT.
 *
 * ABI: caller may allocate, has a version field. Start from the INIT macro; fields are only
 * added at the end, with the version and INIT macro bumped, and older versions stay accepted.
 */
typedef struct isomm_report_options {
    unsigned int version;         /**< ::ISOMM_REPORT_OPTIONS_VERSION (1 is accepted: no width) */
    isomm_format format;          /**< output format */
    isomm_lang lang;              /**< language of labels and texts */
    const isomm_result *second;   /**< optional second radar series (a target or another assessment), or NULL */
    const char *second_label;     /**< legend label of the second series, or NULL for a default */
    int width;                    /**< version 2: text output's width in terminal columns (East Asian wide
                                       characters count two); 0 = ::ISOMM_REPORT_DEFAULT_WIDTH, values below
                                       ::ISOMM_REPORT_MIN_WIDTH give that; negative is ::ISOMM_EOPTIONS. Bars
                                       shrink and long names wrap with a hanging indent to fit. Other formats
                                       ignore it. */
} isomm_report_options;

/** Defaults: text, Japanese, no second series, 80 columns. */
#define ISOMM_REPORT_OPTIONS_INIT \
    { ISOMM_REPORT_OPTIONS_VERSION, ISOMM_FORMAT_TEXT, ISOMM_LANG_JA, NULL, NULL, ISOMM_REPORT_DEFAULT_WIDTH }

/**
 * Render one result as a document of the format in @p opts.
 *
 * Text and Markdown: header (assessment, organisation, assessor, date, patterns), the nine
 * functions with maturity and a bar, overall maturity, strengths and weaknesses with the comments
 * of their maturity band, the four recommendation lists (each role with its next step), the
 * action plan, pattern fit (or why there is none), unanswered roles, notes, warnings; Markdown
 * also a table of every role. Text fits opts->width columns, and control characters from input
 * (ESC, BEL, DEL, C1) are shown escaped (`\x1b`). Markdown uses tables, which need a
 * GitHub-flavoured Markdown renderer.
 * JSON: one object as INTERFACES.md section 3; numbers unrounded, absent values `null`,
 * `name` and the comments in opts->lang, `warnings` the stable warning ids (isomm_warning_id()).
 * SVG radar: the nine function maturities (plus opts->second as a dashed second series).
 * SVG roles: one bar per role, grouped by function, coloured by sourcing; level 0 and
 * unanswered roles drawn distinctly. HTML: one self-contained page (inline CSS and SVG, no
 * external resource) with all of the above.
 *
 * @param out  receives a NUL-terminated UTF-8 document; free it with isomm_free()
 * @param len  receives its length in bytes (may be NULL)
 * @param r    the result (its assessment must still be alive)
 * @param opts options, or NULL for ::ISOMM_REPORT_OPTIONS_INIT
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (out or r NULL); ::ISOMM_EOPTIONS (unknown options
 *         version, format or language); ::ISOMM_ENOMEM. On failure *out is NULL.
 */
ISOMM_EXPORT int isomm_report_render(char **out, size_t *len, const isomm_result *r, const isomm_report_options *opts,
                                     isomm_error *err);

/**
 * isomm_report_render() written to a stream.
 * @return the codes of isomm_report_render(), or ::ISOMM_EIO when writing to @p fp fails.
 */
ISOMM_EXPORT int isomm_report_write(FILE *fp, const isomm_result *r, const isomm_report_options *opts, isomm_error *err);

/**
 * Render several results (e.g. every assessment of one CSV file) as one document.
 *
 * Text and Markdown: the single reports one after another (Markdown separated by a rule).
 * JSON: an array of the objects of isomm_report_render() (`[]` for count 0).
 * SVG radar: one chart with one series per result (legend: assessment ids), plus opts->second.
 * HTML: one page; when count > 1 it opens with a table of every result (id, metadata, overall and
 * function maturities) and, up to six results, their radar, then a section per result. Its
 * `<title>` names the first three assessment ids, then " … (N)" with the number of them all when
 * there are more.
 * SVG roles: exactly one result (a role chart shows one assessment).
 *
 * @param results array of @p count results (borrowed)
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (out NULL, results NULL with count > 0, a NULL element,
 *         or several results for the role chart); ::ISOMM_EEMPTY (count 0 for a format other
 *         than JSON); ::ISOMM_EOPTIONS; ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_report_render_list(char **out, size_t *len, const isomm_result *const *results, size_t count,
                                          const isomm_report_options *opts, isomm_error *err);

/**
 * isomm_report_render_list() written to a stream, as it is rendered (through an
 * ::isomm_report_stream: the whole document is never in memory). The arguments are checked
 * before anything is written; a write that fails part way leaves part of the document in @p fp.
 * @return the codes of isomm_report_render_list(), or ::ISOMM_EIO when writing fails (or the
 *         temporary file of an HTML page cannot be written, see ::isomm_report_stream).
 */
ISOMM_EXPORT int isomm_report_write_list(FILE *fp, const isomm_result *const *results, size_t count,
                                         const isomm_report_options *opts, isomm_error *err);

/**
 * A report written as it goes (library-owned, opaque): isomm_report_stream_open(), then
 * isomm_report_stream_add() for each result, then isomm_report_stream_finish(). The bytes handed
 * to the write function are exactly those of isomm_report_render_list() for the same results.
 *
 * In every format the result (and its assessment) may be freed right after
 * isomm_report_stream_add() returns: the stream keeps nothing of it but what is said here.
 * Text, Markdown and JSON: each result's part is written when it is added, and memory does not
 * grow with the number of results.
 * HTML: the page opens with what needs every result (the title, the count, the summary table), so
 * the page is written at isomm_report_stream_finish(). Each result's section and summary row are
 * rendered when it is added and put aside in a spool: in memory up to 1 MiB each, then in an
 * anonymous temporary file under `$TMPDIR` (or /tmp) that has no name on disk and is gone when the
 * stream ends; the stream keeps in memory only the radar values of the first six results and the
 * first three ids. So memory does not grow with the number of results; the temporary file grows
 * by the size of each section (about 80 KB).
 * SVG radar: the stream keeps each result's id and nine maturities (about 100 bytes each) and
 * draws the chart at the end. SVG roles: the chart of the first result is rendered when it is
 * added and written at the end; later results are only counted (finish refuses more than one).
 * opts->second, when set, must stay alive until isomm_report_stream_finish(). Used by one thread
 * at a time.
 */
typedef struct isomm_report_stream isomm_report_stream;

/**
 * Start a report that goes to @p write as it is rendered.
 * @param out   receives the stream; end it with isomm_report_stream_finish() (or
 *              isomm_report_stream_free() to abandon it)
 * @param opts  options, or NULL for ::ISOMM_REPORT_OPTIONS_INIT
 * @param write receives the document piece by piece (for a file: isomm_output_sink() with an
 *              ::isomm_output as @p sink)
 * @param sink  passed to @p write
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (out or write NULL); ::ISOMM_EOPTIONS; ::ISOMM_ENOMEM; or
 *         the code @p write returned (JSON writes its opening bracket here).
 */
ISOMM_EXPORT int isomm_report_stream_open(isomm_report_stream **out, const isomm_report_options *opts,
                                          isomm_write_fn write, void *sink, isomm_error *err);

/**
 * Add one result (borrowed only during the call: it may be freed once this returns).
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (s or r NULL); ::ISOMM_ENOMEM; ::ISOMM_EIO (HTML: the
 *         temporary file of the spool cannot be created or written; the message names its
 *         directory and the system's reason); the code the write function returned; after any
 *         failure, that failure's code again.
 */
ISOMM_EXPORT int isomm_report_stream_add(isomm_report_stream *s, const isomm_result *r, isomm_error *err);

/**
 * Write what remains (JSON's closing bracket; the whole HTML page or SVG chart) and release the
 * stream, whatever the outcome.
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (s NULL, or several results for the role chart);
 *         ::ISOMM_EEMPTY (no result, for a format other than JSON); ::ISOMM_ENOMEM; ::ISOMM_EIO
 *         (HTML: reading the spool's temporary file back failed); the code the write function
 *         returned, or that of an earlier failure.
 */
ISOMM_EXPORT int isomm_report_stream_finish(isomm_report_stream *s, isomm_error *err);

/** Abandon a stream without writing more. NULL is ignored. */
ISOMM_EXPORT void isomm_report_stream_free(isomm_report_stream *s);

/**
 * The catalogue as JSON: `{"name", "functions": [{code, name_ja, name_en, roles: [codes],
 * strength_ja, strength_en, weakness_ja, weakness_en, comments: {strength: [{band, ja, en}], weakness:
 * [...]}}] (the comments of the five maturity bands, isomm_function_band_comment()), "roles": [{code, function, domain,
 * domain_source, name_ja, name_en, summary_ja, summary_en}], "domains": [{code, stance}],
 * "patterns": [{id, name_ja, name_en, insourced_domains: [..]}], "scales": {"insource":
 * [{level, ja, en}], "outsource": [...]}}`.
 * @param out receives the document; free it with isomm_free()
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (out or model NULL), ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_model_render_json(char **out, size_t *len, const isomm_model *model, isomm_error *err);

#ifdef __cplusplus
}
#endif

#endif
