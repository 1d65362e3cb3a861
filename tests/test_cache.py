"""The index cache: invalidation, damage, an unwritable directory, concurrency, identical answers."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from refertool.cache import cache_root
from refertool.catalog import load_catalog
from refertool.ranking import search
from test_relevance import QUERIES

pytestmark = pytest.mark.cold_cache  # each test starts from an empty cache directory, as a first run does


@pytest.fixture
def local(tmp_path):
    target = tmp_path / "local"
    shutil.copytree(FIXTURES / "local", target)
    return target


def ids(catalog, text):
    return [h.service.id for h in search(catalog, text, limit=10).hits]


def test_cache_is_written_outside_the_data(local):
    load_catalog([local])
    assert list(cache_root().glob("index-*.sqlite"))
    assert not list(local.rglob("*.sqlite"))


def test_same_answers_with_and_without_the_cache(monkeypatch):
    cold = load_catalog()  # builds and writes the cache
    warm = load_catalog()  # reads it
    assert warm.index.data is not cold.index.data
    monkeypatch.setenv("REFER_CACHE", "off")
    fresh = load_catalog()
    for item in QUERIES:
        expected = ids(fresh, item["q"])
        assert ids(cold, item["q"]) == expected, item["q"]
        assert ids(warm, item["q"]) == expected, item["q"]
    assert {s.id for s in warm} == {s.id for s in fresh}
    assert warm.get("child-focus") == fresh.get("child-focus")


def test_edit_add_and_delete_are_seen(local):
    load_catalog([local])
    svc = local / "services" / "lokaal-meldpunt.toml"
    svc.write_text(svc.read_text(encoding="utf-8").replace("zwembadwerking", "trampolinepark"), encoding="utf-8")
    cat = load_catalog([local])
    assert ids(cat, "trampolinepark") == ["lokaal-meldpunt"]
    assert ids(cat, "zwembadwerking") == []
    new = local / "services" / "nieuw-meldpunt.toml"
    new.write_text(svc.read_text(encoding="utf-8").replace("trampolinepark", "klimmuur"), encoding="utf-8")
    assert ids(load_catalog([local]), "klimmuur") == ["nieuw-meldpunt"]
    new.unlink()
    cat = load_catalog([local])
    assert ids(cat, "klimmuur") == [] and cat.get("nieuw-meldpunt") is None


def test_an_edit_that_breaks_a_file_is_reported(local):
    load_catalog([local])
    svc = local / "services" / "lokaal-meldpunt.toml"
    svc.write_text(svc.read_text(encoding="utf-8").replace('roles = ["victim", "professional"]', 'roles = "x"'))
    from refertool.errors import DataError

    with pytest.raises(DataError):
        load_catalog([local])


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "foreign"])
def test_damaged_cache_is_rebuilt_with_the_same_answer(local, damage):
    expected = ids(load_catalog([local]), "zwembadwerking")
    (db,) = cache_root().glob("index-*.sqlite")
    if damage == "truncate":
        db.write_bytes(db.read_bytes()[:3000])
    elif damage == "garbage":
        db.write_bytes(os.urandom(20000))
    elif damage == "empty":
        db.write_bytes(b"")
    else:
        import sqlite3

        db.unlink()
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE meta (key TEXT, value BLOB)")
        con.execute("INSERT INTO meta VALUES ('schema', 'someone else')")
        con.commit()
        con.close()
    assert ids(load_catalog([local]), "zwembadwerking") == expected
    assert ids(load_catalog([local]), "zwembadwerking") == expected  # and the rebuilt cache reads well


def test_unwritable_cache_directory_warns_once_and_answers(monkeypatch, tmp_path, cli):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory should be")
    monkeypatch.setenv("REFER_CACHE_DIR", str(blocked / "cache"))
    r = cli("search", "chlid focus", "-f", "json")
    assert r.code == 0 and json.loads(r.out)[0]["id"] == "child-focus"
    assert r.err.count("not writable") == 1


def test_eight_first_runs_at_once(tmp_path, local):
    env = {**os.environ, "REFER_CACHE_DIR": str(tmp_path / "shared-cache"), "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "refertool", "--data-dir", str(local), "search", "minor perpetrator Brussels",
           "--format", "json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(8)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e.decode()[-300:] for _, e in outputs]
    answers = {out for out, _ in outputs}
    assert len(answers) == 1
    assert json.loads(answers.pop())[0]["id"] == "iter"
    assert len(list((tmp_path / "shared-cache").glob("index-*.sqlite"))) == 1
    assert not list((tmp_path / "shared-cache").glob(".index-*"))  # no temporary file left behind


def test_a_corrupted_cache_and_parallel_runs_give_the_same_json_as_a_clean_run(tmp_path, local):
    base = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "refertool", "--data-dir", str(local), "search", "kind", "-f", "json"]
    clean = subprocess.run(cmd, capture_output=True, env={**base, "REFER_CACHE": "off"}).stdout
    env = {**base, "REFER_CACHE_DIR": str(tmp_path / "c")}
    subprocess.run(cmd, capture_output=True, env=env, check=True)
    for db in (tmp_path / "c").glob("index-*.sqlite"):
        db.write_bytes(db.read_bytes()[:1000])
    assert subprocess.run(cmd, capture_output=True, env=env).stdout == clean


def test_parallel_build_matches_serial(tmp_path, monkeypatch):
    import refertool.cache as cache

    data = tmp_path / "many"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_directory import make

    make(300, data)
    monkeypatch.setattr(cache, "PARALLEL_FROM", 100)
    parallel = load_catalog([data], bundled=False)
    monkeypatch.setenv("REFER_CACHE", "off")
    serial = load_catalog([data], bundled=False)
    for q in ("minor perpetrator Leuven", "wraakporno", "1712"):
        assert ids(parallel, q) == ids(serial, q)
    assert len(parallel) == len(serial) == 300


def test_no_query_in_the_cache(local):
    cat = load_catalog([local])
    search(cat, "uniquewordxyz123")
    for db in cache_root().glob("*"):
        assert b"uniquewordxyz123" not in Path(db).read_bytes()


def test_progress_bar_goes_to_stderr_not_to_the_results(capsys, monkeypatch):
    from refertool.render.progress import stderr_bar

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with stderr_bar(2000) as advance:
        advance(2000)
    captured = capsys.readouterr()
    assert captured.out == "" and "indexing" in captured.err


def test_a_long_build_reports_its_progress(tmp_path, monkeypatch):
    from contextlib import contextmanager

    import refertool.cache as cache

    monkeypatch.setattr(cache, "PARALLEL_FROM", 1)
    done: list[int] = []

    @contextmanager
    def progress(total):
        done.append(-total)
        yield done.append

    load_catalog(progress=progress)
    assert done[0] < 0 and sum(done[1:]) == -done[0]  # every file counted once


@pytest.mark.parametrize("cache", [True, False])
def test_one_overlay_rule_for_fresh_cold_and_delta_loads(local, tmp_path, cache):
    """A later directory wins; the same id in two extra directories is REF008, however the data was read."""
    from refertool.errors import DataError

    second = tmp_path / "second"
    (second / "services").mkdir(parents=True)
    catalog = load_catalog([local, second], cache=cache)  # cold build (or fresh)
    assert catalog.get("tele-onthaal").path.startswith(str(local))
    shutil.copy(local / "services" / "tele-onthaal.toml", second / "services" / "tele-onthaal.toml")
    with pytest.raises(DataError) as raised:
        load_catalog([local, second], cache=cache)  # a delta on the warm cache (or fresh)
    assert [p.code for p in raised.value.problems] == ["REF008"]
    (local / "services" / "tele-onthaal.toml").unlink()
    catalog = load_catalog([local, second], cache=cache)
    assert catalog.get("tele-onthaal").path.startswith(str(second))  # replaces the bundled one
    assert [h.service.path for h in search(catalog, "tele-onthaal").hits][:1] == [catalog.get("tele-onthaal").path]


def test_a_warm_catalog_parses_with_the_phrase_table_stored_in_the_cache(monkeypatch):
    import refertool.query as query

    load_catalog()  # cold: builds and stores the table
    query.phrase_table.cache_clear()

    def refuse(*args):
        raise AssertionError("the phrase table was built again")

    monkeypatch.setattr(query.PhraseTable, "__init__", refuse)
    warm = load_catalog()
    assert ids(warm, "minor perpetrator Brussels")[0] == "iter"


def test_a_warm_catalog_reads_situations_with_the_word_lists_stored_in_the_cache(monkeypatch):
    from refertool.reading import words

    load_catalog()  # cold: compiles and stores them
    words.words_of.cache_clear()

    def refuse(*args):
        raise AssertionError("the word lists were compiled again")

    monkeypatch.setattr(words.Words, "__init__", refuse)
    warm = load_catalog()
    assert ids(warm, "als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt")
    words.words_of.cache_clear()


@pytest.mark.parametrize("damage", [
    "UPDATE meta SET value = x'00ff00' WHERE key = 'words'",
    "UPDATE meta SET value = x'00ff00' WHERE key = 'urgent'",
    "UPDATE meta SET value = x'00ff00' WHERE key = 'emergency'",
    "UPDATE meta SET value = x'00ff00' WHERE key = 'phrases'",
    "UPDATE postings SET data = x'00ff00'",
    "UPDATE members SET data = x'00ff00'",
    "UPDATE stems SET stems = x'00ff00'",
    "DROP TABLE stems",
])
def test_a_part_damaged_inside_the_cache_never_stops_a_lookup(cli, damage):
    """Parts read late (ready services, the phrase table, posting and member lists, stems): the answer stays the
    same."""
    import sqlite3

    clean = {cmd: cli(*cmd).out for cmd in (("emergency", "-f", "json"), ("search", "minor perpetrator Brussels"))}
    (db,) = cache_root().glob("index-*.sqlite")
    con = sqlite3.connect(db)
    with con:
        con.execute(damage)
    con.close()
    for cmd, out in clean.items():
        ran = cli(*cmd)
        assert (ran.code, ran.out, ran.err) == (0, out, "")


def test_a_programming_error_in_the_delta_merge_is_not_taken_for_damage(local, monkeypatch):
    """Only the errors damage causes make a full build; a bug in the merge surfaces instead of hiding."""
    from refertool import cache

    load_catalog([local])
    svc = local / "services" / "lokaal-meldpunt.toml"
    svc.write_text(svc.read_text(encoding="utf-8").replace("zwembadwerking", "trampolinepark"), encoding="utf-8")

    def broken(*args, **kwargs):
        raise KeyError("a bug, not damage")

    monkeypatch.setattr(cache, "_lay_over", broken)
    with pytest.raises(KeyError):
        load_catalog([local])


@pytest.mark.parametrize("part", ["state", "stats", "meta"])
def test_a_part_that_decodes_to_the_wrong_shape_is_damage(local, part):
    """A blob that unpickles or unmarshals, but not into what this version wrote, means a full build."""
    import marshal
    import sqlite3

    expected = ids(load_catalog([local]), "zwembadwerking")
    (db,) = cache_root().glob("index-*.sqlite")
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE meta SET value = ? WHERE key = ?", (marshal.dumps((1, 2)), part))
    con.close()
    assert ids(load_catalog([local]), "zwembadwerking") == expected


def test_the_stems_stored_are_the_stemmers():
    """Every word's stems in the cache are what the stemmer gives: the index's words and the vocabulary's."""
    import sqlite3

    from refertool.query import phrase_table
    from refertool.text import computed_stems

    catalog = load_catalog()
    (db,) = cache_root().glob("index-*.sqlite")
    con = sqlite3.connect(db)
    stored = dict(con.execute("SELECT word, stems FROM stems"))
    con.close()
    words = {*catalog.index.lexicon.words, *phrase_table(catalog.vocabulary, catalog.regions).singles}
    assert set(stored) == words
    assert {w: tuple(stored[w].split()) for w in words} == {w: computed_stems(w) for w in words}
    assert any(stored.values())


@pytest.mark.parametrize("query, loads", [("minor perpetrator Brussels", False), ("kwalsterbanken", True)])
def test_a_warm_search_loads_a_stemmer_only_for_a_word_the_cache_does_not_know(tmp_path, query, loads):
    """The stemmers cost a start-up: the cache keeps the stems of its words; only an unknown word needs one."""
    env = {**os.environ, "REFER_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "refertool", "search", "kind"], check=True, capture_output=True, env=env)
    probe = ("import sys; from refertool.cli import run; run(['search', sys.argv[1]]); "
             "print(sorted({'Stemmer', 'snowballstemmer', 'refertool._snowball'} & set(sys.modules)), file=sys.stderr)")
    ran = subprocess.run([sys.executable, "-c", probe, query], capture_output=True, text=True, env=env)
    assert ran.returncode in (0, 1), ran.stderr
    assert (ran.stderr.strip().splitlines()[-1] != "[]") == loads, ran.stderr


def _no_reading(monkeypatch):
    """From here on, reading any service file again (a delta or a full build) fails the test."""
    import refertool.cache as cache

    def refuse(*args, **kwargs):
        raise AssertionError("files were read again")

    monkeypatch.setattr(cache, "build", refuse)


def test_an_edit_is_written_back_so_the_next_run_reads_no_file(local, monkeypatch):
    load_catalog([local])
    svc = local / "services" / "lokaal-meldpunt.toml"
    svc.write_text(svc.read_text(encoding="utf-8").replace("zwembadwerking", "trampolinepark"), encoding="utf-8")
    os.utime(svc, ns=(svc.stat().st_atime_ns, svc.stat().st_mtime_ns - 10**9))  # settled, not racy
    assert ids(load_catalog([local]), "trampolinepark") == ["lokaal-meldpunt"]  # read once, written back
    (local / "services" / "tele-onthaal.toml").unlink()  # it replaced the bundled one, which counts again
    assert not load_catalog([local]).get("tele-onthaal").path.startswith(str(local))  # written back too
    _no_reading(monkeypatch)
    warm = load_catalog([local])
    assert ids(warm, "trampolinepark") == ["lokaal-meldpunt"] and ids(warm, "zwembadwerking") == []
    assert warm.get("lokaal-meldpunt").path == str(svc)
    assert not warm.get("tele-onthaal").path.startswith(str(local))
    monkeypatch.setenv("REFER_CACHE", "off")
    fresh = load_catalog([local])
    for item in QUERIES:
        assert ids(warm, item["q"]) == ids(fresh, item["q"]), item["q"]


def test_an_edited_number_shows_at_once_even_in_the_same_tick(local, monkeypatch):
    """Same size and, on a coarse clock, the same mtime: a file changed just before a run is not trusted."""
    import types

    import refertool.cache as cache

    svc = local / "services" / "lokaal-meldpunt.toml"
    load_catalog([local])
    svc.write_text(svc.read_text(encoding="utf-8").replace("016 00 00 00", "016 00 00 01"), encoding="utf-8")
    tick = svc.stat().st_mtime_ns
    monkeypatch.setattr(cache, "time", types.SimpleNamespace(time_ns=lambda: tick + 10**6))  # 1 ms later
    assert "016 00 00 01" in [c.value for c in load_catalog([local]).get("lokaal-meldpunt").contacts]
    svc.write_text(svc.read_text(encoding="utf-8").replace("016 00 00 01", "016 00 00 02"), encoding="utf-8")
    os.utime(svc, ns=(tick, tick))  # the second edit in the same tick: same size, same mtime
    shown = [c.value for c in load_catalog([local]).get("lokaal-meldpunt").contacts]
    assert "016 00 00 02" in shown and "016 00 00 01" not in shown


def test_a_concurrent_write_back_is_never_mixed_into_an_older_reader(local, monkeypatch):
    """A process that opened the cache before another one wrote a delta back keeps answering from its own state,
    even where its own delta has the numbers the other one appended."""
    import refertool.cache as cache

    def settle(path, old, new):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 10**9))

    services = local / "services"
    load_catalog([local])
    settle(services / "tele-onthaal.toml", "Tele-onthaal", "Tele-onthaal trampolinepark")
    with monkeypatch.context() as m:  # this one cannot write its delta back: it keeps it in memory
        m.setattr(cache, "write_back", lambda *args: False)
        older = load_catalog([local])
    settle(services / "lokaal-meldpunt.toml", "Testgem", "Testgem klimmuur")
    assert ids(load_catalog([local]), "testgem") == ["lokaal-meldpunt"]  # reads both, writes them back
    assert ids(older, "testgem") == ["lokaal-meldpunt"]
    assert ids(older, "trampolinepark") == ["tele-onthaal"]


def test_one_folder_one_cache_however_it_is_named(local, tmp_path, monkeypatch):
    """Relative, absolute and symlinked names of one folder share one cache and its stored paths: switching
    between them reads no file again."""
    link = tmp_path / "link"
    link.symlink_to(local, target_is_directory=True)
    monkeypatch.chdir(local.parent)
    first = load_catalog([Path(local.name)])
    _no_reading(monkeypatch)
    for name in (local, link, Path(local.name), Path(".") / local.name / ".." / local.name):
        again = load_catalog([name])
        assert ids(again, "zwembadwerking") == ids(first, "zwembadwerking") == ["lokaal-meldpunt"], name
    assert len(list(cache_root().glob("index-*.sqlite"))) == 1


def test_a_word_the_cache_does_not_know_loads_only_the_two_stemmers_needed():
    """Without PyStemmer, snowballstemmer's own import loads all of its languages; only Dutch and English are
    loaded, and they stem as the package does."""
    probe = ("import sys; from refertool.text import computed_stems; computed_stems('kwalsterbanken'); "
             "print(sorted(m.rsplit('.', 1)[-1] for m in sys.modules if m.endswith('_stemmer')))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert ran.stdout.split("\n")[0] in ("[]", "['dutch_porter_stemmer', 'english_stemmer']")  # [] with PyStemmer
    snowballstemmer = pytest.importorskip("snowballstemmer")
    from refertool.text import _snowball

    ours = _snowball(("dutch_porter", "english"))
    theirs = [snowballstemmer.stemmer(name) for name in ("dutch_porter", "english")]
    words = ["kindermishandeling", "verkrachting", "gepest", "meldpunten", "running", "abused", "perpetrators"]
    assert [[s.stemWord(w) for w in words] for s in ours] == [[s.stemWord(w) for w in words] for s in theirs]


def test_the_index_keeps_what_each_service_is_without_its_place(local):
    """Two services get the same kind key exactly when they differ only by place: ranking's
    other_kinds_first reads it from the cache instead of every service's file."""
    load_catalog([local])
    catalog = load_catalog([local])
    data = catalog.index.data

    def what(s):
        return (s.kind, set(s.topics), set(s.audiences), set(s.roles), s.age_min, s.age_max, set(s.sectors))

    live = sorted(catalog.index.live)
    services = {n: catalog.services.by_number(n) for n in live}
    assert len({data.kinds[n] for n in live}) > 1
    for a, b in itertools.combinations(live, 2):
        assert (data.kinds[a] == data.kinds[b]) == (what(services[a]) == what(services[b])), (data.ids[a], data.ids[b])


@pytest.fixture
def none_kept_whole(monkeypatch):
    """As on a large directory: only the emergency view's services in the "urgent" row, the rest in the table of
    services ready to use (READY_ALL_UP_TO is 2,000 services: too many files for a test)."""
    from refertool import cache, cachedb

    monkeypatch.setattr(cache, "READY_ALL_UP_TO", 0)
    monkeypatch.setattr(cachedb, "READY_ALL_UP_TO", 0)


def test_a_warm_run_takes_its_services_ready_from_the_cache_without_reading_their_files(
        none_kept_whole, local, monkeypatch):
    """Each service is kept ready to use: a warm plan and search check and parse no service file, and give what
    the files give."""
    from refertool import validate
    from refertool.plan import Given, make_plan, read_text

    text = "een trainer van de zwembadwerking betastte een meisje van 12 in Leuven"
    monkeypatch.setenv("REFER_CACHE", "off")
    fresh = load_catalog([local])
    monkeypatch.delenv("REFER_CACHE")
    load_catalog([local])  # the cold build
    warm = load_catalog([local])

    def refuse(*args, **kwargs):
        raise AssertionError("a service file was read")

    monkeypatch.setattr(validate, "check_service_file", refuse)
    plans = [make_plan(c, *read_text(c, text)[:1], Given(), "nl", text, searched=read_text(c, text)[1])
             for c in (warm, fresh)]
    assert plans[0].sections and [[e.service for e in s.entries] for s in plans[0].sections] == \
        [[e.service for e in s.entries] for s in plans[1].sections]
    assert [h.service for h in search(warm, "zwembadwerking", limit=10).hits] == \
        [h.service for h in search(fresh, "zwembadwerking", limit=10).hits]


def test_a_damaged_ready_service_is_read_from_its_file_and_said(none_kept_whole, local, cli):
    import sqlite3

    args = ("--data-dir", str(local), "search", "zwembadwerking", "-f", "json")
    clean = cli(*args)
    assert '"lokaal-meldpunt"' in clean.out
    (db,) = cache_root().glob("index-*.sqlite")
    con = sqlite3.connect(db)
    with con:
        assert con.execute("UPDATE services SET data = x'00ff00'").rowcount
    con.close()
    ran = cli(*args)
    assert (ran.code, ran.out) == (0, clean.out), ran.err
    assert "warning: the cache's copy of a service is damaged" in ran.err
    assert ran.err.count("warning") == 1  # said once, however many are damaged


def test_an_edited_file_is_kept_ready_by_the_write_back(none_kept_whole, local, monkeypatch):
    """After an edit the write-back stores the service read again: the run after reads no file, and shows
    the edit."""
    from refertool import validate

    load_catalog([local])
    svc = local / "services" / "lokaal-meldpunt.toml"
    svc.write_text(svc.read_text(encoding="utf-8").replace("zwembadwerking", "trampolinepark"), encoding="utf-8")
    os.utime(svc, ns=(svc.stat().st_mtime_ns - 10**9,) * 2)  # not racy: stored as fresh
    edited = load_catalog([local])
    assert ids(edited, "trampolinepark") == ["lokaal-meldpunt"]

    def refuse(*args, **kwargs):
        raise AssertionError("a service file was read")

    monkeypatch.setattr(validate, "check_service_file", refuse)
    after = load_catalog([local])
    (hit,) = search(after, "trampolinepark", limit=10).hits
    assert "trampolinepark" in hit.service.summary.nl + hit.service.summary.en + " ".join(hit.service.keywords)
