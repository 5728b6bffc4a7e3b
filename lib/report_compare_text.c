/* SPDX-License-Identifier: MIT */
/* Comparisons and aggregates as text, Markdown and JSON (INTERFACES.md section 3). */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "report_compare.h"
#include "report_internal.h"

static void json_level(isomm_buf *b, int level)
{
    if (level == ISOMM_UNANSWERED)
        isomm__buf_puts(b, "null");
    else
        isomm__buf_printf(b, "%d", level);
}

static void json_sourcing(isomm_buf *b, isomm_sourcing s)
{
    if (s == ISOMM_SOURCING_NONE)
        isomm__buf_puts(b, "null");
    else
        isomm__buf_json_string(b, isomm_sourcing_id(s));
}

static void json_maturity(isomm_buf *b, int has, double v)
{
    if (has)
        isomm__buf_double(b, v);
    else
        isomm__buf_puts(b, "null");
}

/* ---- comparison ----------------------------------------------------------------------- */

/* "2025 — Example Corp, alice, 2025-11-01" (unset fields say so) */
static void side_words(isomm_buf *b, const isomm_comparison *c, int old, isomm_lang lang)
{
    static const isomm_meta fields[] = { ISOMM_META_ORGANIZATION, ISOMM_META_ASSESSOR, ISOMM_META_DATE };
    static const isomm__word names[] = { ISOMM__W_ORGANIZATION, ISOMM__W_ASSESSOR, ISOMM__W_DATE };
    size_t i;

    isomm__buf_puts(b, isomm_comparison_meta(c, old, ISOMM_META_ID));
    isomm__buf_puts(b, " — ");
    for (i = 0; i < 3; i++) {
        const char *v = isomm_comparison_meta(c, old, fields[i]);
        if (i)
            isomm__buf_puts(b, isomm__report_word(ISOMM__W_COMMA, lang));
        isomm__buf_printf(b, "%s: %s", isomm__report_word(names[i], lang),
                          v ? v : isomm__report_word(ISOMM__W_NOT_SET, lang));
    }
}

/* The change of the two values as shown ("+0.3", "-0.2", "0.0" when they show the same), or
 * "-" without a change */
static void signed_change(isomm_buf *b, const isomm_function_change *fc)
{
    long tenths = fc->has_change ? isomm__report_shown_change(fc->old_maturity, fc->new_maturity) : 0;

    if (!fc->has_change)
        isomm__buf_puts(b, "-");
    else
        isomm__report_tenths(b, tenths, tenths != 0);
}

/* A piece of text built in a scratch buffer, then flowed (text) or escaped (Markdown). */
static void emit(isomm_buf *b, isomm_buf *piece, int markdown, size_t width, size_t used, size_t indent)
{
    const char *s = piece->data && !piece->failed ? piece->data : "";
    if (markdown)
        isomm__report_md_text(b, s);
    else
        isomm__report_flow(b, width, used, indent, s);
    b->failed |= piece->failed;
    isomm__buf_free(piece);
}

void isomm__comparison_text(isomm_buf *b, const isomm_comparison *c, isomm_lang lang, int markdown, size_t width)
{
    const isomm_model *m = isomm_comparison_model(c);
    const isomm_function_change *overall = isomm_comparison_overall(c);
    int i, any = 0, count[ISOMM_CHANGE_STATUS_COUNT];
    isomm_buf piece = ISOMM_BUF_INIT;

    for (i = 0; i < ISOMM_CHANGE_STATUS_COUNT; i++)
        count[i] = isomm_comparison_status_count(c, (isomm_change_status)i);
    /* title and what is compared with what */
    isomm__buf_printf(&piece, "%s: %s → %s", isomm__compare_label(lang, L_COMPARISON), isomm_comparison_id(c, 1),
                      isomm_comparison_id(c, 0));
    isomm__buf_puts(b, markdown ? "# " : "");
    emit(b, &piece, markdown, width, 0, 2);
    isomm__buf_puts(b, markdown ? "\n\n" : "");
    for (i = 1; i >= 0; i--) {
        const char *label = isomm__compare_label(lang, i ? L_OLD : L_NEW);
        side_words(&piece, c, i, lang);
        if (markdown) {
            isomm__buf_printf(b, "- **%s:** ", label);
            emit(b, &piece, 1, width, 0, 0);
            isomm__buf_putc(b, '\n');
        } else {
            isomm__buf_printf(b, "  %s: ", label);
            emit(b, &piece, 0, width, 4 + isomm__utf8_width(label), 6);
        }
    }
    isomm__buf_puts(&piece, isomm_model_name(m));
    isomm__buf_printf(b, markdown ? "- **%s:** " : "  %s: ", isomm__compare_label(lang, L_MODEL));
    emit(b, &piece, markdown, width, 4 + isomm__utf8_width(isomm__compare_label(lang, L_MODEL)), 6);
    isomm__buf_puts(b, markdown ? "\n\n" : "\n");

    /* the six counts and the overall maturity */
    isomm__buf_printf(&piece, isomm__compare_label(lang, L_STATUS_COUNTS), ISOMM_ROLE_COUNT, count[0], count[1],
                      count[2], count[3], count[4], count[5]);
    emit(b, &piece, 0, markdown ? (size_t)-1 / 2 : width, 0, 2);
    isomm__buf_puts(b, markdown ? "\n" : "");
    isomm__buf_printf(&piece, "%s: ", isomm__compare_label(lang, L_OVERALL));
    isomm__report_maturity(&piece, overall->has_old, overall->old_maturity);
    isomm__buf_puts(&piece, " → ");
    isomm__report_maturity(&piece, overall->has_new, overall->new_maturity);
    isomm__buf_puts(&piece, " (");
    signed_change(&piece, overall);
    isomm__buf_puts(&piece, ")");
    emit(b, &piece, 0, markdown ? (size_t)-1 / 2 : width, 0, 2);
    isomm__buf_putc(b, '\n');

    isomm__buf_printf(b, markdown ? "## %s\n\n| %s | %s | %s | %s |\n|---|---:|---:|---:|\n" : "%s\n",
                      isomm__compare_label(lang, L_FUNCTIONS_BY_CHANGE), isomm__compare_label(lang, L_FUNCTION),
                      isomm__compare_label(lang, L_OLD), isomm__compare_label(lang, L_NEW),
                      isomm__compare_label(lang, L_CHANGE));
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_change *fc = isomm_comparison_function(c, isomm_comparison_function_order(c, i));
        const isomm_function_info *fi = isomm_model_function(m, fc->function);
        size_t at = b->len;
        if (markdown) {
            isomm__buf_printf(b, "| %s ", fi->code);
            isomm__report_md_text(b, isomm_function_name(fi, lang));
            isomm__buf_puts(b, " | ");
        } else {
            isomm__buf_printf(b, "  %s  ", fi->code);
        }
        isomm__report_maturity(b, fc->has_old, fc->old_maturity);
        isomm__buf_puts(b, markdown ? " | " : " → ");
        isomm__report_maturity(b, fc->has_new, fc->new_maturity);
        isomm__buf_puts(b, markdown ? " | " : "  ");
        signed_change(b, fc);
        if (markdown) {
            isomm__buf_puts(b, " |\n");
        } else {
            size_t used = b->failed ? 0 : b->len - at;
            isomm__buf_puts(b, "  ");
            isomm__report_flow(b, width, used + 2, 7, isomm_function_name(fi, lang));
        }
    }

    isomm__buf_printf(b, markdown ? "\n## %s\n\n" : "\n%s\n", isomm__compare_label(lang, L_CHANGED_ROLES));
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_change *rc = isomm_comparison_role(c, i);
        const isomm_role_info *ri = isomm_model_role(m, i);
        const char *status = isomm_change_status_name(rc->status, lang);
        if (!isomm__compare_role_moved(rc))
            continue;
        if (markdown && !any)
            isomm__buf_printf(b, "| %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---:|---|---|\n",
                              isomm__compare_label(lang, L_ROLE), isomm__compare_label(lang, L_NAME),
                              isomm__compare_label(lang, L_OLD), isomm__compare_label(lang, L_NEW),
                              isomm__compare_label(lang, L_CHANGE), isomm__compare_label(lang, L_STATUS),
                              isomm__compare_label(lang, L_SOURCING_CHANGED));
        any = 1;
        if (markdown) {
            isomm__buf_printf(b, "| %s | ", ri->code);
            isomm__report_md_text(b, isomm_role_name(ri, lang));
            isomm__buf_puts(b, " | ");
            isomm__compare_answer(b, rc->old_sourcing, rc->old_level, lang);
            isomm__buf_puts(b, " | ");
            isomm__compare_answer(b, rc->new_sourcing, rc->new_level, lang);
            isomm__buf_puts(b, " | ");
            isomm__compare_level_change(b, rc);
            isomm__buf_printf(b, " | %s | %s |\n", status, rc->sourcing_changed ? isomm__compare_label(lang, L_YES) : "");
        } else {
            isomm__compare_answer(&piece, rc->old_sourcing, rc->old_level, lang);
            isomm__buf_puts(&piece, " → ");
            isomm__compare_answer(&piece, rc->new_sourcing, rc->new_level, lang);
            isomm__buf_printf(&piece, "  %s", status);
            if (rc->has_change && rc->level_change != 0)
                isomm__buf_printf(&piece, " (%+d)", rc->level_change);
            if (rc->sourcing_changed)
                isomm__buf_printf(&piece, "  [%s]", isomm__compare_label(lang, L_SOURCING_CHANGED));
            isomm__buf_printf(&piece, "  %s", isomm_role_name(ri, lang));
            isomm__buf_printf(b, "  %-4s ", ri->code);
            emit(b, &piece, 0, width, 7, 7);
        }
    }
    if (!any)
        isomm__buf_printf(b, markdown ? "%s\n" : "  %s\n", isomm__compare_label(lang, L_NO_CHANGED_ROLES));
}

static void json_string_or_null(isomm_buf *b, const char *s)
{
    if (s)
        isomm__buf_json_string(b, s);
    else
        isomm__buf_puts(b, "null");
}

/* {"organization": ..., "assessor": ..., "date": ...} of one side */
static void json_meta(isomm_buf *b, const isomm_comparison *c, int old)
{
    isomm__buf_puts(b, "{\"organization\": ");
    json_string_or_null(b, isomm_comparison_meta(c, old, ISOMM_META_ORGANIZATION));
    isomm__buf_puts(b, ", \"assessor\": ");
    json_string_or_null(b, isomm_comparison_meta(c, old, ISOMM_META_ASSESSOR));
    isomm__buf_puts(b, ", \"date\": ");
    json_string_or_null(b, isomm_comparison_meta(c, old, ISOMM_META_DATE));
    isomm__buf_putc(b, '}');
}

void isomm__comparison_json(isomm_buf *b, const isomm_comparison *c)
{
    const isomm_model *m = isomm_comparison_model(c);
    const isomm_function_change *overall = isomm_comparison_overall(c);
    int i, sourcing_changed = 0;

    isomm__buf_puts(b, "{\"old\": ");
    isomm__buf_json_string(b, isomm_comparison_id(c, 1));
    isomm__buf_puts(b, ", \"new\": ");
    isomm__buf_json_string(b, isomm_comparison_id(c, 0));
    isomm__buf_puts(b, ",\n \"old_meta\": ");
    json_meta(b, c, 1);
    isomm__buf_puts(b, ",\n \"new_meta\": ");
    json_meta(b, c, 0);
    isomm__buf_puts(b, ",\n \"roles\": [");
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_change *rc = isomm_comparison_role(c, i);
        isomm__buf_printf(b, "%s\n  {\"code\": \"%s\", \"old_level\": ", i ? "," : "", isomm_model_role(m, i)->code);
        json_level(b, rc->old_level);
        isomm__buf_puts(b, ", \"new_level\": ");
        json_level(b, rc->new_level);
        isomm__buf_puts(b, ", \"level_change\": ");
        if (rc->has_change)
            isomm__buf_printf(b, "%d", rc->level_change);
        else
            isomm__buf_puts(b, "null");
        isomm__buf_printf(b, ", \"status\": \"%s\"", isomm_change_status_id(rc->status));
        sourcing_changed += rc->sourcing_changed;
        isomm__buf_puts(b, ", \"old_sourcing\": ");
        json_sourcing(b, rc->old_sourcing);
        isomm__buf_puts(b, ", \"new_sourcing\": ");
        json_sourcing(b, rc->new_sourcing);
        isomm__buf_printf(b, ", \"sourcing_changed\": %s}", rc->sourcing_changed ? "true" : "false");
    }
    isomm__buf_puts(b, "],\n \"functions\": [");
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_change *fc = isomm_comparison_function(c, isomm_comparison_function_order(c, i));
        isomm__buf_printf(b, "%s\n  {\"code\": \"%s\", \"old\": ", i ? "," : "",
                          isomm_model_function(m, fc->function)->code);
        json_maturity(b, fc->has_old, fc->old_maturity);
        isomm__buf_puts(b, ", \"new\": ");
        json_maturity(b, fc->has_new, fc->new_maturity);
        isomm__buf_puts(b, ", \"change\": ");
        json_maturity(b, fc->has_change, fc->change);
        isomm__buf_putc(b, '}');
    }
    isomm__buf_puts(b, "],\n \"overall\": {\"old\": ");
    json_maturity(b, overall->has_old, overall->old_maturity);
    isomm__buf_puts(b, ", \"new\": ");
    json_maturity(b, overall->has_new, overall->new_maturity);
    isomm__buf_puts(b, ", \"change\": ");
    json_maturity(b, overall->has_change, overall->change);
    isomm__buf_puts(b, "},\n ");
    for (i = 0; i < ISOMM_CHANGE_STATUS_COUNT; i++)
        isomm__buf_printf(b, "\"%s\": %d, ", isomm_change_status_id((isomm_change_status)i),
                          isomm_comparison_status_count(c, (isomm_change_status)i));
    isomm__buf_printf(b, "\"sourcing_changed\": %d}\n", sourcing_changed);
}

/* ---- aggregate ------------------------------------------------------------------------ */

/* text right-aligned in a column of the given width, after `gap` spaces */
static void put_cell(isomm_buf *b, const char *text, size_t width, size_t gap)
{
    size_t used = isomm__utf8_width(text);
    isomm__report_pad(b, gap);
    for (; used < width; used++)
        isomm__buf_putc(b, ' ');
    isomm__buf_puts(b, text);
}

/* The role table: columns as wide as their headings, two spaces apart, or one when that does
 * not fit the width. A heading wider than the room left is wrapped above the table as a key. */
static void aggregate_roles_text(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang, size_t width)
{
    const isomm_model *m = isomm_aggregate_model(ag);
    char cells[ISOMM__ROLE_COLUMNS][16];
    size_t widths[ISOMM__ROLE_COLUMNS], total = 6, gap = 2;
    int i, j;

    for (j = 0; j < ISOMM__ROLE_COLUMNS; j++) {
        widths[j] = isomm__utf8_width(isomm__compare_label(lang, isomm__compare_role_columns[j]));
        if (widths[j] < 4)
            widths[j] = 4;
        total += widths[j] + 2;
    }
    if (total > width)
        gap = 1;
    if (total - ISOMM__ROLE_COLUMNS > width) { /* no table fits: one flowed line per role */
        isomm__buf_printf(b, "\n%s\n", isomm__compare_label(lang, L_ROLES));
        for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
            isomm_buf line = ISOMM_BUF_INIT;
            isomm__compare_role_cells(isomm_aggregate_role(ag, i), cells);
            for (j = 0; j < ISOMM__ROLE_COLUMNS; j++)
                isomm__buf_printf(&line, "%s%s %s", j ? isomm__report_word(ISOMM__W_COMMA, lang) : "",
                                  isomm__compare_label(lang, isomm__compare_role_columns[j]), cells[j]);
            isomm__buf_printf(b, "  %-4s ", isomm_model_role(m, i)->code);
            isomm__report_flow(b, width, 7, 7, line.data && !line.failed ? line.data : "");
            b->failed |= line.failed;
            isomm__buf_free(&line);
        }
        return;
    }
    isomm__buf_printf(b, "\n%s\n  %-4s", isomm__compare_label(lang, L_ROLES), isomm__compare_label(lang, L_ROLE));
    for (j = 0; j < ISOMM__ROLE_COLUMNS; j++)
        put_cell(b, isomm__compare_label(lang, isomm__compare_role_columns[j]), widths[j], gap);
    isomm__buf_putc(b, '\n');
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        isomm__compare_role_cells(isomm_aggregate_role(ag, i), cells);
        isomm__buf_printf(b, "  %-4s", isomm_model_role(m, i)->code);
        for (j = 0; j < ISOMM__ROLE_COLUMNS; j++)
            put_cell(b, cells[j], widths[j], gap);
        isomm__buf_putc(b, '\n');
    }
}

static void aggregate_roles_markdown(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang)
{
    const isomm_model *m = isomm_aggregate_model(ag);
    char cells[ISOMM__ROLE_COLUMNS][16];
    int i, j;

    isomm__buf_printf(b, "\n## %s\n\n| %s |", isomm__compare_label(lang, L_ROLES), isomm__compare_label(lang, L_ROLE));
    for (j = 0; j < ISOMM__ROLE_COLUMNS; j++)
        isomm__buf_printf(b, " %s |", isomm__compare_label(lang, isomm__compare_role_columns[j]));
    isomm__buf_puts(b, "\n|---|");
    for (j = 0; j < ISOMM__ROLE_COLUMNS; j++)
        isomm__buf_puts(b, "---:|");
    isomm__buf_putc(b, '\n');
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        isomm__compare_role_cells(isomm_aggregate_role(ag, i), cells);
        isomm__buf_printf(b, "| %s |", isomm_model_role(m, i)->code);
        for (j = 0; j < ISOMM__ROLE_COLUMNS; j++)
            isomm__buf_printf(b, " %s |", cells[j]);
        isomm__buf_putc(b, '\n');
    }
}

void isomm__aggregate_text(isomm_buf *b, const isomm_aggregate *ag, isomm_lang lang, int markdown, size_t width)
{
    const isomm_model *m = isomm_aggregate_model(ag);
    int i, n = isomm_aggregate_disagreement_count(ag);

    isomm__buf_puts(b, markdown ? "# " : "");
    isomm__buf_printf(b, isomm__compare_label(lang, L_AGGREGATE_OF), isomm_aggregate_count(ag));
    isomm__buf_printf(b, markdown ? "\n\n%s: " : "\n%s: ", isomm__compare_label(lang, L_MODEL));
    if (markdown) {
        isomm__report_md_text(b, isomm_model_name(m));
        isomm__buf_puts(b, "\n\n");
    } else {
        isomm__report_flow(b, width, isomm__utf8_width(isomm__compare_label(lang, L_MODEL)) + 2, 2,
                           isomm_model_name(m));
        isomm__buf_putc(b, '\n');
    }

    if (markdown)
        isomm__buf_printf(b, "## %s\n\n| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n",
                          isomm__compare_label(lang, L_FUNCTION_STATS), isomm__compare_label(lang, L_FUNCTION), isomm__compare_label(lang, L_MEAN),
                          isomm__compare_label(lang, L_MIN), isomm__compare_label(lang, L_MAX), isomm__compare_label(lang, L_COUNT));
    else
        isomm__report_flow(b, width, 0, 2, isomm__compare_label(lang, L_FUNCTION_STATS));
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_stats *fs = isomm_aggregate_function(ag, i);
        const isomm_function_info *fi = isomm_model_function(m, i);
        if (markdown) {
            isomm__buf_printf(b, "| %s ", fi->code);
            isomm__report_md_text(b, isomm_function_name(fi, lang));
            isomm__buf_puts(b, " | ");
            isomm__report_maturity(b, fs->count > 0, fs->mean);
            isomm__buf_puts(b, " | ");
            isomm__report_maturity(b, fs->count > 0, fs->min);
            isomm__buf_puts(b, " | ");
            isomm__report_maturity(b, fs->count > 0, fs->max);
            isomm__buf_printf(b, " | %d |\n", fs->count);
        } else {
            size_t at = b->len;
            isomm__buf_printf(b, "  %s  ", fi->code);
            isomm__report_maturity(b, fs->count > 0, fs->mean);
            if (fs->count > 0) {
                isomm__buf_puts(b, " (");
                isomm__report_maturity(b, 1, fs->min);
                isomm__buf_puts(b, "–");
                isomm__report_maturity(b, 1, fs->max);
                isomm__buf_puts(b, ")");
            }
            isomm__buf_puts(b, "  ");
            isomm__report_flow(b, width, b->failed ? 0 : isomm__utf8_width(b->data + at), 7,
                               isomm_function_name(fi, lang));
        }
    }

    if (markdown) {
        isomm__buf_printf(b, "\n## %s\n\n", isomm__compare_label(lang, L_DISAGREEMENTS));
    } else {
        isomm__buf_putc(b, '\n');
        isomm__report_flow(b, width, 0, 2, isomm__compare_label(lang, L_DISAGREEMENTS));
    }
    if (n == 0)
        isomm__buf_printf(b, markdown ? "%s\n" : "  %s\n", isomm__compare_label(lang, L_NO_DISAGREEMENTS));
    for (i = 0; i < n; i++) {
        const isomm_role_stats *rs = isomm_aggregate_role(ag, isomm_aggregate_disagreement(ag, i));
        const isomm_role_info *ri = isomm_model_role(m, rs->role);
        isomm_buf line = ISOMM_BUF_INIT;
        isomm__buf_printf(&line, "%d–%d (%s %d), %s ", rs->min, rs->max, isomm__compare_label(lang, L_SPREAD),
                          rs->spread, isomm__compare_label(lang, L_MEAN));
        isomm__report_maturity(&line, 1, rs->mean);
        isomm__buf_printf(&line, ", %s %d / %s %d", isomm__compare_label(lang, L_INSOURCE), rs->insource,
                          isomm__compare_label(lang, L_OUTSOURCE), rs->outsource);
        if (markdown) {
            isomm__buf_printf(b, "- **%s** ", ri->code);
            isomm__report_md_text(b, isomm_role_name(ri, lang));
            isomm__buf_printf(b, ": %s\n", line.data && !line.failed ? line.data : "");
        } else {
            isomm__buf_printf(&line, "  %s", isomm_role_name(ri, lang));
            isomm__buf_printf(b, "  %-4s ", ri->code);
            isomm__report_flow(b, width, 7, 7, line.data && !line.failed ? line.data : "");
        }
        b->failed |= line.failed;
        isomm__buf_free(&line);
    }

    if (markdown)
        aggregate_roles_markdown(b, ag, lang);
    else
        aggregate_roles_text(b, ag, lang, width);
}

void isomm__aggregate_json(isomm_buf *b, const isomm_aggregate *ag)
{
    const isomm_model *m = isomm_aggregate_model(ag);
    int i, n = isomm_aggregate_disagreement_count(ag);

    isomm__buf_printf(b, "{\"assessments\": %d,\n \"roles\": [", isomm_aggregate_count(ag));
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_stats *rs = isomm_aggregate_role(ag, i);
        isomm__buf_printf(b, "%s\n  {\"code\": \"%s\", \"count\": %d, \"mean\": ", i ? "," : "",
                          isomm_model_role(m, i)->code, rs->count);
        if (rs->count > 0) {
            isomm__buf_double(b, rs->mean);
            isomm__buf_printf(b, ", \"min\": %d, \"max\": %d, \"spread\": %d", rs->min, rs->max, rs->spread);
        } else {
            isomm__buf_puts(b, "null, \"min\": null, \"max\": null, \"spread\": null");
        }
        isomm__buf_printf(b, ", \"insource\": %d, \"outsource\": %d, \"unanswered\": %d, \"not_applicable\": %d}",
                          rs->insource, rs->outsource, rs->unanswered, rs->not_applicable);
    }
    isomm__buf_puts(b, "],\n \"functions\": [");
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        const isomm_function_stats *fs = isomm_aggregate_function(ag, i);
        isomm__buf_printf(b, "%s\n  {\"code\": \"%s\", \"mean\": ", i ? "," : "", isomm_model_function(m, i)->code);
        json_maturity(b, fs->count > 0, fs->mean);
        isomm__buf_puts(b, ", \"min\": ");
        json_maturity(b, fs->count > 0, fs->min);
        isomm__buf_puts(b, ", \"max\": ");
        json_maturity(b, fs->count > 0, fs->max);
        isomm__buf_putc(b, '}');
    }
    isomm__buf_puts(b, "],\n \"disagreements\": [");
    for (i = 0; i < n; i++)
        isomm__buf_printf(b, "%s\"%s\"", i ? ", " : "", isomm_model_role(m, isomm_aggregate_disagreement(ag, i))->code);
    isomm__buf_puts(b, "]}\n");
}

