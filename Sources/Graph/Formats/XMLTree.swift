import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: its local name, namespace, attributes, children, text and the line it starts on.
///
/// Built with Foundation's `XMLParser` (libxml2 underneath). Network files have no business declaring
/// entities, so a document whose DTD declares any (`<!ENTITY`) is rejected before parsing: this rules out
/// external entities (XXE) and entity expansion bombs ("billion laughs") whatever the parser would do.
/// External entities are also never resolved by the parser (`shouldResolveExternalEntities = false`).
public final class MarkupElement: @unchecked Sendable {
    public let name: String
    public let namespace: String?
    public let attributes: [String: String]
    public internal(set) var children: [MarkupElement] = []
    public internal(set) var text: String = ""
    public let line: Int

    init(name: String, namespace: String?, attributes: [String: String], line: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.line = line
    }

    /// Direct children with this local name.
    public func children(_ name: String) -> [MarkupElement] { children.filter { $0.name == name } }

    /// The first direct child with this local name.
    public func child(_ name: String) -> MarkupElement? { children.first { $0.name == name } }

    public subscript(attribute: String) -> String? { attributes[attribute] }
}

/// Parses XML text into an `MarkupElement` tree, or a diagnostic with the line of the problem.
public enum XMLTree {
    /// Parses `data` as a document of one format: its root element must be `root` (`format` names the format
    /// in the error, e.g. "not GEXF: the root element is <graphml>, expected <gexf>").
    public static func parse(_ data: Data, path: String, root: String, format: String) -> Result<MarkupElement, Diagnostic> {
        parse(data, path: path).flatMap { element in
            element.name == root ? .success(element)
                : .failure(.error("not \(format): the root element is <\(element.name)>, expected <\(root)>",
                                  at: SourceLocation(file: path, line: element.line)))
        }
    }

    /// The line of the first NUL byte, which no XML text (UTF-8, Latin-1, ...) contains; UTF-16 is refused earlier.
    public static func binaryLine(_ data: Data) -> Int? {
        guard let index = data.firstIndex(of: 0) else { return nil }
        return 1 + data[..<index].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Why `data` is refused before any XML parser sees it, or nil: UTF-16, empty, binary (a NUL byte), an
    /// encoding netmap does not read, entity declarations (`XMLDoctype`). Shared by every XML reader.
    /// `scanForBinary: false` leaves the NUL byte to a reader that finds it itself (`XMLTokenizer`).
    static func refusal(_ data: Data, path: String, guardEntities: Bool = true, scanForBinary: Bool = true) -> Diagnostic? {
        if data.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return .error("file is UTF-32; save it as UTF-8", at: SourceLocation(file: path, line: 1))
        }
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) {
            return .error("file is UTF-16; save it as UTF-8", at: SourceLocation(file: path, line: 1))
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .error("malformed XML: the document is empty", at: SourceLocation(file: path, line: 1))
        }
        if scanForBinary, let line = binaryLine(data) {
            return .error("not XML: the file holds binary data (a NUL byte on this line); is it the right file?", at: SourceLocation(file: path, line: line))
        }
        if guardEntities, let finding = XMLDoctype.check(data) {
            switch finding {
            case .entityDeclaration(let line):
                return .error(XMLDoctype.entityRefusal, at: SourceLocation(file: path, line: line))
            case .unsupportedEncoding(let name):
                return .error("the document is in \(name), which netmap does not read; save it as UTF-8", at: SourceLocation(file: path, line: 1))
            }
        }
        return nil
    }

    /// Parses `data`. `guardEntities: false` is for tests of the parser's own defences only.
    /// - Complexity: O(n) in the size of the text.
    public static func parse(_ data: Data, path: String, guardEntities: Bool = true) -> Result<MarkupElement, Diagnostic> {
        if let refusal = refusal(data, path: path, guardEntities: guardEntities) { return .failure(refusal) }
        let parser = XMLParser(data: XMLProcessingInstructions.paddingEmpty(data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        let builder = Builder()
        parser.delegate = builder
        let finished = parser.parse()
        if let line = builder.tooDeepLine {
            return .failure(.error("malformed XML: elements nested more than \(maxDepth) deep", at: SourceLocation(file: path, line: line)))
        }
        if let (code, line) = builder.error {
            return .failure(.error("malformed XML: \(describe(code))", at: SourceLocation(file: path, line: line)))
        }
        guard finished, let root = builder.root else {
            let code = (parser.parserError as NSError?)?.code ?? 0
            return .failure(.error("malformed XML: \(code == 0 ? "no root element" : describe(code))", at: SourceLocation(file: path, line: max(1, parser.lineNumber))))
        }
        return .success(root)
    }

    /// The deepest element nesting read (GraphML and GEXF need under 10). Deeper documents are refused:
    /// the tree is released recursively, so unbounded depth would overflow the stack.
    static let maxDepth = 256

    /// A readable description of a libxml2 error code as `XMLParser` reports it.
    static func describe(_ code: Int) -> String {
        let known: [Int: String] = [
            4: "no XML element where the text starts (is it an XML file?)", 5: "extra content at the end of the document, or the document ended early",
            9: "invalid character", 23: "'&' not followed by an entity name", 26: "undeclared entity",
            27: "undeclared entity", 38: "unescaped '<' in an attribute value", 39: "attribute without a value",
            40: "attribute value not quoted", 41: "attribute redefined", 57: "bad XML declaration",
            64: "bad XML declaration", 65: "bad XML declaration", 68: "bad name", 73: "'>' expected", 76: "start and end tags do not match",
            77: "tag not closed", 89: "entity loop (recursive entity)", 111: "invalid character",
        ]
        if let text = known[code] { return text }
        if let name = XMLParser.ErrorCode(rawValue: code) { return "\(name) (libxml2 code \(code))" }
        return "syntax error (libxml2 code \(code))"
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: MarkupElement?
        var stack: [MarkupElement] = []
        var error: (Int, Int)?
        var tooDeepLine: Int?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard tooDeepLine == nil else { return }
            guard stack.count < XMLTree.maxDepth else {
                tooDeepLine = max(1, parser.lineNumber)
                parser.abortParsing()
                return
            }
            let element = MarkupElement(name: elementName, namespace: namespaceURI, attributes: attributeDict, line: parser.lineNumber)
            if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = ((parseError as NSError).code, max(1, parser.lineNumber)) }
            parser.abortParsing()
        }
    }
}

/// Escapes text for XML content and attribute values.
public func xmlEscape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "\n": result += "&#10;"
        case "\r": result += "&#13;"
        case "\t": result += "&#9;"
        default:
            // Characters XML 1.0 cannot carry at all are dropped.
            if !XMLCharacters.isLegal(scalar) { continue }
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// Decodes XML/HTML character references (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#233;`, `&#xE9;`) as
/// GML, Graphviz labels and Graphviz's SVG use them. Bounded: each reference yields at most one character, and an
/// `&` that starts no known reference is kept as it is.
public func decodeCharacterReferences(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
        result += rest[..<amp]
        let after = rest[amp...]
        if let semicolon = after.prefix(12).firstIndex(of: ";") {
            let name = after[after.index(after: amp)..<semicolon]
            var replacement: String?
            switch name {
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "apos": replacement = "'"
            default:
                // A reference to a character XML cannot hold (`&#0;`, `&#x1;`, `&#xFFFE;`) decodes to U+FFFD.
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16) {
                    replacement = Unicode.Scalar(value).map { XMLCharacters.legal(String($0)) }
                } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()) {
                    replacement = Unicode.Scalar(value).map { XMLCharacters.legal(String($0)) }
                }
            }
            if let replacement {
                result += replacement
                rest = after[after.index(after: semicolon)...]
                continue
            }
        }
        result += "&"
        rest = after.dropFirst()
    }
    return result + rest
}
