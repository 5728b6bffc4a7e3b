/* SPDX-License-Identifier: MIT */
/* XML parts of a workbook, parsed with expat as they are inflated. Names are reduced to their
 * local part (the namespace prefixes writers choose differ). A document type declaration ends the
 * parse: no DTD is ever processed, so no entity can be defined or expanded (billion laughs). */
#include <stdio.h>
#include <string.h>

#include <expat.h>

#include "internal.h"
#include "xlsx_internal.h"

/* Separator expat puts between a namespace URI and a local name. */
#define NS_SEP '\x01'

typedef struct xml_run {
    XML_Parser p;
    const char *part;
    const isomm__xml_handlers *h;
    void *userdata;
    isomm__xlsx_budget *budget;
    isomm_error *err;
    int rc;      /* first error, sticky */
    int depth;
    const char *attrs[2 * 64 + 1];
} xml_run;

static const char *local_name(const char *name)
{
    const char *sep = strrchr(name, NS_SEP);
    return sep ? sep + 1 : name;
}

const char *isomm__xml_attr(const char **attrs, const char *name)
{
    size_t i;

    for (i = 0; attrs[i]; i += 2)
        if (strcmp(attrs[i], name) == 0)
            return attrs[i + 1];
    return NULL;
}

static void stop(xml_run *x, int rc)
{
    if (x->rc == ISOMM_OK)
        x->rc = rc;
    XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xml_run *x = ud;
    size_t i, n = 0;
    int rc;

    if (x->rc != ISOMM_OK)
        return;
    if (x->budget->elements_left == 0) {
        stop(x, isomm__fail(x->err, ISOMM_ELIMIT, "%s: more than the limit of %zu XML elements per workbook",
                            x->part, x->budget->elements_max));
        return;
    }
    x->budget->elements_left--;
    if (++x->depth > ISOMM_XLSX_MAX_DEPTH) {
        stop(x, isomm__fail(x->err, ISOMM_ELIMIT, "%s:%lu: XML nested deeper than the limit of %d elements",
                            x->part, (unsigned long)XML_GetCurrentLineNumber(x->p), ISOMM_XLSX_MAX_DEPTH));
        return;
    }
    if (!x->h->start)
        return;
    /* attributes the parts we read need are few; further ones are not looked at */
    for (i = 0; atts[i] && n + 2 < sizeof x->attrs / sizeof x->attrs[0]; i += 2) {
        x->attrs[n++] = local_name(atts[i]);
        x->attrs[n++] = atts[i + 1];
    }
    x->attrs[n] = NULL;
    if ((rc = x->h->start(x->userdata, local_name(name), x->attrs, x->err)) != ISOMM_OK)
        stop(x, rc);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    xml_run *x = ud;
    int rc;

    if (x->rc != ISOMM_OK)
        return;
    x->depth--;
    if (x->h->end && (rc = x->h->end(x->userdata, local_name(name), x->err)) != ISOMM_OK)
        stop(x, rc);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    xml_run *x = ud;
    int rc;

    if (x->rc != ISOMM_OK || !x->h->text)
        return;
    if ((rc = x->h->text(x->userdata, s, (size_t)len, x->err)) != ISOMM_OK)
        stop(x, rc);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal_subset)
{
    xml_run *x = ud;

    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    if (x->rc != ISOMM_OK)
        return;
    stop(x, isomm__fail(x->err, ISOMM_EPARSE,
                        "%s:%lu: a document type declaration (DTD) is not allowed in a workbook part", x->part,
                        (unsigned long)XML_GetCurrentLineNumber(x->p)));
}

/* Entities are never declared without a DTD; this catches any that a parser still reports. */
static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value, int value_len,
                              const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid,
                              const XML_Char *notation)
{
    xml_run *x = ud;

    (void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid, (void)pubid;
    (void)notation;
    if (x->rc == ISOMM_OK)
        stop(x, isomm__fail(x->err, ISOMM_EPARSE, "%s: entity declarations are not allowed", x->part));
}

static int feed(void *ud, const char *data, size_t len, isomm_error *err)
{
    xml_run *x = ud;

    (void)err;
    if (XML_Parse(x->p, data, (int)len, 0) != XML_STATUS_OK) {
        if (x->rc == ISOMM_OK)
            x->rc = isomm__fail(x->err, ISOMM_EPARSE, "%s:%lu:%lu: malformed XML (%s)", x->part,
                                (unsigned long)XML_GetCurrentLineNumber(x->p),
                                (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1,
                                XML_ErrorString(XML_GetErrorCode(x->p)));
        return x->rc;
    }
    return x->rc;
}

int isomm__xml_parse_part(isomm__zip *z, const char *part, isomm__xlsx_budget *budget,
                          const isomm__xml_handlers *h, void *userdata, isomm_error *err)
{
    xml_run x;
    int rc;

    memset(&x, 0, sizeof x);
    if (!(x.p = XML_ParserCreateNS(NULL, NS_SEP)))
        return isomm__fail(err, ISOMM_ENOMEM, "out of memory (XML parser)");
    x.part = part;
    x.h = h;
    x.userdata = userdata;
    x.budget = budget;
    x.err = err;
    XML_SetUserData(x.p, &x);
    XML_SetElementHandler(x.p, on_start, on_end);
    XML_SetCharacterDataHandler(x.p, on_text);
    XML_SetStartDoctypeDeclHandler(x.p, on_doctype);
    XML_SetEntityDeclHandler(x.p, on_entity);
    XML_SetParamEntityParsing(x.p, XML_PARAM_ENTITY_PARSING_NEVER);
    rc = isomm__zip_read(z, part, budget, feed, &x, err);
    if (rc == ISOMM_OK && x.rc == ISOMM_OK && XML_Parse(x.p, "", 0, 1) != XML_STATUS_OK)
        rc = isomm__fail(err, ISOMM_EPARSE, "%s:%lu:%lu: malformed XML (%s)", part,
                         (unsigned long)XML_GetCurrentLineNumber(x.p),
                         (unsigned long)XML_GetCurrentColumnNumber(x.p) + 1,
                         XML_ErrorString(XML_GetErrorCode(x.p)));
    if (rc == ISOMM_OK)
        rc = x.rc;
    XML_ParserFree(x.p);
    return rc;
}
