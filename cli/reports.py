"""Verbs for what the office hands to its leadership: report, berita-acara, worksheet, plan,
new-year, reviewed. The PDF verbs paint with Qt through ``documents`` (imported inside the
handlers, so that importing the CLI never loads Qt)."""

from __future__ import annotations

from pathlib import Path

from cli.common import (
    CliExit,
    add_data_dir,
    handler,
    item_id_of,
    opened_store,
    os_error_message,
    output,
    require_assessment,
    require_office,
)
from cli.exit_codes import ExitCode
from models.formatting import decimal_id
from models.settings import OPERATOR_NAME
from models.store import StoreRuleError


def register(subparsers) -> None:
    p = subparsers.add_parser("report", help="laporan PDF satu penilaian (untuk pimpinan)")
    add_data_dir(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--revision", type=int, help="revisi (bawaan: terbaru)")
    p.add_argument("--pdf", required=True, help="berkas PDF yang ditulis")
    p.set_defaults(handler=cmd_report)

    p = subparsers.add_parser("berita-acara", help="Berita Acara satu halaman untuk paket yang diekspor")
    p.add_argument("package", help="berkas paket .merit")
    p.add_argument("--pdf", required=True, help="berkas PDF yang ditulis")
    p.add_argument("--json", action="store_true", help="tampilkan juga isinya sebagai JSON")
    p.set_defaults(handler=cmd_berita_acara)

    p = subparsers.add_parser("worksheet", help="kertas kerja XLSX (dan bukti dukung per kode butir)")
    add_data_dir(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--revision", type=int, help="revisi (bawaan: terbaru)")
    p.add_argument("--xlsx", required=True, help="berkas XLSX yang ditulis")
    p.add_argument("--evidence-dir", help="salin bukti dukung ke folder ini, satu subfolder per kode butir")
    p.set_defaults(handler=cmd_worksheet)

    p = subparsers.add_parser("plan", help="rencana peningkatan: kenaikan tingkat paling sedikit menuju target")
    add_data_dir(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--target", required=True, help="predikat (mis. Tinggi) atau angka (mis. 0,81)")
    p.add_argument("--avoid", nargs="*", default=[], metavar="ITEM", help="butir yang sulit tahun ini")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_plan)

    p = subparsers.add_parser("new-year", help="mulai penilaian tahun baru dari jawaban dan bukti tahun lalu")
    add_data_dir(p)
    p.add_argument("--from", dest="from_year", type=int, required=True, help="tahun sumber")
    p.add_argument("--to", dest="to_year", type=int, help="tahun baru (bawaan: tahun sumber + 1)")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(handler=cmd_new_year)

    p = subparsers.add_parser("reviewed", help="konfirmasi butir yang dibawa dari tahun lalu sudah ditinjau")
    add_data_dir(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("items", nargs="*", metavar="ITEM", help="kode butir (kosong dengan --all: semuanya)")
    p.add_argument("--all", action="store_true", help="semua butir yang belum ditinjau")
    p.set_defaults(handler=cmd_reviewed)


@handler
def cmd_report(args) -> int:
    from documents.qt_app import ensure_gui_application
    from documents.report_pdf import write_report_pdf
    from models.report_data import build_report
    from models.store import InstrumentUnavailable

    with opened_store(args) as store:
        try:
            report = build_report(store, require_assessment(store, args.year, args.revision))
        except InstrumentUnavailable as exc:  # a final revision is never reported with another release
            raise CliExit(ExitCode.USAGE, str(exc).replace("; skor yang tersimpan ditampilkan", "")) from exc
    ensure_gui_application()
    try:
        path = write_report_pdf(report, Path(args.pdf))
    except OSError as exc:
        raise CliExit(ExitCode.USAGE, os_error_message(exc) or f"{args.pdf}: tidak dapat ditulis") from exc
    print(f"{path}: {report.headline.line}")
    return ExitCode.OK


@handler
def cmd_berita_acara(args) -> int:
    from dataclasses import asdict

    from documents.berita_acara_pdf import write_berita_acara_pdf
    from documents.qt_app import ensure_gui_application
    from models.berita_acara import BeritaAcaraError, berita_acara_of_package, grouped_hash

    try:
        paper = berita_acara_of_package(Path(args.package))
    except BeritaAcaraError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc
    except OSError as exc:
        raise CliExit(ExitCode.USAGE, os_error_message(exc) or f"{args.package}: tidak dapat dibaca") from exc
    ensure_gui_application()
    path = write_berita_acara_pdf(paper, Path(args.pdf))
    output(args, {**asdict(paper), "qr_payload": paper.qr_payload, "pdf": str(path)},
           [str(path), f"ID paket: {paper.package_id}", f"SHA-256: {grouped_hash(paper.sha256)}"])
    return ExitCode.OK


@handler
def cmd_worksheet(args) -> int:
    from models.evidence import EvidenceError
    from models.store import InstrumentUnavailable
    from models.worksheet import export_evidence_tree, write_worksheet

    with opened_store(args) as store:
        assessment = require_assessment(store, args.year, args.revision)
        try:
            path = write_worksheet(store, assessment, Path(args.xlsx))
        except InstrumentUnavailable as exc:  # a final revision is never laid out with another release
            raise CliExit(ExitCode.USAGE, str(exc).replace("; skor yang tersimpan ditampilkan", "")) from exc
        print(path)
        if args.evidence_dir:
            try:
                export = export_evidence_tree(store, assessment, Path(args.evidence_dir))
            except EvidenceError as exc:
                raise CliExit(ExitCode.INVALID, str(exc)) from exc
            print(f"{export.directory}: {export.files} berkas dalam {len(export.folders)} folder butir")
    return ExitCode.OK


@handler
def cmd_plan(args) -> int:
    from models.planner import REACHED, UNREACHABLE, TargetError, parse_target, plan_improvement

    with opened_store(args) as store:
        assessment = require_assessment(store, args.year)
        instrument = store.instrument_of(assessment)
        avoid = [item_id_of(instrument, item) for item in args.avoid]  # "A1.1" or "1.1"
        unknown = [item for item in avoid if not instrument.has_item(item)]
        if unknown:
            raise CliExit(ExitCode.USAGE, f"--avoid: butir tidak dikenal: {', '.join(unknown)}")
        try:
            target = parse_target(instrument, args.target)
        except TargetError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        plan = plan_improvement(instrument, assessment.gates, store.recorded_levels(assessment), target,
                                survey=assessment.survey, correction=assessment.correction, avoid=avoid)
    output(args, plan.to_dict(), _plan_lines(plan, instrument, plan.status == REACHED))
    # An unreachable target is a negative answer, as a verifier's "invalid".
    return ExitCode.INVALID if plan.status == UNREACHABLE else ExitCode.OK


def _plan_lines(plan, instrument, with_steps: bool):
    yield plan.message
    if with_steps:
        for number, step in enumerate(plan.steps, start=1):
            heading = instrument.item(step.item_id).heading if instrument.has_item(step.item_id) else step.item_id
            yield (f"{number:3d}. {heading}: {step.from_level} → {step.to_level} "
                   f"(+{decimal_id(step.gain, 4)}, menjadi {decimal_id(step.value_after, instrument.precision)})")
            yield f"     syarat: {step.descriptor}"
            yield f"     bukti: {'; '.join(step.evidence)}"


@handler
def cmd_new_year(args) -> int:
    from models.carry_forward import start_from_previous

    with opened_store(args) as store:
        office = require_office(store)
        try:
            summary = start_from_previous(store, office, args.from_year, store.setting(OPERATOR_NAME),
                                          to_year=args.to_year)
        except StoreRuleError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
    data = {"year": summary.assessment.year, "assessment_id": summary.assessment.id, "from_year": summary.from_year,
            "from_revision": summary.from_revision, "answers": summary.answers, "evidence": summary.evidence,
            "skipped_items": list(summary.skipped_items), "missing_blobs": summary.missing_blobs}
    output(args, data, [f"Penilaian {data['year']} dibuat dari {data['from_year']} revisi {data['from_revision']}: "
                        f"{data['answers']} jawaban dan {data['evidence']} bukti dibawa; setiap butir ditandai "
                        "'belum ditinjau tahun ini' sampai diubah atau dikonfirmasi ('reviewed')."])
    return ExitCode.OK


@handler
def cmd_reviewed(args) -> int:
    from models.carry_forward import confirm_reviewed, unreviewed_items

    with opened_store(args) as store:
        assessment = require_assessment(store, args.year)
        pending = unreviewed_items(store, assessment)
        if not args.items and not args.all:
            raise CliExit(ExitCode.USAGE, "sebutkan kode butir, atau --all untuk semua: " + (", ".join(pending) or "(tidak ada)"))
        chosen = pending if args.all else [item_id_of(store.instrument_of(assessment), item) for item in args.items]
        try:
            count = confirm_reviewed(store, assessment, chosen, store.setting(OPERATOR_NAME))
        except StoreRuleError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        left = len(unreviewed_items(store, assessment))
    print(f"{count} butir dikonfirmasi sudah ditinjau; {left} belum.")
    return ExitCode.OK
