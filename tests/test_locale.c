/* SPDX-License-Identifier: MIT */
/* Numbers do not follow the process locale: a C host that called
 * setlocale(LC_ALL, "de_DE.UTF-8") (decimal comma) or switched its thread with uselocale() gets
 * every output byte for byte as in the "C" locale: JSON numbers with a point, SVG coordinates
 * that are pairs. Needs the de_DE.UTF-8 locale (Debian: `locales`, the line
 * "de_DE.UTF-8 UTF-8" in /etc/locale.gen, then locale-gen; .ci/run does it). */
#define _GNU_SOURCE /* memmem */

#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isomm/isomm.h>

#define COMMA_LOCALE "de_DE.UTF-8"
#define N 3

static isomm_assessment *list[N];
static isomm_result *results[N];
static isomm_comparison *cmp;
static isomm_aggregate *agg;

/* Three assessments whose maturities are not round (2.6666666666666665 and the like). */
static void setup(void)
{
    isomm_error err;
    int i, r;
    cr_assert(setlocale(LC_ALL, "C"));
    for (i = 0; i < N; i++) {
        char id[16];
        snprintf(id, sizeof id, "site-%d", i + 1);
        cr_assert_eq(isomm_assessment_new(&list[i], NULL, &err), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set_meta(list[i], ISOMM_META_ID, id, &err), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set_pattern(list[i], 1, ISOMM_PATTERN_HYBRID, &err), ISOMM_OK);
        cr_assert_eq(isomm_assessment_set_pattern(list[i], 0, ISOMM_PATTERN_MINIMUM_OUTSOURCE, &err), ISOMM_OK);
        for (r = 0; r < ISOMM_ROLE_COUNT; r++)
            if ((r + i) % 7 != 0)
                cr_assert_eq(isomm_assessment_set_index(list[i], r, (r + i) % 3 ? ISOMM_INSOURCE : ISOMM_OUTSOURCE,
                                                        (r * (i + 2)) % 6, NULL, &err),
                             ISOMM_OK, "%s", err.message);
        cr_assert_eq(isomm_evaluate(&results[i], list[i], NULL, &err), ISOMM_OK, "%s", err.message);
    }
    cr_assert_eq(isomm_compare(&cmp, list[0], list[1], &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(isomm_aggregate_new(&agg, NULL, &err), ISOMM_OK);
    for (i = 0; i < N; i++)
        cr_assert_eq(isomm_aggregate_add(agg, list[i], &err), ISOMM_OK, "%s", err.message);
}

static void teardown(void)
{
    int i;
    setlocale(LC_ALL, "C");
    isomm_aggregate_free(agg);
    isomm_comparison_free(cmp);
    for (i = 0; i < N; i++) {
        isomm_result_free(results[i]);
        isomm_assessment_free(list[i]);
    }
}

/* Every document the library renders, one after another, NUL-separated. */
static char *render_everything(size_t *total)
{
    static const isomm_format report_formats[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                                   ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR };
    static const isomm_format multi_formats[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                                  ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR };
    isomm_report_options opts = ISOMM_REPORT_OPTIONS_INIT;
    char *all = NULL, *doc;
    size_t len, used = 0, k;
    isomm_error err;
    int lang, step;

    for (lang = 0; lang < 2; lang++) {
        opts.lang = lang ? ISOMM_LANG_EN : ISOMM_LANG_JA;
        for (step = 0; step < 5; step++) {
            size_t nf = step == 4 ? 1 : sizeof report_formats / sizeof report_formats[0];
            for (k = 0; k < nf; k++) {
                int rc;
                opts.format = report_formats[k];
                opts.second = NULL;
                switch (step) {
                case 0:
                    opts.second = results[1];
                    rc = isomm_report_render(&doc, &len, results[0], &opts, &err);
                    break;
                case 1:
                    rc = isomm_report_render_list(&doc, &len, (const isomm_result *const *)results, N, &opts, &err);
                    break;
                case 2:
                    opts.format = multi_formats[k];
                    rc = isomm_comparison_render(&doc, &len, cmp, &opts, &err);
                    break;
                case 3:
                    rc = isomm_aggregate_render(&doc, &len, agg, &opts, &err);
                    break;
                default:
                    opts.format = ISOMM_FORMAT_SVG_ROLES;
                    rc = isomm_report_render(&doc, &len, results[2], &opts, &err);
                    break;
                }
                cr_assert_eq(rc, ISOMM_OK, "step %d format %d: %s", step, (int)opts.format, err.message);
                all = realloc(all, used + len + 1);
                cr_assert_not_null(all);
                memcpy(all + used, doc, len + 1);
                used += len + 1;
                isomm_free(doc);
            }
        }
    }
    opts.format = ISOMM_FORMAT_SVG_HEATMAP;
    cr_assert_eq(isomm_aggregate_render(&doc, &len, agg, &opts, &err), ISOMM_OK, "%s", err.message);
    all = realloc(all, used + len + 1);
    memcpy(all + used, doc, len + 1);
    used += len + 1;
    isomm_free(doc);
    cr_assert_eq(isomm_model_render_json(&doc, &len, isomm_model_default(), &err), ISOMM_OK);
    all = realloc(all, used + len + 1);
    memcpy(all + used, doc, len + 1);
    used += len + 1;
    isomm_free(doc);
    *total = used;
    return all;
}

/* The comma locale really is in force: printf writes 2,5. */
static void assert_comma_locale(void)
{
    char probe[16];
    snprintf(probe, sizeof probe, "%.1f", 2.5);
    cr_assert_str_eq(probe, "2,5", COMMA_LOCALE " is not in force (printf gave %s)", probe);
}

/* Where the first difference is, for the failure message. */
static size_t first_difference(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    while (i < n && a[i] == b[i])
        i++;
    return i;
}

TestSuite(locale, .init = setup, .fini = teardown);

Test(locale, setlocale_comma_gives_the_c_output)
{
    size_t c_len, de_len, at;
    char *c_out = render_everything(&c_len), *de_out;

    /* in the "C" locale: a known unrounded maturity and SVG coordinate pairs */
    cr_assert_not_null(memmem(c_out, c_len, "\"overall_maturity\": ", 20));
    cr_assert_not_null(memmem(c_out, c_len, "points=\"", 8));
    cr_assert(setlocale(LC_ALL, COMMA_LOCALE),
              "the %s locale is missing: add \"%s UTF-8\" to /etc/locale.gen and run locale-gen", COMMA_LOCALE,
              COMMA_LOCALE);
    assert_comma_locale();
    de_out = render_everything(&de_len);
    at = first_difference(c_out, de_out, c_len < de_len ? c_len : de_len);
    cr_assert(c_len == de_len && at == c_len, "output differs under %s at byte %zu: C '%.60s' vs '%.60s'",
              COMMA_LOCALE, at, c_out + (at > 20 ? at - 20 : 0), de_out + (at > 20 ? at - 20 : 0));
    free(c_out);
    free(de_out);
}

Test(locale, thread_locale_is_left_as_it_was)
{
    size_t c_len, de_len;
    char *c_out = render_everything(&c_len), *de_out;
    locale_t de = newlocale(LC_ALL_MASK, COMMA_LOCALE, (locale_t)0);

    cr_assert(de != (locale_t)0, "the %s locale is missing", COMMA_LOCALE);
    uselocale(de);
    assert_comma_locale();
    de_out = render_everything(&de_len);
    /* the library switched its own numbers only: the thread's locale is still the host's */
    cr_assert_eq(uselocale((locale_t)0), de);
    assert_comma_locale();
    uselocale(LC_GLOBAL_LOCALE);
    freelocale(de);
    cr_assert_eq(c_len, de_len);
    cr_assert_eq(memcmp(c_out, de_out, c_len), 0, "output differs under a thread locale");
    free(c_out);
    free(de_out);
}

/* A number written in JSON reads back as the value (shortest round trip, with a point). */
Test(locale, json_numbers_read_back_exactly)
{
    isomm_report_options opts = ISOMM_REPORT_OPTIONS_INIT;
    char *doc, *p, *end;
    double overall, got;
    isomm_error err;

    cr_assert(setlocale(LC_ALL, COMMA_LOCALE), "the %s locale is missing", COMMA_LOCALE);
    opts.format = ISOMM_FORMAT_JSON;
    cr_assert_eq(isomm_report_render(&doc, NULL, results[0], &opts, &err), ISOMM_OK);
    cr_assert_eq(isomm_result_overall(results[0], &overall), 1);
    p = strstr(doc, "\"overall_maturity\": ");
    cr_assert_not_null(p, "%s", doc);
    p += strlen("\"overall_maturity\": ");
    setlocale(LC_ALL, "C");
    got = strtod(p, &end);
    cr_assert(*end == ',', "number ends with '%.10s'", end);
    cr_assert(memchr(p, '.', (size_t)(end - p)), "no decimal point in %.*s", (int)(end - p), p);
    cr_assert(got == overall, "%.*s reads back as %.17g, not %.17g", (int)(end - p), p, got, overall);
    isomm_free(doc);
}
