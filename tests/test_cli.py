"""``python main.py VERB`` end to end: output, JSON, exit codes and errors (in subprocesses, or
through ``cli.run`` where a test must change something first)."""

from __future__ import annotations

import ast
import builtins
import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.exit_codes import ExitCode
from tests.conftest import FIXTURES, REPO


def run_main(*args, env_home=None):
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True,
                          text=True, cwd=REPO, timeout=120)


def test_instrument_json_lists_aspects_items_levels_gates(instrument):
    result = run_main("instrument", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "esm-2026" and data["index_range"] == [0.0, 1.0]
    assert data["sha256"] == instrument.sha256
    assert [a["number"] for a in data["aspects"]] == list(range(1, 9))
    assert sum(len(a["items"]) for a in data["aspects"]) == 31
    assert {g["id"] for g in data["gates"]} == {g.id for g in instrument.gates}


def test_instrument_text_mentions_provisional():
    result = run_main("instrument")
    assert result.returncode == 0
    assert "sementara" in result.stdout and "A4.1-KK" in result.stdout


def write(tmp_path, data, name="jawaban.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return str(path)


def test_score_matches_hand_computation(tmp_path, instrument):
    answers = {item.id: 2 for item in instrument.applicable_items({})}
    result = run_main("score", write(tmp_path, {"instrument": "esm-2026", "answers": answers,
                                                "survey": 0.6}), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # M = 0.5; NISM = 0.75*0.5 + 0.25*0.6 = 0.525 -> Lanjutan
    assert data["maturity"] == 0.5 and data["index"] == 0.525
    assert data["band"]["label"] == "Lanjutan" and data["provisional"] is True
    text = run_main("score", write(tmp_path, {"instrument": "esm-2026", "answers": answers}))
    assert "0,50" in text.stdout and "SEMENTARA" in text.stdout


def test_score_legacy_fixture(tmp_path):
    answers = {f"L{n}.{k}": 2 for n, count in enumerate([2, 2, 5, 2, 3, 2, 1, 1], 1) for k in range(1, count + 1)}
    result = run_main("score", write(tmp_path, {"instrument": "kasn-fixture", "answers": answers}),
                      "--instrument-file", str(FIXTURES / "legacy-kasn-fixture.json"), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["index"] == 200.0


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{ ini bukan json", "bukan JSON"),
        ({"instrument": "tidak-ada", "answers": {}}, "tidak-ada"),
        ({"instrument": "esm-2026", "answers": {"Z1": 2}}, "answers.Z1"),
        ({"instrument": "esm-2026", "answers": {"A1.1": 9}}, "answers.A1.1"),
        ({"instrument": "esm-2026", "gates": {"bayar_tpp": "tidak"}, "answers": {"A6.3": 1}}, "answers.A6.3"),
        ({"instrument": "esm-2026", "answers": {}, "lain": 1}, "lain"),
        ([1, 2], "objek"),
    ],
)
def test_bad_answers_file_exits_2_naming_the_entry(tmp_path, content, needle):
    result = run_main("score", write(tmp_path, content))
    assert result.returncode == 2
    assert needle in result.stderr


def test_demo_then_history(tmp_path):
    data_dir = tmp_path / "d"
    result = run_main("demo", "--data-dir", str(data_dir), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["office"].startswith("19.01") and summary["answered"] == 30
    added = run_main("--data-dir", str(data_dir), "history", "add", "--year", "2024", "--nilai", "301,5".replace(",", "."),
                     "--aspect", "3=80", "--json")
    assert added.returncode == 0, added.stderr
    listed = json.loads(run_main("--data-dir", str(data_dir), "history", "list", "--json").stdout)
    assert [r["year"] for r in listed["results"]] == [2021, 2022, 2023, 2024]
    assert listed["results"][-1]["category"] == "III Baik"
    assert listed["results"][-1]["aspect_scores"] == {"3": 80.0}


def test_missing_argument_exits_2():
    result = run_main("score")
    assert result.returncode == 2


def test_exit_codes_are_named_and_documented():
    import cli

    assert {code.name: int(code) for code in ExitCode} == {
        "OK": 0, "INVALID": 1, "USAGE": 2, "STORE": 3, "INTERNAL": 4, "INTERRUPTED": 130}
    readme = (REPO / "README.md").read_text("utf-8")
    for code in ExitCode:
        assert f"{int(code):>4}  {code.name}" in cli.__doc__
        assert f"| {int(code)} | {code.name} |" in readme


def _bare_numbers(expression) -> list:
    """The int literals an expression can evaluate to (through ``a if c else b``)."""
    if isinstance(expression, ast.IfExp):
        return _bare_numbers(expression.body) + _bare_numbers(expression.orelse)
    is_number = isinstance(expression, ast.Constant) and type(expression.value) is int
    return [expression] if is_number else []


def test_verbs_return_exit_codes_by_name_only():
    """A bare number in ``return 2`` or ``CliExit(2, ...)`` hides which code it means."""
    bare = []
    for path in sorted((REPO / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Return) and node.value is not None:
                bare += [f"{path.name}:{node.lineno}" for _ in _bare_numbers(node.value)]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "CliExit" and node.args:
                bare += [f"{path.name}:{node.lineno}" for _ in _bare_numbers(node.args[0])]
    assert bare == []


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--data-dir", "instrument", "--lang", "en"], True),  # values of options are not verbs
        (["-platform", "offscreen"], True),
        (["instrument"], False),
        (["--data-dir", "d", "reprot"], False),
        (["--help"], False),
        (["--version"], False),
    ],
)
def test_only_a_bare_main_py_opens_the_window(argv, window):
    from main import wants_window

    assert wants_window(argv) is window


def test_unknown_verb_exits_2_with_usage_and_opens_no_window(tmp_path):
    data_dir = tmp_path / "data"
    # A window would wait for a person (the setup wizard) and run into the timeout.
    result = run_main("no-such-verb", "--data-dir", str(data_dir))
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.startswith("usage: main.py") and "'no-such-verb'" in result.stderr
    assert result.stdout == "" and not data_dir.exists()


def test_a_verb_imports_no_qt():
    code = "import sys, main\nmain.main(['instrument', '--json'])\nprint(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False"


def test_the_verb_table_names_what_each_module_registers():
    import argparse
    import importlib

    import cli

    registered = {}
    for name in cli.VERB_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"cli.{name}").register(subparsers)
        registered.update(dict.fromkeys(subparsers.choices, name))
    assert registered == cli.VERBS
    assert list(cli.build_parser()[0]._subparsers._group_actions[0].choices) == list(cli.VERBS)


def test_a_verb_imports_only_its_own_module():
    probe = ("import contextlib, io, sys, main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    main.main(['verify', '--help'])\n"
             "print(sorted(m for m in sys.modules if m.startswith('cli.') and m.count('.') == 1))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "['cli.common', 'cli.exit_codes', 'cli.package']"


def test_unexpected_error_prints_one_line_logs_the_traceback_and_exits_internal(tmp_path):
    data_dir = tmp_path / "data"
    inject = ("import sys, main, cli.core\n"
              "def broken(*args, **kwargs):\n"
              "    raise RuntimeError('galat sisipan uji')\n"
              "cli.core.shipped_registry = broken\n"
              f"sys.exit(main.main(['--data-dir', {str(data_dir)!r}, 'instrument']))\n")
    result = subprocess.run([sys.executable, "-c", inject], capture_output=True, text=True, cwd=REPO, timeout=120)
    log_file = data_dir / "logs" / "merit-luring.log"
    assert result.returncode == ExitCode.INTERNAL
    assert result.stderr == f"Galat tak terduga; rinciannya dicatat di {log_file}\n"
    logged = log_file.read_text("utf-8")
    assert "Traceback" in logged and "RuntimeError: galat sisipan uji" in logged and "instrument" in logged


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch):
    folder = tmp_path / "hanya-baca"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):
        # root writes anywhere: refuse writes into the folder as the OS does for everyone else
        real_open = builtins.open

        def refusing_open(file, mode="r", *args, **kwargs):
            if set(mode) & set("wax+") and Path(file).parent == folder:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
    yield folder
    folder.chmod(0o755)


def test_export_to_a_read_only_folder_says_so_plainly(tmp_path, read_only_folder, monkeypatch, capsys):
    from cli import run
    from models.demo import DEMO_OFFICE_PASSPHRASE

    data_dir = tmp_path / "data"
    assert run(["demo", "--data-dir", str(data_dir)]) == ExitCode.OK
    monkeypatch.setenv("MERIT_LURING_PASSPHRASE", DEMO_OFFICE_PASSPHRASE)
    capsys.readouterr()
    target = read_only_folder / "paket.merit"
    assert run(["export", "--year", "2026", "--out", str(target), "--data-dir", str(data_dir)]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err == f"Galat: {target}: akses ditolak; periksa izin berkas atau folder itu, atau pilih folder lain.\n"
    assert list(read_only_folder.iterdir()) == []


def test_export_with_a_wrong_passphrase_leaves_nothing_and_says_so(tmp_path, monkeypatch, capsys):
    # The key is decrypted while the package is written (models.keys.KeyUnlock): a wrong
    # passphrase still ends in the plain message, with no package and no temp file left.
    from cli import run

    data_dir = tmp_path / "data"
    assert run(["demo", "--data-dir", str(data_dir)]) == ExitCode.OK
    monkeypatch.setenv("MERIT_LURING_PASSPHRASE", "bukan kata sandinya")
    capsys.readouterr()
    out = tmp_path / "keluar"
    assert run(["export", "--year", "2026", "--out", str(out / "paket.merit"), "--data-dir", str(data_dir)]) \
        == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err.startswith("Galat: Kata sandi salah untuk kunci "), err
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "path", "expected"),
    [
        (errno.EACCES, "/k/.office.pub.1a2b3c4d.partial", "/k/office.pub: akses ditolak; periksa izin"),
        (errno.EROFS, "/media/usb/paket.merit", "/media/usb/paket.merit: folder hanya-baca; pilih folder lain"),
        (errno.ENOSPC, "/d/merit.sqlite", "/d/merit.sqlite: ruang disk penuh; kosongkan ruang disk"),
        (errno.ENOENT, "/tidak/ada", None),
    ],
)
def test_os_errors_a_user_can_fix_name_the_path_and_what_to_do(code, path, expected):
    from cli.common import os_error_message

    message = os_error_message(OSError(code, os.strerror(code), path))
    assert message == expected if expected is None else message.startswith(expected)


def test_an_os_error_outside_the_verbs_own_checks_exits_usage_without_traceback(tmp_path, monkeypatch, capsys):
    import cli.core
    from cli import run

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "data" / "merit.sqlite"))

    monkeypatch.setattr(cli.core, "shipped_registry", disk_full)
    assert run(["--data-dir", str(tmp_path / "data"), "instrument"]) == ExitCode.USAGE
    assert capsys.readouterr().err == f"Galat: {tmp_path / 'data' / 'merit.sqlite'}: ruang disk penuh; " \
                                      "kosongkan ruang disk lalu ulangi.\n"


def test_score_refuses_duplicate_keys_in_indonesian(tmp_path):
    text = '{"instrument": "esm-2026", "answers": {"A1.1": 4, "A1.1": 0}}'
    result = run_main("score", write(tmp_path, text))
    assert result.returncode == 2 and "'A1.1' muncul dua kali" in result.stderr


def test_score_accepts_a_utf8_bom(tmp_path):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"instrument": "esm-2026", "answers": {"A1.1": 2}}).encode())
    result = run_main("score", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answered"] == 1


def test_score_caps_the_file_size_before_reading_it(tmp_path, monkeypatch):
    from models import answer_file

    path = tmp_path / "besar.json"
    path.write_bytes(b'{"instrument": "' + b"x" * (answer_file.MAX_ANSWER_FILE_BYTES + 10) + b'"}')
    opened = []
    monkeypatch.setattr(answer_file, "open", lambda *a, **k: opened.append(a), raising=False)
    with pytest.raises(answer_file.AnswerFileError, match="berkas terlalu besar"):
        answer_file.read_answer_file(path)
    assert opened == []  # refused from its size alone


def test_score_error_quotes_only_a_short_prefix_of_a_bad_value(tmp_path):
    huge = "9" * 200_000
    result = run_main("score", write(tmp_path, {"instrument": "esm-2026", "answers": {"A1.1": huge}}))
    assert result.returncode == 2 and "answers.A1.1" in result.stderr
    assert len(result.stderr) < 400 and "200002 karakter" in result.stderr
    result = run_main("score", write(tmp_path, {"instrument": "x" * 100_000}))
    assert result.returncode == 2 and len(result.stderr) < 400


def test_score_json_syntax_error_is_in_indonesian(tmp_path):
    result = run_main("score", write(tmp_path, '{"instrument": }'))
    assert result.returncode == 2 and "nilai diharapkan" in result.stderr and "Expecting" not in result.stderr


def test_a_file_error_names_the_file_and_keeps_the_os_words_out_of_the_message(tmp_path):
    import errno

    from cli.common import file_error
    from cli.exit_codes import ExitCode

    odd = file_error(IsADirectoryError(errno.EISDIR, "Is a directory", str(tmp_path)), tmp_path, "dibaca")
    assert odd.code == ExitCode.USAGE
    assert odd.message.startswith(f"{tmp_path}: tidak dapat dibaca;") and "Is a directory" not in odd.message
    known = file_error(PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "x.pdf")), "--out x", "ditulis")
    assert "x.pdf" in known.message and "Permission denied" not in known.message
