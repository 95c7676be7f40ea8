import Foundation
import SiklusLanguage
import SiklusStore

/// What the file named on the command line (`siklus FILE`) is: a script to run or data to load as
/// events. The name decides when it can (`.sik` is a script; `.csv`, `.tsv`, `.txt` and `.gz` are
/// data); otherwise the first bytes of a regular file are sniffed (`sniff`). Pipes and devices
/// (`siklus <(…)`) are scripts, as before: sniffing would consume their input.
public enum CommandLineFile {
    public enum Kind: Equatable, Sendable {
        case script
        case data
    }

    /// How many bytes are sniffed.
    static let headBytes = 4096

    /// The kind of the file at `path`. An unreadable file is a script, so running it reports why.
    /// - Complexity: reads at most `headBytes` bytes.
    public static func kind(of path: String) -> Kind {
        if DataFileNames.pathExtension(path) == "sik" { return .script }
        if DataFileNames.isDataName(path) { return .data }
        // stat follows symbolic links (`/dev/stdin`), so only the file they lead to counts.
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return .script }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: headBytes)) ?? Data()
        return sniff(Array(head))
    }

    /// The kind of a file starting with `head`. Data: gzip, binary bytes (NUL: the loader then says
    /// what it can read, rather than the script runner), or a first line that has a delimiter
    /// (`,`, tab, `;`, `|`) and does not read as a script line. A script line is a comment (`#`, which
    /// covers `#!`, or `--`), a dot-command, or starts with a statement keyword followed by a space, `;`, `|` or its end.
    static func sniff(_ head: [UInt8]) -> Kind {
        if DataFileNames.isGzip(head) || head.contains(0) { return .data }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        let text = String(decoding: body, as: UTF8.self)
        guard let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }) else { return .script }
        if line.hasPrefix("#") || line.hasPrefix("--") || line.hasPrefix(".") { return .script }
        let word = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        let after = line.dropFirst(word.count).first
        if Keywords.statements.contains(word.lowercased()), after == nil || " \t;|".contains(after ?? " ") {
            return .script
        }
        return line.contains(where: { ",\t;|".contains($0) }) ? .data : .script
    }
}
