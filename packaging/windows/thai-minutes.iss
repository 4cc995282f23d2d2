; Inno Setup script: installs the PyInstaller build (dist\thai-minutes, made by
; packaging\thai-minutes.spec) for the current user, without administrator rights, with
; Start-menu and desktop shortcuts and "Open with" for meeting files. Build on Windows:
;
;     iscc packaging\windows\thai-minutes.iss
;
; The installer lands in dist\installer\. .github/workflows/windows.yml does both steps.

#define AppName "thai-minutes"
#define AppThaiName "รายงานการประชุม (thai-minutes)"
#define AppVersion GetEnv("THAI_MINUTES_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6D1F5D2A-7C64-4F39-9C2B-0E5B8E7A1C11}
AppName={#AppThaiName}
AppVersion={#AppVersion}
AppPublisher=thai-minutes
; per user: no administrator rights asked, installed under the user's own Programs folder
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppThaiName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist\installer
OutputBaseFilename=thai-minutes-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\thai-minutes.ico
UninstallDisplayIcon={app}\thai-minutes.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "สร้างไอคอนบนเดสก์ท็อป (desktop shortcut)"; GroupDescription: "ไอคอน:"

[Files]
Source: "..\..\dist\thai-minutes\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppThaiName}"; Filename: "{app}\thai-minutes.exe"
Name: "{autodesktop}\{#AppThaiName}"; Filename: "{app}\thai-minutes.exe"; Tasks: desktopicon

[Registry]
; Windows associates files by their last extension only, and a meeting file ends in .json like
; any JSON file: the program offers itself under "Open with" for .json (it never takes .json
; over from the clerk's editor); opening a *.minutes.json file from there imports and opens it.
Root: HKCU; Subkey: "Software\Classes\thai-minutes.meeting"; ValueType: string; ValueName: ""; ValueData: "ไฟล์การประชุม (thai-minutes)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\thai-minutes.meeting\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\thai-minutes.exe,0"
Root: HKCU; Subkey: "Software\Classes\thai-minutes.meeting\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\thai-minutes.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "thai-minutes.meeting"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\thai-minutes.exe"; Description: "เปิดโปรแกรม (open thai-minutes)"; Flags: nowait postinstall skipifsilent
