/* SPDX-License-Identifier: MIT */
/* What every command shares for input and output: messages on standard error, reading
 * assessments, writing documents through the library's output layer. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when s does not start one. */
static size_t utf8_sequence(const unsigned char *s)
{
    size_t n, i;
    unsigned long cp;

    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2, cp = s[0] & 0x1F;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3, cp = s[0] & 0x0F;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4, cp = s[0] & 0x07;
    else
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

/* Copy s into dst (when not NULL) with control characters shown escaped; returns the length. */
static size_t escape_into(char *dst, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = 0;

    while (*p) {
        size_t n = utf8_sequence(p);
        char code[8];
        if (n == 1 && *p >= 0x20 && *p != 0x7F) {
            code[0] = (char)*p;
            n = 1;
            p++;
        } else if (n >= 2 && !(n == 2 && p[0] == 0xC2 && p[1] < 0xA0)) {
            if (dst)
                memcpy(dst + len, p, n);
            len += n;
            p += n;
            continue;
        } else if (n == 2) { /* a C1 control character, U+0080..U+009F */
            n = (size_t)snprintf(code, sizeof code, "\\u%04x", (unsigned)p[1]);
            p += 2;
        } else { /* a C0 control, DEL or a byte that is not UTF-8 */
            n = (size_t)snprintf(code, sizeof code, "\\x%02x", (unsigned)*p++);
        }
        if (dst)
            memcpy(dst + len, code, n);
        len += n;
    }
    return len;
}

void cli_put_safe(FILE *fp, const char *s)
{
    size_t n = escape_into(NULL, s);
    char small[256], *text = n < sizeof small ? small : malloc(n + 1);

    if (!text) { /* no memory for the copy: leave the text out rather than print it raw */
        fputs("(text not shown: out of memory)", fp);
        return;
    }
    escape_into(text, s);
    fwrite(text, 1, n, fp);
    if (text != small)
        free(text);
}

char *cli_safe_printf(const char *fmt, const char *text, size_t *len)
{
    size_t n = escape_into(NULL, text);
    char *safe = malloc(n + 1), *out = NULL;
    int total;

    if (!safe)
        return NULL;
    safe[escape_into(safe, text)] = '\0';
    total = snprintf(NULL, 0, fmt, safe);
    if (total >= 0 && (out = malloc((size_t)total + 1)) != NULL) {
        snprintf(out, (size_t)total + 1, fmt, safe);
        *len = (size_t)total;
    }
    free(safe);
    return out;
}

int cli_usage_error(const cli *c, const char *fmt, const char *detail)
{
    char message[1024];

    snprintf(message, sizeof message, fmt, detail);
    fputs("isomm: ", stderr);
    cli_put_safe(stderr, message);
    if (c && c->command)
        fprintf(stderr, "\nTry 'isomm help %s'.\n", c->command->name);
    else
        fputs("\nTry 'isomm help'.\n", stderr);
    return EXIT_USAGE;
}

int cli_input_error(const char *file, const isomm_error *err)
{
    if (file) {
        cli_put_safe(stderr, file);
        if (err->line > 0)
            fprintf(stderr, ":%ld", err->line);
        fputs(": ", stderr);
    } else {
        fputs("isomm: ", stderr);
    }
    cli_put_safe(stderr, err->message);
    fputc('\n', stderr);
    return EXIT_INPUT;
}

int cli_workbook_error(const char *file, const isomm_error *err)
{
    cli_put_safe(stderr, file);
    fputs(err->line > 0 ? ":" : ": ", stderr);
    cli_put_safe(stderr, err->message);
    fputc('\n', stderr);
    return EXIT_INPUT;
}

int cli_binary_output_ok(const cli *c, const char *path)
{
    if (path || !isatty(STDOUT_FILENO))
        return 0;
    return cli_usage_error(c, "%s", "a workbook is binary: name the file to write with -o FILE.xlsx");
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix), i;

    if (n < k)
        return 0;
    for (i = 0; i < k; i++) {
        char ch = s[n - k + i];
        if ((ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch) != suffix[i])
            return 0;
    }
    return 1;
}

int cli_is_workbook(const char *path)
{
    static const unsigned char zip[4] = { 'P', 'K', 3, 4 }, ole[4] = { 0xD0, 0xCF, 0x11, 0xE0 };
    unsigned char head[4];
    struct stat st;
    size_t got;
    FILE *f;

    if (strcmp(path, "-") == 0)
        return 0;
    if (has_suffix(path, ".xlsx") || has_suffix(path, ".xlsm") || has_suffix(path, ".xls"))
        return 1;
    /* a FIFO or device would lose what is peeked at */
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fopen(path, "rb")))
        return 0;
    got = fread(head, 1, sizeof head, f);
    fclose(f);
    return got == sizeof head && (memcmp(head, zip, 4) == 0 || memcmp(head, ole, 4) == 0);
}

int cli_render_error(const isomm_error *err)
{
    cli_input_error(NULL, err);
    return err->code == ISOMM_EOPTIONS ? EXIT_USAGE : EXIT_INPUT;
}

int cli_text_width(void)
{
    const char *columns = getenv("COLUMNS");
    struct winsize ws;
    int width;

    if (columns && cli_parse_int(columns, 1, 10000, &width) == 0)
        return width;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return ISOMM_REPORT_DEFAULT_WIDTH;
}

const char *cli_display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int cli_read_all(const context *ctx, const char *path, isomm_assessment ***list, size_t *count)
{
    isomm_error err;
    int rc;

    if (cli_is_workbook(path)) {
        isomm_xlsx_options xo = ISOMM_XLSX_OPTIONS_INIT;
        xo.model = ctx->csv.model;
        if (isomm_xlsx_read_file(list, count, path, &xo, &err) != ISOMM_OK)
            return cli_workbook_error(path, &err);
        return 0;
    }
    if (strcmp(path, "-") == 0)
        rc = isomm_csv_read_fp(list, count, stdin, &ctx->csv, &err);
    else
        rc = isomm_csv_read_file(list, count, path, &ctx->csv, &err);
    if (rc != ISOMM_OK)
        return cli_input_error(cli_display_name(path), &err);
    return 0;
}

int cli_pick(isomm_assessment **list, size_t count, const char *id, const char *path, const char *option,
             const isomm_assessment **out)
{
    size_t i;

    if (!id) {
        if (count == 1) {
            *out = list[0];
            return 0;
        }
        fputs("isomm: ", stderr);
        cli_put_safe(stderr, cli_display_name(path));
        fprintf(stderr, " holds %zu assessments; pick one with %s ID\n", count, option);
        return EXIT_USAGE;
    }
    for (i = 0; i < count; i++) {
        if (strcmp(isomm_assessment_meta(list[i], ISOMM_META_ID), id) == 0) {
            *out = list[i];
            return 0;
        }
    }
    fputs("isomm: ", stderr);
    cli_put_safe(stderr, cli_display_name(path));
    fputs(" has no assessment '", stderr);
    cli_put_safe(stderr, id);
    fputs("'\n", stderr);
    return EXIT_USAGE;
}

int cli_emit_to(const char *path, char *doc, size_t len)
{
    isomm_error err;
    int rc = isomm_write_file(path, doc, len, &err);

    isomm_free(doc);
    if (rc == ISOMM_OK)
        return 0;
    if (!path && errno == EPIPE) /* the reader went away: the usual quiet end */
        return EXIT_INPUT;
    return cli_input_error(NULL, &err);
}

int cli_emit(const context *ctx, char *doc, size_t len)
{
    return cli_emit_to(ctx->args->output, doc, len);
}

int cli_finish_stdout(int status)
{
    int failed = fflush(stdout) != 0 || ferror(stdout);

    if (!failed || status != 0) /* a command that failed has said why */
        return status;
    if (errno != EPIPE)
        fprintf(stderr, "isomm: cannot write '<stdout>': %s\n", strerror(errno ? errno : EIO));
    return status ? status : EXIT_INPUT;
}
