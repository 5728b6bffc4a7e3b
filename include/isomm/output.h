/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/output.h
 * @brief Safe output files: every file libisomm and the `isomm` command write goes through here.
 *
 * Writing to a path never damages what was there:
 *  - the bytes go to a new temporary file in the target's directory (created exclusively, never
 *    through a symbolic link), which is flushed, synced to disk and then renamed over the target;
 *  - a symbolic link at the target is itself replaced by the new file: the file it points to is
 *    never written, and a dangling link never makes its target appear;
 *  - on any failure (full disk, no permission, interrupted process) the temporary file is removed
 *    (or, after a kill, left under a name starting with the target's name and ending in `.tmp`) and
 *    the old file stays byte for byte as it was; the error message says why (`strerror`);
 *  - an existing regular file keeps its permission bits;
 *  - a target that exists and is neither a regular file nor a symbolic link (a device such as
 *    /dev/null, a FIFO) is written in place, as renaming over it would replace the device.
 *
 * With a NULL path (or "-") the output is standard output: every failed write, including the final
 * flush, is an ::ISOMM_EIO error with the reason.
 *
 * An ::isomm_output is used by one thread at a time.
 */
#ifndef ISOMM_OUTPUT_H
#define ISOMM_OUTPUT_H

#include <stddef.h>

#include "isomm/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A write function: receives every piece of a document that is written as it goes (streaming
 * renderers such as isomm_report_stream_open()). Return ::ISOMM_OK, or a negative ::isomm_code
 * (filling @p err) to stop the writer, which then reports that code.
 * @param sink the pointer the caller registered with the function
 */
typedef int (*isomm_write_fn)(void *sink, const void *data, size_t len, isomm_error *err);

/** An output being written (opaque; library-owned). */
typedef struct isomm_output isomm_output;

/**
 * Start writing to @p path (NULL or "-": standard output).
 * @param out   receives the output; release it with isomm_output_commit() or isomm_output_discard()
 * @param path  target path, NULL or "-" for standard output
 * @return ::ISOMM_OK; ::ISOMM_EIO when the temporary file cannot be created (message: path and
 *         reason) or the target is a directory; ::ISOMM_ENOMEM; ::ISOMM_EINVAL when @p out is NULL.
 */
ISOMM_EXPORT int isomm_output_open(isomm_output **out, const char *path, isomm_error *err);

/**
 * Append @p len bytes. Errors are sticky: after a failure every further write fails with the same
 * code, and isomm_output_commit() reports it again.
 * @return ::ISOMM_OK; ::ISOMM_EIO (message with the reason); ::ISOMM_EINVAL for a NULL @p o, or
 *         NULL @p data with a non-zero @p len.
 */
ISOMM_EXPORT int isomm_output_write(isomm_output *o, const void *data, size_t len, isomm_error *err);

/**
 * Finish: flush, sync and rename the temporary file over the target (for standard output: flush).
 * Always releases @p o. When anything failed, before or now, the target is left as it was and the
 * error is returned.
 * @return ::ISOMM_OK; ::ISOMM_EIO with the reason; ::ISOMM_EINVAL for a NULL @p o.
 */
ISOMM_EXPORT int isomm_output_commit(isomm_output *o, isomm_error *err);

/**
 * An ::isomm_write_fn that writes to the ::isomm_output passed as @p sink: hand it with an output
 * to a streaming renderer.
 * @return as isomm_output_write()
 */
ISOMM_EXPORT int isomm_output_sink(void *sink, const void *data, size_t len, isomm_error *err);

/** Abandon the output: the temporary file is removed, the target untouched. NULL is ignored. */
ISOMM_EXPORT void isomm_output_discard(isomm_output *o);

/**
 * Write @p len bytes of @p data to @p path (NULL or "-": standard output) by the rules above, in
 * one call: open, write, commit.
 * @return as isomm_output_open(), isomm_output_write() and isomm_output_commit().
 */
ISOMM_EXPORT int isomm_write_file(const char *path, const void *data, size_t len, isomm_error *err);

#ifdef __cplusplus
}
#endif

#endif
