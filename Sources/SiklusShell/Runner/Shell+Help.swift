import SiklusEngine
import SiklusLanguage

extension Shell {
    /// Answers a `help` line from `Session.help` (which knows every statement, step, metric and stage),
    /// then from the dot-command table (`help .mode`); an unknown topic is an error with "did you mean".
    func executeHelp(_ source: SourceFile) -> Bool {
        guard let request = HelpRequest(line: source.text) else { return true }
        if let text = session.help(request.topic) {
            write(text)
            return true
        }
        let topic = request.topic ?? ""
        let command = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
        if let meta = MetaCommands.named(command) {
            write(meta.helpText)
            return true
        }
        let hint = Suggestions.hint(for: topic, in: Self.topics(session.vocabulary))
        let span = SourceSpan(start: request.topicStart, end: request.topicStart + topic.utf8.count)
        report(Diagnostic("no help for `\(topic)`", at: span, hints: [hint ?? "type `help` for the list of topics"]), in: source)
        return false
    }

    /// Every word `help <topic>` knows about.
    static func topics(_ vocabulary: Vocabulary) -> [String] {
        vocabulary.statements + vocabulary.steps + vocabulary.metrics + vocabulary.stages + ["statements", "steps", "metrics", "stages"]
    }
}
