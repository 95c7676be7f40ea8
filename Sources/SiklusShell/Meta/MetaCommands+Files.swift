import SiklusLanguage
import SiklusEngine

/// Handlers of the meta-commands that write or read files: `.output`, `.once`, `.export`, `.read`.
/// In a script file their relative paths are read against the script's folder (`Shell.resolvePath`).
extension MetaCommands {
    /// How deeply `.read` may nest before the shell assumes a script reads itself.
    static let maximumReadDepth = 16

    static func output(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        let previous = call.shell.output
        guard let path = call.argument(0), path != "stdout", path != "-" else {
            call.shell.output = .standard
            try finish(previous, call)
            return true
        }
        call.shell.output = try openForWriting(path, call)
        try finish(previous, call)
        call.shell.note("results go to \(path) (.output stdout to undo)")
        return true
    }

    static func once(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        guard let path = call.argument(0) else { return false }
        call.shell.once = try openForWriting(path, call)
        return true
    }

    static func export(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        guard let path = call.argument(0) else { return false }
        guard let table = call.shell.lastResult else {
            throw call.error(MessageCatalog.text("shell.no_result_to_export"), argument: 0, hints: [MessageCatalog.text("shell.no_result_to_export_hint", ["path": path])])
        }
        do {
            if try exportsForExcel(call, path: path) {
                try ResultExporter.exportForExcel(table, to: call.shell.resolvePath(path), language: call.shell.session.display.language)
            } else {
                try ResultExporter.export(table, to: call.shell.resolvePath(path), query: call.shell.lastQuery, charts: call.shell.chartExporter,
                                            present: call.shell.settings.present)
            }
        } catch let problem as ExportError {
            throw call.error(problem.message, argument: 0, hints: problem.hints)
        } catch {
            throw call.error("cannot export to \(path): \(error)", argument: 0)
        }
        let rows = table.rowCount == 1 ? MessageCatalog.text("shell.rows_one") : MessageCatalog.text("shell.rows_many", ["count": String(table.rowCount)])
        call.shell.note(MessageCatalog.text("shell.exported", ["rows": rows, "path": path]))
        return true
    }

    static func read(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        guard let path = call.argument(0) else { return false }
        let resolved = call.shell.resolvePath(path)
        let text = try nestedScript(resolved, call, loop: "does \(path) read itself?")
        call.shell.readDepth += 1
        defer { call.shell.readDepth -= 1 }
        // A script with comments is meant to be read: its results are labelled with their statements.
        let echoes = call.shell.echoesStatements
        call.shell.echoesStatements = TourScript.hasComments(text)
        defer { call.shell.echoesStatements = echoes }
        // Errors inside are reported located in the file; this command only passes on whether it worked.
        // The script's own relative paths are read against its folder.
        return call.shell.runScript(text, name: resolved, directory: RelativePath.directory(of: resolved)).failures == 0
    }

    private static func openForWriting(_ path: String, _ call: MetaInvocation) throws(MetaCommandError) -> ResultDestination {
        do {
            let resolved = call.shell.resolvePath(path)
            return .file(path: resolved, output: try ExportDestination.open(resolved))
        } catch {
            throw call.error(error.description, argument: 0)
        }
    }

    /// Closes the file `.output` wrote to until now, reporting a write or close that failed.
    private static func finish(_ destination: ResultDestination, _ call: MetaInvocation) throws(MetaCommandError) {
        guard case .file(_, let file) = destination else { return }
        call.shell.forgetResults(in: destination)
        do {
            try file.finish()
        } catch {
            throw call.error(error.description, argument: 0)
        }
    }
}
