<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>Tentang {app}</source>
      <translation>About {app}</translation>
    </message>
    <message>
      <source>Instrumen</source>
      <translation>Instrument</translation>
    </message>
    <message>
      <source>{id} versi {version}</source>
      <translation>{id} version {version}</translation>
    </message>
    <message>
      <source>Judul</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Peraturan</source>
      <translation>Regulation</translation>
    </message>
    <message>
      <source>Sidik SHA-256</source>
      <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
      <source>Bobot aspek {aspects} masih sementara (bagian sama dari sisa bobot) sampai lampiran resmi terbit. Setiap total yang memakainya ditandai SEMENTARA dan bukan nilai resmi.</source>
      <translation>The weights of aspects {aspects} are provisional (equal shares of the remaining weight) until the official annex is published. Every total that uses them is marked PROVISIONAL and is not an official score.</translation>
    </message>
    <message>
      <source>Daftar provinsi dan kabupaten/kota: cahyadsn/wilayah (lisensi MIT), berdasarkan Kepmendagri. Dibangun dengan Qt for Python (PySide6, LGPLv3), peewee (MIT), cryptography (Apache-2.0/BSD), jsonschema (MIT), openpyxl (MIT) dan platformdirs (MIT).</source>
      <translation>List of provinces and regencies/cities: cahyadsn/wilayah (MIT licence), based on the Minister of Home Affairs decree. Built with Qt for Python (PySide6, LGPLv3), peewee (MIT), cryptography (Apache-2.0/BSD), jsonschema (MIT), openpyxl (MIT) and platformdirs (MIT).</translation>
    </message>
    <message>
      <source>Penilaian mandiri Sistem Merit yang bekerja sepenuhnya tanpa internet. Data dan bukti dukung tetap di komputer kantor.</source>
      <translation>Merit System self-assessment that works entirely without internet. Data and supporting evidence stay on the office computer.</translation>
    </message>
    <message>
      <source>Versi {0}</source>
      <translation>Version {0}</translation>
    </message>
    <message>
      <source>Buka berkas &amp;log</source>
      <translation>Open &amp;log file</translation>
    </message>
    <message>
      <source>Belum ada berkas log.</source>
      <translation>No log file yet.</translation>
    </message>
  </context>
  <context>
    <name>AspectPage</name>
    <message>
      <source>Pertanyaan pembuka aspek ini</source>
      <translation>Screening questions of this aspect</translation>
    </message>
    <message>
      <source>Pilih butir di sebelah kiri untuk menjawabnya.</source>
      <translation>Choose an item on the left to answer it.</translation>
    </message>
    <message>
      <source>Aspek {0}. {1}</source>
      <translation>Aspect {0}. {1}</translation>
    </message>
    <message>
      <source>Bobot aspek: {0}</source>
      <translation>Aspect weight: {0}</translation>
    </message>
    <message>
      <source>(sementara — bobot resmi belum diterbitkan)</source>
      <translation>(provisional — official weights not yet published)</translation>
    </message>
  </context>
  <context>
    <name>AssessmentListModel</name>
    <message>
      <source>Tahun</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Revisi</source>
      <translation>Revision</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Indeks</source>
      <translation>Index</translation>
    </message>
    <message>
      <source>Predikat</source>
      <translation>Band</translation>
    </message>
    <message>
      <source>Kelengkapan</source>
      <translation>Completeness</translation>
    </message>
    <message>
      <source>Terakhir diubah</source>
      <translation>Last changed</translation>
    </message>
    <message>
      <source>Draf</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Final</source>
      <translation>Final</translation>
    </message>
    <message>
      <source>(sementara)</source>
      <translation>(provisional)</translation>
    </message>
    <message>
      <source>perkiraan: {band}</source>
      <translation>estimate: {band}</translation>
    </message>
    <message>
      <source>{0} ({1} dari {2} butir)</source>
      <translation>{0} ({1} of {2} items)</translation>
    </message>
    <message>
      <source>Indeks Sistem Merit (NISM)</source>
      <translation>Merit System Index (NISM)</translation>
    </message>
    <message>
      <source>Maturitas (nilai survei S belum diisi)</source>
      <translation>Maturity (survey figure S not entered)</translation>
    </message>
    <message>
      <source>Nilai</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Perkiraan predikat bila nilai survei sama dengan maturitas; predikat hanya berlaku untuk NISM.</source>
      <translation>Estimated rating if the survey figure equalled maturity; ratings apply to NISM only.</translation>
    </message>
  </context>
  <context>
    <name>AssessmentListView</name>
    <message>
      <source>Daftar penilaian</source>
      <translation>Assessment list</translation>
    </message>
    <message>
      <source>B&amp;uka penilaian</source>
      <translation>&amp;Open assessment</translation>
    </message>
    <message>
      <source>Penilaian ba&amp;ru…</source>
      <translation>&amp;New assessment…</translation>
    </message>
    <message>
      <source>Belum ada penilaian. Pilih &lt;b&gt;Penilaian baru…&lt;/b&gt; untuk memulai.</source>
      <translation>No assessment yet. Choose &lt;b&gt;New assessment…&lt;/b&gt; to start.</translation>
    </message>
    <message>
      <source>Belum ada kantor</source>
      <translation>No office yet</translation>
    </message>
    <message>
      <source>{0} · Provinsi {1} · kode {2}</source>
      <translation>{0} · Province {1} · code {2}</translation>
    </message>
    <message>
      <source>Penilaian mandiri Sistem Merit</source>
      <translation>Merit System self-assessment</translation>
    </message>
    <message>
      <source>Penilaian baru</source>
      <translation>New assessment</translation>
    </message>
    <message>
      <source>Tahun penilaian:</source>
      <translation>Assessment year:</translation>
    </message>
    <message>
      <source>Penilaian tidak dibuat</source>
      <translation>Assessment not created</translation>
    </message>
  </context>
  <context>
    <name>BackupPage</name>
    <message>
      <source>Daftar cadangan</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>&amp;Buat cadangan sekarang</source>
      <translation>&amp;Back up now</translation>
    </message>
    <message>
      <source>&amp;Pulihkan cadangan terpilih…</source>
      <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
      <source>Cadangan dibuat otomatis setiap kali aplikasi dibuka ({0} terakhir disimpan) di folder {1}. Buat cadangan sekarang sebelum perubahan besar atau sebelum menyalin data ke komputer lain.</source>
      <translation>A backup is made automatically every time the application opens (the last {0} are kept) in the folder {1}. Back up now before a big change or before copying the data to another computer.</translation>
    </message>
    <message>
      <source>Cadangan</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>{0} · {1} KB · {2}</source>
      <translation>{0} · {1} KB · {2}</translation>
    </message>
    <message>
      <source>Cadangan gagal dibuat. {0}</source>
      <translation>The backup could not be made. {0}</translation>
    </message>
    <message>
      <source>Belum ada data untuk dicadangkan (kantor belum disiapkan).</source>
      <translation>No data to back up yet (the office is not set up).</translation>
    </message>
    <message>
      <source>Cadangan dibuat: {0}</source>
      <translation>Backup made: {0}</translation>
    </message>
    <message>
      <source>Data akan dikembalikan ke keadaan cadangan {0}. Perubahan sesudah itu tidak ada di data yang dipulihkan.

Data saat ini tidak dihapus: salinannya disimpan di folder {1} dengan nama {2}.{3}-&lt;waktu&gt;.

Setelah pemulihan, Merit Luring ditutup. Buka kembali aplikasi untuk melanjutkan dengan data yang dipulihkan.</source>
      <translation>The data will go back to the state of the backup of {0}. Changes made after it are not in the restored data.

The present data is not deleted: a copy is kept in the folder {1} named {2}.{3}-&lt;time&gt;.

After restoring, Merit Luring closes. Open the application again to continue with the restored data.</translation>
    </message>
    <message>
      <source>Pulihkan cadangan</source>
      <translation>Restore backup</translation>
    </message>
    <message>
      <source>&amp;Pulihkan dan tutup aplikasi</source>
      <translation>&amp;Restore and close the application</translation>
    </message>
    <message>
      <source>Pemulihan gagal</source>
      <translation>Restore failed</translation>
    </message>
    <message>
      <source>{0}
Tidak ada berkas yang diubah. Merit Luring ditutup; buka kembali untuk melanjutkan dengan data yang ada.</source>
      <translation>{0}
No file was changed. Merit Luring closes; open it again to continue with the present data.</translation>
    </message>
    <message>
      <source>(tidak ada)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>Data dipulihkan</source>
      <translation>Data restored</translation>
    </message>
    <message>
      <source>Data dipulihkan dari cadangan {0}. Data sebelumnya disimpan di:
{1}

Merit Luring sekarang ditutup. Buka kembali untuk melanjutkan.</source>
      <translation>The data was restored from the backup of {0}. The previous data is kept in:
{1}

Merit Luring now closes. Open it again to continue.</translation>
    </message>
  </context>
  <context>
    <name>BeritaAcaraCheckDialog</name>
    <message>
      <source>Periksa Berita Acara</source>
      <translation>Check hand-over record</translation>
    </message>
    <message>
      <source>Ketik SHA-256 yang tercetak pada Berita Acara (paling sedikit {0} digit pertama; spasi boleh), atau tempel teks hasil pindai kode QR-nya.</source>
      <translation>Type the SHA-256 printed on the hand-over record (at least its first {0} digits; spaces allowed), or paste the text scanned from its QR code.</translation>
    </message>
    <message>
      <source>SHA-256 atau teks kode QR</source>
      <translation>SHA-256 or QR code text</translation>
    </message>
    <message>
      <source>&amp;Periksa</source>
      <translation>&amp;Check</translation>
    </message>
  </context>
  <context>
    <name>ConsolidatedView</name>
    <message>
      <source>Cari kode atau nama kabupaten/kota…</source>
      <translation>Search code or regency/city name…</translation>
    </message>
    <message>
      <source>Semua status</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>Diterima</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Belum mengirim</source>
      <translation>Not yet sent</translation>
    </message>
    <message>
      <source>Ditolak</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Semua predikat</source>
      <translation>All bands</translation>
    </message>
    <message>
      <source>Semua sertifikat</source>
      <translation>All certificates</translation>
    </message>
    <message>
      <source>{shown} dari {total} baris</source>
      <translation>{shown} of {total} rows</translation>
    </message>
  </context>
  <context>
    <name>CorruptStoreDialog</name>
    <message>
      <source>Basis data rusak</source>
      <translation>Database damaged</translation>
    </message>
    <message>
      <source>&lt;b&gt;Data penilaian tidak dapat dibuka karena berkasnya rusak.&lt;/b&gt;</source>
      <translation>&lt;b&gt;The assessment data cannot be opened because its file is damaged.&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Berkas: {0}</source>
      <translation>File: {0}</translation>
    </message>
    <message>
      <source>Rincian pemeriksaan dicatat di berkas log: {0}</source>
      <translation>The details of the check are in the log file: {0}</translation>
    </message>
    <message>
      <source>Ini biasanya terjadi setelah listrik padam atau flashdisk dicabut saat menyimpan. Cadangan otomatis terbaru yang utuh dibuat {0}. Memulihkannya mengembalikan data ke keadaan saat itu; perubahan sesudahnya hilang. Berkas yang rusak tidak dihapus: salinannya disimpan di folder {1} dengan nama berakhiran ".rusak-…" untuk diperiksa.</source>
      <translation>This usually happens after a power cut or a flash drive pulled out while saving. The newest sound automatic backup was taken {0}. Restoring it brings the data back to that moment; later changes are lost. The damaged file is not deleted: a copy is kept in folder {1} with a name ending in ".rusak-…" for inspection.</translation>
    </message>
    <message>
      <source>&amp;Pulihkan dari cadangan</source>
      <translation>&amp;Restore from backup</translation>
    </message>
    <message>
      <source>Tidak ada cadangan yang utuh di folder {0}. Hubungi petugas TI atau admin provinsi; jangan menghapus folder data.</source>
      <translation>There is no intact backup in folder {0}. Contact IT staff or the province administrator; do not delete the data folder.</translation>
    </message>
    <message>
      <source>&amp;Tutup aplikasi</source>
      <translation>&amp;Close the application</translation>
    </message>
  </context>
  <context>
    <name>DemoBanner</name>
    <message>
      <source>DATA CONTOH — bukan data kantor Anda. Perubahan di sini tersimpan di folder data contoh dan tidak menyentuh data asli.</source>
      <translation>SAMPLE DATA — not your office's data. Changes here are kept in the sample data folder and never touch the real data.</translation>
    </message>
    <message>
      <source>Keluar dari data contoh</source>
      <translation>Leave the sample data</translation>
    </message>
  </context>
  <context>
    <name>DisplayPage</name>
    <message>
      <source>&amp;Bahasa tampilan:</source>
      <translation>Display &amp;language:</translation>
    </message>
    <message>
      <source>Perubahan bahasa berlaku saat aplikasi dibuka kembali.</source>
      <translation>A language change takes effect when the application is started again.</translation>
    </message>
    <message>
      <source>Tampilan</source>
      <translation>Display</translation>
    </message>
  </context>
  <context>
    <name>DrilldownDialog</name>
    <message>
      <source>{office} — penilaian {year}</source>
      <translation>{office} — assessment {year}</translation>
    </message>
    <message>
      <source>{code} {name} · tahun {year} revisi {revision} · {kind} {index} ({band}){mark} · kelengkapan {complete}</source>
      <translation>{code} {name} · year {year} revision {revision} · {kind} {index} ({band}){mark} · completeness {complete}</translation>
    </message>
    <message>
      <source>Maturitas</source>
      <translation>Maturity</translation>
    </message>
    <message>
      <source>perkiraan: {band}</source>
      <translation>estimate: {band}</translation>
    </message>
    <message>
      <source> — sementara</source>
      <translation> — provisional</translation>
    </message>
    <message>
      <source>Diterima {when} dari berkas {name}; sertifikat {serial}.</source>
      <translation>Received {when} from file {name}; certificate {serial}.</translation>
    </message>
    <message>
      <source>Aspek / butir / bukti</source>
      <translation>Aspect / item / evidence</translation>
    </message>
    <message>
      <source>Tingkat</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Penjelasan</source>
      <translation>Justification</translation>
    </message>
    <message>
      <source>&amp;Buka bukti</source>
      <translation>&amp;Open evidence</translation>
    </message>
    <message>
      <source>&amp;Tinjau butir…</source>
      <translation>&amp;Review items…</translation>
    </message>
    <message>
      <source>Revisi yang diterima: {list}.</source>
      <translation>Revisions received: {list}.</translation>
    </message>
    <message>
      <source>{revision} ({state}, {when}{here})</source>
      <translation>{revision} ({state}, {when}{here})</translation>
    </message>
    <message>
      <source>terkini</source>
      <translation>current</translation>
    </message>
    <message>
      <source>usang</source>
      <translation>superseded</translation>
    </message>
    <message>
      <source>, ditampilkan</source>
      <translation>, shown</translation>
    </message>
    <message>
      <source>KONFLIK: berkas {name} (diterima {when}) juga mengaku revisi {revision}; tabel konsolidasi memakai berkas {first} yang diterima lebih dulu. Kedua berkas disimpan.</source>
      <translation>CONFLICT: file {name} (received {when}) also claims revision {revision}; the consolidated table uses file {first}, received first. Both files are kept.</translation>
    </message>
    <message>
      <source>tidak berlaku</source>
      <translation>not applicable</translation>
    </message>
    <message>
      <source>belum dijawab</source>
      <translation>not answered</translation>
    </message>
    <message>
      <source>Klik dua kali untuk membuka {name}</source>
      <translation>Double-click to open {name}</translation>
    </message>
    <message>
      <source>Bukti dukung tidak dapat dibuka</source>
      <translation>The evidence cannot be opened</translation>
    </message>
    <message>
      <source>Berkas bukti tidak dapat disalin untuk dibuka: {error}</source>
      <translation>The evidence file could not be copied for opening: {error}</translation>
    </message>
  </context>
  <context>
    <name>EnrolmentDialog</name>
    <message>
      <source>Daftarkan kantor kabupaten/kota</source>
      <translation>Enrol a regency/city office</translation>
    </message>
    <message>
      <source>Pilih berkas &amp;permintaan…</source>
      <translation>Choose &amp;request file…</translation>
    </message>
    <message>
      <source>Belum ada permintaan dipilih.</source>
      <translation>No request chosen yet.</translation>
    </message>
    <message>
      <source>Telepon kantor itu dan cocokkan sidik jari kuncinya sebelum menerbitkan sertifikat.</source>
      <translation>Telephone that office and compare its key fingerprint before issuing the certificate.</translation>
    </message>
    <message>
      <source>Kantor:</source>
      <translation>Office:</translation>
    </message>
    <message>
      <source>Sidik jari kunci kantor:</source>
      <translation>Office key fingerprint:</translation>
    </message>
    <message>
      <source>Berlaku &amp;mulai:</source>
      <translation>Valid &amp;from:</translation>
    </message>
    <message>
      <source>Berlaku &amp;sampai:</source>
      <translation>Valid &amp;until:</translation>
    </message>
    <message>
      <source>Kata sandi kunci &amp;provinsi:</source>
      <translation>&amp;Province key passphrase:</translation>
    </message>
    <message>
      <source>&amp;Terbitkan sertifikat…</source>
      <translation>&amp;Issue certificate…</translation>
    </message>
    <message>
      <source>Pilih permintaan pendaftaran</source>
      <translation>Choose an enrolment request</translation>
    </message>
    <message>
      <source>Permintaan pendaftaran (*.json);;Semua berkas (*)</source>
      <translation>Enrolment request (*.json);;All files (*)</translation>
    </message>
    <message>
      <source>{name}: {error}</source>
      <translation>{name}: {error}</translation>
    </message>
    <message>
      <source>Sertifikat tidak diterbitkan; sertifikat lama tetap berlaku.</source>
      <translation>No certificate issued; the old certificate stays valid.</translation>
    </message>
    <message>
      <source>Sertifikat {serial} ditulis ke {path}. Kirimkan berkas itu ke kantor.</source>
      <translation>Certificate {serial} written to {path}. Send that file to the office.</translation>
    </message>
    <message>
      <source>Ganti sertifikat kantor?</source>
      <translation>Replace the office's certificate?</translation>
    </message>
    <message>
      <source>{explanation}

Terbitkan sertifikat baru dan ganti sertifikat lama? Pastikan lewat telepon bahwa kantor itu memang memakai kunci baru.</source>
      <translation>{explanation}

Issue a new certificate and replace the old one? Confirm by phone that the office really uses a new key.</translation>
    </message>
    <message>
      <source>Simpan sertifikat kantor</source>
      <translation>Save office certificate</translation>
    </message>
    <message>
      <source>Sertifikat (*.json)</source>
      <translation>Certificate (*.json)</translation>
    </message>
  </context>
  <context>
    <name>EvidenceListModel</name>
    <message>
      <source>{0}
{1} · ditambahkan {2} oleh {3}</source>
      <translation>{0}
{1} · added {2} by {3}</translation>
    </message>
  </context>
  <context>
    <name>EvidencePage</name>
    <message>
      <source>&amp;Ukuran maksimum per berkas:</source>
      <translation>&amp;Maximum size per file:</translation>
    </message>
    <message>
      <source>Berkas yang lebih besar ditolak saat dilampirkan. Pindai ulang dengan resolusi lebih rendah atau pecah dokumen yang sangat besar.</source>
      <translation>Larger files are refused when attached. Rescan at a lower resolution or split very large documents.</translation>
    </message>
    <message>
      <source>Bukti dukung</source>
      <translation>Evidence</translation>
    </message>
  </context>
  <context>
    <name>EvidencePanel</name>
    <message>
      <source>Berkas bukti dukung</source>
      <translation>Evidence files</translation>
    </message>
    <message>
      <source>Belum ada berkas. Seret berkas ke daftar ini atau pilih &lt;b&gt;Tambah berkas…&lt;/b&gt;</source>
      <translation>No files yet. Drag files onto this list or choose &lt;b&gt;Add files…&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&amp;Tambah berkas…</source>
      <translation>&amp;Add files…</translation>
    </message>
    <message>
      <source>B&amp;uka</source>
      <translation>&amp;Open</translation>
    </message>
    <message>
      <source>Ganti &amp;label</source>
      <translation>Change &amp;label</translation>
    </message>
    <message>
      <source>&amp;Hapus</source>
      <translation>&amp;Remove</translation>
    </message>
    <message>
      <source>Tambahkan berkas bukti dukung (atau seret berkas ke daftar)</source>
      <translation>Add evidence files (or drag files onto the list)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Yang diharapkan instrumen:&lt;/b&gt;</source>
      <translation>&lt;b&gt;Expected by the instrument:&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Pilih berkas bukti dukung</source>
      <translation>Choose evidence files</translation>
    </message>
    <message>
      <source>Dokumen dan gambar (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.zip);;Semua berkas (*)</source>
      <translation>Documents and images (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.zip);;All files (*)</translation>
    </message>
    <message>
      <source>Menambah bukti dukung</source>
      <translation>Adding evidence</translation>
    </message>
    <message>
      <source>Menyalin dan memeriksa {0} berkas…</source>
      <translation>Copying and checking {0} files…</translation>
    </message>
    <message>
      <source>Tambah {0} bukti {1}</source>
      <translation>Add {0} evidence files {1}</translation>
    </message>
    <message>
      <source>Sebagian berkas tidak ditambahkan</source>
      <translation>Some files were not added</translation>
    </message>
    <message>
      <source>Berkas tidak dapat ditambahkan</source>
      <translation>The file could not be added</translation>
    </message>
  </context>
  <context>
    <name>FinalizeExportDialog</name>
    <message>
      <source>Finalisasi dan ekspor paket</source>
      <translation>Finalize and export package</translation>
    </message>
    <message>
      <source>Hal yang menghalangi finalisasi</source>
      <translation>What blocks finalizing</translation>
    </message>
    <message>
      <source>Klik ganda atau tekan Enter untuk membuka butirnya.</source>
      <translation>Double-click or press Enter to open the item.</translation>
    </message>
    <message>
      <source>Kata sandi kunci kantor</source>
      <translation>Office key passphrase</translation>
    </message>
    <message>
      <source>Finalisasi &amp;tanpa nilai survei S: hasil final hanya maturitas, tanpa predikat NISM</source>
      <translation>Finalize &amp;without survey figure S: the final result is maturity only, with no NISM rating</translation>
    </message>
    <message>
      <source>Berkas paket yang ditulis</source>
      <translation>Package file to write</translation>
    </message>
    <message>
      <source>&amp;Pilih…</source>
      <translation>&amp;Choose…</translation>
    </message>
    <message>
      <source>E&amp;nkripsi untuk provinsi: hanya provinsi yang dapat membuka paket</source>
      <translation>E&amp;ncrypt for the province: only the province can open the package</translation>
    </message>
    <message>
      <source>Disarankan bila paket dikirim lewat surel. Provinsi membukanya dengan kata sandi kunci provinsi saat mengimpor.</source>
      <translation>Recommended when the package is sent by email. The province opens it with its province key passphrase when importing.</translation>
    </message>
    <message>
      <source>Kunci publik provinsi yang menerbitkan sertifikat kantor ini belum ada di komputer ini.</source>
      <translation>The public key of the province that issued this office's certificate is not on this computer.</translation>
    </message>
    <message>
      <source>Buka &amp;folder</source>
      <translation>Open &amp;folder</translation>
    </message>
    <message>
      <source>Buka folder berisi paket di penjelajah berkas</source>
      <translation>Open the folder holding the package in the file manager</translation>
    </message>
    <message>
      <source>Buka &amp;revisi baru</source>
      <translation>Open a new &amp;revision</translation>
    </message>
    <message>
      <source>Membuat revisi berikutnya sebagai draf; revisi ini tetap final dan hanya dapat dibaca.</source>
      <translation>Creates the next revision as a draft; this revision stays final and read-only.</translation>
    </message>
    <message>
      <source>Simpan &amp;ke:</source>
      <translation>Save &amp;to:</translation>
    </message>
    <message>
      <source>&amp;Kata sandi kunci kantor:</source>
      <translation>Office key &amp;passphrase:</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision} — {state}</source>
      <translation>Assessment {year} revision {revision} — {state}</translation>
    </message>
    <message>
      <source>final (hanya dapat dibaca)</source>
      <translation>final (read only)</translation>
    </message>
    <message>
      <source>draf</source>
      <translation>draft</translation>
    </message>
    <message>
      <source>&amp;Ekspor paket</source>
      <translation>&amp;Export package</translation>
    </message>
    <message>
      <source>&amp;Finalisasi dan ekspor</source>
      <translation>&amp;Finalize and export</translation>
    </message>
    <message>
      <source>{count} hal harus diselesaikan sebelum finalisasi.</source>
      <translation>{count} things must be resolved before finalizing.</translation>
    </message>
    <message>
      <source>Validasi lulus. Masukkan kata sandi kunci kantor untuk menandatangani paket.</source>
      <translation>Validation passed. Enter the office key passphrase to sign the package.</translation>
    </message>
    <message>
      <source>Isi paket: {office} · {answered} dari {applicable} butir dijawab · {files} berkas bukti dukung · perkiraan ukuran {size}.</source>
      <translation>Package contents: {office} · {answered} of {applicable} items answered · {files} evidence files · about {size}.</translation>
    </message>
    <message>
      <source>Paket sebesar ini terlalu besar untuk lampiran surel (batas umum {limit}); siapkan diska lepas.</source>
      <translation>A package this large is too big for an email attachment (usual limit {limit}); have a flash drive ready.</translation>
    </message>
    <message>
      <source>Kunci kantor belum dibuat. Buka menu Kunci Kantor untuk membuatnya.</source>
      <translation>The office key has not been created. Open the Office Key menu to create it.</translation>
    </message>
    <message>
      <source>Kantor belum terdaftar di provinsi: impor sertifikat kantor dahulu.</source>
      <translation>The office is not enrolled with the province: import the office certificate first.</translation>
    </message>
    <message>
      <source>Simpan paket</source>
      <translation>Save package</translation>
    </message>
    <message>
      <source>Paket Merit Luring (*.merit)</source>
      <translation>Merit Luring package (*.merit)</translation>
    </message>
    <message>
      <source>Buka revisi baru?</source>
      <translation>Open a new revision?</translation>
    </message>
    <message>
      <source>Revisi {revision} tetap final dan tidak berubah. Revisi {next} dibuat sebagai draf berisi salinan jawaban dan bukti dukungnya, lalu dibuka untuk diubah. Paket revisi {next} harus diekspor dan dikirim lagi ke provinsi.</source>
      <translation>Revision {revision} stays final and unchanged. Revision {next} is created as a draft holding a copy of its answers and evidence, and opened for changes. The package of revision {next} must be exported and sent to the province again.</translation>
    </message>
    <message>
      <source>Buka revisi {0}</source>
      <translation>Open revision {0}</translation>
    </message>
    <message>
      <source>Pilih berkas tujuan paket.</source>
      <translation>Choose where to write the package.</translation>
    </message>
    <message>
      <source>Nilai survei S belum diisi. Isi S (menu Penilaian › Properti), atau centang finalisasi tanpa nilai survei.</source>
      <translation>The survey figure S is not entered. Enter S (Assessment › Properties), or tick finalizing without the survey figure.</translation>
    </message>
    <message>
      <source>Isi kata sandi kunci kantor untuk menandatangani paket.</source>
      <translation>Enter the office key passphrase to sign the package.</translation>
    </message>
    <message>
      <source>Membuka kunci kantor…</source>
      <translation>Opening the office key…</translation>
    </message>
    <message>
      <source>Menulis paket…</source>
      <translation>Writing the package…</translation>
    </message>
    <message>
      <source>Ekspor paket</source>
      <translation>Export package</translation>
    </message>
    <message>
      <source>Menandatangani dan menulis {name}…</source>
      <translation>Signing and writing {name}…</translation>
    </message>
    <message>
      <source>Kirim ke provinsi lewat diska lepas.</source>
      <translation>Send it to the province on a flash drive.</translation>
    </message>
    <message>
      <source>Paket ini {size}, terlalu besar untuk lampiran surel (umumnya ditolak di atas {limit}). Kirim lewat diska lepas atau layanan berbagi berkas yang disepakati dengan provinsi.</source>
      <translation>This package is {size}, too big for an email attachment (usually refused above {limit}). Send it on a flash drive or through a file-sharing service agreed with the province.</translation>
    </message>
    <message>
      <source>Kirim ke provinsi lewat surel atau diska lepas.</source>
      <translation>Send it to the province by email or on a flash drive.</translation>
    </message>
    <message>
      <source>Paket selesai ditulis ({size}): {path}</source>
      <translation>Package written ({size}): {path}</translation>
    </message>
    <message>
      <source>Paket terenkripsi: hanya provinsi yang dapat membukanya.</source>
      <translation>The package is encrypted: only the province can open it.</translation>
    </message>
    <message>
      <source>Ekspor dibatalkan; tidak ada berkas paket yang dibuat.</source>
      <translation>Export cancelled; no package file was created.</translation>
    </message>
  </context>
  <context>
    <name>GateQuestion</name>
    <message>
      <source>Catatan proyek — {note}</source>
      <translation>Project note — {note}</translation>
    </message>
  </context>
  <context>
    <name>HeatMap</name>
    <message>
      <source>Warna tingkat aspek, pada ambang predikat NISM (aspek tidak berpredikat):</source>
      <translation>Aspect level colours, on the NISM predikat thresholds (an aspect has no predikat):</translation>
    </message>
    <message>
      <source>belum mengirim / tidak berlaku</source>
      <translation>not yet sent / not applicable</translation>
    </message>
    <message>
      <source>belum mengirim</source>
      <translation>not yet sent</translation>
    </message>
    <message>
      <source>tidak berlaku</source>
      <translation>not applicable</translation>
    </message>
  </context>
  <context>
    <name>HistoryMismatchDialog</name>
    <message>
      <source>Data tidak sesuai riwayat</source>
      <translation>Data does not match its history</translation>
    </message>
    <message>
      <source>&lt;b&gt;Data tidak sesuai riwayat perubahannya.&lt;/b&gt;</source>
      <translation>&lt;b&gt;The data does not match its history of changes.&lt;/b&gt;</translation>
    </message>
    <message>
      <source>… dan {0} lagi</source>
      <translation>… and {0} more</translation>
    </message>
    <message>
      <source>Isinya mungkin berubah tanpa disengaja (misalnya setelah listrik padam atau disk bermasalah). Periksa butir di atas. Ekspor paket ditahan sampai data dipulihkan atau dikonfirmasi.</source>
      <translation>Its content may have changed unintentionally (for example after a power cut or a failing disk). Check the items above. Exporting a package is held until the data is restored or confirmed.</translation>
    </message>
    <message>
      <source>Cadangan utuh terbaru dibuat {0}; memulihkannya membatalkan perubahan sesudah itu, dan berkas sekarang disimpan sebagai salinan.</source>
      <translation>The newest sound backup was taken {0}; restoring it undoes later changes, and the present file is kept as a copy.</translation>
    </message>
    <message>
      <source>&amp;Pulihkan dari cadangan</source>
      <translation>&amp;Restore from backup</translation>
    </message>
    <message>
      <source>&amp;Konfirmasi data saat ini</source>
      <translation>&amp;Confirm the present data</translation>
    </message>
    <message>
      <source>&amp;Nanti</source>
      <translation>&amp;Later</translation>
    </message>
  </context>
  <context>
    <name>HistoryModel</name>
    <message>
      <source>Waktu</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Oleh</source>
      <translation>By</translation>
    </message>
    <message>
      <source>Perubahan</source>
      <translation>Change</translation>
    </message>
  </context>
  <context>
    <name>HistoryPage</name>
    <message>
      <source>Hasil resmi penilaian KASN (skala 100–400) tahun-tahun sebelumnya.</source>
      <translation>Official KASN assessment results (100–400 scale) of previous years.</translation>
    </message>
    <message>
      <source>Riwayat</source>
      <translation>History</translation>
    </message>
    <message>
      <source>Riwayat: {problem}</source>
      <translation>History: {problem}</translation>
    </message>
  </context>
  <context>
    <name>HistoryPanel</name>
    <message>
      <source>Riwayat perubahan</source>
      <translation>Change history</translation>
    </message>
    <message>
      <source>&lt;b&gt;Riwayat butir {0}&lt;/b&gt;</source>
      <translation>&lt;b&gt;History of item {0}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Riwayat penilaian&lt;/b&gt; (pertanyaan pembuka, S, k)</source>
      <translation>&lt;b&gt;Assessment history&lt;/b&gt; (screening questions, S, k)</translation>
    </message>
  </context>
  <context>
    <name>HistoryWizardPage</name>
    <message>
      <source>Hasil resmi tahun-tahun sebelumnya (boleh dilewati)</source>
      <translation>Official results of previous years (optional)</translation>
    </message>
    <message>
      <source>Nilai penilaian KASN 2018–2024 pada skala 100–400, seperti tercantum dalam hasil resmi. Kategori tampil otomatis.</source>
      <translation>KASN assessment scores 2018–2024 on the 100–400 scale, as in the official results. The category is shown automatically.</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Impor paket kabupaten/kota</source>
      <translation>Import regency/city packages</translation>
    </message>
    <message>
      <source>Pilih satu atau beberapa berkas paket (.merit), atau satu folder (mis. flashdisk atau folder lampiran surel): semua paket di dalamnya diperiksa tanda tangan, sertifikat dan isinya sebelum diterima. Paket yang ditolak tidak meninggalkan apa pun.</source>
      <translation>Choose one or more package files (.merit), or a folder (e.g. a flash drive or an e-mail attachment folder): every package in it has its signature, certificate and contents checked before it is accepted. A rejected package leaves nothing behind.</translation>
    </message>
    <message>
      <source>Pilih &amp;berkas…</source>
      <translation>Choose &amp;files…</translation>
    </message>
    <message>
      <source>Pilih &amp;folder…</source>
      <translation>Choose &amp;folder…</translation>
    </message>
    <message>
      <source>Belum ada berkas yang diimpor.</source>
      <translation>No files imported yet.</translation>
    </message>
    <message>
      <source>Pilih paket</source>
      <translation>Choose packages</translation>
    </message>
    <message>
      <source>Paket Merit Luring (*.merit);;Semua berkas (*)</source>
      <translation>Merit Luring package (*.merit);;All files (*)</translation>
    </message>
    <message>
      <source>Pilih folder berisi paket</source>
      <translation>Choose a folder with packages</translation>
    </message>
    <message>
      <source>Impor tidak dapat dimulai</source>
      <translation>The import cannot start</translation>
    </message>
    <message>
      <source>Tidak ada berkas .merit di pilihan itu.</source>
      <translation>There is no .merit file in that selection.</translation>
    </message>
    <message>
      <source>Ada paket yang terenkripsi untuk provinsi; kunci provinsi membukanya. Bila dibatalkan, paket itu ditolak dan paket lain tetap diimpor.</source>
      <translation>Some packages are encrypted for the province; the province key opens them. If you cancel, those packages are refused and the others are still imported.</translation>
    </message>
    <message>
      <source>Mengimpor paket</source>
      <translation>Importing packages</translation>
    </message>
    <message>
      <source>Memeriksa dan menyimpan {count} berkas…</source>
      <translation>Checking and storing {count} files…</translation>
    </message>
    <message>
      <source>{accepted} diterima, {duplicate} duplikat, {superseded} usang, {conflict} konflik, {rejected} ditolak.</source>
      <translation>{accepted} accepted, {duplicate} duplicate, {superseded} superseded, {conflict} conflict, {rejected} rejected.</translation>
    </message>
    <message>
      <source>Impor dibatalkan; berkas yang sudah diterima tetap tersimpan.</source>
      <translation>Import cancelled; files already received stay stored.</translation>
    </message>
    <message>
      <source>Impor terhenti</source>
      <translation>Import stopped</translation>
    </message>
    <message>
      <source>Impor terhenti: {error} Berkas yang sudah diterima tetap tersimpan.</source>
      <translation>Import stopped: {error} Files already accepted stay stored.</translation>
    </message>
  </context>
  <context>
    <name>ImportResultsModel</name>
    <message>
      <source>Diterima</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Duplikat</source>
      <translation>Duplicate</translation>
    </message>
    <message>
      <source>Usang (revisi lama)</source>
      <translation>Superseded (older revision)</translation>
    </message>
    <message>
      <source>Konflik</source>
      <translation>Conflict</translation>
    </message>
    <message>
      <source>Ditolak</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Sidik jari kunci kantor pengirim: {0}.</source>
      <translation>Fingerprint of the sender's office key: {0}.</translation>
    </message>
    <message>
      <source>Berkas</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Hasil</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Kantor</source>
      <translation>Office</translation>
    </message>
    <message>
      <source>Tahun</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Revisi</source>
      <translation>Revision</translation>
    </message>
    <message>
      <source>Keterangan</source>
      <translation>Details</translation>
    </message>
  </context>
  <context>
    <name>InstrumentUpdateDialog</name>
    <message>
      <source>Perbarui instrumen</source>
      <translation>Update instrument</translation>
    </message>
    <message>
      <source>Provinsi mengirim {id} versi {version}. Periksa perubahannya; jawaban dibawa menurut kode butir. Revisi yang sudah final tetap memakai instrumen lamanya.</source>
      <translation>The province sent {id} version {version}. Check the changes; answers are carried over by item code. Final revisions keep their own instrument.</translation>
    </message>
    <message>
      <source>Perbedaan instrumen</source>
      <translation>Instrument differences</translation>
    </message>
    <message>
      <source>&amp;Terima dan pindahkan</source>
      <translation>&amp;Accept and move</translation>
    </message>
  </context>
  <context>
    <name>ItemEditor</name>
    <message>
      <source>Pertanyaan pembuka</source>
      <translation>Screening questions</translation>
    </message>
    <message>
      <source>Catatan &amp;lengkap</source>
      <translation>Full &amp;note</translation>
    </message>
    <message>
      <source>Tingkat (tombol {0}–{1} memilih di sini dan di daftar butir)</source>
      <translation>Level (keys {0}–{1} choose here and in the item list)</translation>
    </message>
    <message>
      <source>Ko&amp;songkan jawaban</source>
      <translation>&amp;Clear answer</translation>
    </message>
    <message>
      <source>Pen&amp;jelasan (justifikasi jawaban):</source>
      <translation>&amp;Justification of the answer:</translation>
    </message>
    <message>
      <source>Jelaskan mengapa tingkat ini dipilih; wajib bila belum ada bukti dukung.</source>
      <translation>Explain why this level was chosen; required when there is no evidence yet.</translation>
    </message>
    <message>
      <source>Perlu &amp;ditinjau</source>
      <translation>Needs &amp;review</translation>
    </message>
    <message>
      <source>Catatan tinjauan (apa yang perlu diperiksa, oleh siapa)</source>
      <translation>Review note (what needs checking, by whom)</translation>
    </message>
    <message>
      <source>Catatan tinjauan</source>
      <translation>Review note</translation>
    </message>
    <message>
      <source>Bukti dukung</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <source>Aspek {0}. {1}</source>
      <translation>Aspect {0}. {1}</translation>
    </message>
    <message>
      <source>Teks butir: {kind}.</source>
      <translation>Item text: {kind}.</translation>
    </message>
    <message>
      <source>Tingkat {level}: {note}</source>
      <translation>Level {level}: {note}</translation>
    </message>
    <message>
      <source>Bukti dukung: {note}</source>
      <translation>Evidence: {note}</translation>
    </message>
    <message>
      <source>belum tersimpan</source>
      <translation>not saved yet</translation>
    </message>
  </context>
  <context>
    <name>KeysDialog</name>
    <message>
      <source>Kunci kantor dan pendaftaran</source>
      <translation>Office key and enrolment</translation>
    </message>
    <message>
      <source>Kata sandi kunci kantor</source>
      <translation>Office key passphrase</translation>
    </message>
    <message>
      <source>dipakai untuk membuat kunci dan menandatangani permintaan</source>
      <translation>used to create the key and to sign the request</translation>
    </message>
    <message>
      <source>Ulangi kata sandi</source>
      <translation>Repeat the passphrase</translation>
    </message>
    <message>
      <source>&amp;Buat kunci</source>
      <translation>&amp;Create key</translation>
    </message>
    <message>
      <source>Ekspor &amp;permintaan pendaftaran…</source>
      <translation>Export enrolment &amp;request…</translation>
    </message>
    <message>
      <source>&amp;Impor sertifikat dari provinsi…</source>
      <translation>&amp;Import certificate from the province…</translation>
    </message>
    <message>
      <source>Impor p&amp;rofil provinsi…</source>
      <translation>Import province p&amp;rofile…</translation>
    </message>
    <message>
      <source>Profil provinsi memuat kunci publik provinsi dan daftar sertifikat yang dicabut. Cocokkan sidik jarinya dengan provinsi lewat telepon.</source>
      <translation>The province profile holds the province public key and the list of revoked certificates. Compare its fingerprint with the province by telephone.</translation>
    </message>
    <message>
      <source>Kunci kantor</source>
      <translation>Office key</translation>
    </message>
    <message>
      <source>Sidik jari:</source>
      <translation>Fingerprint:</translation>
    </message>
    <message>
      <source>&amp;Ulangi kata sandi:</source>
      <translation>&amp;Repeat passphrase:</translation>
    </message>
    <message>
      <source>&amp;Kata sandi kunci kantor:</source>
      <translation>Office key &amp;passphrase:</translation>
    </message>
    <message>
      <source>Pendaftaran ke provinsi (urutannya)</source>
      <translation>Enrolment with the province (in this order)</translation>
    </message>
    <message>
      <source>kirim berkasnya ke provinsi, bacakan sidik jari lewat telepon</source>
      <translation>send the file to the province, read the fingerprint out by phone</translation>
    </message>
    <message>
      <source>berkas profil provinsi (.json) yang dikirim provinsi</source>
      <translation>the province profile file (.json) the province sends</translation>
    </message>
    <message>
      <source>berkas sertifikat (.json) yang dikirim provinsi; perlu profil provinsi lebih dahulu</source>
      <translation>the certificate file (.json) the province sends; needs the province profile first</translation>
    </message>
    <message>
      <source>Belum ada kunci kantor.</source>
      <translation>No office key yet.</translation>
    </message>
    <message>
      <source>Langkah {0} selesai</source>
      <translation>Step {0} done</translation>
    </message>
    <message>
      <source>Langkah {0}</source>
      <translation>Step {0}</translation>
    </message>
    <message>
      <source>Belum terdaftar. Ekspor permintaan pendaftaran, kirim ke provinsi, lalu impor sertifikat yang dikirim balik.</source>
      <translation>Not enrolled yet. Export an enrolment request, send it to the province, then import the certificate sent back.</translation>
    </message>
    <message>
      <source>Sertifikat nomor {serial}: {problem}</source>
      <translation>Certificate number {serial}: {problem}</translation>
    </message>
    <message>
      <source>Terdaftar: sertifikat nomor {serial}, provinsi {province}, berlaku {start} s.d. {end}.</source>
      <translation>Enrolled: certificate number {serial}, province {province}, valid {start} to {end}.</translation>
    </message>
    <message>
      <source>Kedua kata sandi tidak sama.</source>
      <translation>The two passphrases differ.</translation>
    </message>
    <message>
      <source>Kata sandi minimal {n} karakter.</source>
      <translation>The passphrase needs at least {n} characters.</translation>
    </message>
    <message>
      <source>Membuat kunci…</source>
      <translation>Creating the key…</translation>
    </message>
    <message>
      <source>Kunci kantor dibuat. Sidik jari untuk dibacakan ke provinsi: {fingerprint}</source>
      <translation>Office key created. Fingerprint to read to the province: {fingerprint}</translation>
    </message>
    <message>
      <source>Kantor belum diatur.</source>
      <translation>The office is not set up yet.</translation>
    </message>
    <message>
      <source>Isi dahulu kata sandi kunci kantor: permintaan pendaftaran ditandatangani dengan kunci itu.</source>
      <translation>Enter the office key passphrase first: the enrolment request is signed with that key.</translation>
    </message>
    <message>
      <source>Simpan permintaan pendaftaran</source>
      <translation>Save enrolment request</translation>
    </message>
    <message>
      <source>Permintaan pendaftaran (*.json)</source>
      <translation>Enrolment request (*.json)</translation>
    </message>
    <message>
      <source>Menandatangani permintaan…</source>
      <translation>Signing the request…</translation>
    </message>
    <message>
      <source>Permintaan pendaftaran ditulis: {path}. Kirim ke provinsi dan bacakan sidik jari kunci lewat telepon.</source>
      <translation>Enrolment request written: {path}. Send it to the province and read the key fingerprint by telephone.</translation>
    </message>
    <message>
      <source>Pilih sertifikat kantor dari provinsi</source>
      <translation>Choose the office certificate from the province</translation>
    </message>
    <message>
      <source>Sertifikat kantor (*.json)</source>
      <translation>Office certificate (*.json)</translation>
    </message>
    <message>
      <source>Sertifikat nomor {serial} diimpor. Sidik jari kunci provinsi: {fingerprint}</source>
      <translation>Certificate number {serial} imported. Province key fingerprint: {fingerprint}</translation>
    </message>
    <message>
      <source>Profil provinsi diperlukan dahulu</source>
      <translation>The province profile is needed first</translation>
    </message>
    <message>
      <source>Sertifikat kantor diperiksa dengan kunci provinsi. Kunci itu ada di berkas profil provinsi (.json) yang dikirim provinsi bersama sertifikat. Impor profil provinsi dahulu (langkah 2), lalu sertifikatnya (langkah 3).</source>
      <translation>The office certificate is checked with the province key, which comes in the province profile file (.json) the province sends with the certificate. Import the province profile first (step 2), then the certificate (step 3).</translation>
    </message>
    <message>
      <source>Pilih profil provinsi…</source>
      <translation>Choose the province profile…</translation>
    </message>
    <message>
      <source>Pilih berkas profil provinsi</source>
      <translation>Choose the province profile file</translation>
    </message>
    <message>
      <source>Profil provinsi (*.json)</source>
      <translation>Province profile (*.json)</translation>
    </message>
    <message>
      <source>Sertifikat belum diimpor: impor profil provinsi dahulu, lalu sertifikatnya.</source>
      <translation>Certificate not imported: import the province profile first, then the certificate.</translation>
    </message>
    <message>
      <source>Profil provinsi {name} diimpor; kuncinya kini dipercaya. Cocokkan sidik jari ini dengan provinsi lewat telepon: {fingerprint}</source>
      <translation>Province profile {name} imported; its key is now trusted. Compare this fingerprint with the province by telephone: {fingerprint}</translation>
    </message>
    <message>
      <source>Instrumen dari provinsi ini (ditandatangani kunci di atas): {names}. Draf penilaian dapat dipindahkan lewat menu Penilaian › Perbarui instrumen.</source>
      <translation>Instruments from this province (signed by the key above): {names}. A draft assessment can be moved with Assessment › Update instrument.</translation>
    </message>
  </context>
  <context>
    <name>LegacyHistoryChart</name>
    <message>
      <source>Grafik riwayat nilai Sistem Merit</source>
      <translation>Merit System score history chart</translation>
    </message>
    <message>
      <source>Riwayat nilai resmi (skala 100–400)</source>
      <translation>History of official scores (100–400 scale)</translation>
    </message>
    <message>
      <source>Belum ada riwayat hasil resmi.</source>
      <translation>No official results recorded yet.</translation>
    </message>
  </context>
  <context>
    <name>LegacyResultsEditor</name>
    <message>
      <source>Tahun</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Nilai (100–400)</source>
      <translation>Score (100–400)</translation>
    </message>
    <message>
      <source>Kategori</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Tambah tahun</source>
      <translation>Add year</translation>
    </message>
    <message>
      <source>Hapus baris</source>
      <translation>Remove row</translation>
    </message>
    <message>
      <source>Baris {row}</source>
      <translation>Row {row}</translation>
    </message>
    <message>
      <source>{row}: tahun harus antara {first} dan {last}.</source>
      <translation>{row}: the year must be between {first} and {last}.</translation>
    </message>
    <message>
      <source>{row}: tahun {year} sudah ada di baris {other}.</source>
      <translation>{row}: year {year} is already in row {other}.</translation>
    </message>
    <message>
      <source>{row}: isi nilai berupa angka, mis. 265,5.</source>
      <translation>{row}: enter the score as a number, e.g. 265,5.</translation>
    </message>
    <message>
      <source>{row}: nilai {nilai} di luar skala {low}–{high}.</source>
      <translation>{row}: score {nilai} is outside the {low}–{high} scale.</translation>
    </message>
    <message>
      <source>di luar skala {low}–{high}</source>
      <translation>outside the {low}–{high} scale</translation>
    </message>
  </context>
  <context>
    <name>LevelNotice</name>
    <message>
      <source>Urungkan</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>Tingkat {0} → {1} · butir {2}</source>
      <translation>Level {0} → {1} · item {2}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Coba simpan &amp;lagi</source>
      <translation>Try saving &amp;again</translation>
    </message>
    <message>
      <source>Penilaian &amp;baru…</source>
      <translation>&amp;New assessment…</translation>
    </message>
    <message>
      <source>&amp;Daftar penilaian</source>
      <translation>&amp;Assessment list</translation>
    </message>
    <message>
      <source>&amp;Pengaturan…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <source>&amp;Keluar</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Urungkan</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <source>U&amp;langi</source>
      <translation>&amp;Redo</translation>
    </message>
    <message>
      <source>&amp;Cari butir</source>
      <translation>&amp;Find item</translation>
    </message>
    <message>
      <source>Coba &amp;simpan lagi</source>
      <translation>Try &amp;saving again</translation>
    </message>
    <message>
      <source>&amp;Properti penilaian (S dan k)…</source>
      <translation>Assessment &amp;properties (S and k)…</translation>
    </message>
    <message>
      <source>Profil &amp;penghargaan instansi (tidak dinilai)…</source>
      <translation>Agency &amp;awards profile (not scored)…</translation>
    </message>
    <message>
      <source>Periksa &amp;kelengkapan…</source>
      <translation>Check &amp;completeness…</translation>
    </message>
    <message>
      <source>Butir &amp;berikutnya</source>
      <translation>&amp;Next item</translation>
    </message>
    <message>
      <source>Butir &amp;sebelumnya</source>
      <translation>&amp;Previous item</translation>
    </message>
    <message>
      <source>&amp;Tentang Merit Luring</source>
      <translation>&amp;About Merit Luring</translation>
    </message>
    <message>
      <source>&amp;Panduan singkat</source>
      <translation>&amp;Quick guide</translation>
    </message>
    <message>
      <source>Keluar dari data &amp;contoh</source>
      <translation>Leave the &amp;sample data</translation>
    </message>
    <message>
      <source>&amp;Berkas</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>&amp;Penilaian</source>
      <translation>&amp;Assessment</translation>
    </message>
    <message>
      <source>Ban&amp;tuan</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>Kunci kantor dan pen&amp;daftaran…</source>
      <translation>Office key and &amp;enrolment…</translation>
    </message>
    <message>
      <source>Perbarui &amp;instrumen…</source>
      <translation>Update &amp;instrument…</translation>
    </message>
    <message>
      <source>Impor &amp;hasil verifikasi / tanda terima…</source>
      <translation>Import verification &amp;result / receipt…</translation>
    </message>
    <message>
      <source>Ditandatangani kunci provinsi {code} (sidik jari {fingerprint}).</source>
      <translation>Signed by the key of province {code} (fingerprint {fingerprint}).</translation>
    </message>
    <message>
      <source>Dikirim bersama aplikasi.</source>
      <translation>Shipped with the application.</translation>
    </message>
    <message>
      <source>Sebagian perubahan belum dapat disimpan. {0}

Jika Anda melanjutkan tanpa mencoba lagi, perubahan itu hilang.</source>
      <translation>Some changes could not be saved yet. {0}

If you go on without trying again, those changes are lost.</translation>
    </message>
    <message>
      <source>Gagal menyimpan: {0} Perubahan Anda masih di layar dan akan dicoba lagi.</source>
      <translation>Not saved: {0} Your changes are still on screen and will be tried again.</translation>
    </message>
    <message>
      <source>Menyimpan…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>disk penuh.</source>
      <translation>the disk is full.</translation>
    </message>
    <message>
      <source>folder data hanya-baca.</source>
      <translation>the data folder is read-only.</translation>
    </message>
    <message>
      <source>tidak ada izin menulis ke folder data.</source>
      <translation>no permission to write to the data folder.</translation>
    </message>
    <message>
      <source>data sedang dipakai proses lain.</source>
      <translation>the data is in use by another process.</translation>
    </message>
    <message>
      <source>disk tidak dapat ditulis.</source>
      <translation>the disk cannot be written.</translation>
    </message>
    <message>
      <source>galat yang tidak dikenal.</source>
      <translation>an unknown error.</translation>
    </message>
    <message>
      <source>[DATA CONTOH]</source>
      <translation>[SAMPLE DATA]</translation>
    </message>
    <message>
      <source>&amp;Finalisasi dan ekspor paket…</source>
      <translation>&amp;Finalize and export package…</translation>
    </message>
    <message>
      <source>&amp;Urungkan {0}</source>
      <translation>&amp;Undo {0}</translation>
    </message>
    <message>
      <source>U&amp;langi {0}</source>
      <translation>&amp;Redo {0}</translation>
    </message>
    <message>
      <source>Perubahan belum tersimpan</source>
      <translation>Changes not saved</translation>
    </message>
    <message>
      <source>Perubahan tidak dapat disimpan</source>
      <translation>The change cannot be saved</translation>
    </message>
    <message>
      <source>Setiap perubahan disimpan otomatis</source>
      <translation>Every change is saved automatically</translation>
    </message>
    <message>
      <source>Penilaian final: hanya baca</source>
      <translation>Final assessment: read only</translation>
    </message>
    <message>
      <source>Tersimpan {0}</source>
      <translation>Saved {0}</translation>
    </message>
    <message>
      <source>Penilaian {0}</source>
      <translation>Assessment {0}</translation>
    </message>
  </context>
  <context>
    <name>NavigatorModel</name>
    <message>
      <source>Butir</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Tingkat</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Aspek {0}: {1} dari {2} butir yang berlaku sudah dijawab</source>
      <translation>Aspect {0}: {1} of {2} applicable items answered</translation>
    </message>
    <message>
      <source>t/b</source>
      <translation>n/a</translation>
    </message>
    <message>
      <source>(belum tersimpan)</source>
      <translation>(not saved yet)</translation>
    </message>
  </context>
  <context>
    <name>NavigatorView</name>
    <message>
      <source>Cari kode atau kata pertanyaan…</source>
      <translation>Search code or question words…</translation>
    </message>
    <message>
      <source>Cari butir</source>
      <translation>Search items</translation>
    </message>
    <message>
      <source>Daftar aspek dan butir</source>
      <translation>Aspects and items</translation>
    </message>
    <message>
      <source>t/b</source>
      <translation>n/a</translation>
    </message>
  </context>
  <context>
    <name>OfficePage</name>
    <message>
      <source>Kode wilayah:</source>
      <translation>Region code:</translation>
    </message>
    <message>
      <source>Provinsi:</source>
      <translation>Province:</translation>
    </message>
    <message>
      <source>&amp;Nama kantor:</source>
      <translation>Office &amp;name:</translation>
    </message>
    <message>
      <source>Kode wilayah tetap: paket dan riwayat terikat padanya.</source>
      <translation>The region code is fixed: packages and history are tied to it.</translation>
    </message>
    <message>
      <source>Kantor</source>
      <translation>Office</translation>
    </message>
    <message>
      <source>(belum diatur)</source>
      <translation>(not set up)</translation>
    </message>
    <message>
      <source>Kantor: nama kantor tidak boleh kosong.</source>
      <translation>Office: the office name must not be empty.</translation>
    </message>
  </context>
  <context>
    <name>OfficesDialog</name>
    <message>
      <source>Kantor terdaftar</source>
      <translation>Enrolled offices</translation>
    </message>
    <message>
      <source>Nomor seri</source>
      <translation>Serial number</translation>
    </message>
    <message>
      <source>Kode</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Kantor</source>
      <translation>Office</translation>
    </message>
    <message>
      <source>Berlaku sampai</source>
      <translation>Valid until</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Sidik jari</source>
      <translation>Fingerprint</translation>
    </message>
    <message>
      <source>Pencabutan sampai ke kantor melalui profil provinsi berikutnya yang diekspor.</source>
      <translation>The revocation reaches the offices with the next exported province profile.</translation>
    </message>
    <message>
      <source>&amp;Cabut sertifikat…</source>
      <translation>&amp;Revoke certificate…</translation>
    </message>
    <message>
      <source>Cabut sertifikat {serial}</source>
      <translation>Revoke certificate {serial}</translation>
    </message>
    <message>
      <source>Alasan pencabutan (mis. kunci hilang):</source>
      <translation>Reason for revocation (e.g. key lost):</translation>
    </message>
  </context>
  <context>
    <name>OperatorPage</name>
    <message>
      <source>Nama &amp;operator:</source>
      <translation>&amp;Operator name:</translation>
    </message>
    <message>
      <source>Nama ini dicatat pada setiap perubahan jawaban dan bukti dukung.</source>
      <translation>This name is recorded with every change to answers and evidence.</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operator</translation>
    </message>
    <message>
      <source>Operator: nama operator tidak boleh kosong.</source>
      <translation>Operator: the operator name must not be empty.</translation>
    </message>
  </context>
  <context>
    <name>OperatorWizardPage</name>
    <message>
      <source>Operator dan tahun penilaian</source>
      <translation>Operator and assessment year</translation>
    </message>
    <message>
      <source>Nama lengkap operator</source>
      <translation>Operator's full name</translation>
    </message>
    <message>
      <source>Nama &amp;operator:</source>
      <translation>&amp;Operator name:</translation>
    </message>
    <message>
      <source>&amp;Tahun penilaian:</source>
      <translation>Assessment &amp;year:</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operator</translation>
    </message>
    <message>
      <source>Nama operator dicatat pada setiap perubahan (riwayat). Penilaian pertama dibuat untuk tahun yang dipilih.</source>
      <translation>The operator name is recorded with every change (history). The first assessment is created for the chosen year.</translation>
    </message>
    <message>
      <source>Nama operator dicatat pada setiap perubahan (riwayat).</source>
      <translation>The operator name is recorded with every change (history).</translation>
    </message>
  </context>
  <context>
    <name>PlannerDialog</name>
    <message>
      <source>Rencana peningkatan</source>
      <translation>Improvement plan</translation>
    </message>
    <message>
      <source>&amp;Rencana</source>
      <translation>&amp;Plan</translation>
    </message>
    <message>
      <source>&amp;Bagaimana jika</source>
      <translation>&amp;What if</translation>
    </message>
    <message>
      <source>Predikat (mis. Tinggi) atau angka (mis. 0,81)</source>
      <translation>A predikat (e.g. Tinggi) or a number (e.g. 0.81)</translation>
    </message>
    <message>
      <source>&amp;Target:</source>
      <translation>&amp;Target:</translation>
    </message>
    <message>
      <source>&amp;Susun rencana</source>
      <translation>&amp;Make plan</translation>
    </message>
    <message>
      <source>Sulit tahun ini (tidak dinaikkan):</source>
      <translation>Hard this year (not raised):</translation>
    </message>
    <message>
      <source>Butir</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Sub-aspek</source>
      <translation>Sub-aspect</translation>
    </message>
    <message>
      <source>Tingkat</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Tambahan</source>
      <translation>Gain</translation>
    </message>
    <message>
      <source>Menjadi</source>
      <translation>Becomes</translation>
    </message>
    <message>
      <source>Coba rencana ini di &amp;Bagaimana jika</source>
      <translation>Try this plan in &amp;What if</translation>
    </message>
    <message>
      <source>Ubah tingkat di sini untuk mencoba; jawaban yang sebenarnya tidak berubah.</source>
      <translation>Change levels here to try; the real answers do not change.</translation>
    </message>
    <message>
      <source>Judul</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Sekarang</source>
      <translation>Now</translation>
    </message>
    <message>
      <source>Coba</source>
      <translation>Try</translation>
    </message>
    <message>
      <source>Tingkat coba {0}</source>
      <translation>Trial level {0}</translation>
    </message>
    <message>
      <source>&amp;Kembalikan ke jawaban sekarang</source>
      <translation>&amp;Reset to the current answers</translation>
    </message>
    <message>
      <source>Bagaimana jika: {line} (sekarang {now}, {delta}; {count} butir diubah)</source>
      <translation>What if: {line} (now {now}, {delta}; {count} items changed)</translation>
    </message>
    <message>
      <source>&lt;b&gt;{item} tingkat {level}:&lt;/b&gt; {descriptor}&lt;br/&gt;&lt;b&gt;Bukti dukung yang diharapkan instrumen:&lt;/b&gt;&lt;ul style='margin:0'&gt;{evidence}&lt;/ul&gt;</source>
      <translation>&lt;b&gt;{item} level {level}:&lt;/b&gt; {descriptor}&lt;br/&gt;&lt;b&gt;Evidence the instrument expects:&lt;/b&gt;&lt;ul style='margin:0'&gt;{evidence}&lt;/ul&gt;</translation>
    </message>
  </context>
  <context>
    <name>ProfilingDialog</name>
    <message>
      <source>{0}. {1}</source>
      <translation>{0}. {1}</translation>
    </message>
    <message>
      <source>Tidak dinilai: bagian ini dicatat sebagai data profil instansi dan tidak memengaruhi indeks maturitas maupun NISM.</source>
      <translation>Not scored: this section is recorded as agency profile data and affects neither the maturity index nor NISM.</translation>
    </message>
    <message>
      <source>&amp;Ya</source>
      <translation>&amp;Yes</translation>
    </message>
    <message>
      <source>&amp;Tidak</source>
      <translation>&amp;No</translation>
    </message>
    <message>
      <source>Daftar penghargaan</source>
      <translation>Awards</translation>
    </message>
    <message>
      <source>Tambah &amp;baris</source>
      <translation>Add &amp;row</translation>
    </message>
    <message>
      <source>&amp;Hapus baris</source>
      <translation>&amp;Remove row</translation>
    </message>
  </context>
  <context>
    <name>PropertiesDialog</name>
    <message>
      <source>Properti penilaian {0}</source>
      <translation>Assessment properties {0}</translation>
    </message>
    <message>
      <source>Indeks Sistem Merit = {0} × maturitas + {1} × S − k. Isi S bila hasil survei kepuasan/keterlibatan pegawai sudah diketahui; tanpa S aplikasi menampilkan maturitas saja. Koreksi k ditetapkan verifikator.</source>
      <translation>Merit System Index = {0} × maturity + {1} × S − k. Enter S when the result of the employee satisfaction/engagement survey is known; without S the application shows the maturity only. The correction k is set by the verifier.</translation>
    </message>
    <message>
      <source>Nilai &amp;survei pegawai (S) sudah diketahui</source>
      <translation>Employee &amp;survey figure (S) is known</translation>
    </message>
    <message>
      <source>Nilai survei pegawai S</source>
      <translation>Employee survey figure S</translation>
    </message>
    <message>
      <source>&amp;Koreksi verifikator (k) sudah ditetapkan</source>
      <translation>Verifier &amp;correction (k) has been set</translation>
    </message>
    <message>
      <source>Koreksi verifikator k</source>
      <translation>Verifier correction k</translation>
    </message>
    <message>
      <source>S (0–1):</source>
      <translation>S (0–1):</translation>
    </message>
    <message>
      <source>k (0–1):</source>
      <translation>k (0–1):</translation>
    </message>
  </context>
  <context>
    <name>ProvinceKeyDialog</name>
    <message>
      <source>Kunci provinsi</source>
      <translation>Province key</translation>
    </message>
    <message>
      <source>Kunci provinsi menandatangani sertifikat kantor dan profil provinsi. Lindungi dengan kata sandi minimal {n} karakter; tanpa kata sandi itu sertifikat baru tidak dapat diterbitkan.</source>
      <translation>The province key signs office certificates and the province profile. Protect it with a passphrase of at least {n} characters; without that passphrase no new certificate can be issued.</translation>
    </message>
    <message>
      <source>&amp;Kata sandi:</source>
      <translation>&amp;Passphrase:</translation>
    </message>
    <message>
      <source>&amp;Ulangi:</source>
      <translation>&amp;Repeat:</translation>
    </message>
    <message>
      <source>Sidik jari:</source>
      <translation>Fingerprint:</translation>
    </message>
    <message>
      <source>&amp;Buat kunci</source>
      <translation>&amp;Create key</translation>
    </message>
    <message>
      <source>Kedua kata sandi tidak sama.</source>
      <translation>The two passphrases differ.</translation>
    </message>
    <message>
      <source>Instalasi ini belum diatur sebagai provinsi.</source>
      <translation>This installation is not set up as a province.</translation>
    </message>
    <message>
      <source>Kunci dibuat. Bacakan sidik jari ini kepada kantor lewat telepon.</source>
      <translation>Key created. Read this fingerprint to the offices by telephone.</translation>
    </message>
  </context>
  <context>
    <name>ProvinceWindow</name>
    <message>
      <source>Merit Luring — Provinsi {name}</source>
      <translation>Merit Luring — Province {name}</translation>
    </message>
    <message>
      <source>Memuat data konsolidasi…</source>
      <translation>Loading the consolidated data…</translation>
    </message>
    <message>
      <source>Buka &amp;folder</source>
      <translation>Open &amp;folder</translation>
    </message>
    <message>
      <source>&amp;Tabel</source>
      <translation>&amp;Table</translation>
    </message>
    <message>
      <source>&amp;Peringkat</source>
      <translation>&amp;Ranking</translation>
    </message>
    <message>
      <source>Peta &amp;panas</source>
      <translation>&amp;Heat map</translation>
    </message>
    <message>
      <source>&amp;Tahun:</source>
      <translation>&amp;Year:</translation>
    </message>
    <message>
      <source>&amp;Impor paket…</source>
      <translation>&amp;Import packages…</translation>
    </message>
    <message>
      <source>Ekspor tabel ke &amp;XLSX…</source>
      <translation>Export table to &amp;XLSX…</translation>
    </message>
    <message>
      <source>Ekspor tabel ke &amp;CSV…</source>
      <translation>Export table to &amp;CSV…</translation>
    </message>
    <message>
      <source>&amp;Keluar</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Kunci provinsi…</source>
      <translation>Province &amp;key…</translation>
    </message>
    <message>
      <source>Ekspor &amp;profil provinsi…</source>
      <translation>Export province &amp;profile…</translation>
    </message>
    <message>
      <source>&amp;Daftarkan kantor…</source>
      <translation>&amp;Enrol office…</translation>
    </message>
    <message>
      <source>Tambahkan &amp;instrumen ke profil…</source>
      <translation>Add an &amp;instrument to the profile…</translation>
    </message>
    <message>
      <source>Kantor &amp;terdaftar…</source>
      <translation>&amp;Enrolled offices…</translation>
    </message>
    <message>
      <source>&amp;Berkas</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Pengaturan…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <source>&amp;Tentang Merit Luring</source>
      <translation>&amp;About Merit Luring</translation>
    </message>
    <message>
      <source>&amp;Panduan singkat</source>
      <translation>&amp;Quick guide</translation>
    </message>
    <message>
      <source>&amp;Provinsi</source>
      <translation>&amp;Province</translation>
    </message>
    <message>
      <source>Ban&amp;tuan</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>Utama</source>
      <translation>Main</translation>
    </message>
    <message>
      <source>Instalasi ini belum diatur sebagai provinsi.</source>
      <translation>This installation is not set up as a province.</translation>
    </message>
    <message>
      <source>Memuat data konsolidasi tahun {year}…</source>
      <translation>Loading the consolidated data for {year}…</translation>
    </message>
    <message>
      <source>Data konsolidasi tidak dapat dimuat: {error}</source>
      <translation>The consolidated data could not be loaded: {error}</translation>
    </message>
    <message>
      <source>Provinsi {name}, tahun {year}: {received} dari {total} kabupaten/kota telah mengirim paket</source>
      <translation>Province {name}, year {year}: {received} of {total} regencies/cities have sent a package</translation>
    </message>
    <message>
      <source>Kunci provinsi belum dibuat: buka menu Provinsi › Kunci provinsi.</source>
      <translation>The province key has not been created: open Province › Province key.</translation>
    </message>
    <message>
      <source>* Angka sementara: bobot aspek 2–7 belum resmi.</source>
      <translation>* Provisional figure: the weights of aspects 2–7 are not official yet.</translation>
    </message>
    <message>
      <source>Kabupaten/kota tahun ini dinilai dengan versi instrumen berbeda ({versions}); lihat tip kolom Indeks.</source>
      <translation>Regencies/cities were assessed this year with different instrument versions ({versions}); see the Index tooltip.</translation>
    </message>
    <message>
      <source>M = maturitas tanpa nilai survei S: diurutkan terpisah dari NISM.</source>
      <translation>M = maturity without survey figure S: sorted apart from NISM.</translation>
    </message>
    <message>
      <source>Ekspor gagal</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>{path} tidak dapat ditulis: {error} Berkas lama (jika ada) tidak berubah.</source>
      <translation>{path} could not be written: {error} The old file (if any) is unchanged.</translation>
    </message>
    <message>
      <source>Ditulis ke {path}</source>
      <translation>Written to {path}</translation>
    </message>
    <message>
      <source>Tabel ditulis ({size}): {path}</source>
      <translation>Table written ({size}): {path}</translation>
    </message>
    <message>
      <source>Ekspor ke XLSX</source>
      <translation>Export to XLSX</translation>
    </message>
    <message>
      <source>Ekspor ke CSV</source>
      <translation>Export to CSV</translation>
    </message>
    <message>
      <source>Ekspor profil provinsi</source>
      <translation>Export province profile</translation>
    </message>
    <message>
      <source>Profil provinsi (*.json)</source>
      <translation>Province profile (*.json)</translation>
    </message>
    <message>
      <source>Profil provinsi</source>
      <translation>Province profile</translation>
    </message>
    <message>
      <source>Profil ditulis ke {path}.
Sidik jari kunci provinsi: {fingerprint}</source>
      <translation>Profile written to {path}.
Province key fingerprint: {fingerprint}</translation>
    </message>
    <message>
      <source>Pilih berkas instrumen</source>
      <translation>Choose an instrument file</translation>
    </message>
    <message>
      <source>Instrumen (*.json)</source>
      <translation>Instrument (*.json)</translation>
    </message>
    <message>
      <source>Instrumen tidak dapat ditambahkan</source>
      <translation>The instrument cannot be added</translation>
    </message>
    <message>
      <source>{title}
{id} versi {version} (urutan {sequence}), {items} butir.</source>
      <translation>{title}
{id} version {version} (sequence {sequence}), {items} items.</translation>
    </message>
    <message>
      <source>Yang berlaku kini: versi {version} (urutan {sequence}).</source>
      <translation>In use now: version {version} (sequence {sequence}).</translation>
    </message>
    <message>
      <source>Tambahkan instrumen ke profil</source>
      <translation>Add the instrument to the profile</translation>
    </message>
    <message>
      <source>Instrumen ini akan ditandatangani kunci provinsi: kabupaten/kota yang memasang profil provinsi berikutnya akan menilai dengan instrumen ini. Lanjutkan hanya bila berkasnya dari sumber resmi.</source>
      <translation>This instrument will be signed with the province key: kabupaten/kota that install the province's next profile will assess with it. Go on only if the file comes from an official source.</translation>
    </message>
    <message>
      <source>Tandatangani dan tambahkan</source>
      <translation>Sign and add</translation>
    </message>
    <message>
      <source>Instrumen ditambahkan</source>
      <translation>Instrument added</translation>
    </message>
    <message>
      <source>Instrumen {id} versi {version} ditandatangani kunci provinsi dan ikut dalam setiap profil yang diekspor mulai sekarang. Ekspor profil provinsi (menu Provinsi) dan kirim ke kabupaten/kota.</source>
      <translation>Instrument {id} version {version} is signed with the province key and goes with every profile exported from now on. Export the province profile (Province menu) and send it to the kabupaten/kota.</translation>
    </message>
    <message>
      <source>Periksa &amp;Berita Acara…</source>
      <translation>Check hand-over &amp;record…</translation>
    </message>
  </context>
  <context>
    <name>RankingChart</name>
    <message>
      <source>Peringkat indeks kabupaten/kota {year}</source>
      <translation>Regency/city index ranking {year}</translation>
    </message>
    <message>
      <source>Belum ada paket yang diterima untuk tahun ini.</source>
      <translation>No package received for this year yet.</translation>
    </message>
    <message>
      <source>M = maturitas tanpa nilai survei S (warna: perkiraan predikat); diperingkat terpisah di bawah garis, tidak sebanding dengan NISM.</source>
      <translation>M = maturity without survey figure S (colour: estimated rating); ranked separately below the line, not comparable with NISM.</translation>
    </message>
    <message>
      <source>Belum mengirim ({count}): {names}</source>
      <translation>Not yet sent ({count}): {names}</translation>
    </message>
  </context>
  <context>
    <name>RegionWizardPage</name>
    <message>
      <source>Wilayah dan nama kantor</source>
      <translation>Region and office name</translation>
    </message>
    <message>
      <source>— Semua provinsi —</source>
      <translation>— All provinces —</translation>
    </message>
    <message>
      <source>Ketik sebagian nama, mis. Bangka</source>
      <translation>Type part of the name, e.g. Bangka</translation>
    </message>
    <message>
      <source>&amp;Provinsi:</source>
      <translation>&amp;Province:</translation>
    </message>
    <message>
      <source>&amp;Cari kabupaten/kota:</source>
      <translation>&amp;Search regency/city:</translation>
    </message>
    <message>
      <source>&amp;Kabupaten/kota:</source>
      <translation>&amp;Regency/city:</translation>
    </message>
    <message>
      <source>&amp;Nama kantor:</source>
      <translation>Office &amp;name:</translation>
    </message>
    <message>
      <source>Pilih provinsi Anda dari daftar resmi Kemendagri; ketik untuk mencari.</source>
      <translation>Choose your province from the official Ministry of Home Affairs list; type to search.</translation>
    </message>
    <message>
      <source>&amp;Cari provinsi:</source>
      <translation>&amp;Search province:</translation>
    </message>
    <message>
      <source>P&amp;rovinsi:</source>
      <translation>P&amp;rovince:</translation>
    </message>
    <message>
      <source>Pilih provinsi dari daftar.</source>
      <translation>Choose a province from the list.</translation>
    </message>
    <message>
      <source>Pilih kabupaten/kota Anda dari daftar resmi Kemendagri; ketik untuk mencari.</source>
      <translation>Choose your regency/city from the official Ministry of Home Affairs list; type to search.</translation>
    </message>
    <message>
      <source>Pilih kabupaten/kota dari daftar.</source>
      <translation>Choose a regency/city from the list.</translation>
    </message>
    <message>
      <source>Nama kantor tidak boleh kosong.</source>
      <translation>The office name must not be empty.</translation>
    </message>
    <message>
      <source>Kode wilayah: {code} · Provinsi {province}</source>
      <translation>Region code: {code} · Province {province}</translation>
    </message>
  </context>
  <context>
    <name>ReportActions</name>
    <message>
      <source>Pratinjau dan &amp;cetak laporan…</source>
      <translation>Print pre&amp;view and print report…</translation>
    </message>
    <message>
      <source>Simpan laporan P&amp;DF…</source>
      <translation>Save report as P&amp;DF…</translation>
    </message>
    <message>
      <source>Ekspor kertas &amp;kerja XLSX…</source>
      <translation>Export wor&amp;ksheet XLSX…</translation>
    </message>
    <message>
      <source>Ekspor &amp;bukti dukung per butir…</source>
      <translation>Export evidence per &amp;item…</translation>
    </message>
    <message>
      <source>Berita &amp;Acara paket…</source>
      <translation>Package hand-over &amp;record…</translation>
    </message>
    <message>
      <source>Mulai &amp;tahun baru dari tahun lalu…</source>
      <translation>Start new &amp;year from last year…</translation>
    </message>
    <message>
      <source>&amp;Rencana peningkatan dan bagaimana jika…</source>
      <translation>Improvement &amp;plan and what if…</translation>
    </message>
    <message>
      <source>Belum ada penilaian terbuka</source>
      <translation>No assessment open</translation>
    </message>
    <message>
      <source>Buka penilaian dari daftar terlebih dahulu.</source>
      <translation>Open an assessment from the list first.</translation>
    </message>
    <message>
      <source>Disimpan: {0}</source>
      <translation>Saved: {0}</translation>
    </message>
    <message>
      <source>Pratinjau laporan {0}</source>
      <translation>Report preview {0}</translation>
    </message>
    <message>
      <source>Simpan laporan PDF</source>
      <translation>Save PDF report</translation>
    </message>
    <message>
      <source>Dokumen PDF (*.pdf)</source>
      <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
      <source>Laporan tidak tersimpan</source>
      <translation>Report not saved</translation>
    </message>
    <message>
      <source>Ekspor kertas kerja</source>
      <translation>Export worksheet</translation>
    </message>
    <message>
      <source>Buku kerja Excel (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>Kertas kerja tidak tersimpan</source>
      <translation>Worksheet not saved</translation>
    </message>
    <message>
      <source>Pilih folder untuk bukti dukung (satu subfolder per butir)</source>
      <translation>Choose a folder for the evidence (one subfolder per item)</translation>
    </message>
    <message>
      <source>Menyalin bukti dukung…</source>
      <translation>Copying evidence…</translation>
    </message>
    <message>
      <source>Bukti dukung tidak lengkap tersalin</source>
      <translation>Evidence not completely copied</translation>
    </message>
    <message>
      <source>Bukti dukung diekspor</source>
      <translation>Evidence exported</translation>
    </message>
    <message>
      <source>{files} berkas dalam {folders} folder butir disalin ke
{path}</source>
      <translation>{files} files in {folders} item folders copied to
{path}</translation>
    </message>
    <message>
      <source>Pilih berkas paket yang diekspor</source>
      <translation>Choose the exported package file</translation>
    </message>
    <message>
      <source>Paket Merit Luring (*.merit)</source>
      <translation>Merit Luring package (*.merit)</translation>
    </message>
    <message>
      <source>Bukan paket</source>
      <translation>Not a package</translation>
    </message>
    <message>
      <source>Simpan Berita Acara</source>
      <translation>Save hand-over record</translation>
    </message>
    <message>
      <source>Belum ada penilaian</source>
      <translation>No assessment yet</translation>
    </message>
    <message>
      <source>Belum ada penilaian tahun lalu untuk dibawa.</source>
      <translation>There is no earlier assessment to carry forward.</translation>
    </message>
    <message>
      <source>Mulai tahun baru</source>
      <translation>Start a new year</translation>
    </message>
    <message>
      <source>Bawa jawaban dan bukti dukung dari tahun:</source>
      <translation>Carry answers and evidence from year:</translation>
    </message>
    <message>
      <source>Tahun baru tidak dapat dibuat</source>
      <translation>The new year cannot be created</translation>
    </message>
    <message>
      <source>Penilaian {0} dibuat</source>
      <translation>Assessment {0} created</translation>
    </message>
    <message>
      <source>{answers} jawaban dan {evidence} bukti dukung dibawa dari {year}. Setiap butir ditandai "belum ditinjau tahun ini" sampai diubah atau dikonfirmasi di Periksa kelengkapan (F7).</source>
      <translation>{answers} answers and {evidence} evidence files carried from {year}. Each item is marked "not reviewed this year" until it is changed or confirmed in Check completeness (F7).</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>Tinjauan {office} — {year} revisi {revision}</source>
      <translation>Review {office} — {year} revision {revision}</translation>
    </message>
    <message>
      <source>&amp;Buka bukti</source>
      <translation>&amp;Open evidence</translation>
    </message>
    <message>
      <source>Catatan verifikator (wajib bila tingkat berbeda)</source>
      <translation>Verifier's note (required when the level differs)</translation>
    </message>
    <message>
      <source>&amp;Terima tingkat kantor</source>
      <translation>&amp;Accept the office's level</translation>
    </message>
    <message>
      <source>&amp;Simpan tingkat verifikasi</source>
      <translation>&amp;Save verified level</translation>
    </message>
    <message>
      <source>Hasil verifikasi butir ini</source>
      <translation>Verification of this item</translation>
    </message>
    <message>
      <source>Tingkat terverifikasi:</source>
      <translation>Verified level:</translation>
    </message>
    <message>
      <source>Catatan:</source>
      <translation>Note:</translation>
    </message>
    <message>
      <source>Bukti dukung kantor:</source>
      <translation>Office's evidence:</translation>
    </message>
    <message>
      <source>Alasan koreksi (wajib bila k di atas 0)</source>
      <translation>Reason for the correction (required when k is above 0)</translation>
    </message>
    <message>
      <source>Simpan &amp;koreksi</source>
      <translation>Save &amp;correction</translation>
    </message>
    <message>
      <source>Koreksi k:</source>
      <translation>Correction k:</translation>
    </message>
    <message>
      <source>Terima &amp;semua sisanya</source>
      <translation>Accept all the &amp;rest</translation>
    </message>
    <message>
      <source>&amp;Ekspor hasil verifikasi…</source>
      <translation>&amp;Export verification result…</translation>
    </message>
    <message>
      <source>Tanda te&amp;rima…</source>
      <translation>Recei&amp;pt…</translation>
    </message>
    <message>
      <source>{item}  mandiri {own} · belum ditinjau</source>
      <translation>{item}  self {own} · not reviewed</translation>
    </message>
    <message>
      <source>{item}  mandiri {own} → {verified} {mark}</source>
      <translation>{item}  self {own} → {verified} {mark}</translation>
    </message>
    <message>
      <source>{reviewed}/{total} butir ditinjau</source>
      <translation>{reviewed}/{total} items reviewed</translation>
    </message>
    <message>
      <source>Penilaian mandiri: {own}
Hasil verifikasi: {verified}</source>
      <translation>Self-assessment: {own}
Verified: {verified}</translation>
    </message>
    <message>
      <source>Tingkat mandiri kantor: belum dijawab</source>
      <translation>Office's own level: not answered</translation>
    </message>
    <message>
      <source>Tingkat mandiri kantor: {level} — {descriptor}</source>
      <translation>Office's own level: {level} — {descriptor}</translation>
    </message>
    <message>
      <source>Penjelasan kantor: {text}</source>
      <translation>Office's justification: {text}</translation>
    </message>
    <message>
      <source>Bukti dukung tidak dapat dibuka: {error}</source>
      <translation>The evidence cannot be opened: {error}</translation>
    </message>
    <message>
      <source>Hasil verifikasi ditulis ke {path}</source>
      <translation>Verification result written to {path}</translation>
    </message>
    <message>
      <source>Tanda terima ditulis ke {path}</source>
      <translation>Receipt written to {path}</translation>
    </message>
    <message>
      <source>Ekspor hasil verifikasi</source>
      <translation>Export verification result</translation>
    </message>
    <message>
      <source>Hasil verifikasi (*.meritv)</source>
      <translation>Verification result (*.meritv)</translation>
    </message>
    <message>
      <source>Simpan tanda terima</source>
      <translation>Save receipt</translation>
    </message>
    <message>
      <source>Tanda terima (*.meritr)</source>
      <translation>Receipt (*.meritr)</translation>
    </message>
  </context>
  <context>
    <name>ScorePanel</name>
    <message>
      <source>SEMENTARA</source>
      <translation>PROVISIONAL</translation>
    </message>
    <message>
      <source>Grafik radar skor per aspek</source>
      <translation>Radar chart of the score by aspect</translation>
    </message>
    <message>
      <source>Skor per aspek</source>
      <translation>Score by aspect</translation>
    </message>
    <message>
      <source>Per aspek</source>
      <translation>By aspect</translation>
    </message>
    <message>
      <source>Skor</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Belum ada penilaian yang dibuka.</source>
      <translation>No assessment is open.</translation>
    </message>
    <message>
      <source>perkiraan: {band}</source>
      <translation>estimate: {band}</translation>
    </message>
    <message>
      <source>Pita predikat: {kind} — {source}</source>
      <translation>Rating bands: {kind} — {source}</translation>
    </message>
    <message>
      <source>Nilai</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Nilai {nilai} — {band}</source>
      <translation>Score {nilai} — {band}</translation>
    </message>
    <message>
      <source>Skala {low}–{high}</source>
      <translation>Scale {low}–{high}</translation>
    </message>
    <message>
      <source>Indeks Sistem Merit (NISM)</source>
      <translation>Merit System Index (NISM)</translation>
    </message>
    <message>
      <source>NISM {nism} — {band}</source>
      <translation>NISM {nism} — {band}</translation>
    </message>
    <message>
      <source>Maturitas M {m} · survei S {s} · koreksi k {k}</source>
      <translation>Maturity M {m} · survey S {s} · correction k {k}</translation>
    </message>
    <message>
      <source>NISM negatif: koreksi k melebihi nilai lainnya; berada di bawah semua pita predikat.</source>
      <translation>Negative NISM: correction k exceeds the rest; below every rating band.</translation>
    </message>
    <message>
      <source>Maturitas (M)</source>
      <translation>Maturity (M)</translation>
    </message>
    <message>
      <source>Maturitas {m} — perkiraan predikat bila nilai survei sama dengan maturitas: {band}</source>
      <translation>Maturity {m} — estimated rating if the survey figure equalled maturity: {band}</translation>
    </message>
    <message>
      <source>NISM: menunggu nilai survei. Predikat hanya berlaku untuk NISM; warna menunjukkan perkiraan.</source>
      <translation>NISM: waiting for the survey figure. Ratings apply to NISM only; the colour shows an estimate.</translation>
    </message>
    <message>
      <source>Koreksi k {k} menunggu nilai survei S (belum diterapkan).</source>
      <translation>Correction k {k} waits for survey figure S (not applied yet).</translation>
    </message>
    <message>
      <source>Sudah berada di pita tertinggi.</source>
      <translation>Already in the highest band.</translation>
    </message>
    <message>
      <source>Kurang {missing} poin lagi menuju {band} (mulai {minimum})</source>
      <translation>{missing} more points to reach {band} (from {minimum})</translation>
    </message>
    <message>
      <source>Kurang {missing} lagi menuju perkiraan {band} (mulai {minimum})</source>
      <translation>{missing} more to the estimated {band} (from {minimum})</translation>
    </message>
    <message>
      <source>Kurang {missing} lagi menuju {band} (mulai {minimum})</source>
      <translation>{missing} more to reach {band} (from {minimum})</translation>
    </message>
    <message>
      <source>{answered} dari {applicable} butir yang berlaku sudah dijawab</source>
      <translation>{answered} of {applicable} applicable items answered</translation>
    </message>
    <message>
      <source> ({count} belum)</source>
      <translation> ({count} unanswered)</translation>
    </message>
    <message>
      <source>; {count} tidak berlaku</source>
      <translation>; {count} not applicable</translation>
    </message>
    <message>
      <source>Butir yang belum dijawab dihitung di tingkat terendah, jadi skor ini batas bawah yang hanya bisa naik. Butir yang tidak berlaku tidak dihitung.</source>
      <translation>Unanswered items count at the lowest level, so this score is a floor that can only rise. Items that do not apply are not counted.</translation>
    </message>
    <message>
      <source>Bobot aspek {aspects} belum resmi: dipakai bobot sementara (bagian sama dari sisa bobot) sampai lampiran resmi terbit. Angka ini perkiraan, bukan nilai resmi.</source>
      <translation>The weights of aspects {aspects} are not official yet: provisional weights (equal shares of the remaining weight) are used until the official annex is published. This figure is an estimate, not an official score.</translation>
    </message>
    <message>
      <source>tidak berlaku</source>
      <translation>not applicable</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Pengaturan</source>
      <translation>Settings</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <source>Pengaturan awal — {app}</source>
      <translation>Initial setup — {app}</translation>
    </message>
    <message>
      <source>Pengaturan belum tersimpan: {error}</source>
      <translation>Settings not saved: {error}</translation>
    </message>
    <message>
      <source>wilayah belum dipilih</source>
      <translation>no region chosen</translation>
    </message>
  </context>
  <context>
    <name>ValidationDialog</name>
    <message>
      <source>Periksa kelengkapan sebelum finalisasi</source>
      <translation>Check completeness before finalizing</translation>
    </message>
    <message>
      <source>Daftar hal yang perlu diselesaikan</source>
      <translation>List of things to resolve</translation>
    </message>
    <message>
      <source>Tekan Enter atau klik ganda untuk membuka butirnya.</source>
      <translation>Press Enter or double-click to open the item.</translation>
    </message>
    <message>
      <source>&amp;Buka butir</source>
      <translation>&amp;Open item</translation>
    </message>
    <message>
      <source>Periksa &amp;ulang</source>
      <translation>Check &amp;again</translation>
    </message>
    <message>
      <source>&amp;Konfirmasi sudah ditinjau</source>
      <translation>&amp;Confirm reviewed</translation>
    </message>
    <message>
      <source>Konfirmasi &amp;semua yang dibawa</source>
      <translation>Confirm &amp;all carried</translation>
    </message>
    <message>
      <source>Ada perubahan yang belum tersimpan; daftar ini memakai data tersimpan.</source>
      <translation>Some changes are not saved yet; this list uses the saved data.</translation>
    </message>
    <message>
      <source>Semua butir yang berlaku sudah dijawab dan lengkap. Penilaian siap difinalisasi.</source>
      <translation>Every applicable item is answered and complete. The assessment is ready to be finalized.</translation>
    </message>
    <message>
      <source>Tidak ada yang menghalangi finalisasi; {0} catatan perlu dilihat.</source>
      <translation>Nothing blocks finalizing; {0} notes deserve a look.</translation>
    </message>
    <message>
      <source>{0} hal harus diselesaikan sebelum finalisasi.</source>
      <translation>{0} things must be resolved before finalizing.</translation>
    </message>
    <message>
      <source>{0} Tidak menghalangi finalisasi.</source>
      <translation>{0} Does not block finalizing.</translation>
    </message>
  </context>
  <context>
    <name>VerificationView</name>
    <message>
      <source>(hasil verifikasi {which})</source>
      <translation>(verification of {which})</translation>
    </message>
    <message>
      <source>Hasil verifikasi provinsi ({reviewer}, {date}): {verified}
Indeks mandiri {own} · hasil verifikasi {index}</source>
      <translation>Province's verification ({reviewer}, {date}): {verified}
Self-assessed index {own} · verified {index}</translation>
    </message>
    <message>
      <source>Impor hasil verifikasi atau tanda terima</source>
      <translation>Import verification result or receipt</translation>
    </message>
    <message>
      <source>Dari provinsi (*.meritv *.meritr);;Semua berkas (*)</source>
      <translation>From the province (*.meritv *.meritr);;All files (*)</translation>
    </message>
    <message>
      <source>Berkas dari provinsi</source>
      <translation>File from the province</translation>
    </message>
    <message>
      <source>Berkas dari provinsi ditolak</source>
      <translation>File from the province refused</translation>
    </message>
  </context>
  <context>
    <name>WelcomeWizardPage</name>
    <message>
      <source>Selamat datang di {app}</source>
      <translation>Welcome to {app}</translation>
    </message>
    <message>
      <source>Penilaian mandiri Sistem Merit tanpa internet. Beberapa langkah singkat menyiapkan aplikasi untuk kantor Anda.</source>
      <translation>Merit System self-assessment without internet. A few short steps prepare the application for your office.</translation>
    </message>
    <message>
      <source>Aplikasi ini dipakai oleh:</source>
      <translation>This application is used by:</translation>
    </message>
    <message>
      <source>Kantor kabupaten/kota (BKPSDM/BKD) yang mengisi penilaian</source>
      <translation>A regency/city office (BKPSDM/BKD) that fills in the assessment</translation>
    </message>
    <message>
      <source>Provinsi yang membina dan menghimpun paket kabupaten/kota</source>
      <translation>A province that coaches and collects the regency/city packages</translation>
    </message>
    <message>
      <source>Ingin mencoba dulu? Data contoh memuat Kabupaten Bangka dengan penilaian lengkap dan bukti dukung contoh. Data contoh disimpan di folder tersendiri, terpisah dari data kantor Anda, dan dapat ditinggalkan kapan saja (menu Berkas → Keluar dari data contoh).</source>
      <translation>Want to try it first? The sample data holds Kabupaten Bangka with a complete assessment and sample evidence. It is kept in a folder of its own, apart from your office's data, and can be left at any time (File menu → Leave the sample data).</translation>
    </message>
    <message>
      <source>Gunakan data contoh</source>
      <translation>Use demo data</translation>
    </message>
    <message>
      <source>Data contoh tidak dapat dibuat: {error}</source>
      <translation>The demo data could not be created: {error}</translation>
    </message>
  </context>
  <context>
    <name>Workspace</name>
    <message>
      <source>← &amp;Kembali ke daftar</source>
      <translation>← &amp;Back to the list</translation>
    </message>
    <message>
      <source>Draf</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Final — hanya baca</source>
      <translation>Final — read only</translation>
    </message>
    <message>
      <source>Penilaian {0} · revisi {1} · {2}</source>
      <translation>Assessment {0} · revision {1} · {2}</translation>
    </message>
    <message>
      <source>&amp;Skor</source>
      <translation>&amp;Score</translation>
    </message>
    <message>
      <source>&amp;Riwayat butir</source>
      <translation>Item &amp;history</translation>
    </message>
    <message>
      <source>9. Profil penghargaan (tidak dinilai)…</source>
      <translation>9. Awards profile (not scored)…</translation>
    </message>
  </context>
  <context>
    <name>YearOverYearLabels</name>
    <message>
      <source>Dibawa dari tahun lalu — belum ditinjau tahun ini. Ubah jawabannya, atau konfirmasi di Periksa kelengkapan (F7).</source>
      <translation>Carried from last year — not reviewed this year. Change the answer, or confirm it in Check completeness (F7).</translation>
    </message>
    <message>
      <source>Dibanding {year}: {delta} ({before} → {now})</source>
      <translation>Against {year}: {delta} ({before} → {now})</translation>
    </message>
    <message>
      <source> — tahun lalu {kind}, bandingkan dengan hati-hati</source>
      <translation> — last year {kind}, compare with care</translation>
    </message>
    <message>
      <source>maturitas</source>
      <translation>maturity</translation>
    </message>
    <message>
      <source>Tahun lalu ({year}): belum dijawab atau tidak berlaku</source>
      <translation>Last year ({year}): unanswered or not applicable</translation>
    </message>
    <message>
      <source>Tahun lalu ({year}): tingkat {before}; tahun ini belum dijawab</source>
      <translation>Last year ({year}): level {before}; not answered this year</translation>
    </message>
    <message>
      <source>Tahun lalu ({year}): tingkat {before} → sekarang {now} ({delta})</source>
      <translation>Last year ({year}): level {before} → now {now} ({delta})</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Paket penilaian</source>
      <translation>Assessment package</translation>
    </message>
    <message>
      <source>{0} adalah paket penilaian untuk provinsi. Paket diperiksa dan diimpor oleh aplikasi dalam mode provinsi; kirim berkas ini ke provinsi tanpa mengubahnya.</source>
      <translation>{0} is an assessment package for the province. Packages are checked and imported by the application in province mode; send this file to the province unchanged.</translation>
    </message>
    <message>
      <source>Data tidak dapat dibuka</source>
      <translation>The data cannot be opened</translation>
    </message>
    <message>
      <source>Cadangan otomatis gagal</source>
      <translation>Automatic backup failed</translation>
    </message>
    <message>
      <source>Cadangan otomatis saat mulai tidak dapat dibuat. {0}</source>
      <translation>The automatic backup at start could not be taken. {0}</translation>
    </message>
    <message>
      <source>Perhatian</source>
      <translation>Attention</translation>
    </message>
    <message>
      <source>Beberapa berkas di folder data {0} tidak dipakai atau dipindahkan. Tidak ada yang dihapus.</source>
      <translation>Some files in data folder {0} are not used or were moved. Nothing was deleted.</translation>
    </message>
    <message>
      <source>Merit Luring sudah terbuka</source>
      <translation>Merit Luring is already open</translation>
    </message>
    <message>
      <source>Merit Luring sudah terbuka untuk folder ini. Gunakan jendela yang sudah terbuka, atau tutup dahulu lalu buka lagi.

Folder: {0}
{1}</source>
      <translation>Merit Luring is already open for this folder. Use the window that is open, or close it first and open again.

Folder: {0}
{1}</translation>
    </message>
    <message>
      <source>Pemulihan gagal</source>
      <translation>Restore failed</translation>
    </message>
    <message>
      <source>Data dipulihkan</source>
      <translation>Data restored</translation>
    </message>
    <message>
      <source>Data dipulihkan dari cadangan. Salinan data sebelumnya disimpan di:
{0}</source>
      <translation>Data restored from the backup. A copy of the previous data is kept in:
{0}</translation>
    </message>
  </context>
  <context>
    <name>dialog</name>
    <message>
      <source>Pemulihan gagal</source>
      <translation>Restore failed</translation>
    </message>
    <message>
      <source>{0}
Tidak ada berkas yang diubah atau dipindahkan.</source>
      <translation>{0}
No file was changed or moved.</translation>
    </message>
    <message>
      <source>(tidak ada)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>Data dipulihkan</source>
      <translation>Data restored</translation>
    </message>
    <message>
      <source>Data dipulihkan dari cadangan. Salinan berkas yang rusak disimpan di:
{0}</source>
      <translation>Data restored from the backup. A copy of the damaged file is kept in:
{0}</translation>
    </message>
  </context>
  <context>
    <name>evidence</name>
    <message>
      <source>Tidak ada penampil</source>
      <translation>No viewer</translation>
    </message>
    <message>
      <source>Tidak ada aplikasi untuk membuka {0}. Salinannya ada di {1}.</source>
      <translation>No application can open {0}. A copy is at {1}.</translation>
    </message>
    <message>
      <source>Bukti dukung tidak dapat dibuka</source>
      <translation>The evidence cannot be opened</translation>
    </message>
    <message>
      <source>Berkas bukti {0} tidak dapat disalin untuk dibuka: {1}</source>
      <translation>Evidence file {0} could not be copied for opening: {1}</translation>
    </message>
    <message>
      <source>Membuka bukti dukung</source>
      <translation>Opening evidence</translation>
    </message>
    <message>
      <source>Menyiapkan {0}…</source>
      <translation>Preparing {0}…</translation>
    </message>
  </context>
  <context>
    <name>gates</name>
    <message>
      <source>Ubah jawaban…</source>
      <translation>Change the answer…</translation>
    </message>
    <message>
      <source>Belum dikonfirmasi: pilih jawabannya. Sampai dipilih, nilai dihitung dengan «{0}» dan finalisasi belum bisa dilakukan.</source>
      <translation>Not confirmed: choose the answer. Until then the score uses «{0}» and the assessment cannot be finalized.</translation>
    </message>
    <message>
      <source>Jawaban: {0}</source>
      <translation>Answer: {0}</translation>
    </message>
    <message>
      <source>Butir ini tidak berlaku karena jawaban pertanyaan pembuka «{0}» adalah «{1}». Butir ini hanya berlaku bila jawabannya: {2}. Butir yang tidak berlaku tidak dihitung (bukan dianggap nol).</source>
      <translation>This item does not apply because the answer to the screening question «{0}» is «{1}». It applies only when the answer is: {2}. Items that do not apply are not counted (not treated as zero).</translation>
    </message>
  </context>
  <context>
    <name>help</name>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Langkah provinsi&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Provinsi › Kunci provinsi&lt;/b&gt;: buat kunci sekali saja; simpan kata sandinya.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Provinsi › Ekspor profil provinsi&lt;/b&gt;: kirim berkasnya ke setiap kabupaten/kota.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Provinsi › Daftarkan kantor&lt;/b&gt;: buka permintaan pendaftaran dari kantor, cocokkan sidik jari lewat telepon, lalu kirim sertifikatnya.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Berkas › Impor paket&lt;/b&gt;: pilih berkas .merit atau foldernya. Yang ditolak tampil dengan alasan dan langkah perbaikannya, dan kantornya bertanda &lt;i&gt;Ditolak&lt;/i&gt; di tabel.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Berkas › Ekspor tabel&lt;/b&gt;: XLSX atau CSV untuk rapat dan laporan.&lt;/li&gt;&lt;/ol&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Province steps&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Province › Province key&lt;/b&gt;: create the key once; keep its passphrase.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Province › Export province profile&lt;/b&gt;: send the file to every kabupaten/kota.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Province › Enrol an office&lt;/b&gt;: open the office's enrolment request, check the fingerprint by phone, then send the certificate.&lt;/li&gt;&lt;li&gt;&lt;b&gt;File › Import packages&lt;/b&gt;: choose .merit files or their folder. Rejected ones show the reason and how to fix it, and the office is marked &lt;i&gt;Rejected&lt;/i&gt; in the table.&lt;/li&gt;&lt;li&gt;&lt;b&gt;File › Export table&lt;/b&gt;: XLSX or CSV for meetings and reports.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Langkah kantor&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Jawab pertanyaan pembuka, lalu setiap butir: pilih tingkat (klik, atau tombol 0–4 di daftar butir), tulis penjelasan, tambahkan bukti dukung. Semua tersimpan otomatis; Ctrl+Z mengurungkan.&lt;/li&gt;&lt;li&gt;&lt;b&gt;F7&lt;/b&gt; memeriksa kelengkapan; klik ganda untuk membuka butirnya.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Penilaian › Kunci kantor dan pendaftaran&lt;/b&gt;: buat kunci, kirim permintaan pendaftaran, impor profil provinsi, lalu sertifikat.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Penilaian › Finalisasi dan ekspor paket&lt;/b&gt; (Ctrl+E): kirim berkas .merit ke provinsi.&lt;/li&gt;&lt;/ol&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Office steps&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Answer the opening questions, then each item: choose the level (click, or keys 0–4 in the item list), write the justification, add evidence. Everything is saved at once; Ctrl+Z undoes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;F7&lt;/b&gt; checks completeness; double-click to open the item.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Assessment › Office key and enrolment&lt;/b&gt;: create the key, send the enrolment request, import the province profile, then the certificate.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Assessment › Finalize and export package&lt;/b&gt; (Ctrl+E): send the .merit file to the province.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
      <source>Panduan singkat</source>
      <translation>Quick guide</translation>
    </message>
  </context>
  <context>
    <name>history</name>
    <message>
      <source>Penilaian dibuat</source>
      <translation>Assessment created</translation>
    </message>
    <message>
      <source>Tingkat</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Penjelasan</source>
      <translation>Justification</translation>
    </message>
    <message>
      <source>Perlu ditinjau</source>
      <translation>Needs review</translation>
    </message>
    <message>
      <source>Catatan tinjauan</source>
      <translation>Review note</translation>
    </message>
    <message>
      <source>Bukti ditambahkan</source>
      <translation>Evidence added</translation>
    </message>
    <message>
      <source>Bukti dihapus</source>
      <translation>Evidence removed</translation>
    </message>
    <message>
      <source>Bukti dikembalikan</source>
      <translation>Evidence restored</translation>
    </message>
    <message>
      <source>Label bukti</source>
      <translation>Evidence label</translation>
    </message>
    <message>
      <source>Nilai survei (S)</source>
      <translation>Survey figure (S)</translation>
    </message>
    <message>
      <source>Koreksi (k)</source>
      <translation>Correction (k)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Pertanyaan pembuka {0}</source>
      <translation>Screening question {0}</translation>
    </message>
    <message>
      <source>Profil penghargaan (tidak dinilai)</source>
      <translation>Awards profile (not scored)</translation>
    </message>
    <message>
      <source>Ya</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>Tidak</source>
      <translation>No</translation>
    </message>
    <message>
      <source>Skor saat finalisasi disimpan</source>
      <translation>Scores at finalizing recorded</translation>
    </message>
    <message>
      <source>Difinalisasi tanpa nilai survei S (dikonfirmasi)</source>
      <translation>Finalized without survey figure S (confirmed)</translation>
    </message>
    <message>
      <source>Instrumen dipindahkan: versi {0} → {1}</source>
      <translation>Instrument moved: version {0} → {1}</translation>
    </message>
    <message>
      <source>Dibuka sebagai revisi baru dari revisi {0}</source>
      <translation>Reopened as a new revision of revision {0}</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>Disk penuh: tidak ada ruang untuk menulis. Kosongkan ruang (hapus atau pindahkan berkas yang tidak diperlukan) atau pilih disk lain, lalu coba lagi.</source>
      <translation>The disk is full: there is no room to write. Free some space (delete or move files you do not need) or choose another disk, then try again.</translation>
    </message>
    <message>
      <source>Folder tujuan hanya dapat dibaca (misalnya diska lepas yang dikunci atau CD). Pilih folder lain, lalu coba lagi.</source>
      <translation>The destination folder is read-only (for example a locked flash drive or a CD). Choose another folder, then try again.</translation>
    </message>
    <message>
      <source>Folder: {0}</source>
      <translation>Folder: {0}</translation>
    </message>
    <message>
      <source>Merit Luring tidak diizinkan membuka atau menulis berkas di sini. Pilih folder lain (misalnya Dokumen), tutup program lain yang memakai berkas itu, atau minta izin kepada pengelola komputer.</source>
      <translation>Merit Luring is not allowed to open or write files here. Choose another folder (for example Documents), close other programs using the file, or ask the computer's administrator for permission.</translation>
    </message>
    <message>
      <source>Lokasi: {0}</source>
      <translation>Location: {0}</translation>
    </message>
    <message>
      <source>Berkas atau folder tidak ditemukan (mungkin sudah dipindahkan atau diska lepas dicabut). Periksa lalu coba lagi.</source>
      <translation>The file or folder was not found (it may have been moved, or the flash drive removed). Check, then try again.</translation>
    </message>
    <message>
      <source>Data sedang dipakai program lain (misalnya Merit Luring yang terbuka dua kali). Tutup program lain itu, lalu coba lagi.</source>
      <translation>The data is in use by another program (for example Merit Luring open twice). Close that program, then try again.</translation>
    </message>
    <message>
      <source>Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk, lalu coba lagi.</source>
      <translation>The disk is full: the data cannot be saved. Free some disk space, then try again.</translation>
    </message>
    <message>
      <source>Folder data hanya dapat dibaca, sehingga perubahan tidak dapat disimpan. Periksa izin folder data atau minta bantuan pengelola komputer.</source>
      <translation>The data folder is read-only, so changes cannot be saved. Check the data folder's permissions or ask the computer's administrator.</translation>
    </message>
    <message>
      <source>Berkas tidak dapat dibaca atau ditulis. Periksa bahwa berkas dan foldernya masih ada dan dapat ditulis, lalu coba lagi.</source>
      <translation>The file could not be read or written. Check that the file and its folder still exist and can be written, then try again.</translation>
    </message>
    <message>
      <source>Terjadi kesalahan yang tidak terduga. Rinciannya dicatat dalam log. Coba lagi; jika berulang, hubungi pendamping dari provinsi.</source>
      <translation>Something unexpected went wrong. The details are in the log. Try again; if it happens again, contact your province's helpdesk.</translation>
    </message>
    <message>
      <source>Batal</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>navigator</name>
    <message>
      <source>Belum dijawab</source>
      <translation>Not answered</translation>
    </message>
    <message>
      <source>Terjawab</source>
      <translation>Answered</translation>
    </message>
    <message>
      <source>Terjawab tanpa bukti dukung</source>
      <translation>Answered without evidence</translation>
    </message>
    <message>
      <source>Ditandai perlu ditinjau</source>
      <translation>Flagged for review</translation>
    </message>
    <message>
      <source>Tidak berlaku</source>
      <translation>Not applicable</translation>
    </message>
  </context>
  <context>
    <name>parent</name>
    <message>
      <source>Kata sandi kunci provinsi</source>
      <translation>Province key passphrase</translation>
    </message>
    <message>
      <source>Kata sandi kunci provinsi:</source>
      <translation>Province key passphrase:</translation>
    </message>
    <message>
      <source>Kunci provinsi tidak terbuka</source>
      <translation>The province key did not open</translation>
    </message>
  </context>
  <context>
    <name>reasons</name>
    <message>
      <source>Berkas rusak atau terpotong dalam perjalanan (surel, diska lepas). Minta kantor mengirim ulang berkas yang sama.</source>
      <translation>The file was damaged or cut short on the way (email, flash drive). Ask the office to send the same file again.</translation>
    </message>
    <message>
      <source>Isi paket tidak sama dengan yang ditandatangani kantor: paket diubah setelah diekspor. Minta kantor mengekspor dan mengirim ulang.</source>
      <translation>The package's content differs from what the office signed: it was changed after export. Ask the office to export and send it again.</translation>
    </message>
    <message>
      <source>Berkas ini bukan paket Merit Luring. Periksa lampiran yang dipilih.</source>
      <translation>This file is not a Merit Luring package. Check the attachment you chose.</translation>
    </message>
    <message>
      <source>Paket berisi berkas yang tidak diizinkan atau terlalu besar, sehingga tidak dibuka. Minta kantor mengekspor ulang dari aplikasi Merit Luring.</source>
      <translation>The package holds files that are not allowed or too large, so it was not opened. Ask the office to export again from Merit Luring.</translation>
    </message>
    <message>
      <source>Pengirim belum terdaftar di provinsi ini: sertifikatnya diterbitkan provinsi lain atau kunci provinsi yang tidak dikenal. Daftarkan kantor itu lebih dahulu (Pendaftaran kantor), lalu minta paket dikirim ulang.</source>
      <translation>The sender is not enrolled with this province: its certificate was issued by another province or an unknown province key. Enrol that office first, then ask for the package again.</translation>
    </message>
    <message>
      <source>Sertifikat kantor dalam paket tidak sah. Minta kantor mengimpor ulang sertifikat dari provinsi, lalu mengekspor ulang.</source>
      <translation>The office certificate in the package is not valid. Ask the office to import the certificate from the province again, then export again.</translation>
    </message>
    <message>
      <source>Sertifikat kantor belum berlaku pada tanggal paket dibuat. Periksa tanggal komputer kantor, lalu minta paket diekspor ulang.</source>
      <translation>The office certificate was not yet valid on the package's date. Check the office computer's date, then ask for a new export.</translation>
    </message>
    <message>
      <source>Sertifikat kantor sudah habis masa berlakunya. Terbitkan sertifikat baru untuk kantor itu, lalu minta paket diekspor ulang.</source>
      <translation>The office certificate has expired. Issue a new certificate to that office, then ask for a new export.</translation>
    </message>
    <message>
      <source>Sertifikat kantor sudah dicabut provinsi. Terbitkan sertifikat baru bila kantor itu tetap berhak mengirim.</source>
      <translation>The province revoked the office certificate. Issue a new one if that office may still send packages.</translation>
    </message>
    <message>
      <source>Sertifikat kantor tidak tercatat sebagai terbitan provinsi ini. Daftarkan kantor itu lebih dahulu, lalu minta paket dikirim ulang.</source>
      <translation>The office certificate is not recorded as issued by this province. Enrol that office first, then ask for the package again.</translation>
    </message>
    <message>
      <source>Paket berasal dari kantor di luar provinsi ini. Tidak perlu diimpor di sini.</source>
      <translation>The package comes from an office outside this province. It need not be imported here.</translation>
    </message>
    <message>
      <source>Paket dibuat oleh versi Merit Luring yang lebih baru. Perbarui aplikasi ini, lalu impor lagi.</source>
      <translation>The package was made by a newer Merit Luring. Update this application, then import again.</translation>
    </message>
    <message>
      <source>Paket memakai instrumen penilaian yang tidak dikenal aplikasi ini. Perbarui aplikasi, lalu impor lagi.</source>
      <translation>The package uses an assessment instrument this application does not know. Update the application, then import again.</translation>
    </message>
    <message>
      <source>Berkas tidak dapat dibaca. Salin dulu ke folder di komputer ini, lalu impor lagi.</source>
      <translation>The file cannot be read. Copy it to a folder on this computer first, then import again.</translation>
    </message>
    <message>
      <source>Paket tidak dapat disimpan: periksa ruang disk, lalu impor lagi.</source>
      <translation>The package could not be stored: check the disk space, then import again.</translation>
    </message>
    <message>
      <source>Isi paket tidak dapat disimpan. Minta kantor mengekspor ulang.</source>
      <translation>The package's content could not be stored. Ask the office to export again.</translation>
    </message>
    <message>
      <source>Paket yang sama persis sudah diterima sebelumnya. Tidak perlu tindakan.</source>
      <translation>Exactly this package was accepted before. Nothing to do.</translation>
    </message>
    <message>
      <source>Revisi ini dari kantor yang sama sudah diterima. Tidak perlu tindakan.</source>
      <translation>This revision from the same office was already accepted. Nothing to do.</translation>
    </message>
    <message>
      <source>Sudah diterima revisi yang lebih baru dari kantor yang sama. Tidak perlu tindakan.</source>
      <translation>A newer revision from the same office was already accepted. Nothing to do.</translation>
    </message>
    <message>
      <source>Kantor yang sama mengirim berkas lain untuk revisi yang sudah diterima. Kedua berkas disimpan; konsolidasi tetap memakai yang diterima lebih dulu. Tanyakan ke kantor itu berkas mana yang benar.</source>
      <translation>The same office sent a different file for a revision already received. Both files are kept; the consolidation keeps using the one received first. Ask that office which file is right.</translation>
    </message>
    <message>
      <source>Ini folder, bukan berkas paket; paket adalah satu berkas .merit.</source>
      <translation>This is a folder, not a package file; a package is one .merit file.</translation>
    </message>
    <message>
      <source>Berkas ini tidak dapat diproses karena galat tak terduga (rinciannya di berkas log); berkas lain tetap diimpor.</source>
      <translation>This file could not be processed because of an unexpected error (the details are in the log file); the other files are still imported.</translation>
    </message>
    <message>
      <source>Pemeriksaan dibatalkan.</source>
      <translation>The check was cancelled.</translation>
    </message>
    <message>
      <source>Paket tidak dapat diperiksa karena galat yang tidak terduga (dicatat di log). Coba lagi; jika berulang, laporkan ke pengembang.</source>
      <translation>The package could not be checked because of an unexpected error (in the log). Try again; if it happens again, report it to the developers.</translation>
    </message>
  </context>
  <context>
    <name>undo</name>
    <message>
      <source>Ubah tingkat {0}</source>
      <translation>Change level {0}</translation>
    </message>
    <message>
      <source>Ubah penjelasan {0}</source>
      <translation>Change justification {0}</translation>
    </message>
    <message>
      <source>Ubah tanda perlu ditinjau {0}</source>
      <translation>Change review flag {0}</translation>
    </message>
    <message>
      <source>Ubah catatan tinjauan {0}</source>
      <translation>Change review note {0}</translation>
    </message>
    <message>
      <source>Ubah jawaban pertanyaan pembuka</source>
      <translation>Change screening question answer</translation>
    </message>
    <message>
      <source>Ubah nilai survei dan koreksi</source>
      <translation>Change survey and correction figures</translation>
    </message>
    <message>
      <source>Tambah bukti {0}</source>
      <translation>Add evidence {0}</translation>
    </message>
    <message>
      <source>Hapus bukti {0}</source>
      <translation>Remove evidence {0}</translation>
    </message>
    <message>
      <source>Ganti label bukti {0}</source>
      <translation>Rename evidence {0}</translation>
    </message>
  </context>
  <context>
    <name>workers</name>
    <message>
      <source>Batal</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>models</name>
    <message>
      <source>Disk penuh, jadi perubahan belum tersimpan. Kosongkan ruang disk (hapus atau pindahkan berkas yang tidak perlu), lalu pilih Coba Lagi. Perubahan tetap ada di layar.</source>
      <translation>The disk is full, so the change is not saved yet. Free some disk space (delete or move files you do not need), then choose Retry. The change stays on screen.</translation>
    </message>
    <message>
      <source>Folder data hanya dapat dibaca, jadi perubahan belum tersimpan. Pastikan flashdisk tidak dikunci dan folder data tidak berada di CD atau folder bersama yang hanya-baca, lalu pilih Coba Lagi.</source>
      <translation>The data folder is read-only, so the change is not saved yet. Make sure the flash drive is not locked and the data folder is not on a CD or a read-only shared folder, then choose Retry.</translation>
    </message>
    <message>
      <source>Merit Luring tidak diberi izin menulis ke folder data, jadi perubahan belum tersimpan. Minta petugas TI memberi izin tulis ke folder itu, lalu pilih Coba Lagi.</source>
      <translation>Merit Luring is not allowed to write to the data folder, so the change is not saved yet. Ask the IT officer for write permission on that folder, then choose Retry.</translation>
    </message>
    <message>
      <source>Data sedang dipakai oleh proses Merit Luring lain (jendela lain atau perintah baris), jadi perubahan belum tersimpan. Tunggu sebentar atau tutup proses itu, lalu pilih Coba Lagi.</source>
      <translation>The data is in use by another Merit Luring process (another window or a command line), so the change is not saved yet. Wait a moment or close that process, then choose Retry.</translation>
    </message>
    <message>
      <source>Disk tidak dapat dibaca atau ditulis dengan baik. Periksa flashdisk atau kabel disk, lalu pilih Coba Lagi; bila berulang, salin folder data ke disk lain dan hubungi petugas TI.</source>
      <translation>The disk cannot be read or written properly. Check the flash drive or the disk cable, then choose Retry; if it happens again, copy the data folder to another disk and contact the IT officer.</translation>
    </message>
    <message>
      <source>Perubahan belum tersimpan karena galat yang tidak dikenal. Pilih Coba Lagi; bila berulang, hubungi petugas TI (rinciannya ada di berkas log).</source>
      <translation>The change is not saved yet because of an unknown error. Choose Retry; if it happens again, contact the IT officer (the details are in the log file).</translation>
    </message>
    <message>
      <source>Merit Luring sudah terbuka untuk folder ini{holder}. Gunakan jendela yang sudah terbuka, atau tutup dahulu lalu coba lagi.</source>
      <translation>Merit Luring is already open for this folder{holder}. Use the window that is already open, or close it first and try again.</translation>
    </message>
    <message>
      <source>Data tidak sesuai riwayat: {items}. Isinya mungkin rusak (misalnya setelah listrik padam). Pulihkan dari cadangan, atau periksa butir itu dan konfirmasi bahwa isinya benar.</source>
      <translation>The data does not match its history: {items}. It may be damaged (for example after a power cut). Restore from a backup, or check those items and confirm that their content is right.</translation>
    </message>
    <message>
      <source>{shown} (dan {more} lagi)</source>
      <translation>{shown} (and {more} more)</translation>
    </message>
    <message>
      <source>penilaian {year} revisi {revision}</source>
      <translation>assessment {year} revision {revision}</translation>
    </message>
    <message>
      <source>butir {item} ({where}): {what}</source>
      <translation>item {item} ({where}): {what}</translation>
    </message>
    <message>
      <source>butir {item}: {what}</source>
      <translation>item {item}: {what}</translation>
    </message>
    <message>
      <source>data penilaian ({where}): {what}</source>
      <translation>assessment data ({where}): {what}</translation>
    </message>
    <message>
      <source>data penilaian: {what}</source>
      <translation>assessment data: {what}</translation>
    </message>
    <message>
      <source>catatan riwayat #{entry} rusak</source>
      <translation>history entry #{entry} is damaged</translation>
    </message>
    <message>
      <source>perubahan terakhir yang tersimpan tidak ada lagi di basis data (berkas -wal hilang atau basis data diganti)</source>
      <translation>the last saved change is no longer in the database (the -wal file is missing or the database was replaced)</translation>
    </message>
    <message>
      <source>{fields} tidak sesuai riwayat</source>
      <translation>{fields} does not match the history</translation>
    </message>
    <message>
      <source>penilaian #{assessment} hilang</source>
      <translation>assessment #{assessment} is missing</translation>
    </message>
    <message>
      <source>tingkat</source>
      <translation>level</translation>
    </message>
    <message>
      <source>penjelasan</source>
      <translation>justification</translation>
    </message>
    <message>
      <source>tanda tinjau</source>
      <translation>review flag</translation>
    </message>
    <message>
      <source>catatan tinjau</source>
      <translation>review note</translation>
    </message>
    <message>
      <source>nilai survei S</source>
      <translation>survey figure S</translation>
    </message>
    <message>
      <source>koreksi k</source>
      <translation>correction k</translation>
    </message>
    <message>
      <source>status</source>
      <translation>status</translation>
    </message>
    <message>
      <source>gerbang {gate}</source>
      <translation>gate {gate}</translation>
    </message>
    <message>
      <source>Data masih terbuka di aplikasi ini; tutup dahulu sebelum memulihkan cadangan.</source>
      <translation>The data is still open in this application; close it before restoring a backup.</translation>
    </message>
    <message>
      <source>Instrumen {instrument} (SHA-256 {sha}…) yang dipakai menilai revisi final ini tidak tersedia; skor yang tersimpan ditampilkan.</source>
      <translation>Instrument {instrument} (SHA-256 {sha}…) used to assess this final revision is not available; the stored scores are shown.</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision} sudah difinalisasi dan hanya dapat dibaca. Buka revisi baru untuk mengubahnya.</source>
      <translation>Assessment {year} revision {revision} is finalized and read-only. Open a new revision to change it.</translation>
    </message>
    <message>
      <source>Butir {item} tidak berlaku untuk jawaban pertanyaan pembuka saat ini.</source>
      <translation>Item {item} does not apply with the current answers to the opening questions.</translation>
    </message>
    <message>
      <source>Tingkat {level} di luar rentang {low}–{high}.</source>
      <translation>Level {level} is outside the range {low}–{high}.</translation>
    </message>
    <message>
      <source>Butir {item} tidak ada dalam instrumen {instrument}.</source>
      <translation>Item {item} is not in the instrument {instrument}.</translation>
    </message>
    <message>
      <source>Pertanyaan pembuka {gate} tidak ada dalam instrumen.</source>
      <translation>Opening question {gate} is not in the instrument.</translation>
    </message>
    <message>
      <source>Pilihan '{value}' tidak sah untuk pertanyaan {gate}; pilihan: {choices}.</source>
      <translation>The choice '{value}' is not valid for question {gate}; choices: {choices}.</translation>
    </message>
    <message>
      <source>Penilaian tahun {year} untuk {office} sudah ada.</source>
      <translation>An assessment for {year} already exists for {office}.</translation>
    </message>
    <message>
      <source>Pilihan '{value}' tidak sah untuk pertanyaan {gate}.</source>
      <translation>The choice '{value}' is not valid for question {gate}.</translation>
    </message>
    <message>
      <source>Nilai {name} harus 0–1.</source>
      <translation>The value {name} must be 0–1.</translation>
    </message>
    <message>
      <source>Berkas {name} tidak ada di penyimpanan bukti.</source>
      <translation>The file {name} is not in the evidence store.</translation>
    </message>
    <message>
      <source>Label bukti dukung tidak boleh kosong.</source>
      <translation>The evidence label cannot be empty.</translation>
    </message>
    <message>
      <source>Mode '{mode}' tidak dikenal.</source>
      <translation>Unknown mode '{mode}'.</translation>
    </message>
    <message>
      <source>Tahun penilaian belum diisi.</source>
      <translation>The assessment year has not been filled in.</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision} sudah final; profil penghargaan tidak dapat diubah.</source>
      <translation>Assessment {year} revision {revision} is final; the awards profile cannot be changed.</translation>
    </message>
    <message>
      <source>Jawaban profil '{answer}' tidak sah.</source>
      <translation>The profile answer '{answer}' is not valid.</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision} sudah final dan tetap memakai instrumen yang dipakai saat dinilai.</source>
      <translation>Assessment {year} revision {revision} is final and keeps the instrument it was assessed with.</translation>
    </message>
    <message>
      <source>Instrumen {instrument} bukan versi dari {current}.</source>
      <translation>Instrument {instrument} is not a version of {current}.</translation>
    </message>
    <message>
      <source>Nilai {nilai} di luar skala {low}–{high}.</source>
      <translation>The score {nilai} is outside the scale {low}–{high}.</translation>
    </message>
    <message>
      <source>Aspek {number} tidak ada pada skala lama (1–{count}).</source>
      <translation>Aspect {number} is not on the old scale (1–{count}).</translation>
    </message>
    <message>
      <source>Aspek {number} ({title}): nilai {value} tidak boleh negatif.</source>
      <translation>Aspect {number} ({title}): the value {value} cannot be negative.</translation>
    </message>
    <message>
      <source>Aspek {number} ({title}): nilai {value} di luar rentang {low}–{high}.</source>
      <translation>Aspect {number} ({title}): the value {value} is outside the range {low}–{high}.</translation>
    </message>
    <message>
      <source>Aspek 6–8 bersama-sama {total}, melebihi {limit} (skor ideal 410).</source>
      <translation>Aspects 6–8 together are {total}, more than {limit} (ideal score 410).</translation>
    </message>
    <message>
      <source>Jumlah nilai aspek {total} melebihi nilai total {nilai}.</source>
      <translation>The aspect values add up to {total}, more than the total score {nilai}.</translation>
    </message>
    <message>
      <source>kunci publik</source>
      <translation>public key</translation>
    </message>
    <message>
      <source>{what}: bukan base64 yang sah.</source>
      <translation>{what}: not valid base64.</translation>
    </message>
    <message>
      <source>Kunci publik tidak sah (panjang id atau kunci salah).</source>
      <translation>Invalid public key (wrong id or key length).</translation>
    </message>
    <message>
      <source>Kunci publik tidak sah.</source>
      <translation>Invalid public key.</translation>
    </message>
    <message>
      <source>{what}: bukan kunci publik minisign Ed25519.</source>
      <translation>{what}: not a minisign Ed25519 public key.</translation>
    </message>
    <message>
      <source>{path}: tidak dapat dibaca sebagai kunci publik.</source>
      <translation>{path}: cannot be read as a public key.</translation>
    </message>
    <message>
      <source>{what}: berkas JSON tanpa kunci publik.</source>
      <translation>{what}: a JSON file without a public key.</translation>
    </message>
    <message>
      <source>{what}: bukan berkas kunci publik minisign.</source>
      <translation>{what}: not a minisign public key file.</translation>
    </message>
    <message>
      <source>Berkas tanda tangan rusak: {detail}.</source>
      <translation>The signature file is damaged: {detail}.</translation>
    </message>
    <message>
      <source>bukan teks UTF-8</source>
      <translation>not UTF-8 text</translation>
    </message>
    <message>
      <source>harus empat baris minisign</source>
      <translation>it must be four minisign lines</translation>
    </message>
    <message>
      <source>bukan base64 yang sah</source>
      <translation>not valid base64</translation>
    </message>
    <message>
      <source>panjang atau algoritme tidak dikenal</source>
      <translation>unknown length or algorithm</translation>
    </message>
    <message>
      <source>Kata sandi terlalu pendek: minimal {minimum} karakter.</source>
      <translation>The passphrase is too short: at least {minimum} characters.</translation>
    </message>
    <message>
      <source>Kunci kantor sudah ada di {path}; kunci yang ada tidak ditimpa agar sertifikat dari provinsi tetap cocok.</source>
      <translation>An office key already exists in {path}; the existing key is not overwritten, so that the certificates from the province still match.</translation>
    </message>
    <message>
      <source>Berkas kunci {path} tidak ada. Buat kunci kantor terlebih dahulu.</source>
      <translation>The key file {path} does not exist. Create the office key first.</translation>
    </message>
    <message>
      <source>Berkas kunci {path} rusak atau bukan berkas kunci Merit Luring.</source>
      <translation>The key file {path} is damaged or is not a Merit Luring key file.</translation>
    </message>
    <message>
      <source>Berkas {path} bukan berkas kunci Merit Luring.</source>
      <translation>The file {path} is not a Merit Luring key file.</translation>
    </message>
    <message>
      <source>Berkas kunci {path} versi {version} tidak dikenal. Perbarui aplikasi.</source>
      <translation>The key file {path} has an unknown version {version}. Update the application.</translation>
    </message>
    <message>
      <source>Berkas kunci {path} memakai metode yang tidak dikenal.</source>
      <translation>The key file {path} uses an unknown method.</translation>
    </message>
    <message>
      <source>Berkas kunci {path} tidak lengkap atau rusak.</source>
      <translation>The key file {path} is incomplete or damaged.</translation>
    </message>
    <message>
      <source>Kata sandi salah untuk kunci {key}. Tidak ada yang diubah; coba lagi.</source>
      <translation>Wrong passphrase for the key {key}. Nothing was changed; try again.</translation>
    </message>
    <message>
      <source>Berkas kunci {path} rusak: kunci publik tidak cocok.</source>
      <translation>The key file {path} is damaged: the public key does not match.</translation>
    </message>
    <message>
      <source>Berkas {name} tidak dapat dibaca: {detail}.</source>
      <translation>The file {name} cannot be read: {detail}.</translation>
    </message>
    <message>
      <source>{name} bukan berkas biasa.</source>
      <translation>{name} is not a regular file.</translation>
    </message>
    <message>
      <source>Berkas {name} berukuran {size}, melebihi batas {limit}. Perkecil (mis. pindai ulang dengan resolusi lebih rendah) atau pecah berkasnya.</source>
      <translation>The file {name} is {size}, more than the limit of {limit}. Make it smaller (e.g. scan again at a lower resolution) or split the file.</translation>
    </message>
    <message>
      <source>Penambahan {name} dibatalkan.</source>
      <translation>Adding {name} was cancelled.</translation>
    </message>
    <message>
      <source>Berkas {name} melebihi batas ukuran.</source>
      <translation>The file {name} exceeds the size limit.</translation>
    </message>
    <message>
      <source>Berkas {name} gagal disimpan. {reason}</source>
      <translation>The file {name} could not be saved. {reason}</translation>
    </message>
    <message>
      <source>Berkas bukti {name} tidak ada di penyimpanan bukti ({path}).</source>
      <translation>The evidence file {name} is not in the evidence store ({path}).</translation>
    </message>
    <message>
      <source>Berkas bukti {name} di penyimpanan telah berubah (ukuran atau SHA-256 tidak cocok dengan catatan); berkas tidak dibuka. Pulihkan folder data dari cadangan.</source>
      <translation>The evidence file {name} in the store has changed (its size or SHA-256 does not match the record); the file was not opened. Restore the data folder from a backup.</translation>
    </message>
    <message>
      <source>Bukti {name} dalam paket tersimpan {package} tidak sama dengan yang diterima ({reason}); berkas tidak dibuka. Paket di folder data telah diubah atau rusak: pulihkan dari cadangan atau minta kantor mengirim ulang.</source>
      <translation>The evidence {name} in the stored package {package} is not the same as what was received ({reason}); the file was not opened. The package in the data folder was changed or damaged: restore from a backup or ask the office to send it again.</translation>
    </message>
    <message>
      <source>Membuka {name} dibatalkan.</source>
      <translation>Opening {name} was cancelled.</translation>
    </message>
    <message>
      <source>Bukti {name} tidak dapat dibaca dari paket tersimpan {package}: paket itu tidak ada lagi di folder data.</source>
      <translation>The evidence {name} cannot be read from the stored package {package}: that package is no longer in the data folder.</translation>
    </message>
    <message>
      <source>Bukti {name} tidak dapat dibaca dari paket tersimpan {package}: paket rusak ({detail}). Pulihkan folder data dari cadangan.</source>
      <translation>The evidence {name} cannot be read from the stored package {package}: the package is damaged ({detail}). Restore the data folder from a backup.</translation>
    </message>
    <message>
      <source>Bukti {name} tidak dapat dibaca dari paket tersimpan {package}: manifest paket tidak lagi mencantumkannya (paket diubah). Pulihkan folder data dari cadangan.</source>
      <translation>The evidence {name} cannot be read from the stored package {package}: the package's manifest no longer lists it (the package was changed). Restore the data folder from a backup.</translation>
    </message>
    <message>
      <source>Permintaan pendaftaran</source>
      <translation>Enrolment request</translation>
    </message>
    <message>
      <source>Sertifikat kantor</source>
      <translation>Office certificate</translation>
    </message>
    <message>
      <source>Profil provinsi</source>
      <translation>Province profile</translation>
    </message>
    <message>
      <source>{what} tidak sah: {detail}.</source>
      <translation>{what} is not valid: {detail}.</translation>
    </message>
    <message>
      <source>{what} versi {version} tidak dikenal; perbarui aplikasi.</source>
      <translation>{what} has an unknown version {version}; update the application.</translation>
    </message>
    <message>
      <source>berkas terlalu besar</source>
      <translation>the file is too large</translation>
    </message>
    <message>
      <source>bukan JSON yang sah</source>
      <translation>not valid JSON</translation>
    </message>
    <message>
      <source>format bukan '{format}'</source>
      <translation>the format is not '{format}'</translation>
    </message>
    <message>
      <source>bagian 'body' atau 'signature' tidak ada</source>
      <translation>the 'body' or 'signature' part is missing</translation>
    </message>
    <message>
      <source>isi 'body' bukan JSON</source>
      <translation>the 'body' content is not JSON</translation>
    </message>
    <message>
      <source>isi 'body' harus objek</source>
      <translation>the 'body' content must be an object</translation>
    </message>
    <message>
      <source>kolom '{name}' kosong atau tidak ada</source>
      <translation>the field '{name}' is empty or missing</translation>
    </message>
    <message>
      <source>kolom '{name}' bukan tanggal YYYY-MM-DD</source>
      <translation>the field '{name}' is not a YYYY-MM-DD date</translation>
    </message>
    <message>
      <source>kolom '{name}' bukan kunci publik</source>
      <translation>the field '{name}' is not a public key</translation>
    </message>
    <message>
      <source>kode wilayah '{region}' tidak dikenal</source>
      <translation>the region code '{region}' is unknown</translation>
    </message>
    <message>
      <source>kode '{region}' adalah provinsi, bukan kabupaten/kota</source>
      <translation>the code '{region}' is a province, not a regency/city</translation>
    </message>
    <message>
      <source>tanda tangan provinsi rusak</source>
      <translation>the province's signature is damaged</translation>
    </message>
    <message>
      <source>id kunci provinsi tidak cocok dengan tanda tangan</source>
      <translation>the province key id does not match the signature</translation>
    </message>
    <message>
      <source>tanggal akhir berlaku sebelum tanggal mulai</source>
      <translation>the end of validity is before its start</translation>
    </message>
    <message>
      <source>Permintaan pendaftaran tidak ditandatangani kunci kantor; buat ulang permintaan dari aplikasi kantor.</source>
      <translation>The enrolment request is not signed by the office key; make the request again in the office application.</translation>
    </message>
    <message>
      <source>Permintaan pendaftaran tidak ditandatangani oleh kunci yang dibawanya.</source>
      <translation>The enrolment request is not signed by the key it carries.</translation>
    </message>
    <message>
      <source>Sertifikat kantor {office} diterbitkan oleh kunci provinsi {key} yang tidak dipercaya di sini.</source>
      <translation>The office certificate of {office} was issued by province key {key}, which is not trusted here.</translation>
    </message>
    <message>
      <source>Tanda tangan provinsi pada sertifikat kantor {office} tidak sah.</source>
      <translation>The province's signature on the office certificate of {office} is not valid.</translation>
    </message>
    <message>
      <source>Sertifikat kantor {office} baru berlaku mulai {valid_from}, sedangkan tanggal yang diperiksa {day}.</source>
      <translation>The office certificate of {office} is valid only from {valid_from}, while the date checked is {day}.</translation>
    </message>
    <message>
      <source>Sertifikat kantor {office} berakhir {valid_until}, sebelum tanggal yang diperiksa {day}.</source>
      <translation>The office certificate of {office} expired {valid_until}, before the date checked, {day}.</translation>
    </message>
    <message>
      <source>Sertifikat kantor {office} berakhir {valid_until}, sebelum waktu pemeriksaan {day} (lewat masa tenggang {grace} hari).</source>
      <translation>The office certificate of {office} expired {valid_until}, before the time of checking, {day} (past the {grace}-day grace period).</translation>
    </message>
    <message>
      <source>Sertifikat kantor {office} berakhir {valid_until}, sebelum waktu pemeriksaan {day}; tanggal pembuatan yang dinyatakan paket tidak dipakai untuk menilai sertifikat.</source>
      <translation>The office certificate of {office} expired {valid_until}, before the time of checking, {day}; the creation date the package states is not used to judge the certificate.</translation>
    </message>
    <message>
      <source>Tanggal akhir berlaku sebelum tanggal mulai.</source>
      <translation>The end of validity is before its start.</translation>
    </message>
    <message>
      <source>Kantor {office} tidak berada di provinsi {province}.</source>
      <translation>Office {office} is not in province {province}.</translation>
    </message>
    <message>
      <source>Nomor seri sertifikat kosong.</source>
      <translation>The certificate serial number is empty.</translation>
    </message>
    <message>
      <source>Sertifikat ini untuk kunci {key}, bukan kunci kantor ini ({own}).</source>
      <translation>This certificate is for key {key}, not this office's key ({own}).</translation>
    </message>
    <message>
      <source>Sertifikat ini untuk kantor {office}, bukan {own}.</source>
      <translation>This certificate is for office {office}, not {own}.</translation>
    </message>
    <message>
      <source>Kunci publik provinsi belum dipercaya: pilih berkas kunci publik provinsi (.pub).</source>
      <translation>The province public key is not trusted yet: choose the province public key file (.pub).</translation>
    </message>
    <message>
      <source>Instalasi ini belum diatur sebagai provinsi. Jalankan 'province init --province KODE'.</source>
      <translation>This installation has not been set up as a province. Run 'province init --province CODE'.</translation>
    </message>
    <message>
      <source>Kode provinsi '{region}' tidak ada dalam daftar resmi.</source>
      <translation>The province code '{region}' is not in the official list.</translation>
    </message>
    <message>
      <source>Kode '{region}' ({name}) adalah kabupaten/kota, bukan provinsi.</source>
      <translation>The code '{region}' ({name}) is a regency/city, not a province.</translation>
    </message>
    <message>
      <source>Instalasi ini sudah diatur untuk provinsi {province}.</source>
      <translation>This installation is already set up for province {province}.</translation>
    </message>
    <message>
      <source>Kunci provinsi sudah ada di {path}; kunci tidak dibuat ulang agar sertifikat yang sudah terbit tetap sah.</source>
      <translation>A province key already exists in {path}; the key is not made again, so that certificates already issued stay valid.</translation>
    </message>
    <message>
      <source>Kunci provinsi belum dibuat. Jalankan 'province init'.</source>
      <translation>The province key has not been created. Run 'province init'.</translation>
    </message>
    <message>
      <source>Kunci privat tidak cocok dengan kunci publik provinsi ini.</source>
      <translation>The private key does not match this province's public key.</translation>
    </message>
    <message>
      <source>{what} tidak sah: kolom hilang atau salah ({detail}).</source>
      <translation>{what} is not valid: a field is missing or wrong ({detail}).</translation>
    </message>
    <message>
      <source>{what} tidak sah: '{region}' bukan kode provinsi.</source>
      <translation>{what} is not valid: '{region}' is not a province code.</translation>
    </message>
    <message>
      <source>{what} {name} memakai kunci {key}, bukan kunci {trusted} yang sudah dipercaya. Hubungi provinsi dan cocokkan sidik jari kuncinya lewat telepon.</source>
      <translation>{what} {name} uses key {key}, not the trusted key {trusted}. Contact the province and compare the key's fingerprint by telephone.</translation>
    </message>
    <message>
      <source>Tanda tangan profil provinsi tidak sah: berkas telah diubah.</source>
      <translation>The province profile's signature is not valid: the file has been changed.</translation>
    </message>
    <message>
      <source>Instrumen dalam profil tidak lengkap ({detail}).</source>
      <translation>An instrument in the profile is incomplete ({detail}).</translation>
    </message>
    <message>
      <source>Isi instrumen dalam profil tidak cocok dengan SHA-256-nya.</source>
      <translation>The content of an instrument in the profile does not match its SHA-256.</translation>
    </message>
    <message>
      <source>Profil provinsi ini bernomor urut {sequence}, lebih lama daripada profil nomor {held} yang sudah dipegang; ditolak (mungkin berkas lama).</source>
      <translation>This province profile has sequence number {sequence}, older than profile number {held} already held; refused (perhaps an old file).</translation>
    </message>
    <message>
      <source>{serial} (berlaku s.d. {valid_until}, sidik jari {fingerprint})</source>
      <translation>{serial} (valid until {valid_until}, fingerprint {fingerprint})</translation>
    </message>
    <message>
      <source>Kantor {office} {name} masih memegang sertifikat sah {held}. Sertifikat baru akan menggantikannya: sertifikat lama dicabut mulai sekarang (alasan 'diganti'); paket yang sudah diterima tetap sah.</source>
      <translation>Office {office} {name} still holds the valid certificate {held}. The new certificate will replace it: the old certificate is revoked from now (reason 'replaced'); packages already received stay valid.</translation>
    </message>
    <message>
      <source>Tidak ada sertifikat aktif dengan nomor seri atau kode kantor '{which}'.</source>
      <translation>There is no active certificate with the serial number or office code '{which}'.</translation>
    </message>
    <message>
      <source>Waktu berlaku pencabutan tidak boleh di masa depan.</source>
      <translation>The revocation cannot take effect in the future.</translation>
    </message>
    <message>
      <source>Tanda tangan instrumen tidak sah: berkas telah diubah.</source>
      <translation>The instrument's signature is not valid: the file has been changed.</translation>
    </message>
    <message>
      <source>{detail}</source>
      <translation>{detail}</translation>
    </message>
    <message>
      <source>Instrumen {instrument} versi {version} (urutan {sequence}) lebih lama daripada versi {current} (urutan {current_sequence}) yang sudah dipakai; ditolak.</source>
      <translation>Instrument {instrument} version {version} (sequence {sequence}) is older than version {current} (sequence {current_sequence}) already in use; refused.</translation>
    </message>
    <message>
      <source>Instrumen {instrument} urutan {sequence} sudah ada dengan isi berbeda; ditolak.</source>
      <translation>Instrument {instrument} sequence {sequence} already exists with different content; refused.</translation>
    </message>
    <message>
      <source>Penilaian {office} {year} revisi {revision} bukan paket yang diterima provinsi ini; hanya paket yang diterima yang dapat ditinjau.</source>
      <translation>Assessment {office} {year} revision {revision} is not a package this province received; only received packages can be reviewed.</translation>
    </message>
    <message>
      <source>Butir {item} tidak berlaku untuk penilaian ini (pertanyaan pembuka).</source>
      <translation>Item {item} does not apply to this assessment (opening questions).</translation>
    </message>
    <message>
      <source>Butir {item}: tingkat hasil verifikasi ({level}) berbeda dengan tingkat mandiri ({own}); tuliskan catatan alasannya.</source>
      <translation>Item {item}: the verified level ({level}) differs from the self-assessed level ({own}); write a note with the reason.</translation>
    </message>
    <message>
      <source>belum dijawab</source>
      <translation>not answered</translation>
    </message>
    <message>
      <source>Koreksi k {k} di luar rentang 0–1.</source>
      <translation>The correction k {k} is outside the range 0–1.</translation>
    </message>
    <message>
      <source>Koreksi k di atas 0 memerlukan alasan (mis. pelanggaran yang ditemukan).</source>
      <translation>A correction k above 0 needs a reason (e.g. the violation found).</translation>
    </message>
    <message>
      <source>Tinjauan belum lengkap: {reviewed}/{total} butir ditinjau. Tinjau atau terima butir yang tersisa dahulu.</source>
      <translation>The review is not complete: {reviewed}/{total} items reviewed. Review or accept the remaining items first.</translation>
    </message>
    <message>
      <source>Nama peninjau wajib diisi (pengaturan 'Nama operator' atau --reviewer).</source>
      <translation>The reviewer's name is required (the 'Operator name' setting or --reviewer).</translation>
    </message>
    <message>
      <source>Id paket penilaian ini tidak tercatat; impor ulang paketnya.</source>
      <translation>This assessment's package id is not recorded; import its package again.</translation>
    </message>
    <message>
      <source>{path}: tidak dapat dibaca ({detail}).</source>
      <translation>{path}: cannot be read ({detail}).</translation>
    </message>
    <message>
      <source>{file} bukan paket yang telah diterima provinsi ini; impor dahulu.</source>
      <translation>{file} is not a package this province has received; import it first.</translation>
    </message>
    <message>
      <source>Basis data {path} rusak ({reason}).</source>
      <translation>The database {path} is damaged ({reason}).</translation>
    </message>
    <message>
      <source>berkas kosong (0 bita)</source>
      <translation>empty file (0 bytes)</translation>
    </message>
    <message>
      <source>berkas basis data hilang</source>
      <translation>the database file is missing</translation>
    </message>
    <message>
      <source>bukan berkas basis data SQLite</source>
      <translation>not an SQLite database file</translation>
    </message>
    <message>
      <source>isinya tidak utuh menurut pemeriksaan SQLite</source>
      <translation>its content is not intact according to SQLite's check</translation>
    </message>
    <message>
      <source>Cadangan {backup} juga rusak; pilih cadangan lain.</source>
      <translation>The backup {backup} is damaged too; choose another backup.</translation>
    </message>
    <message>
      <source> (proses {holder})</source>
      <translation> (process {holder})</translation>
    </message>
    <message>
      <source>Basis data {path} dibuat oleh versi Merit Luring yang lebih baru (skema {found}, versi ini mengenal {known}). Perbarui aplikasi.</source>
      <translation>The database {path} was made by a newer version of Merit Luring (schema {found}, this version knows {known}). Update the application.</translation>
    </message>
    <message>
      <source>{file}: manifest terlalu besar.</source>
      <translation>{file}: the manifest is too large.</translation>
    </message>
    <message>
      <source>{file} bukan paket Merit Luring yang dapat dibaca ({detail}).</source>
      <translation>{file} is not a readable Merit Luring package ({detail}).</translation>
    </message>
    <message>
      <source>{file}: manifest paket tidak lengkap.</source>
      <translation>{file}: the package manifest is incomplete.</translation>
    </message>
    <message>
      <source>Kode provinsi belum diatur: jalankan 'province init' terlebih dahulu.</source>
      <translation>The province code has not been set: run 'province init' first.</translation>
    </message>
    <message>
      <source>{folder} belum berisi data contoh kantor; jalankan dahulu 'demo --data-dir {folder}'.</source>
      <translation>{folder} does not hold the office demo data yet; first run 'demo --data-dir {folder}'.</translation>
    </message>
    <message>
      <source>{file}: {reason}</source>
      <translation>{file}: {reason}</translation>
    </message>
    <message>
      <source>Folder data ini sudah dipakai kantor {office}; pilih folder kosong untuk provinsi.</source>
      <translation>This data folder is already used by office {office}; choose an empty folder for the province.</translation>
    </message>
    <message>
      <source>Target '{text}' tidak dikenal: tulis predikat ({names}) atau angka.</source>
      <translation>Unknown target '{text}': write a predikat ({names}) or a number.</translation>
    </message>
    <message>
      <source>NISM</source>
      <translation>NISM</translation>
    </message>
    <message>
      <source>maturitas (M)</source>
      <translation>maturity (M)</translation>
    </message>
    <message>
      <source>maturitas (M) (nilai survei S belum ada, jadi yang direncanakan adalah maturitas)</source>
      <translation>maturity (M) (the survey figure S is not there yet, so maturity is what is planned)</translation>
    </message>
    <message>
      <source>nilai</source>
      <translation>score</translation>
    </message>
    <message>
      <source>perkiraan {label}</source>
      <translation>estimated {label}</translation>
    </message>
    <message>
      <source>Target {goal} sudah tercapai: {what} saat ini {value}.</source>
      <translation>Target {goal} is already reached: the {what} is now {value}.</translation>
    </message>
    <message>
      <source>Target {goal} tidak dapat dicapai: {what} tertinggi yang mungkin {best}, meski semua butir dinaikkan ke tingkat tertinggi.{hint}</source>
      <translation>Target {goal} cannot be reached: the highest possible {what} is {best}, even with every item raised to the highest level.{hint}</translation>
    </message>
    <message>
      <source> Butir yang ditandai sulit tahun ini ({items}) tidak dihitung; tanpa tanda itu hasilnya bisa berbeda.</source>
      <translation> Items marked as hard this year ({items}) are not counted; without that mark the result may differ.</translation>
    </message>
    <message>
      <source>Target {goal} tidak dapat dicapai.</source>
      <translation>Target {goal} cannot be reached.</translation>
    </message>
    <message>
      <source>{count} kenaikan tingkat membawa {what} dari {start} ke {end} (target {goal}).</source>
      <translation>{count} level raises bring the {what} from {start} to {end} (target {goal}).</translation>
    </message>
    <message>
      <source>Tulis SHA-256 paket (paling sedikit {digits} digit heksadesimal pertama) atau tempel teks kode QR dari Berita Acara.</source>
      <translation>Type the package's SHA-256 (at least its first {digits} hexadecimal digits) or paste the QR code text from the Berita Acara.</translation>
    </message>
    <message>
      <source>Tidak ada paket diterima dengan SHA-256 itu. Berita Acara ini tidak merujuk paket yang sudah diimpor: minta kantor mengirim berkas paket yang sama persis, atau periksa kembali ketikan.</source>
      <translation>No received package has that SHA-256. This Berita Acara does not refer to an imported package: ask the office to send exactly the same package file, or check what you typed.</translation>
    </message>
    <message>
      <source>{count} paket diawali digit itu; ketik lebih banyak digit.</source>
      <translation>{count} packages start with those digits; type more digits.</translation>
    </message>
    <message>
      <source>SHA-256 cocok tetapi ID paket pada kertas berbeda: kertas ini tidak sah untuk paket itu.</source>
      <translation>The SHA-256 matches but the package ID on the paper differs: this paper is not valid for that package.</translation>
    </message>
    <message>
      <source>Cocok: paket {office} tahun {year} revisi {revision}, diterima {received}, dari berkas {file}.</source>
      <translation>Match: package {office} year {year} revision {revision}, received {received}, from the file {file}.</translation>
    </message>
    <message>
      <source>kode wilayah tidak dikenal: '{region}'</source>
      <translation>unknown region code: '{region}'</translation>
    </message>
    <message>
      <source>{key}: bilangan bulat diharapkan, bukan {value}</source>
      <translation>{key}: a whole number was expected, not {value}</translation>
    </message>
    <message>
      <source>{key}: teks diharapkan, bukan {value}</source>
      <translation>{key}: text was expected, not {value}</translation>
    </message>
    <message>
      <source>{entry}: {problem}</source>
      <translation>{entry}: {problem}</translation>
    </message>
    <message>
      <source>gerbang tidak dikenal dalam instrumen</source>
      <translation>unknown gate in the instrument</translation>
    </message>
    <message>
      <source>nilai {value} tidak sah; pilihan: {choices}</source>
      <translation>the value {value} is not valid; choices: {choices}</translation>
    </message>
    <message>
      <source>id item tidak dikenal dalam instrumen</source>
      <translation>unknown item id in the instrument</translation>
    </message>
    <message>
      <source>tingkat harus bilangan bulat, bukan {value}</source>
      <translation>the level must be a whole number, not {value}</translation>
    </message>
    <message>
      <source>tingkat {level} di luar rentang {low}–{high}</source>
      <translation>level {level} is outside the range {low}–{high}</translation>
    </message>
    <message>
      <source>item tidak berlaku karena gerbang {gate} = '{value}'</source>
      <translation>the item does not apply because gate {gate} = '{value}'</translation>
    </message>
    <message>
      <source>harus angka {low}–{high}, bukan {value}</source>
      <translation>must be a number {low}–{high}, not {value}</translation>
    </message>
    <message>
      <source>Berkas instrumen {file} dilewati karena tidak sah: {reason}</source>
      <translation>The instrument file {file} was skipped because it is not valid: {reason}</translation>
    </message>
    <message>
      <source>Berkas instrumen {file} tidak dipakai: {reason}</source>
      <translation>The instrument file {file} is not used: {reason}</translation>
    </message>
    <message>
      <source>tidak dapat dibaca ({detail})</source>
      <translation>cannot be read ({detail})</translation>
    </message>
    <message>
      <source>tanpa tanda tangan provinsi: tidak dipakai untuk menilai</source>
      <translation>no province signature: not used for scoring</translation>
    </message>
    <message>
      <source>tanda tangan tidak cocok dengan kunci provinsi yang dipercaya</source>
      <translation>the signature does not match a trusted province key</translation>
    </message>
    <message>
      <source>Paket {file} tidak tercatat dalam data (impor yang terputus); dipindahkan ke {folder} untuk diimpor ulang atau diperiksa.</source>
      <translation>The package {file} is not recorded in the data (an interrupted import); it was moved to {folder} to be imported again or checked.</translation>
    </message>
    <message>
      <source>perkiraan predikat bila nilai survei sama dengan maturitas</source>
      <translation>estimated predikat if the survey figure equals the maturity</translation>
    </message>
    <message>
      <source>NISM negatif: koreksi k melebihi nilai lainnya</source>
      <translation>negative NISM: the correction k exceeds the other figures</translation>
    </message>
    <message>
      <source>koreksi k menunggu nilai survei S (belum diterapkan)</source>
      <translation>the correction k waits for the survey figure S (not applied yet)</translation>
    </message>
    <message>
      <source>Indeks Sistem Merit (NISM)</source>
      <translation>Merit System Index (NISM)</translation>
    </message>
    <message>
      <source>Maturitas (M)</source>
      <translation>Maturity (M)</translation>
    </message>
    <message>
      <source>Nilai</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>predikat</source>
      <translation>predikat</translation>
    </message>
    <message>
      <source>kategori</source>
      <translation>category</translation>
    </message>
    <message>
      <source>{name} {figure}</source>
      <translation>{name} {figure}</translation>
    </message>
    <message>
      <source>{name} {figure} — {band_word} {predikat}</source>
      <translation>{name} {figure} — {band_word} {predikat}</translation>
    </message>
    <message>
      <source>{name} {figure} — {band_word} {predikat} ({flag})</source>
      <translation>{name} {figure} — {band_word} {predikat} ({flag})</translation>
    </message>
    <message>
      <source>{name} {figure} — {estimate_phrase}: {estimate}</source>
      <translation>{name} {figure} — {estimate_phrase}: {estimate}</translation>
    </message>
    <message>
      <source>Pertanyaan pembuka «{question}» belum dikonfirmasi (sementara dihitung «{default}»).</source>
      <translation>The opening question «{question}» is not confirmed yet (counted as «{default}» meanwhile).</translation>
    </message>
    <message>
      <source>{heading}: belum dijawab.</source>
      <translation>{heading}: not answered.</translation>
    </message>
    <message>
      <source>{heading}: tingkat {level} tanpa bukti dukung (ada penjelasan).</source>
      <translation>{heading}: level {level} without supporting evidence (a justification is given).</translation>
    </message>
    <message>
      <source>{heading}: tingkat {level} tanpa bukti dukung dan tanpa penjelasan.</source>
      <translation>{heading}: level {level} without supporting evidence and without a justification.</translation>
    </message>
    <message>
      <source>{heading}: dibawa dari tahun lalu dan belum ditinjau tahun ini; periksa lalu konfirmasi.</source>
      <translation>{heading}: carried over from last year and not reviewed this year; check it, then confirm.</translation>
    </message>
    <message>
      <source>{heading}: ditandai perlu ditinjau{note}.</source>
      <translation>{heading}: flagged for review{note}.</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision} sudah final.</source>
      <translation>Assessment {year} revision {revision} is already final.</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision} belum dapat difinalisasi; {count} masalah harus diselesaikan:
{lines}</source>
      <translation>Assessment {year} revision {revision} cannot be finalized yet; {count} problems must be resolved:
{lines}</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision}: nilai survei kepegawaian S belum diisi, sehingga hasil final hanya maturitas tanpa predikat NISM. Isi S terlebih dahulu, atau nyatakan finalisasi tanpa nilai survei.</source>
      <translation>Assessment {year} revision {revision}: the staff survey figure S has not been entered, so the final result would be the maturity only, without a NISM predikat. Enter S first, or state that you finalize without the survey figure.</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision} belum final; revisi ini masih dapat diubah langsung.</source>
      <translation>Assessment {year} revision {revision} is not final; this revision can still be changed directly.</translation>
    </message>
    <message>
      <source>Revisi {revision} sudah dibuka dari penilaian {year}; lanjutkan revisi itu.</source>
      <translation>Revision {revision} has already been opened from assessment {year}; continue with that revision.</translation>
    </message>
    <message>
      <source>Tidak ada penilaian tahun {year} untuk {office}.</source>
      <translation>There is no assessment for {year} for {office}.</translation>
    </message>
    <message>
      <source>Tahun baru ({to_year}) harus sesudah {from_year}.</source>
      <translation>The new year ({to_year}) must come after {from_year}.</translation>
    </message>
    <message>
      <source>Penilaian {year} revisi {revision} belum difinalisasi; finalisasi dahulu sebelum ekspor.</source>
      <translation>Assessment {year} revision {revision} has not been finalized; finalize it before exporting.</translation>
    </message>
    <message>
      <source>Sertifikat untuk kantor {certificate_office}, bukan {office}.</source>
      <translation>The certificate is for office {certificate_office}, not {office}.</translation>
    </message>
    <message>
      <source>Sertifikat kantor nomor {serial} berlaku {valid_from} s.d. {valid_until}, tidak mencakup hari ini. Minta sertifikat baru ke provinsi (kirim permintaan pendaftaran), lalu impor.</source>
      <translation>Office certificate number {serial} is valid {valid_from} to {valid_until}, which does not include today. Ask the province for a new certificate (send an enrolment request), then import it.</translation>
    </message>
    <message>
      <source>Sertifikat kantor bukan untuk kunci kantor ini. Impor sertifikat yang diterbitkan provinsi untuk kunci ini.</source>
      <translation>The office certificate is not for this office key. Import the certificate the province issued for this key.</translation>
    </message>
    <message>
      <source>Bukti dukung terlalu besar untuk satu paket (batas 2 GiB). Kurangi atau perkecil berkas bukti (misalnya pindai ulang dengan resolusi lebih rendah), lalu ekspor lagi.</source>
      <translation>The evidence is too large for one package (limit 2 GiB). Remove or shrink evidence files (for example scan again at a lower resolution), then export again.</translation>
    </message>
    <message>
      <source>Bukti dukung {name} melebihi batas satu berkas dalam paket ({limit} MiB). Perkecil berkasnya, lalu ekspor lagi.</source>
      <translation>The evidence {name} exceeds the limit for one file in a package ({limit} MiB). Make the file smaller, then export again.</translation>
    </message>
    <message>
      <source>Terlalu banyak berkas bukti untuk satu paket (batas {limit}).</source>
      <translation>Too many evidence files for one package (limit {limit}).</translation>
    </message>
    <message>
      <source>Nama berkas bukti dalam paket tidak sah atau ganda; laporkan ke pengembang.</source>
      <translation>An evidence file name in the package is invalid or duplicated; report this to the developers.</translation>
    </message>
    <message>
      <source>Folder {folder} tidak dapat ditulisi: {detail}.</source>
      <translation>The folder {folder} cannot be written to: {detail}.</translation>
    </message>
    <message>
      <source>Ekspor paket dibatalkan; tidak ada berkas yang dibuat.</source>
      <translation>Package export cancelled; no file was created.</translation>
    </message>
    <message>
      <source>Bukti dukung {name} ({item}) di penyimpanan telah rusak (SHA-256 berubah). Lampirkan ulang berkasnya, lalu ekspor lagi.</source>
      <translation>The evidence {name} ({item}) in the store is damaged (its SHA-256 changed). Attach the file again, then export again.</translation>
    </message>
    <message>
      <source>Bukti dukung {name} ({item}) di penyimpanan telah rusak (ukuran berubah). Lampirkan ulang berkasnya, lalu ekspor lagi.</source>
      <translation>The evidence {name} ({item}) in the store is damaged (its size changed). Attach the file again, then export again.</translation>
    </message>
    <message>
      <source>Berkas bukti dukung {file} hilang dari penyimpanan.</source>
      <translation>The evidence file {file} is missing from the store.</translation>
    </message>
    <message>
      <source>Paket gagal ditulis ke {path}: {detail}. Periksa ruang disk; tidak ada paket setengah jadi yang tertinggal.</source>
      <translation>The package could not be written to {path}: {detail}. Check the disk space; no half-written package was left behind.</translation>
    </message>
    <message>
      <source>Paket ditulis ke {path}, tetapi catatan ekspornya gagal disimpan ({detail}); ekspor ulang agar hasil verifikasi provinsi dapat dicocokkan.</source>
      <translation>The package was written to {path}, but its export record could not be saved ({detail}); export again so that the province's verification result can be matched.</translation>
    </message>
    <message>
      <source>Sertifikat kantor {office} berakhir {valid_until}; paket dibuat {created} saat sertifikat masih berlaku dan diperiksa {late} hari kemudian, masih dalam masa tenggang {grace} hari.</source>
      <translation>The office certificate of {office} expired {valid_until}; the package was made {created} while the certificate was valid and checked {late} days later, still within the {grace}-day grace period.</translation>
    </message>
    <message>
      <source>Hasil verifikasi</source>
      <translation>Verification result</translation>
    </message>
    <message>
      <source>Tanda terima</source>
      <translation>Receipt</translation>
    </message>
    <message>
      <source>{what} dari provinsi untuk {year} revisi {revision} diimpor.</source>
      <translation>{what} from the province for {year} revision {revision} imported.</translation>
    </message>
    <message>
      <source>{what} dari provinsi untuk {year} revisi {revision} sudah pernah diimpor.</source>
      <translation>{what} from the province for {year} revision {revision} had already been imported.</translation>
    </message>
    <message>
      <source>{file}: {reason}{detail}</source>
      <translation>{file}: {reason}{detail}</translation>
    </message>
    <message>
      <source>Verifikasi provinsi: tingkat {level} diterima</source>
      <translation>Province verification: level {level} accepted</translation>
    </message>
    <message>
      <source>Verifikasi provinsi: tingkat {level} (mandiri {own})</source>
      <translation>Province verification: level {level} (self-assessed {own})</translation>
    </message>
    <message>
      <source>{text} — {note}</source>
      <translation>{text} — {note}</translation>
    </message>
    <message>
      <source>{year} revisi {revision}</source>
      <translation>{year} revision {revision}</translation>
    </message>
    <message>
      <source>diterima provinsi {date}</source>
      <translation>received by the province {date}</translation>
    </message>
    <message>
      <source>Diterima: {name} tahun {year} revisi {revision}.</source>
      <translation>Accepted: {name} year {year} revision {revision}.</translation>
    </message>
    <message>
      <source>{text} Catatan: {notice}</source>
      <translation>{text} Note: {notice}</translation>
    </message>
    <message>
      <source>Impor dibatalkan setelah {count} berkas.</source>
      <translation>Import cancelled after {count} files.</translation>
    </message>
    <message>
      <source>Impor bukti dukung dibatalkan.</source>
      <translation>Evidence import cancelled.</translation>
    </message>
    <message>
      <source>Impor {file} dibatalkan; berkas itu tidak disimpan.</source>
      <translation>Import of {file} cancelled; that file was not saved.</translation>
    </message>
    <message>
      <source>Berkas paket tidak dapat dibaca.</source>
      <translation>The package file cannot be read.</translation>
    </message>
    <message>
      <source>Berkas paket kosong (0 bita).</source>
      <translation>The package file is empty (0 bytes).</translation>
    </message>
    <message>
      <source>Berkas ini bukan paket Merit Luring (bukan arsip ZIP).</source>
      <translation>This file is not a Merit Luring package (not a ZIP archive).</translation>
    </message>
    <message>
      <source>Arsip paket rusak atau terpotong; minta kantor mengirim ulang.</source>
      <translation>The package archive is damaged or cut short; ask the office to send it again.</translation>
    </message>
    <message>
      <source>Paket ini terenkripsi untuk provinsi; buka dengan kunci provinsi.</source>
      <translation>This package is encrypted for the province; open it with the province key.</translation>
    </message>
    <message>
      <source>Paket terenkripsi tidak dapat dibuka: rusak, terpotong, diubah, atau bukan untuk kunci provinsi ini.</source>
      <translation>The encrypted package cannot be opened: it is damaged, cut short, changed, or not for this province key.</translation>
    </message>
    <message>
      <source>Paket format versi 1 tidak diterima lagi: minta kantor mengekspor ulang dengan Merit Luring terbaru.</source>
      <translation>Packages of format version 1 are no longer accepted: ask the office to export again with the latest Merit Luring.</translation>
    </message>
    <message>
      <source>Berkas paket melebihi batas ukuran (2 GiB).</source>
      <translation>The package file exceeds the size limit (2 GiB).</translation>
    </message>
    <message>
      <source>Paket memakai ZIP64, yang tidak dipakai format paket.</source>
      <translation>The package uses ZIP64, which the package format does not use.</translation>
    </message>
    <message>
      <source>Paket berisi terlalu banyak berkas.</source>
      <translation>The package contains too many files.</translation>
    </message>
    <message>
      <source>Ada data tambahan setelah akhir arsip paket.</source>
      <translation>There is extra data after the end of the package archive.</translation>
    </message>
    <message>
      <source>Ada data tambahan sebelum berkas pertama arsip paket.</source>
      <translation>There is extra data before the first file of the package archive.</translation>
    </message>
    <message>
      <source>Ada data tersembunyi di antara berkas dalam arsip paket.</source>
      <translation>There is hidden data between the files of the package archive.</translation>
    </message>
    <message>
      <source>Berkas dalam arsip paket saling tumpang tindih.</source>
      <translation>Files in the package archive overlap each other.</translation>
    </message>
    <message>
      <source>Arsip paket memakai kolom tambahan (extra field) ZIP, yang tidak diizinkan.</source>
      <translation>The package archive uses ZIP extra fields, which are not allowed.</translation>
    </message>
    <message>
      <source>Kepala berkas dalam arsip paket tidak berbentuk baku.</source>
      <translation>A file header in the package archive is not in the standard form.</translation>
    </message>
    <message>
      <source>Kepala lokal berkas berbeda dengan direktori pusat arsip.</source>
      <translation>A file's local header differs from the archive's central directory.</translation>
    </message>
    <message>
      <source>Urutan berkas dalam arsip paket tidak sesuai format.</source>
      <translation>The order of the files in the package archive does not follow the format.</translation>
    </message>
    <message>
      <source>Paket berisi nama berkas ganda.</source>
      <translation>The package contains a duplicate file name.</translation>
    </message>
    <message>
      <source>Paket berisi nama berkas dengan path absolut.</source>
      <translation>The package contains a file name with an absolute path.</translation>
    </message>
    <message>
      <source>Paket berisi nama berkas yang keluar dari folder paket (..).</source>
      <translation>The package contains a file name that leads out of the package's folder (..).</translation>
    </message>
    <message>
      <source>Paket berisi berkas dengan nama yang tidak diizinkan.</source>
      <translation>The package contains a file with a name that is not allowed.</translation>
    </message>
    <message>
      <source>Paket berisi berkas terenkripsi, yang tidak diizinkan.</source>
      <translation>The package contains an encrypted file, which is not allowed.</translation>
    </message>
    <message>
      <source>Paket memakai kompresi, yang tidak dipakai format paket.</source>
      <translation>The package uses compression, which the package format does not use.</translation>
    </message>
    <message>
      <source>Paket berisi berkas yang melebihi batas ukuran.</source>
      <translation>The package contains a file that exceeds the size limit.</translation>
    </message>
    <message>
      <source>Pemeriksaan paket melebihi batas data yang boleh dibaca.</source>
      <translation>Checking the package exceeded the amount of data it may read.</translation>
    </message>
    <message>
      <source>Pemeriksaan paket melebihi batas waktu.</source>
      <translation>Checking the package exceeded the time limit.</translation>
    </message>
    <message>
      <source>Paket tidak berisi manifest.json.</source>
      <translation>The package does not contain manifest.json.</translation>
    </message>
    <message>
      <source>Paket tidak membawa tanda tangan (komentar arsip kosong).</source>
      <translation>The package carries no signature (the archive comment is empty).</translation>
    </message>
    <message>
      <source>Paket tidak berisi sertifikat kantor certificate.json.</source>
      <translation>The package does not contain the office certificate certificate.json.</translation>
    </message>
    <message>
      <source>Manifest paket rusak atau tidak lengkap.</source>
      <translation>The package's manifest is damaged or incomplete.</translation>
    </message>
    <message>
      <source>Berkas ini bukan paket penilaian Merit Luring.</source>
      <translation>This file is not a Merit Luring assessment package.</translation>
    </message>
    <message>
      <source>Versi format paket tidak dikenal; perbarui aplikasi Merit Luring.</source>
      <translation>Unknown package format version; update the Merit Luring application.</translation>
    </message>
    <message>
      <source>Sertifikat kantor dalam paket rusak.</source>
      <translation>The office certificate in the package is damaged.</translation>
    </message>
    <message>
      <source>Tanda tangan paket rusak.</source>
      <translation>The package's signature is damaged.</translation>
    </message>
    <message>
      <source>Paket tidak ditandatangani dengan kunci kantor yang tercantum pada sertifikatnya.</source>
      <translation>The package is not signed with the office key named on its certificate.</translation>
    </message>
    <message>
      <source>Tanda tangan tidak cocok: isi paket telah berubah setelah ditandatangani.</source>
      <translation>The signature does not match: the package's content changed after it was signed.</translation>
    </message>
    <message>
      <source>Komentar terpercaya tanda tangan tidak cocok dengan manifest paket.</source>
      <translation>The signature's trusted comment does not match the package's manifest.</translation>
    </message>
    <message>
      <source>Nama asli berkas bukti dalam manifest tidak sah (karakter kendali atau terlalu panjang).</source>
      <translation>An evidence file's original name in the manifest is not valid (control characters or too long).</translation>
    </message>
    <message>
      <source>Sertifikat kantor tidak diterbitkan oleh provinsi yang dipercaya.</source>
      <translation>The office certificate was not issued by a trusted province.</translation>
    </message>
    <message>
      <source>Tanda tangan provinsi pada sertifikat kantor tidak sah.</source>
      <translation>The province's signature on the office certificate is not valid.</translation>
    </message>
    <message>
      <source>Sertifikat kantor belum berlaku pada waktu pemeriksaan.</source>
      <translation>The office certificate was not yet valid at the time of checking.</translation>
    </message>
    <message>
      <source>Sertifikat kantor sudah berakhir pada waktu pemeriksaan.</source>
      <translation>The office certificate had expired at the time of checking.</translation>
    </message>
    <message>
      <source>Sertifikat kantor telah dicabut oleh provinsi.</source>
      <translation>The office certificate has been revoked by the province.</translation>
    </message>
    <message>
      <source>Kantor dalam manifest berbeda dengan kantor pada sertifikat.</source>
      <translation>The office in the manifest differs from the office on the certificate.</translation>
    </message>
    <message>
      <source>Berkas yang tercantum dalam manifest tidak ada di paket.</source>
      <translation>A file listed in the manifest is not in the package.</translation>
    </message>
    <message>
      <source>Paket berisi berkas yang tidak tercantum dalam manifest.</source>
      <translation>The package contains a file that is not listed in the manifest.</translation>
    </message>
    <message>
      <source>Ukuran berkas berbeda dengan yang tercantum dalam manifest.</source>
      <translation>A file's size differs from the size listed in the manifest.</translation>
    </message>
    <message>
      <source>Isi berkas telah berubah (SHA-256 tidak cocok dengan manifest).</source>
      <translation>A file's content has changed (its SHA-256 does not match the manifest).</translation>
    </message>
    <message>
      <source>Instrumen penilaian paket tidak dikenal oleh aplikasi ini.</source>
      <translation>This application does not know the package's assessment instrument.</translation>
    </message>
    <message>
      <source>Jawaban dalam paket tidak sah untuk instrumennya.</source>
      <translation>The answers in the package are not valid for their instrument.</translation>
    </message>
    <message>
      <source>Nilai yang dinyatakan dalam paket berbeda dengan hasil hitung ulang dari jawaban.</source>
      <translation>The score stated in the package differs from the score recomputed from its answers.</translation>
    </message>
    <message>
      <source>Teks JSON berisi nama anggota ganda (pembaca berbeda dapat membaca nilai berbeda).</source>
      <translation>The JSON text contains a duplicate member name (different readers could read different values).</translation>
    </message>
    <message>
      <source>Teks JSON berisi NaN atau Infinity, yang bukan JSON.</source>
      <translation>The JSON text contains NaN or Infinity, which are not JSON.</translation>
    </message>
    <message>
      <source>Teks JSON berisi bilangan di luar rentang 64 bit.</source>
      <translation>The JSON text contains a number outside the 64-bit range.</translation>
    </message>
    <message>
      <source>Teks JSON bersarang terlalu dalam.</source>
      <translation>The JSON text is nested too deeply.</translation>
    </message>
    <message>
      <source>Pemeriksaan paket dibatalkan.</source>
      <translation>Checking the package was cancelled.</translation>
    </message>
    <message>
      <source>Paket tidak dapat diperiksa karena galat tak terduga; laporkan ke pengembang.</source>
      <translation>The package could not be checked because of an unexpected error; report it to the developers.</translation>
    </message>
    <message>
      <source>Berkas ini bukan hasil verifikasi atau tanda terima Merit Luring.</source>
      <translation>This file is not a Merit Luring verification result or receipt.</translation>
    </message>
    <message>
      <source>Versi format hasil verifikasi/tanda terima tidak dikenal; perbarui aplikasi Merit Luring.</source>
      <translation>Unknown format version of the verification result/receipt; update the Merit Luring application.</translation>
    </message>
    <message>
      <source>Isi hasil verifikasi/tanda terima rusak atau tidak lengkap.</source>
      <translation>The content of the verification result/receipt is damaged or incomplete.</translation>
    </message>
    <message>
      <source>Berkas tidak membawa tanda tangan provinsi.</source>
      <translation>The file carries no province signature.</translation>
    </message>
    <message>
      <source>Tanda tangan provinsi pada berkas rusak.</source>
      <translation>The province's signature on the file is damaged.</translation>
    </message>
    <message>
      <source>Berkas ditandatangani kunci provinsi yang tidak dipercaya aplikasi ini (bukan kunci dari profil provinsi yang diimpor).</source>
      <translation>The file is signed by a province key this application does not trust (not the key of the imported province profile).</translation>
    </message>
    <message>
      <source>Tanda tangan tidak cocok: isi berkas telah berubah setelah ditandatangani provinsi.</source>
      <translation>The signature does not match: the file's content changed after the province signed it.</translation>
    </message>
    <message>
      <source>Komentar terpercaya tanda tangan tidak cocok dengan isi berkas.</source>
      <translation>The signature's trusted comment does not match the file's content.</translation>
    </message>
    <message>
      <source>Berkas terlalu besar untuk hasil verifikasi atau tanda terima.</source>
      <translation>The file is too large for a verification result or receipt.</translation>
    </message>
    <message>
      <source>Instalasi ini belum diatur sebagai kantor kabupaten/kota.</source>
      <translation>This installation has not been set up as a regency/city office.</translation>
    </message>
    <message>
      <source>Berkas ini untuk kantor lain, bukan kantor ini.</source>
      <translation>This file is for another office, not this one.</translation>
    </message>
    <message>
      <source>Berkas ini menjawab paket yang tidak pernah diekspor dari instalasi ini.</source>
      <translation>This file answers a package that was never exported from this installation.</translation>
    </message>
    <message>
      <source>Berkas ini menjawab paket dengan id yang sama tetapi isi berkas berbeda dari yang diekspor dari instalasi ini (SHA-256 tidak cocok).</source>
      <translation>This file answers a package with the same id but a different file from the one exported from this installation (the SHA-256 does not match).</translation>
    </message>
    <message>
      <source>Hasil verifikasi ini untuk revisi lama; kantor sudah mengekspor revisi yang lebih baru. Minta provinsi meninjau revisi terbaru.</source>
      <translation>This verification result is for an old revision; the office has already exported a newer one. Ask the province to review the latest revision.</translation>
    </message>
    <message>
      <source>Indeks hasil verifikasi dalam berkas berbeda dengan hasil hitung ulang dari tingkat terverifikasi.</source>
      <translation>The verified index in the file differs from the index recomputed from the verified levels.</translation>
    </message>
    <message>
      <source>Butir dalam hasil verifikasi tidak sah untuk instrumen penilaian ini.</source>
      <translation>An item in the verification result is not valid for this assessment instrument.</translation>
    </message>
    <message>
      <source>Paket berasal dari kantor di luar provinsi ini.</source>
      <translation>The package comes from an office outside this province.</translation>
    </message>
    <message>
      <source>Paket yang sama persis sudah diterima sebelumnya.</source>
      <translation>Exactly the same package was received before.</translation>
    </message>
    <message>
      <source>Revisi ini sudah diterima dengan isi yang sama (ekspor ulang); berkas ini tidak disimpan lagi.</source>
      <translation>This revision was already received with the same content (exported again); this file is not stored again.</translation>
    </message>
    <message>
      <source>Revisi lama disimpan dan dicantumkan; konsolidasi memakai revisi yang lebih baru.</source>
      <translation>The old revision is stored and listed; the consolidation uses the newer revision.</translation>
    </message>
    <message>
      <source>Kantor yang sama mengirim berkas lain untuk revisi yang sudah diterima. Kedua berkas disimpan; konsolidasi tetap memakai yang diterima lebih dulu. Tanyakan ke kantor itu berkas mana yang benar.</source>
      <translation>The same office sent a different file for a revision already received. Both files are kept; the consolidation keeps using the one received first. Ask that office which file is right.</translation>
    </message>
    <message>
      <source>Ini folder, bukan berkas paket; paket adalah satu berkas .merit.</source>
      <translation>This is a folder, not a package file; a package is one .merit file.</translation>
    </message>
    <message>
      <source>Berkas ini tidak dapat diproses karena galat tak terduga (rinciannya di berkas log); berkas lain tetap diimpor.</source>
      <translation>This file could not be processed because of an unexpected error (the details are in the log file); the other files are still imported.</translation>
    </message>
    <message>
      <source>Paket gagal disimpan.</source>
      <translation>The package could not be saved.</translation>
    </message>
    <message>
      <source>Isi manifes paket tidak dapat disimpan; paket ditolak dan tidak ada yang tersimpan.</source>
      <translation>The package's manifest content cannot be stored; the package is rejected and nothing was stored.</translation>
    </message>
    <message>
      <source>Sertifikat kantor tidak tercatat sebagai sertifikat yang diterbitkan provinsi ini.</source>
      <translation>The office certificate is not recorded as a certificate issued by this province.</translation>
    </message>
    <message>
      <source>Teks JSON rusak atau bukan UTF-8.</source>
      <translation>The JSON text is damaged or not UTF-8.</translation>
    </message>
  </context>
</TS>
