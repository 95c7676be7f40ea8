import SiklusLanguage

/// Binds `derive` steps: each expression against the catalog as extended by the derives before it.
struct DeriveBinder {
    /// Names a derived column cannot take: they already mean something in a pipeline.
    private static let reservedNames: Set<String> = Set(["stage", "cohort"] + PeriodUnit.allCases.map(\.rawValue))
    /// Each intermediate value is a column of the event table, so their number is bounded.
    private static let maximumTemporaries = 16

    /// The bound derive, and the catalog with its column added (or its amount present).
    static func bind(_ spec: DeriveSpec, span: SourceSpan, in catalog: Catalog) throws(Diagnostic) -> (DeriveStep, Catalog) {
        let isAmount = spec.name.lowercased == "amount"
        if !isAmount { try checkNewName(spec.name, in: catalog) }
        let expression = try bind(spec.expression, catalog)
        if temporaries(expression) > maximumTemporaries {
            throw Diagnostic(MessageCatalog.text("bind.derive.nesting"), at: spec.expression.span, hints: [MessageCatalog.text("bind.derive.nesting_hint")])
        }
        let derive = DeriveStep(name: spec.name.text, expression: expression, replacesAmount: isAmount, span: span)
        return (derive, catalog.adding([derive]))
    }

    private static func checkNewName(_ name: Identifier, in catalog: Catalog) throws(Diagnostic) {
        if reservedNames.contains(name.lowercased) {
            throw Diagnostic(MessageCatalog.text("bind.derive.reserved", ["name": name.text]), at: name.span)
        }
        if (try? Attribute.resolve(QualifiedName([name]), in: catalog, preferEvents: true)) != nil {
            throw Diagnostic(MessageCatalog.text("bind.derive.exists", ["name": name.text]), at: name.span, hints: [MessageCatalog.text("bind.derive.exists_hint")])
        }
    }

    private static func bind(_ node: ArithmeticNode, _ catalog: Catalog) throws(Diagnostic) -> DeriveExpression {
        switch node.kind {
        case .number(let value): return .constant(value)
        case .negate(let operand): return .negate(try bind(operand, catalog))
        case .binary(let left, let op, let right): return .binary(try bind(left, catalog), op, try bind(right, catalog))
        case .column(let name):
            if name.parts.count == 1, name.name.lowercased == "stage" {
                throw Diagnostic(MessageCatalog.text("bind.derive.not_number", ["name": "stage"]), at: name.span)
            }
            let attribute = try Attribute.resolve(name, in: catalog, preferEvents: true)
            guard attribute.kind(in: catalog) == .number else {
                let numeric = Attribute.names(in: catalog).filter { word in
                    (try? Attribute.resolve(QualifiedName([Identifier(word, at: name.span)]), in: catalog, preferEvents: true))
                        .map { $0.kind(in: catalog) == .number } ?? false
                }
                throw Diagnostic(MessageCatalog.text("bind.derive.not_number", ["name": name.text]), at: name.span,
                                 hints: [numeric.isEmpty ? MessageCatalog.text("bind.derive.no_numeric") : MessageCatalog.text("bind.derive.numeric", ["columns": MessageCatalog.listing(numeric)])])
            }
            return .column(attribute)
        }
    }

    /// How many intermediate columns evaluating `expression` keeps alive at once (a right operand that is
    /// itself an operation needs one more than its left side).
    static func temporaries(_ expression: DeriveExpression) -> Int {
        switch expression {
        case .constant, .column: 0
        case .negate(let operand): temporaries(operand)
        case .binary(let left, _, let right): max(temporaries(left), temporaries(right) + 1)
        }
    }
}
