/* SPDX-License-Identifier: MIT */
/* Output of comparisons and aggregates: the render entry points. The writers sit below
 * (report_compare_text.c: text, Markdown, JSON of INTERFACES.md section 3; report_compare_svg.c:
 * charts; report_compare_html.c: pages), and what they share below them
 * (report_compare_common.c): data flows one way. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "report_compare.h"
#include "report_internal.h"

/* Checks shared by both render functions: *out cleared, what (the object) present, *opts set to
 * the options or the defaults, whose version and language are valid. */
static int begin_render(char **out, const void *what, const char *name, const isomm_report_options **opts,
                        isomm_error *err)
{
    static const isomm_report_options defaults = ISOMM_REPORT_OPTIONS_INIT;

    if (out)
        *out = NULL;
    if (!out || !what)
        return isomm__fail(err, ISOMM_EINVAL, "output and %s must not be NULL", name);
    if (!*opts)
        *opts = &defaults;
    int rc = isomm__report_check_version(*opts, err);

    if (rc != ISOMM_OK)
        return rc;
    if ((*opts)->lang != ISOMM_LANG_JA && (*opts)->lang != ISOMM_LANG_EN)
        return isomm__fail(err, ISOMM_EOPTIONS, "unknown language %d (expected ISOMM_LANG_JA or ISOMM_LANG_EN)",
                           (int)(*opts)->lang);
    return ISOMM_OK;
}

static int finish(isomm_buf *b, char **out, size_t *len, isomm_error *err)
{
    *out = isomm__buf_take(b, len);
    if (!*out)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory rendering a report");
    return ISOMM_OK;
}

int isomm_comparison_render(char **out, size_t *len, const isomm_comparison *c, const isomm_report_options *opts,
                            isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;
    int rc = begin_render(out, c, "comparison", &opts, err);

    if (rc)
        return rc;
    switch (opts->format) {
    case ISOMM_FORMAT_TEXT: isomm__comparison_text(&b, c, opts->lang, 0, isomm__report_width(opts)); break;
    case ISOMM_FORMAT_MARKDOWN: isomm__comparison_text(&b, c, opts->lang, 1, isomm__report_width(opts)); break;
    case ISOMM_FORMAT_JSON: isomm__comparison_json(&b, c); break;
    case ISOMM_FORMAT_SVG_RADAR: isomm__comparison_svg_radar(&b, c, opts->lang); break;
    case ISOMM_FORMAT_HTML: isomm__comparison_html(&b, c, opts->lang); break;
    default:
        return isomm__fail(err, ISOMM_EOPTIONS,
                           "format %d is not available for a comparison (expected text, markdown, json, html or "
                           "svg radar)",
                           (int)opts->format);
    }
    return finish(&b, out, len, err);
}

int isomm_aggregate_render(char **out, size_t *len, const isomm_aggregate *ag, const isomm_report_options *opts,
                           isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;
    int rc = begin_render(out, ag, "aggregate", &opts, err);

    if (rc)
        return rc;
    if (isomm_aggregate_count(ag) == 0)
        return isomm__fail(err, ISOMM_EEMPTY, "the aggregate holds no assessment (expected at least one)");
    switch (opts->format) {
    case ISOMM_FORMAT_TEXT: isomm__aggregate_text(&b, ag, opts->lang, 0, isomm__report_width(opts)); break;
    case ISOMM_FORMAT_MARKDOWN: isomm__aggregate_text(&b, ag, opts->lang, 1, isomm__report_width(opts)); break;
    case ISOMM_FORMAT_JSON: isomm__aggregate_json(&b, ag); break;
    case ISOMM_FORMAT_SVG_HEATMAP:
        isomm__aggregate_svg_heatmap(&b, ag, opts->lang, 0, isomm_aggregate_recorded_count(ag));
        break;
    case ISOMM_FORMAT_SVG_RADAR: isomm__aggregate_svg_radar(&b, ag, opts->lang); break;
    case ISOMM_FORMAT_HTML: isomm__aggregate_html(&b, ag, opts->lang); break;
    default:
        return isomm__fail(err, ISOMM_EOPTIONS,
                           "format %d is not available for an aggregate (expected text, markdown, json, html, svg "
                           "radar or svg heat map)",
                           (int)opts->format);
    }
    return finish(&b, out, len, err);
}
