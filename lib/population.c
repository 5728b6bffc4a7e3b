/* SPDX-License-Identifier: MIT */
/* Populations (counts only, mergeable), their JSON file, and benchmarks of one assessment against
 * a population (ISOMM-MODEL.md section 8; the file layout is docs/POPULATION.md).
 *
 * Every count is an integer, so adding and merging are exact and independent of order. A
 * function maturity is sum/count with 1 <= count <= 10 and count <= sum <= 5 count; held as an
 * integer multiple of 1/2520 (2520 = lcm(1..10)) it is one of the 129 values of value_k below, so
 * a function's distribution is 129 counters. The overall maturity (the mean of the function
 * maturities that exist) is placed at the nearest hundredth by integer arithmetic: 401 counters.
 * The population's memory is fixed; a benchmark is one pass over those counters. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "internal.h"

#define UNIT 2520          /* lcm(1..10): every function maturity is a whole number of 1/2520 */
#define VALUE_COUNT 129    /* distinct fractions s/c with 1 <= c <= 10 and 1 <= s/c <= 5 */
#define OVERALL_MIN 100    /* overall maturity in hundredths: 1.00 ... 5.00 */
#define OVERALL_COUNT 401
#define ROLE_COUNTS 13     /* insource 0..5, outsource 0..5, unanswered */
#define UNANSWERED_SLOT 12

/* The function maturities in units of 1/2520, ascending (generated from the rule above). */
static const uint16_t value_k[VALUE_COUNT] = {
    2520, 2772, 2800, 2835, 2880, 2940, 3024, 3080, 3150, 3240, 3276, 3360, 3465, 3528, 3600, 3640,
    3780, 3920, 3960, 4032, 4095, 4200, 4284, 4320, 4410, 4480, 4536, 4620, 4680, 4725, 4760, 4788,
    5040, 5292, 5320, 5355, 5400, 5460, 5544, 5600, 5670, 5760, 5796, 5880, 5985, 6048, 6120, 6160,
    6300, 6440, 6480, 6552, 6615, 6720, 6804, 6840, 6930, 7000, 7056, 7140, 7200, 7245, 7280, 7308,
    7560, 7812, 7840, 7875, 7920, 7980, 8064, 8120, 8190, 8280, 8316, 8400, 8505, 8568, 8640, 8680,
    8820, 8960, 9000, 9072, 9135, 9240, 9324, 9360, 9450, 9520, 9576, 9660, 9720, 9765, 9800, 9828,
    10080, 10332, 10360, 10395, 10440, 10500, 10584, 10640, 10710, 10800, 10836, 10920, 11025, 11088,
    11160, 11200, 11340, 11480, 11520, 11592, 11655, 11760, 11844, 11880, 11970, 12040, 12096, 12180,
    12240, 12285, 12320, 12348, 12600,
};

struct isomm_population {
    const isomm_model *model;
    uint64_t count;
    uint64_t function_none[ISOMM_FUNCTION_COUNT];
    uint64_t function_values[ISOMM_FUNCTION_COUNT][VALUE_COUNT];
    uint64_t overall_none;
    uint64_t overall_values[OVERALL_COUNT];
    isomm_role_counts roles[ISOMM_ROLE_COUNT];
};

struct isomm_benchmark {
    const isomm_model *model;
    uint64_t population;
    uint64_t min_size;
    isomm_benchmark_value functions[ISOMM_FUNCTION_COUNT];
    isomm_benchmark_value overall;
    isomm_role_standing roles[ISOMM_ROLE_COUNT];
    char id[]; /* the assessment's id, copied */
};

/* ---- one assessment's place in the counters -------------------------------------------- */

/* Index in value_k of k (which is one of its values). */
static int value_index(int k)
{
    int lo = 0, hi = VALUE_COUNT - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (value_k[mid] < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* What an assessment adds: the value index of each function (-1 without maturity) and the overall
 * in hundredths (-1 without), with the unrounded maturities. They come from isomm__maturity(), the
 * one implementation of the maturity rules, which isomm_evaluate() uses too. */
typedef struct placement {
    int function[ISOMM_FUNCTION_COUNT];
    int overall;
    double maturity[ISOMM_FUNCTION_COUNT];
    double overall_maturity;
} placement;

static void place(placement *pl, const isomm_assessment *a)
{
    isomm_function_result functions[ISOMM_FUNCTION_COUNT];
    long sum_k = 0;
    int f, rated = 0, has_overall;

    isomm__maturity(a, functions, &has_overall, &pl->overall_maturity);
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_result *fr = &functions[f];
        pl->function[f] = -1;
        pl->maturity[f] = fr->maturity;
        if (fr->has_maturity) {
            /* the maturity is sum / rated_roles with a whole sum, which rounding recovers */
            int sum = (int)(fr->maturity * fr->rated_roles + 0.5);
            int k = sum * (UNIT / fr->rated_roles);
            pl->function[f] = value_index(k);
            sum_k += k;
            rated++;
        }
    }
    pl->overall = -1;
    if (has_overall) {
        /* round(100 x sum_k / (UNIT x rated)), a half rounding up, in integers */
        long den = (long)UNIT * rated;
        pl->overall = (int)((200 * sum_k + den) / (2 * den));
    }
}

/* ---- population ------------------------------------------------------------------------ */

static void init(isomm_population *p, const isomm_model *model)
{
    int i;
    memset(p, 0, sizeof *p);
    p->model = model ? model : isomm_model_default();
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        p->roles[i].role = i;
}

int isomm_population_new(isomm_population **out, const isomm_model *model, isomm_error *err)
{
    isomm_population *p;
    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "out must not be NULL");
    *out = NULL;
    p = malloc(sizeof *p);
    if (!p)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory creating a population");
    init(p, model);
    *out = p;
    return ISOMM_OK;
}

int isomm_population_copy(isomm_population **out, const isomm_population *src, isomm_error *err)
{
    isomm_population *p;
    if (!out || !src)
        return isomm__fail(err, ISOMM_EINVAL, "out and src must not be NULL");
    *out = NULL;
    p = malloc(sizeof *p);
    if (!p)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory copying a population");
    memcpy(p, src, sizeof *p);
    *out = p;
    return ISOMM_OK;
}

void isomm_population_free(isomm_population *p)
{
    free(p);
}

const isomm_model *isomm_population_model(const isomm_population *p)
{
    return p ? p->model : NULL;
}

uint64_t isomm_population_count(const isomm_population *p)
{
    return p ? p->count : 0;
}

static int models_differ(isomm_error *err, const isomm_model *x, const isomm_model *y, const char *what)
{
    return isomm__fail(err, ISOMM_EMODEL,
                       "%s use different models ('%.100s' and '%.100s'); a population holds assessments of one "
                       "catalogue",
                       what, isomm_model_name(x), isomm_model_name(y));
}

/* Slot of a role answer in isomm_role_counts seen as 13 counters. */
static uint64_t *role_slot(isomm_role_counts *pr, int slot)
{
    if (slot == UNANSWERED_SLOT)
        return &pr->unanswered;
    return slot <= ISOMM_LEVEL_MAX ? &pr->insource[slot] : &pr->outsource[slot - ISOMM_LEVEL_MAX - 1];
}

static uint64_t role_get(const isomm_role_counts *pr, int slot)
{
    return *role_slot((isomm_role_counts *)pr, slot);
}

int isomm_population_add(isomm_population *p, const isomm_assessment *a, isomm_error *err)
{
    placement pl;
    int i;

    if (!p || !a)
        return isomm__fail(err, ISOMM_EINVAL, "population and assessment must not be NULL");
    if (!isomm__model_same(p->model, a->model))
        return models_differ(err, a->model, p->model, "the assessment and the population");
    if (p->count >= ISOMM_POPULATION_COUNT_MAX)
        return isomm__fail(err, ISOMM_ELIMIT, "the population already holds %llu assessments, the most it can",
                           (unsigned long long)p->count);
    place(&pl, a);
    p->count++;
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        if (pl.function[i] < 0)
            p->function_none[i]++;
        else
            p->function_values[i][pl.function[i]]++;
    }
    if (pl.overall < 0)
        p->overall_none++;
    else
        p->overall_values[pl.overall - OVERALL_MIN]++;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        int level = a->level[i];
        int slot = level == ISOMM_UNANSWERED ? UNANSWERED_SLOT
                                             : level + (a->sourcing[i] == ISOMM_OUTSOURCE ? ISOMM_LEVEL_MAX + 1 : 0);
        (*role_slot(&p->roles[i], slot))++;
    }
    return ISOMM_OK;
}

int isomm_population_merge(isomm_population *into, const isomm_population *from, isomm_error *err)
{
    int i, j;
    if (!into || !from)
        return isomm__fail(err, ISOMM_EINVAL, "populations must not be NULL");
    if (!isomm__model_same(into->model, from->model))
        return models_differ(err, from->model, into->model, "the two populations");
    /* every other count is at most count, so checking the total is enough */
    if (from->count > ISOMM_POPULATION_COUNT_MAX - into->count)
        return isomm__fail(err, ISOMM_ELIMIT,
                           "merging %llu and %llu assessments exceeds the most a population holds (%llu)",
                           (unsigned long long)into->count, (unsigned long long)from->count,
                           ISOMM_POPULATION_COUNT_MAX);
    into->count += from->count;
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        into->function_none[i] += from->function_none[i];
        for (j = 0; j < VALUE_COUNT; j++)
            into->function_values[i][j] += from->function_values[i][j];
    }
    into->overall_none += from->overall_none;
    for (j = 0; j < OVERALL_COUNT; j++)
        into->overall_values[j] += from->overall_values[j];
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        for (j = 0; j < ROLE_COUNTS; j++)
            *role_slot(&into->roles[i], j) += role_get(&from->roles[i], j);
    return ISOMM_OK;
}

int isomm_population_add_csv_reader(isomm_population *p, isomm_csv_reader *rd, uint64_t *added, isomm_error *err)
{
    isomm_population part;
    isomm_assessment *a;
    int rc;

    if (added)
        *added = 0;
    if (!p || !rd)
        return isomm__fail(err, ISOMM_EINVAL, "population and reader must not be NULL");
    /* the input's assessments are counted apart and merged only when all were read */
    init(&part, p->model);
    while ((rc = isomm_csv_reader_next(rd, &a, err)) == 1) {
        rc = isomm_population_add(&part, a, err);
        isomm_assessment_free(a);
        if (rc)
            return rc;
    }
    if (!rc)
        rc = isomm_population_merge(p, &part, err);
    if (!rc && added)
        *added = part.count;
    return rc;
}

int isomm_population_add_csv_file(isomm_population *p, const char *path, const isomm_csv_options *opts,
                                  uint64_t *added, isomm_error *err)
{
    static const isomm_csv_options defaults = ISOMM_CSV_OPTIONS_INIT;
    isomm_csv_options o;
    isomm_csv_reader *rd;
    int rc;

    if (added)
        *added = 0;
    if (!p || !path)
        return isomm__fail(err, ISOMM_EINVAL, "population and path must not be NULL");
    o = opts ? *opts : defaults;
    if (o.model && !isomm__model_same(o.model, p->model))
        return models_differ(err, o.model, p->model, "the CSV options and the population");
    o.model = p->model;
    rc = isomm_csv_reader_open_file(&rd, path, &o, err);
    if (rc)
        return rc;
    rc = isomm_population_add_csv_reader(p, rd, added, err);
    isomm_csv_reader_free(rd);
    return rc;
}

int isomm_population_equal(const isomm_population *x, const isomm_population *y)
{
    if (!x || !y || !isomm__model_same(x->model, y->model))
        return 0;
    return x->count == y->count && memcmp(x->function_none, y->function_none, sizeof x->function_none) == 0
           && memcmp(x->function_values, y->function_values, sizeof x->function_values) == 0
           && x->overall_none == y->overall_none
           && memcmp(x->overall_values, y->overall_values, sizeof x->overall_values) == 0
           && memcmp(x->roles, y->roles, sizeof x->roles) == 0;
}

uint64_t isomm_population_function_none(const isomm_population *p, int function)
{
    if (!p || function < 0 || function >= ISOMM_FUNCTION_COUNT)
        return 0;
    return p->function_none[function];
}

/* Number of non-zero counters, and the i-th of them. */
static int nonzero_count(const uint64_t *v, int n)
{
    int i, c = 0;
    for (i = 0; i < n; i++)
        c += v[i] != 0;
    return c;
}

static int nonzero_at(const uint64_t *v, int n, int want)
{
    int i;
    for (i = 0; i < n; i++)
        if (v[i] && want-- == 0)
            return i;
    return -1;
}

int isomm_population_function_value_count(const isomm_population *p, int function)
{
    if (!p || function < 0 || function >= ISOMM_FUNCTION_COUNT)
        return 0;
    return nonzero_count(p->function_values[function], VALUE_COUNT);
}

static int gcd(int a, int b)
{
    while (b) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

int isomm_population_function_value(const isomm_population *p, int function, int i, int *numerator,
                                    int *denominator, uint64_t *count)
{
    int at, g;
    if (!p)
        return ISOMM_EINVAL;
    if (function < 0 || function >= ISOMM_FUNCTION_COUNT || i < 0
        || (at = nonzero_at(p->function_values[function], VALUE_COUNT, i)) < 0)
        return ISOMM_ERANGE;
    g = gcd(value_k[at], UNIT);
    if (numerator)
        *numerator = value_k[at] / g;
    if (denominator)
        *denominator = UNIT / g;
    if (count)
        *count = p->function_values[function][at];
    return ISOMM_OK;
}

uint64_t isomm_population_overall_none(const isomm_population *p)
{
    return p ? p->overall_none : 0;
}

int isomm_population_overall_value_count(const isomm_population *p)
{
    return p ? nonzero_count(p->overall_values, OVERALL_COUNT) : 0;
}

int isomm_population_overall_value(const isomm_population *p, int i, int *hundredths, uint64_t *count)
{
    int at;
    if (!p)
        return ISOMM_EINVAL;
    if (i < 0 || (at = nonzero_at(p->overall_values, OVERALL_COUNT, i)) < 0)
        return ISOMM_ERANGE;
    if (hundredths)
        *hundredths = at + OVERALL_MIN;
    if (count)
        *count = p->overall_values[at];
    return ISOMM_OK;
}

const isomm_role_counts *isomm_population_role(const isomm_population *p, int role)
{
    if (!p || role < 0 || role >= ISOMM_ROLE_COUNT)
        return NULL;
    return &p->roles[role];
}

/* ---- the file: catalogue fingerprint ----------------------------------------------------- */

/* FNV-1a (64 bits) over what makes two models the same (isomm__model_same): each role's domain,
 * names and summaries, each function's names, every text followed by a NUL. */
static uint64_t fnv_text(uint64_t h, const char *s)
{
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    do {
        h ^= *u;
        h *= 1099511628211ULL;
    } while (*u++);
    return h;
}

static void catalogue_id(const isomm_model *m, char out[32])
{
    uint64_t h = 14695981039346656037ULL;
    int i;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_info *r = &m->roles[i];
        h ^= (unsigned)r->domain;
        h *= 1099511628211ULL;
        h = fnv_text(h, r->name_ja);
        h = fnv_text(h, r->name_en);
        h = fnv_text(h, r->summary_ja);
        h = fnv_text(h, r->summary_en);
    }
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        h = fnv_text(h, m->functions[i].name_ja);
        h = fnv_text(h, m->functions[i].name_en);
    }
    snprintf(out, 32, "fnv1a64:%016llx", (unsigned long long)h);
}

/* ---- the file: writing -------------------------------------------------------------------- */

static const char file_type[] = "isomm-population";

static void put_count(isomm_buf *b, uint64_t v)
{
    isomm__buf_int(b, (long long)v); /* every count is at most ISOMM_POPULATION_COUNT_MAX */
}

int isomm_population_to_json(char **out, size_t *len, const isomm_population *p, isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;
    char cat[32];
    int f, i, j;

    if (!out || !p)
        return isomm__fail(err, ISOMM_EINVAL, "out and population must not be NULL");
    *out = NULL;
    catalogue_id(p->model, cat);
    isomm__buf_printf(&b, "{\"type\": \"%s\", \"format\": %d,\n \"model\": ", file_type, ISOMM_POPULATION_FORMAT);
    isomm__buf_json_string(&b, isomm_model_name(p->model));
    isomm__buf_printf(&b, ", \"catalogue\": \"%s\",\n \"assessments\": ", cat);
    put_count(&b, p->count);
    isomm__buf_puts(&b, ",\n \"functions\": [");
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        int first = 1;
        isomm__buf_printf(&b, "%s\n  {\"code\": \"%s\", \"without_maturity\": ", f ? "," : "",
                          p->model->functions[f].code);
        put_count(&b, p->function_none[f]);
        isomm__buf_puts(&b, ", \"maturities\": [");
        for (i = 0; i < VALUE_COUNT; i++) {
            int g;
            if (!p->function_values[f][i])
                continue;
            g = gcd(value_k[i], UNIT);
            isomm__buf_printf(&b, "%s[%d, %d, ", first ? "" : ", ", value_k[i] / g, UNIT / g);
            put_count(&b, p->function_values[f][i]);
            isomm__buf_putc(&b, ']');
            first = 0;
        }
        isomm__buf_puts(&b, "]}");
    }
    isomm__buf_puts(&b, "],\n \"overall\": {\"without_maturity\": ");
    put_count(&b, p->overall_none);
    isomm__buf_puts(&b, ", \"maturities\": [");
    for (i = 0, j = 0; i < OVERALL_COUNT; i++) {
        if (!p->overall_values[i])
            continue;
        isomm__buf_printf(&b, "%s[%d, ", j++ ? ", " : "", i + OVERALL_MIN);
        put_count(&b, p->overall_values[i]);
        isomm__buf_putc(&b, ']');
    }
    isomm__buf_puts(&b, "]},\n \"roles\": [");
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_counts *pr = &p->roles[i];
        isomm__buf_printf(&b, "%s\n  {\"code\": \"%s\", \"unanswered\": ", i ? "," : "", p->model->roles[i].code);
        put_count(&b, pr->unanswered);
        isomm__buf_puts(&b, ", \"insource\": [");
        for (j = 0; j <= ISOMM_LEVEL_MAX; j++) {
            if (j)
                isomm__buf_puts(&b, ", ");
            put_count(&b, pr->insource[j]);
        }
        isomm__buf_puts(&b, "], \"outsource\": [");
        for (j = 0; j <= ISOMM_LEVEL_MAX; j++) {
            if (j)
                isomm__buf_puts(&b, ", ");
            put_count(&b, pr->outsource[j]);
        }
        isomm__buf_puts(&b, "]}");
    }
    isomm__buf_puts(&b, "]}\n");
    *out = isomm__buf_take(&b, len);
    if (!*out)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory writing a population");
    return ISOMM_OK;
}

int isomm_population_save(const isomm_population *p, const char *path, isomm_error *err)
{
    char *doc;
    size_t len;
    int rc = isomm_population_to_json(&doc, &len, p, err);
    if (rc)
        return rc;
    rc = isomm_write_file(path, doc, len, err);
    isomm_free(doc);
    return rc;
}

/* ---- the file: reading -------------------------------------------------------------------- */

#define STRING_MAX 256 /* longest text of a population file, its NUL included */

/* A reader of exactly the documented layout over a buffer of at most ISOMM_POPULATION_FILE_MAX
 * bytes. The layout has a fixed depth, so the reader has no recursion: a hostile file can cost
 * neither stack nor heap. */
typedef struct pos {
    const char *at, *line_start;
    long line;
} pos;

typedef struct reader {
    const char *s, *at, *end;
    const char *line_start;
    long line;
    isomm_error *err;
    /* each function's, the overall's and each role's total and where its object began: checked
     * against "assessments" once the whole file is read, so that the members' order is free */
    uint64_t function_sum[ISOMM_FUNCTION_COUNT], overall_sum, role_sum[ISOMM_ROLE_COUNT];
    pos function_at[ISOMM_FUNCTION_COUNT], overall_at, role_at[ISOMM_ROLE_COUNT];
    pos key_at; /* the last member name read, for messages about it */
    char model[STRING_MAX]; /* the file's "model" member, "" until read */
} reader;

static pos mark(const reader *r)
{
    pos p;
    p.at = r->at;
    p.line_start = r->line_start;
    p.line = r->line;
    return p;
}

static void seek(reader *r, pos p)
{
    r->at = p.at;
    r->line_start = p.line_start;
    r->line = p.line;
}

static int fail_here(reader *r, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* An error at the reader's position: line and column (1-based, in bytes) go to the error record. */
static int fail_here(reader *r, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    isomm__vfail_at(r->err, code, r->line, (long)(r->at - r->line_start) + 1, fmt, ap);
    va_end(ap);
    return code;
}

static void skip_space(reader *r)
{
    while (r->at < r->end) {
        char c = *r->at;
        if (c == '\n') {
            r->line++;
            r->line_start = r->at + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            return;
        }
        r->at++;
    }
}

/* What stands at the reader, for messages: "'x'", "the end of the file". */
static const char *found(reader *r, char buf[16])
{
    unsigned char c;
    if (r->at >= r->end)
        return "the end of the file";
    c = (unsigned char)*r->at;
    if (c < 0x20 || c >= 0x7f)
        snprintf(buf, 16, "byte 0x%02x", c);
    else
        snprintf(buf, 16, "'%c'", c);
    return buf;
}

static int expect(reader *r, char c, const char *context)
{
    char buf[16];
    skip_space(r);
    if (r->at < r->end && *r->at == c) {
        r->at++;
        return 0;
    }
    return fail_here(r, ISOMM_EPARSE, "expected '%c' %s, found %s", c, context, found(r, buf));
}

/* After an element of an array or a member of an object: 1 when another follows (a comma was
 * read), 0 at the closing bracket (read). */
static int more(reader *r, char close, const char *context)
{
    char buf[16];
    skip_space(r);
    if (r->at < r->end && *r->at == ',') {
        r->at++;
        return 1;
    }
    if (r->at < r->end && *r->at == close) {
        r->at++;
        return 0;
    }
    fail_here(r, ISOMM_EPARSE, "expected ',' or '%c' %s, found %s", close, context, found(r, buf));
    return -1;
}

/* A JSON string; its text (escapes decoded, only ASCII kept exactly: texts compared here are
 * ASCII, others only informative) into out[STRING_MAX]. */
static int read_string(reader *r, char *out, const char *context)
{
    size_t n = 0;
    char buf[16];
    skip_space(r);
    if (r->at >= r->end || *r->at != '"')
        return fail_here(r, ISOMM_EPARSE, "expected a string %s, found %s", context, found(r, buf));
    r->at++;
    for (;;) {
        unsigned char c;
        if (r->at >= r->end)
            return fail_here(r, ISOMM_EPARSE, "unterminated string %s", context);
        c = (unsigned char)*r->at;
        if (c == '"')
            break;
        if (c < 0x20)
            return fail_here(r, ISOMM_EPARSE, "control character 0x%02x in a string %s", c, context);
        if (c == '\\') {
            static const char simple[] = "\"\\/bfnrt", decoded[] = "\"\\/\b\f\n\r\t";
            const char *at;
            if (r->end - r->at < 2)
                return fail_here(r, ISOMM_EPARSE, "unterminated string %s", context);
            r->at++;
            if (*r->at == 'u') {
                unsigned long cp = 0;
                int i;
                for (i = 1; i <= 4; i++) {
                    const char *hex = "0123456789abcdef0123456789ABCDEF", *d;
                    if (r->end - r->at <= i || !r->at[i] || !(d = strchr(hex, r->at[i])))
                        return fail_here(r, ISOMM_EPARSE, "expected four hex digits after \\u %s", context);
                    cp = cp * 16 + (unsigned long)((d - hex) % 16);
                }
                r->at += 4;
                /* texts compared here are ASCII; other characters only need to be skipped */
                c = cp >= 0x20 && cp < 0x7f ? (unsigned char)cp : '?';
            } else if (*r->at && (at = strchr(simple, *r->at)) != NULL) {
                c = (unsigned char)decoded[at - simple];
            } else {
                return fail_here(r, ISOMM_EPARSE, "unknown escape in a string %s", context);
            }
        }
        if (n + 1 >= STRING_MAX)
            return fail_here(r, ISOMM_ELIMIT, "string longer than %d bytes %s", STRING_MAX - 1, context);
        out[n++] = (char)c;
        r->at++;
    }
    r->at++;
    out[n] = '\0';
    return 0;
}

/* A count: a whole number 0..ISOMM_POPULATION_COUNT_MAX without sign, fraction or exponent. */
static int read_count(reader *r, uint64_t *out, const char *context)
{
    uint64_t v = 0;
    const char *start;
    char buf[16];
    skip_space(r);
    start = r->at;
    if (r->at < r->end && *r->at == '-')
        return fail_here(r, ISOMM_EPARSE, "negative number %s (expected a count, 0 or more)", context);
    if (r->at >= r->end || *r->at < '0' || *r->at > '9')
        return fail_here(r, ISOMM_EPARSE, "expected a count %s, found %s", context, found(r, buf));
    while (r->at < r->end && *r->at >= '0' && *r->at <= '9') {
        if (v > (ISOMM_POPULATION_COUNT_MAX - (uint64_t)(*r->at - '0')) / 10) {
            r->at = start;
            return fail_here(r, ISOMM_ELIMIT, "number too large %s (the largest count is %llu)", context,
                             ISOMM_POPULATION_COUNT_MAX);
        }
        v = v * 10 + (uint64_t)(*r->at - '0');
        r->at++;
    }
    if (*start == '0' && r->at - start > 1) {
        r->at = start;
        return fail_here(r, ISOMM_EPARSE, "number with a leading zero %s", context);
    }
    if (r->at < r->end && (*r->at == '.' || *r->at == 'e' || *r->at == 'E')) {
        r->at = start;
        return fail_here(r, ISOMM_EPARSE, "number that is not a whole number %s (expected a count)", context);
    }
    *out = v;
    return 0;
}

/* The next member name of an object; 0 with *key set, or an error. */
static int read_key(reader *r, char *key, const char *context)
{
    int rc;
    skip_space(r);
    r->key_at = mark(r);
    rc = read_string(r, key, context);
    return rc ? rc : expect(r, ':', context);
}

/* Members of an object, by bit: each must come exactly once. */
static int member(reader *r, const char *key, const char *const *names, int n, unsigned *seen, const char *context)
{
    int i;
    for (i = 0; i < n; i++)
        if (strcmp(key, names[i]) == 0)
            break;
    if (i == n || (*seen & (1u << i)))
        seek(r, r->key_at);
    if (i == n) {
        fail_here(r, ISOMM_EPARSE, "unknown member \"%.60s\" %s", key, context);
        return -1;
    }
    if (*seen & (1u << i)) {
        fail_here(r, ISOMM_EPARSE, "member \"%s\" given twice %s", key, context);
        return -1;
    }
    *seen |= 1u << i;
    return i;
}

static int missing(reader *r, const char *const *names, int n, unsigned seen, const char *context)
{
    int i;
    for (i = 0; i < n; i++)
        if (!(seen & (1u << i)))
            return fail_here(r, ISOMM_EPARSE, "member \"%s\" missing %s", names[i], context);
    return 0;
}

static int sum_add(reader *r, uint64_t *sum, uint64_t v, const char *context)
{
    if (v > ISOMM_POPULATION_COUNT_MAX - *sum)
        return fail_here(r, ISOMM_ELIMIT, "counts %s add up to more than %llu", context, ISOMM_POPULATION_COUNT_MAX);
    *sum += v;
    return 0;
}

/* [[numerator, denominator, count], ...] of one function, ascending. */
static int read_function_values(reader *r, isomm_population *p, int f, const char *ctx)
{
    int rc, last = -1, m;
    if ((rc = expect(r, '[', ctx)) != 0)
        return rc;
    skip_space(r);
    if (r->at < r->end && *r->at == ']') {
        r->at++;
        return 0;
    }
    do {
        uint64_t num, den, count;
        pos start, end;
        int at;
        skip_space(r);
        start = mark(r);
        if ((rc = expect(r, '[', ctx)) || (rc = read_count(r, &num, ctx)) || (rc = expect(r, ',', ctx))
            || (rc = read_count(r, &den, ctx)) || (rc = expect(r, ',', ctx)) || (rc = read_count(r, &count, ctx))
            || (rc = expect(r, ']', ctx)))
            return rc;
        end = mark(r);
        seek(r, start); /* messages about the value point at its '[' */
        if (den < 1 || den > 10 || num < den || num > 5 * den)
            return fail_here(r, ISOMM_EPARSE,
                             "maturity %llu/%llu %s is not a function maturity (expected a fraction with a "
                             "denominator 1-10 and a value 1-5)",
                             (unsigned long long)num, (unsigned long long)den, ctx);
        if (gcd((int)num, (int)den) != 1)
            return fail_here(r, ISOMM_EPARSE, "maturity %llu/%llu %s is not a reduced fraction",
                             (unsigned long long)num, (unsigned long long)den, ctx);
        if (count == 0)
            return fail_here(r, ISOMM_EPARSE, "maturity %llu/%llu %s has a count of 0 (list only values that occur)",
                             (unsigned long long)num, (unsigned long long)den, ctx);
        at = value_index((int)num * (UNIT / (int)den));
        if (at <= last)
            return fail_here(r, ISOMM_EPARSE,
                             "maturity %llu/%llu %s is not above the one before (expected ascending values, each once)",
                             (unsigned long long)num, (unsigned long long)den, ctx);
        last = at;
        p->function_values[f][at] = count;
        if ((rc = sum_add(r, &r->function_sum[f], count, ctx)) != 0)
            return rc;
        seek(r, end);
    } while ((m = more(r, ']', ctx)) == 1);
    return m < 0 ? ISOMM_EPARSE : 0;
}

/* [[hundredths, count], ...] of the overall maturity, ascending. */
static int read_overall_values(reader *r, isomm_population *p, const char *ctx)
{
    int rc, last = -1, m;
    if ((rc = expect(r, '[', ctx)) != 0)
        return rc;
    skip_space(r);
    if (r->at < r->end && *r->at == ']') {
        r->at++;
        return 0;
    }
    do {
        uint64_t h, count;
        pos start, end;
        skip_space(r);
        start = mark(r);
        if ((rc = expect(r, '[', ctx)) || (rc = read_count(r, &h, ctx)) || (rc = expect(r, ',', ctx))
            || (rc = read_count(r, &count, ctx)) || (rc = expect(r, ']', ctx)))
            return rc;
        end = mark(r);
        seek(r, start);
        if (h < OVERALL_MIN || h >= OVERALL_MIN + OVERALL_COUNT)
            return fail_here(r, ISOMM_EPARSE,
                             "overall maturity %llu %s is out of range (expected hundredths, 100-500)",
                             (unsigned long long)h, ctx);
        if (count == 0)
            return fail_here(r, ISOMM_EPARSE,
                             "overall maturity %llu %s has a count of 0 (list only values that occur)",
                             (unsigned long long)h, ctx);
        if ((int)h - OVERALL_MIN <= last)
            return fail_here(r, ISOMM_EPARSE,
                             "overall maturity %llu %s is not above the one before (expected ascending values, "
                             "each once)",
                             (unsigned long long)h, ctx);
        last = (int)h - OVERALL_MIN;
        p->overall_values[last] = count;
        if ((rc = sum_add(r, &r->overall_sum, count, ctx)) != 0)
            return rc;
        seek(r, end);
    } while ((m = more(r, ']', ctx)) == 1);
    return m < 0 ? ISOMM_EPARSE : 0;
}

/* Six counts: a role's levels 0..5 on one sourcing. */
static int read_levels(reader *r, uint64_t *levels, uint64_t *sum, const char *ctx)
{
    int rc, i;
    if ((rc = expect(r, '[', ctx)) != 0)
        return rc;
    for (i = 0; i <= ISOMM_LEVEL_MAX; i++) {
        int last = i == ISOMM_LEVEL_MAX;
        if ((rc = read_count(r, &levels[i], ctx)) || (rc = sum_add(r, sum, levels[i], ctx))
            || (rc = expect(r, last ? ']' : ',', last ? "after the six counts of levels 0-5" : ctx)))
            return rc;
    }
    return 0;
}

/* One object of the layout: its members (names[i] handled by read_member(r, p, index, i, ctx)),
 * each exactly once, in any order. */
typedef int (*member_fn)(reader *r, isomm_population *p, int index, int which, char *ctx, size_t ctx_size);

static int read_object(reader *r, isomm_population *p, int index, const char *const *names, int n, member_fn fn,
                       char *ctx, size_t ctx_size)
{
    char key[STRING_MAX];
    unsigned seen = 0;
    int rc, m;

    if ((rc = expect(r, '{', ctx)) != 0)
        return rc;
    do {
        int which;
        if ((rc = read_key(r, key, ctx)) != 0)
            return rc;
        if ((which = member(r, key, names, n, &seen, ctx)) < 0)
            return ISOMM_EPARSE;
        if ((rc = fn(r, p, index, which, ctx, ctx_size)) != 0)
            return rc;
    } while ((m = more(r, '}', ctx)) == 1);
    if (m < 0)
        return ISOMM_EPARSE;
    return missing(r, names, n, seen, ctx);
}

/* A "code" member that must be `want`; the context then names it. */
static int read_code(reader *r, const char *want, const char *what, char *ctx, size_t ctx_size)
{
    char code[STRING_MAX];
    pos at;
    int rc;
    skip_space(r);
    at = mark(r);
    if ((rc = read_string(r, code, ctx)) != 0)
        return rc;
    if (strcmp(code, want) != 0) {
        seek(r, at);
        return fail_here(r, ISOMM_EPARSE, "%s \"%.20s\" %s (expected \"%s\": the catalogue's %ss in order)", what,
                         code, ctx, want, what);
    }
    snprintf(ctx, ctx_size, "in %s %s", what, want);
    return 0;
}

static int function_member(reader *r, isomm_population *p, int f, int which, char *ctx, size_t ctx_size)
{
    int rc;
    if (which == 0)
        return read_code(r, p->model->functions[f].code, "function", ctx, ctx_size);
    if (which == 1)
        return (rc = read_count(r, &p->function_none[f], ctx)) ? rc
                                                                 : sum_add(r, &r->function_sum[f], p->function_none[f], ctx);
    return read_function_values(r, p, f, ctx);
}

static int read_function(reader *r, isomm_population *p, int f)
{
    static const char *const names[] = { "code", "without_maturity", "maturities" };
    char ctx[64];
    skip_space(r);
    r->function_at[f] = mark(r);
    snprintf(ctx, sizeof ctx, "in entry %d of \"functions\"", f + 1);
    return read_object(r, p, f, names, 3, function_member, ctx, sizeof ctx);
}

static int overall_member(reader *r, isomm_population *p, int index, int which, char *ctx, size_t ctx_size)
{
    int rc;
    (void)index;
    (void)ctx_size;
    if (which == 0)
        return (rc = read_count(r, &p->overall_none, ctx)) ? rc : sum_add(r, &r->overall_sum, p->overall_none, ctx);
    return read_overall_values(r, p, ctx);
}

static int role_member(reader *r, isomm_population *p, int i, int which, char *ctx, size_t ctx_size)
{
    isomm_role_counts *pr = &p->roles[i];
    int rc;
    if (which == 0)
        return read_code(r, p->model->roles[i].code, "role", ctx, ctx_size);
    if (which == 1)
        return (rc = read_count(r, &pr->unanswered, ctx)) ? rc : sum_add(r, &r->role_sum[i], pr->unanswered, ctx);
    return read_levels(r, which == 2 ? pr->insource : pr->outsource, &r->role_sum[i], ctx);
}

static int read_role(reader *r, isomm_population *p, int i)
{
    static const char *const names[] = { "code", "unanswered", "insource", "outsource" };
    char ctx[64];
    skip_space(r);
    r->role_at[i] = mark(r);
    snprintf(ctx, sizeof ctx, "in entry %d of \"roles\"", i + 1);
    return read_object(r, p, i, names, 4, role_member, ctx, sizeof ctx);
}

/* An array of exactly `count` objects read by `one`. */
static int read_list(reader *r, isomm_population *p, int count, const char *what,
                     int (*one)(reader *, isomm_population *, int))
{
    char ctx[64];
    int rc, i;
    snprintf(ctx, sizeof ctx, "in \"%s\"", what);
    if ((rc = expect(r, '[', ctx)) != 0)
        return rc;
    for (i = 0; i < count; i++) {
        if ((rc = one(r, p, i)) != 0)
            return rc;
        skip_space(r);
        if (i + 1 < count && r->at < r->end && *r->at == ']')
            return fail_here(r, ISOMM_EPARSE, "\"%s\" ends after %d entries (expected %d)", what, i + 1, count);
        if (i + 1 == count && r->at < r->end && *r->at == ',')
            return fail_here(r, ISOMM_EPARSE, "\"%s\" has more than %d entries", what, count);
        if ((rc = expect(r, i + 1 < count ? ',' : ']', ctx)) != 0)
            return rc;
    }
    return 0;
}

static int check_counts(reader *r, const isomm_population *p)
{
    uint64_t least_none = p->count;
    int f, i;

#define TOTAL(sum, at, ...)                                                                                          \
    do {                                                                                                             \
        if ((sum) != p->count) {                                                                                     \
            char what_[64];                                                                                          \
            snprintf(what_, sizeof what_, __VA_ARGS__);                                                              \
            seek(r, at);                                                                                             \
            return fail_here(r, ISOMM_ECONFLICT, "the counts of %s add up to %llu, but \"assessments\" is %llu",     \
                             what_, (unsigned long long)(sum), (unsigned long long)p->count);                        \
        }                                                                                                            \
    } while (0)
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++)
        TOTAL(r->function_sum[f], r->function_at[f], "function %s", p->model->functions[f].code);
    TOTAL(r->overall_sum, r->overall_at, "\"overall\"");
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        TOTAL(r->role_sum[i], r->role_at[i], "role %s", p->model->roles[i].code);
#undef TOTAL
    /* A function has no maturity only when all its roles are at level 0, so no more assessments
     * can lack it than answered any one of its roles at 0; the overall is missing only when every
     * function is. */
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = &p->model->functions[f];
        for (i = fi->first_role; i < fi->first_role + fi->role_count; i++) {
            uint64_t zero = p->roles[i].insource[0] + p->roles[i].outsource[0];
            if (p->function_none[f] > zero) {
                seek(r, r->function_at[f]);
                return fail_here(r, ISOMM_ECONFLICT,
                                 "function %s has %llu assessments without maturity, but only %llu answered its role "
                                 "%s at level 0 (a function has no maturity only when all its roles are at level 0)",
                                 fi->code, (unsigned long long)p->function_none[f], (unsigned long long)zero,
                                 p->model->roles[i].code);
            }
        }
        if (p->function_none[f] < least_none)
            least_none = p->function_none[f];
    }
    if (p->overall_none > least_none) {
        seek(r, r->overall_at);
        return fail_here(r, ISOMM_ECONFLICT,
                         "%llu assessments without overall maturity, but one function lacks a maturity in only %llu "
                         "(the overall is missing only when every function is)",
                         (unsigned long long)p->overall_none, (unsigned long long)least_none);
    }
    return 0;
}

static int read_file(reader *r, isomm_population *p)
{
    static const char *const names[] = { "type", "format", "model", "catalogue", "assessments",
                                         "functions", "overall", "roles" };
    static const char ctx[] = "in the population object";
    char key[STRING_MAX], text[STRING_MAX], cat[32];
    unsigned seen = 0;
    uint64_t v;
    pos at;
    int rc, m;

    catalogue_id(p->model, cat);
    skip_space(r);
    if (r->at >= r->end)
        return fail_here(r, ISOMM_EPARSE, "the file holds no population (expected a JSON object)");
    if ((rc = expect(r, '{', "at the start of a population file")) != 0)
        return rc;
    do {
        int which;
        if ((rc = read_key(r, key, ctx)) != 0)
            return rc;
        if ((which = member(r, key, names, 8, &seen, ctx)) < 0)
            return ISOMM_EPARSE;
        skip_space(r);
        at = mark(r);
        switch (which) {
        case 0:
            if ((rc = read_string(r, text, "as \"type\"")) != 0)
                return rc;
            if (strcmp(text, file_type) != 0) {
                seek(r, at);
                return fail_here(r, ISOMM_EPARSE, "\"type\" is \"%.60s\" (expected \"%s\")", text, file_type);
            }
            break;
        case 1:
            if ((rc = read_count(r, &v, "as \"format\"")) != 0)
                return rc;
            if (v != ISOMM_POPULATION_FORMAT) {
                seek(r, at);
                return fail_here(r, ISOMM_EPARSE,
                                 "population file format %llu is not supported (this library reads format %d)",
                                 (unsigned long long)v, ISOMM_POPULATION_FORMAT);
            }
            break;
        case 2:
            rc = read_string(r, r->model, "as \"model\"");
            break;
        case 3:
            if ((rc = read_string(r, text, "as \"catalogue\"")) != 0)
                return rc;
            if (strcmp(text, cat) != 0) /* a mix of models, not a fault at a place of the file */
                return isomm__fail(r->err, ISOMM_EMODEL,
                                   "the population was built on another catalogue: '%.100s' (%.60s), not '%.100s' "
                                   "(%s); load it with the model it was built on",
                                   r->model[0] ? r->model : "unnamed", text, isomm_model_name(p->model), cat);
            break;
        case 4:
            rc = read_count(r, &p->count, "as \"assessments\"");
            break;
        case 5:
            rc = read_list(r, p, ISOMM_FUNCTION_COUNT, "functions", read_function);
            break;
        case 6: {
            char octx[64] = "in \"overall\"";
            static const char *const onames[] = { "without_maturity", "maturities" };
            r->overall_at = at;
            rc = read_object(r, p, 0, onames, 2, overall_member, octx, sizeof octx);
            break;
        }
        default:
            rc = read_list(r, p, ISOMM_ROLE_COUNT, "roles", read_role);
            break;
        }
        if (rc)
            return rc;
    } while ((m = more(r, '}', ctx)) == 1);
    if (m < 0)
        return ISOMM_EPARSE;
    if ((rc = missing(r, names, 8, seen, ctx)) != 0)
        return rc;
    skip_space(r);
    if (r->at < r->end) {
        char buf[16];
        return fail_here(r, ISOMM_EPARSE, "data after the population object: %s (expected the end of the file)",
                         found(r, buf));
    }
    return check_counts(r, p);
}

int isomm_population_load_buffer(isomm_population **out, const char *data, size_t len, const isomm_model *model,
                                 isomm_error *err)
{
    isomm_population *p;
    reader r;
    int rc;

    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "out must not be NULL");
    *out = NULL;
    if (!data && len)
        return isomm__fail(err, ISOMM_EINVAL, "data must not be NULL");
    if (len > ISOMM_POPULATION_FILE_MAX)
        return isomm__fail(err, ISOMM_ELIMIT,
                           "larger than %d bytes, the most a population file can be (it holds counts only)",
                           ISOMM_POPULATION_FILE_MAX);
    rc = isomm_population_new(&p, model, err);
    if (rc)
        return rc;
    memset(&r, 0, sizeof r);
    r.s = r.at = r.line_start = data ? data : "";
    r.end = r.s + len;
    r.line = 1;
    r.err = err;
    rc = read_file(&r, p);
    if (rc) {
        isomm_population_free(p);
        return rc;
    }
    *out = p;
    return ISOMM_OK;
}

int isomm_population_load(isomm_population **out, const char *path, const isomm_model *model, isomm_error *err)
{
    FILE *fp;
    char *data;
    size_t len = 0;
    int rc, is_stdin;

    if (!out || !path)
        return isomm__fail(err, ISOMM_EINVAL, "out and path must not be NULL");
    *out = NULL;
    is_stdin = strcmp(path, "-") == 0;
    fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp)
        return isomm__fail(err, ISOMM_EIO, "cannot open '%.200s': %s", path, strerror(errno));
    data = malloc(ISOMM_POPULATION_FILE_MAX + 1);
    if (!data) {
        if (!is_stdin)
            fclose(fp);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory reading %.200s", path);
    }
    /* read at most one byte past the limit: enough to tell that a file is too large */
    while (len <= ISOMM_POPULATION_FILE_MAX) {
        size_t got = fread(data + len, 1, ISOMM_POPULATION_FILE_MAX + 1 - len, fp);
        if (got == 0)
            break;
        len += got;
    }
    if (ferror(fp))
        rc = isomm__fail(err, ISOMM_EIO, "cannot read '%.200s': %s", is_stdin ? "<stdin>" : path, strerror(errno));
    else
        rc = isomm_population_load_buffer(out, data, len, model, err);
    free(data);
    if (!is_stdin)
        fclose(fp);
    return rc;
}

/* ---- benchmark ------------------------------------------------------------------------------ */

/* Percentile and quartiles of `own` (a counter index, or -1 without maturity) in counters v[0..n)
 * of ascending values; total = their sum. The quartiles are left as counter indexes in q[3]. */
static void standing_of(isomm_benchmark_value *bv, int q[3], const uint64_t *v, int n, uint64_t total, int own,
                        uint64_t min_size)
{
    uint64_t rank[3], below = 0, seen = 0;
    int i, found = 0;

    bv->population = total;
    bv->has_quartiles = total >= min_size;
    bv->has_percentile = bv->has_quartiles && own >= 0;
    if (!bv->has_quartiles)
        return;
    /* nearest rank: ceil(p x N) for p = 1/4, 1/2, 3/4 */
    rank[0] = total / 4 + (total % 4 != 0);
    rank[1] = total / 2 + (total % 2 != 0);
    rank[2] = total / 4 * 3 + ((total % 4) * 3 + 3) / 4;
    for (i = 0; i < n; i++) {
        if (i == own)
            below = seen;
        seen += v[i];
        while (found < 3 && seen >= rank[found])
            q[found++] = i;
        if (found == 3 && i >= own)
            break;
    }
    if (own >= 0)
        bv->percentile = 100.0 * ((double)below + (double)v[own] / 2.0) / (double)total;
}

static void role_standing(isomm_role_standing *br, const isomm_role_counts *pr, uint64_t min_size)
{
    uint64_t at_level[ISOMM_LEVEL_MAX + 1], in = 0, out = 0, below = 0;
    int l;
    for (l = 1; l <= ISOMM_LEVEL_MAX; l++) {
        at_level[l] = pr->insource[l] + pr->outsource[l];
        in += pr->insource[l];
        out += pr->outsource[l];
    }
    br->rated = in + out;
    if (br->rated < min_size)
        return;
    br->common_sourcing = in > out ? ISOMM_INSOURCE : (out > in ? ISOMM_OUTSOURCE : ISOMM_SOURCING_NONE);
    if (br->level < 1)
        return;
    for (l = 1; l < br->level; l++)
        below += at_level[l];
    br->has_shares = 1;
    br->below = (double)below / (double)br->rated;
    br->same = (double)at_level[br->level] / (double)br->rated;
    br->above = (double)(br->rated - below - at_level[br->level]) / (double)br->rated;
    /* compare counts, not shares: "more than half" stays exact */
    if (2 * (br->rated - below - at_level[br->level]) > br->rated)
        br->standing = ISOMM_STANDING_BELOW;
    else if (2 * below > br->rated)
        br->standing = ISOMM_STANDING_ABOVE;
    else
        br->standing = ISOMM_STANDING_AT;
}

int isomm_population_benchmark(isomm_benchmark **out, const isomm_population *p, const isomm_assessment *a,
                               const isomm_benchmark_options *opts, isomm_error *err)
{
    static const isomm_benchmark_options defaults = ISOMM_BENCHMARK_OPTIONS_INIT;
    isomm_benchmark *b;
    placement pl;
    const char *id;
    size_t id_len;
    int i, j, q[3];

    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "out must not be NULL");
    *out = NULL;
    if (!p || !a)
        return isomm__fail(err, ISOMM_EINVAL, "population and assessment must not be NULL");
    if (!opts)
        opts = &defaults;
    if (opts->version != ISOMM_BENCHMARK_OPTIONS_VERSION)
        return isomm__fail(err, ISOMM_EOPTIONS, "benchmark options version %u is not supported (expected %d)",
                           opts->version, ISOMM_BENCHMARK_OPTIONS_VERSION);
    if (opts->min_size < 1)
        return isomm__fail(err, ISOMM_EOPTIONS, "minimum population size 0 (expected 1 or more)");
    if (!isomm__model_same(p->model, a->model))
        return models_differ(err, a->model, p->model, "the assessment and the population");
    if (p->count < opts->min_size)
        return isomm__fail(err, ISOMM_EEMPTY,
                           "the population holds %llu assessments, fewer than the minimum of %llu for a benchmark "
                           "(too few to hide any one of them)",
                           (unsigned long long)p->count, (unsigned long long)opts->min_size);
    place(&pl, a);
    id = isomm_assessment_meta(a, ISOMM_META_ID);
    id_len = strlen(id);
    b = calloc(1, sizeof *b + id_len + 1);
    if (!b)
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory benchmarking an assessment");
    memcpy(b->id, id, id_len + 1);
    b->model = p->model;
    b->population = p->count;
    b->min_size = opts->min_size;
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++) {
        isomm_benchmark_value *bv = &b->functions[i];
        bv->function = i;
        bv->has_maturity = pl.function[i] >= 0;
        bv->maturity = bv->has_maturity ? pl.maturity[i] : 0.0;
        standing_of(bv, q, p->function_values[i], VALUE_COUNT, p->count - p->function_none[i], pl.function[i],
                    opts->min_size);
        for (j = 0; bv->has_quartiles && j < 3; j++)
            bv->quartiles[j] = (double)value_k[q[j]] / UNIT;
    }
    b->overall.function = -1;
    b->overall.has_maturity = pl.overall >= 0;
    b->overall.maturity = pl.overall_maturity;
    standing_of(&b->overall, q, p->overall_values, OVERALL_COUNT, p->count - p->overall_none,
                pl.overall >= 0 ? pl.overall - OVERALL_MIN : -1, opts->min_size);
    for (j = 0; b->overall.has_quartiles && j < 3; j++)
        b->overall.quartiles[j] = (double)(q[j] + OVERALL_MIN) / 100.0;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        isomm_role_standing *br = &b->roles[i];
        br->role = i;
        br->level = a->level[i];
        br->sourcing = br->level == ISOMM_UNANSWERED ? ISOMM_SOURCING_NONE : (isomm_sourcing)a->sourcing[i];
        role_standing(br, &p->roles[i], opts->min_size);
    }
    *out = b;
    return ISOMM_OK;
}

void isomm_benchmark_free(isomm_benchmark *b)
{
    free(b);
}

const isomm_model *isomm_benchmark_model(const isomm_benchmark *b)
{
    return b ? b->model : NULL;
}

const char *isomm_benchmark_id(const isomm_benchmark *b)
{
    return b ? b->id : NULL;
}

uint64_t isomm_benchmark_population(const isomm_benchmark *b)
{
    return b ? b->population : 0;
}

uint64_t isomm_benchmark_min_size(const isomm_benchmark *b)
{
    return b ? b->min_size : 0;
}

const isomm_benchmark_value *isomm_benchmark_function(const isomm_benchmark *b, int function)
{
    if (!b || function < 0 || function >= ISOMM_FUNCTION_COUNT)
        return NULL;
    return &b->functions[function];
}

const isomm_benchmark_value *isomm_benchmark_overall(const isomm_benchmark *b)
{
    return b ? &b->overall : NULL;
}

const isomm_role_standing *isomm_benchmark_role(const isomm_benchmark *b, int role)
{
    if (!b || role < 0 || role >= ISOMM_ROLE_COUNT)
        return NULL;
    return &b->roles[role];
}

const char *isomm_standing_id(isomm_standing s)
{
    switch (s) {
    case ISOMM_STANDING_BELOW: return "below";
    case ISOMM_STANDING_AT: return "at";
    case ISOMM_STANDING_ABOVE: return "above";
    default: return NULL;
    }
}
