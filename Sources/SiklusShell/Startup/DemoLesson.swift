import Foundation

/// Where the demo lesson (`tour.sik` beside the demo data) is: the demo folder found on disk
/// (`DemoLocator`), else the copy embedded in the binary (`EmbeddedDemo`).
public enum DemoLesson {
    /// The lesson's path, or why there is none.
    public static func scriptPath(environment: [String: String],
                                  currentDirectory: String = FileManager.default.currentDirectoryPath,
                                  executablePath: String = DemoLocator.executablePath()) throws(DemoUnavailable) -> String {
        if let folder = DemoLocator.locate(environment: environment, currentDirectory: currentDirectory, executablePath: executablePath),
           FileManager.default.fileExists(atPath: folder + "/tour.sik") {
            return folder + "/tour.sik"
        }
        return try EmbeddedDemo.folder().get() + "/tour.sik"
    }
}
