/* SPDX-License-Identifier: MIT */
/* SVG charts of a result: the radar of the nine functions and the chart of the 54 roles. */
#include <stdlib.h>

#include "report_internal.h"
#include "svg.h"

#define INSOURCE_COLOR "#1f5fa8"
#define OUTSOURCE_COLOR "#e8590c"
#define MUTED_COLOR "#868e96"

/* "A セキュリティ対応組織運営": the axis label of function f. */
static void function_label(isomm_buf *b, const isomm_model *m, int f, isomm_lang lang)
{
    const isomm_function_info *fi = isomm_model_function(m, f);

    isomm__buf_printf(b, "%s %s", fi->code, isomm_function_name(fi, lang));
}

/* "<title>A-1 name: " with the role name escaped (a custom model's names are user text). */
static void role_title(isomm_buf *b, const isomm_role_info *ri, isomm_lang lang)
{
    isomm__buf_printf(b, "<title>%s ", ri->code);
    isomm__buf_xml(b, isomm_role_name(ri, lang));
    isomm__buf_puts(b, ": ");
}

static void fill_values(double *values, const isomm_result *r)
{
    int f;

    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *fr = isomm_result_function(r, f);
        values[f] = fr->has_maturity ? fr->maturity : -1.0;
    }
}

void isomm__report_svg_radar(isomm_buf *b, const isomm_result *const *results, size_t count,
                             const isomm_report_options *opts)
{
    const isomm_model *m = isomm_result_model(results[0]);
    size_t nseries = count + (opts->second != NULL), i;
    isomm_buf text = ISOMM_BUF_INIT;
    size_t offsets[ISOMM_FUNCTION_COUNT + 1];
    const char *labels[ISOMM_FUNCTION_COUNT];
    double *values = malloc(nseries * ISOMM_FUNCTION_COUNT * sizeof *values);
    isomm__radar_series *series = malloc(nseries * sizeof *series);
    char *all;
    int f;

    /* Axis labels and the title live in one buffer; pointers are taken once it stops growing. */
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        offsets[f] = text.len;
        function_label(&text, m, f, opts->lang);
        isomm__buf_putc(&text, '\0');
    }
    offsets[ISOMM_FUNCTION_COUNT] = text.len;
    isomm__buf_puts(&text, isomm__report_word(ISOMM__W_RADAR_TITLE, opts->lang));
    if (count == 1) {
        isomm__buf_puts(&text, " \xE2\x80\x94 ");
        isomm__buf_puts(&text, isomm_assessment_meta(isomm_result_assessment(results[0]), ISOMM_META_ID));
    }
    all = isomm__buf_take(&text, NULL);
    if (!values || !series || !all) {
        b->failed = 1;
        goto out;
    }
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        labels[f] = all + offsets[f];
    for (i = 0; i < nseries; i++) {
        const isomm_result *r = i < count ? results[i] : opts->second;
        fill_values(values + i * ISOMM_FUNCTION_COUNT, r);
        series[i].values = values + i * ISOMM_FUNCTION_COUNT;
        series[i].label = nseries > 1 ? isomm_assessment_meta(isomm_result_assessment(r), ISOMM_META_ID) : NULL;
        if (i == count && opts->second_label)
            series[i].label = opts->second_label;
    }
    isomm__svg_radar(b, all + offsets[ISOMM_FUNCTION_COUNT], ISOMM_FUNCTION_COUNT, labels, series, nseries);
out:
    free(all);
    free(values);
    free(series);
}

/* Role chart geometry: bars of ROLE_STEP px per role, GROUP_GAP px between functions,
 * LEVEL_PX px per level above the baseline. */
#define ROLE_LEFT 48.0
#define ROLE_STEP 15.0
#define BAR_WIDTH 11.0
#define GROUP_GAP 12.0
#define LEVEL_PX 40.0
#define PLOT_TOP 86.0
#define BASELINE (PLOT_TOP + 5 * LEVEL_PX)
#define ROLES_W (ROLE_LEFT + ISOMM_ROLE_COUNT * ROLE_STEP + (ISOMM_FUNCTION_COUNT - 1) * GROUP_GAP + 20.0)
#define ROLES_H (BASELINE + 84.0)

static void legend_item(isomm_buf *b, double x, const char *swatch, const char *label)
{
    isomm__buf_printf(b, "<rect x=\"%.1f\" y=\"50\" width=\"14\" height=\"14\" %s/>", x, swatch);
    isomm__buf_printf(b, "<text x=\"%.1f\" y=\"62\" font-size=\"13\">", x + 20.0);
    isomm__buf_xml(b, label);
    isomm__buf_puts(b, "</text>\n");
}

static void role_bar(isomm_buf *b, const isomm_result *r, const isomm_model *m, int role, double x, isomm_lang lang)
{
    const isomm_role_info *ri = isomm_model_role(m, role);
    const isomm_role_result *rr = isomm_result_role(r, role);
    double cx = x + BAR_WIDTH / 2.0;

    if (rr->level == ISOMM_UNANSWERED) {
        isomm__buf_printf(b, "<rect class=\"bar unanswered\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                          "fill=\"#ffffff\" stroke=\"" MUTED_COLOR "\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\">",
                          x + 0.6, BASELINE - LEVEL_PX, BAR_WIDTH - 1.2, LEVEL_PX);
        role_title(b, ri, lang);
        isomm__buf_printf(b, "%s</title></rect>", isomm__report_word(ISOMM__W_UNANSWERED_SHORT, lang));
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"" MUTED_COLOR
                          "\">?</text>\n", cx, BASELINE - LEVEL_PX - 4.0);
    } else if (rr->level == 0) {
        isomm__buf_printf(b, "<rect class=\"bar level0\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"4\" fill=\"#adb5bd\">",
                          x, BASELINE - 4.0, BAR_WIDTH);
        role_title(b, ri, lang);
        isomm__buf_printf(b, "%s, %s</title></rect>", isomm_sourcing_name(rr->sourcing, lang),
                          isomm__report_word(ISOMM__W_LEVEL0, lang));
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"" MUTED_COLOR
                          "\">0</text>\n", cx, BASELINE - 8.0);
    } else {
        isomm__buf_printf(b, "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                          isomm_sourcing_id(rr->sourcing), x, BASELINE - LEVEL_PX * rr->level, BAR_WIDTH,
                          LEVEL_PX * rr->level, rr->sourcing == ISOMM_INSOURCE ? INSOURCE_COLOR : OUTSOURCE_COLOR);
        role_title(b, ri, lang);
        isomm__buf_printf(b, "%s, %s %d</title></rect>\n", isomm_sourcing_name(rr->sourcing, lang),
                          isomm__report_word(ISOMM__W_LEVEL, lang), rr->level);
    }
    isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\" fill=\"#495057\" "
                      "transform=\"rotate(-90 %.1f %.1f)\">%s</text>\n", cx + 3.5, BASELINE + 5.0, cx + 3.5,
                      BASELINE + 5.0, ri->code);
}

void isomm__report_svg_roles(isomm_buf *b, const isomm_result *r, isomm_lang lang)
{
    const isomm_model *m = isomm_result_model(r);
    const isomm_assessment *a = isomm_result_assessment(r);
    double x = ROLE_LEFT;
    int f, i, level;

    isomm__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-roles\" width=\"%g\" height=\"%g\" "
                      "viewBox=\"0 0 %g %g\" font-family=\"" ISOMM__SVG_FONT "\" role=\"img\">\n",
                      ROLES_W, ROLES_H, ROLES_W, ROLES_H);
    isomm__buf_printf(b, "<title>%s \xE2\x80\x94 ", isomm__report_word(ISOMM__W_ROLE_CHART_TITLE, lang));
    isomm__buf_xml(b, isomm_assessment_meta(a, ISOMM_META_ID));
    isomm__buf_printf(b, "</title>\n<rect width=\"%g\" height=\"%g\" fill=\"#ffffff\"/>\n", ROLES_W, ROLES_H);
    isomm__buf_printf(b, "<text x=\"24\" y=\"30\" font-size=\"17\" font-weight=\"bold\" fill=\"#212529\">%s \xE2\x80\x94 ",
                      isomm__report_word(ISOMM__W_ROLE_CHART_TITLE, lang));
    isomm__buf_xml(b, isomm_assessment_meta(a, ISOMM_META_ID));
    isomm__buf_puts(b, "</text>\n");
    legend_item(b, 24.0, "fill=\"" INSOURCE_COLOR "\"", isomm__report_word(ISOMM__W_INSOURCE, lang));
    legend_item(b, 150.0, "fill=\"" OUTSOURCE_COLOR "\"", isomm__report_word(ISOMM__W_OUTSOURCE, lang));
    legend_item(b, 290.0, "fill=\"#adb5bd\"", isomm__report_word(ISOMM__W_LEVEL0, lang));
    legend_item(b, 520.0, "fill=\"#ffffff\" stroke=\"" MUTED_COLOR "\" stroke-dasharray=\"3 2\"",
                isomm__report_word(ISOMM__W_UNANSWERED_SHORT, lang));

    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(m, f);
        const isomm_function_result *fr = isomm_result_function(r, f);
        double width = fi->role_count * ROLE_STEP, centre = x + width / 2.0 - (ROLE_STEP - BAR_WIDTH) / 2.0;
        isomm__buf_printf(b, "<g class=\"function\"><title>%s ", fi->code);
        isomm__buf_xml(b, isomm_function_name(fi, lang));
        isomm__buf_puts(b, "</title>\n");
        isomm__buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                          x - GROUP_GAP / 2.0 + 1.0, PLOT_TOP - 12.0, width + GROUP_GAP - 2.0 - (ROLE_STEP - BAR_WIDTH),
                          ROLES_H - PLOT_TOP + 4.0, f % 2 ? "#f1f3f5" : "#f8f9fa");
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">%s</text>",
                          centre, BASELINE + 52.0, fi->code);
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" fill=\"#495057\">", centre,
                          BASELINE + 68.0);
        isomm__report_maturity(b, fr->has_maturity, fr->maturity);
        isomm__buf_puts(b, "</text>\n</g>\n");
        x += width + GROUP_GAP;
    }
    for (level = 0; level <= 5; level++) {
        double y = BASELINE - LEVEL_PX * level;
        isomm__buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>",
                          ROLE_LEFT - 8.0, y, ROLES_W - 16.0, y, level ? "#dee2e6" : "#495057", level ? "0.8" : "1.2");
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"" MUTED_COLOR "\">%d</text>\n",
                          ROLE_LEFT - 12.0, y + 4.0, level);
    }
    x = ROLE_LEFT;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(m, f);
        for (i = 0; i < fi->role_count; i++)
            role_bar(b, r, m, fi->first_role + i, x + i * ROLE_STEP, lang);
        x += fi->role_count * ROLE_STEP + GROUP_GAP;
    }
    isomm__buf_puts(b, "</svg>\n");
}
