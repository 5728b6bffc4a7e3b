/* CSV read speed against libcsv's raw parse of the same file, and the streaming reader's peak
 * memory at two file sizes.
 *
 *   build/tests/bench/bench_csv [assessments]     (default 100000 = 5.4 million rows)
 *
 * Times are CPU time of the process (steadier than wall time on a shared machine).
 * Generates assessment CSV files (the given size and a tenth of it) in a temporary directory,
 * then measures, best of three runs each:
 *   - libcsv alone: csv_parse with the options the library uses and callbacks that only count;
 *   - isomm_csv_read_file: every assessment built and kept in memory;
 *   - the streaming reader: one assessment at a time, each freed.
 * Peak memory (ru_maxrss) of the streaming reader is measured in a fresh process per file size.
 * The target (issue 3): the full read at no less than 70% of libcsv's throughput, and streaming
 * peak memory independent of the file size. */
#define _POSIX_C_SOURCE 200809L
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <isomm/isomm.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The format isomm_csv_write_file produces, with notes that need quoting on some rows. */
static int generate(const char *path, long assessments)
{
    static const char *const sourcing[] = { "insource", "outsource", "in", "アウトソース" };
    const isomm_model *m = isomm_model_default();
    FILE *fp = fopen(path, "w");
    long a, row = 0;
    int r;
    if (!fp)
        return -1;
    fputs("assessment,organization,assessor,date,current_pattern,target_pattern,role,sourcing,level,note\n", fp);
    for (a = 0; a < assessments; a++) {
        for (r = 0; r < ISOMM_ROLE_COUNT; r++, row++) {
            if (r == 0)
                fprintf(fp, "org-%07ld,Example Corp %ld,CSIRT lead,2026-11-01,hybrid,minimum-outsource,", a, a % 97);
            else
                fprintf(fp, "org-%07ld,,,,,,", a);
            fputs(isomm_model_role(m, r)->code, fp);
            if (row % 13 == 0)
                fputs(",,,", fp);
            else
                fprintf(fp, ",%s,%ld,", sourcing[row % 4], row % 6);
            if (row % 7 == 0)
                fprintf(fp, "\"note %ld, \"\"quoted\"\"\nsecond line 見直し\"", row);
            fputc('\n', fp);
        }
    }
    return fclose(fp);
}

typedef struct counts {
    long fields, rows;
} counts;

static void count_field(void *s, size_t len, void *data)
{
    (void)s;
    (void)len;
    ((counts *)data)->fields++;
}

static void count_row(int c, void *data)
{
    (void)c;
    ((counts *)data)->rows++;
}

static double raw_parse(const char *path, counts *n)
{
    static char buf[65536];
    struct csv_parser p;
    FILE *fp = fopen(path, "rb");
    size_t got;
    double start = now();
    if (!fp || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
        exit(2);
    n->fields = n->rows = 0;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        if (csv_parse(&p, buf, got, count_field, count_row, n) != got)
            exit(2);
    csv_fini(&p, count_field, count_row, n);
    csv_free(&p);
    fclose(fp);
    return now() - start;
}

static double full_read(const char *path, size_t *count)
{
    isomm_assessment **list;
    isomm_error e;
    double start = now(), t;
    if (isomm_csv_read_file(&list, count, path, NULL, &e)) {
        fprintf(stderr, "read failed: line %ld: %s\n", e.line, e.message);
        exit(2);
    }
    t = now() - start;
    isomm_assessment_array_free(list, *count);
    return t;
}

static double stream_read(const char *path, long *count)
{
    isomm_csv_reader *rd;
    isomm_assessment *a;
    isomm_error e;
    double start = now();
    int rc;
    *count = 0;
    if (isomm_csv_reader_open_file(&rd, path, NULL, &e))
        exit(2);
    while ((rc = isomm_csv_reader_next(rd, &a, &e)) == 1) {
        isomm_assessment_free(a);
        (*count)++;
    }
    isomm_csv_reader_free(rd);
    if (rc) {
        fprintf(stderr, "stream failed: line %ld: %s\n", e.line, e.message);
        exit(2);
    }
    return now() - start;
}

/* Peak resident memory of a fresh process streaming the file, in KiB. */
static long stream_peak_kib(const char *self, const char *path)
{
    int fd[2], status;
    long kib = -1;
    pid_t pid;
    FILE *in;
    if (pipe(fd))
        return -1;
    pid = fork();
    if (pid == 0) {
        dup2(fd[1], STDOUT_FILENO);
        close(fd[0]);
        execl(self, self, "--stream-peak", path, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    in = fdopen(fd[0], "r");
    if (!in || fscanf(in, "%ld", &kib) != 1)
        kib = -1;
    fclose(in);
    waitpid(pid, &status, 0);
    return kib;
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/isomm-bench-XXXXXX", big[64], small[64];
    long assessments = 100000, streamed, peak_small, peak_big;
    double t_raw = 1e9, t_full = 1e9, t_stream = 1e9, mb;
    struct stat st;
    size_t count = 0;
    counts n;
    int i;

    if (argc == 3 && strcmp(argv[1], "--stream-peak") == 0) {
        struct rusage ru;
        stream_read(argv[2], &streamed);
        getrusage(RUSAGE_SELF, &ru);
        printf("%ld\n", ru.ru_maxrss);
        return 0;
    }
    if (argc > 1)
        assessments = atol(argv[1]);
    if (assessments < 10 || !mkdtemp(dir))
        return 2;
    snprintf(big, sizeof big, "%s/big.csv", dir);
    snprintf(small, sizeof small, "%s/small.csv", dir);
    if (generate(big, assessments) || generate(small, assessments / 10) || stat(big, &st))
        return 2;
    mb = (double)st.st_size / 1e6;
    /* first, while this process is small: a child's peak counts the pages it inherits */
    peak_small = stream_peak_kib("/proc/self/exe", small);
    peak_big = stream_peak_kib("/proc/self/exe", big);

    for (i = 0; i < 3; i++) {
        double t = raw_parse(big, &n);
        if (t < t_raw)
            t_raw = t;
        t = full_read(big, &count);
        if (t < t_full)
            t_full = t;
        t = stream_read(big, &streamed);
        if (t < t_stream)
            t_stream = t;
    }

    printf("file: %ld assessments, %ld rows, %.1f MB\n", assessments, n.rows, mb);
    printf("libcsv raw parse:       %7.3f s  %7.1f MB/s\n", t_raw, mb / t_raw);
    printf("isomm_csv_read_file:    %7.3f s  %7.1f MB/s  %5.1f%% of libcsv  (%zu assessments)\n", t_full,
           mb / t_full, 100.0 * t_raw / t_full, count);
    printf("streaming reader:       %7.3f s  %7.1f MB/s  %5.1f%% of libcsv  (%ld assessments)\n", t_stream,
           mb / t_stream, 100.0 * t_raw / t_stream, streamed);
    printf("streaming peak RSS:     %ld KiB at %ld assessments, %ld KiB at %ld assessments\n", peak_small,
           assessments / 10, peak_big, assessments);
    unlink(big);
    unlink(small);
    rmdir(dir);
    return count == (size_t)assessments && streamed == assessments ? 0 : 1;
}
