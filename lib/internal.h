/* SPDX-License-Identifier: MIT */
/* Private declarations shared by the library's translation units. Not installed. */
#ifndef ISOMM_INTERNAL_H
#define ISOMM_INTERNAL_H

#include <stdarg.h>
#include <stdint.h>

#include "isomm/isomm.h"

/* A catalogue. The built-in one is a static const object; a loaded one owns `storage`,
 * which holds every string its infos point to. */
struct isomm_model {
    const char *name;
    isomm_role_info roles[ISOMM_ROLE_COUNT];
    isomm_function_info functions[ISOMM_FUNCTION_COUNT];
    char *storage; /* NULL for the built-in model */
};

extern const struct isomm_model isomm__catalog_v21;

/* Answers are kept as flat arrays indexed by role so that evaluation touches no pointers. */
struct isomm_assessment {
    const isomm_model *model;
    int8_t level[ISOMM_ROLE_COUNT];      /* ISOMM_UNANSWERED or 0..5 */
    uint8_t sourcing[ISOMM_ROLE_COUNT];  /* isomm_sourcing */
    char **note;                         /* NULL until the first note, then ISOMM_ROLE_COUNT owned
                                            entries (NULL when none): most assessments carry few notes,
                                            and a small struct keeps bulk reads cheap */
    char *meta[ISOMM_META_COUNT];        /* owned, NULL when unset (id: NULL means "default") */
    isomm_pattern current;
    isomm_pattern target;
    size_t packed;                       /* bytes of texts allocated in the same block, right after
                                            the struct (isomm__assessment_pack); texts there are
                                            never freed on their own */
};

/* The note of a role, NULL when there is none. */
static inline const char *isomm__note(const isomm_assessment *a, int role)
{
    return a->note ? a->note[role] : NULL;
}

/* The storage slot of a role's note, creating the note table on first use; NULL when out of memory. */
char **isomm__note_slot(isomm_assessment *a, int role);

/* An assessment in one allocation: the answers, patterns and model of *draft (whose texts are
 * ignored), and the texts held in text[0..text_len): note_off[r] (when bit r of notes is set) and
 * meta_off[m] (when not ISOMM__NO_TEXT) are offsets of NUL-terminated strings in it. Bulk readers
 * use it to make one allocation per assessment instead of one per text. NULL when out of memory. */
#define ISOMM__NO_TEXT ((size_t)-1)
isomm_assessment *isomm__assessment_pack(const isomm_assessment *draft, const char *text, size_t text_len,
                                         uint64_t notes, const size_t *note_off, const size_t *meta_off);

/* The maturity rules (ISOMM-MODEL.md section 4): each function's line and the overall maturity
 * of an assessment. isomm_evaluate() starts with it; frames use it alone. */
void isomm__maturity(const isomm_assessment *a, isomm_function_result functions[ISOMM_FUNCTION_COUNT],
                     int *has_overall, double *overall);

/* Fill err (when not NULL) with code and a printf-style message; returns code. */
int isomm__fail(isomm_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Same with a position (line, column) for parsers. */
int isomm__fail_at(isomm_error *err, int code, long line, long column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

int isomm__vfail_at(isomm_error *err, int code, long line, long column, const char *fmt, va_list ap);

/* strdup with the library's allocator; NULL for NULL. */
char *isomm__strdup(const char *s);
char *isomm__strndup(const char *s, size_t n);

/* ASCII case-insensitive comparison of a counted string with a C string. */
int isomm__ascii_ieq(const char *s, size_t len, const char *lit);

/* Index 0..53 of a role code exactly as written ("G-10"), -1 if it is none. Every model has the
 * same codes, so this needs no model. Inline: the CSV reader calls it once per row. */
static inline int isomm__role_index(const char *code, size_t len)
{
    const isomm_function_info *f;
    int number;
    if (len < 3 || len > 4 || code[0] < 'A' || code[0] > 'I' || code[1] != '-' || code[2] < '1' || code[2] > '9')
        return -1;
    number = code[2] - '0';
    if (len == 4) {
        if (code[3] < '0' || code[3] > '9')
            return -1;
        number = number * 10 + (code[3] - '0');
    }
    f = &isomm__catalog_v21.functions[code[0] - 'A'];
    if (number > f->role_count)
        return -1;
    return f->first_role + number - 1;
}

/* Whether s is a strict YYYY-MM-DD naming a real calendar day. */
int isomm__valid_date(const char *s);

#endif
