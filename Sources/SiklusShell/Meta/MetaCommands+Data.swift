import SiklusStore

/// Handlers of the meta-commands that change the loaded data: `.clear`.
extension MetaCommands {
    /// Empties every table, as `unload` of each would. Variables, `set` options, stage edits and the
    /// last result stay: they are the session's setup, which DuckDB's shell also keeps when tables go.
    /// Connected, it forgets the engine's bound tables instead: the in-memory tables wait for `disconnect`.
    static func clear(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        if call.shell.session.isConnected {
            let notes = call.shell.session.unbindAll()
            call.shell.note(notes.isEmpty ? "no table is bound on the engine" : notes.joined(separator: "\n"))
            return true
        }
        let summaries = call.shell.session.clear().filter { $0.rowsRemoved > 0 }
        if summaries.isEmpty {
            call.shell.note("the tables were already empty")
        } else {
            call.shell.note(summaries.map { $0.localized() }.joined(separator: "\n"))
        }
        return true
    }
}
