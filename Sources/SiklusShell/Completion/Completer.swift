import SiklusLanguage

/// Tab completion as pure functions of the line, the cursor and a `CompletionSource`, so every case
/// is testable without a terminal. The REPL's libedit callback only converts to and from C strings.
public enum Completer {
    /// Characters that end a word. The REPL gives libedit the same set, so libedit's idea of the
    /// word being completed matches `Completion.word`.
    public static let wordBreakCharacters = " \t\n\"'=,|();"

    /// Keywords after which a column name is expected.
    static let columnKeywords: Set<String> = ["by", "where", "and", "or"]

    /// The context of the word before `cursor` (a count of `Character`s into `line`) and the word.
    public static func context(line: String, cursor: Int) -> (context: CompletionContext, word: String) {
        let prefix = String(line.prefix(max(0, cursor)))
        let wordStart = prefix.lastIndex { wordBreakCharacters.contains($0) }.map { prefix.index(after: $0) } ?? prefix.startIndex
        let word = String(prefix[wordStart...])
        let before = prefix[..<wordStart]
        return (context(before: before, word: word), word)
    }

    /// Candidates for the word before `cursor` (a count of `Character`s into `line`).
    public static func complete(line: String, cursor: Int, source: CompletionSource) -> Completion {
        let (context, word) = context(line: line, cursor: cursor)
        let vocabulary = source.vocabulary
        let words: [String]
        switch context {
        case .statement: words = vocabulary.statements + ["help"]
        case .metaCommand: words = MetaCommands.dottedNames
        case .metaArgument(let name):
            switch MetaCommands.named(name)?.completion ?? .none {
            case .none: words = []
            case .choices(let choices): words = choices
            case .table: words = vocabulary.tables
            case .command: words = MetaCommands.all.map(\.name)
            case .path: words = PathCompletion.candidates(for: word, listDirectory: source.listDirectory)
            }
        case .step: words = vocabulary.steps
        case .metric: words = vocabulary.metrics
        case .stage: words = vocabulary.stages
        case .column: words = vocabulary.columns
        case .table: words = vocabulary.tables
        case .option: words = vocabulary.options
        case .engine: words = Keywords.engines
        case .loadSource: words = [Keywords.tableSource]
        case .helpTopic: words = Shell.topics(vocabulary)
        case .path(quoted: true): words = quotedPathCandidates(line: line, cursor: cursor, word: word, source: source)
        case .path: words = PathCompletion.candidates(for: word, listDirectory: source.listDirectory)
        case .value(let column): words = source.knownValues(column)
        case .events(let extra): words = extra + source.knownValues("event")
        case .words(let fixed): words = fixed
        case .explainSource(let withForms): words = (withForms ? ExplainDetail.words : []) + ExplainCompletion.sources + vocabulary.variables
        case .cohortFilter: words = ["did"] + vocabulary.columns
        case .stepOption(let options): words = options
        case .activity: words = ["purchase", "any"] + source.knownValues("event")
        case .funnelOption: words = Keywords.funnelOptions + Keywords.funnelStepWords
        case .none: words = []
        }
        let lowered = word.lowercased()
        let candidates = Set(words.filter { $0.lowercased().hasPrefix(lowered) }).sorted()
        var suffix = " "
        if candidates.count == 1, candidates[0].hasSuffix("/") {
            suffix = ""
        } else if context == .path(quoted: true) {
            suffix = "\""
        }
        return Completion(context: context, word: word, candidates: candidates, suffix: suffix)
    }

    /// Decides the context from the text before the word.
    static func context(before: Substring, word: String) -> CompletionContext {
        if isInsideQuotes(before) { return .path(quoted: true) }
        // Only the current statement matters: the text after the last `;` outside quotes.
        var start = before.startIndex, quoted = false
        for i in before.indices {
            if before[i] == "\"" { quoted.toggle() } else if before[i] == ";", !quoted { start = before.index(after: i) }
        }
        let statement = before[start...]
        let trimmed = statement.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty { return word.hasPrefix(".") ? .metaCommand : .statement }
        if trimmed.hasPrefix(".") {
            let command = trimmed.dropFirst().prefix { $0 != " " && $0 != "\t" }
            return .metaArgument(String(command))
        }
        if let setting = SettingCompletion.context(statement) { return setting }
        let tail = trimmed.reversed().drop { $0 == " " || $0 == "\t" }
        guard let last = tail.first else { return .statement }
        switch last {
        case "+", "*", "/":
            return .column   // an operand of a `derive` expression
        case "=" where isDeriveName(tail.dropFirst()):
            return .column   // `derive name = ‸`: the expression's first column
        case "=":
            let name = tail.dropFirst().drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            return name.isEmpty ? .none : .value(column: String(name.reversed()))
        case "|":
            return .step
        case ",":
            return listContext(String(trimmed))
        default:
            break
        }
        if let trend = TrendCompletion.context(statement) { return trend }
        if let value = ValueCompletion.context(statement) { return value }
        let previous = String(String(tail.prefix { !wordBreakCharacters.contains($0) }).reversed()).lowercased()
        if let retention = RetentionCompletion.context(statement: String(trimmed), previous: previous) { return retention }
        if let paths = pathsContext(statement: statement, previous: previous) { return paths }
        if let explain = ExplainCompletion.context(statement) { return explain }
        if let split = funnelSplitContext(statement, previous: previous) { return split }
        switch previous {
        case "metric": return .metric
        case "transitions", "churn_rate": return MetricOptionCompletion.context(statement: String(trimmed), metric: previous)
        case "stage": return .stage
        case "load", "unload": return .table
        case "connect": return .engine
        case let table where LoadTable(rawValue: table) != nil && words(statement) == ["load", table]:
            return .loadSource
        case "set": return .option
        case "help": return .helpTopic
        case let keyword where columnKeywords.contains(keyword): return .column
        case let word where isAfterFunnelStepName(statement, previous: word): return .funnelOption
        default: return .none
        }
    }

    /// True when `reversedTail` (the text before `=`, reversed) ends with `derive <name>`.
    static func isDeriveName<S: Sequence>(_ reversedTail: S) -> Bool where S.Element == Character {
        let text = String(String(reversedTail).reversed())
        let words = text.split { $0 == " " || $0 == "\t" || $0 == "|" }
        return words.count >= 2 && words[words.count - 2].lowercased() == "derive"
    }

    /// After `, `: a metric list (`metric a, b`) or a column list (`by a, b`), whichever keyword
    /// came last in the current step.
    static func listContext(_ statement: String) -> CompletionContext {
        let step = statement.split(separator: "|", omittingEmptySubsequences: false).last ?? Substring(statement)
        let keywords = step.split { wordBreakCharacters.contains($0) }.map { $0.lowercased() }
        for keyword in keywords.reversed() {
            if keyword == "metric" { return .metric }
            if keyword == "by" { return .column }
        }
        return .none
    }

    /// Paths for a quoted path that may hold spaces or other word breaks (`"my data/ev`): listed from
    /// the whole text after the quote, then given back relative to the word libedit replaces (`ev`... from
    /// the last break), so the text before it stays as typed.
    static func quotedPathCandidates(line: String, cursor: Int, word: String, source: CompletionSource) -> [String] {
        let prefix = line.prefix(max(0, cursor))
        guard let quote = openQuote(in: prefix) else { return [] }
        let path = String(prefix[prefix.index(after: quote)...])
        let lead = path.count - word.count
        var candidates = PathCompletion.candidates(for: path, listDirectory: source.listDirectory)
        // A connection string or an engine table's name is not a file.
        if isConnectOrTableLoad(prefix[..<quote]) { return [] }
        if isLoadStatement(prefix[..<quote]) { candidates = PathCompletion.loadable(candidates) }
        return candidates
            .filter { $0.hasPrefix(path) }
            .map { String($0.dropFirst(lead)) }
    }

    /// True when the statement `text` ends in (the one after its last `;`) starts with `load`.
    static func isLoadStatement(_ text: Substring) -> Bool {
        let statement = text.split(separator: ";", omittingEmptySubsequences: false).last ?? text
        let words = statement.split { $0 == " " || $0 == "\t" }
        return words.first?.lowercased() == "load"
    }

    /// True when the statement `text` ends in is `connect …` or `load <table> table …`.
    static func isConnectOrTableLoad(_ text: Substring) -> Bool {
        let statement = text.split(separator: ";", omittingEmptySubsequences: false).last ?? text
        let words = words(statement)
        return words.first == "connect" || (words.first == "load" && words.count >= 3 && words[2] == Keywords.tableSource)
    }

    /// The lowercased words of `text`, split at blanks.
    static func words(_ text: Substring) -> [String] {
        text.split { $0 == " " || $0 == "\t" }.map { $0.lowercased() }
    }

    /// True when an odd number of `"` (or `'`) precede the cursor: the word is inside a string.
    static func isInsideQuotes(_ text: Substring) -> Bool {
        openQuote(in: text) != nil
    }

    /// Where the string that is still open at the end of `text` starts, if one is.
    static func openQuote(in text: Substring) -> Substring.Index? {
        var open: Substring.Index?
        for index in text.indices {
            let character = text[index]
            if let start = open {
                if character == text[start] { open = nil }
            } else if character == "\"" || character == "'" {
                open = index
            }
        }
        return open
    }
}

extension Completer {
    /// True inside a `funnel` step after a word that is not `funnel`, `->`, `exclude` or `stage` (where a name comes).
    static func isAfterFunnelStepName(_ statement: Substring, previous: String) -> Bool {
        let step = statement.split(separator: "|", omittingEmptySubsequences: false).last ?? statement
        guard step.split(whereSeparator: { $0 == " " || $0 == "\t" }).first?.lowercased() == "funnel" else { return false }
        return !["funnel", "->", "exclude", "stage", "(", "", "within", "between", "and"].contains(previous)
    }
}
