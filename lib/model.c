/* SPDX-License-Identifier: MIT */
/* Catalogue access: roles, functions, patterns, domains, sourcings and scales. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "catalog.h"

const isomm_model *isomm_model_default(void)
{
    return &isomm__catalog_v21;
}

void isomm_model_free(const isomm_model *model)
{
    if (!model || model == &isomm__catalog_v21)
        return;
    free(model->storage);
    free((isomm_model *)model);
}

/* The wording follows NOTICE; the facts (title, author, licence) are those of the source slides. */
static const isomm_attribution attribution = {
    "「セキュリティ対応組織（SOC/CSIRT）の教科書」ハンドブック化と情報共有の「5W1H」改版について",
    "ISOG-J SOC/CSIRT Maturity Model (ISOMM) v2.1",
    "日本セキュリティオペレーション事業者協議会",
    "ISOG-J (Information Security Operation providers Group Japan)",
    "CC BY 4.0",
    "https://creativecommons.org/licenses/by/4.0/",
    "libisommはこの資料をデータに変換しました。英語の名称・説明、強み・弱みのコメント、"
    "次の一歩、資料に配置のない役割の領域（domain_source \"default\"）はlibisommによるものです。"
    "ISOG-Jはlibisommを推奨・保証していません。",
    "libisomm turned the slides into data. The English names and summaries, the strength and "
    "weakness comments, the next steps and the domain of each role the slides place nowhere "
    "(domain_source \"default\") are libisomm's own work. ISOG-J does not endorse libisomm.",
    "役割・機能・組織パターン・成熟度の尺度はISOG-J（日本セキュリティオペレーション事業者協議会）の"
    "ISOMM v2.1によるもので、CC BY 4.0（https://creativecommons.org/licenses/by/4.0/）で"
    "提供されています。英語の文章と既定の領域配置はlibisommによるものです。",
    "Roles, functions, organisation patterns and maturity scales from ISOMM v2.1 by ISOG-J "
    "(Information Security Operation providers Group Japan), licensed CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); the English texts and default domain "
    "placements are libisomm's own.",
};

const isomm_attribution *isomm_model_attribution(void)
{
    return &attribution;
}

const char *isomm_model_name(const isomm_model *model)
{
    return model ? model->name : NULL;
}

const isomm_role_info *isomm_model_role(const isomm_model *model, int index)
{
    if (!model || index < 0 || index >= ISOMM_ROLE_COUNT)
        return NULL;
    return &model->roles[index];
}

const isomm_function_info *isomm_model_function(const isomm_model *model, int index)
{
    if (!model || index < 0 || index >= ISOMM_FUNCTION_COUNT)
        return NULL;
    return &model->functions[index];
}

/* Codes are fixed by ISOMM v2.1: a capital A-I, '-', a number 1..count without leading zero. */
int isomm_model_find_role_n(const isomm_model *model, const char *code, size_t len, isomm_error *err)
{
    int index;
    if (!model || !code)
        return isomm__fail(err, ISOMM_EINVAL, "model and role code must not be NULL");
    index = isomm__role_index(code, len);
    if (index < 0)
        return isomm__fail(err, ISOMM_EROLE, "unknown role code '%.*s' (expected A-1 ... I-6, e.g. G-10)",
                           (int)(len > 64 ? 64 : len), code);
    return index;
}

int isomm_model_find_role(const isomm_model *model, const char *code, isomm_error *err)
{
    if (!code)
        return isomm__fail(err, ISOMM_EINVAL, "model and role code must not be NULL");
    return isomm_model_find_role_n(model, code, strlen(code), err);
}

int isomm_function_find(const char *code)
{
    if (!code)
        return ISOMM_EINVAL;
    if (code[0] >= 'A' && code[0] <= 'I' && code[1] == '\0')
        return code[0] - 'A';
    return ISOMM_EROLE;
}

const char *isomm_role_name(const isomm_role_info *role, isomm_lang lang)
{
    if (!role)
        return NULL;
    return lang == ISOMM_LANG_EN ? role->name_en : lang == ISOMM_LANG_JA ? role->name_ja : NULL;
}

const char *isomm_role_summary(const isomm_role_info *role, isomm_lang lang)
{
    if (!role)
        return NULL;
    return lang == ISOMM_LANG_EN ? role->summary_en : lang == ISOMM_LANG_JA ? role->summary_ja : NULL;
}

const char *isomm_function_name(const isomm_function_info *function, isomm_lang lang)
{
    if (!function)
        return NULL;
    return lang == ISOMM_LANG_EN ? function->name_en : lang == ISOMM_LANG_JA ? function->name_ja : NULL;
}

const char *isomm_function_comment(const isomm_function_info *function, int strength, isomm_lang lang)
{
    if (!function || (lang != ISOMM_LANG_EN && lang != ISOMM_LANG_JA))
        return NULL;
    if (strength)
        return lang == ISOMM_LANG_EN ? function->strength_en : function->strength_ja;
    return lang == ISOMM_LANG_EN ? function->weakness_en : function->weakness_ja;
}

const isomm_pattern_info *isomm_pattern_get(isomm_pattern pattern)
{
    if ((int)pattern < 0 || (int)pattern >= ISOMM_PATTERN_COUNT)
        return NULL;
    return &isomm__patterns[pattern];
}

const char *isomm_pattern_id(isomm_pattern pattern)
{
    const isomm_pattern_info *p = isomm_pattern_get(pattern);
    return p ? p->id : NULL;
}

static int counted_eq(const char *s, size_t len, const char *lit)
{
    return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

int isomm_pattern_parse(isomm_pattern *out, const char *text, size_t len, isomm_error *err)
{
    int i;
    if (!out || !text)
        return isomm__fail(err, ISOMM_EINVAL, "pattern and output must not be NULL");
    for (i = 0; i < ISOMM_PATTERN_COUNT; i++) {
        if (counted_eq(text, len, isomm__patterns[i].id) || counted_eq(text, len, isomm__patterns[i].name_ja)) {
            *out = isomm__patterns[i].pattern;
            return ISOMM_OK;
        }
    }
    return isomm__fail(err, ISOMM_EPATTERN,
                       "unknown pattern '%.*s' (expected full-outsource, minimum-insource, hybrid, "
                       "minimum-outsource, full-insource or the Japanese name)",
                       (int)(len > 64 ? 64 : len), text);
}

static const char *const domain_names[] = { "I", "II", "III", "IV" };

const char *isomm_domain_name(isomm_domain domain)
{
    if (domain < ISOMM_DOMAIN_I || domain > ISOMM_DOMAIN_IV)
        return NULL;
    return domain_names[domain - 1];
}

int isomm_domain_parse(isomm_domain *out, const char *text, size_t len)
{
    int i;
    if (!out || !text)
        return ISOMM_EINVAL;
    for (i = 0; i < 4; i++) {
        if (counted_eq(text, len, domain_names[i])) {
            *out = (isomm_domain)(i + 1);
            return ISOMM_OK;
        }
    }
    return ISOMM_EINVAL;
}

const char *isomm_sourcing_id(isomm_sourcing sourcing)
{
    switch (sourcing) {
    case ISOMM_SOURCING_NONE: return "";
    case ISOMM_INSOURCE: return "insource";
    case ISOMM_OUTSOURCE: return "outsource";
    default: return NULL;
    }
}

const char *isomm_sourcing_name(isomm_sourcing sourcing, isomm_lang lang)
{
    int en = lang == ISOMM_LANG_EN;
    if (lang != ISOMM_LANG_EN && lang != ISOMM_LANG_JA)
        return NULL;
    switch (sourcing) {
    case ISOMM_SOURCING_NONE: return "";
    case ISOMM_INSOURCE: return en ? "Insource" : "インソース";
    case ISOMM_OUTSOURCE: return en ? "Outsource" : "アウトソース";
    default: return NULL;
    }
}

int isomm_sourcing_parse(isomm_sourcing *out, const char *text, size_t len)
{
    if (!out || !text)
        return ISOMM_EINVAL;
    if (len == 0)
        *out = ISOMM_SOURCING_NONE;
    else if (isomm__ascii_ieq(text, len, "insource") || isomm__ascii_ieq(text, len, "in")
             || counted_eq(text, len, "インソース"))
        *out = ISOMM_INSOURCE;
    else if (isomm__ascii_ieq(text, len, "outsource") || isomm__ascii_ieq(text, len, "out")
             || counted_eq(text, len, "アウトソース"))
        *out = ISOMM_OUTSOURCE;
    else
        return ISOMM_ESOURCING;
    return ISOMM_OK;
}

const char *isomm_scale_text(isomm_sourcing sourcing, int level, isomm_lang lang)
{
    if ((sourcing != ISOMM_INSOURCE && sourcing != ISOMM_OUTSOURCE) || level < 0 || level > ISOMM_LEVEL_MAX
        || (lang != ISOMM_LANG_EN && lang != ISOMM_LANG_JA))
        return NULL;
    return isomm__scale[sourcing - 1][level][lang];
}

isomm_sourcing isomm_expected_sourcing(const isomm_model *model, int role, isomm_pattern pattern)
{
    if (!model || role < 0 || role >= ISOMM_ROLE_COUNT || !isomm_pattern_get(pattern))
        return ISOMM_SOURCING_NONE;
    return (int)model->roles[role].domain <= (int)pattern ? ISOMM_INSOURCE : ISOMM_OUTSOURCE;
}
