from __future__ import annotations

from refertool.text import content_tokens, fold, split_compound, stems, tokens, typo_budget


def test_fold_accents_case_and_apostrophes():
    assert fold("Liège") == "liege"
    assert fold("naaktfoto's") == "naaktfotos"
    assert fold("ＣＨＩＬＤ") == "child"  # full-width letters, NFKC


def test_tokens_and_stopwords():
    assert tokens("Tele-onthaal: 106!") == ["tele", "onthaal", "106"]
    assert content_tokens("ik heb een vraag over het CAW") == ["vraag", "caw"]


def test_stems_dutch_and_english():
    assert "pleger" in stems("plegers")
    assert "victim" in stems("victims")
    assert stems("kind") == ()  # short words are left alone


def test_typo_budget():
    assert [typo_budget(w) for w in ("chil", "child", "children", "kindermishandeling")] == [0, 1, 1, 2]


def test_split_compound():
    known = {"kinder", "kinderen", "mishandeling", "sport", "club", "wraak", "porno"}.__contains__
    assert split_compound("kindermishandeling", known) == ["kinder", "mishandeling"]
    assert split_compound("sportclub", known) == ["sport", "club"]
    assert split_compound("sportclubporno", known) == ["sport", "club", "porno"]
    assert split_compound("onbekendwoord", known) is None
