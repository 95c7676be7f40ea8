import SiklusLanguage

extension Shell {
    /// Runs the meta-command line in `source` (one line). Errors are located in that line.
    func executeMeta(_ source: SourceFile) -> Bool {
        do throws(MetaCommandError) {
            let words = try MetaLine.words(source.text)
            guard let head = words.first else { return true }
            let name = String(head.text.dropFirst())
            guard let command = MetaCommands.named(name) else { throw MetaCommands.unknownCommand(name, at: head.span) }
            let arguments = Array(words.dropFirst())
            if arguments.count < command.argumentCount.lowerBound {
                // Point just past the command, where the argument should be.
                throw MetaCommandError("`.\(name)` needs \(command.arguments)", at: SourceSpan(start: head.span.end, end: head.span.end + 1),
                                       hints: ["usage: \(command.usage)"])
            }
            if arguments.count > command.argumentCount.upperBound {
                let extra = arguments[command.argumentCount.upperBound...]
                let span = (extra.first?.span ?? head.span).union(extra.last?.span ?? head.span)
                let most = command.argumentCount.upperBound
                throw MetaCommandError("`.\(name)` takes \(most == 0 ? "no arguments" : most == 1 ? "at most 1 argument" : "at most \(most) arguments")",
                                       at: span, hints: ["usage: \(command.usage)"])
            }
            let ok = try command.handler(MetaInvocation(shell: self, command: command, arguments: arguments, commandWord: head, source: source))
            // Listings (`.schema`, `.help`) go to the `.output` file, whose writes are checked like results.
            return checkWrites(to: output, at: head.span, in: source) && ok
        } catch {
            report(Diagnostic(error.message, at: error.span, hints: error.hints), in: source)
            return false
        }
    }
}
