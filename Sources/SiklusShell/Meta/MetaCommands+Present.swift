/// `.present` (presentation mode; `.show` lists it with the other settings).
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
}
