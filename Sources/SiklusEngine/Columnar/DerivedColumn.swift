import SiklusLanguage
import SiklusStore

/// `derive name = <expression>`: a numeric event column computed once per query, added to a copy of the
/// store so that `where`, `by` and `rows` read it like a loaded column. `derive amount = …` replaces the
/// amount instead, so every money metric of the pipeline uses it.
///
/// A null operand, a division by zero or a result that is not finite gives null.
enum DerivedColumn {
    /// The context with every derive applied in order (a derive may use the ones before it: the binder
    /// numbered their columns after the loaded extras, in order, as `addingEventColumn` appends them).
    /// - Complexity: O(rows × operators) per derive, plus one pass over the customer index to refresh the
    ///   per-customer facts when the amount is replaced.
    static func apply(_ derives: [DeriveStep], to base: EvalContext) throws(Diagnostic) -> EvalContext {
        var store = base.store
        var replacesAmount = false
        for derive in derives {
            let context = EvalContext(store: store, settings: base.settings, stageMap: base.stageMap, classes: base.classes,
                                      facts: base.facts, isCancelled: base.isCancelled)
            let program = Program(derive.expression, context)
            try base.checkCancelled()
            let (values, nulls) = evaluate(program, rows: store.events.count, customers: store.events.customer)
            if derive.replacesAmount {
                store = store.replacingEventAmounts(values, nulls: nulls)
                replacesAmount = true
            } else {
                store = store.addingEventColumn(Column(name: derive.name, type: .float, data: .double(values), nulls: nulls))
            }
        }
        let facts = replacesAmount ? CustomerFacts(store: store, classes: base.classes) : base.facts
        return EvalContext(store: store, settings: base.settings, stageMap: base.stageMap, classes: base.classes, facts: facts,
                           isCancelled: base.isCancelled)
    }

    /// A bound expression: columns resolved to readers.
    private indirect enum Program {
        case constant(Double)
        case column(AttributeReader)
        case negate(Program)
        case binary(Program, ArithmeticOperator, Program)

        init(_ expression: DeriveExpression, _ context: EvalContext) {
            switch expression {
            case .constant(let value): self = .constant(value)
            case .column(let attribute): self = .column(AttributeReader(attribute, context))
            case .negate(let operand): self = .negate(Program(operand, context))
            case .binary(let left, let op, let right): self = .binary(Program(left, context), op, Program(right, context))
            }
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
