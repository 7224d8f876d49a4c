"""Province window: consolidated table (qtmodeltester), filters, import dialog, drill-down, enrolment."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, Qt, QThreadPool
from PySide6.QtWidgets import QInputDialog, QMessageBox

from models import importer, province
from models.province_tables import ReceivedPackage, received_package_path
from tests import test_importer
from tests.test_importer import enrolled_office
from ui.province import consolidated_view as cv
from ui.province.charts import HeatMap, RankingChart
from ui.province.drilldown import EVIDENCE_ROLE, DrilldownDialog
from ui.province.enrolment_dialog import EnrolmentDialog, OfficesDialog
from ui.province.import_dialog import ImportDialog
from ui.province.province_window import ProvinceWindow

EVIDENCE = b"%PDF-1.4 SK penetapan anjab" * 50
site = test_importer.site  # the same fixture: a province with its key


@pytest.fixture
def packages(tmp_path, site) -> Path:
    """A folder with the packages of three offices of province 19."""
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    for code, level in (("19.01", 3), ("19.02", 1), ("19.71", 4)):
        office = enrolled_office(tmp_path, site, code)
        office.export(office.answer(2026, level, {"A1.1": EVIDENCE} if code == "19.01" else {}),
                      folder / f"{code}.merit")
        office.store.close()
    return folder


@pytest.fixture
def imported(site, packages):
    outcomes = importer.Importer(site.store).import_paths([packages])
    assert [o.outcome for o in outcomes] == [importer.ACCEPTED] * 3
    return site


def refreshed(qtbot, window: ProvinceWindow, action=None) -> ProvinceWindow:
    """Run ``action`` (default: the refresh the window started itself) and wait until its
    consolidation, made in a worker thread, is swapped into the window."""
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        if action is not None:
            action()
    return window


@pytest.fixture
def window(qtbot, imported):
    shown = ProvinceWindow(imported.store)
    qtbot.addWidget(shown)
    return refreshed(qtbot, shown)


def visible_codes(view: cv.ConsolidatedView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(row, cv.COL_CODE).data() for row in range(proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester, window):
    assert window.model.rowCount() == 7
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.view.proxy)
    dialog = ImportDialog(window.store)
    dialog.model.set_outcomes(importer.Importer(window.store).import_paths([]))
    qtmodeltester.check(dialog.model)


def test_table_shows_every_kabkota_with_scores_and_missing(window):
    assert window.consolidation.received_count == 3
    assert "3 dari 7" in window.heading.text()
    rows = {window.model.index(r, cv.COL_CODE).data(): r for r in range(window.model.rowCount())}
    bangka = rows["19.01"]
    assert window.model.index(bangka, cv.COL_INDEX).data() == "0,75 M*"  # M: maturity, no S
    assert window.model.index(bangka, cv.COL_BAND).data() == "perkiraan: Menengah"
    assert window.model.index(bangka, cv.COL_BAND).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f1c40f"
    assert window.model.index(rows["19.03"], cv.COL_STATUS).data() == "Belum mengirim"
    assert window.model.index(rows["19.03"], cv.COL_INDEX).data() == ""


def test_filter_by_text_status_band_and_sort_numerically(qtbot, window):
    view = window.view
    qtbot.keyClicks(view.search, "belitung")
    assert visible_codes(view) == ["19.02", "19.06"]
    view.search.clear()
    view.status_filter.setCurrentIndex(view.status_filter.findData("missing"))
    assert visible_codes(view) == ["19.03", "19.04", "19.05", "19.06"]
    assert "4 dari 7" in view.count_label.text()
    view.status_filter.setCurrentIndex(0)
    view.band_filter.setCurrentIndex(view.band_filter.findData("tinggi"))
    assert visible_codes(view) == ["19.71"]
    view.band_filter.setCurrentIndex(0)
    view.table.sortByColumn(cv.COL_INDEX, Qt.SortOrder.DescendingOrder)
    assert visible_codes(view)[:3] == ["19.71", "19.01", "19.02"]


def test_charts_rank_and_colour_by_band(window):
    ranking: RankingChart = window.ranking
    assert [row.code for row in ranking.ranked()] == ["19.71", "19.01", "19.02"]
    assert {row.code for row in ranking.missing()} == {"19.03", "19.04", "19.05", "19.06"}
    heatmap: HeatMap = window.heatmap
    heatmap.resize(800, heatmap.sizeHint().height())
    assert not heatmap.grab().isNull() and not ranking.grab().isNull()
    left, cell = heatmap._grid()  # noqa: SLF001
    row_height = heatmap._row_height()  # noqa: SLF001
    hit = heatmap.cell_at(left + cell * 2.5, heatmap.MARGIN + row_height * 1.5)  # first office, third aspect
    assert hit is not None and hit[0].code == "19.01" and hit[1] == 2
    assert heatmap.cell_color(hit[0], hit[1]).name() == "#f1c40f"  # 0,75 is Menengah
    missing = next(row for row in heatmap.rows() if not row.received)
    assert heatmap.cell_color(missing, 0).name() == "#d5d8dc"


def test_heat_map_legend_is_a_colour_scale_not_a_predikat_per_aspect(window):
    heatmap: HeatMap = window.heatmap
    entries = heatmap.legend_entries()
    labels = [label for _, label in entries]
    bands = heatmap._instrument.bands  # noqa: SLF001
    assert not any(band.label in label for band in bands for label in labels)  # predikat is NISM's only
    assert "aspek tidak berpredikat" in labels[0] and entries[0][0] is None
    assert [color.name() for color, _ in entries[1:len(bands) + 1]] == [band.color.lower() for band in bands]


def test_an_instrument_is_shown_then_signed_into_the_profile(qtbot, window, tmp_path, monkeypatch):
    import ui.messages
    from models.instrument_delivery import delivered_files
    from tests.test_instrument_delivery import instrument_bytes

    release = tmp_path / "esm-2026-r9.json"
    release.write_bytes(instrument_bytes(9))
    asked = []
    monkeypatch.setattr(ui.messages, "confirm", lambda parent, title, text, yes, no=None: asked.append(text) or False)
    assert not window.deliver_instrument(release)  # shown, and the user said no
    assert "versi 2026.9 (urutan 9), 31 butir" in asked[0] and "Yang berlaku kini" in asked[0]
    assert delivered_files(window.store.data_dir, province.public_key(window.store)) == []

    told = []
    monkeypatch.setattr(ui.messages, "confirm", lambda *args, **kwargs: True)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (test_importer.PROVINCE_PASS, True))
    assert window.deliver_instrument(release)
    [delivered] = delivered_files(window.store.data_dir, province.public_key(window.store))
    assert (delivered["version"], delivered["sequence"]) == ("2026.9", 9)
    assert window.store.registry.get("esm-2026").sequence == 9 and "Ekspor profil provinsi" in told[0]


def test_a_broken_instrument_file_is_explained_and_nothing_signed(qtbot, window, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    broken = tmp_path / "rusak.json"
    broken.write_text('{"id": "esm-2026"', encoding="utf-8")
    assert not window.deliver_instrument(broken)
    assert warned and "Traceback" not in warned[0]
    assert window.store.registry.get("esm-2026").sequence < 9


def test_import_dialog_imports_a_folder_in_the_background(qtbot, site, packages):
    dialog = ImportDialog(site.store)
    qtbot.addWidget(dialog)
    (packages / "rusak.merit").write_bytes(b"PK\x03\x04 terpotong")
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.start_import([packages])
        qtbot.waitSignal(dialog.last_job.done, timeout=30000)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=30000)
    outcomes = {o.path.name: o.outcome for o in dialog.model.outcomes()}
    assert outcomes == {"19.01.merit": "accepted", "19.02.merit": "accepted", "19.71.merit": "accepted",
                        "rusak.merit": "rejected"}
    assert "3 diterima" in dialog.summary_label.text() and "1 ditolak" in dialog.summary_label.text()
    assert dialog.files_button.isEnabled()
    assert ReceivedPackage.select().count() == 3


@pytest.mark.parametrize("answer", [(test_importer.PROVINCE_PASS, True), ("", False)], ids=["key", "cancelled"])
def test_import_dialog_asks_the_province_key_for_a_sealed_package(qtbot, site, packages, monkeypatch, answer):
    from PySide6.QtWidgets import QInputDialog

    from models.package.envelope import encrypt_package

    sealed = packages / "19.01.merit"
    encrypt_package(sealed, province.public_key(site.store), sealed)  # as `export --encrypt-to` leaves it
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.append(args[2]) or answer)
    dialog = ImportDialog(site.store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.start_import([packages])
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=30000)
    assert len(asked) == 1 and asked[0].endswith("Kata sandi kunci provinsi:")  # once for the batch
    assert "terenkripsi untuk provinsi" in asked[0]  # says why it asks
    outcomes = {o.path.name: (o.outcome, o.reason) for o in dialog.model.outcomes()}
    opened = answer[1]
    assert outcomes["19.01.merit"] == ((importer.ACCEPTED, None) if opened else (importer.REJECTED, "encrypted_package"))
    assert outcomes["19.02.merit"] == outcomes["19.71.merit"] == (importer.ACCEPTED, None)


def test_import_dialog_asks_no_key_when_nothing_is_sealed(qtbot, site, packages, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: pytest.fail("asked for the key"))
    dialog = ImportDialog(site.store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.start_import([packages])
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=30000)


def test_cancelled_import_keeps_nothing_of_the_cancelled_file(qtbot, site, packages, monkeypatch):
    from ui.province import import_dialog

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    gate = threading.Event()

    class Blocker(QRunnable):
        def run(self):
            gate.wait(10)

    pool.start(Blocker())  # the import queues behind it, so the cancel lands before it starts
    monkeypatch.setattr(import_dialog, "run_with_progress",
                        functools.partial(import_dialog.run_with_progress, pool=pool))
    dialog = ImportDialog(site.store)
    qtbot.addWidget(dialog)
    dialog.start_import([packages])
    dialog.last_job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: dialog.last_job.outcome is not None, timeout=30000)
    assert dialog.last_job.outcome == "cancelled"
    assert "dibatalkan" in dialog.summary_label.text()
    assert ReceivedPackage.select().count() == 0
    assert not any((site.store.data_dir / "packages").glob("*"))


def test_drilldown_is_read_only_and_opens_evidence_from_a_temp_copy(qtbot, window, monkeypatch):
    from ui import evidence_panel

    opened = []
    monkeypatch.setattr(evidence_panel, "open_url", lambda url: opened.append(Path(url.toLocalFile())) or True)
    row = next(r for r in window.consolidation.rows if r.code == "19.01")
    dialog = DrilldownDialog(window.store, row.assessment_id, window)
    qtbot.addWidget(dialog)
    assert "Kabupaten Bangka" in dialog.summary_label.text() and "0,75" in dialog.summary_label.text()
    aspect = dialog.tree.topLevelItem(0)
    first_item = aspect.child(0)
    assert first_item.text(1) == "3" and first_item.text(2) == "Penjelasan A1.1."
    evidence = dialog.evidence_items()
    assert len(evidence) == 1 and evidence[0].data(0, EVIDENCE_ROLE) is not None
    assert not dialog.open_button.isEnabled()
    dialog.tree.setCurrentItem(evidence[0])
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.last_job.done, timeout=10000):
        pass
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened[0].read_bytes() == EVIDENCE
    assert window.store.data_dir not in opened[0].parents


def test_drilldown_refuses_evidence_of_a_stored_package_altered_on_disk(qtbot, window, monkeypatch):
    from ui import evidence_panel

    opened, warnings = [], []
    monkeypatch.setattr(evidence_panel, "open_url", lambda url: opened.append(Path(url.toLocalFile())) or True)
    monkeypatch.setattr("ui.province.drilldown.QMessageBox.warning",
                        lambda parent, title, text: warnings.append(text))
    received = ReceivedPackage.get(ReceivedPackage.office_code == "19.01")
    stored = received_package_path(window.store.data_dir, received.sha256)
    data = stored.read_bytes()
    at = data.index(EVIDENCE)  # stored entries: the evidence bytes sit in the file as they are
    stored.write_bytes(data[:at] + EVIDENCE.replace(b"anjab", b"ANJAB") + data[at + len(EVIDENCE):])

    dialog = DrilldownDialog(window.store, received.assessment_id, window)
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentItem(dialog.evidence_items()[0])
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.last_job.done, timeout=10000):
        pass
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert opened == []
    assert "tidak sama dengan yang diterima" in warnings[0] and stored.name in warnings[0]


def test_activating_a_row_drills_down(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(DrilldownDialog, "exec", lambda self: shown.append(self.assessment.office.code))
    view = window.view
    view.table.sortByColumn(cv.COL_CODE, Qt.SortOrder.AscendingOrder)
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, cv.COL_NAME))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert shown == ["19.01"]
    view.table.setCurrentIndex(view.proxy.index(3, cv.COL_NAME))  # 19.04 sent nothing: no drill-down
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert shown == ["19.01"]


def test_window_exports_xlsx_and_csv(window, tmp_path, monkeypatch):
    from models import consolidate as cons

    warnings = []
    monkeypatch.setattr("ui.province.province_window.QMessageBox.warning",
                        lambda parent, title, text: warnings.append(text))

    assert window.export_to(tmp_path / "k.xlsx", cons.write_xlsx)
    assert window.exported_label.text().startswith("Tabel ditulis (")  # not only in the status bar
    assert window.exported_label.property("kind") == "success"
    opened = []
    monkeypatch.setattr("ui.package_dialogs.open_url", lambda url: opened.append(url.toLocalFile()) or True)
    window.open_folder_button.click()
    assert opened == [str(tmp_path)]
    assert window.export_to(tmp_path / "k.csv", cons.write_csv)
    assert "Kabupaten Bangka" in (tmp_path / "k.csv").read_text("utf-8-sig")
    assert not window.export_to(tmp_path / "k.csv" / "tidak-bisa.xlsx", cons.write_xlsx)
    assert "tidak-bisa.xlsx" in warnings[0] and "tidak berubah" in warnings[0]


def test_year_change_refreshes(qtbot, window):
    refreshed(qtbot, window, lambda: window.year_spin.setValue(2025))
    assert window.consolidation.year == 2025 and window.consolidation.received_count == 0
    assert "0 dari 7" in window.heading.text()


def test_enrolment_dialog_issues_a_certificate_and_offices_dialog_revokes(qtbot, tmp_path, site, monkeypatch):
    from models.certificates import read_certificate
    from tests.test_importer import PROVINCE_PASS, OfficeSite

    office = OfficeSite.create(tmp_path / "kantor", "19.05")
    request = tmp_path / "permintaan.json"
    request.write_bytes(office.request())
    office.store.close()
    dialog = EnrolmentDialog(site.store)
    qtbot.addWidget(dialog)
    assert not dialog.issue_button.isEnabled()
    assert dialog.load_request(request)
    assert dialog.issue_button.isEnabled() and "19.05" in dialog.office_label.text()
    assert dialog.fingerprint.text() == read_request_fingerprint(request)
    qtbot.keyClicks(dialog.passphrase, PROVINCE_PASS)
    assert dialog.issue(tmp_path / "sertifikat.json")
    certificate = read_certificate((tmp_path / "sertifikat.json").read_bytes())
    assert certificate.office_code == "19.05" and certificate.serial == dialog.issued.serial

    offices = OfficesDialog(site.store)
    qtbot.addWidget(offices)
    serial_row = next(r for r in range(offices.table.rowCount()) if offices.table.item(r, 1).text() == "19.05")
    offices.table.selectRow(serial_row)
    assert offices.revoke_button.isEnabled()
    monkeypatch.setattr("ui.province.enrolment_dialog.QInputDialog.getText",
                        lambda *args, **kwargs: ("kunci hilang", True))
    qtbot.mouseClick(offices.revoke_button, Qt.MouseButton.LeftButton)
    assert certificate.serial in province.revoked_serials(site.store)
    assert offices.table.item(serial_row, 4).text() == "dicabut"


def test_wrong_request_file_is_explained(qtbot, site, tmp_path):
    dialog = EnrolmentDialog(site.store)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bukan.json"
    bad.write_text("{}", "utf-8")
    assert not dialog.load_request(bad)
    assert "bukan.json" in dialog.error_label.text() and not dialog.issue_button.isEnabled()


def read_request_fingerprint(path: Path) -> str:
    from models.certificates import read_enrolment_request

    return read_enrolment_request(path.read_bytes()).public_key.fingerprint


def test_package_opened_from_explorer_is_checked_and_imported(qtbot, site, packages, monkeypatch):
    from ui.app import open_package

    shown = ProvinceWindow(site.store)
    qtbot.addWidget(shown)
    dialogs: list[ImportDialog] = []
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: dialogs.append(dialog) or 0)
    open_package(shown, packages / "19.02.merit")
    [dialog] = dialogs
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=30000)
    assert [(o.path.name, o.outcome) for o in dialog.model.outcomes()] == [("19.02.merit", "accepted")]
    assert ReceivedPackage.select().count() == 1


def test_package_opened_in_office_mode_says_where_it_belongs(qtbot, site, packages, monkeypatch):
    from ui.app import create_main_window, open_package

    office = create_main_window(site.store)
    qtbot.addWidget(office)
    shown: list[str] = []
    monkeypatch.setattr("ui.app.QMessageBox.information", lambda parent, title, text: shown.append(text))
    open_package(office, packages / "19.02.merit")
    assert len(shown) == 1 and "19.02.merit" in shown[0] and "mode provinsi" in shown[0]



def test_enrolment_dialog_asks_before_replacing_a_valid_certificate(qtbot, tmp_path, site, monkeypatch):
    from tests.test_importer import PROVINCE_PASS, OfficeSite

    office = OfficeSite.create(tmp_path / "kantor", "19.05")
    site.enrol(office.request())  # 19-0001, valid
    office.private_key = province.keys.generate_private_key()  # the key was lost: a new one
    request = tmp_path / "permintaan-baru.json"
    request.write_bytes(office.request())
    office.store.close()
    dialog = EnrolmentDialog(site.store)
    qtbot.addWidget(dialog)
    assert dialog.load_request(request)
    asked = []
    monkeypatch.setattr(dialog, "confirm_replacement", lambda text: asked.append(text) or False)
    qtbot.keyClicks(dialog.passphrase, PROVINCE_PASS)
    assert not dialog.issue(tmp_path / "sertifikat.json")
    assert "19-0001" in asked[0] and "menggantikannya" in asked[0]
    assert not (tmp_path / "sertifikat.json").exists() and "tetap berlaku" in dialog.error_label.text()

    monkeypatch.setattr(dialog, "confirm_replacement", lambda text: True)
    assert dialog.issue(tmp_path / "sertifikat.json")
    replaced = province.EnrolledOffice.get(province.EnrolledOffice.serial == "19-0001")
    assert replaced.revoked and replaced.revoke_reason.startswith("diganti")


def test_drilldown_lists_every_revision_and_a_conflict(qtbot, tmp_path, site):
    from tests.test_importer import enrolled_office, resigned_copy, two_revisions

    office = enrolled_office(tmp_path, site, "19.01")
    first, second, _ = two_revisions(office, tmp_path)

    def other_justification(manifest: dict) -> None:
        manifest["answers"][0]["justification"] = "Penjelasan yang lain."

    conflicting = resigned_copy(office, second, tmp_path / "r2-lain.merit", other_justification)
    office.store.close()
    outcomes = importer.Importer(site.store).import_paths([second, first, conflicting])
    assert [o.outcome for o in outcomes] == [importer.ACCEPTED, importer.SUPERSEDED, importer.CONFLICT]
    dialog = DrilldownDialog(site.store, outcomes[0].assessment_id)
    qtbot.addWidget(dialog)
    text = dialog.summary_label.text()
    assert "Revisi yang diterima: 1 (usang" in text and "2 (terkini" in text and "ditampilkan" in text
    assert "KONFLIK: berkas r2-lain.merit" in text and "r2.merit" in text


def test_ranking_never_interleaves_nism_and_maturity(qtbot, instrument):
    from models import consolidate as cons2
    from ui.province.charts import RankingChart

    rows = [cons2.ConsolidatedRow("19.01", "A", cons2.RECEIVED, index=0.9, headline_kind="maturity"),
            cons2.ConsolidatedRow("19.02", "B", cons2.RECEIVED, index=0.5, headline_kind="nism"),
            cons2.ConsolidatedRow("19.03", "C", cons2.RECEIVED, index=0.6, headline_kind="nism")]
    chart = RankingChart(instrument)
    qtbot.addWidget(chart)
    chart.set_consolidation(cons2.Consolidation(2026, "19", "Babel", (), (), rows))
    assert [row.code for row in chart.ranked()] == ["19.03", "19.02", "19.01"]  # maturity apart, after
    assert chart.mixed_kinds()
    chart.resize(600, chart.sizeHint().height())
    chart.grab()  # paints the separator and the legend without error


def test_import_report_gives_one_plain_reason_per_cause_and_rejected_offices_show_as_ditolak(
        qtbot, site, tmp_path):
    """An intact package from a sender this province does not trust and a damaged copy of
    it get different reasons, in plain words; the sender's key in decimal groups; the office
    then shows "Ditolak" in the consolidated table, not "Belum mengirim"."""
    import re

    from models import keys
    from tests.test_importer import ProvinceSite

    other = ProvinceSite.create(tmp_path / "provinsi-lain", aside=True)
    office = enrolled_office(tmp_path, other, "19.03")
    folder = tmp_path / "lampiran"
    folder.mkdir()
    intact = office.export(office.answer(2026, 2, {"A1.1": EVIDENCE * 40}), folder / "19.03.merit")
    office.store.close()
    data = bytearray(intact.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(64)  # bytes changed on the way (a flaky flash drive)
    (folder / "19.03-salinan.merit").write_bytes(bytes(data))

    dialog = ImportDialog(site.store)
    qtbot.addWidget(dialog)
    dialog.start_import([folder])
    qtbot.waitUntil(lambda: dialog.last_job.outcome is not None, timeout=30000)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=30000)
    messages = {dialog.model.index(row, 0).data(): dialog.model.index(row, 5).data()
                for row in range(dialog.model.rowCount())}
    fingerprint = keys.public_key_of(office.private_key).fingerprint
    assert messages["19.03.merit"].startswith("Pengirim belum terdaftar di provinsi ini")
    assert messages["19.03.merit"].endswith(f"Sidik jari kunci kantor pengirim: {fingerprint}.")
    assert re.fullmatch(r"\d{4}( \d{4}){7}", fingerprint)
    assert messages["19.03-salinan.merit"].startswith("Berkas rusak atau terpotong")
    for text in messages.values():  # no jargon, no other language, no hex key id
        assert not re.search(r"SHA-256|manifest|CRC|Bad |[0-9A-F]{16}", text)

    window = ProvinceWindow(site.store)
    qtbot.addWidget(window)
    refreshed(qtbot, window)
    view = window.findChild(cv.ConsolidatedView)
    model = view.proxy
    row = visible_codes(view).index("19.03")
    assert model.index(row, cv.COL_STATUS).data() == "Ditolak"
    assert "ditolak" in model.index(row, cv.COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    other.store.close()


def test_province_window_has_settings_and_help_menus(qtbot, window, monkeypatch):
    import ui.settings_dialog as settings_dialog
    from ui.about_dialog import AboutDialog

    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Berkas", "&Provinsi", "Ban&tuan"]
    shown = []
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", lambda dialog: shown.append(
        [page.title() for page in dialog.pages]))
    window.settings_action.trigger()
    assert shown == [["Kantor", "Operator", "Tampilan", "Cadangan"]]  # no KASN history nor evidence limit for a province
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog.text_label.text()))
    window.about_action.trigger()
    assert "Versi " in shown[-1]


def test_sorting_reorders_the_model_and_keeps_selection_and_widths(qtbot, window):
    """Issue 17: the model sorts its own rows by ranks held per column (no Python lessThan),
    the selection follows its office, the order survives a refresh, widths stay put."""
    from PySide6.QtCore import QItemSelectionModel

    view = window.view
    header = view.table.horizontalHeader()
    assert all(header.sectionResizeMode(column) != header.ResizeMode.ResizeToContents
               for column in range(header.count()))
    widths = [header.sectionSize(column) for column in range(header.count())]
    view.table.sortByColumn(cv.COL_CODE, Qt.SortOrder.AscendingOrder)
    selected = view.proxy.index(visible_codes(view).index("19.02"), 0)
    view.table.selectionModel().select(selected, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    view.table.sortByColumn(cv.COL_INDEX, Qt.SortOrder.DescendingOrder)
    codes = [window.model.index(row, cv.COL_CODE).data() for row in range(window.model.rowCount())]
    assert codes[:3] == ["19.71", "19.01", "19.02"] and visible_codes(view) == codes
    assert view.selected_row().code == "19.02"
    assert [header.sectionSize(column) for column in range(header.count())] == widths
    header.resizeSection(cv.COL_NAME, widths[cv.COL_NAME] + 40)  # the user drags a column wider
    refreshed(qtbot, window, window.refresh)
    assert visible_codes(view) == codes  # a refresh keeps the chosen order
    assert header.sectionSize(cv.COL_NAME) == widths[cv.COL_NAME] + 40  # nothing changed: no new widths
    view.table.sortByColumn(cv.COL_INDEX, Qt.SortOrder.AscendingOrder)
    assert visible_codes(view)[-3:] == ["19.02", "19.01", "19.71"]


def test_heat_map_paints_only_the_rows_in_the_exposed_area(qtbot, window, monkeypatch):
    from PySide6.QtCore import QRect

    heatmap = HeatMap(window.store.registry.default())
    qtbot.addWidget(heatmap)
    heatmap.set_consolidation(window.consolidation)
    heatmap.resize(800, heatmap.sizeHint().height())
    painted = []
    original = HeatMap.cell_color
    monkeypatch.setattr(HeatMap, "cell_color", lambda self, row, column: painted.append(row.code)
                        or original(self, row, column))
    heatmap.grab()
    assert len(set(painted)) == 7
    painted.clear()
    row_height = heatmap._row_height()  # noqa: SLF001
    heatmap.grab(QRect(0, heatmap.MARGIN + row_height * 3, 800, row_height))  # the third office's row
    assert 1 <= len(set(painted)) <= 3 and len(painted) <= 3 * len(window.consolidation.aspect_ids)


def test_refresh_consolidates_in_a_worker_and_swaps_the_table_in_one_step(qtbot, window, monkeypatch):
    """Issue 17: the GUI thread only starts the refresh and swaps the result in; meanwhile the
    table keeps the previous consolidation (sortable), a busy bar shows, and afterwards the
    new rows are in the table and both charts."""
    from models import consolidate as cons

    threads = []
    release = threading.Event()
    original = cons.consolidate

    def slow_consolidate(*args, **kwargs):
        threads.append(threading.current_thread())
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(cons, "consolidate", slow_consolidate)
    before = window.consolidation
    ranking = window.ranking  # made now (its tab was never shown): it follows every refresh
    window.refresh()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    assert window.refreshing() and not window.busy.isHidden()
    assert window.consolidation is before and window.model.rowCount() == 7  # the previous state, usable
    window.view.table.sortByColumn(cv.COL_INDEX, Qt.SortOrder.DescendingOrder)
    assert visible_codes(window.view)[:3] == ["19.71", "19.01", "19.02"]
    reset = []
    window.model.modelReset.connect(lambda: reset.append(True))
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        release.set()
    assert reset == [True]  # one swap
    assert not window.refreshing() and window.busy.isHidden()
    assert window.consolidation is not before and ranking._consolidation is window.consolidation  # noqa: SLF001
    assert window.ranking is ranking and [row.code for row in ranking.ranked()] == ["19.71", "19.01", "19.02"]
    assert visible_codes(window.view)[:3] == ["19.71", "19.01", "19.02"]  # the chosen order kept
    qtbot.keyClicks(window.view.search, "belitung")
    assert visible_codes(window.view) == ["19.02", "19.06"]


def test_a_newer_refresh_supersedes_a_running_one(qtbot, window, monkeypatch):
    from models import consolidate as cons

    release = threading.Event()
    original = cons.consolidate
    years = []

    def held_consolidate(store, year, code=None, cancelled=None):
        years.append(year)
        if year == 2025:
            release.wait(10)
        return original(store, year, code, cancelled=cancelled)

    monkeypatch.setattr(cons, "consolidate", held_consolidate)
    window.year_spin.setValue(2025)  # held in its worker
    qtbot.waitUntil(lambda: years == [2025])
    assert "Memuat" in window.heading.text()
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.year_spin.setValue(2026)
    release.set()
    assert window.consolidation.year == 2026 and window.consolidation.received_count == 3
    qtbot.wait(200)  # the superseded worker ends; its result is never shown
    assert window.consolidation.year == 2026


def test_closing_the_window_during_a_refresh_stops_the_worker(qtbot, imported, monkeypatch):
    """Closed (and deleted) while its consolidation runs: the worker stops at its next look,
    leaves the store before close returns, and nothing is delivered to the dead window."""
    from PySide6.QtWidgets import QApplication

    from models import consolidate as cons
    from ui import workers

    started = threading.Event()
    original = cons.consolidate
    looks = []

    def watched_consolidate(store, year, code=None, cancelled=None):
        def looking() -> bool:
            looks.append(cancelled())
            if not started.is_set():
                started.set()
                threading.Event().wait(0.3)  # still at work when the window closes
            return looks[-1]

        return original(store, year, code, cancelled=looking)

    monkeypatch.setattr(cons, "consolidate", watched_consolidate)
    window = ProvinceWindow(imported.store)
    job = window._refresh_job  # noqa: SLF001
    assert started.wait(10)
    window.close()
    assert job.worker.exited.is_set()  # close waited for it to leave the store
    window.deleteLater()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: job.outcome is not None)
    assert job.outcome == "cancelled" and looks[-1] is True
    assert workers.running_jobs() == 0
    assert len(original(imported.store, 2026).rows) == 7  # the store is fine


def test_ranking_paints_only_the_bars_in_the_exposed_area(qtbot, instrument, monkeypatch):
    """Issue 17: a scroll step of the ranking repaints a strip, not every bar of 514."""
    from PySide6.QtCore import QRect

    from models import consolidate as cons
    from ui.province import charts

    rows = [cons.ConsolidatedRow(f"99.{n:02d}", f"Kabupaten {n}", cons.RECEIVED, index=1 - n / 100,
                                 band_color="#2ecc71", aspects=(0.5,) * 8) for n in range(60)]
    ranking = RankingChart(instrument)
    qtbot.addWidget(ranking)
    ranking.set_consolidation(cons.Consolidation(2026, "99", "Uji", ("A1",), ("Aspek",), rows))
    ranking.resize(800, ranking.sizeHint().height())
    painted = []
    original = charts.decimal_id
    monkeypatch.setattr(charts, "decimal_id", lambda value, *rest: painted.append(value) or original(value, *rest))
    ranking.grab()
    assert len(painted) == 60
    painted.clear()
    area = ranking._bar_area()  # noqa: SLF001
    row_height = ranking._row_height()  # noqa: SLF001
    ranking.grab(QRect(0, int(area.top() + row_height * 30), 800, row_height))  # the 31st bar
    assert 1 <= len(painted) <= 4 and round(1 - 30 / 100, 2) in [round(value, 2) for value in painted]


def test_chart_tabs_are_made_when_first_shown(qtbot, window):
    """Issue 17: opening and refreshing the window pay for the table only."""
    assert window.findChildren(HeatMap) == [] and window.findChildren(RankingChart) == []
    window.show()
    window.tabs.setCurrentIndex(2)
    [heatmap] = window.findChildren(HeatMap)
    assert heatmap.rows() == window.consolidation.rows and heatmap.isVisible()
    assert window.findChildren(RankingChart) == []
    window.tabs.setCurrentIndex(1)
    [ranking] = window.findChildren(RankingChart)
    assert [row.code for row in ranking.ranked()] == ["19.71", "19.01", "19.02"]
    assert window.heatmap is heatmap and window.ranking is ranking


def test_refresh_keeps_the_selected_office_and_the_scroll_position(qtbot, window):
    """Issue 17: a refresh swaps the rows in, and the office selected before (by its code)
    is still selected, the table scrolled where it was, in the order chosen."""
    from PySide6.QtCore import QItemSelectionModel

    window.resize(700, 260)  # a few rows visible: the table scrolls
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    view.table.sortByColumn(cv.COL_NAME, Qt.SortOrder.DescendingOrder)
    codes = visible_codes(view)
    chosen = codes[-2]
    view.table.selectionModel().setCurrentIndex(
        view.proxy.index(codes.index(chosen), cv.COL_NAME),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    bar = view.table.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    scrolled = bar.value()
    before = window.consolidation
    refreshed(qtbot, window, window.refresh)
    assert window.consolidation is not before  # a new consolidation was swapped in
    assert visible_codes(view) == codes
    assert view.selected_row().code == chosen
    assert view.table.currentIndex().column() == cv.COL_NAME
    assert bar.value() == scrolled > 0
    view.table.selectionModel().clearSelection()
    bar.setValue(0)
    refreshed(qtbot, window, window.refresh)
    assert view.selected_row() is None and bar.value() == 0


def test_refresh_makes_the_cells_in_its_worker(qtbot, window, monkeypatch):
    """The texts and sort keys of every cell are made in the refresh's worker; the model
    shows them as they are (no second making on the GUI thread)."""
    from models import consolidated_table

    threads = []
    original = consolidated_table.table_cells

    def watched(*args):
        threads.append(threading.current_thread())
        return original(*args)

    monkeypatch.setattr(consolidated_table, "table_cells", watched)
    refreshed(qtbot, window, window.refresh)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    row = {window.model.index(r, cv.COL_CODE).data(): r for r in range(window.model.rowCount())}
    assert window.model.index(row["19.03"], cv.COL_STATUS).data() == "Belum mengirim"


def test_berita_acara_check_is_in_the_province_menu_and_opens_its_dialog(window, monkeypatch):
    """Its dialog module is imported when the action is used, not when the window opens."""
    from ui.province import berita_acara_check

    opened = []
    monkeypatch.setattr(berita_acara_check.BeritaAcaraCheckDialog, "exec", lambda dialog: opened.append(dialog))
    [province_menu] = [top.menu() for top in window.menuBar().actions() if window.key_action in top.menu().actions()]
    assert window.berita_acara_action in province_menu.actions()
    assert window.berita_acara_action.text() == "Periksa &Berita Acara…"
    window.berita_acara_action.trigger()
    assert len(opened) == 1 and opened[0].store is window.store and opened[0].parent() is window
