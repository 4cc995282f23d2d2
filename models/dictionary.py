"""The Thai word dictionary that segmentation and the spelling check cut text with, ready in
milliseconds.

PyThaiNLP's own `Trie` makes a node object for every letter of its 62,000 words before the first
word can be cut: 0.35 s in every process, the largest part of a cold `check` or export. The
`SortedWordTrie` here answers the same questions (`prefixes`, `in`, `len`, iteration) from the
sorted word list: a node is made the first time text walks through it, from the run of words that
share its prefix, so a meeting grows only the few thousand nodes its words pass through. Its
answers are the trie's, in the trie's order (shortest word first), so `newmm` cuts every text
exactly as before.

It also gives spelling suggestions from PyThaiNLP's frequency list, in a tenth of the time
its own checker takes and searched one edit deep.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from pythainlp.util.trie import Trie

from models.cache import read_cached, source_key, write_cached

_AFTER_EVERY_LETTER = "\U0010ffff"  # sorts after any continuation of a prefix


class _Node:
    """The words sharing one prefix: `words[lo:hi]`; `end` when the prefix is itself a word."""

    __slots__ = ("children", "end", "hi", "lo")

    def __init__(self, end: bool, lo: int, hi: int) -> None:
        self.end = end
        self.lo = lo
        self.hi = hi
        self.children: dict[str, _Node] | None = None


class _SortedIndex:
    """Sorted words and the nodes grown over them so far (shared by every view of the words)."""

    def __init__(self, words: Iterable[str], presorted: bool = False) -> None:
        if presorted:  # stripped, unique and in order already (the word-list cache)
            self.words: tuple[str, ...] = tuple(words)
        else:
            self.words = tuple(sorted({w.strip() for w in words} - {""}))
        self.known: frozenset[str] = frozenset(self.words)
        self.root = _Node(False, 0, len(self.words))

    def _grow(self, node: _Node, depth: int) -> dict[str, _Node]:
        """The node's children, one per letter that follows its prefix. Two threads growing the
        same node build equal dictionaries; the last assignment wins, harmlessly."""
        words, index, hi = self.words, node.lo, node.hi
        children: dict[str, _Node] = {}
        if index < hi and len(words[index]) == depth:  # the prefix itself sorts first
            index += 1
        while index < hi:
            key = words[index][: depth + 1]
            after = bisect_left(words, key + _AFTER_EVERY_LETTER, index + 1, hi)
            children[key[-1]] = _Node(len(words[index]) == depth + 1, index, after)
            index = after
        node.children = children
        return children

    def prefixes(self, text: str, start: int) -> list[str]:
        found: list[str] = []
        node = self.root
        position = start
        while position < len(text):
            children = node.children
            if children is None:
                children = self._grow(node, position - start)
            child = children.get(text[position])
            if child is None:
                break
            node = child
            position += 1
            if node.end:
                found.append(text[start:position])
        return found


class SortedWordTrie(Trie):
    """A PyThaiNLP `Trie` over fixed words (the dictionary), with `extra` words (an office's
    names and accepted words) layered on a copy by `with_words` rather than added to the shared
    dictionary. `add` and `remove` change the layer."""

    def __init__(self, words: Iterable[str], *, _index: _SortedIndex | None = None) -> None:
        # Trie.__init__ is not called: it would build the node objects this class avoids.
        self._index = _index if _index is not None else _SortedIndex(words)
        self._extra: set[str] = set()
        self._extra_trie: Trie | None = None
        self._removed: set[str] = set()

    def with_words(self, extra: Iterable[str]) -> SortedWordTrie:
        """A view of the same dictionary with more words in it."""
        view = SortedWordTrie((), _index=self._index)
        for word in extra:
            view.add(word)
        return view

    def add(self, word: str) -> None:
        word = word.strip()
        if not word:
            return
        self._removed.discard(word)
        if word not in self._index.known and word not in self._extra:
            self._extra.add(word)
            self._extra_trie = None

    def remove(self, word: str) -> None:
        if word in self._extra:
            self._extra.discard(word)
            self._extra_trie = None
        elif word in self._index.known:
            self._removed.add(word)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        found = self._index.prefixes(text, start)
        if self._removed:
            found = [word for word in found if word not in self._removed]
        if self._extra and start < len(text):
            if self._extra_trie is None:
                self._extra_trie = Trie(self._extra)
            extra = self._extra_trie.prefixes(text, start)
            if extra:
                found = sorted([*found, *extra], key=len)
        return found

    def __contains__(self, key: object) -> bool:
        if key in self._extra:
            return True
        return key in self._index.known and key not in self._removed

    def __iter__(self) -> Iterator[str]:
        yield from (word for word in self._index.words if word not in self._removed)
        yield from sorted(self._extra)

    def __len__(self) -> int:
        return len(self._index.words) - len(self._removed) + len(self._extra)


@cache
def word_trie() -> SortedWordTrie:
    """PyThaiNLP's word list (the one `newmm` cuts with by default), loaded once a process:
    from the sorted copy in the cache folder when it is there and whole, else from PyThaiNLP
    (and the copy written for the next process)."""
    return _corpus_trie(_WORDS_FILE)


@cache
def syllable_trie() -> SortedWordTrie:
    """PyThaiNLP's syllable list (its `dict` syllable engine's), loaded once a process, as the
    word list is."""
    return _corpus_trie(_SYLLABLES_FILE)


# Reading PyThaiNLP's list, stripping and sorting its 62,000 words took 45 ms of every process;
# the sorted copy takes 15 (the syllable list: 12 ms, 4). The copy names the list it was made
# from (PyThaiNLP's version, the file's size and time; see models/cache.py), so a changed list or
# a damaged copy is never used.
_WORDS_FILE = "words_th.txt"
_SYLLABLES_FILE = "syllables_th.txt"


def _corpus_trie(corpus_file: str) -> SortedWordTrie:
    cached = _cached_sorted_words(corpus_file)
    if cached is not None:
        return SortedWordTrie((), _index=_SortedIndex(cached, presorted=True))
    from pythainlp.corpus import get_corpus  # noqa: PLC0415  (the list's file, read on first use)

    trie = SortedWordTrie(get_corpus(corpus_file))
    _write_sorted_words(corpus_file, trie._index.words)
    return trie


def _sorted_copy_name(corpus_file: str) -> str:
    return "words-sorted.txt" if corpus_file == _WORDS_FILE else f"{Path(corpus_file).stem}-sorted.txt"


def _words_source_key(corpus_file: str) -> str:
    import pythainlp  # noqa: PLC0415

    source = resources.files("pythainlp.corpus").joinpath(corpus_file)
    try:
        stat = Path(str(source)).stat()
    except OSError:
        return ""
    return source_key("pythainlp", pythainlp.__version__, corpus_file, stat.st_size, stat.st_mtime_ns)


def _cached_sorted_words(corpus_file: str) -> list[str] | None:
    body = read_cached(_sorted_copy_name(corpus_file), _words_source_key(corpus_file))
    if body is None:
        return None
    return body.decode("utf-8").split("\n")


def _write_sorted_words(corpus_file: str, words: tuple[str, ...]) -> None:
    if words:
        write_cached(
            _sorted_copy_name(corpus_file), _words_source_key(corpus_file), "\n".join(words).encode("utf-8")
        )


def syllables(text: str) -> list[str]:
    """The text cut into syllables as PyThaiNLP's `syllable_tokenize(engine="dict")` cuts it (into
    words, then each word by the syllable list), with these tries: that engine builds the whole
    word trie the slow way in a process that had none."""
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415

    return [
        syllable
        for word in word_tokenize(text, custom_dict=word_trie(), engine="newmm")
        for syllable in word_tokenize(word, custom_dict=syllable_trie(), engine="newmm")
    ]


# PyThaiNLP's default spelling dictionary, as its NorvigSpellChecker builds it: Phupha
# frequencies of the Royal Society's words seen at least twice, 2–40 Thai letters (dots allowed,
# not first; no digits). The checker parses and filters all 62,000 lines (0.15 s); here the file
# is read as one text and a candidate's line found in it when a suggestion is wanted.
_SPELLING_WORD = re.compile(r"(?!\.)[\u0e00-\u0e4f\u0e5a-\u0e7f.]{2,40}")


@cache
def _frequency_text() -> str:
    from pythainlp.corpus import phupha  # noqa: PLC0415  (on the first unknown word)

    corpus = resources.files("pythainlp.corpus").joinpath(phupha._UNIGRAM_FILENAME)
    return "\n" + corpus.read_text(encoding="utf-8-sig")


def _frequency(word: str) -> int:
    """How often the word occurs, 0 when it is not in the spelling dictionary."""
    from pythainlp.corpus import thai_orst_words  # noqa: PLC0415

    if not _SPELLING_WORD.fullmatch(word) or word not in thai_orst_words():
        return 0
    text = _frequency_text()
    line = text.find(f"\n{word}\t")
    if line < 0:
        return 0
    count = text[line + len(word) + 2 : text.find("\n", line + 1)].strip()
    frequency = int(count) if count.isdigit() else 0
    return frequency if frequency >= 2 else 0


def _one_edit_away(word: str) -> set[str]:
    """Every string one letter missing, extra, wrong or swapped with its neighbour from `word`."""
    from pythainlp import thai_letters  # noqa: PLC0415

    splits = [(word[:cut], word[cut:]) for cut in range(len(word) + 1)]
    edits = {head + tail[1:] for head, tail in splits if tail}
    edits.update(head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1)
    edits.update(head + letter + tail[1:] for head, tail in splits if tail for letter in thai_letters)
    edits.update(head + letter + tail for head, tail in splits for letter in thai_letters)
    return edits


def spelling_suggestions(word: str, limit: int = 3) -> list[str]:
    """Common words one edit away from an unknown word, the most frequent first (PyThaiNLP's
    Norvig checker, without its second round: two edits of an eight-letter word are a million
    strings, 0.1 s a word, and the words meetings hold that the dictionary lacks (acronyms such as
    กชช, names of places) had no useful suggestion two edits away)."""
    from pythainlp.corpus import thai_orst_words  # noqa: PLC0415

    official = thai_orst_words()
    edits = [edit for edit in _one_edit_away(word) if edit in official and edit != word]
    frequencies = {edit: _frequency(edit) for edit in edits}
    candidates = sorted((edit for edit in edits if frequencies[edit]), key=lambda e: (-frequencies[e], e))
    return candidates[:limit]
