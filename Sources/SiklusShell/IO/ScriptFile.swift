import Foundation

/// Reading a script file as text.
public enum ScriptFile {
    /// The contents of `path` as UTF-8 (invalid bytes become U+FFFD).
    public static func read(_ path: String) throws(FileOpenError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileOpenError(path: path, reason: "No such file or directory")
        }
        guard !isDirectory.boolValue else { throw FileOpenError(path: path, reason: "Is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileOpenError(path: path, reason: "Permission denied")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
