"""What each figure and text rests on, and the words every surface uses to say so.

The instrument file marks each weight, band table, formula and text block with one of
five kinds (``PROVENANCE_KINDS``); the labels below are how the GUI, CLI and exports name
them. ``OFFICIAL_CHANNEL`` is the one statement that the national system is the official
record: the setup wizard, About, the export dialog and the user guide all show it.
"""

from __future__ import annotations

REGULATION = "regulation"
REPORTED = "reported"
TRANSCRIPTION = "transcription"
PROVISIONAL = "provisional"
PROJECT = "project"
PROVENANCE_KINDS = (REGULATION, REPORTED, TRANSCRIPTION, PROVISIONAL, PROJECT)

# Short labels, shown beside a figure or text ("bobot 10% · peraturan").
PROVENANCE_LABELS = {
    REGULATION: "peraturan",
    REPORTED: "dilaporkan",
    TRANSCRIPTION: "transkripsi",
    PROVISIONAL: "sementara",
    PROJECT: "catatan proyek",
}

OFFICIAL_CHANNEL = (
    "Penilaian resmi sistem merit dilakukan melalui sistem nasional KemenPANRB/BKN, dan hasil di sana yang "
    "menjadi catatan resmi. Merit Luring membantu menyiapkan, membina, dan memeriksa penilaian sebelum "
    "diisikan ke sistem nasional; alur dengan provinsi di aplikasi ini adalah pembinaan dan koordinasi."
)

# For the head of the office (About, user guide): two sentences, no jargon.
PROVENANCE_SUMMARY = (
    "Teks butir, deskriptor, dan bukti dukung diambil dari transkripsi publik pihak ketiga atas Kertas Kerja "
    "Evaluasi Sistem Merit 2026 (hanya aspek 1 yang sudah dicocokkan dengan lampiran PermenPANRB 19/2025), "
    "dan catatan tambahan dari tim Merit Luring ditandai \"catatan proyek\". "
    "Bobot aspek 1 berasal dari peraturan, sedangkan rumus NISM, pita predikat, dan bobot aspek 8 berasal dari "
    "paparan pejabat KemenPANRB/BKN yang dikutip media, dan bobot aspek 2–7 masih sementara, sehingga angka "
    "di aplikasi ini adalah perkiraan, bukan nilai resmi."
)


def provenance_label(kind: str) -> str:
    return PROVENANCE_LABELS.get(kind, "asal tidak dicatat")
