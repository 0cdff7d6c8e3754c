# Writes a clerk-style workbook of N people (sheets Thông tin, Đơn vị, Cá nhân; shared strings; fixed seed) for the
# README's XLSX reading measurement: python3 benchmarks/make-workbook.py 100000 100k.xlsx
import sys, zipfile, random
from xml.sax.saxutils import escape
n = int(sys.argv[1]); out = sys.argv[2]
rnd = random.Random(14)
strings = []; index = {}
def s(t):
    if t not in index:
        index[t] = len(strings); strings.append(t)
    return index[t]
def col(c):
    r = ""; c += 1
    while c: c, m = divmod(c - 1, 26); r = chr(65 + m) + r
    return r
def sheet(rows):
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        cells = []
        for c, v in enumerate(row):
            if v is None: continue
            ref = col(c) + str(r)
            if isinstance(v, (int, float)): cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else: cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, s(v)))
        parts.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    parts.append('</sheetData></worksheet>')
    return "".join(parts)
units = 1000
unit_rows = [["Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", "Xếp loại", "Phong trào thi đua thường xuyên, hiệu quả", "Nội bộ đoàn kết"]]
unit_rows.append(["BQL", "Ban Quản lý", None, "HTXSNV", "có", "có"])
for u in range(1, units + 1):
    unit_rows.append(["U%04d" % u, "Phòng %d" % u, "BQL", rnd.choice(["HTXSNV", "HTTNV", "HTNV"]), "có", "có"])
header = ["STT", "Mã cán bộ", "Họ và tên", "Chức vụ", "Đơn vị", "Xếp loại", "Loại cán bộ", "Ngày tuyển dụng", "Số tháng công tác", "Tự lực, đoàn kết, tích cực thi đua", "Xếp loại 2023", "Danh hiệu 2023", "Xếp loại 2022", "Danh hiệu 2022"]
people = [header]
ho = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]; ten = ["An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Minh", "Oanh", "Phúc", "Quân"]
for i in range(1, n + 1):
    people.append([i, "NV%06d" % i, "%s Văn %s %d" % (rnd.choice(ho), rnd.choice(ten), i), rnd.choice(["Chuyên viên", "Trưởng phòng", None]),
        "U%04d" % rnd.randint(1, units), rnd.choice(["HTXSNV", "HTTNV", "HTTNV", "HTNV"]), rnd.choice(["Công chức", "Viên chức", "Người lao động"]),
        "%02d/%02d/%d" % (rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(1990, 2023)), 12, "có",
        rnd.choice(["HTXSNV", "HTTNV"]), rnd.choice(["LĐTT", "LĐTT; CSTĐCS", None]), rnd.choice(["HTXSNV", "HTTNV"]), rnd.choice(["LĐTT", None])])
sheets = [("Thông tin", sheet([["Năm", 2024]])), ("Đơn vị", sheet(unit_rows)), ("Cá nhân", sheet(people))]
ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' + "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1) for i in range(3)) + '</Types>'
rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
wb = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(name), i + 1, i + 1) for i, (name, _) in enumerate(sheets)) + '</sheets></workbook>'
wbrels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(3)) + '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
sst = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings)) + "".join('<si><t>%s</t></si>' % escape(t) for t in strings) + '</sst>'
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct); z.writestr("_rels/.rels", rels); z.writestr("xl/workbook.xml", wb); z.writestr("xl/_rels/workbook.xml.rels", wbrels)
    for i, (_, xml) in enumerate(sheets): z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), xml)
    z.writestr("xl/sharedStrings.xml", sst)
