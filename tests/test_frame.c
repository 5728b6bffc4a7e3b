/* SPDX-License-Identifier: MIT */
/* Column frames (isomm/frame.h) and saved aggregate state (isomm_aggregate_save/load).
 *
 * The CSV below has two assessments:
 *   "x" (organization "Org"): A-1 in 2, A-2 in 0, A-3 out 4 (note "n"), B-1..B-4 in 0, the rest
 *       unanswered. A = (2 + 4 + 1 + 1 + 1) / 5 = 1.8 (A-2 left out; A-4..A-6 count 1);
 *       B = 1.0 (B-1..B-4 left out, the unanswered B-5 counts 1); the others 1.0.
 *   "y" (current pattern hybrid): every role unanswered: every function 1.0.
 */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <isomm/isomm.h>

static const char CSV[] =
    "assessment,organization,current_pattern,role,sourcing,level,note\n"
    "x,Org,,A-1,in,2,\n"
    "x,,,A-2,in,0,\n"
    "x,,,A-3,out,4,n\n"
    "x,,,B-1,in,0,\n"
    "x,,,B-2,in,0,\n"
    "x,,,B-3,in,0,\n"
    "x,,,B-4,in,0,\n"
    "y,,hybrid,A-1,,,\n";

static isomm_frame *read_frame(const char *text, isomm_frame_kind kind, isomm_pattern target, isomm_error *err,
                               int *rc)
{
    isomm_csv_reader *rd;
    isomm_frame *f = NULL;
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    cr_assert(fp);
    cr_assert_eq(isomm_csv_reader_open_fp(&rd, fp, NULL, err), ISOMM_OK);
    *rc = isomm_frame_read(&f, rd, kind, target, err);
    isomm_csv_reader_free(rd);
    fclose(fp);
    return f;
}

Test(frame, results_hold_the_maturity_rules)
{
    isomm_error err;
    int rc;
    const int64_t *off;
    const char *block;
    isomm_frame *f = read_frame(CSV, ISOMM_FRAME_RESULTS, ISOMM_PATTERN_NONE, &err, &rc);

    cr_assert_eq(rc, ISOMM_OK, "%s", err.message);
    cr_assert_eq(isomm_frame_assessments(f), 2);
    cr_assert_eq(isomm_frame_get_kind(f), ISOMM_FRAME_RESULTS);
    cr_assert_float_eq(isomm_frame_maturity(f, 0)[0], 1.8, 1e-15);
    cr_assert_float_eq(isomm_frame_maturity(f, 1)[0], 1.0, 1e-15);
    cr_assert_float_eq(isomm_frame_maturity(f, 0)[1], 1.0, 1e-15);
    cr_assert_eq(isomm_frame_unanswered(f)[0], 54 - 7);
    cr_assert_eq(isomm_frame_unanswered(f)[1], 54);
    cr_assert_eq(isomm_frame_patterns(f, 1)[0], ISOMM_PATTERN_NONE);
    cr_assert_eq(isomm_frame_patterns(f, 1)[1], ISOMM_PATTERN_HYBRID);
    block = isomm_frame_meta(f, ISOMM_META_ID, &off);
    cr_assert_str_eq(block + off[0], "x");
    cr_assert_str_eq(block + off[1], "y");
    block = isomm_frame_meta(f, ISOMM_META_ORGANIZATION, &off);
    cr_assert_str_eq(block + off[0], "Org");
    cr_assert_eq(off[1], -1);
    cr_assert_null(isomm_frame_levels(f));
    cr_assert_null(isomm_frame_maturity(f, 9));
    cr_assert_null(isomm_frame_meta(f, (isomm_meta)4, &off));
    cr_assert_null(off);
    isomm_frame_free(f);
}

Test(frame, a_function_with_every_role_at_level_0_has_no_maturity)
{
    static const char text[] = "role,sourcing,level\nB-1,in,0\nB-2,in,0\nB-3,in,0\nB-4,in,0\nB-5,out,0\n";
    isomm_error err;
    int rc;
    isomm_frame *f = read_frame(text, ISOMM_FRAME_RESULTS, ISOMM_PATTERN_FULL_INSOURCE, &err, &rc);
    cr_assert_eq(rc, ISOMM_OK, "%s", err.message);
    cr_assert(isnan(isomm_frame_maturity(f, 1)[0]));
    cr_assert_float_eq(isomm_frame_overall(f)[0], 1.0, 1e-15);
    cr_assert_eq(isomm_frame_patterns(f, 0)[0], ISOMM_PATTERN_FULL_INSOURCE); /* the target given */
    isomm_frame_free(f);
}

Test(frame, answers_hold_every_role)
{
    isomm_error err;
    int rc;
    const int64_t *off;
    const char *notes;
    isomm_frame *f = read_frame(CSV, ISOMM_FRAME_ANSWERS, ISOMM_PATTERN_NONE, &err, &rc);

    cr_assert_eq(rc, ISOMM_OK, "%s", err.message);
    cr_assert_eq(isomm_frame_levels(f)[0], 2);
    cr_assert_eq(isomm_frame_levels(f)[1], 0);
    cr_assert_eq(isomm_frame_sourcings(f)[2], ISOMM_OUTSOURCE);
    cr_assert_eq(isomm_frame_levels(f)[5], ISOMM_UNANSWERED);
    cr_assert_eq(isomm_frame_sourcings(f)[5], ISOMM_SOURCING_NONE);
    cr_assert_eq(isomm_frame_levels(f)[ISOMM_ROLE_COUNT], ISOMM_UNANSWERED);
    notes = isomm_frame_notes(f, &off);
    cr_assert_str_eq(notes + off[2], "n");
    cr_assert_eq(off[0], -1);
    cr_assert_null(isomm_frame_maturity(f, 0));
    cr_assert_null(isomm_frame_overall(f));
    isomm_frame_free(f);
}

Test(frame, errors_leave_no_frame)
{
    isomm_error err;
    int rc;
    isomm_frame *f = read_frame("role,sourcing,level\nA-1,in,1\nA-2,in,9\n", ISOMM_FRAME_RESULTS,
                                ISOMM_PATTERN_NONE, &err, &rc);
    cr_assert_eq(rc, ISOMM_ELEVEL);
    cr_assert_null(f);
    cr_assert_eq(err.line, 3);
    cr_assert_eq(err.column, 3);
    f = read_frame("role,sourcing,level\n", ISOMM_FRAME_ANSWERS, ISOMM_PATTERN_NONE, &err, &rc);
    cr_assert_eq(rc, ISOMM_EEMPTY);
    cr_assert_null(f);
    f = read_frame(CSV, (isomm_frame_kind)7, ISOMM_PATTERN_NONE, &err, &rc);
    cr_assert_eq(rc, ISOMM_EINVAL);
    cr_assert_str_eq(err.message, "unknown frame kind 7 (expected results or answers)");
    f = read_frame(CSV, ISOMM_FRAME_RESULTS, (isomm_pattern)9, &err, &rc);
    cr_assert_eq(rc, ISOMM_EPATTERN);
    cr_assert_eq(isomm_frame_read(NULL, NULL, ISOMM_FRAME_RESULTS, ISOMM_PATTERN_NONE, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_frame_assessments(NULL), 0);
    isomm_frame_free(NULL);
}

static isomm_aggregate *aggregate_of_csv(void)
{
    isomm_assessment **list;
    isomm_aggregate *ag;
    size_t n, i;
    cr_assert_eq(isomm_csv_read_buffer(&list, &n, CSV, strlen(CSV), NULL, NULL), ISOMM_OK);
    cr_assert_eq(isomm_aggregate_new(&ag, NULL, NULL), ISOMM_OK);
    for (i = 0; i < n; i++)
        cr_assert_eq(isomm_aggregate_add(ag, list[i], NULL), ISOMM_OK);
    isomm_assessment_array_free(list, n);
    return ag;
}

Test(aggregate_state, save_and_load_give_an_equal_aggregate)
{
    isomm_aggregate *ag = aggregate_of_csv(), *back;
    char *state, *again;
    size_t len, len2;
    isomm_error err;
    int i;

    cr_assert_eq(isomm_aggregate_save(&state, &len, ag, &err), ISOMM_OK);
    cr_assert_eq(isomm_aggregate_load(&back, NULL, state, len, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(isomm_aggregate_count(back), 2);
    cr_assert_eq(isomm_aggregate_recorded_count(back), 2);
    cr_assert_str_eq(isomm_aggregate_recorded_meta(back, 1, ISOMM_META_ID), "y");
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        cr_assert_eq(memcmp(isomm_aggregate_role(back, i), isomm_aggregate_role(ag, i), sizeof(isomm_role_stats)), 0);
    for (i = 0; i < ISOMM_FUNCTION_COUNT; i++)
        cr_assert_eq(memcmp(isomm_aggregate_function(back, i), isomm_aggregate_function(ag, i),
                            sizeof(isomm_function_stats)), 0);
    cr_assert_eq(isomm_aggregate_save(&again, &len2, back, &err), ISOMM_OK);
    cr_assert_eq(len2, len);
    cr_assert_eq(memcmp(again, state, len), 0);
    isomm_free(again);
    isomm_free(state);
    isomm_aggregate_free(back);
    isomm_aggregate_free(ag);
}

Test(aggregate_state, bad_state_is_refused_with_its_offset)
{
    isomm_aggregate *ag = aggregate_of_csv(), *back = (isomm_aggregate *)1;
    char *state;
    size_t len;
    isomm_error err;

    cr_assert_eq(isomm_aggregate_save(&state, &len, ag, &err), ISOMM_OK);
    cr_assert_eq(isomm_aggregate_load(&back, NULL, state, len - 1, &err), ISOMM_EPARSE);
    cr_assert_null(back);
    cr_assert_eq(isomm_aggregate_load(&back, NULL, "isomm-aggregate\x02", 16, &err), ISOMM_EPARSE);
    cr_assert_str_eq(err.message, "aggregate state: not an aggregate state (wrong signature) at byte 0 "
                                  "(expected the output of isomm_aggregate_save)");
    state[16] = 3; /* three assessments, but the role lines count two */
    cr_assert_eq(isomm_aggregate_load(&back, NULL, state, len, &err), ISOMM_EPARSE);
    cr_assert(strstr(err.message, "role counts that do not add up"), "%s", err.message);
    state[16] = 2;
    state[16 + 16 + 8 * 6] = 9; /* A-1's minimum level 9 */
    cr_assert_eq(isomm_aggregate_load(&back, NULL, state, len, &err), ISOMM_EPARSE);
    cr_assert(strstr(err.message, "role"), "%s", err.message);
    cr_assert_eq(isomm_aggregate_load(&back, NULL, NULL, 0, &err), ISOMM_EPARSE);
    cr_assert_eq(isomm_aggregate_load(NULL, NULL, state, len, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_aggregate_save(NULL, &len, ag, &err), ISOMM_EINVAL);
    isomm_free(state);
    isomm_aggregate_free(ag);
}

/* A file over 4 MiB (read on two threads): 4000 assessments of 54 rows, a quoted note with a
 * line break in every tenth row. */
static void write_big(const char *path, long bad_line)
{
    FILE *fp = fopen(path, "w");
    long line = 1;
    int n, r;
    cr_assert(fp);
    fprintf(fp, "assessment,organization,role,sourcing,level,note\n");
    for (n = 0; n < 4000; n++)
        for (r = 0; r < ISOMM_ROLE_COUNT; r++) {
            const isomm_role_info *role = isomm_model_role(isomm_model_default(), r);
            line++;
            fprintf(fp, "a%d,%s,%s,%s,%d,%s\n", n, r ? "" : "Org", role->code, (n + r) % 3 ? "in" : "out",
                    line == bad_line ? 9 : (n * 7 + r) % 6, r % 10 ? "" : "\"two, \"\"lines\"\"\nof note\"");
            if (r % 10 == 0)
                line++;
        }
    cr_assert_eq(fclose(fp), 0);
}

static isomm_frame *one_thread(const char *path, isomm_frame_kind kind, isomm_error *err, int *rc)
{
    isomm_csv_reader *rd;
    isomm_frame *f = NULL;
    cr_assert_eq(isomm_csv_reader_open_file(&rd, path, NULL, err), ISOMM_OK);
    *rc = isomm_frame_read(&f, rd, kind, ISOMM_PATTERN_NONE, err);
    isomm_csv_reader_free(rd);
    return f;
}

Test(frame, a_large_file_on_two_threads_equals_one_thread)
{
    char path[] = "/tmp/isomm-frame-XXXXXX";
    int fd = mkstemp(path), rc, k, kind;
    isomm_error err;
    size_t i;
    cr_assert(fd >= 0);
    close(fd);
    write_big(path, 0);
    for (kind = ISOMM_FRAME_RESULTS; kind <= ISOMM_FRAME_ANSWERS; kind++) {
        isomm_frame *two, *one = one_thread(path, (isomm_frame_kind)kind, &err, &rc);
        const int64_t *o1, *o2;
        const char *b1, *b2;
        cr_assert_eq(rc, ISOMM_OK, "%s", err.message);
        cr_assert_eq(isomm_frame_read_file(&two, path, NULL, (isomm_frame_kind)kind, ISOMM_PATTERN_NONE, &err),
                     ISOMM_OK, "%s", err.message);
        cr_assert_eq(isomm_frame_assessments(two), 4000);
        b1 = isomm_frame_meta(one, ISOMM_META_ID, &o1);
        b2 = isomm_frame_meta(two, ISOMM_META_ID, &o2);
        for (i = 0; i < 4000; i++)
            cr_assert_str_eq(b2 + o2[i], b1 + o1[i]);
        if (kind == ISOMM_FRAME_RESULTS) {
            for (k = 0; k < ISOMM_FUNCTION_COUNT; k++)
                cr_assert_eq(memcmp(isomm_frame_maturity(two, k), isomm_frame_maturity(one, k), 4000 * sizeof(double)), 0);
        } else {
            cr_assert_eq(memcmp(isomm_frame_levels(two), isomm_frame_levels(one), 4000 * ISOMM_ROLE_COUNT), 0);
            b1 = isomm_frame_notes(one, &o1);
            b2 = isomm_frame_notes(two, &o2);
            for (i = 0; i < 4000 * ISOMM_ROLE_COUNT; i++)
                cr_assert(o1[i] < 0 ? o2[i] < 0 : strcmp(b1 + o1[i], b2 + o2[i]) == 0);
        }
        isomm_frame_free(one);
        isomm_frame_free(two);
    }
    unlink(path);
}

Test(frame, a_problem_in_the_second_half_is_the_one_thread_error)
{
    char path[] = "/tmp/isomm-frame-XXXXXX";
    int fd = mkstemp(path), rc;
    isomm_error err, expected;
    isomm_frame *f;
    cr_assert(fd >= 0);
    close(fd);
    write_big(path, 200000); /* a level 9 three quarters into the file */
    cr_assert_null(one_thread(path, ISOMM_FRAME_RESULTS, &expected, &rc));
    cr_assert_eq(rc, ISOMM_ELEVEL);
    cr_assert_eq(isomm_frame_read_file(&f, path, NULL, ISOMM_FRAME_RESULTS, ISOMM_PATTERN_NONE, &err), ISOMM_ELEVEL);
    cr_assert_null(f);
    cr_assert_eq(err.line, expected.line);
    cr_assert_eq(err.column, expected.column);
    cr_assert_str_eq(err.message, expected.message);
    unlink(path);
    cr_assert_eq(isomm_frame_read_file(&f, path, NULL, ISOMM_FRAME_RESULTS, ISOMM_PATTERN_NONE, &err), ISOMM_EIO);
}
