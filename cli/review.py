"""Verbs of issue 15: the province's review (``review set|accept|k|show|export``), its signed
receipt (``receipt``), and the office's ``import-result`` (a verification result or receipt).

The same code as the GUI: ``models.review.ReviewSession`` and ``models.verification``.
"""

from __future__ import annotations

from pathlib import Path

from cli.common import CliExit, add_data_dir, file_error, handler, opened_store, output
from cli.exit_codes import ExitCode
from models.formatting import decimal_id


def _add_target(parser) -> None:
    parser.add_argument("--office", required=True, help="kode kantor kabupaten/kota, mis. 19.01")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--revision", type=int, help="revisi yang ditinjau (bawaan: revisi terbaru yang diterima)")
    parser.add_argument("--json", action="store_true")
    add_data_dir(parser)


def _add_passphrase(parser) -> None:
    from cli.province import _add_passphrase as add

    add(parser)


def register(subparsers) -> None:
    p = subparsers.add_parser("review", help="(provinsi) tinjau butir paket yang diterima, kirim hasil verifikasi")
    verbs = p.add_subparsers(dest="review_verb", metavar="set|accept|k|show|export", required=True)

    set_ = verbs.add_parser("set", help="tetapkan tingkat hasil verifikasi satu butir (dan/atau koreksi k)")
    _add_target(set_)
    set_.add_argument("--item", help="id butir, mis. A1.1")
    set_.add_argument("--level", type=int, help="tingkat hasil verifikasi")
    set_.add_argument("--note", default="", help="catatan (wajib bila berbeda dengan tingkat mandiri)")
    set_.add_argument("--k", type=float, help="koreksi k (0–1)")
    set_.add_argument("--reason", default="", help="alasan koreksi k")
    set_.set_defaults(handler=cmd_set)

    accept = verbs.add_parser("accept", help="terima tingkat mandiri kantor untuk satu butir atau semua sisanya")
    _add_target(accept)
    which = accept.add_mutually_exclusive_group(required=True)
    which.add_argument("--item", help="id butir")
    which.add_argument("--all-remaining", action="store_true", help="semua butir yang belum ditinjau")
    accept.set_defaults(handler=cmd_accept)

    k = verbs.add_parser("k", help="tetapkan koreksi k dan alasannya")
    _add_target(k)
    k.add_argument("--k", type=float, required=True, help="koreksi k (0–1)")
    k.add_argument("--reason", default="", help="alasan (wajib bila k di atas 0)")
    k.set_defaults(handler=cmd_k)

    show = verbs.add_parser("show", help="tampilkan tinjauan: tiap butir, kemajuan, kedua indeks")
    _add_target(show)
    show.set_defaults(handler=cmd_show)

    export = verbs.add_parser("export", help="tulis hasil verifikasi bertanda tangan provinsi (.meritv)")
    _add_target(export)
    export.add_argument("--out", required=True, help="berkas hasil verifikasi yang ditulis")
    export.add_argument("--reviewer", help="nama peninjau (bawaan: nama operator)")
    _add_passphrase(export)
    export.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("receipt", help="(provinsi) tanda terima bertanda tangan untuk paket yang diterima")
    p.add_argument("package", help="berkas .merit yang telah diimpor")
    p.add_argument("--out", required=True, help="berkas tanda terima yang ditulis (.meritr)")
    p.add_argument("--json", action="store_true")
    _add_passphrase(p)
    add_data_dir(p)
    p.set_defaults(handler=cmd_receipt)

    p = subparsers.add_parser("import-result", help="(kantor) impor hasil verifikasi (.meritv) atau tanda terima "
                                                    "(.meritr) dari provinsi")
    p.add_argument("file", help="berkas dari provinsi")
    p.add_argument("--json", action="store_true")
    add_data_dir(p)
    p.set_defaults(handler=cmd_import_result)


# --- province ---------------------------------------------------------------------------------

def _session(store, args):
    from models import province, review
    from models.province_tables import ReceivedPackage

    try:
        province.require_province_code(store)
    except province.ProvinceError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc
    query = ReceivedPackage.select().where((ReceivedPackage.office_code == args.office)
                                           & (ReceivedPackage.year == args.year))
    if args.revision is not None:
        query = query.where(ReceivedPackage.revision == args.revision)
    received = query.order_by(ReceivedPackage.revision.desc()).first()
    if received is None:
        which = f" revisi {args.revision}" if args.revision is not None else ""
        raise CliExit(ExitCode.USAGE, f"belum ada paket {args.office} tahun {args.year}{which} yang diterima")
    return review.ReviewSession(store, received.assessment)


def _refused(exc) -> CliExit:
    return CliExit(ExitCode.INVALID, str(exc))


def _summary(session) -> dict:
    reviewed, total = session.progress()
    own, verified = session.self_score(), session.verified_score()
    return {"office": session.assessment.office.code, "year": session.assessment.year,
            "revision": session.assessment.revision, "reviewed": reviewed, "total": total,
            "self_index": own.index, "verified_index": verified.index, "k": session.k, "k_reason": session.k_reason,
            "items": [{"item_id": r.item_id, "self_level": r.self_level, "verified_level": r.verified_level,
                       "note": r.note} for r in map(session.item, session.items)]}


def _summary_lines(info: dict, *, items: bool = False):
    if items:
        for item in info["items"]:
            verified = "belum ditinjau" if item["verified_level"] is None else f"terverifikasi {item['verified_level']}"
            note = f" — {item['note']}" if item["note"] else ""
            yield f"  {item['item_id']:6} mandiri {item['self_level']}  {verified}{note}"
    k = "" if info["k"] is None else f"; koreksi k {decimal_id(info['k'])} ({info['k_reason']})"
    yield (f"{info['office']} {info['year']} revisi {info['revision']}: {info['reviewed']}/{info['total']} butir "
           f"ditinjau; indeks mandiri {decimal_id(info['self_index'], 3)}, hasil verifikasi "
           f"{decimal_id(info['verified_index'], 3)}{k}")


def _change(args, change) -> int:
    """Apply ``change(session)`` to the review named by ``args`` and print the summary."""
    from models.review import ReviewError

    with opened_store(args) as store:
        session = _session(store, args)
        try:
            change(session)
        except ReviewError as exc:
            raise _refused(exc) from exc
        info = _summary(session)
    output(args, info, _summary_lines(info))
    return ExitCode.OK


@handler
def cmd_set(args) -> int:
    if args.item is None and args.k is None:
        raise CliExit(ExitCode.USAGE, "berikan --item dan --level, atau --k dan --reason")
    if args.item is not None and args.level is None:
        raise CliExit(ExitCode.USAGE, "--item memerlukan --level (atau pakai 'review accept --item')")

    def change(session) -> None:
        if args.item is not None:
            session.set_item(args.item, args.level, args.note)
        if args.k is not None:
            session.set_correction(args.k, args.reason)

    return _change(args, change)


@handler
def cmd_accept(args) -> int:
    return _change(args, lambda session: session.accept(args.item) if args.item else session.accept_remaining())


@handler
def cmd_k(args) -> int:
    return _change(args, lambda session: session.set_correction(args.k, args.reason))


@handler
def cmd_show(args) -> int:
    with opened_store(args) as store:
        info = _summary(_session(store, args))
    output(args, info, _summary_lines(info, items=True))
    return ExitCode.OK


@handler
def cmd_export(args) -> int:
    from cli.province import _unlock
    from models.review import ReviewError, export_result

    with opened_store(args) as store:
        session = _session(store, args)
        reviewed, total = session.progress()
        if reviewed < total:  # said before the passphrase is asked
            raise CliExit(ExitCode.INVALID, f"tinjauan belum lengkap: {reviewed}/{total} butir ditinjau "
                                            "('review accept --all-remaining' menerima sisanya)")
        private_key = _unlock(store, args)
        try:
            out = export_result(store, session.assessment, private_key, Path(args.out), args.reviewer)
        except ReviewError as exc:
            raise _refused(exc) from exc
        except OSError as exc:
            raise file_error(exc, f"--out {args.out}", "ditulis") from exc
        info = {**_summary(session), "out": str(out)}
    output(args, info, [*_summary_lines(info), f"Hasil verifikasi ditulis ke {out}"])
    return ExitCode.OK


@handler
def cmd_receipt(args) -> int:
    from cli.province import _unlock
    from models import province
    from models.review import ReviewError, issue_receipt, received_for_file

    with opened_store(args) as store:
        try:
            province.require_province_code(store)
            received = received_for_file(Path(args.package))
        except (province.ProvinceError, ReviewError) as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        private_key = _unlock(store, args)
        try:
            out = issue_receipt(store, received, private_key, Path(args.out))
        except ReviewError as exc:
            raise _refused(exc) from exc
        except OSError as exc:
            raise file_error(exc, f"--out {args.out}", "ditulis") from exc
        info = {"out": str(out), "office_code": received.office_code, "year": received.year,
                "revision": received.revision, "received_at": received.received_at.isoformat(),
                "package_sha256": received.sha256}
    output(args, info, [f"Tanda terima paket {received.office_code} {received.year} revisi {received.revision} "
                        f"(diterima {received.received_at:%Y-%m-%d %H:%M} UTC) ditulis ke {out}"])
    return ExitCode.OK


# --- office -----------------------------------------------------------------------------------

@handler
def cmd_import_result(args) -> int:
    from models.verification import import_answer_file

    with opened_store(args) as store:
        outcome = import_answer_file(store, Path(args.file))
    output(args, outcome.to_dict(), [outcome.message if outcome.ok else f"Ditolak ({outcome.reason}): "
                                     f"{outcome.message}"], to_stderr=not outcome.ok)
    if outcome.ok:
        return ExitCode.OK
    return ExitCode.USAGE if outcome.reason == "unreadable" else ExitCode.INVALID
