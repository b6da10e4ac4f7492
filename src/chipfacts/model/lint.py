"""The curation lint's rules, by name, and a fact's reasoned exceptions to them.

The names are what a curator writes in a fact's ``lint: {ignore: [...], why: ...}``
and what ``chipfacts lint`` prints, so they live here, below both the loader that
checks them and the lint that applies them.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

from enum import StrEnum
from typing import NamedTuple


class Rule(StrEnum):
    """One check of a fact's fields against the cue words of its sentence (the
    README's "Checking the curation" has the table)."""

    PAST = "past-as-of"  # 曾, 此前, 去年 …: as_of before the article
    HEARSAY = "hearsay-claimed"  # 据悉, 知情人士 …: no company speaks
    FORECAST = "forecast-reported"  # 预计, 将, 可能 …: not reported
    PLAN = "plan-status"  # 计划, 打算, 拟 …: planned
    SPEAKER = "speaker-claimed"  # X 表示: claimed by X
    ABOUT = "about-bound"  # 约, 左右 …: about
    LOWER = "lower-bound"  # 超过, 至少, 数万 …: more_than or at_least
    UPPER = "upper-bound"  # 最多, 高达 …: at_most or less_than
    CONFLICT = "unrecorded-conflict"  # another fact disagrees: a doubt or a note
    DENIED = "denied-without-doubt"  # a denial in the store: a doubt or a note
    UNUSED = "unused-exception"  # an exception that excuses nothing


class LintException(NamedTuple):
    """``lint: {ignore: [rule, ...], why: ...}``: rules a fact is exempt from, and why."""

    ignore: tuple[Rule, ...]
    why: str
