# SPDX-License-Identifier: MIT
"""Display options of the package: ``isomm.options.lang`` and the size limit of aggregate views.

``isomm.options`` is the one instance of ``Options``. Its settings apply where a call does
not name its own (``r.render("html", lang="ja")`` always wins). They are plain attributes of
one object shared by every thread of the process: set them once, at the start of a notebook or
program, not from several threads at a time.
"""

import os

__all__ = ["Options", "options"]

_LANGS = ("ja", "en")


def _lang_from_environment(environ):
    """``"ja"`` when the first of LC_ALL, LC_MESSAGES, LANG that is set names Japanese, else
    ``"en"`` (the environment is read, never the process locale, so that output does not change
    when a program calls setlocale)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


class Options:
    """Settings used where a call names none.

    Attributes:
        lang: ``"ja"`` or ``"en"``: language of notebook views, ``Result.render``,
            ``Result.to_dict``, ``csv_template`` … when their ``lang`` is None. The
            default follows the environment's locale variables (Japanese for ``ja_*``), else English.
        heatmap_max_assessments: an aggregate's notebook view draws the heat map of recorded
            assessments only up to this many assessments; larger aggregates show a table of the
            role statistics instead, which keeps the page small.
    """

    __slots__ = ("_lang", "_heatmap_max")

    def __init__(self, environ=None):
        self._lang = _lang_from_environment(os.environ if environ is None else environ)
        self._heatmap_max = 20

    @property
    def lang(self):
        """Language used where a call names none: ``"ja"`` or ``"en"``."""
        return self._lang

    @lang.setter
    def lang(self, value):
        if value not in _LANGS:
            raise ValueError(f"unknown language {value!r} (expected 'ja' or 'en')")
        self._lang = value

    @property
    def heatmap_max_assessments(self):
        """Largest aggregate (in assessments) whose notebook view draws the heat map."""
        return self._heatmap_max

    @heatmap_max_assessments.setter
    def heatmap_max_assessments(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"heatmap_max_assessments must be an int >= 0, not {value!r}")
        self._heatmap_max = value

    def __repr__(self):
        return f"isomm.Options(lang={self._lang!r}, heatmap_max_assessments={self._heatmap_max!r})"


options = Options()
"""The package's settings (see ``Options``)."""
