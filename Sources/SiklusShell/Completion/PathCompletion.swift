import Foundation
import SiklusStore

/// File path candidates for a partial path: `data/ev` → `data/events.csv`, directories with a `/`.
public enum PathCompletion {
    /// Paths starting with `partial`. Hidden entries are offered only when the partial name starts
    /// with a dot. `~/` is expanded for listing but kept in the candidates.
    static func candidates(for partial: String, listDirectory: (String) -> [(name: String, isDirectory: Bool)]) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directory = slash.map { String(partial[...$0]) } ?? ""
        let base = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        var listed = directory.isEmpty ? "." : directory
        if listed.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            listed = home + listed.dropFirst()
        }
        return listDirectory(listed)
            .filter { $0.name.hasPrefix(base) && (base.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { directory + $0.name + ($0.isDirectory ? "/" : "") }
            .sorted()
    }

    /// The candidates a `load` path offers: directories and data files by name (`.csv`, `.tsv`, `.txt`,
    /// `.gz`: `DataFileNames`, the names `siklus FILE` loads). When no file has such a name, every
    /// candidate but scripts (`.sik`): the loader reads any delimited text, whatever its name.
    static func loadable(_ candidates: [String]) -> [String] {
        let kept = candidates.filter { $0.hasSuffix("/") || DataFileNames.isDataName($0) }
        if kept.contains(where: { !$0.hasSuffix("/") }) { return kept }
        return candidates.filter { DataFileNames.pathExtension($0) != "sik" }
    }

    /// The entries of `path` from the file system; empty when it cannot be read.
    public static func listDirectory(_ path: String) -> [(name: String, isDirectory: Bool)] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: path) else { return [] }
        return names.map { name in
            var isDirectory: ObjCBool = false
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            _ = manager.fileExists(atPath: full, isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }
}
