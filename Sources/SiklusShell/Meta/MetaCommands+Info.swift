import SiklusLanguage
import SiklusCharts
import SiklusStore

/// Handlers of the meta-commands that show information: `.help`, `.tables`, `.schema`, `.history`.
extension MetaCommands {
    static func help(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        if let wanted = call.argument(0) {
            let name = wanted.hasPrefix(".") ? String(wanted.dropFirst()) : wanted
            guard let command = named(name) else { throw unknownCommand(name, at: call.arguments[0].span) }
            call.shell.write(command.helpText)
            return true
        }
        call.shell.write(helpText)
        return true
    }

    /// The widest usage that keeps its help on its own line; a longer one (`.mode`'s eight modes) puts its help
    /// on the next line, under the column, so it does not push every description right (an 80-column
    /// projector keeps 54 columns for the text).
    static let usageColumn = 24

    /// Every command's usage and help, aligned, then a pointer to `help` for the language.
    static var helpText: String {
        let width = min(all.map { DisplayWidth.of($0.usage) }.max() ?? 0, usageColumn)
        var lines: [String] = []
        for command in all {
            if DisplayWidth.of(command.usage) > width {
                lines += [command.usage, String(repeating: " ", count: width + 2) + command.localizedHelp]
            } else {
                lines.append(DisplayWidth.pad(command.usage, to: width, alignRight: false) + "  " + command.localizedHelp)
            }
        }
        lines.append("")
        lines.append(MessageCatalog.text("meta.footer"))
        return lines.joined(separator: "\n")
    }

    static func tables(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        call.shell.writeTable(SchemaTables.tables(of: call.shell.session.store), to: call.shell.output)
        return true
    }

    static func schema(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        var kinds = TableKind.allCases
        if let name = call.argument(0) {
            guard let kind = TableKind(rawValue: name.lowercased()) else {
                let names = TableKind.allCases.map(\.rawValue)
                throw call.error("unknown table `\(name)`", argument: 0,
                                 hints: [Suggestions.hint(for: name, in: names) ?? "tables: " + names.joined(separator: ", ")])
            }
            kinds = [kind]
        }
        let table = SchemaTables.schema(of: call.shell.session.store, tables: kinds)
        guard table.rowCount > 0 else {
            let what = kinds.count == 1 ? "table \(kinds[0].rawValue) is not" : "no table is"
            // A note, not a result: an empty schema prints nothing on stdout (csv output stays empty).
            call.shell.inform("\(what) loaded yet; use `load \(kinds.count == 1 ? kinds[0].rawValue : "events") \"file.csv\"` or --data DIR")
            return true
        }
        call.shell.writeTable(table, to: call.shell.output)
        return true
    }

    static func history(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        let lines = call.shell.history()
        let width = String(lines.count).count
        call.shell.write(lines.enumerated().map { index, line in
            DisplayWidth.pad(String(index + 1), to: width, alignRight: true) + "  " + line
        }.joined(separator: "\n"))
        return true
    }
}
