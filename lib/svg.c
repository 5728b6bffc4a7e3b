/* SPDX-License-Identifier: MIT */
#include "svg.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "utf8.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* ---- numbers -------------------------------------------------------------------------- */

/* One decimal, in the library's one number format (numfmt.h: not the caller's locale), never "-0.0". */
static void num(isomm_buf *b, double v)
{
    if (!(v > -1e9 && v < 1e9)) /* NaN or out of any drawing's range */
        v = 0.0;
    if (v > -0.05 && v < 0.05)
        v = 0.0;
    isomm__buf_fixed(b, v, 1);
}

void isomm__svg_printf(isomm_buf *b, const char *fmt, ...)
{
    va_list ap;
    const char *run = fmt;

    va_start(ap, fmt);
    while (*fmt) {
        if (*fmt != '%') {
            fmt++;
            continue;
        }
        isomm__buf_append(b, run, (size_t)(fmt - run));
        switch (fmt[1]) {
        case 'v':
            num(b, va_arg(ap, double));
            break;
        case 'd':
            isomm__buf_printf(b, "%d", va_arg(ap, int));
            break;
        case 's':
            isomm__buf_puts(b, va_arg(ap, const char *));
            break;
        default: /* "%%", or a lone '%' at the end */
            isomm__buf_putc(b, '%');
            break;
        }
        fmt += fmt[1] ? 2 : 1;
        run = fmt;
    }
    isomm__buf_append(b, run, (size_t)(fmt - run));
    va_end(ap);
}

/* ---- series styles -------------------------------------------------------------------- */

/* Blue, dark orange, charcoal, crimson, teal, violet: 5.2:1 or more on white each; neighbours
 * differ in lightness as well as hue, and each has its own dash and marker. */
static const char *const palette[ISOMM__SVG_STYLES] = { "#1f5fa8", "#b84a00", "#343a40",
                                                        "#a61e4d", "#0b7285", "#5f3dc4" };
static const char *const dashes[ISOMM__SVG_STYLES] = { "", "9 4", "2 4", "12 4 3 4", "5 3", "14 3 2 3 2 3" };

const char *isomm__svg_color(size_t i)
{
    return palette[i % ISOMM__SVG_STYLES];
}

const char *isomm__svg_dash(size_t i)
{
    return dashes[i % ISOMM__SVG_STYLES];
}

/* " stroke-dasharray=\"…\"" for a dashed series, "" for a solid one */
static void dash_attr(isomm_buf *b, size_t i)
{
    if (*isomm__svg_dash(i))
        isomm__svg_printf(b, " stroke-dasharray=\"%s\" stroke-linecap=\"round\"", isomm__svg_dash(i));
}

void isomm__svg_marker(isomm_buf *b, size_t i, double x, double y, double r, const char *class_name)
{
    const char *color = isomm__svg_color(i);
    const char *cls = class_name ? class_name : "";
    const char *sp = class_name ? " class=\"" : "", *end = class_name ? "\"" : "";

    switch (i % ISOMM__SVG_STYLES) {
    case 0:
        isomm__svg_printf(b, "<circle%s%s%s cx=\"%v\" cy=\"%v\" r=\"%v\"", sp, cls, end, x, y, r);
        break;
    case 1:
        isomm__svg_printf(b, "<rect%s%s%s x=\"%v\" y=\"%v\" width=\"%v\" height=\"%v\"", sp, cls, end, x - r * 0.85,
                          y - r * 0.85, r * 1.7, r * 1.7);
        break;
    case 2:
        isomm__svg_printf(b, "<path%s%s%s d=\"M%v,%v L%v,%v L%v,%v Z\"", sp, cls, end, x, y - r * 1.2, x + r * 1.1,
                          y + r * 0.75, x - r * 1.1, y + r * 0.75);
        break;
    case 3:
        isomm__svg_printf(b, "<path%s%s%s d=\"M%v,%v L%v,%v L%v,%v L%v,%v Z\"", sp, cls, end, x, y - r * 1.25,
                          x + r * 1.25, y, x, y + r * 1.25, x - r * 1.25, y);
        break;
    case 4:
        isomm__svg_printf(b, "<path%s%s%s d=\"M%v,%v L%v,%v L%v,%v Z\"", sp, cls, end, x, y + r * 1.2, x + r * 1.1,
                          y - r * 0.75, x - r * 1.1, y - r * 0.75);
        break;
    default: /* a cross of two bars */
        isomm__svg_printf(b, "<path%s%s%s d=\"M%v,%v h%v v%v h%v v%v h%v v%v h%v v%v h%v v%v h%v Z\"", sp, cls, end,
                          x - r * 0.4, y - r * 1.2, r * 0.8, r * 0.8, r * 0.8, r * 0.8, -r * 0.8, r * 0.8,
                          -r * 0.8, -r * 0.8, -r * 0.8, -r * 0.8, r * 0.8, -r * 0.8);
        isomm__svg_printf(b, " transform=\"rotate(45 %v %v)\"", x, y);
        break;
    }
    isomm__svg_printf(b, " fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>", color);
}

/* ---- text ----------------------------------------------------------------------------- */

void isomm__svg_text_cut(isomm_buf *b, const char *s, size_t max_columns)
{
    size_t n = strlen(s), at = 0, width = 0;
    unsigned long cp;

    if (isomm__utf8_width(s) <= max_columns) {
        isomm__buf_xml(b, s);
        return;
    }
    while (at < n) {
        size_t len = isomm__utf8_next(s + at, n - at, &cp);
        width += (size_t)isomm__utf8_cp_width(cp);
        if (width + 1 > max_columns)
            break;
        at += len;
    }
    isomm__buf_xml_n(b, s, at);
    isomm__buf_puts(b, "\xE2\x80\xA6"); /* … */
}

static int is_hiragana(unsigned long cp)
{
    return cp >= 0x3041 && cp <= 0x309F;
}

/* A character that may open a phrase after a run of hiragana: kanji, katakana (not the long
 * vowel mark), Latin letters and digits. */
static int opens_phrase(unsigned long cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x30A1 && cp <= 0x30FA) || (cp < 0x80 && cp > ' ');
}

/* The first line of s (n bytes) at max_columns under the rules of isomm__svg_text_wrapped:
 * returns its byte length and sets *next to where the next line starts. */
static size_t label_line(const char *s, size_t n, size_t max_columns, size_t *next)
{
    size_t i = 0, width = 0, brk = 0, brk_next = 0;
    unsigned long cp, prev = 0;

/* a place where the line may end at p with the next one starting at q, w columns in */
#define BREAK_AT(p, q, w)                                                                                    \
    do {                                                                                                     \
        if ((w) <= max_columns) {                                                                            \
            brk = (p);                                                                                       \
            brk_next = (q);                                                                                  \
        } else {                                                                                             \
            *next = brk ? brk_next : (q);                                                                    \
            return brk ? brk : (p);                                                                          \
        }                                                                                                    \
    } while (0)

    while (i < n) {
        size_t step = isomm__utf8_next(s + i, n - i, &cp);
        if (cp == '\n') {
            *next = i + 1;
            return i;
        }
        if (i > 0 && (cp == 0xFF08 || (is_hiragana(prev) && opens_phrase(cp))))
            BREAK_AT(i, i, width);
        if (cp == ' ' && i > 0 && i + 1 < n && (unsigned char)s[i + 1] < 0x80 && s[i + 1] != ' ')
            BREAK_AT(i, i + 1, width);
        width += (size_t)isomm__utf8_cp_width(cp);
        i += step;
        if ((cp == 0x3001 || cp == 0x3002 || cp == 0x30FB || cp == 0xFF09) && i < n)
            BREAK_AT(i, i, width);
        prev = cp;
    }
#undef BREAK_AT
    if (width <= max_columns || !brk) {
        *next = n;
        return n;
    }
    *next = brk_next;
    return brk;
}

int isomm__svg_text_wrapped(isomm_buf *b, double x, double y, const char *anchor, int valign, double font_size,
                            const char *attrs, const char *text, size_t max_columns)
{
    enum { MAX_LINES = 8 };
    size_t starts[MAX_LINES], lens[MAX_LINES], count = 0, n = strlen(text), at = 0, i;
    double line_height = font_size * 1.25, first;

    while (at < n && count < MAX_LINES) {
        size_t next;
        starts[count] = at;
        lens[count++] = label_line(text + at, n - at, max_columns, &next);
        at += next;
    }
    if (at < n) /* more lines than drawn: the last one takes the rest rather than lose it */
        lens[count - 1] = n - starts[count - 1];
    if (valign < 0)
        first = y - line_height * (double)(count ? count - 1 : 0);
    else if (valign == 0)
        first = y - line_height * (double)(count ? count - 1 : 0) / 2.0 + font_size * 0.35;
    else
        first = y + font_size;
    isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"%s\" font-size=\"%v\"%s%s>", x, first, anchor,
                      font_size, attrs ? " " : "", attrs ? attrs : "");
    for (i = 0; i < count; i++) {
        isomm__svg_printf(b, "<tspan x=\"%v\" dy=\"%v\">", x, i ? line_height : 0.0);
        isomm__buf_xml_n(b, text + starts[i], lens[i]);
        isomm__buf_puts(b, "</tspan>");
    }
    isomm__buf_puts(b, "</text>\n");
    return (int)count;
}

/* ---- radar ---------------------------------------------------------------------------- */

/* Geometry of the radar: an 800 px wide canvas, centre and radius of the 0..5 grid; the legend
 * table starts at LEGEND_TOP, below the lowest axis label. */
#define RADAR_W 800.0
#define RADAR_CX 400.0
#define RADAR_CY 330.0
#define RADAR_R 180.0
#define RADAR_H 610.0
#define LEGEND_TOP 600.0
#define LEGEND_ROW 24.0
#define LEGEND_LABEL_COLUMNS 24
#define LEGEND_VALUES_X 270.0
#define LEGEND_VALUE_STEP 58.0
#define VALUE_GAP 23.0 /* from a label's last baseline to its value's (13 px label, 15 px value) */

typedef struct radar_geometry {
    double cx, cy, r;
} radar_geometry;

static void radar_point(const radar_geometry *g, size_t axis, size_t axes, double value, double *x, double *y)
{
    double angle = -M_PI / 2.0 + 2.0 * M_PI * (double)axis / (double)axes;
    *x = g->cx + cos(angle) * g->r * value / 5.0;
    *y = g->cy + sin(angle) * g->r * value / 5.0;
}

static void radar_grid(isomm_buf *b, const radar_geometry *g, size_t axes, int numbers)
{
    size_t i;
    int level;
    double x, y;

    for (level = 5; level >= 1; level--) {
        isomm__buf_puts(b, "<polygon points=\"");
        for (i = 0; i < axes; i++) {
            radar_point(g, i, axes, level, &x, &y);
            isomm__svg_printf(b, "%s%v,%v", i ? " " : "", x, y);
        }
        isomm__svg_printf(b, "\" fill=\"%s\" stroke=\"#adb5bd\" stroke-width=\"%s\"/>\n",
                          level % 2 ? "#f8f9fa" : "#ffffff", level == 5 ? "1.5" : "0.8");
    }
    for (i = 0; i < axes; i++) {
        radar_point(g, i, axes, 5.0, &x, &y);
        isomm__svg_printf(b, "<line x1=\"%v\" y1=\"%v\" x2=\"%v\" y2=\"%v\" stroke=\"#ced4da\" stroke-width=\"0.8\"/>\n",
                          g->cx, g->cy, x, y);
    }
    for (level = 1; numbers && level <= 5; level++) {
        radar_point(g, 0, axes, level, &x, &y);
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"end\" font-size=\"11\" fill=\"" ISOMM__SVG_MUTED
                          "\">%d</text>\n", x - 7.0, y + 4.0, level);
    }
}

/* Outline (and, for a lone complete series, area) of series `index`, then its markers. */
static void radar_series(isomm_buf *b, const radar_geometry *g, size_t axes, const double *values, size_t index,
                         size_t nseries, double stroke, double marker)
{
    const char *color = isomm__svg_color(index);
    size_t i, missing = 0;
    double x, y;
    int pen = 0;

    for (i = 0; i < axes; i++)
        missing += values[i] < 0.0;
    if (missing == 0) {
        isomm__buf_puts(b, "<polygon class=\"series\" points=\"");
        for (i = 0; i < axes; i++) {
            radar_point(g, i, axes, values[i], &x, &y);
            isomm__svg_printf(b, "%s%v,%v", i ? " " : "", x, y);
        }
        isomm__svg_printf(b, "\" fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\" stroke-width=\"%v\"", color,
                          nseries > 1 ? "0" : "0.2", color, stroke);
    } else if (missing < axes) {
        isomm__buf_puts(b, "<path class=\"series\" d=\"");
        for (i = 0; i <= axes; i++) {
            size_t a = i % axes;
            if (values[a] < 0.0) {
                pen = 0;
                continue;
            }
            if (i == axes && !pen)
                break;
            radar_point(g, a, axes, values[a], &x, &y);
            isomm__svg_printf(b, "%s%v,%v ", pen ? "L" : "M", x, y);
            pen = 1;
        }
        isomm__svg_printf(b, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"%v\"", color, stroke);
    }
    if (missing < axes) {
        dash_attr(b, index);
        isomm__buf_puts(b, "/>\n");
    }
    for (i = 0; i < axes; i++) {
        if (values[i] < 0.0)
            continue;
        radar_point(g, i, axes, values[i], &x, &y);
        isomm__svg_marker(b, index, x, y, marker, "point");
    }
    isomm__buf_putc(b, '\n');
}

static void value_text(isomm_buf *b, double v)
{
    if (v < 0.0)
        isomm__buf_puts(b, "-");
    else
        isomm__svg_printf(b, "%v", v);
}

/* Axis label, and for a lone series its value under the label. */
static void radar_label(isomm_buf *b, const radar_geometry *g, size_t axis, size_t axes, const char *label,
                        const double *values)
{
    double angle = -M_PI / 2.0 + 2.0 * M_PI * (double)axis / (double)axes;
    double c = cos(angle), s = sin(angle);
    double x = g->cx + c * (g->r + 16.0), y = g->cy + s * (g->r + 16.0);
    const char *anchor = c > 0.3 ? "start" : (c < -0.3 ? "end" : "middle");
    int valign = s > 0.3 ? 1 : (s < -0.3 ? -1 : 0);
    double value_y;
    int lines;

    if (valign < 0 && values)
        y -= VALUE_GAP; /* leave room for the value line under the name */
    /* 22 columns hold 11 Japanese characters; English words need about as much room. */
    lines = isomm__svg_text_wrapped(b, x, y, anchor, valign, 13.0, "fill=\"" ISOMM__SVG_TEXT "\"", label, 22);
    if (!values)
        return;
    /* the value's baseline VALUE_GAP under the label's last one: clear of it even with the tall
     * ascent and descent of a CJK font */
    if (valign < 0)
        value_y = y + VALUE_GAP;
    else if (valign == 0)
        value_y = y + 13.0 * 1.25 * (double)(lines - 1) / 2.0 + 13.0 * 0.35 + VALUE_GAP;
    else
        value_y = y + 13.0 + 13.0 * 1.25 * (double)(lines - 1) + VALUE_GAP;
    isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"%s\" font-size=\"15\" font-weight=\"bold\" fill=\"%s\">", x,
                      value_y, anchor, isomm__svg_color(0));
    value_text(b, values[axis]);
    isomm__buf_puts(b, "</text>\n");
}

/* Legend table under the chart: axis codes as the header, one row per series. */
static void radar_legend(isomm_buf *b, size_t axes, const char *const *codes, const isomm__radar_series *series,
                         size_t nseries)
{
    double y = LEGEND_TOP + 16.0;
    size_t i, j;

    isomm__svg_printf(b, "<g class=\"legend\" font-size=\"13\">\n<line x1=\"24\" y1=\"%v\" x2=\"%v\" y2=\"%v\" "
                      "stroke=\"#dee2e6\"/>\n", LEGEND_TOP, RADAR_W - 24.0, LEGEND_TOP);
    for (j = 0; j < axes; j++)
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT
                          "\">%s</text>", LEGEND_VALUES_X + LEGEND_VALUE_STEP * (double)j, y, codes[j]);
    isomm__buf_putc(b, '\n');
    for (i = 0; i < nseries; i++) {
        y += LEGEND_ROW;
        isomm__svg_printf(b, "<line x1=\"24\" y1=\"%v\" x2=\"64\" y2=\"%v\" stroke=\"%s\" stroke-width=\"2.5\"", y - 4.5,
                          y - 4.5, isomm__svg_color(i));
        dash_attr(b, i);
        isomm__buf_puts(b, "/>");
        isomm__svg_marker(b, i, 44.0, y - 4.5, 5.0, NULL);
        isomm__svg_printf(b, "<text x=\"74\" y=\"%v\" fill=\"" ISOMM__SVG_TEXT "\">", y);
        isomm__svg_text_cut(b, series[i].label ? series[i].label : "", LEGEND_LABEL_COLUMNS);
        isomm__buf_puts(b, "</text>");
        for (j = 0; j < axes; j++) {
            isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" fill=\"%s\">",
                              LEGEND_VALUES_X + LEGEND_VALUE_STEP * (double)j, y, isomm__svg_color(i));
            value_text(b, series[i].values[j]);
            isomm__buf_puts(b, "</text>");
        }
        isomm__buf_putc(b, '\n');
    }
    isomm__buf_puts(b, "</g>\n");
}

static void svg_open(isomm_buf *b, const char *title, const char *subtitle, double width, double height)
{
    isomm__svg_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"isomm-radar\" width=\"%v\" height=\"%v\" "
                      "viewBox=\"0 0 %v %v\" font-family=\"" ISOMM__SVG_FONT "\" role=\"img\">\n", width, height, width,
                      height);
    if (title) {
        isomm__buf_puts(b, "<title>");
        isomm__buf_xml(b, title);
        isomm__buf_puts(b, "</title>\n");
    }
    isomm__svg_printf(b, "<rect width=\"%v\" height=\"%v\" fill=\"#ffffff\"/>\n", width, height);
    if (title)
        isomm__svg_text_wrapped(b, 24.0, 30.0, "start", 0, 17.0, "font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT "\"",
                                title, 84);
    if (subtitle)
        isomm__svg_text_wrapped(b, 24.0, 46.0, "start", 1, 12.5, "fill=\"" ISOMM__SVG_MUTED "\"", subtitle, 120);
}

/* Small multiples: one small radar per series, four to a row. */
#define SMALL_COLUMNS 4
#define SMALL_W (RADAR_W / SMALL_COLUMNS)
#define SMALL_H 214.0
#define SMALL_TOP 52.0

void isomm__svg_radar_small_open(isomm_buf *b, const char *title, size_t nseries)
{
    size_t rows = (nseries + SMALL_COLUMNS - 1) / SMALL_COLUMNS;

    svg_open(b, title, NULL, RADAR_W, SMALL_TOP + SMALL_H * (double)rows + 8.0);
}

void isomm__svg_radar_small_one(isomm_buf *b, size_t i, size_t axes, const char *const *codes,
                                const isomm__radar_series *series)
{
    double left = SMALL_W * (double)(i % SMALL_COLUMNS), top = SMALL_TOP + SMALL_H * (double)(i / SMALL_COLUMNS);
    radar_geometry g;
    size_t j;

    g.cx = left + SMALL_W / 2.0;
    g.cy = top + 118.0;
    g.r = 68.0;
    isomm__svg_printf(b, "<g class=\"small\">\n<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" font-size=\"13\" "
                      "font-weight=\"bold\" fill=\"" ISOMM__SVG_TEXT "\">", g.cx, top + 18.0);
    isomm__svg_text_cut(b, series->label ? series->label : "", 26);
    isomm__buf_puts(b, "</text>\n");
    radar_grid(b, &g, axes, 0);
    for (j = 0; j < axes; j++) {
        double angle = -M_PI / 2.0 + 2.0 * M_PI * (double)j / (double)axes;
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" font-size=\"11\" fill=\"" ISOMM__SVG_MUTED
                          "\">%s</text>", g.cx + cos(angle) * (g.r + 11.0), g.cy + sin(angle) * (g.r + 11.0) + 4.0,
                          codes[j]);
    }
    isomm__buf_putc(b, '\n');
    radar_series(b, &g, axes, series->values, 0, 1, 1.8, 2.6);
    isomm__buf_puts(b, "</g>\n");
}

void isomm__svg_radar_small_close(isomm_buf *b)
{
    isomm__buf_puts(b, "</svg>\n");
}

static void radar_small_multiples(isomm_buf *b, const char *title, size_t axes, const char *const *codes,
                                  const isomm__radar_series *series, size_t nseries)
{
    size_t i;

    isomm__svg_radar_small_open(b, title, nseries);
    for (i = 0; i < nseries; i++)
        isomm__svg_radar_small_one(b, i, axes, codes, &series[i]);
    isomm__svg_radar_small_close(b);
}

#define BAND_COLOR "#868e96"

/* The band behind the series: the ring between its outlines and a stroke along each spoke. */
static void radar_band(isomm_buf *b, const radar_geometry *g, size_t axes, const isomm__radar_band *band)
{
    size_t i, missing = 0;
    double x, y, x2, y2;

    for (i = 0; i < axes; i++)
        missing += band->low[i] < 0.0 || band->high[i] < 0.0;
    isomm__buf_puts(b, "<g class=\"iqr-band\">\n");
    if (missing == 0) {
        /* the outer outline one way, the inner one the other: the even-odd fill leaves the hole */
        isomm__buf_puts(b, "<path d=\"");
        for (i = 0; i < axes; i++) {
            radar_point(g, i, axes, band->high[i], &x, &y);
            isomm__svg_printf(b, "%s%v,%v ", i ? "L" : "M", x, y);
        }
        isomm__buf_puts(b, "Z ");
        for (i = axes; i-- > 0;) {
            radar_point(g, i, axes, band->low[i], &x, &y);
            isomm__svg_printf(b, "%s%v,%v ", i == axes - 1 ? "M" : "L", x, y);
        }
        isomm__buf_puts(b, "Z\" fill=\"" BAND_COLOR "\" fill-opacity=\"0.22\" fill-rule=\"evenodd\" stroke=\"none\"/>\n");
    }
    for (i = 0; i < axes; i++) {
        if (band->low[i] < 0.0 || band->high[i] < 0.0)
            continue;
        radar_point(g, i, axes, band->low[i], &x, &y);
        radar_point(g, i, axes, band->high[i], &x2, &y2);
        isomm__svg_printf(b, "<line x1=\"%v\" y1=\"%v\" x2=\"%v\" y2=\"%v\" stroke=\"" BAND_COLOR "\" stroke-width=\"7\" "
                          "stroke-opacity=\"0.45\" stroke-linecap=\"round\"/>\n", x, y, x2, y2);
    }
    isomm__buf_puts(b, "</g>\n");
}

/* The band's row of the legend table, after the `rows` rows of the series. */
static void band_legend(isomm_buf *b, size_t axes, const isomm__radar_band *band, size_t rows)
{
    double y = LEGEND_TOP + 16.0 + LEGEND_ROW * (double)(rows + 1);
    size_t j;

    isomm__svg_printf(b, "<g class=\"legend\" font-size=\"13\">\n<rect x=\"24\" y=\"%v\" width=\"40\" height=\"10\" fill=\""
                      BAND_COLOR "\" fill-opacity=\"0.35\"/>", y - 9.5);
    isomm__svg_printf(b, "<text x=\"74\" y=\"%v\" fill=\"" ISOMM__SVG_TEXT "\">", y);
    isomm__svg_text_cut(b, band->label ? band->label : "", LEGEND_LABEL_COLUMNS);
    isomm__buf_puts(b, "</text>");
    for (j = 0; j < axes; j++) {
        isomm__svg_printf(b, "<text x=\"%v\" y=\"%v\" text-anchor=\"middle\" font-size=\"11\" fill=\"" ISOMM__SVG_MUTED "\">",
                          LEGEND_VALUES_X + LEGEND_VALUE_STEP * (double)j, y);
        if (band->low[j] < 0.0 || band->high[j] < 0.0) {
            isomm__buf_puts(b, "-");
        } else {
            value_text(b, band->low[j]);
            isomm__buf_puts(b, "–");
            value_text(b, band->high[j]);
        }
        isomm__buf_puts(b, "</text>");
    }
    isomm__buf_puts(b, "\n</g>\n");
}

void isomm__svg_radar(isomm_buf *b, const char *title, const char *subtitle, size_t axes, const char *const *labels,
                      const char *const *codes, const isomm__radar_series *series, size_t nseries)
{
    if (nseries > ISOMM__SVG_STYLES) {
        radar_small_multiples(b, title, axes, codes, series, nseries);
        return;
    }
    isomm__svg_radar_banded(b, title, subtitle, axes, labels, codes, NULL, series, nseries);
}

void isomm__svg_radar_banded(isomm_buf *b, const char *title, const char *subtitle, size_t axes,
                             const char *const *labels, const char *const *codes, const isomm__radar_band *band,
                             const isomm__radar_series *series, size_t nseries)
{
    radar_geometry g = { RADAR_CX, RADAR_CY, RADAR_R };
    int legend = nseries > 1 || series[0].label != NULL || band != NULL;
    size_t i, rows = nseries + (band != NULL);

    svg_open(b, title, subtitle, RADAR_W, legend ? LEGEND_TOP + 16.0 + LEGEND_ROW * (double)rows + 14.0 : RADAR_H);
    radar_grid(b, &g, axes, 1);
    if (band)
        radar_band(b, &g, axes, band);
    for (i = nseries; i-- > 0;)
        radar_series(b, &g, axes, series[i].values, i, nseries, 2.5, 4.5);
    for (i = 0; i < axes; i++)
        radar_label(b, &g, i, axes, labels[i], nseries == 1 ? series[0].values : NULL);
    if (legend)
        radar_legend(b, axes, codes, series, nseries);
    if (band)
        band_legend(b, axes, band, nseries);
    isomm__buf_puts(b, "</svg>\n");
}
