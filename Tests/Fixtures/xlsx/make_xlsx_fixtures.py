"""Makes the Excel fixtures of netmap's xlsx tests with openpyxl (a library that is not netmap's).

Run from this folder: python3 make_xlsx_fixtures.py  (needs openpyxl; `make test` installs it).
- netmap-layout.xlsx: sheets `nodes` and `edges` as the CSV pair, with numbers, a date, booleans, inline
  strings (as openpyxl writes text) and one shared string (patched in after saving, as Excel writes text).
- kumu.xlsx: Kumu's layout, sheets `Elements` (Label, Type, Tags; one element without a Type) and
  `Connections` (From, To, Type, Direction, Strength: a number, empty, or a word as Kumu allows).
- errors.xlsx: a bad weight in edges!D3, an Excel error value in edges!E4, a row without its `to` (edges!B5),
  since after until (edges!F6), and in sheet `nodes` a node without a kind (nodes!C2) and a duplicate id
  (nodes!A3).
"""
import datetime
import re
import zipfile

import openpyxl


def netmap_layout(path):
    book = openpyxl.Workbook()
    nodes = book.active
    nodes.title = "nodes"
    nodes.append(["id", "label", "kind", "country", "active", "founded"])
    nodes.append(["innlandet-fk", "Innlandet fylkeskommune", "county", "NO", True, 2020])
    nodes.append(["hedmark-skog", "Hedmark skog", "forest-owner", "NO", False, 1953])
    nodes.append(["dalarna", "Region Dalarna", "region", "SE", True, None])
    edges = book.create_sheet("edges")
    edges.append(["from", "to", "relation", "weight", "cite", "since", "until"])
    edges.append(["innlandet-fk", "dalarna", "partner_of", 2.5, "plan", 2014, datetime.date(2020, 6, 30)])
    edges.append(["hedmark-skog", "innlandet-fk", "supplies", 1, "plan", None, None])
    edges["G2"].number_format = "yyyy-mm-dd"
    book.save(path)
    # openpyxl writes text as inline strings; Excel writes shared strings. Make edges!C2 a shared string
    # (with its sharedStrings part, content type and relationship), so the fixture holds both kinds.
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet2.xml"
    text = parts[sheet].decode("utf-8")
    text, count = re.subn(r'<c r="C2"([^>]*) t="inlineStr"><is><t>partner_of</t></is></c>', r'<c r="C2"\1 t="s"><v>0</v></c>', text)
    assert count == 1, "edges!C2 is an inline string before patching"
    parts[sheet] = text.encode("utf-8")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="1" uniqueCount="1">'
                                     '<si><t>partner_of</t></si></sst>').encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def kumu(path):
    book = openpyxl.Workbook()
    elements = book.active
    elements.title = "Elements"
    elements.append(["Label", "Type", "Tags", "Description"])
    elements.append(["Innlandet fylkeskommune", "County", "public", "Fylkeskommunen"])
    elements.append(["Region Dalarna", "Region", "public|nordic", None])
    elements.append(["Skogforum", "Forum", None, None])
    elements.append(["Statsforvalteren", None, None, "No type given"])
    connections = book.create_sheet("Connections")
    connections.append(["From", "To", "Type", "Direction", "Strength"])
    connections.append(["Innlandet fylkeskommune", "Region Dalarna", "Partnership", "undirected", 3])
    connections.append(["Innlandet fylkeskommune", "Skogforum", "Member", "directed", None])
    connections.append(["Statsforvalteren", "Innlandet fylkeskommune", "Member", "directed", "Strong"])
    book.save(path)


def errors(path):
    book = openpyxl.Workbook()
    edges = book.active
    edges.title = "edges"
    edges.append(["from", "to", "relation", "weight", "note", "since", "until"])
    edges.append(["a", "b", "tie", 1, "fine"])
    edges.append(["b", "c", "tie", "heavy", "a word for a weight"])
    edges.append(["c", "a", "tie", 2, "=NA()"])
    edges.append(["d", None, "tie", 1, "no target"])
    edges.append(["a", "c", "tie", 1, "years the wrong way round", 2020, 2010])
    nodes = book.create_sheet("nodes")
    nodes.append(["id", "label", "kind"])
    nodes.append(["x", "X", None])
    nodes.append(["a", "A", "member"])
    nodes.append(["a", "A again", "member"])
    book.save(path)
    # The formula's cached value as Excel stores it: an error cell.
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    text = parts[sheet].decode("utf-8")
    text, count = re.subn(r'<c r="E4"[^>]*>.*?</c>', '<c r="E4" t="e"><f>NA()</f><v>#N/A</v></c>', text)
    assert count == 1
    parts[sheet] = text.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


if __name__ == "__main__":
    netmap_layout("netmap-layout.xlsx")
    kumu("kumu.xlsx")
    errors("errors.xlsx")
