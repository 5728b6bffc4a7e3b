/* SPDX-License-Identifier: MIT */
/* SVG drawing shared by the reports and the comparison/aggregation output. Private.
 * Every chart is one complete <svg> element with an xmlns attribute and a viewBox, so the same
 * text is a standalone .svg file and can be pasted into an HTML page. Text uses a font list that
 * reaches a Japanese font on Linux (Noto Sans CJK), macOS and Windows.
 * Colours are chosen for WCAG AA on white: text colours reach 4.5:1, marks 3:1. */
#ifndef ISOMM_SVG_H
#define ISOMM_SVG_H

#include <stddef.h>

#include "buf.h"

/* font-family value for every text element (already XML-safe, single quotes inside). */
#define ISOMM__SVG_FONT "'Noto Sans CJK JP','Noto Sans JP','Hiragino Sans','Yu Gothic','Meiryo',sans-serif"

/* Shared colours: body text, secondary text (4.5:1 or more on white and on the light greys of
 * the charts), insourced and outsourced marks (both text-safe, told apart by a deuteranope). */
#define ISOMM__SVG_TEXT "#212529"
#define ISOMM__SVG_MUTED "#5c636a"
#define ISOMM__SVG_INSOURCE "#1f5fa8"
#define ISOMM__SVG_OUTSOURCE "#b84a00"

/* The number of series styles: series i and i + ISOMM__SVG_STYLES look alike. */
#define ISOMM__SVG_STYLES 6

/* Append fmt to b, where %v is a double written with one decimal ("12.5", "-3.0"), %d an int,
 * %s a string copied as it is (escape user text with isomm__buf_xml first) and %% a percent
 * sign. Every coordinate and size of the SVG output goes through %v, which writes with
 * isomm__buf_fixed (numfmt.h), so the format of numbers lives in one place and does not depend on
 * the locale. */
void isomm__svg_printf(isomm_buf *b, const char *fmt, ...);

/* Colour of series i (one of ISOMM__SVG_STYLES, text-safe on white). */
const char *isomm__svg_color(size_t i);

/* stroke-dasharray of series i ("" for the solid line of series 0). */
const char *isomm__svg_dash(size_t i);

/* Append the marker of series i centred on (x, y) with radius r: a circle, square, triangle,
 * diamond, inverted triangle or cross, in the series' colour with a white edge. class_name
 * (may be NULL) becomes the element's class. */
void isomm__svg_marker(isomm_buf *b, size_t i, double x, double y, double r, const char *class_name);

/* Append s XML-escaped, cut with "…" when it is wider than max_columns terminal columns. */
void isomm__svg_text_cut(isomm_buf *b, const char *s, size_t max_columns);

/* Append `text` as one <text> element, wrapped into lines of at most max_columns terminal
 * columns (a Japanese character counts 2), one <tspan> per line. Lines break only where a reader
 * expects: at spaces between words, after 、・） and before （, and after a run of hiragana that
 * ends a phrase (as in "情報の|収集"); a piece without such a place stays whole on its line.
 * anchor is "start", "middle" or "end". valign < 0 puts the last line's baseline at y (text
 * grows upwards), 0 centres the block on y, > 0 puts the first line's top at y.
 * Returns the number of lines drawn. */
int isomm__svg_text_wrapped(isomm_buf *b, double x, double y, const char *anchor, int valign, double font_size,
                            const char *attrs, const char *text, size_t max_columns);

/* One series of a radar chart. */
typedef struct isomm__radar_series {
    const char *label;    /* legend label (UTF-8), or NULL when the chart has one unnamed series */
    const double *values; /* one value 0..5 per axis; a negative value means "no value" */
} isomm__radar_series;

/* Append a radar chart. Up to ISOMM__SVG_STYLES series share one chart: a 0..5 grid with one
 * spoke per axis, the axis labels (wrapped), for each series a closed outline through its
 * values in its colour and dash (segments next to a missing value are left out; the area is
 * filled only for a single complete series) with one marker of its shape (class "point") per
 * value. One series: each axis label is followed by its value ("3.9", "-" when missing).
 * Several: a legend table below the chart, one row per series with its line and marker, its
 * label and its values, under the axis codes (codes[i], e.g. "A"); it never covers the chart.
 * More than ISOMM__SVG_STYLES series: small multiples, one small radar per series with the
 * axis codes, in rows of four. title and subtitle (a line of secondary text under the title) may
 * be NULL. nseries >= 1. */
void isomm__svg_radar(isomm_buf *b, const char *title, const char *subtitle, size_t axes, const char *const *labels,
                      const char *const *codes, const isomm__radar_series *series, size_t nseries);

/* The small multiples of isomm__svg_radar() piece by piece, for a writer that hands on each piece
 * as it is drawn: the opening of a chart of nseries small radars, the small radar of series i
 * (series points to that one series), the end. */
void isomm__svg_radar_small_open(isomm_buf *b, const char *title, size_t nseries);
void isomm__svg_radar_small_one(isomm_buf *b, size_t i, size_t axes, const char *const *codes,
                                const isomm__radar_series *series);
void isomm__svg_radar_small_close(isomm_buf *b);

/* A band drawn behind the series of a radar chart (a population's interquartile range): per axis
 * a low and a high value 0..5, negative where the axis has none. */
typedef struct isomm__radar_band {
    const char *label;  /* legend label (UTF-8) */
    const double *low;  /* one value per axis */
    const double *high; /* one value per axis, >= low */
} isomm__radar_band;

/* isomm__svg_radar() with a band behind the series, in one <g class="iqr-band">: the ring between
 * the high and low outlines (filled when every axis has the band) and a thick stroke along each
 * spoke from low to high. The legend table gets a row for the band after the series' rows, with
 * its range on each axis ("2.5-3.2"). At most ISOMM__SVG_STYLES series; band may be NULL. */
void isomm__svg_radar_banded(isomm_buf *b, const char *title, const char *subtitle, size_t axes,
                             const char *const *labels, const char *const *codes, const isomm__radar_band *band,
                             const isomm__radar_series *series, size_t nseries);

#endif
