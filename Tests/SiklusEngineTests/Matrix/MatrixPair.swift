import Foundation
import SiklusLanguage
import SiklusSQL
import SiklusTestSupport
@testable import SiklusEngine

/// Two sessions run in lockstep over the same statements: one in memory, one connected to an engine
/// (files are loaded through Siklus while connected, so the engine holds the tables Siklus wrote).
/// Every pipeline's result on the engine must be the in-memory table: columns, units, row order and
/// labels exactly, numbers within 1e-9 relative. A pipeline the engine refuses is recorded for the
/// refusal list check (`MatrixLedger`).
final class MatrixPair {
    let engine: MatrixEngine
    let memory = Session()
    let remote = Session()
    private(set) var ledger: MatrixLedger

    init(_ engine: MatrixEngine, ledger: MatrixLedger) throws {
        self.engine = engine
        self.ledger = ledger
        var failure: Error?
        remote.engineConnector = { _, _ throws(SQLEngineError) in
            do { return try engine.open() } catch {
                failure = error
                throw SQLEngineError("\(error)")
            }
        }
        if let d = remote.failure(engine.connectStatement) {
            throw failure ?? MissingPrerequisite("cannot connect the matrix session to \(engine.rawValue): \(d.message)")
        }
    }

    /// Closes the engine connection (a lent Spark session stays open).
    func finish() -> MatrixLedger {
        remote.disconnect()
        return ledger
    }

    /// Runs `text` in both sessions; `label` names its pipelines in failures (a file and line, or a case).
    func run(_ text: String, label: String, resolve: (StatementNode) -> StatementNode = { $0 }) {
        let source = SourceFile(name: label, text: text)
        let parsed = Parser.parse(source)
        for statement in parsed.statements.map(resolve) {
            let line = text[..<text.index(text.startIndex, offsetBy: min(statement.span.start, text.count))].filter { $0 == "\n" }.count + 1
            step(statement, in: source, where: "\(label):\(line)")
        }
    }

    private func step(_ statement: StatementNode, in source: SourceFile, where place: String) {
        switch statement.kind {
        case .pipeline(let pipeline):
            compare(memory.execute(statement, in: source), remote.execute(statement, in: source),
                    pipeline: source[pipeline.span], at: place)
        case .load, .set, .stageEdit, .let, .unload:
            let local = memory.execute(statement, in: source), there = remote.execute(statement, in: source)
            if case .failure = local { return }
            if case .failure(let d) = there {
                ledger.failures.append("\(place): `\(source[statement.span])` ran in memory but failed while connected to \(engine.rawValue): \(d.message)")
            }
        default:
            _ = memory.execute(statement, in: source)  // explain, help, stages: nothing to compare
        }
    }

    private func compare(_ local: StatementOutcome, _ there: StatementOutcome, pipeline: String, at place: String) {
        switch (Self.table(local), there) {
        case (nil, .failure):
            ledger.bothFailed += 1
        case (nil, .output):
            guard case .failure(let d) = local else { return ledger.failures.append("\(place): `\(pipeline)` gave no table in memory") }
            ledger.ranWhatMemoryRejects(pipeline, memoryError: d.message, at: place)
        case (_?, .failure(let d)):
            ledger.refused(pipeline, message: d.message, at: place)
        case (let expected?, .output):
            guard let actual = Self.table(there) else {
                ledger.failures.append("\(place): `\(pipeline)` gave no table on \(engine.rawValue)")
                return
            }
            ledger.ran(pipeline)
            ledger.compared(pipeline, difference: TableComparison.difference(actual, expected), at: place)
        }
    }

    private static func table(_ outcome: StatementOutcome) -> ResultTable? {
        guard case .output(let output, _) = outcome else { return nil }
        switch output {
        case .table(let t), .plot(let t), .export(let t, _, _): return t
        default: return nil
        }
    }
}
