/* SPDX-License-Identifier: MIT */
/* Input meant to hurt: a header that would hold 1 GB before being refused, and CP932 edge cases
 * (iconv out of memory, a bad byte deep inside a quoted field). */
#define _GNU_SOURCE /* RTLD_NEXT */

#include <criterion/criterion.h>
#include <dlfcn.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isomm/isomm.h>

/* iconv_open as the library sees it: the real one, or a failure for lack of memory. The test
 * program defines the symbol, so the library's call comes here. */
static int iconv_out_of_memory;

__attribute__((visibility("default"))) iconv_t iconv_open(const char *to, const char *from)
{
    iconv_t (*real)(const char *, const char *);
    if (iconv_out_of_memory) {
        errno = ENOMEM;
        return (iconv_t)-1;
    }
    *(void **)&real = dlsym(RTLD_NEXT, "iconv_open");
    return real(to, from);
}

/* An endless header: `start`, then `fill` bytes for ever. Gives up (a read error) after
 * `give_up` bytes, so that a reader that does not refuse early ends with ISOMM_EIO. */
struct endless {
    const char *start;
    char fill;
    size_t served, give_up;
};

static long endless_read(void *userdata, char *buf, size_t cap)
{
    struct endless *e = userdata;
    size_t n = 0, head = strlen(e->start);
    if (e->served >= e->give_up)
        return -1;
    while (n < cap && e->served < head)
        buf[n++] = e->start[e->served++];
    memset(buf + n, e->fill, cap - n);
    e->served += cap - n;
    return (long)cap;
}

static void refuse_endless_header(const char *start, char fill, long column)
{
    struct endless e = { start, fill, 0, (size_t)64 << 20 };
    isomm_csv_reader *rd;
    isomm_assessment *a;
    isomm_error err;

    cr_assert_eq(isomm_csv_reader_open_callback(&rd, endless_read, &e, NULL, &err), ISOMM_OK);
    cr_assert_eq(isomm_csv_reader_next(rd, &a, &err), ISOMM_ELIMIT, "%s", err.message);
    cr_assert_eq(err.line, 1);
    cr_assert_eq(err.column, column);
    cr_assert_not_null(strstr(err.message, "is longer than 1024 bytes"), "%s", err.message);
    /* refused after the first chunks, not after a megabyte per field */
    cr_assert_lt(e.served, (size_t)256 << 10, "read %zu bytes before refusing", e.served);
    isomm_csv_reader_free(rd);
}

Test(hostile, long_unquoted_header_field_is_refused_early)
{
    refuse_endless_header("role,", 'x', 2);
}

Test(hostile, long_quoted_header_field_is_refused_early)
{
    refuse_endless_header("role,sourcing,\"", 'y', 3);
}

/* Many header fields of 1 MiB each (each within max_field_bytes): refused at the first one. */
Test(hostile, header_of_big_fields_is_refused_at_the_first)
{
    size_t field = (size_t)1 << 20, n = 0, i;
    char *text = malloc(4 * (field + 1));
    isomm_error err;
    isomm_assessment **list;
    size_t count;

    cr_assert_not_null(text);
    for (i = 0; i < 4; i++) {
        memset(text + n, 'a' + (int)i, field);
        n += field;
        text[n++] = i == 3 ? '\n' : ',';
    }
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, text, n, NULL, &err), ISOMM_ELIMIT);
    cr_assert_eq(err.line, 1);
    cr_assert_eq(err.column, 1);
    free(text);
}

/* A name padded with spaces up to the limit is still a name. */
Test(hostile, padded_header_names_are_accepted)
{
    char text[4096];
    isomm_assessment **list;
    size_t count;
    isomm_error err;
    int n = snprintf(text, sizeof text, "%500srole%500s,sourcing,level\nA-1,in,3\n", "", "");

    cr_assert_eq(isomm_csv_read_buffer(&list, &count, text, (size_t)n, NULL, &err), ISOMM_OK, "%s", err.message);
    cr_assert_eq(count, 1);
    isomm_assessment_array_free(list, count);
}

Test(hostile, cp932_converter_out_of_memory_is_enomem)
{
    static const char csv[] = "role,sourcing,level\nA-1,in,1\n";
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_assessment **list;
    size_t count;
    isomm_error err;

    opts.encoding = ISOMM_ENCODING_CP932;
    iconv_out_of_memory = 1;
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, csv, sizeof csv - 1, &opts, &err), ISOMM_ENOMEM);
    cr_assert_eq(err.code, ISOMM_ENOMEM);
    cr_assert_not_null(strstr(err.message, "out of memory"), "%s", err.message);
    iconv_out_of_memory = 0;
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, csv, sizeof csv - 1, &opts, &err), ISOMM_OK, "%s", err.message);
    isomm_assessment_array_free(list, count);
}

Test(hostile, cp932_writer_out_of_memory_is_enomem)
{
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_assessment *a;
    isomm_error err;
    char *out;
    size_t len;

    opts.encoding = ISOMM_ENCODING_CP932;
    cr_assert_eq(isomm_assessment_new(&a, NULL, &err), ISOMM_OK);
    iconv_out_of_memory = 1;
    cr_assert_eq(isomm_csv_write_buffer(&out, &len, &a, 1, &opts, &err), ISOMM_ENOMEM);
    cr_assert_eq(err.code, ISOMM_ENOMEM);
    iconv_out_of_memory = 0;
    cr_assert_eq(isomm_csv_write_buffer(&out, &len, &a, 1, &opts, &err), ISOMM_OK, "%s", err.message);
    isomm_free(out);
    isomm_assessment_free(a);
}

/* The bad byte is on line 5; its quoted field begins on line 2, the line csv.h promises. */
Test(hostile, cp932_bad_byte_names_the_line_where_the_field_begins)
{
    static const char csv[] = "role,sourcing,level,note\nA-1,in,1,\"one\ntwo\nthree\nfour \xff\"\n";
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    isomm_assessment **list;
    size_t count;
    isomm_error err;

    opts.encoding = ISOMM_ENCODING_CP932;
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, csv, sizeof csv - 1, &opts, &err), ISOMM_EENCODING);
    cr_assert_eq(err.line, 2, "line %ld: %s", err.line, err.message);
    cr_assert_eq(err.column, 4);
    cr_assert_not_null(strstr(err.message, "0xFF"), "%s", err.message);
}

/* The same with UTF-8 input, for comparison: the field's first line too. */
Test(hostile, utf8_bad_byte_names_the_line_where_the_field_begins)
{
    static const char csv[] = "role,sourcing,level,note\nA-1,in,1,\"one\ntwo\nthree\nfour \xff\"\n";
    isomm_assessment **list;
    size_t count;
    isomm_error err;

    cr_assert_eq(isomm_csv_read_buffer(&list, &count, csv, sizeof csv - 1, NULL, &err), ISOMM_EENCODING);
    cr_assert_eq(err.line, 2);
    cr_assert_eq(err.column, 4);
}

/* Control characters from input reach messages escaped: ESC, BEL, DEL, a C1 CSI (U+009B), a
 * tab, and a byte that is not UTF-8 in a path. */
Test(hostile, control_characters_in_messages_are_escaped)
{
    static const char csv[] = "role,sourcing,level\nA-1,in,\"\x1b]0;owned\x07\"\n"
                              "A-2,\"\xc2\x9b" "2J\x7f\",1\n";
    static const char header[] = "role,sourcing,level,\"\x1b[2J\"\nA-1,in,1,x\n";
    isomm_error errors[4];
    isomm_assessment **list;
    size_t count, i;
    isomm_error err;

    cr_assert_eq(isomm_csv_validate_buffer(csv, sizeof csv - 1, NULL, errors, 4, &count, &err), ISOMM_ELEVEL);
    cr_assert_eq(count, 2);
    cr_assert_str_eq(errors[0].message,
                     "bad level '\\x1b]0;owned\\x07' in column 'level' (expected an integer 0-5, or empty for unanswered)");
    cr_assert_not_null(strstr(errors[1].message, "bad sourcing '\\u009b2J\\x7f'"), "%s", errors[1].message);
    cr_assert_eq(isomm_csv_read_buffer(&list, &count, header, sizeof header - 1, NULL, &err), ISOMM_EHEADER);
    cr_assert_not_null(strstr(err.message, "unknown column '\\x1b[2J'"), "%s", err.message);
    cr_assert_eq(isomm_csv_read_file(&list, &count, "/nonexistent/\x1b[31mred\t\xff.csv", NULL, &err), ISOMM_EIO);
    cr_assert_not_null(strstr(err.message, "'/nonexistent/\\x1b[31mred\\x09\\xff.csv'"), "%s", err.message);
    for (i = 0; i < 2; i++) {
        const char *m = i ? err.message : errors[0].message;
        for (; *m; m++)
            cr_assert((unsigned char)*m >= 0x20 && *m != 0x7f, "raw control byte 0x%02x in a message",
                      (unsigned)(unsigned char)*m);
    }
}

/* Non-ASCII text is kept as it is: only control characters are escaped. */
Test(hostile, japanese_in_messages_is_kept)
{
    static const char csv[] = "role,sourcing,level\nA-1,インソース,高い\n";
    isomm_assessment **list;
    size_t count;
    isomm_error err;

    cr_assert_eq(isomm_csv_read_buffer(&list, &count, csv, sizeof csv - 1, NULL, &err), ISOMM_ELEVEL);
    cr_assert_not_null(strstr(err.message, "bad level '高い'"), "%s", err.message);
}
