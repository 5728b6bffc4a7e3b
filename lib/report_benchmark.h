/* SPDX-License-Identifier: MIT */
/* Private pieces shared by the writers of benchmarks (report_benchmark*.c). Not installed. */
#ifndef ISOMM_REPORT_BENCHMARK_H
#define ISOMM_REPORT_BENCHMARK_H

#include "buf.h"
#include "isomm/population.h"

/* Fixed words of benchmark output, in both languages. */
enum isomm__benchmark_label {
    B_TITLE,        /* printf: id, population size */
    B_MIN_SIZE,     /* printf: minimum size */
    B_FUNCTIONS,
    B_FUNCTION,
    B_NAME,
    B_MATURITY,
    B_PERCENTILE,
    B_QUARTILES,
    B_LOWER,
    B_MEDIAN,
    B_UPPER,
    B_OVERALL,
    B_ROLES,
    B_ROLE,
    B_LEVEL,
    B_RATED,
    B_BELOW_SHARE,
    B_SAME_SHARE,
    B_ABOVE_SHARE,
    B_STANDING,
    B_COMMON_SOURCING,
    B_ABOVE_MOST,
    B_AT_MOST,
    B_BELOW_MOST,
    B_NOT_PLACED,
    B_SHORT_ABOVE, /* the standing in one word, for table cells */
    B_SHORT_AT,
    B_SHORT_BELOW,
    B_UNANSWERED,
    B_RADAR_TITLE,
    B_BAND,
    B_MEDIAN_SERIES,
    B_PAGE_TITLE,
    B_COUNT_OF_LABELS
};

/* The label in a language (lang already validated). */
const char *isomm__benchmark_label(isomm_lang lang, enum isomm__benchmark_label l);

/* The label of a standing group (ISOMM_STANDING_NONE: the roles not placed). */
const char *isomm__benchmark_standing_label(isomm_lang lang, isomm_standing s);

/* The standing in one word for a table cell, "-" for ISOMM_STANDING_NONE. */
const char *isomm__benchmark_standing_word(isomm_lang lang, isomm_standing s);

/* A share as a percentage with one decimal ("12.5%"), or "-" without shares. */
void isomm__benchmark_share(isomm_buf *b, int has, double share);

/* The radar (the population's interquartile band and median behind the assessment's line) and one
 * self-contained page with a section per benchmark (lang already validated). */
void isomm__benchmark_svg_radar(isomm_buf *b, const isomm_benchmark *bm, isomm_lang lang);
void isomm__benchmark_html(isomm_buf *b, const isomm_benchmark *const *list, size_t count, isomm_lang lang);

#endif
