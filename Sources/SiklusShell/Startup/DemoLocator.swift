import Foundation

/// Finds the bundled demo dataset (`datasets/demo`) from wherever `siklus` was started.
public enum DemoLocator {
    /// The demo directory: `$SIKLUS_DEMO` when set (even if missing, so the load error names it),
    /// else `./datasets/demo`, else an installed copy beside the executable (`../share/siklus/demo`
    /// from `bin/siklus`), else `datasets/demo` in the executable's directory or any parent of it
    /// (a build in `.build/debug/siklus` finds the checkout's copy). Nil when none exists: the shell
    /// then uses the copy embedded in the binary (`EmbeddedDemo`).
    public static func locate(environment: [String: String], currentDirectory: String, executablePath: String,
                              isDirectory: (String) -> Bool = DemoLocator.isDirectory) -> String? {
        if let configured = environment["SIKLUS_DEMO"], !configured.isEmpty { return configured }
        if isDirectory(currentDirectory + "/datasets/demo") { return "datasets/demo" }
        var directory = (executablePath as NSString).deletingLastPathComponent
        let installed = (directory as NSString).deletingLastPathComponent + "/share/siklus/demo"
        if isDirectory(installed) { return installed }
        while !directory.isEmpty {
            let candidate = directory + "/datasets/demo"
            if isDirectory(candidate) { return candidate }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory { break }
            directory = parent
        }
        return nil
    }

    /// True when `path` is an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    /// The running executable's absolute path (`/proc/self/exe` on Linux, else `argv[0]` made absolute).
    public static func executablePath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        let argument = CommandLine.arguments.first ?? "siklus"
        if argument.hasPrefix("/") { return argument }
        return FileManager.default.currentDirectoryPath + "/" + argument
    }
}
