import Foundation
import SiklusEngine
import SiklusStore

/// Loads `customers.csv`, `events.csv` and `spend.csv` from a directory (`--data DIR`, the demo).
public enum DataDirectoryLoader {
    /// The files looked for, in load order: customers first, so events can be matched to them.
    public static let files: [(table: TableKind, file: String)] = [
        (.customers, "customers.csv"), (.events, "events.csv"), (.spend, "spend.csv"),
    ]

    /// Loads the files present in `directory` into `session`; returns the error messages of the
    /// loads that failed (each file is tried even when an earlier one failed).
    public static func load(_ directory: String, into session: Session,
                            fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> [String] {
        let present = files.filter { fileExists(directory + "/" + $0.file) }
        guard !present.isEmpty else {
            return ["error: no customers.csv, events.csv or spend.csv in \(directory)"]
        }
        var errors: [String] = []
        for (table, file) in present {
            let path = directory + "/" + file
            do {
                _ = try session.load(table, path: path)
            } catch let error as LoadError {
                errors.append(error.description)
            } catch {
                errors.append("\(path): error: \(error)")
            }
        }
        return errors
    }
}
