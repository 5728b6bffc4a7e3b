/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/compare.h
 * @brief Comparison of two assessments and aggregation of many (ISOMM-MODEL.md section 8).
 *
 * A comparison shows what moved between two assessments of one organisation (last year and this
 * year, or two assessors): per role the level change, its status (improved, declined, unchanged,
 * added, dropped, unrated) and whether the sourcing changed, per function and overall the
 * maturity change, the six status counts, and both sides' metadata.
 *
 * An aggregate summarises many assessments (the FAQ of the sheet: scores differ with the
 * assessor's position, and showing that difference is the point): per role the count, mean,
 * min, max and spread of the levels and the sourcing votes, per function the mean, min and max
 * maturity, and the roles the assessors disagree on. An aggregate is built one assessment at a
 * time and never keeps the assessments themselves, so its memory does not grow with their number
 * (apart from a record of the first ::ISOMM_AGGREGATE_RECORD_MAX assessments for the heat map).
 * Aggregates can be merged, so that a large batch can be split and joined.
 *
 * Assessments compared or aggregated must use the same model: the same model object, or two
 * models with the same catalogue (every role's domain, names and summaries, every function's
 * names). Mixing models is ::ISOMM_EMODEL.
 */
#ifndef ISOMM_COMPARE_H
#define ISOMM_COMPARE_H

#include "isomm/csv.h"
#include "isomm/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------- */
/* Comparison                                                                                */
/* ---------------------------------------------------------------------------------------- */

/** Opaque comparison of two assessments. */
typedef struct isomm_comparison isomm_comparison;

/**
 * Status of a role in a comparison (ISOMM-MODEL.md section 8). A role is *rated* on a side when
 * it is answered there with level 1..5 (not unanswered, not level 0).
 */
typedef enum isomm_change_status {
    ISOMM_CHANGE_IMPROVED = 0,  /**< rated on both sides, level higher now */
    ISOMM_CHANGE_DECLINED = 1,  /**< rated on both sides, level lower now */
    ISOMM_CHANGE_UNCHANGED = 2, /**< rated on both sides, same level */
    ISOMM_CHANGE_ADDED = 3,     /**< rated now, not before */
    ISOMM_CHANGE_DROPPED = 4,   /**< rated before, not now */
    ISOMM_CHANGE_UNRATED = 5    /**< rated on neither side */
} isomm_change_status;

/** Number of statuses; the counts of all of them add up to ::ISOMM_ROLE_COUNT. */
#define ISOMM_CHANGE_STATUS_COUNT 6

/**
 * One role's line of a comparison (borrowed from the comparison).
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_role_change {
    int role;                    /**< role index 0..53 */
    int old_level;               /**< 0..5, ::ISOMM_UNANSWERED when the old assessment has no answer */
    int new_level;               /**< 0..5, ::ISOMM_UNANSWERED when the new assessment has no answer */
    int has_change;              /**< 1 when both levels are 1..5 (a level change exists), else 0 */
    int level_change;            /**< new_level - old_level when has_change, else 0 */
    isomm_sourcing old_sourcing; /**< ::ISOMM_SOURCING_NONE when unanswered */
    isomm_sourcing new_sourcing; /**< ::ISOMM_SOURCING_NONE when unanswered */
    int sourcing_changed;        /**< 1 when both are answered (any level, 0 included) with different sourcings */
    isomm_change_status status;  /**< the role's status (added in 0.2) */
} isomm_role_change;

/**
 * One function's line of a comparison (borrowed from the comparison).
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_function_change {
    int function;        /**< function index 0..8 */
    int has_old;         /**< 1 when the function has a maturity in the old assessment */
    double old_maturity; /**< unrounded; 0.0 when has_old is 0 */
    int has_new;         /**< 1 when the function has a maturity in the new assessment */
    double new_maturity; /**< unrounded; 0.0 when has_new is 0 */
    int has_change;      /**< has_old && has_new */
    double change;       /**< new_maturity - old_maturity when has_change, else 0.0 */
} isomm_function_change;

/**
 * Compare two assessments.
 *
 * The comparison copies the two assessment ids and every value it reports; it does not borrow
 * the assessments, which may be freed or changed afterwards. It borrows their model, which must
 * outlive it.
 *
 * @param out   receives the comparison; free it with isomm_comparison_free()
 * @param old_a the earlier assessment (or the first assessor)
 * @param new_a the later assessment (or the second assessor)
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (an argument is NULL); ::ISOMM_EMODEL (the two assessments
 *         use different models); ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_compare(isomm_comparison **out, const isomm_assessment *old_a, const isomm_assessment *new_a,
                               isomm_error *err);

/** Release a comparison. NULL is ignored. */
ISOMM_EXPORT void isomm_comparison_free(isomm_comparison *c);

/** The model of the compared assessments (borrowed); NULL if c is NULL. */
ISOMM_EXPORT const isomm_model *isomm_comparison_model(const isomm_comparison *c);

/** Id of the old (old != 0) or new assessment, copied at comparison time (borrowed); NULL if c is NULL. */
ISOMM_EXPORT const char *isomm_comparison_id(const isomm_comparison *c, int old);

/** Role line by index 0..53 (catalogue order); NULL when c is NULL or the index is out of range. */
ISOMM_EXPORT const isomm_role_change *isomm_comparison_role(const isomm_comparison *c, int role);

/** Function line by index 0..8 (catalogue order); NULL when c is NULL or the index is out of range. */
ISOMM_EXPORT const isomm_function_change *isomm_comparison_function(const isomm_comparison *c, int function);

/**
 * Functions ordered by change: the i-th (0..8) function index of that order.
 * Functions with a change come first, the largest increase first and the largest decrease last,
 * catalogue order among equal changes; then the functions without a change, in catalogue order.
 * @return 0..8, or ::ISOMM_ERANGE when c is NULL or i is out of range.
 */
ISOMM_EXPORT int isomm_comparison_function_order(const isomm_comparison *c, int i);

/**
 * Overall maturity of both sides and its change, in the shape of a function line: function is
 * -1, has_old/has_new say whether that side has an overall maturity (some function has one).
 * @return borrowed line; NULL if c is NULL.
 */
ISOMM_EXPORT const isomm_function_change *isomm_comparison_overall(const isomm_comparison *c);

/**
 * Metadata of the old (old != 0) or new assessment, copied at comparison time: id, organisation,
 * assessor, date.
 * @return borrowed text; the id is never NULL; other fields NULL when unset; NULL when c is NULL
 *         or field is not an ::isomm_meta.
 */
ISOMM_EXPORT const char *isomm_comparison_meta(const isomm_comparison *c, int old, isomm_meta field);

/**
 * Number of roles with a status. The six counts add up to ::ISOMM_ROLE_COUNT.
 * @return 0..54; ::ISOMM_EINVAL when c is NULL or status is not a status.
 */
ISOMM_EXPORT int isomm_comparison_status_count(const isomm_comparison *c, isomm_change_status status);

/** Stable id of a status: "improved", "declined", "unchanged", "added", "dropped", "unrated"; NULL if invalid. */
ISOMM_EXPORT const char *isomm_change_status_id(isomm_change_status status);

/** Display name of a status in a language (static UTF-8); NULL if status or lang is invalid. */
ISOMM_EXPORT const char *isomm_change_status_name(isomm_change_status status, isomm_lang lang);

/**
 * Counts of roles of the 0.1 API; prefer isomm_comparison_status_count(), which tells the six
 * statuses apart. improved: has_change and level_change > 0; declined: has_change and
 * level_change < 0; unchanged: every other role, so that the three add up to 54 — the roles
 * whose level stayed the same and the roles without a level change (unanswered or level 0 on
 * either side). not_compared is the part of unchanged without a level change.
 * Any out-pointer may be NULL.
 * @return ::ISOMM_OK, or ::ISOMM_EINVAL when c is NULL.
 */
ISOMM_EXPORT int isomm_comparison_counts(const isomm_comparison *c, int *improved, int *declined, int *unchanged,
                                         int *not_compared);

/* ---------------------------------------------------------------------------------------- */
/* Aggregation                                                                               */
/* ---------------------------------------------------------------------------------------- */

/** Number of assessments whose answers an aggregate records for the heat map (the first ones added). */
#define ISOMM_AGGREGATE_RECORD_MAX 64

/** Opaque aggregate of many assessments. */
typedef struct isomm_aggregate isomm_aggregate;

/**
 * One role's statistics (borrowed from the aggregate; updated by every add and merge).
 * Levels are counted over the assessments that answered the role with a level 1..5.
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_role_stats {
    int role;           /**< role index 0..53 */
    int count;          /**< assessments that answered the role with level 1..5 */
    double mean;        /**< mean of those levels, unrounded; 0.0 when count is 0 */
    int min;            /**< lowest of those levels; ::ISOMM_UNANSWERED when count is 0 */
    int max;            /**< highest of those levels; ::ISOMM_UNANSWERED when count is 0 */
    int spread;         /**< max - min; ::ISOMM_UNANSWERED when count is 0 */
    int insource;       /**< of those, answered as insource */
    int outsource;      /**< of those, answered as outsource */
    int unanswered;     /**< assessments that left the role unanswered */
    int not_applicable; /**< assessments that answered level 0 */
    int disagreement;   /**< 1 when spread >= 2 or both sourcings were voted */
} isomm_role_stats;

/**
 * One function's statistics over the assessments in which the function has a maturity.
 *
 * ABI: library-owned, may grow. The library allocates it and hands out pointers; fields may be
 * added at the end while the SONAME stays libisomm.so.1: never allocate, copy or take its size.
 */
typedef struct isomm_function_stats {
    int function; /**< function index 0..8 */
    int count;    /**< assessments in which the function has a maturity */
    double mean;  /**< mean of those maturities, unrounded; 0.0 when count is 0 */
    double min;   /**< lowest maturity; 0.0 when count is 0 */
    double max;   /**< highest maturity; 0.0 when count is 0 */
} isomm_function_stats;

/**
 * Create an empty aggregate.
 * @param out   receives the aggregate; free it with isomm_aggregate_free()
 * @param model the model every added assessment must use (borrowed: it must outlive the
 *              aggregate); NULL = the built-in model
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (out is NULL), ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_aggregate_new(isomm_aggregate **out, const isomm_model *model, isomm_error *err);

/**
 * Add one assessment. Its values are folded into the statistics; the assessment is not kept
 * (its id and assessor name are copied, and its answers recorded, while fewer than
 * ::ISOMM_AGGREGATE_RECORD_MAX assessments are recorded).
 * The statistics do not depend on the order in which assessments are added.
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (an argument is NULL); ::ISOMM_EMODEL (a uses another
 *         model than the aggregate); ::ISOMM_ELIMIT (the aggregate already holds INT_MAX
 *         assessments); ::ISOMM_ENOMEM. On failure the aggregate is unchanged.
 */
ISOMM_EXPORT int isomm_aggregate_add(isomm_aggregate *ag, const isomm_assessment *a, isomm_error *err);

/**
 * Fold the aggregate @p from into @p into, as if every assessment added to @p from had been
 * added to @p into. @p from is not changed. Records of @p from's assessments are appended while
 * @p into has room (up to ::ISOMM_AGGREGATE_RECORD_MAX).
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (an argument is NULL, or into and from are the same
 *         aggregate); ::ISOMM_EMODEL (different models); ::ISOMM_ELIMIT (the sum would exceed
 *         INT_MAX assessments); ::ISOMM_ENOMEM. On failure @p into is unchanged.
 */
ISOMM_EXPORT int isomm_aggregate_merge(isomm_aggregate *into, const isomm_aggregate *from, isomm_error *err);

/**
 * Save an aggregate's whole state (sums, counts and the recorded assessments) as bytes that
 * isomm_aggregate_load() turns back into an equal aggregate, in this or another process on any
 * platform (integers are stored little-endian). The model is not saved.
 * @param out receives the bytes (free with isomm_free()); NULL on error
 * @param len receives their number
 * @param ag  the aggregate (not changed)
 * @param err receives the error, or NULL
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (an argument is NULL); ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_aggregate_save(char **out, size_t *len, const isomm_aggregate *ag, isomm_error *err);

/**
 * Make a new aggregate from bytes written by isomm_aggregate_save(). Every value is checked:
 * counts that do not add up, levels out of range, a truncated or longer input are refused.
 * @param out   receives the aggregate (free with isomm_aggregate_free()); NULL on error
 * @param model the aggregate's model (NULL: the built-in one)
 * @param data  the saved bytes (borrowed for the call)
 * @param len   their number
 * @param err   receives the error (code, message), or NULL
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (out NULL, or data NULL with len > 0); ::ISOMM_EPARSE
 *         (not a saved state, or an inconsistent one; the message names the byte offset);
 *         ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_aggregate_load(isomm_aggregate **out, const isomm_model *model, const char *data, size_t len,
                                      isomm_error *err);

/**
 * Add every assessment of an assessment CSV file, read one at a time with the streaming reader
 * of isomm/csv.h (only one assessment is in memory at a time), so that many files can be
 * aggregated by calling this once per file. The file is all or nothing: on any error the
 * aggregate is left as it was.
 * @param path file to read
 * @param opts CSV options or NULL; opts->model must be NULL (the aggregate's model is used) or
 *             the aggregate's model
 * @param added receives the number of assessments added from the file (may be NULL; 0 on error)
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (ag or path NULL); ::ISOMM_EMODEL (opts->model is another
 *         model); the codes of isomm_csv_reader_open_file() and isomm_csv_reader_next() with
 *         their line and column (::ISOMM_EEMPTY for a file without data row); ::ISOMM_ELIMIT;
 *         ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_aggregate_add_csv_file(isomm_aggregate *ag, const char *path, const isomm_csv_options *opts,
                                              int *added, isomm_error *err);

/** Release an aggregate. NULL is ignored. */
ISOMM_EXPORT void isomm_aggregate_free(isomm_aggregate *ag);

/** The aggregate's model (borrowed); NULL if ag is NULL. */
ISOMM_EXPORT const isomm_model *isomm_aggregate_model(const isomm_aggregate *ag);

/** Number of assessments added (merged ones included); 0 if ag is NULL. */
ISOMM_EXPORT int isomm_aggregate_count(const isomm_aggregate *ag);

/** Role statistics by index 0..53; NULL when ag is NULL or the index is out of range. */
ISOMM_EXPORT const isomm_role_stats *isomm_aggregate_role(const isomm_aggregate *ag, int role);

/** Function statistics by index 0..8; NULL when ag is NULL or the index is out of range. */
ISOMM_EXPORT const isomm_function_stats *isomm_aggregate_function(const isomm_aggregate *ag, int function);

/** Number of roles in the disagreement list (spread >= 2, or both sourcings voted); 0 if ag is NULL. */
ISOMM_EXPORT int isomm_aggregate_disagreement_count(const isomm_aggregate *ag);

/**
 * Role index of the i-th disagreement: largest spread first, then catalogue order.
 * @return 0..53, or ::ISOMM_ERANGE when ag is NULL or i is out of range.
 */
ISOMM_EXPORT int isomm_aggregate_disagreement(const isomm_aggregate *ag, int i);

/** Number of assessments whose answers are recorded (the first ones, at most ::ISOMM_AGGREGATE_RECORD_MAX). */
ISOMM_EXPORT int isomm_aggregate_recorded_count(const isomm_aggregate *ag);

/**
 * Metadata of the i-th recorded assessment: only ::ISOMM_META_ID (never NULL for a valid i) and
 * ::ISOMM_META_ASSESSOR (NULL when unset) are kept. Borrowed from the aggregate.
 * @return NULL when ag is NULL, i is out of range or the field is not kept.
 */
ISOMM_EXPORT const char *isomm_aggregate_recorded_meta(const isomm_aggregate *ag, int i, isomm_meta field);

/**
 * Answer of one role in the i-th recorded assessment (the note is always NULL: notes are not kept).
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (ag or out NULL); ::ISOMM_ERANGE (i or role out of range).
 */
ISOMM_EXPORT int isomm_aggregate_recorded_answer(const isomm_aggregate *ag, int i, int role, isomm_answer *out,
                                                 isomm_error *err);

/* ---------------------------------------------------------------------------------------- */
/* Output                                                                                    */
/* ---------------------------------------------------------------------------------------- */

/**
 * Render a comparison.
 *
 * Formats (opts->format): ::ISOMM_FORMAT_TEXT, ::ISOMM_FORMAT_MARKDOWN, ::ISOMM_FORMAT_JSON (the
 * object of INTERFACES.md section 3 for `isomm compare --format json`: "roles" in catalogue
 * order, "functions" ordered by change, null where a value does not exist),
 * ::ISOMM_FORMAT_SVG_RADAR (one series per assessment) and ::ISOMM_FORMAT_HTML (one
 * self-contained page with the radar chart and the tables). opts->second is ignored.
 *
 * @param out  receives the NUL-terminated output; free it with isomm_free()
 * @param len  receives its length in bytes (may be NULL)
 * @param opts options, or NULL for ::ISOMM_REPORT_OPTIONS_INIT
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (out or c NULL); ::ISOMM_EOPTIONS (unknown options version,
 *         language, or a format a comparison has not, such as ::ISOMM_FORMAT_SVG_HEATMAP);
 *         ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_comparison_render(char **out, size_t *len, const isomm_comparison *c,
                                         const isomm_report_options *opts, isomm_error *err);

/**
 * Render an aggregate.
 *
 * Formats (opts->format): ::ISOMM_FORMAT_TEXT, ::ISOMM_FORMAT_MARKDOWN, ::ISOMM_FORMAT_JSON (the
 * object of INTERFACES.md section 3 for `isomm aggregate --format json`: "roles" and "functions"
 * in catalogue order, "disagreements" in list order, null where a value does not exist),
 * ::ISOMM_FORMAT_SVG_RADAR (the min/mean/max band of the function maturities),
 * ::ISOMM_FORMAT_SVG_HEATMAP (roles by recorded assessment, colour = level) and
 * ::ISOMM_FORMAT_HTML (one self-contained page with both charts and the tables).
 * opts->second is ignored.
 *
 * @param out  receives the NUL-terminated output; free it with isomm_free()
 * @param len  receives its length in bytes (may be NULL)
 * @param opts options, or NULL for ::ISOMM_REPORT_OPTIONS_INIT
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (out or ag NULL); ::ISOMM_EEMPTY (no assessment was
 *         added); ::ISOMM_EOPTIONS (unknown options version, language or format);
 *         ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_aggregate_render(char **out, size_t *len, const isomm_aggregate *ag,
                                        const isomm_report_options *opts, isomm_error *err);

#ifdef __cplusplus
}
#endif

#endif
