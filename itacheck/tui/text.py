"""Every UI string in one place, gettext-style: the code says the English text, `t` gives the Thai.

Thai is the default because the officers' work, documents and plans are Thai; English serves
advisers and auditors. A missing Thai entry falls back to English rather than failing, and a test
checks that every string the code passes to `t` has its Thai.
"""

from __future__ import annotations

from itacheck import thai

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
    "Fiscal year {this} has no plan yet, so {year} is shown. Start one with: {command}":
        "ปีงบประมาณ {this} ยังไม่มีแผน จึงแสดงปี {year} เริ่มแผนใหม่ด้วยคำสั่ง {command}",
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
    "Write report": "เขียนรายงาน",
    "Copy scp command": "คัดลอกคำสั่ง scp",
    "Copy path": "คัดลอกตำแหน่งไฟล์",
    "Publish": "เผยแพร่",
    "Check links": "ตรวจลิงก์",
    "Ask every evidence link of the round whether it still answers": "ตรวจว่าลิงก์หลักฐานทุกลิงก์ของรอบนี้ยังเปิดได้",
    "No evidence links in this round to check.": "รอบนี้ไม่มีลิงก์หลักฐานให้ตรวจ",
    "Checking {n} evidence links…": "กำลังตรวจลิงก์หลักฐาน {n} ลิงก์…",
    "Could not check the links: {error}": "ตรวจลิงก์ไม่สำเร็จ: {error}",
    "{n} evidence links not checked today: ctrl+l checks them.": "ลิงก์หลักฐาน {n} ลิงก์ยังไม่ได้ตรวจวันนี้ กด ctrl+l เพื่อตรวจ",
    "✓ All {n} evidence links answer ({moved} moved).": "✓ ลิงก์หลักฐานทั้ง {n} ลิงก์เปิดได้ (ย้ายที่ {moved})",
    "⚠ {bad} of {n} evidence links are dead or unreachable: an assessor could not open them. ctrl+l checks again; "
    "itacheck check-links lists them all.":
        "⚠ ลิงก์หลักฐาน {bad} จาก {n} ลิงก์เสียหรือเข้าไม่ได้ ผู้ประเมินจะเปิดไม่ได้ กด ctrl+l เพื่อตรวจอีกครั้ง "
        "คำสั่ง itacheck check-links แสดงทุกรายการ",
    "  …and {n} more": "  …และอีก {n} ลิงก์",
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
    "Add a measure first (m).": "เพิ่มมาตรการก่อน (กด m)",
    "Add measure": "เพิ่มมาตรการ",
    "Add step": "เพิ่มขั้นตอน",
    "Add reporting item": "เพิ่มการรายงาน",
    "Cadence": "กำหนดเวลา",
    "Copy": "คัดลอก",
    "Copy to next year": "คัดลอกไปปีถัดไป",
    "Copy this plan to fiscal year {next}? Its {once} one-off deadlines move one year on; records are not copied. "
    "Review the copy's issues against the new ITA results.":
        "คัดลอกแผนนี้ไปปีงบประมาณ {next} หรือไม่ วันครบกำหนดของงานครั้งเดียว {once} รายการจะเลื่อนไป ๑ ปี "
        "หลักฐานไม่ถูกคัดลอก แล้วตรวจสอบประเด็นของแผนใหม่กับผลการประเมิน ITA ล่าสุด",
    "Create a plan in the app: the header, then each measure and its steps":
        "สร้างแผนใหม่ในโปรแกรม: กรอกหัวแผน แล้วเพิ่มมาตรการและขั้นตอนทีละรายการ",
    "Edit the plan": "แก้ไขแผน",
    "Edit": "แก้ไข",
    "Enter edits · a step · r reporting item · m measure · d remove · [ ] move · y copy to next year":
        "Enter แก้ไข · a ขั้นตอน · r การรายงาน · m มาตรการ · d ลบ · [ ] เลื่อน · y คัดลอกไปปีถัดไป",
    "Header, measures, steps and reporting items, cadences": "หัวแผน มาตรการ ขั้นตอน การรายงาน และกำหนดเวลา",
    "ITA tool": "เครื่องมือ ITA",
    "Intro": "บทนำ",
    "Issue": "ประเด็น",
    "Item code": "รหัสข้อ",
    "Items of this indicator in the {year} catalogue:": "ข้อของตัวชี้วัดนี้ในเกณฑ์ปี {year}:",
    "Kind": "ประเภท",
    "Leave": "ออก",
    "Leave the editor without saving your changes?": "ออกจากหน้าแก้ไขโดยไม่บันทึกการเปลี่ยนแปลงหรือไม่",
    "Measure": "มาตรการ",
    "Move up": "เลื่อนขึ้น",
    "Move down": "เลื่อนลง",
    "New task": "งานใหม่",
    "Plan header": "หัวแผน",
    "Plan saved.": "บันทึกแผนแล้ว",
    "Remove": "ลบ",
    "Save the plan first (ctrl+s).": "บันทึกแผนก่อน (ctrl+s)",
    "Saving removes {n} records that no longer fit the plan ({tasks}). They stay in the audit log and can be "
    "restored. Save?":
        "การบันทึกจะย้ายหลักฐาน {n} รายการที่ไม่มีที่อยู่ในแผนใหม่ ({tasks}) ไปเก็บในประวัติ (กู้คืนได้) บันทึกหรือไม่",
    "Task": "งาน",
    "The wording names no time: choose the cadence (ctrl+t).": "ข้อความไม่ได้บอกกำหนดเวลา: เลือกกำหนดเวลา (ctrl+t)",
    "Type the issue this measure answers.": "พิมพ์ประเด็นที่มาตรการนี้แก้ไข",
    "Type the organisation's name.": "พิมพ์ชื่อหน่วยงาน",
    "Type what is to be done.": "พิมพ์สิ่งที่ต้องทำ",
    "Wording": "ข้อความ",
    "chosen": "เลือกเอง",
    "e.g. e6 or o42 (may be empty)": "เช่น e6 หรือ o42 (เว้นว่างได้)",
    "from the wording": "ตามข้อความ",
    "not saved yet": "ยังไม่บันทึก",
    "records": "หลักฐาน",
    "reporting": "การรายงาน",
    "step": "ขั้นตอน",
    "units, separated by commas": "หน่วยงาน คั่นด้วยจุลภาค",
    "{n} records were moved to the audit log.": "ย้ายหลักฐาน {n} รายการไปเก็บในประวัติแล้ว",
    "{what} has {n} records. Remove it? The records are kept in the audit log and can be restored from there "
    "(Enter on the plan edit).":
        "{what} มีหลักฐาน {n} รายการ จะลบหรือไม่ หลักฐานจะเก็บไว้ในประวัติและกู้คืนได้ (กด Enter ที่รายการแก้ไขแผน)",
    "Organisation": "หน่วยงาน",
    "District": "อำเภอ",
    "Province": "จังหวัด",
    "Reporter": "ผู้รายงาน",
    "Reporter's position": "ตำแหน่งผู้รายงาน",
    "Approver": "ผู้อนุมัติ",
    "Approver's position": "ตำแหน่งผู้อนุมัติ",
    "plan edited": "แก้ไขแผน",
    "restored": "กู้คืน",
    "Enter restores what it removed": "กด Enter เพื่อกู้คืนสิ่งที่ลบ",
    "Restore what this plan edit removed ({summary}), with its records?":
        "กู้คืนสิ่งที่การแก้ไขแผนนี้ลบไป ({summary}) พร้อมหลักฐานหรือไม่",
    "Restore": "กู้คืน",
    "Restored, with {n} records.": "กู้คืนแล้ว พร้อมหลักฐาน {n} รายการ",
    "its report is due {day}": "รายงานรอบนี้ครบกำหนด {day}",
    "Correct the evidence": "แก้ไขหลักฐาน",
    "corrected": "แก้ไขหลักฐาน",
    "deleted": "ลบหลักฐาน",
    "Delete this record": "ลบบันทึกนี้",
    "Attached": "ไฟล์แนบเดิม",
    "Keep: {names}": "เก็บไว้: {names}",
    "Remove: {names}": "เอาออก: {names}",
    "Throw away what you typed in this form?": "ทิ้งสิ่งที่พิมพ์ไว้ในแบบฟอร์มนี้หรือไม่",
    "Throw it away": "ทิ้ง",
    "Delete this record (done on {day}, by {who})? The audit log keeps a copy.":
        "ลบบันทึกนี้ (เสร็จวันที่ {day} โดย {who}) หรือไม่ ประวัติจะเก็บสำเนาไว้",
    "Delete": "ลบ",
    "Deleted; the audit log keeps a copy.": "ลบแล้ว ประวัติเก็บสำเนาไว้",
    "Which evidence?": "หลักฐานรายการใด",
    "Add another record": "เพิ่มหลักฐานอีกรายการ",
    "Correct": "แก้ไข",
    "Search for commands…": "ค้นหาคำสั่ง…",
    "No matches found": "ไม่พบคำสั่งที่ตรงกัน",
    "Find": "ค้นหา",
    "Show all": "แสดงทั้งหมด",
    "Find: words of a task or measure": "ค้นหา: คำในงานหรือมาตรการ",
    "Show everything": "แสดงทั้งหมด",
    "Overdue only": "เฉพาะที่เกินกำหนด",
    "Due this month": "ครบกำหนดเดือนนี้",
    "Unit": "หน่วยงาน",
    "filtered": "กรองอยู่ (Esc แสดงทั้งหมด)",
    "Down": "ลง",
    "Up": "ขึ้น",
    "First": "แรกสุด",
    "Last": "ท้ายสุด",
    "Marked not applicable: {what} ({day}).": "บันทึกว่าไม่ต้องดำเนินการ: {what} ({day})",
    "{n} new records by {who}": "มีการบันทึกใหม่ {n} รายการ โดย {who}",
    "No evidence yet: press e (or Space) and type the date it was done.":
        "ยังไม่มีหลักฐาน: กด e (หรือ Space) แล้วพิมพ์วันที่ที่ดำเนินการ",
    "Short name": "ชื่อย่อ",
    "shown in the plan tree (empty: from the issue)": "แสดงในรายการมาตรการ (เว้นว่าง: ใช้จากประเด็น)",
    "Item text": "ข้อความของข้อ",
    "as in this year's ITAS list: kept in the agency's catalogue": "ตามรายการใน ITAS ปีนี้: บันทึกไว้ในแคตตาล็อกของหน่วยงาน",
    "{code} was added to the agency's ITA catalogue of {year}.": "เพิ่ม {code} ในแคตตาล็อก ITA ของหน่วยงาน ปี {year} แล้ว",
    "Copied to fiscal year {year}. To review:": "คัดลอกไปปีงบประมาณ {year} แล้ว ควรตรวจสอบ:",
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
    "Report file": "ไฟล์รายงาน",
    "Word (.docx)": "Word (.docx)",
    "Digits": "ตัวเลข",
    "Thai digits (๑๒๓)": "เลขไทย (๑๒๓)",
    "Arabic digits (123)": "เลขอารบิก (123)",
    "Press ctrl+s (or Enter in the file name) to write the report.":
        "กด ctrl+s (หรือ Enter ในช่องชื่อไฟล์) เพื่อเขียนรายงาน",
    "The ITA report covers the half year or the full year: choose one of those rounds (p).":
        "รายงาน ITA ใช้รอบ ๖ เดือน หรือรอบ ๑๒ เดือน: เลือกรอบใดรอบหนึ่งก่อน (กด p)",
    "Type the name of the report file.": "พิมพ์ชื่อไฟล์รายงาน",
    "Writing {path}…": "กำลังเขียน {path}…",
    "Written: {path} ({seconds} s)": "เขียนรายงานแล้ว: {path} ({seconds} วินาที)",
    "Could not write the {format} report: {error}": "เขียนรายงาน {format} ไม่สำเร็จ: {error}",
    "Sent to your browser as a download.": "ส่งไฟล์ให้เบราว์เซอร์ดาวน์โหลดแล้ว",
    "To copy it to your computer, run this there:": "คัดลอกไปเครื่องของคุณ โดยสั่งที่เครื่องนั้นว่า:",
    "Format": "รูปแบบ",
    "ctrl+y copies this command, ctrl+g the path; ctrl+o publishes the PDF.":
        "ctrl+y คัดลอกคำสั่งนี้ ctrl+g คัดลอกตำแหน่งไฟล์ ctrl+o เผยแพร่ PDF",
    "Write the report first (ctrl+s).": "เขียนรายงานก่อน (ctrl+s)",
    "Not copied: this session's terminal is not set to UTF-8, so the Thai letters in it would arrive garbled. Set "
    "the session to UTF-8 (e.g. LANG=C.UTF-8) or copy it by hand: {copied}":
        "ไม่ได้คัดลอก: เทอร์มินัลของเซสชันนี้ไม่ได้ตั้งเป็น UTF-8 อักษรไทยจะเพี้ยน ตั้งเซสชันเป็น UTF-8 (เช่น "
        "LANG=C.UTF-8) หรือคัดลอกเอง: {copied}",
    "Copied to your computer's clipboard through the terminal (Windows Terminal and most terminals pass it on; "
    "PuTTY does not): {copied}":
        "คัดลอกไปคลิปบอร์ดของเครื่องคุณผ่านเทอร์มินัลแล้ว (ใช้ได้กับ Windows Terminal และเทอร์มินัลส่วนใหญ่ "
        "แต่ไม่ใช่ PuTTY): {copied}",
    "Only the PDF is published: choose PDF and write it first.": "เผยแพร่ได้เฉพาะ PDF: เลือก PDF แล้วเขียนรายงานก่อน",
    "Not published: {error}": "ไม่ได้เผยแพร่: {error}",
    "Published: {where}": "เผยแพร่แล้ว: {where}",
    "The PDF report is not available in this version of itacheck (the report module is missing).":
        "ยังเขียนรายงาน PDF ไม่ได้ในรุ่นนี้ของ itacheck (ยังไม่มีโมดูลรายงาน)",
    "When": "เมื่อ",
    "Who": "ผู้บันทึก",
    "What": "การกระทำ",
    "Item": "รายการ",
    "{n} entries": "{n} รายการ",
    "1 entry": "1 รายการ",
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
    """``text`` in ``lang``, with ``{name}`` fields filled from ``values``; numbers among them are
    written in Thai digits in Thai, so a sentence never mixes two digit systems."""
    out = TH.get(text, text) if lang == "th" else text
    if lang == "th":
        values = {k: thai.format_number(v) if isinstance(v, int) and not isinstance(v, bool) else v
                  for k, v in values.items()}
    return out.format(**values) if values else out
