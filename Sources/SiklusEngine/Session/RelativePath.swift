import Foundation

/// How paths written in a script file are read: relative to the script's folder, so a script finds
/// the files next to it from any working directory (`siklus datasets/demo/tour.sik`). Paths typed at
/// the prompt, given with `-c` or piped on stdin have no folder and stay relative to the working
/// directory. Absolute paths are never changed; `~` and `~/…` are in the home folder, as in a shell
/// (and in DuckDB's `read_csv`): no shell expands them inside a statement's quotes.
public enum RelativePath {
    /// `path` read from a script in `directory` (nil: the working directory).
    public static func resolve(_ path: String, in directory: String?, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String {
        if path == "~" || path.hasPrefix("~/"), let home, !home.isEmpty {
            let rest = path.dropFirst(path == "~" ? 1 : 2)
            return rest.isEmpty ? home : (home.hasSuffix("/") ? home + rest : home + "/" + rest)
        }
        guard let directory, !directory.isEmpty, directory != ".", !path.isEmpty,
              !path.hasPrefix("/"), !path.hasPrefix("~") else { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The folder of the script at `path`, for resolving the paths it contains: `datasets/demo` for
    /// `datasets/demo/tour.sik`, `/` for `/tour.sik`, nil (the working directory) for `tour.sik`.
    public static func directory(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
