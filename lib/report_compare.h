/* SPDX-License-Identifier: MIT */
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
    L_STATUS_COUNTS,
    L_STATUS,
    L_OVERALL,
    L_COLUMNS_OF,
    L_COUNT_OF_LABELS
};

/* The label in a language (lang already validated). */
const char *isomm__compare_label(isomm_lang lang, enum isomm__compare_label l);

/* "Insource 3", "Outsource 0" or "Unanswered". */
void isomm__compare_answer(isomm_buf *b, isomm_sourcing s, int level, isomm_lang lang);

/* A role's level change for people: "+2", "-1", or "-" where there is none. */
void isomm__compare_level_change(isomm_buf *b, const isomm_role_change *rc);

/* Whether a role's answer differs between the two assessments (level or sourcing). */
int isomm__compare_role_moved(const isomm_role_change *rc);

/* The columns of an aggregate's role table after the role code, and one role's values as text
 * ("-" for the level statistics of a role nobody answered with level 1-5). */
#define ISOMM__ROLE_COLUMNS 9
extern const enum isomm__compare_label isomm__compare_role_columns[ISOMM__ROLE_COLUMNS];
void isomm__compare_role_cells(const isomm_role_stats *rs, char cells[ISOMM__ROLE_COLUMNS][16]);

/* Text (markdown = 0) or Markdown, and JSON, of a comparison and of an aggregate. */
void isomm__comparison_text(isomm_buf *b, const isomm_comparison *c, isomm_lang lang, int markdown, size_t width);
void isomm__comparison_json(isomm_buf *b, const isomm_comparison *c);
void isomm__aggregate_text(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang, int markdown, size_t width);
void isomm__aggregate_json(isomm_buf *b, const isomm_aggregate *ag);

/* Radar of a comparison (one series per assessment) and of an aggregate (min, mean, max). */
void isomm__comparison_svg_radar(isomm_buf *b, const isomm_comparison *c, isomm_lang lang);
void isomm__aggregate_svg_radar(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang);

/* Self-contained HTML pages with the charts and tables (lang already validated). */
void isomm__comparison_html(isomm_buf *b, const isomm_comparison *c, isomm_lang lang);
void isomm__aggregate_html(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang);

/* Heat map of an aggregate: recorded assessments first..first+n-1 as columns (n >= 1), the 54 roles
 * as rows, colour and value = level; when n leaves some recorded ones out, the map says which
 * columns it holds. The HTML page draws the recorded assessments in parts that print legibly. */
void isomm__aggregate_svg_heatmap(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang, int first, int n);
#define ISOMM__HEATMAP_PART 25

#endif
