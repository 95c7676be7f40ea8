import CLibPQ
import SiklusSQL

extension SQLEngineError {
    /// The error a failed result carries: the server's primary message, its detail, hint and context
    /// (COPY names the line and column there), the SQLSTATE and the 1-based character position.
    static func postgres(result: OpaquePointer) -> SQLEngineError {
        func field(_ code: Int32) -> String? {
            guard let text = PQresultErrorField(result, code) else { return nil }
            let value = String(cString: text)
            return value.isEmpty ? nil : value
        }
        var message = field(DiagnosticField.MESSAGE_PRIMARY) ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines
        if message.isEmpty { message = "PostgreSQL reported an error without a message" }
        if let detail = field(DiagnosticField.MESSAGE_DETAIL) { message += "\nDETAIL: " + detail }
        if let hint = field(DiagnosticField.MESSAGE_HINT) { message += "\nHINT: " + hint }
        if let context = field(DiagnosticField.CONTEXT) { message += "\nCONTEXT: " + context }
        let sqlState = field(DiagnosticField.SQLSTATE)
        let position = field(DiagnosticField.STATEMENT_POSITION).flatMap { Int($0) }
        // Not `isCancellation` even for 57014 (query_canceled): a statement_timeout raises it too; only
        // the query loop knows whether Siklus asked for the cancel.
        return SQLEngineError(message, sqlState: sqlState, position: position)
    }

    /// The connection's last error (`PQerrorMessage`), for failures that produce no result (a lost
    /// connection, a refused COPY write).
    static func postgres(connection: OpaquePointer, doing what: String) -> SQLEngineError {
        let text = PQerrorMessage(connection).map { String(cString: $0) }?.trimmingTrailingNewlines ?? ""
        return SQLEngineError(text.isEmpty ? "PostgreSQL: \(what) failed" : "PostgreSQL: \(what) failed: \(text)")
    }
}

/// libpq's `PG_DIAG_*` field codes (character-literal macros, which Swift does not import).
private enum DiagnosticField {
    static let SQLSTATE = Int32(UInt8(ascii: "C"))
    static let MESSAGE_PRIMARY = Int32(UInt8(ascii: "M"))
    static let MESSAGE_DETAIL = Int32(UInt8(ascii: "D"))
    static let MESSAGE_HINT = Int32(UInt8(ascii: "H"))
    static let STATEMENT_POSITION = Int32(UInt8(ascii: "P"))
    static let CONTEXT = Int32(UInt8(ascii: "W"))
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last.isNewline || last == " " { text = text.dropLast() }
        return String(text)
    }
}
