# SPDX-License-Identifier: MIT
"""Exceptions of ``isomm``.

Every failure of the C library arrives as an exception whose class follows the C return code:

* ``Error`` is the root; ``except isomm.Error`` catches everything the library raises.
* ``ParseError`` (also a ``ValueError``) for bad CSV input, with ``.line`` and ``.column``.
* ``UnknownRoleError`` (also a ``KeyError``) for a role or function code that does not exist.
* ``InvalidValueError`` (also a ``ValueError``) for a bad level, sourcing, pattern, date or option,
  or nothing to work on.
* ``FileError`` (also an ``OSError``) when a file cannot be used, with ``.errno`` and
  ``.filename`` where known; ``MissingFileError`` (also a ``FileNotFoundError``) and
  ``FilePermissionError`` (also a ``PermissionError``) for the two usual causes.
* ``ModelError``, ``OutOfMemoryError``.

Every exception pickles with its attributes, so that ``multiprocessing`` and
``concurrent.futures`` carry it from a worker process to the caller.
"""

import builtins
import enum
import errno as _errno
import os

from . import _capi

__all__ = [
    "ErrorCode", "Error", "ParseError", "UnknownRoleError", "InvalidValueError", "FileError",
    "MissingFileError", "FilePermissionError", "ModelError", "OutOfMemoryError",
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
        code: the ``ErrorCode`` of the failing C call.
        message: what went wrong, where, and what was expected.
    """

    def __init__(self, code, message):
        super().__init__(message)
        self.code = ErrorCode(code)
        self.message = message

    def __str__(self):
        return self.message

    def __reduce__(self):
        # Rebuilt from the class, code and message, then every attribute set since (line, errno, …).
        return _rebuild, (type(self), int(self.code), self.message), dict(vars(self))

    @property
    def description(self):
        """The library's fixed English description of ``code`` (``isomm_strerror``)."""
        return _capi.isomm_strerror(int(self.code))


class ParseError(Error, ValueError):
    """Bad input (assessment CSV, model CSV, workbook).

    ``str(e)`` reads ``FILE:LINE:COLUMN: message`` (``<input>`` when the input was no named
    file); a workbook's errors read ``FILE:SHEET!CELL: message`` instead.

    Attributes:
        line: 1-based line of the input where the problem is (the header is line 1); a
            workbook's cell row.
        column: 1-based field number on that line, 0 when the problem is not one field; a
            workbook's cell column.
        filename: the file read (str), or None for text in memory or a stream without a name.
        where: the text ``str(e)`` puts before the message when it is not ``FILE:LINE:COLUMN: ``
            (a workbook's), else None.
    """

    def __init__(self, code, message, line=0, column=0, filename=None, where=None):
        super().__init__(code, message)
        self.line = line
        self.column = column
        self.filename = filename
        self.where = where

    def __str__(self):
        if self.where is not None:
            return self.where + self.message
        return f"{self.filename or '<input>'}:{self.line}:{self.column}: {self.message}"


class UnknownRoleError(Error, KeyError):
    """A role code (``"E-2"``) or function code (``"E"``) that the model does not have."""


class InvalidValueError(Error, ValueError):
    """An argument out of its domain: a level outside 0-5, an unknown sourcing or pattern, a bad
    date, an option out of range, an index out of range."""


class FileError(Error, OSError):
    """A file could not be opened, read, written or renamed.

    Attributes:
        errno: the system error number (``errno.ENOENT`` …) when known, else None.
        filename: the file concerned when known, else None.
    """

    def __init__(self, code, message, errno=None, filename=None):
        super().__init__(code, message)
        self.errno = errno
        self.filename = filename
        self.strerror = os.strerror(errno) if errno else None

    def __str__(self):
        return self.message

    def __reduce__(self):
        state = dict(vars(self), errno=self.errno, filename=self.filename, strerror=self.strerror)
        return _rebuild, (type(self), int(self.code), self.message), state


class MissingFileError(FileError, builtins.FileNotFoundError):
    """The file (or a directory on its path) does not exist; ``errno`` is ``errno.ENOENT``."""


class FilePermissionError(FileError, builtins.PermissionError):
    """The file may not be read or written; ``errno`` is ``errno.EACCES`` or ``errno.EPERM``."""


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


def _rebuild(cls, code, message):
    """Unpickling helper: an exception of ``cls``; pickle then restores its other attributes."""
    return cls(code, message)


def _from_c(code, line, column, message):
    """Exception for a C error record (called by the raw layer when a call fails).

    Codes of malformed input, and any error found at a position of an input, are parse errors.
    """
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    if code in _PARSE_CODES or line > 0:
        return ParseError(code, message, line, column)
    return _CLASS_OF_CODE.get(code, InvalidValueError)(code, message)


_ERRNO_CLASS = {_errno.ENOENT: MissingFileError, _errno.ENOTDIR: MissingFileError,
                _errno.EACCES: FilePermissionError, _errno.EPERM: FilePermissionError}


def _file_error(message, errno, filename):
    """A ``FileError`` (or the subclass for ``errno``) about ``filename``."""
    return _ERRNO_CLASS.get(errno, FileError)(ErrorCode.EIO, message, errno, filename)


def _os_error(exc, filename):
    """The isomm exception for an OSError met while opening ``filename``."""
    return _file_error(f"cannot open '{filename}': {exc.strerror or exc}", exc.errno, filename)


def _located(exc, filename, writing=False):
    """``exc`` with the file it is about: a ParseError gets its filename, a FileError from the C
    library gets the errno found by looking at the file again (the C record carries only text)."""
    if isinstance(exc, ParseError):
        exc.filename = filename
    elif type(exc) is FileError and exc.errno is None and filename is not None:
        number = _probe_errno(filename, writing)
        if number is not None:
            better = _file_error(exc.message, number, filename)
            better.__traceback__ = exc.__traceback__
            return better
        exc.filename = filename
    return exc


def _probe_errno(filename, writing):
    """The errno that explains why ``filename`` could not be read (or written), found by trying
    again; None when the trial finds nothing wrong."""
    if not writing:
        try:
            os.close(os.open(filename, os.O_RDONLY))
        except OSError as e:
            return e.errno
        return None
    directory = os.path.dirname(os.path.abspath(filename))
    if not os.path.isdir(directory):
        return _errno.ENOENT
    if not os.access(directory, os.W_OK) or (os.path.exists(filename) and not os.access(filename, os.W_OK)):
        return _errno.EACCES
    return None
