"""Verbs of the signed package: ``keys init|show``, ``enrol request|import``, ``finalize``,
``reopen``, ``export``, ``verify``, ``inspect``.

Passphrases come from ``--passphrase-file``, else ``$MERIT_LURING_PASSPHRASE``, else an
interactive prompt — never from an argument, which would show in the process list.
``verify`` exits 0 for a valid package, 1 for an invalid one (the reason code is printed),
2 when the file cannot be read or the command is wrong.
"""

from __future__ import annotations

import getpass
import os
import sys
from contextlib import ExitStack
from datetime import date
from pathlib import Path

from cli.common import (
    CliExit,
    add_data_dir,
    data_dir_of,
    file_error,
    handler,
    opened_store,
    os_error_message,
    output,
    require_assessment,
    require_office,
    warn_skipped_instruments,
)
from cli.exit_codes import ExitCode
from models.formatting import decimal_id
from models.settings import OPERATOR_NAME

PASSPHRASE_ENV = "MERIT_LURING_PASSPHRASE"


def _add_passphrase(parser) -> None:
    parser.add_argument("--passphrase-file", help=f"berkas berisi kata sandi kunci kantor "
                                                  f"(bawaan: ${PASSPHRASE_ENV} atau ditanyakan)")


def _common(parser, *, passphrase: bool = False, json_flag: bool = True) -> None:
    add_data_dir(parser)
    if passphrase:
        _add_passphrase(parser)
    if json_flag:
        parser.add_argument("--json", action="store_true", help="keluaran JSON")


def register(subparsers) -> None:
    p = subparsers.add_parser("keys", help="kunci kantor: buat atau tampilkan")
    verbs = p.add_subparsers(dest="keys_verb", metavar="init|show", required=True)
    init = verbs.add_parser("init", help="buat pasangan kunci kantor (kunci privat terenkripsi kata sandi)")
    _common(init, passphrase=True)
    init.set_defaults(handler=cmd_keys_init)
    show = verbs.add_parser("show", help="tampilkan sidik jari kunci kantor dan sertifikatnya")
    _common(show)
    show.set_defaults(handler=cmd_keys_show)

    p = subparsers.add_parser("enrol", help="pendaftaran kantor ke provinsi (berkas permintaan dan sertifikat)")
    verbs = p.add_subparsers(dest="enrol_verb", metavar="request|import", required=True)
    request = verbs.add_parser("request", help="tulis berkas permintaan pendaftaran untuk provinsi")
    request.add_argument("--out", required=True, help="berkas permintaan yang ditulis")
    _common(request, passphrase=True)
    request.set_defaults(handler=cmd_enrol_request)
    imported = verbs.add_parser("import", help="impor sertifikat kantor dari provinsi")
    imported.add_argument("certificate", help="berkas sertifikat dari provinsi")
    imported.add_argument("--province-key", help="kunci publik provinsi (.pub) untuk memeriksa dan dipercaya")
    _common(imported)
    imported.set_defaults(handler=cmd_enrol_import)

    p = subparsers.add_parser("finalize", help="kunci penilaian satu tahun sebagai final (setelah validasi)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--without-survey", action="store_true",
                   help="finalisasi walau nilai survei S belum diisi (hasil hanya maturitas, tanpa predikat; "
                        "dicatat di jejak audit)")
    _common(p)
    p.set_defaults(handler=cmd_finalize)

    p = subparsers.add_parser("reopen", help="buka revisi baru dari penilaian final")
    p.add_argument("--year", type=int, required=True)
    _common(p)
    p.set_defaults(handler=cmd_reopen)

    p = subparsers.add_parser("export", help="ekspor paket bertanda tangan (.merit) penilaian final")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", required=True, help="berkas .merit yang ditulis")
    p.add_argument("--encrypt-to", metavar="PROVINCE.pub",
                   help="enkripsi paket untuk kunci publik provinsi ini (hanya provinsi yang dapat membukanya)")
    _common(p, passphrase=True)
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("verify", help="periksa paket .merit (0 sah, 1 tidak sah, 2 galat)")
    p.add_argument("file", help="berkas .merit")
    p.add_argument("--trust", action="append", default=[], metavar="KEYFILE",
                   help="kunci publik provinsi yang dipercaya (boleh diulang; bawaan: <data>/keys/trusted)")
    p.add_argument("--revoked", action="append", default=[], metavar="SERIAL",
                   help="nomor seri yang dicabut, selain pencabutan yang sudah diketahui instalasi ini")
    p.add_argument("--on", type=date.fromisoformat, help="nilai sertifikat dan pencabutan pada tanggal ini (bawaan: "
                                                         "sekarang; di provinsi, waktu paket itu diterima)")
    _common(p)
    p.add_argument("--passphrase-file", help=f"berkas berisi kata sandi kunci provinsi, untuk paket terenkripsi "
                                             f"(bawaan: ${PASSPHRASE_ENV} atau ditanyakan)")
    p.set_defaults(handler=cmd_verify)

    p = subparsers.add_parser("inspect", help="ringkasan isi paket tanpa memeriksa keabsahannya")
    p.add_argument("file", help="berkas .merit")
    _common(p)
    p.set_defaults(handler=cmd_inspect)


# --- helpers ----------------------------------------------------------------------------------

def read_passphrase(args, *, confirm: bool = False, what: str = "kunci kantor") -> str:
    if getattr(args, "passphrase_file", None):
        path = Path(args.passphrase_file)
        try:
            return path.read_text("utf-8").splitlines()[0] if path.stat().st_size else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise CliExit(ExitCode.USAGE, f"--passphrase-file {path}: tidak dapat dibaca ({exc})") from exc
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise CliExit(ExitCode.USAGE, f"kata sandi {what} diperlukan: beri --passphrase-file atau ${PASSPHRASE_ENV}")
    passphrase = getpass.getpass(f"Kata sandi {what}: ")
    if confirm and getpass.getpass("Ulangi kata sandi: ") != passphrase:
        raise CliExit(ExitCode.USAGE, "kedua kata sandi tidak sama")
    return passphrase


def _unlock(args):
    from models import keys

    try:
        return keys.load_private_key(keys.office_key_path(data_dir_of(args)), read_passphrase(args))
    except keys.KeyFileError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc


def _who(store) -> str:
    return store.setting(OPERATOR_NAME)


# --- keys -------------------------------------------------------------------------------------

@handler
def cmd_keys_init(args) -> int:
    from models import keys

    data_dir = data_dir_of(args)
    path = keys.office_key_path(data_dir)
    if path.exists():  # before asking for a passphrase that could not be used
        raise CliExit(ExitCode.USAGE, f"kunci kantor sudah ada di {path}; kunci yang ada tidak ditimpa")
    passphrase = read_passphrase(args, confirm=True)
    try:
        public = keys.create_office_key(data_dir, passphrase)
    except keys.KeyFileError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc
    info = {"private_key": str(path), "public_key": str(keys.office_public_key_path(data_dir)),
            "key_id": public.key_id_hex, "fingerprint": public.fingerprint}
    output(args, info, [f"Kunci kantor dibuat: {path}",
                        f"Sidik jari (bacakan ke provinsi lewat telepon): {public.fingerprint}"])
    return ExitCode.OK


@handler
def cmd_keys_show(args) -> int:
    from models import keys
    from models.trust import office_certificate_status

    data_dir = data_dir_of(args)
    try:
        public = keys.key_file_public_key(keys.office_key_path(data_dir))
    except keys.KeyFileError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc
    info = {"private_key": str(keys.office_key_path(data_dir)), "key_id": public.key_id_hex,
            "fingerprint": public.fingerprint, "public_key": public.to_base64(),
            "certificate": office_certificate_status(data_dir),
            "trusted_province_keys": [{"key_id": k.key_id_hex, "fingerprint": k.fingerprint}
                                      for k in keys.load_trusted_keys(data_dir)]}
    output(args, info, _key_lines(info))
    return ExitCode.OK


def _key_lines(info: dict):
    yield f"Kunci kantor: {info['private_key']} (id {info['key_id']})"
    yield f"Sidik jari: {info['fingerprint']}"
    certificate = info["certificate"]
    if certificate is None:
        yield "Sertifikat: belum ada (kirim permintaan pendaftaran ke provinsi: 'enrol request')."
    elif "problem" in certificate:
        yield f"Sertifikat: {certificate['problem']}"
    else:
        yield (f"Sertifikat: nomor {certificate['serial']}, provinsi {certificate['province_code']}, berlaku "
               f"{certificate['valid_from']} s.d. {certificate['valid_until']} — {certificate['status_message']}")


# --- enrolment --------------------------------------------------------------------------------

@handler
def cmd_enrol_request(args) -> int:
    from models import keys
    from models.certificates import make_enrolment_request

    with opened_store(args) as store:
        office = require_office(store)
        private_key = _unlock(args)
        public = keys.public_key_of(private_key)
        data = make_enrolment_request(office.code, office.name, public, private_key)
    try:
        out = keys.write_atomic(Path(args.out), data)
    except OSError as exc:
        raise file_error(exc, f"--out {args.out}", "ditulis") from exc
    info = {"request": str(out), "office_code": office.code, "key_id": public.key_id_hex,
            "fingerprint": public.fingerprint}
    output(args, info, [f"Permintaan pendaftaran ditulis: {out}",
                        f"Kirim ke provinsi dan bacakan sidik jari ini lewat telepon: {public.fingerprint}"])
    return ExitCode.OK


def import_certificate(data_dir: Path, office_code: str, data: bytes, province_key=None) -> dict:
    from models import keys
    from models.certificates import CertificateError, import_office_certificate

    try:
        certificate, signer = import_office_certificate(data_dir, office_code, data, province_key)
    except (CertificateError, keys.KeyFileError) as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc
    return {"certificate": str(keys.office_certificate_path(data_dir)), **certificate.summary(),
            "province_fingerprint": signer.fingerprint}


@handler
def cmd_enrol_import(args) -> int:
    from models import keys

    try:
        data = Path(args.certificate).read_bytes()
    except OSError as exc:
        raise file_error(exc, args.certificate, "dibaca") from exc
    province_key = None
    if args.province_key:
        try:
            province_key = keys.load_public_key(Path(args.province_key))
        except keys.KeyFileError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
    with opened_store(args) as store:
        office_code = require_office(store).code
    info = import_certificate(data_dir_of(args), office_code, data, province_key)
    output(args, info, [f"Sertifikat nomor {info['serial']} diimpor: berlaku {info['valid_from']} s.d. "
                        f"{info['valid_until']}.", f"Kunci provinsi: {info['province_fingerprint']}"])
    return ExitCode.OK


# --- finalize and reopen ----------------------------------------------------------------------

@handler
def cmd_finalize(args) -> int:
    from models.lifecycle import FinalizeBlocked, SurveyMissing, finalize
    from models.store import StoreRuleError

    with opened_store(args) as store:
        assessment = require_assessment(store, args.year)
        try:
            assessment = finalize(store, assessment, _who(store), without_survey=args.without_survey)
        except SurveyMissing as exc:
            raise CliExit(ExitCode.USAGE, f"{exc} Tambahkan --without-survey untuk tetap memfinalisasi.") from exc
        except FinalizeBlocked as exc:
            output(args, {"ok": False, "year": args.year, "revision": assessment.revision,
                          "issues": [{"kind": i.kind, "item_id": i.item_id, "message": i.message}
                                     for i in exc.issues]}, [str(exc)], to_stderr=True)
            return ExitCode.INVALID
        except StoreRuleError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        info = {"ok": True, "year": assessment.year, "revision": assessment.revision, "status": assessment.status}
    output(args, info, [f"Penilaian {info['year']} revisi {info['revision']} difinalisasi."])
    return ExitCode.OK


@handler
def cmd_reopen(args) -> int:
    from models.lifecycle import reopen
    from models.store import StoreRuleError

    with opened_store(args) as store:
        try:
            revision = reopen(store, require_assessment(store, args.year), _who(store))
        except StoreRuleError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        info = {"year": revision.year, "revision": revision.revision, "status": revision.status}
    output(args, info, [f"Revisi {info['revision']} penilaian {info['year']} dibuka; revisi sebelumnya tetap final."])
    return ExitCode.OK


# --- export, verify, inspect ------------------------------------------------------------------

@handler
def cmd_export(args) -> int:
    from models import keys
    from models.package.format import PackageError
    from models.package.write import prepare_export, write_package_hashed, write_sealed_package

    data_dir = data_dir_of(args)
    certificate_path = keys.office_certificate_path(data_dir)
    recipient = None
    if args.encrypt_to:  # read before anything is written or asked
        try:
            recipient = keys.load_public_key(Path(args.encrypt_to))
        except keys.KeyFileError as exc:
            raise CliExit(ExitCode.USAGE, f"--encrypt-to: {exc}") from exc
    with opened_store(args) as store:
        assessment = require_assessment(store, args.year)
        if assessment.status != assessment.FINAL:
            raise CliExit(ExitCode.USAGE, f"penilaian {args.year} revisi {assessment.revision} belum final: jalankan "
                             f"'finalize --year {args.year}' dahulu")
        if not certificate_path.is_file():
            raise CliExit(ExitCode.USAGE, f"sertifikat kantor belum ada ({certificate_path}); daftarkan kantor ke provinsi "
                             "('enrol request', lalu 'enrol import')")
        try:  # prepared before the passphrase is asked: a certificate that cannot sign is refused first
            prepared = prepare_export(store, assessment, certificate_path.read_bytes())
        except PackageError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        # Argon2id decrypts the key in a thread while the package is written and hashed.
        try:
            unlocking = keys.KeyUnlock(keys.office_key_path(data_dir), read_passphrase(args))
        except keys.KeyFileError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        try:
            # The hash printed is the one taken while writing: no second read of the package.
            if recipient is None:
                out, sha256 = write_package_hashed(prepared, Path(args.out), unlocking)
            else:
                out, sha256 = write_sealed_package(prepared, Path(args.out), unlocking, recipient)
        except keys.KeyFileError as exc:  # a wrong passphrase: nothing was left behind
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        except PackageError as exc:
            # A folder the user can fix (read-only, no access, full) is said with what to do.
            cause = exc.__cause__
            fixable = os_error_message(cause) if isinstance(cause, OSError) else None
            raise CliExit(ExitCode.USAGE, fixable or str(exc)) from exc
        info = {"package": str(out), "size": out.stat().st_size, "sha256": sha256,
                "encrypted_to": recipient.key_id_hex if recipient is not None else None,
                "year": assessment.year, "revision": assessment.revision,
                "evidence_files": len(store.evidence(assessment))}
    output(args, info, [f"Paket ditulis: {out} ({info['size']} bita, {info['evidence_files']} bukti dukung)",
                        f"SHA-256: {info['sha256']}"])
    return ExitCode.OK


@handler
def cmd_verify(args) -> int:
    from models import keys
    from models.db import DB_FILENAME
    from models.instrument import shipped_registry
    from models.package.format import reason_is_io
    from models.trust import verify_here

    data_dir = data_dir_of(args)
    trusted = []
    for name in args.trust:
        try:
            trusted.append(keys.load_public_key(Path(name)))
        except keys.KeyFileError as exc:
            raise CliExit(ExitCode.USAGE, f"--trust: {exc}") from exc
    user_instruments = data_dir / "instruments"
    registry = shipped_registry(user_instruments) if user_instruments.is_dir() else shipped_registry()
    warn_skipped_instruments(registry)
    # Every revocation this installation knows; a province PC's registry is in its store
    # (opened only when there is one: verifying never creates a data folder).
    with ExitStack() as opened:
        store = opened.enter_context(opened_store(args)) if (data_dir / DB_FILENAME).is_file() else None
        decrypt_with = _province_key_for(Path(args.file), store, args)
        verdict = verify_here(Path(args.file), data_dir, store=store, trusted_keys=trusted if args.trust else None,
                              revoked=args.revoked, on=args.on, registry=registry, decrypt_with=decrypt_with)
    report = verdict.report
    code = ExitCode.OK if report.ok else (ExitCode.USAGE if reason_is_io(report.reason) else ExitCode.INVALID)
    text = report.message if report.ok else f"TIDAK SAH [{report.reason}]: {report.message}"
    lines = [text]
    if verdict.received_at is not None:
        lines.append(f"Dinilai pada waktu provinsi menerimanya: {verdict.received_at:%d-%m-%Y %H:%M} UTC.")
    output(args, verdict.to_dict(), lines, to_stderr=not report.ok)
    return code


def _province_key_for(path: Path, store, args):
    """The province's private key when ``path`` is encrypted and this is a province PC (its
    passphrase asked then only); else None, and verification reports ``encrypted_package``."""
    from models import keys, province
    from models.package.envelope import is_encrypted

    try:
        if store is None or not province.province_code(store) or not path.is_file() or not is_encrypted(path):
            return None
    except OSError:
        return None  # verification says why the file cannot be read
    try:
        return province.unlock(store, read_passphrase(args, what="kunci provinsi"))
    except keys.KeyFileError as exc:
        raise CliExit(ExitCode.USAGE, str(exc)) from exc


@handler
def cmd_inspect(args) -> int:
    from models.package.inspect import inspect_package

    summary = inspect_package(Path(args.file))
    if "problem" in summary and summary["problem"]["reason"] == "unreadable":
        raise CliExit(ExitCode.USAGE, summary["problem"]["message"])
    output(args, summary, _inspect_lines(summary))
    return ExitCode.OK if summary.get("manifest") else ExitCode.USAGE


def _inspect_lines(summary: dict):
    yield f"{summary['path']} (TIDAK diperiksa keabsahannya)"
    manifest = summary.get("manifest")
    for key in ("problem", "container_problem"):
        if key in summary:
            yield f"Masalah [{summary[key]['reason']}]: {summary[key]['message']}"
    if manifest:
        office = manifest.get("office") or {}
        scores = manifest.get("scores") or {}
        yield (f"Kantor: {office.get('code')} {office.get('name')}; tahun {manifest.get('year')} revisi "
               f"{manifest.get('revision')}; dibuat {manifest.get('created_at')}")
        index = scores.get("index")
        if scores.get("band"):
            band = scores["band"]
        elif scores.get("band_estimate"):
            band = f"perkiraan predikat bila nilai survei sama dengan maturitas: {scores['band_estimate']}"
        else:
            band = "tanpa predikat"
        sementara = "; SEMENTARA (bobot aspek belum resmi)" if scores.get("provisional") else ""
        yield (f"Indeks dinyatakan ({scores.get('headline_kind')}): "
               f"{decimal_id(index) if isinstance(index, (int, float)) else index} "
               f"({band}){sementara}; bukti dukung: {manifest.get('evidence_files')} berkas")
