import SiklusLanguage

/// Checks the text values a query's filters compare with against the data's values (issue 15): a value
/// no row holds is a warning naming the nearest values, never a silent 0; a value that matches only
/// ignoring case is rewritten to the data's spelling, with a note saying so. Customer ids are left
/// alone (they are identities: `u01` is not `U01`).
///
/// The rewrite happens on the logical query, before either backend sees it, so memory and every SQL
/// dialect answer the same.
/// - Complexity: one `DataValues.occurs` lookup per written value; only for a value no text column
///   holds, one `DataValues.values` call per attribute (the backend's pass over that column), then
///   O(v × length²) edit distances over at most `suggestionCandidates` of its v values.
public struct ValueCheck {
    /// What the data holds.
    public let data: DataValues
    /// Names of the attributes in messages.
    public let catalog: Catalog
    /// Warnings and notes found so far, in query order.
    public private(set) var findings: [Diagnostic] = []
    /// Each attribute's values, listed at most once per check.
    private var listed: [Attribute: [String]?] = [:]

    /// At most this many of a column's values (the most frequent) are compared by edit distance.
    static let suggestionCandidates = 10_000

    /// A check against `data`.
    public init(data: DataValues, catalog: Catalog) {
        self.data = data
        self.catalog = catalog
    }

    /// `query` with case-only mismatches rewritten, and the findings about it.
    public static func review(_ query: LogicalQuery, data: DataValues, catalog: Catalog) -> (LogicalQuery, [Diagnostic]) {
        var check = ValueCheck(data: data, catalog: catalog)
        var query = query
        if case .cohort(let filter?) = query.source { query.source = .cohort(filter: check.reviewed(filter)) }
        query.scope = query.scope.map { step in
            switch step {
            case .filter(let filter, let span): return .filter(check.reviewed(filter), span: span)
            case .funnelDropOff(let funnel, let n, let span): return .funnelDropOff(check.reviewed(funnel), step: n, span: span)
            case .stage: return step
            }
        }
        query.analysis = check.reviewed(query.analysis)
        return (query, check.findings)
    }

    /// `filter` with its text values checked.
    public mutating func reviewed(_ filter: RowFilter) -> RowFilter {
        switch filter {
        case .and(let a, let b): return .and(reviewed(a), reviewed(b))
        case .or(let a, let b): return .or(reviewed(a), reviewed(b))
        case .not(let a): return .not(reviewed(a))
        case .compare(let attribute, let op, .text(let text), let span) where checks(attribute):
            guard let spellings = matches(of: text, in: attribute, span: span), spellings != [text] else { return filter }
            if spellings.count == 1 { return .compare(attribute, op, .text(spellings[0]), span: span) }
            return .member(attribute, spellings.map { .text($0) }, negated: op == .notEqual, span: span)
        case .member(let attribute, let values, let negated, let span) where checks(attribute):
            var rewritten: [FilterValue] = []
            for value in values {
                guard case .text(let text) = value, let spellings = matches(of: text, in: attribute, span: span) else {
                    rewritten.append(value)
                    continue
                }
                rewritten += spellings.map { .text($0) }
            }
            return .member(attribute, rewritten, negated: negated, span: span)
        default:
            return filter
        }
    }

    /// Text attributes other than customer ids (a derived column is a number, and beyond the catalog's).
    private func checks(_ attribute: Attribute) -> Bool {
        switch attribute {
        case .acquisitionChannel, .event, .eventChannel: true
        case .eventExtra(let i): i < catalog.events.columns.count && catalog.events.columns[i].kind == .text
        case .customerColumn(let i): i < catalog.customers.columns.count && catalog.customers.columns[i].kind == .text
        default: false
        }
    }

    /// The spellings `text` stands for in `attribute`'s values: itself when present (or when the backend
    /// cannot tell), the values equal to it ignoring case (with a note), or itself with a warning.
    private mutating func matches(of text: String, in attribute: Attribute, span: SourceSpan) -> [String]? {
        if data.occurs(text) == true { return [text] }
        let values: [String]
        if let known = listed[attribute] {
            guard let known else { return [text] }
            values = known
        } else {
            let fetched = data.values(attribute)
            listed[attribute] = fetched
            guard let fetched else { return [text] }
            values = fetched
        }
        if values.contains(text) { return [text] }
        let name = attribute.name(in: catalog)
        let folded = text.lowercased()
        let sameLetters = values.filter { $0.lowercased() == folded }
        if !sameLetters.isEmpty {
            let quoted = sameLetters.map { "`\($0)`" }
            let or = " " + MessageCatalog.text("guard.or") + " "
            findings.append(Diagnostic(MessageCatalog.text("guard.value_case", ["name": name, "text": text, "matches": quoted.joined(separator: ", ")]), at: span,
                                       hints: [MessageCatalog.text("guard.value_case_hint", ["choices": quoted.joined(separator: or)])],
                                       severity: .note))
            return sameLetters
        }
        var hints: [String] = []
        if let hint = ValueSuggestions.hint(for: text, among: values) { hints.append(hint) }
        let shown = values.isEmpty ? MessageCatalog.text("guard.no_values") : MessageCatalog.text("guard.values_are", ["values": MessageCatalog.listing(values)])
        findings.append(Diagnostic(MessageCatalog.text("guard.value_none", ["name": name, "text": text, "shown": shown]), at: span, hints: hints,
                                   severity: .warning))
        return [text]
    }
}
