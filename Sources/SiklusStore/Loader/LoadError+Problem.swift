import SiklusMessages

extension LoadError {
    /// What went wrong, one case per sentence (catalog keys `load.error.`).
    public enum Problem: LoadSentence, Equatable {
        /// A `LoadOptions.delimiter` that cannot separate fields.
        case delimiter(byte: UInt8, problem: DelimiterProblem)
        case empty
        case emptyGzip
        /// A required role's column is missing from a file without a header (`count` columns).
        case roleWithoutHeader(table: TableKind, role: ColumnRole, count: Int)
        /// … from a file whose first line is data (`header`, the "names" read from it).
        case roleInDataHeader(table: TableKind, role: ColumnRole, header: [String])
        /// … from a header none of whose names is one of `names`, the role's usual names.
        case roleMissing(table: TableKind, role: ColumnRole, names: [String])
        case notNumbers(column: String, role: ColumnRole, type: ColumnType)
        /// A column whose type differs from the same column already loaded into `table`.
        case typeClash(column: String, type: ColumnType, existing: ColumnType, table: TableKind)
        case integerDates(column: String, role: ColumnRole)
        case notISODates(column: String, role: ColumnRole, example: String)
        case nul(offset: Int)
        case longQuoted(lines: Int, bytes: Int)
        /// Lines end in a lone carriage return from this line on.
        case carriageReturnsFromHere
        /// The first line ends in a lone carriage return.
        case carriageReturnsInHeader
        case unterminatedQuote
        case headerUnterminatedQuote
        case headerTextAfterQuote
        case noSuchColumn(name: String, role: ColumnRole)
        case noRole(table: TableKind, role: ColumnRole)
        /// `first` and `second` in the order of their names.
        case twoRoles(column: String, first: ColumnRole, second: ColumnRole)
        /// `columns=` named `names` columns, the file's first line has `fields`.
        case columnNamesCount(names: Int, fields: Int)
        case gzipOutOfMemory(mebibytes: Int)
        case gzipStart(status: Int32)
        case gzipTruncated
        /// `reason` is zlib's own (English in every language).
        case gzipCorrupt(bytes: Int, reason: String)
        case gzipTrailing(bytes: Int)
        case gzipLongLine(mebibytes: Int)
        case binary(controls: Int, bytes: Int)
        case utf16(bigEndian: Bool)
        case cannotOpen(SystemReason)
        case cannotRead(SystemReason)
        case cannotMap(SystemReason)
        case readOutOfMemory
        case unsized(mebibytes: Int)
        case changed(truncated: Bool)
        case directory
        case fifo
        case socket
        case device
        case notRegular
        /// Too many rows were bad: the reason of the first, as the load report words it.
        case badRows(LoadReport.SkipReason)

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .delimiter(let byte, let problem):
                ("load.error.delimiter", ["hex": String(byte, radix: 16), "problem": problem.text(in: language)])
            case .empty: ("load.error.empty", [:])
            case .emptyGzip: ("load.error.empty_gzip", [:])
            case .roleWithoutHeader(let table, let role, let count):
                ("load.error.role_no_header", ["table": table.rawValue, "role": role.rawValue, "count": String(count)])
            case .roleInDataHeader(let table, let role, let header):
                ("load.error.role_data_header", ["table": table.rawValue, "role": role.rawValue, "list": MessageCatalog.listing(header, in: language)])
            case .roleMissing(let table, let role, let names):
                ("load.error.role_missing", ["table": table.rawValue, "role": role.rawValue, "names": names.joined(separator: ", ")])
            case .notNumbers(let column, let role, let type):
                ("load.error.not_numbers", ["column": column, "role": role.rawValue, "type": type.rawValue])
            case .typeClash(let column, let type, let existing, let table):
                ("load.error.type_clash", ["column": column, "type": type.rawValue, "existing": existing.rawValue, "table": table.rawValue])
            case .integerDates(let column, let role): ("load.error.integer_dates", ["column": column, "role": role.rawValue])
            case .notISODates(let column, let role, let example):
                ("load.error.not_iso", ["column": column, "role": role.rawValue, "value": example])
            case .nul(let offset): ("load.error.nul", ["offset": String(offset)])
            case .longQuoted(let lines, let bytes): ("load.error.long_quoted", ["lines": String(lines), "bytes": String(bytes)])
            case .carriageReturnsFromHere: ("load.error.cr_from_here", [:])
            case .carriageReturnsInHeader: ("load.error.cr_header", [:])
            case .unterminatedQuote: ("load.error.unterminated", [:])
            case .headerUnterminatedQuote: ("load.error.header_unterminated", [:])
            case .headerTextAfterQuote: ("load.error.header_after_quote", [:])
            case .noSuchColumn(let name, let role): ("load.error.no_such_column", ["name": name, "role": role.rawValue])
            case .noRole(let table, let role): ("load.error.no_role", ["table": table.rawValue, "role": role.rawValue])
            case .twoRoles(let column, let first, let second):
                ("load.error.two_roles", ["column": column, "first": first.rawValue, "second": second.rawValue])
            case .columnNamesCount(let names, let fields):
                ("load.error.columns_count", [
                    "names": MessageCatalog.text(names == 1 ? "load.error.names_column" : "load.error.names_columns", ["count": String(names)], in: language),
                    "fields": MessageCatalog.text(fields == 1 ? "load.error.names_field" : "load.error.names_fields", ["count": String(fields)], in: language),
                ])
            case .gzipOutOfMemory(let mebibytes): ("load.error.gzip_memory", ["size": String(mebibytes)])
            case .gzipStart(let status): ("load.error.gzip_start", ["status": String(status)])
            case .gzipTruncated: ("load.error.gzip_truncated", [:])
            case .gzipCorrupt(let bytes, let reason): ("load.error.gzip_corrupt", ["bytes": String(bytes), "reason": reason])
            case .gzipTrailing(let bytes): ("load.error.gzip_trailing", ["bytes": String(bytes)])
            case .gzipLongLine(let mebibytes): ("load.error.gzip_long_line", ["size": String(mebibytes)])
            case .binary(let controls, let bytes): ("load.error.binary", ["controls": String(controls), "bytes": String(bytes)])
            case .utf16(let bigEndian): (bigEndian ? "load.error.utf16_big" : "load.error.utf16_little", [:])
            case .cannotOpen(let reason): ("load.error.open", ["reason": reason.text(in: language)])
            case .cannotRead(let reason): ("load.error.read", ["reason": reason.text(in: language)])
            case .cannotMap(let reason): ("load.error.map", ["reason": reason.text(in: language)])
            case .readOutOfMemory: ("load.error.read_memory", [:])
            case .unsized(let mebibytes): ("load.error.unsized", ["size": String(mebibytes)])
            case .changed(let truncated): (truncated ? "load.error.changed_truncated" : "load.error.changed", [:])
            case .directory: ("load.error.directory", [:])
            case .fifo: ("load.error.fifo", [:])
            case .socket: ("load.error.socket", [:])
            case .device: ("load.error.device", [:])
            case .notRegular: ("load.error.not_regular", [:])
            case .badRows(let reason): reason.phrase(in: language)
            }
        }
    }
}
