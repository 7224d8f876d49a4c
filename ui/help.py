"""The Bantuan menu's short guide: the day's steps in a few lines, per mode, always there
(the full user guide ships with the installer's documents, which may not be at hand)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def guide_text(province: bool) -> str:
    if province:
        return QCoreApplication.translate("help",
            "<p><b>Langkah provinsi</b></p><ol>"
            "<li><b>Provinsi › Kunci provinsi</b>: buat kunci sekali saja; simpan kata sandinya.</li>"
            "<li><b>Provinsi › Ekspor profil provinsi</b>: kirim berkasnya ke setiap kabupaten/kota.</li>"
            "<li><b>Provinsi › Daftarkan kantor</b>: buka permintaan pendaftaran dari kantor, cocokkan sidik jari "
            "lewat telepon, lalu kirim sertifikatnya.</li>"
            "<li><b>Berkas › Impor paket</b>: pilih berkas .merit atau foldernya. Yang ditolak tampil dengan alasan "
            "dan langkah perbaikannya, dan kantornya bertanda <i>Ditolak</i> di tabel.</li>"
            "<li><b>Berkas › Ekspor tabel</b>: XLSX atau CSV untuk rapat dan laporan.</li></ol>")
    return QCoreApplication.translate("help",
        "<p><b>Langkah kantor</b></p><ol>"
        "<li>Jawab pertanyaan pembuka, lalu setiap butir: pilih tingkat (klik, atau tombol 0–4 di daftar butir), "
        "tulis penjelasan, tambahkan bukti dukung. Semua tersimpan otomatis; Ctrl+Z mengurungkan.</li>"
        "<li><b>F7</b> memeriksa kelengkapan; klik ganda untuk membuka butirnya.</li>"
        "<li><b>Penilaian › Kunci kantor dan pendaftaran</b>: buat kunci, kirim permintaan pendaftaran, impor "
        "profil provinsi, lalu sertifikat.</li>"
        "<li><b>Penilaian › Finalisasi dan ekspor paket</b> (Ctrl+E): kirim berkas .merit ke provinsi.</li></ol>")


def show_guide(parent: QWidget, province: bool) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("help", "Panduan singkat"), guide_text(province),
                      QMessageBox.StandardButton.Close, parent)
    box.exec()
