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

/** Version of ::isomm_report_options understood by this library. */
#define ISOMM_REPORT_OPTIONS_VERSION 1

/** Report options. Start from ::ISOMM_REPORT_OPTIONS_INIT. */
typedef struct isomm_report_options {
    unsigned int version;         /**< ::ISOMM_REPORT_OPTIONS_VERSION */
    isomm_format format;          /**< output format */
    isomm_lang lang;              /**< language of labels and texts */
    const isomm_result *second;   /**< optional second radar series (a target or another assessment), or NULL */
    const char *second_label;     /**< legend label of the second series, or NULL for a default */
} isomm_report_options;

/** Defaults: text, Japanese, no second series. */
#define ISOMM_REPORT_OPTIONS_INIT { ISOMM_REPORT_OPTIONS_VERSION, ISOMM_FORMAT_TEXT, ISOMM_LANG_JA, NULL, NULL }

#ifdef __cplusplus
}
#endif

#endif
