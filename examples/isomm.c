/* SPDX-License-Identifier: MIT */
/* isomm: the command-line program of libisomm, and the fullest example of its C API.
 *
 *   isomm report FILE.csv [--target PATTERN] [--format F] [--lang ja|en] [--html-out PATH] [-o FILE]
 *   isomm validate FILE.csv
 *   isomm template [--lang ja|en] [--bom] [-o FILE]
 *   isomm compare OLD.csv NEW.csv [--old ID] [--new ID] [--format F]
 *   isomm aggregate FILE.csv... [--format F]
 *   isomm model [--format csv|json]
 *
 * Exit status: 0 success, 1 invalid input (a message naming file and line on standard error),
 * 2 wrong usage. Every document is rendered in memory before anything is written, so a failing
 * command never leaves a half-written -o file.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isomm/isomm.h>

#define EXIT_INPUT 1
#define EXIT_USAGE 2

static const char usage_text[] =
    "Usage: isomm COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "ISOG-J SOC/CSIRT maturity model (ISOMM v2.1): evaluate assessment CSV files and write reports.\n"
    "A FILE of '-' is standard input. Output goes to standard output unless -o FILE is given.\n"
    "\n"
    "Commands:\n"
    "  report FILE.csv       evaluate each assessment in the file and write a report\n"
    "      --format F        text (default), markdown, json, html, svg (radar chart), svg-roles (role chart)\n"
    "      --html-out PATH   also write the HTML report to PATH (and say so on standard error)\n"
    "      --target PATTERN  compute the lists against this pattern instead of the declared target\n"
    "      --id ID           report only the assessment with this id\n"
    "      --strengths K     strengths and weaknesses shown, 1-4 (default 2)\n"
    "      --list-size N     roles per recommendation list, 0 = all (default 3)\n"
    "  validate FILE.csv     check a file and list every problem found, with lines\n"
    "  template              write an empty assessment CSV for all 54 roles, with names, to fill in\n"
    "      --bom             start with a UTF-8 byte-order mark (for Excel)\n"
    "  compare OLD.csv NEW.csv   changes between two assessments\n"
    "      --old ID, --new ID    pick the assessment when a file holds several\n"
    "      --format F        text (default), markdown, json, html, svg\n"
    "  aggregate FILE.csv... spread and disagreements over many assessments of one organisation\n"
    "      --format F        text (default), markdown, json, html, svg (band radar), svg-heatmap\n"
    "  model                 the catalogue: functions, roles, domains, patterns, scales\n"
    "      --format F        csv (default) or json\n"
    "\n"
    "Options of every command:\n"
    "  --lang ja|en          language of names and texts (default: ja when $LC_ALL, $LC_MESSAGES\n"
    "                        or $LANG starts with 'ja', else en)\n"
    "  --model MODEL.csv     use a custom catalogue (columns of roles-v2.1.csv)\n"
    "  --encoding E          input encoding: utf-8 (default) or cp932 (Japanese Excel CSV)\n"
    "  -o, --output FILE     write to FILE instead of standard output\n"
    "  -h, --help            show this help;  --version  show the version\n"
    "\n"
    "Patterns: full-outsource, minimum-insource, hybrid, minimum-outsource, full-insource.\n"
    "Exit status: 0 success, 1 invalid input, 2 wrong usage.\n";

enum command {
    CMD_REPORT = 1,
    CMD_VALIDATE = 2,
    CMD_TEMPLATE = 4,
    CMD_COMPARE = 8,
    CMD_AGGREGATE = 16,
    CMD_MODEL = 32
};
#define CMD_ALL (CMD_REPORT | CMD_VALIDATE | CMD_TEMPLATE | CMD_COMPARE | CMD_AGGREGATE | CMD_MODEL)
#define CMD_READING (CMD_REPORT | CMD_VALIDATE | CMD_COMPARE | CMD_AGGREGATE)

/* The parsed command line. Values point into argv. */
typedef struct cli {
    enum command command;
    const char *name; /* command name as typed */
    const char **files;
    size_t nfiles;
    const char *output, *html_out, *target, *format, *lang, *id, *old_id, *new_id, *model_path, *encoding;
    const char *strengths, *list_size;
    int bom;
} cli;

struct option_spec {
    const char *name;
    char short_name;
    int commands;
    size_t offset; /* of the const char * field; 0 for the --bom flag */
};

static const struct option_spec option_specs[] = {
    { "output", 'o', CMD_ALL, offsetof(cli, output) },
    { "lang", 0, CMD_ALL, offsetof(cli, lang) },
    { "model", 0, CMD_ALL, offsetof(cli, model_path) },
    { "encoding", 0, CMD_READING, offsetof(cli, encoding) },
    { "format", 0, CMD_REPORT | CMD_COMPARE | CMD_AGGREGATE | CMD_MODEL, offsetof(cli, format) },
    { "html-out", 0, CMD_REPORT, offsetof(cli, html_out) },
    { "target", 0, CMD_REPORT, offsetof(cli, target) },
    { "id", 0, CMD_REPORT, offsetof(cli, id) },
    { "strengths", 0, CMD_REPORT, offsetof(cli, strengths) },
    { "list-size", 0, CMD_REPORT, offsetof(cli, list_size) },
    { "old", 0, CMD_COMPARE, offsetof(cli, old_id) },
    { "new", 0, CMD_COMPARE, offsetof(cli, new_id) },
    { "bom", 0, CMD_TEMPLATE, 0 },
};

static const struct {
    const char *name;
    enum command command;
} commands[] = {
    { "report", CMD_REPORT },       { "validate", CMD_VALIDATE },   { "template", CMD_TEMPLATE },
    { "compare", CMD_COMPARE },     { "aggregate", CMD_AGGREGATE }, { "model", CMD_MODEL },
};

/* Everything a command needs besides its arguments: the model and the CSV options. */
typedef struct context {
    const cli *args;
    isomm_lang lang;
    isomm_model *custom; /* loaded with --model, or NULL */
    isomm_csv_options csv;
} context;

static int usage_error(const char *fmt, const char *detail)
{
    fputs("isomm: ", stderr);
    fprintf(stderr, fmt, detail);
    fputs("\nTry 'isomm --help'.\n", stderr);
    return EXIT_USAGE;
}

/* Report a library error. Positions come from parsers; the file name is the one the user typed. */
static int input_error(const char *file, const isomm_error *err)
{
    if (file && err->line > 0)
        fprintf(stderr, "%s:%ld: %s\n", file, err->line, err->message);
    else if (file)
        fprintf(stderr, "%s: %s\n", file, err->message);
    else
        fprintf(stderr, "isomm: %s\n", err->message);
    return EXIT_INPUT;
}

/* A renderer refused the options: a format that output does not have is a usage error. */
static int render_error(const isomm_error *err)
{
    fprintf(stderr, "isomm: %s\n", err->message);
    return err->code == ISOMM_EOPTIONS ? EXIT_USAGE : EXIT_INPUT;
}

static const char *display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

static int parse_command_line(cli *c, int argc, char **argv)
{
    size_t i, k;
    int a;

    if (argc < 2)
        return usage_error("%s", "no command given");
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) == 0)
            c->command = commands[i].command;
    }
    c->name = argv[1];
    if (!c->command)
        return usage_error("unknown command '%s'", argv[1]);
    c->files = calloc((size_t)argc, sizeof *c->files);
    if (!c->files) {
        fputs("isomm: out of memory\n", stderr);
        return EXIT_INPUT;
    }
    for (a = 2; a < argc; a++) {
        const char *arg = argv[a], *value = NULL, *eq;
        const struct option_spec *spec = NULL;
        size_t name_len;

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
            for (k = 0; k < sizeof option_specs / sizeof option_specs[0]; k++) {
                if (option_specs[k].short_name && arg[1] == option_specs[k].short_name && arg[2] == '\0')
                    spec = &option_specs[k];
            }
            if (!spec)
                return usage_error("unknown option '%s'", arg);
        } else {
            eq = strchr(arg + 2, '=');
            name_len = eq ? (size_t)(eq - (arg + 2)) : strlen(arg + 2);
            for (k = 0; k < sizeof option_specs / sizeof option_specs[0]; k++) {
                if (strlen(option_specs[k].name) == name_len && strncmp(arg + 2, option_specs[k].name, name_len) == 0)
                    spec = &option_specs[k];
            }
            if (!spec)
                return usage_error("unknown option '%s'", arg);
            if (eq)
                value = eq + 1;
        }
        if (!(spec->commands & (int)c->command)) {
            fprintf(stderr, "isomm: option '--%s' does not apply to '%s'\nTry 'isomm --help'.\n", spec->name, c->name);
            return EXIT_USAGE;
        }
        if (spec->offset == 0) {
            if (value)
                return usage_error("option '%s' takes no value", arg);
            c->bom = 1;
            continue;
        }
        if (!value) {
            if (a + 1 >= argc)
                return usage_error("option '%s' needs a value", arg);
            value = argv[++a];
        }
        *(const char **)(void *)((char *)c + spec->offset) = value;
    }
    return 0;
}

static int parse_int(const char *text, int min, int max, int *out)
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
static int set_up(context *ctx, const cli *c)
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
            return usage_error("unknown language '%s' (expected ja or en)", c->lang);
    }
    ctx->csv.lang = ctx->lang;
    if (c->encoding) {
        if (strcmp(c->encoding, "utf-8") == 0 || strcmp(c->encoding, "utf8") == 0)
            ctx->csv.encoding = ISOMM_ENCODING_UTF8;
        else if (strcmp(c->encoding, "cp932") == 0 || strcmp(c->encoding, "shift_jis") == 0)
            ctx->csv.encoding = ISOMM_ENCODING_CP932;
        else
            return usage_error("unknown encoding '%s' (expected utf-8 or cp932)", c->encoding);
    }
    ctx->csv.write_bom = c->bom;
    if (c->model_path) {
        if (isomm_model_load_csv(&ctx->custom, c->model_path, &err) != ISOMM_OK)
            return input_error(c->model_path, &err);
        ctx->csv.model = ctx->custom;
    }
    return 0;
}

static const isomm_model *model_of(const context *ctx)
{
    return ctx->custom ? ctx->custom : isomm_model_default();
}

/* Write a finished document to -o FILE or standard output. Takes ownership of doc. */
static int emit_to(const char *path, char *doc, size_t len)
{
    FILE *fp = path ? fopen(path, "wb") : stdout;
    int failed;

    if (!fp) {
        fprintf(stderr, "isomm: cannot write '%s'\n", path);
        isomm_free(doc);
        return EXIT_INPUT;
    }
    failed = fwrite(doc, 1, len, fp) != len;
    failed |= path ? fclose(fp) != 0 : fflush(fp) != 0;
    isomm_free(doc);
    if (failed) {
        fprintf(stderr, "isomm: writing '%s' failed\n", path ? path : "<stdout>");
        return EXIT_INPUT;
    }
    return 0;
}

static int emit(const context *ctx, char *doc, size_t len)
{
    return emit_to(ctx->args->output, doc, len);
}

/* Read every assessment of a file ('-' = standard input). */
static int read_all(const context *ctx, const char *path, isomm_assessment ***list, size_t *count)
{
    isomm_error err;
    int rc;

    if (strcmp(path, "-") == 0)
        rc = isomm_csv_read_fp(list, count, stdin, &ctx->csv, &err);
    else
        rc = isomm_csv_read_file(list, count, path, &ctx->csv, &err);
    if (rc != ISOMM_OK)
        return input_error(display_name(path), &err);
    return 0;
}

/* The assessment with id `id` in a list, or the only one when id is NULL. */
static int pick(isomm_assessment **list, size_t count, const char *id, const char *path, const char *option,
                const isomm_assessment **out)
{
    size_t i;

    if (!id) {
        if (count == 1) {
            *out = list[0];
            return 0;
        }
        fprintf(stderr, "isomm: %s holds %zu assessments; pick one with %s ID\n", display_name(path), count, option);
        return EXIT_USAGE;
    }
    for (i = 0; i < count; i++) {
        if (strcmp(isomm_assessment_meta(list[i], ISOMM_META_ID), id) == 0) {
            *out = list[i];
            return 0;
        }
    }
    fprintf(stderr, "isomm: %s has no assessment '%s'\n", display_name(path), id);
    return EXIT_USAGE;
}

static int one_file(const cli *c, size_t want, const char *what)
{
    if (c->nfiles == want)
        return 0;
    fprintf(stderr, "isomm: '%s' takes %s, got %zu file%s\nTry 'isomm --help'.\n", c->name, what, c->nfiles,
            c->nfiles == 1 ? "" : "s");
    return EXIT_USAGE;
}

static int parse_format(const char *text, const char *const *names, const int *values, size_t n, int *out)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(text, names[i]) == 0) {
            *out = values[i];
            return 0;
        }
    }
    return usage_error("unknown format '%s' (see 'isomm --help')", text);
}

static int cmd_report(const context *ctx)
{
    static const char *const names[] = { "text", "markdown", "json", "html", "svg", "svg-roles" };
    static const int values[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                  ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR, ISOMM_FORMAT_SVG_ROLES };
    const cli *c = ctx->args;
    isomm_eval_options eo = ISOMM_EVAL_OPTIONS_INIT;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    isomm_assessment **list = NULL;
    const isomm_result **results = NULL;
    const isomm_assessment *chosen = NULL;
    size_t count = 0, n = 0, i, len;
    isomm_error err;
    char *doc = NULL;
    int format = ISOMM_FORMAT_TEXT, status;

    if ((status = one_file(c, 1, "one FILE.csv")) != 0)
        return status;
    if (c->format && (status = parse_format(c->format, names, values, 6, &format)) != 0)
        return status;
    if (c->target && isomm_pattern_parse(&eo.target, c->target, strlen(c->target), &err) != ISOMM_OK)
        return usage_error("unknown pattern '%s' (see 'isomm --help')", c->target);
    if (c->strengths && parse_int(c->strengths, 1, 4, &eo.strengths) != 0)
        return usage_error("--strengths takes 1 to 4, got '%s'", c->strengths);
    if (c->list_size && parse_int(c->list_size, 0, ISOMM_ROLE_COUNT, &eo.list_size) != 0)
        return usage_error("--list-size takes 0 to 54, got '%s'", c->list_size);
    if ((status = read_all(ctx, c->files[0], &list, &count)) != 0)
        return status;
    if (c->id && (status = pick(list, count, c->id, c->files[0], "--id", &chosen)) != 0)
        goto out;
    if (!c->id && count > 1 && format == ISOMM_FORMAT_SVG_ROLES) {
        status = pick(list, count, NULL, c->files[0], "--id", &chosen);
        goto out;
    }
    results = calloc(count, sizeof *results);
    if (!results) {
        fputs("isomm: out of memory\n", stderr);
        status = EXIT_INPUT;
        goto out;
    }
    for (i = 0; i < count; i++) {
        isomm_result *r;
        if (chosen && list[i] != chosen)
            continue;
        if (isomm_evaluate(&r, list[i], &eo, &err) != ISOMM_OK) {
            status = input_error(display_name(c->files[0]), &err);
            goto out;
        }
        results[n++] = r;
    }
    ro.lang = ctx->lang;
    ro.format = (isomm_format)format;
    if (isomm_report_render_list(&doc, &len, results, n, &ro, &err) != ISOMM_OK) {
        status = input_error(NULL, &err);
        goto out;
    }
    if ((status = emit(ctx, doc, len)) != 0)
        goto out;
    if (c->html_out) {
        ro.format = ISOMM_FORMAT_HTML;
        if (isomm_report_render_list(&doc, &len, results, n, &ro, &err) != ISOMM_OK) {
            status = input_error(NULL, &err);
            goto out;
        }
        if ((status = emit_to(c->html_out, doc, len)) != 0)
            goto out;
        fprintf(stderr, "isomm: HTML report written to %s\n", c->html_out);
    }
out:
    for (i = 0; i < n; i++)
        isomm_result_free((isomm_result *)results[i]);
    free(results);
    isomm_assessment_array_free(list, count);
    return status;
}

static int cmd_validate(const context *ctx)
{
    const cli *c = ctx->args;
    const char *path, *name;
    isomm_error *problems;
    isomm_error err;
    size_t n = 0, i, cap = ISOMM_CSV_DEFAULT_MAX_ERRORS, count = 0;
    isomm_assessment **list = NULL;
    int rc, status;

    if ((status = one_file(c, 1, "one FILE.csv")) != 0)
        return status;
    path = c->files[0];
    name = display_name(path);
    problems = calloc(cap, sizeof *problems);
    if (!problems) {
        fputs("isomm: out of memory\n", stderr);
        return EXIT_INPUT;
    }
    if (strcmp(path, "-") == 0)
        rc = isomm_csv_validate_fp(stdin, &ctx->csv, problems, cap, &n, &err);
    else
        rc = isomm_csv_validate_file(path, &ctx->csv, problems, cap, &n, &err);
    for (i = 0; i < n; i++)
        input_error(name, &problems[i]);
    free(problems);
    if (rc != ISOMM_OK) {
        if (n == 0) {
            input_error(name, &err);
            n = 1;
        }
        fprintf(stderr, "%s: %zu problem%s found%s\n", name, n, n == 1 ? "" : "s",
                n >= cap ? " (stopped at the limit)" : "");
        return EXIT_INPUT;
    }
    /* Clean: count the assessments for the summary (standard input was consumed by the check). */
    if (strcmp(path, "-") != 0 && isomm_csv_read_file(&list, &count, path, &ctx->csv, &err) == ISOMM_OK)
        printf("%s: valid, %zu assessment%s\n", name, count, count == 1 ? "" : "s");
    else
        printf("%s: valid\n", name);
    isomm_assessment_array_free(list, count);
    return 0;
}

static int cmd_template(const context *ctx)
{
    isomm_error err;
    char *doc;
    size_t len;
    int status;

    if ((status = one_file(ctx->args, 0, "no file")) != 0)
        return status;
    if (isomm_csv_write_template_buffer(&doc, &len, &ctx->csv, &err) != ISOMM_OK)
        return input_error(NULL, &err);
    return emit(ctx, doc, len);
}

static int cmd_model(const context *ctx)
{
    const cli *c = ctx->args;
    isomm_error err;
    char *doc;
    size_t len;
    int rc, status;

    if ((status = one_file(c, 0, "no file")) != 0)
        return status;
    if (!c->format || strcmp(c->format, "csv") == 0)
        rc = isomm_model_write_csv_buffer(&doc, &len, model_of(ctx), &err);
    else if (strcmp(c->format, "json") == 0)
        rc = isomm_model_render_json(&doc, &len, model_of(ctx), &err);
    else
        return usage_error("unknown format '%s' (expected csv or json)", c->format);
    if (rc != ISOMM_OK)
        return input_error(NULL, &err);
    return emit(ctx, doc, len);
}

static int cmd_compare(const context *ctx)
{
    static const char *const names[] = { "text", "markdown", "json", "html", "svg" };
    static const int values[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON, ISOMM_FORMAT_HTML,
                                  ISOMM_FORMAT_SVG_RADAR };
    const cli *c = ctx->args;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    isomm_assessment **old_list = NULL, **new_list = NULL;
    size_t old_count = 0, new_count = 0, len;
    const isomm_assessment *old_a, *new_a;
    isomm_comparison *cmp = NULL;
    isomm_error err;
    char *doc;
    int format = ISOMM_FORMAT_TEXT, status;

    if ((status = one_file(c, 2, "OLD.csv and NEW.csv")) != 0)
        return status;
    if (c->format && (status = parse_format(c->format, names, values, 5, &format)) != 0)
        return status;
    if (strcmp(c->files[0], "-") == 0 && strcmp(c->files[1], "-") == 0)
        return usage_error("%s", "only one of OLD and NEW can be standard input");
    if ((status = read_all(ctx, c->files[0], &old_list, &old_count)) != 0 ||
        (status = read_all(ctx, c->files[1], &new_list, &new_count)) != 0 ||
        (status = pick(old_list, old_count, c->old_id, c->files[0], "--old", &old_a)) != 0 ||
        (status = pick(new_list, new_count, c->new_id, c->files[1], "--new", &new_a)) != 0)
        goto out;
    if (isomm_compare(&cmp, old_a, new_a, &err) != ISOMM_OK) {
        status = input_error(NULL, &err);
        goto out;
    }
    ro.lang = ctx->lang;
    ro.format = (isomm_format)format;
    if (isomm_comparison_render(&doc, &len, cmp, &ro, &err) != ISOMM_OK) {
        status = render_error(&err);
        goto out;
    }
    status = emit(ctx, doc, len);
out:
    isomm_comparison_free(cmp);
    isomm_assessment_array_free(old_list, old_count);
    isomm_assessment_array_free(new_list, new_count);
    return status;
}

/* Add every assessment of one file to the aggregate, streaming. */
static int aggregate_file(const context *ctx, isomm_aggregate *ag, const char *path)
{
    isomm_csv_reader *rd = NULL;
    isomm_assessment *a = NULL;
    isomm_error err;
    int rc;

    if (strcmp(path, "-") == 0)
        rc = isomm_csv_reader_open_fp(&rd, stdin, &ctx->csv, &err);
    else
        rc = isomm_csv_reader_open_file(&rd, path, &ctx->csv, &err);
    if (rc != ISOMM_OK)
        return input_error(display_name(path), &err);
    while ((rc = isomm_csv_reader_next(rd, &a, &err)) == 1) {
        rc = isomm_aggregate_add(ag, a, &err);
        isomm_assessment_free(a);
        if (rc != ISOMM_OK)
            break;
    }
    isomm_csv_reader_free(rd);
    return rc < 0 ? input_error(display_name(path), &err) : 0;
}

static int cmd_aggregate(const context *ctx)
{
    static const char *const names[] = { "text", "markdown", "json", "html", "svg", "svg-heatmap" };
    static const int values[] = { ISOMM_FORMAT_TEXT, ISOMM_FORMAT_MARKDOWN, ISOMM_FORMAT_JSON,
                                  ISOMM_FORMAT_HTML, ISOMM_FORMAT_SVG_RADAR, ISOMM_FORMAT_SVG_HEATMAP };
    const cli *c = ctx->args;
    isomm_report_options ro = ISOMM_REPORT_OPTIONS_INIT;
    isomm_aggregate *ag = NULL;
    isomm_error err;
    size_t i, stdin_uses = 0, len;
    char *doc;
    int format = ISOMM_FORMAT_TEXT, status = 0;

    if (c->nfiles == 0)
        return usage_error("%s", "'aggregate' takes at least one FILE.csv");
    if (c->format && (status = parse_format(c->format, names, values, 6, &format)) != 0)
        return status;
    for (i = 0; i < c->nfiles; i++)
        stdin_uses += strcmp(c->files[i], "-") == 0;
    if (stdin_uses > 1)
        return usage_error("%s", "standard input can be read only once");
    if (isomm_aggregate_new(&ag, model_of(ctx), &err) != ISOMM_OK)
        return input_error(NULL, &err);
    for (i = 0; i < c->nfiles && status == 0; i++)
        status = aggregate_file(ctx, ag, c->files[i]);
    if (status == 0) {
        ro.lang = ctx->lang;
        ro.format = (isomm_format)format;
        if (isomm_aggregate_render(&doc, &len, ag, &ro, &err) != ISOMM_OK)
            status = render_error(&err);
        else
            status = emit(ctx, doc, len);
    }
    isomm_aggregate_free(ag);
    return status;
}

int main(int argc, char **argv)
{
    cli c;
    context ctx;
    int i, status;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0 || (i == 1 && strcmp(argv[i], "help") == 0)) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (i == 1 && strcmp(argv[i], "--version") == 0) {
            printf("isomm %s\n", isomm_version_string());
            return 0;
        }
    }
    memset(&c, 0, sizeof c);
    if ((status = parse_command_line(&c, argc, argv)) != 0 || (status = set_up(&ctx, &c)) != 0) {
        free(c.files);
        return status;
    }
    switch (c.command) {
    case CMD_REPORT: status = cmd_report(&ctx); break;
    case CMD_VALIDATE: status = cmd_validate(&ctx); break;
    case CMD_TEMPLATE: status = cmd_template(&ctx); break;
    case CMD_COMPARE: status = cmd_compare(&ctx); break;
    case CMD_AGGREGATE: status = cmd_aggregate(&ctx); break;
    case CMD_MODEL: status = cmd_model(&ctx); break;
    }
    isomm_model_free(ctx.custom);
    free(c.files);
    return status;
}
