/* SPDX-License-Identifier: MIT */
/* The isomm command: what the commands share (parsed command line, context, input and output,
 * messages). One file per command (cmd_*.c); main.c dispatches and prints help. */
#ifndef ISOMM_CLI_H
#define ISOMM_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <isomm/isomm.h>

#define EXIT_INPUT 1
#define EXIT_USAGE 2

/* One bit per command, so that an option can say which commands take it. */
enum command_bit {
    CMD_REPORT = 1 << 0,
    CMD_VALIDATE = 1 << 1,
    CMD_TEMPLATE = 1 << 2,
    CMD_COMPARE = 1 << 3,
    CMD_AGGREGATE = 1 << 4,
    CMD_MODEL = 1 << 5
};
#define CMD_ALL (CMD_REPORT | CMD_VALIDATE | CMD_TEMPLATE | CMD_COMPARE | CMD_AGGREGATE | CMD_MODEL)
#define CMD_READING (CMD_REPORT | CMD_VALIDATE | CMD_COMPARE | CMD_AGGREGATE)

/* The parsed command line. Values point into argv. */
typedef struct cli {
    const struct command *command;
    const char **files;
    size_t nfiles;
    const char *output, *html_out, *target, *format, *lang, *id, *old_id, *new_id, *model_path, *encoding;
    const char *strengths, *list_size;
    int bom;
} cli;

/* Everything a command needs besides its arguments: the model and the CSV options. */
typedef struct context {
    const cli *args;
    isomm_lang lang;
    isomm_model *custom; /* loaded with --model, or NULL */
    isomm_csv_options csv;
} context;

/* A command: its name, its help and the function that runs it. */
typedef struct command {
    const char *name;
    enum command_bit bit;
    const char *synopsis; /* after "isomm " */
    const char *summary;  /* one line for the command list */
    const char *options;  /* the lines of its own options, or "" */
    int (*run)(const context *ctx);
} command;

extern const command cmd_report, cmd_validate, cmd_template, cmd_compare, cmd_aggregate, cmd_model;

/* options.c: the command line and the set-up every command shares. */
int cli_parse(cli *c, const command *cmd, int argc, char **argv);
int cli_set_up(context *ctx, const cli *c);
void cli_clean_up(context *ctx, cli *c);
int cli_parse_int(const char *text, int min, int max, int *out);
/* The value of names[i] for text, or a usage error. */
int cli_parse_format(const cli *c, const char *text, const char *const *names, const int *values, size_t n, int *out);
/* The command's file count must be `want`; `what` says what it takes ("one FILE.csv"). */
int cli_want_files(const cli *c, size_t want, const char *what);
const isomm_model *cli_model(const context *ctx);

/* io.c: messages, reading assessments, writing documents. */
/* A usage error: "isomm: " + fmt with detail, the hint to the command's help; returns EXIT_USAGE. */
int cli_usage_error(const cli *c, const char *fmt, const char *detail);
/* A library error with the file name the user typed (NULL for none); returns EXIT_INPUT. */
int cli_input_error(const char *file, const isomm_error *err);
/* A workbook reader's error: "answers.xlsx:Input!G12: ..." (the message names sheet and cell). */
int cli_workbook_error(const char *file, const isomm_error *err);
/* Refuse to write a workbook (binary) to a terminal; returns 0 when path or a pipe/file is the target. */
int cli_binary_output_ok(const cli *c, const char *path);
/* A renderer refused the options: a format that output lacks is a usage error, else input. */
int cli_render_error(const isomm_error *err);
/* The width text output should fit: COLUMNS when it is a number of columns, else the width of
 * the terminal on standard output, else 80. */
int cli_text_width(void);
/* Print text from input or the library with control characters shown escaped (\x1b). */
void cli_put_safe(FILE *fp, const char *s);
/* fmt (one %s) with text shown safely, in a new string (free()); NULL when out of memory. */
char *cli_safe_printf(const char *fmt, const char *text, size_t *len);
const char *cli_display_name(const char *path);
/* Whether path names a workbook: a .xlsx, .xlsm or .xls name, or a regular file that starts with
 * a zip or an OLE2 (.xls) signature. Standard input ("-") is read as CSV. */
int cli_is_workbook(const char *path);
/* Every assessment of a file ('-' = standard input): a workbook (cli_is_workbook) or CSV. */
int cli_read_all(const context *ctx, const char *path, isomm_assessment ***list, size_t *count);
/* The assessment with id `id`, or the only one when id is NULL. */
int cli_pick(isomm_assessment **list, size_t count, const char *id, const char *path, const char *option,
             const isomm_assessment **out);
/* Write a finished document to `path` (NULL: standard output) through the library's output
 * layer. Takes ownership of doc. */
int cli_emit_to(const char *path, char *doc, size_t len);
int cli_emit(const context *ctx, char *doc, size_t len);
/* Flush standard output at the end of a command: a failed write is exit status 1 with the reason. */
int cli_finish_stdout(int status);

#endif
