"""Verbs of the foundation: instrument, score, demo, history, backup, restore."""

from __future__ import annotations

import json
from pathlib import Path

from cli.common import (
    LOCK_WAIT_SECONDS,
    CliExit,
    add_data_dir,
    data_dir_of,
    handler,
    opened_store,
    output,
    require_office,
)
from cli.exit_codes import ExitCode
from models.formatting import decimal_id, percent_id
from models.instrument import InstrumentError, shipped_registry
from models.scoring import ScoreResult, ScoringInputError, score

ANSWER_FILE_KEYS = {"instrument", "gates", "answers", "survey", "correction"}


def register(subparsers) -> None:
    p = subparsers.add_parser("instrument", help="tampilkan instrumen penilaian")
    p.add_argument("--id", help="id instrumen (bawaan: instrumen terkini)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_instrument)

    p = subparsers.add_parser("score", help="hitung indeks dari berkas jawaban JSON")
    p.add_argument("answers", help='berkas {"instrument": id, "gates": {...}, "answers": {item: tingkat}}')
    p.add_argument("--instrument-file", help="berkas instrumen tambahan (mis. instrumen lama)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_score)

    p = subparsers.add_parser("demo", help="isi folder data dengan kabupaten contoh yang lengkap")
    add_data_dir(p)
    p.add_argument("--province", action="store_true",
                   help="buat instalasi provinsi contoh dari kunci provinsi contoh di --from")
    p.add_argument("--from", dest="from_dir", metavar="FOLDER", help="folder data kantor contoh (dengan --province)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_demo)

    p = subparsers.add_parser("history", help="riwayat hasil resmi skala lama (100–400)")
    add_data_dir(p)
    history = p.add_subparsers(dest="history_verb", metavar="add|list", required=True)
    add = history.add_parser("add", help="catat hasil resmi satu tahun")
    add.add_argument("--year", type=int, required=True)
    add.add_argument("--nilai", type=float, required=True, help="nilai 100–400")
    add.add_argument("--aspect", action="append", default=[], metavar="N=NILAI",
                     help="nilai aspek N (boleh diulang), mis. --aspect 3=75")
    add.add_argument("--note", default="")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_history_add)
    listing = history.add_parser("list", help="daftar riwayat")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_history_list)

    p = subparsers.add_parser("backup", help="buat cadangan basis data sekarang")
    add_data_dir(p)
    p.set_defaults(handler=cmd_backup)

    p = subparsers.add_parser("restore", help="pulihkan basis data dari cadangan (data saat ini disalin dahulu)")
    p.add_argument("backup", nargs="?", help="berkas cadangan (jalur, atau namanya di folder backups)")
    p.add_argument("--list", action="store_true", help="daftar cadangan, terbaru dahulu")
    p.add_argument("--json", action="store_true")
    add_data_dir(p)
    p.set_defaults(handler=cmd_restore)


# --- instrument ------------------------------------------------------------------------

@handler
def cmd_instrument(args) -> int:
    registry = shipped_registry()
    try:
        instrument = registry.get(args.id) if args.id else registry.default()
    except KeyError as exc:
        raise CliExit(ExitCode.USAGE, str(exc.args[0])) from exc
    output(args, instrument.summary(), _instrument_lines(instrument))
    return ExitCode.OK


def _instrument_lines(instrument):
    low, high = instrument.index_range
    yield f"{instrument.title} ({instrument.id} versi {instrument.version})"
    yield f"Dasar hukum: {instrument.legal_basis}"
    yield f"SHA-256: {instrument.sha256}"
    yield (f"Rentang indeks: {decimal_id(low)}–{decimal_id(high)}; skala tingkat "
           f"{instrument.scale_min}–{instrument.scale_max}")
    for aspect in instrument.aspects:
        mark = " (sementara)" if aspect.provisional else ""
        yield f"\nAspek {aspect.number}. {aspect.title} — bobot {percent_id(aspect.weight, 2)}{mark}"
        for gate in instrument.gates_for_aspect(aspect.id):
            options = " / ".join(option.label for option in gate.options)
            yield f"  [gerbang {gate.id}] {gate.question} ({options})"
        for item in aspect.items:
            condition = ""
            if item.applies_when:
                condition = f" [berlaku bila {item.applies_when.gate} ∈ {', '.join(item.applies_when.values)}]"
            yield f"  {item.id} {item.title}{condition}"
            yield f"    {item.question}"
            for level in item.levels:
                yield f"      {level.level}: {level.descriptor}"


# --- score -----------------------------------------------------------------------------

def _load_answer_file(path: Path) -> dict:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise CliExit(ExitCode.USAGE, f"{path}: tidak dapat dibaca ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise CliExit(ExitCode.USAGE, f"{path}: bukan teks UTF-8") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliExit(ExitCode.USAGE, f"{path}: bukan JSON yang sah (baris {exc.lineno}: {exc.msg})") from exc
    if not isinstance(data, dict):
        raise CliExit(ExitCode.USAGE, f"{path}: isi harus objek JSON")
    unknown = set(data) - ANSWER_FILE_KEYS
    if unknown:
        raise CliExit(ExitCode.USAGE, f"{path}: kunci tidak dikenal: {', '.join(sorted(unknown))}")
    for key, kind in (("instrument", str), ("gates", dict), ("answers", dict)):
        if key == "instrument" and key not in data:
            raise CliExit(ExitCode.USAGE, f"{path}: kunci 'instrument' wajib ada")
        if key in data and not isinstance(data[key], kind):
            raise CliExit(ExitCode.USAGE, f"{path}: '{key}' harus {'teks' if kind is str else 'objek'}")
    return data


def format_score(result: ScoreResult) -> str:
    places = 1 if result.model == "weighted_sum" else 2
    names = {"nism": "Indeks Sistem Merit (NISM)", "maturity": "Maturitas (tanpa survei)", "nilai": "Nilai"}
    lines = [f"{names[result.headline_kind]}: {decimal_id(result.index, places)} — {result.band.label}"
             + (" (SEMENTARA: bobot aspek belum resmi)" if result.provisional else "")]
    if result.headline_kind == "maturity":
        lines.append("NISM: belum dapat dihitung (nilai survei kepegawaian S belum diisi)")
    for aspect in result.aspects:
        value = "tidak berlaku" if aspect.score is None else decimal_id(aspect.score, places)
        lines.append(f"  Aspek {aspect.number} {aspect.title}: {value}")
    lines.append(f"Kelengkapan: {result.answered}/{result.applicable} item berlaku dijawab")
    if result.unanswered:
        lines.append(f"Belum dijawab (dihitung tingkat terendah): {', '.join(result.unanswered)}")
    if result.not_applicable:
        lines.append("Tidak berlaku: " + ", ".join(f"{n.item_id} ({n.gate}={n.value})" for n in result.not_applicable))
    if result.next_band:
        lines.append(f"Kurang {decimal_id(result.next_band.missing, places)} menuju {result.next_band.label}")
    return "\n".join(lines)


@handler
def cmd_score(args) -> int:
    data = _load_answer_file(Path(args.answers))
    registry = shipped_registry()
    if args.instrument_file:
        try:
            registry = shipped_registry(Path(args.instrument_file).parent)
        except InstrumentError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
    try:
        instrument = registry.get(data["instrument"])
    except KeyError:
        raise CliExit(ExitCode.USAGE, f"instrument: instrumen tidak dikenal '{data['instrument']}'") from None
    try:
        result = score(instrument, data.get("gates"), data.get("answers", {}),
                       survey=data.get("survey"), correction=data.get("correction"))
    except ScoringInputError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc
    output(args, result.to_dict(), [format_score(result)])
    return ExitCode.OK


# --- demo ------------------------------------------------------------------------------

@handler
def cmd_demo(args) -> int:
    from models.demo import seed_demo, seed_demo_province

    if args.province and not args.from_dir:
        raise CliExit(ExitCode.USAGE, "--province memerlukan --from FOLDER (folder data kantor contoh)")
    with opened_store(args) as store:
        if args.province:
            try:
                summary = seed_demo_province(store, Path(args.from_dir))
            except ValueError as exc:
                raise CliExit(ExitCode.USAGE, str(exc)) from exc
        else:
            summary = seed_demo(store)
    output(args, summary, [f"Data contoh dibuat di {data_dir_of(args)}:",
                           *(f"  {key}: {value}" for key, value in summary.items())])
    return ExitCode.OK


# --- history ---------------------------------------------------------------------------

def _parse_aspects(pairs: list[str]) -> dict[str, float] | None:
    scores = {}
    for pair in pairs:
        number, sep, value = pair.partition("=")
        if not sep or not number.strip().isdigit() or not 1 <= int(number) <= 8:
            raise CliExit(ExitCode.USAGE, f"--aspect {pair!r}: bentuknya N=NILAI dengan N 1–8")
        try:
            scores[str(int(number))] = float(value.replace(",", "."))
        except ValueError:
            raise CliExit(ExitCode.USAGE, f"--aspect {pair!r}: nilai bukan angka") from None
    return scores or None


def _legacy_row(row) -> dict:
    return {"year": row.year, "nilai": row.nilai, "category": row.category,
            "aspect_scores": row.aspect_scores, "note": row.note}


@handler
def cmd_history_add(args) -> int:
    from models.store import StoreRuleError

    with opened_store(args) as store:
        office = require_office(store)
        try:
            row = store.record_legacy_result(office, args.year, args.nilai, _parse_aspects(args.aspect), args.note)
        except StoreRuleError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        output(args, _legacy_row(row), [f"{row.year}: {decimal_id(row.nilai, 1)} — {row.category}"])
    return ExitCode.OK


@handler
def cmd_history_list(args) -> int:
    with opened_store(args) as store:
        office = require_office(store)
        rows = [_legacy_row(row) for row in store.legacy_results(office)]
    output(args, {"office": office.code, "results": rows},
           (f"{row['year']}: {decimal_id(row['nilai'], 1)} — {row['category']}" for row in rows))
    return ExitCode.OK


@handler
def cmd_backup(args) -> int:
    with opened_store(args) as store:
        path = store.backup()
    print(path if path is not None else "Belum ada data untuk dicadangkan (kantor belum disiapkan).")
    return ExitCode.OK


@handler
def cmd_restore(args) -> int:
    """The same function as Pengaturan > Cadangan (``models.store.restore_store``)."""
    from models.db import BACKUP_DIR, StoreError, backups_newest_first
    from models.store import restore_store

    directory = data_dir_of(args)
    backups = backups_newest_first(directory)
    if args.list or not args.backup:
        if not args.list:
            raise CliExit(ExitCode.USAGE, "sebutkan berkas cadangan (lihat 'restore --list')")
        output(args, {"backups": [str(path) for path in backups]},
               [str(path) for path in backups] or ["Belum ada cadangan."])
        return ExitCode.OK
    backup = Path(args.backup)
    if not backup.is_file() and (directory / BACKUP_DIR / args.backup).is_file():
        backup = directory / BACKUP_DIR / args.backup
    if not backup.is_file():
        raise CliExit(ExitCode.USAGE, f"cadangan tidak ditemukan: {args.backup}")
    try:
        restored = restore_store(directory, backup, lock_wait=LOCK_WAIT_SECONDS)
    except StoreError as exc:
        raise CliExit(ExitCode.STORE, str(exc)) from exc
    kept = [str(path) for path in restored.damaged_copies]
    output(args, {"restored_from": str(backup), "database": str(restored.path), "kept": kept},
           [f"Dipulihkan dari {backup}.",
            *(f"Data sebelumnya disimpan sebagai {path}" for path in kept)])
    return ExitCode.OK
