"""The languages rect speaks, and the one the environment asks for (kept apart from the
catalog so that choosing a language loads none of it)."""

from __future__ import annotations

import os

LANGS = ("zh", "en")


def env_lang() -> str:
    """``RECT_LANG``, else the locale's: English when LC_ALL, LC_MESSAGES or LANG (the
    first set) is English, else Chinese."""
    if os.environ.get("RECT_LANG"):
        return os.environ["RECT_LANG"].lower()
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            english = value[:2].lower() == "en" and (len(value) == 2 or value[2] in "_.@-")
            return "en" if english else "zh"
    return "zh"


def lang_of(args: list[str]) -> str:
    """``--lang X`` / ``--lang=X`` among the arguments, else :func:`env_lang`. An unknown
    value is returned as it is (the root's --lang reports it)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1].lower()
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1].lower()
    return env_lang()


def completing() -> bool:
    """Whether the shell asks for completions (click's ``_RECT_COMPLETE``)."""
    return any(name.endswith("_COMPLETE") for name in os.environ)
