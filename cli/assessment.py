"""Verbs that fill an assessment: answer, gate, evidence, check, settings.

They go through :class:`models.session.AssessmentSession`, the same open assessment the GUI
uses, so a change made here obeys the same rules, is written the same way (one transaction
with its audit entry) and moves the same score.
"""

from __future__ import annotations

from pathlib import Path

from cli.common import (
    CliExit,
    add_data_dir,
    handler,
    item_code_of,
    item_id_of,
    opened_store,
    output,
    require_assessment,
)
from cli.exit_codes import ExitCode
from models import settings
from models.evidence import EvidenceError, format_megabytes
from models.formatting import decimal_id
from models.session import RULE_REJECTED, AssessmentSession
from models.validation import can_finalize, validation_issues


def register(subparsers) -> None:
    p = subparsers.add_parser("answer", help="isi tingkat satu butir (dan penjelasannya)")
    p.add_argument("item", help="kode butir, mis. 1.1 (atau id-nya, A1.1)")
    p.add_argument("level", help="tingkat (mis. 0–4), atau 'kosong' untuk menghapus jawaban")
    p.add_argument("--justification", help="penjelasan/justifikasi jawaban")
    _common(p)
    p.set_defaults(handler=cmd_answer)

    p = subparsers.add_parser("gate", help="jawab pertanyaan pembuka (gerbang) yang menentukan butir berlaku")
    p.add_argument("gate", help="id pertanyaan pembuka, mis. bayar_tpp")
    p.add_argument("value", help="pilihan, mis. ya atau tidak")
    _common(p)
    p.set_defaults(handler=cmd_gate)

    p = subparsers.add_parser("evidence", help="bukti dukung: lampirkan atau tampilkan")
    evidence = p.add_subparsers(dest="evidence_verb", metavar="add|list", required=True)
    add = evidence.add_parser("add", help="lampirkan berkas ke satu butir")
    add.add_argument("item", help="kode butir, mis. 1.1 (atau id-nya, A1.1)")
    add.add_argument("file", help="berkas bukti dukung")
    _common(add)
    add.set_defaults(handler=cmd_evidence_add)
    listing = evidence.add_parser("list", help="daftar bukti dukung")
    listing.add_argument("--item", help="hanya butir ini")
    _common(listing)
    listing.set_defaults(handler=cmd_evidence_list)

    p = subparsers.add_parser("check", help="periksa kesiapan finalisasi (keluar 1 bila ada yang menghalangi)")
    _common(p)
    p.set_defaults(handler=cmd_check)

    p = subparsers.add_parser("settings", help="tampilkan atau ubah pengaturan instalasi")
    p.add_argument("key", nargs="?", help="kunci pengaturan (tanpa: tampilkan semua)")
    p.add_argument("value", nargs="?", help="nilai baru")
    add_data_dir(p)
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_settings)


def _common(parser) -> None:
    parser.add_argument("--year", type=int, help="tahun penilaian (bawaan: penilaian terbaru)")
    add_data_dir(parser)
    parser.add_argument("--json", action="store_true", help="keluaran JSON")


class _OpenSession:
    """The latest revision of the year as a session; a refused change becomes exit 2 and a
    failed write exit 3, each with its message."""

    def __init__(self, store, year: int | None):
        assessment = require_assessment(store, year)
        self.session = AssessmentSession(store, assessment)
        self.refusals: list[str] = []
        self.session.subscribe(self._on_session_event)

    def _on_session_event(self, event: str, payload) -> None:
        if event == RULE_REJECTED:
            self.refusals.append(str(payload))

    def check(self, saved: bool) -> None:
        if self.refusals:
            raise CliExit(ExitCode.USAGE, self.refusals[0])
        if not saved:
            raise CliExit(ExitCode.STORE, "perubahan tidak dapat disimpan; periksa ruang disk dan izin folder data "
                                          f"({self.session.failure_detail})")


def _score_summary(session: AssessmentSession) -> dict:
    result = session.score()
    return {"index": result.index, "headline_kind": result.headline_kind,
            "band": result.band.code if result.band else None,
            "band_estimate": result.band_estimate.code if result.band_estimate else None,
            "provisional": result.provisional, "answered": result.answered, "applicable": result.applicable}


def _score_line(session: AssessmentSession) -> str:
    result = session.score()
    mark = " (sementara)" if result.provisional else ""
    return (f"Indeks kini {decimal_id(result.index, 3)}{mark}; "
            f"{result.answered}/{result.applicable} butir berlaku terjawab.")


@handler
def cmd_answer(args) -> int:
    if args.level.casefold() in ("kosong", "-", "none"):
        level = None
    else:
        try:
            level = int(args.level)
        except ValueError:
            raise CliExit(ExitCode.USAGE, f"tingkat '{args.level}' bukan bilangan bulat") from None
    fields = {"level": level}
    if args.justification is not None:
        fields["justification"] = args.justification
    with opened_store(args) as store:
        opened = _OpenSession(store, args.year)
        session = opened.session
        item_id = item_id_of(session.instrument, args.item)
        opened.check(session.set_answer_fields(item_id, **fields))
        answer = session.answer(item_id)
        data = {"item": item_id, "code": item_code_of(session.instrument, item_id), "level": answer.level,
                "justification": answer.justification, "state": session.item_state(item_id),
                "score": _score_summary(session)}
        output(args, data, [f"{data['code']}: tingkat {'–' if answer.level is None else answer.level} tersimpan.",
                            _score_line(session)])
    return ExitCode.OK


@handler
def cmd_gate(args) -> int:
    with opened_store(args) as store:
        opened = _OpenSession(store, args.year)
        session = opened.session
        opened.check(session.set_gate(args.gate, args.value))
        off = [entry.item_id for entry in session.score().not_applicable]
        data = {"gate": args.gate, "value": args.value, "not_applicable": off, "score": _score_summary(session)}
        codes = [item_code_of(session.instrument, item_id) for item_id in off]
        output(args, data, [f"{args.gate} = {args.value} tersimpan.",
                            f"Butir tidak berlaku: {', '.join(codes) if codes else 'tidak ada'}.",
                            _score_line(session)])
    return ExitCode.OK


@handler
def cmd_evidence_add(args) -> int:
    source = Path(args.file)
    if not source.is_file():
        raise CliExit(ExitCode.USAGE, f"berkas {source} tidak ditemukan")
    with opened_store(args) as store:
        opened = _OpenSession(store, args.year)
        session = opened.session
        item_id = item_id_of(session.instrument, args.item)
        try:
            evidence = session.add_evidence(item_id, source)
        except EvidenceError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        opened.check(evidence is not None)
        data = {"item": item_id, "id": evidence.id, "name": evidence.original_name, "size": evidence.size,
                "sha256": evidence.sha256}
        output(args, data, [f"{evidence.original_name} ({format_megabytes(evidence.size)}) dilampirkan ke "
                            f"{item_code_of(session.instrument, item_id)}."])
    return ExitCode.OK


@handler
def cmd_evidence_list(args) -> int:
    with opened_store(args) as store:
        assessment = require_assessment(store, args.year)
        instrument = store.instrument_of(assessment)
        rows = [{"item": row.item_id, "code": item_code_of(instrument, row.item_id), "id": row.id,
                 "name": row.original_name, "size": row.size, "sha256": row.sha256}
                for row in store.evidence(assessment, item_id_of(instrument, args.item))]
    output(args, {"year": assessment.year, "revision": assessment.revision, "evidence": rows},
           [f"{row['code']}\t{row['name']}\t{format_megabytes(row['size'])}\t{row['sha256'][:12]}" for row in rows]
           or ["Belum ada bukti dukung."])
    return ExitCode.OK


@handler
def cmd_check(args) -> int:
    with opened_store(args) as store:
        assessment = require_assessment(store, args.year)
        issues = validation_issues(store, assessment)
    ready = can_finalize(issues)
    data = {"year": assessment.year, "revision": assessment.revision, "ready": ready,
            "issues": [{"kind": issue.kind, "item": issue.item_id, "blocking": issue.blocking,
                        "message": issue.message} for issue in issues]}
    lines = [("MENGHALANGI  " if issue.blocking else "perlu dilihat  ") + issue.message for issue in issues]
    lines.append("Siap difinalisasi." if ready else "Belum dapat difinalisasi: selesaikan yang menghalangi di atas.")
    output(args, data, lines)
    return ExitCode.OK if ready else ExitCode.INVALID


@handler
def cmd_settings(args) -> int:
    with opened_store(args) as store:
        if args.key is None:
            rows = [{"key": s.key, "value": store.setting(s), "default": s.default, "title": s.title}
                    for s in settings.ALL]
            output(args, rows, [f"{row['key']} = {row['value']!r}  ({row['title']})" for row in rows])
            return ExitCode.OK
        try:
            setting = settings.by_key(args.key)
        except KeyError:
            known = ", ".join(s.key for s in settings.ALL)
            raise CliExit(ExitCode.USAGE, f"pengaturan '{args.key}' tidak dikenal; yang ada: {known}") from None
        if args.value is not None and not setting.editable:
            raise CliExit(ExitCode.USAGE, f"{setting.key} diatur saat pengaturan awal dan tidak diubah di sini")
        if args.value is not None:
            try:
                value = int(args.value) if setting.type is int else args.value
                store.set_setting(setting, value)
            except (TypeError, ValueError) as exc:
                raise CliExit(ExitCode.USAGE, f"nilai '{args.value}' tidak sah untuk {setting.key}: {exc}") from None
        value = store.setting(setting)
    output(args, {"key": setting.key, "value": value}, [f"{setting.key} = {value!r}"])
    return ExitCode.OK
