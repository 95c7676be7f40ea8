import SiklusLanguage

/// Token-level mutations of seed queries: tokens deleted, repeated or replaced by words, operators and extreme
/// values; statements spliced from other seeds; now and then raw bytes. Most results still parse, so binding
/// and evaluation run, not just the parser.
enum QueryMutator {
    /// A script of one to four statements built from `corpus` (one statement per line of each seed file).
    static func script(corpus: [[UInt8]], _ rng: inout FuzzRandom) -> String {
        let statements = corpus.flatMap { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
        var lines: [String] = []
        for _ in 0..<rng.int(1...4) {
            let seed = rng.pick(statements)
            lines.append(rng.chance(0.25) ? seed : mutate(seed, &rng))
        }
        if rng.chance(0.05) { lines.append(randomBytes(&rng)) }
        return lines.joined(separator: "\n")
    }

    static let fragments = [
        "|", "|", "->", ",", "(", ")", "=", "!=", "<", ">=", "+=", "-=", ";", "\\", "\"", "'", "..",
        "cohort", "events", "by", "where", "metric", "retention", "funnel", "stage", "sort", "top", "bottom", "limit", "plot", "explain",
        "period", "day", "week", "month", "quarter", "year", "within", "horizon", "percent", "unbounded", "on", "any", "order",
        "strict", "ordered", "signup", "first_purchase", "channel", "country", "customer", "ts", "amount", "event", "in", "not",
        "purchase", "advocacy", "retention", "churn", "awareness", "visit", "login", "customers", "revenue", "median_days",
        "time_to_purchase", "transitions", "stage_share", "spend", "cpa", "step_3", "step_1",
        "derive", "rows", "+", "*", "/", "-",
        "0", "1", "-1", "00017", "1.785e4", "999999999999999999", "9223372036854775807", "99999999999999999999", "1e308",
        "9999-12-31", "0001-01-01", "1970-01-01", "2023-02-29", "2023-13", "+99:99", "30d", "0d", "999999999999999d", "1y",
        "\"\\u{0}\"", "\"\\n\"", "\"\\r\"", "\"\\\"\"", "\"\"", "café", "\u{1B}[31m",
    ]

    static func mutate(_ seed: String, _ rng: inout FuzzRandom) -> String {
        let source = SourceFile(name: "seed", text: seed)
        var pieces = Lexer.tokenize(source).dropLast().map { $0.text(in: source) }
        for _ in 0..<rng.int(1...3) {
            let index = pieces.isEmpty ? 0 : rng.int(0...(pieces.count - 1))
            switch rng.int(0...4) {
            case 0 where !pieces.isEmpty: pieces.remove(at: index)
            case 1 where !pieces.isEmpty: pieces.insert(pieces[index], at: index)
            case 2 where !pieces.isEmpty: pieces[index] = rng.pick(fragments)
            case 3: pieces.insert(rng.pick(fragments), at: min(index, pieces.count))
            default:  // repeat a step: long pipelines, many groups
                pieces += Array(repeating: ["|", "by", rng.pick(["day", "week", "channel", "event", "customer"])], count: rng.int(1...3)).flatMap { $0 }
            }
        }
        return pieces.joined(separator: " ")
    }

    static func randomBytes(_ rng: inout FuzzRandom) -> String {
        let bytes = (0..<rng.int(0...40)).map { _ in rng.chance(0.6) ? UInt8(rng.int(0x20...0x7E)) : UInt8(rng.int(0...255)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
