import SiklusLanguage
import SiklusStore

/// `derive name = <expression>`: a numeric event column computed once per query, added to a copy of the
/// store so that `where`, `by` and `rows` read it like a loaded column. `derive amount = …` replaces the
/// amount instead, so every money metric of the pipeline uses it.
///
/// A null operand, a division by zero or a result that is not finite gives null.
enum DerivedColumn {
    /// Names a derived column cannot take: they already mean something in a pipeline.
    private static let reservedNames: Set<String> = Set(["stage", "cohort"] + PeriodUnit.allCases.map(\.rawValue))

    /// The context with every derive of `specs` applied in order (a derive may use the ones before it).
    /// - Complexity: O(rows × operators) per derive, plus one pass over the customer index to refresh the
    ///   per-customer facts when the amount is replaced.
    static func apply(_ specs: [DeriveSpec], to base: EvalContext) throws(Diagnostic) -> EvalContext {
        var store = base.store
        var replacesAmount = false
        for spec in specs {
            let context = EvalContext(store: store, settings: base.settings, stageMap: base.stageMap, classes: base.classes,
                                      facts: base.facts, isCancelled: base.isCancelled)
            let isAmount = spec.name.lowercased == "amount"
            if !isAmount { try checkNewName(spec.name, in: store) }
            let program = try bind(spec.expression, context)
            if temporaries(program) > maximumTemporaries {
                throw Diagnostic("the expression nests too many parenthesized parts on the right of an operator", at: spec.expression.span,
                                 hints: ["split it into several derives: `derive a = …` then `derive b = a * …`"])
            }
            try base.checkCancelled()
            let (values, nulls) = evaluate(program, rows: store.events.count, customers: store.events.customer)
            if isAmount {
                store = store.replacingEventAmounts(values, nulls: nulls)
                replacesAmount = true
            } else {
                store = store.addingEventColumn(Column(name: spec.name.text, type: .float, data: .double(values), nulls: nulls))
            }
        }
        let facts = replacesAmount ? CustomerFacts(store: store, classes: base.classes) : base.facts
        return EvalContext(store: store, settings: base.settings, stageMap: base.stageMap, classes: base.classes, facts: facts,
                           isCancelled: base.isCancelled)
    }

    private static func checkNewName(_ name: Identifier, in store: Store) throws(Diagnostic) {
        if reservedNames.contains(name.lowercased) {
            throw Diagnostic("`\(name.text)` already means something in a pipeline; choose another name for the derived column",
                             at: name.span)
        }
        if (try? Attribute.resolve(QualifiedName([name]), in: store, preferEvents: true)) != nil {
            throw Diagnostic("there is already a column `\(name.text)`; choose another name for the derived column", at: name.span,
                             hints: ["only `amount` may be derived over an existing column (it sets the pipeline's amount)"])
        }
    }

    /// A bound expression: columns resolved to readers.
    private indirect enum Program {
        case constant(Double)
        case column(AttributeReader)
        case negate(Program)
        case binary(Program, ArithmeticOperator, Program)
    }

    private static func bind(_ node: ArithmeticNode, _ context: EvalContext) throws(Diagnostic) -> Program {
        switch node.kind {
        case .number(let value): return .constant(value)
        case .negate(let operand): return .negate(try bind(operand, context))
        case .binary(let left, let op, let right): return .binary(try bind(left, context), op, try bind(right, context))
        case .column(let name):
            if name.parts.count == 1, name.name.lowercased == "stage" {
                throw Diagnostic("`stage` is not a number; derive computes with numeric columns", at: name.span)
            }
            let attribute = try Attribute.resolve(name, in: context.store, preferEvents: true)
            guard attribute.kind(in: context.store) == .number else {
                let numeric = Attribute.names(in: context.store).filter { word in
                    (try? Attribute.resolve(QualifiedName([Identifier(word, at: name.span)]), in: context.store, preferEvents: true))
                        .map { $0.kind(in: context.store) == .number } ?? false
                }
                throw Diagnostic("`\(name.text)` is not a number; derive computes with numeric columns", at: name.span,
                                 hints: [numeric.isEmpty ? "no column is numeric" : "numeric columns: " + Diagnostic.listing(numeric)])
            }
            return .column(AttributeReader(attribute, context))
        }
    }

    /// Each intermediate value is a column of the event table, so their number is bounded.
    private static let maximumTemporaries = 16

    /// How many intermediate columns evaluating `program` keeps alive at once (a right operand that is itself
    /// an operation needs one more than its left side).
    private static func temporaries(_ program: Program) -> Int {
        switch program {
        case .constant, .column: 0
        case .negate(let operand): temporaries(operand)
        case .binary(let left, _, let right): max(temporaries(left), temporaries(right) + 1)
        }
    }

    /// Values and null flags for every event row (nulls nil when none is null).
    private static func evaluate(_ program: Program, rows: Int, customers: [Int32]) -> ([Double], [Bool]?) {
        var values = [Double](repeating: 0, count: rows)
        var nulls = [Bool](repeating: false, count: rows)
        fill(program, &values, &nulls, customers)
        return (values, nulls.contains(true) ? nulls : nil)
    }

    /// Computes `program` into `values`/`nulls`, column by column (one pass per operator).
    private static func fill(_ program: Program, _ values: inout [Double], _ nulls: inout [Bool], _ customers: [Int32]) {
        switch program {
        case .constant(let value):
            for r in values.indices { values[r] = value; nulls[r] = false }
        case .column(let reader):
            for r in values.indices {
                if let value = reader.number(customers[r], r) { values[r] = value; nulls[r] = false } else { values[r] = 0; nulls[r] = true }
            }
        case .negate(let operand):
            fill(operand, &values, &nulls, customers)
            for r in values.indices { values[r] = -values[r] }
        case .binary(let left, let op, let right):
            fill(left, &values, &nulls, customers)
            var rightValues = [Double](repeating: 0, count: values.count)
            var rightNulls = [Bool](repeating: false, count: values.count)
            fill(right, &rightValues, &rightNulls, customers)
            for r in values.indices {
                guard !nulls[r], !rightNulls[r] else { nulls[r] = true; values[r] = 0; continue }
                let a = values[r], b = rightValues[r]
                let result: Double
                switch op {
                case .add: result = a + b
                case .subtract: result = a - b
                case .multiply: result = a * b
                case .divide: result = b == 0 ? .nan : a / b
                }
                if result.isFinite { values[r] = result } else { values[r] = 0; nulls[r] = true }
            }
        }
    }
}
