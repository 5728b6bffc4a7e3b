# SPDX-License-Identifier: MIT
"""The exception hierarchy: one root, C codes mapped to Python's usual exception types."""

import pytest

import isomm
from isomm import errors


def test_every_exception_derives_from_error():
    for cls in (isomm.ParseError, isomm.UnknownRoleError, isomm.InvalidValueError, isomm.FileError,
                isomm.ModelError, isomm.OutOfMemoryError):
        assert issubclass(cls, isomm.Error) and issubclass(cls, Exception)
    assert issubclass(isomm.ParseError, ValueError)
    assert issubclass(isomm.UnknownRoleError, KeyError)
    assert issubclass(isomm.InvalidValueError, ValueError)
    assert issubclass(isomm.FileError, OSError)
    assert issubclass(isomm.OutOfMemoryError, MemoryError)


def test_error_codes_match_the_c_library():
    assert isomm.ErrorCode.EINVAL == -1 and isomm.ErrorCode.ERANGE == -18
    assert len(isomm.ErrorCode) == 18


@pytest.mark.parametrize("code, cls", [
    ("EINVAL", isomm.InvalidValueError), ("ENOMEM", isomm.OutOfMemoryError), ("EROLE", isomm.UnknownRoleError),
    ("ELEVEL", isomm.InvalidValueError), ("ESOURCING", isomm.InvalidValueError),
    ("EPATTERN", isomm.InvalidValueError), ("EDATE", isomm.InvalidValueError),
    ("EOPTIONS", isomm.InvalidValueError), ("EPARSE", isomm.ParseError), ("EHEADER", isomm.ParseError),
    ("EDUPLICATE", isomm.ParseError), ("ECONFLICT", isomm.ParseError), ("ELIMIT", isomm.ParseError),
    ("EENCODING", isomm.ParseError), ("EIO", isomm.FileError), ("EMODEL", isomm.ModelError),
    ("EEMPTY", isomm.InvalidValueError), ("ERANGE", isomm.InvalidValueError),
])
def test_each_code_has_its_class(code, cls):
    e = errors._from_c(isomm.ErrorCode[code], 0, 0, b"what happened")
    assert type(e) is cls
    assert e.code is isomm.ErrorCode[code]
    assert e.message == "what happened"
    assert str(e) == ("<input>:0:0: what happened" if cls is isomm.ParseError else "what happened")
    assert e.description == isomm._capi.isomm_strerror(int(e.code))


def test_value_error_at_a_position_is_a_parse_error():
    e = errors._from_c(isomm.ErrorCode.ELEVEL, 7, 9, b"line 7, column level: 9 is not 0-5")
    assert type(e) is isomm.ParseError
    assert (e.line, e.column, e.code) == (7, 9, isomm.ErrorCode.ELEVEL)
    e = errors._from_c(isomm.ErrorCode.EEMPTY, 2, 0, b"no data rows after the header")
    assert type(e) is isomm.ParseError and e.line == 2


def test_message_cut_inside_a_character_is_still_readable():
    e = errors._from_c(isomm.ErrorCode.EPARSE, 2, 1, "役割".encode()[:-1])
    assert e.message.startswith("役")


def test_error_description():
    with pytest.raises(isomm.Error) as info:
        isomm.Assessment().set("A-1", "in", 9)
    assert info.value.description == "level out of range 0-5"
