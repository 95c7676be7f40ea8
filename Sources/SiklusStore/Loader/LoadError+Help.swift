import SiklusMessages

extension LoadError {
    /// How to fix a failed load, one case per sentence (catalog keys `load.hint.`).
    public enum Help: LoadSentence, Equatable {
        case delimiter
        case headerRow
        case headerRowAndRecords
        /// Name the columns of a file without a header, or map `role` to a column number.
        case nameColumns(role: ColumnRole)
        /// The first line is data: name its `count` columns.
        case firstLineIsData(count: Int)
        case mapRole(header: [String], role: ColumnRole)
        case headerHas([String])
        /// The columns of an engine table (`ColumnRoleDetection`).
        case tableHas([String])
        case renameColumn
        /// Cut the file `file` before the NUL byte found by the parser at `offset`.
        case cutBeforeNul(offset: Int, file: String)
        /// … found by the sniffer, before the file is split.
        case cutBeforeNulSniffed(offset: Int)
        case strayQuote(lines: Int)
        /// Convert the line breaks of `file` (a later line ends in a lone carriage return).
        case convertLineBreaks(file: String)
        /// … (the first line does).
        case convertHeaderLineBreaks(file: String)
        case closeQuote
        case quoteHeaderField
        case badRows(bad: Int, total: Int, percent: Int)
        case rolesOf(table: TableKind, roles: [ColumnRole])
        case twoRoles
        /// Name every one of the file's `count` columns (`header`: add that a headerless file needs header=false).
        case columnNames(count: Int, header: Bool)
        case gzipTruncated
        case gzipCorrupt
        case gzipTrailing
        case gzipLongLine
        case binary
        case utf16(file: String, output: String)
        case copyToLocalFile
        case copyToRegularFile
        case waitForWriter
        case nameFileInside(directory: String)
        case copyFifo(name: String)
        case saveAsCSV
        case checkPath
        case numericColumn(role: ColumnRole)
        /// Values like `example` use a decimal comma; `command` converts them.
        case decimalComma(example: String, command: String)
        case unixTimes(role: ColumnRole)
        /// The values look like Unix seconds (or milliseconds): add that format.
        case epoch(role: ColumnRole, milliseconds: Bool)
        case spaces(example: String)
        /// … and once they are gone the values are ISO dates.
        case spacesISO(example: String)
        /// … and once they are gone `pattern` reads them.
        case spacesFormat(example: String, role: ColumnRole, pattern: String)
        case noFormat(example: String, role: ColumnRole)
        /// `alternatives` (at most two) fit the values too.
        case format(role: ColumnRole, pattern: String, alternatives: [String])

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .delimiter: ("load.hint.delimiter", [:])
            case .headerRow: ("load.hint.empty", [:])
            case .headerRowAndRecords: ("load.hint.empty_full", [:])
            case .nameColumns(let role): ("load.hint.role_no_header", ["role": role.rawValue])
            case .firstLineIsData(let count): ("load.hint.role_data_header", ["count": String(count)])
            case .mapRole(let header, let role): ("load.hint.role_missing", ["list": MessageCatalog.listing(header, in: language), "role": role.rawValue])
            case .headerHas(let names): ("load.hint.header_has", ["list": MessageCatalog.listing(names, in: language)])
            case .tableHas(let names): ("load.hint.table_has", ["list": MessageCatalog.listing(names, in: language)])
            case .renameColumn: ("load.hint.type_clash", [:])
            case .cutBeforeNul(let offset, let file): ("load.hint.nul_chunk", ["offset": String(offset), "file": file])
            case .cutBeforeNulSniffed(let offset): ("load.hint.nul_sniffed", ["offset": String(offset)])
            case .strayQuote(let lines): ("load.hint.long_quoted", ["lines": String(lines)])
            case .convertLineBreaks(let file): ("load.hint.cr_from_here", ["file": file])
            case .convertHeaderLineBreaks(let file): ("load.hint.cr_header", ["file": file])
            case .closeQuote: ("load.hint.unterminated", [:])
            case .quoteHeaderField: ("load.hint.header_quote", [:])
            case .badRows(let bad, let total, let percent):
                ("load.hint.bad_rows", ["bad": String(bad), "total": String(total), "percent": String(percent)])
            case .rolesOf(let table, let roles): ("load.hint.no_role", ["table": table.rawValue, "roles": roles.map(\.rawValue).joined(separator: ", ")])
            case .twoRoles: ("load.hint.two_roles", [:])
            case .columnNames(let count, let header): (header ? "load.hint.columns_count_header" : "load.hint.columns_count", ["count": String(count)])
            case .gzipTruncated: ("load.hint.gzip_truncated", [:])
            case .gzipCorrupt: ("load.hint.gzip_corrupt", [:])
            case .gzipTrailing: ("load.hint.gzip_trailing", [:])
            case .gzipLongLine: ("load.hint.gzip_long_line", [:])
            case .binary: ("load.hint.binary", [:])
            case .utf16(let file, let output): ("load.hint.utf16", ["file": file, "output": output])
            case .copyToLocalFile: ("load.hint.map", [:])
            case .copyToRegularFile: ("load.hint.unsized", [:])
            case .waitForWriter: ("load.hint.changed", [:])
            case .nameFileInside(let directory): ("load.hint.directory", ["name": directory])
            case .copyFifo(let name): ("load.hint.fifo", ["name": name])
            case .saveAsCSV: ("load.hint.save_as_csv", [:])
            case .checkPath: ("load.hint.no_such_file", [:])
            case .numericColumn(let role): ("load.hint.not_numbers", ["role": role.rawValue])
            case .decimalComma(let example, let command): ("load.hint.decimal_comma", ["value": example, "command": command])
            case .unixTimes(let role): ("load.hint.integer_dates", ["role": role.rawValue])
            case .epoch(let role, let milliseconds):
                (milliseconds ? "load.hint.epoch_ms" : "load.hint.epoch_seconds", ["role": role.rawValue, "format": milliseconds ? "epoch_ms" : "epoch"])
            case .spaces(let example): ("load.hint.spaces", ["value": example])
            case .spacesISO(let example): ("load.hint.spaces_iso", ["value": example])
            case .spacesFormat(let example, let role, let pattern): ("load.hint.spaces_format", ["value": example, "role": role.rawValue, "pattern": pattern])
            case .noFormat(let example, let role): ("load.hint.no_format", ["value": example, "role": role.rawValue])
            case .format(let role, let pattern, let alternatives):
                alternatives.isEmpty ? ("load.hint.format", ["role": role.rawValue, "pattern": pattern])
                    : ("load.hint.format_alternatives", ["role": role.rawValue, "pattern": pattern, "alternatives": Self.quoted(alternatives, in: language)])
            }
        }

        /// `"a"`, or `"a" and "b"`.
        private static func quoted(_ patterns: [String], in language: Language) -> String {
            let quoted = patterns.map { "\"\($0)\"" }
            guard quoted.count == 2 else { return quoted.joined(separator: ", ") }
            return MessageCatalog.text("load.hint.format_pair", ["first": quoted[0], "second": quoted[1]], in: language)
        }
    }
}
