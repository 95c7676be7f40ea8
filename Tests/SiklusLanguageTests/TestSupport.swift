import XCTest
@testable import SiklusLanguage

/// The tokens of `text` as (kind, text) pairs, without the final end-of-input token.
func lexed(_ text: String, trivia: Bool = false) -> [(kind: TokenKind, text: String)] {
    let source = SourceFile(name: "t", text: text)
    return Lexer.tokenize(source, includesTrivia: trivia).dropLast().map { ($0.kind, $0.text(in: source)) }
}

/// The token kinds of `text`, without the final end-of-input token.
func kinds(_ text: String, trivia: Bool = false) -> [TokenKind] {
    lexed(text, trivia: trivia).map(\.kind)
}

/// A parsed script with its source, for span checks.
struct Parsed {
    let source: SourceFile
    let result: ParseResult

    init(_ text: String, name: String = "q.sik") {
        source = SourceFile(name: name, text: text)
        result = Parser.parse(source)
    }

    /// The text under `span`.
    func text(_ span: SourceSpan) -> String { source[span] }

    /// Every diagnostic rendered without color, joined by blank lines.
    var rendered: String { result.diagnostics.map { $0.render(in: source) }.joined(separator: "\n\n") }

    /// The printed tree of every statement, joined by newlines.
    var printed: String { result.statements.map(SyntaxPrinter.print).joined(separator: "\n") }
}

/// Parses `text`, failing the test unless it is exactly one statement with no diagnostics.
func parseOne(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (StatementNode, Parsed)? {
    let parsed = Parsed(text)
    XCTAssertEqual(parsed.result.diagnostics.count, 0, "unexpected diagnostics:\n\(parsed.rendered)", file: file, line: line)
    XCTAssertEqual(parsed.result.statements.count, 1, "expected one statement", file: file, line: line)
    guard parsed.result.diagnostics.isEmpty, let statement = parsed.result.statements.first else { return nil }
    return (statement, parsed)
}

/// Parses `text` as one pipeline statement.
func parsePipeline(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (Pipeline, Parsed)? {
    guard let (statement, parsed) = parseOne(text, file: file, line: line) else { return nil }
    guard case .pipeline(let pipeline) = statement.kind else {
        XCTFail("expected a pipeline, got \(statement.kind)", file: file, line: line)
        return nil
    }
    return (pipeline, parsed)
}

/// Parses `events | <step>` and returns the step.
func parseStep(_ step: String, file: StaticString = #filePath, line: UInt = #line) -> (Step, Parsed)? {
    guard let (pipeline, parsed) = parsePipeline("events | " + step, file: file, line: line) else { return nil }
    XCTAssertEqual(pipeline.steps.count, 1, file: file, line: line)
    guard let first = pipeline.steps.first else { return nil }
    XCTAssertEqual(parsed.text(first.span), step.trimmingCharacters(in: .whitespaces), "step span", file: file, line: line)
    return (first.kind, parsed)
}

/// Parses `text`, expecting exactly one diagnostic, and returns it rendered.
func singleError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let parsed = Parsed(text)
    XCTAssertEqual(parsed.result.diagnostics.count, 1, "diagnostics:\n\(parsed.rendered)", file: file, line: line)
    return parsed.rendered
}

/// The message of the first diagnostic for `text`, or "" when it parses.
func firstMessage(_ text: String) -> String {
    Parsed(text).result.diagnostics.first?.message ?? ""
}
