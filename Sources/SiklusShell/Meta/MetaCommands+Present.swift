import SiklusLanguage

/// `.present` (presentation mode; `.show` lists it with the other settings).
extension MetaCommands {
    /// `.present on|off`; with no argument, shows it.
    static func present(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        guard call.argument(0) != nil else {
            call.shell.write("present: " + MessageCatalog.text(call.shell.settings.present ? "show.on" : "show.off"))
            return true
        }
        call.shell.settings.present = try call.onOff(0)
        call.shell.note(MessageCatalog.text(call.shell.settings.present ? "present.on" : "present.off"))
        return true
    }
}
