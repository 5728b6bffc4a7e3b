/* SPDX-License-Identifier: MIT */
/**
 * @file isomm/isomm.h
 * @brief libisomm: the ISOG-J SOC/CSIRT maturity model (ISOMM) as a library. Includes every public header.
 */
#ifndef ISOMM_ISOMM_H
#define ISOMM_ISOMM_H

#include "isomm/common.h"
#include "isomm/model.h"
#include "isomm/assessment.h"
#include "isomm/evaluate.h"
#include "isomm/report.h"
#include "isomm/compare.h"
#include "isomm/csv.h"
#include "isomm/output.h"
#include "isomm/frame.h"
#include "isomm/population.h"
#include "isomm/xlsx.h"

#endif
