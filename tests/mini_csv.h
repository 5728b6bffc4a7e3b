/* SPDX-License-Identifier: MIT */
/* A deliberately small RFC 4180 reader for the tests, independent of the library's CSV code,
 * so the catalogue and the worked example can be checked against the spec files directly. */
#ifndef ISOMM_TEST_MINI_CSV_H
#define ISOMM_TEST_MINI_CSV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MINI_CSV_MAX_FIELDS 16
#define MINI_CSV_MAX_ROWS 128

typedef struct mini_csv {
    int rows;
    int fields[MINI_CSV_MAX_ROWS];
    char *cell[MINI_CSV_MAX_ROWS][MINI_CSV_MAX_FIELDS];
} mini_csv;

static inline char *mini_csv_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;
    char *data;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc((size_t)n + 1);
    if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    if (data)
        data[n] = '\0';
    fclose(f);
    return data;
}

/* Parse a whole file; returns 0 on success. Cells are heap strings freed by mini_csv_free. */
static inline int mini_csv_load(mini_csv *csv, const char *path)
{
    char *data = mini_csv_slurp(path), *p, *cell;
    size_t len;
    memset(csv, 0, sizeof *csv);
    if (!data)
        return -1;
    p = data;
    while (*p && csv->rows < MINI_CSV_MAX_ROWS) {
        int r = csv->rows, end_of_row = 0;
        while (!end_of_row) {
            cell = malloc(strlen(p) + 1);
            len = 0;
            if (*p == '"') {
                for (p++; *p; p++) {
                    if (*p == '"' && p[1] == '"')
                        cell[len++] = *p++;
                    else if (*p == '"')
                        break;
                    else
                        cell[len++] = *p;
                }
                if (*p == '"')
                    p++;
            } else {
                while (*p && *p != ',' && *p != '\n' && *p != '\r')
                    cell[len++] = *p++;
            }
            cell[len] = '\0';
            csv->cell[r][csv->fields[r]++] = cell;
            if (*p == ',') {
                p++;
            } else {
                if (*p == '\r')
                    p++;
                if (*p == '\n')
                    p++;
                end_of_row = 1;
            }
        }
        csv->rows++;
    }
    free(data);
    return 0;
}

static inline void mini_csv_free(mini_csv *csv)
{
    int r, c;
    for (r = 0; r < csv->rows; r++)
        for (c = 0; c < csv->fields[r]; c++)
            free(csv->cell[r][c]);
}

/* Index of a header column, -1 if absent. */
static inline int mini_csv_column(const mini_csv *csv, const char *name)
{
    int c;
    for (c = 0; c < csv->fields[0]; c++)
        if (strcmp(csv->cell[0][c], name) == 0)
            return c;
    return -1;
}

#endif
