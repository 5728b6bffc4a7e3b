/* SPDX-License-Identifier: MIT */
/* HTML pages of comparisons and aggregates: the page frame and style of the reports (report_html.c),
 * the charts inline, and the tables of the text output. */
#include "internal.h"
#include "report_compare.h"
#include "report_internal.h"

static const char *L(isomm_lang lang, enum isomm__compare_label l)
{
    return isomm__compare_label(lang, l);
}

/* A header row of n labels, numeric from numeric_from on, and a last text column `more` (may be NULL). */
static void th_row(isomm_buf *b, isomm_lang lang, const enum isomm__compare_label *labels, int n, int numeric_from,
                   const char *more)
{
    int i;
    isomm__buf_puts(b, "<tr>");
    for (i = 0; i < n; i++)
        isomm__buf_printf(b, "<th%s>%s</th>", i >= numeric_from ? " class=\"num\"" : "", L(lang, labels[i]));
    if (more)
        isomm__buf_printf(b, "<th>%s</th>", more);
    isomm__buf_puts(b, "</tr>\n");
}

/* <tr><td class="code">code</td><td>name</td> */
static void name_cells(isomm_buf *b, const char *code, const char *name)
{
    isomm__buf_printf(b, "<tr><td class=\"code\">%s</td><td>", code);
    isomm__buf_xml(b, name);
    isomm__buf_puts(b, "</td>");
}

static void comparison_functions(isomm_buf *b, const isomm_comparison *c, isomm_lang lang)
{
    static const enum isomm__compare_label head[] = { L_FUNCTION, L_NAME, L_OLD, L_NEW, L_CHANGE };
    const isomm_model *m = isomm_comparison_model(c);
    int i;

    isomm__buf_printf(b, "<h2>%s</h2>\n<table>\n", L(lang, L_FUNCTIONS_BY_CHANGE));
    th_row(b, lang, head, 5, 2, NULL);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_change *fc = isomm_comparison_function(c, isomm_comparison_function_order(c, i));
        const isomm_function_info *fi = isomm_model_function(m, fc->function);
        name_cells(b, fi->code, isomm_function_name(fi, lang));
        isomm__buf_puts(b, "<td class=\"num\">");
        isomm__report_maturity(b, fc->has_old, fc->old_maturity);
        isomm__buf_puts(b, "</td><td class=\"num\">");
        isomm__report_maturity(b, fc->has_new, fc->new_maturity);
        isomm__buf_puts(b, "</td><td class=\"num\">");
        if (fc->has_change)
            isomm__report_change(b, fc->old_maturity, fc->new_maturity);
        else
            isomm__buf_puts(b, "-");
        isomm__buf_puts(b, "</td></tr>\n");
    }
    isomm__buf_puts(b, "</table>\n");
}

static void comparison_roles(isomm_buf *b, const isomm_comparison *c, isomm_lang lang)
{
    static const enum isomm__compare_label head[] = { L_ROLE, L_NAME, L_OLD, L_NEW, L_CHANGE, L_SOURCING_CHANGED };
    const isomm_model *m = isomm_comparison_model(c);
    int role, any = 0;

    isomm__buf_printf(b, "<h2>%s</h2>\n", L(lang, L_CHANGED_ROLES));
    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        const isomm_role_change *rc = isomm_comparison_role(c, role);
        const isomm_role_info *ri = isomm_model_role(m, role);
        if (!isomm__compare_role_moved(rc))
            continue;
        if (!any) {
            isomm__buf_puts(b, "<table class=\"long\">\n<thead>");
            th_row(b, lang, head, 6, 4, isomm__report_word(ISOMM__W_STATUS, lang));
            isomm__buf_puts(b, "</thead>\n");
        }
        any = 1;
        name_cells(b, ri->code, isomm_role_name(ri, lang));
        isomm__buf_puts(b, "<td>");
        isomm__compare_answer(b, rc->old_sourcing, rc->old_level, lang);
        isomm__buf_puts(b, "</td><td>");
        isomm__compare_answer(b, rc->new_sourcing, rc->new_level, lang);
        isomm__buf_puts(b, "</td><td class=\"num\">");
        isomm__compare_level_change(b, rc);
        isomm__buf_printf(b, "</td><td class=\"num\">%s</td><td class=\"status %s\">%s</td></tr>\n",
                          rc->sourcing_changed ? L(lang, L_YES) : "", isomm_change_status_id(rc->status),
                          isomm_change_status_name(rc->status, lang));
    }
    if (any)
        isomm__buf_puts(b, "</table>\n");
    else
        isomm__buf_printf(b, "<p class=\"muted\">%s</p>\n", L(lang, L_NO_CHANGED_ROLES));
}

/* Both sides' metadata, old and new in two columns: what is compared with what. */
static void comparison_meta(isomm_buf *b, const isomm_comparison *c, isomm_lang lang)
{
    static const isomm__word words[] = { ISOMM__W_ASSESSMENT, ISOMM__W_ORGANIZATION, ISOMM__W_ASSESSOR, ISOMM__W_DATE };
    static const isomm_meta fields[] = { ISOMM_META_ID, ISOMM_META_ORGANIZATION, ISOMM_META_ASSESSOR, ISOMM_META_DATE };
    int i, old;

    isomm__buf_printf(b, "<table class=\"sides\">\n<tr><th></th><th>%s</th><th>%s</th></tr>\n", L(lang, L_OLD), L(lang, L_NEW));
    for (i = 0; i < 4; i++) {
        isomm__buf_printf(b, "<tr><th>%s</th>", isomm__report_word(words[i], lang));
        for (old = 1; old >= 0; old--) {
            const char *v = isomm_comparison_meta(c, old, fields[i]);
            isomm__buf_puts(b, "<td>");
            isomm__report_html_value(b, v, lang);
            isomm__buf_puts(b, "</td>");
        }
        isomm__buf_puts(b, "</tr>\n");
    }
    isomm__buf_puts(b, "</table>\n");
}

/* Overall maturity old → new with its change, and the six statuses with their counts (they add up to 54). */
static void comparison_summary(isomm_buf *b, const isomm_comparison *c, isomm_lang lang)
{
    const isomm_function_change *o = isomm_comparison_overall(c);
    int s;

    isomm__buf_puts(b, "<div class=\"overall\"><div class=\"value\">");
    isomm__report_maturity(b, o->has_old, o->old_maturity);
    isomm__buf_puts(b, " \xE2\x86\x92 ");
    isomm__report_maturity(b, o->has_new, o->new_maturity);
    isomm__buf_puts(b, "<span class=\"muted\"> / 5</span></div><div class=\"label\">");
    isomm__buf_puts(b, isomm__report_word(ISOMM__W_OVERALL, lang));
    if (o->has_change) {
        isomm__buf_puts(b, " <b>");
        isomm__report_change(b, o->old_maturity, o->new_maturity);
        isomm__buf_puts(b, "</b>");
    }
    isomm__buf_puts(b, "</div></div>\n</div>\n");
    isomm__buf_printf(b, "<h2>%s</h2>\n<ul class=\"statuses\">", isomm__report_word(ISOMM__W_ROLE_STATUSES, lang));
    for (s = 0; s < ISOMM_CHANGE_STATUS_COUNT; s++)
        isomm__buf_printf(b, "<li class=\"%s\"><b>%d</b> %s</li>", isomm_change_status_id((isomm_change_status)s),
                          isomm_comparison_status_count(c, (isomm_change_status)s),
                          isomm_change_status_name((isomm_change_status)s, lang));
    isomm__buf_puts(b, "</ul>\n");
}

void isomm__comparison_html(isomm_buf *b, const isomm_comparison *c, isomm_lang lang)
{
    isomm_buf title = ISOMM_BUF_INIT;
    char *t;

    isomm__buf_printf(&title, "%s: %s → %s", L(lang, L_COMPARISON), isomm_comparison_id(c, 1),
                      isomm_comparison_id(c, 0));
    t = isomm__buf_take(&title, NULL);
    if (!t) {
        b->failed = 1;
        return;
    }
    isomm__report_html_begin(b, lang, t);
    isomm__buf_puts(b, "<section class=\"overview\">\n<h1>");
    isomm__buf_xml(b, t);
    isomm__buf_puts(b, "</h1>\n<div class=\"head\">\n");
    isomm_free(t);
    comparison_meta(b, c, lang);
    comparison_summary(b, c, lang);
    isomm__buf_puts(b, "<div class=\"chart\">\n");
    isomm__comparison_svg_radar(b, c, lang);
    isomm__buf_puts(b, "</div>\n");
    comparison_functions(b, c, lang);
    comparison_roles(b, c, lang);
    isomm__buf_puts(b, "</section>\n");
    isomm__report_html_end(b, lang);
}

static void aggregate_functions(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang)
{
    static const enum isomm__compare_label head[] = { L_FUNCTION, L_NAME, L_MEAN, L_MIN, L_MAX, L_COUNT };
    const isomm_model *m = isomm_aggregate_model(ag);
    int f;

    isomm__buf_printf(b, "<h2>%s</h2>\n<table>\n", L(lang, L_FUNCTION_STATS));
    th_row(b, lang, head, 6, 2, NULL);
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_stats *fs = isomm_aggregate_function(ag, f);
        const isomm_function_info *fi = isomm_model_function(m, f);
        name_cells(b, fi->code, isomm_function_name(fi, lang));
        isomm__buf_puts(b, "<td class=\"num\">");
        isomm__report_maturity(b, fs->count > 0, fs->mean);
        isomm__buf_puts(b, "</td><td class=\"num\">");
        isomm__report_maturity(b, fs->count > 0, fs->min);
        isomm__buf_puts(b, "</td><td class=\"num\">");
        isomm__report_maturity(b, fs->count > 0, fs->max);
        isomm__buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n", fs->count);
    }
    isomm__buf_puts(b, "</table>\n");
}

/* Role table: every role, or only the disagreements in list order. */
static void aggregate_roles(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang, int disagreements)
{
    const isomm_model *m = isomm_aggregate_model(ag);
    int n = disagreements ? isomm_aggregate_disagreement_count(ag) : ISOMM_ROLE_COUNT, i, j;
    char cells[ISOMM__ROLE_COLUMNS][16];

    isomm__buf_printf(b, "<h2>%s</h2>\n", L(lang, disagreements ? L_DISAGREEMENTS : L_ROLES));
    if (n == 0) {
        isomm__buf_printf(b, "<p class=\"muted\">%s</p>\n", L(lang, L_NO_DISAGREEMENTS));
        return;
    }
    isomm__buf_printf(b, "<table class=\"long stats\">\n<thead><tr><th>%s</th><th>%s</th>", L(lang, L_ROLE), L(lang, L_NAME));
    for (j = 0; j < ISOMM__ROLE_COLUMNS; j++)
        isomm__buf_printf(b, "<th class=\"num\">%s</th>", L(lang, isomm__compare_role_columns[j]));
    isomm__buf_puts(b, "</tr></thead>\n");
    for (i = 0; i < n; i++) {
        int role = disagreements ? isomm_aggregate_disagreement(ag, i) : i;
        const isomm_role_info *ri = isomm_model_role(m, role);
        isomm__compare_role_cells(isomm_aggregate_role(ag, role), cells);
        name_cells(b, ri->code, isomm_role_name(ri, lang));
        for (j = 0; j < ISOMM__ROLE_COLUMNS; j++)
            isomm__buf_printf(b, "<td class=\"num\">%s</td>", cells[j]);
        isomm__buf_puts(b, "</tr>\n");
    }
    isomm__buf_puts(b, "</table>\n");
}

void isomm__aggregate_html(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang)
{
    isomm_buf title = ISOMM_BUF_INIT;
    int first, recorded = isomm_aggregate_recorded_count(ag);
    char *t;

    isomm__buf_printf(&title, L(lang, L_AGGREGATE_OF), isomm_aggregate_count(ag));
    t = isomm__buf_take(&title, NULL);
    if (!t) {
        b->failed = 1;
        return;
    }
    isomm__report_html_begin(b, lang, t);
    isomm__buf_printf(b, "<section class=\"overview\">\n<h1>%s</h1>\n<p>%s: ", t, L(lang, L_MODEL));
    isomm_free(t);
    isomm__buf_xml(b, isomm_model_name(isomm_aggregate_model(ag)));
    isomm__buf_puts(b, "</p>\n");
    isomm__aggregate_svg_radar(b, ag, lang);
    aggregate_functions(b, ag, lang);
    aggregate_roles(b, ag, lang, 1);
    for (first = 0; first < recorded; first += ISOMM__HEATMAP_PART)
        isomm__aggregate_svg_heatmap(b, ag, lang, first,
                                     recorded - first < ISOMM__HEATMAP_PART ? recorded - first : ISOMM__HEATMAP_PART);
    aggregate_roles(b, ag, lang, 0);
    isomm__buf_puts(b, "</section>\n");
    isomm__report_html_end(b, lang);
}
