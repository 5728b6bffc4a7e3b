/* SPDX-License-Identifier: MIT */
/* Static texts of the built-in catalogue (lib/catalog_v21.c). Private. */
#ifndef ISOMM_CATALOG_H
#define ISOMM_CATALOG_H

#include "isomm/model.h"

extern const isomm_pattern_info isomm__patterns[ISOMM_PATTERN_COUNT];
extern const char *const isomm__scale[2][ISOMM_LEVEL_MAX + 1][2];
/* [function][strength != 0][band - 1][lang]: the comment on a strength or weakness by maturity band. */
extern const char *const isomm__band_comments[ISOMM_FUNCTION_COUNT][2][5][2];

#endif
