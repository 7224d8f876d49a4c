"""Pictures of issue 14's documents and dialogs for the user guide:
``python -m ui.report_screenshots docs/screenshots`` (run by ``make screenshots``).

The PDF pages are rendered with ``pdftoppm`` (poppler-utils) exactly as printed; the
dialogs are grabbed offscreen. A temporary demo data directory, never the user's data.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PAGES = {1: "laporan-1-sampul", 2: "laporan-2-grafik", 3: "laporan-3-rincian"}
DPI = "70"


def _pdf_pages(pdf: Path, out_dir: Path, names: dict[int, str]) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm (poppler-utils) diperlukan: make system-deps")
    written = []
    for page, name in names.items():
        stem = out_dir / name
        subprocess.run(["pdftoppm", "-r", DPI, "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                        str(stem)], check=True)
        written.append(stem.with_suffix(".png"))
    return written


def render(out_dir: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from documents.berita_acara_pdf import write_berita_acara_pdf
    from documents.fonts import register_fonts
    from documents.report_pdf import write_report_pdf
    from models import keys
    from models.berita_acara import berita_acara_of_package
    from models.carry_forward import start_from_previous
    from models.demo import DEMO_OFFICE_PASSPHRASE, DEMO_OPERATOR, seed_demo
    from models.package.write import default_file_name, export_package
    from models.report_data import build_report
    from models.store import Store
    from ui.app import create_main_window, set_identity
    from ui.i18n import install_translations
    from ui.planner_dialog import PlannerDialog
    from ui.screenshots import Shooter

    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    set_identity(app)
    install_translations(app, "id")
    register_fonts()
    shooter = Shooter(out_dir)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="merit-report-shots-") as scratch:
        scratch_path = Path(scratch)
        store = Store(scratch_path / "data")
        try:
            assessment = store.assessment(seed_demo(store)["assessment_id"])
            pdf = write_report_pdf(build_report(store, assessment), scratch_path / "laporan.pdf")
            written += _pdf_pages(pdf, out_dir, PAGES)
            key = keys.load_private_key(keys.office_key_path(store.data_dir), DEMO_OFFICE_PASSPHRASE)
            package = export_package(store, assessment, scratch_path / default_file_name(
                assessment.office.code, assessment.year, assessment.revision), key,
                keys.office_certificate_path(store.data_dir).read_bytes())
            paper = write_berita_acara_pdf(berita_acara_of_package(package), scratch_path / "berita-acara.pdf")
            written += _pdf_pages(paper, out_dir, {1: "berita-acara"})

            new = start_from_previous(store, assessment.office, assessment.year, DEMO_OPERATOR).assessment
            window = create_main_window(store)
            window.resize(1360, 860)
            window.show()
            window.open_assessment(new.id)
            window.show_item("A2.2")
            window.workspace.item_editor.choose_level(3)
            window.show_item("A2.3")  # untouched: last year's level and the carried mark
            shooter.save(window, "tahun-lalu-dan-dibawa")
            dialog = PlannerDialog(window.session.model, window)
            dialog.resize(1100, 620)
            dialog.show()
            dialog.target.setCurrentText("Tinggi")
            dialog.make_plan()
            shooter.save(dialog, "rencana-peningkatan")
            dialog.to_sandbox.click()
            shooter.save(dialog, "bagaimana-jika")
            dialog.close()
            window.close()
        finally:
            store.close()
    return written + shooter.written


def main(argv: list[str] | None = None) -> int:
    from ui.screenshots import _isolate

    parser = argparse.ArgumentParser(prog="python -m ui.report_screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    _isolate(Path(tempfile.mkdtemp(prefix="merit-report-shots-home-")))
    for path in render(args.out_dir.resolve()):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
