/// `.present` (presentation mode) and `.show` (every setting of the shell at once, as in SQLite's shell).
extension MetaCommands {
    /// `.present on|off`; with no argument, shows it.
    static func present(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        guard call.argument(0) != nil else {
            call.shell.write("present: \(call.shell.settings.present ? "on" : "off")")
            return true
        }
        call.shell.settings.present = try call.onOff(0)
        call.shell.note(call.shell.settings.present
            ? "presentation mode on: thick lines, taller bars, projector colours"
            : "presentation mode off")
        return true
    }

    /// `.show`: one `name: value` line per setting, aligned, in the order `.help` lists the commands.
    static func show(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        call.shell.write(ShellSettingsListing.lines(call.shell).joined(separator: "\n"))
        return true
    }
}

/// The lines of `.show`.
enum ShellSettingsListing {
    static func lines(_ shell: Shell) -> [String] {
        let settings = shell.settings
        let onOff = { (value: Bool) in value ? "on" : "off" }
        let maxRows = settings.maxRows.map(String.init) ?? "\(shell.io.outIsTerminal ? ShellSettings.defaultMaxRows : 0) (default)"
        let output: String = switch shell.output {
        case .standard: "stdout"
        case .file(let path, _): path
        }
        let pairs = [
            ("mode", settings.mode.rawValue), ("maxrows", maxRows), ("timer", onOff(settings.timer)),
            ("bail", onOff(settings.bail)), ("present", onOff(settings.present)), ("output", output),
        ]
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { name, value in String(repeating: " ", count: width - name.count) + name + ": " + value }
    }
}
