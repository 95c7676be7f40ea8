import Foundation

extension PostgresTestServer {
    /// Runs one statement through `psql` (one process per statement, so each error belongs to its
    /// statement); its rows as text cells, or PostgreSQL's error.
    public func run(_ sql: String) throws -> Result<EngineRows, EngineFailure> {
        let psql = TestProcess.which("psql") ?? "/usr/bin/psql"
        let result = try TestProcess.run(psql, ["-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-P", "null=\u{1}NULL",
                                                "-h", directory, "-p", String(port), "-U", "postgres", "-d", "postgres", "-c", sql],
                                         environment: ["PGTZ": "UTC", "PGOPTIONS": "-c timezone=UTC"], timeout: 300)
        guard result.status == 0 else { return .failure(EngineFailure(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))) }
        let records = CSVRecords.parse(result.stdout)
        guard let header = records.first else { return .success(EngineRows(columns: [], rows: [])) }
        let rows = records.dropFirst().map { $0.map { $0 == "\u{1}NULL" ? nil : $0 } }
        return .success(EngineRows(columns: header, rows: Array(rows)))
    }
}

/// RFC 4180 records, as psql's `--csv` writes them.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        let chars = Array(text)
        var records: [[String]] = [], record: [String] = [], field = ""
        var i = 0, inQuotes = false
        while i < chars.count {
            let ch = chars[i]
            i += 1
            if inQuotes {
                if ch != "\"" { field.append(ch); continue }
                // A doubled quote is a quote; a single one ends the quoted part.
                if i < chars.count && chars[i] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                continue
            }
            switch ch {
            case "\"": inQuotes = true
            case ",": record.append(field); field = ""
            case "\n": record.append(field); records.append(record); record = []; field = ""
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
