"""Every UI string in one place, gettext-style: the code says the English text, `t` gives the Thai.

Thai is the default because the officers' work, documents and plans are Thai; English serves
advisers and auditors. A missing Thai entry falls back to English rather than failing, and a test
checks that every string the code passes to `t` has its Thai.
"""

from __future__ import annotations

TH: dict[str, str] = {
    # tree, checklist, details
    "indicator": "ตัวชี้วัดที่",
    "fiscal year": "ปีงบประมาณ",
    "as of": "ณ วันที่",
    "due": "กำหนด",
    "done on": "เสร็จเมื่อ",
    "evidence": "หลักฐาน",
    "not in this round": "ไม่อยู่ในรอบนี้",
    "not applicable": "ไม่ต้องดำเนินการ",
    "progress": "ความคืบหน้า",
    "responsible": "ผู้รับผิดชอบ",
    "link": "ลิงก์",
    "file": "ไฟล์",
    "Loading…": "กำลังโหลด…",
    "Choose a measure in the tree.": "เลือกมาตรการจากรายการด้านซ้าย",
    "No evidence yet: Space records it done today, e adds evidence.":
        "ยังไม่มีหลักฐาน: กด Space เพื่อบันทึกว่าเสร็จวันนี้ หรือ e เพื่อบันทึกหลักฐาน",
    "There is no plan for fiscal year {year} yet. Import one with: itacheck plan import FILE":
        "ยังไม่มีแผนของปีงบประมาณ {year} นำเข้าแผนด้วยคำสั่ง itacheck plan import FILE",
    "Cannot read the data: {error}": "อ่านข้อมูลไม่ได้: {error}",
    "Fiscal year {this} has no plan yet, so {year} is shown. Start one with: itacheck plan copy {year} {this}":
        "ปีงบประมาณ {this} ยังไม่มีแผน จึงแสดงปี {year} เริ่มแผนใหม่ด้วยคำสั่ง itacheck plan copy {year} {this}",
    # keys (binding descriptions)
    "Tick": "ติ๊กว่าเสร็จ",
    "Evidence": "หลักฐาน",
    "Undo": "ย้อนกลับ",
    "Period": "ช่วงเวลา",
    "Next round": "รอบถัดไป",
    "Dashboard": "ภาพรวม",
    "Report": "รายงาน",
    "Audit log": "ประวัติ",
    "Help": "ช่วยเหลือ",
    "Quit": "ออก",
    "Back": "กลับ",
    "Reload": "โหลดใหม่",
    "Save": "บันทึก",
    "Cancel": "ยกเลิก",
    "Go to item": "ไปที่รายการ",
    "Write PDF": "เขียน PDF",
    "Today": "วันนี้",
    "Commands": "คำสั่ง",
    "palette": "คำสั่ง",
    "Switch focus": "สลับช่อง",
    "Move": "เลื่อน",
    "Open or close": "เปิด/ปิด",
    # notifications
    "Recorded: {what}, done on {day}.": "บันทึกแล้ว: {what} เสร็จเมื่อ {day}",
    "It is dated after the as-of date ({as_of}), so this view does not count it yet.":
        "วันที่บันทึกอยู่หลังวันที่ที่ดูสถานะ ({as_of}) จึงยังไม่นับในมุมมองนี้",
    "Undone: {what} ({day}). The audit log keeps it.": "ย้อนกลับแล้ว: {what} ({day}) ประวัติยังเก็บไว้",
    "Nothing of yours to undo in fiscal year {year}.": "ไม่มีรายการของคุณให้ย้อนกลับในปีงบประมาณ {year}",
    "Nothing to undo: that record was already taken back.": "ไม่มีรายการให้ย้อนกลับ: รายการนั้นถูกย้อนกลับไปแล้ว",
    "{what} is already recorded by {who} at {at}, done on {day}. Add another record to it?":
        "{what} บันทึกไว้แล้วโดย {who} เมื่อ {at} ว่าเสร็จวันที่ {day} จะเพิ่มอีกรายการหรือไม่",
    "Undo {what}, recorded by {who} at {at} (done on {day})? It was not recorded in this window.":
        "ย้อนกลับ {what} ที่ {who} บันทึกเมื่อ {at} (เสร็จวันที่ {day}) หรือไม่ รายการนี้ไม่ได้บันทึกจากหน้าจอนี้",
    "Add another": "เพิ่มอีกรายการ",
    "Welcome to itacheck": "ยินดีต้อนรับสู่ itacheck",
    "There is no plan in {path} yet. How would you like to start?":
        "ยังไม่มีแผนในโฟลเดอร์ {path} ต้องการเริ่มอย่างไร",
    "Try the sample plan (Mueang Noi SAO, fiscal year 2566): tick, record evidence and print its report right away":
        "ลองใช้แผนตัวอย่าง (อบต.เมืองน้อย ปีงบประมาณ ๒๕๖๖): ติ๊กงาน บันทึกหลักฐาน และพิมพ์รายงานได้ทันที",
    "Import last year's report (Word .docx, its text, or a table pasted from Word) or a plan file":
        "นำเข้ารายงานมาตรการปีที่แล้ว (ไฟล์ Word .docx ข้อความ หรือตารางที่คัดลอกจาก Word) หรือไฟล์แผน",
    "Import last year's report": "นำเข้ารายงานปีที่แล้ว",
    "Type the path of last year's measures report (Word .docx, or its text) or of a plan file (.toml), or paste the "
    "report's table copied from Word below. Nothing is saved before you check what was read.":
        "พิมพ์ตำแหน่งไฟล์รายงานมาตรการปีที่แล้ว (Word .docx หรือข้อความ) หรือไฟล์แผน (.toml) หรือวางตารางที่คัดลอกจาก Word "
        "ในช่องด้านล่าง ระบบจะยังไม่บันทึกจนกว่าจะตรวจสอบสิ่งที่อ่านได้",
    "e.g. ~/รายงานมาตรการ 2566.docx": "เช่น ~/รายงานมาตรการ 2566.docx",
    "…or paste the table here:": "…หรือวางตารางที่นี่:",
    "Type a path or paste the table first.": "พิมพ์ตำแหน่งไฟล์หรือวางตารางก่อน",
    "the pasted text": "ข้อความที่วาง",
    "Read": "อ่าน",
    "Check before saving": "ตรวจสอบก่อนบันทึก",
    "measures": "มาตรการ",
    "tasks": "งาน",
    "to check": "รายการควรตรวจสอบ",
    "found": "ที่มา",
    "Save as the plan of": "บันทึกเป็นแผนของ",
    "as in the report": "ตามรายงาน",
    "next year: deadlines move one year on": "ปีถัดไป: เลื่อนวันครบกำหนดไป ๑ ปี",
    "Change the cadence": "แก้กำหนดเวลา",
    "Save the plan": "บันทึกแผน",
    "Replace": "แทนที่",
    "Quit without saving the imported plan?": "ออกจากโปรแกรมโดยไม่บันทึกแผนที่นำเข้าหรือไม่",
    "Fiscal year {year} already has a plan. Replace it with this one? Its records are kept.":
        "ปีงบประมาณ {year} มีแผนอยู่แล้ว จะแทนที่ด้วยแผนนี้หรือไม่ (หลักฐานที่บันทึกไว้ยังอยู่ครบ)",
    "Reading {path}…": "กำลังอ่าน {path}…",
    "Loading the sample plan…": "กำลังโหลดแผนตัวอย่าง…",
    "Fiscal year 2566 already has a plan; the sample was not loaded.":
        "ปีงบประมาณ ๒๕๖๖ มีแผนอยู่แล้ว จึงไม่ได้โหลดแผนตัวอย่าง",
    "Start a plan": "เริ่มแผนใหม่",
    "When is it due?": "กำหนดเวลาของงานนี้",
    "How often": "ความถี่",
    "Due date": "ภายในวันที่",
    "Due months": "เดือนที่ครบกำหนด",
    "e.g. 31 มี.ค. 66 or 2023-03-31": "เช่น ๓๑ มี.ค. ๖๖ หรือ 2023-03-31",
    "e.g. เมษายน ตุลาคม (empty: at the end of each period)": "เช่น เมษายน ตุลาคม (เว้นว่าง: ครบกำหนดเมื่อสิ้นแต่ละช่วง)",
    "The wording suggests: {cadence}": "ข้อความของงานบอกว่า: {cadence}",
    "Use the suggestion": "ใช้ตามข้อความ",
    "↑ ↓ choose · Enter confirm": "↑ ↓ เลือก · Enter ตกลง",
    "Try the sample plan or import a plan file": "ลองแผนตัวอย่าง หรือนำเข้าแผนจากรายงานหรือไฟล์",
    "{day} is outside {period} ({start} – {end}).": "{day} อยู่นอกช่วง {period} ({start} – {end})",
    "Check the date, or press ctrl+s again to save it anyway.":
        "ตรวจสอบวันที่อีกครั้ง หรือกด ctrl+s อีกครั้งเพื่อบันทึกตามนี้",
    "Undo it": "ย้อนกลับ",
    "Yes": "ใช่",
    "No": "ไม่",
    "Could not save: {error}": "บันทึกไม่สำเร็จ: {error}",
    "Today is more than a year outside fiscal year {year}: type the date it was done.":
        "วันนี้อยู่นอกปีงบประมาณ {year} เกิน ๑ ปี: โปรดพิมพ์วันที่ที่ดำเนินการจริง",
    "Type the date it was done.": "พิมพ์วันที่ที่ดำเนินการ",
    "Choose an item of the checklist first.": "เลือกรายการในตารางงานก่อน",
    # dialogs and other screens
    "Record evidence": "บันทึกหลักฐาน",
    "Date done": "วันที่ดำเนินการ",
    "Note": "หมายเหตุ",
    "Links": "ลิงก์",
    "Files": "ไฟล์แนบ",
    "e.g. 25 ต.ค. 66, 25/10/2566 or 2023-10-25": "เช่น ๒๕ ต.ค. ๖๖, 25/10/2566 หรือ 2023-10-25",
    "https://… (separate with spaces)": "https://… (หลายลิงก์คั่นด้วยช่องว่าง)",
    "~/…/report.pdf (separate with ;)": "~/…/รายงาน.pdf (หลายไฟล์คั่นด้วย ;)",
    "Result": "ผล",
    "Done": "ดำเนินการแล้ว",
    "Not applicable in this round (say why in the note)": "ไม่ต้องดำเนินการในรอบนี้ (ระบุเหตุผลในหมายเหตุ)",
    "Round": "รอบ",
    "End of round": "วันสิ้นรอบ",
    "Overdue": "เกินกำหนด",
    "Due in the next {n} days": "ครบกำหนดภายใน {n} วัน",
    "Total": "รวม",
    "PDF file": "ไฟล์ PDF",
    "Digits": "ตัวเลข",
    "Thai digits (๑๒๓)": "เลขไทย (๑๒๓)",
    "Arabic digits (123)": "เลขอารบิก (123)",
    "Press ctrl+s (or Enter in the file name) to write the PDF.":
        "กด ctrl+s (หรือ Enter ในช่องชื่อไฟล์) เพื่อเขียนรายงาน PDF",
    "The ITA report covers the half year or the full year: choose one of those rounds (p).":
        "รายงาน ITA ใช้รอบ ๖ เดือน หรือรอบ ๑๒ เดือน: เลือกรอบใดรอบหนึ่งก่อน (กด p)",
    "Type the name of the PDF file.": "พิมพ์ชื่อไฟล์ PDF",
    "Writing {path}…": "กำลังเขียน {path}…",
    "Written: {path} ({seconds} s)": "เขียนรายงานแล้ว: {path} ({seconds} วินาที)",
    "Could not write the PDF: {error}": "เขียนรายงาน PDF ไม่สำเร็จ: {error}",
    "The PDF report is not available in this version of itacheck (the report module is missing).":
        "ยังเขียนรายงาน PDF ไม่ได้ในรุ่นนี้ของ itacheck (ยังไม่มีโมดูลรายงาน)",
    "When": "เมื่อ",
    "Who": "ผู้บันทึก",
    "What": "การกระทำ",
    "Item": "รายการ",
    "entries": "รายการ",
    "recorded": "บันทึกว่าเสร็จ",
    "undone": "ย้อนกลับ",
    "plan imported": "นำเข้าแผน",
    "removed": "ลบ",
    "Status marks": "เครื่องหมายสถานะ",
    "Everywhere": "ทุกหน้าจอ",
    "Checklist": "รายการตรวจสอบ",
    "Evidence form": "แบบบันทึกหลักฐาน",
    # command palette
    "Overdue and due-soon items, totals per indicator": "รายการเกินกำหนดและใกล้ครบกำหนด ผลรวมรายตัวชี้วัด",
    "Summary of the round and the PDF report": "สรุปผลของรอบและรายงาน PDF",
    "Who recorded or undid what, and when": "ใครบันทึกหรือย้อนกลับอะไร เมื่อไร",
    "Choose the fiscal year, round and as-of date": "เลือกปีงบประมาณ รอบ และวันที่ดูสถานะ",
    "Every key": "ปุ่มลัดทั้งหมด",
    "Read the data again now": "อ่านข้อมูลใหม่ทันที",
    "Switch language": "เปลี่ยนภาษา (English)",
    "Theme": "ธีมสี",
    "Change the current theme": "เปลี่ยนชุดสีของหน้าจอ",
    "Quit the application as soon as possible": "ออกจากโปรแกรม",
    "Keys": "ปุ่มลัด",
    "Show help for the focused widget and a summary of available keys": "แสดงปุ่มลัดที่ใช้ได้ในขณะนี้",
    "Hide the keys and widget help panel": "ซ่อนแผงปุ่มลัด",
    "Maximize": "ขยายเต็มจอ",
    "Maximize the focused widget": "ขยายช่องที่เลือกให้เต็มจอ",
    "Minimize": "ย่อกลับ",
    "Minimize the widget and restore to normal size": "ย่อช่องกลับเป็นขนาดปกติ",
    "Screenshot": "ภาพหน้าจอ",
    "Save an SVG 'screenshot' of the current screen": "บันทึกภาพหน้าจอเป็นไฟล์ SVG",
    "Open this year's plan": "เปิดแผนของปีนี้",
    "Go to this measure": "ไปที่มาตรการนี้",
}


def t(text: str, lang: str, **values: object) -> str:
    """``text`` in ``lang``, with ``{name}`` fields filled from ``values``."""
    out = TH.get(text, text) if lang == "th" else text
    return out.format(**values) if values else out
