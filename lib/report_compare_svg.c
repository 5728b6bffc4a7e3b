/* Charts of comparisons and aggregates. The heat map shows where assessors differ: one column
 * per recorded assessment, one row per role (grouped by function), colour = level, a corner
 * mark for outsourced answers, and the role's spread over all assessments on the right. */
#include <stdlib.h>

#include "internal.h"
#include "report_compare.h"

#define HEAT_LEFT 64.0   /* role codes */
#define HEAT_TOP 150.0   /* title and rotated column labels */
#define HEAT_CELL_W 30.0
#define HEAT_CELL_H 16.0
#define HEAT_GAP 8.0     /* between functions */
#define HEAT_SPREAD_W 64.0
#define HEAT_LEGEND_H 64.0
#define HEAT_LABEL_MAX 14 /* characters of a column label before it is cut */

/* Fill of levels 0..5 (0 = not applicable) and of an unanswered role. */
static const char *const level_fill[ISOMM_LEVEL_MAX + 1] = { "#f1f3f5", "#e7f0fa", "#b6d0ee",
                                                             "#7aa9dc", "#3f7fc4", "#1f5fa8" };
#define UNANSWERED_FILL "#ffffff"
#define OUTSOURCE_MARK "#e8590c"
#define DISAGREEMENT_COLOR "#c92a2a"

/* Append at most max characters of s (XML-escaped), with "…" when it was cut. */
static void xml_cut(isomm_buf *b, const char *s, int max)
{
    const char *p = s;
    int n = 0;
    while (*p && n < max) {
        for (p++; (*p & 0xC0) == 0x80; p++)
            ;
        n++;
    }
    if (!*p) {
        isomm__buf_xml(b, s);
        return;
    }
    {
        char *cut = isomm__strndup(s, (size_t)(p - s));
        if (!cut) {
            b->failed = 1;
            return;
        }
        isomm__buf_xml(b, cut);
        isomm__buf_puts(b, "…");
        free(cut);
    }
}

static double row_y(const isomm_model *m, int role)
{
    return HEAT_TOP + HEAT_CELL_H * role + HEAT_GAP * isomm_model_role(m, role)->function;
}

static void heat_cell(isomm_buf *b, double x, double y, const isomm_answer *ans, const char *code,
                      const char *column, isomm_lang lang)
{
    int answered = ans->level != ISOMM_UNANSWERED;
    isomm__buf_printf(b, "<g><title>%s · ", code);
    isomm__buf_xml(b, column);
    isomm__buf_puts(b, ": ");
    if (answered)
        isomm__buf_printf(b, "%s %d", isomm_sourcing_name(ans->sourcing, lang), ans->level);
    else
        isomm__buf_puts(b, isomm__compare_label(lang, L_UNANSWERED));
    isomm__buf_printf(b,
                      "</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
                      "stroke=\"#dee2e6\" stroke-width=\"0.5\"/>",
                      x, y, HEAT_CELL_W, HEAT_CELL_H, answered ? level_fill[ans->level] : UNANSWERED_FILL);
    if (answered && ans->sourcing == ISOMM_OUTSOURCE)
        isomm__buf_printf(b, "<path d=\"M%.1f,%.1f h-7 l7,7 z\" fill=\"%s\"/>", x + HEAT_CELL_W, y, OUTSOURCE_MARK);
    isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">",
                      x + HEAT_CELL_W / 2, y + HEAT_CELL_H - 4, answered && ans->level >= 4 ? "#ffffff" : "#495057");
    if (answered)
        isomm__buf_printf(b, "%d", ans->level);
    else
        isomm__buf_puts(b, "·");
    isomm__buf_puts(b, "</text></g>\n");
}

static void heat_legend(isomm_buf *b, double y, isomm_lang lang)
{
    double x = 16.0;
    int level;

    isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>\n", x, y + 12,
                      isomm__compare_label(lang, L_LEVEL));
    x += 56.0;
    for (level = 1; level <= ISOMM_LEVEL_MAX; level++, x += 34.0)
        isomm__buf_printf(b,
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"16\" fill=\"%s\" stroke=\"#dee2e6\"/>"
                          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">%d</text>\n",
                          x, y, level_fill[level], x + 13, y + 12, level >= 4 ? "#ffffff" : "#495057", level);
    isomm__buf_printf(b,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"16\" fill=\"%s\" stroke=\"#dee2e6\"/>"
                      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" fill=\"#495057\">0</text>"
                      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>\n",
                      x, y, level_fill[0], x + 13, y + 12, x + 32, y + 12, isomm__compare_label(lang, L_LEVEL0));
    y += 24.0;
    x = 72.0;
    isomm__buf_printf(b,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"16\" fill=\"%s\" stroke=\"#dee2e6\"/>"
                      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">·</text>"
                      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>\n",
                      x, y, UNANSWERED_FILL, x + 13, y + 12, x + 32, y + 12, isomm__compare_label(lang, L_UNANSWERED));
    x += 150.0;
    isomm__buf_printf(b,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"16\" fill=\"#ffffff\" stroke=\"#dee2e6\"/>"
                      "<path d=\"M%.1f,%.1f h-7 l7,7 z\" fill=\"%s\"/>"
                      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>\n",
                      x, y, x + 26, y, OUTSOURCE_MARK, x + 32, y + 12, isomm__compare_label(lang, L_OUTSOURCE));
}

void isomm__aggregate_svg_heatmap(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang)
{
    const isomm_model *m = isomm_aggregate_model(ag);
    int n = isomm_aggregate_recorded_count(ag), count = isomm_aggregate_count(ag), i, role;
    double grid_right = HEAT_LEFT + HEAT_CELL_W * n;
    double width = grid_right + HEAT_SPREAD_W + 16.0;
    double legend_y = row_y(m, ISOMM_ROLE_COUNT - 1) + HEAT_CELL_H + 24.0;
    double height = legend_y + HEAT_LEGEND_H;

    if (width < 480.0)
        width = 480.0;
    isomm__buf_printf(b,
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-heatmap\" width=\"%g\" height=\"%g\" "
                      "viewBox=\"0 0 %g %g\" font-family=\"sans-serif\" role=\"img\">\n<title>%s</title>\n"
                      "<rect width=\"%g\" height=\"%g\" fill=\"#ffffff\"/>\n"
                      "<text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\" fill=\"#212529\">%s</text>\n",
                      width, height, width, height, isomm__compare_label(lang, L_HEATMAP_TITLE), width, height,
                      isomm__compare_label(lang, L_HEATMAP_TITLE));
    if (n < count) {
        isomm__buf_puts(b, "<text x=\"16\" y=\"46\" font-size=\"12\" fill=\"#868e96\">");
        isomm__buf_printf(b, isomm__compare_label(lang, L_FIRST_OF), count, n);
        isomm__buf_puts(b, "</text>\n");
    }

    for (i = 0; i < n; i++) {
        const char *assessor = isomm_aggregate_recorded_meta(ag, i, ISOMM_META_ASSESSOR);
        double x = HEAT_LEFT + HEAT_CELL_W * i + HEAT_CELL_W / 2 + 4;
        isomm__buf_printf(b,
                          "<text transform=\"translate(%.1f,%.1f) rotate(-60)\" font-size=\"11\" fill=\"#212529\">",
                          x, HEAT_TOP - 6);
        xml_cut(b, assessor ? assessor : isomm_aggregate_recorded_meta(ag, i, ISOMM_META_ID), HEAT_LABEL_MAX);
        isomm__buf_puts(b, "</text>\n");
    }
    isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"#495057\">%s</text>\n",
                      grid_right + HEAT_SPREAD_W / 2, HEAT_TOP - 6, isomm__compare_label(lang, L_SPREAD));

    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        const isomm_role_stats *rs = isomm_aggregate_role(ag, role);
        const char *code = isomm_model_role(m, role)->code;
        double y = row_y(m, role);
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\"%s>%s</text>\n",
                          HEAT_LEFT - 8, y + HEAT_CELL_H - 4,
                          rs->disagreement ? " font-weight=\"bold\" fill=\"" DISAGREEMENT_COLOR "\"" : " fill=\"#212529\"",
                          code);
        for (i = 0; i < n; i++) {
            const char *assessor = isomm_aggregate_recorded_meta(ag, i, ISOMM_META_ASSESSOR);
            isomm_answer ans;
            isomm_aggregate_recorded_answer(ag, i, role, &ans, NULL);
            heat_cell(b, HEAT_LEFT + HEAT_CELL_W * i, y, &ans, code,
                      assessor ? assessor : isomm_aggregate_recorded_meta(ag, i, ISOMM_META_ID), lang);
        }
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\"%s>",
                          grid_right + HEAT_SPREAD_W / 2, y + HEAT_CELL_H - 4,
                          rs->disagreement ? " font-weight=\"bold\" fill=\"" DISAGREEMENT_COLOR "\"" : " fill=\"#495057\"");
        if (rs->count > 0)
            isomm__buf_printf(b, "%d", rs->spread);
        else
            isomm__buf_puts(b, "—");
        isomm__buf_puts(b, "</text>\n");
    }
    heat_legend(b, legend_y, lang);
    isomm__buf_puts(b, "</svg>\n");
}
