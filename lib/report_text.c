/* SPDX-License-Identifier: MIT */
/* Text and Markdown reports: the same sections, laid out for a terminal or for Markdown. */
#include <string.h>

#include "report_internal.h"

#define BAR_CELLS 20 /* 4 cells per level */
#define TEXT_COLUMNS 78

typedef struct writer {
    isomm_buf *b;
    const isomm_result *r;
    const isomm_assessment *a;
    const isomm_model *m;
    isomm_lang lang;
    int md;
} writer;

static const char *W(const writer *w, isomm__word word)
{
    return isomm__report_word(word, w->lang);
}

static void pad(isomm_buf *b, size_t n)
{
    while (n-- > 0)
        isomm__buf_putc(b, ' ');
}

/* User text in the writer's format. */
static void put_text(const writer *w, const char *s)
{
    if (w->md)
        isomm__report_md_text(w->b, s);
    else
        isomm__buf_puts(w->b, s);
}

static void heading(const writer *w, const char *title)
{
    if (w->md)
        isomm__buf_printf(w->b, "\n## %s\n\n", title);
    else
        isomm__buf_printf(w->b, "\n%s\n", title);
}

/* A bar of BAR_CELLS cells for 0..5 with eighth-block precision. */
static void bar(isomm_buf *b, double value)
{
    static const char *const eighths[8] = { "", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589" };
    long units = (long)(value / 5.0 * BAR_CELLS * 8 + 0.5);
    long full = units / 8, part = units % 8, cell;

    for (cell = 0; cell < full; cell++)
        isomm__buf_puts(b, "\u2588");
    isomm__buf_puts(b, eighths[part]);
    for (cell = full + (part > 0); cell < BAR_CELLS; cell++)
        isomm__buf_puts(b, "\u2591");
}

/* Wrap text at TEXT_COLUMNS - indent, each line indented. */
static void wrapped(isomm_buf *b, size_t indent, const char *text)
{
    size_t n = strlen(text), at = 0, next, len;

    while (at < n) {
        len = isomm__utf8_wrap_line(text + at, n - at, TEXT_COLUMNS - indent, &next);
        pad(b, indent);
        isomm__buf_append(b, text + at, len);
        isomm__buf_putc(b, '\n');
        at += next;
    }
}

static void header(const writer *w)
{
    static const isomm__word labels[] = { ISOMM__W_ORGANIZATION, ISOMM__W_ASSESSOR, ISOMM__W_DATE };
    static const isomm_meta fields[] = { ISOMM_META_ORGANIZATION, ISOMM_META_ASSESSOR, ISOMM_META_DATE };
    const char *values[5];
    const char *names[5];
    size_t i, label_width = 0;

    for (i = 0; i < 3; i++) {
        names[i] = W(w, labels[i]);
        values[i] = isomm_assessment_meta(w->a, fields[i]);
        if (!values[i])
            values[i] = W(w, ISOMM__W_NOT_SET);
    }
    names[3] = W(w, ISOMM__W_CURRENT_PATTERN);
    values[3] = isomm__report_pattern_name(isomm_assessment_pattern(w->a, 1), w->lang);
    names[4] = W(w, ISOMM__W_TARGET_PATTERN);
    values[4] = isomm__report_pattern_name(isomm__report_target(w->r), w->lang);

    if (w->md) {
        isomm__buf_printf(w->b, "# %s: ", W(w, ISOMM__W_TITLE));
        isomm__report_md_text(w->b, isomm_assessment_meta(w->a, ISOMM_META_ID));
        isomm__buf_puts(w->b, "\n\n| | |\n|---|---|\n");
        for (i = 0; i < 5; i++) {
            isomm__buf_printf(w->b, "| %s | ", names[i]);
            isomm__report_md_text(w->b, values[i]);
            isomm__buf_puts(w->b, " |\n");
        }
        return;
    }
    isomm__buf_printf(w->b, "%s: %s\n", W(w, ISOMM__W_TITLE), isomm_assessment_meta(w->a, ISOMM_META_ID));
    for (i = 0; i < 5; i++) {
        size_t width = isomm__utf8_width(names[i]);
        if (width > label_width)
            label_width = width;
    }
    for (i = 0; i < 5; i++) {
        isomm__buf_printf(w->b, "  %s", names[i]);
        pad(w->b, label_width - isomm__utf8_width(names[i]) + 2);
        isomm__buf_puts(w->b, values[i]);
        isomm__buf_putc(w->b, '\n');
    }
}

static void maturity_line(const writer *w, size_t name_width, const char *code, const char *name, int has, double v)
{
    if (w->md) {
        isomm__buf_printf(w->b, "| %s | %s | ", code, name);
        isomm__report_maturity(w->b, has, v);
        isomm__buf_puts(w->b, has ? " / 5 | `" : " | ");
        if (has) {
            bar(w->b, v);
            isomm__buf_puts(w->b, "` |\n");
        } else {
            isomm__buf_printf(w->b, "%s |\n", W(w, ISOMM__W_NO_MATURITY));
        }
        return;
    }
    isomm__buf_printf(w->b, "  %-2s %s", code, name);
    pad(w->b, name_width - isomm__utf8_width(name) + 2);
    if (has) {
        isomm__buf_printf(w->b, "%3.1f / 5  ", v);
        bar(w->b, v);
    } else {
        isomm__buf_printf(w->b, "  - / 5  %s", W(w, ISOMM__W_NO_MATURITY));
    }
    isomm__buf_putc(w->b, '\n');
}

static void maturities(const writer *w)
{
    size_t name_width = isomm__utf8_width(W(w, ISOMM__W_OVERALL)), width;
    double overall = 0.0;
    int f, has_overall = isomm_result_overall(w->r, &overall) == 1;

    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        width = isomm__utf8_width(isomm_function_name(isomm_model_function(w->m, f), w->lang));
        if (width > name_width)
            name_width = width;
    }
    heading(w, W(w, ISOMM__W_MATURITY));
    if (w->md)
        isomm__buf_printf(w->b, "| | %s | %s | |\n|---|---|---:|---|\n", W(w, ISOMM__W_FUNCTION),
                          W(w, ISOMM__W_MATURITY_COLUMN));
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(w->m, f);
        const isomm_function_result *fr = isomm_result_function(w->r, f);
        maturity_line(w, name_width, fi->code, isomm_function_name(fi, w->lang), fr->has_maturity, fr->maturity);
    }
    if (!w->md)
        isomm__buf_putc(w->b, '\n');
    maturity_line(w, name_width, "", W(w, ISOMM__W_OVERALL), has_overall, overall);
}

static void highlights(const writer *w, int strength)
{
    int i, n = isomm_result_highlight_count(w->r, strength);

    heading(w, W(w, strength ? ISOMM__W_STRENGTHS : ISOMM__W_WEAKNESSES));
    if (n == 0)
        isomm__buf_printf(w->b, w->md ? "%s\n" : "  %s\n", W(w, ISOMM__W_NONE));
    for (i = 0; i < n; i++) {
        int f = isomm_result_highlight(w->r, strength, i);
        const isomm_function_info *fi = isomm_model_function(w->m, f);
        const isomm_function_result *fr = isomm_result_function(w->r, f);
        const char *comment = isomm_function_comment(fi, strength, w->lang);
        if (w->md) {
            isomm__buf_printf(w->b, "- **%s %s** (%.1f / 5): %s\n", fi->code, isomm_function_name(fi, w->lang),
                              fr->maturity, comment);
        } else {
            isomm__buf_printf(w->b, "  %s  %s  %.1f / 5\n", fi->code, isomm_function_name(fi, w->lang), fr->maturity);
            wrapped(w->b, 5, comment);
        }
    }
}

static void role_line(const writer *w, int role, int show_answer)
{
    const isomm_role_info *ri = isomm_model_role(w->m, role);
    const isomm_role_result *rr = isomm_result_role(w->r, role);

    isomm__buf_printf(w->b, w->md ? "- %s %s" : "    %-5s %s", ri->code, isomm_role_name(ri, w->lang));
    if (show_answer)
        isomm__buf_printf(w->b, "%s%s%s%s %d%s", W(w, ISOMM__W_OPEN), isomm_sourcing_name(rr->sourcing, w->lang),
                          W(w, ISOMM__W_COMMA), W(w, ISOMM__W_LEVEL), rr->level, W(w, ISOMM__W_CLOSE));
    isomm__buf_putc(w->b, '\n');
}

static void lists(const writer *w)
{
    isomm_pattern p = isomm_result_list_pattern(w->r);
    int l, i;

    isomm__buf_printf(w->b, "\n%s%s%s%s: %s%s\n", w->md ? "## " : "", W(w, ISOMM__W_RECOMMENDATIONS), W(w, ISOMM__W_OPEN),
                      W(w, ISOMM__W_AGAINST), isomm__report_pattern_name(p, w->lang), W(w, ISOMM__W_CLOSE));
    for (l = 0; l < ISOMM_LIST_COUNT; l++) {
        int n = isomm_result_list_count(w->r, (isomm_list)l);
        isomm__buf_printf(w->b, w->md ? "\n### %s\n\n" : "  %s\n", isomm_list_title((isomm_list)l, w->lang));
        if (n == 0)
            isomm__buf_printf(w->b, w->md ? "%s\n" : "    %s\n", W(w, ISOMM__W_NONE));
        for (i = 0; i < n; i++)
            role_line(w, isomm_result_list_role(w->r, (isomm_list)l, i), 1);
    }
}

static void pattern_fit(const writer *w)
{
    int mismatches = 0, current_mismatches = -1;
    isomm_pattern best = isomm_result_pattern_fit(w->r, &mismatches, &current_mismatches);
    const char *indent = w->md ? "" : "  ";
    const char *name = isomm__report_pattern_name(best, w->lang);

    heading(w, W(w, ISOMM__W_PATTERN_FIT));
    if (w->lang == ISOMM_LANG_JA)
        isomm__buf_printf(w->b, "%s%s: %s（不一致 %d）\n", indent, W(w, ISOMM__W_FIT_SENTENCE), name, mismatches);
    else
        isomm__buf_printf(w->b, "%s%s: %s (%d mismatches)\n", indent, W(w, ISOMM__W_FIT_SENTENCE), name, mismatches);
    if (current_mismatches >= 0) {
        const char *current = isomm__report_pattern_name(isomm_assessment_pattern(w->a, 1), w->lang);
        if (w->md)
            isomm__buf_putc(w->b, '\n');
        if (w->lang == ISOMM_LANG_JA)
            isomm__buf_printf(w->b, "%s現在のパターン（%s）との不一致: %d\n", indent, current, current_mismatches);
        else
            isomm__buf_printf(w->b, "%sCurrent pattern (%s): %d mismatches\n", indent, current, current_mismatches);
    }
}

static void unanswered(const writer *w)
{
    int i, n = isomm_result_unanswered_count(w->r);

    isomm__buf_printf(w->b, "\n%s%s%s%d", w->md ? "## " : "", W(w, ISOMM__W_UNANSWERED), W(w, ISOMM__W_OPEN), n);
    if (n)
        isomm__buf_printf(w->b, "%s%s", W(w, ISOMM__W_COMMA), W(w, ISOMM__W_UNANSWERED_NOTE));
    isomm__buf_printf(w->b, "%s\n%s", W(w, ISOMM__W_CLOSE), w->md ? "\n" : "");
    if (n == 0)
        isomm__buf_printf(w->b, w->md ? "%s\n" : "    %s\n", W(w, ISOMM__W_NONE));
    for (i = 0; i < n; i++)
        role_line(w, isomm_result_unanswered(w->r, i), 0);
}

static void notes(const writer *w)
{
    int role, any = 0;

    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        isomm_answer ans;
        const isomm_role_info *ri = isomm_model_role(w->m, role);
        if (isomm_assessment_get_index(w->a, role, &ans, NULL) != ISOMM_OK || !ans.note)
            continue;
        if (!any++)
            heading(w, W(w, ISOMM__W_NOTE));
        if (w->md) {
            isomm__buf_printf(w->b, "- %s %s: ", ri->code, isomm_role_name(ri, w->lang));
            put_text(w, ans.note);
            isomm__buf_putc(w->b, '\n');
        } else {
            isomm__buf_printf(w->b, "  %-5s %s\n", ri->code, isomm_role_name(ri, w->lang));
            wrapped(w->b, 8, ans.note);
        }
    }
}

static void warnings(const writer *w)
{
    int i, n = isomm_result_warning_count(w->r);

    if (n == 0)
        return;
    heading(w, W(w, ISOMM__W_WARNINGS));
    for (i = 0; i < n; i++) {
        const char *text = isomm_warning_text((isomm_warning)isomm_result_warning(w->r, i), w->lang);
        if (w->md) {
            isomm__buf_printf(w->b, "- %s\n", text);
        } else {
            size_t at = w->b->len;
            wrapped(w->b, 4, text);
            if (!w->b->failed && w->b->len > at + 2)
                w->b->data[at + 2] = '!';
        }
    }
}

void isomm__report_text(isomm_buf *b, const isomm_result *r, isomm_lang lang, int markdown)
{
    writer w;

    w.b = b;
    w.r = r;
    w.a = isomm_result_assessment(r);
    w.m = isomm_result_model(r);
    w.lang = lang;
    w.md = markdown;
    header(&w);
    maturities(&w);
    highlights(&w, 1);
    highlights(&w, 0);
    lists(&w);
    pattern_fit(&w);
    unanswered(&w);
    notes(&w);
    warnings(&w);
}
