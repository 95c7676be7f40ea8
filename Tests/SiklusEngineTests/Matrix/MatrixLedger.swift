import Foundation

/// What one engine's matrix run found: pipelines equal to memory, failures, and refusals checked
/// against the committed list (`MatrixRefusals`): a refusal must be listed and its error must name the
/// listed construct; a listed pipeline that ran must be taken off the list (the list only shrinks).
struct MatrixLedger {
    let engine: MatrixEngine
    /// Pipeline text → the construct its refusal names, for this engine.
    let allowed: [String: String]
    var equal = 0
    var bothFailed = 0
    var failures: [String] = []
    /// Listed pipelines seen refused (with the right construct) and seen running.
    private(set) var refusedAsListed: Set<String> = []
    private(set) var ranAnyway: Set<String> = []
    /// Listed wrong results seen, with their difference (reported, not failed).
    private(set) var knownWrong: [String] = []
    /// Pipelines past an in-memory cost limit that the engine ran.
    private(set) var memoryLimitsSeen: Set<String> = []
    /// Refusals not on the list, by pipeline: the engine's message.
    private(set) var unlisted: [String: String] = [:]

    init(_ engine: MatrixEngine) {
        self.engine = engine
        allowed = MatrixRefusals.list(engine)
    }

    mutating func refused(_ pipeline: String, message: String, at place: String) {
        guard let construct = allowed[pipeline] else {
            unlisted[pipeline] = message
            failures.append("\(place): `\(pipeline)` failed on \(engine.rawValue) and is not on its refusal list: \(message)")
            return
        }
        if message.contains(" said: ") || !message.localizedCaseInsensitiveContains(construct) {
            failures.append("\(place): `\(pipeline)` failed on \(engine.rawValue) with \"\(message)\", not a refusal naming \(construct)")
        } else {
            refusedAsListed.insert(pipeline)
        }
    }

    /// A pipeline the in-memory engine refuses ran on the engine: allowed only for the in-memory engine's
    /// own cost limits (`MatrixRefusals.memoryLimits`).
    mutating func ranWhatMemoryRejects(_ pipeline: String, memoryError: String, at place: String) {
        if let limit = MatrixRefusals.memoryLimits[pipeline], memoryError.contains(limit) {
            memoryLimitsSeen.insert(pipeline)
        } else {
            failures.append("\(place): `\(pipeline)` fails in memory (\(memoryError)) but ran on \(engine.rawValue)")
        }
    }

    mutating func ran(_ pipeline: String) {
        if allowed[pipeline] != nil { ranAnyway.insert(pipeline) }
    }

    /// A result compared with memory's: equal, a listed known-wrong result, or a failure.
    mutating func compared(_ pipeline: String, difference: String?, at place: String) {
        let known = MatrixRefusals.wrongResults(engine)[pipeline]
        switch (difference, known) {
        case (nil, nil): equal += 1
        case (nil, _?): failures.append("\(place): `\(pipeline)` now equals memory on \(engine.rawValue): take it off MatrixRefusals.wrongResults")
        case (let difference?, nil): failures.append("\(place): `\(pipeline)` on \(engine.rawValue) differs from memory: \(difference)")
        case (let difference?, let reason?):
            knownWrong.append("\(place): `\(pipeline)` (\(reason)): \(difference.prefix(200))")
        }
    }

    /// Failures plus list entries that ran: each must be taken off the list.
    var problems: [String] {
        failures + ranAnyway.sorted().map { "`\($0)` ran on \(engine.rawValue): take it off MatrixRefusals (the list only shrinks)" }
    }

    /// One line for the log: how much of the matrix ran.
    var summary: String {
        "matrix \(engine.rawValue): \(equal) pipelines equal to memory, \(refusedAsListed.count) refused as listed, "
            + "\(knownWrong.count) known wrong, \(bothFailed) failing in both, \(failures.count) failures"
            + knownWrong.map { "\n  known wrong: " + $0 }.joined()
    }

    /// The entries this run's unlisted refusals need, as Swift source: the construct is what the error
    /// names after "cannot express", up to a parenthesis.
    var suggestedList: String {
        unlisted.keys.sorted().map { pipeline in
            let message = unlisted[pipeline] ?? ""
            var construct = message.range(of: "cannot express ").map { String(message[$0.upperBound...]) } ?? message
            if let paren = construct.range(of: " (") { construct = String(construct[..<paren.lowerBound]) }
            return "        \(String(reflecting: pipeline)): \(String(reflecting: construct)),"
        }.joined(separator: "\n")
    }
}
