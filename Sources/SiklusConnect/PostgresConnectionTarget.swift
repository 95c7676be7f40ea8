import CLibPQ
import Foundation
import SiklusSQL

/// What the user typed after `connect postgres`: a libpq conninfo string (`host=… dbname=…`) or a
/// `postgresql://` URL, handed to libpq unchanged. Knows the target's secrets so that no summary or
/// error shows them.
struct PostgresConnectionTarget {
    /// Seconds libpq waits for the server when the target does not say (`connect_timeout`): an
    /// unreachable host fails the `connect` instead of hanging the shell.
    static let defaultConnectTimeout = "10"

    let text: String
    /// Passwords (and URL user-info) in `text`, removed from every message that might echo them.
    let secrets: [String]

    init(_ text: String) {
        self.text = text
        secrets = Self.secrets(in: text)
    }

    /// Opens the connection without blocking (`PQconnectStartParams`, then `PQconnectPoll` on the socket
    /// every 100 ms), so Ctrl-C (`isCancelled`) abandons a connect to a slow or unreachable server at
    /// once. libpq ignores `connect_timeout` in this mode, so the whole connect is bounded here by the
    /// effective `connect_timeout` (the target's, else 10 s; 0 means no limit) times the hosts tried.
    /// `client_encoding` is always UTF-8, which the value parsers rely on.
    func connect(isCancelled: () -> Bool = { false }) throws(SQLEngineError) -> OpaquePointer {
        guard !text.utf8.contains(0) else { throw SQLEngineError("cannot connect to PostgreSQL: the connection string holds a NUL character") }
        // Array entries before the expanded `dbname` are defaults the target may override; entries after
        // it override the target (libpq's `expand_dbname` rule).
        let keywords = ["connect_timeout", "dbname", "client_encoding"]
        let values = [Self.defaultConnectTimeout, text, "UTF8"]
        let started = withCStringArray(keywords) { k in
            withCStringArray(values) { v in PQconnectStartParams(k, v, 1) }
        }
        guard let connection = started else { throw SQLEngineError("PostgreSQL: out of memory opening a connection") }
        func failed() -> SQLEngineError {
            let reason = PQerrorMessage(connection).map { String(cString: $0) }?.trimmingTrailingNewlines ?? ""
            PQfinish(connection)
            return SQLEngineError("cannot connect to PostgreSQL: " + redacted(reason.isEmpty ? "no reason given" : reason))
        }
        guard PQstatus(connection) != CONNECTION_BAD else { throw failed() }
        let limit = Self.timeLimit(connection)
        let begun = ContinuousClock.now
        var state = PGRES_POLLING_WRITING
        while state != PGRES_POLLING_OK {
            guard state != PGRES_POLLING_FAILED else { throw failed() }
            if isCancelled() {
                PQfinish(connection)
                throw SQLEngineError("connect cancelled", isCancellation: true)
            }
            if let limit, ContinuousClock.now - begun > limit {
                PQfinish(connection)
                throw SQLEngineError("cannot connect to PostgreSQL: no answer within \(limit) (connect_timeout)")
            }
            var descriptor = pollfd(fd: PQsocket(connection), events: Int16(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            state = PQconnectPoll(connection)
        }
        return connection
    }

    /// The connect's time limit: `connect_timeout` as libpq resolved it, per host of the target.
    private static func timeLimit(_ connection: OpaquePointer) -> Duration? {
        var seconds = Int(defaultConnectTimeout) ?? 10
        if let options = PQconninfo(connection) {
            var option = options
            while let keyword = option.pointee.keyword {
                if String(cString: keyword) == "connect_timeout", let value = option.pointee.val { seconds = Int(String(cString: value)) ?? seconds }
                option += 1
            }
            PQconninfoFree(options)
        }
        guard seconds > 0 else { return nil }
        let hosts = max(1, (PQhost(connection).map { String(cString: $0) } ?? "").split(separator: ",").count)
        return .seconds(max(2, seconds) * hosts)
    }

    /// `message` with every secret of the target replaced by `***`.
    func redacted(_ message: String) -> String {
        secrets.reduce(message) { text, secret in text.replacingOccurrences(of: secret, with: "***") }
    }

    /// The password values libpq finds in `text` (options it marks `*`), plus what looks like a password
    /// when libpq cannot parse the text at all: the value after `password=`, or the user-info of a URL.
    private static func secrets(in text: String) -> [String] {
        var found: [String] = []
        var error: UnsafeMutablePointer<CChar>?
        if let options = PQconninfoParse(text, &error) {
            var option = options
            while option.pointee.keyword != nil {
                if let display = option.pointee.dispchar, display.pointee == CChar(UInt8(ascii: "*")),
                   let value = option.pointee.val, value.pointee != 0 {
                    found.append(String(cString: value))
                }
                option += 1
            }
            PQconninfoFree(options)
        }
        if let error { PQfreemem(error) }
        if let range = text.range(of: "password=") {
            let rest = text[range.upperBound...]
            let value = rest.prefix { $0 != " " && $0 != "&" }
            if !value.isEmpty { found.append(String(value)) }
        }
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") {
            let userInfo = text[scheme.upperBound..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                let password = userInfo[userInfo.index(after: colon)...]
                if !password.isEmpty { found.append(String(password)) }
            }
        }
        // Longest first, so a password containing another is removed whole.
        return found.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }
}

/// Calls `body` with a NULL-terminated C array of the strings, valid only during the call.
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { preconditionFailure("a non-empty array has storage") }
        return body(base)
    }
}
