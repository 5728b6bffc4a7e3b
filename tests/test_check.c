/* SPDX-License-Identifier: MIT */
/* Checking in one pass (isomm_csv_check_*): every problem handed over as it is found, no limit
 * of 100, a truncated flag when the check stopped early, the number of assessments from the
 * same pass, and a FIFO read once. */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <isomm/isomm.h>

#define HEADER "assessment,role,sourcing,level\n"

/* What the callback saw. */
struct seen {
    size_t count;
    size_t stop_after; /* 0: never stop */
    long lines[512];
    int codes[512];
};

static int record(void *userdata, const isomm_error *problem)
{
    struct seen *s = userdata;
    if (s->count < 512) {
        s->lines[s->count] = problem->line;
        s->codes[s->count] = problem->code;
    }
    s->count++;
    return s->stop_after && s->count >= s->stop_after;
}

/* `bad` rows with level 9 (lines 2 .. bad+1), then a good row of the same assessment and a
 * clean assessment of one row. */
static char *bad_rows(size_t bad, size_t *len)
{
    char *text = malloc(96 + bad * 32);
    size_t i, n;
    cr_assert_not_null(text);
    n = (size_t)sprintf(text, HEADER);
    for (i = 0; i < bad; i++)
        n += (size_t)sprintf(text + n, "a,A-1,insource,9\n");
    n += (size_t)sprintf(text + n, "a,A-2,insource,3\n");
    n += (size_t)sprintf(text + n, "b,A-1,insource,2\n");
    *len = n;
    return text;
}

Test(check, clean_input_counts_assessments_in_the_same_pass)
{
    static const char csv[] = HEADER "x,A-1,insource,1\nx,A-2,outsource,0\ny,A-1,,\nz,B-1,in,5\n";
    isomm_csv_summary sum;
    struct seen s = { 0 };
    isomm_error err;

    cr_assert_eq(isomm_csv_check_buffer(csv, strlen(csv), NULL, 0, record, &s, &sum, &err), ISOMM_OK);
    cr_assert_eq(sum.problems, 0);
    cr_assert_eq(sum.assessments, 3);
    cr_assert_eq(sum.truncated, 0);
    cr_assert_eq(s.count, 0);
}

Test(check, no_limit_reports_every_problem_with_its_line)
{
    size_t len, i;
    char *csv = bad_rows(250, &len);
    isomm_csv_summary sum;
    struct seen s = { 0 };
    isomm_error err;

    cr_assert_eq(isomm_csv_check_buffer(csv, len, NULL, 0, record, &s, &sum, &err), ISOMM_ELEVEL);
    cr_assert_eq(sum.problems, 250);
    cr_assert_eq(s.count, 250);
    cr_assert_eq(sum.truncated, 0);
    cr_assert_eq(sum.assessments, 2);
    for (i = 0; i < 250; i++) {
        cr_assert_eq(s.lines[i], (long)i + 2);
        cr_assert_eq(s.codes[i], ISOMM_ELEVEL);
    }
    cr_assert_eq(err.line, 2);
    cr_assert_eq(err.column, 4);
    free(csv);
}

Test(check, limit_reached_with_more_left_is_truncated)
{
    size_t len;
    char *csv = bad_rows(250, &len);
    isomm_csv_summary sum;
    struct seen s = { 0 };

    cr_assert_eq(isomm_csv_check_buffer(csv, len, NULL, 200, record, &s, &sum, NULL), ISOMM_ELEVEL);
    cr_assert_eq(sum.problems, 200);
    cr_assert_eq(s.count, 200);
    cr_assert_eq(s.lines[199], 201);
    cr_assert_eq(sum.truncated, 1);
    free(csv);
}

Test(check, limit_equal_to_the_problems_is_not_truncated)
{
    size_t len;
    char *csv = bad_rows(250, &len);
    isomm_csv_summary sum;

    cr_assert_eq(isomm_csv_check_buffer(csv, len, NULL, 250, NULL, NULL, &sum, NULL), ISOMM_ELEVEL);
    cr_assert_eq(sum.problems, 250);
    cr_assert_eq(sum.truncated, 0);
    cr_assert_eq(sum.assessments, 2);
    free(csv);
}

Test(check, callback_can_stop_the_check)
{
    size_t len;
    char *csv = bad_rows(10, &len);
    isomm_csv_summary sum;
    struct seen s = { 0 };
    s.stop_after = 3;

    cr_assert_eq(isomm_csv_check_buffer(csv, len, NULL, 0, record, &s, &sum, NULL), ISOMM_ELEVEL);
    cr_assert_eq(s.count, 3);
    cr_assert_eq(sum.problems, 3);
    cr_assert_eq(sum.truncated, 1);
    free(csv);
}

Test(check, validate_honours_a_limit_above_the_default)
{
    size_t len, count = 0;
    char *csv = bad_rows(250, &len);
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_error *errors = calloc(1000, sizeof *errors);

    opts.max_errors = 1000;
    cr_assert_eq(isomm_csv_validate_buffer(csv, len, &opts, errors, 1000, &count, NULL), ISOMM_ELEVEL);
    cr_assert_eq(count, 250);
    cr_assert_eq(errors[249].line, 251);
    /* without opts the documented default of 100 still applies */
    cr_assert_eq(isomm_csv_validate_buffer(csv, len, NULL, errors, 1000, &count, NULL), ISOMM_ELEVEL);
    cr_assert_eq(count, ISOMM_CSV_DEFAULT_MAX_ERRORS);
    free(errors);
    free(csv);
}

Test(check, null_input_is_einval)
{
    isomm_csv_summary sum = { 7, 7, 7 };
    isomm_error err;
    cr_assert_eq(isomm_csv_check_file(NULL, NULL, 0, NULL, NULL, &sum, &err), ISOMM_EINVAL);
    cr_assert_eq(sum.problems, 0);
    cr_assert_eq(sum.assessments, 0);
    cr_assert_eq(isomm_csv_check_fp(NULL, NULL, 0, NULL, NULL, NULL, &err), ISOMM_EINVAL);
}

/* A FIFO is read once: the check ends (the timeout fails a check that blocks reopening it) and
 * counts the assessments that went through it. */
Test(check, fifo_is_read_once, .timeout = 10)
{
    char dir[] = "/tmp/isomm-fifo-XXXXXX", path[64];
    static const char csv[] = HEADER "x,A-1,insource,1\ny,A-1,insource,2\n";
    isomm_csv_summary sum;
    isomm_error err;
    pid_t child;
    int status;

    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/in.csv", dir);
    cr_assert_eq(mkfifo(path, 0600), 0);
    child = fork();
    cr_assert_geq(child, 0);
    if (child == 0) {
        int fd = open(path, O_WRONLY);
        _exit(fd >= 0 && write(fd, csv, sizeof csv - 1) == (ssize_t)(sizeof csv - 1) ? 0 : 1);
    }
    cr_assert_eq(isomm_csv_check_file(path, NULL, 0, NULL, NULL, &sum, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(waitpid(child, &status, 0), child);
    cr_assert_eq(status, 0);
    cr_assert_eq(sum.assessments, 2);
    cr_assert_eq(sum.problems, 0);
    unlink(path);
    rmdir(dir);
}
