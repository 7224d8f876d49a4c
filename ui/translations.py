"""Regenerate the translation catalogues: ``python -m ui.translations update``.

* ``qtbase_id.ts``: Indonesian for Qt's own standard texts (dialog buttons, wizard buttons,
  edit menus), which Qt does not ship; written from ``QT_INDONESIAN`` below.
* ``merit_en.ts``: every ``tr()`` string of ``ui/**/*.py`` (lupdate) and every sentence of the
  core's catalogue ``models/texts.py`` (context ``models``), with English filled
  in from ``resources/translations/merit_en_texts.json`` where the .ts has none yet;
  strings without a translation fall back to the Indonesian source.

Both are compiled with lrelease; .ts and .qm are committed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from models.paths import resource_path

UI_DIR = Path(__file__).resolve().parent
TRANSLATIONS = resource_path("translations")
EN_TS = TRANSLATIONS / "merit_en.ts"
EN_TEXTS = TRANSLATIONS / "merit_en_texts.json"
QT_ID_TS = TRANSLATIONS / "qtbase_id.ts"

# context -> {English source text: Indonesian}. Contexts are the ones Qt's own code uses.
_BUTTONS = {
    "OK": "OK", "Cancel": "Batal", "Yes": "Ya", "No": "Tidak", "&Yes": "&Ya", "&No": "&Tidak",
    "Apply": "Terapkan", "Close": "Tutup", "Save": "Simpan", "Discard": "Buang",
    "Open": "Buka", "Reset": "Atur Ulang", "Help": "Bantuan", "Retry": "Coba Lagi",
    "Ignore": "Abaikan", "Abort": "Hentikan", "Restore Defaults": "Kembalikan Bawaan",
    "Yes to &All": "Ya untuk &Semua", "N&o to All": "T&idak untuk Semua",
    "Yes to All": "Ya untuk Semua", "No to All": "Tidak untuk Semua", "Save All": "Simpan Semua",
}
_EDIT_MENU = {
    "&Undo": "&Batalkan", "&Redo": "&Ulangi", "Cu&t": "Po&tong", "&Copy": "&Salin",
    "&Paste": "&Tempel", "Delete": "Hapus", "Select All": "Pilih Semua",
    "Copy &Link Location": "Salin &Lokasi Tautan",
}
QT_INDONESIAN: dict[str, dict[str, str]] = {
    "QPlatformTheme": _BUTTONS,
    # Linux desktop themes use their own contexts for a few button texts.
    "QGnomeTheme": {"&OK": "&OK", "&Save": "&Simpan", "&Cancel": "&Batal", "&Close": "&Tutup",
                    "Close without Saving": "Tutup tanpa Menyimpan"},
    "QWizard": {"&Next >": "&Lanjut >", "&Next": "&Lanjut", "< &Back": "< &Kembali",
                "Go Back": "Kembali", "Continue": "Lanjut", "&Finish": "&Selesai", "Done": "Selesai",
                "Cancel": "Batal", "&Help": "&Bantuan", "Help": "Bantuan", "Commit": "Terapkan",
                "Quit": "Keluar"},
    "QMessageBox": {"Show Details...": "Tampilkan Rincian...", "Hide Details...": "Sembunyikan Rincian...",
                    "OK": "OK", "<h3>About Qt</h3><p>This program uses Qt version %1.</p>":
                    "<h3>Tentang Qt</h3><p>Program ini memakai Qt versi %1.</p>"},
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QShortcut": {"Ctrl": "Ctrl", "Shift": "Shift", "Alt": "Alt", "Del": "Del"},
    "QFileDialog": {"All Files (*)": "Semua Berkas (*)", "Open": "Buka", "Save As": "Simpan Sebagai",
                    "&Open": "&Buka", "&Save": "&Simpan", "File &name:": "&Nama berkas:",
                    "Look in:": "Lihat di:", "Files of type:": "Jenis berkas:",
                    "&Look in:": "&Lihat di:", "Files of &type:": "&Jenis berkas:", "All files (*)": "Semua berkas (*)",
                    "Directory:": "Folder:", "Find Directory": "Cari Folder",
                    "&Choose": "&Pilih", "New Folder": "Folder Baru", "Back": "Kembali",
                    "Forward": "Maju", "Parent Directory": "Folder Induk",
                    "Create New Folder": "Buat Folder Baru", "List View": "Tampilan Daftar",
                    "Detail View": "Tampilan Rinci", "My Computer": "Komputer Saya",
                    # the rest of Qt's own file dialog (Linux, or wherever no native dialog exists)
                    "&Rename": "&Ganti Nama", "&Delete": "&Hapus", "Show &hidden files": "Tampilkan berkas &tersembunyi",
                    "&New Folder": "Folder &Baru", "Recent Places": "Tempat Terakhir", "Sidebar": "Panel Samping",
                    "Files": "Berkas", "Remove": "Hapus", "Unknown": "Tidak diketahui", "File": "Berkas",
                    "File Folder": "Folder Berkas", "Folder": "Folder", "Alias": "Alias", "Shortcut": "Pintasan",
                    "Drive": "Drive", "Directories": "Folder", "Save": "Simpan",
                    "Go back": "Kembali", "Go forward": "Maju", "Go to the parent directory": "Ke folder induk",
                    "Create a New Folder": "Buat folder baru", "Change to list view mode": "Tampilkan sebagai daftar",
                    "Change to detail view mode": "Tampilkan dengan rincian",
                    "Are you sure you want to delete '%1'?": "Yakin ingin menghapus '%1'?",
                    "Could not delete directory.": "Folder tidak dapat dihapus.",
                    "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti berkas itu?",
                    "%1\nFile not found.\nPlease verify the correct file name was given.":
                        "%1\nBerkas tidak ditemukan.\nPeriksa nama berkasnya.",
                    "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
                        "%1\nFolder tidak ditemukan.\nPeriksa nama foldernya.",
                    "'%1' is write protected.\nDo you want to delete it anyway?":
                        "'%1' dilindungi dari penulisan.\nTetap hapus?"},
    "QFileSystemModel": {"Name": "Nama", "Size": "Ukuran", "Type": "Jenis", "Kind": "Jenis",
                         "Date Modified": "Tanggal Diubah", "My Computer": "Komputer Saya", "Computer": "Komputer",
                         "%1 TB": "%1 TB", "%1 GB": "%1 GB", "%1 MB": "%1 MB", "%1 KB": "%1 KB",
                         "%1 bytes": "%1 bita", "Invalid filename": "Nama berkas tidak sah",
                         "<b>The name \"%1\" cannot be used.</b><p>Try using another name, with fewer characters "
                         "or no punctuation marks.":
                             "<b>Nama \"%1\" tidak dapat dipakai.</b><p>Coba nama lain yang lebih pendek atau "
                             "tanpa tanda baca."},
    "QAbstractSpinBox": {"&Select All": "Pilih &Semua", "&Step up": "&Naikkan", "Step &down": "&Turunkan"},
    "QAbstractFileIconProvider": {"Drive": "Drive", "File": "Berkas", "Folder": "Folder", "Unknown": "Tidak diketahui"},
    "QDialogButtonBox": {"OK": "OK", "Cancel": "Batal", "Close": "Tutup"},
    "QProgressDialog": {"Cancel": "Batal"},
    "QColorDialog": {"Select Color": "Pilih Warna"},
}


def _tool(name: str) -> str:
    """The pyside6 tool next to the running interpreter (the project's .venv)."""
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def write_qt_indonesian(path: Path = QT_ID_TS) -> None:
    root = ET.Element("TS", version="2.1", language="id_ID", sourcelanguage="en")
    for context_name, texts in QT_INDONESIAN.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for source, translation in texts.items():
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = translation
    _write_ts(root, path)


def _write_ts(root: ET.Element, path: Path) -> None:
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(path: Path = EN_TS) -> None:
    files = [str(p) for p in ui_sources()]
    subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-target-language", "en_GB", "-source-language", "id_ID", *files, "-ts", str(path)],
                   check=True, capture_output=True)


def add_model_texts(path: Path = EN_TS, catalogue: dict[str, str] | None = None,
                    context_name: str = "models") -> int:
    """Copy the sentences of ``models.texts.TEXTS`` (which lupdate cannot see: ``ui.model_texts``
    translates them by value) into ``context_name``; return how many were added."""
    if catalogue is None:
        from models.texts import TEXTS as catalogue
    tree = ET.parse(path)
    root = tree.getroot()
    context = next((c for c in root.iter("context") if c.findtext("name") == context_name), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
    present = {message.findtext("source") for message in context.iter("message")}
    added = 0
    for template in dict.fromkeys(catalogue.values()):
        if template in present:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        ET.SubElement(message, "translation", type="unfinished")
        added += 1
    _write_ts(root, path)
    return added


def fill_english(path: Path = EN_TS, texts_file: Path = EN_TEXTS) -> tuple[int, int]:
    """Fill unfinished messages from the mapping; return (translated, total)."""
    mapping: dict[str, str] = json.loads(texts_file.read_text("utf-8")) if texts_file.exists() else {}
    tree = ET.parse(path)
    translated = total = 0
    for message in tree.getroot().iter("message"):
        total += 1
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in mapping:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
        if translation.text and translation.get("type") != "unfinished":
            translated += 1
    _write_ts(tree.getroot(), path)
    return translated, total


def run_lrelease(*paths: Path) -> None:
    for ts in paths:
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True, capture_output=True)


def untranslated(path: Path = EN_TS) -> list[tuple[str, str]]:
    """(context, source) of every message still without English."""
    missing = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or not translation.text or translation.get("type") == "unfinished":
                missing.append((name, message.findtext("source") or ""))
    return missing


def update() -> tuple[int, int]:
    write_qt_indonesian()
    run_lupdate()
    add_model_texts()
    counts = fill_english()
    run_lrelease(QT_ID_TS, EN_TS)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.translations", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("update", "missing"))
    args = parser.parse_args(argv)
    if args.command == "update":
        translated, total = update()
        print(f"merit_en.ts: {translated}/{total} pesan berbahasa Inggris; qtbase_id.ts diperbarui")
    else:
        for context, source in untranslated():
            print(f"{context}\t{source!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
