/// Keeps passwords out of the history file: a `connect` line's `password=…` (conninfo) or `user:secret@`
/// (URL) is saved with `***` in its place, since the history outlives the session and is a plain file.
/// Passwords belong in `~/.pgpass` or `PGPASSWORD`, which libpq reads.
public enum HistorySecrets {
    /// `line` as it may be saved, and whether anything was left out.
    public static func redacting(_ line: String) -> (line: String, redacted: Bool) {
        guard line.range(of: "connect", options: .caseInsensitive) != nil else { return (line, false) }
        var text = line
        // conninfo: password=secret or password='se cret' (quotes may be escaped with \').
        text = text.replacing(/(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s"']+)/) { $0.output.1 + "***" }
        // URL: scheme://user:secret@host
        text = text.replacing(/(?i)(postgres(?:ql)?:\/\/[^:\/@\s"]*:)([^@\s"]+)(@)/) { $0.output.1 + "***" + $0.output.3 }
        return (text, text != line)
    }
}
