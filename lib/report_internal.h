/* SPDX-License-Identifier: MIT */
/* Private pieces shared by the report writers (report_*.c). Not installed. */
#ifndef ISOMM_REPORT_INTERNAL_H
#define ISOMM_REPORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "utf8.h"
#include "isomm/report.h"

/* Fixed words of the reports, indexed by isomm_lang. */
typedef enum isomm__word {
    ISOMM__W_TITLE,
    ISOMM__W_ASSESSMENT,
    ISOMM__W_ORGANIZATION,
    ISOMM__W_ASSESSOR,
    ISOMM__W_DATE,
    ISOMM__W_CURRENT_PATTERN,
    ISOMM__W_TARGET_PATTERN,
    ISOMM__W_MATURITY,
    ISOMM__W_MATURITY_COLUMN,
    ISOMM__W_OVERALL,
    ISOMM__W_STRENGTHS,
    ISOMM__W_WEAKNESSES,
    ISOMM__W_RECOMMENDATIONS,
    ISOMM__W_AGAINST,
    ISOMM__W_PATTERN_FIT,
    ISOMM__W_FIT_SENTENCE,
    ISOMM__W_CURRENT_FIT_SENTENCE,
    ISOMM__W_UNANSWERED,
    ISOMM__W_UNANSWERED_NOTE,
    ISOMM__W_WARNINGS,
    ISOMM__W_NONE,
    ISOMM__W_NOT_SET,
    ISOMM__W_NO_MATURITY,
    ISOMM__W_ROLES,
    ISOMM__W_LEVEL,
    ISOMM__W_LEVEL_COLUMN,
    ISOMM__W_INSOURCE,
    ISOMM__W_OUTSOURCE,
    ISOMM__W_LEVEL0,
    ISOMM__W_UNANSWERED_SHORT,
    ISOMM__W_FUNCTION,
    ISOMM__W_ROLE,
    ISOMM__W_SOURCING,
    ISOMM__W_EXPECTED,
    ISOMM__W_NOTE,
    ISOMM__W_RADAR_TITLE,
    ISOMM__W_ROLE_CHART_TITLE,
    ISOMM__W_GENERATED_BY,
    ISOMM__W_OPEN,
    ISOMM__W_CLOSE,
    ISOMM__W_COMMA,
    ISOMM__W_ACTION_PLAN,
    ISOMM__W_ACTION_PLAN_NOTE,
    ISOMM__W_NEXT,
    ISOMM__W_NEXT_STEP,
    ISOMM__W_CODE,
    ISOMM__W_BAR,
    ISOMM__W_UNANSWERED_WORD,
    ISOMM__W_NO_FIT,
    ISOMM__W_NO_CONTRAST,
    ISOMM__W_MISMATCHES,
    ISOMM__W_SCALE_KEY,
    ISOMM__W_CAPTION_STRENGTHEN_INSOURCE,
    ISOMM__W_CAPTION_STRENGTHEN_OUTSOURCE,
    ISOMM__W_CAPTION_SWITCH_TO_INSOURCE,
    ISOMM__W_CAPTION_SWITCH_TO_OUTSOURCE,
    ISOMM__W_ATTRIBUTION,
    ISOMM__W_SUMMARY,
    ISOMM__W_ROLE_TABLE,
    ISOMM__W_ROLE_TABLE_NOTE,
    ISOMM__W_COLON,
    ISOMM__W_STATUS,
    ISOMM__W_ROLE_STATUSES,
    ISOMM__W_COUNT
} isomm__word;

/* Checks the options' version (1 and 2 are accepted) and, for version 2, the width: ISOMM_OK or
 * ISOMM_EOPTIONS with a message. */
int isomm__report_check_version(const isomm_report_options *opts, isomm_error *err);

/* The text width of checked options: 80 for version 1 or width 0, at least ISOMM_REPORT_MIN_WIDTH. */
size_t isomm__report_width(const isomm_report_options *opts);

/* Append input text for a terminal: C0 controls but the newline, DEL and bytes that are not
 * UTF-8 become "\x1b"-style escapes, C1 controls "\u009b" (as isomm__escape_controls() shows
 * them in messages), so that no input reaches a terminal as a control sequence. */
void isomm__report_term_text(isomm_buf *b, const char *s);

/* Append text for a terminal of `width` columns: the first line continues a line that already
 * holds `used` columns, the next ones start with `indent` spaces; every line ends with a newline.
 * Input text is escaped as isomm__report_term_text(). */
void isomm__report_flow(isomm_buf *b, size_t width, size_t used, size_t indent, const char *text);

/* What a text document remembers across its results: bytes already rendered under a key and a
 * layout (the lines of a flowed text, a function name's lines, a role's whole row), so that the
 * same words repeated over thousands of assessments are laid out once. Bounded (1 MiB, starting
 * over when full); used by one thread. NULL from _new when out of memory. */
typedef struct isomm__report_memo isomm__report_memo;
isomm__report_memo *isomm__report_memo_new(void);
void isomm__report_memo_free(isomm__report_memo *m);

/* The remembered bytes of a key (n bytes, any bytes) at a layout (a number the caller makes of
 * what the bytes depend on besides the key; flows use bits 0-59, other users set bit 60 and
 * up): 1 with *out and *len (valid until the next isomm__memo_keep), or 0 with *p ready for
 * isomm__memo_keep() of the same key and layout, which may come after other finds and keeps.
 * m NULL: always 0, and keeping does nothing. */
typedef struct isomm__memo_probe {
    uint64_t hash; /* of the key and layout; 0: not to be kept */
} isomm__memo_probe;
int isomm__memo_find(isomm__report_memo *m, const char *text, size_t n, uint64_t layout, isomm__memo_probe *p,
                     const char **out, size_t *len);
void isomm__memo_keep(isomm__report_memo *m, const isomm__memo_probe *p, const char *text, size_t n, uint64_t layout,
                      const char *out, size_t len);

/* isomm__report_flow() of text (n = strlen(text)), taking the lines from m when the same text
 * was flowed at the same layout before (m NULL: flowed each time). The bytes are the same
 * either way. */
void isomm__report_flow_memo(isomm_buf *b, isomm__report_memo *m, size_t width, size_t used, size_t indent,
                             const char *text, size_t n);

/* Append n spaces (inline: the text writer pads all the time, mostly by a few). */
extern const char isomm__report_spaces[65]; /* 64 spaces */
void isomm__report_pad_long(isomm_buf *b, size_t n);
static inline void isomm__report_pad(isomm_buf *b, size_t n)
{
    if (n < sizeof isomm__report_spaces)
        isomm__buf_append(b, isomm__report_spaces, n);
    else
        isomm__report_pad_long(b, n);
}

/* The word in a language (lang already validated). */
const char *isomm__report_word(isomm__word w, isomm_lang lang);

/* Display name of a pattern in a language, or the "not set" word for ISOMM_PATTERN_NONE. */
const char *isomm__report_pattern_name(isomm_pattern p, isomm_lang lang);

/* The target pattern a report shows: the assessment's declared target or the evaluation's
 * override; ISOMM_PATTERN_NONE when the lists fell back to the current pattern or no pattern. */
isomm_pattern isomm__report_target(const isomm_result *r);

/* Append the maturity with one decimal ("3.9"), or "-" when there is none. */
void isomm__report_maturity(isomm_buf *b, int has, double value);

/* The change between two maturities as a reader sees them: the difference of the two values
 * shown with one decimal, in tenths (2.44 -> 2.46 is shown "2.4 → 2.5": 1, not the 0.02 that
 * would round to "+0.0" beside them). */
long isomm__report_shown_change(double old_value, double new_value);
/* Append tenths as "-1.2", "0.3" or, with plus, "+0.3" (and "+0.0"; never "-0.0"). */
void isomm__report_tenths(isomm_buf *b, long tenths, int plus);
/* Append the shown change with its sign and one decimal ("+0.3", "-1.2", "+0.0"). */
void isomm__report_change(isomm_buf *b, double old_value, double new_value);

/* Markdown-escape user text; newlines become spaces so that a table row stays one line, and
 * control characters are escaped as isomm__report_term_text() does. */
void isomm__report_md_text(isomm_buf *b, const char *s);

/* The frame of every HTML page: doctype, head with the title (escaped here) and the shared
 * style, up to the opened <main>; and its end: the footer (inside <main>, so that print keeps it
 * with the last section rather than alone on a page), then </main>. */
void isomm__report_html_begin(isomm_buf *b, isomm_lang lang, const char *title);
void isomm__report_html_end(isomm_buf *b, isomm_lang lang);
/* A metadata value in a page: v escaped, or the "not set" word muted when v is NULL. */
void isomm__report_html_value(isomm_buf *b, const char *v, isomm_lang lang);

/* Writers. Each appends one result's document to b; lang and format are already validated. */
/* The text writer takes a memo (NULL for none) kept across the results of one document. */
void isomm__report_text(isomm_buf *b, const isomm_result *r, isomm_lang lang, int markdown, size_t width,
                        isomm__report_memo *memo);
void isomm__report_json(isomm_buf *b, const isomm_result *r, isomm_lang lang);
void isomm__report_svg_radar(isomm_buf *b, const isomm_result *const *results, size_t count,
                             const isomm_report_options *opts);

/* What a radar chart of several results needs, kept without the results: the axis labels and
 * codes of the first result's model, and each result's id and nine maturities, for the first
 * `limit` results (the others are only counted). isomm__report_svg_radar() draws through it, and
 * so does a report stream, which frees each result once it is added. */
typedef struct isomm__radar_kept {
    size_t id;                            /* offset of the assessment id in text */
    double values[ISOMM_FUNCTION_COUNT];  /* maturities, negative where none */
} isomm__radar_kept;
typedef struct isomm__radar_keep {
    isomm_buf text;                       /* the texts, each followed by a NUL */
    size_t label[ISOMM_FUNCTION_COUNT];   /* offsets of the axis labels ("A name") in text */
    size_t code[ISOMM_FUNCTION_COUNT];    /* offsets of the axis codes ("A") */
    isomm__radar_kept *series;
    size_t count;                         /* results added */
    size_t cap;
    size_t limit;                         /* results kept: at most this many */
    int failed;                           /* an allocation failed (sticky) */
} isomm__radar_keep;
void isomm__radar_keep_init(isomm__radar_keep *k, size_t limit);
/* Add a result (only its values are copied): 0, or -1 when an allocation failed. */
int isomm__radar_keep_add(isomm__radar_keep *k, const isomm_result *r, isomm_lang lang);
/* Draw the chart of the kept results (at least one), plus opts->second; sets b->failed when the
 * keep failed. With drain (may be NULL), small multiples are handed on as they are drawn:
 * drain(ctx, err) is called whenever b holds 64 KiB or more, and is expected to empty b; its
 * non-zero result stops the drawing and is returned (0 otherwise). */
int isomm__radar_keep_draw(isomm_buf *b, const isomm__radar_keep *k, const isomm_report_options *opts,
                           int (*drain)(void *ctx, isomm_error *err), void *ctx, isomm_error *err);
void isomm__radar_keep_free(isomm__radar_keep *k);
void isomm__report_svg_roles(isomm_buf *b, const isomm_result *r, isomm_lang lang);
/* Pieces of the role chart for the HTML page: the group of function f as one <svg>, and the
 * legend's marks drawn from y into an <svg> the caller opens (ROLES_LEGEND_W x 30). */
void isomm__report_svg_roles_group(isomm_buf *b, const isomm_result *r, int f, isomm_lang lang);
void isomm__report_svg_roles_legend(isomm_buf *b, double y, isomm_lang lang);
#define ISOMM__ROLES_LEGEND_W 720

/* The pieces of the HTML page of isomm_report_render_list(), put together by report.c so that a
 * stream keeps no result: the page is
 *   begin(title) [overview_open(count) summary_head summary_row... overview_close] section...  end
 * with the overview only for count > 1. The title: isomm__report_html_title_add() for each result
 * (it keeps the first ISOMM__HTML_TITLE_IDS ids), then isomm__report_html_title_end(). */
#define ISOMM__HTML_TITLE_IDS 3
void isomm__report_html_title_add(isomm_buf *title, const isomm_result *r, size_t index, isomm_lang lang);
void isomm__report_html_title_end(isomm_buf *title, size_t count);
void isomm__report_html_overview_open(isomm_buf *b, size_t count, isomm_lang lang);
void isomm__report_html_summary_head(isomm_buf *b, const isomm_model *m, isomm_lang lang);
void isomm__report_html_summary_row(isomm_buf *b, const isomm_result *r, isomm_lang lang);
/* Ends the summary table and draws the radar of radar's results when they all fit one chart. */
void isomm__report_html_overview_close(isomm_buf *b, const isomm__radar_keep *radar, const isomm_report_options *opts);
/* A section: its opening tag ("brief" in a report of several) and the rest, from one result. */
void isomm__report_html_section_open(isomm_buf *b, int brief);
void isomm__report_html_section_body(isomm_buf *b, const isomm_result *r, const isomm_report_options *opts);

#endif
