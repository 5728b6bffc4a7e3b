/* SPDX-License-Identifier: MIT */
/* Fuzz target: the assessment CSV reader. The input is CSV text, read
 *  - whole with isomm_csv_read_buffer(),
 *  - streamed through isomm_csv_reader_open_callback() in chunks of 1 and 7 bytes (so that
 *    byte-order marks, CRLF pairs, quotes and UTF-8 sequences are split across reads),
 *  - checked by isomm_csv_validate_buffer() and isomm_csv_check_buffer(),
 *  - and read as CP932.
 * All must agree: the same assessments, or the same first error at the same line and column.
 * (The streaming reader forgets ids only past ISOMM_CSV_STREAM_ID_WINDOW assessments, far more
 * than a fuzz input holds, so there too it must report every id that comes back.)
 * Every assessment read is evaluated (fuzz_evaluate_and_check, with reports for the whole read)
 * and written back with isomm_csv_write_buffer(), which must read back to equal assessments. */
#include <string.h>

#include "fuzz.h"

struct chunks {
    const char *data;
    size_t size;
    size_t pos;
    size_t chunk;
};

static long read_chunk(void *userdata, char *buf, size_t cap)
{
    struct chunks *c = userdata;
    size_t n = c->size - c->pos;

    if (n > c->chunk)
        n = c->chunk;
    if (n > cap)
        n = cap;
    memcpy(buf, c->data + c->pos, n);
    c->pos += n;
    return (long)n;
}

static void same_error(const isomm_error *a, const isomm_error *b)
{
    FUZZ_REQUIRE(a->code == b->code);
    FUZZ_REQUIRE(a->line == b->line && a->column == b->column);
}

/* Stream the input in chunks of the given size and compare with the whole read. */
static void check_streamed(const char *data, size_t size, size_t chunk, int whole_rc, const isomm_error *whole_err,
                           isomm_assessment **list, size_t count)
{
    struct chunks c = { data, size, 0, chunk };
    isomm_csv_reader *rd = NULL;
    isomm_assessment *a;
    isomm_error err;
    size_t seen = 0;
    int rc;

    FUZZ_REQUIRE(isomm_csv_reader_open_callback(&rd, read_chunk, &c, NULL, &err) == ISOMM_OK);
    while ((rc = isomm_csv_reader_next(rd, &a, &err)) == 1) {
        if (whole_rc == ISOMM_OK) {
            FUZZ_REQUIRE(seen < count && isomm_assessment_equal(a, list[seen]) == 1);
        }
        fuzz_evaluate_and_check(a, NULL, 0);
        isomm_assessment_free(a);
        seen++;
    }
    if (whole_rc == ISOMM_OK) {
        FUZZ_REQUIRE(rc == 0 && seen == count);
    } else {
        FUZZ_REQUIRE(rc == whole_rc);
        same_error(&err, whole_err);
        FUZZ_REQUIRE(isomm_csv_reader_next(rd, &a, NULL) == whole_rc);
    }
    isomm_csv_reader_free(rd);
}

static int count_problem(void *userdata, const isomm_error *problem)
{
    size_t *n = userdata;
    (void)problem;
    (*n)++;
    return 0;
}

static void check_validated(const char *data, size_t size, int whole_rc, const isomm_error *whole_err)
{
    isomm_error problems[4], err;
    isomm_csv_summary sum;
    size_t n = 0, handed = 0;
    int rc = isomm_csv_validate_buffer(data, size, NULL, problems, 4, &n, &err);

    /* the one-pass check agrees: same first problem, the same count up to its limit, and
     * truncated only when it stopped with more left */
    FUZZ_REQUIRE(isomm_csv_check_buffer(data, size, NULL, 4, count_problem, &handed, &sum, NULL) == rc);
    FUZZ_REQUIRE(sum.problems == handed && handed == n && (!sum.truncated || n == 4));

    FUZZ_REQUIRE(rc == whole_rc && n <= 4);
    if (rc == ISOMM_OK) {
        FUZZ_REQUIRE(n == 0);
    } else {
        FUZZ_REQUIRE(n >= 1 || rc == ISOMM_EEMPTY);
        same_error(&err, whole_err);
        if (n >= 1)
            same_error(&problems[0], whole_err);
    }
}

/* Written (plain, or with a byte-order mark for spreadsheets, where texts that look like formulas
 * get an apostrophe) and read back: the same assessments. */
static void check_round_trip(isomm_assessment **list, size_t count)
{
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_assessment **again = NULL;
    size_t again_count = 0, i;
    char *text = NULL;
    size_t len = 0;
    isomm_error err;

    for (opts.write_bom = 0; opts.write_bom <= 1; opts.write_bom++) {
        FUZZ_REQUIRE(isomm_csv_write_buffer(&text, &len, list, count, &opts, &err) == ISOMM_OK);
        FUZZ_REQUIRE(text != NULL && strlen(text) == len);
        if (isomm_csv_read_buffer(&again, &again_count, text, len, NULL, &err) != ISOMM_OK)
            fuzz_require(0, err.message, __FILE__, __LINE__);
        FUZZ_REQUIRE(again_count == count);
        for (i = 0; i < count; i++)
            FUZZ_REQUIRE(isomm_assessment_equal(again[i], list[i]) == 1);
        isomm_assessment_array_free(again, again_count);
        isomm_free(text);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const char *data = (const char *)bytes;
    isomm_csv_options cp932 = ISOMM_CSV_OPTIONS_INIT;
    isomm_assessment **list = NULL;
    size_t count = 0, i;
    isomm_error err;
    int rc = isomm_csv_read_buffer(&list, &count, data, size, NULL, &err);

    if (rc == ISOMM_OK) {
        FUZZ_REQUIRE(count >= 1 && list != NULL);
        for (i = 0; i < count; i++)
            fuzz_evaluate_and_check(list[i], NULL, 1);
        check_round_trip(list, count);
    } else {
        FUZZ_REQUIRE(rc < 0 && err.code == rc && list == NULL && count == 0);
        FUZZ_REQUIRE(err.line >= 0 && err.column >= 0);
    }
    check_streamed(data, size, 1, rc, &err, list, count);
    check_streamed(data, size, 7, rc, &err, list, count);
    check_validated(data, size, rc, &err);
    isomm_assessment_array_free(list, count);

    cp932.encoding = ISOMM_ENCODING_CP932;
    list = NULL;
    count = 0;
    if (isomm_csv_read_buffer(&list, &count, data, size, &cp932, &err) == ISOMM_OK) {
        for (i = 0; i < count; i++)
            fuzz_evaluate_and_check(list[i], NULL, 0);
        isomm_assessment_array_free(list, count);
    }
    return 0;
}
