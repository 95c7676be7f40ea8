/// How to read timestamps that are not ISO 8601.
public enum TimeFormat: Sendable, Equatable {
    /// A strftime-style pattern of `%d %m %Y %y %H %M %S` and literal characters, e.g. `%d/%m/%Y`.
    case pattern(String)
    /// Integer Unix seconds.
    case epochSeconds
    /// Integer Unix milliseconds.
    case epochMilliseconds

    /// Parses the text given after `format ts=`: `epoch`, `epoch_ms`, or a pattern.
    public init(_ text: String) {
        switch text.lowercased() {
        case "epoch", "epoch_s", "unix", "epoch_seconds": self = .epochSeconds
        case "epoch_ms", "epoch_millis", "epoch_milliseconds": self = .epochMilliseconds
        default: self = .pattern(text)
        }
    }
}

/// Options of one load: explicit role mapping, delimiter and time formats.
public struct LoadOptions: Sendable, Equatable {
    /// Role → header name, overriding name-based detection (`map customer=CustomerID`).
    public var mapping: [ColumnRole: String]
    /// The field delimiter; sniffed when nil. A space means "runs of spaces".
    public var delimiter: UInt8?
    /// Column name or role name (`ts`) → how its timestamps are written.
    public var formats: [String: TimeFormat]
    /// Parse on one thread even for large files (tests of the chunked path set `parallelThreshold: 0` instead).
    public var singleThreaded: Bool
    /// Files smaller than this are parsed on one thread.
    public var parallelThreshold: Int
    /// A gzip file is decompressed and parsed in blocks of about this many bytes (tests make it small).
    public var gzipBlockBytes: Int
    /// False when the file's first line is data, not column names (`header=false`).
    public var header = true
    /// The columns' names in file order (`columns=(…)`), in place of the header line or as the header of a
    /// file without one; nil takes them from the header (or names them `column1`… without one).
    public var columnNames: [String]?
    /// Customer ids written as whole-number floats are read as integers: `17850.0` → `17850` (`ids=integer`).
    public var integerIDs = false
    /// How far a parser claims ahead, and the smallest remainder an idle core splits off (`ChunkClaims`).
    /// Tests and the fuzzer make them small (the fuzzer's files are far under the 16 MiB that is split).
    public var claimWindow = 4 << 20
    public var minimumSplit = 16 << 20
    /// Parses the ranges one after another, the last first, so that its core splits the others' whole ranges
    /// (tests: the splits are then the same on every run).
    var rangesInReverseForTesting = false

    public init(mapping: [ColumnRole: String] = [:], delimiter: UInt8? = nil, formats: [String: TimeFormat] = [:],
                singleThreaded: Bool = false, parallelThreshold: Int = 1 << 20, gzipBlockBytes: Int = 8 << 20) {
        self.mapping = mapping
        self.delimiter = delimiter
        self.formats = formats
        self.singleThreaded = singleThreaded
        self.parallelThreshold = parallelThreshold
        self.gzipBlockBytes = gzipBlockBytes
    }
}
