"""The fast word dictionary cuts every text exactly as PyThaiNLP's own trie would."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util.trie import Trie

from models.dictionary import SortedWordTrie, _frequency, spelling_suggestions, syllables, word_trie
from models.meeting import MeetingDocument
from models.meetingfile import document_to_dict

_REFERENCE = Trie(thai_words())


def _demo_text(demo: MeetingDocument) -> str:
    """Every string of the demo meeting, as one text."""

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for item in value.values() for s in strings(item)]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return []

    return "\n".join(strings(document_to_dict(demo)))


def test_prefixes_match_pythainlps_trie_at_every_position_of_the_demo(demo: MeetingDocument) -> None:
    text = _demo_text(demo)
    assert len(text) > 5000
    trie = SortedWordTrie(thai_words())
    differing = [p for p in range(len(text)) if trie.prefixes(text, p) != _REFERENCE.prefixes(text, p)]
    assert differing == []


def test_the_demo_is_cut_into_the_same_words(demo: MeetingDocument) -> None:
    text = _demo_text(demo)
    ours = word_tokenize(text, custom_dict=word_trie(), engine="newmm", keep_whitespace=True)
    theirs = word_tokenize(text, custom_dict=_REFERENCE, engine="newmm", keep_whitespace=True)
    assert ours == theirs


_THAI_LETTERS = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_THAI_LETTERS | st.sampled_from(" ab1"), max_size=60))
def test_prefixes_match_on_any_text(text: str) -> None:
    trie = word_trie()
    for position in range(len(text)):
        assert trie.prefixes(text, position) == _REFERENCE.prefixes(text, position)


def test_membership_size_and_words() -> None:
    trie = SortedWordTrie(["ประชุม", " ประชุม ", "ประชา", "", "ป"])
    assert len(trie) == 3
    assert list(trie) == ["ป", "ประชา", "ประชุม"]
    assert "ประชุม" in trie and "ประ" not in trie
    assert trie.prefixes("ประชุมใหญ่") == ["ป", "ประชุม"]
    assert SortedWordTrie([]).prefixes("ประชุม") == []


def test_extra_words_stay_in_their_view() -> None:
    """An office's names are words for the spelling check only; the shared dictionary (and so
    line breaking) does not change."""
    base = SortedWordTrie(["ประชุม", "ประ"])
    view = base.with_words(["ประชุมใหญ่", "ชุม"])
    assert view.prefixes("ประชุมใหญ่") == ["ประ", "ประชุม", "ประชุมใหญ่"]
    assert "ประชุมใหญ่" in view and "ประชุมใหญ่" not in base
    assert base.prefixes("ประชุมใหญ่") == ["ประ", "ประชุม"]
    view.remove("ประ")
    view.remove("ประชุมใหญ่")
    assert view.prefixes("ประชุมใหญ่") == ["ประชุม"]
    assert len(view) == 1 + 1  # ประชุม and ชุม
    assert "ประ" in base


def test_suggestions_are_pythainlps_one_edit_suggestions() -> None:
    """The same words, in the same order, as PyThaiNLP's own checker gives for a misspelling
    one edit away from a dictionary word."""
    from pythainlp.spell import spell  # noqa: PLC0415

    for typo in ("ประชูม", "งบประมาน", "อำเภ", "กชช", "ข้าราชกาน", "ประชาชม", "สำนักงน"):
        assert spelling_suggestions(typo) == [s for s in spell(typo) if s != typo][:3], typo


def test_no_suggestion_for_an_acronym_with_nothing_near() -> None:
    assert spelling_suggestions("จปฐ") == []


def test_frequencies_are_the_spelling_dictionarys() -> None:
    from pythainlp.spell.pn import NorvigSpellChecker  # noqa: PLC0415

    checker = NorvigSpellChecker()
    words = sorted(word for word, _ in checker.dictionary())
    assert len(words) > 30_000
    for word in words[::97]:
        assert _frequency(word) == checker.freq(word), word
    assert _frequency("๑๒๓") == 0 and _frequency("ไม่มีคำนี้แน่นอน") == 0


def test_syllables_are_pythainlps(demo: MeetingDocument) -> None:
    from pythainlp.tokenize import syllable_tokenize  # noqa: PLC0415

    words = {w for w in word_tokenize(_demo_text(demo), engine="newmm") if len(w) > 4}
    assert len(words) > 100
    for word in sorted(words):
        assert syllables(word) == syllable_tokenize(word, engine="dict"), word


def test_the_sorted_copy_of_the_word_list_is_used_only_when_whole(tmp_path: Path) -> None:
    """The next process reads the dictionary from a sorted copy in the cache folder; a copy that
    was cut short, edited or made from another word list is never used."""
    from models import dictionary  # noqa: PLC0415

    WORDS = dictionary._WORDS_FILE  # noqa: N806
    assert dictionary._cached_sorted_words(WORDS) is None  # nothing cached yet (tests/conftest.py)
    words = word_trie()._index.words
    dictionary._write_sorted_words(WORDS, words)
    assert dictionary._cached_sorted_words(WORDS) == list(words)

    copy = Path(os.environ["THAI_MINUTES_CACHE"]) / "words-sorted.txt"
    whole = copy.read_bytes()
    copy.write_bytes(whole[: len(whole) // 2])
    assert dictionary._cached_sorted_words(WORDS) is None
    copy.write_bytes(whole.replace("ประชุม".encode(), "ประชูม".encode(), 1))
    assert dictionary._cached_sorted_words(WORDS) is None
    copy.write_bytes(whole.replace(b"pythainlp ", b"pythainlp 0.", 1))
    assert dictionary._cached_sorted_words(WORDS) is None
    copy.write_bytes(b"\xff\xfe garbage")
    assert dictionary._cached_sorted_words(WORDS) is None


def test_the_syllable_list_read_from_its_sorted_copy_is_pythainlps() -> None:
    from pythainlp.corpus import thai_syllables  # noqa: PLC0415

    from models import dictionary  # noqa: PLC0415

    dictionary.syllable_trie.cache_clear()
    first = set(dictionary.syllable_trie())  # from PyThaiNLP, the copy written
    assert dictionary._cached_sorted_words(dictionary._SYLLABLES_FILE) is not None
    dictionary.syllable_trie.cache_clear()
    assert set(dictionary.syllable_trie()) == first == set(thai_syllables())  # from the copy


def test_a_new_process_cuts_the_same_words_from_the_sorted_copy(
    demo: MeetingDocument, tmp_path: Path
) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    text = _demo_text(demo)[:3000]
    source = tmp_path / "text.txt"
    source.write_text(text, "utf-8")
    program = (
        "import sys; from pathlib import Path; from models.dictionary import word_trie;"
        "from pythainlp.tokenize import word_tokenize;"
        "text = Path(sys.argv[1]).read_text('utf-8');"
        "print('|'.join(word_tokenize(text, custom_dict=word_trie(), engine='newmm')))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", program, str(source)], capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert (Path(os.environ["THAI_MINUTES_CACHE"]) / "words-sorted.txt").exists()  # written by the first
    expected = "|".join(word_tokenize(text, custom_dict=_REFERENCE, engine="newmm"))
    assert [run.stdout.strip() for run in runs] == [expected, expected]
