import CLibPQ
import SiklusSQL

extension PostgresConnection {
    /// Bytes of COPY text gathered before each `PQputCopyData`: large enough to amortize the call, small
    /// enough that the buffer never matters for memory.
    static let copyBatchBytes = 1 << 20

    /// `CREATE TEMP TABLE name (…)` with typed columns (text, bigint, double precision, timestamp, boolean),
    /// replacing a TEMP table of that name (never a permanent one: the drop names `pg_temp`), filled by
    /// `COPY … FROM STDIN` streamed in 1 MiB batches. All in one transaction (a savepoint when one is
    /// open): a failure leaves the previous table as it was. Then `ANALYZE`, so queries are planned on the
    /// table's statistics.
    /// - Complexity: O(rows × columns) to encode, one pass; memory O(batch + distinct dictionary strings);
    ///   ANALYZE samples at most 30 000 rows.
    func createTemporaryTable(_ connection: OpaquePointer, _ name: String, columns: [SQLColumn]) throws(SQLEngineError) {
        let encoder = PostgresCopyEncoder(columns)
        let table = PostgresType.quoted(name)
        let declarations = columns.map { PostgresType.quoted($0.name) + " " + PostgresType.declaration(of: $0.values.type) }
        let savepoint = PQtransactionStatus(connection) != PQTRANS_IDLE
        try statement(connection, savepoint ? "SAVEPOINT siklus_create_table" : "BEGIN")
        do throws(SQLEngineError) {
            try statement(connection, "DROP TABLE IF EXISTS pg_temp.\(table); CREATE TEMP TABLE \(table) (\(declarations.joined(separator: ", ")))")
            if !columns.isEmpty {
                let names = columns.map { PostgresType.quoted($0.name) }.joined(separator: ", ")
                try copy(connection, "COPY pg_temp.\(table) (\(names)) FROM STDIN", encoder)
                // Autovacuum never analyzes a TEMP table: without statistics the planner guesses row
                // counts and picks nested loops over millions of rows. One sampled pass (at most 30k rows).
                try statement(connection, "ANALYZE pg_temp.\(table)")
            }
            try statement(connection, savepoint ? "RELEASE SAVEPOINT siklus_create_table" : "COMMIT")
        } catch {
            if self.isOpen {
                do throws(SQLEngineError) {
                    try statement(connection, savepoint ? "ROLLBACK TO SAVEPOINT siklus_create_table; RELEASE SAVEPOINT siklus_create_table" : "ROLLBACK")
                } catch {
                    abandon()  // a session whose transaction state is unknown must not be used again
                }
            }
            throw SQLEngineError("cannot create table \"\(name)\" in PostgreSQL: \(error.message)", sqlState: error.sqlState)
        }
    }

    private func statement(_ connection: OpaquePointer, _ sql: String) throws(SQLEngineError) {
        var discarded = PostgresResultReader.discarding
        try run(connection, sql, isCancelled: { false }, reader: &discarded)
    }

    /// Runs `copySQL` and streams every row of `encoder`, checking each libpq call, then reads the
    /// COPY's outcome (a bad value is reported there, with the line and column in its context).
    private func copy(_ connection: OpaquePointer, _ copySQL: String, _ encoder: PostgresCopyEncoder) throws(SQLEngineError) {
        guard let start = PQexec(connection, copySQL) else { throw .postgres(connection: connection, doing: "starting COPY") }
        let status = PQresultStatus(start)
        let refusal = status == PGRES_COPY_IN ? nil : SQLEngineError.postgres(result: start)
        PQclear(start)
        if let refusal {
            try drainResults(connection)
            throw refusal
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.copyBatchBytes + 4096)
        var failure: SQLEngineError?
        for row in 0..<encoder.rowCount {
            encoder.appendRow(row, to: &buffer)
            if buffer.count >= Self.copyBatchBytes || row == encoder.rowCount - 1 {
                let sent = buffer.withUnsafeBufferPointer { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
                }
                buffer.removeAll(keepingCapacity: true)
                guard sent == 1 else {
                    failure = .postgres(connection: connection, doing: "sending COPY data")
                    break
                }
            }
        }
        guard PQputCopyEnd(connection, failure == nil ? nil : "Siklus could not send every row") == 1 else {
            abandon()
            throw failure ?? .postgres(connection: connection, doing: "ending COPY")
        }
        var outcome: SQLEngineError?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, outcome == nil { outcome = .postgres(result: result) }
            PQclear(result)
        }
        if let error = failure ?? outcome { throw error }
    }

    /// Reads the results still queued after a statement so the connection is idle again.
    private func drainResults(_ connection: OpaquePointer) throws(SQLEngineError) {
        while let result = PQgetResult(connection) { PQclear(result) }
    }
}
