/* SPDX-License-Identifier: MIT */
/* A spool: bytes put aside in order and read back once, in chunks. Private.
 * The bytes stay in memory up to the spool's limit, then move to an anonymous temporary file
 * under $TMPDIR (or /tmp): opened O_TMPFILE where the system has it, else created and unlinked at
 * once, so that no name is ever left behind, whatever ends the process. */
#ifndef ISOMM_SPOOL_H
#define ISOMM_SPOOL_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "isomm/output.h"

typedef struct isomm__spool {
    isomm_buf mem;  /* the bytes while they fit the limit */
    FILE *file;     /* then the temporary file, which holds them all */
    size_t limit;   /* bytes kept in memory at most; (size_t)-1: never a file */
    const char *what; /* what the bytes are, for messages ("the HTML sections") */
    unsigned long long size; /* bytes put, to tell a file that comes back short */
} isomm__spool;

#define ISOMM__SPOOL_INIT(limit, what) { ISOMM_BUF_INIT, NULL, (limit), (what), 0 }

/* Append len bytes. ISOMM_OK; ISOMM_ENOMEM; ISOMM_EIO when the temporary file cannot be created
 * or written (the message names the directory, what was spooled and the system's reason). */
int isomm__spool_put(isomm__spool *sp, const char *data, size_t len, isomm_error *err);

/* Hand every byte put so far to write, in order, in pieces of at most 64 KiB from a file (one
 * piece from memory), never one of length 0. ISOMM_OK; ISOMM_ENOMEM; ISOMM_EIO when reading the
 * temporary file back fails or it holds fewer bytes than were put (it was cut short); or the
 * code write returned. */
int isomm__spool_drain(isomm__spool *sp, isomm_write_fn write, void *sink, isomm_error *err);

/* Release the memory and close (and so delete) the file. */
void isomm__spool_free(isomm__spool *sp);

#endif
