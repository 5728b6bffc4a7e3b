/* SPDX-License-Identifier: MIT */
/* The workbooks libisomm writes: the self-check template and the report. libxlsxwriter builds
 * them; it writes only to a path of its own, so it writes into a private temporary directory and
 * the bytes are then handed to the output layer (temporary file beside the target, rename). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "internal.h"
#include "report_internal.h"
#include "xlsx_internal.h"
#include "isomm/output.h"
#include "isomm/xlsx.h"

/* ---- texts of the template (the reader knows them too: xlsx_internal.h) ---- */

static const char *const template_words[ISOMM__XW_COUNT][2] = {
    [ISOMM__XW_SHEET_PREPARATION] = { "準備", "Preparation" },
    [ISOMM__XW_SHEET_INPUT] = { "入力", "Input" },
    [ISOMM__XW_SHEET_SCALES] = { "評価基準", "Scales" },
    [ISOMM__XW_PREPARATION_TITLE] = { "ISOMM v2.1 自己診断：準備", "ISOMM v2.1 self-check: preparation" },
    [ISOMM__XW_PREPARATION_HELP] = { "評価の情報を入力し、現在と目標の組織パターンを一覧から選んでください。",
                                     "Fill in the assessment's details and choose the current and target "
                                     "organisation patterns from the lists." },
    [ISOMM__XW_INPUT_TITLE] = { "ISOMM v2.1 自己診断：入力", "ISOMM v2.1 self-check: input" },
    [ISOMM__XW_INPUT_HELP] = { "役割ごとにソーシング（インソース／アウトソース）とレベル（0～5）を一覧から選んでください。"
                               "両方とも空欄の役割は未回答（レベル1として計算）です。",
                               "For each role choose a sourcing (insource or outsource) and a level (0-5) from the "
                               "lists. A role with both left empty is unanswered (it counts as level 1)." },
    [ISOMM__XW_SCALES_TITLE] = { "ISOMM v2.1 評価基準", "ISOMM v2.1 scales" },
    [ISOMM__XW_ID] = { "評価ID", "Assessment ID" },
    [ISOMM__XW_ORGANIZATION] = { "組織名", "Organisation" },
    [ISOMM__XW_ASSESSOR] = { "評価者", "Assessor" },
    [ISOMM__XW_DATE] = { "評価日", "Date" },
    [ISOMM__XW_CURRENT] = { "現在のパターン", "Current pattern" },
    [ISOMM__XW_TARGET] = { "目標のパターン", "Target pattern" },
    [ISOMM__XW_DATE_HINT] = { "YYYY-MM-DD（例：2026-11-01）", "YYYY-MM-DD (e.g. 2026-11-01)" },
    [ISOMM__XW_PATTERN_HINT] = { "一覧から選択", "choose from the list" },
    [ISOMM__XW_ROLE] = { "役割", "Role" },
    [ISOMM__XW_FUNCTION] = { "機能", "Function" },
    [ISOMM__XW_NAME] = { "名称", "Name" },
    [ISOMM__XW_DOMAIN] = { "領域", "Domain" },
    [ISOMM__XW_SUMMARY] = { "概要", "Summary" },
    [ISOMM__XW_SOURCING] = { "ソーシング", "Sourcing" },
    [ISOMM__XW_LEVEL] = { "レベル", "Level" },
    [ISOMM__XW_NOTE] = { "備考", "Note" },
    [ISOMM__XW_INSOURCE_VALUE] = { "インソース", "insource" },
    [ISOMM__XW_OUTSOURCE_VALUE] = { "アウトソース", "outsource" },
    [ISOMM__XW_SCALE_INSOURCE] = { "インソース", "Insource" },
    [ISOMM__XW_SCALE_OUTSOURCE] = { "アウトソース", "Outsource" },
    [ISOMM__XW_LEVEL_PROMPT_TITLE] = { "レベル 0～5", "Level 0-5" },
    /* Excel caps an input message at 255 characters: both scales in short, the full texts on the
     * scales sheet. */
    [ISOMM__XW_LEVEL_PROMPT] = { "イン: 0 実施しないと判断 1 実施できていない 2 担当者のみ・明文化なし "
                                 "3 他者が一部代行可 4 明文化・交代可 5 組織長が承認\n"
                                 "アウト: 0 委託しないと判断 1 結果を確認できていない 2 内容も結果も未理解 "
                                 "3 いずれかを未理解 4 理解・想定未満 5 理解・想定通り\n（全文は「評価基準」）",
                                 "In: 0 decided not to; 1 not done; 2 one person, no docs; 3 others stand in "
                                 "partly; 4 documented, handed over; 5 CISO-approved\n"
                                 "Out: 0 decided not to; 1 unchecked; 2 nothing clear; 3 service or results "
                                 "unclear; 4 below target; 5 as expected\n(see Scales)" },
    [ISOMM__XW_SOURCING_PROMPT_TITLE] = { "ソーシング", "Sourcing" },
    [ISOMM__XW_SOURCING_PROMPT] = { "インソース（自組織で実施）またはアウトソース（外部に委託）",
                                    "insource (done in-house) or outsource (bought from a provider)" },
    [ISOMM__XW_REPORT_OVERVIEW] = { "一覧", "Overview" },
    [ISOMM__XW_REPORT_RATED] = { "評価した役割", "Rated roles" },
    [ISOMM__XW_REPORT_EXCLUDED] = { "除外（レベル0）", "Excluded (level 0)" },
    [ISOMM__XW_REPORT_COMMENT] = { "コメント", "Comment" },
    [ISOMM__XW_REPORT_MISMATCHES] = { "不一致の数", "Mismatches" },
    [ISOMM__XW_REPORT_CURRENT_MISMATCHES] = { "現在のパターンの不一致", "Mismatches of the current pattern" },
    [ISOMM__XW_REPORT_ANSWERS] = { "回答", "Answers" },
    [ISOMM__XW_REPORT_NEXT_LEVEL] = { "次のレベル", "Next level" },
    [ISOMM__XW_REPORT_NEXT_STEP] = { "次の一歩", "Next step" },
};

const char *isomm__xlsx_word(isomm__xlsx_word_id w, isomm_lang lang)
{
    return template_words[w][lang];
}

/* ---- the writer: one workbook in a private temporary directory ---- */

typedef struct writer {
    lxw_workbook *wb;
    lxw_error failed;  /* first libxlsxwriter error */
    isomm_lang lang;
    lxw_format *title, *bold, *header, *wrap, *answer, *answer_wrap, *text_answer, *one_decimal;
} writer;

static void check(writer *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->failed == LXW_NO_ERROR)
        w->failed = e;
}

static void put_text(writer *w, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    /* worksheet_write_string() stores a shared string: never a formula, whatever the text */
    if (s && *s)
        check(w, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f));
    else if (f)
        check(w, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f));
}

static void put_number(writer *w, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    check(w, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
}

static const char *xw(const writer *w, isomm__xlsx_word_id id)
{
    return isomm__xlsx_word(id, w->lang);
}

static const char *rw(const writer *w, isomm__word id)
{
    return isomm__report_word(id, w->lang);
}

static lxw_worksheet *add_sheet(writer *w, const char *name)
{
    lxw_error e = workbook_validate_sheet_name(w->wb, name);
    lxw_worksheet *ws = e == LXW_NO_ERROR ? workbook_add_worksheet(w->wb, name) : NULL;

    if (!ws)
        check(w, e != LXW_NO_ERROR ? e : LXW_ERROR_MEMORY_MALLOC_FAILED);
    return ws;
}

static void make_formats(writer *w)
{
    w->title = workbook_add_format(w->wb);
    w->bold = workbook_add_format(w->wb);
    w->header = workbook_add_format(w->wb);
    w->wrap = workbook_add_format(w->wb);
    w->answer = workbook_add_format(w->wb);
    w->answer_wrap = workbook_add_format(w->wb);
    w->text_answer = workbook_add_format(w->wb);
    w->one_decimal = workbook_add_format(w->wb);
    if (!w->title || !w->bold || !w->header || !w->wrap || !w->answer || !w->answer_wrap || !w->text_answer ||
        !w->one_decimal) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    format_set_bold(w->title);
    format_set_font_size(w->title, 14);
    format_set_bold(w->bold);
    format_set_bold(w->header);
    format_set_bg_color(w->header, 0xDCE6F1);
    format_set_border(w->header, LXW_BORDER_THIN);
    format_set_text_wrap(w->header);
    format_set_text_wrap(w->wrap);
    format_set_align(w->wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_unlocked(w->answer);
    format_set_bg_color(w->answer, 0xFFF2CC);
    format_set_border(w->answer, LXW_BORDER_THIN);
    format_set_unlocked(w->answer_wrap);
    format_set_bg_color(w->answer_wrap, 0xFFF2CC);
    format_set_border(w->answer_wrap, LXW_BORDER_THIN);
    format_set_text_wrap(w->answer_wrap);
    /* a typed date stays the text YYYY-MM-DD */
    format_set_unlocked(w->text_answer);
    format_set_bg_color(w->text_answer, 0xFFF2CC);
    format_set_border(w->text_answer, LXW_BORDER_THIN);
    format_set_num_format(w->text_answer, "@");
    format_set_num_format(w->one_decimal, "0.0");
}

typedef int (*fill_fn)(writer *w, const void *ctx);

/* Build a workbook with fill() in a private directory under $TMPDIR (or /tmp), in the C locale
 * (libxlsxwriter formats numbers with printf, which follows LC_NUMERIC: "2,5" in a German
 * locale), then copy its bytes to path through the output layer. */
static int write_workbook(const char *path, isomm_lang lang, fill_fn fill, const void *ctx, isomm_error *err)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], file[4200];
    lxw_workbook_options lo = { 0, NULL, 0 };
    locale_t c_locale, old_locale;
    writer w;
    isomm_output *out = NULL;
    FILE *fp;
    int rc = ISOMM_OK;

    if (!tmp || !*tmp)
        tmp = "/tmp";
    if ((size_t)snprintf(dir, sizeof dir, "%s/isomm-xlsx-XXXXXX", tmp) >= sizeof dir)
        return isomm__fail(err, ISOMM_EIO, "temporary directory path too long: '%.300s'", tmp);
    if (!mkdtemp(dir))
        return isomm__fail(err, ISOMM_EIO, "cannot create a temporary directory in '%.300s': %s", tmp,
                           strerror(errno));
    snprintf(file, sizeof file, "%s/book.xlsx", dir);
    lo.tmpdir = dir;

    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (c_locale == (locale_t)0) {
        rmdir(dir);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory (C locale)");
    }
    old_locale = uselocale(c_locale);

    memset(&w, 0, sizeof w);
    w.lang = lang;
    w.wb = workbook_new_opt(file, &lo);
    if (!w.wb) {
        rc = isomm__fail(err, ISOMM_ENOMEM, "out of memory (workbook)");
    } else {
        make_formats(&w);
        if (w.failed == LXW_NO_ERROR)
            rc = fill(&w, ctx);
        if (rc == ISOMM_OK && w.failed != LXW_NO_ERROR)
            rc = isomm__fail(err, w.failed == LXW_ERROR_MEMORY_MALLOC_FAILED ? ISOMM_ENOMEM : ISOMM_EIO,
                             "building the workbook failed: %s", lxw_strerror(w.failed));
        else if (rc != ISOMM_OK)
            isomm__fail(err, rc, "building the workbook failed");
        {
            lxw_error e = workbook_close(w.wb); /* frees the workbook in every case */
            if (rc == ISOMM_OK && e != LXW_NO_ERROR)
                rc = isomm__fail(err, ISOMM_EIO, "writing the workbook failed: %s", lxw_strerror(e));
        }
    }
    uselocale(old_locale);
    freelocale(c_locale);

    if (rc == ISOMM_OK && (rc = isomm_output_open(&out, path, err)) == ISOMM_OK) {
        if (!(fp = fopen(file, "rb"))) {
            rc = isomm__fail(err, ISOMM_EIO, "cannot read back the workbook '%.300s': %s", file, strerror(errno));
        } else {
            char chunk[65536];
            size_t n;
            while (rc == ISOMM_OK && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
                rc = isomm_output_write(out, chunk, n, err);
            if (rc == ISOMM_OK && ferror(fp))
                rc = isomm__fail(err, ISOMM_EIO, "cannot read back the workbook '%.300s'", file);
            fclose(fp);
        }
        if (rc == ISOMM_OK)
            rc = isomm_output_commit(out, err);
        else
            isomm_output_discard(out);
    }
    remove(file);
    rmdir(dir);
    return rc;
}

static int check_options(const isomm_xlsx_options *opts, isomm_error *err)
{
    if (opts && opts->version != ISOMM_XLSX_OPTIONS_VERSION)
        return isomm__fail(err, ISOMM_EOPTIONS, "unknown isomm_xlsx_options version %u (expected %d)",
                           opts->version, ISOMM_XLSX_OPTIONS_VERSION);
    if (opts && opts->lang != ISOMM_LANG_JA && opts->lang != ISOMM_LANG_EN)
        return isomm__fail(err, ISOMM_EOPTIONS, "unknown language %d (expected ja or en)", (int)opts->lang);
    return ISOMM_OK;
}

/* ---- the template ---- */

/* Row and column layout of the template (0-based, as libxlsxwriter counts). */
enum {
    PREP_FIRST_ROW = 3,      /* the labels of the preparation sheet, in column A, values in B */
    INPUT_HEADER_ROW = 3,    /* the header of the input sheet; roles follow */
    COL_ROLE = 0, COL_FUNCTION, COL_NAME, COL_DOMAIN, COL_SUMMARY, COL_SOURCING, COL_LEVEL, COL_NOTE
};

static void list_validation(writer *w, lxw_worksheet *ws, int first_row, int last_row, int col,
                            const char **values, const char *title, const char *message)
{
    lxw_data_validation v;

    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = (char **)values; /* libxlsxwriter's field is not const; it only reads the list */
    v.ignore_blank = LXW_VALIDATION_ON;
    v.show_input = title ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
    v.input_title = (char *)title;
    v.input_message = (char *)message;
    v.show_error = LXW_VALIDATION_ON;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    check(w, worksheet_data_validation_range(ws, (lxw_row_t)first_row, (lxw_col_t)col, (lxw_row_t)last_row,
                                             (lxw_col_t)col, &v));
}

static void protect(writer *w, lxw_worksheet *ws)
{
    lxw_protection p;

    memset(&p, 0, sizeof p);
    p.format_columns = 1;
    p.format_rows = 1;
    worksheet_protect(ws, NULL, &p);
    (void)w;
}

static void template_preparation(writer *w)
{
    static const isomm__xlsx_word_id labels[] = { ISOMM__XW_ID, ISOMM__XW_ORGANIZATION, ISOMM__XW_ASSESSOR,
                                                  ISOMM__XW_DATE, ISOMM__XW_CURRENT, ISOMM__XW_TARGET };
    const char *patterns[ISOMM_PATTERN_COUNT + 1];
    lxw_worksheet *ws = add_sheet(w, xw(w, ISOMM__XW_SHEET_PREPARATION));
    size_t i;

    if (!ws)
        return;
    for (i = 0; i < ISOMM_PATTERN_COUNT; i++) {
        const isomm_pattern_info *p = isomm_pattern_get((isomm_pattern)i);
        patterns[i] = w->lang == ISOMM_LANG_JA ? p->name_ja : p->name_en;
    }
    patterns[ISOMM_PATTERN_COUNT] = NULL;
    check(w, worksheet_set_column(ws, 0, 0, 22, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 36, NULL));
    check(w, worksheet_set_column(ws, 2, 2, 40, NULL));
    put_text(w, ws, 0, 0, xw(w, ISOMM__XW_PREPARATION_TITLE), w->title);
    put_text(w, ws, 1, 0, xw(w, ISOMM__XW_PREPARATION_HELP), NULL);
    for (i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        int row = PREP_FIRST_ROW + (int)i;
        put_text(w, ws, row, 0, xw(w, labels[i]), w->bold);
        put_text(w, ws, row, 1, NULL, w->text_answer);
        if (labels[i] == ISOMM__XW_DATE)
            put_text(w, ws, row, 2, xw(w, ISOMM__XW_DATE_HINT), NULL);
        if (labels[i] == ISOMM__XW_CURRENT || labels[i] == ISOMM__XW_TARGET) {
            put_text(w, ws, row, 2, xw(w, ISOMM__XW_PATTERN_HINT), NULL);
            list_validation(w, ws, row, row, 1, patterns, NULL, NULL);
        }
    }
    protect(w, ws);
}

static void template_input(writer *w, const isomm_model *m)
{
    static const isomm__xlsx_word_id headers[] = { ISOMM__XW_ROLE, ISOMM__XW_FUNCTION, ISOMM__XW_NAME,
                                                   ISOMM__XW_DOMAIN, ISOMM__XW_SUMMARY, ISOMM__XW_SOURCING,
                                                   ISOMM__XW_LEVEL, ISOMM__XW_NOTE };
    static const char *levels[] = { "0", "1", "2", "3", "4", "5", NULL };
    const char *sourcings[3];
    lxw_worksheet *ws = add_sheet(w, xw(w, ISOMM__XW_SHEET_INPUT));
    int i, last = INPUT_HEADER_ROW + ISOMM_ROLE_COUNT;

    if (!ws)
        return;
    sourcings[0] = xw(w, ISOMM__XW_INSOURCE_VALUE);
    sourcings[1] = xw(w, ISOMM__XW_OUTSOURCE_VALUE);
    sourcings[2] = NULL;
    check(w, worksheet_set_column(ws, COL_ROLE, COL_ROLE, 7, NULL));
    check(w, worksheet_set_column(ws, COL_FUNCTION, COL_FUNCTION, 24, w->wrap));
    check(w, worksheet_set_column(ws, COL_NAME, COL_NAME, 28, w->wrap));
    check(w, worksheet_set_column(ws, COL_DOMAIN, COL_DOMAIN, 7, NULL));
    check(w, worksheet_set_column(ws, COL_SUMMARY, COL_SUMMARY, 50, w->wrap));
    check(w, worksheet_set_column(ws, COL_SOURCING, COL_SOURCING, 14, NULL));
    check(w, worksheet_set_column(ws, COL_LEVEL, COL_LEVEL, 8, NULL));
    check(w, worksheet_set_column(ws, COL_NOTE, COL_NOTE, 40, NULL));
    put_text(w, ws, 0, 0, xw(w, ISOMM__XW_INPUT_TITLE), w->title);
    put_text(w, ws, 1, 0, xw(w, ISOMM__XW_INPUT_HELP), NULL);
    for (i = 0; i < (int)(sizeof headers / sizeof headers[0]); i++)
        put_text(w, ws, INPUT_HEADER_ROW, i, xw(w, headers[i]), w->header);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_info *r = isomm_model_role(m, i);
        const isomm_function_info *f = isomm_model_function(m, r->function);
        int row = INPUT_HEADER_ROW + 1 + i;
        put_text(w, ws, row, COL_ROLE, r->code, NULL);
        put_text(w, ws, row, COL_FUNCTION, isomm_function_name(f, w->lang), w->wrap);
        put_text(w, ws, row, COL_NAME, isomm_role_name(r, w->lang), w->wrap);
        put_text(w, ws, row, COL_DOMAIN, isomm_domain_name(r->domain), NULL);
        put_text(w, ws, row, COL_SUMMARY, isomm_role_summary(r, w->lang), w->wrap);
        put_text(w, ws, row, COL_SOURCING, NULL, w->answer);
        put_text(w, ws, row, COL_LEVEL, NULL, w->answer);
        put_text(w, ws, row, COL_NOTE, NULL, w->answer_wrap);
    }
    list_validation(w, ws, INPUT_HEADER_ROW + 1, last, COL_SOURCING, sourcings, xw(w, ISOMM__XW_SOURCING_PROMPT_TITLE),
                    xw(w, ISOMM__XW_SOURCING_PROMPT));
    list_validation(w, ws, INPUT_HEADER_ROW + 1, last, COL_LEVEL, levels, xw(w, ISOMM__XW_LEVEL_PROMPT_TITLE),
                    xw(w, ISOMM__XW_LEVEL_PROMPT));
    worksheet_freeze_panes(ws, INPUT_HEADER_ROW + 1, COL_FUNCTION);
    protect(w, ws);
}

static void template_scales(writer *w)
{
    lxw_worksheet *ws = add_sheet(w, xw(w, ISOMM__XW_SHEET_SCALES));
    int level;

    if (!ws)
        return;
    check(w, worksheet_set_column(ws, 0, 0, 8, NULL));
    check(w, worksheet_set_column(ws, 1, 2, 60, w->wrap));
    put_text(w, ws, 0, 0, xw(w, ISOMM__XW_SCALES_TITLE), w->title);
    put_text(w, ws, 2, 0, xw(w, ISOMM__XW_LEVEL), w->header);
    put_text(w, ws, 2, 1, xw(w, ISOMM__XW_SCALE_INSOURCE), w->header);
    put_text(w, ws, 2, 2, xw(w, ISOMM__XW_SCALE_OUTSOURCE), w->header);
    for (level = 0; level <= ISOMM_LEVEL_MAX; level++) {
        put_number(w, ws, 3 + level, 0, level, NULL);
        put_text(w, ws, 3 + level, 1, isomm_scale_text(ISOMM_INSOURCE, level, w->lang), w->wrap);
        put_text(w, ws, 3 + level, 2, isomm_scale_text(ISOMM_OUTSOURCE, level, w->lang), w->wrap);
    }
    protect(w, ws);
}

static int fill_template(writer *w, const void *ctx)
{
    const isomm_model *m = ctx;

    template_preparation(w);
    template_input(w, m);
    template_scales(w);
    return ISOMM_OK;
}

int isomm_xlsx_write_template(const char *path, const isomm_xlsx_options *opts, isomm_error *err)
{
    int rc = check_options(opts, err);
    const isomm_model *m = opts && opts->model ? opts->model : isomm_model_default();

    if (rc != ISOMM_OK)
        return rc;
    return write_workbook(path, opts ? opts->lang : ISOMM_LANG_JA, fill_template, m, err);
}

/* ---- the report ---- */

typedef struct report_ctx {
    const isomm_result *const *results;
    size_t count;
    char (*names)[ISOMM__XLSX_SHEET_NAME_SIZE];
} report_ctx;

static int same_name(const char *a, const char *b);

/* A sheet name from an assessment id: characters Excel refuses ([ ] : * ? / \) become '_', at
 * most 25 characters (Excel allows 31; the rest is room for " (2)"), made unique; never empty
 * and never starting or ending with an apostrophe. */
static void sheet_name(char *out, const char *id, char (*taken)[ISOMM__XLSX_SHEET_NAME_SIZE], size_t ntaken,
                       const char *reserved)
{
    size_t len = 0, chars = 0, k;
    int n = 1, clash;

    while (*id && chars < 25) {
        unsigned long cp;
        size_t step = isomm__utf8_next(id, strlen(id), &cp);
        if (len + step + 8 > ISOMM__XLSX_SHEET_NAME_SIZE)
            break;
        if (cp < 0x20 || (cp < 0x80 && strchr("[]:*?/\\", (int)cp) != NULL) || (cp == '\'' && chars == 0)) {
            out[len++] = '_';
        } else if (cp == 0xFFFD && step == 1) {
            out[len++] = '_';
        } else {
            memcpy(out + len, id, step);
            len += step;
        }
        id += step;
        chars++;
    }
    while (len > 0 && out[len - 1] == '\'')
        len--;
    if (len == 0)
        out[len++] = '_';
    out[len] = '\0';
    do {
        char candidate[ISOMM__XLSX_SHEET_NAME_SIZE];
        if (n == 1)
            snprintf(candidate, sizeof candidate, "%s", out);
        else
            snprintf(candidate, sizeof candidate, "%.*s (%d)", (int)len, out, n);
        clash = reserved && same_name(candidate, reserved);
        for (k = 0; k < ntaken && !clash; k++)
            clash = same_name(candidate, taken[k]);
        if (!clash)
            memcpy(out, candidate, strlen(candidate) + 1);
        n++;
    } while (clash);
}

/* A code point with the case of the letters Excel (and openpyxl, with Python's lower()) fold when
 * they compare sheet names: ASCII, Latin-1, Greek, Cyrillic and the fullwidth forms. */
static unsigned long fold(unsigned long cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
        (cp >= 0x410 && cp <= 0x42F))
        return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    if (cp >= 0xFF21 && cp <= 0xFF3A)
        return cp + 0x20;
    return cp;
}

/* Whether two sheet names are the same to Excel. */
static int same_name(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);

    while (na > 0 && nb > 0) {
        unsigned long ca, cb;
        size_t sa = isomm__utf8_next(a, na, &ca), sb = isomm__utf8_next(b, nb, &cb);
        if (fold(ca) != fold(cb))
            return 0;
        a += sa, na -= sa;
        b += sb, nb -= sb;
    }
    return na == 0 && nb == 0;
}

static const char *maybe(const char *s)
{
    return s ? s : "";
}

static void write_meta(writer *w, lxw_worksheet *ws, int row, const isomm_assessment *a, const isomm_result *r)
{
    put_text(w, ws, row, 0, rw(w, ISOMM__W_ASSESSMENT), w->bold);
    put_text(w, ws, row++, 1, isomm_assessment_meta(a, ISOMM_META_ID), NULL);
    put_text(w, ws, row, 0, rw(w, ISOMM__W_ORGANIZATION), w->bold);
    put_text(w, ws, row++, 1, maybe(isomm_assessment_meta(a, ISOMM_META_ORGANIZATION)), NULL);
    put_text(w, ws, row, 0, rw(w, ISOMM__W_ASSESSOR), w->bold);
    put_text(w, ws, row++, 1, maybe(isomm_assessment_meta(a, ISOMM_META_ASSESSOR)), NULL);
    put_text(w, ws, row, 0, rw(w, ISOMM__W_DATE), w->bold);
    put_text(w, ws, row++, 1, maybe(isomm_assessment_meta(a, ISOMM_META_DATE)), NULL);
    put_text(w, ws, row, 0, rw(w, ISOMM__W_CURRENT_PATTERN), w->bold);
    put_text(w, ws, row++, 1, isomm__report_pattern_name(isomm_assessment_pattern(a, 1), w->lang), NULL);
    put_text(w, ws, row, 0, rw(w, ISOMM__W_TARGET_PATTERN), w->bold);
    put_text(w, ws, row, 1, isomm__report_pattern_name(isomm__report_target(r), w->lang), NULL);
}

static void role_line(writer *w, lxw_worksheet *ws, int row, const isomm_model *m, const isomm_result *r, int role)
{
    const isomm_role_info *ri = isomm_model_role(m, role);
    const isomm_role_result *rr = isomm_result_role(r, role);

    put_text(w, ws, row, 0, ri->code, NULL);
    put_text(w, ws, row, 1, isomm_role_name(ri, w->lang), NULL);
    put_text(w, ws, row, 2, isomm_sourcing_name(rr->sourcing, w->lang), NULL);
    if (rr->level != ISOMM_UNANSWERED)
        put_number(w, ws, row, 3, rr->level, NULL);
}

/* One sheet per result. Returns the sheet's first free row. */
static void report_sheet(writer *w, const char *name, const isomm_result *r)
{
    const isomm_assessment *a = isomm_result_assessment(r);
    const isomm_model *m = isomm_result_model(r);
    lxw_worksheet *ws = add_sheet(w, name);
    lxw_chart *radar, *bars;
    lxw_chart_series *s;
    int row, i, k, functions_row, answers_row, mismatches, current_mismatches;
    double overall;
    isomm_pattern fit;

    if (!ws)
        return;
    check(w, worksheet_set_column(ws, 0, 0, 16, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 34, NULL));
    check(w, worksheet_set_column(ws, 2, 4, 12, NULL));
    check(w, worksheet_set_column(ws, 5, 5, 60, w->wrap));
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    put_text(w, ws, 0, 0, rw(w, ISOMM__W_TITLE), w->title);
    write_meta(w, ws, 2, a, r);

    /* function maturities: the radar chart's data */
    row = 9;
    put_text(w, ws, row, 0, rw(w, ISOMM__W_FUNCTION), w->header);
    put_text(w, ws, row, 1, rw(w, ISOMM__W_MATURITY), w->header);
    put_text(w, ws, row, 2, rw(w, ISOMM__W_MATURITY_COLUMN), w->header);
    put_text(w, ws, row, 3, xw(w, ISOMM__XW_REPORT_RATED), w->header);
    put_text(w, ws, row, 4, xw(w, ISOMM__XW_REPORT_EXCLUDED), w->header);
    functions_row = ++row;
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++, row++) {
        const isomm_function_info *fi = isomm_model_function(m, i);
        const isomm_function_result *fr = isomm_result_function(r, i);
        put_text(w, ws, row, 0, fi->code, NULL);
        put_text(w, ws, row, 1, isomm_function_name(fi, w->lang), NULL);
        if (fr->has_maturity)
            put_number(w, ws, row, 2, fr->maturity, w->one_decimal);
        else
            put_text(w, ws, row, 5, rw(w, ISOMM__W_NO_MATURITY), NULL);
        put_number(w, ws, row, 3, fr->rated_roles, NULL);
        put_number(w, ws, row, 4, fr->excluded_roles, NULL);
    }
    put_text(w, ws, row, 1, rw(w, ISOMM__W_OVERALL), w->bold);
    if (isomm_result_overall(r, &overall) == 1)
        put_number(w, ws, row, 2, overall, w->one_decimal);
    row += 2;

    radar = workbook_add_chart(w->wb, LXW_CHART_RADAR_FILLED);
    if (!radar) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    s = chart_add_series(radar, NULL, NULL);
    if (!s) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    chart_series_set_categories(s, name, (lxw_row_t)functions_row, 0, (lxw_row_t)(functions_row + 8), 0);
    chart_series_set_values(s, name, (lxw_row_t)functions_row, 2, (lxw_row_t)(functions_row + 8), 2);
    chart_series_set_name(s, rw(w, ISOMM__W_MATURITY_COLUMN));
    chart_title_set_name(radar, rw(w, ISOMM__W_RADAR_TITLE));
    chart_axis_set_min(radar->y_axis, 0);
    chart_axis_set_max(radar->y_axis, 5);
    chart_axis_set_major_unit(radar->y_axis, 1);
    chart_legend_set_position(radar, LXW_CHART_LEGEND_NONE);
    check(w, worksheet_insert_chart(ws, 1, 7, radar));

    /* strengths and weaknesses with their comments */
    for (k = 1; k >= 0; k--) {
        int n = isomm_result_highlight_count(r, k);
        put_text(w, ws, row, 0, rw(w, k ? ISOMM__W_STRENGTHS : ISOMM__W_WEAKNESSES), w->header);
        put_text(w, ws, row, 1, rw(w, ISOMM__W_FUNCTION), w->header);
        put_text(w, ws, row, 2, rw(w, ISOMM__W_MATURITY_COLUMN), w->header);
        put_text(w, ws, row, 5, xw(w, ISOMM__XW_REPORT_COMMENT), w->header);
        row++;
        if (n == 0)
            put_text(w, ws, row++, 1, rw(w, ISOMM__W_NONE), NULL);
        for (i = 0; i < n; i++, row++) {
            int f = isomm_result_highlight(r, k, i);
            const isomm_function_info *fi = isomm_model_function(m, f);
            put_text(w, ws, row, 0, fi->code, NULL);
            put_text(w, ws, row, 1, isomm_function_name(fi, w->lang), NULL);
            put_number(w, ws, row, 2, isomm_result_function(r, f)->maturity, w->one_decimal);
            put_text(w, ws, row, 5, isomm_result_highlight_comment(r, k, i, w->lang), w->wrap);
            check(w, worksheet_set_row(ws, (lxw_row_t)row, 48, NULL)); /* room for the wrapped comment */
        }
        row++;
    }

    /* the four lists */
    put_text(w, ws, row, 0, rw(w, ISOMM__W_RECOMMENDATIONS), w->bold);
    put_text(w, ws, row, 1, rw(w, ISOMM__W_AGAINST), NULL);
    put_text(w, ws, row++, 2, isomm__report_pattern_name(isomm_result_list_pattern(r), w->lang), NULL);
    for (k = 0; k < ISOMM_LIST_COUNT; k++) {
        int n = isomm_result_list_count(r, (isomm_list)k);
        put_text(w, ws, row++, 0, isomm_list_title((isomm_list)k, w->lang), w->bold);
        put_text(w, ws, row, 0, rw(w, ISOMM__W_ROLE), w->header);
        put_text(w, ws, row, 1, xw(w, ISOMM__XW_NAME), w->header);
        put_text(w, ws, row, 2, rw(w, ISOMM__W_SOURCING), w->header);
        put_text(w, ws, row, 3, rw(w, ISOMM__W_LEVEL_COLUMN), w->header);
        put_text(w, ws, row, 4, xw(w, ISOMM__XW_REPORT_NEXT_LEVEL), w->header);
        put_text(w, ws, row, 5, xw(w, ISOMM__XW_REPORT_NEXT_STEP), w->header);
        row++;
        if (n == 0)
            put_text(w, ws, row++, 1, rw(w, ISOMM__W_NONE), NULL);
        for (i = 0; i < n; i++, row++) {
            int role = isomm_result_list_role(r, (isomm_list)k, i);
            const isomm_role_result *rr = isomm_result_role(r, role);
            role_line(w, ws, row, m, r, role);
            if (rr->next_level > 0)
                put_number(w, ws, row, 4, rr->next_level, NULL);
            put_text(w, ws, row, 5, isomm_result_next_step(r, role, w->lang), w->wrap);
        }
    }
    row++;

    /* pattern fit, unanswered roles, warnings */
    fit = isomm_result_pattern_fit(r, &mismatches, &current_mismatches);
    put_text(w, ws, row, 0, rw(w, ISOMM__W_PATTERN_FIT), w->header);
    put_text(w, ws, row, 1, rw(w, ISOMM__W_FIT_SENTENCE), w->header);
    put_text(w, ws, row, 2, xw(w, ISOMM__XW_REPORT_MISMATCHES), w->header);
    put_text(w, ws, row, 3, xw(w, ISOMM__XW_REPORT_CURRENT_MISMATCHES), w->header);
    row++;
    put_text(w, ws, row, 1, isomm__report_pattern_name(fit, w->lang), NULL);
    if (fit != ISOMM_PATTERN_NONE)
        put_number(w, ws, row, 2, mismatches, NULL);
    if (current_mismatches >= 0)
        put_number(w, ws, row, 3, current_mismatches, NULL);
    row += 2;
    put_text(w, ws, row, 0, rw(w, ISOMM__W_UNANSWERED), w->bold);
    put_number(w, ws, row, 1, isomm_result_unanswered_count(r), NULL);
    for (i = 0, k = 2; i < isomm_result_unanswered_count(r); i++)
        put_text(w, ws, row + i / 8, k + i % 8, isomm_model_role(m, isomm_result_unanswered(r, i))->code, NULL);
    row += 1 + (isomm_result_unanswered_count(r) + 7) / 8;
    for (i = 0; i < isomm_result_warning_count(r); i++) {
        put_text(w, ws, row, 0, i == 0 ? rw(w, ISOMM__W_WARNINGS) : NULL, w->bold);
        put_text(w, ws, row++, 1,
                 isomm_warning_text((isomm_warning)isomm_result_warning(r, i), w->lang), NULL);
    }
    row++;

    /* the answers, with the role bar chart's data (one column per sourcing) */
    put_text(w, ws, row++, 0, xw(w, ISOMM__XW_REPORT_ANSWERS), w->bold);
    put_text(w, ws, row, 0, rw(w, ISOMM__W_ROLE), w->header);
    put_text(w, ws, row, 1, xw(w, ISOMM__XW_NAME), w->header);
    put_text(w, ws, row, 2, rw(w, ISOMM__W_SOURCING), w->header);
    put_text(w, ws, row, 3, rw(w, ISOMM__W_LEVEL_COLUMN), w->header);
    put_text(w, ws, row, 4, rw(w, ISOMM__W_EXPECTED), w->header);
    put_text(w, ws, row, 5, rw(w, ISOMM__W_NOTE), w->header);
    put_text(w, ws, row, 6, rw(w, ISOMM__W_INSOURCE), w->header);
    put_text(w, ws, row, 7, rw(w, ISOMM__W_OUTSOURCE), w->header);
    answers_row = ++row;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++, row++) {
        const isomm_role_result *rr = isomm_result_role(r, i);
        isomm_answer ans;
        role_line(w, ws, row, m, r, i);
        put_text(w, ws, row, 4, isomm_sourcing_name(rr->expected, w->lang), NULL);
        if (isomm_assessment_get_index(a, i, &ans, NULL) == ISOMM_OK)
            put_text(w, ws, row, 5, ans.note, w->wrap);
        if (rr->level != ISOMM_UNANSWERED)
            put_number(w, ws, row, rr->sourcing == ISOMM_INSOURCE ? 6 : 7, rr->level, NULL);
    }

    bars = workbook_add_chart(w->wb, LXW_CHART_COLUMN);
    if (!bars) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (k = 0; k < 2; k++) {
        s = chart_add_series(bars, NULL, NULL);
        if (!s) {
            check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        chart_series_set_categories(s, name, (lxw_row_t)answers_row, 0, (lxw_row_t)(row - 1), 0);
        chart_series_set_values(s, name, (lxw_row_t)answers_row, (lxw_col_t)(6 + k), (lxw_row_t)(row - 1),
                                (lxw_col_t)(6 + k));
        chart_series_set_name(s, rw(w, k == 0 ? ISOMM__W_INSOURCE : ISOMM__W_OUTSOURCE));
        {
            /* the colours of the HTML report's role chart */
            lxw_chart_fill fill;
            memset(&fill, 0, sizeof fill);
            fill.color = k == 0 ? 0x1F5FA8 : 0xE8590C;
            chart_series_set_fill(s, &fill);
        }
    }
    chart_set_series_overlap(bars, 100);
    chart_set_series_gap(bars, 40);
    chart_title_set_name(bars, rw(w, ISOMM__W_ROLE_CHART_TITLE));
    chart_axis_set_min(bars->y_axis, 0);
    chart_axis_set_max(bars->y_axis, 5);
    chart_axis_set_major_unit(bars->y_axis, 1);
    chart_legend_set_position(bars, LXW_CHART_LEGEND_BOTTOM);
    {
        lxw_chart_options co;
        memset(&co, 0, sizeof co);
        co.x_scale = 2.2;
        co.y_scale = 1.2;
        check(w, worksheet_insert_chart_opt(ws, (lxw_row_t)(answers_row - 1), 9, bars, &co));
    }
}

static void report_overview(writer *w, const report_ctx *c, const char *name)
{
    lxw_worksheet *ws = add_sheet(w, name);
    lxw_chart *radar;
    size_t i;
    int f;

    if (!ws)
        return;
    check(w, worksheet_set_column(ws, 0, 3, 18, NULL));
    put_text(w, ws, 0, 0, rw(w, ISOMM__W_TITLE), w->title);
    put_text(w, ws, 2, 0, rw(w, ISOMM__W_ASSESSMENT), w->header);
    put_text(w, ws, 2, 1, rw(w, ISOMM__W_ORGANIZATION), w->header);
    put_text(w, ws, 2, 2, rw(w, ISOMM__W_ASSESSOR), w->header);
    put_text(w, ws, 2, 3, rw(w, ISOMM__W_DATE), w->header);
    put_text(w, ws, 2, 4, rw(w, ISOMM__W_OVERALL), w->header);
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        put_text(w, ws, 2, 5 + f, isomm_model_function(isomm_result_model(c->results[0]), f)->code, w->header);
    radar = workbook_add_chart(w->wb, LXW_CHART_RADAR);
    if (!radar) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (i = 0; i < c->count; i++) {
        const isomm_result *r = c->results[i];
        const isomm_assessment *a = isomm_result_assessment(r);
        int row = 3 + (int)i;
        double overall;
        lxw_chart_series *s;
        put_text(w, ws, row, 0, isomm_assessment_meta(a, ISOMM_META_ID), NULL);
        put_text(w, ws, row, 1, maybe(isomm_assessment_meta(a, ISOMM_META_ORGANIZATION)), NULL);
        put_text(w, ws, row, 2, maybe(isomm_assessment_meta(a, ISOMM_META_ASSESSOR)), NULL);
        put_text(w, ws, row, 3, maybe(isomm_assessment_meta(a, ISOMM_META_DATE)), NULL);
        if (isomm_result_overall(r, &overall) == 1)
            put_number(w, ws, row, 4, overall, w->one_decimal);
        for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
            const isomm_function_result *fr = isomm_result_function(r, f);
            if (fr->has_maturity)
                put_number(w, ws, row, 5 + f, fr->maturity, w->one_decimal);
        }
        if (!(s = chart_add_series(radar, NULL, NULL))) {
            check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        chart_series_set_categories(s, name, 2, 5, 2, 5 + ISOMM_FUNCTION_COUNT - 1);
        chart_series_set_values(s, name, (lxw_row_t)row, 5, (lxw_row_t)row, 5 + ISOMM_FUNCTION_COUNT - 1);
        chart_series_set_name_range(s, name, (lxw_row_t)row, 0);
    }
    chart_title_set_name(radar, rw(w, ISOMM__W_RADAR_TITLE));
    chart_axis_set_min(radar->y_axis, 0);
    chart_axis_set_max(radar->y_axis, 5);
    chart_axis_set_major_unit(radar->y_axis, 1);
    check(w, worksheet_insert_chart(ws, (lxw_row_t)(4 + c->count), 0, radar));
}

static int fill_report(writer *w, const void *ctx)
{
    const report_ctx *c = ctx;
    const char *overview = xw(w, ISOMM__XW_REPORT_OVERVIEW);
    size_t i;

    for (i = 0; i < c->count; i++)
        sheet_name(c->names[i], isomm_assessment_meta(isomm_result_assessment(c->results[i]), ISOMM_META_ID),
                   c->names, i, c->count > 1 ? overview : NULL);
    if (c->count > 1)
        report_overview(w, c, overview);
    for (i = 0; i < c->count && w->failed == LXW_NO_ERROR; i++)
        report_sheet(w, c->names[i], c->results[i]);
    return ISOMM_OK;
}

int isomm_xlsx_write_report(const char *path, const isomm_result *const *results, size_t count,
                            const isomm_xlsx_options *opts, isomm_error *err)
{
    report_ctx c;
    size_t i;
    int rc = check_options(opts, err);

    if (rc != ISOMM_OK)
        return rc;
    if (!results || count == 0)
        return isomm__fail(err, ISOMM_EINVAL, "no results to write");
    for (i = 0; i < count; i++)
        if (!results[i])
            return isomm__fail(err, ISOMM_EINVAL, "result %zu is NULL", i);
    c.results = results;
    c.count = count;
    c.names = malloc(count * sizeof *c.names);
    if (!c.names)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory");
    rc = write_workbook(path, opts ? opts->lang : ISOMM_LANG_JA, fill_report, &c, err);
    free(c.names);
    return rc;
}
