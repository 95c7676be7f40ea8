import SiklusLanguage

/// The table of meta-commands: dispatch, `.help` and completion all read it.
public enum MetaCommands {
    /// Every meta-command, in the order `.help` lists them.
    public static let all: [MetaCommand] = [
        MetaCommand(name: "help", arguments: "[COMMAND]", help: "List meta-commands, or show one command's help",
                    argumentCount: 0...1, completion: .command, handler: help),
        MetaCommand(name: "tables", arguments: "", help: "List the tables with their row counts and source files",
                    argumentCount: 0...0, completion: .none, handler: tables),
        MetaCommand(name: "schema", arguments: "[TABLE]", help: "Show the columns of loaded tables with types and roles",
                    argumentCount: 0...1, completion: .table, handler: schema),
        MetaCommand(name: "clear", arguments: "", help: "Empty every table (variables, options and stage edits stay); `unload TABLE` empties one",
                    argumentCount: 0...0, completion: .none, handler: clear),
        MetaCommand(name: "engine", arguments: "", help: "Show where pipelines run: in-memory, or the connected engine and its bound tables",
                    argumentCount: 0...0, completion: .none, handler: engine),
        MetaCommand(name: "mode", arguments: OutputMode.allCases.map(\.rawValue).joined(separator: "|") + " [excel]",
                    help: "Set how results are printed (no argument: show the current mode); `csv excel`: csv for a spreadsheet in the session's language",
                    argumentCount: 0...2, completion: .choices(OutputMode.allCases.map(\.rawValue)), handler: mode),
        MetaCommand(name: "maxrows", arguments: "[N]",
                    help: "Show at most N rows of a table in the modes meant for reading (0: all; default 40 on a terminal)",
                    argumentCount: 0...1, completion: .none, handler: maxRows),
        MetaCommand(name: "timer", arguments: "[on|off]", help: "Show how long each statement takes",
                    argumentCount: 0...1, completion: .choices(["on", "off"]), handler: timer),
        MetaCommand(name: "output", arguments: "[FILE|stdout]", help: "Send results to FILE, or back to the terminal",
                    argumentCount: 0...1, completion: .path, handler: output),
        MetaCommand(name: "once", arguments: "FILE", help: "Send the results of the next query statement only to FILE (dot-commands still print here)",
                    argumentCount: 1...1, completion: .path, handler: once),
        MetaCommand(name: "export", arguments: "FILE [excel]", help: "Write the last result to FILE (.csv, .tsv, .json, .md; .svg, .html charts); `excel`: a .csv for a spreadsheet in the session's language",
                    argumentCount: 1...2, completion: .path, handler: export),
        MetaCommand(name: "show", arguments: "", help: "Show the settings: language, currency, mode, maxrows, timer, bail, present, output and the `set` options",
                    argumentCount: 0...0, completion: .none, handler: show),
        MetaCommand(name: "read", arguments: "FILE", help: "Run the statements and meta-commands in FILE (with comments: each result after its statement)",
                    argumentCount: 1...1, completion: .path, handler: read),
        MetaCommand(name: "tour", arguments: "[FILE]", help: "Step through a commented script as a lesson, Enter by Enter (b: back, q: stop); no FILE: the demo lesson",
                    argumentCount: 0...1, completion: .path, handler: tour),
        MetaCommand(name: "bail", arguments: "[on|off]", help: "Stop a script at the first error (on by default)",
                    argumentCount: 0...1, completion: .choices(["on", "off"]), handler: bail),
        MetaCommand(name: "present", arguments: "[on|off]",
                    help: "Presentation mode for a projector: thick chart lines, taller bars, colours for light and dark screens, 80-column layouts",
                    argumentCount: 0...1, completion: .choices(["on", "off"]), handler: present),
        MetaCommand(name: "history", arguments: "", help: "Show the lines entered in the interactive shell",
                    argumentCount: 0...0, completion: .none, handler: history),
        MetaCommand(name: "quit", arguments: "", help: "Leave the shell", argumentCount: 0...0, completion: .none, handler: quit),
        MetaCommand(name: "exit", arguments: "[CODE]", help: "Leave the shell with exit status CODE (default 0)",
                    argumentCount: 0...1, completion: .none, handler: quit),
    ]

    /// The command called `name` (without the dot), if any.
    public static func named(_ name: String) -> MetaCommand? { all.first { $0.name == name } }

    /// Every name with its dot: `.help`, `.tables`, …
    public static var dottedNames: [String] { all.map { "." + $0.name } }

    /// The error for a command name (without the dot) that is not in the table, with a suggestion.
    static func unknownCommand(_ name: String, at span: SourceSpan) -> MetaCommandError {
        let hint = Suggestions.hint(for: name, in: all.map(\.name), quoting: { "." + $0 })
        return MetaCommandError(MessageCatalog.text("shell.unknown_command", ["name": name]), at: span, hints: [hint ?? MessageCatalog.text("shell.list_commands")])
    }
}
