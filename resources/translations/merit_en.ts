<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>Tentang {app}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Instrumen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Judul</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dasar hukum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sidik SHA-256</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bobot aspek {aspects} masih sementara (bagian sama dari sisa bobot) sampai lampiran resmi terbit. Setiap total yang memakainya ditandai SEMENTARA dan bukan nilai resmi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daftar provinsi dan kabupaten/kota: cahyadsn/wilayah (lisensi MIT), berdasarkan Kepmendagri. Dibangun dengan Qt for Python (PySide6, LGPLv3), peewee (MIT), cryptography (Apache-2.0/BSD), jsonschema (MIT), openpyxl (MIT) dan platformdirs (MIT).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penilaian mandiri Sistem Merit yang bekerja sepenuhnya tanpa internet. Data dan bukti dukung tetap di komputer kantor.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AssessmentSession</name>
    <message>
      <source>Butir {0} tidak berlaku untuk jawaban pertanyaan pembuka saat ini.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ConsolidatedView</name>
    <message>
      <source>Cari kode atau nama kabupaten/kota…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Semua status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diterima</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Belum mengirim</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Semua predikat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Semua sertifikat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{shown} dari {total} baris</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DisplayPage</name>
    <message>
      <source>&amp;Bahasa tampilan:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Perubahan bahasa berlaku saat aplikasi dibuka kembali.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tampilan</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EvidencePage</name>
    <message>
      <source>&amp;Ukuran maksimum per berkas:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Berkas yang lebih besar ditolak saat dilampirkan. Pindai ulang dengan resolusi lebih rendah atau pecah dokumen yang sangat besar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bukti dukung</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HistoryPage</name>
    <message>
      <source>Hasil resmi penilaian KASN (skala 100–400) tahun-tahun sebelumnya.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Riwayat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Riwayat: {problem}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HistoryWizardPage</name>
    <message>
      <source>Hasil resmi tahun-tahun sebelumnya (boleh dilewati)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nilai penilaian KASN 2018–2024 pada skala 100–400, seperti tercantum dalam hasil resmi. Kategori tampil otomatis.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LegacyHistoryChart</name>
    <message>
      <source>Grafik riwayat nilai Sistem Merit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Riwayat nilai resmi (skala 100–400)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Belum ada riwayat hasil resmi.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LegacyResultsEditor</name>
    <message>
      <source>Tahun</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nilai (100–400)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kategori</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tambah tahun</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hapus baris</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Baris {row}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{row}: tahun harus antara {first} dan {last}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{row}: tahun {year} sudah ada di baris {other}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{row}: isi nilai berupa angka, mis. 265,5.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{row}: nilai {nilai} di luar skala {low}–{high}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>di luar skala {low}–{high}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>NavigatorModel</name>
    <message>
      <source>Butir</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tingkat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aspek {0}: {1} dari {2} butir yang berlaku sudah dijawab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>t/b</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(belum tersimpan)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>NavigatorView</name>
    <message>
      <source>Cari kode atau kata pertanyaan…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cari butir</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daftar aspek dan butir</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OfficePage</name>
    <message>
      <source>Kode wilayah:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Provinsi:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Nama kantor:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kode wilayah tetap: paket dan riwayat terikat padanya.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kantor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(belum diatur)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kantor: nama kantor tidak boleh kosong.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OperatorPage</name>
    <message>
      <source>Nama &amp;operator:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nama ini dicatat pada setiap perubahan jawaban dan bukti dukung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Operator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Operator: nama operator tidak boleh kosong.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OperatorWizardPage</name>
    <message>
      <source>Operator dan tahun penilaian</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nama lengkap operator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nama &amp;operator:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Tahun penilaian:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nama operator dicatat pada setiap perubahan (riwayat). Penilaian pertama dibuat untuk tahun yang dipilih.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nama operator dicatat pada setiap perubahan (riwayat).</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RegionWizardPage</name>
    <message>
      <source>Wilayah dan nama kantor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>— Semua provinsi —</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ketik sebagian nama, mis. Bangka</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Provinsi:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Cari kabupaten/kota:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Kabupaten/kota:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Nama kantor:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pilih provinsi Anda dari daftar resmi Kemendagri.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pilih kabupaten/kota Anda dari daftar resmi Kemendagri; ketik untuk mencari.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>— Pilih provinsi —</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pilih provinsi terlebih dahulu.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pilih kabupaten/kota dari daftar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nama kantor tidak boleh kosong.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kode wilayah: {code} · Provinsi {province}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ScorePanel</name>
    <message>
      <source>SEMENTARA</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Per aspek</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Belum ada penilaian yang dibuka.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nilai</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nilai {nilai} — {band}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skala {low}–{high}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Indeks Sistem Merit (NISM)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>NISM {nism} — {band}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maturitas M {m} · survei S {s} · koreksi k {k}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maturitas (M)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maturitas {m} — {band}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>NISM: menunggu nilai survei</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sudah berada di pita tertinggi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kurang {missing} lagi menuju {band} (mulai {minimum})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{answered} dari {applicable} item berlaku sudah dijawab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> ({count} belum dijawab, dihitung di tingkat terendah)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>; {count} tidak berlaku</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bobot aspek {aspects} belum resmi: dipakai bobot sementara (bagian sama dari sisa bobot) sampai lampiran resmi terbit. Angka ini perkiraan, bukan nilai resmi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>tidak berlaku</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Pengaturan</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <source>Pengaturan awal — {app}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pengaturan belum tersimpan: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>wilayah belum dipilih</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>WelcomeWizardPage</name>
    <message>
      <source>Selamat datang di {app}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penilaian mandiri Sistem Merit tanpa internet. Beberapa langkah singkat menyiapkan aplikasi untuk kantor Anda.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aplikasi ini dipakai oleh:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kantor kabupaten/kota (BKPSDM/BKD) yang mengisi penilaian</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Provinsi yang membina dan menghimpun paket kabupaten/kota</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ingin mencoba dulu? Data contoh memuat Kabupaten Bangka dengan penilaian lengkap dan bukti dukung contoh. Pengaturan dapat diubah nanti.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gunakan data contoh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Data contoh tidak dapat dibuat: {error}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>gates</name>
    <message>
      <source>Butir ini tidak berlaku karena jawaban pertanyaan pembuka «{0}» adalah «{1}». Butir ini hanya berlaku bila jawabannya: {2}. Butir yang tidak berlaku tidak dihitung (bukan dianggap nol).</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>navigator</name>
    <message>
      <source>Belum dijawab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Terjawab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Terjawab tanpa bukti dukung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ditandai perlu ditinjau</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tidak berlaku</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>undo</name>
    <message>
      <source>Ubah tingkat {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ubah penjelasan {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ubah tanda perlu ditinjau {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ubah catatan tinjauan {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ubah jawaban pertanyaan pembuka</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ubah nilai survei dan koreksi</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tambah bukti {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hapus bukti {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ganti label bukti {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>workers</name>
    <message>
      <source>Batal</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
