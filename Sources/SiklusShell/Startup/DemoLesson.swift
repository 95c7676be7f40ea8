import Foundation
import SiklusLanguage

/// Where the demo lesson is: `tour.sik` beside the demo data, or its Indonesian version `tour.id.sik`
/// (the same statements, commented in Indonesian) when the session speaks Indonesian; in the demo folder
/// found on disk (`DemoLocator`), else the copy embedded in the binary (`EmbeddedDemo`).
public enum DemoLesson {
    /// The lesson file's name in `language`.
    public static func fileName(in language: Language) -> String {
        switch language {
        case .en: "tour.sik"
        case .id: "tour.id.sik"
        }
    }

    /// The lesson's path in `language`, or why there is none. A demo folder on disk without the
    /// language's lesson (an older copy) gives way to the embedded one; with nothing embedded (an older
    /// compiler), the English lesson is better than none.
    public static func scriptPath(environment: [String: String], language: Language = .en,
                                  currentDirectory: String = FileManager.default.currentDirectoryPath,
                                  executablePath: String = DemoLocator.executablePath()) throws(DemoUnavailable) -> String {
        let name = fileName(in: language)
        if let folder = DemoLocator.locate(environment: environment, currentDirectory: currentDirectory, executablePath: executablePath),
           FileManager.default.fileExists(atPath: folder + "/" + name) {
            return folder + "/" + name
        }
        switch EmbeddedDemo.folder() {
        case .success(let folder): return folder + "/" + name
        case .failure(let reason):
            guard language != .en else { throw reason }
            return try scriptPath(environment: environment, language: .en, currentDirectory: currentDirectory, executablePath: executablePath)
        }
    }
}
