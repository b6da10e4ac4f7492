"""Foundries' names for their processes, read as the node they are (N3P is 3 nm).

News writes a process by its maker's name as often as by its size: TSMC's N2,
N3P and A16, Samsung's SF2, Intel's 18A. Each is read as a quantity in nm where
something is said to use it (采用台积电N3P制程, "made on TSMC's N2") and the words
of a process (制程, 工艺, "process", "node") or its foundry are beside it, so the
process_node attribute takes it as it takes 3nm; a name alone (an N2 that could
be anything) or a process left (从三星的SF2工艺转回…) is none. Search keeps to
sizes: these are drafting's.
"""

from __future__ import annotations

import re

from chipfacts.text.numbers import Quantity

# TSMC's N2, N3P, N4X and A16, A14 (ångström-class: A16 is 1.6 nm); Samsung's SF2,
# SF3P; Intel's 18A, 20A, 14A (18A is 1.8 nm). Folded text: lower case.
_NAME = re.compile(
    r"(?<![a-z0-9.\-])(?:n(?P<tsmc>\d)(?:p|e|x|a)?|a(?P<angstrom>1\d)|sf(?P<samsung>\d)(?:p|x|a|z)?"
    r"|(?P<intel>[12]\d)a)(?![a-z0-9])"
)
# A process's words right after its name (N3P制程, "N2 process"), or its foundry
# shortly before it (台积电N2, "TSMC's N2").
_PROCESS_AFTER = re.compile(r"\s*(?:[（(][^）)]{0,12}[)）])?\s*(?:制程|工艺|节点|\bprocess|\bnode)")
_FOUNDRY = r"(?:台积电|三星|英特尔|rapidus|tsmc|samsung|intel)(?:'s|’s|的)?\s*(?:先进)?"
_FOUNDRY_BEFORE = re.compile(rf"{_FOUNDRY}\s*$")
FOUNDRY_REACH = 12  # characters before a name where its foundry may end
USED_REACH = 24  # …and where a verb of using it may start ("made on TSMC's N2")
# A verb of using a process before its name (采用台积电N3E制程, "made on TSMC's N2"): the
# node of what uses it, though the article names the process as a thing too.
_USED = re.compile(
    r"(?:采用|使用|导入|转向|转进|基于|改用|用|以|在|\bmade\s+on|\bbuilt\s+on|\buses?|\busing)"
    rf"\s*(?:{_FOUNDRY})?\s*(?:先进)?\s*$"
)


def process_quantities(folded: str) -> list[Quantity]:
    """Each process name in ``folded`` said to be used and marked by its words or its
    foundry, as the node in nm."""
    found = []
    for match in _NAME.finditer(folded):
        if _USED.search(folded, max(0, match.start() - USED_REACH), match.start()) is None:
            continue
        after = _PROCESS_AFTER.match(folded, match.end())
        before = _FOUNDRY_BEFORE.search(
            folded, max(0, match.start() - FOUNDRY_REACH), match.start()
        )
        if after is None and before is None:
            continue
        if match["tsmc"] or match["samsung"]:
            nm = float(match["tsmc"] or match["samsung"])
        else:
            nm = int(match["angstrom"] or match["intel"]) / 10
        found.append(Quantity(match.start(), match.end(), nm, None, None, "nm"))
    return found
