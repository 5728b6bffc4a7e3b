/* SPDX-License-Identifier: MIT */
/* Fuzz target: build an assessment from arbitrary answers through the public API (valid and
 * invalid role indices, sourcings, levels, notes, metadata and patterns), evaluate it with
 * arbitrary options, check every invariant of the result and render it as reports.
 *
 * Input layout: five bytes (strengths, list size, target option, current pattern, target
 * pattern of the assessment), then records
 * of four bytes [operation, a, b, text length] each followed by up to that many text bytes. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

struct input {
    const uint8_t *data;
    size_t size;
    size_t pos;
};

static int next_byte(struct input *in)
{
    return in->pos < in->size ? in->data[in->pos++] : 0;
}

/* The next text of the input as a NUL-terminated copy (NULL when empty); the caller frees it. */
static char *next_text(struct input *in, size_t len)
{
    char *text;

    if (len > in->size - in->pos)
        len = in->size - in->pos;
    if (len == 0)
        return NULL;
    text = malloc(len + 1);
    FUZZ_REQUIRE(text != NULL);
    memcpy(text, in->data + in->pos, len);
    text[len] = '\0';
    in->pos += len;
    return text;
}

/* Pattern values from one below NONE to one above the last pattern. */
static isomm_pattern pattern_of(int byte)
{
    return (isomm_pattern)(byte % 7 - 2);
}

static void apply_record(isomm_assessment *a, struct input *in)
{
    int op = next_byte(in), x = next_byte(in), y = next_byte(in);
    char *text = next_text(in, (size_t)next_byte(in));
    int role = x % (ISOMM_ROLE_COUNT + 2) - 1;
    const isomm_role_info *info = isomm_model_role(isomm_assessment_model(a), role);
    isomm_answer before, after;
    isomm_error err;
    int rc;

    switch (op % 5) {
    case 0:
        rc = isomm_assessment_get_index(a, role, &before, NULL);
        if (isomm_assessment_set_index(a, role, (isomm_sourcing)(y % 4), y / 4 % 8 - 1, text, &err) != ISOMM_OK
            && rc == ISOMM_OK) {
            FUZZ_REQUIRE(isomm_assessment_get_index(a, role, &after, NULL) == ISOMM_OK);
            FUZZ_REQUIRE(after.level == before.level && after.sourcing == before.sourcing);
        }
        break;
    case 1:
        isomm_assessment_set_note(a, info ? info->code : text, text, NULL);
        break;
    case 2:
        isomm_assessment_clear(a, info ? info->code : text, NULL);
        break;
    case 3:
        isomm_assessment_set_meta(a, (isomm_meta)(y % (ISOMM_META_COUNT + 1)), text, NULL);
        break;
    default: {
        isomm_assessment *copy = NULL;
        FUZZ_REQUIRE(isomm_assessment_copy(&copy, a, NULL) == ISOMM_OK);
        FUZZ_REQUIRE(isomm_assessment_equal(copy, a) == 1);
        isomm_assessment_free(copy);
        break;
    }
    }
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = { data, size, 0 };
    isomm_eval_options opts = ISOMM_EVAL_OPTIONS_INIT;
    isomm_assessment *a = NULL;

    opts.strengths = next_byte(&in) % 6;
    opts.list_size = next_byte(&in) - 2;
    opts.target = pattern_of(next_byte(&in));
    FUZZ_REQUIRE(isomm_assessment_new(&a, NULL, NULL) == ISOMM_OK);
    isomm_assessment_set_pattern(a, 1, pattern_of(next_byte(&in)), NULL);
    isomm_assessment_set_pattern(a, 0, pattern_of(next_byte(&in)), NULL);
    while (in.pos < in.size)
        apply_record(a, &in);
    fuzz_evaluate_and_check(a, &opts, 1);
    fuzz_evaluate_and_check(a, NULL, 0);
    isomm_assessment_free(a);
    return 0;
}
