<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Ya</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Tidak</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Ya</translation>
    </message>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Tidak</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Terapkan</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Simpan</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Buang</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Buka</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Atur Ulang</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Bantuan</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Coba Lagi</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Abaikan</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Hentikan</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Kembalikan Bawaan</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>Ya untuk &amp;Semua</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>T&amp;idak untuk Semua</translation>
    </message>
    <message>
      <source>Yes to All</source>
      <translation>Ya untuk Semua</translation>
    </message>
    <message>
      <source>No to All</source>
      <translation>Tidak untuk Semua</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Simpan Semua</translation>
    </message>
  </context>
  <context>
    <name>QGnomeTheme</name>
    <message>
      <source>&amp;OK</source>
      <translation>&amp;OK</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Simpan</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Batal</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Tutup</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>Tutup tanpa Menyimpan</translation>
    </message>
  </context>
  <context>
    <name>QWizard</name>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
      <source>&amp;Next</source>
      <translation>&amp;Lanjut</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
      <source>Go Back</source>
      <translation>Kembali</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Lanjut</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Selesai</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Selesai</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Bantuan</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Bantuan</translation>
    </message>
    <message>
      <source>Commit</source>
      <translation>Terapkan</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Keluar</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Show Details...</source>
      <translation>Tampilkan Rincian...</translation>
    </message>
    <message>
      <source>Hide Details...</source>
      <translation>Sembunyikan Rincian...</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Tentang Qt&lt;/h3&gt;&lt;p&gt;Program ini memakai Qt versi %1.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Batalkan</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Ulangi</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Po&amp;tong</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Salin</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Tempel</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Pilih Semua</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Salin &amp;Lokasi Tautan</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Batalkan</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Ulangi</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Po&amp;tong</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Salin</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Tempel</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Pilih Semua</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Salin &amp;Lokasi Tautan</translation>
    </message>
  </context>
  <context>
    <name>QShortcut</name>
    <message>
      <source>Ctrl</source>
      <translation>Ctrl</translation>
    </message>
    <message>
      <source>Shift</source>
      <translation>Shift</translation>
    </message>
    <message>
      <source>Alt</source>
      <translation>Alt</translation>
    </message>
    <message>
      <source>Del</source>
      <translation>Del</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>All Files (*)</source>
      <translation>Semua Berkas (*)</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Buka</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>Simpan Sebagai</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Buka</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Simpan</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Lihat di:</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>Jenis berkas:</translation>
    </message>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Lihat di:</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>&amp;Jenis berkas:</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Semua berkas (*)</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>Folder:</translation>
    </message>
    <message>
      <source>Find Directory</source>
      <translation>Cari Folder</translation>
    </message>
    <message>
      <source>&amp;Choose</source>
      <translation>&amp;Pilih</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>Folder Baru</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Kembali</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Maju</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>Folder Induk</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>Buat Folder Baru</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>Tampilan Daftar</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>Tampilan Rinci</translation>
    </message>
    <message>
      <source>My Computer</source>
      <translation>Komputer Saya</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>&amp;Ganti Nama</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Hapus</translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
      <source>&amp;New Folder</source>
      <translation>Folder &amp;Baru</translation>
    </message>
    <message>
      <source>Recent Places</source>
      <translation>Tempat Terakhir</translation>
    </message>
    <message>
      <source>Sidebar</source>
      <translation>Panel Samping</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Berkas</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>Tidak diketahui</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Berkas</translation>
    </message>
    <message>
      <source>File Folder</source>
      <translation>Folder Berkas</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Folder</translation>
    </message>
    <message>
      <source>Alias</source>
      <translation>Alias</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>Pintasan</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>Drive</translation>
    </message>
    <message>
      <source>Directories</source>
      <translation>Folder</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Simpan</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>Kembali</translation>
    </message>
    <message>
      <source>Go forward</source>
      <translation>Maju</translation>
    </message>
    <message>
      <source>Go to the parent directory</source>
      <translation>Ke folder induk</translation>
    </message>
    <message>
      <source>Create a New Folder</source>
      <translation>Buat folder baru</translation>
    </message>
    <message>
      <source>Change to list view mode</source>
      <translation>Tampilkan sebagai daftar</translation>
    </message>
    <message>
      <source>Change to detail view mode</source>
      <translation>Tampilkan dengan rincian</translation>
    </message>
    <message>
      <source>Are you sure you want to delete '%1'?</source>
      <translation>Yakin ingin menghapus '%1'?</translation>
    </message>
    <message>
      <source>Could not delete directory.</source>
      <translation>Folder tidak dapat dihapus.</translation>
    </message>
    <message>
      <source>%1 already exists.
Do you want to replace it?</source>
      <translation>%1 sudah ada.
Ganti berkas itu?</translation>
    </message>
    <message>
      <source>%1
File not found.
Please verify the correct file name was given.</source>
      <translation>%1
Berkas tidak ditemukan.
Periksa nama berkasnya.</translation>
    </message>
    <message>
      <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
      <translation>%1
Folder tidak ditemukan.
Periksa nama foldernya.</translation>
    </message>
    <message>
      <source>'%1' is write protected.
Do you want to delete it anyway?</source>
      <translation>'%1' dilindungi dari penulisan.
Tetap hapus?</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Ukuran</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Jenis</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Jenis</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>Tanggal Diubah</translation>
    </message>
    <message>
      <source>My Computer</source>
      <translation>Komputer Saya</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>Komputer</translation>
    </message>
    <message>
      <source>%1 TB</source>
      <translation>%1 TB</translation>
    </message>
    <message>
      <source>%1 GB</source>
      <translation>%1 GB</translation>
    </message>
    <message>
      <source>%1 MB</source>
      <translation>%1 MB</translation>
    </message>
    <message>
      <source>%1 KB</source>
      <translation>%1 KB</translation>
    </message>
    <message>
      <source>%1 bytes</source>
      <translation>%1 bita</translation>
    </message>
    <message>
      <source>Invalid filename</source>
      <translation>Nama berkas tidak sah</translation>
    </message>
    <message>
      <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
      <translation>&lt;b&gt;Nama "%1" tidak dapat dipakai.&lt;/b&gt;&lt;p&gt;Coba nama lain yang lebih pendek atau tanpa tanda baca.</translation>
    </message>
  </context>
  <context>
    <name>QAbstractSpinBox</name>
    <message>
      <source>&amp;Select All</source>
      <translation>Pilih &amp;Semua</translation>
    </message>
    <message>
      <source>&amp;Step up</source>
      <translation>&amp;Naikkan</translation>
    </message>
    <message>
      <source>Step &amp;down</source>
      <translation>&amp;Turunkan</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>Drive</source>
      <translation>Drive</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Berkas</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Folder</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>Tidak diketahui</translation>
    </message>
  </context>
  <context>
    <name>QDialogButtonBox</name>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>QColorDialog</name>
    <message>
      <source>Select Color</source>
      <translation>Pilih Warna</translation>
    </message>
  </context>
</TS>
