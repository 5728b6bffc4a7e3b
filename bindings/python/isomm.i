/* SWIG interface of libisomm for Python: the raw layer `isomm._capi` (extension `isomm._isomm`).
 *
 * Users never import this module: the package `isomm` (isomm/__init__.py and its submodules)
 * builds the Pythonic API on top of it. This layer only:
 *  - turns every failing return code into the exception chosen by isomm.errors (`isomm_error *err`
 *    arguments are hidden and filled in here);
 *  - returns out-parameters as values and hands ownership of new handles to Python, so each
 *    handle is freed exactly once, by the destructor of the object that owns it;
 *  - releases the GIL only around the calls that do real work (evaluation, CSV reading). */
%module(package="isomm", threads="1") _capi

%nothread;

%{
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

/* ---- handles: opaque structs whose destructor frees them, so SWIG can own them ---- */
%nodefaultctor isomm_model;
%nodefaultctor isomm_assessment;
%nodefaultctor isomm_result;
struct isomm_model {};
struct isomm_assessment {};
struct isomm_result {};
%extend isomm_model { ~isomm_model() { isomm_model_free($self); } }
%extend isomm_assessment { ~isomm_assessment() { isomm_assessment_free($self); } }
%extend isomm_result { ~isomm_result() { isomm_result_free($self); } }

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

/* Answers come back as (sourcing, level, note). */
%typemap(in, numinputs=0) isomm_answer *out (isomm_answer temp) { $1 = &temp; }
%typemap(argout) isomm_answer *out {
    Py_XDECREF($result);
    $result = Py_BuildValue("(iiz)", (int)$1->sourcing, $1->level, $1->note);
}

/* Parsers of enums: the parsed value replaces the return code. */
%define ISOMMPY_ENUM_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out (TYPE temp) { $1 = &temp; }
%typemap(argout) TYPE *out {
    Py_XDECREF($result);
    $result = PyLong_FromLong((long)*$1);
}
%enddef
ISOMMPY_ENUM_OUT(isomm_pattern)
ISOMMPY_ENUM_OUT(isomm_sourcing)
ISOMMPY_ENUM_OUT(isomm_domain)

/* Counted text arguments take a Python str. */
%apply (char *STRING, size_t LENGTH) { (const char *text, size_t len) };

%apply double *OUTPUT { double *out };
%apply int *OUTPUT { int *mismatches, int *current_mismatches };

/* Work that may take a while runs without the GIL. */
%thread isommpy_evaluate;

/* Handles are freed by their destructors only; options structs are filled in by the helpers below. */
%ignore isomm_model_free;
%ignore isomm_assessment_free;
%ignore isomm_result_free;
%ignore isomm_evaluate;
%ignore isomm_eval_options;
%ignore isomm_error;
%ignore isomm_free;
%ignore isomm_model_find_role_n;
%ignore isomm_result_assessment;
%ignore isomm_result_model;
%ignore isomm_assessment_model;

%immutable;
#define ISOMM_EXPORT
%include "isomm/common.h"
%include "isomm/model.h"
%include "isomm/assessment.h"
%include "isomm/evaluate.h"

%inline %{
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
%}
