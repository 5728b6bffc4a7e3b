/* SPDX-License-Identifier: MIT */
/* Charts of comparisons and aggregates. The heat map shows where assessors differ: one column
 * per recorded assessment, one row per role (grouped by function), colour = level, a corner
 * mark for outsourced answers, and the role's spread over all assessments on the right. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report_compare.h"
#include "report_internal.h"
#include "svg.h"
#include "utf8.h"

#define HEAT_LEFT 64.0   /* role codes */
#define HEAT_TOP 150.0   /* title and rotated column labels */
#define HEAT_CELL_W 30.0
#define HEAT_CELL_H 16.0
#define HEAT_GAP 8.0     /* between functions */
#define HEAT_SPREAD_W 64.0
#define HEAT_LEGEND_H 64.0
#define HEAT_LABEL_COLUMNS 16 /* width of a column label before it is cut (a Japanese character is 2) */

/* Fill of levels 0..5 (0 = not applicable) and of an unanswered role. Every cell also shows its
 * value, dark on the light fills (1-3) and white on the dark ones (4-5), 5:1 or more each, so
 * the map reads without colour; level 0 is crossed out as well. */
static const char *const level_fill[ISOMM_LEVEL_MAX + 1] = { "#f1f3f5", "#e7f0fa", "#b6d0ee",
                                                             "#7aa9dc", "#2f6db5", "#1a4f8c" };
#define UNANSWERED_FILL "#ffffff"
#define DISAGREEMENT_COLOR "#c92a2a"
#define CELL_TEXT(level) ((level) >= 4 ? "#ffffff" : ISOMM__SVG_TEXT)

static double row_y(const isomm_model *m, int role)
{
    return HEAT_TOP + HEAT_CELL_H * role + HEAT_GAP * isomm_model_role(m, role)->function;
}

/* A cell's box and marks: fill by level, the diagonal of level 0, the corner of an outsourced
 * answer, and the value ("?" when unanswered). level is ISOMM_UNANSWERED for none. */
static void cell_box(isomm_buf *b, double x, double y, double w, int level, isomm_sourcing s)
{
    int answered = level != ISOMM_UNANSWERED;

    isomm__svg_printf(b, "<rect x=\"%v\" y=\"%v\" width=\"%v\" height=\"%v\" fill=\"%s\" stroke=\"#dee2e6\" "
                      "stroke-width=\"0.5\"/>", x, y, w, HEAT_CELL_H, answered ? level_fill[level] : UNANSWERED_FILL);
    if (level == 0)
        isomm__svg_printf(b, "<path d=\"M%v,%v L%v,%v\" stroke=\"#6c757d\" stroke-width=\"1\"/>", x, y + HEAT_CELL_H,
                          x + w, y);
    if (answered && s == ISOMM_OUTSOURCE)
        isomm__svg_printf(b, "<path d=\"M%v,%v h-8 l8,8 z\" fill=\"" ISOMM__SVG_OUTSOURCE "\" stroke=\"#ffffff\" "
                          "stroke-width=\"0.8\"/>", x + w, y);
    isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">", x + w / 2.0,
                      y + HEAT_CELL_H - 4.0, answered ? CELL_TEXT(level) : ISOMM__SVG_MUTED);
    if (answered)
        isomm__buf_printf(b, "%d", level);
    else
        isomm__buf_puts(b, "?");
    isomm__buf_puts(b, "</text>");
}

static void heat_cell(isomm_buf *b, double x, double y, const isomm_answer *ans, const char *code,
                      const char *column, isomm_lang lang)
{
    isomm__buf_printf(b, "<g><title>%s · ", code);
    isomm__buf_xml(b, column);
    isomm__buf_puts(b, ": ");
    if (ans->level != ISOMM_UNANSWERED)
        isomm__buf_printf(b, "%s %d", isomm_sourcing_name(ans->sourcing, lang), ans->level);
    else
        isomm__buf_puts(b, isomm__compare_label(lang, L_UNANSWERED));
    isomm__buf_puts(b, "</title>");
    cell_box(b, x, y, HEAT_CELL_W, ans->level, ans->sourcing);
    isomm__buf_puts(b, "</g>\n");
}

static void legend_text(isomm_buf *b, double x, double y, const char *label)
{
    isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" font-size=\"12\" fill=\"" ISOMM__SVG_TEXT "\">", x, y);
    isomm__buf_xml(b, label);
    isomm__buf_puts(b, "</text>\n");
}

static void heat_legend(isomm_buf *b, double y, isomm_lang lang)
{
    double x = 72.0;
    int level;

    legend_text(b, 16.0, y + 12.0, isomm__compare_label(lang, L_LEVEL));
    for (level = 1; level <= ISOMM_LEVEL_MAX; level++, x += 34.0)
        cell_box(b, x, y, 26.0, level, ISOMM_INSOURCE);
    cell_box(b, x, y, 26.0, 0, ISOMM_INSOURCE);
    legend_text(b, x + 32.0, y + 12.0, isomm__compare_label(lang, L_LEVEL0));
    y += 24.0;
    x = 72.0;
    cell_box(b, x, y, 26.0, ISOMM_UNANSWERED, ISOMM_SOURCING_NONE);
    legend_text(b, x + 32.0, y + 12.0, isomm__compare_label(lang, L_UNANSWERED));
    x += 150.0;
    isomm__svg_printf(b, "<rect x=\"%v\" y=\"%v\" width=\"26\" height=\"%v\" fill=\"#ffffff\" stroke=\"#dee2e6\"/>"
                      "<path d=\"M%v,%v h-8 l8,8 z\" fill=\"" ISOMM__SVG_OUTSOURCE "\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>",
                      x, y, HEAT_CELL_H, x + 26.0, y);
    legend_text(b, x + 32.0, y + 12.0, isomm__compare_label(lang, L_OUTSOURCE));
}

void isomm__aggregate_svg_heatmap(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang, int first, int n)
{
    const isomm_model *m = isomm_aggregate_model(ag);
    int recorded = isomm_aggregate_recorded_count(ag), count = isomm_aggregate_count(ag), i, role;
    double grid_right = HEAT_LEFT + HEAT_CELL_W * n;
    double width = grid_right + HEAT_SPREAD_W + 16.0;
    double legend_y = row_y(m, ISOMM_ROLE_COUNT - 1) + HEAT_CELL_H + 24.0;
    double height = legend_y + HEAT_LEGEND_H;

    if (width < 480.0)
        width = 480.0;
    isomm__svg_printf(b,
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-heatmap\" width=\"%v\" height=\"%v\" "
                      "viewBox=\"0 0 %v %v\" font-family=\"" ISOMM__SVG_FONT "\" role=\"img\">\n<title>%s</title>\n"
                      "<rect width=\"%v\" height=\"%v\" fill=\"#ffffff\"/>\n"
                      "<text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT "\">%s</text>\n",
                      width, height, width, height, isomm__compare_label(lang, L_HEATMAP_TITLE), width, height,
                      isomm__compare_label(lang, L_HEATMAP_TITLE));
    if (recorded < count || n < recorded) {
        isomm__buf_puts(b, "<text x=\"16\" y=\"46\" font-size=\"12\" fill=\"" ISOMM__SVG_MUTED "\">");
        if (n < recorded)
            isomm__buf_printf(b, isomm__compare_label(lang, L_COLUMNS_OF), first + 1, first + n, count);
        else
            isomm__buf_printf(b, isomm__compare_label(lang, L_FIRST_OF), count, n);
        isomm__buf_puts(b, "</text>\n");
    }

    for (i = 0; i < n; i++) {
        const char *assessor = isomm_aggregate_recorded_meta(ag, first + i, ISOMM_META_ASSESSOR);
        double x = HEAT_LEFT + HEAT_CELL_W * i + HEAT_CELL_W / 2 + 4;
        isomm__svg_printf(b,
                          "<text transform=\"translate(%v,%v) rotate(-60)\" font-size=\"11\" fill=\"" ISOMM__SVG_TEXT "\">",
                          x, HEAT_TOP - 6);
        isomm__svg_text_cut(b, assessor ? assessor : isomm_aggregate_recorded_meta(ag, first + i, ISOMM_META_ID),
                            HEAT_LABEL_COLUMNS);
        isomm__buf_puts(b, "</text>\n");
    }
    isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" font-size=\"11\" fill=\"#495057\">%s</text>\n",
                      grid_right + HEAT_SPREAD_W / 2, HEAT_TOP - 6, isomm__compare_label(lang, L_SPREAD));

    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        const isomm_role_stats *rs = isomm_aggregate_role(ag, role);
        const char *code = isomm_model_role(m, role)->code;
        double y = row_y(m, role);
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"end\" font-size=\"11\"%s>%s</text>\n",
                          HEAT_LEFT - 8, y + HEAT_CELL_H - 4,
                          rs->disagreement ? " font-weight=\"bold\" fill=\"" DISAGREEMENT_COLOR "\"" : " fill=\"" ISOMM__SVG_TEXT "\"",
                          code);
        for (i = 0; i < n; i++) {
            const char *assessor = isomm_aggregate_recorded_meta(ag, first + i, ISOMM_META_ASSESSOR);
            isomm_answer ans;
            isomm_aggregate_recorded_answer(ag, first + i, role, &ans, NULL);
            heat_cell(b, HEAT_LEFT + HEAT_CELL_W * i, y, &ans, code,
                      assessor ? assessor : isomm_aggregate_recorded_meta(ag, first + i, ISOMM_META_ID), lang);
        }
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" font-size=\"11\"%s>",
                          grid_right + HEAT_SPREAD_W / 2, y + HEAT_CELL_H - 4,
                          rs->disagreement ? " font-weight=\"bold\" fill=\"" DISAGREEMENT_COLOR "\"" : " fill=\"#495057\"");
        if (rs->count > 0)
            isomm__buf_printf(b, "%d", rs->spread);
        else
            isomm__buf_puts(b, "-");
        isomm__buf_puts(b, "</text>\n");
    }
    heat_legend(b, legend_y, lang);
    isomm__buf_puts(b, "</svg>\n");
}

/* Radar charts: the comparison's two assessments, or the aggregate's min/mean/max band, drawn by
 * the shared radar of svg.h. Axis labels ("A セキュリティ対応組織運営"), title and series labels
 * share one buffer, NUL-separated; pointers are taken once it stops growing. */
/* Build the axis labels and start the title; the caller appends the rest of the title to t. */
static void radar_labels(isomm_buf *t, size_t offsets[ISOMM_FUNCTION_COUNT + 1], const isomm_model *m,
                         isomm_lang lang)
{
    int f;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(m, f);
        offsets[f] = t->len;
        isomm__buf_printf(t, "%s %s", fi->code, isomm_function_name(fi, lang));
        isomm__buf_putc(t, '\0');
    }
    offsets[ISOMM_FUNCTION_COUNT] = t->len;
}

/* Draw the radar once the title is complete; the subtitle (at subtitle_offset, or none when 0)
 * and the series labels point into the text too. */
static void radar_draw(isomm_buf *b, isomm_buf *t, const isomm_model *m, const size_t offsets[ISOMM_FUNCTION_COUNT + 1],
                       size_t subtitle_offset, isomm__radar_series *series, const size_t *label_offsets, size_t nseries)
{
    const char *labels[ISOMM_FUNCTION_COUNT], *codes[ISOMM_FUNCTION_COUNT];
    char *all = isomm__buf_take(t, NULL);
    size_t i;
    int f;

    if (!all) {
        b->failed = 1;
        return;
    }
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        labels[f] = all + offsets[f];
        codes[f] = isomm_model_function(m, f)->code;
    }
    for (i = 0; i < nseries; i++)
        series[i].label = all + label_offsets[i];
    isomm__svg_radar(b, all + offsets[ISOMM_FUNCTION_COUNT], subtitle_offset ? all + subtitle_offset : NULL,
                     ISOMM_FUNCTION_COUNT, labels, codes, series, nseries);
    free(all);
}

void isomm__comparison_svg_radar(isomm_buf *b, const isomm_comparison *c, isomm_lang lang)
{
    isomm_buf t = ISOMM_BUF_INIT;
    size_t offsets[ISOMM_FUNCTION_COUNT + 1], label_offsets[2];
    double values[2][ISOMM_FUNCTION_COUNT];
    isomm__radar_series series[2];
    const isomm_function_change *overall;
    size_t subtitle;
    int f, old, s;

    radar_labels(&t, offsets, isomm_comparison_model(c), lang);
    isomm__buf_printf(&t, "%s: %s → %s", isomm__compare_label(lang, L_RADAR_COMPARISON), isomm_comparison_id(c, 1),
                      isomm_comparison_id(c, 0));
    for (old = 1; old >= 0; old--) { /* "2025 (2025-11-01)": which assessment, of when */
        const char *date = isomm_comparison_meta(c, old, ISOMM_META_DATE);
        isomm__buf_putc(&t, '\0');
        label_offsets[1 - old] = t.len;
        isomm__buf_puts(&t, isomm_comparison_id(c, old));
        if (date)
            isomm__buf_printf(&t, "%s%s%s", isomm__report_word(ISOMM__W_OPEN, lang), date, isomm__report_word(ISOMM__W_CLOSE, lang));
    }
    /* the overall maturity old -> new and the six statuses with their counts */
    isomm__buf_putc(&t, '\0');
    subtitle = t.len;
    overall = isomm_comparison_overall(c);
    isomm__buf_printf(&t, "%s ", isomm__report_word(ISOMM__W_OVERALL, lang));
    isomm__report_maturity(&t, overall->has_old, overall->old_maturity);
    isomm__buf_puts(&t, " \xE2\x86\x92 ");
    isomm__report_maturity(&t, overall->has_new, overall->new_maturity);
    if (overall->has_change) {
        isomm__buf_puts(&t, isomm__report_word(ISOMM__W_OPEN, lang));
        isomm__report_change(&t, overall->old_maturity, overall->new_maturity);
        isomm__buf_puts(&t, isomm__report_word(ISOMM__W_CLOSE, lang));
    }
    for (s = 0; s < ISOMM_CHANGE_STATUS_COUNT; s++)
        isomm__buf_printf(&t, "%s%s %d", s ? isomm__report_word(ISOMM__W_COMMA, lang) : " \xC2\xB7 ",
                          isomm_change_status_name((isomm_change_status)s, lang),
                          isomm_comparison_status_count(c, (isomm_change_status)s));
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_change *fc = isomm_comparison_function(c, f);
        values[0][f] = fc->has_old ? fc->old_maturity : -1.0;
        values[1][f] = fc->has_new ? fc->new_maturity : -1.0;
    }
    series[0].values = values[0];
    series[1].values = values[1];
    radar_draw(b, &t, isomm_comparison_model(c), offsets, subtitle, series, label_offsets, 2);
}

void isomm__aggregate_svg_radar(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang)
{
    static const enum isomm__compare_label band[3] = { L_MIN, L_MEAN, L_MAX };
    isomm_buf t = ISOMM_BUF_INIT;
    size_t offsets[ISOMM_FUNCTION_COUNT + 1], label_offsets[3];
    double values[3][ISOMM_FUNCTION_COUNT];
    isomm__radar_series series[3];
    int f, i;

    radar_labels(&t, offsets, isomm_aggregate_model(ag), lang);
    isomm__buf_printf(&t, isomm__compare_label(lang, L_RADAR_AGGREGATE), isomm_aggregate_count(ag));
    for (i = 0; i < 3; i++) {
        isomm__buf_putc(&t, '\0');
        label_offsets[i] = t.len;
        isomm__buf_puts(&t, isomm__compare_label(lang, band[i]));
        series[i].values = values[i];
    }
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_stats *fs = isomm_aggregate_function(ag, f);
        values[0][f] = fs->count ? fs->min : -1.0;
        values[1][f] = fs->count ? fs->mean : -1.0;
        values[2][f] = fs->count ? fs->max : -1.0;
    }
    radar_draw(b, &t, isomm_aggregate_model(ag), offsets, 0, series, label_offsets, 3);
}
