import SiklusStore

/// Handlers of the meta-commands that change the loaded data: `.clear`.
extension MetaCommands {
    /// Empties every table, as `unload` of each would. Variables, `set` options, stage edits and the
    /// last result stay: they are the session's setup, which DuckDB's shell also keeps when tables go.
    static func clear(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        let summaries = call.shell.session.clear().filter { $0.rowsRemoved > 0 }
        if summaries.isEmpty {
            call.shell.note("the tables were already empty")
        } else {
            call.shell.note(summaries.map { $0.render() }.joined(separator: "\n"))
        }
        return true
    }
}
