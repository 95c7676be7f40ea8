/// Handlers of the meta-commands that change a switch: `.mode`, `.maxrows`, `.timer`, `.bail`, `.quit`/`.exit`.
extension MetaCommands {
    static func mode(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        guard let name = call.argument(0) else {
            call.shell.write("mode: \(call.shell.settings.mode.rawValue)\(call.shell.settings.excelCSV && call.shell.settings.mode == .csv ? " excel" : "")")
            return true
        }
        guard let mode = OutputMode(rawValue: name.lowercased()) else {
            let names = OutputMode.allCases.map(\.rawValue)
            var hints = [Suggestions.hint(for: name, in: names)].compactMap { $0 }
            hints.append("modes: " + names.joined(separator: ", "))
            throw call.error("unknown output mode `\(name)`", argument: 0, hints: hints)
        }
        let excel = try excelFlag(call, mode: mode)
        call.shell.settings.mode = mode
        call.shell.settings.excelCSV = excel
        return true
    }

    /// `.maxrows N` as in DuckDB's shell; with no argument, shows the limit that applies on stdout.
    static func maxRows(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        guard let text = call.argument(0) else {
            let settings = call.shell.settings
            let limit = settings.maxRows ?? (call.shell.io.outIsTerminal ? ShellSettings.defaultMaxRows : 0)
            call.shell.write("maxrows: \(limit)\(settings.maxRows == nil ? " (default)" : "")")
            return true
        }
        guard let limit = Int(text), limit >= 0 else {
            throw call.error("expected a number of rows (0 for all), found `\(text)`", argument: 0, hints: ["usage: .maxrows 100"])
        }
        call.shell.settings.maxRows = limit
        return true
    }

    static func timer(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        try toggle(call, \.timer, named: "timer")
    }

    static func bail(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        try toggle(call, \.bail, named: "bail")
    }

    /// Sets an on/off switch from argument 0, or shows it (`timer: off`) when there is none.
    private static func toggle(_ call: MetaInvocation, _ setting: WritableKeyPath<ShellSettings, Bool>,
                               named name: String) throws(MetaCommandError) -> Bool {
        guard call.argument(0) != nil else {
            call.shell.write("\(name): \(call.shell.settings[keyPath: setting] ? "on" : "off")")
            return true
        }
        call.shell.settings[keyPath: setting] = try call.onOff(0)
        return true
    }

    static func quit(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        var status: Int32 = 0
        if let text = call.argument(0) {
            guard let code = Int32(text), (0...255).contains(code) else {
                throw call.error("expected an exit status from 0 to 255, found `\(text)`", argument: 0)
            }
            status = code
        }
        call.shell.quitStatus = status
        return true
    }
}
