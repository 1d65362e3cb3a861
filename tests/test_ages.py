"""Ages decided once (refertool.ages), from the vocabulary's age groups, never from numbers in code."""

from __future__ import annotations

import pytest

from refertool import ages
from refertool.directories import load_vocabulary


@pytest.fixture
def vocab(catalog):
    return catalog.vocabulary


def test_minor_or_adult_comes_from_the_minor_group_of_the_vocabulary(vocab):
    assert [ages.age_group(a, vocab) for a in (0, 9, 17, 18, 40, 90)] == ["minor"] * 3 + ["adult"] * 3
    assert ages.age_group(None, vocab) == ""
    assert ages.is_minor(17, vocab) and not ages.is_minor(18, vocab)


def test_the_age_of_majority_moves_with_the_data(tmp_path):
    """An overlay vocabulary that puts minors at 0-15 changes every rule at once (no 18 in the code)."""
    path = tmp_path / "vocabulary.toml"
    path.write_text('[audiences.jong]\nnl = "Jong"\nen = "Young"\nages = [0, 15]\ngroup = "minor"\n'
                    '[audiences.oud]\nnl = "Oud"\nen = "Old"\nages = [16, 200]\ngroup = "adult"\n', encoding="utf-8")
    problems: list = []
    vocab = load_vocabulary([path], problems)
    assert not problems
    assert ages.age_group(15, vocab) == "minor" and ages.age_group(16, vocab) == "adult"
    assert ages.group_of(["oud"], vocab) == "adult" and ages.group_of(["jong", "oud"], vocab) == "minor"


def test_a_person_of_no_given_age_is_taken_for_the_ages_the_data_names(vocab):
    """A minor of no given age is a child: a service from 12 fits, a young-adult one (16-25) does not;
    an adult of no given age is not taken for an older person."""
    assert ages.fits((12, 17), None, "minor", vocab)
    assert not ages.fits((16, 25), None, "minor", vocab)
    assert ages.fits((16, 25), None, "adult", vocab)
    assert not ages.fits((65, 200), None, "adult", vocab)
    assert ages.fits((16, 25), 16, "minor", vocab) and not ages.fits((16, 25), 15, "minor", vocab)
    assert ages.fits((65, 200), None, "", vocab)  # no group: any age


def test_the_audiences_a_person_belongs_to(vocab):
    assert ages.audiences_of(None, "minor", vocab) == {"minors"}
    assert ages.audiences_of(None, "adult", vocab) == {"adults", "young-adults"}
    assert ages.audiences_of(17, "", vocab) == {"minors", "young-adults"}
    assert ages.audiences_of(None, "", vocab) == set(vocab.age_spans())


def test_a_group_on_an_audience_without_ages_is_a_problem(tmp_path):
    path = tmp_path / "vocabulary.toml"
    path.write_text('[audiences.kids]\nnl = "Kinderen"\nen = "Kids"\ngroup = "minor"\n'
                    '[audiences.teens]\nnl = "Tieners"\nen = "Teens"\nages = [12, 17]\nunknown_age = [3]\n',
                    encoding="utf-8")
    problems: list = []
    vocab = load_vocabulary([path], problems)
    assert [p.code for p in problems] == ["REF005", "REF005"]
    assert ages.age_group(5, vocab) == "adult"  # no minor group: no one is taken for a minor
