/* SPDX-License-Identifier: MIT */
/* Text and Markdown reports: the same sections, laid out for a terminal of a given width or for
 * (GitHub-flavoured) Markdown. Text from input is escaped on the way out (report_common.c). */
#include <string.h>

#include "report_internal.h"

#define BAR_CELLS 20     /* widest bar: 4 cells per level */
#define MIN_BAR_CELLS 5  /* narrowest bar: 1 cell per level */
#define CODE_COLUMNS 5   /* "  A  " before a function name */
#define NUMBER_COLUMNS 7 /* "3.0 / 5" */
#define ROLE_INDENT 10   /* "    A-1   " before a role name in a list */
#define NAME_LAYOUT (1ull << 60) /* memo layouts (report_internal.h): a function name's lines */
#define ROW_LAYOUT (2ull << 60)  /* a role's row of a list or of the action plan */

typedef struct writer {
    isomm_buf *b;
    const isomm_result *r;
    const isomm_assessment *a;
    const isomm_model *m;
    isomm_lang lang;
    int md;
    size_t width;
    isomm_buf *line, *step, *key; /* scratch: a role's line, its next step, a memo key */
    isomm__report_memo *memo; /* what the document remembers (report_internal.h), or NULL */
    signed char list_of[ISOMM_ROLE_COUNT]; /* the recommendation list of each role, -1 for none */
} writer;

/* A scratch buffer emptied for the next use. */
static isomm_buf *scratch(isomm_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    return b;
}

static const char *W(const writer *w, isomm__word word)
{
    return isomm__report_word(word, w->lang);
}

/* The hot paths (one line per role) append pieces without printf. */
static void put_int(isomm_buf *b, int v)
{
    char digits[12];
    size_t n = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

    do
        digits[sizeof digits - 1 - n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        digits[sizeof digits - 1 - n++] = '-';
    isomm__buf_append(b, digits + sizeof digits - n, n);
}

/* `indent` spaces, then s left-aligned in `width` columns and one more space (ASCII codes). */
static void put_code(isomm_buf *b, size_t indent, const char *s, size_t width)
{
    size_t n = strlen(s);
    isomm__report_pad(b, indent);
    isomm__buf_append(b, s, n);
    isomm__report_pad(b, (n < width ? width - n : 0) + 1);
}

static void flow(const writer *w, size_t used, size_t indent, const char *text)
{
    isomm__report_flow_memo(w->b, w->memo, w->width, used, indent, text, strlen(text));
}

/* flow() of a composed text (a scratch buffer). */
static void flow_buf(const writer *w, size_t used, size_t indent, const isomm_buf *text)
{
    if (text->failed || !text->data)
        isomm__report_flow_memo(w->b, w->memo, w->width, used, indent, "", 0);
    else
        isomm__report_flow_memo(w->b, w->memo, w->width, used, indent, text->data, text->len);
}

/* User text in Markdown, or escaped for a terminal. */
static void put_text(const writer *w, const char *s)
{
    if (w->md)
        isomm__report_md_text(w->b, s);
    else
        isomm__report_term_text(w->b, s);
}

static void heading(const writer *w, const char *title)
{
    isomm__buf_puts(w->b, w->md ? "\n## " : "\n");
    isomm__buf_puts(w->b, title);
    isomm__buf_puts(w->b, w->md ? "\n\n" : "\n");
}

/* A bar of `cells` cells for 0..5 with eighth-block precision. */
static void bar(isomm_buf *b, double value, long cells)
{
    static const char *const eighths[8] = { "", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589" };
    long units = (long)(value / 5.0 * (double)cells * 8 + 0.5);
    long full = units / 8, part = units % 8, cell;

    for (cell = 0; cell < full; cell++)
        isomm__buf_puts(b, "\u2588");
    isomm__buf_puts(b, eighths[part]);
    for (cell = full + (part > 0); cell < cells; cell++)
        isomm__buf_puts(b, "\u2591");
}

/* "Insource, level 2" / "インソース、レベル 2", or the unanswered word. */
static void answer_words(const writer *w, isomm_buf *out, const isomm_role_result *rr)
{
    if (rr->level == ISOMM_UNANSWERED) {
        isomm__buf_puts(out, W(w, ISOMM__W_UNANSWERED_WORD));
    } else {
        isomm__buf_puts(out, isomm_sourcing_name(rr->sourcing, w->lang));
        isomm__buf_puts(out, W(w, ISOMM__W_COMMA));
        isomm__buf_puts(out, W(w, ISOMM__W_LEVEL));
        isomm__buf_putc(out, ' ');
        put_int(out, rr->level);
    }
}

/* The next step of a role for people: "next: level 3 — <scale text>", the advice to assess an
 * unanswered role, or (a role at 5 in a switch list) nothing: returns 0. */
static int next_step_words(const writer *w, isomm_buf *out, const isomm_role_result *rr, const char *step)
{
    if (!step)
        return 0;
    if (rr->next_level > 0) {
        isomm__buf_puts(out, W(w, ISOMM__W_NEXT));
        isomm__buf_puts(out, ": ");
        isomm__buf_puts(out, W(w, ISOMM__W_LEVEL));
        isomm__buf_putc(out, ' ');
        put_int(out, rr->next_level);
        isomm__buf_puts(out, " — ");
    }
    isomm__buf_puts(out, step);
    return 1;
}

static void header(const writer *w)
{
    static const isomm__word labels[] = { ISOMM__W_ORGANIZATION, ISOMM__W_ASSESSOR, ISOMM__W_DATE };
    static const isomm_meta fields[] = { ISOMM_META_ORGANIZATION, ISOMM_META_ASSESSOR, ISOMM_META_DATE };
    const char *values[5];
    const char *names[5];
    size_t i, label_width = 0, title_width;

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
        isomm__buf_puts(w->b, "\n\n");
        for (i = 0; i < 5; i++) {
            isomm__buf_printf(w->b, "- **%s:** ", names[i]);
            isomm__report_md_text(w->b, values[i]);
            isomm__buf_putc(w->b, '\n');
        }
        return;
    }
    isomm__buf_puts(w->b, W(w, ISOMM__W_TITLE));
    isomm__buf_puts(w->b, ": ");
    title_width = isomm__utf8_width(W(w, ISOMM__W_TITLE)) + 2;
    flow(w, title_width, 2, isomm_assessment_meta(w->a, ISOMM_META_ID));
    for (i = 0; i < 5; i++) {
        size_t width = isomm__utf8_width(names[i]);
        if (width > label_width)
            label_width = width;
    }
    for (i = 0; i < 5; i++) {
        isomm__buf_puts(w->b, "  ");
        isomm__buf_puts(w->b, names[i]);
        isomm__report_pad(w->b, label_width - isomm__utf8_width(names[i]) + 2);
        flow(w, label_width + 4, label_width + 4, values[i]);
    }
}

/* Terminal columns of the first n bytes of s. */
static size_t columns_of(const char *s, size_t n)
{
    size_t i = 0, cols = 0;
    unsigned long cp;

    while (i < n) {
        i += isomm__utf8_next(s + i, n - i, &cp);
        cols += (size_t)isomm__utf8_cp_width(cp);
    }
    return cols;
}

/* Layout of the maturity lines at the writer's width: name column and bar cells. */
typedef struct layout {
    size_t name_columns;
    long bar_cells;
} layout;

static layout maturity_layout(const writer *w, size_t longest_name)
{
    /* "  A  " name "  " "3.0 / 5" "  " bar */
    size_t fixed = CODE_COLUMNS + 2 + NUMBER_COLUMNS + 2, keep = longest_name < 30 ? longest_name : 30;
    layout l;
    long room = (long)w->width - (long)fixed - (long)keep;

    l.bar_cells = room > BAR_CELLS ? BAR_CELLS : room < MIN_BAR_CELLS ? MIN_BAR_CELLS : room;
    room = (long)w->width - (long)fixed - l.bar_cells;
    l.name_columns = room < (long)longest_name ? (size_t)(room > 8 ? room : 8) : longest_name;
    return l;
}

static void maturity_line(const writer *w, const layout *l, const char *code, const char *name, int has, double v)
{
    isomm_buf clean = ISOMM_BUF_INIT;
    isomm__memo_probe p;
    const char *s, *t;
    size_t n, n_clean, at, next, len, first;

    if (w->md) {
        isomm__buf_printf(w->b, "| %s | ", code);
        isomm__report_md_text(w->b, name);
        isomm__buf_puts(w->b, " | ");
        isomm__report_maturity(w->b, has, v);
        isomm__buf_puts(w->b, has ? " / 5 | `" : " | ");
        if (has) {
            bar(w->b, v, BAR_CELLS);
            isomm__buf_puts(w->b, "` |\n");
        } else {
            isomm__buf_printf(w->b, "%s |\n", W(w, ISOMM__W_NO_MATURITY));
        }
        return;
    }
    /* the name's first line beside the number and the bar, the rest below it (hanging indent);
     * both remembered, as "first line and padding" NUL "the lines below" */
    n = strlen(name);
    put_code(w->b, 2, code, 2);
    if (!isomm__memo_find(w->memo, name, n, NAME_LAYOUT | l->name_columns, &p, &s, &len)) {
        isomm_buf *lines = scratch(w->line);
        isomm__report_term_text(&clean, name);
        t = clean.data && !clean.failed ? clean.data : "";
        n_clean = strlen(t);
        len = isomm__utf8_wrap_line(t, n_clean, l->name_columns, &next);
        isomm__buf_append(lines, t, len);
        first = columns_of(t, len);
        isomm__report_pad(lines, (first < l->name_columns ? l->name_columns - first : 0) + 2);
        isomm__buf_putc(lines, '\0');
        for (at = next; at < n_clean; at += next) {
            len = isomm__utf8_wrap_line(t + at, n_clean - at, l->name_columns, &next);
            isomm__report_pad(lines, CODE_COLUMNS);
            isomm__buf_append(lines, t + at, len);
            isomm__buf_putc(lines, '\n');
        }
        w->b->failed |= clean.failed | lines->failed;
        isomm__buf_free(&clean);
        if (lines->failed)
            return;
        isomm__memo_keep(w->memo, &p, name, n, NAME_LAYOUT | l->name_columns, lines->data, lines->len);
        s = lines->data;
        len = lines->len;
    }
    first = strlen(s); /* the stored first part ends at its NUL */
    isomm__buf_append(w->b, s, first);
    if (has) {
        isomm__report_maturity(w->b, 1, v);
        isomm__buf_puts(w->b, " / 5  ");
        bar(w->b, v, l->bar_cells);
    } else {
        isomm__buf_puts(w->b, "  - / 5  ");
        isomm__buf_puts(w->b, W(w, ISOMM__W_NO_MATURITY));
    }
    isomm__buf_putc(w->b, '\n');
    isomm__buf_append(w->b, s + first + 1, len - first - 1);
}

static void maturities(const writer *w)
{
    size_t name_width = isomm__utf8_width(W(w, ISOMM__W_OVERALL)), width;
    double overall = 0.0;
    int f, has_overall = isomm_result_overall(w->r, &overall) == 1;
    layout l;

    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        width = isomm__utf8_width(isomm_function_name(isomm_model_function(w->m, f), w->lang));
        if (width > name_width)
            name_width = width;
    }
    l = maturity_layout(w, name_width);
    heading(w, W(w, ISOMM__W_MATURITY));
    if (w->md)
        isomm__buf_printf(w->b, "| %s | %s | %s | %s |\n|---|---|---:|---|\n", W(w, ISOMM__W_CODE),
                          W(w, ISOMM__W_FUNCTION), W(w, ISOMM__W_MATURITY_COLUMN), W(w, ISOMM__W_BAR));
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(w->m, f);
        const isomm_function_result *fr = isomm_result_function(w->r, f);
        maturity_line(w, &l, fi->code, isomm_function_name(fi, w->lang), fr->has_maturity, fr->maturity);
    }
    if (!w->md)
        isomm__buf_putc(w->b, '\n');
    maturity_line(w, &l, "", W(w, ISOMM__W_OVERALL), has_overall, overall);
}

static int has_warning(const isomm_result *r, isomm_warning warning)
{
    int i;
    for (i = 0; i < isomm_result_warning_count(r); i++)
        if (isomm_result_warning(r, i) == (int)warning)
            return 1;
    return 0;
}

static void highlights(const writer *w, int strength)
{
    int i, n = isomm_result_highlight_count(w->r, strength);

    heading(w, W(w, strength ? ISOMM__W_STRENGTHS : ISOMM__W_WEAKNESSES));
    if (n == 0) {
        const char *none = W(w, has_warning(w->r, ISOMM_WARNING_NO_CONTRAST) ? ISOMM__W_NO_CONTRAST : ISOMM__W_NONE);
        isomm__buf_puts(w->b, w->md ? "" : "  ");
        isomm__buf_puts(w->b, none);
        isomm__buf_putc(w->b, '\n');
    }
    for (i = 0; i < n; i++) {
        int f = isomm_result_highlight(w->r, strength, i);
        const isomm_function_info *fi = isomm_model_function(w->m, f);
        const isomm_function_result *fr = isomm_result_function(w->r, f);
        const char *comment = isomm_result_highlight_comment(w->r, strength, i, w->lang);
        if (w->md) {
            isomm__buf_printf(w->b, "- **%s ", fi->code);
            isomm__report_md_text(w->b, isomm_function_name(fi, w->lang));
            isomm__buf_puts(w->b, "** (");
            isomm__report_maturity(w->b, 1, fr->maturity);
            isomm__buf_printf(w->b, " / 5): %s\n", comment);
        } else {
            isomm_buf *line = scratch(w->line);
            isomm__buf_puts(line, isomm_function_name(fi, w->lang));
            isomm__buf_puts(line, "  ");
            isomm__report_maturity(line, 1, fr->maturity);
            isomm__buf_puts(line, " / 5");
            isomm__buf_puts(w->b, "  ");
            isomm__buf_puts(w->b, fi->code);
            isomm__buf_puts(w->b, "  ");
            flow_buf(w, CODE_COLUMNS, CODE_COLUMNS, line);
            w->b->failed |= line->failed;
            isomm__report_pad(w->b, CODE_COLUMNS);
            flow(w, CODE_COLUMNS, CODE_COLUMNS, comment);
        }
    }
}

/* One role of a list or of the unanswered roles: code, name, (answer), and its next step. */
/* A role's row is the same bytes wherever the same answer of the same role shows: the memo
 * keeps it under a key of what the row depends on (with the width as its layout). */
typedef struct row {
    const isomm_role_info *ri;
    const isomm_role_result *rr;
    const char *step; /* isomm_result_next_step() */
    const isomm_buf *key;
    isomm__memo_probe probe;
    size_t start; /* where the row begins in w->b */
} row;

/* Start a row: 1 when the memo had it (then it is written), 0 when it is to be written and kept
 * with row_keep(). `kind` tells the rows of the lists, the unanswered roles and the plan apart. */
static int row_find(const writer *w, row *rw, char kind, int role, int list)
{
    isomm_buf *k = scratch(w->key);
    const char *out;
    size_t len;
    char head[8];

    rw->ri = isomm_model_role(w->m, role);
    rw->rr = isomm_result_role(w->r, role);
    rw->step = isomm_result_next_step(w->r, role, w->lang);
    rw->key = k;
    rw->start = w->b->len;
    rw->probe.hash = 0;
    head[0] = kind;
    head[1] = (char)w->lang;
    head[2] = (char)w->md;
    head[3] = (char)rw->rr->level;
    head[4] = (char)rw->rr->sourcing;
    head[5] = (char)rw->rr->next_level;
    head[6] = (char)list;
    head[7] = 0;
    isomm__buf_append(k, head, sizeof head);
    isomm__buf_puts(k, rw->ri->code);
    isomm__buf_putc(k, '\0');
    isomm__buf_puts(k, isomm_role_name(rw->ri, w->lang));
    /* a next step is static text (isomm_result_next_step()): its address names it for good,
     * while the code and the name come from a model, which may be freed and its memory reused */
    isomm__buf_append(k, (const char *)&rw->step, sizeof rw->step);
    if (k->failed || !isomm__memo_find(w->memo, k->data, k->len, ROW_LAYOUT | w->width, &rw->probe, &out, &len))
        return 0;
    isomm__buf_append(w->b, out, len);
    return 1;
}

static void row_keep(const writer *w, const row *rw)
{
    if (!w->b->failed && !rw->key->failed)
        isomm__memo_keep(w->memo, &rw->probe, rw->key->data, rw->key->len, ROW_LAYOUT | w->width,
                         w->b->data + rw->start, w->b->len - rw->start);
}

static void role_line(const writer *w, int role, int show_answer, int show_step)
{
    row rw;
    const isomm_role_info *ri;
    isomm_buf *line, *step;
    int has_step;

    if (row_find(w, &rw, (char)('R' + 2 * show_answer + show_step), role, -1))
        return;
    ri = rw.ri;
    line = scratch(w->line);
    step = scratch(w->step);
    has_step = show_step && next_step_words(w, step, rw.rr, rw.step);
    isomm__buf_puts(line, isomm_role_name(ri, w->lang));
    if (show_answer) {
        isomm__buf_puts(line, W(w, ISOMM__W_OPEN));
        answer_words(w, line, isomm_result_role(w->r, role));
        isomm__buf_puts(line, W(w, ISOMM__W_CLOSE));
    }
    if (w->md) {
        isomm__buf_printf(w->b, "- %s ", ri->code);
        isomm__report_md_text(w->b, line->data ? line->data : "");
        if (has_step) {
            isomm__buf_puts(w->b, " — ");
            isomm__report_md_text(w->b, step->data);
        }
        isomm__buf_putc(w->b, '\n');
    } else {
        put_code(w->b, 4, ri->code, 5);
        flow_buf(w, ROLE_INDENT, ROLE_INDENT, line);
        if (has_step) {
            isomm__report_pad(w->b, ROLE_INDENT);
            flow_buf(w, ROLE_INDENT, ROLE_INDENT + 2, step);
        }
    }
    w->b->failed |= line->failed | step->failed;
    row_keep(w, &rw);
}

static void lists(const writer *w)
{
    isomm_pattern p = isomm_result_list_pattern(w->r);
    isomm_buf *title = scratch(w->line);
    int l, i;

    isomm__buf_puts(title, W(w, ISOMM__W_RECOMMENDATIONS));
    isomm__buf_puts(title, W(w, ISOMM__W_OPEN));
    isomm__buf_puts(title, W(w, ISOMM__W_AGAINST));
    isomm__buf_puts(title, ": ");
    isomm__buf_puts(title, isomm__report_pattern_name(p, w->lang));
    isomm__buf_puts(title, W(w, ISOMM__W_CLOSE));
    if (w->md) {
        isomm__buf_printf(w->b, "\n## %s\n", title->data ? title->data : "");
    } else {
        isomm__buf_putc(w->b, '\n');
        flow_buf(w, 0, 2, title);
    }
    w->b->failed |= title->failed;
    for (l = 0; l < ISOMM_LIST_COUNT; l++) {
        int n = isomm_result_list_count(w->r, (isomm_list)l);
        if (w->md) {
            isomm__buf_printf(w->b, "\n### %s\n\n", isomm_list_title((isomm_list)l, w->lang));
        } else {
            isomm__report_pad(w->b, 2);
            flow(w, 2, 4, isomm_list_title((isomm_list)l, w->lang));
        }
        if (n == 0) {
            isomm__buf_puts(w->b, w->md ? "" : "    ");
            isomm__buf_puts(w->b, W(w, ISOMM__W_NONE));
            isomm__buf_putc(w->b, '\n');
        }
        for (i = 0; i < n; i++)
            role_line(w, isomm_result_list_role(w->r, (isomm_list)l, i), 1, 1);
    }
}

/* The list each role comes from (the first, should one hold it twice), -1 for none. */
static void find_lists(writer *w)
{
    int l, i, n;

    memset(w->list_of, -1, sizeof w->list_of);
    for (l = ISOMM_LIST_COUNT - 1; l >= 0; l--)
        for (i = 0, n = isomm_result_list_count(w->r, (isomm_list)l); i < n; i++)
            w->list_of[isomm_result_list_role(w->r, (isomm_list)l, i)] = (signed char)l;
}

static void action_plan(const writer *w)
{
    int i, n = isomm_result_plan_count(w->r);

    heading(w, W(w, ISOMM__W_ACTION_PLAN));
    if (w->md)
        isomm__buf_printf(w->b, "%s\n\n", W(w, ISOMM__W_ACTION_PLAN_NOTE));
    else {
        isomm__report_pad(w->b, 2);
        flow(w, 2, 2, W(w, ISOMM__W_ACTION_PLAN_NOTE));
    }
    if (n == 0) {
        isomm__buf_puts(w->b, w->md ? "" : "  ");
        isomm__buf_puts(w->b, W(w, ISOMM__W_NONE));
        isomm__buf_putc(w->b, '\n');
    }
    for (i = 0; i < n; i++) {
        int role = isomm_result_plan_role(w->r, i), list = w->list_of[role];
        const isomm_role_info *ri;
        isomm_buf *line, *step;
        row rw;

        /* the number, then the rest of the row (the same for the same answer of the role) */
        if (w->md) {
            put_int(w->b, i + 1);
            isomm__buf_puts(w->b, ". ");
        } else {
            isomm__report_pad(w->b, i + 1 < 10 ? 3 : 2);
            put_int(w->b, i + 1);
            put_code(w->b, 0, ".", 1);
        }
        if (row_find(w, &rw, 'P', role, list))
            continue;
        ri = rw.ri;
        line = scratch(w->line);
        step = scratch(w->step);
        isomm__buf_puts(line, isomm_role_name(ri, w->lang));
        isomm__buf_puts(line, W(w, ISOMM__W_OPEN));
        answer_words(w, line, rw.rr);
        isomm__buf_puts(line, W(w, ISOMM__W_CLOSE));
        if (!next_step_words(w, step, rw.rr, rw.step) && list >= 0)
            isomm__buf_puts(step, isomm_list_title((isomm_list)list, w->lang)); /* at 5: the switch is the step */
        if (w->md) {
            isomm__buf_puts(w->b, ri->code);
            isomm__buf_putc(w->b, ' ');
            isomm__report_md_text(w->b, line->data ? line->data : "");
            isomm__buf_puts(w->b, ": ");
            isomm__report_md_text(w->b, step->data ? step->data : "");
            isomm__buf_putc(w->b, '\n');
        } else {
            put_code(w->b, 0, ri->code, 5);
            flow_buf(w, 12, 12, line);
            isomm__report_pad(w->b, 12);
            flow_buf(w, 12, 14, step);
        }
        w->b->failed |= line->failed | step->failed;
        row_keep(w, &rw);
    }
}

static void pattern_fit(const writer *w)
{
    int mismatches = 0, current_mismatches = -1;
    isomm_pattern best = isomm_result_pattern_fit(w->r, &mismatches, &current_mismatches);
    isomm_buf line = ISOMM_BUF_INIT;
    size_t indent = w->md ? 0 : 2;

    heading(w, W(w, ISOMM__W_PATTERN_FIT));
    if (best == ISOMM_PATTERN_NONE) {
        isomm__report_pad(w->b, indent);
        flow(w, indent, indent, W(w, ISOMM__W_NO_FIT));
        return;
    }
    isomm__buf_puts(&line, W(w, ISOMM__W_FIT_SENTENCE));
    isomm__buf_puts(&line, ": ");
    isomm__buf_puts(&line, isomm__report_pattern_name(best, w->lang));
    isomm__buf_puts(&line, w->lang == ISOMM_LANG_JA ? "（不一致 " : " (");
    isomm__buf_int(&line, mismatches);
    isomm__buf_puts(&line, w->lang == ISOMM_LANG_JA ? "）" : " mismatches)");
    if (current_mismatches >= 0) {
        const char *current = isomm__report_pattern_name(isomm_assessment_pattern(w->a, 1), w->lang);
        isomm__buf_puts(&line, w->md ? "\n\n" : "\n");
        isomm__buf_puts(&line, w->lang == ISOMM_LANG_JA ? "現在のパターン（" : "Current pattern (");
        isomm__buf_puts(&line, current);
        isomm__buf_puts(&line, w->lang == ISOMM_LANG_JA ? "）との不一致: " : "): ");
        isomm__buf_int(&line, current_mismatches);
        if (w->lang != ISOMM_LANG_JA)
            isomm__buf_puts(&line, " mismatches");
    }
    if (w->md) {
        isomm__buf_printf(w->b, "%s\n", line.data ? line.data : "");
    } else {
        /* each sentence on its own line(s) */
        char *nl = line.data ? strchr(line.data, '\n') : NULL;
        if (nl)
            *nl = '\0';
        isomm__report_pad(w->b, indent);
        flow(w, indent, indent + 2, line.data ? line.data : "");
        if (nl) {
            isomm__report_pad(w->b, indent);
            flow(w, indent, indent + 2, nl + 1);
        }
    }
    w->b->failed |= line.failed;
    isomm__buf_free(&line);
}

static void unanswered(const writer *w)
{
    int i, n = isomm_result_unanswered_count(w->r);
    isomm_buf *title = scratch(w->line);

    isomm__buf_puts(title, W(w, ISOMM__W_UNANSWERED));
    isomm__buf_puts(title, W(w, ISOMM__W_OPEN));
    isomm__buf_int(title, n);
    if (n) {
        isomm__buf_puts(title, W(w, ISOMM__W_COMMA));
        isomm__buf_puts(title, W(w, ISOMM__W_UNANSWERED_NOTE));
    }
    isomm__buf_puts(title, W(w, ISOMM__W_CLOSE));
    if (w->md) {
        isomm__buf_printf(w->b, "\n## %s\n\n", title->data ? title->data : "");
    } else {
        isomm__buf_putc(w->b, '\n');
        flow_buf(w, 0, 2, title);
    }
    w->b->failed |= title->failed;
    if (n == 0)
        isomm__buf_printf(w->b, w->md ? "%s\n" : "    %s\n", W(w, ISOMM__W_NONE));
    for (i = 0; i < n; i++)
        role_line(w, isomm_result_unanswered(w->r, i), 0, 0);
}

/* Markdown only: one row per role. */
static void role_table(const writer *w)
{
    int role;

    heading(w, W(w, ISOMM__W_ROLES));
    isomm__buf_printf(w->b, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---:|---|---|\n", W(w, ISOMM__W_ROLE),
                      W(w, ISOMM__W_FUNCTION), W(w, ISOMM__W_SOURCING), W(w, ISOMM__W_LEVEL_COLUMN),
                      W(w, ISOMM__W_EXPECTED), W(w, ISOMM__W_NEXT_STEP));
    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        const isomm_role_info *ri = isomm_model_role(w->m, role);
        const isomm_role_result *rr = isomm_result_role(w->r, role);
        const char *step = isomm_result_next_step(w->r, role, w->lang);
        isomm__buf_printf(w->b, "| %s ", ri->code);
        isomm__report_md_text(w->b, isomm_role_name(ri, w->lang));
        isomm__buf_printf(w->b, " | %s | %s | ", isomm_model_function(w->m, ri->function)->code,
                          rr->level == ISOMM_UNANSWERED ? W(w, ISOMM__W_UNANSWERED_WORD)
                                                        : isomm_sourcing_name(rr->sourcing, w->lang));
        if (rr->level == ISOMM_UNANSWERED)
            isomm__buf_puts(w->b, "-");
        else
            isomm__buf_printf(w->b, "%d", rr->level);
        isomm__buf_printf(w->b, " | %s | ", rr->expected == ISOMM_SOURCING_NONE ? "-"
                                                                              : isomm_sourcing_name(rr->expected, w->lang));
        if (rr->next_level > 0)
            isomm__buf_printf(w->b, "%d — %s", rr->next_level, step);
        else
            isomm__buf_puts(w->b, step ? step : "-");
        isomm__buf_puts(w->b, " |\n");
    }
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
            isomm__buf_printf(w->b, "- %s ", ri->code);
            isomm__report_md_text(w->b, isomm_role_name(ri, w->lang));
            isomm__buf_puts(w->b, ": ");
            put_text(w, ans.note);
            isomm__buf_putc(w->b, '\n');
        } else {
            put_code(w->b, 2, ri->code, 5);
            flow(w, 8, 8, isomm_role_name(ri, w->lang));
            isomm__report_pad(w->b, 8);
            flow(w, 8, 8, ans.note);
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
            isomm__buf_puts(w->b, "  ! ");
            flow(w, 4, 4, text);
        }
    }
}

void isomm__report_text(isomm_buf *b, const isomm_result *r, isomm_lang lang, int markdown, size_t width,
                        isomm__report_memo *memo)
{
    isomm_buf line = ISOMM_BUF_INIT, step = ISOMM_BUF_INIT, key = ISOMM_BUF_INIT;
    writer w;

    w.b = b;
    w.line = &line;
    w.step = &step;
    w.key = &key;
    w.r = r;
    w.a = isomm_result_assessment(r);
    w.m = isomm_result_model(r);
    w.lang = lang;
    w.md = markdown;
    w.width = width;
    w.memo = memo;
    find_lists(&w);
    header(&w);
    maturities(&w);
    highlights(&w, 1);
    highlights(&w, 0);
    lists(&w);
    action_plan(&w);
    pattern_fit(&w);
    unanswered(&w);
    if (markdown)
        role_table(&w);
    notes(&w);
    warnings(&w);
    isomm__buf_free(&line);
    isomm__buf_free(&step);
    isomm__buf_free(&key);
}
