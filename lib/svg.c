/* SPDX-License-Identifier: MIT */
#include "svg.h"

#include <math.h>
#include <string.h>

#include "utf8.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static const char *const palette[] = { "#1f5fa8", "#e8590c", "#2b8a3e", "#c2255c", "#6741d9", "#0b7285" };

const char *isomm__svg_color(size_t i)
{
    return palette[i % (sizeof palette / sizeof palette[0])];
}

int isomm__svg_text_wrapped(isomm_buf *b, double x, double y, const char *anchor, int valign, double font_size,
                            const char *attrs, const char *text, size_t max_columns)
{
    enum { MAX_LINES = 6 };
    size_t starts[MAX_LINES], lens[MAX_LINES], count = 0, n = strlen(text), at = 0, i;
    double line_height = font_size * 1.25, first;

    while (at < n && count < MAX_LINES) {
        size_t next;
        starts[count] = at;
        lens[count++] = isomm__utf8_wrap_line(text + at, n - at, max_columns, &next);
        at += next;
    }
    if (valign < 0)
        first = y - line_height * (double)(count ? count - 1 : 0);
    else if (valign == 0)
        first = y - line_height * (double)(count ? count - 1 : 0) / 2.0 + font_size * 0.35;
    else
        first = y + font_size;
    isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%g\"%s%s>", x, first, anchor,
                      font_size, attrs ? " " : "", attrs ? attrs : "");
    for (i = 0; i < count; i++) {
        isomm__buf_printf(b, "<tspan x=\"%.1f\" dy=\"%.1f\">", x, i ? line_height : 0.0);
        isomm__buf_xml_n(b, text + starts[i], lens[i]);
        isomm__buf_puts(b, "</tspan>");
    }
    isomm__buf_puts(b, "</text>\n");
    return (int)count;
}

/* Geometry of the radar: a 760 x 620 canvas, centre and radius of the 0..5 grid. */
#define RADAR_W 760.0
#define RADAR_H 620.0
#define RADAR_CX 380.0
#define RADAR_CY 325.0
#define RADAR_R 190.0

static void radar_point(size_t axis, size_t axes, double value, double *x, double *y)
{
    double angle = -M_PI / 2.0 + 2.0 * M_PI * (double)axis / (double)axes;
    *x = RADAR_CX + cos(angle) * RADAR_R * value / 5.0;
    *y = RADAR_CY + sin(angle) * RADAR_R * value / 5.0;
}

static void radar_grid(isomm_buf *b, size_t axes)
{
    size_t i;
    int level;
    double x, y;

    for (level = 5; level >= 1; level--) {
        isomm__buf_puts(b, "<polygon points=\"");
        for (i = 0; i < axes; i++) {
            radar_point(i, axes, level, &x, &y);
            isomm__buf_printf(b, "%s%.1f,%.1f", i ? " " : "", x, y);
        }
        isomm__buf_printf(b, "\" fill=\"%s\" stroke=\"#adb5bd\" stroke-width=\"%s\"/>\n",
                          level % 2 ? "#f8f9fa" : "#ffffff", level == 5 ? "1.5" : "0.8");
    }
    for (i = 0; i < axes; i++) {
        radar_point(i, axes, 5.0, &x, &y);
        isomm__buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ced4da\" stroke-width=\"0.8\"/>\n",
                          RADAR_CX, RADAR_CY, x, y);
    }
    for (level = 1; level <= 5; level++) {
        radar_point(0, axes, level, &x, &y);
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"#868e96\">%d</text>\n", x - 7.0, y + 4.0,
                          level);
    }
}

static void radar_series(isomm_buf *b, size_t axes, const isomm__radar_series *s, size_t index, size_t nseries)
{
    const char *color = isomm__svg_color(index);
    size_t i, missing = 0;
    double x, y;
    int pen = 0;

    for (i = 0; i < axes; i++)
        missing += s->values[i] < 0.0;
    if (missing == 0) {
        isomm__buf_puts(b, "<polygon class=\"series\" points=\"");
        for (i = 0; i < axes; i++) {
            radar_point(i, axes, s->values[i], &x, &y);
            isomm__buf_printf(b, "%s%.1f,%.1f", i ? " " : "", x, y);
        }
        isomm__buf_printf(b, "\" fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\" stroke-width=\"2.5\"%s/>\n", color,
                          nseries > 1 ? "0.12" : "0.22", color, index ? " stroke-dasharray=\"7 4\"" : "");
    } else if (missing < axes) {
        isomm__buf_puts(b, "<path class=\"series\" d=\"");
        for (i = 0; i <= axes; i++) {
            size_t a = i % axes;
            if (s->values[a] < 0.0) {
                pen = 0;
                continue;
            }
            if (i == axes && !pen)
                break;
            radar_point(a, axes, s->values[a], &x, &y);
            isomm__buf_printf(b, "%s%.1f,%.1f ", pen ? "L" : "M", x, y);
            pen = 1;
        }
        isomm__buf_printf(b, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s/>\n", color,
                          index ? " stroke-dasharray=\"7 4\"" : "");
    }
    for (i = 0; i < axes; i++) {
        if (s->values[i] < 0.0)
            continue;
        radar_point(i, axes, s->values[i], &x, &y);
        isomm__buf_printf(b, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n",
                          x, y, color);
    }
}

static void radar_label(isomm_buf *b, size_t axis, size_t axes, const char *label, const isomm__radar_series *series,
                        size_t nseries)
{
    double angle = -M_PI / 2.0 + 2.0 * M_PI * (double)axis / (double)axes;
    double c = cos(angle), s = sin(angle);
    double x = RADAR_CX + c * (RADAR_R + 16.0), y = RADAR_CY + s * (RADAR_R + 16.0);
    const char *anchor = c > 0.3 ? "start" : (c < -0.3 ? "end" : "middle");
    int valign = s > 0.3 ? 1 : (s < -0.3 ? -1 : 0);
    double value_y;
    size_t i;
    int lines;

    if (valign < 0)
        y -= 18.0; /* leave room for the value line under the name */
    /* 18 columns hold 9 Japanese characters; English words need a little more room. */
    lines = isomm__svg_text_wrapped(b, x, y, anchor, valign, 13.0, "fill=\"#212529\"", label,
                                    isomm__utf8_width(label) == strlen(label) ? 24 : 18);
    if (valign < 0)
        value_y = y + 18.0;
    else if (valign == 0)
        value_y = y + 13.0 * 1.25 * (double)lines / 2.0 + 13.0;
    else
        value_y = y + 13.0 * 1.25 * (double)lines + 16.0;
    isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"15\" font-weight=\"bold\">", x,
                      value_y, anchor);
    for (i = 0; i < nseries; i++) {
        double v = series[i].values[axis];
        /* dx rather than spaces: renderers differ on spaces at the edge of a tspan */
        if (i)
            isomm__buf_puts(b, "<tspan dx=\"4\" fill=\"#868e96\">/</tspan>");
        isomm__buf_printf(b, "<tspan%s fill=\"%s\">", i ? " dx=\"4\"" : "", isomm__svg_color(i));
        if (v < 0.0)
            isomm__buf_puts(b, "-");
        else
            isomm__buf_printf(b, "%.1f", v);
        isomm__buf_puts(b, "</tspan>");
    }
    isomm__buf_puts(b, "</text>\n");
}

static void radar_legend(isomm_buf *b, const isomm__radar_series *series, size_t nseries)
{
    size_t i, labelled = 0;
    double x = 24.0, y = 62.0; /* under the title, clear of the top labels */

    for (i = 0; i < nseries; i++)
        labelled += series[i].label != NULL;
    if (!labelled)
        return;
    for (i = 0; i < nseries; i++) {
        const char *label = series[i].label ? series[i].label : "";
        isomm__buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"%s/>", x,
                          y - 4.0, x + 26.0, y - 4.0, isomm__svg_color(i), i ? " stroke-dasharray=\"7 4\"" : "");
        isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\">", x + 32.0, y);
        isomm__buf_xml(b, label);
        isomm__buf_puts(b, "</text>\n");
        x += 32.0 + 7.5 * (double)isomm__utf8_width(label) + 24.0;
        if (x > RADAR_W - 160.0 && i + 1 < nseries) {
            x = 24.0;
            y += 20.0;
        }
    }
}

#define BAND_COLOR "#868e96"

static void radar_band(isomm_buf *b, size_t axes, const isomm__radar_band *band)
{
    size_t i, missing = 0;
    double x, y;

    for (i = 0; i < axes; i++)
        missing += band->low[i] < 0.0 || band->high[i] < 0.0;
    isomm__buf_puts(b, "<g class=\"iqr-band\">\n");
    if (missing == 0) {
        /* outer outline clockwise, inner outline the other way: even-odd fill leaves the hole */
        isomm__buf_puts(b, "<path d=\"");
        for (i = 0; i < axes; i++) {
            radar_point(i, axes, band->high[i], &x, &y);
            isomm__buf_printf(b, "%s%.1f,%.1f ", i ? "L" : "M", x, y);
        }
        isomm__buf_puts(b, "Z ");
        for (i = axes; i-- > 0;) {
            radar_point(i, axes, band->low[i], &x, &y);
            isomm__buf_printf(b, "%s%.1f,%.1f ", i == axes - 1 ? "M" : "L", x, y);
        }
        isomm__buf_printf(b, "Z\" fill=\"%s\" fill-opacity=\"0.22\" fill-rule=\"evenodd\" stroke=\"none\"/>\n",
                          BAND_COLOR);
    }
    for (i = 0; i < axes; i++) {
        double x2, y2;
        if (band->low[i] < 0.0 || band->high[i] < 0.0)
            continue;
        radar_point(i, axes, band->low[i], &x, &y);
        radar_point(i, axes, band->high[i], &x2, &y2);
        isomm__buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"7\" "
                          "stroke-opacity=\"0.45\" stroke-linecap=\"round\"/>\n",
                          x, y, x2, y2, BAND_COLOR);
    }
    isomm__buf_puts(b, "</g>\n");
}

static void band_legend(isomm_buf *b, const isomm__radar_band *band)
{
    double x = 24.0, y = RADAR_H - 20.0;
    isomm__buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"12\" fill=\"%s\" fill-opacity=\"0.35\"/>", x,
                      y - 10.0, BAND_COLOR);
    isomm__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\">", x + 32.0, y);
    isomm__buf_xml(b, band->label ? band->label : "");
    isomm__buf_puts(b, "</text>\n");
}

void isomm__svg_radar(isomm_buf *b, const char *title, size_t axes, const char *const *labels,
                      const isomm__radar_series *series, size_t nseries)
{
    isomm__svg_radar_banded(b, title, axes, labels, NULL, series, nseries);
}

void isomm__svg_radar_banded(isomm_buf *b, const char *title, size_t axes, const char *const *labels,
                             const isomm__radar_band *band, const isomm__radar_series *series, size_t nseries)
{
    size_t i;

    isomm__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-radar\" width=\"%g\" height=\"%g\" viewBox=\"0 0 %g %g\" "
                      "font-family=\"" ISOMM__SVG_FONT "\" role=\"img\">\n", RADAR_W, RADAR_H, RADAR_W, RADAR_H);
    if (title) {
        isomm__buf_puts(b, "<title>");
        isomm__buf_xml(b, title);
        isomm__buf_puts(b, "</title>\n");
    }
    isomm__buf_printf(b, "<rect width=\"%g\" height=\"%g\" fill=\"#ffffff\"/>\n", RADAR_W, RADAR_H);
    if (title)
        isomm__svg_text_wrapped(b, 24.0, 30.0, "start", 0, 17.0, "font-weight=\"bold\" fill=\"#212529\"", title, 80);
    radar_grid(b, axes);
    if (band)
        radar_band(b, axes, band);
    for (i = nseries; i-- > 0;)
        radar_series(b, axes, &series[i], i, nseries);
    for (i = 0; i < axes; i++)
        radar_label(b, i, axes, labels[i], series, nseries);
    radar_legend(b, series, nseries);
    if (band)
        band_legend(b, band);
    isomm__buf_puts(b, "</svg>\n");
}
