"""Finalize-and-export and office-key dialogs, driven through their widgets."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from models import keys
from models.demo import DEMO_OFFICE_PASSPHRASE, DEMO_YEAR, seed_demo
from models.lifecycle import reopen
from models.package.verify import verify_package
from models.tables import Assessment


def wait_for_signal(signal, action, timeout: float = 20.0) -> list:
    """Run ``action`` and process events until ``signal`` fires; returns its arguments.

    Not qtbot.waitSignal: once any test has run ``app.exec()`` to its end (the run_gui test
    does), every later nested QEventLoop.exec() in the process returns at once, so
    waitSignal would time out without processing events; processEvents still works."""
    app = QApplication.instance()
    received: list = []
    slot = lambda *args: received.append(list(args))  # noqa: E731
    signal.connect(slot)
    try:
        action()
        deadline = time.monotonic() + timeout
        while not received:
            assert time.monotonic() < deadline, "signal not emitted in time"
            app.processEvents()
            time.sleep(0.005)  # lets the worker thread take the GIL
    finally:
        signal.disconnect(slot)
    return received[0]


@pytest.fixture
def draft_revision(store):
    """The demo office, enrolled, with revision 2 reopened as a complete draft."""
    seed_demo(store)
    return reopen(store, store.latest_assessment(store.office(), DEMO_YEAR), "penguji")


def _dialog(qtbot, store, assessment, tmp_path):
    from ui.package_dialogs import FinalizeExportDialog

    dialog = FinalizeExportDialog(store, assessment)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "out" / "paket.merit"))
    dialog.show()
    return dialog


def test_blocking_issues_are_listed_and_export_is_disabled(qtbot, store, assessment, tmp_path):
    store.set_answer(assessment, "A1.1", level=3)
    dialog = _dialog(qtbot, store, assessment, tmp_path)
    texts = [dialog.issues.item(row).text() for row in range(dialog.issues.count())]
    assert any(t.startswith("1.1 ") and t.endswith(": tingkat 3 tanpa bukti dukung dan tanpa penjelasan.") for t in texts)
    assert any(text.endswith("belum dijawab.") for text in texts)
    assert not dialog.export_button.isEnabled()
    assert dialog.status.text().endswith("hal harus diselesaikan sebelum finalisasi.")
    requested = []
    dialog.itemRequested.connect(requested.append)
    first = dialog.issues.item(texts.index(next(t for t in texts if t.startswith("1.1 "))))
    rect = dialog.issues.visualItemRect(first)
    qtbot.mouseClick(dialog.issues.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.issues.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert requested == ["A1.1"] and not dialog.isVisible()  # like F7's list: jump to the item


def test_wrong_passphrase_changes_nothing_then_export_finalizes_and_signs(qtbot, store, draft_revision, tmp_path,
                                                                         monkeypatch):
    import ui.package_dialogs as package_dialogs

    dialog = _dialog(qtbot, store, draft_revision, tmp_path)
    assert dialog.issues.count() == 0 and dialog.export_button.isEnabled()
    assert dialog.export_button.text() == "&Finalisasi dan ekspor"
    assert not dialog.reopen_button.isVisible()  # a draft is edited directly
    # The demo has no survey figure S: finalizing needs the explicit confirmation first.
    assert dialog.without_survey.isVisible() and not dialog.without_survey.isChecked()
    qtbot.keyClicks(dialog.passphrase, "bukan-sandinya")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Nilai survei S belum diisi" in dialog.status.text() and dialog.job is None
    dialog.without_survey.setChecked(True)
    wait_for_signal(dialog.failed, lambda: qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton))
    assert "Kata sandi salah" in dialog.status.text()
    assert store.assessment(draft_revision.id).status == Assessment.DRAFT
    assert not (tmp_path / "out").exists()

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, DEMO_OFFICE_PASSPHRASE)
    exported = wait_for_signal(dialog.exported, lambda: qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return))
    package = tmp_path / "out" / "paket.merit"
    assert exported == [str(package)]
    assert store.assessment(draft_revision.id).status == Assessment.FINAL
    assert any(entry.field == "finalized_without_survey" for entry in store.audit_trail(draft_revision))
    report = verify_package(package, keys.load_trusted_keys(store.data_dir))
    assert report.ok and report.manifest["revision"] == 2
    assert dialog.export_button.text() == "&Ekspor paket"
    assert dialog.passphrase.text() == ""

    assert dialog.reopen_button.isVisible()
    asked = []
    monkeypatch.setattr(package_dialogs, "confirm", lambda *args, **kwargs: asked.append(args[2]) or False)
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)  # asked, and the user said no
    assert "Revisi 2 tetap final" in asked[0]
    assert store.latest_assessment(store.office(), DEMO_YEAR).revision == 2
    monkeypatch.setattr(package_dialogs, "confirm", lambda *args, **kwargs: True)
    reopened = wait_for_signal(dialog.reopened,
                               lambda: qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton))
    third = store.assessment(reopened[0])
    assert (third.revision, third.status) == (3, Assessment.DRAFT)
    assert store.assessment(draft_revision.id).status == Assessment.FINAL
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_final_revision_is_written_while_its_key_unlocks_and_a_wrong_passphrase_leaves_nothing(
        qtbot, store, tmp_path):
    seed_demo(store)  # revision 1 is final: nothing to finalize, so the key unlocks while writing
    final = store.latest_assessment(store.office(), DEMO_YEAR)
    assert final.status == Assessment.FINAL
    dialog = _dialog(qtbot, store, final, tmp_path)
    package = tmp_path / "out" / "paket.merit"
    package.parent.mkdir()
    package.write_bytes(b"paket lama")  # an earlier export in the way stays as it was on failure
    qtbot.keyClicks(dialog.passphrase, "bukan-sandinya")
    wait_for_signal(dialog.failed, lambda: qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton))
    assert "Kata sandi salah" in dialog.status.text()
    assert dialog.passphrase.hasSelectedText() and dialog.job is None
    assert sorted(p.name for p in package.parent.iterdir()) == ["paket.merit"]  # no temp file left
    assert package.read_bytes() == b"paket lama"

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, DEMO_OFFICE_PASSPHRASE)
    exported = wait_for_signal(dialog.exported, lambda: qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return))
    assert exported == [str(package)]
    report = verify_package(package, keys.load_trusted_keys(store.data_dir))
    assert report.ok and report.manifest["revision"] == final.revision


def test_a_package_sealed_to_the_province_opens_only_with_its_key(qtbot, store, tmp_path):
    from models.demo import DEMO_PROVINCE_PASSPHRASE, demo_province_dir
    from models.package.envelope import decrypt_package, is_encrypted

    seed_demo(store)
    final = store.latest_assessment(store.office(), DEMO_YEAR)
    dialog = _dialog(qtbot, store, final, tmp_path)
    assert dialog.encrypt.isEnabled() and not dialog.encrypt.isChecked()  # the province's key is here
    dialog.encrypt.setChecked(True)
    qtbot.keyClicks(dialog.passphrase, DEMO_OFFICE_PASSPHRASE)
    exported = wait_for_signal(dialog.exported, lambda: qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return))
    package = Path(exported[0])
    assert is_encrypted(package) and sorted(p.name for p in package.parent.iterdir()) == [package.name]
    assert "hanya provinsi yang dapat membukanya" in dialog.status.text()
    assert verify_package(package, keys.load_trusted_keys(store.data_dir)).reason == "encrypted_package"
    province_key = keys.load_private_key(demo_province_dir(store.data_dir) / "province.key", DEMO_PROVINCE_PASSPHRASE)
    plain = decrypt_package(package, province_key, tmp_path / "dibuka.merit")
    report = verify_package(plain, keys.load_trusted_keys(store.data_dir))
    assert report.ok and report.manifest["revision"] == final.revision


def test_sealing_is_offered_only_with_the_certifying_province_key(qtbot, store, tmp_path):
    seed_demo(store)
    for trusted in keys.trusted_keys_dir(store.data_dir).glob("*.pub"):
        trusted.unlink()  # this PC no longer holds the key of the province that certified the office
    dialog = _dialog(qtbot, store, store.latest_assessment(store.office(), DEMO_YEAR), tmp_path)
    assert not dialog.encrypt.isEnabled() and "belum ada di komputer ini" in dialog.encrypt.toolTip()


def test_cancelling_the_progress_dialog_leaves_no_package(qtbot, store, draft_revision, tmp_path):
    big = tmp_path / "pindaian.pdf"
    big.write_bytes(bytes(range(256)) * (24 * 1024 * 1024 // 256))  # 24 MB: time to press Batal
    store.evidence_store.limit_bytes = 128 * 1024 * 1024
    store.add_evidence(draft_revision, "A1.1", big, who="penguji")
    dialog = _dialog(qtbot, store, draft_revision, tmp_path)
    dialog.without_survey.setChecked(True)
    key = keys.load_private_key(keys.office_key_path(store.data_dir), DEMO_OFFICE_PASSPHRASE)
    dialog._on_unlock_finished(key)  # as after a correct passphrase  # noqa: SLF001
    job = dialog.job
    progress = job.dialog
    progress.show()  # it would appear by itself after 400 ms
    cancel_button = progress.findChild(QPushButton)
    assert cancel_button.text() == "Batal"
    wait_for_signal(job.done, lambda: qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton))
    assert job.outcome == "cancelled"
    assert "dibatalkan" in dialog.status.text()
    assert list((tmp_path / "out").glob("*.merit")) == []
    assert list((tmp_path / "out").iterdir()) == []


def test_keys_dialog_creates_key_exports_request_imports_certificate(qtbot, store, tmp_path, monkeypatch):
    from models.certificates import issue_certificate, read_enrolment_request
    from ui.package_dialogs import KeysDialog

    store.ensure_office("19.03")
    dialog = KeysDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fingerprint.text() == "Belum ada kunci kantor."
    assert not dialog.request_button.isEnabled()

    qtbot.keyClicks(dialog.passphrase, "sandi kantor baru")
    qtbot.keyClicks(dialog.confirm, "sandi kantor lain")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Kedua kata sandi tidak sama."
    assert not keys.office_key_path(store.data_dir).exists()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "sandi kantor baru")
    fingerprint = wait_for_signal(dialog.keyCreated,
                                  lambda: qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton))[0]
    assert re.fullmatch(r"\d{4}( \d{4}){7}", fingerprint) and dialog.fingerprint.text() == fingerprint
    assert keys.load_private_key(keys.office_key_path(store.data_dir), "sandi kantor baru")

    request_file = tmp_path / "permintaan.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(request_file), ""))
    qtbot.keyClicks(dialog.passphrase, "sandi kantor baru")
    wait_for_signal(dialog.requestWritten, lambda: qtbot.mouseClick(dialog.request_button, Qt.MouseButton.LeftButton))
    request = read_enrolment_request(request_file.read_bytes())
    assert request.office_code == "19.03" and request.public_key.fingerprint == fingerprint

    province_dir, profile = _province(tmp_path)
    province = keys.load_private_key(province_dir / "keys" / "province.key", "kata-sandi-provinsi")
    certificate = tmp_path / "sertifikat.json"
    certificate.write_bytes(issue_certificate(request, province, keys.public_key_of(province), "19",
                                              date(2026, 1, 1), date(2030, 12, 31), "19-0007"))
    # The certificate first: the dialog explains that the profile comes first and offers it;
    # declining says so (no silent nothing, no dialog for a *.pub the province never sends).
    import ui.package_dialogs as package_dialogs

    asked = []
    monkeypatch.setattr(package_dialogs, "confirm", lambda *args, **kwargs: asked.append(args[2]) or False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(certificate), ""))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "profil provinsi" in asked[0]
    assert dialog.status.text().startswith("Sertifikat belum diimpor: impor profil provinsi dahulu")
    assert not keys.office_certificate_path(store.data_dir).exists()

    monkeypatch.setattr(package_dialogs, "confirm", lambda *args, **kwargs: True)
    answers = iter([(str(certificate), ""), (str(profile), "")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: next(answers))
    imported = wait_for_signal(dialog.certificateImported,
                               lambda: qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton))
    assert imported == ["19-0007"]
    assert dialog.certificate.text().startswith("Terdaftar: sertifikat nomor 19-0007")
    assert dialog.certificate.text().endswith("berlaku 1 Januari 2026 s.d. 31 Desember 2030.")
    assert dialog.status.property("kind") == "success"
    assert keys.load_trusted_keys(store.data_dir) == [keys.public_key_of(province)]
    assert [label.text() for label in dialog.step_labels.values()] == ["1.", "2. ✓", "3. ✓"]


def test_an_empty_passphrase_is_asked_for_not_called_wrong(qtbot, store, tmp_path, monkeypatch):
    from ui.package_dialogs import KeysDialog

    seed_demo(store)
    dialog = KeysDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    chosen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: chosen.append(1) or ("", ""))
    qtbot.mouseClick(dialog.request_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Isi dahulu kata sandi kunci kantor")
    assert "salah" not in dialog.status.text() and chosen == []
    label = dialog.key_form.labelForField(dialog.passphrase)
    assert label is not None and label.isVisible() and "Kata sandi kunci kantor" in label.text()


def _province(tmp_path):
    """A province installation made by the CLI, and the profile it sends to its offices."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    province_dir = tmp_path / "provinsi"
    env = {**os.environ, "MERIT_LURING_PASSPHRASE": "kata-sandi-provinsi"}
    run = lambda *args: subprocess.run([sys.executable, str(REPO / "main.py"), *args, "--data-dir", str(province_dir)],  # noqa: E731
                                       env=env, capture_output=True, text=True, timeout=120)
    made = run("province", "init", "--province", "19", "--json")
    assert made.returncode == 0, made.stderr
    profile = tmp_path / "profil-19.json"
    assert run("province", "profile", "--out", str(profile)).returncode == 0
    return province_dir, profile


def test_keys_dialog_refuses_a_certificate_for_another_key(qtbot, store, tmp_path, monkeypatch):
    from models.certificates import issue_certificate, make_enrolment_request, read_enrolment_request
    from ui.package_dialogs import KeysDialog

    seed_demo(store)
    before = keys.office_certificate_path(store.data_dir).read_bytes()
    stranger = keys.generate_private_key()
    province = keys.load_private_key(store.data_dir / "demo-province" / "province.key", "provinsi-contoh-2026")
    request = read_enrolment_request(make_enrolment_request("19.01", "Lain", keys.public_key_of(stranger), stranger))
    foreign = tmp_path / "lain.json"
    foreign.write_bytes(issue_certificate(request, province, keys.public_key_of(province), "19",
                                          date(2026, 1, 1), date(2030, 1, 1), "19-0100"))
    dialog = KeysDialog(store)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(foreign), ""))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "bukan kunci kantor ini" in dialog.status.text()
    assert keys.office_certificate_path(store.data_dir).read_bytes() == before


def test_keys_dialog_says_a_certificate_of_a_lost_key_does_not_match_the_new_key(qtbot, store):
    from ui.package_dialogs import KeysDialog

    seed_demo(store)
    shown = KeysDialog(store)
    qtbot.addWidget(shown)
    assert shown.certificate.text().startswith("Terdaftar:")
    # The passphrase is lost: the old key is moved aside and a new one made (user guide §12).
    old_key = keys.office_key_path(store.data_dir)
    old_key.rename(old_key.with_name("office-lama.key"))
    new_key = keys.create_office_key(store.data_dir, "sandi kantor baru")
    dialog = KeysDialog(store)
    qtbot.addWidget(dialog)
    text = dialog.certificate.text()
    assert "tidak cocok dengan kunci ini" in text and new_key.key_id_hex in text
    assert not text.startswith("Terdaftar")


def test_keys_dialog_imports_the_province_profile_and_shows_its_fingerprint(qtbot, store, tmp_path):
    from models import keys
    from ui.package_dialogs import KeysDialog

    province_dir, profile = _province(tmp_path)
    fingerprint = keys.key_file_public_key(province_dir / "keys" / "province.key").fingerprint
    store.ensure_office("19.01")
    dialog = KeysDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.profileImported) as imported:
        dialog.import_profile(profile)
    assert imported.args == [fingerprint]
    assert fingerprint in dialog.status.text()
    assert [k.fingerprint for k in keys.load_trusted_keys(store.data_dir)] == [fingerprint]

    tampered = tmp_path / "profil-diubah.json"
    tampered.write_bytes(profile.read_bytes().replace(b"Kepulauan", b"Kepulauam"))
    with qtbot.waitSignal(dialog.failed):
        dialog.import_profile(tampered)
    assert dialog.status.property("error") is True


def test_export_shows_the_size_warns_above_email_size_opens_the_folder_and_remembers_it(
        qtbot, store, draft_revision, tmp_path, monkeypatch):
    import os

    import ui.package_dialogs as package_dialogs

    big = tmp_path / "pindaian besar.pdf"
    big.write_bytes(os.urandom(21 * 1024 * 1024))  # does not compress
    store.add_evidence(draft_revision, "A1.1", big, who="penguji")
    dialog = _dialog(qtbot, store, draft_revision, tmp_path)
    assert not dialog.open_folder_button.isVisible()  # nothing written yet
    summary = dialog.summary.text()
    assert re.match(r"Isi paket: BKPSDM Kabupaten Bangka · (\d+) dari \1 butir dijawab · \d+ berkas bukti", summary)
    assert "terlalu besar untuk lampiran surel" in summary
    dialog.without_survey.setChecked(True)  # the demo has no survey figure S
    qtbot.keyClicks(dialog.passphrase, DEMO_OFFICE_PASSPHRASE)
    wait_for_signal(dialog.exported, lambda: qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton))
    size = (tmp_path / "out" / "paket.merit").stat().st_size
    assert size > package_dialogs.EMAIL_LIMIT_BYTES
    assert re.match(r"Paket selesai ditulis \(2\d,\d MB\): ", dialog.status.text())
    assert dialog.status.property("kind") == "success"
    assert dialog.size_warning.isVisible() and "terlalu besar untuk lampiran surel" in dialog.size_warning.text()
    assert "Kirim ke provinsi lewat diska lepas." in dialog.status.text()
    opened = []
    monkeypatch.setattr(package_dialogs, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    assert dialog.open_folder_button.isVisible()
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "out")]

    again = package_dialogs.FinalizeExportDialog(store, draft_revision)  # the same data folder
    qtbot.addWidget(again)
    assert again.output.text().startswith(str(tmp_path / "out"))


def test_export_to_a_read_only_folder_says_so_in_plain_words(qtbot, store, draft_revision, tmp_path, monkeypatch):
    import errno

    import ui.package_dialogs as package_dialogs

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "out" / ".merit-x.partial"))

    monkeypatch.setattr(package_dialogs, "write_package", read_only)
    dialog = _dialog(qtbot, store, draft_revision, tmp_path)
    dialog.without_survey.setChecked(True)  # the demo has no survey figure S
    qtbot.keyClicks(dialog.passphrase, DEMO_OFFICE_PASSPHRASE)
    wait_for_signal(dialog.failed, lambda: qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton))
    text = dialog.status.text()
    assert text.startswith("Folder tujuan hanya dapat dibaca") and "Pilih folder lain" in text
    assert "Errno" not in text and "Read-only" not in text and ".partial" not in text
