/* SPDX-License-Identifier: MIT */
/* Fault injection for writing: a device that is full, a directory that cannot be written, a
 * directory that does not exist. Each write must report ISOMM_EIO and leave the previous file
 * exactly as it was, with no temporary file left beside it. (A write cut short part way by a
 * file size limit is test_csv's write::failed_write_leaves_the_old_file.) */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <isomm/isomm.h>

/* The user "nobody" on Debian: who the read-only directory test runs as when started as root,
 * since root may write anywhere. */
#define UNPRIVILEGED_ID 65534

static char dir[64];
static char path[128];
static isomm_assessment *old_list[1], *new_list[2];
static char *old_text;
static size_t old_len;

static void answer_all(isomm_assessment *a, int level)
{
    int i;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        cr_assert_eq(isomm_assessment_set_index(a, i, ISOMM_INSOURCE, level, "kept note", NULL),
                     ISOMM_OK);
}

/* A directory holding "assessments.csv" with one assessment; a replacement of two. */
static void setup(void)
{
    isomm_error err;
    int i;

    strcpy(dir, "/tmp/isomm-write-faults-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/assessments.csv", dir);
    cr_assert_eq(isomm_assessment_new(&old_list[0], NULL, NULL), ISOMM_OK);
    answer_all(old_list[0], 2);
    for (i = 0; i < 2; i++) {
        cr_assert_eq(isomm_assessment_new(&new_list[i], NULL, NULL), ISOMM_OK);
        answer_all(new_list[i], 4);
        cr_assert_eq(isomm_assessment_set_meta(new_list[i], ISOMM_META_ID, i ? "second" : "first", NULL), ISOMM_OK);
    }
    cr_assert_eq(isomm_csv_write_file(path, old_list, 1, NULL, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(isomm_csv_write_buffer(&old_text, &old_len, old_list, 1, NULL, &err), ISOMM_OK);
}

static void teardown(void)
{
    char tmp[sizeof dir + 258];
    DIR *d = opendir(dir);
    struct dirent *e;

    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(tmp, sizeof tmp, "%s/%s", dir, e->d_name);
            unlink(tmp);
        }
    }
    if (d)
        closedir(d);
    rmdir(dir);
    isomm_assessment_free(old_list[0]);
    isomm_assessment_free(new_list[0]);
    isomm_assessment_free(new_list[1]);
    isomm_free(old_text);
}

/* The file still holds the old assessment, byte for byte, and is alone in its directory. */
static void assert_old_file_intact(void)
{
    FILE *f = fopen(path, "rb");
    char *got = malloc(old_len + 2);
    size_t n;
    DIR *d = opendir(dir);
    struct dirent *e;

    cr_assert_not_null(f);
    cr_assert_not_null(got);
    n = fread(got, 1, old_len + 1, f);
    fclose(f);
    cr_assert_eq(n, old_len, "the file has %zu bytes, it had %zu", n, old_len);
    cr_assert_eq(memcmp(got, old_text, old_len), 0, "the file changed");
    free(got);
    cr_assert_not_null(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            cr_expect_str_eq(e->d_name, "assessments.csv", "left behind: %s", e->d_name);
    closedir(d);
}

TestSuite(write_faults, .init = setup, .fini = teardown);

Test(write_faults, full_device_as_stream)
{
    FILE *full = fopen("/dev/full", "wb");
    isomm_error err;

    cr_assert_not_null(full);
    cr_assert_eq(isomm_csv_write_fp(full, new_list, 2, NULL, &err), ISOMM_EIO);
    cr_assert_eq(err.code, ISOMM_EIO);
    cr_assert_not_null(strstr(err.message, "No space left on device"), "%s", err.message);
    fclose(full);
}

Test(write_faults, full_device_as_path_stays_a_device)
{
    struct stat st;
    isomm_error err;

    cr_assert_eq(isomm_csv_write_file("/dev/full", new_list, 2, NULL, &err), ISOMM_EIO);
    cr_assert_eq(err.code, ISOMM_EIO);
    cr_assert_eq(stat("/dev/full", &st), 0);
    cr_assert(S_ISCHR(st.st_mode), "/dev/full is no longer a device");
}

Test(write_faults, read_only_directory_keeps_the_old_file)
{
    isomm_error err;
    int rc;

    cr_assert_eq(chmod(dir, 0555), 0);
    if (geteuid() == 0) {
        cr_assert_eq(setegid(UNPRIVILEGED_ID), 0);
        cr_assert_eq(seteuid(UNPRIVILEGED_ID), 0);
    }
    rc = isomm_csv_write_file(path, new_list, 2, NULL, &err);
    if (getuid() == 0) {
        cr_assert_eq(seteuid(0), 0);
        cr_assert_eq(setegid(0), 0);
    }
    chmod(dir, 0700);
    cr_assert_eq(rc, ISOMM_EIO);
    cr_assert_eq(err.code, ISOMM_EIO);
    cr_assert_not_null(strstr(err.message, "Permission denied"), "%s", err.message);
    assert_old_file_intact();
}

Test(write_faults, missing_directory_creates_nothing)
{
    char missing[192];
    struct stat st;
    isomm_error err;

    snprintf(missing, sizeof missing, "%s/no-such-dir/out.csv", dir);
    cr_assert_eq(isomm_csv_write_file(missing, new_list, 2, NULL, &err), ISOMM_EIO);
    cr_assert_not_null(strstr(err.message, "No such file or directory"), "%s", err.message);
    cr_assert_neq(stat(missing, &st), 0);
    assert_old_file_intact();
}
