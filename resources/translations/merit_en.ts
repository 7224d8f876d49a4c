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
      <source>Judul</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Dasar hukum</source>
      <translation>Legal basis</translation>
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
  </context>
  <context>
    <name>AspectPage</name>
    <message>
      <source>Pertanyaan pembuka aspek ini</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pilih butir di sebelah kiri untuk menjawabnya.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aspek {0}. {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bobot aspek: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(sementara — bobot resmi belum diterbitkan)</source>
      <translation type="unfinished" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Indeks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Predikat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kelengkapan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Terakhir diubah</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Draf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Final</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(sementara)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{0} ({1} dari {2} butir)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Indeks Sistem Merit (NISM)</source>
      <translation>Merit System Index (NISM)</translation>
    </message>
    <message>
      <source>Maturitas (nilai survei S belum diisi)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nilai</source>
      <translation>Score</translation>
    </message>
  </context>
  <context>
    <name>AssessmentListView</name>
    <message>
      <source>Daftar penilaian</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Buka penilaian</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penilaian &amp;baru…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Belum ada kantor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{0} · Provinsi {1} · kode {2}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penilaian mandiri Sistem Merit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penilaian baru</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tahun penilaian:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penilaian tidak dibuat</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AssessmentSession</name>
    <message>
      <source>Butir {0} tidak berlaku untuk jawaban pertanyaan pembuka saat ini.</source>
      <translation>Item {0} does not apply under the current answers to the screening questions.</translation>
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;b&gt;Data penilaian tidak dapat dibuka karena berkasnya rusak.&lt;/b&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Berkas: {0}
Pemeriksaan SQLite: {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ini biasanya terjadi setelah listrik padam atau flashdisk dicabut saat menyimpan. Cadangan otomatis terbaru yang utuh dibuat {0}. Memulihkannya mengembalikan data ke keadaan saat itu; perubahan sesudahnya hilang. Berkas yang rusak tidak dihapus, melainkan disimpan dengan nama berakhiran ".rusak-…" untuk diperiksa.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Pulihkan dari cadangan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tidak ada cadangan yang utuh di folder {0}. Hubungi petugas TI atau admin provinsi; jangan menghapus folder data.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Tutup aplikasi</source>
      <translation type="unfinished" />
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
    <name>EvidenceListModel</name>
    <message>
      <source>{0}
{1} · ditambahkan {2} oleh {3}</source>
      <translation type="unfinished" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>Belum ada berkas. Seret berkas ke daftar ini atau pilih &lt;b&gt;Tambah berkas…&lt;/b&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Tambah berkas…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>B&amp;uka</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ganti &amp;label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Hapus</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tambahkan berkas bukti dukung (atau seret berkas ke daftar)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;b&gt;Bukti dukung yang diharapkan instrumen:&lt;/b&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pilih berkas bukti dukung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dokumen dan gambar (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.zip);;Semua berkas (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Menambah bukti dukung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Menyalin dan memeriksa {0} berkas…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tambah {0} bukti {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sebagian berkas tidak ditambahkan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Berkas tidak dapat ditambahkan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Membuka bukti dukung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Menyiapkan {0}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tidak ada penampil</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tidak ada aplikasi untuk membuka {0}. Salinannya ada di {1}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bukti dukung tidak dapat dibuka</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Berkas bukti tidak dapat disalin untuk dibuka: {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HistoryModel</name>
    <message>
      <source>Waktu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Oleh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Perubahan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dari</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Menjadi</source>
      <translation type="unfinished" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;b&gt;Riwayat butir {0}&lt;/b&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;b&gt;Riwayat penilaian&lt;/b&gt; (pertanyaan pembuka, S, k)</source>
      <translation type="unfinished" />
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
    <name>ItemEditor</name>
    <message>
      <source>Pertanyaan pembuka</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tingkat (tekan {0}–{1} untuk memilih)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kosongkan jawaban</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Penjelasan (justifikasi jawaban):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jelaskan mengapa tingkat ini dipilih; wajib bila belum ada bukti dukung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Perlu &amp;ditinjau</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Catatan tinjauan (apa yang perlu diperiksa, oleh siapa)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Catatan tinjauan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bukti dukung</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <source>Aspek {0}. {1} · kode butir {2}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>belum tersimpan</source>
      <translation type="unfinished" />
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
      <source>Nama operator dicatat pada setiap perubahan (riwayat). Penilaian pertama dibuat untuk tahun yang dipilih.</source>
      <translation>The operator name is recorded with every change (history). The first assessment is created for the chosen year.</translation>
    </message>
    <message>
      <source>Nama operator dicatat pada setiap perubahan (riwayat).</source>
      <translation>The operator name is recorded with every change (history).</translation>
    </message>
  </context>
  <context>
    <name>PropertiesDialog</name>
    <message>
      <source>Properti penilaian {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Indeks Sistem Merit = {0} × maturitas + {1} × S − k. Isi S bila hasil survei kepuasan/keterlibatan pegawai sudah diketahui; tanpa S aplikasi menampilkan maturitas saja. Koreksi k ditetapkan verifikator.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nilai &amp;survei pegawai (S) sudah diketahui</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nilai survei pegawai S</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Koreksi verifikator (k) sudah ditetapkan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Koreksi verifikator k</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>S (0–1):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>k (0–1):</source>
      <translation type="unfinished" />
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
      <source>Pilih provinsi Anda dari daftar resmi Kemendagri.</source>
      <translation>Choose your province from the official Ministry of Home Affairs list.</translation>
    </message>
    <message>
      <source>Pilih kabupaten/kota Anda dari daftar resmi Kemendagri; ketik untuk mencari.</source>
      <translation>Choose your regency/city from the official Ministry of Home Affairs list; type to search.</translation>
    </message>
    <message>
      <source>— Pilih provinsi —</source>
      <translation>— Choose a province —</translation>
    </message>
    <message>
      <source>Pilih provinsi terlebih dahulu.</source>
      <translation>Choose a province first.</translation>
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
    <name>ScorePanel</name>
    <message>
      <source>SEMENTARA</source>
      <translation>PROVISIONAL</translation>
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
      <source>Maturitas (M)</source>
      <translation>Maturity (M)</translation>
    </message>
    <message>
      <source>Maturitas {m} — {band}</source>
      <translation>Maturity {m} — {band}</translation>
    </message>
    <message>
      <source>NISM: menunggu nilai survei</source>
      <translation>NISM: waiting for the survey figure</translation>
    </message>
    <message>
      <source>Sudah berada di pita tertinggi.</source>
      <translation>Already in the highest band.</translation>
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
      <source> ({count} belum dijawab, dihitung di tingkat terendah)</source>
      <translation> ({count} unanswered, counted at the lowest level)</translation>
    </message>
    <message>
      <source>; {count} tidak berlaku</source>
      <translation>; {count} not applicable</translation>
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daftar hal yang perlu diselesaikan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tekan Enter atau klik ganda untuk membuka butirnya.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Buka butir</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Periksa &amp;ulang</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ada perubahan yang belum tersimpan; daftar ini memakai data tersimpan.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Semua butir yang berlaku sudah dijawab dan lengkap. Penilaian siap difinalisasi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tidak ada yang menghalangi finalisasi; {0} catatan perlu dilihat.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{0} hal harus diselesaikan sebelum finalisasi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tidak menghalangi finalisasi</source>
      <translation type="unfinished" />
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
      <source>Ingin mencoba dulu? Data contoh memuat Kabupaten Bangka dengan penilaian lengkap dan bukti dukung contoh. Pengaturan dapat diubah nanti.</source>
      <translation>Want to try first? The demo data holds Kabupaten Bangka with a complete assessment and sample evidence. Settings can be changed later.</translation>
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
    <name>dialog</name>
    <message>
      <source>Pemulihan gagal</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>gates</name>
    <message>
      <source>Butir ini tidak berlaku karena jawaban pertanyaan pembuka «{0}» adalah «{1}». Butir ini hanya berlaku bila jawabannya: {2}. Butir yang tidak berlaku tidak dihitung (bukan dianggap nol).</source>
      <translation>This item does not apply because the answer to the screening question «{0}» is «{1}». It applies only when the answer is: {2}. Items that do not apply are not counted (not treated as zero).</translation>
    </message>
  </context>
  <context>
    <name>history</name>
    <message>
      <source>Penilaian dibuat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tingkat</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Penjelasan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Perlu ditinjau</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Catatan tinjauan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bukti ditambahkan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bukti dihapus</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bukti dikembalikan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label bukti</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nilai survei (S)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Koreksi (k)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pertanyaan pembuka {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ya</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tidak</source>
      <translation type="unfinished" />
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
</TS>
