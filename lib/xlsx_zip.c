/* SPDX-License-Identifier: MIT */
/* The zip container of a workbook, read from memory with libzip. Entries are inflated in chunks
 * against a running byte budget, so a zip bomb or an entry that lies about its size costs at most
 * the budget. */
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "internal.h"
#include "xlsx_internal.h"

struct isomm__zip {
    zip_t *za;
};

int isomm__zip_open(isomm__zip **out, const void *data, size_t len, isomm_error *err)
{
    zip_error_t ze;
    zip_source_t *src;
    isomm__zip *z;
    int rc;

    *out = NULL;
    if (!(z = calloc(1, sizeof *z)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory");
    zip_error_init(&ze);
    if (!(src = zip_source_buffer_create(data, len, 0, &ze))) {
        free(z);
        zip_error_fini(&ze);
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory (zip source)");
    }
    /* ZIP_CHECKCONS: the local headers must agree with the central directory */
    if (!(z->za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze))) {
        rc = isomm__fail(err, zip_error_code_zip(&ze) == ZIP_ER_MEMORY ? ISOMM_ENOMEM : ISOMM_EPARSE,
                         "not a readable .xlsx workbook: broken zip archive (%s)", zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        free(z);
        return rc;
    }
    zip_error_fini(&ze);
    *out = z;
    return ISOMM_OK;
}

void isomm__zip_close(isomm__zip *z)
{
    if (!z)
        return;
    zip_discard(z->za);
    free(z);
}

int isomm__zip_has(isomm__zip *z, const char *name)
{
    return zip_name_locate(z->za, name, ZIP_FL_NOCASE) >= 0;
}

int isomm__zip_read(isomm__zip *z, const char *name, isomm__xlsx_budget *budget, isomm__zip_sink sink,
                    void *userdata, isomm_error *err)
{
    zip_int64_t index = zip_name_locate(z->za, name, ZIP_FL_NOCASE);
    zip_stat_t st;
    zip_file_t *f;
    char chunk[16384];
    zip_int64_t n;
    int rc = ISOMM_OK;

    if (index < 0)
        return isomm__fail(err, ISOMM_EPARSE, "not a readable .xlsx workbook: part '%s' is missing", name);
    if (zip_stat_index(z->za, (zip_uint64_t)index, 0, &st) != 0)
        return isomm__fail(err, ISOMM_EPARSE, "%s: %s", name, zip_strerror(z->za));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return isomm__fail(err, ISOMM_EPARSE,
                           "%s: the zip entry is encrypted (a password-protected archive); save the workbook "
                           "without a password", name);
    if ((st.valid & ZIP_STAT_SIZE) && st.size > budget->inflated_left)
        return isomm__fail(err, ISOMM_ELIMIT,
                           "%s: declares %llu bytes uncompressed, more than the %zu bytes left of the limit of "
                           "%zu inflated bytes per workbook", name, (unsigned long long)st.size,
                           budget->inflated_left, budget->inflated_max);
    if (!(f = zip_fopen_index(z->za, (zip_uint64_t)index, 0)))
        return isomm__fail(err, ISOMM_EPARSE, "%s: cannot open the zip entry: %s", name, zip_strerror(z->za));
    while (rc == ISOMM_OK && (n = zip_fread(f, chunk, sizeof chunk)) > 0) {
        if ((zip_uint64_t)n > budget->inflated_left) {
            rc = isomm__fail(err, ISOMM_ELIMIT,
                             "%s: inflates to more than the limit of %zu inflated bytes per workbook (its "
                             "header declared %llu bytes)", name, budget->inflated_max,
                             (unsigned long long)st.size);
            break;
        }
        budget->inflated_left -= (size_t)n;
        rc = sink(userdata, chunk, (size_t)n, err);
    }
    if (rc == ISOMM_OK && n < 0)
        rc = isomm__fail(err, ISOMM_EPARSE, "%s: damaged zip entry: %s", name, zip_file_strerror(f));
    zip_fclose(f);
    return rc;
}
