/* SPDX-License-Identifier: MIT */
/* Checking in one pass (isomm_csv_check_*): every problem handed over as it is found, no limit
 * of 100, a truncated flag when the check stopped early, the number of assessments from the
 * same pass, and a FIFO read once. */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
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

/* The writer of the FIFO test: opens it (which waits for the reader), writes, closes. */
struct fifo_writer {
    const char *path, *text;
    int ok;
};

static void *write_fifo(void *arg)
{
    struct fifo_writer *w = arg;
    size_t n = strlen(w->text);
    int fd = open(w->path, O_WRONLY);
    w->ok = fd >= 0 && write(fd, w->text, n) == (ssize_t)n;
    if (fd >= 0)
        close(fd);
    return NULL;
}

/* A FIFO is read once: the check ends (the timeout fails a check that blocks reopening it) and
 * counts the assessments that went through it. */
Test(check, fifo_is_read_once, .timeout = 10)
{
    char dir[] = "/tmp/isomm-fifo-XXXXXX", path[64];
    struct fifo_writer w = { path, HEADER "x,A-1,insource,1\ny,A-1,insource,2\n", 0 };
    isomm_csv_summary sum;
    isomm_error err;
    pthread_t writer;

    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/in.csv", dir);
    cr_assert_eq(mkfifo(path, 0600), 0);
    cr_assert_eq(pthread_create(&writer, NULL, write_fifo, &w), 0);
    cr_assert_eq(isomm_csv_check_file(path, NULL, 0, NULL, NULL, &sum, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(pthread_join(writer, NULL), 0);
    cr_assert(w.ok, "the writer could not write the FIFO");
    cr_assert_eq(sum.assessments, 2);
    cr_assert_eq(sum.problems, 0);
    unlink(path);
    rmdir(dir);
}

/* Input of `count` assessments of one row each whose ids are `id_bytes` long and all different. */
struct long_ids {
    size_t id_bytes, count, row, pos;
    char header_done;
};

static long long_ids_read(void *userdata, char *buf, size_t cap)
{
    static const char header[] = "assessment,role,sourcing,level\n", tail[] = ",A-1,in,1\n";
    struct long_ids *g = userdata;
    size_t n = 0, row_len = g->id_bytes + sizeof tail - 1;
    if (!g->header_done) {
        g->header_done = 1;
        memcpy(buf, header, sizeof header - 1);
        return (long)(sizeof header - 1);
    }
    while (n < cap && g->row < g->count) {
        size_t left = row_len - g->pos, take = left < cap - n ? left : cap - n, k;
        for (k = 0; k < take; k++, g->pos++) {
            /* the row number, in letters, ends each id so that all differ */
            size_t at = g->pos;
            if (at < g->id_bytes)
                buf[n + k] = at + 8 >= g->id_bytes ? (char)('a' + (g->row >> (4 * (g->id_bytes - 1 - at))) % 16)
                                                   : 'x';
            else
                buf[n + k] = tail[at - g->id_bytes];
        }
        n += take;
        if (g->pos == row_len) {
            g->pos = 0;
            g->row++;
        }
    }
    return (long)n;
}

/* AddressSanitizer keeps freed memory in quarantine, so a peak says nothing in its builds. */
#if defined(__SANITIZE_ADDRESS__)
#define PEAK_MEANINGFUL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PEAK_MEANINGFUL 0
#endif
#endif
#ifndef PEAK_MEANINGFUL
#define PEAK_MEANINGFUL 1
#endif

static long peak_kib(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

/* Writes the generated input into a pipe, then closes it. */
struct pipe_writer {
    struct long_ids *g;
    int fd, ok;
};

static void *write_pipe(void *arg)
{
    struct pipe_writer *w = arg;
    char chunk[65536];
    long n;
    w->ok = 1;
    while ((n = long_ids_read(w->g, chunk, sizeof chunk)) > 0) {
        char *p = chunk;
        while (n > 0) {
            ssize_t put = write(w->fd, p, (size_t)n);
            if (put <= 0) {
                w->ok = 0;
                close(w->fd);
                return NULL;
            }
            p += put;
            n -= put;
        }
    }
    close(w->fd);
    return NULL;
}

/* 200 ids of 512 KiB each (100 MiB of ids) through a pipe: validation remembers each id by a
 * fingerprint, not its text, so memory stays within a few MiB. */
Test(check, long_ids_do_not_grow_memory, .timeout = 60)
{
    struct long_ids g = { (size_t)512 << 10, 200, 0, 0, 0 };
    struct pipe_writer w = { &g, -1, 0 };
    isomm_csv_summary sum;
    isomm_error err;
    pthread_t writer;
    long before = peak_kib();
    int fds[2];
    FILE *fp;

    if (!PEAK_MEANINGFUL)
        cr_skip_test("AddressSanitizer keeps freed memory in quarantine: the peak says nothing here");
    cr_assert_eq(pipe(fds), 0);
    w.fd = fds[1];
    cr_assert_not_null(fp = fdopen(fds[0], "rb"));
    cr_assert_eq(pthread_create(&writer, NULL, write_pipe, &w), 0);
    cr_assert_eq(isomm_csv_check_fp(fp, NULL, 0, NULL, NULL, &sum, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(pthread_join(writer, NULL), 0);
    fclose(fp);
    cr_assert(w.ok);
    cr_assert_eq(sum.assessments, 200);
    cr_assert_lt(peak_kib() - before, 24 << 10, "memory grew by %ld KiB", peak_kib() - before);
}
