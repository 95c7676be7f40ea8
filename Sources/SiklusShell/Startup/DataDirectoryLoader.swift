import Foundation
import SiklusEngine
import SiklusStore

/// Loads the startup data: `customers.csv`, `events.csv` and `spend.csv` from a directory (`--data DIR`,
/// the demo), and files named for one table each (`--events FILE`, `--customers FILE`, `--spend FILE`,
/// `siklus data.csv`), which take the place of that table's file in the directory.
public enum DataDirectoryLoader {
    /// The files looked for, in load order: customers first, so events can be matched to them.
    public static let files: [(table: TableKind, file: String)] = [
        (.customers, "customers.csv"), (.events, "events.csv"), (.spend, "spend.csv"),
    ]

    /// What a startup load did: the reports of the files named for a table (shown, since the user
    /// chose those files) and the error messages of the loads that failed.
    public struct Outcome {
        /// Reports of the loads of `named` files, in load order.
        public var namedReports: [LoadReport] = []
        /// One message per failed load (each file is tried even when an earlier one failed).
        public var errors: [String] = []
    }

    /// Loads the files present in `directory` into `session`; returns the error messages of the
    /// loads that failed (each file is tried even when an earlier one failed).
    public static func load(_ directory: String, into session: Session,
                            fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> [String] {
        load(directory: directory, named: [:], into: session, fileExists: fileExists).errors
    }

    /// Loads, per table in load order, the file `named` for it, else the directory's file when present.
    /// A named file is always tried (a missing one is an error naming it); without any file to load,
    /// a directory is an error.
    public static func load(directory: String?, named: [TableKind: String], into session: Session,
                            fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> Outcome {
        var outcome = Outcome()
        var planned: [(table: TableKind, path: String, named: Bool)] = []
        for (table, file) in files {
            if let path = named[table] {
                planned.append((table, path, true))
            } else if let directory, fileExists(directory + "/" + file) {
                planned.append((table, directory + "/" + file, false))
            }
        }
        if planned.isEmpty, let directory {
            outcome.errors = ["error: no customers.csv, events.csv or spend.csv in \(directory)"]
            return outcome
        }
        for (table, path, isNamed) in planned {
            do {
                let report = try session.load(table, path: path)
                if isNamed { outcome.namedReports.append(report) }
            } catch let error as LoadError {
                outcome.errors.append(error.worded)
            } catch {
                outcome.errors.append("\(path): error: \(error)")
            }
        }
        return outcome
    }
}
