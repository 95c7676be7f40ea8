import SiklusLanguage

/// Completion right after `explain`: its forms (`sql`, `tree`, `all`), the sources and the variables; after a
/// form, the sources and the variables.
enum ExplainCompletion {
    /// The sources offered after `explain`, besides the `let` variables.
    static let sources = ["cohort", "events"]

    /// The context when `statement` (the text before the word) is `explain` or `explain <form>`; else nil.
    static func context(_ statement: Substring) -> CompletionContext? {
        let words = statement.split { $0 == " " || $0 == "\t" }.map { $0.lowercased() }
        guard words.first == "explain", !statement.contains("|") else { return nil }
        if words.count == 1 { return .explainSource(withForms: true) }
        if words.count == 2, ExplainDetail.words.contains(words[1]) { return .explainSource(withForms: false) }
        return nil
    }
}
