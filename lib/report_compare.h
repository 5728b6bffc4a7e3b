/* Private pieces shared by the writers of comparisons and aggregates (report_compare*.c). */
#ifndef ISOMM_REPORT_COMPARE_H
#define ISOMM_REPORT_COMPARE_H

#include "buf.h"
#include "isomm/compare.h"

/* Fixed words of comparison and aggregate output, in both languages. */
enum isomm__compare_label {
    L_COMPARISON,
    L_AGGREGATE_OF,
    L_MODEL,
    L_ROLES_SUMMARY,
    L_NOT_COMPARED,
    L_FUNCTIONS_BY_CHANGE,
    L_CHANGED_ROLES,
    L_NO_CHANGED_ROLES,
    L_SOURCING_CHANGED,
    L_UNANSWERED,
    L_FUNCTION,
    L_OLD,
    L_NEW,
    L_CHANGE,
    L_ROLE,
    L_NAME,
    L_FUNCTION_STATS,
    L_MEAN,
    L_MIN,
    L_MAX,
    L_COUNT,
    L_SPREAD,
    L_INSOURCE,
    L_OUTSOURCE,
    L_LEVEL0,
    L_DISAGREEMENTS,
    L_NO_DISAGREEMENTS,
    L_ROLES,
    L_YES,
    L_HEATMAP_TITLE,
    L_FIRST_OF,
    L_LEVEL,
    L_RADAR_COMPARISON,
    L_RADAR_AGGREGATE,
    L_COUNT_OF_LABELS
};

/* The label in a language (lang already validated). */
const char *isomm__compare_label(isomm_lang lang, enum isomm__compare_label l);

/* Heat map of an aggregate: recorded assessments as columns, the 54 roles as rows, colour = level. */
void isomm__aggregate_svg_heatmap(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang);

#endif
