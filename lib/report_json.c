/* SPDX-License-Identifier: MIT */
/* JSON: one object per result as INTERFACES.md section 3, and the catalogue. */
#include "internal.h"
#include "report_internal.h"

/* "name": for a constant key, copied as it stands. */
#define KEY(b, name) isomm__buf_append((b), "\"" name "\": ", sizeof("\"" name "\": ") - 1)

/* "name": for a key made at run time. */
static void key(isomm_buf *b, const char *name)
{
    isomm__buf_json_string(b, name);
    isomm__buf_puts(b, ": ");
}

/* An identifier the library defines (role and function codes, domain names, sourcing, pattern
 * and warning ids: ASCII letters, digits and '-'), quoted without escaping. */
static void id_string(isomm_buf *b, const char *s)
{
    isomm__buf_putc(b, '"');
    isomm__buf_puts(b, s);
    isomm__buf_putc(b, '"');
}

/* A string or null. */
static void string_or_null(isomm_buf *b, const char *s)
{
    if (s)
        isomm__buf_json_string(b, s);
    else
        isomm__buf_puts(b, "null");
}

/* "code": ..., "function": ..., "domain": ... of a role, shared by results and the catalogue. */
static void role_identity(isomm_buf *b, const isomm_model *m, const isomm_role_info *ri)
{
    KEY(b, "code");
    id_string(b, ri->code);
    isomm__buf_puts(b, ", ");
    KEY(b, "function");
    id_string(b, isomm_model_function(m, ri->function)->code);
    isomm__buf_puts(b, ", ");
    KEY(b, "domain");
    id_string(b, isomm_domain_name(ri->domain));
}

static void role_code_list(isomm_buf *b, const isomm_model *m, int count, const int *roles)
{
    int i;

    isomm__buf_putc(b, '[');
    for (i = 0; i < count; i++) {
        if (i)
            isomm__buf_puts(b, ", ");
        id_string(b, isomm_model_role(m, roles[i])->code);
    }
    isomm__buf_putc(b, ']');
}

static void functions(isomm_buf *b, const isomm_result *r, const isomm_model *m, isomm_lang lang)
{
    int f;

    isomm__buf_puts(b, "[");
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(m, f);
        const isomm_function_result *fr = isomm_result_function(r, f);
        isomm__buf_puts(b, f ? ",\n    {" : "\n    {");
        KEY(b, "code");
        id_string(b, fi->code);
        isomm__buf_puts(b, ", ");
        KEY(b, "name");
        isomm__buf_json_string(b, isomm_function_name(fi, lang));
        isomm__buf_puts(b, ", ");
        KEY(b, "maturity");
        if (fr->has_maturity)
            isomm__buf_double(b, fr->maturity);
        else
            isomm__buf_puts(b, "null");
        isomm__buf_puts(b, ", \"rated_roles\": ");
        isomm__buf_int(b, fr->rated_roles);
        isomm__buf_puts(b, ", \"excluded_roles\": ");
        isomm__buf_int(b, fr->excluded_roles);
        isomm__buf_putc(b, '}');
    }
    isomm__buf_puts(b, "]");
}

static void roles(isomm_buf *b, const isomm_result *r, const isomm_assessment *a, const isomm_model *m,
                  isomm_lang lang)
{
    int role;

    isomm__buf_puts(b, "[");
    for (role = 0; role < ISOMM_ROLE_COUNT; role++) {
        const isomm_role_info *ri = isomm_model_role(m, role);
        const isomm_role_result *rr = isomm_result_role(r, role);
        isomm_answer ans;
        if (isomm_assessment_get_index(a, role, &ans, NULL) != ISOMM_OK)
            ans.note = NULL;
        isomm__buf_puts(b, role ? ",\n    {" : "\n    {");
        role_identity(b, m, ri);
        isomm__buf_puts(b, ", ");
        KEY(b, "sourcing");
        if (rr->sourcing == ISOMM_SOURCING_NONE)
            isomm__buf_puts(b, "null");
        else
            id_string(b, isomm_sourcing_id(rr->sourcing));
        isomm__buf_puts(b, ", ");
        KEY(b, "level");
        if (rr->level == ISOMM_UNANSWERED)
            isomm__buf_puts(b, "null");
        else
            isomm__buf_int(b, rr->level);
        isomm__buf_puts(b, ", ");
        KEY(b, "expected_sourcing");
        if (rr->expected == ISOMM_SOURCING_NONE)
            isomm__buf_puts(b, "null");
        else
            id_string(b, isomm_sourcing_id(rr->expected));
        isomm__buf_puts(b, ", ");
        KEY(b, "note");
        string_or_null(b, ans.note);
        isomm__buf_puts(b, ", ");
        KEY(b, "next_level");
        if (rr->next_level > 0)
            isomm__buf_int(b, rr->next_level);
        else
            isomm__buf_puts(b, "null");
        isomm__buf_puts(b, ", ");
        KEY(b, "next_step");
        string_or_null(b, isomm_result_next_step(r, role, lang));
        isomm__buf_putc(b, '}');
    }
    isomm__buf_puts(b, "]");
}

static void highlights(isomm_buf *b, const isomm_result *r, const isomm_model *m, isomm_lang lang, int strength)
{
    int i, n = isomm_result_highlight_count(r, strength);

    isomm__buf_putc(b, '[');
    for (i = 0; i < n; i++) {
        int f = isomm_result_highlight(r, strength, i);
        const isomm_function_info *fi = isomm_model_function(m, f);
        isomm__buf_puts(b, i ? ", {" : "{");
        KEY(b, "function");
        id_string(b, fi->code);
        isomm__buf_puts(b, ", ");
        KEY(b, "maturity");
        isomm__buf_double(b, isomm_result_function(r, f)->maturity);
        isomm__buf_puts(b, ", \"band\": ");
        isomm__buf_int(b, isomm_result_highlight_band(r, strength, i));
        isomm__buf_puts(b, ", ");
        KEY(b, "comment");
        isomm__buf_json_string(b, isomm_result_highlight_comment(r, strength, i, lang));
        isomm__buf_putc(b, '}');
    }
    isomm__buf_putc(b, ']');
}

static void recommendations(isomm_buf *b, const isomm_result *r, const isomm_model *m)
{
    int l, i, codes[ISOMM_ROLE_COUNT];

    isomm__buf_putc(b, '{');
    for (l = 0; l < ISOMM_LIST_COUNT; l++) {
        int n = isomm_result_list_count(r, (isomm_list)l);
        for (i = 0; i < n; i++)
            codes[i] = isomm_result_list_role(r, (isomm_list)l, i);
        isomm__buf_puts(b, l ? ",\n    " : "\n    ");
        key(b, isomm_list_id((isomm_list)l));
        role_code_list(b, m, n, codes);
    }
    isomm__buf_putc(b, '}');
}

void isomm__report_json(isomm_buf *b, const isomm_result *r, isomm_lang lang)
{
    const isomm_assessment *a = isomm_result_assessment(r);
    const isomm_model *m = isomm_result_model(r);
    int codes[ISOMM_ROLE_COUNT], i, n, mismatches = 0, current_mismatches = -1;
    isomm_pattern best;
    double overall = 0.0;

    isomm__buf_puts(b, "{");
    KEY(b, "assessment");
    isomm__buf_json_string(b, isomm_assessment_meta(a, ISOMM_META_ID));
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "organization");
    string_or_null(b, isomm_assessment_meta(a, ISOMM_META_ORGANIZATION));
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "assessor");
    string_or_null(b, isomm_assessment_meta(a, ISOMM_META_ASSESSOR));
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "date");
    string_or_null(b, isomm_assessment_meta(a, ISOMM_META_DATE));
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "current_pattern");
    string_or_null(b, isomm_pattern_id(isomm_assessment_pattern(a, 1)));
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "target_pattern");
    string_or_null(b, isomm_pattern_id(isomm__report_target(r)));
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "unanswered");
    n = isomm_result_unanswered_count(r);
    for (i = 0; i < n; i++)
        codes[i] = isomm_result_unanswered(r, i);
    role_code_list(b, m, n, codes);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "functions");
    functions(b, r, m, lang);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "overall_maturity");
    if (isomm_result_overall(r, &overall) == 1)
        isomm__buf_double(b, overall);
    else
        isomm__buf_puts(b, "null");
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "roles");
    roles(b, r, a, m, lang);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "strengths");
    highlights(b, r, m, lang, 1);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "weaknesses");
    highlights(b, r, m, lang, 0);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "recommendations");
    recommendations(b, r, m);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "action_plan");
    n = isomm_result_plan_count(r);
    for (i = 0; i < n; i++)
        codes[i] = isomm_result_plan_role(r, i);
    role_code_list(b, m, n, codes);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "pattern_fit");
    best = isomm_result_pattern_fit(r, &mismatches, &current_mismatches);
    isomm__buf_puts(b, "{");
    KEY(b, "pattern");
    string_or_null(b, isomm_pattern_id(best));
    isomm__buf_puts(b, ", \"mismatches\": ");
    isomm__buf_int(b, mismatches);
    isomm__buf_puts(b, ", \"current_pattern_mismatches\": ");
    if (current_mismatches >= 0)
        isomm__buf_int(b, current_mismatches);
    else
        isomm__buf_puts(b, "null");
    isomm__buf_putc(b, '}'); /* a null pattern's reason is the warning no_fit */
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "warnings");
    isomm__buf_putc(b, '[');
    n = isomm_result_warning_count(r);
    for (i = 0; i < n; i++) {
        if (i)
            isomm__buf_puts(b, ", ");
        id_string(b, isomm_warning_id((isomm_warning)isomm_result_warning(r, i)));
    }
    isomm__buf_puts(b, "]}");
}

/* Stance of each domain, as the model page describes it. */
static const char *const domain_stance[4][2] = {
    { "インソース≫アウトソース", "insource >> outsource" },
    { "インソース≧アウトソース", "insource >= outsource" },
    { "インソース≦アウトソース", "insource <= outsource" },
    { "インソース≪アウトソース", "insource << outsource" },
};

static void text_pair(isomm_buf *b, const char *name_ja, const char *ja, const char *name_en, const char *en)
{
    key(b, name_ja);
    isomm__buf_json_string(b, ja);
    isomm__buf_puts(b, ", ");
    key(b, name_en);
    isomm__buf_json_string(b, en);
}

/* "attribution": the source of the catalogue and its licence (CC BY 4.0 asks for it wherever
 * the material is shown). */
static void attribution_json(isomm_buf *b)
{
    const isomm_attribution *at = isomm_model_attribution();

    KEY(b, "attribution");
    isomm__buf_puts(b, "{");
    KEY(b, "title");
    isomm__buf_json_string(b, at->title);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "model");
    isomm__buf_json_string(b, at->model);
    isomm__buf_puts(b, ",\n  ");
    text_pair(b, "author_ja", at->author_ja, "author_en", at->author_en);
    isomm__buf_puts(b, ",\n  ");
    KEY(b, "licence");
    isomm__buf_json_string(b, at->licence);
    isomm__buf_puts(b, ", ");
    KEY(b, "licence_url");
    isomm__buf_json_string(b, at->licence_url);
    isomm__buf_puts(b, ",\n  ");
    text_pair(b, "changes_ja", at->changes_ja, "changes_en", at->changes_en);
    isomm__buf_puts(b, "}");
}

static void model_json(isomm_buf *b, const isomm_model *m)
{
    int f, i, p, s, level;

    isomm__buf_puts(b, "{");
    KEY(b, "name");
    isomm__buf_json_string(b, isomm_model_name(m));
    isomm__buf_puts(b, ",\n ");
    attribution_json(b);
    isomm__buf_puts(b, ",\n ");
    KEY(b, "functions");
    isomm__buf_putc(b, '[');
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        const isomm_function_info *fi = isomm_model_function(m, f);
        isomm__buf_puts(b, f ? ",\n  {" : "\n  {");
        KEY(b, "code");
        id_string(b, fi->code);
        isomm__buf_puts(b, ", ");
        text_pair(b, "name_ja", fi->name_ja, "name_en", fi->name_en);
        isomm__buf_puts(b, ", \"roles\": [");
        for (i = 0; i < fi->role_count; i++) {
            if (i)
                isomm__buf_puts(b, ", ");
            isomm__buf_json_string(b, isomm_model_role(m, fi->first_role + i)->code);
        }
        isomm__buf_puts(b, "],\n   ");
        text_pair(b, "strength_ja", fi->strength_ja, "strength_en", fi->strength_en);
        isomm__buf_puts(b, ",\n   ");
        text_pair(b, "weakness_ja", fi->weakness_ja, "weakness_en", fi->weakness_en);
        isomm__buf_puts(b, ",\n   \"comments\": {");
        for (s = 1; s >= 0; s--) { /* by maturity band (ISOMM-MODEL.md section 6) */
            isomm__buf_puts(b, s ? "\"strength\": [" : "], \"weakness\": [");
            for (level = 1; level <= 5; level++) {
                isomm__buf_printf(b, "%s{\"band\": %d, ", level > 1 ? ",\n    " : "\n    ", level);
                text_pair(b, "ja", isomm_function_band_comment(fi, s, level, ISOMM_LANG_JA), "en",
                          isomm_function_band_comment(fi, s, level, ISOMM_LANG_EN));
                isomm__buf_putc(b, '}');
            }
        }
        isomm__buf_puts(b, "]}}");
    }
    isomm__buf_puts(b, "],\n ");
    KEY(b, "roles");
    isomm__buf_putc(b, '[');
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_info *ri = isomm_model_role(m, i);
        isomm__buf_puts(b, i ? ",\n  {" : "\n  {");
        role_identity(b, m, ri);
        isomm__buf_puts(b, ", ");
        KEY(b, "domain_source");
        isomm__buf_json_string(b, ri->domain_from_seed ? "seed" : "default");
        isomm__buf_puts(b, ",\n   ");
        text_pair(b, "name_ja", ri->name_ja, "name_en", ri->name_en);
        isomm__buf_puts(b, ",\n   ");
        text_pair(b, "summary_ja", ri->summary_ja, "summary_en", ri->summary_en);
        isomm__buf_putc(b, '}');
    }
    isomm__buf_puts(b, "],\n ");
    KEY(b, "domains");
    isomm__buf_putc(b, '[');
    for (i = 0; i < 4; i++) {
        isomm__buf_puts(b, i ? ",\n  {" : "\n  {");
        KEY(b, "code");
        id_string(b, isomm_domain_name((isomm_domain)(i + 1)));
        isomm__buf_puts(b, ", ");
        text_pair(b, "stance_ja", domain_stance[i][0], "stance_en", domain_stance[i][1]);
        isomm__buf_putc(b, '}');
    }
    isomm__buf_puts(b, "],\n ");
    KEY(b, "patterns");
    isomm__buf_putc(b, '[');
    for (p = 0; p < ISOMM_PATTERN_COUNT; p++) {
        const isomm_pattern_info *pi = isomm_pattern_get((isomm_pattern)p);
        isomm__buf_puts(b, p ? ",\n  {" : "\n  {");
        KEY(b, "id");
        isomm__buf_json_string(b, pi->id);
        isomm__buf_puts(b, ", ");
        text_pair(b, "name_ja", pi->name_ja, "name_en", pi->name_en);
        isomm__buf_puts(b, ", \"insourced_domains\": [");
        for (i = 0; i < pi->insourced_domains; i++) {
            if (i)
                isomm__buf_puts(b, ", ");
            id_string(b, isomm_domain_name((isomm_domain)(i + 1)));
        }
        isomm__buf_puts(b, "]}");
    }
    isomm__buf_puts(b, "],\n ");
    KEY(b, "scales");
    isomm__buf_putc(b, '{');
    for (s = ISOMM_INSOURCE; s <= ISOMM_OUTSOURCE; s++) {
        isomm__buf_puts(b, s == ISOMM_INSOURCE ? "\n  " : ",\n  ");
        key(b, isomm_sourcing_id((isomm_sourcing)s));
        isomm__buf_putc(b, '[');
        for (level = 0; level <= ISOMM_LEVEL_MAX; level++) {
            isomm__buf_printf(b, "%s{\"level\": %d, ", level ? ",\n   " : "\n   ", level);
            text_pair(b, "ja", isomm_scale_text((isomm_sourcing)s, level, ISOMM_LANG_JA), "en",
                      isomm_scale_text((isomm_sourcing)s, level, ISOMM_LANG_EN));
            isomm__buf_putc(b, '}');
        }
        isomm__buf_putc(b, ']');
    }
    isomm__buf_puts(b, "}}\n");
}

int isomm_model_render_json(char **out, size_t *len, const isomm_model *model, isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;

    if (!out || !model)
        return isomm__fail(err, ISOMM_EINVAL, "model JSON: %s is NULL", out ? "model" : "out");
    model_json(&b, model);
    *out = isomm__buf_take(&b, len);
    if (!*out)
        return isomm__fail(err, ISOMM_ENOMEM, "model JSON: out of memory");
    return ISOMM_OK;
}
