/* SPDX-License-Identifier: MIT */
/* One self-contained HTML page: inline CSS and SVG, no script, no external resource. */
#include "report_internal.h"
#include "svg.h"

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
    isomm__buf_printf(p->b, "<span class=\"muted\"> / 5</span></div><div class=\"label\">%s</div></div>\n</div>\n",
                      W(p, ISOMM__W_OVERALL));
}

/* A maturity as a bar 0..5: an inline SVG, so that it prints without background graphics. */
static void meter(isomm_buf *b, double maturity)
{
    isomm__svg_printf(b, "<svg class=\"meter\" width=\"200\" height=\"12\" viewBox=\"0 0 200 12\" aria-hidden=\"true\">"
                      "<rect width=\"200\" height=\"12\" rx=\"3\" fill=\"#e9ecef\"/><rect width=\"%v\" height=\"12\" rx=\"3\" "
                      "fill=\"" ISOMM__SVG_INSOURCE "\"/></svg>", maturity * 40.0);
}

static void function_table(const page *p)
{
    int f;

    isomm__buf_printf(p->b, "<div class=\"keep\"><h2>%s</h2>\n<table class=\"functions\">\n<tr><th></th><th>%s</th><th class=\"num\">%s</th><th></th></tr>\n",
                      W(p, ISOMM__W_MATURITY), W(p, ISOMM__W_FUNCTION), W(p, ISOMM__W_MATURITY_COLUMN));
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(p->m, f);
        const isomm_function_result *fr = isomm_result_function(p->r, f);
        isomm__buf_printf(p->b, "<tr><td class=\"code\">%s</td><td>%s</td><td class=\"num\">", fi->code,
                          isomm_function_name(fi, p->opts->lang));
        isomm__report_maturity(p->b, fr->has_maturity, fr->maturity);
        isomm__buf_puts(p->b, " / 5</td><td class=\"meter\">");
        if (fr->has_maturity)
            meter(p->b, fr->maturity);
        else
            isomm__buf_printf(p->b, "<span class=\"muted\">%s</span>", W(p, ISOMM__W_NO_MATURITY));
        isomm__buf_puts(p->b, "</td></tr>\n");
    }
    isomm__buf_puts(p->b, "</table></div>\n");
}

static int has_warning(const isomm_result *r, isomm_warning w)
{
    int i, n = isomm_result_warning_count(r);

    for (i = 0; i < n; i++)
        if (isomm_result_warning(r, i) == (int)w)
            return 1;
    return 0;
}

static void highlight_cards(const page *p, int strength)
{
    int i, n = isomm_result_highlight_count(p->r, strength);

    isomm__buf_printf(p->b, "<div><h2>%s</h2>\n", W(p, strength ? ISOMM__W_STRENGTHS : ISOMM__W_WEAKNESSES));
    if (n == 0) /* "none", or why: every function has the same maturity */
        isomm__buf_printf(p->b, "<p class=\"muted\">%s</p>\n", W(p, has_warning(p->r, ISOMM_WARNING_NO_CONTRAST) ?
                                                                  ISOMM__W_NO_CONTRAST : ISOMM__W_NONE));
    for (i = 0; i < n; i++) {
        int f = isomm_result_highlight(p->r, strength, i);
        const isomm_function_info *fi = isomm_model_function(p->m, f);
        isomm__buf_printf(p->b, "<div class=\"card %s\"><h3>%s %s <span class=\"muted\">%.1f / 5</span></h3><p class=\"prose\">",
                          strength ? "strength" : "weakness", fi->code, isomm_function_name(fi, p->opts->lang),
                          isomm_result_function(p->r, f)->maturity);
        text(p, isomm_result_highlight_comment(p->r, strength, i, p->opts->lang));
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

/* "→ level 3: documented …" under a role that has a next step (section 7.1), nothing otherwise */
static void next_step(const page *p, int role, const isomm_role_result *rr)
{
    const char *step = isomm_result_next_step(p->r, role, p->opts->lang);

    if (!step)
        return;
    isomm__buf_puts(p->b, "<span class=\"step\">");
    if (rr->next_level > 0)
        isomm__buf_printf(p->b, "<b>\xE2\x86\x92 %s %d</b>%s", W(p, ISOMM__W_LEVEL), rr->next_level, W(p, ISOMM__W_COLON));
    else
        isomm__buf_puts(p->b, "<b>\xE2\x86\x92</b> ");
    text(p, step);
    isomm__buf_puts(p->b, "</span>");
}

static const isomm__word list_captions[ISOMM_LIST_COUNT] = {
    ISOMM__W_CAPTION_STRENGTHEN_INSOURCE, ISOMM__W_CAPTION_STRENGTHEN_OUTSOURCE, ISOMM__W_CAPTION_SWITCH_TO_INSOURCE,
    ISOMM__W_CAPTION_SWITCH_TO_OUTSOURCE
};

static void list_cards(const page *p)
{
    int l, i;

    isomm__buf_printf(p->b, "<h2>%s<span class=\"muted\">%s%s: %s%s</span></h2>\n<div class=\"grid4\">\n",
                      W(p, ISOMM__W_RECOMMENDATIONS), W(p, ISOMM__W_OPEN), W(p, ISOMM__W_AGAINST),
                      isomm__report_pattern_name(isomm_result_list_pattern(p->r), p->opts->lang), W(p, ISOMM__W_CLOSE));
    for (l = 0; l < ISOMM_LIST_COUNT; l++) {
        int n = isomm_result_list_count(p->r, (isomm_list)l);
        isomm__buf_printf(p->b, "<div class=\"card list\"><h3>%s</h3>\n<p class=\"caption\">%s</p>\n",
                          isomm_list_title((isomm_list)l, p->opts->lang), W(p, list_captions[l]));
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
            isomm__buf_printf(p->b, "%s%s %d%s</span>", W(p, ISOMM__W_COMMA), W(p, ISOMM__W_LEVEL), rr->level,
                              W(p, ISOMM__W_CLOSE));
            next_step(p, role, rr);
            isomm__buf_puts(p->b, "</li>\n");
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

    isomm__buf_printf(p->b, "<h2>%s</h2>\n", W(p, ISOMM__W_PATTERN_FIT));
    if (best == ISOMM_PATTERN_NONE)
        isomm__buf_printf(p->b, "<p><span class=\"muted\">%s</span>", W(p, ISOMM__W_NO_FIT));
    else
        isomm__buf_printf(p->b, lang == ISOMM_LANG_JA ? "<p>%s: <b>%s</b>（不一致 %d）" : "<p>%s: <b>%s</b> (%d mismatches)",
                          W(p, ISOMM__W_FIT_SENTENCE), isomm__report_pattern_name(best, lang), mismatches);
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

/* One row of the role table: code, name (domain), sourcing, expected, level (→ next), next step, note. */
static void role_row(const page *p, int role)
{
    const isomm_role_info *ri = isomm_model_role(p->m, role);
    const isomm_role_result *rr = isomm_result_role(p->r, role);
    const char *step = isomm_result_next_step(p->r, role, p->opts->lang);
    isomm_answer ans;

    if (isomm_assessment_get_index(p->a, role, &ans, NULL) != ISOMM_OK)
        ans.note = NULL;
    isomm__buf_printf(p->b, "<tr><td class=\"code\">%s</td><td>", ri->code);
    text(p, isomm_role_name(ri, p->opts->lang));
    isomm__buf_printf(p->b, "<span class=\"muted\">%s%s%s</span></td><td>", W(p, ISOMM__W_OPEN), isomm_domain_name(ri->domain),
                      W(p, ISOMM__W_CLOSE));
    sourcing_span(p, rr->sourcing);
    isomm__buf_puts(p->b, "</td><td>");
    sourcing_span(p, rr->expected);
    isomm__buf_puts(p->b, "</td><td class=\"num\">");
    if (rr->level == ISOMM_UNANSWERED) /* the next step says so in words */
        isomm__buf_puts(p->b, "<span class=\"muted\">?</span>");
    else if (rr->next_level > 0)
        isomm__buf_printf(p->b, "%d \xE2\x86\x92 %d", rr->level, rr->next_level);
    else
        isomm__buf_printf(p->b, "%d", rr->level);
    isomm__buf_puts(p->b, "</td><td class=\"prose\">");
    if (step)
        text(p, step);
    else
        isomm__buf_puts(p->b, "<span class=\"muted\">-</span>");
    isomm__buf_puts(p->b, "</td><td class=\"note\">");
    if (ans.note)
        text(p, ans.note);
    isomm__buf_puts(p->b, "</td></tr>\n");
}

/* Every role once, in the order of the action plan (section 7.1: the roles of the four lists
 * first, then the others with a next step in catalogue order), then those without one. */
static void role_table(const page *p)
{
    int i, n = isomm_result_plan_count(p->r), role;
    char listed[ISOMM_ROLE_COUNT] = { 0 };

    isomm__buf_printf(p->b, "<h2>%s</h2>\n<p class=\"caption\">%s</p>\n<table class=\"long plan\">\n<thead><tr><th>%s</th>"
                      "<th></th><th>%s</th><th>%s</th><th class=\"num\">%s</th><th>%s</th><th>%s</th></tr></thead>\n",
                      W(p, ISOMM__W_ROLE_TABLE), W(p, ISOMM__W_ROLE_TABLE_NOTE), W(p, ISOMM__W_ROLE), W(p, ISOMM__W_SOURCING),
                      W(p, ISOMM__W_EXPECTED), W(p, ISOMM__W_LEVEL_COLUMN), W(p, ISOMM__W_NEXT_STEP), W(p, ISOMM__W_NOTE));
    for (i = 0; i < n; i++) {
        role = isomm_result_plan_role(p->r, i);
        listed[role] = 1;
        role_row(p, role);
    }
    for (role = 0; role < ISOMM_ROLE_COUNT; role++)
        if (!listed[role])
            role_row(p, role);
    isomm__buf_puts(p->b, "</table>\n");
}

/* The role chart: its legend, one drawing per function (each kept on one printed page), and the
 * key to both scales in the words of the model. */
static void role_chart(const page *p)
{
    isomm_lang lang = p->opts->lang;
    int f, level;

    isomm__buf_printf(p->b, "<div class=\"roles\">\n<h2>%s</h2>\n", W(p, ISOMM__W_ROLE_CHART_TITLE));
    isomm__svg_printf(p->b, "<svg class=\"legend\" width=\"%d\" height=\"24\" viewBox=\"0 0 %d 24\" role=\"img\" font-family=\""
                      ISOMM__SVG_FONT "\">", ISOMM__ROLES_LEGEND_W, ISOMM__ROLES_LEGEND_W);
    isomm__report_svg_roles_legend(p->b, 6.0, lang);
    isomm__buf_puts(p->b, "</svg>\n");
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        isomm__report_svg_roles_group(p->b, p->r, f, lang);
    isomm__buf_puts(p->b, "</div>\n");
    isomm__buf_printf(p->b, "<div class=\"keep scale\"><h3>%s</h3>\n<table>\n<tr><th class=\"num\">%s</th>"
                      "<th class=\"in\">%s</th><th class=\"out\">%s</th></tr>\n", W(p, ISOMM__W_SCALE_KEY),
                      W(p, ISOMM__W_LEVEL_COLUMN), W(p, ISOMM__W_INSOURCE), W(p, ISOMM__W_OUTSOURCE));
    for (level = 0; level <= ISOMM_LEVEL_MAX; level++) {
        isomm__buf_printf(p->b, "<tr><td class=\"num\">%d</td><td>", level);
        text(p, isomm_scale_text(ISOMM_INSOURCE, level, lang));
        isomm__buf_puts(p->b, "</td><td>");
        text(p, isomm_scale_text(ISOMM_OUTSOURCE, level, lang));
        isomm__buf_puts(p->b, "</td></tr>\n");
    }
    isomm__buf_puts(p->b, "</table></div>\n");
}

/* One assessment. In a report of several, "brief" marks the parts a printed copy leaves out, so
 * that each assessment prints on one page. */
void isomm__report_html_section_open(isomm_buf *b, int brief)
{
    isomm__buf_printf(b, "<section class=\"assessment%s\">\n", brief ? " brief" : "");
}

void isomm__report_html_section_body(isomm_buf *b, const isomm_result *r, const isomm_report_options *opts)
{
    page pg = { b, r, isomm_result_assessment(r), isomm_result_model(r), opts };
    const page *p = &pg;

    head(p);
    isomm__buf_puts(p->b, "<div class=\"chart\">\n");
    isomm__report_svg_radar(p->b, &p->r, 1, p->opts);
    isomm__buf_puts(p->b, "</div>\n");
    function_table(p);
    isomm__buf_puts(p->b, "<div class=\"grid2\">\n");
    highlight_cards(p, 1);
    highlight_cards(p, 0);
    isomm__buf_puts(p->b, "</div>\n");
    list_cards(p);
    isomm__buf_puts(p->b, "<div class=\"detail\">\n");
    fit_and_warnings(p);
    role_table(p);
    role_chart(p);
    isomm__buf_puts(p->b, "</div>\n</section>\n");
}

/* The page's title: "ISOMM report: a, b, c" with the ids of the first ISOMM__HTML_TITLE_IDS
 * assessments, then " … (N)" with the number of them all when there are more, so that a report of
 * many assessments keeps a title a browser's tab and a bookmark can show. */
void isomm__report_html_title_add(isomm_buf *title, const isomm_result *r, size_t index, isomm_lang lang)
{
    if (index == 0)
        isomm__buf_printf(title, "%s: ", isomm__report_word(ISOMM__W_TITLE, lang));
    if (index >= ISOMM__HTML_TITLE_IDS)
        return;
    if (index)
        isomm__buf_puts(title, ", ");
    isomm__buf_puts(title, isomm_assessment_meta(isomm_result_assessment(r), ISOMM_META_ID));
}

void isomm__report_html_title_end(isomm_buf *title, size_t count)
{
    if (count <= ISOMM__HTML_TITLE_IDS)
        return;
    isomm__buf_puts(title, " \xE2\x80\xA6 (");
    isomm__buf_int(title, (long long)count);
    isomm__buf_putc(title, ')');
}

/* The overview that opens a report of several assessments: a table with one row each (their
 * maturities), and their radar when they fit one chart. */
void isomm__report_html_overview_open(isomm_buf *b, size_t count, isomm_lang lang)
{
    isomm__buf_printf(b, "<section class=\"overview\">\n<h1>%s</h1>\n", isomm__report_word(ISOMM__W_TITLE, lang));
    isomm__buf_printf(b, "<h2>%s (", isomm__report_word(ISOMM__W_SUMMARY, lang));
    isomm__buf_int(b, (long long)count);
    isomm__buf_puts(b, ")</h2>\n");
}

void isomm__report_html_summary_head(isomm_buf *b, const isomm_model *m, isomm_lang lang)
{
    static const isomm__word heads[] = { ISOMM__W_ASSESSMENT, ISOMM__W_ORGANIZATION, ISOMM__W_ASSESSOR, ISOMM__W_DATE };
    int f, j;

    isomm__buf_puts(b, "<table class=\"summary long\">\n<thead><tr>");
    for (j = 0; j < 4; j++)
        isomm__buf_printf(b, "<th>%s</th>", isomm__report_word(heads[j], lang));
    isomm__buf_printf(b, "<th class=\"num\">%s</th>", isomm__report_word(ISOMM__W_OVERALL, lang));
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        isomm__buf_printf(b, "<th class=\"num\">%s</th>", isomm_model_function(m, f)->code);
    isomm__buf_puts(b, "</tr></thead>\n");
}

void isomm__report_html_summary_row(isomm_buf *b, const isomm_result *r, isomm_lang lang)
{
    static const isomm_meta fields[] = { ISOMM_META_ID, ISOMM_META_ORGANIZATION, ISOMM_META_ASSESSOR, ISOMM_META_DATE };
    const isomm_assessment *a = isomm_result_assessment(r);
    double overall = 0.0;
    int has = isomm_result_overall(r, &overall) == 1, f, j;

    isomm__buf_puts(b, "<tr>");
    for (j = 0; j < 4; j++) {
        const char *v = isomm_assessment_meta(a, fields[j]);
        isomm__buf_puts(b, j == 0 ? "<td class=\"id\">" : j == 3 ? "<td class=\"nowrap\">" : "<td>");
        isomm__report_html_value(b, v, lang);
        isomm__buf_puts(b, "</td>");
    }
    isomm__buf_puts(b, "<td class=\"num\"><b>");
    isomm__report_maturity(b, has, overall);
    isomm__buf_puts(b, "</b></td>");
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *fr = isomm_result_function(r, f);
        isomm__buf_puts(b, "<td class=\"num\">");
        isomm__report_maturity(b, fr->has_maturity, fr->maturity);
        isomm__buf_puts(b, "</td>");
    }
    isomm__buf_puts(b, "</tr>\n");
}

void isomm__report_html_overview_close(isomm_buf *b, const isomm__radar_keep *radar, const isomm_report_options *opts)
{
    isomm__buf_puts(b, "</table>\n");
    /* one chart holds as many series as there are styles; the table above shows the rest */
    if (radar->count <= ISOMM__SVG_STYLES) {
        isomm__buf_puts(b, "<div class=\"chart\">\n");
        isomm__radar_keep_draw(b, radar, opts, NULL, NULL, NULL);
        isomm__buf_puts(b, "</div>\n");
    }
    isomm__buf_puts(b, "</section>\n");
}
