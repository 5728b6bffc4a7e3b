/* SPDX-License-Identifier: MIT */
/* The built-in catalogue against the spec's roles-v2.1.csv, and the model's lookups. */
#include <criterion/criterion.h>
#include <string.h>

#include <isomm/isomm.h>

#include "mini_csv.h"

Test(model, catalogue_equals_roles_csv_field_for_field)
{
    const isomm_model *m = isomm_model_default();
    mini_csv csv;
    int r;
    cr_assert_eq(mini_csv_load(&csv, ISOMM_TEST_DATA "/roles-v2.1.csv"), 0);
    cr_assert_eq(csv.rows, 1 + ISOMM_ROLE_COUNT);
    cr_assert_str_eq(csv.cell[0][0], "code");
    for (r = 1; r < csv.rows; r++) {
        const isomm_role_info *role = isomm_model_role(m, r - 1);
        const isomm_function_info *f;
        cr_assert_not_null(role);
        cr_assert_eq(csv.fields[r], 8, "row %d", r + 1);
        cr_assert_eq(role->index, r - 1);
        cr_assert_str_eq(role->code, csv.cell[r][0]);
        f = isomm_model_function(m, role->function);
        cr_assert_str_eq(f->code, csv.cell[r][1], "%s", role->code);
        cr_assert_str_eq(role->name_ja, csv.cell[r][2], "%s", role->code);
        cr_assert_str_eq(role->name_en, csv.cell[r][3], "%s", role->code);
        cr_assert_str_eq(isomm_domain_name(role->domain), csv.cell[r][4], "%s", role->code);
        cr_assert_str_eq(role->domain_from_seed ? "seed" : "default", csv.cell[r][5], "%s", role->code);
        cr_assert_str_eq(role->summary_ja, csv.cell[r][6], "%s", role->code);
        cr_assert_str_eq(role->summary_en, csv.cell[r][7], "%s", role->code);
    }
    mini_csv_free(&csv);
}

Test(model, functions_hold_their_roles_in_order)
{
    static const int counts[ISOMM_FUNCTION_COUNT] = { 6, 5, 5, 8, 7, 4, 10, 3, 6 };
    const isomm_model *m = isomm_model_default();
    int f, next = 0, i;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(m, f);
        char code[2] = { (char)('A' + f), '\0' };
        cr_assert_str_eq(fi->code, code);
        cr_assert_eq(fi->first_role, next);
        cr_assert_eq(fi->role_count, counts[f]);
        for (i = 0; i < fi->role_count; i++)
            cr_assert_eq(isomm_model_role(m, fi->first_role + i)->function, f);
        cr_assert_not_null(fi->strength_ja);
        cr_assert_neq(strcmp(fi->strength_en, fi->weakness_en), 0);
        next += fi->role_count;
    }
    cr_assert_eq(next, ISOMM_ROLE_COUNT);
    cr_assert_str_eq(isomm_model_function(m, 1)->name_ja, "リアルタイムアナリシス（即時分析）");
    cr_assert_str_eq(isomm_model_function(m, 8)->name_en, "Active collaboration with external parties");
    cr_assert_null(isomm_model_function(m, 9));
    cr_assert_null(isomm_model_function(m, -1));
    cr_assert_null(isomm_model_role(m, 54));
    cr_assert_null(isomm_model_role(NULL, 0));
}

Test(model, find_role_accepts_exact_codes_only)
{
    const isomm_model *m = isomm_model_default();
    isomm_error err;
    cr_assert_eq(isomm_model_find_role(m, "A-1", NULL), 0);
    cr_assert_eq(isomm_model_find_role(m, "G-10", NULL), 44);
    cr_assert_eq(isomm_model_find_role(m, "I-6", NULL), 53);
    cr_assert_eq(isomm_model_find_role_n(m, "E-2xyz", 3, NULL), 25);
    cr_assert_eq(isomm_model_find_role(m, "G-010", &err), ISOMM_EROLE);
    cr_assert_eq(err.code, ISOMM_EROLE);
    cr_assert(strstr(err.message, "'G-010'") != NULL, "%s", err.message);
    cr_assert_eq(isomm_model_find_role(m, "A-7", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "A-0", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "G-01", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "A-1x", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "A-x", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "G-11", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "A-10", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "A_1", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "J-1", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "a-1", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, " A-1", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, "", NULL), ISOMM_EROLE);
    cr_assert_eq(isomm_model_find_role(m, NULL, &err), ISOMM_EINVAL);
    cr_assert_eq(isomm_model_find_role(NULL, "A-1", NULL), ISOMM_EINVAL);
    cr_assert_eq(isomm_function_find("D"), 3);
    cr_assert_eq(isomm_function_find("J"), ISOMM_EROLE);
    cr_assert_eq(isomm_function_find("AB"), ISOMM_EROLE);
    cr_assert_eq(isomm_function_find(NULL), ISOMM_EINVAL);
}

Test(model, patterns_parse_ids_and_japanese_names)
{
    static const char *ids[] = { "full-outsource", "minimum-insource", "hybrid", "minimum-outsource", "full-insource" };
    static const char *ja[] = { "フルアウトソース", "ミニマムインソース", "ハイブリッド", "ミニマムアウトソース", "フルインソース" };
    isomm_pattern p;
    isomm_error err;
    int i;
    for (i = 0; i < ISOMM_PATTERN_COUNT; i++) {
        cr_assert_eq(isomm_pattern_parse(&p, ids[i], strlen(ids[i]), NULL), ISOMM_OK);
        cr_assert_eq((int)p, i);
        cr_assert_eq(isomm_pattern_parse(&p, ja[i], strlen(ja[i]), NULL), ISOMM_OK);
        cr_assert_eq((int)p, i);
        cr_assert_str_eq(isomm_pattern_id((isomm_pattern)i), ids[i]);
        cr_assert_eq(isomm_pattern_get((isomm_pattern)i)->insourced_domains, i);
    }
    cr_assert_eq(isomm_pattern_parse(&p, "Hybrid", 6, &err), ISOMM_EPATTERN);
    cr_assert_eq(err.code, ISOMM_EPATTERN);
    cr_assert(strstr(err.message, "'Hybrid'") != NULL, "%s", err.message);
    cr_assert_eq(isomm_pattern_parse(&p, "hybrid ", 7, NULL), ISOMM_EPATTERN);
    cr_assert_eq(isomm_pattern_parse(NULL, "hybrid", 6, NULL), ISOMM_EINVAL);
    cr_assert_null(isomm_pattern_get(ISOMM_PATTERN_NONE));
    cr_assert_null(isomm_pattern_id((isomm_pattern)5));
}

Test(model, sourcing_spellings)
{
    isomm_sourcing s;
    cr_assert_eq(isomm_sourcing_parse(&s, "insource", 8), ISOMM_OK);
    cr_assert_eq(s, ISOMM_INSOURCE);
    cr_assert_eq(isomm_sourcing_parse(&s, "IN", 2), ISOMM_OK);
    cr_assert_eq(s, ISOMM_INSOURCE);
    cr_assert_eq(isomm_sourcing_parse(&s, "インソース", strlen("インソース")), ISOMM_OK);
    cr_assert_eq(s, ISOMM_INSOURCE);
    cr_assert_eq(isomm_sourcing_parse(&s, "Outsource", 9), ISOMM_OK);
    cr_assert_eq(s, ISOMM_OUTSOURCE);
    cr_assert_eq(isomm_sourcing_parse(&s, "out", 3), ISOMM_OK);
    cr_assert_eq(s, ISOMM_OUTSOURCE);
    cr_assert_eq(isomm_sourcing_parse(&s, "アウトソース", strlen("アウトソース")), ISOMM_OK);
    cr_assert_eq(s, ISOMM_OUTSOURCE);
    cr_assert_eq(isomm_sourcing_parse(&s, "", 0), ISOMM_OK);
    cr_assert_eq(s, ISOMM_SOURCING_NONE);
    cr_assert_eq(isomm_sourcing_parse(&s, "inn", 3), ISOMM_ESOURCING);
    cr_assert_eq(isomm_sourcing_parse(&s, "i", 1), ISOMM_ESOURCING);
    cr_assert_str_eq(isomm_sourcing_id(ISOMM_OUTSOURCE), "outsource");
    cr_assert_str_eq(isomm_sourcing_name(ISOMM_INSOURCE, ISOMM_LANG_JA), "インソース");
}

Test(model, scales_and_domains)
{
    cr_assert_str_eq(isomm_scale_text(ISOMM_INSOURCE, 1, ISOMM_LANG_JA), "実施できていない");
    cr_assert_str_eq(isomm_scale_text(ISOMM_OUTSOURCE, 5, ISOMM_LANG_JA), "サービス内容と得られる結果を理解でき、想定通り");
    cr_assert_str_eq(isomm_scale_text(ISOMM_INSOURCE, 4, ISOMM_LANG_EN), "Documented, others can take over");
    cr_assert_null(isomm_scale_text(ISOMM_SOURCING_NONE, 1, ISOMM_LANG_EN));
    cr_assert_null(isomm_scale_text(ISOMM_INSOURCE, 6, ISOMM_LANG_EN));
    cr_assert_null(isomm_scale_text(ISOMM_INSOURCE, -1, ISOMM_LANG_EN));
    {
        isomm_domain d;
        cr_assert_eq(isomm_domain_parse(&d, "III", 3), ISOMM_OK);
        cr_assert_eq(d, ISOMM_DOMAIN_III);
        cr_assert_eq(isomm_domain_parse(&d, "V", 1), ISOMM_EINVAL);
    }
}

Test(model, expected_sourcing_follows_first_k_domains)
{
    const isomm_model *m = isomm_model_default();
    int a1 = 0, b2 = 7, e4 = 27; /* domains I, IV, III */
    cr_assert_eq(isomm_expected_sourcing(m, a1, ISOMM_PATTERN_FULL_OUTSOURCE), ISOMM_OUTSOURCE);
    cr_assert_eq(isomm_expected_sourcing(m, a1, ISOMM_PATTERN_MINIMUM_INSOURCE), ISOMM_INSOURCE);
    cr_assert_eq(isomm_expected_sourcing(m, e4, ISOMM_PATTERN_HYBRID), ISOMM_OUTSOURCE);
    cr_assert_eq(isomm_expected_sourcing(m, e4, ISOMM_PATTERN_MINIMUM_OUTSOURCE), ISOMM_INSOURCE);
    cr_assert_eq(isomm_expected_sourcing(m, b2, ISOMM_PATTERN_MINIMUM_OUTSOURCE), ISOMM_OUTSOURCE);
    cr_assert_eq(isomm_expected_sourcing(m, b2, ISOMM_PATTERN_FULL_INSOURCE), ISOMM_INSOURCE);
    cr_assert_eq(isomm_expected_sourcing(m, b2, ISOMM_PATTERN_NONE), ISOMM_SOURCING_NONE);
    cr_assert_eq(isomm_expected_sourcing(m, 54, ISOMM_PATTERN_HYBRID), ISOMM_SOURCING_NONE);
}

Test(common, version_and_strerror)
{
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", ISOMM_VERSION_MAJOR, ISOMM_VERSION_MINOR, ISOMM_VERSION_PATCH);
    cr_assert_str_eq(isomm_version_string(), expected);
    cr_assert_str_eq(isomm_version_string(), ISOMM_VERSION_STRING);
    cr_assert_eq(isomm_version_number(), ISOMM_VERSION_NUMBER);
    cr_assert_str_eq(isomm_strerror(ISOMM_EROLE), "unknown role code");
    cr_assert_str_eq(isomm_strerror(ISOMM_OK), "success");
    cr_assert_str_eq(isomm_strerror(-999), "unknown error code");
}
