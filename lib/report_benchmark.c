/* SPDX-License-Identifier: MIT */
/* Output of benchmarks: the render entry point, labels, text, Markdown and JSON (INTERFACES.md
 * section 3, `isomm benchmark --format json`); the radar and the page are in report_benchmark_html.c. */
#include <string.h>

#include "internal.h"
#include "report_benchmark.h"
#include "report_internal.h"

/* ---- labels --------------------------------------------------------------------------- */

static const char *const labels[B_COUNT_OF_LABELS][2] = {
    [B_TITLE] = { "ベンチマーク: %s（母集団 %llu 件）", "Benchmark of %s against a population of %llu assessments" },
    [B_MIN_SIZE] = { "%llu 件未満の評価にもとづく数値は示しません（個々の評価を守るため）。",
                     "Figures resting on fewer than %llu assessments are not shown (to protect each assessment)." },
    [B_FUNCTIONS] = { "機能別の位置", "Functions against the population" },
    [B_FUNCTION] = { "機能", "Function" },
    [B_NAME] = { "名称", "Name" },
    [B_MATURITY] = { "成熟度", "Maturity" },
    [B_PERCENTILE] = { "パーセンタイル", "Percentile" },
    [B_QUARTILES] = { "四分位（下 / 中央 / 上）", "Quartiles (lower / median / upper)" },
    [B_LOWER] = { "第1四分位", "Lower quartile" },
    [B_MEDIAN] = { "中央値", "Median" },
    [B_UPPER] = { "第3四分位", "Upper quartile" },
    [B_OVERALL] = { "総合成熟度", "Overall maturity" },
    [B_ROLES] = { "役割別の位置（レベル1〜5で回答した母集団に対して）",
                  "Roles against the population that rated them (level 1-5)" },
    [B_ROLE] = { "役割", "Role" },
    [B_LEVEL] = { "レベル", "Level" },
    [B_RATED] = { "回答数", "Rated" },
    [B_BELOW_SHARE] = { "下", "Below" },
    [B_SAME_SHARE] = { "同じ", "Same" },
    [B_ABOVE_SHARE] = { "上", "Above" },
    [B_STANDING] = { "位置", "Standing" },
    [B_COMMON_SOURCING] = { "多数のソーシング", "Common sourcing" },
    [B_ABOVE_MOST] = { "母集団の大半より上", "Above most of the population" },
    [B_AT_MOST] = { "母集団の大半と同程度", "At the level of most of the population" },
    [B_BELOW_MOST] = { "母集団の大半より下", "Below most of the population" },
    [B_NOT_PLACED] = { "位置なし（未回答、レベル0、または回答した母集団が少ない）",
                       "Not placed (unanswered, level 0, or too few rated it)" },
    [B_SHORT_ABOVE] = { "上", "above" },
    [B_SHORT_AT] = { "同程度", "at" },
    [B_SHORT_BELOW] = { "下", "below" },
    [B_UNANSWERED] = { "未回答", "unanswered" },
    [B_RADAR_TITLE] = { "母集団との比較", "Maturity against the population" },
    [B_BAND] = { "母集団の四分位範囲", "Interquartile range" },
    [B_MEDIAN_SERIES] = { "母集団の中央値", "Population median" },
    [B_PAGE_TITLE] = { "ベンチマーク", "Benchmark" },
};

const char *isomm__benchmark_label(isomm_lang lang, enum isomm__benchmark_label l)
{
    return labels[l][lang];
}

const char *isomm__benchmark_standing_label(isomm_lang lang, isomm_standing s)
{
    switch (s) {
    case ISOMM_STANDING_ABOVE: return labels[B_ABOVE_MOST][lang];
    case ISOMM_STANDING_AT: return labels[B_AT_MOST][lang];
    case ISOMM_STANDING_BELOW: return labels[B_BELOW_MOST][lang];
    default: return labels[B_NOT_PLACED][lang];
    }
}

const char *isomm__benchmark_standing_word(isomm_lang lang, isomm_standing s)
{
    switch (s) {
    case ISOMM_STANDING_ABOVE: return labels[B_SHORT_ABOVE][lang];
    case ISOMM_STANDING_AT: return labels[B_SHORT_AT][lang];
    case ISOMM_STANDING_BELOW: return labels[B_SHORT_BELOW][lang];
    default: return "-";
    }
}

void isomm__benchmark_share(isomm_buf *b, int has, double share)
{
    isomm__report_maturity(b, has, 100.0 * share);
    if (has)
        isomm__buf_putc(b, '%');
}

static const char *L(isomm_lang lang, enum isomm__benchmark_label l)
{
    return labels[l][lang];
}

/* ---- text and Markdown ------------------------------------------------------------------- */

#define TEXT_WIDTH 79 /* columns of a text line, the comma included */

static void pad(isomm_buf *b, size_t n)
{
    while (n-- > 0)
        isomm__buf_putc(b, ' ');
}

/* The cells of a function's or the overall line: maturity, percentile, three quartiles. */
static void value_cells(const isomm_benchmark_value *v, char cells[5][16])
{
    isomm_buf b = ISOMM_BUF_INIT;
    int i;
    for (i = 0; i < 5; i++) {
        char *s;
        if (i == 0)
            isomm__report_maturity(&b, v->has_maturity, v->maturity);
        else if (i == 1)
            isomm__report_maturity(&b, v->has_percentile, v->percentile);
        else
            isomm__report_maturity(&b, v->has_quartiles, v->quartiles[i - 2]);
        s = isomm__buf_take(&b, NULL);
        snprintf(cells[i], 16, "%s", s ? s : "?");
        isomm_free(s);
    }
}

/* Text wrapped at TEXT_WIDTH + 1 columns, its first line continuing the current one at `column`,
 * the others indented to it. */
static void wrap_at(isomm_buf *b, size_t column, const char *text)
{
    size_t n = strlen(text), at = 0, next, len;
    while (at < n) {
        len = isomm__utf8_wrap_line(text + at, n - at, TEXT_WIDTH + 1 - column, &next);
        if (at)
            pad(b, column);
        isomm__buf_append(b, text + at, len);
        isomm__buf_putc(b, '\n');
        at += next;
    }
}

static void text_value(isomm_buf *b, const char *code, const char *name, const isomm_benchmark_value *v,
                       int markdown)
{
    char cells[5][16];
    size_t start = b->len;
    value_cells(v, cells);
    if (markdown) {
        isomm__buf_printf(b, "| %s | ", code);
        isomm__report_md_text(b, name);
        isomm__buf_printf(b, " | %s | %s | %s | %s | %s |\n", cells[0], cells[1], cells[2], cells[3], cells[4]);
        return;
    }
    /* the numbers first, in fixed columns; the name after them, wrapped */
    isomm__buf_printf(b, "%-3s%3s  %5s  %s / %s / %s  ", code, cells[0], cells[1], cells[2], cells[3], cells[4]);
    wrap_at(b, b->failed ? 0 : b->len - start, name);
}

static void text_roles(isomm_buf *b, const isomm_benchmark *bm, isomm_lang lang, int markdown)
{
    static const isomm_standing order[] = { ISOMM_STANDING_ABOVE, ISOMM_STANDING_AT, ISOMM_STANDING_BELOW,
                                            ISOMM_STANDING_NONE };
    const isomm_model *m = isomm_benchmark_model(bm);
    size_t g;
    int i;

    if (markdown)
        isomm__buf_printf(b, "\n## %s\n\n", L(lang, B_ROLES));
    else
        isomm__buf_printf(b, "\n%s\n", L(lang, B_ROLES));
    for (g = 0; g < sizeof order / sizeof order[0]; g++) {
        int n = 0, first = 1;
        for (i = 0; i < ISOMM_ROLE_COUNT; i++)
            n += isomm_benchmark_role(bm, i)->standing == order[g];
        size_t start = b->len, column;
        isomm__buf_printf(b, "%s%s (%d): ", markdown ? "- " : "  ", isomm__benchmark_standing_label(lang, order[g]), n);
        column = b->failed ? 0 : isomm__utf8_width(b->data + start);
        for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
            const char *code = isomm_model_role(m, i)->code;
            if (isomm_benchmark_role(bm, i)->standing != order[g])
                continue;
            if (!first)
                isomm__buf_putc(b, ',');
            /* text: lines of at most 80 columns, continued with an indent */
            if (!markdown && !first && column + 2 + strlen(code) > TEXT_WIDTH) {
                isomm__buf_puts(b, "\n    ");
                column = 4;
            } else if (!first) {
                isomm__buf_putc(b, ' ');
                column += 2;
            }
            isomm__buf_puts(b, code);
            column += strlen(code);
            first = 0;
        }
        if (first)
            isomm__buf_puts(b, "-");
        isomm__buf_putc(b, '\n');
    }
    if (!markdown)
        return;
    isomm__buf_printf(b, "\n| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|---|---|\n",
                      L(lang, B_ROLE), L(lang, B_NAME), L(lang, B_LEVEL), L(lang, B_RATED), L(lang, B_BELOW_SHARE),
                      L(lang, B_SAME_SHARE), L(lang, B_ABOVE_SHARE), L(lang, B_STANDING), L(lang, B_COMMON_SOURCING));
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_standing *rs = isomm_benchmark_role(bm, i);
        const isomm_role_info *ri = isomm_model_role(m, i);
        isomm__buf_printf(b, "| %s | ", ri->code);
        isomm__report_md_text(b, isomm_role_name(ri, lang));
        isomm__buf_puts(b, " | ");
        if (rs->level == ISOMM_UNANSWERED)
            isomm__buf_puts(b, L(lang, B_UNANSWERED));
        else
            isomm__buf_printf(b, "%s %d", isomm_sourcing_name(rs->sourcing, lang), rs->level);
        isomm__buf_printf(b, " | %llu | ", (unsigned long long)rs->rated);
        isomm__benchmark_share(b, rs->has_shares, rs->below);
        isomm__buf_puts(b, " | ");
        isomm__benchmark_share(b, rs->has_shares, rs->same);
        isomm__buf_puts(b, " | ");
        isomm__benchmark_share(b, rs->has_shares, rs->above);
        isomm__buf_printf(b, " | %s | %s |\n", isomm__benchmark_standing_word(lang, rs->standing),
                          rs->common_sourcing ? isomm_sourcing_name(rs->common_sourcing, lang) : "-");
    }
}

static void text_one(isomm_buf *b, const isomm_benchmark *bm, isomm_lang lang, int markdown)
{
    const isomm_model *m = isomm_benchmark_model(bm);
    isomm_buf line = ISOMM_BUF_INIT;
    char *t;
    int i;

    /* the title, with the id escaped for Markdown */
    if (markdown)
        isomm__report_md_text(&line, isomm_benchmark_id(bm));
    else
        isomm__buf_puts(&line, isomm_benchmark_id(bm));
    t = isomm__buf_take(&line, NULL);
    if (!t) {
        b->failed = 1;
        return;
    }
    if (markdown)
        isomm__buf_puts(b, "# ");
    isomm__buf_printf(b, L(lang, B_TITLE), t, (unsigned long long)isomm_benchmark_population(bm));
    isomm_free(t);
    isomm__buf_puts(b, markdown ? "\n\n" : "\n");
    isomm__buf_printf(&line, L(lang, B_MIN_SIZE), (unsigned long long)isomm_benchmark_min_size(bm));
    t = isomm__buf_take(&line, NULL);
    if (!t) {
        b->failed = 1;
        return;
    }
    if (markdown) {
        isomm__buf_printf(b, "%s\n", t);
        isomm__buf_printf(b, "\n## %s\n\n| %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|\n",
                          L(lang, B_FUNCTIONS), L(lang, B_FUNCTION), L(lang, B_NAME), L(lang, B_MATURITY),
                          L(lang, B_PERCENTILE), L(lang, B_LOWER), L(lang, B_MEDIAN), L(lang, B_UPPER));
    } else {
        wrap_at(b, 0, t);
        isomm__buf_printf(b, "\n%s\n", L(lang, B_FUNCTIONS));
        isomm__buf_printf(b, "   %s, %s, %s\n", L(lang, B_MATURITY), L(lang, B_PERCENTILE), L(lang, B_QUARTILES));
    }
    isomm_free(t);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_info *fi = isomm_model_function(m, i);
        text_value(b, fi->code, isomm_function_name(fi, lang), isomm_benchmark_function(bm, i), markdown);
    }
    text_value(b, "", L(lang, B_OVERALL), isomm_benchmark_overall(bm), markdown);
    text_roles(b, bm, lang, markdown);
}

/* ---- JSON ----------------------------------------------------------------------------------- */

static void json_opt(isomm_buf *b, int has, double v)
{
    if (has)
        isomm__buf_double(b, v);
    else
        isomm__buf_puts(b, "null");
}

static void json_value(isomm_buf *b, const isomm_benchmark_value *v)
{
    isomm__buf_puts(b, "\"maturity\": ");
    json_opt(b, v->has_maturity, v->maturity);
    isomm__buf_printf(b, ", \"population\": %llu, \"percentile\": ", (unsigned long long)v->population);
    json_opt(b, v->has_percentile, v->percentile);
    isomm__buf_puts(b, ", \"quartiles\": ");
    if (v->has_quartiles) {
        int i;
        for (i = 0; i < 3; i++) {
            isomm__buf_puts(b, i ? ", " : "[");
            isomm__buf_double(b, v->quartiles[i]);
        }
        isomm__buf_putc(b, ']');
    } else {
        isomm__buf_puts(b, "null");
    }
}

static const char *sourcing_id(isomm_sourcing s)
{
    return s == ISOMM_INSOURCE ? "\"insource\"" : (s == ISOMM_OUTSOURCE ? "\"outsource\"" : "null");
}

static void json_one(isomm_buf *b, const isomm_benchmark *bm)
{
    const isomm_model *m = isomm_benchmark_model(bm);
    int i;

    isomm__buf_puts(b, "{\"assessment\": ");
    isomm__buf_json_string(b, isomm_benchmark_id(bm));
    isomm__buf_printf(b, ", \"population\": %llu, \"min_size\": %llu,\n \"functions\": [",
                      (unsigned long long)isomm_benchmark_population(bm),
                      (unsigned long long)isomm_benchmark_min_size(bm));
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        isomm__buf_printf(b, "%s\n  {\"code\": \"%s\", ", i ? "," : "", isomm_model_function(m, i)->code);
        json_value(b, isomm_benchmark_function(bm, i));
        isomm__buf_putc(b, '}');
    }
    isomm__buf_puts(b, "],\n \"overall\": {");
    json_value(b, isomm_benchmark_overall(bm));
    isomm__buf_puts(b, "},\n \"roles\": [");
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_standing *rs = isomm_benchmark_role(bm, i);
        const char *standing = isomm_standing_id(rs->standing);
        isomm__buf_printf(b, "%s\n  {\"code\": \"%s\", \"level\": ", i ? "," : "", isomm_model_role(m, i)->code);
        if (rs->level == ISOMM_UNANSWERED)
            isomm__buf_puts(b, "null");
        else
            isomm__buf_printf(b, "%d", rs->level);
        isomm__buf_printf(b, ", \"sourcing\": %s, \"rated\": %llu, \"below\": ", sourcing_id(rs->sourcing),
                          (unsigned long long)rs->rated);
        json_opt(b, rs->has_shares, rs->below);
        isomm__buf_puts(b, ", \"same\": ");
        json_opt(b, rs->has_shares, rs->same);
        isomm__buf_puts(b, ", \"above\": ");
        json_opt(b, rs->has_shares, rs->above);
        if (standing)
            isomm__buf_printf(b, ", \"standing\": \"%s\"", standing);
        else
            isomm__buf_puts(b, ", \"standing\": null");
        isomm__buf_printf(b, ", \"common_sourcing\": %s}", sourcing_id(rs->common_sourcing));
    }
    isomm__buf_puts(b, "]}");
}

/* ---- entry point ------------------------------------------------------------------------------ */

int isomm_benchmark_render(char **out, size_t *len, const isomm_benchmark *const *list, size_t count,
                           const isomm_report_options *opts, isomm_error *err)
{
    static const isomm_report_options defaults = ISOMM_REPORT_OPTIONS_INIT;
    isomm_buf b = ISOMM_BUF_INIT;
    size_t i;

    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "out must not be NULL");
    *out = NULL;
    if (len)
        *len = 0;
    if (count && !list)
        return isomm__fail(err, ISOMM_EINVAL, "list must not be NULL");
    for (i = 0; i < count; i++)
        if (!list[i])
            return isomm__fail(err, ISOMM_EINVAL, "benchmark %zu of the list is NULL", i);
    if (!opts)
        opts = &defaults;
    if (opts->version != ISOMM_REPORT_OPTIONS_VERSION)
        return isomm__fail(err, ISOMM_EOPTIONS, "report options version %u is not supported (expected %d)",
                           opts->version, ISOMM_REPORT_OPTIONS_VERSION);
    if (opts->lang != ISOMM_LANG_JA && opts->lang != ISOMM_LANG_EN)
        return isomm__fail(err, ISOMM_EOPTIONS, "language %d is not supported (expected ja or en)", (int)opts->lang);
    switch (opts->format) {
    case ISOMM_FORMAT_TEXT:
    case ISOMM_FORMAT_MARKDOWN:
    case ISOMM_FORMAT_JSON:
    case ISOMM_FORMAT_HTML:
    case ISOMM_FORMAT_SVG_RADAR:
        break;
    default:
        return isomm__fail(err, ISOMM_EOPTIONS,
                           "format %d is not available for a benchmark (expected text, markdown, json, html or svg "
                           "radar)",
                           (int)opts->format);
    }
    if (count == 0 && opts->format != ISOMM_FORMAT_JSON)
        return isomm__fail(err, ISOMM_EEMPTY, "no benchmark to render (expected at least one)");
    if (opts->format == ISOMM_FORMAT_SVG_RADAR && count != 1)
        return isomm__fail(err, ISOMM_EINVAL, "a radar chart shows one benchmark, not %zu", count);

    switch (opts->format) {
    case ISOMM_FORMAT_TEXT:
    case ISOMM_FORMAT_MARKDOWN:
        for (i = 0; i < count; i++) {
            int markdown = opts->format == ISOMM_FORMAT_MARKDOWN;
            if (i)
                isomm__buf_puts(&b, markdown ? "\n---\n\n" : "\n");
            text_one(&b, list[i], opts->lang, markdown);
        }
        break;
    case ISOMM_FORMAT_JSON:
        isomm__buf_putc(&b, '[');
        for (i = 0; i < count; i++) {
            if (i)
                isomm__buf_puts(&b, ",\n");
            json_one(&b, list[i]);
        }
        isomm__buf_puts(&b, "]\n");
        break;
    case ISOMM_FORMAT_SVG_RADAR:
        isomm__benchmark_svg_radar(&b, list[0], opts->lang);
        break;
    default:
        isomm__benchmark_html(&b, list, count, opts->lang);
        break;
    }
    *out = isomm__buf_take(&b, len);
    if (!*out)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory rendering a benchmark");
    return ISOMM_OK;
}
