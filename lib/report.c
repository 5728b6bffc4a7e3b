/* SPDX-License-Identifier: MIT */
/* Report entry points: option checks, dispatch to the writers, output to a buffer or a stream,
 * and the words and helpers the writers share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report_internal.h"

static const char *const words[ISOMM__W_COUNT][2] = {
    [ISOMM__W_TITLE] = { "ISOMM 成熟度評価レポート", "ISOMM maturity report" },
    [ISOMM__W_ASSESSMENT] = { "評価", "Assessment" },
    [ISOMM__W_ORGANIZATION] = { "組織", "Organisation" },
    [ISOMM__W_ASSESSOR] = { "評価者", "Assessor" },
    [ISOMM__W_DATE] = { "評価日", "Date" },
    [ISOMM__W_CURRENT_PATTERN] = { "現在のパターン", "Current pattern" },
    [ISOMM__W_TARGET_PATTERN] = { "目標パターン", "Target pattern" },
    [ISOMM__W_MATURITY] = { "機能別の成熟度", "Maturity by function" },
    [ISOMM__W_MATURITY_COLUMN] = { "成熟度", "Maturity" },
    [ISOMM__W_OVERALL] = { "全体の成熟度", "Overall maturity" },
    [ISOMM__W_STRENGTHS] = { "強み", "Strengths" },
    [ISOMM__W_WEAKNESSES] = { "弱み", "Weaknesses" },
    [ISOMM__W_RECOMMENDATIONS] = { "推奨", "Recommendations" },
    [ISOMM__W_AGAINST] = { "基準パターン", "against the pattern" },
    [ISOMM__W_PATTERN_FIT] = { "パターン適合", "Pattern fit" },
    [ISOMM__W_FIT_SENTENCE] = { "回答されたソーシングに最も近いパターン", "The pattern closest to the recorded sourcing" },
    [ISOMM__W_CURRENT_FIT_SENTENCE] = { "現在のパターンとの不一致", "mismatches with the current pattern" },
    [ISOMM__W_UNANSWERED] = { "未回答の役割", "Unanswered roles" },
    [ISOMM__W_UNANSWERED_NOTE] = { "レベル1として計算", "counted as level 1" },
    [ISOMM__W_WARNINGS] = { "注意", "Warnings" },
    [ISOMM__W_NONE] = { "なし", "none" },
    [ISOMM__W_NOT_SET] = { "未設定", "not set" },
    [ISOMM__W_NO_MATURITY] = { "成熟度なし（全役割レベル0）", "no maturity (all roles at level 0)" },
    [ISOMM__W_ROLES] = { "役割", "Roles" },
    [ISOMM__W_LEVEL] = { "レベル", "level" },
    [ISOMM__W_LEVEL_COLUMN] = { "レベル", "Level" },
    [ISOMM__W_INSOURCE] = { "インソース", "Insource" },
    [ISOMM__W_OUTSOURCE] = { "アウトソース", "Outsource" },
    [ISOMM__W_LEVEL0] = { "レベル0（実施しないと判断）", "Level 0 (decided not to do)" },
    [ISOMM__W_UNANSWERED_SHORT] = { "未回答（1として計算）", "Unanswered (counts as 1)" },
    [ISOMM__W_FUNCTION] = { "機能", "Function" },
    [ISOMM__W_ROLE] = { "役割", "Role" },
    [ISOMM__W_SOURCING] = { "ソーシング", "Sourcing" },
    [ISOMM__W_EXPECTED] = { "期待", "Expected" },
    [ISOMM__W_NOTE] = { "備考", "Note" },
    [ISOMM__W_RADAR_TITLE] = { "機能別の成熟度", "Maturity by function" },
    [ISOMM__W_ROLE_CHART_TITLE] = { "役割別のレベル", "Level by role" },
    [ISOMM__W_GENERATED_BY] = { "libisomm で作成", "Made with libisomm" },
    [ISOMM__W_OPEN] = { "（", " (" },
    [ISOMM__W_CLOSE] = { "）", ")" },
    [ISOMM__W_COMMA] = { "、", ", " },
};

const char *isomm__report_word(isomm__word w, isomm_lang lang)
{
    return words[w][lang];
}

const char *isomm__report_pattern_name(isomm_pattern p, isomm_lang lang)
{
    const isomm_pattern_info *info = isomm_pattern_get(p);

    if (!info)
        return words[ISOMM__W_NOT_SET][lang];
    return lang == ISOMM_LANG_JA ? info->name_ja : info->name_en;
}

isomm_pattern isomm__report_target(const isomm_result *r)
{
    int i, n = isomm_result_warning_count(r);

    for (i = 0; i < n; i++) {
        if (isomm_result_warning(r, i) == ISOMM_WARNING_TARGET_FROM_CURRENT)
            return ISOMM_PATTERN_NONE;
    }
    return isomm_result_list_pattern(r);
}

void isomm__report_maturity(isomm_buf *b, int has, double value)
{
    if (has)
        isomm__buf_printf(b, "%.1f", value);
    else
        isomm__buf_puts(b, "-");
}

static int check_options(const isomm_report_options *opts, isomm_error *err)
{
    if (opts->version != ISOMM_REPORT_OPTIONS_VERSION)
        return isomm__fail(err, ISOMM_EOPTIONS, "report options version %u is not supported (expected %d)",
                           opts->version, ISOMM_REPORT_OPTIONS_VERSION);
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
            isomm__report_text(&b, results[i], opts->lang, opts->format == ISOMM_FORMAT_MARKDOWN);
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
