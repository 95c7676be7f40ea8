import SiklusEngine
import SiklusLanguage

extension Shell {
    /// Answers a `help` line from `Session.help`, falling back to a topic listing built from the
    /// vocabulary; an unknown topic is an error with "did you mean".
    func executeHelp(_ source: SourceFile) -> Bool {
        guard let request = HelpRequest(line: source.text) else { return true }
        if let text = session.help(request.topic) {
            write(text)
            return true
        }
        let vocabulary = session.vocabulary
        guard let topic = request.topic else {
            write(Self.topicListing(vocabulary))
            return true
        }
        if let kind = Self.kind(of: topic, in: vocabulary) {
            write("`\(topic)` is \(kind). There is no detailed help for it yet; type `help` for the list of topics.")
            return true
        }
        let command = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
        if let meta = MetaCommands.named(command) {
            write(meta.helpText)
            return true
        }
        let hint = Suggestions.hint(for: topic, in: Self.topics(vocabulary))
        let span = SourceSpan(start: request.topicStart, end: request.topicStart + topic.utf8.count)
        report(Diagnostic("no help for `\(topic)`", at: span, hints: [hint ?? "type `help` for the list of topics"]), in: source)
        return false
    }

    /// Every word `help <topic>` knows about.
    static func topics(_ vocabulary: Vocabulary) -> [String] {
        vocabulary.statements + vocabulary.steps + vocabulary.metrics + vocabulary.stages + ["statements", "steps", "metrics", "stages"]
    }

    /// "a statement", "a metric", … for a vocabulary word.
    static func kind(of topic: String, in vocabulary: Vocabulary) -> String? {
        if vocabulary.statements.contains(topic) { return "a statement" }
        if vocabulary.steps.contains(topic) { return "a step (used after `|`)" }
        if vocabulary.metrics.contains(topic) { return "a metric" }
        if vocabulary.stages.contains(topic) { return "a lifecycle stage" }
        return nil
    }

    /// The fallback for `help`: the statements, steps, metrics and stages, and where to go next.
    static func topicListing(_ vocabulary: Vocabulary) -> String {
        func list(_ words: [String]) -> String { words.isEmpty ? "(none yet)" : words.joined(separator: ", ") }
        return """
        Statements: \(list(vocabulary.statements))
        Steps (after |): \(list(vocabulary.steps))
        Metrics: \(list(vocabulary.metrics))
        Stages: \(list(vocabulary.stages))
        Example: cohort signup=2022-09 | stage retention | metric avg_order
        Type `help <topic>` for one of these, `.help` for the shell's meta-commands.
        """
    }
}
