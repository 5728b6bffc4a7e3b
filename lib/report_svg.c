/* SPDX-License-Identifier: MIT */
/* SVG charts of a result: the radar of the nine functions and the chart of the 54 roles (a
 * labelled horizontal bar per role, grouped by function, as on the sheet's result page). */
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "svg.h"

/* "A セキュリティ対応組織運営": the axis label of function f. */
static void function_label(isomm_buf *b, const isomm_model *m, int f, isomm_lang lang)
{
    const isomm_function_info *fi = isomm_model_function(m, f);

    isomm__buf_printf(b, "%s %s", fi->code, isomm_function_name(fi, lang));
}

void isomm__radar_keep_init(isomm__radar_keep *k, size_t limit)
{
    memset(k, 0, sizeof *k);
    k->text = (isomm_buf)ISOMM_BUF_INIT;
    k->limit = limit;
}

void isomm__radar_keep_free(isomm__radar_keep *k)
{
    isomm__buf_free(&k->text);
    free(k->series);
    k->series = NULL;
}

/* Store a copy of s in the keep's texts; its offset, or ISOMM__BUF_FAILED. */
static size_t keep_text(isomm__radar_keep *k, const char *s)
{
    return isomm__buf_add_text(&k->text, s, strlen(s));
}

static void fill_values(double *values, const isomm_result *r)
{
    int f;

    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *fr = isomm_result_function(r, f);
        values[f] = fr->has_maturity ? fr->maturity : -1.0;
    }
}

int isomm__radar_keep_add(isomm__radar_keep *k, const isomm_result *r, isomm_lang lang)
{
    isomm__radar_kept *one;
    int f;

    if (k->failed)
        return -1;
    if (k->count == 0) { /* the axes: the labels and codes of the first result's model */
        const isomm_model *m = isomm_result_model(r);
        for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
            k->label[f] = k->text.len;
            function_label(&k->text, m, f, lang);
            isomm__buf_putc(&k->text, '\0');
            k->code[f] = keep_text(k, isomm_model_function(m, f)->code);
        }
    }
    if (k->count < k->limit) {
        if (k->count == k->cap) {
            size_t cap = k->cap ? k->cap * 2 : 8;
            isomm__radar_kept *grown = realloc(k->series, cap * sizeof *grown);
            if (!grown)
                return k->failed = -1;
            k->series = grown;
            k->cap = cap;
        }
        one = &k->series[k->count];
        one->id = keep_text(k, isomm_assessment_meta(isomm_result_assessment(r), ISOMM_META_ID));
        fill_values(one->values, r);
    }
    k->count++;
    if (k->text.failed)
        return k->failed = -1;
    return 0;
}

/* Series i of the chart of the kept results: a kept one, or after them opts->second (its values
 * in `second`). */
static void series_at(isomm__radar_series *one, const isomm__radar_keep *k, const isomm_report_options *opts,
                      size_t i, size_t count, size_t nseries, double *second)
{
    if (i < count) {
        one->values = k->series[i].values;
        one->label = nseries > 1 ? k->text.data + k->series[i].id : NULL;
        return;
    }
    fill_values(second, opts->second);
    one->values = second;
    one->label = opts->second_label ? opts->second_label :
                 isomm_assessment_meta(isomm_result_assessment(opts->second), ISOMM_META_ID);
}

/* Hand the chart on once this much of it is drawn (small multiples of many results). */
#define DRAIN_AT 65536

int isomm__radar_keep_draw(isomm_buf *b, const isomm__radar_keep *k, const isomm_report_options *opts,
                           int (*drain)(void *ctx, isomm_error *err), void *ctx, isomm_error *err)
{
    size_t count = k->count < k->limit ? k->count : k->limit;
    size_t nseries = count + (opts->second != NULL), i;
    const char *labels[ISOMM_FUNCTION_COUNT], *codes[ISOMM_FUNCTION_COUNT];
    isomm__radar_series series[ISOMM__SVG_STYLES];
    double second[ISOMM_FUNCTION_COUNT];
    isomm_buf title = ISOMM_BUF_INIT;
    int f, rc = 0;

    if (k->failed || count == 0) {
        b->failed = 1;
        return 0;
    }
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        labels[f] = k->text.data + k->label[f];
        codes[f] = k->text.data + k->code[f];
    }
    isomm__buf_puts(&title, isomm__report_word(ISOMM__W_RADAR_TITLE, opts->lang));
    if (count == 1) {
        isomm__buf_puts(&title, " \xE2\x80\x94 ");
        isomm__buf_puts(&title, k->text.data + k->series[0].id);
    }
    if (title.failed) {
        b->failed = 1;
    } else if (nseries > ISOMM__SVG_STYLES) { /* one small radar each, handed on as they are drawn */
        isomm__svg_radar_small_open(b, title.data, nseries);
        for (i = 0; i < nseries && rc == 0; i++) {
            isomm__radar_series one;
            series_at(&one, k, opts, i, count, nseries, second);
            isomm__svg_radar_small_one(b, i, ISOMM_FUNCTION_COUNT, codes, &one);
            if (drain && b->len >= DRAIN_AT)
                rc = drain(ctx, err);
        }
        isomm__svg_radar_small_close(b);
    } else {
        for (i = 0; i < nseries; i++)
            series_at(&series[i], k, opts, i, count, nseries, second);
        isomm__svg_radar(b, title.data, NULL, ISOMM_FUNCTION_COUNT, labels, codes, series, nseries);
    }
    isomm__buf_free(&title);
    return rc;
}

void isomm__report_svg_radar(isomm_buf *b, const isomm_result *const *results, size_t count,
                             const isomm_report_options *opts)
{
    isomm__radar_keep k;
    size_t i;

    isomm__radar_keep_init(&k, count);
    for (i = 0; i < count; i++)
        isomm__radar_keep_add(&k, results[i], opts->lang);
    isomm__radar_keep_draw(b, &k, opts, NULL, NULL, NULL);
    isomm__radar_keep_free(&k);
}

/* Role chart geometry: each function is a group, a header row (code, name, maturity, the 0-5
 * ticks) and one row per role: "A-1" and the name on the left, the bar on the right, LEVEL_PX
 * per level from BAR_X, the level written after the bar. */
#define ROLES_W 720.0
#define NAME_X 46.0
#define NAME_COLUMNS 58
#define BAR_X 424.0
#define LEVEL_PX 48.0
#define BAR_H 12.0
#define HEAD_H 24.0
#define ROW_H 18.0
#define GROUP_PAD 6.0
#define ROLES_TOP 82.0
#define LEVEL0_COLOR "#868e96" /* a mark, 3.3:1 on white */

static double group_height(const isomm_function_info *fi)
{
    return HEAD_H + ROW_H * fi->role_count + GROUP_PAD;
}

/* The attributes of a bar and the closing '>' of its <rect>, in its sourcing's colour. */
static void bar(isomm_buf *b, double x, double y, int level, isomm_sourcing s)
{
    isomm__svg_printf(b, " x=\"%v\" y=\"%v\" width=\"%v\" height=\"%v\" fill=\"%s\">", x, y, LEVEL_PX * level, BAR_H,
                      s == ISOMM_INSOURCE ? ISOMM__SVG_INSOURCE : ISOMM__SVG_OUTSOURCE);
}

/* The bar of an outsourced role carries a white dashed line, so that it differs from an
 * insourced one without colour too (in grey print, or for a reader who cannot tell the hues). */
static void outsource_hatch(isomm_buf *b, double x, double y, double w)
{
    isomm__svg_printf(b, "<line x1=\"%v\" y1=\"%v\" x2=\"%v\" y2=\"%v\" stroke=\"#ffffff\" stroke-width=\"2\" "
                      "stroke-dasharray=\"4 3\"/>", x + 2.0, y + BAR_H / 2.0, x + w - 2.0, y + BAR_H / 2.0);
}

/* "<title>A-1 name: " with the role name escaped (a custom model's names are user text). */
static void role_title(isomm_buf *b, const isomm_role_info *ri, isomm_lang lang)
{
    isomm__buf_printf(b, "<title>%s ", ri->code);
    isomm__buf_xml(b, isomm_role_name(ri, lang));
    isomm__buf_puts(b, ": ");
}

static void role_row(isomm_buf *b, const isomm_result *r, const isomm_role_info *ri, double y, isomm_lang lang)
{
    const isomm_role_result *rr = isomm_result_role(r, ri->index);
    double bar_y = y + (ROW_H - BAR_H) / 2.0, text_y = y + ROW_H / 2.0 + 4.5;

    isomm__svg_printf(b, "<text x=\"8\" y=\"%v\" font-size=\"12\" font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT "\">%s</text>"
                      "<text x=\"%v\" y=\"%v\" font-size=\"12\" fill=\"" ISOMM__SVG_TEXT "\">", text_y, ri->code, NAME_X,
                      text_y);
    isomm__svg_text_cut(b, isomm_role_name(ri, lang), NAME_COLUMNS);
    isomm__buf_puts(b, "</text>");
    if (rr->level == ISOMM_UNANSWERED) {
        isomm__svg_printf(b, "<rect class=\"bar unanswered\" x=\"%v\" y=\"%v\" width=\"%v\" height=\"%v\" fill=\"#ffffff\" "
                          "stroke=\"" ISOMM__SVG_MUTED "\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\">",
                          BAR_X + 0.6, bar_y + 0.6, LEVEL_PX - 1.2, BAR_H - 1.2);
        role_title(b, ri, lang);
        isomm__buf_printf(b, "%s</title></rect>", isomm__report_word(ISOMM__W_UNANSWERED_SHORT, lang));
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" font-size=\"12\" fill=\"" ISOMM__SVG_MUTED "\">?</text>\n",
                          BAR_X + LEVEL_PX + 6.0, text_y);
    } else if (rr->level == 0) {
        isomm__svg_printf(b, "<rect class=\"bar level0\" x=\"%v\" y=\"%v\" width=\"4\" height=\"%v\" fill=\"" LEVEL0_COLOR "\">",
                          BAR_X, bar_y - 1.0, BAR_H + 2.0);
        role_title(b, ri, lang);
        isomm__buf_printf(b, "%s, %s</title></rect>", isomm_sourcing_name(rr->sourcing, lang),
                          isomm__report_word(ISOMM__W_LEVEL0, lang));
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" font-size=\"12\" fill=\"" ISOMM__SVG_MUTED "\">0</text>\n",
                          BAR_X + 10.0, text_y);
    } else {
        isomm__svg_printf(b, "<rect class=\"bar %s\"", isomm_sourcing_id(rr->sourcing));
        bar(b, BAR_X, bar_y, rr->level, rr->sourcing);
        role_title(b, ri, lang);
        isomm__buf_printf(b, "%s, %s %d</title></rect>", isomm_sourcing_name(rr->sourcing, lang),
                          isomm__report_word(ISOMM__W_LEVEL, lang), rr->level);
        if (rr->sourcing == ISOMM_OUTSOURCE)
            outsource_hatch(b, BAR_X, bar_y, LEVEL_PX * rr->level);
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" font-size=\"12\" font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT
                          "\">%d</text>\n", BAR_X + LEVEL_PX * rr->level + 6.0, text_y, rr->level);
    }
}

/* One function's group with its top at y: header band, grid, a row per role. */
static void group(isomm_buf *b, const isomm_result *r, int f, double y, isomm_lang lang)
{
    const isomm_model *m = isomm_result_model(r);
    const isomm_function_info *fi = isomm_model_function(m, f);
    const isomm_function_result *fr = isomm_result_function(r, f);
    double bottom = y + group_height(fi) - GROUP_PAD;
    int i, level;

    isomm__svg_printf(b, "<g class=\"function\"><title>%s ", fi->code);
    isomm__buf_xml(b, isomm_function_name(fi, lang));
    isomm__svg_printf(b, "</title>\n<rect x=\"0\" y=\"%v\" width=\"%v\" height=\"%v\" fill=\"#f1f3f5\"/>"
                      "<text x=\"8\" y=\"%v\" font-size=\"13\" font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT "\">%s ",
                      y, ROLES_W, HEAD_H - 4.0, y + 16.0, fi->code);
    isomm__svg_text_cut(b, isomm_function_name(fi, lang), 44);
    isomm__svg_printf(b, "<tspan dx=\"8\" fill=\"" ISOMM__SVG_MUTED "\">");
    isomm__report_maturity(b, fr->has_maturity, fr->maturity);
    isomm__buf_puts(b, " / 5</tspan></text>\n");
    for (level = 0; level <= 5; level++) {
        double x = BAR_X + LEVEL_PX * level;
        isomm__svg_printf(b, "<line x1=\"%v\" y1=\"%v\" x2=\"%v\" y2=\"%v\" stroke=\"%s\" stroke-width=\"%s\"/>"
                          "<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" font-size=\"10\" fill=\"" ISOMM__SVG_MUTED "\">%d</text>",
                          x, y + HEAD_H - 4.0, x, bottom, level ? "#dee2e6" : "#495057", level ? "0.8" : "1.2", x,
                          y + 16.0, level);
    }
    isomm__buf_putc(b, '\n');
    for (i = 0; i < fi->role_count; i++)
        role_row(b, r, isomm_model_role(m, fi->first_role + i), y + HEAD_H + ROW_H * i, lang);
    isomm__buf_puts(b, "</g>\n");
}

static void svg_open(isomm_buf *b, const char *cls, double height)
{
    isomm__svg_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" width=\"%v\" height=\"%v\" "
                      "viewBox=\"0 0 %v %v\" font-family=\"" ISOMM__SVG_FONT "\" role=\"img\">\n",
                      cls, ROLES_W, height, ROLES_W, height);
}

/* "Level by role — example-1" */
static void chart_title(isomm_buf *b, const isomm_result *r, isomm_lang lang)
{
    isomm__buf_printf(b, "%s \xE2\x80\x94 ", isomm__report_word(ISOMM__W_ROLE_CHART_TITLE, lang));
    isomm__buf_xml(b, isomm_assessment_meta(isomm_result_assessment(r), ISOMM_META_ID));
}

void isomm__report_svg_roles_legend(isomm_buf *b, double y, isomm_lang lang)
{
    static const isomm__word words[] = { ISOMM__W_INSOURCE, ISOMM__W_OUTSOURCE, ISOMM__W_LEVEL0, ISOMM__W_UNANSWERED_SHORT };
    double x = 8.0;
    int i;

    for (i = 0; i < 4; i++) {
        const char *label = isomm__report_word(words[i], lang);
        if (i < 2) {
            isomm__buf_puts(b, "<rect");
            bar(b, x, y, 1, i == 0 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE);
            isomm__buf_puts(b, "</rect>");
            if (i == 1)
                outsource_hatch(b, x, y, LEVEL_PX);
            x += LEVEL_PX + 6.0;
        } else if (i == 2) {
            isomm__svg_printf(b, "<rect x=\"%v\" y=\"%v\" width=\"4\" height=\"%v\" fill=\"" LEVEL0_COLOR "\"/>", x, y - 1.0,
                              BAR_H + 2.0);
            x += 10.0;
        } else {
            isomm__svg_printf(b, "<rect x=\"%v\" y=\"%v\" width=\"%v\" height=\"%v\" fill=\"#ffffff\" stroke=\""
                              ISOMM__SVG_MUTED "\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>", x + 0.6, y + 0.6,
                              LEVEL_PX - 1.2, BAR_H - 1.2);
            x += LEVEL_PX + 6.0;
        }
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" font-size=\"12\" fill=\"" ISOMM__SVG_TEXT "\">", x, y + 10.5);
        isomm__buf_xml(b, label);
        isomm__buf_puts(b, "</text>\n");
        x += 7.0 * (double)isomm__utf8_width(label) + 22.0;
    }
}

void isomm__report_svg_roles_group(isomm_buf *b, const isomm_result *r, int f, isomm_lang lang)
{
    const isomm_function_info *fi = isomm_model_function(isomm_result_model(r), f);

    svg_open(b, "isomm-roles", group_height(fi));
    isomm__buf_puts(b, "<title>");
    chart_title(b, r, lang);
    isomm__buf_puts(b, "</title>\n");
    group(b, r, f, 0.0, lang);
    isomm__buf_puts(b, "</svg>\n");
}

/* The key to both scales under the chart: level, insource text, outsource text. */
static double scale_key(isomm_buf *b, double y, isomm_lang lang)
{
    int level;

    isomm__svg_printf(b, "<text x=\"8\" y=\"%v\" font-size=\"14\" font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT "\">%s</text>\n",
                      y + 14.0, isomm__report_word(ISOMM__W_SCALE_KEY, lang));
    y += 26.0;
    isomm__svg_printf(b, "<text x=\"40\" y=\"%v\" font-size=\"12\" font-weight=\"bold\" fill=\"" ISOMM__SVG_INSOURCE "\">%s</text>"
                      "<text x=\"384\" y=\"%v\" font-size=\"12\" font-weight=\"bold\" fill=\"" ISOMM__SVG_OUTSOURCE "\">%s</text>\n",
                      y + 12.0, isomm__report_word(ISOMM__W_INSOURCE, lang), y + 12.0,
                      isomm__report_word(ISOMM__W_OUTSOURCE, lang));
    y += 20.0;
    for (level = 0; level <= ISOMM_LEVEL_MAX; level++) {
        int a, c;
        isomm__svg_printf(b, "<text x=\"16\" y=\"%v\" font-size=\"12\" font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT
                          "\">%d</text>", y + 12.0, level);
        a = isomm__svg_text_wrapped(b, 40.0, y, "start", 1, 11.5, "fill=\"" ISOMM__SVG_TEXT "\"",
                                    isomm_scale_text(ISOMM_INSOURCE, level, lang), 54);
        c = isomm__svg_text_wrapped(b, 384.0, y, "start", 1, 11.5, "fill=\"" ISOMM__SVG_TEXT "\"",
                                    isomm_scale_text(ISOMM_OUTSOURCE, level, lang), 54);
        y += 11.5 * 1.25 * (a > c ? a : c) + 7.0;
    }
    return y;
}

void isomm__report_svg_roles(isomm_buf *b, const isomm_result *r, isomm_lang lang)
{
    const isomm_model *m = isomm_result_model(r);
    isomm_buf body = ISOMM_BUF_INIT;
    double y = ROLES_TOP;
    char *text;
    size_t len;
    int f;

    /* the height is known once the key's wrapped lines are counted: draw the body first */
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        group(&body, r, f, y, lang);
        y += group_height(isomm_model_function(m, f));
    }
    y = scale_key(&body, y + 8.0, lang) + 8.0;
    text = isomm__buf_take(&body, &len);
    if (!text) {
        b->failed = 1;
        return;
    }
    svg_open(b, "isomm-roles", y);
    isomm__buf_puts(b, "<title>");
    chart_title(b, r, lang);
    isomm__svg_printf(b, "</title>\n<rect width=\"%v\" height=\"%v\" fill=\"#ffffff\"/>\n"
                      "<text x=\"8\" y=\"30\" font-size=\"17\" font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT "\">", ROLES_W, y);
    chart_title(b, r, lang);
    isomm__buf_puts(b, "</text>\n");
    isomm__report_svg_roles_legend(b, 48.0, lang);
    isomm__buf_append(b, text, len);
    isomm__buf_puts(b, "</svg>\n");
    free(text);
}
