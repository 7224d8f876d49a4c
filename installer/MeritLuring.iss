; Merit Luring: per-user Windows installer (Inno Setup 6.3 or newer).
;
;   ISCC.exe /DAppVersion=0.1.0 installer\MeritLuring.iss
;
; Input: the one-folder bundle dist\MeritLuring\ built from build.spec. Output:
; installer\Output\MeritLuring-<version>-setup.exe. The release workflow
; (.github/workflows/release.yml) passes AppVersion read from models\__init__.py
; (__version__); see docs/building-on-windows.md.
;
; No administrator rights: the program goes to %LOCALAPPDATA%\Programs\Merit Luring, the
; Start-menu entry and the .merit file association to the current user only (HKCU).
; The data folder %LOCALAPPDATA%\MeritLuring (database, evidence, keys, backups) is never
; written by the installer and is left alone by the uninstaller, which says so.

#ifndef AppVersion
  #error Pass the version from models\__init__.py: ISCC /DAppVersion=X.Y.Z installer\MeritLuring.iss
#endif

#define AppName "Merit Luring"
#define AppExe "MeritLuring.exe"
#define ProgId "MeritLuring.Paket"

[Setup]
; Never change AppId: a new version upgrades the installed one in place because of it.
AppId={{6C7D3C1E-4A7B-4E55-9E3B-5B1F0D6C2A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 version 1809 (build 17763): Qt 6's floor.
MinVersion=10.0.17763
ChangesAssociations=yes
SourceDir=..
OutputDir=installer\Output
OutputBaseFilename=MeritLuring-{#AppVersion}-setup
SetupIconFile=resources\icons\merit-luring.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; Inno Setup ships no official Indonesian translation; the messages of this script are in
; Bahasa Indonesia below, the wizard's own buttons in English.
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.OpenPackage=Paket penilaian Merit Luring
en.CreateDesktopIcon=Buat pintasan di desktop

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "dist\MeritLuring\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole bundle: no library of an older version may stay behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; .merit -> the app, for this user only (HKCU\Software\Classes, no administrator rights).
; MeritLuring.exe "PATH.merit" opens the window on that package (main.py, package_to_open).
Root: HKCU; Subkey: "Software\Classes\.merit"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.merit\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenPackage}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function DataFolder(): String;
begin
  { The folder models.paths.platform_data_dir() names on Windows (platformdirs, not roaming). }
  Result := ExpandConstant('{localappdata}\MeritLuring');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox('Program Merit Luring sudah dihapus, tetapi DATANYA TIDAK DIHAPUS.' + #13#10#13#10 +
      'Penilaian, bukti dukung, kunci kantor dan cadangan tetap ada di:' + #13#10 + DataFolder() + #13#10#13#10 +
      'Bila aplikasi dipasang lagi, data itu langsung terpakai. Hapus folder itu sendiri hanya bila ' +
      'data tersebut benar-benar tidak diperlukan lagi, dan salin dulu ke flashdisk atau server kantor.',
      mbInformation, MB_OK);
end;
