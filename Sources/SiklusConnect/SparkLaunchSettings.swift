import Foundation
import SiklusSQL

/// What a Spark session is started with, read from the environment at `connect`:
/// - `SIKLUS_SPARK_PYTHON`: the python3 that has pyspark (default: the first `python3` on `PATH`);
/// - `SPARK_HOME`: a Spark install (default: the pyspark package's own folder); `JAVA_HOME` or `java` on
///   `PATH` for Java 17; `SPARK_CONF_DIR/spark-defaults.conf` for cluster settings (read by spark-submit);
/// - `SIKLUS_SPARK_DRIVER_MEMORY` (default 2g), `SIKLUS_SPARK_START_TIMEOUT` (seconds, default 180);
/// - `SIKLUS_SPARK_SHARED_DIR`: where tables Siklus creates are written; on a cluster it must be a folder
///   every executor reads at the same path (default: the session's temp directory, right for `local[…]`).
struct SparkLaunchSettings {
    var python: String
    var driverMemory: String
    var startTimeout: TimeInterval
    var sharedDirectory: String?
    /// Spark settings given to the session builder after the bridge's own (never read from the
    /// environment: `SparkConnection(master:environment:conf:)` sets them, for tests).
    var conf: [String: String] = [:]
    /// The bridge's environment (Siklus's own).
    var environment: [String: String]

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(SQLEngineError) -> SparkLaunchSettings {
        guard let python = environment["SIKLUS_SPARK_PYTHON"] ?? findOnPath("python3", path: environment["PATH"]) else {
            throw SQLEngineError("python3 is not on PATH (Spark sessions run pyspark): install python3 and pyspark "
                                 + "(scripts/engines/spark), or set SIKLUS_SPARK_PYTHON")
        }
        let timeout = environment["SIKLUS_SPARK_START_TIMEOUT"].flatMap(TimeInterval.init) ?? 180
        return SparkLaunchSettings(python: python, driverMemory: environment["SIKLUS_SPARK_DRIVER_MEMORY"] ?? "2g",
                                   startTimeout: timeout, sharedDirectory: environment["SIKLUS_SPARK_SHARED_DIR"],
                                   environment: environment)
    }

    /// The first executable `name` in the folders of `path`.
    static func findOnPath(_ name: String, path: String?) -> String? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
