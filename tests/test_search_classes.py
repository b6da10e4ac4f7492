"""Classes of question that used to miss (issue 19), each held by the rule that fixed it.

Every test names a rule of the ranking, not an answer: a common entity's own facts
before facts that merely mention it, "why" yielding to the words that say what
about, a Chinese word inside a name weaker than the attribute it names, a fact
tying together two names asked about, "the first" among what was asked about.
"""

from __future__ import annotations

import pytest

import chipfacts
from chipfacts.search.cjk_typos import cjk_typo_names
from chipfacts.search.index import SearchIndex
from chipfacts.search.postings import word_postings
from chipfacts.search.query import Query
from chipfacts.search.rank import find, search
from chipfacts.search.reader import read_query
from chipfacts.search.weights import ATTRIBUTE, ENTITY_EXACT
from chipfacts.text.question import Steer

INDEX = SearchIndex(chipfacts.load())


def top(query: str, n: int = 1) -> list[str]:
    return [hit.fact.id for hit in search(INDEX, query, limit=n)]


def test_a_common_entitys_own_fact_outranks_one_that_mentions_it() -> None:
    # Microsoft is named by most facts, so its name counts little; the step between
    # its own facts and those that mention it must not shrink with it
    assert top("微软的GPU集群有多大") == ["microsoft-gpu-clusters"]


def test_a_fact_that_mentions_a_rare_name_and_matches_more_outranks_its_bare_facts() -> None:
    # Altman's own facts repeat his name; that echo must not lift them over his
    # chip venture's, which also match 芯片
    assert "altman-venture-fundraising" in top("奥特曼 芯片", 3)


@pytest.mark.parametrize("query", ["代工", "芯片 代工", "芯片代工"])
def test_an_attribute_named_exactly_outranks_a_name_the_word_is_part_of(query: str) -> None:
    # 代工 is the foundry, and part of AI代工服务's name; 芯片 is part of many names
    assert set(top(query, 2)) == {"maia100-foundry", "tensor-foundry"}


def test_a_common_word_inside_names_hints_at_them_only_a_little() -> None:
    query = read_query(INDEX, "芯片 代工")
    hinted = [w for row, w in query.entities.items() if query.typed["entity", row] == "芯片"]
    assert hinted and max(hinted) < ATTRIBUTE / 2
    assert max(query.entities.values()) < ATTRIBUTE  # 代工 in AI代工服务, below the foundry


def test_a_fact_that_ties_two_names_asked_about_earns_both() -> None:
    # claimed by Suleyman, about Microsoft's cluster: it names both
    assert top("苏莱曼说微软要在芯片上做什么", 2) == [
        "microsoft-ai-cluster-plan",
        "microsoft-ai-cluster-purpose",
    ]


SHORT = "nvidia-chips-in-short-supply-2024"


@pytest.mark.parametrize(
    ("query", "answers"),
    [
        ("英伟达芯片为什么供不应求", {SHORT, "h100-capacity-bottlenecks"}),
        ("英偉達的芯片為什麼難買", {SHORT, "nvidia-chips-scarce-expensive"}),
    ],
)
def test_why_yields_to_the_words_that_say_what_about(query: str, answers: set[str]) -> None:
    # "why" names the motive only when nothing else names an attribute: here the
    # supply is asked about, not Microsoft's motives for its NIC
    found = top(query, 3)
    assert answers & set(found)
    assert not any(fact.endswith("motive") for fact in found)


def test_why_alone_asks_for_a_motive() -> None:
    assert top("微软为什么要自研芯片", 3)[0].endswith(("motive", "escape-nvidia", "initiative"))


def test_first_is_the_earliest_of_what_was_asked_about() -> None:
    # Microsoft's 2019 investment is its earliest dated fact, but matched by the
    # name alone: the first in-house model is what was asked about
    assert top("微软首个自研基础模型是什么") == ["mai-1-preview-launched"]


def test_a_date_question_about_rationing_finds_when_it_began() -> None:
    found = find(INDEX, "微软什么时候开始限制GPU使用", None, 3)
    assert "microsoft-quota-start" in [hit.fact.id for hit in found.hits]


def test_a_fact_that_compares_the_two_things_itself_comes_before_their_turns() -> None:
    found = find(INDEX, "microsoft vs google training cluster size", None, 3)
    assert found.hits[0].fact.id == "mai-1-preview-rival-clusters"  # Google's against Microsoft's
    assert [hit.fact.entity.id for hit in found.hits[1:]] == ["microsoft", "google"]
    assert found.compared == ["microsoft", "google"]


@pytest.mark.parametrize(
    "query", ["微软的GPU配额制是从什么时候开始的", "when did microsoft's gpu quota begin"]
)
def test_when_asks_for_the_date_kin_to_the_attribute_named(query: str) -> None:
    # the quota is named; "when" makes its start (a date, of the quota's family) the answer
    assert top(query) == ["microsoft-quota-start"]


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("微软内部GPU申请要等多久", "microsoft-quota-wait"),
        ("谁批准微软内部的GPU申请", "microsoft-quota-approval"),
        ("how long do gpu requests at microsoft wait", "microsoft-quota-wait"),
    ],
)
def test_the_attribute_named_by_the_words_that_ask_is_the_answer(query: str, answer: str) -> None:
    # two attributes named: the request (申请) and how long / who approves; the phrase
    # that asks names the answer
    assert top(query) == [answer]


def test_a_number_typed_matches_an_exact_value_before_a_floor() -> None:
    # 一万 is 10,000: the supercomputer's 10,000 GPUs, before "at least 10,000" (数万)
    assert top("一万张GPU") == ["openai-2020-supercomputer-gpus"]


def test_a_word_finds_its_other_number() -> None:
    # the approval fact says "GPUs", never "GPU"; "quotas" finds "quota"
    approval = INDEX.row_of("microsoft-quota-approval")
    assert approval is not None
    assert word_postings(INDEX, "gpu").get(approval) == 1.0
    quota = INDEX.row_of("microsoft-gpu-quota")
    assert quota is not None and word_postings(INDEX, "quotas").get(quota) == 1.0


@pytest.mark.parametrize("query", ["what is nvidia's DGX cloud", "英偉達的DGX雲是什麼"])
def test_a_product_named_as_its_makers_is_asked_about_before_the_maker(query: str) -> None:
    # Nvidia's own fact that names DGX Cloud stays Nvidia's: it does not earn both names
    assert top(query, 2)[0].startswith("dgx-cloud-")


def test_a_maker_named_apart_from_its_product_is_a_subject_of_its_own() -> None:
    # Nvidia's answer about the H100's capacity: the maker's fact naming the product
    assert "nvidia-no-response-capacity" in top("英偉達對H100產能有什麼回應", 2)


def test_no_date_or_number_answers_why() -> None:
    # "start rationing" names the date the quota began, "gpus" a count: neither is why
    found = top("why did microsoft start rationing gpus internally", 3)
    assert "microsoft-quota-start" not in found[:1]
    assert "microsoft-quota-priority" in found


def test_how_much_asks_for_the_sum_kin_to_the_attribute_named() -> None:
    # "invest" names the year Microsoft invested; "how much" makes the sum the answer
    assert top("how much did microsoft invest in openai") == ["microsoft-openai-investment"]


def test_a_word_the_facts_use_is_no_misspelt_attribute() -> None:
    # "computing" is one letter from "competing" (competitors), and spelt as meant
    query = read_query(INDEX, "what does openai think about microsoft's computing power")
    assert "computing" not in query.typed.values()
    assert top("what does openai think about microsoft's computing power") == [
        "altman-concern-microsoft-compute"
    ]


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("微软首款AI芯片的代号叫什么", "maia100-codename-athena"),  # a codename is known
        ("亚马逊最早的自研芯片叫什么", "nitro-launched"),  # none is: the first chip is the answer
    ],
)
def test_what_the_first_is_called(query: str, answer: str) -> None:
    assert top(query) == [answer]


def test_a_word_read_as_an_attribute_no_fact_of_the_name_has_is_a_plain_word() -> None:
    # OpenAI has no acquisition date nor performance target: its plan to buy a chip
    # company, which says "target", is found by that word
    assert "openai-chip-program-acquisition" in top("openai acquisition target", 5)


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        # Microsoft's own GPU clusters match as much; what UBS claims is what it said
        ("what did UBS say about microsoft's GPUs", "microsoft-gpu-supply-risk"),
        ("瑞银表示微软的GPU怎么样", "microsoft-gpu-supply-risk"),
    ],
)
def test_what_a_name_said_is_what_it_claims(query: str, answer: str) -> None:
    assert top(query) == [answer]


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("what did nadella say", True),
        ("苏莱曼认为", True),
        ("纳德拉说了", True),
        ("芯片的名称", False),
    ],
)
def test_only_words_of_speech_ask_what_was_said(query: str, said: bool) -> None:
    assert (Steer.SAID in read_query(INDEX, query).steers) is said


def test_a_word_is_echoed_by_its_stem() -> None:
    # "developing networking" is repeated, inflected, by "develops … network chips"
    assert top("microsoft spokesperson on developing networking chips") == [
        "microsoft-statement-network-chips"
    ]


@pytest.mark.parametrize(
    "query", ["微软网卡跟Azure Boost的差别", "how does the microsoft nic differ from azure boost"]
)
def test_how_two_things_differ_is_said_by_a_fact_naming_both(query: str) -> None:
    # Azure Boost's feature is told as what the NIC is not ("不同于…Azure Boost")
    assert top(query) == ["azure-boost-feature"]


def test_what_to_compare_comes_before_a_fact_naming_both() -> None:
    # "transistors" is what to compare: the two counts, before the fact naming both
    assert set(top("maia 100 vs mi300x transistors", 2)) == {
        "maia100-transistors",
        "mi300x-transistors",
    }


def test_a_name_running_from_latin_into_one_chinese_character_is_found() -> None:
    assert "dgx-cloud" in {
        INDEX.entity_at(row).id for row in read_query(INDEX, "DGX云是做什么用的").entities
    }


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("DGX云是做什么用的", "dgx-cloud-feature"),
        ("Azure Boost是做什么用的", "azure-boost-feature"),
    ],
)
def test_what_a_thing_is_for_is_told_by_what_it_does_when_no_purpose_is_known(
    query: str, answer: str
) -> None:
    # "是做什么用的" asks for a purpose; a feature shares a synonym with it ("function")
    assert top(query) == [answer]


@pytest.mark.parametrize("query", ["英伟达的DGX云", "英伟达 DGX云"])
def test_a_product_named_with_its_maker_leads_over_the_makers_fact_naming_it(
    query: str,
) -> None:
    assert {hit.fact.entity.id for hit in search(INDEX, query, limit=2)} == {"dgx-cloud"}


@pytest.mark.parametrize(
    "query", ["OpenAI为什么要自己造芯片", "why does openai want to make chips"]
)
def test_why_does_not_lift_anothers_motive_over_facts_of_the_name_asked(query: str) -> None:
    # no motive of OpenAI is told: Microsoft's, which match why (and 芯片), come after
    # the facts that name OpenAI and match the rest
    first = search(INDEX, query, limit=1)[0].fact
    assert first.attribute.id != "motive"
    assert "openai" in {first.entity.id, *(e.id for e in first.related)}


def test_two_things_compared_are_set_side_by_side_by_what_both_have() -> None:
    ranked = [hit.fact for hit in search(INDEX, "maia 100 vs mi300x", limit=10)]
    # their own facts, past any that names both (it compares them itself)
    own = [
        fact
        for fact in ranked
        if fact.entity.id in ("maia100", "mi300x")
        and not {"maia100", "mi300x"} <= {fact.entity.id, *(e.id for e in fact.related)}
    ]
    pairs = list(zip(own[0::2], own[1::2], strict=False))
    assert [(a.entity.id, b.entity.id) for a, b in pairs[:2]] == [("maia100", "mi300x")] * 2
    assert all(a.attribute.id == b.attribute.id for a, b in pairs[:2])


def test_a_word_the_facts_use_finds_its_inflections_not_longer_words() -> None:
    def words_of(word: str) -> set[str]:
        facts = INDEX.facts_at(sorted(word_postings(INDEX, word)))
        return {w.strip(".,;:()") for fact in facts for w in fact.summary.lower().split()}

    assert not any(w.startswith("customer") for w in words_of("custom") - words_of("customer"))
    assert "develops" in words_of("develop")
    assert "customers" in words_of("customer")  # a plural is an inflection


def test_the_first_of_a_makers_chips_is_not_a_word_that_begins_another() -> None:
    # "custom" is not "customers": Maia's forecast for cloud customers is no first chip
    assert top("amazon's first custom chip") == ["nitro-launched"]


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("雅典纳的开发", "maia100"),
        ("黄仁助去了发布会", "jensen-huang"),
        ("苏莱慢的职位", "mustafa-suleyman"),
    ],
)
def test_a_chinese_name_typed_with_one_wrong_character_is_found(query: str, entity: str) -> None:
    found = read_query(INDEX, query).entities
    assert entity in {INDEX.entity_at(row).id for row in found}


@pytest.mark.parametrize("run", ["自研芯片", "数据中心", "供不应求", "网络流量拥堵"])
def test_words_typed_right_are_no_misspelt_name(run: str) -> None:
    query = Query(run)
    assert cjk_typo_names(INDEX, query, run) == [run]
    assert not query.entities


def test_the_name_a_typo_meant_is_echoed_as_spelt() -> None:
    # 雅典那 is 雅典娜: the fact whose quote says 雅典娜 and that gives the codename first
    assert top("微软雅典那芯片代号") == ["maia100-codename-athena"]


def test_the_words_of_a_phrase_that_asks_are_echoed() -> None:
    # 解决什么问题 asks for a benefit; of the NIC's six, the one whose quote says
    # 解决…问题 answers it
    assert top("微软网卡能解决什么问题") == ["microsoft-nic-hope-congestion"]


@pytest.mark.parametrize(
    ("query", "attribute"),
    [("H200能带来什么好处", "performance_gain"), ("谷歌放弃博通有什么好处", "annual_savings")],
)
def test_a_gain_or_a_saving_is_a_benefit(query: str, attribute: str) -> None:
    assert search(INDEX, query, limit=1)[0].fact.attribute.id == attribute


@pytest.mark.parametrize(
    ("query", "aside"),
    [
        ("英伟达除了芯片还有什么软件", "芯片"),
        ("what does nvidia sell besides chips", "chips"),
        ("who supplies gpus other than nvidia", "nvidia"),
    ],
)
def test_what_a_question_sets_aside_is_not_asked_about(query: str, aside: str) -> None:
    read = read_query(INDEX, query)
    assert aside not in [*read.words, *read.cjk, *read.typed.values()]


def test_what_a_person_said_counts_as_their_own_before_their_other_facts() -> None:
    # Edo Segal's complaint is a fact of TouchCast's that he claims; his role is his own
    assert top("what did edo segal say") == ["touchcast-delays"]


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("what is azure boost for", "azure-boost-feature"),
        ("what does dgx cloud do", "dgx-cloud-feature"),
    ],
)
def test_a_question_read_around_the_name_it_holds(query: str, answer: str) -> None:
    # once the name is read, "what is … for" and "what does … do" are left
    assert top(query) == [answer]


def test_a_motive_that_mentions_the_name_asked_is_anothers() -> None:
    # Microsoft's motives mention Nvidia; why Nvidia's chips cost so much is told by
    # Nvidia's own facts (这么贵 asks about availability: scarce and expensive)
    found = search(INDEX, "英伟达的芯片为什么这么贵", limit=2)
    assert {hit.fact.entity.id for hit in found} == {"nvidia"}


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("who did microsoft put in charge of its nic", "microsoft-nic"),
        ("how much will openai spend on its chip program", "openai-chip-program"),
    ],
)
def test_a_name_typed_in_two_parts_around_its_is_the_name(query: str, entity: str) -> None:
    assert search(INDEX, query, limit=1)[0].fact.entity.id == entity


def test_its_before_a_name_of_its_own_leaves_both_names() -> None:
    found = read_query(INDEX, "what does nvidia say about its dgx cloud").entities
    assert {"nvidia", "dgx-cloud"} <= {INDEX.entity_at(row).id for row in found}


def test_a_product_hinted_at_by_a_word_of_its_name_leaves_its_maker_as_typed() -> None:
    # AI芯片 is part of OpenAI自研AI芯片's name: a hint, not a naming of the product,
    # so OpenAI is no mere qualifier of it
    query = read_query(INDEX, "OpenAI有没有打算自己造AI芯片？")
    weights = {INDEX.entity_at(row).id: w for row, w in query.entities.items()}
    assert weights["openai"] == max(weights.values())
    assert top("OpenAI有没有打算自己造AI芯片？", 1)[0].startswith("openai")


@pytest.mark.parametrize("query", ["Azure Boost是干嘛用的", "Azure Boost幹嘛用"])
def test_colloquial_question_words_ask_as_plain_ones_do(query: str) -> None:
    # 干嘛用 asks what it is for, as 做什么用 does: a product with no stated purpose
    # answers with what it does
    assert top(query) == ["azure-boost-feature"]


@pytest.mark.parametrize(
    "query", ["When and where was Athena expected to be revealed?", "雅典娜预计何时揭晓"]
)
def test_expected_asks_for_a_forecast_or_plan_not_what_happened(query: str) -> None:
    # Maia 100's launch is told three ways: forecast, planned, and as it happened
    assert set(top(query, 2)) == {"maia100-launch-forecast", "maia100-launch-plan"}


@pytest.mark.parametrize(
    "query",
    ["What is Microsoft doing to fix its AI hardware shortage?", "微软如何应对硬件短缺"],
)
def test_what_is_done_about_a_problem_is_a_plan_not_the_problem(query: str) -> None:
    # the shortage is what the action is about: Microsoft's plans lead, its shortage
    # facts (named by "shortage", 短缺) only follow
    found = search(INDEX, query, limit=1)[0].fact
    assert (found.entity.id, found.attribute.id) == ("microsoft", "plan")


@pytest.mark.parametrize(
    "query", ["微软为什么要自己开发网卡？", "why is microsoft developing its own nic"]
)
def test_why_with_a_verb_of_making_asks_the_motive_not_how_it_stands(query: str) -> None:
    # 开发, developing name the development status; asked why, they say what the
    # motive is for
    assert search(INDEX, query, limit=1)[0].fact.attribute.id == "motive"


@pytest.mark.parametrize(
    "query",
    [
        "How many custom chips has Amazon released since Nitro 1?",
        "自Nitro 1以来亚马逊推出了多少款自研芯片",
    ],
)
def test_a_count_since_a_named_event_asks_the_count_not_the_event(query: str) -> None:
    # Nitro 1 dates what is counted; "released", 推出 name both the launch date and
    # the count of launches, and "how many" asks for the count
    assert top(query) == ["amazon-chips-launched"]


def test_from_a_name_is_no_point_in_time() -> None:
    # 来自 is "from": the name is the subject, at its full weight
    query = read_query(INDEX, "来自英伟达的芯片")
    assert max(query.entities.values()) == ENTITY_EXACT


@pytest.mark.parametrize(
    "query", ["What did Reuters report on October 6 about OpenAI and chips?", "路透社报道了什么"]
)
def test_a_news_agency_named_asks_for_the_fact_it_reported(query: str) -> None:
    # the source cites Reuters for one fact and a sister fact for others: the one
    # Reuters is named in answers
    assert top(query) == ["openai-chip-program-reuters-report"]


def test_what_a_speaker_said_about_another_thing_outranks_that_things_own_fact() -> None:
    # Segal's complaint is TouchCast's statement that names Azure OpenAI; Azure
    # OpenAI's waits match "access" and name him, but he said nothing there
    query = "What did TouchCast CEO Edo Segal say about getting access to Azure OpenAI?"
    assert top(query) == ["touchcast-delays"]


def test_why_something_is_said_of_a_name_gives_its_claims_no_topic() -> None:
    # 说 here is "said of": Nvidia's own claims match no more of the question
    found = search(INDEX, "为什么说英伟达很难被取代", limit=1)[0].fact
    assert found.attribute.id == "market_position"


def test_a_products_fact_naming_its_maker_outranks_anothers_mention_of_it() -> None:
    # OpenAI's chip plan's cost names OpenAI, and so does Microsoft's spending on
    # A100s (which also matches "own"): the plan is OpenAI's business
    query = "How much could developing its own chips cost OpenAI each year?"
    found = top(query, 10)
    assert found.index("openai-chip-program-cost") < found.index("microsoft-a100-spend")


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("Meta自研芯片屡屡受挫后转向和谁合作", "partners"),
        ("who did meta partner with after its setbacks", "partners"),
    ],
)
def test_what_a_clause_of_time_names_is_not_what_is_asked(query: str, asked: str) -> None:
    # the setbacks date the question; the partners are asked
    assert search(INDEX, query, limit=1)[0].fact.attribute.id == asked


def test_a_chinese_attribute_word_the_named_entity_lacks_lifts_its_facts_that_say_it() -> None:
    # OpenAI acquired nothing; its plan to buy a chip company says 收购, Microsoft's
    # purchase of Fungible (an acquisition, naming no OpenAI) must not lead
    found = top("OpenAI想收购的芯片公司是哪家", 10)
    assert found.index("openai-chip-program-acquisition") < found.index("fungible-acquired")


def test_a_fact_that_says_the_kind_of_thing_set_aside_answers_less() -> None:
    # "besides its chips": Nvidia's software, not the fact about others' chips
    # lacking its software
    assert set(top("What software does Nvidia have besides its chips?", 2)) == {
        "base-command-purpose",
        "ai-enterprise-purpose",
    }


def test_a_name_set_aside_marks_no_fact_down() -> None:
    # the models Microsoft uses besides OpenAI's are told beside OpenAI's
    assert read_query(INDEX, "微软除了OpenAI还用哪些模型").aside == []
    assert read_query(INDEX, "英伟达除了芯片还有什么软件").aside == ["芯片"]


def test_how_much_developing_costs_asks_the_cost_not_how_development_stands() -> None:
    found = top("How much could developing its own chips cost OpenAI each year?", 3)
    assert "openai-chip-program-cost" in found
    assert not any(
        fact in found for fact in ("openai-chip-program-status", "openai-chip-program-years")
    )


def test_making_it_oneself_asks_how_the_undertaking_stands() -> None:
    # 自己造: OpenAI's exploring of its own chips, not Microsoft's cluster plan
    assert top("OpenAI有没有打算自己造AI芯片？")[0] in {
        "openai-chip-program-status",
        "openai-chip-program-reuters-report",
    }
