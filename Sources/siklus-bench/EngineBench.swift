import Foundation
import SiklusConnect
import SiklusEngine
import SiklusLanguage
import SiklusSQL

/// `siklus-bench DIR --engine postgres|spark TARGET --query Q…`: connects a session to the engine, loads
/// DIR's files through Siklus (written to the engine), then times each query compiled to the engine's
/// SQL (through the session: lowering, the engine's run and the pivot) and the hand-written SQL for the
/// same question (`EngineReferenceSQL`) on the same connection, best of `repeats` after one warm-up run.
///
/// Prints `load_<table>\tseconds`, then per query `engine_query\tcompiled\thand-written\tquery` (an empty
/// hand-written field when there is none; `error: …` in place of a time when it failed).
struct EngineBench {
    let directory: String
    let engine: String
    let target: String
    let queries: [String]
    let repeats: Int

    func run() throws {
        let session = Session()
        nonisolated(unsafe) var opened: (any SQLEngine)?
        session.engineConnector = { dialect, target throws(SQLEngineError) in
            let engine = try EngineConnector.connect(dialect, target: target)
            opened = engine
            return engine
        }
        try statement(#"connect \#(engine) "\#(target)""#, in: session)
        guard let connection = opened else { throw BenchError("no engine was opened") }
        for table in ["customers", "events", "spend"] where FileManager.default.fileExists(atPath: "\(directory)/\(table).csv") {
            let t = try seconds { try statement(#"load \#(table) "\#(directory)/\#(table).csv""#, in: session) }
            print("load_\(table)\t\(t)")
        }
        for query in queries {
            let compiled = time { _ = try session.query(query) }
            let reference = EngineReferenceSQL.sql(for: query, connection.dialect).map { sql in
                time { _ = try connection.query(sql, isCancelled: { false }) }
            } ?? ""
            print("engine_query\t\(compiled)\t\(reference)\t\(query)")
        }
        session.disconnect()
    }

    /// The best of `repeats` timed runs after a warm-up, or `error: …`.
    private func time(_ body: () throws -> Void) -> String {
        do {
            try body()
            var best = Double.infinity
            for _ in 0..<repeats { best = min(best, try seconds(body)) }
            return String(best)
        } catch {
            return "error: " + "\(error)".replacingOccurrences(of: "\n", with: " ").prefix(300)
        }
    }

    /// Runs `text`; its first error is thrown.
    private func statement(_ text: String, in session: Session) throws {
        var failure: String?
        session.run(SourceFile(name: "<bench>", text: text)) { outcome in
            if case .failure(let d) = outcome { failure = d.message; return false }
            return true
        }
        if let failure { throw BenchError("`\(text)`: \(failure)") }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
