/* SPDX-License-Identifier: MIT */
/* One self-contained HTML page: inline CSS and SVG, no script, no external resource. */
#include "report_internal.h"

typedef struct page {
    isomm_buf *b;
    const isomm_result *r;
    const isomm_assessment *a;
    const isomm_model *m;
    const isomm_report_options *opts;
} page;

static const char *W(const page *p, isomm__word w)
{
    return isomm__report_word(w, p->opts->lang);
}

static void text(const page *p, const char *s)
{
    isomm__buf_xml(p->b, s);
}

static void head(const page *p)
{
    static const isomm__word labels[] = { ISOMM__W_ORGANIZATION, ISOMM__W_ASSESSOR, ISOMM__W_DATE };
    static const isomm_meta fields[] = { ISOMM_META_ORGANIZATION, ISOMM_META_ASSESSOR, ISOMM_META_DATE };
    isomm_lang lang = p->opts->lang;
    double overall = 0.0;
    int i, has = isomm_result_overall(p->r, &overall) == 1;

    isomm__buf_printf(p->b, "<h1>%s: ", W(p, ISOMM__W_TITLE));
    text(p, isomm_assessment_meta(p->a, ISOMM_META_ID));
    isomm__buf_puts(p->b, "</h1>\n<div class=\"head\"><dl class=\"meta\">\n");
    for (i = 0; i < 3; i++) {
        const char *v = isomm_assessment_meta(p->a, fields[i]);
        isomm__buf_printf(p->b, "<dt>%s</dt><dd>", W(p, labels[i]));
        text(p, v ? v : W(p, ISOMM__W_NOT_SET));
        isomm__buf_puts(p->b, "</dd>\n");
    }
    isomm__buf_printf(p->b, "<dt>%s</dt><dd>%s</dd>\n", W(p, ISOMM__W_CURRENT_PATTERN),
                      isomm__report_pattern_name(isomm_assessment_pattern(p->a, 1), lang));
    isomm__buf_printf(p->b, "<dt>%s</dt><dd>%s</dd>\n</dl>\n", W(p, ISOMM__W_TARGET_PATTERN),
                      isomm__report_pattern_name(isomm__report_target(p->r), lang));
    isomm__buf_puts(p->b, "<div class=\"overall\"><div class=\"value\">");
    isomm__report_maturity(p->b, has, overall);
    isomm__buf_printf(p->b, "<span class=\"muted\" style=\"font-size:.4em\"> / 5</span></div><div class=\"label\">%s</div></div>\n</div>\n",
                      W(p, ISOMM__W_OVERALL));
}

static void function_table(const page *p)
{
    int f;

    isomm__buf_printf(p->b, "<h2>%s</h2>\n<table>\n<tr><th></th><th>%s</th><th class=\"num\">%s</th><th></th></tr>\n",
                      W(p, ISOMM__W_MATURITY), W(p, ISOMM__W_FUNCTION), W(p, ISOMM__W_MATURITY_COLUMN));
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(p->m, f);
        const isomm_function_result *fr = isomm_result_function(p->r, f);
        isomm__buf_printf(p->b, "<tr><td><b>%s</b></td><td>%s</td><td class=\"num\">", fi->code,
                          isomm_function_name(fi, p->opts->lang));
        isomm__report_maturity(p->b, fr->has_maturity, fr->maturity);
        isomm__buf_puts(p->b, " / 5</td><td>");
        if (fr->has_maturity)
            isomm__buf_printf(p->b, "<div class=\"track\"><div class=\"fill\" style=\"width:%.1f%%\"></div></div>",
                              fr->maturity * 20.0);
        else
            isomm__buf_printf(p->b, "<span class=\"muted\">%s</span>", W(p, ISOMM__W_NO_MATURITY));
        isomm__buf_puts(p->b, "</td></tr>\n");
    }
    isomm__buf_puts(p->b, "</table>\n");
}

static void highlight_cards(const page *p, int strength)
{
    int i, n = isomm_result_highlight_count(p->r, strength);

    isomm__buf_printf(p->b, "<div><h2>%s</h2>\n", W(p, strength ? ISOMM__W_STRENGTHS : ISOMM__W_WEAKNESSES));
    if (n == 0)
        isomm__buf_printf(p->b, "<p class=\"muted\">%s</p>\n", W(p, ISOMM__W_NONE));
    for (i = 0; i < n; i++) {
        int f = isomm_result_highlight(p->r, strength, i);
        const isomm_function_info *fi = isomm_model_function(p->m, f);
        isomm__buf_printf(p->b, "<div class=\"card %s\"><h3>%s %s <span class=\"muted\">%.1f / 5</span></h3><p>",
                          strength ? "strength" : "weakness", fi->code, isomm_function_name(fi, p->opts->lang),
                          isomm_result_function(p->r, f)->maturity);
        text(p, isomm_function_comment(fi, strength, p->opts->lang));
        isomm__buf_puts(p->b, "</p></div>\n");
    }
    isomm__buf_puts(p->b, "</div>\n");
}

static void sourcing_span(const page *p, isomm_sourcing s)
{
    if (s == ISOMM_SOURCING_NONE)
        isomm__buf_puts(p->b, "<span class=\"muted\">-</span>");
    else
        isomm__buf_printf(p->b, "<span class=\"%s\">%s</span>", s == ISOMM_INSOURCE ? "in" : "out",
                          isomm_sourcing_name(s, p->opts->lang));
}

static void list_cards(const page *p)
{
    int l, i;

    isomm__buf_printf(p->b, "<h2>%s<span class=\"muted\">%s%s: %s%s</span></h2>\n<div class=\"grid4\">\n",
                      W(p, ISOMM__W_RECOMMENDATIONS), W(p, ISOMM__W_OPEN), W(p, ISOMM__W_AGAINST),
                      isomm__report_pattern_name(isomm_result_list_pattern(p->r), p->opts->lang), W(p, ISOMM__W_CLOSE));
    for (l = 0; l < ISOMM_LIST_COUNT; l++) {
        int n = isomm_result_list_count(p->r, (isomm_list)l);
        isomm__buf_printf(p->b, "<div class=\"card\"><h3>%s</h3>\n", isomm_list_title((isomm_list)l, p->opts->lang));
        if (n == 0)
            isomm__buf_printf(p->b, "<p class=\"muted\">%s</p>", W(p, ISOMM__W_NONE));
        else
            isomm__buf_puts(p->b, "<ul>");
        for (i = 0; i < n; i++) {
            int role = isomm_result_list_role(p->r, (isomm_list)l, i);
            const isomm_role_info *ri = isomm_model_role(p->m, role);
            const isomm_role_result *rr = isomm_result_role(p->r, role);
            isomm__buf_printf(p->b, "<li><b>%s</b> ", ri->code);
            isomm__buf_xml(p->b, isomm_role_name(ri, p->opts->lang));
            isomm__buf_printf(p->b, "<span class=\"muted\">%s", W(p, ISOMM__W_OPEN));
            sourcing_span(p, rr->sourcing);
            isomm__buf_printf(p->b, "%s%s %d%s</span></li>\n", W(p, ISOMM__W_COMMA), W(p, ISOMM__W_LEVEL), rr->level,
                              W(p, ISOMM__W_CLOSE));
        }
        isomm__buf_puts(p->b, n ? "</ul></div>\n" : "</div>\n");
    }
    isomm__buf_puts(p->b, "</div>\n");
}

static void fit_and_warnings(const page *p)
{
    int mismatches = 0, current = -1, i, n;
    isomm_pattern best = isomm_result_pattern_fit(p->r, &mismatches, &current);
    isomm_lang lang = p->opts->lang;

    isomm__buf_printf(p->b, "<h2>%s</h2>\n<p>%s: <b>%s</b> ", W(p, ISOMM__W_PATTERN_FIT), W(p, ISOMM__W_FIT_SENTENCE),
                      isomm__report_pattern_name(best, lang));
    isomm__buf_printf(p->b, lang == ISOMM_LANG_JA ? "（不一致 %d）" : "(%d mismatches)", mismatches);
    if (current >= 0)
        isomm__buf_printf(p->b, lang == ISOMM_LANG_JA ? "<br>現在のパターン（%s）との不一致: %d" :
                                                        "<br>Current pattern (%s): %d mismatches",
                          isomm__report_pattern_name(isomm_assessment_pattern(p->a, 1), lang), current);
    isomm__buf_puts(p->b, "</p>\n");

    n = isomm_result_unanswered_count(p->r);
    isomm__buf_printf(p->b, "<h2>%s (%d)</h2>\n<p>", W(p, ISOMM__W_UNANSWERED), n);
    if (n == 0)
        isomm__buf_printf(p->b, "<span class=\"muted\">%s</span>", W(p, ISOMM__W_NONE));
    for (i = 0; i < n; i++) {
        const isomm_role_info *ri = isomm_model_role(p->m, isomm_result_unanswered(p->r, i));
        isomm__buf_printf(p->b, "%s<b>%s</b> ", i ? ", " : "", ri->code);
        isomm__buf_xml(p->b, isomm_role_name(ri, lang));
    }
    if (n)
        isomm__buf_printf(p->b, "<span class=\"muted\">%s%s%s</span>", W(p, ISOMM__W_OPEN), W(p, ISOMM__W_UNANSWERED_NOTE),
                          W(p, ISOMM__W_CLOSE));
    isomm__buf_puts(p->b, "</p>\n");

    n = isomm_result_warning_count(p->r);
    if (n)
        isomm__buf_printf(p->b, "<h2>%s</h2>\n", W(p, ISOMM__W_WARNINGS));
    for (i = 0; i < n; i++)
        isomm__buf_printf(p->b, "<div class=\"warning\">%s</div>\n",
                          isomm_warning_text((isomm_warning)isomm_result_warning(p->r, i), lang));
}

static void role_table(const page *p)
{
    int role;

    isomm__buf_printf(p->b, "<h2>%s</h2>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th class=\"num\">%s</th>"
                      "<th>%s</th><th>%s</th></tr>\n", W(p, ISOMM__W_ROLES), W(p, ISOMM__W_ROLE), "",
                      W(p, ISOMM__W_SOURCING), W(p, ISOMM__W_LEVEL_COLUMN), W(p, ISOMM__W_EXPECTED), W(p, ISOMM__W_NOTE));
    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        const isomm_role_info *ri = isomm_model_role(p->m, role);
        const isomm_role_result *rr = isomm_result_role(p->r, role);
        isomm_answer ans;
        if (isomm_assessment_get_index(p->a, role, &ans, NULL) != ISOMM_OK)
            ans.note = NULL;
        isomm__buf_printf(p->b, "<tr><td><b>%s</b></td><td>", ri->code);
        isomm__buf_xml(p->b, isomm_role_name(ri, p->opts->lang));
        isomm__buf_printf(p->b, "<span class=\"muted\">%s%s%s</span></td><td>", W(p, ISOMM__W_OPEN),
                          isomm_domain_name(ri->domain), W(p, ISOMM__W_CLOSE));
        sourcing_span(p, rr->sourcing);
        isomm__buf_puts(p->b, "</td><td class=\"num\">");
        if (rr->level == ISOMM_UNANSWERED)
            isomm__buf_printf(p->b, "<span class=\"muted\">%s</span>", W(p, ISOMM__W_UNANSWERED_SHORT));
        else
            isomm__buf_printf(p->b, "%d", rr->level);
        isomm__buf_puts(p->b, "</td><td>");
        sourcing_span(p, rr->expected);
        isomm__buf_puts(p->b, "</td><td class=\"note\">");
        if (ans.note)
            text(p, ans.note);
        isomm__buf_puts(p->b, "</td></tr>\n");
    }
    isomm__buf_puts(p->b, "</table>\n");
}

static void section(const page *p)
{
    isomm__buf_puts(p->b, "<section class=\"assessment\">\n");
    head(p);
    isomm__report_svg_radar(p->b, &p->r, 1, p->opts);
    function_table(p);
    isomm__buf_puts(p->b, "<div class=\"grid2\">\n");
    highlight_cards(p, 1);
    highlight_cards(p, 0);
    isomm__buf_puts(p->b, "</div>\n");
    list_cards(p);
    isomm__buf_printf(p->b, "<h2>%s</h2>\n", W(p, ISOMM__W_ROLE_CHART_TITLE));
    isomm__report_svg_roles(p->b, p->r, p->opts->lang);
    fit_and_warnings(p);
    role_table(p);
    isomm__buf_puts(p->b, "</section>\n");
}

void isomm__report_html(isomm_buf *b, const isomm_result *const *results, size_t count,
                        const isomm_report_options *opts)
{
    page p;
    size_t i;

    isomm_buf title = ISOMM_BUF_INIT;
    char *t;

    isomm__buf_printf(&title, "%s: ", isomm__report_word(ISOMM__W_TITLE, opts->lang));
    for (i = 0; i < count; i++) {
        if (i)
            isomm__buf_puts(&title, ", ");
        isomm__buf_puts(&title, isomm_assessment_meta(isomm_result_assessment(results[i]), ISOMM_META_ID));
    }
    t = isomm__buf_take(&title, NULL);
    if (!t) {
        b->failed = 1;
        return;
    }
    isomm__report_html_begin(b, opts->lang, t);
    isomm_free(t);
    if (count > 1) {
        isomm__buf_puts(b, "<section class=\"overview\">\n");
        isomm__report_svg_radar(b, results, count, opts);
        isomm__buf_puts(b, "</section>\n");
    }
    p.b = b;
    p.opts = opts;
    for (i = 0; i < count; i++) {
        p.r = results[i];
        p.a = isomm_result_assessment(results[i]);
        p.m = isomm_result_model(results[i]);
        section(&p);
    }
    isomm__report_html_end(b, opts->lang);
}
