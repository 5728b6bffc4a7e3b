/* SPDX-License-Identifier: MIT */
/* The cost of `isomm validate`, `isomm report --format json` and the text report against
 * libcsv's raw parse of the same file, and the peak memory of `isomm report --format json`.
 *
 *   build/tests/bench/bench_report [assessments]      (default 100000 = 5.4 million rows)
 *
 * In one run:
 *   - CPU time (user + system, best of three) of each command run as a child process over the
 *     generated file, its output sent to /dev/null, as a ratio of libcsv's raw parse of that
 *     file in this process;
 *   - when valgrind is on PATH: instructions (callgrind) of each command over a file of 2,000
 *     assessments, as a ratio of the raw parse of that file (this program's --raw mode);
 *   - peak resident memory (ru_maxrss) of `isomm report --format json` at a tenth of the size,
 *     at the size, and at ten times the size generated into a pipe. Each child runs with its
 *     address space capped (ISOMM_BENCH_MEMORY_MB, default 8192) so that a report that holds
 *     everything fails instead of exhausting the machine; such a run prints "over the cap";
 *   - peak resident memory of `isomm report --format html` at a tenth of the size and at the size
 *     (the page's sections wait in an anonymous temporary file under $TMPDIR: about 75 KB each,
 *     7.5 GB at 100,000 assessments), and of the radar chart (`--format svg`, which keeps each
 *     assessment's id and maturities, about 100 bytes), next to the JSON figures.
 * Targets (issue 15): validate <= 1.43x, report --format json <= 4x, text <= 3x the raw parse;
 * report --format json peak RSS under 32 MB at every size, the same within 10%; the same for
 * report --format html at both sizes. */
#define _DEFAULT_SOURCE /* wait4 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_gen.h"

#ifndef ISOMM_CLI_PATH
#error "build with -DISOMM_CLI_PATH=\"path of the isomm program\""
#endif

#define CALLGRIND_ASSESSMENTS 2000

typedef struct run_result {
    int status;        /* exit status, or -1 when it did not exit normally */
    double cpu;        /* user + system seconds */
    long peak_kib;     /* ru_maxrss */
} run_result;

static double tv_seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* Run argv with standard input from in_fd (-1: /dev/null), standard output and error to
 * /dev/null (or stderr to err_path), the address space capped; wait and measure it. */
static run_result run(char *const *argv, int in_fd, const char *err_path)
{
    run_result r = { -1, 0, 0 };
    struct rusage ru;
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        const char *cap = getenv("ISOMM_BENCH_MEMORY_MB");
        struct rlimit lim;
        int null = open("/dev/null", O_RDWR);
        int err = err_path ? open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644) : null;
        lim.rlim_cur = lim.rlim_max = (rlim_t)(cap ? atol(cap) : 8192) << 20;
        setrlimit(RLIMIT_AS, &lim);
        dup2(in_fd >= 0 ? in_fd : null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(err, STDERR_FILENO);
        execvp(argv[0], argv);
        _exit(127);
    }
    if (pid < 0 || wait4(pid, &status, 0, &ru) != pid)
        return r;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.cpu = tv_seconds(ru.ru_utime) + tv_seconds(ru.ru_stime);
    r.peak_kib = ru.ru_maxrss;
    return r;
}

/* Best CPU time of three runs; a failing run ends the benchmark. */
static double best_of_three(char *const *argv, const char *what)
{
    double best = 1e99;
    int i;

    for (i = 0; i < 3; i++) {
        run_result r = run(argv, -1, NULL);
        if (r.status != 0) {
            fprintf(stderr, "%s failed (status %d)\n", what, r.status);
            exit(2);
        }
        if (r.cpu < best)
            best = r.cpu;
    }
    return best;
}

/* Instructions callgrind counts for argv, or -1 when valgrind is missing or fails. */
static long long instructions(char *const *argv, const char *dir)
{
    char *vg[16], log[256], line[512];
    long long total = -1;
    size_t n = 0;
    FILE *fp;

    snprintf(log, sizeof log, "%s/callgrind.log", dir);
    vg[n++] = "valgrind";
    vg[n++] = "--tool=callgrind";
    vg[n++] = "--callgrind-out-file=/dev/null";
    while (*argv && n < 15)
        vg[n++] = *argv++;
    vg[n] = NULL;
    if (run(vg, -1, log).status != 0 || !(fp = fopen(log, "r")))
        return -1;
    while (fgets(line, sizeof line, fp)) {
        const char *at = strstr(line, "Collected : ");
        if (at)
            total = atoll(at + 12);
    }
    fclose(fp);
    return total;
}

/* Peak memory of `isomm report --format json` over `assessments` generated into a pipe. */
static run_result piped_report(long assessments)
{
    char *argv[] = { ISOMM_CLI_PATH, "report", "-", "--format", "json", NULL };
    run_result r;
    int fd[2], status;
    pid_t gen;

    if (pipe(fd))
        exit(2);
    gen = fork();
    if (gen == 0) {
        close(fd[0]);
        _exit(generate_fp(fdopen(fd[1], "w"), assessments) ? 1 : 0);
    }
    close(fd[1]);
    r = run(argv, fd[0], NULL);
    close(fd[0]);
    waitpid(gen, &status, 0);
    return r;
}

static void print_peak(const char *what, run_result r)
{
    if (r.status == 0)
        printf("  %-34s %8ld KiB\n", what, r.peak_kib);
    else
        printf("  %-34s failed (status %d: over the cap of ISOMM_BENCH_MEMORY_MB?)\n", what, r.status);
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/isomm-bench-report-XXXXXX", big[96], small[96], tiny[96], label[64];
    long assessments = 100000;
    double t_raw = 1e99, t_validate, t_json, t_text, mb;
    run_result peak_small, peak_big, peak_piped, html_small, html_big, svg_small, svg_big;
    long long i_raw, i_validate, i_json, i_text;
    struct stat st;
    counts n;
    int i;

    if (argc == 3 && strcmp(argv[1], "--raw") == 0) { /* the anchor, alone, for callgrind */
        raw_parse(argv[2], &n);
        return n.rows > 0 ? 0 : 2;
    }
    if (argc > 1)
        assessments = atol(argv[1]);
    if (assessments < 10 || !mkdtemp(dir))
        return 2;
    snprintf(big, sizeof big, "%s/big.csv", dir);
    snprintf(small, sizeof small, "%s/small.csv", dir);
    snprintf(tiny, sizeof tiny, "%s/tiny.csv", dir);
    if (generate(big, assessments) || generate(small, assessments / 10) ||
        generate(tiny, CALLGRIND_ASSESSMENTS) || stat(big, &st))
        return 2;
    mb = (double)st.st_size / 1e6;

    for (i = 0; i < 3; i++) {
        double t = raw_parse(big, &n);
        if (t < t_raw)
            t_raw = t;
    }
    {
        char *validate[] = { ISOMM_CLI_PATH, "validate", big, NULL };
        char *json[] = { ISOMM_CLI_PATH, "report", big, "--format", "json", NULL };
        char *text[] = { ISOMM_CLI_PATH, "report", big, "--lang", "en", NULL };
        t_validate = best_of_three(validate, "isomm validate");
        t_json = best_of_three(json, "isomm report --format json");
        t_text = best_of_three(text, "isomm report (text)");
    }
    printf("file: %ld assessments, %ld rows, %.1f MB\n", assessments, n.rows, mb);
    printf("CPU time, best of 3          seconds   x libcsv raw parse\n");
    printf("  libcsv raw parse           %7.3f   1.00\n", t_raw);
    printf("  isomm validate             %7.3f   %.2f   (target <= 1.43)\n", t_validate, t_validate / t_raw);
    printf("  isomm report --format json %7.3f   %.2f   (target <= 4)\n", t_json, t_json / t_raw);
    printf("  isomm report (text)        %7.3f   %.2f   (target <= 3)\n", t_text, t_text / t_raw);

    {
        char self[] = "/proc/self/exe";
        char *raw[] = { self, "--raw", tiny, NULL };
        char *validate[] = { ISOMM_CLI_PATH, "validate", tiny, NULL };
        char *json[] = { ISOMM_CLI_PATH, "report", tiny, "--format", "json", NULL };
        char *text[] = { ISOMM_CLI_PATH, "report", tiny, "--lang", "en", NULL };
        char exe[4096];
        ssize_t len = readlink(self, exe, sizeof exe - 1);
        if (len > 0) {
            exe[len] = '\0';
            raw[0] = exe;
        }
        i_raw = instructions(raw, dir);
        if (i_raw > 0) {
            i_validate = instructions(validate, dir);
            i_json = instructions(json, dir);
            i_text = instructions(text, dir);
            printf("instructions (callgrind), %d assessments   x libcsv raw parse\n", CALLGRIND_ASSESSMENTS);
            printf("  libcsv raw parse           %12lld   1.00\n", i_raw);
            printf("  isomm validate             %12lld   %.2f\n", i_validate, (double)i_validate / (double)i_raw);
            printf("  isomm report --format json %12lld   %.2f\n", i_json, (double)i_json / (double)i_raw);
            printf("  isomm report (text)        %12lld   %.2f\n", i_text, (double)i_text / (double)i_raw);
        } else {
            printf("instructions: valgrind not found or failed, skipped\n");
        }
    }

    {
        char *json_small[] = { ISOMM_CLI_PATH, "report", small, "--format", "json", NULL };
        char *json_big[] = { ISOMM_CLI_PATH, "report", big, "--format", "json", NULL };
        char *page_small[] = { ISOMM_CLI_PATH, "report", small, "--format", "html", NULL };
        char *page_big[] = { ISOMM_CLI_PATH, "report", big, "--format", "html", NULL };
        peak_small = run(json_small, -1, NULL);
        peak_big = run(json_big, -1, NULL);
        peak_piped = piped_report(assessments * 10);
        html_small = run(page_small, -1, NULL);
        html_big = run(page_big, -1, NULL);
        page_small[4] = page_big[4] = "svg";
        svg_small = run(page_small, -1, NULL);
        svg_big = run(page_big, -1, NULL);
    }
    printf("peak RSS of isomm report --format json (target < 32 MB, equal within 10%%)\n");
    snprintf(label, sizeof label, "%ld assessments (file)", assessments / 10);
    print_peak(label, peak_small);
    snprintf(label, sizeof label, "%ld assessments (file)", assessments);
    print_peak(label, peak_big);
    snprintf(label, sizeof label, "%ld assessments (pipe)", assessments * 10);
    print_peak(label, peak_piped);
    printf("peak RSS of isomm report --format html (target < 32 MB, equal within 10%%)\n");
    snprintf(label, sizeof label, "%ld assessments (file)", assessments / 10);
    print_peak(label, html_small);
    snprintf(label, sizeof label, "%ld assessments (file)", assessments);
    print_peak(label, html_big);
    printf("peak RSS of isomm report --format svg (grows by about 100 bytes an assessment)\n");
    snprintf(label, sizeof label, "%ld assessments (file)", assessments / 10);
    print_peak(label, svg_small);
    snprintf(label, sizeof label, "%ld assessments (file)", assessments);
    print_peak(label, svg_big);

    unlink(big);
    unlink(small);
    unlink(tiny);
    {
        char log[256];
        snprintf(log, sizeof log, "%s/callgrind.log", dir);
        unlink(log);
    }
    rmdir(dir);
    return 0;
}
