/* SPDX-License-Identifier: MIT */
/* Model CSV (INTERFACES.md section 2): loading a custom catalogue and writing one out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"

enum mcol { M_CODE, M_FUNCTION, M_NAME_JA, M_NAME_EN, M_DOMAIN, M_SOURCE, M_SUMMARY_JA, M_SUMMARY_EN, M_COUNT };

static const char *const mcol_names[M_COUNT] = {
    "code", "function", "name_ja", "name_en", "domain", "domain_source", "summary_ja", "summary_en"
};

/* The texts a model CSV gives for each role, in storage order. */
static const int text_columns[] = { M_NAME_JA, M_NAME_EN, M_SUMMARY_JA, M_SUMMARY_EN };
#define TEXTS 4

#define SHOW 60

typedef struct model_load {
    isomm__csvin *in;
    int header_done;
    int *kind;
    int col[M_COUNT];
    char *text[ISOMM_ROLE_COUNT][TEXTS];
    isomm_domain domain[ISOMM_ROLE_COUNT];
    int seed[ISOMM_ROLE_COUNT];
    long line[ISOMM_ROLE_COUNT]; /* 0 = role not seen yet */
    int rows;
} model_load;

static int model_row(void *ctx, const isomm__csvrow *row)
{
    static const unsigned char required[M_COUNT] = { 1, 1, 1, 1, 1, 0, 1, 1 };
    model_load *ml = ctx;
    const isomm_model *base = isomm_model_default();
    const char *v[M_COUNT];
    size_t vl[M_COUNT];
    long ln[M_COUNT], cn[M_COUNT];
    isomm_domain domain;
    int k, role, t;
    if (!ml->header_done) {
        if (!(ml->kind = malloc(row->count * sizeof *ml->kind)))
            return isomm__csvin_report(ml->in, 1, ISOMM_ENOMEM, 0, 0, "out of memory reading a model CSV");
        if (isomm__csv_header(ml->in, row, mcol_names, M_COUNT, required, ml->kind, ml->col))
            return 1;
        ml->header_done = 1;
        return 0;
    }
    ml->rows++;
    for (k = 0; k < M_COUNT; k++) {
        int c = ml->col[k];
        v[k] = c >= 0 ? row->field[c] : "";
        vl[k] = c >= 0 ? row->len[c] : 0;
        ln[k] = c >= 0 ? row->line[c] : row->line[0];
        cn[k] = c + 1;
    }
#define VALUE(k) isomm__csv_clip(v[k], vl[k], SHOW), v[k]
    role = isomm_model_find_role_n(base, v[M_CODE], vl[M_CODE], NULL);
    if (role < 0)
        return isomm__csvin_report(ml->in, 0, ISOMM_EROLE, ln[M_CODE], cn[M_CODE],
                                   "unknown role code '%.*s' in column 'code' (expected an ISOMM v2.1 code "
                                   "A-1 ... I-6)", VALUE(M_CODE));
    if (ml->line[role])
        return isomm__csvin_report(ml->in, 0, ISOMM_EDUPLICATE, ln[M_CODE], cn[M_CODE],
                                   "role %s is listed twice (first on line %ld; expected each code once)",
                                   base->roles[role].code, ml->line[role]);
    if (vl[M_FUNCTION] != 1 || v[M_FUNCTION][0] != base->roles[role].code[0])
        return isomm__csvin_report(ml->in, 0, ISOMM_EMODEL, ln[M_FUNCTION], cn[M_FUNCTION],
                                   "function '%.*s' in column 'function' does not match role %s (expected %c)",
                                   VALUE(M_FUNCTION), base->roles[role].code, base->roles[role].code[0]);
    if (isomm_domain_parse(&domain, v[M_DOMAIN], vl[M_DOMAIN]))
        return isomm__csvin_report(ml->in, 0, ISOMM_EMODEL, ln[M_DOMAIN], cn[M_DOMAIN],
                                   "domain '%.*s' in column 'domain' is not a domain (expected I, II, III or IV)",
                                   VALUE(M_DOMAIN));
    if (vl[M_SOURCE] && strcmp(v[M_SOURCE], "seed") != 0 && strcmp(v[M_SOURCE], "default") != 0)
        return isomm__csvin_report(ml->in, 0, ISOMM_EMODEL, ln[M_SOURCE], cn[M_SOURCE],
                                   "domain_source '%.*s' is not known (expected seed, default or empty)",
                                   VALUE(M_SOURCE));
    for (t = 0; t < 2; t++) {
        k = text_columns[t];
        if (!vl[k])
            return isomm__csvin_report(ml->in, 0, ISOMM_EMODEL, ln[k], cn[k],
                                       "empty %s for role %s (expected the role's name)", mcol_names[k],
                                       base->roles[role].code);
    }
    for (t = 0; t < TEXTS; t++) {
        k = text_columns[t];
        if (!(ml->text[role][t] = isomm__strndup(v[k], vl[k])))
            return isomm__csvin_report(ml->in, 1, ISOMM_ENOMEM, 0, 0, "out of memory reading a model CSV");
    }
#undef VALUE
    ml->domain[role] = domain;
    ml->seed[role] = vl[M_SOURCE] && strcmp(v[M_SOURCE], "seed") == 0;
    ml->line[role] = ln[M_CODE];
    return 0;
}

/* Pack the loaded texts into one block owned by a new model. */
static int build(isomm_model **out, model_load *ml, const char *name, isomm_error *err)
{
    const isomm_model *base = isomm_model_default();
    isomm_model *m;
    size_t size = strlen(name) + 1, pos;
    int i, t;
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        for (t = 0; t < TEXTS; t++)
            size += strlen(ml->text[i][t]) + 1;
    if (!(m = calloc(1, sizeof *m)) || !(m->storage = malloc(size))) {
        free(m);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory building a model");
    }
    memcpy(m->storage, name, strlen(name) + 1);
    m->name = m->storage;
    pos = strlen(name) + 1;
    memcpy(m->functions, base->functions, sizeof m->functions);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const char *texts[TEXTS];
        for (t = 0; t < TEXTS; t++) {
            size_t n = strlen(ml->text[i][t]) + 1;
            memcpy(m->storage + pos, ml->text[i][t], n);
            texts[t] = m->storage + pos;
            pos += n;
        }
        m->roles[i] = base->roles[i];
        m->roles[i].domain = ml->domain[i];
        m->roles[i].domain_from_seed = ml->seed[i];
        m->roles[i].name_ja = texts[0];
        m->roles[i].name_en = texts[1];
        m->roles[i].summary_ja = texts[2];
        m->roles[i].summary_en = texts[3];
    }
    *out = m;
    return ISOMM_OK;
}

static int load(isomm_model **out, FILE *fp, const char *data, size_t len, const char *name, isomm_error *err)
{
    static const isomm_csv_options defaults = ISOMM_CSV_OPTIONS_INIT;
    isomm_csv_options o;
    model_load *ml;
    int rc, i, t;
    if ((rc = isomm__csv_options(&o, &defaults, err)))
        return rc;
    if (!(ml = calloc(1, sizeof *ml))) {
        if (fp)
            fclose(fp);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory reading a model CSV");
    }
    rc = isomm__csvin_new(&ml->in, &o, fp, fp != NULL, NULL, NULL, data, len, err);
    if (!rc) {
        isomm__csvin_handler(ml->in, model_row, NULL, ml);
        while ((rc = isomm__csvin_pump(ml->in)) == 1)
            ;
        if (!rc && !ml->header_done)
            rc = isomm__fail_at(err, ISOMM_EEMPTY, 1, 0, "empty model CSV: no header row (expected %s)",
                                "code,function,name_ja,name_en,domain,domain_source,summary_ja,summary_en");
        else if (!rc && !ml->rows)
            rc = isomm__fail_at(err, ISOMM_EEMPTY, isomm__csvin_line(ml->in), 0,
                                "no roles after the header of the model CSV (expected the 54 ISOMM v2.1 roles)");
        else if (rc && err)
            *err = *isomm__csvin_first(ml->in);
        for (i = 0; i < ISOMM_ROLE_COUNT && !rc; i++)
            if (!ml->line[i])
                rc = isomm__fail_at(err, ISOMM_EMODEL, isomm__csvin_line(ml->in), 0,
                                    "role %s is missing from the model CSV (expected each of the 54 ISOMM v2.1 "
                                    "role codes once)", isomm_model_default()->roles[i].code);
        if (!rc)
            rc = build(out, ml, name, err);
    }
    isomm__csvin_free(ml->in);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++)
        for (t = 0; t < TEXTS; t++)
            free(ml->text[i][t]);
    free(ml->kind);
    free(ml);
    return rc;
}

int isomm_model_load_csv(isomm_model **out, const char *path, isomm_error *err)
{
    FILE *fp;
    if (!out || !path)
        return isomm__fail(err, ISOMM_EINVAL, "model and path must not be NULL");
    *out = NULL;
    if (!(fp = fopen(path, "rb")))
        return isomm__fail(err, ISOMM_EIO, "cannot open '%s': %s", path, strerror(errno));
    return load(out, fp, NULL, 0, path, err);
}

int isomm_model_load_csv_buffer(isomm_model **out, const char *data, size_t len, const char *name,
                                isomm_error *err)
{
    if (!out || (!data && len))
        return isomm__fail(err, ISOMM_EINVAL, "model and data must not be NULL");
    *out = NULL;
    return load(out, NULL, data ? data : "", len, name ? name : "custom", err);
}

static int write_model(FILE *fp, char **out, size_t *len, const isomm_model *m, isomm_error *err)
{
    isomm_buf b = ISOMM_BUF_INIT;
    int i, rc;
    if (!m)
        return isomm__fail(err, ISOMM_EINVAL, "model must not be NULL");
    isomm__buf_puts(&b, "code,function,name_ja,name_en,domain,domain_source,summary_ja,summary_en\n");
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_info *r = &m->roles[i];
        isomm__buf_printf(&b, "%s,%s,", r->code, m->functions[r->function].code);
        isomm__csv_put_field(&b, r->name_ja);
        isomm__buf_putc(&b, ',');
        isomm__csv_put_field(&b, r->name_en);
        isomm__buf_printf(&b, ",%s,%s,", isomm_domain_name(r->domain), r->domain_from_seed ? "seed" : "default");
        isomm__csv_put_field(&b, r->summary_ja);
        isomm__buf_putc(&b, ',');
        isomm__csv_put_field(&b, r->summary_en);
        isomm__buf_putc(&b, '\n');
    }
    if (!fp)
        rc = isomm__csv_take(&b, out, len, ISOMM_ENCODING_UTF8, err);
    else if (!(rc = isomm__csv_flush(&b, fp, NULL, ISOMM_ENCODING_UTF8, err)) && fflush(fp) != 0)
        rc = isomm__fail(err, ISOMM_EIO, "cannot write the model CSV: %s", strerror(errno));
    isomm__buf_free(&b);
    return rc;
}

int isomm_model_write_csv(FILE *fp, const isomm_model *m, isomm_error *err)
{
    if (!fp)
        return isomm__fail(err, ISOMM_EINVAL, "stream must not be NULL");
    return write_model(fp, NULL, NULL, m, err);
}

int isomm_model_write_csv_buffer(char **out, size_t *len, const isomm_model *m, isomm_error *err)
{
    if (!out || !len)
        return isomm__fail(err, ISOMM_EINVAL, "output and length must not be NULL");
    *out = NULL;
    *len = 0;
    return write_model(NULL, out, len, m, err);
}
