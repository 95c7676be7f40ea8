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

    mutating func ran(_ pipeline: String) {
        if allowed[pipeline] != nil { ranAnyway.insert(pipeline) }
    }

    /// Failures plus list entries that ran: each must be taken off the list.
    var problems: [String] {
        failures + ranAnyway.sorted().map { "`\($0)` ran on \(engine.rawValue): take it off MatrixRefusals (the list only shrinks)" }
    }

    /// One line for the log: how much of the matrix ran.
    var summary: String {
        "matrix \(engine.rawValue): \(equal) pipelines equal to memory, \(refusedAsListed.count) refused as listed, "
            + "\(bothFailed) failing in both, \(failures.count) failures"
    }

    /// The refusal list this run would need, as Swift source (printed when unlisted refusals appear).
    var suggestedList: String {
        unlisted.keys.sorted().map { "        \(String(reflecting: $0)): \(String(reflecting: String(unlisted[$0]?.prefix(80) ?? ""))),"
        }.joined(separator: "\n")
    }
}
