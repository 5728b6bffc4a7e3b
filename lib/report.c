/* SPDX-License-Identifier: MIT */
/* Report entry points: option checks, dispatch to the writers, output to a buffer or a stream.
 * The writers sit below (report_text.c, report_json.c, report_svg.c, report_html.c) and the words
 * and helpers they share below them (report_common.c): data flows one way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report_internal.h"

static int check_options(const isomm_report_options *opts, isomm_error *err)
{
    int rc = isomm__report_check_version(opts, err);

    if (rc != ISOMM_OK)
        return rc;
    if ((int)opts->format < ISOMM_FORMAT_TEXT || (int)opts->format > ISOMM_FORMAT_SVG_ROLES)
        return isomm__fail(err, ISOMM_EOPTIONS, "report format %d is not a format of a result report (expected 0..%d)", (int)opts->format,
                           (int)ISOMM_FORMAT_SVG_ROLES);
    if (opts->lang != ISOMM_LANG_JA && opts->lang != ISOMM_LANG_EN)
        return isomm__fail(err, ISOMM_EOPTIONS, "report language %d is not a language (expected ja or en)",
                           (int)opts->lang);
    return ISOMM_OK;
}

/* Render `count` results; `single` asks for one JSON object instead of an array. Arguments are
 * checked here for both public entry points. */
static int render(char **out, size_t *len, const isomm_result *const *results, size_t count, int single,
                  const isomm_report_options *opts, isomm_error *err)
{
    static const isomm_report_options defaults = ISOMM_REPORT_OPTIONS_INIT;
    isomm_buf b = ISOMM_BUF_INIT;
    size_t i;
    int rc;

    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "report: out is NULL");
    *out = NULL;
    if (!opts)
        opts = &defaults;
    if ((rc = check_options(opts, err)) != ISOMM_OK)
        return rc;
    if (count > 0 && !results)
        return isomm__fail(err, ISOMM_EINVAL, "report: results is NULL");
    for (i = 0; i < count; i++) {
        if (!results[i])
            return isomm__fail(err, ISOMM_EINVAL, "report: result %zu is NULL", i);
    }
    if (count == 0 && opts->format != ISOMM_FORMAT_JSON)
        return isomm__fail(err, ISOMM_EEMPTY, "report: no result to render");
    if (count > 1 && opts->format == ISOMM_FORMAT_SVG_ROLES)
        return isomm__fail(err, ISOMM_EINVAL, "report: a role chart shows one assessment, got %zu", count);

    if (opts->format == ISOMM_FORMAT_TEXT || opts->format == ISOMM_FORMAT_MARKDOWN) {
        for (i = 0; i < count; i++) {
            if (i)
                isomm__buf_puts(&b, opts->format == ISOMM_FORMAT_MARKDOWN ? "\n---\n\n" : "\n\n");
            isomm__report_text(&b, results[i], opts->lang, opts->format == ISOMM_FORMAT_MARKDOWN,
                               isomm__report_width(opts));
        }
    } else if (opts->format == ISOMM_FORMAT_JSON) {
        isomm__buf_puts(&b, single ? "" : "[");
        for (i = 0; i < count; i++) {
            if (i)
                isomm__buf_puts(&b, ",\n ");
            isomm__report_json(&b, results[i], opts->lang);
        }
        isomm__buf_puts(&b, single ? "\n" : "]\n");
    } else if (opts->format == ISOMM_FORMAT_HTML) {
        isomm__report_html(&b, results, count, opts);
    } else if (opts->format == ISOMM_FORMAT_SVG_RADAR) {
        isomm__report_svg_radar(&b, results, count, opts);
    } else { /* ISOMM_FORMAT_SVG_ROLES: check_options admits nothing else */
        isomm__report_svg_roles(&b, results[0], opts->lang);
    }
    *out = isomm__buf_take(&b, len);
    if (!*out)
        return isomm__fail(err, ISOMM_ENOMEM, "report: out of memory");
    return ISOMM_OK;
}

int isomm_report_render_list(char **out, size_t *len, const isomm_result *const *results, size_t count,
                             const isomm_report_options *opts, isomm_error *err)
{
    return render(out, len, results, count, 0, opts, err);
}

int isomm_report_render(char **out, size_t *len, const isomm_result *r, const isomm_report_options *opts,
                        isomm_error *err)
{
    if (out && !r) {
        *out = NULL;
        return isomm__fail(err, ISOMM_EINVAL, "report: result is NULL");
    }
    return render(out, len, &r, 1, 1, opts, err);
}

static int write_out(FILE *fp, char *doc, size_t len, isomm_error *err)
{
    int failed = fwrite(doc, 1, len, fp) != len;

    free(doc);
    if (failed || fflush(fp) != 0)
        return isomm__fail(err, ISOMM_EIO, "report: writing the output failed");
    return ISOMM_OK;
}

int isomm_report_write(FILE *fp, const isomm_result *r, const isomm_report_options *opts, isomm_error *err)
{
    char *doc;
    size_t len;
    int rc;

    if (!fp)
        return isomm__fail(err, ISOMM_EINVAL, "report: stream is NULL");
    if ((rc = isomm_report_render(&doc, &len, r, opts, err)) != ISOMM_OK)
        return rc;
    return write_out(fp, doc, len, err);
}

int isomm_report_write_list(FILE *fp, const isomm_result *const *results, size_t count,
                            const isomm_report_options *opts, isomm_error *err)
{
    char *doc;
    size_t len;
    int rc;

    if (!fp)
        return isomm__fail(err, ISOMM_EINVAL, "report: stream is NULL");
    if ((rc = isomm_report_render_list(&doc, &len, results, count, opts, err)) != ISOMM_OK)
        return rc;
    return write_out(fp, doc, len, err);
}
