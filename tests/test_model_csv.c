/* SPDX-License-Identifier: MIT */
/* Model CSV: export of the built-in model, loading custom catalogues, their errors, and a
 * custom model changing an evaluation. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isomm/isomm.h>

#include "mini_csv.h"

#define DATA(name) ISOMM_TEST_DATA "/" name

/* A whole text file (NUL-terminated) and its length. */
static char *slurp(const char *path, size_t *len)
{
    char *text = mini_csv_slurp(path);
    cr_assert_not_null(text, "cannot read %s", path);
    *len = strlen(text);
    return text;
}

/* roles-v2.1.csv with the first occurrence of `from` replaced by `to`. */
static char *edited(const char *from, const char *to, size_t *len)
{
    size_t n;
    char *text = slurp(DATA("roles-v2.1.csv"), &n), *out, *at = strstr(text, from);
    cr_assert_not_null(at, "'%s' not in roles-v2.1.csv", from);
    out = malloc(n + strlen(to) + 1);
    memcpy(out, text, (size_t)(at - text));
    strcpy(out + (at - text), to);
    strcat(out, at + strlen(from));
    free(text);
    *len = strlen(out);
    return out;
}

Test(model_csv, builtin_model_exports_roles_v21_byte_for_byte)
{
    size_t len, expected_len;
    char *text, *expected = slurp(DATA("roles-v2.1.csv"), &expected_len);
    cr_assert_eq(isomm_model_write_csv_buffer(&text, &len, isomm_model_default(), NULL), ISOMM_OK);
    cr_assert_eq(len, expected_len);
    cr_assert_eq(memcmp(text, expected, len), 0);
    isomm_free(text);
    free(expected);
}

Test(model_csv, loads_roles_v21_as_the_builtin_catalogue)
{
    isomm_model *m;
    isomm_error e;
    const isomm_model *d = isomm_model_default();
    char *text;
    size_t len;
    int i;
    cr_assert_eq(isomm_model_load_csv(&m, DATA("roles-v2.1.csv"), &e), ISOMM_OK, "%s", e.message);
    cr_assert_str_eq(isomm_model_name(m), DATA("roles-v2.1.csv"));
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_info *a = isomm_model_role(m, i), *b = isomm_model_role(d, i);
        cr_assert_str_eq(a->code, b->code);
        cr_assert_eq(a->index, i);
        cr_assert_eq(a->function, b->function);
        cr_assert_eq(a->domain, b->domain);
        cr_assert_eq(a->domain_from_seed, b->domain_from_seed);
        cr_assert_str_eq(a->name_ja, b->name_ja);
        cr_assert_str_eq(a->summary_en, b->summary_en);
    }
    cr_assert_str_eq(isomm_model_function(m, 8)->weakness_en, isomm_model_function(d, 8)->weakness_en);
    cr_assert_eq(isomm_model_write_csv_buffer(&text, &len, m, &e), ISOMM_OK);
    isomm_model_free(m);
    cr_assert_eq(isomm_model_load_csv_buffer(&m, text, len, NULL, &e), ISOMM_OK, "%s", e.message);
    cr_assert_str_eq(isomm_model_name(m), "custom");
    isomm_model_free(m);
    isomm_free(text);
}

Test(model_csv, rows_in_any_order_give_catalogue_order)
{
    const char *header = "summary_en,summary_ja,domain,code,name_en,name_ja,function\n";
    const isomm_model *d = isomm_model_default();
    char *text = malloc(65536);
    isomm_model *m;
    isomm_error e;
    int i;
    strcpy(text, header);
    for (i = ISOMM_ROLE_COUNT - 1; i >= 0; i--) {
        const isomm_role_info *r = isomm_model_role(d, i);
        sprintf(text + strlen(text), "s,要約,%s,%s,n%d,名前,%c\n", isomm_domain_name(r->domain), r->code, i,
                r->code[0]);
    }
    cr_assert_eq(isomm_model_load_csv_buffer(&m, text, strlen(text), "reversed", &e), ISOMM_OK, "%s", e.message);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        char name[8];
        sprintf(name, "n%d", i);
        cr_assert_str_eq(isomm_model_role(m, i)->code, isomm_model_role(d, i)->code);
        cr_assert_str_eq(isomm_model_role(m, i)->name_en, name);
        cr_assert_eq(isomm_model_role(m, i)->domain_from_seed, 0);
    }
    isomm_model_free(m);
    free(text);
}

/* Texts in arrays: each parameter runs in a fresh process (see test_csv.c). */
typedef struct model_bad {
    char name[48];
    char from[96], to[96];
    int code;
    long line, column;
} model_bad;

static const model_bad model_bad_cases[] = {
    { "unknown domain", "A-1,A,全体方針管理,Overall policy management,I,", "A-1,A,全体方針管理,Overall policy management,V,",
      ISOMM_EMODEL, 2, 5 },
    { "function letter does not match", "B-2,B,", "B-2,C,", ISOMM_EMODEL, 9, 2 },
    { "unknown code", "I-6,I,", "I-7,I,", ISOMM_EROLE, 55, 1 },
    { "code twice", "I-6,I,", "I-5,I,", ISOMM_EDUPLICATE, 55, 1 },
    { "unknown domain source", ",IV,default,", ",IV,guess,", ISOMM_EMODEL, 9, 6 },
    { "empty English name", "Overall policy management", "", ISOMM_EMODEL, 2, 4 },
    { "missing column", "code,function,name_ja,name_en,domain,", "code,function,name_ja,name_en,area,", ISOMM_EHEADER,
      1, 5 },
    { "row with too few fields", "I-6,I,", "", ISOMM_EPARSE, 55, 7 },
};

ParameterizedTestParameters(model_csv, bad)
{
    return cr_make_param_array(model_bad, model_bad_cases, sizeof model_bad_cases / sizeof model_bad_cases[0]);
}

ParameterizedTest(const model_bad *c, model_csv, bad)
{
    size_t len;
    char *text = edited(c->from, c->to, &len);
    isomm_model *m = (isomm_model *)1;
    isomm_error e;
    int rc = isomm_model_load_csv_buffer(&m, text, len, NULL, &e);
    cr_assert_eq(rc, c->code, "%s: %d %s", c->name, rc, e.message);
    cr_assert_eq(e.line, c->line, "%s: line %ld: %s", c->name, e.line, e.message);
    cr_assert_eq(e.column, c->column, "%s: column %ld: %s", c->name, e.column, e.message);
    cr_assert_null(m);
    free(text);
}

Test(model_csv, a_missing_role_and_empty_input)
{
    size_t len;
    char *text = slurp(DATA("roles-v2.1.csv"), &len), *last = strstr(text, "I-6,I,");
    isomm_model *m;
    isomm_error e;
    *last = '\0';
    cr_assert_eq(isomm_model_load_csv_buffer(&m, text, strlen(text), NULL, &e), ISOMM_EMODEL);
    cr_assert_eq(e.line, 55);
    cr_assert_not_null(strstr(e.message, "I-6"), "%s", e.message);
    cr_assert_eq(isomm_model_load_csv_buffer(&m, "", 0, NULL, &e), ISOMM_EEMPTY);
    cr_assert_eq(isomm_model_load_csv_buffer(&m, text, strcspn(text, "\n") + 1, NULL, &e), ISOMM_EEMPTY);
    cr_assert_eq(e.line, 2);
    cr_assert_eq(isomm_model_load_csv(&m, "/nonexistent/model.csv", &e), ISOMM_EIO);
    free(text);
}

static int role_in_list(const isomm_result *r, isomm_list list, const char *code)
{
    int i, n = isomm_result_list_count(r, list);
    for (i = 0; i < n; i++)
        if (strcmp(isomm_model_role(isomm_result_model(r), isomm_result_list_role(r, list, i))->code, code) == 0)
            return 1;
    return 0;
}

Test(model_csv, moving_a_role_to_another_domain_changes_the_lists)
{
    static const char *const strengthen[] = { "C-3", "I-6", "A-1" };
    size_t len, count;
    char *text = edited("Malware sample analysis,IV,", "Malware sample analysis,I,", &len);
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_eval_options eo = ISOMM_EVAL_OPTIONS_INIT;
    isomm_assessment **list;
    isomm_result *r;
    isomm_model *m;
    isomm_error e;
    int i;
    cr_assert_eq(isomm_model_load_csv_buffer(&m, text, len, "C-3 in domain I", &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(isomm_model_role(m, isomm_model_find_role(m, "C-3", NULL))->domain, ISOMM_DOMAIN_I);
    opts.model = m;
    cr_assert_eq(isomm_csv_read_file(&list, &count, DATA("example-1.csv"), &opts, &e), ISOMM_OK, "%s", e.message);
    cr_assert_eq(isomm_assessment_model(list[0]), m);
    cr_assert_eq(isomm_evaluate(&r, list[0], NULL, &e), ISOMM_OK, "%s", e.message);
    /* built-in model: C-3 (insourced, level 1, domain IV) heads switch_to_outsource */
    for (i = 0; i < 3; i++)
        cr_assert_str_eq(isomm_model_role(m, isomm_result_list_role(r, ISOMM_LIST_STRENGTHEN_INSOURCE, i))->code,
                         strengthen[i]);
    cr_assert_eq(isomm_result_list_role(r, ISOMM_LIST_SWITCH_TO_OUTSOURCE, 0), isomm_model_find_role(m, "E-6", NULL));
    cr_assert_eq(isomm_result_list_role(r, ISOMM_LIST_SWITCH_TO_OUTSOURCE, 1), isomm_model_find_role(m, "G-2", NULL));
    cr_assert_eq(isomm_result_pattern_mismatches(r, ISOMM_PATTERN_MINIMUM_OUTSOURCE), 18);
    isomm_result_free(r);
    eo.list_size = 0;
    cr_assert_eq(isomm_evaluate(&r, list[0], &eo, &e), ISOMM_OK);
    cr_assert(!role_in_list(r, ISOMM_LIST_SWITCH_TO_OUTSOURCE, "C-3"));
    isomm_result_free(r);
    isomm_assessment_array_free(list, count);
    isomm_model_free(m);
    free(text);
}

Test(model_csv, write_to_stream)
{
    FILE *fp = tmpfile();
    char buf[128];
    cr_assert_eq(isomm_model_write_csv(fp, isomm_model_default(), NULL), ISOMM_OK);
    rewind(fp);
    cr_assert_not_null(fgets(buf, sizeof buf, fp));
    cr_assert_str_eq(buf, "code,function,name_ja,name_en,domain,domain_source,summary_ja,summary_en\n");
    fclose(fp);
    cr_assert_eq(isomm_model_write_csv(NULL, isomm_model_default(), NULL), ISOMM_EINVAL);
}
