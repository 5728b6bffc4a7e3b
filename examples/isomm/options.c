/* SPDX-License-Identifier: MIT */
/* The command line of every command: options, their values, and the shared set-up. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct option_spec {
    const char *name;
    char short_name;
    int commands;  /* command bits that take the option */
    size_t offset; /* of the const char * field in cli; 0 for the --bom flag */
};

static const struct option_spec option_specs[] = {
    { "output", 'o', CMD_ALL, offsetof(cli, output) },
    { "lang", 0, CMD_ALL, offsetof(cli, lang) },
    { "model", 0, CMD_ALL, offsetof(cli, model_path) },
    { "encoding", 0, CMD_READING, offsetof(cli, encoding) },
    { "format", 0, CMD_REPORT | CMD_COMPARE | CMD_AGGREGATE | CMD_MODEL | CMD_TEMPLATE, offsetof(cli, format) },
    { "html-out", 0, CMD_REPORT, offsetof(cli, html_out) },
    { "target", 0, CMD_REPORT, offsetof(cli, target) },
    { "id", 0, CMD_REPORT, offsetof(cli, id) },
    { "strengths", 0, CMD_REPORT, offsetof(cli, strengths) },
    { "list-size", 0, CMD_REPORT, offsetof(cli, list_size) },
    { "old", 0, CMD_COMPARE, offsetof(cli, old_id) },
    { "new", 0, CMD_COMPARE, offsetof(cli, new_id) },
    { "bom", 0, CMD_TEMPLATE, 0 },
};
#define OPTION_COUNT (sizeof option_specs / sizeof option_specs[0])

static const struct option_spec *find_short(char name)
{
    size_t k;

    for (k = 0; k < OPTION_COUNT; k++) {
        if (option_specs[k].short_name && option_specs[k].short_name == name)
            return &option_specs[k];
    }
    return NULL;
}

static const struct option_spec *find_long(const char *name, size_t len)
{
    size_t k;

    for (k = 0; k < OPTION_COUNT; k++) {
        if (strlen(option_specs[k].name) == len && strncmp(name, option_specs[k].name, len) == 0)
            return &option_specs[k];
    }
    return NULL;
}

/* argv[0] is the program, argv[1] the command; options and files follow in any order. */
int cli_parse(cli *c, const command *cmd, int argc, char **argv)
{
    int a;

    memset(c, 0, sizeof *c);
    c->command = cmd;
    c->files = calloc((size_t)argc, sizeof *c->files);
    if (!c->files) {
        fputs("isomm: out of memory\n", stderr);
        return EXIT_INPUT;
    }
    for (a = 2; a < argc; a++) {
        const char *arg = argv[a], *value = NULL, *eq = NULL;
        const struct option_spec *spec;

        if (arg[0] != '-' || strcmp(arg, "-") == 0) {
            c->files[c->nfiles++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            while (++a < argc)
                c->files[c->nfiles++] = argv[a];
            break;
        }
        if (arg[1] != '-') {
            spec = arg[2] == '\0' ? find_short(arg[1]) : NULL;
        } else {
            eq = strchr(arg + 2, '=');
            spec = find_long(arg + 2, eq ? (size_t)(eq - (arg + 2)) : strlen(arg + 2));
            if (eq)
                value = eq + 1;
        }
        if (!spec)
            return cli_usage_error(c, "unknown option '%s'", arg);
        if (!(spec->commands & (int)cmd->bit)) {
            char what[160];
            snprintf(what, sizeof what, "option '--%s' does not apply to '%s'", spec->name, cmd->name);
            return cli_usage_error(c, "%s", what);
        }
        if (spec->offset == 0) {
            if (value)
                return cli_usage_error(c, "option '%s' takes no value", arg);
            c->bom = 1;
            continue;
        }
        if (!value) {
            if (a + 1 >= argc)
                return cli_usage_error(c, "option '%s' needs a value", arg);
            value = argv[++a];
        }
        *(const char **)(void *)((char *)c + spec->offset) = value;
    }
    return 0;
}

int cli_parse_int(const char *text, int min, int max, int *out)
{
    char *end;
    long v;

    if (!text[0])
        return -1;
    v = strtol(text, &end, 10);
    if (*end != '\0' || v < min || v > max)
        return -1;
    *out = (int)v;
    return 0;
}

int cli_parse_format(const cli *c, const char *text, const char *const *names, const int *values, size_t n, int *out)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(text, names[i]) == 0) {
            *out = values[i];
            return 0;
        }
    }
    return cli_usage_error(c, "unknown format '%s'", text);
}

int cli_want_files(const cli *c, size_t want, const char *what)
{
    if (c->nfiles == want)
        return 0;
    fprintf(stderr, "isomm: '%s' takes %s, got %zu file%s\nTry 'isomm help %s'.\n", c->command->name, what,
            c->nfiles, c->nfiles == 1 ? "" : "s", c->command->name);
    return EXIT_USAGE;
}

static isomm_lang default_lang(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    size_t i;

    for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && v[0])
            return strncmp(v, "ja", 2) == 0 ? ISOMM_LANG_JA : ISOMM_LANG_EN;
    }
    return ISOMM_LANG_EN;
}

/* Options shared by every command: language, encoding, custom model. */
int cli_set_up(context *ctx, const cli *c)
{
    isomm_error err;
    isomm_csv_options init = ISOMM_CSV_OPTIONS_INIT;

    ctx->args = c;
    ctx->custom = NULL;
    ctx->csv = init;
    ctx->lang = default_lang();
    if (c->lang) {
        if (strcmp(c->lang, "ja") == 0)
            ctx->lang = ISOMM_LANG_JA;
        else if (strcmp(c->lang, "en") == 0)
            ctx->lang = ISOMM_LANG_EN;
        else
            return cli_usage_error(c, "unknown language '%s' (expected ja or en)", c->lang);
    }
    ctx->csv.lang = ctx->lang;
    if (c->encoding) {
        if (strcmp(c->encoding, "utf-8") == 0 || strcmp(c->encoding, "utf8") == 0)
            ctx->csv.encoding = ISOMM_ENCODING_UTF8;
        else if (strcmp(c->encoding, "cp932") == 0 || strcmp(c->encoding, "shift_jis") == 0)
            ctx->csv.encoding = ISOMM_ENCODING_CP932;
        else
            return cli_usage_error(c, "unknown encoding '%s' (expected utf-8 or cp932)", c->encoding);
    }
    ctx->csv.write_bom = c->bom;
    if (c->model_path) {
        if (isomm_model_load_csv(&ctx->custom, c->model_path, &err) != ISOMM_OK)
            return cli_input_error(c->model_path, &err);
        ctx->csv.model = ctx->custom;
    }
    return 0;
}

void cli_clean_up(context *ctx, cli *c)
{
    if (ctx)
        isomm_model_free(ctx->custom);
    free(c->files);
    c->files = NULL;
}

const isomm_model *cli_model(const context *ctx)
{
    return ctx->custom ? ctx->custom : isomm_model_default();
}
