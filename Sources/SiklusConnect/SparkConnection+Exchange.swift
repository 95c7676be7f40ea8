import Foundation
import SiklusSQL

extension SparkConnection {
    /// How long a cancelled request may take to stop before the session is ended instead (the shell
    /// must get its prompt back).
    static let cancelGrace: TimeInterval = 30

    /// Sends one request and waits for its answer. While waiting, once `isCancelled` turns true, sends a
    /// cancel every second (a job Spark starts after the first cancel is caught by the next); the answer
    /// is then a cancellation error. If Spark ignores the cancel for `cancelGrace` seconds, or the bridge
    /// dies, the session ends and the error says so.
    func exchange(_ request: SparkRequest, isCancelled: (@Sendable () -> Bool)?) throws(SQLEngineError) -> (SparkResponse, [UInt8]) {
        try withLock { () throws(SQLEngineError) -> (SparkResponse, [UInt8]) in
            guard let process = runningBridge else {
                throw SQLEngineError("the Spark session has ended; connect spark again")
            }
            var request = request
            request.id = takeRequestID()
            var firstCancel: Date?, lastCancel = Date.distantPast
            let frame: SparkFrame?
            do throws(SQLEngineError) {
                try process.send(SparkFrame.encode(request))
                frame = try process.receive { () throws(SQLEngineError) in
                    guard let isCancelled, isCancelled() else { return }
                    let now = Date()
                    if now.timeIntervalSince(lastCancel) >= 1 {
                        try process.send(SparkFrame.encode(SparkRequest(id: 0, op: "cancel", target: request.id)))
                        lastCancel = now
                    }
                    firstCancel = firstCancel ?? now
                    if let firstCancel, now.timeIntervalSince(firstCancel) > Self.cancelGrace {
                        throw SQLEngineError("query cancelled; Spark did not stop it within \(Int(Self.cancelGrace)) s, so the Spark session was ended (connect spark again)",
                                             isCancellation: true)
                    }
                }
            } catch {
                endSession(process)
                throw error.isCancellation ? error : SQLEngineError(error.message + SparkLogs(directory: directory).tail())
            }
            guard let frame else {
                endSession(process)
                throw SQLEngineError("the Spark session ended unexpectedly (connect spark again)" + SparkLogs(directory: directory).tail())
            }
            let response = try Self.decode(frame)
            guard response.id == request.id else {
                endSession(process)
                throw SQLEngineError("the Spark bridge answered request \(response.id ?? -1) instead of \(request.id); the session was ended")
            }
            if firstCancel != nil { throw SQLEngineError("query cancelled", isCancellation: true) }
            guard response.ok else { throw response.error }
            return (response, frame.payload)
        }
    }

    /// Replaces view `name` by `columns` written as CSV (see `SparkCSVFile` and `SparkTempView`), cached
    /// lazily. The previous file of the view is removed once the new view exists; on failure the old
    /// view stays.
    ///
    /// - Complexity: O(cells) to write the file; the first query that reads the view parses it once.
    public func createTable(_ name: String, columns: [SQLColumn]) throws(SQLEngineError) {
        try createTable(name, columns: columns, isCancelled: { false })
    }

    /// Ctrl-C (`isCancelled`) stops the CSV file's writing; the view of that name stays as it was.
    public func createTable(_ name: String, columns: [SQLColumn], isCancelled: @escaping @Sendable () -> Bool) throws(SQLEngineError) {
        guard let rowCount = columns.first?.values.count else { throw SQLEngineError("table \(name) needs at least one column") }
        guard columns.allSatisfy({ $0.values.count == rowCount }) else {
            preconditionFailure("createTable: columns of \(name) have different lengths")
        }
        let path = nextTablePath()
        let view = SparkSQLText.identifier(name)
        do throws(SQLEngineError) {
            let file = try SparkCSVFile.write(columns, to: path, isCancelled: isCancelled)
            // The old view's cached rows, if any, must not outlive it (dropping a cache changes no data).
            try? execute("UNCACHE TABLE IF EXISTS \(view)")
            try execute(SparkTempView.createStatement(name: name, columns: columns.map { ($0.name, $0.values.type) },
                                                      file: file, path: path))
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        // Cached by the first query that reads it (memory, then disk): later queries skip parsing the CSV
        // (1M rows: 1.1 s instead of 9.5 s on a busy 2-core machine). Only speed depends on it.
        try? execute("CACHE LAZY TABLE \(view)")
        if let previous = replaceTableFile(name, with: path) { try? FileManager.default.removeItem(atPath: previous) }
    }
}
