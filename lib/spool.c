/* SPDX-License-Identifier: MIT */
/* Spools: memory first, then an anonymous temporary file (spool.h). */
#define _GNU_SOURCE /* O_TMPFILE */
#define _FILE_OFFSET_BITS 64 /* a spool of an HTML report over many assessments passes 2 GiB */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "spool.h"

#define CHUNK 65536

/* The directory of temporary files: $TMPDIR when set, else /tmp. */
static const char *temp_dir(void)
{
    const char *dir = getenv("TMPDIR");

    return dir && *dir ? dir : "/tmp";
}

/* An anonymous read-write file in dir, or -1 with errno set. */
static int anonymous_file(const char *dir)
{
    static const char name[] = "/isomm-spool-XXXXXX";
    size_t n = strlen(dir);
    char *path;
    int fd, saved;

#ifdef O_TMPFILE
    fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
        return fd;
#endif
    if (!(path = malloc(n + sizeof name))) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(path, dir, n);
    memcpy(path + n, name, sizeof name);
    fd = mkstemp(path);
    saved = errno;
    if (fd >= 0 && unlink(path) != 0) {
        saved = errno;
        close(fd);
        fd = -1;
    }
    free(path);
    errno = saved;
    return fd;
}

/* The reason of a failed call: errno's text, or "unknown error" when it left errno at 0. */
static const char *reason(int errnum)
{
    return errnum ? strerror(errnum) : "unknown error";
}

/* Move the bytes held in memory to a new temporary file. */
static int to_file(isomm__spool *sp, isomm_error *err)
{
    const char *dir = temp_dir();
    int fd = anonymous_file(dir), errnum;

    if (fd < 0 || !(sp->file = fdopen(fd, "w+b"))) {
        errnum = errno;
        if (fd >= 0)
            close(fd);
        return isomm__fail(err, ISOMM_EIO, "report: cannot create a temporary file in '%.300s' for %s: %s", dir,
                           sp->what, reason(errnum));
    }
    errno = 0;
    if (sp->mem.len && fwrite(sp->mem.data, 1, sp->mem.len, sp->file) != sp->mem.len)
        return isomm__fail(err, ISOMM_EIO, "report: cannot write the temporary file in '%.300s' for %s: %s", dir,
                           sp->what, reason(errno));
    isomm__buf_free(&sp->mem);
    return ISOMM_OK;
}

int isomm__spool_put(isomm__spool *sp, const char *data, size_t len, isomm_error *err)
{
    int rc;

    sp->size += len;
    if (!sp->file) {
        if (sp->mem.len + len <= sp->limit || sp->limit == (size_t)-1) {
            isomm__buf_append(&sp->mem, data, len);
            return sp->mem.failed ? isomm__fail(err, ISOMM_ENOMEM, "report: out of memory") : ISOMM_OK;
        }
        if ((rc = to_file(sp, err)) != ISOMM_OK)
            return rc;
    }
    errno = 0;
    if (fwrite(data, 1, len, sp->file) != len)
        return isomm__fail(err, ISOMM_EIO, "report: cannot write the temporary file in '%.300s' for %s: %s", temp_dir(),
                           sp->what, reason(errno));
    return ISOMM_OK;
}

int isomm__spool_drain(isomm__spool *sp, isomm_write_fn write, void *sink, isomm_error *err)
{
    char *chunk;
    size_t n;
    unsigned long long read = 0;
    int rc = ISOMM_OK;

    if (!sp->file)
        return sp->mem.len ? write(sink, sp->mem.data, sp->mem.len, err) : ISOMM_OK;
    errno = 0;
    if (fflush(sp->file) != 0 || fseek(sp->file, 0, SEEK_SET) != 0)
        return isomm__fail(err, ISOMM_EIO, "report: cannot write the temporary file in '%.300s' for %s: %s", temp_dir(),
                           sp->what, reason(errno));
    if (!(chunk = malloc(CHUNK)))
        return isomm__fail(err, ISOMM_ENOMEM, "report: out of memory");
    while (rc == ISOMM_OK && (n = fread(chunk, 1, CHUNK, sp->file)) > 0) {
        read += n;
        rc = write(sink, chunk, n, err);
    }
    if (rc == ISOMM_OK && ferror(sp->file))
        rc = isomm__fail(err, ISOMM_EIO, "report: cannot read back the temporary file in '%.300s' for %s: %s",
                         temp_dir(), sp->what, reason(errno));
    else if (rc == ISOMM_OK && read != sp->size)
        rc = isomm__fail(err, ISOMM_EIO,
                         "report: the temporary file in '%.300s' for %s holds %llu of its %llu bytes (it was cut short)",
                         temp_dir(), sp->what, read, sp->size);
    free(chunk);
    return rc;
}

void isomm__spool_free(isomm__spool *sp)
{
    isomm__buf_free(&sp->mem);
    if (sp->file)
        fclose(sp->file);
    sp->file = NULL;
}
