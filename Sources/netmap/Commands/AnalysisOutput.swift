import Foundation
import ArgumentParser
import Graph

/// A table of per-node results that prints as an aligned table, CSV (in a dialect), a JSON array of objects
/// or an Excel workbook of one sheet. Every command's tabular output goes through here.
struct ResultTable {
    enum Cell {
        case text(String)
        case integer(Int)
        case number(Double)
    }

    var columns: [String]
    var rows: [[Cell]]

    /// Writes the table in `format` to `path` (through the output stage) or standard output. Notes go
    /// under the aligned table only; xlsx needs a path (`TableFormat.check(output:)`).
    func write(_ format: TableFormat, dialect: CSVDialect = .standard, notes: [String] = [], to path: String?) throws {
        if format == .xlsx {
            try format.check(output: path)
            try emit(try XLSXFormat.workbook([sheet]), to: path)
        } else {
            try emit(try render(format, dialect: dialect, notes: notes), to: path)
        }
    }

    /// The sheet of the xlsx output: the header row, then the csv's rows with numbers as numbers.
    var sheet: XLSXFormat.Sheet {
        XLSXFormat.Sheet(name: "netmap", rows: [columns.map { .text($0) }] + rows.map { row in
            row.map { cell -> XLSXFormat.Cell in
                switch cell {
                case .text(let value): return .text(value)
                case .integer(let value): return .number(Double(value))
                case .number(let value): return value.isFinite ? .number(value) : .text("")
                }
            }
        })
    }

    func render(_ format: TableFormat, dialect: CSVDialect = .standard, notes: [String] = []) throws -> String {
        switch format {
        case .xlsx:
            throw ValidationError("--format xlsx writes a binary workbook: give the file with -o FILE")
        case .json:
            return orderedJSON()
        case .csv:
            var text = dialect.preamble + CSVFormat.line(columns, dialect: dialect)
            for row in rows {
                text += row.map { cell -> String in
                    switch cell {
                    case .text(let value): return CSVFormat.field(value, dialect: dialect)
                    case .integer(let value): return String(value)
                    case .number(let value): return value.isFinite ? dialect.number("\(value)") : ""
                    }
                }.joined(separator: dialect.separator) + "\n"
            }
            return text
        case .table:
            let cells = rows.map { row in
                row.map { cell -> String in
                    switch cell {
                    // One cell, one line: a line break or escape in a label is shown, not obeyed.
                    case .text(let value): return TerminalText.visible(value)
                    case .integer(let value): return String(value)
                    case .number(let value): return value.isFinite ? String(format: "%.6f", value) : "-"
                    }
                }
            }
            var widths = columns.map(\.count)
            for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            widths = widths.map { min($0, 40) }
            func line(_ values: [String], numericFrom: Int) -> String {
                values.enumerated().map { i, value in
                    let clipped = value.count > widths[i] ? String(value.prefix(widths[i] - 1)) + "…" : value
                    let pad = String(repeating: " ", count: max(0, widths[i] - clipped.count))
                    return i >= numericFrom ? pad + clipped : clipped + pad
                }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
            let firstNumeric = rows.first.flatMap { row in row.firstIndex { if case .text = $0 { return false } else { return true } } } ?? columns.count
            var text = line(columns, numericFrom: firstNumeric) + "\n"
            for row in cells { text += line(row, numericFrom: firstNumeric) + "\n" }
            for note in notes { text += note + "\n" }
            return text
        }
    }

    /// JSON objects with keys in column order (JSONSerialization would sort or scramble them), written
    /// directly: one JSONSerialization call per cell made `centrality --format json` five times slower than
    /// its csv on 100,000 nodes.
    private func orderedJSON() -> String {
        if rows.isEmpty { return "[]\n" }
        let keys = columns.map { "    " + JSONLiteral.string($0) + ": " }
        var text = "[\n"
        for (index, row) in rows.enumerated() {
            text += "  {\n"
            for (column, key) in keys.enumerated() {
                text += key
                switch column < row.count ? row[column] : nil {
                case .text(let value)?: text += JSONLiteral.string(value)
                case .integer(let value)?: text += String(value)
                case .number(let value)?: text += value.isFinite ? JSONLiteral.number(value) : "null"
                case nil: text += "null"
                }
                text += column == keys.count - 1 ? "\n" : ",\n"
            }
            text += index == rows.count - 1 ? "  }\n" : "  },\n"
        }
        return text + "]\n"
    }
}

/// JSON text of single values exactly as `JSONSerialization` writes them with `.withoutEscapingSlashes`, for
/// outputs too large to pass through it value by value (tests hold the two to the same bytes).
enum JSONLiteral {
    /// A quoted string: `"` and `\` escaped, \b \f \n \r \t by name, other control characters as \u00xx.
    static func string(_ text: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case ..<0x20: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A finite number: Swift's shortest round-trip form, whole numbers without ".0" (`1`, `0.1`, `1e-07`, `1e+21`).
    static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

extension ResultTable {
    /// The table of a command's CSV output (header, then rows), for commands that build their csv as text
    /// (`diff`): fields that read as plain decimal numbers become numbers; anything else, including ids
    /// with leading zeros such as `007`, stays text.
    init(csv text: String) {
        guard case .success(let table) = CSVFormat.table(Data(text.utf8), path: "") else {
            self.init(columns: [], rows: [])
            return
        }
        func cell(_ field: String) -> Cell {
            let plain = field.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil
            guard plain, let value = Double(field), value.isFinite else { return .text(field) }
            if let integer = Int(field) { return .integer(integer) }
            return .number(value)
        }
        self.init(columns: table.header, rows: table.rows.map { $0.fields.map(cell) })
    }
}

/// A progress bar on standard error, shown only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private(set) var lastPercent = -1

    init(label: String) { self.label = label }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A counter reporting to a new bar, or nil when not on a terminal or the work is small.
    static func counter(label: String, total: Int, minimum: Int = 2000) -> ProgressCounter? {
        guard isTerminal, total >= minimum else { return nil }
        let bar = ProgressBar(label: label)
        let started = Date()
        // Shown once the step has run for a second (as every progress line); a short step prints nothing.
        return ProgressCounter(total: total) { done, total in
            if bar.lastPercent >= 0 || Date().timeIntervalSince(started) >= ProgressLine.delay { bar.update(done, total) }
        }
    }

    func update(_ done: Int, _ total: Int) {
        let percent = total > 0 ? done * 100 / total : 100
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        var text = "\r\(label) [\(bar)] \(percent)%"
        if done >= total { text += "\r" + String(repeating: " ", count: text.count) + "\r" }
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
