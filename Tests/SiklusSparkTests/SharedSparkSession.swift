import Foundation
import SiklusSQL
import SiklusTestSupport
@testable import SiklusConnect

/// The one Spark session of the test process (local[2], in a far-from-UTC zone), started by the first test that needs it: the
/// JVM start costs ~10–15 s, a query well under a second. A session that cannot start fails every test
/// that needs it with the reason (never a skip); the end test closes it, and a test after that starts
/// a new one.
enum SharedSparkSession {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var state: Result<SparkConnection, Error>?

    static func connection() throws -> SparkConnection {
        lock.lock()
        defer { lock.unlock() }
        if case .success(let connection)? = state, connection.hasEnded { state = nil }
        if state == nil {
            let started = Date()
            state = Result { () throws -> SparkConnection in
                do {
                    // The machine's zone must not matter: the bridge and the JVM run in UTC+12:45 here, and
                    // every value test still expects UTC.
                    var settings = try SparkLaunchSettings.fromEnvironment()
                    settings.environment["TZ"] = "Pacific/Chatham"
                    return try SparkConnection(master: "local[2]", settings: settings)
                } catch {
                    throw MissingPrerequisite("a local Spark session did not start (run scripts/engines/spark to install pyspark and Java 17): \((error as? SQLEngineError)?.message ?? "\(error)")")
                }
            }
            FileHandle.standardError.write(Data("Spark session started in \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n".utf8))
        }
        guard let state else { preconditionFailure("state was just set") }
        return try state.get()
    }
}
