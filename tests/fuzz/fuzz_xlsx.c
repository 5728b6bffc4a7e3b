/* SPDX-License-Identifier: MIT */
/* Fuzz target: the workbook reader. The input is read as an .xlsx file with isomm_xlsx_read_buffer()
 * under small budgets (so that one run stays fast whatever the input inflates to). Either it fails
 * cleanly (a negative code, the same code in the error record, nothing handed back, a position only
 * for errors that name a cell) or every assessment it gives is evaluated (fuzz_evaluate_and_check)
 * and survives a CSV round trip unchanged. */
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    isomm_xlsx_options opts = ISOMM_XLSX_OPTIONS_INIT;
    isomm_assessment **list = NULL, **again = NULL;
    size_t count = 0, again_count = 0, i, len = 0;
    char *text = NULL;
    isomm_error err;
    int rc;

    opts.max_inflated_bytes = (size_t)4 << 20;
    opts.max_elements = 200000;
    rc = isomm_xlsx_read_buffer(&list, &count, data, size, &opts, &err);
    if (rc != ISOMM_OK) {
        FUZZ_REQUIRE(rc < 0 && err.code == rc && list == NULL && count == 0);
        FUZZ_REQUIRE(err.line >= 0 && err.column >= 0 && (err.line == 0) == (err.column == 0));
        FUZZ_REQUIRE(memchr(err.message, '\0', sizeof err.message) != NULL && err.message[0] != '\0');
        return 0;
    }
    FUZZ_REQUIRE(count >= 1 && list != NULL);
    for (i = 0; i < count; i++)
        fuzz_evaluate_and_check(list[i], NULL, i == 0);
    FUZZ_REQUIRE(isomm_csv_write_buffer(&text, &len, list, count, NULL, &err) == ISOMM_OK);
    if (isomm_csv_read_buffer(&again, &again_count, text, len, NULL, &err) != ISOMM_OK)
        fuzz_require(0, err.message, __FILE__, __LINE__);
    FUZZ_REQUIRE(again_count == count);
    for (i = 0; i < count; i++)
        FUZZ_REQUIRE(isomm_assessment_equal(again[i], list[i]) == 1);
    isomm_assessment_array_free(again, again_count);
    isomm_assessment_array_free(list, count);
    isomm_free(text);
    return 0;
}
