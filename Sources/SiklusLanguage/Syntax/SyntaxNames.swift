/// A value together with the source span it was written at (`top 10` → `Spanned(value: 10, span: …)`).
public struct Spanned<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The parsed value.
    public var value: Value
    /// Where it was written.
    public var span: SourceSpan

    /// Pairs `value` with `span`.
    public init(_ value: Value, at span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// A name as written: a stage, metric, event, column part, variable or option name.
///
/// `text` is exactly as written (`Retensi`, `café`); `lowercased` is for case-insensitive lookup.
/// Where the grammar allows a quoted name (events, load columns), a string such as `"Add to cart"` also
/// becomes an identifier: its decoded value is `text` and `isQuoted` is true.
public struct Identifier: Hashable, Sendable, CustomStringConvertible {
    /// The name exactly as written (decoded, without quotes, when `isQuoted`).
    public let text: String
    /// `text` lowercased, for lookups that ignore case.
    public let lowercased: String
    /// True when the name was written as a quoted string.
    public let isQuoted: Bool
    /// Where the name was written (including quotes when `isQuoted`).
    public let span: SourceSpan

    /// An identifier with `text` written at `span`.
    public init(_ text: String, at span: SourceSpan, isQuoted: Bool = false) {
        self.text = text
        self.lowercased = text.lowercased()
        self.isQuoted = isQuoted
        self.span = span
    }

    /// The name as it would be written in source: bare, or in double quotes when `isQuoted`.
    public var description: String { isQuoted ? quotedStringLiteral(text) : text }
}

/// A possibly dotted name: `channel`, `customers.channel`. Column references and `by` dimensions use it.
public struct QualifiedName: Hashable, Sendable, CustomStringConvertible {
    /// The dot-separated parts, at least one.
    public let parts: [Identifier]
    /// From the first part to the last.
    public let span: SourceSpan

    /// A name made of `parts`.
    /// - Precondition: `parts` is not empty.
    public init(_ parts: [Identifier]) {
        precondition(!parts.isEmpty, "a qualified name has at least one part")
        self.parts = parts
        self.span = parts[0].span.union(parts[parts.count - 1].span)
    }

    /// The last part: the column name in `customers.channel`.
    public var name: Identifier { parts[parts.count - 1] }

    /// Every part but the last: `[customers]` in `customers.channel`, empty for `channel`.
    public var qualifier: ArraySlice<Identifier> { parts.dropLast() }

    /// The parts joined with `.`, as written.
    public var text: String { parts.map(\.text).joined(separator: ".") }

    /// The parts joined with `.`, lowercased.
    public var lowercased: String { parts.map(\.lowercased).joined(separator: ".") }

    /// Same as `text`.
    public var description: String { text }
}

/// `text` in double quotes, with `"`, `\`, line breaks and tabs escaped so the lexer reads it back.
func quotedStringLiteral(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case "\0": out += "\\0"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
