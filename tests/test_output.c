/* SPDX-License-Identifier: MIT */
/* The output layer under attack and accident: a full file system, a writer killed with
 * SIGKILL, links planted at the target, a directory that cannot be written. In every case the
 * old file must stay byte for byte, and nothing outside the target's directory is touched. */
#define _GNU_SOURCE /* umount2 */

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <isomm/isomm.h>

/* The user "nobody" on Debian: who the read-only directory test runs as when started as root. */
#define UNPRIVILEGED_ID 65534
#define OLD "the old file\nkept byte for byte\n"

static char dir[64], elsewhere[64], target[128];
static int mounted;

static void make_dirs(void)
{
    strcpy(dir, "/tmp/isomm-output-XXXXXX");
    strcpy(elsewhere, "/tmp/isomm-elsewhere-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    cr_assert_not_null(mkdtemp(elsewhere));
    snprintf(target, sizeof target, "%s/out.txt", dir);
}

static void write_plain(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "%s: %s", path, strerror(errno));
    cr_assert_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    cr_assert_eq(fclose(f), 0);
}

static void remove_all(const char *d)
{
    char p[400];
    DIR *h = opendir(d);
    struct dirent *e;
    while (h && (e = readdir(h)) != NULL) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", d, e->d_name);
            unlink(p);
        }
    }
    if (h)
        closedir(h);
    rmdir(d);
}

static void teardown(void)
{
    if (mounted)
        umount2(dir, MNT_DETACH);
    mounted = 0;
    remove_all(dir);
    remove_all(elsewhere);
}

/* The file at path holds exactly `text`. */
static void assert_content(const char *path, const char *text)
{
    size_t want = strlen(text), n;
    char *got = malloc(want + 2);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s: %s", path, strerror(errno));
    n = fread(got, 1, want + 1, f);
    fclose(f);
    cr_assert_eq(n, want, "%s has %zu bytes, expected %zu", path, n, want);
    cr_assert_eq(memcmp(got, text, want), 0, "%s changed", path);
    free(got);
}

/* Names in the target's directory besides out.txt: how many, and whether each is a temporary
 * file of out.txt ("out.txt.XXXXXXXX.tmp"). */
static int others_in_dir(int *all_temporary)
{
    DIR *h = opendir(dir);
    struct dirent *e;
    int n = 0;
    *all_temporary = 1;
    cr_assert_not_null(h);
    while ((e = readdir(h)) != NULL) {
        size_t len = strlen(e->d_name);
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, "out.txt"))
            continue;
        n++;
        if (strncmp(e->d_name, "out.txt.", 8) != 0 || len < 12 || strcmp(e->d_name + len - 4, ".tmp") != 0)
            *all_temporary = 0;
    }
    closedir(h);
    return n;
}

static char *big_text(size_t n)
{
    char *t = malloc(n + 1);
    size_t i;
    cr_assert_not_null(t);
    for (i = 0; i < n; i++)
        t[i] = (char)('a' + i % 26);
    t[n] = '\0';
    return t;
}

TestSuite(output, .init = make_dirs, .fini = teardown);

Test(output, full_file_system_keeps_the_old_file)
{
    size_t n = (size_t)1 << 20;
    char *text = big_text(n);
    isomm_assessment *list[64];
    isomm_error err;
    int all_tmp, i;

    if (geteuid() != 0)
        cr_skip_test("needs root to mount a small tmpfs (run as root to test a full file system)");
    if (mount("tmpfs", dir, "tmpfs", 0, "size=64k,mode=0700") != 0)
        cr_skip_test("cannot mount a tmpfs here (%s): the full file system case is not tested", strerror(errno));
    mounted = 1;
    write_plain(target, OLD);
    /* a document larger than the file system */
    cr_assert_eq(isomm_write_file(target, text, n, &err), ISOMM_EIO);
    cr_assert_eq(err.code, ISOMM_EIO);
    cr_assert_not_null(strstr(err.message, "No space left on device"), "%s", err.message);
    cr_assert_not_null(strstr(err.message, target), "%s", err.message);
    assert_content(target, OLD);
    cr_assert_eq(others_in_dir(&all_tmp), 0, "a temporary file was left on the full file system");
    /* the same through the CSV writer */
    for (i = 0; i < 64; i++) {
        cr_assert_eq(isomm_assessment_new(&list[i], NULL, &err), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set(list[i], "A-1", ISOMM_INSOURCE, 3, "a note long enough to fill the disk",
                                          &err), ISOMM_OK);
    }
    cr_assert_eq(isomm_csv_write_file(target, list, 64, NULL, &err), ISOMM_EIO);
    cr_assert_not_null(strstr(err.message, "No space left on device"), "%s", err.message);
    assert_content(target, OLD);
    cr_assert_eq(others_in_dir(&all_tmp), 0);
    for (i = 0; i < 64; i++)
        isomm_assessment_free(list[i]);
    free(text);
}

/* A writer killed in the middle: the old file is intact; what is left is a temporary file. */
Test(output, killed_writer_leaves_the_old_file)
{
    int ready[2], all_tmp;
    pid_t child;
    char c;

    write_plain(target, OLD);
    cr_assert_eq(pipe(ready), 0);
    child = fork();
    cr_assert_geq(child, 0);
    if (child == 0) {
        isomm_output *o;
        char *text = malloc(65536);
        memset(text, 'x', 65536);
        close(ready[0]);
        if (isomm_output_open(&o, target, NULL) != ISOMM_OK || isomm_output_write(o, text, 65536, NULL) != ISOMM_OK)
            _exit(3);
        if (write(ready[1], "w", 1) != 1)
            _exit(4);
        for (;;)
            pause(); /* killed here, half way through the document */
    }
    close(ready[1]);
    cr_assert_eq(read(ready[0], &c, 1), 1, "the writer did not start");
    close(ready[0]);
    cr_assert_eq(kill(child, SIGKILL), 0);
    cr_assert_eq(waitpid(child, NULL, 0), child);
    assert_content(target, OLD);
    cr_assert_eq(others_in_dir(&all_tmp), 1);
    cr_assert(all_tmp, "what the killed writer left is not named out.txt.*.tmp");
}

Test(output, planted_link_to_a_file_elsewhere_is_replaced_not_followed)
{
    char victim[160];
    struct stat st;
    isomm_error err;

    snprintf(victim, sizeof victim, "%s/victim", elsewhere);
    write_plain(victim, OLD);
    cr_assert_eq(symlink(victim, target), 0);
    cr_assert_eq(isomm_write_file(target, "new\n", 4, &err), ISOMM_OK, "%s", err.message);
    assert_content(victim, OLD);
    cr_assert_eq(lstat(target, &st), 0);
    cr_assert(S_ISREG(st.st_mode), "the link is still there");
    assert_content(target, "new\n");
}

Test(output, planted_dangling_link_creates_nothing_elsewhere)
{
    char never[160];
    struct stat st;
    isomm_error err;
    isomm_assessment *a;

    snprintf(never, sizeof never, "%s/never", elsewhere);
    cr_assert_eq(symlink(never, target), 0);
    cr_assert_eq(isomm_write_file(target, "new\n", 4, &err), ISOMM_OK, "%s", err.message);
    cr_assert_neq(lstat(never, &st), 0, "the dangling link's target was created");
    cr_assert_eq(lstat(target, &st), 0);
    cr_assert(S_ISREG(st.st_mode));
    /* the same through the CSV writer */
    cr_assert_eq(unlink(target), 0);
    cr_assert_eq(symlink(never, target), 0);
    cr_assert_eq(isomm_assessment_new(&a, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_csv_write_file(target, &a, 1, NULL, &err), ISOMM_OK, "%s", err.message);
    cr_assert_neq(lstat(never, &st), 0, "the dangling link's target was created");
    cr_assert_eq(lstat(target, &st), 0);
    cr_assert(S_ISREG(st.st_mode));
    isomm_assessment_free(a);
}

Test(output, read_only_directory_keeps_the_old_file)
{
    isomm_error err;
    int rc, all_tmp;

    write_plain(target, OLD);
    cr_assert_eq(chmod(dir, 0555), 0);
    if (geteuid() == 0) {
        cr_assert_eq(setegid(UNPRIVILEGED_ID), 0);
        cr_assert_eq(seteuid(UNPRIVILEGED_ID), 0);
    }
    rc = isomm_write_file(target, "new\n", 4, &err);
    if (getuid() == 0) {
        cr_assert_eq(seteuid(0), 0);
        cr_assert_eq(setegid(0), 0);
    }
    chmod(dir, 0700);
    cr_assert_eq(rc, ISOMM_EIO);
    cr_assert_not_null(strstr(err.message, "Permission denied"), "%s", err.message);
    cr_assert_not_null(strstr(err.message, target), "%s", err.message);
    assert_content(target, OLD);
    cr_assert_eq(others_in_dir(&all_tmp), 0);
}

Test(output, directory_as_target_is_refused)
{
    isomm_error err;
    cr_assert_eq(isomm_write_file(dir, "x", 1, &err), ISOMM_EIO);
    cr_assert_not_null(strstr(err.message, "Is a directory"), "%s", err.message);
}
