/// `load <table> "<path>" [map role=Column …] [delim="<c>"] [format column=<pattern> …] [header=false]
/// [columns=(name, …)] [ids=integer] [append | replace]`.
///
/// The options come in any order after the path; `map` and `format` take one or more `key=value`
/// pairs and may be repeated.
public struct LoadStatement: Hashable, Sendable {
    /// Which table the file fills.
    public var table: Spanned<LoadTable>
    /// The file path, decoded from its string literal.
    public var path: Spanned<String>
    /// `map role=Column` pairs, in the order written.
    public var mappings: [ColumnMapping]
    /// `delim="…"`: the field delimiter, one ASCII character; nil means "detect it".
    public var delimiter: Spanned<UInt8>?
    /// `format column=pattern` pairs, in the order written.
    public var formats: [TimeFormatSpec]
    /// `append` or `replace`; nil loads normally (appending, but skipping a file the table already holds).
    public var mode: Spanned<Mode>?
    /// `header=false`: the first line is data, not column names; nil means the file has a header.
    public var header: Spanned<Bool>?
    /// `columns=(a, b, …)`: the columns' names, in file order, used in place of the header line (or as
    /// the header of a file without one).
    public var columns: Spanned<[Identifier]>?
    /// `ids=integer`: customer ids written as whole-number floats (`17850.0`) are read as integers (`17850`).
    public var ids: Spanned<IDRule>?

    /// How customer ids are read.
    public enum IDRule: String, Hashable, Sendable, CaseIterable {
        /// As written (the default): ids are text, `00017` and `17` differ.
        case text
        /// Whole-number floats are rewritten to their integer text: `17850.0` → `17850`.
        case integer
    }

    /// What a load does with a table that holds rows already.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// Append the rows even when the table already holds this file or a copy of it.
        case append
        /// Replace the table's rows with this file's.
        case replace
    }

    /// A load of `path` into `table` with the given options.
    public init(table: Spanned<LoadTable>, path: Spanned<String>, mappings: [ColumnMapping] = [],
                delimiter: Spanned<UInt8>? = nil, formats: [TimeFormatSpec] = [], mode: Spanned<Mode>? = nil,
                header: Spanned<Bool>? = nil, columns: Spanned<[Identifier]>? = nil, ids: Spanned<IDRule>? = nil) {
        self.header = header
        self.columns = columns
        self.ids = ids
        self.table = table
        self.path = path
        self.mappings = mappings
        self.delimiter = delimiter
        self.formats = formats
        self.mode = mode
    }
}

/// The tables a `load` can fill.
public enum LoadTable: String, Hashable, Sendable, CaseIterable {
    /// One row per customer event (visits, purchases, …).
    case events
    /// One row per customer (signup date, channel, country, …).
    case customers
    /// One row per day and channel of marketing spend.
    case spend
}

/// The column roles a `map` can assign, named as the store names them.
public enum LoadRole: String, Hashable, Sendable, CaseIterable {
    /// The customer id.
    case customer
    /// The event timestamp.
    case ts
    /// The event name.
    case event
    /// The order amount.
    case amount
    /// The acquisition or event channel.
    case channel
    /// The signup date.
    case signup
    /// The customer's country.
    case country
    /// The day of a spend row.
    case date
    /// The amount spent.
    case spend
    /// Ad impressions.
    case impressions
    /// Ad clicks.
    case clicks
    /// The order (invoice) id grouping line-item rows into one order; always text.
    case order
    /// Units of a line item (amount = quantity × unit price when there is no amount column).
    case quantity
    /// Price of one unit of a line item.
    case unit_price
}

/// `map <role>=<column>`: which header holds a role (`map customer=CustomerID` or `customer="Customer ID"`).
public struct ColumnMapping: Hashable, Sendable {
    /// The role.
    public var role: Spanned<LoadRole>
    /// The header name in the file (a bare word or a quoted string).
    public var column: Identifier
    /// From the role to the column.
    public var span: SourceSpan

    /// Maps `role` to `column`.
    public init(role: Spanned<LoadRole>, column: Identifier, span: SourceSpan) {
        self.role = role
        self.column = column
        self.span = span
    }
}

/// `format <column-or-role>=<pattern>`: how a column's timestamps are written
/// (`format ts="%d/%m/%Y"`, `format ts=epoch_ms`).
public struct TimeFormatSpec: Hashable, Sendable {
    /// A header name or a role name such as `ts` (a bare word or a quoted string).
    public var column: Identifier
    /// The pattern or keyword (`epoch`, `epoch_ms`), decoded; a bare word is kept as written.
    public var format: Spanned<String>
    /// From the column to the pattern.
    public var span: SourceSpan

    /// A format for `column`.
    public init(column: Identifier, format: Spanned<String>, span: SourceSpan) {
        self.column = column
        self.format = format
        self.span = span
    }
}
