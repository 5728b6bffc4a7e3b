/* SPDX-License-Identifier: MIT */
/* Shared by the fuzz targets: the libFuzzer entry point and the invariants every evaluation
 * result must satisfy whatever the input was. A broken invariant aborts, which libFuzzer and
 * the corpus driver both report as a crash. */
#ifndef ISOMM_FUZZ_H
#define ISOMM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include <isomm/isomm.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message naming the broken invariant when cond is false. */
#define FUZZ_REQUIRE(cond) fuzz_require((cond), #cond, __FILE__, __LINE__)

void fuzz_require(int cond, const char *what, const char *file, int line);

/* Evaluate a with opts (NULL for the defaults), check every invariant of the result, render it
 * in every report format when render is nonzero, and free it. Returns the code isomm_evaluate()
 * returned. */
int fuzz_evaluate_and_check(const isomm_assessment *a, const isomm_eval_options *opts, int render);

#endif
