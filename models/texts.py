"""The one catalogue of sentences models/ says to a person: stable code -> Bahasa Indonesia template.

Everything models/ tells a user (an error it raises, a refusal, an import outcome, a notice)
carries a ``code`` from ``TEXTS`` and its ``params``; its Indonesian text is ``say(code,
**params)``. The CLI prints that text. The GUI words it again in the user's language by the
same code (``ui/model_texts.py``): ``python -m ui.translations update`` copies every template
here into the ``models`` context of ``merit_en.ts`` and ``merit_en_texts.json`` gives the
English, so a sentence is written once here and once in English, never in a face.

Two carriers:

* :class:`CodedError`: a base for the core's user-facing exceptions (``code``, ``params``;
  ``str(exc)`` is the Indonesian sentence).
* :class:`Said`: a ``str`` (the Indonesian sentence, so every caller that prints or joins it
  keeps working) that also carries ``code`` and ``params``, for returned messages.

A parameter may itself be a :class:`Said` (a notice inside an outcome); the faces word it too.
``tests/test_texts.py`` keeps Indonesian sentence literals out of ``raise`` in models/.
"""

from __future__ import annotations

from datetime import date

# -- the disk and the database (models.errors) --------------------------------------------------
DISK_FULL = "disk_full"
READ_ONLY = "read_only"
PERMISSION = "permission"
LOCKED = "locked"
IO_ERROR = "io_error"
UNKNOWN = "unknown"
STORE_BUSY = "store_busy"
HISTORY_MISMATCH = "history_mismatch"

TEXTS: dict[str, str] = {
    DISK_FULL: "Disk penuh, jadi perubahan belum tersimpan. Kosongkan ruang disk (hapus atau pindahkan "
               "berkas yang tidak perlu), lalu pilih Coba Lagi. Perubahan tetap ada di layar.",
    READ_ONLY: "Folder data hanya dapat dibaca, jadi perubahan belum tersimpan. Pastikan flashdisk tidak "
               "dikunci dan folder data tidak berada di CD atau folder bersama yang hanya-baca, lalu pilih "
               "Coba Lagi.",
    PERMISSION: "Merit Luring tidak diberi izin menulis ke folder data, jadi perubahan belum tersimpan. Minta "
                "petugas TI memberi izin tulis ke folder itu, lalu pilih Coba Lagi.",
    LOCKED: "Data sedang dipakai oleh proses Merit Luring lain (jendela lain atau perintah baris), jadi "
            "perubahan belum tersimpan. Tunggu sebentar atau tutup proses itu, lalu pilih Coba Lagi.",
    IO_ERROR: "Disk tidak dapat dibaca atau ditulis dengan baik. Periksa flashdisk atau kabel disk, lalu pilih "
              "Coba Lagi; bila berulang, salin folder data ke disk lain dan hubungi petugas TI.",
    UNKNOWN: "Perubahan belum tersimpan karena galat yang tidak dikenal. Pilih Coba Lagi; bila berulang, "
             "hubungi petugas TI (rinciannya ada di berkas log).",
    STORE_BUSY: "Merit Luring sudah terbuka untuk folder ini{holder}. Gunakan jendela yang sudah terbuka, atau "
                "tutup dahulu lalu coba lagi.",
    HISTORY_MISMATCH: "Data tidak sesuai riwayat: {items}. Isinya mungkin rusak (misalnya setelah listrik padam). "
                      "Pulihkan dari cadangan, atau periksa butir itu dan konfirmasi bahwa isinya benar.",
    "history_more": "{shown} (dan {more} lagi)",
    "history_where": "penilaian {year} revisi {revision}",
    "history_at_item": "butir {item} ({where}): {what}",
    "history_at_item_only": "butir {item}: {what}",
    "history_at_data": "data penilaian ({where}): {what}",
    "history_at_data_only": "data penilaian: {what}",
    "history_entry_broken": "catatan riwayat #{entry} rusak",
    "history_head_missing": "perubahan terakhir yang tersimpan tidak ada lagi di basis data (berkas -wal hilang "
    "atau basis data diganti)",
    "history_fields_differ": "{fields} tidak sesuai riwayat",
    "history_assessment_missing": "penilaian #{assessment} hilang",
    "history_field_level": "tingkat",
    "history_field_justification": "penjelasan",
    "history_field_needs_review": "tanda tinjau",
    "history_field_review_note": "catatan tinjau",
    "history_field_survey": "nilai survei S",
    "history_field_correction": "koreksi k",
    "history_field_status": "status",
    "history_field_gate": "gerbang {gate}",
    "store_still_open": "Data masih terbuka di aplikasi ini; tutup dahulu sebelum memulihkan cadangan.",
    "instrument_unavailable": "Instrumen {instrument} (SHA-256 {sha}…) yang dipakai menilai revisi final ini "
                              "tidak tersedia; skor yang tersimpan ditampilkan.",

    # -- the common rules of a change (models.store.StoreRuleError) -----------------------------
    "assessment_locked": "Penilaian {year} revisi {revision} sudah difinalisasi dan hanya dapat dibaca. "
                         "Buka revisi baru untuk mengubahnya.",
    "item_not_applicable": "Butir {item} tidak berlaku untuk jawaban pertanyaan pembuka saat ini.",
    "level_out_of_range": "Tingkat {level} di luar rentang {low}–{high}.",
    "unknown_item": "Butir {item} tidak ada dalam instrumen {instrument}.",
    "gate_unknown": "Pertanyaan pembuka {gate} tidak ada dalam instrumen.",
    "gate_bad_choice": "Pilihan '{value}' tidak sah untuk pertanyaan {gate}; pilihan: {choices}.",
    "assessment_exists": "Penilaian tahun {year} untuk {office} sudah ada.",
    "gate_bad_value": "Pilihan '{value}' tidak sah untuk pertanyaan {gate}.",
    "fraction_out_of_range": "Nilai {name} harus 0–1.",
    "evidence_blob_missing": "Berkas {name} tidak ada di penyimpanan bukti.",
    "evidence_label_empty": "Label bukti dukung tidak boleh kosong.",
    "mode_unknown": "Mode '{mode}' tidak dikenal.",
    "year_missing": "Tahun penilaian belum diisi.",
    "profile_final": "Penilaian {year} revisi {revision} sudah final; profil penghargaan tidak dapat diubah.",
    "profile_bad_answer": "Jawaban profil '{answer}' tidak sah.",
    "migrate_final": "Penilaian {year} revisi {revision} sudah final dan tetap memakai instrumen yang dipakai "
                     "saat dinilai.",
    "migrate_other_instrument": "Instrumen {instrument} bukan versi dari {current}.",
    "legacy_out_of_scale": "Nilai {nilai} di luar skala {low}–{high}.",
    "legacy_unknown_aspect": "Aspek {number} tidak ada pada skala lama (1–{count}).",
    "legacy_aspect_negative": "Aspek {number} ({title}): nilai {value} tidak boleh negatif.",
    "legacy_aspect_out_of_range": "Aspek {number} ({title}): nilai {value} di luar rentang {low}–{high}.",
    "legacy_unknown_aspects_over": "Aspek 6–8 bersama-sama {total}, melebihi {limit} (skor ideal 410).",
    "legacy_aspects_over_total": "Jumlah nilai aspek {total} melebihi nilai total {nilai}.",

    # -- keys (models.keys) ------------------------------------------------------------------------
    "public_key_label": "kunci publik",
    "key_not_base64": "{what}: bukan base64 yang sah.",
    "public_key_bad_length": "Kunci publik tidak sah (panjang id atau kunci salah).",
    "public_key_invalid": "Kunci publik tidak sah.",
    "public_key_not_minisign": "{what}: bukan kunci publik minisign Ed25519.",
    "public_key_unreadable": "{path}: tidak dapat dibaca sebagai kunci publik.",
    "public_key_json_without_key": "{what}: berkas JSON tanpa kunci publik.",
    "public_key_not_minisign_file": "{what}: bukan berkas kunci publik minisign.",
    "signature_file_invalid": "Berkas tanda tangan rusak: {detail}.",
    "detail_not_utf8": "bukan teks UTF-8",
    "detail_four_lines": "harus empat baris minisign",
    "detail_not_base64": "bukan base64 yang sah",
    "detail_length_algorithm": "panjang atau algoritme tidak dikenal",
    "passphrase_too_short": "Kata sandi terlalu pendek: minimal {minimum} karakter.",
    "office_key_exists": "Kunci kantor sudah ada di {path}; kunci yang ada tidak ditimpa agar sertifikat dari "
                         "provinsi tetap cocok.",
    "key_file_missing": "Berkas kunci {path} tidak ada. Buat kunci kantor terlebih dahulu.",
    "key_file_unreadable": "Berkas kunci {path} rusak atau bukan berkas kunci Merit Luring.",
    "key_file_not_ours": "Berkas {path} bukan berkas kunci Merit Luring.",
    "key_file_version": "Berkas kunci {path} versi {version} tidak dikenal. Perbarui aplikasi.",
    "key_file_method": "Berkas kunci {path} memakai metode yang tidak dikenal.",
    "key_file_incomplete": "Berkas kunci {path} tidak lengkap atau rusak.",
    "wrong_passphrase": "Kata sandi salah untuk kunci {key}. Tidak ada yang diubah; coba lagi.",
    "key_file_mismatch": "Berkas kunci {path} rusak: kunci publik tidak cocok.",

    # -- evidence (models.evidence, models.evidence_source) ----------------------------------------
    "evidence_unreadable": "Berkas {name} tidak dapat dibaca: {detail}.",
    "evidence_not_regular": "{name} bukan berkas biasa.",
    "evidence_too_large": "Berkas {name} berukuran {size}, melebihi batas {limit}. Perkecil (mis. pindai ulang "
                          "dengan resolusi lebih rendah) atau pecah berkasnya.",
    "evidence_add_cancelled": "Penambahan {name} dibatalkan.",
    "evidence_grew_too_large": "Berkas {name} melebihi batas ukuran.",
    "evidence_not_saved": "Berkas {name} gagal disimpan. {reason}",
    "evidence_blob_gone": "Berkas bukti {name} tidak ada di penyimpanan bukti ({path}).",
    "evidence_blob_changed": "Berkas bukti {name} di penyimpanan telah berubah (ukuran atau SHA-256 tidak cocok "
                             "dengan catatan); berkas tidak dibuka. Pulihkan folder data dari cadangan.",
    "evidence_package_differs": "Bukti {name} dalam paket tersimpan {package} tidak sama dengan yang diterima "
                                "({reason}); berkas tidak dibuka. Paket di folder data telah diubah atau rusak: "
                                "pulihkan dari cadangan atau minta kantor mengirim ulang.",
    "evidence_open_cancelled": "Membuka {name} dibatalkan.",
    "evidence_package_gone": "Bukti {name} tidak dapat dibaca dari paket tersimpan {package}: paket itu tidak ada "
                             "lagi di folder data.",
    "evidence_package_damaged": "Bukti {name} tidak dapat dibaca dari paket tersimpan {package}: paket rusak "
                                "({detail}). Pulihkan folder data dari cadangan.",
    "evidence_package_unlisted": "Bukti {name} tidak dapat dibaca dari paket tersimpan {package}: manifest paket "
                                 "tidak lagi mencantumkannya (paket diubah). Pulihkan folder data dari cadangan.",

    # -- enrolment requests and office certificates (models.certificates) -------------------------
    "label_request": "Permintaan pendaftaran",
    "label_certificate": "Sertifikat kantor",
    "label_profile": "Profil provinsi",
    "envelope_invalid": "{what} tidak sah: {detail}.",
    "envelope_version": "{what} versi {version} tidak dikenal; perbarui aplikasi.",
    "detail_too_big": "berkas terlalu besar",
    "detail_not_json": "bukan JSON yang sah",
    "detail_format": "format bukan '{format}'",
    "detail_parts_missing": "bagian 'body' atau 'signature' tidak ada",
    "detail_body_not_json": "isi 'body' bukan JSON",
    "detail_body_not_object": "isi 'body' harus objek",
    "detail_field_missing": "kolom '{name}' kosong atau tidak ada",
    "detail_field_not_date": "kolom '{name}' bukan tanggal YYYY-MM-DD",
    "detail_field_not_key": "kolom '{name}' bukan kunci publik",
    "detail_region_unknown": "kode wilayah '{region}' tidak dikenal",
    "detail_region_is_province": "kode '{region}' adalah provinsi, bukan kabupaten/kota",
    "detail_province_signature": "tanda tangan provinsi rusak",
    "detail_province_key_id": "id kunci provinsi tidak cocok dengan tanda tangan",
    "detail_dates_reversed": "tanggal akhir berlaku sebelum tanggal mulai",
    "request_unsigned": "Permintaan pendaftaran tidak ditandatangani kunci kantor; buat ulang permintaan dari "
                        "aplikasi kantor.",
    "request_bad_signature": "Permintaan pendaftaran tidak ditandatangani oleh kunci yang dibawanya.",
    "certificate_untrusted": "Sertifikat kantor {office} diterbitkan oleh kunci provinsi {key} yang tidak "
                             "dipercaya di sini.",
    "certificate_bad_signature": "Tanda tangan provinsi pada sertifikat kantor {office} tidak sah.",
    "certificate_not_yet_valid": "Sertifikat kantor {office} baru berlaku mulai {valid_from}, sedangkan tanggal "
                                 "yang diperiksa {day}.",
    "certificate_expired": "Sertifikat kantor {office} berakhir {valid_until}, sebelum tanggal yang diperiksa "
                           "{day}.",
    "certificate_expired_past_grace": "Sertifikat kantor {office} berakhir {valid_until}, sebelum waktu pemeriksaan "
                                      "{day} (lewat masa tenggang {grace} hari).",
    "certificate_expired_made_late": "Sertifikat kantor {office} berakhir {valid_until}, sebelum waktu pemeriksaan "
                                     "{day}; tanggal pembuatan yang dinyatakan paket tidak dipakai untuk menilai "
                                     "sertifikat.",
    "certificate_dates_reversed": "Tanggal akhir berlaku sebelum tanggal mulai.",
    "certificate_office_outside": "Kantor {office} tidak berada di provinsi {province}.",
    "certificate_serial_empty": "Nomor seri sertifikat kosong.",
    "certificate_wrong_key": "Sertifikat ini untuk kunci {key}, bukan kunci kantor ini ({own}).",
    "certificate_other_office": "Sertifikat ini untuk kantor {office}, bukan {own}.",
    "province_key_missing": "Kunci publik provinsi belum dipercaya: pilih berkas kunci publik provinsi (.pub).",

    # -- province mode (models.province), instruments in a profile (models.instrument_delivery) ----
    "not_province": "Instalasi ini belum diatur sebagai provinsi. Jalankan 'province init --province KODE'.",
    "province_code_unknown": "Kode provinsi '{region}' tidak ada dalam daftar resmi.",
    "province_code_not_province": "Kode '{region}' ({name}) adalah kabupaten/kota, bukan provinsi.",
    "other_province": "Instalasi ini sudah diatur untuk provinsi {province}.",
    "province_key_exists": "Kunci provinsi sudah ada di {path}; kunci tidak dibuat ulang agar sertifikat yang sudah "
                           "terbit tetap sah.",
    "province_no_key": "Kunci provinsi belum dibuat. Jalankan 'province init'.",
    "province_wrong_key": "Kunci privat tidak cocok dengan kunci publik provinsi ini.",
    "profile_fields": "{what} tidak sah: kolom hilang atau salah ({detail}).",
    "profile_not_province": "{what} tidak sah: '{region}' bukan kode provinsi.",
    "profile_other_key": "{what} {name} memakai kunci {key}, bukan kunci {trusted} yang sudah dipercaya. Hubungi "
                         "provinsi dan cocokkan sidik jari kuncinya lewat telepon.",
    "profile_bad_signature": "Tanda tangan profil provinsi tidak sah: berkas telah diubah.",
    "profile_instrument_incomplete": "Instrumen dalam profil tidak lengkap ({detail}).",
    "profile_instrument_hash": "Isi instrumen dalam profil tidak cocok dengan SHA-256-nya.",
    "profile_rollback": "Profil provinsi ini bernomor urut {sequence}, lebih lama daripada profil nomor {held} yang "
                        "sudah dipegang; ditolak (mungkin berkas lama).",
    "held_certificate": "{serial} (berlaku s.d. {valid_until}, sidik jari {fingerprint})",
    "already_enrolled": "Kantor {office} {name} masih memegang sertifikat sah {held}. Sertifikat baru akan "
                        "menggantikannya: sertifikat lama dicabut mulai sekarang (alasan 'diganti'); paket yang sudah "
                        "diterima tetap sah.",
    "not_enrolled": "Tidak ada sertifikat aktif dengan nomor seri atau kode kantor '{which}'.",
    "revocation_in_future": "Waktu berlaku pencabutan tidak boleh di masa depan.",
    "instrument_bad_signature": "Tanda tangan instrumen tidak sah: berkas telah diubah.",
    "instrument_invalid": "{detail}",
    "instrument_rollback": "Instrumen {instrument} versi {version} (urutan {sequence}) lebih lama daripada versi "
                           "{current} (urutan {current_sequence}) yang sudah dipakai; ditolak.",
    "instrument_conflict": "Instrumen {instrument} urutan {sequence} sudah ada dengan isi berbeda; ditolak.",

    # -- the province's review (models.review) -------------------------------------------------------
    "review_not_received": "Penilaian {office} {year} revisi {revision} bukan paket yang diterima provinsi ini; hanya "
                           "paket yang diterima yang dapat ditinjau.",
    "review_item_not_applicable": "Butir {item} tidak berlaku untuk penilaian ini (pertanyaan pembuka).",
    "review_note_needed": "Butir {item}: tingkat hasil verifikasi ({level}) berbeda dengan tingkat mandiri "
                          "({own}); tuliskan catatan alasannya.",
    "level_unanswered": "belum dijawab",
    "review_k_out_of_range": "Koreksi k {k} di luar rentang 0–1.",
    "review_k_needs_reason": "Koreksi k di atas 0 memerlukan alasan (mis. pelanggaran yang ditemukan).",
    "review_incomplete": "Tinjauan belum lengkap: {reviewed}/{total} butir ditinjau. Tinjau atau terima butir yang "
                         "tersisa dahulu.",
    "review_no_reviewer": "Nama peninjau wajib diisi (pengaturan 'Nama operator' atau --reviewer).",
    "review_package_id_missing": "Id paket penilaian ini tidak tercatat; impor ulang paketnya.",
    "review_file_unreadable": "{path}: tidak dapat dibaca ({detail}).",
    "review_not_received_file": "{file} bukan paket yang telah diterima provinsi ini; impor dahulu.",

    # -- opening the store (models.db) ------------------------------------------------------------------
    "store_corrupt": "Basis data {path} rusak ({reason}).",
    "damage_empty": "berkas kosong (0 bita)",
    "damage_missing": "berkas basis data hilang",
    "damage_not_sqlite": "bukan berkas basis data SQLite",
    "damage_sqlite": "isinya tidak utuh menurut pemeriksaan SQLite",
    "backup_damaged_too": "Cadangan {backup} juga rusak; pilih cadangan lain.",
    "busy_holder": " (proses {holder})",
    "store_too_new": "Basis data {path} dibuat oleh versi Merit Luring yang lebih baru (skema {found}, versi ini "
                     "mengenal {known}). Perbarui aplikasi.",

    # -- smaller jobs: Berita Acara, consolidation, demo, planner, regions, settings ---------------------
    "berita_acara_manifest_too_big": "{file}: manifest terlalu besar.",
    "berita_acara_unreadable": "{file} bukan paket Merit Luring yang dapat dibaca ({detail}).",
    "berita_acara_manifest_incomplete": "{file}: manifest paket tidak lengkap.",
    "consolidate_no_province": "Kode provinsi belum diatur: jalankan 'province init' terlebih dahulu.",
    "demo_no_office_data": "{folder} belum berisi data contoh kantor; jalankan dahulu 'demo --data-dir {folder}'.",
    "demo_certificate_unreadable": "{file}: {reason}",
    "demo_folder_used": "Folder data ini sudah dipakai kantor {office}; pilih folder kosong untuk provinsi.",
    "planner_bad_target": "Target '{text}' tidak dikenal: tulis predikat ({names}) atau angka.",
    "headline_nism": "NISM",
    "headline_maturity": "maturitas (M)",
    "headline_maturity_planned": "maturitas (M) (nilai survei S belum ada, jadi yang direncanakan adalah maturitas)",
    "headline_nilai": "nilai",
    "goal_estimate": "perkiraan {label}",
    "plan_already": "Target {goal} sudah tercapai: {what} saat ini {value}.",
    "plan_unreachable": "Target {goal} tidak dapat dicapai: {what} tertinggi yang mungkin {best}, meski semua butir "
                        "dinaikkan ke tingkat tertinggi.{hint}",
    "plan_avoided_hint": " Butir yang ditandai sulit tahun ini ({items}) tidak dihitung; tanpa tanda itu hasilnya "
                         "bisa berbeda.",
    "plan_unreachable_short": "Target {goal} tidak dapat dicapai.",
    "plan_reached": "{count} kenaikan tingkat membawa {what} dari {start} ke {end} (target {goal}).",
    "lookup_invalid": "Tulis SHA-256 paket (paling sedikit {digits} digit heksadesimal pertama) atau tempel teks kode "
                      "QR dari Berita Acara.",
    "lookup_not_found": "Tidak ada paket diterima dengan SHA-256 itu. Berita Acara ini tidak merujuk paket yang sudah "
                        "diimpor: minta kantor mengirim berkas paket yang sama persis, atau periksa kembali ketikan.",
    "lookup_ambiguous": "{count} paket diawali digit itu; ketik lebih banyak digit.",
    "lookup_id_differs": "SHA-256 cocok tetapi ID paket pada kertas berbeda: kertas ini tidak sah untuk paket itu.",
    "lookup_found": "Cocok: paket {office} tahun {year} revisi {revision}, diterima {received}, dari berkas {file}.",
    "region_unknown": "kode wilayah tidak dikenal: '{region}'",
    "setting_not_int": "{key}: bilangan bulat diharapkan, bukan {value}",
    "setting_not_text": "{key}: teks diharapkan, bukan {value}",

    # -- the engine's input (models.scoring) ----------------------------------------------------------
    "scoring_input": "{entry}: {problem}",
    "input_unknown_gate": "gerbang tidak dikenal dalam instrumen",
    "input_bad_gate_value": "nilai {value} tidak sah; pilihan: {choices}",
    "input_unknown_item": "id item tidak dikenal dalam instrumen",
    "input_level_not_int": "tingkat harus bilangan bulat, bukan {value}",
    "input_level_out_of_range": "tingkat {level} di luar rentang {low}–{high}",
    "input_item_gated_out": "item tidak berlaku karena gerbang {gate} = '{value}'",
    "input_fraction": "harus angka {low}–{high}, bukan {value}",

    # -- what a person should know after opening (Store.notices) --------------------------------------
    "instrument_skipped": "Berkas instrumen {file} dilewati karena tidak sah: {reason}",
    "instrument_unused": "Berkas instrumen {file} tidak dipakai: {reason}",
    "instrument_unreadable": "tidak dapat dibaca ({detail})",
    "instrument_unsigned": "tanpa tanda tangan provinsi: tidak dipakai untuk menilai",
    "instrument_untrusted_signature": "tanda tangan tidak cocok dengan kunci provinsi yang dipercaya",
    "package_set_aside": "Paket {file} tidak tercatat dalam data (impor yang terputus); dipindahkan ke {folder} untuk "
                         "diimpor ulang atau diperiksa.",

    # -- a score in words (models.figures, models.report_data.Headline) --------------------------------
    "estimate_phrase": "perkiraan predikat bila nilai survei sama dengan maturitas",
    "negative_nism": "NISM negatif: koreksi k melebihi nilai lainnya",
    "correction_waiting": "koreksi k menunggu nilai survei S (belum diterapkan)",
    "headline_name_nism": "Indeks Sistem Merit (NISM)",
    "headline_name_maturity": "Maturitas (M)",
    "headline_name_nilai": "Nilai",
    "band_word_predikat": "predikat",
    "band_word_kategori": "kategori",
    "headline_line": "{name} {figure}",
    "headline_line_band": "{name} {figure} — {band_word} {predikat}",
    "headline_line_band_flag": "{name} {figure} — {band_word} {predikat} ({flag})",
    "headline_line_estimate": "{name} {figure} — {estimate_phrase}: {estimate}",

    # -- the checklist before finalizing (models.validation: "issue_" + ValidationIssue.kind) ----------
    "issue_unconfirmed_gate": "Pertanyaan pembuka «{question}» belum dikonfirmasi (sementara dihitung «{default}»).",
    "issue_unanswered": "{heading}: belum dijawab.",
    "issue_no_evidence_explained": "{heading}: tingkat {level} tanpa bukti dukung (ada penjelasan).",
    "issue_no_evidence": "{heading}: tingkat {level} tanpa bukti dukung dan tanpa penjelasan.",
    "issue_not_reviewed_this_year": "{heading}: dibawa dari tahun lalu dan belum ditinjau tahun ini; periksa lalu "
                                    "konfirmasi.",
    "issue_needs_review": "{heading}: ditandai perlu ditinjau{note}.",

    # -- finalizing and reopening (models.lifecycle), a new year (models.carry_forward) ---------
    "already_final": "Penilaian {year} revisi {revision} sudah final.",
    "finalize_blocked": "Penilaian {year} revisi {revision} belum dapat difinalisasi; {count} masalah harus "
                        "diselesaikan:\n{lines}",
    "survey_missing": "Penilaian {year} revisi {revision}: nilai survei kepegawaian S belum diisi, sehingga hasil "
                      "final hanya maturitas tanpa predikat NISM. Isi S terlebih dahulu, atau nyatakan finalisasi "
                      "tanpa nilai survei.",
    "reopen_not_final": "Penilaian {year} revisi {revision} belum final; revisi ini masih dapat diubah langsung.",
    "reopen_newer_open": "Revisi {revision} sudah dibuka dari penilaian {year}; lanjutkan revisi itu.",
    "carry_no_assessment": "Tidak ada penilaian tahun {year} untuk {office}.",
    "carry_year_not_after": "Tahun baru ({to_year}) harus sesudah {from_year}.",

    # -- exporting a package (models.package.write) ---------------------------------------------
    "export_not_final": "Penilaian {year} revisi {revision} belum difinalisasi; finalisasi dahulu sebelum ekspor.",
    "export_certificate_other_office": "Sertifikat untuk kantor {certificate_office}, bukan {office}.",
    "export_certificate_not_today": "Sertifikat kantor nomor {serial} berlaku {valid_from} s.d. {valid_until}, "
                                    "tidak mencakup hari ini. Minta sertifikat baru ke provinsi (kirim permintaan "
                                    "pendaftaran), lalu impor.",
    "export_certificate_other_key": "Sertifikat kantor bukan untuk kunci kantor ini. Impor sertifikat yang "
                                    "diterbitkan provinsi untuk kunci ini.",
    "export_too_large": "Bukti dukung terlalu besar untuk satu paket (batas 2 GiB). Kurangi atau perkecil berkas "
                        "bukti (misalnya pindai ulang dengan resolusi lebih rendah), lalu ekspor lagi.",
    "export_evidence_too_large": "Bukti dukung {name} melebihi batas satu berkas dalam paket ({limit} MiB). "
                                 "Perkecil berkasnya, lalu ekspor lagi.",
    "export_too_many_files": "Terlalu banyak berkas bukti untuk satu paket (batas {limit}).",
    "export_bad_names": "Nama berkas bukti dalam paket tidak sah atau ganda; laporkan ke pengembang.",
    "export_folder_not_writable": "Folder {folder} tidak dapat ditulisi: {detail}.",
    "export_cancelled": "Ekspor paket dibatalkan; tidak ada berkas yang dibuat.",
    "export_evidence_changed": "Bukti dukung {name} ({item}) di penyimpanan telah rusak (SHA-256 berubah). "
                               "Lampirkan ulang berkasnya, lalu ekspor lagi.",
    "export_evidence_resized": "Bukti dukung {name} ({item}) di penyimpanan telah rusak (ukuran berubah). "
                               "Lampirkan ulang berkasnya, lalu ekspor lagi.",
    "export_evidence_missing": "Berkas bukti dukung {file} hilang dari penyimpanan.",
    "export_write_failed": "Paket gagal ditulis ke {path}: {detail}. Periksa ruang disk; tidak ada paket "
                           "setengah jadi yang tertinggal.",
    "export_record_failed": "Paket ditulis ke {path}, tetapi catatan ekspornya gagal disimpan ({detail}); ekspor "
                            "ulang agar hasil verifikasi provinsi dapat dicocokkan.",

    # -- a certificate judged late but within the grace days (models.certificates) -------------
    "certificate_grace_notice": "Sertifikat kantor {office} berakhir {valid_until}; paket dibuat {created} saat "
                                "sertifikat masih berlaku dan diperiksa {late} hari kemudian, masih dalam masa "
                                "tenggang {grace} hari.",

    # -- importing packages at the province (models.importer) -----------------------------------
    "label_result": "Hasil verifikasi",
    "label_receipt": "Tanda terima",
    "answer_imported": "{what} dari provinsi untuk {year} revisi {revision} diimpor.",
    "answer_already_imported": "{what} dari provinsi untuk {year} revisi {revision} sudah pernah diimpor.",
    "answer_rejected": "{file}: {reason}{detail}",
    "verified_item_accepted": "Verifikasi provinsi: tingkat {level} diterima",
    "verified_item_differs": "Verifikasi provinsi: tingkat {level} (mandiri {own})",
    "verified_item_noted": "{text} — {note}",
    "revision_label": "{year} revisi {revision}",
    "receipt_label": "diterima provinsi {date}",
    "import_accepted": "Diterima: {name} tahun {year} revisi {revision}.",
    "import_note": "{text} Catatan: {notice}",
    "import_cancelled_after": "Impor dibatalkan setelah {count} berkas.",
    "evidence_import_cancelled": "Impor bukti dukung dibatalkan.",
    "import_cancelled_file": "Impor {file} dibatalkan; berkas itu tidak disimpan.",
}


# -- reason tables: a check's stable reason code -> its sentence ------------------------------------
# (the faces word a reason by ``reason_code(table, reason)``, a code of TEXTS)
# reason code -> sentence of models.package.strict_json.JSON_REASONS
JSON_REASONS = {
    "json_invalid": "Teks JSON rusak atau bukan UTF-8.",
    "json_duplicate_key": "Teks JSON berisi nama anggota ganda (pembaca berbeda dapat membaca nilai berbeda).",
    "json_not_finite": "Teks JSON berisi NaN atau Infinity, yang bukan JSON.",
    "json_integer_range": "Teks JSON berisi bilangan di luar rentang 64 bit.",
    "json_too_deep": "Teks JSON bersarang terlalu dalam.",
}

# reason code -> sentence of models.package.format.REASONS
PACKAGE_REASONS = {
    "unreadable": "Berkas paket tidak dapat dibaca.",
    "empty_file": "Berkas paket kosong (0 bita).",
    "not_zip": "Berkas ini bukan paket Merit Luring (bukan arsip ZIP).",
    "zip_corrupt": "Arsip paket rusak atau terpotong; minta kantor mengirim ulang.",
    "encrypted_package": "Paket ini terenkripsi untuk provinsi; buka dengan kunci provinsi.",
    "decrypt_failed": "Paket terenkripsi tidak dapat dibuka: rusak, terpotong, diubah, atau bukan untuk kunci "
                      "provinsi ini.",
    "format_version_unsupported": "Paket format versi 1 tidak diterima lagi: minta kantor mengekspor ulang "
                                  "dengan Merit Luring terbaru.",
    "package_too_large": "Berkas paket melebihi batas ukuran (2 GiB).",
    "zip64_unsupported": "Paket memakai ZIP64, yang tidak dipakai format paket.",
    "too_many_entries": "Paket berisi terlalu banyak berkas.",
    "trailing_data": "Ada data tambahan setelah akhir arsip paket.",
    "prefix_data": "Ada data tambahan sebelum berkas pertama arsip paket.",
    "gap_data": "Ada data tersembunyi di antara berkas dalam arsip paket.",
    "overlapping_entries": "Berkas dalam arsip paket saling tumpang tindih.",
    "extra_field": "Arsip paket memakai kolom tambahan (extra field) ZIP, yang tidak diizinkan.",
    "header_not_canonical": "Kepala berkas dalam arsip paket tidak berbentuk baku.",
    "header_mismatch": "Kepala lokal berkas berbeda dengan direktori pusat arsip.",
    "entry_order": "Urutan berkas dalam arsip paket tidak sesuai format.",
    "duplicate_entry": "Paket berisi nama berkas ganda.",
    "absolute_path": "Paket berisi nama berkas dengan path absolut.",
    "path_traversal": "Paket berisi nama berkas yang keluar dari folder paket (..).",
    "forbidden_name": "Paket berisi berkas dengan nama yang tidak diizinkan.",
    "encrypted_entry": "Paket berisi berkas terenkripsi, yang tidak diizinkan.",
    "unsupported_compression": "Paket memakai kompresi, yang tidak dipakai format paket.",
    "entry_too_large": "Paket berisi berkas yang melebihi batas ukuran.",
    "read_budget_exceeded": "Pemeriksaan paket melebihi batas data yang boleh dibaca.",
    "time_budget_exceeded": "Pemeriksaan paket melebihi batas waktu.",
    "missing_manifest": "Paket tidak berisi manifest.json.",
    "missing_signature": "Paket tidak membawa tanda tangan (komentar arsip kosong).",
    "missing_certificate": "Paket tidak berisi sertifikat kantor certificate.json.",
    "manifest_malformed": "Manifest paket rusak atau tidak lengkap.",
    "unknown_format": "Berkas ini bukan paket penilaian Merit Luring.",
    "unknown_format_version": "Versi format paket tidak dikenal; perbarui aplikasi Merit Luring.",
    "certificate_malformed": "Sertifikat kantor dalam paket rusak.",
    "signature_malformed": "Tanda tangan paket rusak.",
    "wrong_key": "Paket tidak ditandatangani dengan kunci kantor yang tercantum pada sertifikatnya.",
    "bad_signature": "Tanda tangan tidak cocok: isi paket telah berubah setelah ditandatangani.",
    "trusted_comment_mismatch": "Komentar terpercaya tanda tangan tidak cocok dengan manifest paket.",
    "bad_display_name": "Nama asli berkas bukti dalam manifest tidak sah (karakter kendali atau terlalu panjang).",
    "certificate_untrusted": "Sertifikat kantor tidak diterbitkan oleh provinsi yang dipercaya.",
    "certificate_bad_signature": "Tanda tangan provinsi pada sertifikat kantor tidak sah.",
    "certificate_not_yet_valid": "Sertifikat kantor belum berlaku pada waktu pemeriksaan.",
    "certificate_expired": "Sertifikat kantor sudah berakhir pada waktu pemeriksaan.",
    "certificate_revoked": "Sertifikat kantor telah dicabut oleh provinsi.",
    "office_mismatch": "Kantor dalam manifest berbeda dengan kantor pada sertifikat.",
    "missing_file": "Berkas yang tercantum dalam manifest tidak ada di paket.",
    "unlisted_file": "Paket berisi berkas yang tidak tercantum dalam manifest.",
    "size_mismatch": "Ukuran berkas berbeda dengan yang tercantum dalam manifest.",
    "hash_mismatch": "Isi berkas telah berubah (SHA-256 tidak cocok dengan manifest).",
    "unknown_instrument": "Instrumen penilaian paket tidak dikenal oleh aplikasi ini.",
    "answers_invalid": "Jawaban dalam paket tidak sah untuk instrumennya.",
    "score_mismatch": "Nilai yang dinyatakan dalam paket berbeda dengan hasil hitung ulang dari jawaban.",
    # json_invalid itself is reported as manifest_malformed or certificate_malformed.
    **{code: sentence for code, sentence in JSON_REASONS.items() if code != "json_invalid"},
    "cancelled": "Pemeriksaan paket dibatalkan.",
    "unexpected_error": "Paket tidak dapat diperiksa karena galat tak terduga; laporkan ke pengembang.",
}

# reason code -> sentence of models.package.answer_file.ANSWER_REASONS
ANSWER_REASONS = {
    "unknown_format": "Berkas ini bukan hasil verifikasi atau tanda terima Merit Luring.",
    "unknown_format_version": "Versi format hasil verifikasi/tanda terima tidak dikenal; perbarui aplikasi Merit "
                              "Luring.",
    "manifest_malformed": "Isi hasil verifikasi/tanda terima rusak atau tidak lengkap.",
    "missing_signature": "Berkas tidak membawa tanda tangan provinsi.",
    "signature_malformed": "Tanda tangan provinsi pada berkas rusak.",
    "untrusted_signer": "Berkas ditandatangani kunci provinsi yang tidak dipercaya aplikasi ini (bukan kunci dari "
                        "profil provinsi yang diimpor).",
    "bad_signature": "Tanda tangan tidak cocok: isi berkas telah berubah setelah ditandatangani provinsi.",
    "trusted_comment_mismatch": "Komentar terpercaya tanda tangan tidak cocok dengan isi berkas.",
    "package_too_large": "Berkas terlalu besar untuk hasil verifikasi atau tanda terima.",
}

# reason code -> sentence of models.verification.MATCH_REASONS
MATCH_REASONS = {
    "not_office": "Instalasi ini belum diatur sebagai kantor kabupaten/kota.",
    "other_office": "Berkas ini untuk kantor lain, bukan kantor ini.",
    "unknown_package": "Berkas ini menjawab paket yang tidak pernah diekspor dari instalasi ini.",
    "package_hash_mismatch": "Berkas ini menjawab paket dengan id yang sama tetapi isi berkas berbeda dari yang "
                             "diekspor dari instalasi ini (SHA-256 tidak cocok).",
    "older_revision": "Hasil verifikasi ini untuk revisi lama; kantor sudah mengekspor revisi yang lebih baru. "
                      "Minta provinsi meninjau revisi terbaru.",
    "score_mismatch": "Indeks hasil verifikasi dalam berkas berbeda dengan hasil hitung ulang dari tingkat "
                      "terverifikasi.",
    "answers_invalid": "Butir dalam hasil verifikasi tidak sah untuk instrumen penilaian ini.",
}

# reason code -> sentence of models.importer.IMPORTER_REASONS
IMPORTER_REASONS = {
    "office_not_in_province": "Paket berasal dari kantor di luar provinsi ini.",
    "same_file": "Paket yang sama persis sudah diterima sebelumnya.",
    "same_revision": "Revisi ini sudah diterima dengan isi yang sama (ekspor ulang); berkas ini tidak disimpan lagi.",
    "older_revision": "Revisi lama disimpan dan dicantumkan; konsolidasi memakai revisi yang lebih baru.",
    "conflicting_revision": ("Kantor yang sama mengirim berkas lain untuk revisi yang sudah diterima. Kedua berkas "
                             "disimpan; konsolidasi tetap memakai yang diterima lebih dulu. Tanyakan ke kantor itu "
                             "berkas mana yang benar."),
    "not_a_file": "Ini folder, bukan berkas paket; paket adalah satu berkas .merit.",
    "internal_error": ("Berkas ini tidak dapat diproses karena galat tak terduga (rinciannya di berkas log); "
                       "berkas lain tetap diimpor."),
    "disk_error": "Paket gagal disimpan.",
    "manifest_unusable": "Isi manifes paket tidak dapat disimpan; paket ditolak dan tidak ada yang tersimpan.",
    "certificate_unknown": "Sertifikat kantor tidak tercatat sebagai sertifikat yang diterbitkan provinsi ini.",
}

REASON_TABLES: dict[str, dict[str, str]] = {
    "package": PACKAGE_REASONS, "answer": ANSWER_REASONS, "match": MATCH_REASONS, "import": IMPORTER_REASONS,
}


def reason_code(table: str, reason: str) -> str:
    """The catalogue code of ``reason`` in one of ``REASON_TABLES``."""
    return f"{table}_reason_{reason}"


TEXTS.update({reason_code(table, reason): sentence for table, reasons in REASON_TABLES.items()
              for reason, sentence in reasons.items()})
TEXTS[reason_code("package", "json_invalid")] = JSON_REASONS["json_invalid"]


class _Blank(dict):
    """Placeholders not given are left out (``{holder}`` when the holder is unknown)."""

    def __missing__(self, key: str) -> str:
        return ""


def fill(template: str, params: dict | None) -> str:
    """``template`` with ``params``; a date parameter in the one date format (``5 Desember 2026``),
    so that a face can word the same date in another language."""
    params = dict(params or {})
    for key, value in params.items():
        if isinstance(value, date):  # also a datetime
            from models.formatting import date_id  # here: formatting needs the instrument module

            params[key] = date_id(value)
    return template.format_map(_Blank(params))


def say(code: str, **params) -> str:
    """The Indonesian sentence for ``code``; an unknown code says the general one."""
    return fill(TEXTS.get(code, TEXTS[UNKNOWN]), params)


class Said(str):
    """A sentence models/ returns (the Indonesian text itself) with its ``code`` and ``params``."""

    code: str
    params: dict

    def __new__(cls, code: str, /, **params) -> Said:
        if code not in TEXTS:
            raise KeyError(f"no text for code {code!r}")
        said = super().__new__(cls, say(code, **params))
        said.code = code
        said.params = params
        return said

    def __reduce__(self):  # copy, deepcopy (dataclasses.asdict) and pickle keep the code
        return (_said, (self.code, self.params))


class Joined(tuple):
    """Parts of a sentence joined by ``sep`` when shown; a part that is a :class:`Said` is
    worded by the face in its language (``"; ".join`` would fix the Indonesian)."""

    sep: str

    def __new__(cls, parts, sep: str = ", ") -> Joined:
        joined = super().__new__(cls, parts)
        joined.sep = sep
        return joined

    def __str__(self) -> str:
        return self.sep.join(str(part) for part in self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _said(code: str, params: dict) -> Said:
    return Said(code, **params)


class CodedError(Exception):
    """A user-facing error of the core: ``code`` (in ``TEXTS``) and ``params``; ``str()`` is the
    Indonesian sentence. A subclass of a built-in error lists this class first
    (``class PackageError(CodedError, RuntimeError)``). models/ always gives a code; only a
    face may pass a sentence of its own (already in the user's language) instead."""

    def __init__(self, message: str = "", *, code: str = "", **params):
        if not message and code not in TEXTS:
            raise KeyError(f"no text for code {code!r}")
        self.code = code
        self.params = params
        super().__init__(message or say(code, **params))

    @property
    def message(self) -> str:
        return str(self)

    @property
    def said(self) -> str:
        """This error's sentence as a :class:`Said` (to put inside another sentence); a face's own
        sentence as it is."""
        return Said(self.code, **self.params) if self.code in TEXTS else str(self)
