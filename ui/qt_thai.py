"""Thai for the words Qt's own dialogs show: the print dialog and its page setup on Linux (Windows
shows its own, in the system's language), and the standard buttons. Qt ships no Thai translation
of its own (no `qtbase_th.qm`), so these are looked up here by Qt's context and English text;
anything not listed stays as Qt has it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

THAI: dict[tuple[str, str], str] = {
    ("QPlatformTheme", "OK"): "ตกลง",
    ("QPlatformTheme", "Cancel"): "ยกเลิก",
    ("QPlatformTheme", "Close"): "ปิด",
    ("QPlatformTheme", "Yes"): "ใช่",
    ("QPlatformTheme", "No"): "ไม่",
    ("QPlatformTheme", "Save"): "บันทึก",
    ("QPlatformTheme", "Open"): "เปิด",
    ("QPrintDialog", "Print"): "พิมพ์",
    ("QPrintDialog", "&Print"): "&พิมพ์",
    ("QPrintDialog", "&Options >>"): "&ตัวเลือก >>",
    ("QPrintDialog", "&Options <<"): "&ตัวเลือก <<",
    ("QPrintDialog", "All Pages"): "ทุกหน้า",
    ("QPrintDialog", "Odd Pages"): "เฉพาะหน้าคี่",
    ("QPrintDialog", "Even Pages"): "เฉพาะหน้าคู่",
    ("QPrintDialog", "Local file"): "ไฟล์ในเครื่อง",
    ("QPrintDialog", "Print to File (PDF)"): "พิมพ์ลงไฟล์ (PDF)",
    ("QPrintDialog", "Write PDF file"): "เขียนไฟล์ PDF",
    ("QPrintDialog", "Print To File ..."): "พิมพ์ลงไฟล์...",
    ("QPrintDialog", "File exists"): "มีไฟล์นี้อยู่แล้ว",
    ("QPrintDialog", "<qt>Do you want to overwrite it?</qt>"): "<qt>ต้องการเขียนทับไฟล์เดิมหรือไม่</qt>",
    ("QPrintDialog", "%1 is a directory.\nPlease choose a different file name."): (
        "%1 เป็นโฟลเดอร์\nกรุณาเลือกชื่อไฟล์อื่น"
    ),
    ("QPrintDialog", "File %1 is not writable.\nPlease choose a different file name."): (
        "เขียนไฟล์ %1 ไม่ได้\nกรุณาเลือกชื่อไฟล์อื่น"
    ),
    ("QPrintDialog", "Invalid Pages Definition"): "ระบุหน้าไม่ถูกต้อง",
    (
        "QPrintDialog",
        "%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.",
    ): ("%1 เขียนไม่ถูกแบบ ใช้ ',' คั่นหน้าหรือช่วงหน้า ใช้ '-' กำหนดช่วง (เช่น 1-3,5) และช่วงต้องไม่ซ้อนกัน"),
    ("QPrintSettingsOutput", "Form"): "ฟอร์ม",
    ("QPrintSettingsOutput", "Copies"): "สำเนา",
    ("QPrintSettingsOutput", "Copies:"): "จำนวนชุด:",
    ("QPrintSettingsOutput", "Collate"): "เรียงชุด",
    ("QPrintSettingsOutput", "Reverse"): "กลับลำดับหน้า",
    ("QPrintSettingsOutput", "Print range"): "ช่วงที่จะพิมพ์",
    ("QPrintSettingsOutput", "Print all"): "พิมพ์ทั้งหมด",
    ("QPrintSettingsOutput", "Pages from"): "หน้า",
    ("QPrintSettingsOutput", "to"): "ถึง",
    ("QPrintSettingsOutput", "Pages"): "หน้าที่ระบุ",
    ("QPrintSettingsOutput", "Current Page"): "หน้าปัจจุบัน",
    ("QPrintSettingsOutput", "Selection"): "ส่วนที่เลือก",
    ("QPrintSettingsOutput", "Page &Set:"): "ชุด&หน้า:",
    ("QPrintSettingsOutput", "Output Settings"): "การพิมพ์",
    ("QPrintSettingsOutput", "Options"): "ตัวเลือก",
    ("QPrintSettingsOutput", "Color Mode"): "สี",
    ("QPrintSettingsOutput", "Color"): "สี",
    ("QPrintSettingsOutput", "Grayscale"): "ขาวดำ",
    ("QPrintSettingsOutput", "Double Sided Printing"): "พิมพ์สองหน้า",
    ("QPrintSettingsOutput", "Off"): "ไม่ใช้",
    ("QPrintSettingsOutput", "Long side binding"): "พลิกด้านยาว",
    ("QPrintSettingsOutput", "Short side binding"): "พลิกด้านสั้น",
    (
        "QPrintSettingsOutput",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
    ): "ระบุหน้าหรือช่วงหน้าคั่นด้วยจุลภาค ช่วงหน้าใช้ขีดกลาง เช่น 3,5-7,9 พิมพ์หน้า 3, 5, 6, 7 และ 9",
    ("QPrintWidget", "Form"): "ฟอร์ม",
    ("QPrintWidget", "Printer"): "เครื่องพิมพ์",
    ("QPrintWidget", "&Name:"): "&ชื่อ:",
    ("QPrintWidget", "P&roperties"): "&คุณสมบัติ",
    ("QPrintWidget", "Location:"): "ที่ตั้ง:",
    ("QPrintWidget", "Preview"): "ตัวอย่าง",
    ("QPrintWidget", "Type:"): "ชนิด:",
    ("QPrintWidget", "Output &file:"): "&ไฟล์ที่จะเขียน:",
    ("QPrintPropertiesDialog", "Printer Properties"): "คุณสมบัติเครื่องพิมพ์",
    ("QPrintPropertiesDialog", "Job Options"): "ตัวเลือกงานพิมพ์",
    ("QPrintPropertiesWidget", "Form"): "ฟอร์ม",
    ("QPrintPropertiesWidget", "Page"): "หน้ากระดาษ",
    ("QPrintPropertiesWidget", "Advanced"): "ขั้นสูง",
    ("QPageSetupWidget", "Form"): "ฟอร์ม",
    ("QPageSetupWidget", "Paper"): "กระดาษ",
    ("QPageSetupWidget", "Page size:"): "ขนาดกระดาษ:",
    ("QPageSetupWidget", "Width:"): "กว้าง:",
    ("QPageSetupWidget", "Height:"): "สูง:",
    ("QPageSetupWidget", "Paper source:"): "ถาดกระดาษ:",
    ("QPageSetupWidget", "Orientation"): "แนวกระดาษ",
    ("QPageSetupWidget", "Portrait"): "แนวตั้ง",
    ("QPageSetupWidget", "Landscape"): "แนวนอน",
    ("QPageSetupWidget", "Reverse landscape"): "แนวนอนกลับหัว",
    ("QPageSetupWidget", "Reverse portrait"): "แนวตั้งกลับหัว",
    ("QPageSetupWidget", "Margins"): "ระยะขอบ",
    ("QPageSetupWidget", "top margin"): "ขอบบน",
    ("QPageSetupWidget", "left margin"): "ขอบซ้าย",
    ("QPageSetupWidget", "right margin"): "ขอบขวา",
    ("QPageSetupWidget", "bottom margin"): "ขอบล่าง",
    ("QPageSetupWidget", "Page Layout"): "การจัดหน้า",
    ("QPageSetupWidget", "Page &order:"): "&ลำดับหน้า:",
    ("QPageSetupWidget", "Pages &per sheet:"): "จำนวนหน้า&ต่อแผ่น:",
    ("QPageSetupWidget", "Custom"): "กำหนดเอง",
    ("QPageSetupWidget", "Millimeters (mm)"): "มิลลิเมตร (mm)",
    ("QPageSetupWidget", "Inches (in)"): "นิ้ว (in)",
    ("QPageSetupWidget", "Points (pt)"): "พอยต์ (pt)",
    ("QPageSetupWidget", "mm"): "มม.",
}


class ThaiQtTranslator(QTranslator):
    """Qt's own words from `THAI`; None (a null string) leaves Qt's English (an empty string
    would be taken as the translation: every other word of Qt would vanish)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return THAI.get((context, source_text))

    def isEmpty(self) -> bool:
        return False


_installed: list[ThaiQtTranslator] = []  # kept alive for the program's life


def install_thai_qt() -> None:
    """Install the translator once (at the first print dialog: Qt asks it for every word it
    shows from then on, so it is not installed before it is needed)."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    application = QCoreApplication.instance()
    if application is None or _installed:
        return
    translator = ThaiQtTranslator()
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
