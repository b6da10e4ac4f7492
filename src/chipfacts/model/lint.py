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
    """One check of a fact's fields against the cue words of its sentence."""

    PAST = "past-as-of"
    HEARSAY = "hearsay-claimed"
    FORECAST = "forecast-reported"
    PLAN = "plan-status"
    SPEAKER = "speaker-claimed"
    ABOUT = "about-bound"
    LOWER = "lower-bound"
    UPPER = "upper-bound"
    CONFLICT = "unrecorded-conflict"
    DENIED = "denied-without-doubt"
    UNUSED = "unused-exception"


RULE_HELP = {
    Rule.PAST: "曾/此前/之前/去年/早在: as_of earlier than the article's date",
    Rule.HEARSAY: "据悉/知情人士/据…报道/消息人士/援引: no company as claimed_by "
    "unless its spokesperson or executive speaks",
    Rule.FORECAST: "预计/有望/将/或将/可能: forecast (or a doubt), never reported",
    Rule.PLAN: "计划/打算/拟/准备 as a verb: planned",
    Rule.SPEAKER: "表示/称/声明/透露/说/分析称 after a named speaker: claimed by that speaker",
    Rule.ABOUT: "约/大约/近/左右/将近 at the number: bound about",
    Rule.LOWER: "超过/逾/以上/至少/数…/几…/上… at the number: more_than or at_least",
    Rule.UPPER: "最多/高达/不超过/up to at the number: at_most or less_than",
    Rule.CONFLICT: "a fact another fact disagrees with: a doubt, or a note naming the other",
    Rule.DENIED: "a fact a denial in the store contradicts: a doubt, or a note naming the denial",
    Rule.UNUSED: "an exception that excuses nothing (the fact or the rule changed): remove it",
}


class LintException(NamedTuple):
    """``lint: {ignore: [rule, ...], why: ...}``: rules a fact is exempt from, and why."""

    ignore: tuple[Rule, ...]
    why: str
