/* SPDX-License-Identifier: MIT */
/* isomm: the command-line program of libisomm, and the fullest example of its C API.
 *
 * Exit status: 0 success, 1 invalid input or a failed write (a message naming file and line, or
 * the reason, on standard error), 2 wrong usage. Every document is written through the library's
 * output layer, so a failing command never leaves a half-written -o file. */
#include <ctype.h>
#include <signal.h>
#include <string.h>

#include "cli.h"

static const command *const commands[] = {
    &cmd_report, &cmd_validate, &cmd_template, &cmd_compare, &cmd_aggregate, &cmd_model,
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const char common_options[] =
    "  --lang ja|en      language of names and texts (default: ja when $LC_ALL,\n"
    "                    $LC_MESSAGES or $LANG starts with 'ja', else en)\n"
    "  --model MODEL.csv use a custom catalogue (columns of roles-v2.1.csv)\n"
    "  -o, --output FILE write to FILE instead of standard output; an old FILE is\n"
    "                    replaced only once the new one is complete\n"
    "  -h, --help        show the help of the command\n";

static const char exit_status[] =
    "Exit status: 0 success, 1 invalid input or a failed write, 2 wrong usage.\n";

/* The source of the catalogue and its licence (CC BY 4.0 asks for it wherever the catalogue is
 * shown), wrapped to 78 columns. */
static void attribution(void)
{
    const char *text = isomm_model_attribution()->notice_en;
    size_t column = 0;

    fputs("\nCatalogue:", stdout);
    column = 10;
    while (*text) {
        size_t word = strcspn(text, " ");
        if (column + 1 + word > 78) {
            putchar('\n');
            column = 0;
        } else if (column > 0) {
            putchar(' ');
            column++;
        }
        fwrite(text, 1, word, stdout);
        column += word;
        text += word;
        text += strspn(text, " ");
    }
    putchar('\n');
}

static void general_help(void)
{
    size_t i;

    fputs("Usage: isomm COMMAND [OPTIONS] [FILE...]\n"
          "\n"
          "ISOG-J SOC/CSIRT maturity model (ISOMM v2.1): evaluate assessment CSV files\n"
          "and write reports. A FILE of '-' is standard input. Output goes to standard\n"
          "output unless -o FILE is given.\n"
          "\n"
          "Commands:\n",
          stdout);
    for (i = 0; i < COMMAND_COUNT; i++)
        printf("  %-10s %s\n", commands[i]->name, commands[i]->summary);
    printf("  %-10s %s\n", "help", "the options of one command: isomm help COMMAND");
    fputs("\nOptions of every command:\n", stdout);
    fputs(common_options, stdout);
    fputs("  --version         show the version of isomm\n"
          "\n"
          "Patterns: full-outsource, minimum-insource, hybrid, minimum-outsource,\n"
          "full-insource.\n",
          stdout);
    fputs(exit_status, stdout);
    attribution();
}

static void command_help(const command *cmd)
{
    printf("Usage: isomm %s\n\n%c%s.\n", cmd->synopsis, toupper((unsigned char)cmd->summary[0]), cmd->summary + 1);
    if (cmd->options[0])
        printf("\nOptions:\n%s", cmd->options);
    printf("\nOptions of every command:\n%s\n%s", common_options, exit_status);
    attribution();
}

static const command *find_command(const char *name)
{
    size_t i;

    for (i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(name, commands[i]->name) == 0)
            return commands[i];
    }
    return NULL;
}

static int unknown_command(const char *name)
{
    cli_usage_error(NULL, "unknown command '%s'", name);
    return EXIT_USAGE;
}

/* Whether -h or --help stands among the arguments after the command (before any "--"). */
static int asks_for_help(int argc, char **argv)
{
    int i;

    for (i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const command *cmd;
    cli c;
    context ctx;
    int status;

    /* Writing into a closed pipe ends the program quietly, as for any filter. */
    signal(SIGPIPE, SIG_DFL);
    if (argc < 2)
        return cli_usage_error(NULL, "%s", "no command given");
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        general_help();
        return cli_finish_stdout(0);
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("isomm %s\n", isomm_version_string());
        return cli_finish_stdout(0);
    }
    if (strcmp(argv[1], "help") == 0) {
        if (argc > 3)
            return cli_usage_error(NULL, "%s", "'help' takes at most one COMMAND");
        if (argc == 2)
            general_help();
        else if ((cmd = find_command(argv[2])) != NULL)
            command_help(cmd);
        else
            return unknown_command(argv[2]);
        return cli_finish_stdout(0);
    }
    if (!(cmd = find_command(argv[1])))
        return unknown_command(argv[1]);
    if (asks_for_help(argc, argv)) {
        command_help(cmd);
        return cli_finish_stdout(0);
    }
    if ((status = cli_parse(&c, cmd, argc, argv)) != 0) {
        cli_clean_up(NULL, &c);
        return status;
    }
    if ((status = cli_set_up(&ctx, &c)) != 0) {
        cli_clean_up(&ctx, &c);
        return status;
    }
    status = cmd->run(&ctx);
    cli_clean_up(&ctx, &c);
    return cli_finish_stdout(status);
}
