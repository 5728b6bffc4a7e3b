/* SPDX-License-Identifier: MIT */
/* The radar and the HTML page of benchmarks: the page frame and style of the reports
 * (report_html.c), the shared radar (svg.c) with the population's band behind the assessment. */
#include <string.h>

#include "internal.h"
#include "report_benchmark.h"
#include "report_internal.h"
#include "svg.h"

static const char *L(isomm_lang lang, enum isomm__benchmark_label l)
{
    return isomm__benchmark_label(lang, l);
}

void isomm__benchmark_svg_radar(isomm_buf *b, const isomm_benchmark *bm, isomm_lang lang)
{
    const isomm_model *m = isomm_benchmark_model(bm);
    const char *names[ISOMM_FUNCTION_COUNT], *codes[ISOMM_FUNCTION_COUNT];
    double own[ISOMM_FUNCTION_COUNT], low[ISOMM_FUNCTION_COUNT], median[ISOMM_FUNCTION_COUNT],
        high[ISOMM_FUNCTION_COUNT];
    isomm__radar_series series[2];
    isomm__radar_band band;
    int i;

    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_benchmark_value *v = isomm_benchmark_function(bm, i);
        names[i] = isomm_function_name(isomm_model_function(m, i), lang);
        codes[i] = isomm_model_function(m, i)->code;
        own[i] = v->has_maturity ? v->maturity : -1.0;
        low[i] = v->has_quartiles ? v->quartiles[0] : -1.0;
        median[i] = v->has_quartiles ? v->quartiles[1] : -1.0;
        high[i] = v->has_quartiles ? v->quartiles[2] : -1.0;
    }
    /* the assessment first (solid, drawn last, on top), the median second (dashed) */
    series[0].label = isomm_benchmark_id(bm);
    series[0].values = own;
    series[1].label = L(lang, B_MEDIAN_SERIES);
    series[1].values = median;
    band.label = L(lang, B_BAND);
    band.low = low;
    band.high = high;
    isomm__svg_radar_banded(b, L(lang, B_RADAR_TITLE), NULL, ISOMM_FUNCTION_COUNT, names, codes, &band, series, 2);
}

static void value_row(isomm_buf *b, const char *code, const char *name, const isomm_benchmark_value *v)
{
    int i;
    isomm__buf_printf(b, "<tr><td><b>%s</b></td><td>", code);
    isomm__buf_xml(b, name);
    isomm__buf_puts(b, "</td><td class=\"num\">");
    isomm__report_maturity(b, v->has_maturity, v->maturity);
    isomm__buf_puts(b, "</td><td class=\"num\">");
    isomm__report_maturity(b, v->has_percentile, v->percentile);
    isomm__buf_puts(b, "</td>");
    for (i = 0; i < 3; i++) {
        isomm__buf_puts(b, "<td class=\"num\">");
        isomm__report_maturity(b, v->has_quartiles, v->quartiles[i]);
        isomm__buf_puts(b, "</td>");
    }
    isomm__buf_puts(b, "</tr>\n");
}

static void functions_table(isomm_buf *b, const isomm_benchmark *bm, isomm_lang lang)
{
    const isomm_model *m = isomm_benchmark_model(bm);
    int i;
    isomm__buf_printf(b,
                      "<h2>%s</h2>\n<table>\n<tr><th>%s</th><th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s"
                      "</th><th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th></tr>\n",
                      L(lang, B_FUNCTIONS), L(lang, B_FUNCTION), L(lang, B_NAME), L(lang, B_MATURITY),
                      L(lang, B_PERCENTILE), L(lang, B_LOWER), L(lang, B_MEDIAN), L(lang, B_UPPER));
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_info *fi = isomm_model_function(m, i);
        value_row(b, fi->code, isomm_function_name(fi, lang), isomm_benchmark_function(bm, i));
    }
    value_row(b, "", L(lang, B_OVERALL), isomm_benchmark_overall(bm));
    isomm__buf_puts(b, "</table>\n");
}

static void roles_table(isomm_buf *b, const isomm_benchmark *bm, isomm_lang lang)
{
    static const isomm_standing order[] = { ISOMM_STANDING_ABOVE, ISOMM_STANDING_AT, ISOMM_STANDING_BELOW,
                                            ISOMM_STANDING_NONE };
    const isomm_model *m = isomm_benchmark_model(bm);
    size_t g;
    int i;

    isomm__buf_printf(b, "<h2>%s</h2>\n<ul>\n", L(lang, B_ROLES));
    for (g = 0; g < sizeof order / sizeof order[0]; g++) {
        int n = 0, first = 1;
        for (i = 0; i < ISOMM_ROLE_COUNT; i++)
            n += isomm_benchmark_role(bm, i)->standing == order[g];
        isomm__buf_printf(b, "<li>%s (%d): ", isomm__benchmark_standing_label(lang, order[g]), n);
        for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
            if (isomm_benchmark_role(bm, i)->standing != order[g])
                continue;
            isomm__buf_printf(b, "%s%s", first ? "" : ", ", isomm_model_role(m, i)->code);
            first = 0;
        }
        isomm__buf_puts(b, first ? "-</li>\n" : "</li>\n");
    }
    isomm__buf_printf(b,
                      "</ul>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th class=\"num\">%s</th><th "
                      "class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th><th>%s</th><th>%s</th>"
                      "</tr>\n",
                      L(lang, B_ROLE), L(lang, B_NAME), L(lang, B_LEVEL), L(lang, B_RATED), L(lang, B_BELOW_SHARE),
                      L(lang, B_SAME_SHARE), L(lang, B_ABOVE_SHARE), L(lang, B_STANDING), L(lang, B_COMMON_SOURCING));
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_standing *rs = isomm_benchmark_role(bm, i);
        const isomm_role_info *ri = isomm_model_role(m, i);
        isomm__buf_printf(b, "<tr><td><b>%s</b></td><td>", ri->code);
        isomm__buf_xml(b, isomm_role_name(ri, lang));
        isomm__buf_puts(b, "</td><td>");
        if (rs->level == ISOMM_UNANSWERED)
            isomm__buf_puts(b, L(lang, B_UNANSWERED));
        else
            isomm__buf_printf(b, "%s %d", isomm_sourcing_name(rs->sourcing, lang), rs->level);
        isomm__buf_printf(b, "</td><td class=\"num\">%llu</td><td class=\"num\">", (unsigned long long)rs->rated);
        isomm__benchmark_share(b, rs->has_shares, rs->below);
        isomm__buf_puts(b, "</td><td class=\"num\">");
        isomm__benchmark_share(b, rs->has_shares, rs->same);
        isomm__buf_puts(b, "</td><td class=\"num\">");
        isomm__benchmark_share(b, rs->has_shares, rs->above);
        isomm__buf_printf(b, "</td><td>%s</td><td>%s</td></tr>\n",
                          isomm__benchmark_standing_word(lang, rs->standing),
                          rs->common_sourcing ? isomm_sourcing_name(rs->common_sourcing, lang) : "-");
    }
    isomm__buf_puts(b, "</table>\n");
}

void isomm__benchmark_html(isomm_buf *b, const isomm_benchmark *const *list, size_t count, isomm_lang lang)
{
    size_t i;

    isomm__report_html_begin(b, lang, L(lang, B_PAGE_TITLE));
    for (i = 0; i < count; i++) {
        const isomm_benchmark *bm = list[i];
        /* each benchmark starts a printed page of its own */
        isomm__buf_printf(b, "<section class=\"benchmark\"%s>\n<h1>", i ? " style=\"break-before: page\"" : "");
        {
            isomm_buf title = ISOMM_BUF_INIT;
            char *t;
            isomm__buf_printf(&title, L(lang, B_TITLE), isomm_benchmark_id(bm),
                              (unsigned long long)isomm_benchmark_population(bm));
            t = isomm__buf_take(&title, NULL);
            if (!t) {
                b->failed = 1;
                return;
            }
            isomm__buf_xml(b, t);
            isomm_free(t);
        }
        isomm__buf_puts(b, "</h1>\n<p>");
        isomm__buf_printf(b, L(lang, B_MIN_SIZE), (unsigned long long)isomm_benchmark_min_size(bm));
        isomm__buf_puts(b, "</p>\n");
        isomm__benchmark_svg_radar(b, bm, lang);
        functions_table(b, bm, lang);
        roles_table(b, bm, lang);
        isomm__buf_puts(b, "</section>\n");
    }
    isomm__report_html_end(b, lang);
}
