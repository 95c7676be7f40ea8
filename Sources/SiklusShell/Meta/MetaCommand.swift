import SiklusLanguage

/// What tab completion offers for a meta-command's arguments.
public enum MetaArgumentCompletion: Sendable, Equatable {
    /// Nothing to offer.
    case none
    /// One of these words (`on`, `off`; the output modes).
    case choices([String])
    /// A file path.
    case path
    /// A table name.
    case table
    /// A meta-command name (for `.help`).
    case command
}

/// One dot-command of the shell. The table of these (`MetaCommands.all`) is the single source for
/// dispatch, `.help` and tab completion, as in DuckDB's shell.
public struct MetaCommand: Sendable {
    /// The name without the dot: `mode`.
    public let name: String
    /// The argument syntax shown by `.help`: `box|table|csv|…`, `FILE`, `[on|off]`.
    public let arguments: String
    /// One-line description for `.help`.
    public let help: String
    /// How many arguments it accepts.
    public let argumentCount: ClosedRange<Int>
    /// What completion offers for its arguments.
    public let completion: MetaArgumentCompletion
    let handler: @Sendable (MetaInvocation) throws(MetaCommandError) -> Bool

    /// `.mode box|table|…`: the name and argument syntax.
    public var usage: String { arguments.isEmpty ? ".\(name)" : ".\(name) \(arguments)" }

    /// The usage line and the help on the next line, for `.help mode` and `help .mode`.
    public var helpText: String { "\(usage)\n  \(localizedHelp)" }

    /// `help` in the current language: the catalog's `meta.<name>` (whose English copy is `help` itself).
    var localizedHelp: String { MessageCatalog.templates(.current)["meta." + name] ?? help }
}

/// A meta-command being run: the shell, the parsed words and the line they came from.
struct MetaInvocation {
    let shell: Shell
    let command: MetaCommand
    /// The words after the command name.
    let arguments: [MetaWord]
    /// The command word itself (`.mode`).
    let commandWord: MetaWord
    let source: SourceFile

    /// The text of argument `index`, if given.
    func argument(_ index: Int) -> String? { index < arguments.count ? arguments[index].text : nil }

    /// An error pointing at argument `index` (or at the command when there is no such argument).
    func error(_ message: String, argument index: Int, hints: [String] = []) -> MetaCommandError {
        MetaCommandError(message, at: index < arguments.count ? arguments[index].span : commandWord.span, hints: hints)
    }

    /// Argument `index` as `on`/`off` (also accepting `true`/`false`, `1`/`0`, `yes`/`no`).
    func onOff(_ index: Int) throws(MetaCommandError) -> Bool {
        switch argument(index)?.lowercased() {
        case "on", "true", "1", "yes": return true
        case "off", "false", "0", "no": return false
        default:
            throw error("expected `on` or `off`, found `\(argument(index) ?? "")`", argument: index, hints: ["usage: \(command.usage)"])
        }
    }
}
