/* SPDX-License-Identifier: MIT */
/* The one output layer: temporary file next to the target, write, flush, fsync, rename. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "isomm/output.h"

enum output_kind {
    OUT_STDOUT,   /* standard output */
    OUT_REPLACE,  /* a temporary file renamed over the target at commit */
    OUT_IN_PLACE  /* an existing device or FIFO, written directly */
};

struct isomm_output {
    enum output_kind kind;
    int fd;         /* the temporary file or the device; -1 for standard output */
    int failed;     /* sticky: the code of the first failure */
    char *path;     /* the target as given (NULL for standard output) */
    char *tmp;      /* the temporary file (OUT_REPLACE) */
    char message[ISOMM_ERROR_MESSAGE_SIZE]; /* the first failure's message */
};

static const char *shown(const isomm_output *o)
{
    return o->path ? o->path : "<stdout>";
}

/* Record the first failure and report it. */
static int output_fail(isomm_output *o, isomm_error *err, const char *what, int errnum)
{
    if (!o->failed) {
        o->failed = ISOMM_EIO;
        snprintf(o->message, sizeof o->message, "%s '%.300s': %s", what, shown(o), strerror(errnum));
    }
    return isomm__fail(err, o->failed, "%s", o->message);
}

/* Create the temporary file: "<path>.<random>.tmp" in the same directory, exclusively, never
 * following a link. The name is made from the clock, the process and the object's address, and
 * tried again on a clash. */
static int create_temporary(isomm_output *o, mode_t mode)
{
    size_t n = strlen(o->path) + 40;
    struct timespec ts;
    int attempt;

    if (!(o->tmp = malloc(n)))
        return -ENOMEM;
    for (attempt = 0; attempt < 64; attempt++) {
        unsigned long mix;
        clock_gettime(CLOCK_REALTIME, &ts);
        mix = (unsigned long)ts.tv_nsec ^ ((unsigned long)(uintptr_t)o >> 4) ^ ((unsigned long)getpid() << 16) ^
              (unsigned long)attempt * 2654435761UL;
        snprintf(o->tmp, n, "%s.%08lx.tmp", o->path, mix & 0xffffffffUL);
        o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (o->fd >= 0)
            return 0;
        if (errno != EEXIST)
            return -errno;
    }
    return -EEXIST;
}

int isomm_output_open(isomm_output **out, const char *path, isomm_error *err)
{
    isomm_output *o;
    struct stat st;
    int rc;

    if (!out)
        return isomm__fail(err, ISOMM_EINVAL, "output must not be NULL");
    *out = NULL;
    if (!(o = calloc(1, sizeof *o)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory opening an output");
    o->fd = -1;
    if (!path || strcmp(path, "-") == 0) {
        o->kind = OUT_STDOUT;
        *out = o;
        return ISOMM_OK;
    }
    if (!(o->path = isomm__strdup(path))) {
        free(o);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory opening '%.300s'", path);
    }
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            rc = output_fail(o, err, "cannot write", EISDIR);
            isomm_output_discard(o);
            return rc;
        }
        o->kind = OUT_IN_PLACE;
        o->fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
        if (o->fd < 0) {
            rc = output_fail(o, err, "cannot open", errno);
            isomm_output_discard(o);
            return rc;
        }
        *out = o;
        return ISOMM_OK;
    }
    o->kind = OUT_REPLACE;
    /* A new file gets 0666 less the umask, as fopen would give; an existing regular one keeps
     * its bits (a link is replaced, so its target's bits do not matter). */
    rc = create_temporary(o, 0666);
    if (rc == -ENOMEM) {
        isomm_output_discard(o);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory opening '%.300s'", path);
    }
    if (rc < 0) {
        free(o->tmp);
        o->tmp = NULL;
        rc = output_fail(o, err, "cannot create a temporary file next to", -rc);
        isomm_output_discard(o);
        return rc;
    }
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
        (void)fchmod(o->fd, st.st_mode & 07777);
    *out = o;
    return ISOMM_OK;
}

int isomm_output_write(isomm_output *o, const void *data, size_t len, isomm_error *err)
{
    const char *p = data;

    if (!o || (!data && len))
        return isomm__fail(err, ISOMM_EINVAL, "output and data must not be NULL");
    if (o->failed)
        return isomm__fail(err, o->failed, "%s", o->message);
    if (o->kind == OUT_STDOUT) {
        if (len && fwrite(p, 1, len, stdout) != len)
            return output_fail(o, err, "cannot write", errno ? errno : EIO);
        return ISOMM_OK;
    }
    while (len) {
        ssize_t w = write(o->fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return output_fail(o, err, "cannot write", errno);
        }
        p += w;
        len -= (size_t)w;
    }
    return ISOMM_OK;
}

int isomm_output_sink(void *sink, const void *data, size_t len, isomm_error *err)
{
    return isomm_output_write(sink, data, len, err);
}

/* Make the rename itself durable. A directory that cannot be opened or synced (some file systems
 * refuse) does not undo a write that already took place. */
static void sync_directory(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    int fd;

    if (!slash)
        dir = isomm__strdup(".");
    else
        dir = isomm__strndup(path, slash == path ? 1 : (size_t)(slash - path));
    if (!dir)
        return;
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

int isomm_output_commit(isomm_output *o, isomm_error *err)
{
    int rc = ISOMM_OK;

    if (!o)
        return isomm__fail(err, ISOMM_EINVAL, "output must not be NULL");
    if (o->kind == OUT_STDOUT) {
        if (!o->failed && (fflush(stdout) != 0 || ferror(stdout)))
            output_fail(o, NULL, "cannot write", errno ? errno : EIO);
    } else if (!o->failed) {
        if (o->kind == OUT_REPLACE && fsync(o->fd) != 0)
            output_fail(o, NULL, "cannot write", errno);
        /* closed whether or not the sync worked (the first failure is the one reported) */
        if (close(o->fd) != 0)
            output_fail(o, NULL, "cannot write", errno);
        o->fd = -1;
        if (!o->failed && o->kind == OUT_REPLACE) {
            if (rename(o->tmp, o->path) != 0)
                output_fail(o, NULL, "cannot replace", errno);
            else {
                free(o->tmp);
                o->tmp = NULL;
                sync_directory(o->path);
            }
        }
    }
    if (o->failed)
        rc = isomm__fail(err, o->failed, "%s", o->message);
    isomm_output_discard(o);
    return rc;
}

void isomm_output_discard(isomm_output *o)
{
    if (!o)
        return;
    if (o->fd >= 0)
        close(o->fd);
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    free(o);
}

int isomm_write_file(const char *path, const void *data, size_t len, isomm_error *err)
{
    isomm_output *o;
    int rc = isomm_output_open(&o, path, err);

    if (rc != ISOMM_OK)
        return rc;
    if ((rc = isomm_output_write(o, data, len, err)) != ISOMM_OK) {
        isomm_output_discard(o);
        return rc;
    }
    return isomm_output_commit(o, err);
}
