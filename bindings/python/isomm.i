/* SPDX-License-Identifier: MIT */
/* SWIG interface of libisomm for Python: the raw layer `isomm._capi` (extension `isomm._isomm`).
 *
 * Users never import this module: the package `isomm` (isomm/__init__.py and its submodules)
 * builds the Pythonic API on top of it. This layer only:
 *  - turns every failing return code into the exception chosen by isomm.errors (`isomm_error *err`
 *    arguments are hidden and filled in here);
 *  - returns out-parameters as values and hands ownership of new handles to Python, so each
 *    handle is freed exactly once, by the destructor of the object that owns it;
 *  - releases the GIL only around the calls that do real work (evaluation, CSV, rendering). */
%module(package="isomm", threads="1") _capi

%nothread;

%{
#include <stdio.h>
#include <string.h>

#include "isomm/isomm.h"

/* Raise the exception isomm.errors chooses for a C error record. */
static void isommpy_raise(const isomm_error *e)
{
    PyObject *errors = PyImport_ImportModule("isomm.errors");
    PyObject *exc;

    if (!errors)
        return;
    exc = PyObject_CallMethod(errors, "_from_c", "illy", e->code, e->line, e->column, e->message);
    Py_DECREF(errors);
    if (!exc)
        return;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
}
%}

/* ---- errors: every `isomm_error *err` is hidden; a negative return raises ---- */
%typemap(in, numinputs=0) isomm_error *err (isomm_error temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) isomm_error *err {
    if (result < 0) {
        if (temp$argnum.code == 0) {
            temp$argnum.code = result;
            strncpy(temp$argnum.message, isomm_strerror(result), sizeof temp$argnum.message - 1);
        }
        Py_XDECREF($result);
        $result = NULL;
        isommpy_raise(&temp$argnum);
        SWIG_fail;
    }
}

/* ---- text: a str (or None for NULL) without NUL characters, at which C would cut it ---- */
%typemap(in) const char * (char *buf = NULL, size_t size = 0, int alloc = 0) {
    if ($input != Py_None) {
        int res = SWIG_AsCharPtrAndSize($input, &buf, &size, &alloc);
        if (!SWIG_IsOK(res)) {
            SWIG_exception_fail(SWIG_ArgError(res), "in method '$symname', argument $argnum of type 'const char *'");
        }
        if (buf && strlen(buf) + 1 != size) {
            isomm_error nul = { ISOMM_EINVAL, 0, 0, "text contains a NUL character (expected text without NUL)" };
            isommpy_raise(&nul);
            SWIG_fail;
        }
    }
    $1 = buf;
}
%typemap(freearg) const char * {
    if (alloc$argnum == SWIG_NEWOBJ)
        free(buf$argnum);
}

/* ---- handles: opaque structs whose destructor frees them, so SWIG can own them ---- */
%nodefaultctor isomm_model;
%nodefaultctor isomm_assessment;
%nodefaultctor isomm_result;
%nodefaultctor isomm_csv_reader;
%nodefaultctor isomm_comparison;
%nodefaultctor isomm_aggregate;
struct isomm_model {};
struct isomm_assessment {};
struct isomm_result {};
struct isomm_csv_reader {};
struct isomm_comparison {};
struct isomm_aggregate {};
%extend isomm_model { ~isomm_model() { isomm_model_free($self); } }
%extend isomm_assessment { ~isomm_assessment() { isomm_assessment_free($self); } }
%extend isomm_result { ~isomm_result() { isomm_result_free($self); } }
%extend isomm_csv_reader { ~isomm_csv_reader() { isomm_csv_reader_free($self); } }
%extend isomm_comparison { ~isomm_comparison() { isomm_comparison_free($self); } }
%extend isomm_aggregate { ~isomm_aggregate() { isomm_aggregate_free($self); } }

/* `T **out`: the new handle replaces the (zero) return code and is owned by Python. */
%define ISOMMPY_NEW_HANDLE(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *temp = NULL) { $1 = &temp; }
%typemap(argout) TYPE **out {
    Py_XDECREF($result);
    $result = SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, *$1 ? SWIG_POINTER_OWN : 0);
}
%enddef
ISOMMPY_NEW_HANDLE(isomm_model)
ISOMMPY_NEW_HANDLE(isomm_assessment)
ISOMMPY_NEW_HANDLE(isomm_result)
ISOMMPY_NEW_HANDLE(isomm_csv_reader)
ISOMMPY_NEW_HANDLE(isomm_comparison)
ISOMMPY_NEW_HANDLE(isomm_aggregate)

/* Assessments read from CSV: a list whose items Python owns; the emptied array is freed here. */
%typemap(in, numinputs=0) (isomm_assessment ***out, size_t *count) (isomm_assessment **list = NULL, size_t n = 0) {
    $1 = &list;
    $2 = &n;
}
%typemap(argout) (isomm_assessment ***out, size_t *count) {
    size_t i;
    Py_XDECREF($result);
    $result = PyList_New((Py_ssize_t)*$2);
    for (i = 0; $result && i < *$2; i++) {
        PyObject *item = SWIG_NewPointerObj(SWIG_as_voidptr((*$1)[i]), SWIGTYPE_p_isomm_assessment, SWIG_POINTER_OWN);
        if (!item) {
            Py_CLEAR($result); /* frees the assessments already handed over; the array frees the rest */
            break;
        }
        PyList_SET_ITEM($result, (Py_ssize_t)i, item);
        (*$1)[i] = NULL;
    }
    isomm_assessment_array_free(*$1, *$2);
    if (!$result)
        SWIG_fail;
}

/* A Python sequence of handles passed as a C array (borrowed for the call). */
%define ISOMMPY_HANDLE_ARRAY(TYPE, NAME)
%typemap(in) (TYPE NAME, size_t count) (PyObject *seq = NULL) {
    Py_ssize_t i, n;
    seq = PySequence_Fast($input, "expected a sequence");
    if (!seq)
        SWIG_fail;
    n = PySequence_Fast_GET_SIZE(seq);
    $1 = ($1_ltype)PyMem_Calloc(n ? (size_t)n : 1, sizeof *$1);
    if (!$1) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    $2 = (size_t)n;
    for (i = 0; i < n; i++) {
        void *p = NULL;
        if (!SWIG_IsOK(SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p, $*1_descriptor, 0))) {
            SWIG_exception_fail(SWIG_TypeError, "expected a sequence of handles");
        }
        (($*1_ltype *)$1)[i] = ($*1_ltype)p;
    }
}
%typemap(freearg) (TYPE NAME, size_t count) {
    PyMem_Free((void *)$1);
    Py_XDECREF(seq$argnum);
}
%enddef
ISOMMPY_HANDLE_ARRAY(isomm_assessment *const *, list)
ISOMMPY_HANDLE_ARRAY(const isomm_result *const *, results)

/* Documents rendered by the library come back as bytes; the C buffer is freed here. */
%typemap(in, numinputs=0) (char **out, size_t *len) (char *text = NULL, size_t n = 0) {
    $1 = &text;
    $2 = &n;
}
%typemap(argout) (char **out, size_t *len) {
    Py_XDECREF($result);
    $result = *$1 ? PyBytes_FromStringAndSize(*$1, (Py_ssize_t)*$2) : NULL;
    isomm_free(*$1);
    if (!$result && !PyErr_Occurred())
        $result = SWIG_Py_Void();
    if (!$result)
        SWIG_fail;
}

/* Answers come back as (sourcing, level, note). */
%typemap(in, numinputs=0) isomm_answer *out (isomm_answer temp = { ISOMM_SOURCING_NONE, ISOMM_UNANSWERED, NULL }) {
    $1 = &temp;
}
%typemap(argout) isomm_answer *out {
    Py_XDECREF($result);
    $result = Py_BuildValue("(iiz)", (int)$1->sourcing, $1->level, $1->note);
}

/* Parsers of enums (all take an error record): on success the parsed value replaces the return code. */
%define ISOMMPY_ENUM_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out (TYPE temp = (TYPE)0) { $1 = &temp; }
%typemap(argout) TYPE *out {
    if (result >= 0) {
        Py_XDECREF($result);
        $result = PyLong_FromLong((long)*$1);
    }
}
%enddef
ISOMMPY_ENUM_OUT(isomm_pattern)
ISOMMPY_ENUM_OUT(isomm_sourcing)

/* Counted text arguments take a Python str. */
%apply (char *STRING, size_t LENGTH) { (const char *text, size_t len) };

/* Input documents in memory take any bytes-like object, held for the call. */
%typemap(in) (const char *data, size_t len) (Py_buffer view, int held = 0) {
    if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0)
        SWIG_fail;
    held = 1;
    $1 = ($1_ltype)view.buf;
    $2 = (size_t)view.len;
}
%typemap(freearg) (const char *data, size_t len) {
    if (held$argnum)
        PyBuffer_Release(&view$argnum);
}

%apply double *OUTPUT { double *out };
%apply int *OUTPUT { int *mismatches, int *current_mismatches };
%apply int *OUTPUT { int *improved, int *declined, int *unchanged, int *not_compared };
%apply int *OUTPUT { int *added };

/* Work that may take a while (evaluation, CSV, rendering) runs without the GIL. */
%thread isommpy_evaluate;
%thread isommpy_csv_read_file;
%thread isommpy_csv_read_buffer;
%thread isommpy_csv_write_file;
%thread isommpy_write_file;
%thread isomm_csv_reader_next;
%thread isommpy_aggregate_add_csv_file;
%thread isommpy_report_render;
%thread isommpy_report_render_list;
%thread isommpy_comparison_render;
%thread isommpy_aggregate_render;

/* Handles are freed by their destructors only; options structs are filled in by the helpers below. */
%ignore isomm_model_free;
%ignore isomm_assessment_free;
%ignore isomm_result_free;
%ignore isomm_evaluate;
%ignore isomm_eval_options;
%ignore isomm_error;
%ignore isomm_free;
%ignore isomm_model_find_role_n;
%ignore isomm_sourcing_parse;
%ignore isomm_domain_parse;
%ignore isomm_result_assessment;
%ignore isomm_result_model;
%ignore isomm_assessment_model;
%ignore isomm_csv_reader_free;
%ignore isomm_comparison_free;
%ignore isomm_aggregate_free;
%ignore isomm_comparison_model;
%ignore isomm_aggregate_model;
%ignore isomm_report_options;
%ignore isomm_report_render;
%ignore isomm_report_write;
%ignore isomm_report_render_list;
%ignore isomm_report_write_list;
%ignore isomm_comparison_render;
%ignore isomm_aggregate_render;
%ignore isomm_aggregate_add_csv_file;
%ignore isomm_assessment_array_free;
%ignore isomm_csv_options;
%ignore isomm_csv_read_file;
%ignore isomm_csv_read_fp;
%ignore isomm_csv_read_buffer;
%ignore isomm_csv_reader_open_fp;
%ignore isomm_csv_reader_open_callback;
%ignore isomm_csv_reader_open_file;
%ignore isomm_read_fn;
%ignore isomm_csv_validate_file;
%ignore isomm_csv_validate_fp;
%ignore isomm_csv_validate_buffer;
%ignore isomm_csv_check_file;
%ignore isomm_csv_check_fp;
%ignore isomm_csv_check_buffer;
%ignore isomm_csv_summary;
%ignore isomm_csv_write_file;
%ignore isomm_csv_write_fp;
%ignore isomm_csv_write_buffer;
%ignore isomm_csv_write_template;
%ignore isomm_csv_write_template_buffer;
%ignore isomm_model_write_csv;

%immutable;
#define ISOMM_EXPORT
%include "isomm/common.h"
%include "isomm/model.h"
%include "isomm/assessment.h"
%include "isomm/evaluate.h"
%include "isomm/report.h"
%include "isomm/csv.h"
%include "isomm/compare.h"

%{
/* CSV options from plain values. */
static isomm_csv_options isommpy_csv_options(const isomm_model *model, int encoding, int write_bom,
                                             size_t max_field_bytes, int lang)
{
    isomm_csv_options opts = ISOMM_CSV_OPTIONS_INIT;
    opts.model = model;
    opts.encoding = (isomm_encoding)encoding;
    opts.write_bom = write_bom;
    opts.max_field_bytes = max_field_bytes;
    opts.lang = (isomm_lang)lang;
    return opts;
}

/* Report options from plain values. */
static isomm_report_options isommpy_report_options(int format, int lang)
{
    isomm_report_options opts = ISOMM_REPORT_OPTIONS_INIT;
    opts.format = (isomm_format)format;
    opts.lang = (isomm_lang)lang;
    return opts;
}
%}

%inline %{
/* isomm_sourcing_parse() with an error record naming the text (the C function has none). */
static int isommpy_sourcing_parse(isomm_sourcing *out, const char *text, size_t len, isomm_error *err)
{
    int rc = isomm_sourcing_parse(out, text, len);
    if (rc < 0 && err) {
        err->code = rc;
        snprintf(err->message, sizeof err->message,
                 "unknown sourcing '%.*s' (expected insource, in, インソース, outsource, out, アウトソース)",
                 (int)(len < 200 ? len : 200), text);
    }
    return rc;
}

/* isomm_evaluate() with its options passed as plain values. */
static int isommpy_evaluate(isomm_result **out, const isomm_assessment *a, int strengths, int list_size,
                            isomm_pattern target, isomm_error *err)
{
    isomm_eval_options opts = ISOMM_EVAL_OPTIONS_INIT;
    opts.strengths = strengths;
    opts.list_size = list_size;
    opts.target = target;
    return isomm_evaluate(out, a, &opts, err);
}

/* Every assessment of a CSV file (reading stops at the first error). */
static int isommpy_csv_read_file(isomm_assessment ***out, size_t *count, const char *path, const isomm_model *model,
                                 int encoding, size_t max_field_bytes, isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, 0, max_field_bytes, ISOMM_LANG_JA);
    return isomm_csv_read_file(out, count, path, &opts, err);
}

/* Every assessment of CSV text in memory. */
static int isommpy_csv_read_buffer(isomm_assessment ***out, size_t *count, const char *data, size_t len,
                                   const isomm_model *model, int encoding, size_t max_field_bytes, isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, 0, max_field_bytes, ISOMM_LANG_JA);
    return isomm_csv_read_buffer(out, count, data, len, &opts, err);
}

/* A streaming reader on a file. */
static int isommpy_csv_reader_open(isomm_csv_reader **out, const char *path, const isomm_model *model, int encoding,
                                   size_t max_field_bytes, isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, 0, max_field_bytes, ISOMM_LANG_JA);
    return isomm_csv_reader_open_file(out, path, &opts, err);
}

/* Assessments written to a file (replaced only when the write succeeds). */
static int isommpy_csv_write_file(const char *path, isomm_assessment *const *list, size_t count, int encoding,
                                  int write_bom, isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(NULL, encoding, write_bom, 0, ISOMM_LANG_JA);
    return isomm_csv_write_file(path, list, count, &opts, err);
}

/* A document written to a file through the library's output layer: a temporary file beside it,
 * renamed over it; a link at the path is replaced, never followed. */
static int isommpy_write_file(const char *path, const char *data, size_t len, isomm_error *err)
{
    return isomm_write_file(path, data, len, err);
}

/* Assessments written to memory. */
static int isommpy_csv_write_buffer(char **out, size_t *len, isomm_assessment *const *list, size_t count,
                                    int encoding, int write_bom, isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(NULL, encoding, write_bom, 0, ISOMM_LANG_JA);
    return isomm_csv_write_buffer(out, len, list, count, &opts, err);
}

/* An empty assessment to fill in, with role names in @p lang. */
static int isommpy_csv_template(char **out, size_t *len, const isomm_model *model, int encoding, int write_bom,
                                int lang, isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, write_bom, 0, lang);
    return isomm_csv_write_template_buffer(out, len, &opts, err);
}

/* The problems of a check, gathered without the GIL (the list grows with what is found). */
typedef struct isommpy_problems {
    isomm_error *items;
    size_t count, cap;
    int nomem;
} isommpy_problems;

static int isommpy_keep_problem(void *userdata, const isomm_error *problem)
{
    isommpy_problems *p = userdata;
    if (p->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        isomm_error *items = realloc(p->items, cap * sizeof *items);
        if (!items) {
            p->nomem = 1;
            return 1;
        }
        p->items = items;
        p->cap = cap;
    }
    p->items[p->count++] = *problem;
    return 0;
}

/* Every problem of a CSV text or file (path when not NULL, else data), in one pass, as
 * ([(code, line, column, message), ...], assessments, truncated). max_errors 0 = no limit. A
 * failure of the call itself (file unreadable, bad options) raises. */
static PyObject *isommpy_csv_validate(const char *path, const char *data, size_t len, const isomm_model *model,
                                      int encoding, size_t max_errors)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, 0, 0, ISOMM_LANG_JA);
    isommpy_problems problems = { NULL, 0, 0, 0 };
    isomm_csv_summary summary;
    isomm_error err;
    PyObject *list, *result;
    size_t i;
    int rc;

    memset(&err, 0, sizeof err);
    Py_BEGIN_ALLOW_THREADS
    rc = path ? isomm_csv_check_file(path, &opts, max_errors, isommpy_keep_problem, &problems, &summary, &err)
              : isomm_csv_check_buffer(data, len, &opts, max_errors, isommpy_keep_problem, &problems, &summary, &err);
    Py_END_ALLOW_THREADS
    if (problems.nomem) {
        free(problems.items);
        return PyErr_NoMemory();
    }
    if (rc < 0 && problems.count == 0) {
        free(problems.items);
        isommpy_raise(&err);
        return NULL;
    }
    list = PyList_New((Py_ssize_t)problems.count);
    for (i = 0; list && i < problems.count; i++) {
        const isomm_error *e = &problems.items[i];
        PyObject *item = Py_BuildValue("(illy)", e->code, e->line, e->column, e->message);
        if (!item) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    free(problems.items);
    if (!list)
        return NULL;
    result = Py_BuildValue("(Nni)", list, (Py_ssize_t)summary.assessments, summary.truncated);
    return result;
}

/* One result rendered as a document, with an optional second radar series. */
static int isommpy_report_render(char **out, size_t *len, const isomm_result *r, int format, int lang,
                                 const isomm_result *second, const char *second_label, isomm_error *err)
{
    isomm_report_options opts = isommpy_report_options(format, lang);
    opts.second = second;
    opts.second_label = second_label;
    return isomm_report_render(out, len, r, &opts, err);
}

/* Several results rendered as one document. */
static int isommpy_report_render_list(char **out, size_t *len, const isomm_result *const *results, size_t count,
                                      int format, int lang, isomm_error *err)
{
    isomm_report_options opts = isommpy_report_options(format, lang);
    return isomm_report_render_list(out, len, results, count, &opts, err);
}

/* Every assessment of a CSV file folded into an aggregate, all or nothing; *added receives how many. */
static int isommpy_aggregate_add_csv_file(isomm_aggregate *ag, const char *path, const isomm_model *model,
                                          int encoding, size_t max_field_bytes, int *added, isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, 0, max_field_bytes, ISOMM_LANG_JA);
    return isomm_aggregate_add_csv_file(ag, path, &opts, added, err);
}

/* A comparison rendered as a document. */
static int isommpy_comparison_render(char **out, size_t *len, const isomm_comparison *c, int format, int lang,
                                     isomm_error *err)
{
    isomm_report_options opts = isommpy_report_options(format, lang);
    return isomm_comparison_render(out, len, c, &opts, err);
}

/* An aggregate rendered as a document. */
static int isommpy_aggregate_render(char **out, size_t *len, const isomm_aggregate *ag, int format, int lang,
                                    isomm_error *err)
{
    isomm_report_options opts = isommpy_report_options(format, lang);
    return isomm_aggregate_render(out, len, ag, &opts, err);
}
%}

/* ---- the workbook (isomm/xlsx.h): reading, the template, the report. Self-contained: the options
 * struct stays hidden; the helpers below take plain values. ---- */
%thread isommpy_xlsx_read_file;
%thread isommpy_xlsx_read_buffer;
%thread isommpy_xlsx_write_template;
%thread isommpy_xlsx_write_report;

%{
/* Workbook options from plain values. */
static isomm_xlsx_options isommpy_xlsx_options(const isomm_model *model, int lang, size_t max_inflated_bytes,
                                               size_t max_elements)
{
    isomm_xlsx_options opts = ISOMM_XLSX_OPTIONS_INIT;
    opts.model = model;
    opts.lang = (isomm_lang)lang;
    opts.max_inflated_bytes = max_inflated_bytes;
    opts.max_elements = max_elements;
    return opts;
}
%}

%inline %{
/* Every assessment of a workbook file (reading stops at the first error). */
static int isommpy_xlsx_read_file(isomm_assessment ***out, size_t *count, const char *path, const isomm_model *model,
                                  size_t max_inflated_bytes, size_t max_elements, isomm_error *err)
{
    isomm_xlsx_options opts = isommpy_xlsx_options(model, ISOMM_LANG_JA, max_inflated_bytes, max_elements);
    return isomm_xlsx_read_file(out, count, path, &opts, err);
}

/* Every assessment of a workbook in memory. */
static int isommpy_xlsx_read_buffer(isomm_assessment ***out, size_t *count, const char *data, size_t len,
                                    const isomm_model *model, size_t max_inflated_bytes, size_t max_elements,
                                    isomm_error *err)
{
    isomm_xlsx_options opts = isommpy_xlsx_options(model, ISOMM_LANG_JA, max_inflated_bytes, max_elements);
    return isomm_xlsx_read_buffer(out, count, data, len, &opts, err);
}

/* The self-check template written to a file. */
static int isommpy_xlsx_write_template(const char *path, const isomm_model *model, int lang, isomm_error *err)
{
    isomm_xlsx_options opts = isommpy_xlsx_options(model, lang, 0, 0);
    return isomm_xlsx_write_template(path, &opts, err);
}

/* The report workbook of several results written to a file. */
static int isommpy_xlsx_write_report(const char *path, const isomm_result *const *results, size_t count, int lang,
                                     isomm_error *err)
{
    isomm_xlsx_options opts = isommpy_xlsx_options(NULL, lang, 0, 0);
    return isomm_xlsx_write_report(path, results, count, &opts, err);
}
%}

/* ==== Python for analysts (issue 14): frames, streams, saved aggregates ===================== */

%ignore isommpy_frame_columns;
%ignore isomm_frame_read;
%ignore isomm_frame_read_file;
%ignore isomm_frame_free;
%ignore isomm_frame_get_kind;
%ignore isomm_frame_assessments;
%ignore isomm_frame_meta;
%ignore isomm_frame_patterns;
%ignore isomm_frame_maturity;
%ignore isomm_frame_overall;
%ignore isomm_frame_unanswered;
%ignore isomm_frame_levels;
%ignore isomm_frame_sourcings;
%ignore isomm_frame_notes;
%include "isomm/frame.h"

%{
/* Input callback of a reader on a Python object: `source.read(cap)` returns at most cap bytes
 * (b"" at the end). The object (isomm.csvio._ByteSource) catches its own exceptions and returns
 * None for them, so no Python error is left pending here; None becomes a read error. */
static long isommpy_read_source(void *userdata, char *buf, size_t cap)
{
    PyGILState_STATE state = PyGILState_Ensure();
    PyObject *data = PyObject_CallMethod((PyObject *)userdata, "read", "n", (Py_ssize_t)cap);
    long n = -1;
    if (data && PyBytes_Check(data) && (size_t)PyBytes_GET_SIZE(data) <= cap) {
        n = (long)PyBytes_GET_SIZE(data);
        memcpy(buf, PyBytes_AS_STRING(data), (size_t)n);
    }
    Py_XDECREF(data);
    PyErr_Clear();
    PyGILState_Release(state);
    return n;
}

/* A list of the n texts of a frame column (None where absent). */
static PyObject *isommpy_text_list(const char *block, const int64_t *off, size_t n)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    size_t i;
    for (i = 0; list && i < n; i++) {
        PyObject *item;
        if (off[i] < 0) {
            Py_INCREF(Py_None);
            item = Py_None;
        } else {
            const char *s = block + off[i];
            item = PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
        }
        if (!item) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    return list;
}

/* Store value under key in dict, dropping the reference; 0 on failure. */
static int isommpy_put(PyObject *dict, const char *key, PyObject *value)
{
    int ok = value && PyDict_SetItemString(dict, key, value) == 0;
    Py_XDECREF(value);
    return ok;
}

static PyObject *isommpy_array(const void *data, size_t n, size_t size)
{
    return PyBytes_FromStringAndSize(data ? (const char *)data : "", (Py_ssize_t)(n * size));
}
%}

%inline %{
/* A streaming reader on a Python object with `read(cap)` (see isommpy_read_source), which the
 * caller keeps alive as long as the reader. */
static int isommpy_csv_reader_open_source(isomm_csv_reader **out, PyObject *source, const isomm_model *model,
                                          int encoding, size_t max_field_bytes, isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, 0, max_field_bytes, ISOMM_LANG_JA);
    return isomm_csv_reader_open_callback(out, isommpy_read_source, source, &opts, err);
}

/* A frame's columns as a dict (the frame is freed here): "n", "meta" (four lists of str/None:
 * id, organization, assessor, date), "current" and "target" (int8 bytes), and for results
 * "maturity" (nine float64 columns one after another), "overall" (float64), "unanswered"
 * (int8), for answers "level", "sourcing" (int8, n * 54) and "note" (list of str/None). */
static PyObject *isommpy_frame_columns(isomm_frame *f, int kind)
{
    PyObject *d, *meta;
    const int64_t *off;
    const char *block;
    size_t n, rows;
    int i, ok;

    n = isomm_frame_assessments(f);
    rows = n * ISOMM_ROLE_COUNT;
    d = PyDict_New();
    meta = PyList_New(ISOMM_META_COUNT);
    ok = d && meta && isommpy_put(d, "n", PyLong_FromSize_t(n));
    for (i = 0; ok && i < ISOMM_META_COUNT; i++) {
        PyObject *col;
        block = isomm_frame_meta(f, (isomm_meta)i, &off);
        col = isommpy_text_list(block, off, n);
        ok = col != NULL;
        if (ok)
            PyList_SET_ITEM(meta, i, col);
    }
    if (ok) {
        Py_INCREF(meta);
        ok = isommpy_put(d, "meta", meta) &&
             isommpy_put(d, "current", isommpy_array(isomm_frame_patterns(f, 1), n, 1)) &&
             isommpy_put(d, "target", isommpy_array(isomm_frame_patterns(f, 0), n, 1));
    }
    if (ok && kind == ISOMM_FRAME_RESULTS) {
        PyObject *mat = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(n * ISOMM_FUNCTION_COUNT * sizeof(double)));
        ok = mat != NULL;
        for (i = 0; ok && i < ISOMM_FUNCTION_COUNT; i++)
            if (n)
                memcpy(PyBytes_AS_STRING(mat) + (size_t)i * n * sizeof(double), isomm_frame_maturity(f, i),
                       n * sizeof(double));
        ok = ok && isommpy_put(d, "maturity", mat) &&
             isommpy_put(d, "overall", isommpy_array(isomm_frame_overall(f), n, sizeof(double))) &&
             isommpy_put(d, "unanswered", isommpy_array(isomm_frame_unanswered(f), n, 1));
    } else if (ok) {
        block = isomm_frame_notes(f, &off);
        ok = isommpy_put(d, "level", isommpy_array(isomm_frame_levels(f), rows, 1)) &&
             isommpy_put(d, "sourcing", isommpy_array(isomm_frame_sourcings(f), rows, 1)) &&
             isommpy_put(d, "note", isommpy_text_list(block, off, rows));
    }
    Py_XDECREF(meta);
    isomm_frame_free(f);
    if (!ok) {
        Py_XDECREF(d);
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    }
    return d;
}

/* Every remaining assessment of a reader as the columns of isommpy_frame_columns
 * (isomm_frame_read, without the GIL). */
static PyObject *isommpy_frame(isomm_csv_reader *rd, int kind, int target)
{
    isomm_frame *f = NULL;
    isomm_error err;
    int rc;

    memset(&err, 0, sizeof err);
    Py_BEGIN_ALLOW_THREADS
    rc = isomm_frame_read(&f, rd, (isomm_frame_kind)kind, (isomm_pattern)target, &err);
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        if (!PyErr_Occurred())
            isommpy_raise(&err);
        return NULL;
    }
    return isommpy_frame_columns(f, kind);
}

/* The same for a file (isomm_frame_read_file: two threads on a large regular file). */
static PyObject *isommpy_frame_file(const char *path, const isomm_model *model, int encoding, size_t max_field_bytes,
                                    int kind, int target)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, 0, max_field_bytes, ISOMM_LANG_JA);
    isomm_frame *f = NULL;
    isomm_error err;
    int rc;

    memset(&err, 0, sizeof err);
    Py_BEGIN_ALLOW_THREADS
    rc = isomm_frame_read_file(&f, path, &opts, (isomm_frame_kind)kind, (isomm_pattern)target, &err);
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        isommpy_raise(&err);
        return NULL;
    }
    return isommpy_frame_columns(f, kind);
}
%}

%inline %{
/* from_frame's rows, filled into new assessments in one call. Every row r gives
 * handles[assessment[r]] the answer (role[r], sourcing[r], level[r], notes[r]): role an index
 * 0..53, sourcing an ::isomm_sourcing (0 = missing), level an int32 (INT32_MIN = missing),
 * notes a list of str/None or None. Both missing makes the role unanswered (keeping a note);
 * one missing, or a value the library refuses, raises with "row N: " before the message. */
static PyObject *isommpy_fill_rows(PyObject *handles, PyObject *assessment, PyObject *role, PyObject *sourcing,
                                   PyObject *level, PyObject *notes)
{
    Py_buffer views[4];
    PyObject *const buffers[4] = { assessment, role, sourcing, level };
    const Py_ssize_t sizes[4] = { 4, 1, 1, 4 };
    isomm_assessment **list = NULL;
    Py_ssize_t count, rows = -1, i;
    PyObject *result = NULL;
    int held = 0;

    if (!PyList_Check(handles) || (notes != Py_None && !PyList_Check(notes))) {
        PyErr_SetString(PyExc_TypeError, "isommpy_fill_rows: handles and notes must be lists");
        return NULL;
    }
    for (; held < 4; held++) {
        if (PyObject_GetBuffer(buffers[held], &views[held], PyBUF_SIMPLE) < 0)
            goto done;
        if (views[held].len % sizes[held] || (rows >= 0 && views[held].len / sizes[held] != rows)) {
            held++;
            PyErr_SetString(PyExc_ValueError, "isommpy_fill_rows: columns of different lengths");
            goto done;
        }
        rows = views[held].len / sizes[held];
    }
    if (notes != Py_None && PyList_GET_SIZE(notes) != rows) {
        PyErr_SetString(PyExc_ValueError, "isommpy_fill_rows: notes and rows differ in length");
        goto done;
    }
    count = PyList_GET_SIZE(handles);
    if (!(list = PyMem_Calloc(count ? (size_t)count : 1, sizeof *list))) {
        PyErr_NoMemory();
        goto done;
    }
    for (i = 0; i < count; i++) {
        void *p = NULL;
        if (!SWIG_IsOK(SWIG_ConvertPtr(PyList_GET_ITEM(handles, i), &p, SWIGTYPE_p_isomm_assessment, 0))) {
            PyErr_SetString(PyExc_TypeError, "isommpy_fill_rows: expected assessment handles");
            goto done;
        }
        list[i] = (isomm_assessment *)p;
    }
    for (i = 0; i < rows; i++) {
        const int32_t who = ((const int32_t *)views[0].buf)[i], lv = ((const int32_t *)views[3].buf)[i];
        const int r = ((const int8_t *)views[1].buf)[i], s = ((const int8_t *)views[2].buf)[i];
        const char *note = NULL, *code;
        isomm_error err;
        isomm_assessment *a;
        int rc;

        if (who < 0 || who >= count || r < 0 || r >= ISOMM_ROLE_COUNT) {
            PyErr_SetString(PyExc_ValueError, "isommpy_fill_rows: assessment or role index out of range");
            goto done;
        }
        a = list[who];
        code = isomm_model_role(isomm_assessment_model(a), r)->code;
        if (notes != Py_None && PyList_GET_ITEM(notes, i) != Py_None) {
            PyObject *text = PyList_GET_ITEM(notes, i);
            Py_ssize_t len;
            if (!PyUnicode_Check(text)) {
                PyErr_Format(PyExc_TypeError, "row %zd: note must be a str, not %s", i, Py_TYPE(text)->tp_name);
                goto done;
            }
            if (!(note = PyUnicode_AsUTF8AndSize(text, &len)))
                goto done;
            if ((size_t)len != strlen(note)) {
                isomm_error nul = { ISOMM_EINVAL, 0, 0, "" };
                snprintf(nul.message, sizeof nul.message, "row %zd: text contains a NUL character (expected text "
                         "without NUL)", i);
                isommpy_raise(&nul);
                goto done;
            }
        }
        memset(&err, 0, sizeof err);
        if (s == ISOMM_SOURCING_NONE && lv == INT32_MIN) {
            rc = isomm_assessment_clear(a, code, &err);
            if (rc == ISOMM_OK && note && *note)
                rc = isomm_assessment_set_note(a, code, note, &err);
        } else if (s == ISOMM_SOURCING_NONE || lv == INT32_MIN) {
            rc = err.code = s == ISOMM_SOURCING_NONE ? ISOMM_ESOURCING : ISOMM_ELEVEL;
            snprintf(err.message, sizeof err.message, "role %s has %s (expected both, or neither for unanswered)",
                     code, s == ISOMM_SOURCING_NONE ? "no sourcing" : "no level");
        } else {
            rc = isomm_assessment_set_index(a, r, (isomm_sourcing)s, lv, note, &err);
        }
        if (rc < 0) {
            char message[sizeof err.message + 32];
            if (!err.code)
                err.code = rc;
            snprintf(message, sizeof message, "row %zd: %s", i, err.message);
            memcpy(err.message, message, sizeof err.message - 1); /* a cut character decodes as U+FFFD */
            err.message[sizeof err.message - 1] = '\0';
            isommpy_raise(&err);
            goto done;
        }
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    while (held-- > 0)
        PyBuffer_Release(&views[held]);
    PyMem_Free(list);
    return result;
}
%}

/* ==== Populations and benchmarks (issue 16): isomm/population.h ========================== */

%include <stdint.i>

%nodefaultctor isomm_population;
%nodefaultctor isomm_benchmark;
struct isomm_population {};
struct isomm_benchmark {};
%extend isomm_population { ~isomm_population() { isomm_population_free($self); } }
%extend isomm_benchmark { ~isomm_benchmark() { isomm_benchmark_free($self); } }
ISOMMPY_NEW_HANDLE(isomm_population)
ISOMMPY_NEW_HANDLE(isomm_benchmark)
ISOMMPY_HANDLE_ARRAY(const isomm_benchmark *const *, list)
%apply unsigned long long *OUTPUT { unsigned long long *added };

%thread isommpy_population_add_csv_file;
%thread isommpy_population_load;
%thread isommpy_population_load_buffer;
%thread isommpy_population_save;
%thread isommpy_population_benchmark;
%thread isommpy_benchmark_render;

/* Only the wrappers below and the struct readers are exposed; handles are freed by destructors. */
%ignore isomm_population_free;
%ignore isomm_benchmark_free;
%ignore isomm_population_model;
%ignore isomm_benchmark_model;
%ignore isomm_population_add_csv_reader;
%ignore isomm_population_add_csv_file;
%ignore isomm_population_function_value;
%ignore isomm_population_overall_value;
%ignore isomm_population_load;
%ignore isomm_population_load_buffer;
%ignore isomm_population_save;
%ignore isomm_population_to_json;
%ignore isomm_population_benchmark;
%ignore isomm_benchmark_options;
%ignore isomm_benchmark_render;
%include "isomm/population.h"

%inline %{
/* Every assessment of a CSV file added to a population, all or nothing; *added receives how many. */
static int isommpy_population_add_csv_file(isomm_population *p, const char *path, const isomm_model *model,
                                           int encoding, size_t max_field_bytes, unsigned long long *added,
                                           isomm_error *err)
{
    isomm_csv_options opts = isommpy_csv_options(model, encoding, 0, max_field_bytes, ISOMM_LANG_JA);
    uint64_t n = 0;
    int rc = isomm_population_add_csv_file(p, path, &opts, &n, err);
    *added = (unsigned long long)n;
    return rc;
}

/* A population file read from a path or from bytes. */
static int isommpy_population_load(isomm_population **out, const char *path, const isomm_model *model,
                                   isomm_error *err)
{
    return isomm_population_load(out, path, model, err);
}

static int isommpy_population_load_buffer(isomm_population **out, const char *data, size_t len,
                                          const isomm_model *model, isomm_error *err)
{
    return isomm_population_load_buffer(out, data, len, model, err);
}

/* The population file, to a path or as bytes. */
static int isommpy_population_save(const isomm_population *p, const char *path, isomm_error *err)
{
    return isomm_population_save(p, path, err);
}

static int isommpy_population_to_json(char **out, size_t *len, const isomm_population *p, isomm_error *err)
{
    return isomm_population_to_json(out, len, p, err);
}

/* Every count of a population as plain data:
 * (count, ((without_maturity, ((numerator, denominator, count), ...)), ... nine functions),
 *  (without_maturity, ((hundredths, count), ...)),
 *  ((unanswered, (insource 0..5), (outsource 0..5)), ... 54 roles)) */
static PyObject *isommpy_population_counts(const isomm_population *p)
{
    PyObject *functions = PyTuple_New(ISOMM_FUNCTION_COUNT), *overall = NULL, *roles = PyTuple_New(ISOMM_ROLE_COUNT);
    PyObject *values, *result = NULL;
    int f, i, n;

    if (!functions || !roles)
        goto done;
    for (f = 0; f < ISOMM_FUNCTION_COUNT; f++) {
        n = isomm_population_function_value_count(p, f);
        if (!(values = PyTuple_New(n)))
            goto done;
        for (i = 0; i < n; i++) {
            int num = 0, den = 1;
            uint64_t count = 0;
            isomm_population_function_value(p, f, i, &num, &den, &count);
            PyTuple_SET_ITEM(values, i, Py_BuildValue("(iiK)", num, den, (unsigned long long)count));
        }
        PyTuple_SET_ITEM(functions, f, Py_BuildValue("(KN)", (unsigned long long)isomm_population_function_none(p, f),
                                                     values));
    }
    n = isomm_population_overall_value_count(p);
    if (!(values = PyTuple_New(n)))
        goto done;
    for (i = 0; i < n; i++) {
        int h = 0;
        uint64_t count = 0;
        isomm_population_overall_value(p, i, &h, &count);
        PyTuple_SET_ITEM(values, i, Py_BuildValue("(iK)", h, (unsigned long long)count));
    }
    overall = Py_BuildValue("(KN)", (unsigned long long)isomm_population_overall_none(p), values);
    for (i = 0; i < ISOMM_ROLE_COUNT; i++) {
        const isomm_role_counts *rc = isomm_population_role(p, i);
        PyTuple_SET_ITEM(roles, i, Py_BuildValue("(K(KKKKKK)(KKKKKK))", (unsigned long long)rc->unanswered,
            (unsigned long long)rc->insource[0], (unsigned long long)rc->insource[1],
            (unsigned long long)rc->insource[2], (unsigned long long)rc->insource[3],
            (unsigned long long)rc->insource[4], (unsigned long long)rc->insource[5],
            (unsigned long long)rc->outsource[0], (unsigned long long)rc->outsource[1],
            (unsigned long long)rc->outsource[2], (unsigned long long)rc->outsource[3],
            (unsigned long long)rc->outsource[4], (unsigned long long)rc->outsource[5]));
    }
    if (overall)
        result = Py_BuildValue("(KOOO)", (unsigned long long)isomm_population_count(p), functions, overall, roles);
done:
    Py_XDECREF(functions);
    Py_XDECREF(overall);
    Py_XDECREF(roles);
    return result;
}

/* One assessment benchmarked against a population with a minimum size. */
static int isommpy_population_benchmark(isomm_benchmark **out, const isomm_population *p, const isomm_assessment *a,
                                        unsigned long long min_size, isomm_error *err)
{
    isomm_benchmark_options opts = ISOMM_BENCHMARK_OPTIONS_INIT;
    opts.min_size = (uint64_t)min_size;
    return isomm_population_benchmark(out, p, a, &opts, err);
}

/* The quartiles of a benchmark line as a tuple (lower, median, upper). */
static PyObject *isommpy_benchmark_quartiles(const isomm_benchmark_value *v)
{
    return Py_BuildValue("(ddd)", v->quartiles[0], v->quartiles[1], v->quartiles[2]);
}

/* Benchmarks rendered as one document. */
static int isommpy_benchmark_render(char **out, size_t *len, const isomm_benchmark *const *list, size_t count,
                                    int format, int lang, isomm_error *err)
{
    isomm_report_options opts = isommpy_report_options(format, lang);
    return isomm_benchmark_render(out, len, list, count, &opts, err);
}
%}
