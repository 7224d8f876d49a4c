"""``instrument diff | migrate | deliver``: instrument releases between province and office.

* ``instrument diff A B``: what changed between two instruments (ids or files).
* ``instrument migrate --year Y``: show the diff to the newer release of the open draft's
  instrument; with ``--yes`` move the draft to it (answers carried by item code).
* ``instrument deliver FILE`` (province): sign an instrument file with the province key so
  that every profile exported from now on carries it to the offices.
"""

from __future__ import annotations

from pathlib import Path

from cli.common import CliExit, add_data_dir, file_error, handler, opened_store, output, require_assessment
from cli.exit_codes import ExitCode
from models.instrument import Instrument, InstrumentError, load_instrument


def register_under(instrument_parser) -> None:
    verbs = instrument_parser.add_subparsers(dest="instrument_verb", metavar="diff|migrate|deliver")
    diff = verbs.add_parser("diff", help="perbedaan dua instrumen (id atau berkas)")
    diff.add_argument("old", help="id instrumen atau berkas .json")
    diff.add_argument("new", help="id instrumen atau berkas .json")
    diff.add_argument("--json", action="store_true")
    add_data_dir(diff)
    diff.set_defaults(handler=cmd_diff)

    migrate = verbs.add_parser("migrate", help="pindahkan draf penilaian ke versi instrumen yang lebih baru")
    migrate.add_argument("--year", type=int, required=True)
    migrate.add_argument("--yes", action="store_true", help="setujui perbedaan dan pindahkan (tanpa ini: hanya tampilkan)")
    migrate.add_argument("--json", action="store_true")
    add_data_dir(migrate)
    migrate.set_defaults(handler=cmd_migrate)

    from cli.province import _add_passphrase

    deliver = verbs.add_parser("deliver", help="mode provinsi: tanda tangani berkas instrumen agar ikut dalam profil")
    deliver.add_argument("file", help="berkas instrumen .json")
    deliver.add_argument("--json", action="store_true")
    _add_passphrase(deliver)
    add_data_dir(deliver)
    deliver.set_defaults(handler=cmd_deliver)


def _resolve(store, name: str) -> Instrument:
    path = Path(name)
    if path.suffix.lower() == ".json" or path.is_file():
        try:
            return load_instrument(path)  # shown only, never used for scoring
        except InstrumentError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
    try:
        return store.registry.get(name)
    except KeyError as exc:
        raise CliExit(ExitCode.USAGE, str(exc.args[0])) from exc


def _diff_dict(diff) -> dict:
    return {"old": {"id": diff.old.id, "version": diff.old.version, "sha256": diff.old.sha256},
            "new": {"id": diff.new.id, "version": diff.new.version, "sha256": diff.new.sha256},
            "empty": diff.empty, "lines": diff.lines(),
            "weights": [{"aspect": a, "old": o, "new": n} for a, o, n in diff.weights],
            "items_added": diff.items_added, "items_removed": diff.items_removed,
            "descriptors": [{"item": i, "level": lv} for i, lv, _, _ in diff.descriptors]}


@handler
def cmd_diff(args) -> int:
    from models.instrument_update import diff_instruments

    with opened_store(args) as store:
        diff = diff_instruments(_resolve(store, args.old), _resolve(store, args.new))
    output(args, _diff_dict(diff), diff.lines())
    return ExitCode.OK


@handler
def cmd_migrate(args) -> int:
    from cli.package import _who
    from models.instrument_update import diff_instruments, migrate_assessment, newer_release
    from models.store import StoreRuleError

    with opened_store(args) as store:
        assessment = require_assessment(store, args.year)
        target = newer_release(store, assessment)
        if target is None:
            output(args, {"migrated": False, "reason": "up_to_date"},
                   [f"Penilaian {assessment.year} revisi {assessment.revision} sudah memakai versi instrumen "
                    "terbaru yang tersedia (atau sudah final)."])
            return ExitCode.OK
        diff = diff_instruments(store.instrument_of(assessment), target)
        signer = store.registry.signer_of(target) if hasattr(store.registry, "signer_of") else None
        lines = diff.lines()
        if signer is not None:
            lines.append(f"Ditandatangani kunci provinsi {signer.province_code} {signer.key_id} "
                         f"(sidik jari {signer.fingerprint}).")
        if not args.yes:
            output(args, {"migrated": False, "diff": _diff_dict(diff)},
                   [*lines, "Belum dipindahkan. Jalankan lagi dengan --yes untuk menyetujui dan memindahkan."])
            return ExitCode.OK
        try:
            migrate_assessment(store, assessment, target, _who(store))
        except StoreRuleError as exc:
            raise CliExit(ExitCode.USAGE, str(exc)) from exc
        result = store.score(store.assessment(assessment.id))
    output(args, {"migrated": True, "diff": _diff_dict(diff), "index": result.index},
           [*lines, f"Dipindahkan ke {target.id} versi {target.version}; indeks kini {result.index}."])
    return ExitCode.OK


@handler
def cmd_deliver(args) -> int:
    from cli.province import _unlock
    from models import province
    from models.instrument_delivery import InstrumentDeliveryError, deliver_instrument, trusted_registry

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise file_error(exc, path, "dibaca") from exc
    with opened_store(args) as store:
        private_key = _unlock(store, args)
        try:
            instrument = deliver_instrument(store.data_dir, data, private_key, province.require_province_code(store),
                                            store.registry)
        except InstrumentDeliveryError as exc:
            raise CliExit(ExitCode.USAGE, f"{path}: {exc}") from exc
        store.registry = trusted_registry(store.data_dir)
    info = {"id": instrument.id, "version": instrument.version, "sequence": instrument.sequence,
            "sha256": instrument.sha256}
    output(args, info, [f"Instrumen {instrument.id} versi {instrument.version} (urutan {instrument.sequence}) "
                        "ditandatangani kunci provinsi; ekspor profil baru agar kantor menerimanya."])
    return ExitCode.OK
