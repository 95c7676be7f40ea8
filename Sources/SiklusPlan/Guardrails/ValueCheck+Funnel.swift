import SiklusLanguage

/// The value check on funnel step conditions (`funnel visit -> purchase where channel = Social`): their
/// values are checked and rewritten like a `where`'s, so a step condition matching nothing is a warning
/// rather than a silent 0% at that step, and memory and the engines read the same spelling.
extension ValueCheck {
    /// `funnel` with the text values of its step conditions checked, in step order.
    mutating func reviewed(_ funnel: LogicalQuery.Funnel) -> LogicalQuery.Funnel {
        var funnel = funnel
        for i in funnel.steps.indices {
            if let filter = funnel.steps[i].filter { funnel.steps[i].filter = reviewed(filter) }
        }
        return funnel
    }

    /// `analysis` with its funnel's step conditions checked; any other analysis as it is.
    mutating func reviewed(_ analysis: LogicalQuery.Analysis) -> LogicalQuery.Analysis {
        guard case .funnel(let funnel) = analysis else { return analysis }
        return .funnel(reviewed(funnel))
    }
}
