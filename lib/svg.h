/* SPDX-License-Identifier: MIT */
/* SVG drawing shared by the reports and the comparison/aggregation output. Private.
 * Every chart is one complete <svg> element with an xmlns attribute and a viewBox, so the same
 * text is a standalone .svg file and can be pasted into an HTML page. Text uses a font list that
 * reaches a Japanese font on Linux (Noto Sans CJK), macOS and Windows. */
#ifndef ISOMM_SVG_H
#define ISOMM_SVG_H

#include <stddef.h>

#include "buf.h"

/* font-family value for every text element (already XML-safe, single quotes inside). */
#define ISOMM__SVG_FONT "'Noto Sans CJK JP','Noto Sans JP','Hiragino Sans','Yu Gothic','Meiryo',sans-serif"

/* Colour of series i (cycles through a palette that reads well on white and in grey print). */
const char *isomm__svg_color(size_t i);

/* Append `text` as one <text> element, wrapped into lines of at most max_columns terminal
 * columns (a Japanese character counts 2; English breaks at spaces), one <tspan> per line.
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

/* Append a radar chart: a 0..5 grid with one spoke per axis, the axis labels (wrapped), for
 * each series a closed outline through its values (segments next to a missing value are left
 * out; the area is filled only when no value is missing) with one <circle class="point"> per
 * value, each axis label followed by the series' values ("3.9", "-" when missing) in the series'
 * colours, and a legend when any series has a label. title may be NULL. nseries >= 1. */
void isomm__svg_radar(isomm_buf *b, const char *title, size_t axes, const char *const *labels,
                      const isomm__radar_series *series, size_t nseries);

/* A band drawn behind the series of a radar chart (a population's interquartile range): per axis
 * a low and a high value 0..5, negative where the axis has none. */
typedef struct isomm__radar_band {
    const char *label;  /* legend label (UTF-8) */
    const double *low;  /* one value per axis */
    const double *high; /* one value per axis, >= low */
} isomm__radar_band;

/* isomm__svg_radar() with a band behind the series, in one <g class="iqr-band">: the ring between
 * the high and low outlines (filled when every axis has the band) and a thick stroke along each
 * spoke from low to high; a legend entry follows the series'. band may be NULL. */
void isomm__svg_radar_banded(isomm_buf *b, const char *title, size_t axes, const char *const *labels,
                             const isomm__radar_band *band, const isomm__radar_series *series, size_t nseries);

#endif
