"""Verbs of the foundation: instrument, score, demo, history, backup, restore."""

from __future__ import annotations

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
    warn,
)
from cli.exit_codes import ExitCode
from models.answer_file import AnswerFileError, read_answer_file
from models.figures import CORRECTION_WAITING_PHRASE, ESTIMATE_PHRASE, headline_text
from models.formatting import decimal_id, percent_id, quote_short
from models.instrument import InstrumentError, load_instrument, shipped_registry
from models.provenance import OFFICIAL_CHANNEL, PROVENANCE_SUMMARY, provenance_label
from models.scoring import ScoreResult, ScoringInputError, score
from models.store import legacy_scale


def register(subparsers) -> None:
    p = subparsers.add_parser("instrument", help="tampilkan instrumen penilaian")
    p.add_argument("--id", help="id instrumen (bawaan: instrumen terkini)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_instrument)
    from cli.instruments import register_under

    register_under(p)

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
    yield f"{instrument.title} ({instrument.id} versi {instrument.version}, urutan {instrument.sequence})"
    yield f"Peraturan: {instrument.legal_basis}"
    yield f"SHA-256: {instrument.sha256}"
    yield OFFICIAL_CHANNEL
    yield f"Asal angka dan teks: {PROVENANCE_SUMMARY}"
    yield (f"Rentang indeks: {decimal_id(low)}–{decimal_id(high)}; skala tingkat "
           f"{instrument.scale_min}–{instrument.scale_max}")
    for name, basis in (("Rumus NISM", instrument.formula_basis), ("Pita predikat", instrument.bands_basis),
                        ("Agregasi butir", instrument.aggregation_basis)):
        if basis.provenance:
            yield f"{name}: {provenance_label(basis.provenance)} — {basis.source}"
    for aspect in instrument.aspects:
        mark = " (sementara)" if aspect.provisional else ""
        origin = f" [{provenance_label(aspect.weight_basis.provenance)}]" if aspect.weight_basis.provenance else ""
        yield f"\nAspek {aspect.number}. {aspect.title} — bobot {percent_id(aspect.weight, 2)}{mark}{origin}"
        for gate in instrument.gates_for_aspect(aspect.id):
            options = " / ".join(option.label for option in gate.options)
            yield f"  [gerbang {gate.id}] {gate.question} ({options})"
            if gate.project_note:
                yield f"    (catatan proyek: {gate.project_note})"
        for item in aspect.items:
            condition = ""
            if item.applies_when:
                condition = f" [berlaku bila {item.applies_when.gate} ∈ {', '.join(item.applies_when.values)}]"
            origin = f" [{provenance_label(item.provenance)}]" if item.provenance else ""
            yield f"  {item.id} {item.title}{condition}{origin}"
            yield f"    {item.question}"
            for level in item.levels:
                yield f"      {level.level}: {level.descriptor}"
                if level.project_note:
                    yield f"         (catatan proyek: {level.project_note})"
            if item.evidence_project_note:
                yield f"    (catatan proyek, bukti dukung: {item.evidence_project_note})"


# --- score -----------------------------------------------------------------------------

def _load_answer_file(path: Path) -> dict:
    try:
        return read_answer_file(path)
    except AnswerFileError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc


def format_score(result: ScoreResult) -> str:
    places = 1 if result.model == "weighted_sum" else 2
    lines = [headline_text(result, places)]
    if result.headline_kind == "maturity":
        lines.append("NISM: belum dapat dihitung (nilai survei kepegawaian S belum diisi); "
                     "predikat hanya berlaku untuk NISM")
    if result.correction_waiting:
        lines.append(f"Koreksi k {decimal_id(result.correction, places)}: {CORRECTION_WAITING_PHRASE}")
    for aspect in result.aspects:
        value = "tidak berlaku" if aspect.score is None else decimal_id(aspect.score, places)
        lines.append(f"  Aspek {aspect.number} {aspect.title}: {value}")
    lines.append(f"Kelengkapan: {result.answered}/{result.applicable} item berlaku dijawab")
    if result.unanswered:
        lines.append(f"Belum dijawab (dihitung tingkat terendah): {', '.join(result.unanswered)}")
    if result.not_applicable:
        lines.append("Tidak berlaku: " + ", ".join(f"{n.item_id} ({n.gate}={n.value})" for n in result.not_applicable))
    if result.next_band:
        target = f"perkiraan {result.next_band.label}" if result.band_is_estimate else result.next_band.label
        lines.append(f"Kurang {decimal_id(result.next_band.missing, places)} menuju {target}")
    return "\n".join(lines)


@handler
def cmd_score(args) -> int:
    data = _load_answer_file(Path(args.answers))
    registry = shipped_registry()
    if args.instrument_file:
        try:  # the named file must load; other files beside it are only skipped and named
            load_instrument(Path(args.instrument_file))
        except InstrumentError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        registry = shipped_registry(Path(args.instrument_file).parent)
        warn(registry.warnings)
    try:
        instrument = registry.get(data["instrument"])
    except KeyError:
        raise CliExit(ExitCode.USAGE,
                      f"instrument: instrumen tidak dikenal {quote_short(data['instrument'])}") from None
    try:
        result = score(instrument, data.get("gates"), data.get("answers", {}),
                       survey=data.get("survey"), correction=data.get("correction"))
    except ScoringInputError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc
    lines = [format_score(result)]
    if args.instrument_file and shipped_registry().by_hash(instrument.sha256) is None:
        # An explicit file for testing: not shipped, not signed by a province; say so.
        lines.append("Catatan: dihitung dengan berkas instrumen sendiri yang tidak ditandatangani provinsi; "
                     "hanya untuk uji, bukan hasil penilaian.")
    output(args, result.to_dict(), lines)
    return ExitCode.OK


# --- demo ------------------------------------------------------------------------------

# The summary's keys as the user reads them: the estimate is named as one, "sementara" is said.
DEMO_LABELS = {"band": "predikat", "band_estimate": ESTIMATE_PHRASE, "provisional": "sementara"}


def _demo_value(key, value):
    if key == "provisional":
        return "ya (bobot aspek belum resmi)" if value else "tidak"
    return value


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
                           *(f"  {DEMO_LABELS.get(key, key)}: {_demo_value(key, value)}"
                             for key, value in summary.items() if value is not None)])
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
    # The category of the value as recorded (unrounded); rows stored before that rule are
    # read with it too.
    category = legacy_scale().category_for(row.nilai)
    return {"year": row.year, "nilai": row.nilai, "category": f"{category['roman']} {category['label']}",
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
        output(args, _legacy_row(row), [f"{row.year}: {legacy_scale().with_category(row.nilai)}"])
    return ExitCode.OK


@handler
def cmd_history_list(args) -> int:
    with opened_store(args) as store:
        office = require_office(store)
        rows = [_legacy_row(row) for row in store.legacy_results(office)]
    output(args, {"office": office.code, "results": rows},
           (f"{row['year']}: {legacy_scale().with_category(row['nilai'])}" for row in rows))
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
