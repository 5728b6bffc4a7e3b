/* SPDX-License-Identifier: MIT */
/* Private pieces of the workbook reader and writer: the template's words (both sides must agree
 * on them), the zip reader over libzip and the XML parser over expat. Neither library appears in
 * a public header. Not installed. */
#ifndef ISOMM_XLSX_INTERNAL_H
#define ISOMM_XLSX_INTERNAL_H

#include <stddef.h>

#include "isomm/xlsx.h"

/* Words of the template and the report workbook, indexed by isomm_lang. */
typedef enum isomm__xlsx_word_id {
    ISOMM__XW_SHEET_PREPARATION,
    ISOMM__XW_SHEET_INPUT,
    ISOMM__XW_SHEET_SCALES,
    ISOMM__XW_PREPARATION_TITLE,
    ISOMM__XW_PREPARATION_HELP,
    ISOMM__XW_INPUT_TITLE,
    ISOMM__XW_INPUT_HELP,
    ISOMM__XW_SCALES_TITLE,
    ISOMM__XW_ID,
    ISOMM__XW_ORGANIZATION,
    ISOMM__XW_ASSESSOR,
    ISOMM__XW_DATE,
    ISOMM__XW_CURRENT,
    ISOMM__XW_TARGET,
    ISOMM__XW_DATE_HINT,
    ISOMM__XW_PATTERN_HINT,
    ISOMM__XW_ROLE,
    ISOMM__XW_FUNCTION,
    ISOMM__XW_NAME,
    ISOMM__XW_DOMAIN,
    ISOMM__XW_SUMMARY,
    ISOMM__XW_SOURCING,
    ISOMM__XW_LEVEL,
    ISOMM__XW_NOTE,
    ISOMM__XW_INSOURCE_VALUE,
    ISOMM__XW_OUTSOURCE_VALUE,
    ISOMM__XW_SCALE_INSOURCE,
    ISOMM__XW_SCALE_OUTSOURCE,
    ISOMM__XW_LEVEL_PROMPT_TITLE,
    ISOMM__XW_LEVEL_PROMPT,
    ISOMM__XW_SOURCING_PROMPT_TITLE,
    ISOMM__XW_SOURCING_PROMPT,
    ISOMM__XW_REPORT_OVERVIEW,
    ISOMM__XW_REPORT_RATED,
    ISOMM__XW_REPORT_EXCLUDED,
    ISOMM__XW_REPORT_COMMENT,
    ISOMM__XW_REPORT_MISMATCHES,
    ISOMM__XW_REPORT_CURRENT_MISMATCHES,
    ISOMM__XW_REPORT_ANSWERS,
    ISOMM__XW_REPORT_NEXT_LEVEL,
    ISOMM__XW_REPORT_NEXT_STEP,
    ISOMM__XW_COUNT
} isomm__xlsx_word_id;

/* The word in a language (lang already validated). */
const char *isomm__xlsx_word(isomm__xlsx_word_id w, isomm_lang lang);

/* Bytes of a sheet name buffer: Excel's 31 characters of up to 4 UTF-8 bytes, and a NUL. */
#define ISOMM__XLSX_SHEET_NAME_SIZE 128

/* ---- budgets shared by every part read from one workbook ---- */

typedef struct isomm__xlsx_budget {
    size_t inflated_max, inflated_left; /* bytes */
    size_t elements_max, elements_left; /* XML elements */
} isomm__xlsx_budget;

/* ---- zip (libzip) ---- */

typedef struct isomm__zip isomm__zip;

/* Open a zip archive held in memory (borrowed until isomm__zip_close). ISOMM_EPARSE with the
 * reason when it is not a readable zip. */
int isomm__zip_open(isomm__zip **out, const void *data, size_t len, isomm_error *err);
void isomm__zip_close(isomm__zip *z);
/* Whether the archive holds an entry of that name (case-insensitive, as OPC part names are). */
int isomm__zip_has(isomm__zip *z, const char *name);

/* Receives inflated bytes; returns ISOMM_OK or an error code (already stored in err). */
typedef int (*isomm__zip_sink)(void *userdata, const char *data, size_t len, isomm_error *err);

/* Inflate one entry through sink in chunks, spending budget->inflated_left: ISOMM_ELIMIT before
 * reading when the entry declares more than is left, or as soon as more is inflated than is
 * left; ISOMM_EPARSE for a missing, encrypted or damaged entry. */
int isomm__zip_read(isomm__zip *z, const char *name, isomm__xlsx_budget *budget, isomm__zip_sink sink,
                    void *userdata, isomm_error *err);

/* ---- XML (expat): namespaces reduced to local names, no DTD ---- */

typedef struct isomm__xml_handlers {
    /* attrs: name, value, name, value, ..., NULL (local names) */
    int (*start)(void *userdata, const char *name, const char **attrs, isomm_error *err);
    int (*end)(void *userdata, const char *name, isomm_error *err);
    int (*text)(void *userdata, const char *s, size_t len, isomm_error *err);
} isomm__xml_handlers;

/* Parse the zip entry `part` with the handlers (a NULL handler is not called). A handler returns
 * ISOMM_OK or an error code it stored in err, which ends the parse. Errors of the parser itself:
 * ISOMM_EPARSE "PART:LINE:COLUMN: not well-formed ..." or a document type declaration;
 * ISOMM_ELIMIT for the element budget or nesting deeper than ISOMM_XLSX_MAX_DEPTH. */
int isomm__xml_parse_part(isomm__zip *z, const char *part, isomm__xlsx_budget *budget,
                          const isomm__xml_handlers *h, void *userdata, isomm_error *err);

/* The value of the attribute with local name `name`, NULL when absent. */
const char *isomm__xml_attr(const char **attrs, const char *name);

#endif
