# SPDX-License-Identifier: MIT
"""Exceptions of :mod:`isomm`.

Every failure of the C library arrives as an exception whose class follows the C return code:

* :class:`Error` is the root; ``except isomm.Error`` catches everything the library raises.
* :class:`ParseError` (also a :class:`ValueError`) for bad CSV input, with ``.line`` and ``.column``.
* :class:`UnknownRoleError` (also a :class:`KeyError`) for a role or function code that does not exist.
* :class:`InvalidValueError` (also a :class:`ValueError`) for a bad level, sourcing, pattern, date or option,
  or nothing to work on.
* :class:`FileError` (also an :class:`OSError`), :class:`ModelError`, :class:`OutOfMemoryError`.
"""

import enum

from . import _capi

__all__ = [
    "ErrorCode", "Error", "ParseError", "UnknownRoleError", "InvalidValueError", "FileError",
    "ModelError", "OutOfMemoryError",
]

_CODE_NAMES = (
    "EINVAL", "ENOMEM", "EROLE", "ELEVEL", "ESOURCING", "EPATTERN", "EDATE", "EOPTIONS", "EPARSE",
    "EHEADER", "EDUPLICATE", "ECONFLICT", "ELIMIT", "EENCODING", "EIO", "EMODEL", "EEMPTY", "ERANGE",
)

ErrorCode = enum.IntEnum("ErrorCode", [(name, getattr(_capi, "ISOMM_" + name)) for name in _CODE_NAMES],
                         module=__name__)
ErrorCode.__doc__ = """The C library's return codes (``isomm_code``), e.g. ``ErrorCode.ELEVEL == -4``."""


class Error(Exception):
    """Root of every exception raised by isomm.

    Attributes:
        code: the :class:`ErrorCode` of the failing C call.
        message: what went wrong, where, and what was expected.
    """

    def __init__(self, code, message):
        super().__init__(message)
        self.code = ErrorCode(code)
        self.message = message

    def __str__(self):
        return self.message

    @property
    def description(self):
        """The library's fixed English description of :attr:`code` (``isomm_strerror``)."""
        return _capi.isomm_strerror(int(self.code))


class ParseError(Error, ValueError):
    """Bad CSV input (assessment or model file).

    Attributes:
        line: 1-based line of the input where the problem is (the header is line 1).
        column: 1-based field number on that line, 0 when the problem is not one field.
    """

    def __init__(self, code, message, line, column):
        super().__init__(code, message)
        self.line = line
        self.column = column


class UnknownRoleError(Error, KeyError):
    """A role code (``"E-2"``) or function code (``"E"``) that the model does not have."""


class InvalidValueError(Error, ValueError):
    """An argument out of its domain: a level outside 0-5, an unknown sourcing or pattern, a bad
    date, an option out of range, an index out of range."""


class FileError(Error, OSError):
    """A file could not be opened, read, written or renamed."""


class ModelError(Error):
    """A model is invalid, or objects built on different models were mixed."""


class OutOfMemoryError(Error, MemoryError):
    """The C library could not allocate memory."""


# Codes that only malformed input produces. EEMPTY is one when it has a position (a CSV without
# data rows); without one (nothing to render) it is a bad argument.
_PARSE_CODES = frozenset(ErrorCode[name] for name in
                         ("EPARSE", "EHEADER", "EDUPLICATE", "ECONFLICT", "ELIMIT", "EENCODING"))

_CLASS_OF_CODE = {
    ErrorCode.EROLE: UnknownRoleError,
    ErrorCode.EIO: FileError,
    ErrorCode.EMODEL: ModelError,
    ErrorCode.ENOMEM: OutOfMemoryError,
}


def _from_c(code, line, column, message):
    """Exception for a C error record (called by the raw layer when a call fails).

    Codes of malformed input, and any error found at a position of an input, are parse errors.
    """
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    if code in _PARSE_CODES or line > 0:
        return ParseError(code, message, line, column)
    return _CLASS_OF_CODE.get(code, InvalidValueError)(code, message)
