/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/model.h
 * @brief The ISOMM v2.1 catalogue: functions, roles, domains, patterns and the two 0-5 scales.
 *
 * A model is read-only once built. The built-in model (isomm_model_default()) is static and
 * shared; custom models (same 54 role codes, own domains and texts) are loaded from CSV with
 * isomm_model_load_csv() (see isomm/csv.h) and released with isomm_model_free().
 *
 * Roles and functions are addressed by index: roles 0..53 in catalogue order (A-1 ... I-6),
 * functions 0..8 (A ... I). The set of codes is fixed by ISOMM v2.1, so an index means the same
 * role in every model.
 */
#ifndef ISOMM_MODEL_H
#define ISOMM_MODEL_H

#include "isomm/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Number of roles in ISOMM v2.1. */
#define ISOMM_ROLE_COUNT 54
/** Number of functions in ISOMM v2.1. */
#define ISOMM_FUNCTION_COUNT 9
/** Number of organisation patterns. */
#define ISOMM_PATTERN_COUNT 5
/** Highest level of both scales. */
#define ISOMM_LEVEL_MAX 5

/** Language of names, summaries, comments and report texts. */
typedef enum isomm_lang {
    ISOMM_LANG_JA = 0, /**< Japanese */
    ISOMM_LANG_EN = 1  /**< English */
} isomm_lang;

/** How a role is carried out. */
typedef enum isomm_sourcing {
    ISOMM_SOURCING_NONE = 0, /**< no sourcing: an unanswered role, or no expectation */
    ISOMM_INSOURCE = 1,      /**< done by the organisation itself */
    ISOMM_OUTSOURCE = 2      /**< bought from a provider */
} isomm_sourcing;

/** The four domains (quadrants), ordered by how strongly the work belongs in-house. */
typedef enum isomm_domain {
    ISOMM_DOMAIN_I = 1,   /**< insource >> outsource */
    ISOMM_DOMAIN_II = 2,  /**< insource >= outsource */
    ISOMM_DOMAIN_III = 3, /**< insource <= outsource */
    ISOMM_DOMAIN_IV = 4   /**< insource << outsource */
} isomm_domain;

/** Organisation patterns. The value is the number of domains insourced (I, I-II, ...). */
typedef enum isomm_pattern {
    ISOMM_PATTERN_NONE = -1,            /**< no pattern declared */
    ISOMM_PATTERN_FULL_OUTSOURCE = 0,   /**< フルアウトソース: nothing insourced */
    ISOMM_PATTERN_MINIMUM_INSOURCE = 1, /**< ミニマムインソース: domain I insourced */
    ISOMM_PATTERN_HYBRID = 2,           /**< ハイブリッド: domains I-II insourced */
    ISOMM_PATTERN_MINIMUM_OUTSOURCE = 3,/**< ミニマムアウトソース: domains I-III insourced */
    ISOMM_PATTERN_FULL_INSOURCE = 4     /**< フルインソース: all four insourced */
} isomm_pattern;

/** Opaque catalogue handle. */
typedef struct isomm_model isomm_model;

/**
 * One role of a model. Borrowed from the model; valid while the model lives.
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_role_info {
    int index;              /**< 0..53, catalogue order */
    const char *code;       /**< "A-1" ... "I-6" */
    int function;           /**< function index 0..8 */
    isomm_domain domain;    /**< the role's domain in this model */
    int domain_from_seed;   /**< 1 if the domain comes from the source slides, 0 if a default placement */
    const char *name_ja;    /**< Japanese name (UTF-8) */
    const char *name_en;    /**< English name */
    const char *summary_ja; /**< one-line Japanese summary */
    const char *summary_en; /**< one-line English summary */
} isomm_role_info;

/**
 * One function of a model, with the comments shown when it is a strength or a weakness.
 * Borrowed from the model; valid while the model lives.
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_function_info {
    int index;               /**< 0..8 */
    const char *code;        /**< "A" ... "I" */
    const char *name_ja;     /**< Japanese name */
    const char *name_en;     /**< English name */
    int first_role;          /**< index of the function's first role */
    int role_count;          /**< number of roles; they follow first_role in catalogue order */
    const char *strength_ja; /**< comment when the function is a strength (Japanese) */
    const char *strength_en; /**< comment when the function is a strength (English) */
    const char *weakness_ja; /**< comment when the function is a weakness (Japanese) */
    const char *weakness_en; /**< comment when the function is a weakness (English) */
} isomm_function_info;

/**
 * One organisation pattern (static data).
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_pattern_info {
    isomm_pattern pattern; /**< the enum value */
    const char *id;        /**< "full-outsource", "minimum-insource", "hybrid", "minimum-outsource", "full-insource" */
    const char *name_ja;   /**< Japanese name, e.g. "ハイブリッド" */
    const char *name_en;   /**< English name, e.g. "Hybrid" */
    int insourced_domains; /**< k: domains I..k are insourced */
} isomm_pattern_info;

/**
 * Where the catalogue comes from and under which licence (static data).
 *
 * The role names and summaries in Japanese, the nine functions, the organisation patterns and
 * the two 0-5 scales of ISOMM v2.1 are ISOG-J's material, licensed CC BY 4.0; anything that
 * shows the catalogue shows this attribution with it. The English texts and the domain
 * placements marked "default" are libisomm's own work.
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_attribution {
    const char *title;       /**< title of the source material, in Japanese as published */
    const char *model;       /**< "ISOG-J SOC/CSIRT Maturity Model (ISOMM) v2.1" */
    const char *author_ja;   /**< the author's name as published: "日本セキュリティオペレーション事業者協議会" */
    const char *author_en;   /**< "ISOG-J (Information Security Operation providers Group Japan)" */
    const char *licence;     /**< "CC BY 4.0" */
    const char *licence_url; /**< "https://creativecommons.org/licenses/by/4.0/" */
    const char *changes_ja;  /**< what this project changed and what is its own (Japanese) */
    const char *changes_en;  /**< what this project changed and what is its own (English) */
    const char *notice_ja;   /**< the whole attribution in one Japanese sentence, for footers and help texts */
    const char *notice_en;   /**< the whole attribution in one English sentence, for footers and help texts */
} isomm_attribution;

/** The attribution of the ISOMM v2.1 material every model is built on. Static, never NULL. */
ISOMM_EXPORT const isomm_attribution *isomm_model_attribution(void);

/** The built-in ISOMM v2.1 model. Static, never NULL; passing it to isomm_model_free() does nothing. */
ISOMM_EXPORT const isomm_model *isomm_model_default(void);

/** Release a model loaded from CSV. NULL and the default model are ignored. Assessments built on it must be freed first. */
ISOMM_EXPORT void isomm_model_free(const isomm_model *model);

/** Model name: "ISOMM v2.1" for the built-in model, the source name for a loaded one. Borrowed. */
ISOMM_EXPORT const char *isomm_model_name(const isomm_model *model);

/** Role by index 0..53. @return borrowed info, NULL if model is NULL or index is out of range. */
ISOMM_EXPORT const isomm_role_info *isomm_model_role(const isomm_model *model, int index);

/** Function by index 0..8. @return borrowed info, NULL if model is NULL or index is out of range. */
ISOMM_EXPORT const isomm_function_info *isomm_model_function(const isomm_model *model, int index);

/**
 * Find a role by its code ("G-10"), exactly as written (no spaces, capital letter).
 * @return the role index 0..53; ::ISOMM_EROLE if no role has that code (err names it);
 *         ::ISOMM_EINVAL if model or code is NULL.
 */
ISOMM_EXPORT int isomm_model_find_role(const isomm_model *model, const char *code, isomm_error *err);

/** Same as isomm_model_find_role() for a code that is not NUL-terminated. */
ISOMM_EXPORT int isomm_model_find_role_n(const isomm_model *model, const char *code, size_t len, isomm_error *err);

/**
 * Function index of a one-letter code "A".."I".
 * @return 0..8, or ::ISOMM_EINVAL for NULL, ::ISOMM_EROLE for anything else.
 */
ISOMM_EXPORT int isomm_function_find(const char *code);

/** Name of a role or function in the given language (borrowed, NULL on bad arguments). */
ISOMM_EXPORT const char *isomm_role_name(const isomm_role_info *role, isomm_lang lang);
/** Summary of a role in the given language (borrowed, NULL on bad arguments). */
ISOMM_EXPORT const char *isomm_role_summary(const isomm_role_info *role, isomm_lang lang);
/** Name of a function in the given language (borrowed, NULL on bad arguments). */
ISOMM_EXPORT const char *isomm_function_name(const isomm_function_info *function, isomm_lang lang);
/** Strength (strength != 0) or weakness comment of a function (borrowed, NULL on bad arguments). */
ISOMM_EXPORT const char *isomm_function_comment(const isomm_function_info *function, int strength, isomm_lang lang);

/** Pattern data, static. @return NULL for ::ISOMM_PATTERN_NONE or a value out of range. */
ISOMM_EXPORT const isomm_pattern_info *isomm_pattern_get(isomm_pattern pattern);

/**
 * Parse a pattern from its id ("hybrid") or Japanese name ("ハイブリッド"), exact match.
 * @return ::ISOMM_OK and *out set; ::ISOMM_EPATTERN if the text names no pattern;
 *         ::ISOMM_EINVAL if out or text is NULL.
 */
ISOMM_EXPORT int isomm_pattern_parse(isomm_pattern *out, const char *text, size_t len, isomm_error *err);

/** Id of a pattern ("hybrid"), or NULL for ::ISOMM_PATTERN_NONE or an invalid value. */
ISOMM_EXPORT const char *isomm_pattern_id(isomm_pattern pattern);

/** Roman numeral of a domain ("I".."IV"), NULL for an invalid value. */
ISOMM_EXPORT const char *isomm_domain_name(isomm_domain domain);

/** Parse "I".."IV". @return ::ISOMM_OK, or ::ISOMM_EINVAL if the text is not a domain. */
ISOMM_EXPORT int isomm_domain_parse(isomm_domain *out, const char *text, size_t len);

/** Id of a sourcing: "insource", "outsource", or "" for ::ISOMM_SOURCING_NONE; NULL for an invalid value. */
ISOMM_EXPORT const char *isomm_sourcing_id(isomm_sourcing sourcing);

/** Display name of a sourcing: インソース/アウトソース or Insource/Outsource; "" for none; NULL if invalid. */
ISOMM_EXPORT const char *isomm_sourcing_name(isomm_sourcing sourcing, isomm_lang lang);

/**
 * Parse a sourcing: "insource", "in", "インソース", "outsource", "out", "アウトソース"
 * (ASCII spellings case-insensitive). An empty text gives ::ISOMM_SOURCING_NONE.
 * @return ::ISOMM_OK, ::ISOMM_ESOURCING for any other text, ::ISOMM_EINVAL for NULL out.
 */
ISOMM_EXPORT int isomm_sourcing_parse(isomm_sourcing *out, const char *text, size_t len);

/**
 * Text of one step of a scale: what level @p level (0..5) means on the @p sourcing side.
 * @return static UTF-8 text, NULL when sourcing is ::ISOMM_SOURCING_NONE or level is out of range.
 */
ISOMM_EXPORT const char *isomm_scale_text(isomm_sourcing sourcing, int level, isomm_lang lang);

/**
 * The sourcing a pattern expects for a role: insource if the role's domain is among the
 * pattern's insourced domains, else outsource.
 * @return ::ISOMM_SOURCING_NONE when pattern is ::ISOMM_PATTERN_NONE or arguments are invalid.
 */
ISOMM_EXPORT isomm_sourcing isomm_expected_sourcing(const isomm_model *model, int role, isomm_pattern pattern);

#ifdef __cplusplus
}
#endif

#endif
