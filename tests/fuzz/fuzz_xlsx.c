/* SPDX-License-Identifier: MIT */
/* Fuzz target: the workbook reader, isomm_xlsx_read_buffer() under small budgets (so that one run
 * stays fast whatever the input inflates to). The first byte chooses what the rest is:
 *  0: a whole .xlsx file;
 *  1: the worksheet XML of a workbook built here (stored, uncompressed, with valid checksums, so
 *     that mutations reach the XML and cell logic instead of failing the zip's CRC);
 *  2: the shared strings XML of such a workbook, whose worksheet uses strings 0-5.
 * Either the read fails cleanly (a negative code, the same code in the error record, nothing handed
 * back, a position only for errors that name a cell) or every assessment it gives is evaluated
 * (fuzz_evaluate_and_check) and survives a CSV round trip unchanged. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const char content_types[] =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char root_rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char workbook[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"Input\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/></Relationships>";
static const char shared_strings[] =
    "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>role</t></si><si><t>sourcing</t></si><si><t>level</t></si><si><t>A-1</t></si>"
    "<si><t>insource</t></si><si><r><t>no</t></r><r><t>te</t></r><rPh><t>x</t></rPh></si></sst>";
static const char sheet[] =
    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>5</v></c></row><row r=\"2\">"
    "<c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\"><v>3</v></c></row>"
    "</sheetData></worksheet>";

static unsigned long crc32_of(const unsigned char *p, size_t n)
{
    unsigned long crc = 0xFFFFFFFFUL;
    size_t i;
    int k;

    for (i = 0; i < n; i++) {
        crc ^= p[i];
        for (k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320UL & (0UL - (crc & 1UL)));
    }
    return crc ^ 0xFFFFFFFFUL;
}

static unsigned char *put16(unsigned char *o, unsigned v)
{
    o[0] = (unsigned char)(v & 0xFF);
    o[1] = (unsigned char)((v >> 8) & 0xFF);
    return o + 2;
}

static unsigned char *put32(unsigned char *o, unsigned long v)
{
    o = put16(o, (unsigned)(v & 0xFFFF));
    return put16(o, (unsigned)((v >> 16) & 0xFFFF));
}

/* A stored zip of the six parts, one of which (which = 1: sheet, 2: shared strings) is the input. */
static unsigned char *build_zip(const unsigned char *part, size_t part_len, int which, size_t *len)
{
    const char *names[6] = { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                             "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" };
    const unsigned char *data[6];
    size_t sizes[6], offsets[6], total = 22, i;
    unsigned char *zip, *o, *central;

    data[0] = (const unsigned char *)content_types, sizes[0] = sizeof content_types - 1;
    data[1] = (const unsigned char *)root_rels, sizes[1] = sizeof root_rels - 1;
    data[2] = (const unsigned char *)workbook, sizes[2] = sizeof workbook - 1;
    data[3] = (const unsigned char *)workbook_rels, sizes[3] = sizeof workbook_rels - 1;
    data[4] = (const unsigned char *)shared_strings, sizes[4] = sizeof shared_strings - 1;
    data[5] = (const unsigned char *)sheet, sizes[5] = sizeof sheet - 1;
    data[which == 1 ? 5 : 4] = part;
    sizes[which == 1 ? 5 : 4] = part_len;
    for (i = 0; i < 6; i++)
        total += 30 + 46 + 2 * strlen(names[i]) + sizes[i];
    if (!(zip = malloc(total)))
        return NULL;
    o = zip;
    for (i = 0; i < 6; i++) {
        unsigned long crc = crc32_of(data[i], sizes[i]);
        offsets[i] = (size_t)(o - zip);
        o = put32(o, 0x04034B50UL);
        o = put16(o, 20), o = put16(o, 0), o = put16(o, 0), o = put16(o, 0), o = put16(o, 0x21);
        o = put32(o, crc), o = put32(o, sizes[i]), o = put32(o, sizes[i]);
        o = put16(o, (unsigned)strlen(names[i])), o = put16(o, 0);
        memcpy(o, names[i], strlen(names[i]));
        o += strlen(names[i]);
        memcpy(o, data[i], sizes[i]);
        o += sizes[i];
    }
    central = o;
    for (i = 0; i < 6; i++) {
        o = put32(o, 0x02014B50UL);
        o = put16(o, 20), o = put16(o, 20), o = put16(o, 0), o = put16(o, 0), o = put16(o, 0), o = put16(o, 0x21);
        o = put32(o, crc32_of(data[i], sizes[i])), o = put32(o, sizes[i]), o = put32(o, sizes[i]);
        o = put16(o, (unsigned)strlen(names[i])), o = put16(o, 0), o = put16(o, 0), o = put16(o, 0), o = put16(o, 0);
        o = put32(o, 0), o = put32(o, offsets[i]);
        memcpy(o, names[i], strlen(names[i]));
        o += strlen(names[i]);
    }
    {
        size_t cd = (size_t)(o - central);
        o = put32(o, 0x06054B50UL);
        o = put16(o, 0), o = put16(o, 0), o = put16(o, 6), o = put16(o, 6);
        o = put32(o, cd), o = put32(o, (unsigned long)(central - zip)), o = put16(o, 0);
    }
    *len = (size_t)(o - zip);
    return zip;
}

static int read_and_check(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *zip;
    size_t len = 0;

    if (size == 0 || data[0] % 3 == 0)
        return read_and_check(size ? data + 1 : data, size ? size - 1 : 0);
    zip = build_zip(data + 1, size - 1, data[0] % 3, &len);
    if (zip)
        read_and_check(zip, len);
    free(zip);
    return 0;
}

static int read_and_check(const uint8_t *data, size_t size)
{
    isomm_xlsx_options opts = ISOMM_XLSX_OPTIONS_INIT;
    isomm_assessment **list = NULL, **again = NULL;
    size_t count = 0, again_count = 0, i, len = 0;
    char *text = NULL;
    isomm_error err;
    int rc;

    opts.max_inflated_bytes = (size_t)4 << 20;
    opts.max_elements = 200000;
    rc = isomm_xlsx_read_buffer(&list, &count, data, size, &opts, &err);
    if (rc != ISOMM_OK) {
        FUZZ_REQUIRE(rc < 0 && err.code == rc && list == NULL && count == 0);
        FUZZ_REQUIRE(err.line >= 0 && err.column >= 0 && (err.line == 0) == (err.column == 0));
        FUZZ_REQUIRE(memchr(err.message, '\0', sizeof err.message) != NULL && err.message[0] != '\0');
        return 0;
    }
    FUZZ_REQUIRE(count >= 1 && list != NULL);
    for (i = 0; i < count; i++)
        fuzz_evaluate_and_check(list[i], NULL, i == 0);
    FUZZ_REQUIRE(isomm_csv_write_buffer(&text, &len, list, count, NULL, &err) == ISOMM_OK);
    if (isomm_csv_read_buffer(&again, &again_count, text, len, NULL, &err) != ISOMM_OK)
        fuzz_require(0, err.message, __FILE__, __LINE__);
    FUZZ_REQUIRE(again_count == count);
    for (i = 0; i < count; i++)
        FUZZ_REQUIRE(isomm_assessment_equal(again[i], list[i]) == 1);
    isomm_assessment_array_free(again, again_count);
    isomm_assessment_array_free(list, count);
    isomm_free(text);
    return 0;
}
