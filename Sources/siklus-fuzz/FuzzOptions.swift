import Foundation

/// What a fuzz run does, from the command line.
///
///     siklus-fuzz [--seconds N] [--seed S] [--target csv|query|all] [--corpus DIR] [--out DIR]
///     siklus-fuzz --replay FILE --target csv|query [--corpus DIR] [--out DIR]
///
/// The supervisor starts workers (`--worker`, internal) and restarts them after a crash.
struct FuzzOptions {
    enum Target: String, CaseIterable { case csv, query }

    var seconds = 60.0
    var seed = UInt64(UInt32(truncatingIfNeeded: time(nil)))
    var targets = Target.allCases
    var corpus = "Tests/Fuzz/corpus"
    var out = ".build/fuzz"
    /// Seconds one input may take before it counts as a hang.
    var hangSeconds = 15.0
    var replay: String?
    /// Worker mode: run inputs `first…` of one target until `until` (seconds since 1970).
    var worker = false
    var first = 0
    var until = 0.0

    static let usage = "usage: siklus-fuzz [--seconds N] [--seed S] [--target csv|query|all] [--corpus DIR] [--out DIR] [--replay FILE]"

    init(_ arguments: [String]) throws {
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--seconds": seconds = try Double(value()).orThrow("--seconds takes a number")
            case "--seed": seed = try UInt64(value()).orThrow("--seed takes a non-negative integer")
            case "--target":
                let name = try value()
                targets = try name == "all" ? Target.allCases : [Target(rawValue: name).orThrow("--target is csv, query or all")]
            case "--corpus": corpus = try value()
            case "--out": out = try value()
            case "--hang-seconds": hangSeconds = try Double(value()).orThrow("--hang-seconds takes a number")
            case "--replay": replay = try value()
            case "--worker": worker = true
            case "--first": first = try Int(value()).orThrow("--first takes an integer")
            case "--until": until = try Double(value()).orThrow("--until takes a number")
            case "-h", "--help": throw UsageError("")
            default: throw UsageError("unknown option \(arguments[index])")
            }
            index += 1
        }
    }
}

struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw UsageError(message) }
        return self
    }
}
