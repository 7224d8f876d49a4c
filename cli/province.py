"""Verbs of province mode: ``province init|profile|trust|enrol|revoke|offices|packages``, ``import``,
``consolidate``.

``province trust PROFILE`` is the office's side: it imports the province profile.

The passphrase of the province key comes from ``--passphrase-file``, else the environment
variable ``MERIT_LURING_PASSPHRASE``, else an interactive prompt (never an argument: it
would show in the process list and shell history).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from cli.common import CliExit, add_data_dir, file_error, handler, opened_store, output
from cli.exit_codes import ExitCode
from cli.package import PASSPHRASE_ENV
from cli.package import read_passphrase as read_key_passphrase
from models.formatting import decimal_id, percent_id


def _add_passphrase(parser) -> None:
    parser.add_argument("--passphrase-file", help=f"berkas berisi kata sandi kunci provinsi "
                                                  f"(bawaan: ${PASSPHRASE_ENV} atau ditanyakan)")


def register(subparsers) -> None:
    p = subparsers.add_parser("province", help="mode provinsi: kunci, profil, pendaftaran kantor")
    verbs = p.add_subparsers(dest="province_verb", metavar="init|profile|trust|enrol|revoke|offices|packages",
                             required=True)

    init = verbs.add_parser("init", help="buat kunci provinsi dan atur instalasi ini sebagai provinsi")
    init.add_argument("--province", help="kode provinsi Kemendagri, mis. 19 (bawaan: provinsi dari pengaturan awal)")
    _add_passphrase(init)
    init.add_argument("--json", action="store_true")
    add_data_dir(init)
    init.set_defaults(handler=cmd_init)

    profile = verbs.add_parser("profile", help="ekspor berkas profil provinsi (kunci publik, daftar pencabutan)")
    profile.add_argument("--out", required=True, help="berkas profil yang ditulis")
    _add_passphrase(profile)
    profile.add_argument("--json", action="store_true")
    add_data_dir(profile)
    profile.set_defaults(handler=cmd_profile)

    trust = verbs.add_parser("trust", help="(kantor) impor profil provinsi: percayai kuncinya, simpan pencabutan")
    trust.add_argument("profile", help="berkas profil provinsi")
    trust.add_argument("--json", action="store_true")
    add_data_dir(trust)
    trust.set_defaults(handler=cmd_trust)

    enrol = verbs.add_parser("enrol", help="terbitkan sertifikat kantor dari berkas permintaan pendaftaran")
    enrol.add_argument("request", help="berkas permintaan pendaftaran dari kantor")
    enrol.add_argument("--out", required=True, help="berkas sertifikat yang ditulis")
    enrol.add_argument("--valid-from", type=_iso_date, help="mulai berlaku YYYY-MM-DD (bawaan: hari ini)")
    enrol.add_argument("--valid-until", type=_iso_date, help="akhir berlaku YYYY-MM-DD (bawaan: 2 tahun)")
    enrol.add_argument("--replace", action="store_true",
                       help="kantor sudah memegang sertifikat sah (mis. kunci hilang): terbitkan yang baru dan cabut "
                            "yang lama mulai sekarang (alasan 'diganti')")
    _add_passphrase(enrol)
    enrol.add_argument("--json", action="store_true")
    add_data_dir(enrol)
    enrol.set_defaults(handler=cmd_enrol)

    revoke = verbs.add_parser("revoke", help="cabut sertifikat (nomor seri) atau semua sertifikat sebuah kantor")
    revoke.add_argument("target", help="nomor seri (mis. 19-0003) atau kode kantor (mis. 19.02)")
    revoke.add_argument("--reason", default="", help="alasan pencabutan")
    revoke.add_argument("--from", dest="effective", type=_utc_time, metavar="WAKTU",
                        help="berlaku sejak YYYY-MM-DD atau YYYY-MM-DDTHH:MM (UTC; bawaan: sekarang); paket yang "
                             "diterima sebelumnya tetap sah")
    revoke.add_argument("--json", action="store_true")
    add_data_dir(revoke)
    revoke.set_defaults(handler=cmd_revoke)

    offices = verbs.add_parser("offices", help="daftar kantor yang terdaftar")
    offices.add_argument("--json", action="store_true")
    add_data_dir(offices)
    offices.set_defaults(handler=cmd_offices)

    packages = verbs.add_parser("packages", help="semua paket yang diterima: setiap revisi dan konflik")
    packages.add_argument("--year", type=int, help="hanya tahun ini")
    packages.add_argument("--office", help="hanya kantor ini (kode, mis. 19.01)")
    packages.add_argument("--json", action="store_true")
    add_data_dir(packages)
    packages.set_defaults(handler=cmd_packages)

    p = subparsers.add_parser("import", help="impor paket kabupaten/kota (berkas atau folder)")
    add_data_dir(p)
    p.add_argument("paths", nargs="+", metavar="PATH", help="berkas .merit atau folder berisi paket")
    p.add_argument("--json", action="store_true")
    _add_passphrase(p)  # asked only when a package is encrypted to the province key
    p.set_defaults(handler=cmd_import)

    p = subparsers.add_parser("consolidate", help="tabel konsolidasi semua kabupaten/kota untuk satu tahun")
    add_data_dir(p)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--xlsx", help="tulis juga ke berkas XLSX ini")
    p.add_argument("--csv", help="tulis juga ke berkas CSV ini")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_consolidate)


def _iso_date(text: str) -> date:
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan tanggal YYYY-MM-DD") from None


def _utc_time(text: str) -> datetime:
    import argparse

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan waktu YYYY-MM-DD atau YYYY-MM-DDTHH:MM") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def read_passphrase(args, *, confirm: bool = False) -> str:
    return read_key_passphrase(args, confirm=confirm, what="kunci provinsi")


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise file_error(exc, path, "dibaca") from exc


def any_encrypted(files) -> bool:
    """Whether any of ``files`` is a package encrypted to a province (unreadable ones are
    left to the import or verification to report)."""
    from models.package.envelope import is_encrypted

    for path in files:
        try:
            if Path(path).is_file() and is_encrypted(Path(path)):
                return True
        except OSError:
            continue
    return False


def _province_error(exc) -> CliExit:
    return CliExit(ExitCode.USAGE, str(exc))


def _unlock(store, args):
    from models import keys, province

    try:
        province.require_province_code(store)
        return province.unlock(store, read_passphrase(args))
    except (province.ProvinceError, keys.KeyFileError) as exc:
        raise _province_error(exc) from exc


@handler
def cmd_init(args) -> int:
    from models import keys, province

    with opened_store(args) as store:
        code = args.province or province.province_code(store)
        if not code:
            raise CliExit(ExitCode.USAGE, "--province: kode provinsi wajib diberikan (mis. --province 19)")
        if province.has_key(store):
            raise CliExit(ExitCode.USAGE, f"kunci provinsi sudah ada di {province.private_key_path(store)}")
        try:
            public = province.init_province(store, code, read_passphrase(args, confirm=True))
        except (province.ProvinceError, keys.KeyFileError) as exc:
            raise _province_error(exc) from exc
        info = {"province_code": code, "key_id": public.key_id_hex, "fingerprint": public.fingerprint,
                "private_key": str(province.private_key_path(store)), "public_key": str(province.public_key_path(store))}
    output(args, info, [f"Kunci provinsi {code} dibuat: {info['private_key']}",
                        f"Sidik jari (bacakan lewat telepon kepada kantor): {public.fingerprint}"])
    return ExitCode.OK


@handler
def cmd_profile(args) -> int:
    from models import province

    with opened_store(args) as store:
        private_key = _unlock(store, args)
        try:
            target = province.export_profile(store, private_key, Path(args.out))
        except OSError as exc:
            raise file_error(exc, f"--out {args.out}", "ditulis") from exc
        profile = province.read_profile(target.read_bytes())
    info = {"out": str(target), "province_code": profile.province_code, "fingerprint": profile.fingerprint,
            "revoked": sorted(profile.revoked_serials)}
    output(args, info, [f"Profil provinsi ditulis ke {target}",
                        f"Sidik jari: {profile.fingerprint}; sertifikat dicabut: {len(profile.revoked_serials)}"])
    return ExitCode.OK


@handler
def cmd_trust(args) -> int:
    from cli.common import data_dir_of
    from models import province

    path = Path(args.profile)
    data = _read_input(path)
    try:
        profile = province.import_profile(data_dir_of(args), data)
    except (province.ProvinceError, OSError) as exc:
        raise CliExit(ExitCode.USAGE, f"{path}: {exc}") from exc
    info = {"province_code": profile.province_code, "province_name": profile.province_name,
            "key_id": profile.public_key.key_id_hex, "fingerprint": profile.fingerprint,
            "revoked": sorted(profile.revoked_serials), "instruments": list(profile.instruments)}
    output(args, info, [f"Profil provinsi {profile.province_name} ({profile.province_code}) diimpor.",
                        f"Sidik jari kunci provinsi (cocokkan lewat telepon): {profile.fingerprint}"])
    return ExitCode.OK


def _office_dict(row) -> dict:
    from models.consolidate import certificate_state

    return {"serial": row.serial, "office_code": row.office_code, "office_name": row.office_name,
            "fingerprint": row.key_fingerprint, "valid_from": row.valid_from.isoformat(),
            "valid_until": row.valid_until.isoformat(), "state": certificate_state(row),
            "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
            "revoke_reason": row.revoke_reason}


@handler
def cmd_enrol(args) -> int:
    from models import keys, province
    from models.certificates import CertificateError

    request_path = Path(args.request)
    request_bytes = _read_input(request_path)
    with opened_store(args) as store:
        try:  # before the passphrase is asked: replacing a valid certificate must be asked for
            _request, held = province.certificates_to_replace(store, request_bytes, replace=args.replace)
        except CertificateError as exc:
            raise CliExit(ExitCode.USAGE, f"{request_path}: {exc}") from exc
        except province.ProvinceError as exc:
            raise CliExit(ExitCode.USAGE, f"{request_path}: {exc} Jika kantor kehilangan kuncinya atau memakai "
                                          "kunci baru, ulangi dengan --replace.") from exc
        replaced = [row.serial for row in held]
        private_key = _unlock(store, args)
        try:
            row = province.enrol(store, request_bytes, private_key, valid_from=args.valid_from,
                                 valid_until=args.valid_until, replace=args.replace)
            out = keys.write_atomic(Path(args.out), bytes(row.certificate))
        except (CertificateError, province.ProvinceError) as exc:
            raise CliExit(ExitCode.USAGE, f"{request_path}: {exc}") from exc
        info = {**_office_dict(row), "out": str(out), "replaced": replaced}
    lines = [f"Sertifikat {row.serial} untuk {row.office_code} {row.office_name} ditulis ke {out}",
             f"Sidik jari kunci kantor (cocokkan lewat telepon): {row.key_fingerprint}",
             f"Berlaku {row.valid_from.isoformat()} s.d. {row.valid_until.isoformat()}"]
    if replaced:
        lines.append(f"Diganti (dicabut mulai sekarang): {', '.join(replaced)}. Ekspor profil provinsi yang baru "
                     "('province profile') dan kirimkan ke kantor-kantor.")
    output(args, info, lines)
    return ExitCode.OK


@handler
def cmd_revoke(args) -> int:
    from models import province

    with opened_store(args) as store:
        try:
            province.require_province_code(store)
            rows = province.revoke(store, args.target, args.reason, effective_at=args.effective)
        except province.ProvinceError as exc:
            raise _province_error(exc) from exc
        info = [_office_dict(row) for row in rows]
    output(args, info, [*(f"Dicabut: {row.serial} {row.office_code} {row.office_name}" for row in rows),
                        "Ekspor profil provinsi yang baru ('province profile') dan kirimkan ke kantor-kantor."])
    return ExitCode.OK


@handler
def cmd_offices(args) -> int:
    from models import province

    with opened_store(args) as store:
        rows = [_office_dict(row) for row in province.enrolled_offices(store)]
    lines = [f"{row['serial']}  {row['office_code']:7} {row['office_name']:40} {row['state']:12} "
             f"s.d. {row['valid_until']}" for row in rows]
    output(args, rows, lines or ["Belum ada kantor yang terdaftar."])
    return ExitCode.OK


@handler
def cmd_packages(args) -> int:
    from models import province

    with opened_store(args) as store:
        try:
            province.require_province_code(store)
        except province.ProvinceError as exc:
            raise _province_error(exc) from exc
        received = province.received_packages(store, args.year, args.office)
        conflicts = province.package_conflicts(store, args.year, args.office)
        current = {}
        for row in received:
            current[(row.office_code, row.year)] = row.revision  # ordered by revision: the last is current
        rows = [{"office_code": row.office_code, "year": row.year, "revision": row.revision,
                 "state": "terkini" if current[(row.office_code, row.year)] == row.revision else "usang",
                 "received_at": row.received_at.isoformat(), "source_name": row.source_name, "sha256": row.sha256,
                 "certificate_serial": row.certificate_serial, "assessment_id": row.assessment_id}
                for row in received]
        rows += [{"office_code": c.office_code, "year": c.year, "revision": c.revision, "state": "konflik",
                  "received_at": c.received_at.isoformat(), "source_name": c.source_name, "sha256": c.sha256,
                  "certificate_serial": c.certificate_serial, "assessment_id": None,
                  "conflicts_with": c.held.sha256} for c in conflicts]
    rows.sort(key=lambda row: (row["office_code"], row["year"], row["revision"], row["received_at"]))
    lines = [f"{row['office_code']:7} {row['year']} revisi {row['revision']:<3} {row['state']:8} "
             f"diterima {row['received_at'][:16].replace('T', ' ')}  {row['source_name']}  {row['sha256'][:12]}"
             for row in rows]
    output(args, rows, lines or ["Belum ada paket yang diterima."])
    return ExitCode.OK


@handler
def cmd_import(args) -> int:
    from models import importer, province

    with opened_store(args) as store:
        try:
            province.require_province_code(store)
        except province.ProvinceError as exc:
            raise _province_error(exc) from exc
        paths = [Path(p) for p in args.paths]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CliExit(ExitCode.USAGE, f"tidak ditemukan: {', '.join(missing)}")
        # Packages encrypted to this province are opened with its key (its passphrase asked once).
        decrypt_with = _unlock(store, args) if any_encrypted(importer.collect_package_files(paths)) else None
        session = importer.Importer(store, decrypt_with=decrypt_with)
        outcomes = session.import_paths(paths)
    counts = importer.count_outcomes(outcomes)
    output(args, {"outcomes": [outcome.to_dict() for outcome in outcomes], "counts": counts},
           [*(f"{outcome.label:10} {outcome.path.name}: {outcome.message}" for outcome in outcomes),
            ", ".join(f"{importer.OUTCOME_LABELS[k]} {v}" for k, v in counts.items() if v)])
    return ExitCode.OK if importer.all_good(outcomes) else ExitCode.INVALID


@handler
def cmd_consolidate(args) -> int:
    from models import consolidate as cons

    with opened_store(args) as store:
        try:
            result = cons.consolidate(store, args.year)
        except ValueError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
    written = {}
    for option, writer in (("xlsx", cons.write_xlsx), ("csv", cons.write_csv)):
        target = getattr(args, option)
        if target:
            try:
                written[option] = str(writer(result, Path(target)))
            except OSError as exc:
                raise file_error(exc, f"--{option} {target}", "ditulis") from exc
    output(args, {**result.to_dict(), "written": written}, _consolidation_lines(result, written))
    return ExitCode.OK


def _consolidation_lines(result, written: dict):
    yield (f"Konsolidasi {result.province_name} tahun {result.year}: "
           f"{result.received_count} dari {len(result.rows)} kabupaten/kota mengirim paket")
    for row in result.rows:
        if row.received:
            mark = " (sementara)" if row.provisional else ""
            change = "" if row.change is None else f"; perubahan {decimal_id(row.change)}"
            conflict = "; KONFLIK: ada berkas lain untuk revisi yang sama (lihat 'province packages')" \
                if row.conflicts else ""
            yield (f"  {row.code:6} {row.name:34} {decimal_id(row.index)}{mark} {row.band_label}; "
                   f"kelengkapan {percent_id(row.completeness)}; revisi {row.revision}; "
                   f"sertifikat {row.certificate_state}{change}{conflict}")
        else:
            yield f"  {row.code:6} {row.name:34} belum mengirim"
    for option, path in written.items():
        yield f"{option.upper()} ditulis ke {path}"
