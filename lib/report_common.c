/* SPDX-License-Identifier: MIT */
/* What every report writer shares: the fixed words in both languages, pattern names, number
 * and Markdown helpers, and the frame and style of every HTML page. Depends on nothing above it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "numfmt.h"
#include "report_internal.h"

const char isomm__report_spaces[65] = "                                                                ";

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
    [ISOMM__W_ACTION_PLAN] = { "アクションプラン", "Action plan" },
    [ISOMM__W_ACTION_PLAN_NOTE] = { "推奨リストの役割を先に、その他の役割をカタログ順に、次の段階とともに示します。",
                                    "The roles of the recommendation lists first, then the others in catalogue order, "
                                    "each with its next step." },
    [ISOMM__W_NEXT] = { "次", "next" },
    [ISOMM__W_NEXT_STEP] = { "次の段階", "Next step" },
    [ISOMM__W_CODE] = { "コード", "Code" },
    [ISOMM__W_BAR] = { "グラフ", "Bar" },
    [ISOMM__W_UNANSWERED_WORD] = { "未回答", "unanswered" },
    [ISOMM__W_NO_FIT] = { "レベル1以上で回答された役割がないため、適合するパターンはありません。",
                          "No role is answered at level 1 or more, so no pattern can be fitted." },
    [ISOMM__W_NO_CONTRAST] = { "なし（すべての機能の成熟度が同じ）", "none (every function has the same maturity)" },
    [ISOMM__W_MISMATCHES] = { "不一致", "mismatches" },
    [ISOMM__W_SCALE_KEY] = { "レベルの目安（0〜5）", "What the levels mean (0-5)" },
    /* one line under each list title, in the sense of the sheet's result page */
    [ISOMM__W_CAPTION_STRENGTHEN_INSOURCE] = { "自組織での能力をより高めるべきもの",
                                               "Build up further in house" },
    [ISOMM__W_CAPTION_STRENGTHEN_OUTSOURCE] = { "委託先と協力して能力をより高めるべきもの",
                                                "Build up further together with the provider" },
    [ISOMM__W_CAPTION_SWITCH_TO_INSOURCE] = { "自組織での実施を検討すべきもの",
                                              "Consider bringing in house" },
    [ISOMM__W_CAPTION_SWITCH_TO_OUTSOURCE] = { "外部への委託を検討すべきもの", "Consider outsourcing" },
    [ISOMM__W_ATTRIBUTION] = {
        "役割・機能・パターン・尺度の出典: ISOG-J（日本セキュリティオペレーション事業者協議会）"
        "「SOC/CSIRT 成熟度モデル（ISOMM）v2.1」、CC BY 4.0（creativecommons.org/licenses/by/4.0）。"
        "libisomm がデータ化して利用しています。ISOG-J がこのレポートを保証するものではありません。",
        "Roles, functions, patterns and scales: ISOMM v2.1, the SOC/CSIRT maturity model by ISOG-J (Information "
        "Security Operation providers Group Japan), CC BY 4.0 (creativecommons.org/licenses/by/4.0); turned into "
        "data and translated by libisomm. ISOG-J does not endorse this report." },
    [ISOMM__W_SUMMARY] = { "評価の一覧", "All assessments" },
    [ISOMM__W_ROLE_TABLE] = { "アクションプランと全役割", "Action plan and all roles" },
    [ISOMM__W_ROLE_TABLE_NOTE] = { "次のレベルに上がるために必要なこと。推奨リストの役割が先、次にその他の役割、"
                                    "最後に次のステップのない役割（レベル5・レベル0）。",
                                    "What each role needs to reach its next level: the roles of the lists first, then "
                                    "the others, last the roles without a next step (level 5 or 0)." },
    [ISOMM__W_COLON] = { "：", ": " },
    [ISOMM__W_STATUS] = { "状態", "Status" },
    [ISOMM__W_ROLE_STATUSES] = { "役割の変化（54 役割）", "Roles by status (54 roles)" },
};

int isomm__report_check_version(const isomm_report_options *opts, isomm_error *err)
{
    if (opts->version != 1 && opts->version != ISOMM_REPORT_OPTIONS_VERSION)
        return isomm__fail(err, ISOMM_EOPTIONS, "report options version %u is not supported (expected 1 or %d)",
                           opts->version, ISOMM_REPORT_OPTIONS_VERSION);
    if (opts->version >= 2 && opts->width < 0)
        return isomm__fail(err, ISOMM_EOPTIONS, "report width %d is negative (expected columns, or 0 for %d)",
                           opts->width, ISOMM_REPORT_DEFAULT_WIDTH);
    return ISOMM_OK;
}

size_t isomm__report_width(const isomm_report_options *opts)
{
    if (opts->version < 2 || opts->width == 0) /* a version 1 struct has no width field: never read it */
        return ISOMM_REPORT_DEFAULT_WIDTH;
    return opts->width < ISOMM_REPORT_MIN_WIDTH ? ISOMM_REPORT_MIN_WIDTH : (size_t)opts->width;
}

void isomm__report_pad_long(isomm_buf *b, size_t n)
{
    while (n > sizeof isomm__report_spaces - 1) {
        isomm__buf_append(b, isomm__report_spaces, sizeof isomm__report_spaces - 1);
        n -= sizeof isomm__report_spaces - 1;
    }
    isomm__buf_append(b, isomm__report_spaces, n);
}

/* Append one escape "\xNN" for a byte value. */
static void escape_byte(isomm_buf *b, unsigned long v)
{
    static const char hex[] = "0123456789abcdef";
    char e[4] = { '\\', 'x', hex[(v >> 4) & 15], hex[v & 15] };
    isomm__buf_append(b, e, 4);
}

/* Whether s can go to a terminal as it is: no byte isomm__report_term_text() would escape.
 * Most text can, and then needs no copy. */
static int term_clean(const char *s, size_t *len)
{
    size_t n = strlen(s), i = 0;

    *len = n;
    while (i < n) {
        unsigned char c;
        unsigned long cp;
        size_t step;
        if (isomm__utf8_printable8(s + i, n - i)) {
            i += 8;
            continue;
        }
        c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c < 0x20 ? c != '\n' : c == 0x7F)
                return 0;
            i++;
            continue;
        }
        step = isomm__utf8_next(s + i, n - i, &cp);
        if ((cp == 0xFFFD && step == 1) || (cp >= 0x80 && cp <= 0x9F))
            return 0;
        i += step;
    }
    return 1;
}

void isomm__report_term_text(isomm_buf *b, const char *s)
{
    size_t n = strlen(s), i = 0;

    while (i < n) {
        unsigned long cp;
        size_t step, run = i;
        /* printable ASCII goes out as it is, a run at a time */
        while (isomm__utf8_printable8(s + run, n - run))
            run += 8;
        while (run < n && (unsigned char)(s[run] - 0x20) < 0x5F)
            run++;
        if (run > i) {
            isomm__buf_append(b, s + i, run - i);
            i = run;
            continue;
        }
        step = isomm__utf8_next(s + i, n - i, &cp);
        if (cp == 0xFFFD && step == 1 && (unsigned char)s[i] >= 0x80)
            escape_byte(b, (unsigned char)s[i]); /* not UTF-8: show the byte */
        else if ((cp < 0x20 && cp != '\n') || cp == 0x7F)
            escape_byte(b, cp);
        else if (cp >= 0x80 && cp <= 0x9F) /* C1: as the messages show it (isomm__escape_controls) */
            isomm__buf_printf(b, "\\u%04lx", cp);
        else
            isomm__buf_append(b, s + i, step);
        i += step;
    }
}

void isomm__report_flow(isomm_buf *b, size_t width, size_t used, size_t indent, const char *text)
{
    isomm_buf clean = ISOMM_BUF_INIT;
    const char *s = text;
    size_t n, at = 0, next, len, room;

    if (!term_clean(text, &n)) {
        isomm__report_term_text(&clean, text);
        s = clean.data ? clean.data : "";
        n = clean.failed ? 0 : clean.len;
    }
    if (indent + 10 > width)
        indent = width > 10 ? width - 10 : 0;
    if (n == 0)
        isomm__buf_putc(b, '\n');
    while (at < n) {
        if (at > 0)
            isomm__report_pad(b, indent);
        else if (used + 10 > width && used > indent) { /* no room left on the first line */
            isomm__buf_putc(b, '\n');
            isomm__report_pad(b, indent);
            used = indent;
        }
        room = width - (at > 0 ? indent : used);
        len = isomm__utf8_wrap_line(s + at, n - at, room, &next);
        while (len > 0 && s[at + len - 1] == ' ' && next < n - at) /* no trailing blank where a line breaks */
            len--;
        isomm__buf_append(b, s + at, len);
        isomm__buf_putc(b, '\n');
        at += next;
        while (at < n && s[at] == ' ' && s[at - 1] != '\n') /* a wrapped line starts at its text */
            at++;
    }
    if (clean.failed)
        b->failed = 1;
    isomm__buf_free(&clean);
}

/* ---- what a text document remembers across its reports --------------------------------------- */

#define MEMO_SLOTS 4096u           /* a power of two; at most half of them in use */
#define MEMO_MAX_TEXT 1024u        /* longer texts are flowed each time */
#define MEMO_MAX_BYTES (1u << 20)  /* texts and flowed lines kept, at most */

typedef struct memo_entry {
    uint64_t hash; /* 0: an empty slot */
    uint64_t layout;
    uint32_t text_at, text_len, out_at, out_len;
} memo_entry;

struct isomm__report_memo {
    memo_entry slot[MEMO_SLOTS];
    size_t entries;
    isomm_buf bytes; /* each entry's text, then its flowed lines */
};

isomm__report_memo *isomm__report_memo_new(void)
{
    return calloc(1, sizeof(isomm__report_memo));
}

void isomm__report_memo_free(isomm__report_memo *m)
{
    if (!m)
        return;
    isomm__buf_free(&m->bytes);
    free(m);
}

/* Forget everything (the memo is full). */
static void memo_reset(isomm__report_memo *m)
{
    memset(m->slot, 0, sizeof m->slot);
    m->entries = 0;
    m->bytes.len = 0;
    m->bytes.failed = 0;
}

/* A hash of the text and its layout, never 0: of its length, its first 16 and its last 16
 * bytes (a hit compares the whole text anyway; texts that differ only in their middle merely
 * share a probe sequence). */
static uint64_t memo_hash(const char *s, size_t n, uint32_t layout)
{
    const uint64_t k = 0xff51afd7ed558ccdull;
    uint64_t h = 0x9e3779b97f4a7c15ull ^ ((uint64_t)layout << 32) ^ n, w[4] = { 0, 0, 0, 0 };
    int i;

    if (n >= 16) {
        memcpy(w, s, 16);
        memcpy(w + 2, s + n - 16, 16);
    } else {
        memcpy(w, s, n);
    }
    for (i = 0; i < 4; i++) {
        h = (h ^ w[i]) * k;
        h ^= h >> 29;
    }
    h ^= h >> 32;
    return h ? h : 1;
}

int isomm__memo_find(isomm__report_memo *m, const char *text, size_t n, uint64_t layout, isomm__memo_probe *p,
                     const char **out, size_t *len)
{
    uint64_t h;
    size_t i;
    const memo_entry *e;

    p->hash = 0;
    if (!m || n > MEMO_MAX_TEXT)
        return 0;
    h = memo_hash(text, n, layout);
    for (i = h & (MEMO_SLOTS - 1); (e = &m->slot[i])->hash; i = (i + 1) & (MEMO_SLOTS - 1)) {
        if (e->hash == h && e->layout == layout && e->text_len == n && memcmp(m->bytes.data + e->text_at, text, n) == 0) {
            *out = m->bytes.data + e->out_at;
            *len = e->out_len;
            return 1;
        }
    }
    p->hash = h;
    return 0;
}

void isomm__memo_keep(isomm__report_memo *m, const isomm__memo_probe *p, const char *text, size_t n, uint64_t layout,
                      const char *out, size_t len)
{
    size_t i;
    memo_entry *e;

    if (!m || !p->hash)
        return;
    if (m->entries >= MEMO_SLOTS / 2 || m->bytes.len + n + len + 2 > MEMO_MAX_BYTES)
        memo_reset(m);
    /* the first free slot from the hash on: what was kept since the probe (the flows inside a
     * remembered row) may have taken or emptied the one the probe found */
    for (i = p->hash & (MEMO_SLOTS - 1); m->slot[i].hash; i = (i + 1) & (MEMO_SLOTS - 1))
        ;
    e = &m->slot[i];
    e->text_at = (uint32_t)m->bytes.len;
    e->text_len = (uint32_t)n;
    isomm__buf_append(&m->bytes, text, n);
    e->out_at = (uint32_t)m->bytes.len;
    e->out_len = (uint32_t)len;
    isomm__buf_append(&m->bytes, out, len);
    if (m->bytes.failed) { /* out of memory: the reports go on without remembering */
        memo_reset(m);
        return;
    }
    e->layout = layout;
    e->hash = p->hash;
    m->entries++;
}

void isomm__report_flow_memo(isomm_buf *b, isomm__report_memo *m, size_t width, size_t used, size_t indent,
                             const char *text, size_t n)
{
    isomm__memo_probe p;
    const char *out;
    size_t len, start;
    uint64_t layout = (uint64_t)width << 40 | (uint64_t)used << 20 | (uint64_t)indent;

    if (width >> 20 || used >> 20 || indent >> 20) { /* beyond any terminal: not worth a key */
        isomm__report_flow(b, width, used, indent, text);
        return;
    }
    if (isomm__memo_find(m, text, n, layout, &p, &out, &len)) {
        isomm__buf_append(b, out, len);
        return;
    }
    start = b->len;
    isomm__report_flow(b, width, used, indent, text);
    if (!b->failed)
        isomm__memo_keep(m, &p, text, n, layout, b->data + start, b->len - start);
}

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
        isomm__buf_fixed(b, value, 1);
    else
        isomm__buf_putc(b, '-');
}

/* v as the reports show it (one decimal, numfmt.h), in tenths. */
static long shown_tenths(double v)
{
    char text[ISOMM__DOUBLE_CHARS];
    size_t n = isomm__fmt_fixed(text, v, 1), i;
    long tenths = 0;

    for (i = 0; i < n; i++)
        if (text[i] >= '0' && text[i] <= '9')
            tenths = tenths * 10 + (text[i] - '0');
    return n && text[0] == '-' ? -tenths : tenths;
}

long isomm__report_shown_change(double old_value, double new_value)
{
    return shown_tenths(new_value) - shown_tenths(old_value);
}

void isomm__report_tenths(isomm_buf *b, long tenths, int plus)
{
    unsigned long u = tenths < 0 ? 0ul - (unsigned long)tenths : (unsigned long)tenths;

    if (tenths < 0)
        isomm__buf_putc(b, '-');
    else if (plus)
        isomm__buf_putc(b, '+');
    isomm__buf_int(b, (long long)(u / 10));
    isomm__buf_putc(b, '.');
    isomm__buf_putc(b, (char)('0' + u % 10));
}

void isomm__report_change(isomm_buf *b, double old_value, double new_value)
{
    isomm__report_tenths(b, isomm__report_shown_change(old_value, new_value), 1);
}

void isomm__report_md_text(isomm_buf *b, const char *s)
{
    isomm_buf clean = ISOMM_BUF_INIT;
    const char *p = s;
    size_t n;

    if (!term_clean(s, &n)) {
        isomm__report_term_text(&clean, s);
        p = clean.failed || !clean.data ? "" : clean.data;
    }
    for (; *p; p++) {
        if (strchr("\\`*_[]<>|#", *p))
            isomm__buf_putc(b, '\\');
        isomm__buf_putc(b, *p == '\n' ? ' ' : *p);
    }
    if (clean.failed)
        b->failed = 1;
    isomm__buf_free(&clean);
}

/* The style of every page. Colours reach WCAG AA on their backgrounds (text 4.5:1). Japanese
 * text breaks between phrases and at punctuation only (keep-all), never inside a word unless the
 * word alone is wider than its box; short cells never wrap. Print: A4 with margins, a section per
 * page, no heading left at the foot of a page, no table, card or chart split where it fits on
 * one page, and colours printed even without background graphics. */
static const char *const style[] = {
    "@page{size:A4;margin:14mm 13mm 15mm}\n",
    "*{box-sizing:border-box}\n",
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n",
    "body{margin:0;background:#f1f3f5;color:#212529;font-family:'Noto Sans CJK JP','Noto Sans JP','Hiragino Sans',"
    "'Yu Gothic','Meiryo',system-ui,sans-serif;line-height:1.5;line-break:strict;overflow-wrap:anywhere}\n",
    ":lang(ja) body{word-break:keep-all}:lang(ja) .prose,:lang(ja) .warning,:lang(ja) .note{word-break:normal}\n",
    "main{max-width:1080px;margin:0 auto;padding:24px}\n",
    "section.assessment,section.overview{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.12);"
    "padding:24px 32px;margin-bottom:28px}\n",
    "h1{font-size:1.6em;margin:0 0 12px;line-height:1.3}h2{font-size:1.2em;margin:28px 0 10px;border-bottom:2px solid #dee2e6;"
    "padding-bottom:4px;line-height:1.3}h3{font-size:1em;margin:0 0 6px}\n",
    ".head{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;flex-wrap:wrap}\n",
    "dl.meta{display:grid;grid-template-columns:auto 1fr;gap:2px 16px;margin:0}dl.meta dt{color:#5c636a;white-space:nowrap}"
    "dl.meta dd{margin:0}\n",
    ".overall{text-align:center;background:#e7f0fa;border-radius:10px;padding:12px 24px}"
    ".overall .value{font-size:2.6em;font-weight:bold;color:#1f5fa8;line-height:1.1;white-space:nowrap}"
    ".overall .value span{font-size:.4em}.overall .label{color:#495057;white-space:nowrap}\n",
    "svg{max-width:100%;height:auto;display:block;margin:8px auto}\n",
    "svg.meter{display:inline-block;margin:0;vertical-align:middle;width:200px}\n",
    "svg.legend{margin:4px 0 8px}.roles svg.isomm-roles{margin:0 auto 4px}\n",
    "table{border-collapse:collapse;width:100%;overflow-wrap:break-word}td,th{padding:5px 8px;border-bottom:1px solid #e9ecef;"
    "text-align:left;vertical-align:top}th{color:#495057;font-weight:600;white-space:nowrap}\n",
    "td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n",
    "td.code,td.id{font-weight:bold;white-space:nowrap}td.nowrap{white-space:nowrap}\n",
    ".grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:0 16px}\n",
    ".grid4{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}\n",
    "@media screen and (max-width:1000px){table{display:block;overflow-x:auto}}\n"
    "@media screen and (max-width:640px){.grid4{grid-template-columns:1fr}main{padding:8px}"
    "section.assessment,section.overview{padding:16px}}\n",
    ".card{border:1px solid #dee2e6;border-radius:8px;padding:12px 16px;margin-bottom:12px}"
    ".card.strength{border-left:6px solid #237032}.card.weakness{border-left:6px solid #c92a2a}.card p{margin:4px 0 0}\n",
    ".grid4 .card{margin-bottom:0}.card ul{margin:0;padding-left:1.2em}.card li{margin:2px 0}\n",
    "p.caption{margin:-2px 0 8px;color:#5c636a;font-size:.92em}\n",
    ".step{display:block;color:#495057;font-size:.92em}.step b{color:#212529;white-space:nowrap}\n",
    ".muted{color:#5c636a}.in{color:#1f5fa8}.out{color:#b84a00}.in,.out{white-space:nowrap}\n",
    ".warning{background:#fff4e6;border-left:6px solid #c25e00;padding:8px 12px;margin:6px 0;border-radius:4px}\n",
    ".note{white-space:pre-line;overflow-wrap:anywhere}\n",
    ".scale td{font-size:.92em}\n",
    "ul.statuses{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:0}ul.statuses li{border:1px solid #dee2e6;"
    "border-radius:6px;padding:4px 12px;white-space:nowrap}ul.statuses b{font-size:1.3em;margin-right:4px}\n"
    "table.sides{width:auto}table.sides th{text-align:left}\n",
    "@media print{table.plan{table-layout:fixed}table.plan th:nth-child(1){width:7%}"
    "table.plan th:nth-child(2){width:22%}table.plan th:nth-child(3),table.plan th:nth-child(4){width:11%}"
    "table.plan th:nth-child(5){width:8%}table.plan th:nth-child(6){width:29%}table.plan th:nth-child(7){width:12%}}\n",
    "footer{text-align:center;color:#495057;font-size:.85em;padding:0 24px}"
    "footer p{margin:2px 0}\n",
    "@media print{body{background:#fff;font-size:9pt}main{max-width:none;padding:0}"
    "section.assessment,section.overview{box-shadow:none;border-radius:0;padding:0;margin:0;break-after:page}"
    "main>section:last-of-type{break-after:auto}\n",
    "h1,h2,h3{break-after:avoid;break-inside:avoid}table,.card,svg,dl,.head,.keep,p.caption{break-inside:avoid}"
    "table.long{break-inside:auto}tr{break-inside:avoid}thead{display:table-header-group}\n",
    "h2{margin:12px 0 6px}.chart svg{width:150mm;margin:0 auto}.roles svg.isomm-roles{width:172mm}.card{padding:8px 12px;margin-bottom:8px}.grid4{gap:8px}"
    ".grid2,.grid4{grid-template-columns:1fr 1fr}svg.meter{width:120px}"
    "td,th{padding:3px 6px}table.plan,table.stats{font-size:8.5pt}table.plan td,table.plan th,table.stats td,table.stats th{padding:2px 4px}table.stats{font-size:8pt}footer{padding:3mm 0 0;break-before:avoid;break-inside:avoid;font-size:7.5pt}\n",
    "section.brief .detail,section.brief .chart,section.brief .step,section.brief .card p.prose{display:none}"
    "section.brief{font-size:8.5pt}section.brief td,section.brief th{padding:1px 6px}section.brief h2{margin:8px 0 4px}}\n",
};

void isomm__report_html_begin(isomm_buf *b, isomm_lang lang, const char *title)
{
    size_t i;

    isomm__buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                      lang == ISOMM_LANG_JA ? "ja" : "en");
    isomm__buf_xml(b, title);
    isomm__buf_puts(b, "</title>\n<style>\n");
    for (i = 0; i < sizeof style / sizeof style[0]; i++)
        isomm__buf_puts(b, style[i]);
    isomm__buf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
}

void isomm__report_html_value(isomm_buf *b, const char *v, isomm_lang lang)
{
    if (v) {
        isomm__buf_xml(b, v);
        return;
    }
    isomm__buf_puts(b, "<span class=\"muted\">");
    isomm__buf_puts(b, isomm__report_word(ISOMM__W_NOT_SET, lang));
    isomm__buf_puts(b, "</span>");
}

void isomm__report_html_end(isomm_buf *b, isomm_lang lang)
{
    isomm__buf_printf(b, "<footer><p>%s</p><p>%s %s</p></footer>\n</main>\n</body>\n</html>\n",
                      isomm__report_word(ISOMM__W_ATTRIBUTION, lang), isomm__report_word(ISOMM__W_GENERATED_BY, lang),
                      isomm_version_string());
}
