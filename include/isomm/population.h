/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/population.h
 * @brief Populations of many assessments (counts only, mergeable) and benchmarks of one
 *        assessment against a population (ISOMM-MODEL.md section 8).
 *
 * A population summarises any number of assessments, typically of many organisations, by
 * counts alone: how many assessments it holds; per function how many had each exact maturity (a
 * function maturity is a fraction sum/count with count <= 10, so the distribution is exact) and
 * how many had none; how many had each overall maturity at a resolution of 0.01 and how many had
 * none; per role how many answered each level 0-5 on each sourcing and how many left it
 * unanswered. It keeps no id, organisation, assessor, date or note. Adding assessments and
 * merging populations add counts, so the result does not depend on order or grouping, and its
 * memory is fixed (about 19 KiB) however many assessments it holds.
 *
 * The overall maturity of an assessment is placed at the nearest hundredth (a half rounds up),
 * computed exactly from the function maturities as fractions, so that the same assessment always
 * falls on the same hundredth.
 *
 * A benchmark places one assessment on a population: per function and overall its percentile =
 * 100 x (number below + 1/2 x number equal) / N, where N counts the population's assessments
 * with that maturity, and the population's quartiles (nearest rank: the value at rank
 * ceil(p x N) of the sorted distribution, p = 1/4, 1/2, 3/4); per role the share of the rated
 * population (answered at level 1-5) below, at and above the assessment's level, and the
 * population's most common sourcing among those rated.
 *
 * Privacy: a population below the minimum size (::ISOMM_POPULATION_MIN_SIZE by default, an option)
 * is refused for benchmarking, and any single figure resting on fewer assessments than that
 * minimum (a function most assessments have no maturity for, a role few rated) is left out of the
 * benchmark. What a population file reveals is described in docs/POPULATION.md.
 *
 * A population borrows its model (it must outlive the population). Populations and assessments
 * of different models (isomm/compare.h: the same catalogue content) are never mixed:
 * ::ISOMM_EMODEL.
 */
#ifndef ISOMM_POPULATION_H
#define ISOMM_POPULATION_H

#include <stdint.h>

#include "isomm/csv.h"
#include "isomm/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the population file layout written by isomm_population_save() (the "format" member). */
#define ISOMM_POPULATION_FORMAT 1

/** Largest population file the loaders accept, in bytes (a full file is far smaller). */
#define ISOMM_POPULATION_FILE_MAX (1024 * 1024)

/** Largest count a population holds (2^53 - 1: every count is exact as a JSON number). */
#define ISOMM_POPULATION_COUNT_MAX 9007199254740991ULL

/** Default smallest population (and smallest count behind any one figure) a benchmark accepts. */
#define ISOMM_POPULATION_MIN_SIZE 5

/** Opaque population handle. */
typedef struct isomm_population isomm_population;

/** One role's counts in a population (borrowed from the population). ABI: library-owned, may grow. */
typedef struct isomm_role_counts {
    int role;                                 /**< role index 0..53 */
    uint64_t insource[ISOMM_LEVEL_MAX + 1];   /**< assessments that answered insource at level 0..5 */
    uint64_t outsource[ISOMM_LEVEL_MAX + 1];  /**< assessments that answered outsource at level 0..5 */
    uint64_t unanswered;                      /**< assessments that left the role unanswered */
} isomm_role_counts;

/**
 * Create an empty population.
 * @param out   receives the population; free it with isomm_population_free()
 * @param model the model of every assessment it will hold (borrowed); NULL = the built-in model
 * @param err   receives the code and message on failure (may be NULL)
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (out is NULL), ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_population_new(isomm_population **out, const isomm_model *model, isomm_error *err);

/** Deep copy (same model). @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_ENOMEM */
ISOMM_EXPORT int isomm_population_copy(isomm_population **out, const isomm_population *src, isomm_error *err);

/** Release a population. NULL is ignored. */
ISOMM_EXPORT void isomm_population_free(isomm_population *p);

/** The population's model (borrowed); NULL if p is NULL. */
ISOMM_EXPORT const isomm_model *isomm_population_model(const isomm_population *p);

/** Number of assessments the population holds; 0 if p is NULL. */
ISOMM_EXPORT uint64_t isomm_population_count(const isomm_population *p);

/**
 * Add one assessment's counts (the assessment is not kept; nothing of its text is).
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (an argument is NULL); ::ISOMM_EMODEL (a uses another model);
 *         ::ISOMM_ELIMIT (the population already holds ::ISOMM_POPULATION_COUNT_MAX assessments);
 *         ::ISOMM_ENOMEM. On failure the population is unchanged.
 */
ISOMM_EXPORT int isomm_population_add(isomm_population *p, const isomm_assessment *a, isomm_error *err);

/**
 * Add every assessment a streaming CSV reader hands over (one assessment in memory at a time),
 * all or nothing: on any error the population is left as it was.
 * @param p     the population
 * @param rd    an open reader (borrowed; read to its end or its first error); its model must be
 *              the population's
 * @param added receives the number of assessments added (may be NULL; 0 on error)
 * @param err   receives the code, line, column and message on failure (may be NULL)
 * @return ::ISOMM_OK; ::ISOMM_EINVAL; the codes of isomm_csv_reader_next() with their line and
 *         column (::ISOMM_EEMPTY for an input without data row); ::ISOMM_EMODEL; ::ISOMM_ELIMIT;
 *         ::ISOMM_ENOMEM.
 */
ISOMM_EXPORT int isomm_population_add_csv_reader(isomm_population *p, isomm_csv_reader *rd, uint64_t *added,
                                                 isomm_error *err);

/**
 * isomm_population_add_csv_reader() on a file opened here with @p opts (NULL = defaults;
 * opts->model must be NULL or the population's model).
 * @return as isomm_population_add_csv_reader(), and the codes of isomm_csv_reader_open_file().
 */
ISOMM_EXPORT int isomm_population_add_csv_file(isomm_population *p, const char *path, const isomm_csv_options *opts,
                                               uint64_t *added, isomm_error *err);

/**
 * Add the counts of @p from to @p into: the result is the population of both sets of assessments.
 * @p from is not changed; it may be @p into (which then doubles).
 * @return ::ISOMM_OK; ::ISOMM_EINVAL; ::ISOMM_EMODEL (different models); ::ISOMM_ELIMIT (a count
 *         would exceed ::ISOMM_POPULATION_COUNT_MAX). On failure @p into is unchanged.
 */
ISOMM_EXPORT int isomm_population_merge(isomm_population *into, const isomm_population *from, isomm_error *err);

/** 1 when both hold the same models (by content) and the same counts, else 0 (also for NULL). */
ISOMM_EXPORT int isomm_population_equal(const isomm_population *x, const isomm_population *y);

/** Assessments in which function 0..8 has no maturity (all its roles at level 0); 0 on bad arguments. */
ISOMM_EXPORT uint64_t isomm_population_function_none(const isomm_population *p, int function);

/** Number of distinct maturities function 0..8 has in the population; 0 on bad arguments. */
ISOMM_EXPORT int isomm_population_function_value_count(const isomm_population *p, int function);

/**
 * The i-th distinct maturity of a function, lowest first, as a reduced fraction.
 * @param p           the population
 * @param function    function index 0..8
 * @param i           0 .. isomm_population_function_value_count() - 1
 * @param numerator   receives the numerator (may be NULL)
 * @param denominator receives the denominator, 1..10 (may be NULL)
 * @param count       receives how many assessments had it, >= 1 (may be NULL)
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (p NULL), ::ISOMM_ERANGE (function or i out of range)
 */
ISOMM_EXPORT int isomm_population_function_value(const isomm_population *p, int function, int i, int *numerator,
                                                 int *denominator, uint64_t *count);

/** Assessments without an overall maturity (no function has one); 0 if p is NULL. */
ISOMM_EXPORT uint64_t isomm_population_overall_none(const isomm_population *p);

/** Number of distinct overall maturities (at 0.01) in the population; 0 if p is NULL. */
ISOMM_EXPORT int isomm_population_overall_value_count(const isomm_population *p);

/**
 * The i-th distinct overall maturity, lowest first.
 * @param p          the population
 * @param i          0 .. isomm_population_overall_value_count() - 1
 * @param hundredths receives the maturity x 100, 100..500 (may be NULL)
 * @param count      receives how many assessments had it, >= 1 (may be NULL)
 * @return ::ISOMM_OK, ::ISOMM_EINVAL (p NULL), ::ISOMM_ERANGE (i out of range)
 */
ISOMM_EXPORT int isomm_population_overall_value(const isomm_population *p, int i, int *hundredths, uint64_t *count);

/** Counts of role 0..53 (borrowed; updated by add and merge); NULL when p is NULL or role out of range. */
ISOMM_EXPORT const isomm_role_counts *isomm_population_role(const isomm_population *p, int role);

/* ---------------------------------------------------------------------------------------- */
/* The population file                                                                       */
/* ---------------------------------------------------------------------------------------- */

/**
 * The population as its JSON file (layout in docs/POPULATION.md, "format" ::ISOMM_POPULATION_FORMAT):
 * counts only, values in ascending order, one member per line group, the same bytes for equal
 * populations whatever the process locale.
 * @param out receives the NUL-terminated document; free it with isomm_free()
 * @param len receives its length (may be NULL)
 * @param p   the population
 * @param err receives the code and message on failure (may be NULL)
 * @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_population_to_json(char **out, size_t *len, const isomm_population *p, isomm_error *err);

/**
 * Write the population file to @p path (NULL or "-": standard output) through isomm/output.h: a
 * failed write leaves an existing file as it was.
 * @return ::ISOMM_OK, ::ISOMM_EINVAL, ::ISOMM_EIO (with the reason), ::ISOMM_ENOMEM
 */
ISOMM_EXPORT int isomm_population_save(const isomm_population *p, const char *path, isomm_error *err);

/**
 * Read a population file from memory. Every count is checked: the file must have exactly the
 * members of the documented layout, "format" ::ISOMM_POPULATION_FORMAT, counts that are whole
 * numbers 0..::ISOMM_POPULATION_COUNT_MAX, each function's, the overall's and each role's counts
 * adding up to "assessments", maturities in range and strictly ascending, fractions reduced with a
 * denominator 1..10, no function or overall without maturity beyond what the level-0 counts
 * allow, and nothing after the object but white space. The file's catalogue must be @p model's.
 * @param out   receives the population; free it with isomm_population_free()
 * @param data  the file's bytes
 * @param len   their number, at most ::ISOMM_POPULATION_FILE_MAX
 * @param model the model to load for (borrowed); NULL = the built-in model
 * @param err   receives the code, line, column (1-based, in bytes) and message on failure (may be NULL)
 * @return ::ISOMM_OK; ::ISOMM_EINVAL; ::ISOMM_EPARSE (not the JSON of a population file: line and
 *         column of the fault, what was found and what was expected); ::ISOMM_ELIMIT (larger than
 *         ::ISOMM_POPULATION_FILE_MAX, or a count above ::ISOMM_POPULATION_COUNT_MAX);
 *         ::ISOMM_ECONFLICT (counts that do not add up, with the member and both numbers);
 *         ::ISOMM_EMODEL (the file was built on another catalogue); ::ISOMM_ENOMEM. The error's
 *         line and column (1-based, the column in bytes) say where, its message what was found
 *         and what was expected; the message does not name the file. On failure *out is NULL.
 */
ISOMM_EXPORT int isomm_population_load_buffer(isomm_population **out, const char *data, size_t len,
                                              const isomm_model *model, isomm_error *err);

/**
 * isomm_population_load_buffer() on a file ("-" = standard input), read with at most
 * ::ISOMM_POPULATION_FILE_MAX + 1 bytes in memory.
 * @return as isomm_population_load_buffer(), and ::ISOMM_EIO when the file cannot be read.
 */
ISOMM_EXPORT int isomm_population_load(isomm_population **out, const char *path, const isomm_model *model,
                                       isomm_error *err);

/* ---------------------------------------------------------------------------------------- */
/* Benchmark                                                                                 */
/* ---------------------------------------------------------------------------------------- */

/** Version of ::isomm_benchmark_options understood by this library. */
#define ISOMM_BENCHMARK_OPTIONS_VERSION 1

/**
 * Benchmark options. Start from ::ISOMM_BENCHMARK_OPTIONS_INIT.
 * ABI: caller may allocate, has a version field (new fields come at the end with a new version).
 */
typedef struct isomm_benchmark_options {
    unsigned int version; /**< ::ISOMM_BENCHMARK_OPTIONS_VERSION */
    uint64_t min_size;    /**< smallest population, and smallest count behind one figure; >= 1 (default 5) */
} isomm_benchmark_options;

/** Defaults: minimum size ::ISOMM_POPULATION_MIN_SIZE. */
#define ISOMM_BENCHMARK_OPTIONS_INIT { ISOMM_BENCHMARK_OPTIONS_VERSION, ISOMM_POPULATION_MIN_SIZE }

/** Opaque benchmark of one assessment against a population. */
typedef struct isomm_benchmark isomm_benchmark;

/** Where an assessment's role stands in the rated population. */
typedef enum isomm_standing {
    ISOMM_STANDING_NONE = 0,  /**< no standing: the role is unanswered or at level 0, or too few rated it */
    ISOMM_STANDING_BELOW = 1, /**< more than half of the rated population is above the assessment's level */
    ISOMM_STANDING_AT = 2,    /**< neither more than half above nor more than half below */
    ISOMM_STANDING_ABOVE = 3  /**< more than half of the rated population is below the assessment's level */
} isomm_standing;

/** A function's or the overall line of a benchmark (borrowed from the benchmark). ABI: library-owned, may grow. */
typedef struct isomm_benchmark_value {
    int function;         /**< function index 0..8, or -1 for the overall maturity */
    int has_maturity;     /**< 1 when the assessment has this maturity */
    double maturity;      /**< the assessment's maturity, unrounded; 0.0 when has_maturity is 0 */
    uint64_t population;  /**< population assessments that have this maturity (N) */
    int has_percentile;   /**< 1 when has_maturity and population >= the minimum size */
    double percentile;    /**< 100 x (below + equal / 2) / N, unrounded; 0.0 when has_percentile is 0 */
    int has_quartiles;    /**< 1 when population >= the minimum size */
    double quartiles[3];  /**< lower quartile, median, upper quartile (nearest rank); 0.0 when none */
} isomm_benchmark_value;

/** A role's line of a benchmark (borrowed from the benchmark). ABI: library-owned, may grow. */
typedef struct isomm_role_standing {
    int role;                       /**< role index 0..53 */
    int level;                      /**< the assessment's level 0..5, ::ISOMM_UNANSWERED when unanswered */
    isomm_sourcing sourcing;        /**< the assessment's sourcing, ::ISOMM_SOURCING_NONE when unanswered */
    uint64_t rated;                 /**< population assessments that answered the role at level 1..5 */
    int has_shares;                 /**< 1 when level is 1..5 and rated >= the minimum size */
    double below;                   /**< share of the rated population below level, 0..1; 0.0 without shares */
    double same;                    /**< share at level */
    double above;                   /**< share above level */
    isomm_standing standing;        /**< from the shares; ::ISOMM_STANDING_NONE without shares */
    isomm_sourcing common_sourcing; /**< the sourcing most of the rated population chose; NONE on a tie
                                         or when rated is below the minimum size */
} isomm_role_standing;

/**
 * Benchmark one assessment against a population. The benchmark copies the assessment's id and
 * every value it reports (neither the assessment nor the population is borrowed); it borrows the
 * model, which must outlive it.
 * @param out  receives the benchmark; free it with isomm_benchmark_free()
 * @param p    the population (not borrowed)
 * @param a    the assessment (not borrowed)
 * @param opts options, or NULL for ::ISOMM_BENCHMARK_OPTIONS_INIT
 * @param err  receives the code and message on failure (may be NULL)
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (an argument is NULL); ::ISOMM_EOPTIONS (unknown options
 *         version, min_size 0); ::ISOMM_EMODEL (the assessment and the population use different
 *         models); ::ISOMM_EEMPTY (the population holds fewer assessments than the minimum size:
 *         too few to benchmark against; the message gives both numbers); ::ISOMM_ENOMEM. One
 *         allocation per call.
 */
ISOMM_EXPORT int isomm_population_benchmark(isomm_benchmark **out, const isomm_population *p,
                                            const isomm_assessment *a, const isomm_benchmark_options *opts,
                                            isomm_error *err);

/** Release a benchmark. NULL is ignored. */
ISOMM_EXPORT void isomm_benchmark_free(isomm_benchmark *b);

/** The benchmark's model (borrowed); NULL if b is NULL. */
ISOMM_EXPORT const isomm_model *isomm_benchmark_model(const isomm_benchmark *b);

/** The benchmarked assessment's id, copied at benchmark time (borrowed); NULL if b is NULL. */
ISOMM_EXPORT const char *isomm_benchmark_id(const isomm_benchmark *b);

/** Number of assessments of the population benchmarked against; 0 if b is NULL. */
ISOMM_EXPORT uint64_t isomm_benchmark_population(const isomm_benchmark *b);

/** The minimum size the benchmark was made with; 0 if b is NULL. */
ISOMM_EXPORT uint64_t isomm_benchmark_min_size(const isomm_benchmark *b);

/** Function line by index 0..8; NULL when b is NULL or the index is out of range. */
ISOMM_EXPORT const isomm_benchmark_value *isomm_benchmark_function(const isomm_benchmark *b, int function);

/** The overall line (maturity placed at 0.01 for its percentile); NULL when b is NULL. */
ISOMM_EXPORT const isomm_benchmark_value *isomm_benchmark_overall(const isomm_benchmark *b);

/** Role line by index 0..53; NULL when b is NULL or the index is out of range. */
ISOMM_EXPORT const isomm_role_standing *isomm_benchmark_role(const isomm_benchmark *b, int role);

/** Stable id of a standing: "below", "at", "above"; NULL for ::ISOMM_STANDING_NONE or another value. */
ISOMM_EXPORT const char *isomm_standing_id(isomm_standing s);

/**
 * Render benchmarks (one per assessment of a file) as one document.
 *
 * Formats (opts->format): ::ISOMM_FORMAT_TEXT and ::ISOMM_FORMAT_MARKDOWN (per benchmark: the
 * table of functions with maturity, percentile and quartiles, the overall line, and the roles
 * grouped by where the assessment stands); ::ISOMM_FORMAT_JSON (the array of INTERFACES.md
 * section 3 for `isomm benchmark --format json`: numbers unrounded, `null` where a value does not
 * exist, `[]` for count 0); ::ISOMM_FORMAT_SVG_RADAR (exactly one benchmark: the population's
 * interquartile band and median behind the assessment's line); ::ISOMM_FORMAT_HTML (one
 * self-contained printable page, a section with the radar and the tables per benchmark, each
 * starting a new printed page). opts->second is ignored.
 * @param out   receives the NUL-terminated UTF-8 document; free it with isomm_free()
 * @param len   receives its length (may be NULL)
 * @param list  @p count benchmarks (borrowed, none NULL)
 * @param count number of benchmarks
 * @param opts  options, or NULL for ::ISOMM_REPORT_OPTIONS_INIT
 * @param err   receives the code and message on failure (may be NULL)
 * @return ::ISOMM_OK; ::ISOMM_EINVAL (out NULL, list NULL with count > 0, a NULL element, or not
 *         exactly one benchmark for SVG); ::ISOMM_EEMPTY (count 0 for a format other than JSON);
 *         ::ISOMM_EOPTIONS (unknown options version, language or a format benchmarks have not);
 *         ::ISOMM_ENOMEM. On failure *out is NULL.
 */
ISOMM_EXPORT int isomm_benchmark_render(char **out, size_t *len, const isomm_benchmark *const *list, size_t count,
                                        const isomm_report_options *opts, isomm_error *err);

#ifdef __cplusplus
}
#endif

#endif
