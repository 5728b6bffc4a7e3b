/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/evaluate.h
 * @brief Evaluation: maturity per function and overall, strengths and weaknesses, the four
 *        recommendation lists against a target pattern, pattern fit, unanswered roles, warnings.
 *
 * The rules are those of ISOMM-MODEL.md sections 4-8. A result is computed once and then only
 * read. It borrows the assessment it was computed from (for metadata and notes in reports):
 * the assessment must outlive the result.
 */
#ifndef ISOMM_EVALUATE_H
#define ISOMM_EVALUATE_H

#include "isomm/assessment.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ::isomm_eval_options understood by this library. */
#define ISOMM_EVAL_OPTIONS_VERSION 1

/**
 * Evaluation options. Start from ::ISOMM_EVAL_OPTIONS_INIT and change what you need.
 *
 * ABI: caller may allocate, has a version field. Start from the INIT macro; fields are only
 * added at the end, with the version and INIT macro bumped, and older versions stay accepted.
 */
typedef struct isomm_eval_options {
    unsigned int version;  /**< ::ISOMM_EVAL_OPTIONS_VERSION */
    int strengths;         /**< k: strengths and weaknesses shown, 1..4 (default 2) */
    int list_size;         /**< n: length of each recommendation list, 0 = no cut (default 3) */
    isomm_pattern target;  /**< overrides the assessment's target pattern unless ::ISOMM_PATTERN_NONE */
} isomm_eval_options;

/** Default options: k = 2, n = 3, target from the assessment. */
#define ISOMM_EVAL_OPTIONS_INIT { ISOMM_EVAL_OPTIONS_VERSION, 2, 3, ISOMM_PATTERN_NONE }

/** The four recommendation lists. */
typedef enum isomm_list {
    ISOMM_LIST_STRENGTHEN_INSOURCE = 0,  /**< insourced, expected insource, level < 5 */
    ISOMM_LIST_STRENGTHEN_OUTSOURCE = 1, /**< outsourced, expected outsource, level < 5 */
    ISOMM_LIST_SWITCH_TO_INSOURCE = 2,   /**< outsourced, expected insource */
    ISOMM_LIST_SWITCH_TO_OUTSOURCE = 3   /**< insourced, expected outsource */
} isomm_list;

/** Number of recommendation lists. */
#define ISOMM_LIST_COUNT 4

/** Warnings a result can carry (each at most once, in this order). */
typedef enum isomm_warning {
    ISOMM_WARNING_NO_PATTERN = 1,         /**< neither target nor current pattern: the lists are empty */
    ISOMM_WARNING_TARGET_FROM_CURRENT = 2,/**< no target pattern: the lists use the current pattern */
    ISOMM_WARNING_FULL_OUTSOURCE = 3,     /**< target is full-outsource: domain I cannot really be bought */
    ISOMM_WARNING_UNANSWERED = 4,         /**< some roles are unanswered and count as level 1 */
    ISOMM_WARNING_FUNCTION_NO_MATURITY = 5,/**< a function has all roles at level 0 and no maturity */
    ISOMM_WARNING_NO_MATURITY = 6,        /**< no function has a maturity: no overall maturity, strengths or weaknesses */
    ISOMM_WARNING_NO_CONTRAST = 7,        /**< every function with a maturity has the same one: no strength, no weakness */
    ISOMM_WARNING_NO_FIT = 8              /**< no role is answered at level 1 or more: no pattern fit */
} isomm_warning;

/** Largest number of warnings a result can hold at once (a result never holds every kind:
 *  no_pattern excludes target_from_current and full_outsource, no_maturity excludes
 *  unanswered and no_contrast). */
#define ISOMM_WARNING_MAX 6

/** Opaque evaluation result. */
typedef struct isomm_result isomm_result;

/**
 * One function's line of a result (borrowed from the result).
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_function_result {
    int function;       /**< function index 0..8 */
    int has_maturity;   /**< 0 when every role of the function is at level 0 */
    double maturity;    /**< unrounded mean; 0.0 when has_maturity is 0 */
    int rated_roles;    /**< roles counted in the mean (unanswered ones included, at level 1) */
    int excluded_roles; /**< roles left out at level 0 */
    int unanswered_roles; /**< roles without an answer (counted as 1) */
} isomm_function_result;

/**
 * One role's line of a result (borrowed from the result).
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_role_result {
    int role;                   /**< role index 0..53 */
    isomm_sourcing sourcing;    /**< recorded sourcing, ::ISOMM_SOURCING_NONE when unanswered */
    int level;                  /**< 0..5, ::ISOMM_UNANSWERED when unanswered */
    int score;                  /**< level used in averages: 1 when unanswered, else the level */
    isomm_sourcing expected;    /**< expected sourcing under the list pattern, NONE when there is none */
    int next_level;             /**< level + 1 for a role answered at 1..4 (ISOMM-MODEL.md section 7.1); 0 when the
                                     role has no next level: at level 0 or 5, or unanswered (whose next step is to
                                     assess it, see isomm_result_next_step()). Added in 0.2. */
} isomm_role_result;

/**
 * Evaluate an assessment.
 * @param out  receives the result; free it with isomm_result_free()
 * @param a    the assessment (borrowed by the result: keep it alive and unchanged while the result is used)
 * @param opts options, or NULL for ::ISOMM_EVAL_OPTIONS_INIT
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (out or a NULL); ::ISOMM_EOPTIONS (unknown version,
 *         strengths outside 1..4, list_size negative); ::ISOMM_EPATTERN (target not a pattern);
 *         ::ISOMM_ENOMEM. One allocation per call, none per role.
 */
ISOMM_EXPORT int isomm_evaluate(isomm_result **out, const isomm_assessment *a, const isomm_eval_options *opts,
                                isomm_error *err);

/** Release a result. NULL is ignored. */
ISOMM_EXPORT void isomm_result_free(isomm_result *r);

/** The assessment the result was computed from (borrowed). */
ISOMM_EXPORT const isomm_assessment *isomm_result_assessment(const isomm_result *r);

/** The model of the result (borrowed). */
ISOMM_EXPORT const isomm_model *isomm_result_model(const isomm_result *r);

/** Function line by index 0..8; NULL when r is NULL or the index is out of range. */
ISOMM_EXPORT const isomm_function_result *isomm_result_function(const isomm_result *r, int function);

/** Role line by index 0..53; NULL when r is NULL or the index is out of range. */
ISOMM_EXPORT const isomm_role_result *isomm_result_role(const isomm_result *r, int role);

/**
 * Overall maturity: the mean of the function maturities that exist.
 * @return 1 and *out set when at least one function has a maturity; 0 (and *out = 0.0) when none
 *         has; ::ISOMM_EINVAL when r or out is NULL.
 */
ISOMM_EXPORT int isomm_result_overall(const isomm_result *r, double *out);

/**
 * Maturity band of ISOMM-MODEL.md section 6, which follows the scale: 1 for m < 2 (largely not
 * done), 2 for 2 <= m < 3, 3 for 3 <= m < 4, 4 for 4 <= m < 5, 5 for m >= 5. NaN gives 1.
 * @return 1..5
 */
ISOMM_EXPORT int isomm_maturity_band(double maturity);

/**
 * The comment on a function shown as a strength (strength != 0) or a weakness, for a maturity
 * band: a sentence on the function, then a closing sentence that agrees with the band (no
 * "works", "in place" or "established" below band 3, no "falls short", "lacking" or "does not
 * work" from band 4). Band 4 strengths and band 3 weaknesses are the texts of
 * isomm_function_comment(). Texts depend on the function index only, so a loaded model has the
 * same comments as the built-in one.
 * @param function a function of any model (borrowed)
 * @param strength nonzero for the comment of a strength, 0 for that of a weakness
 * @param band     1..5, as isomm_maturity_band()
 * @param lang     language of the text
 * @return static UTF-8 text; NULL when function is NULL, its index is not 0..8, band is not
 *         1..5 or lang is not a language.
 */
ISOMM_EXPORT const char *isomm_function_band_comment(const isomm_function_info *function, int strength, int band,
                                                     isomm_lang lang);

/** Number of strengths (strength != 0) or weaknesses shown (0..k). A function is a strength only
 *  when its maturity is above the lowest function maturity of the result, a weakness only when
 *  it is below the highest; when all are equal there are neither (warning ::ISOMM_WARNING_NO_CONTRAST). */
ISOMM_EXPORT int isomm_result_highlight_count(const isomm_result *r, int strength);

/** Function index of the i-th strength or weakness (strongest / weakest first), ::ISOMM_ERANGE if i is out of range. */
ISOMM_EXPORT int isomm_result_highlight(const isomm_result *r, int strength, int i);

/** Maturity band (1..5) of the i-th strength or weakness, ::ISOMM_ERANGE if i is out of range. */
ISOMM_EXPORT int isomm_result_highlight_band(const isomm_result *r, int strength, int i);

/**
 * The comment of the i-th strength or weakness: isomm_function_band_comment() for its function
 * and band.
 * @return static UTF-8 text; NULL when r is NULL, i is out of range or lang is not a language.
 */
ISOMM_EXPORT const char *isomm_result_highlight_comment(const isomm_result *r, int strength, int i, isomm_lang lang);

/** The pattern the lists were computed against (target, else current), ::ISOMM_PATTERN_NONE when none. */
ISOMM_EXPORT isomm_pattern isomm_result_list_pattern(const isomm_result *r);

/** Number of roles in a recommendation list (0 when r is NULL or list invalid). */
ISOMM_EXPORT int isomm_result_list_count(const isomm_result *r, isomm_list list);

/** Role index of the i-th role of a list (lowest level first), ::ISOMM_ERANGE if out of range. */
ISOMM_EXPORT int isomm_result_list_role(const isomm_result *r, isomm_list list, int i);

/** The id of a list as in JSON ("strengthen_insource", ...); NULL if invalid. */
ISOMM_EXPORT const char *isomm_list_id(isomm_list list);

/** The title of a list in the given language; NULL if invalid. */
ISOMM_EXPORT const char *isomm_list_title(isomm_list list, isomm_lang lang);

/**
 * Pattern fit: the pattern whose expectations the recorded sourcing matches best.
 * @param mismatches         receives that pattern's mismatch count (may be NULL)
 * @param current_mismatches receives the declared current pattern's mismatch count, -1 when no current pattern (may be NULL)
 * @return the best-fitting pattern; ::ISOMM_PATTERN_NONE (and *mismatches = 0) when no role is
 *         answered at level 1 or more, so that there is nothing to fit (the result then carries
 *         ::ISOMM_WARNING_NO_FIT), or when r is NULL.
 */
ISOMM_EXPORT isomm_pattern isomm_result_pattern_fit(const isomm_result *r, int *mismatches, int *current_mismatches);

/** Mismatch count of any pattern (answered roles with level >= 1 whose sourcing differs), -1 on bad arguments. */
ISOMM_EXPORT int isomm_result_pattern_mismatches(const isomm_result *r, isomm_pattern pattern);

/**
 * The next step of a role (ISOMM-MODEL.md section 7.1): for a role answered at level 1..4, the
 * text of level + 1 (isomm_role_result.next_level) on the role's own sourcing scale
 * (isomm_scale_text()); for an unanswered role, the advice to assess it.
 * @return static UTF-8 text in @p lang; NULL for a role at level 0 or 5 (it has no next step),
 *         when r is NULL, role is not 0..53 or lang is not a language.
 */
ISOMM_EXPORT const char *isomm_result_next_step(const isomm_result *r, int role, isomm_lang lang);

/**
 * Length of the action plan: the roles of the four recommendation lists first, in list order
 * (lists in ::isomm_list order), then every other role that has a next step (level 1..4 or
 * unanswered) in catalogue order. Roles at level 0, and at level 5 outside the lists, are not in it.
 * @return 0..54; 0 when r is NULL.
 */
ISOMM_EXPORT int isomm_result_plan_count(const isomm_result *r);

/** Role index of the i-th step of the action plan, ::ISOMM_ERANGE if r is NULL or i is out of range. */
ISOMM_EXPORT int isomm_result_plan_role(const isomm_result *r, int i);

/** Number of unanswered roles. */
ISOMM_EXPORT int isomm_result_unanswered_count(const isomm_result *r);

/** Role index of the i-th unanswered role (catalogue order), ::ISOMM_ERANGE if out of range. */
ISOMM_EXPORT int isomm_result_unanswered(const isomm_result *r, int i);

/** Number of warnings. */
ISOMM_EXPORT int isomm_result_warning_count(const isomm_result *r);

/** The i-th warning, ::ISOMM_ERANGE if out of range. */
ISOMM_EXPORT int isomm_result_warning(const isomm_result *r, int i);

/** Stable id of a warning ("no_pattern", ...); NULL if not a warning. */
ISOMM_EXPORT const char *isomm_warning_id(isomm_warning w);

/** Human text of a warning in the given language; NULL if not a warning. */
ISOMM_EXPORT const char *isomm_warning_text(isomm_warning w, isomm_lang lang);

#ifdef __cplusplus
}
#endif

#endif
