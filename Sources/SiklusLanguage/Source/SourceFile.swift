/// A byte range in a `SourceFile` (UTF-8 offsets, half-open). Every token and AST node carries one;
/// line and column are computed only when a diagnostic is printed.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// Offset of the first byte.
    public var start: Int
    /// Offset just past the last byte; never less than `start`.
    public var end: Int

    /// The bytes `start..<end`; an `end` before `start` is raised to `start`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span that covers both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    /// `start..<end`, e.g. `7..<13`.
    public var description: String { "\(start)..<\(end)" }
}

/// Text being parsed, with the name used in diagnostics (`script.sik`, `<stdin>`, `<command line>`).
public struct SourceFile: Sendable {
    /// The name shown in diagnostics.
    public let name: String
    /// The whole text.
    public let text: String
    /// Added to every reported line number, when `text` is a fragment of a larger file.
    public let firstLine: Int
    /// UTF-8 bytes of `text`; spans index into this.
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    /// A source named `name` holding `text`, whose first line is numbered `firstLine`.
    /// - Complexity: O(n) in the length of the text (it indexes line starts).
    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        self.bytes = Array(text.utf8)
        var starts = [0]
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
            offset += 1
        }
        self.lineStarts = starts
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(0, offset), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let column = String(decoding: bytes[start..<clamped], as: UTF8.self).count + 1
        return (lo + firstLine, column)
    }

    /// The text of the line containing `offset`, without its newline.
    public func lineText(containing offset: Int) -> String {
        let (line, _) = location(of: offset)
        let index = line - firstLine
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text under `span`.
    public subscript(span: SourceSpan) -> String {
        let s = min(max(0, span.start), bytes.count), e = min(max(s, span.end), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}
