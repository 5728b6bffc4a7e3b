/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/assessment.h
 * @brief One organisation's answers: a sourcing and a 0-5 level per role, notes and metadata.
 *
 * An assessment is built on a model, which it borrows: the model must outlive it. Every role
 * starts unanswered. Setting a role replaces its previous answer.
 */
#ifndef ISOMM_ASSESSMENT_H
#define ISOMM_ASSESSMENT_H

#include "isomm/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Level value of an unanswered role in ::isomm_answer. */
#define ISOMM_UNANSWERED (-1)

/** Opaque assessment handle. */
typedef struct isomm_assessment isomm_assessment;

/**
 * One role's answer as read back by isomm_assessment_get().
 *
 * ABI: caller-allocated, fixed layout. Its fields never change while the SONAME stays
 * libisomm.so.1.
 */
typedef struct isomm_answer {
    isomm_sourcing sourcing; /**< ::ISOMM_SOURCING_NONE when unanswered */
    int level;               /**< 0..5, or ::ISOMM_UNANSWERED */
    const char *note;        /**< borrowed note text (UTF-8), NULL when there is none */
} isomm_answer;

/** Text metadata fields of an assessment. */
typedef enum isomm_meta {
    ISOMM_META_ID = 0,           /**< assessment id; "default" until set */
    ISOMM_META_ORGANIZATION = 1, /**< organisation name */
    ISOMM_META_ASSESSOR = 2,     /**< who answered */
    ISOMM_META_DATE = 3          /**< ISO 8601 date YYYY-MM-DD (validated) */
} isomm_meta;

/** Number of ::isomm_meta fields. */
#define ISOMM_META_COUNT 4

/**
 * Create an empty assessment (all roles unanswered, id "default", no patterns).
 * @param out   receives the new assessment; free it with isomm_assessment_free()
 * @param model the catalogue to use (borrowed, must outlive the assessment); NULL = default model
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (out is NULL), ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_assessment_new(isomm_assessment **out, const isomm_model *model, isomm_error *err);

/** Deep copy (answers, notes, metadata; same model). @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_ENOMEM */
ISOMM_EXPORT int isomm_assessment_copy(isomm_assessment **out, const isomm_assessment *src, isomm_error *err);

/** Release an assessment and everything it owns. NULL is ignored. */
ISOMM_EXPORT void isomm_assessment_free(isomm_assessment *a);

/** The model the assessment was built on (borrowed). NULL if a is NULL. */
ISOMM_EXPORT const isomm_model *isomm_assessment_model(const isomm_assessment *a);

/**
 * Record one role's answer.
 * @param role     role code, e.g. "E-2"
 * @param sourcing ::ISOMM_INSOURCE or ::ISOMM_OUTSOURCE (every level, 0 included, needs one)
 * @param level    0..5
 * @param note     free text copied into the assessment (UTF-8), or NULL for none
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (a or role NULL); ::ISOMM_EROLE (unknown code);
 *         ::ISOMM_ELEVEL (level outside 0..5); ::ISOMM_ESOURCING (sourcing none or invalid);
 *         ::ISOMM_ENOMEM. On failure the previous answer is unchanged.
 */
ISOMM_EXPORT int isomm_assessment_set(isomm_assessment *a, const char *role, isomm_sourcing sourcing,
                                      int level, const char *note, isomm_error *err);

/** isomm_assessment_set() by role index 0..53 (::ISOMM_ERANGE when out of range). */
ISOMM_EXPORT int isomm_assessment_set_index(isomm_assessment *a, int role, isomm_sourcing sourcing,
                                            int level, const char *note, isomm_error *err);

/**
 * Set or remove the note of a role without touching its answer (an unanswered role may carry
 * a note). NULL or "" removes it.
 * @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_EROLE, ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_assessment_set_note(isomm_assessment *a, const char *role, const char *note, isomm_error *err);

/**
 * Read one role's answer. The note pointer is borrowed and valid until the role is changed.
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (a, role or out NULL), ::ISOMM_EROLE
 */
ISOMM_EXPORT int isomm_assessment_get(const isomm_assessment *a, const char *role, isomm_answer *out, isomm_error *err);

/** isomm_assessment_get() by role index (::ISOMM_ERANGE when out of range). */
ISOMM_EXPORT int isomm_assessment_get_index(const isomm_assessment *a, int role, isomm_answer *out, isomm_error *err);

/** Make a role unanswered again (its note is removed too). @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_EROLE */
ISOMM_EXPORT int isomm_assessment_clear(isomm_assessment *a, const char *role, isomm_error *err);

/** Number of answered roles (0..54); 0 if a is NULL. */
ISOMM_EXPORT int isomm_assessment_answered(const isomm_assessment *a);

/**
 * Set a metadata field (copied). NULL or "" clears it (the id returns to "default").
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (a NULL or field invalid), ::ISOMM_EDATE (date not
 *         YYYY-MM-DD or not a real calendar day), ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_assessment_set_meta(isomm_assessment *a, isomm_meta field, const char *value, isomm_error *err);

/** A metadata field (borrowed): the id is never NULL; other fields are NULL when unset. */
ISOMM_EXPORT const char *isomm_assessment_meta(const isomm_assessment *a, isomm_meta field);

/** Name of a metadata field as used in CSV and JSON ("assessment", "organization", "assessor", "date"). */
ISOMM_EXPORT const char *isomm_meta_name(isomm_meta field);

/**
 * Set the current (current != 0) or target pattern. ::ISOMM_PATTERN_NONE clears it.
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (a NULL), ::ISOMM_EPATTERN (value not a pattern)
 */
ISOMM_EXPORT int isomm_assessment_set_pattern(isomm_assessment *a, int current, isomm_pattern pattern, isomm_error *err);

/** The current (current != 0) or target pattern; ::ISOMM_PATTERN_NONE when unset or a is NULL. */
ISOMM_EXPORT isomm_pattern isomm_assessment_pattern(const isomm_assessment *a, int current);

/**
 * Whether two assessments hold the same model, answers, notes, metadata and patterns.
 * @return 1 if equal, 0 if not (or either is NULL).
 */
ISOMM_EXPORT int isomm_assessment_equal(const isomm_assessment *a, const isomm_assessment *b);

#ifdef __cplusplus
}
#endif

#endif
