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
            let objects: [[String: Any]] = rows.map { row in
                var object: [String: Any] = [:]
                for (column, cell) in zip(columns, row) {
                    switch cell {
                    case .text(let text): object[column] = text
                    case .integer(let value): object[column] = value
                    case .number(let value): object[column] = value.isFinite ? value as Any : NSNull()
                    }
                }
                return object
            }
            return try orderedJSON(objects)
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

    /// JSON objects with keys in column order (JSONSerialization would sort or scramble them).
    private func orderedJSON(_ objects: [[String: Any]]) throws -> String {
        if objects.isEmpty { return "[]\n" }
        var text = "[\n"
        for (index, object) in objects.enumerated() {
            let fields = try columns.map { column -> String in
                let value = object[column] ?? NSNull()
                let data = try JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes])
                let encoded = String(decoding: data, as: UTF8.self).dropFirst().dropLast()
                let key = String(decoding: try JSONSerialization.data(withJSONObject: [column]), as: UTF8.self).dropFirst().dropLast()
                return "    \(key): \(encoded)"
            }
            text += "  {\n" + fields.joined(separator: ",\n") + "\n  }" + (index == objects.count - 1 ? "\n" : ",\n")
        }
        return text + "]\n"
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
