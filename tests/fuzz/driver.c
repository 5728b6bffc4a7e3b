/* SPDX-License-Identifier: MIT */
/* Standalone fuzz driver for builds without libFuzzer: feeds every file named on the command
 * line, or found in a directory named there, to LLVMFuzzerTestOneInput once. A crash or a broken
 * invariant aborts the process, which fails the CTest test that runs the corpus.
 *
 *   fuzz_<target>_corpus DIR_OR_FILE...
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Run one file; returns 0, or 1 when it cannot be read. */
static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t size = 0, cap = 0, n;

    if (!f) {
        perror(path);
        return 1;
    }
    do {
        if (size == cap) {
            unsigned char *grown;
            cap = cap ? cap * 2 : 4096;
            grown = realloc(data, cap);
            if (!grown) {
                free(data);
                fclose(f);
                fprintf(stderr, "%s: out of memory\n", path);
                return 1;
            }
            data = grown;
        }
        n = fread(data + size, 1, cap - size, f);
        size += n;
    } while (n > 0);
    if (ferror(f)) {
        perror(path);
        free(data);
        fclose(f);
        return 1;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(data, size);
    free(data);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every regular file of a directory, in name order; returns the number of failures, with
 * *count increased by the files run. */
static int run_dir(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **paths = NULL;
    size_t n = 0, cap = 0, i;
    int failures = 0;

    if (!d) {
        perror(dir);
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        char *path;
        if (e->d_name[0] == '.')
            continue;
        path = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (!path) {
            failures++;
            break;
        }
        sprintf(path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        if (n == cap) {
            char **grown = realloc(paths, (cap = cap ? cap * 2 : 64) * sizeof *paths);
            if (!grown) {
                free(path);
                failures++;
                break;
            }
            paths = grown;
        }
        paths[n++] = path;
    }
    closedir(d);
    if (n > 0)
        qsort(paths, n, sizeof *paths, compare_names);
    for (i = 0; i < n; i++) {
        failures += run_file(paths[i]);
        free(paths[i]);
    }
    free(paths);
    *count += (int)n;
    return failures;
}

int main(int argc, char **argv)
{
    int i, failures = 0, count = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            failures += run_dir(argv[i], &count);
        } else {
            failures += run_file(argv[i]);
            count++;
        }
    }
    printf("%d inputs run, %d unreadable\n", count, failures);
    return failures == 0 && count > 0 ? 0 : 1;
}
