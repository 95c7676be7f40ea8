/// A model fitted by maximum likelihood: its parameters, the log-likelihood at them (summed over the
/// customers fitted, as the papers report it), the optimiser's iterations and how many customers it read.
public struct ModelFit<Model: Sendable & Equatable>: Sendable, Equatable {
    public var model: Model
    /// Σ ln Lᵢ at the estimate.
    public var logLikelihood: Double
    /// Nelder–Mead iterations over every restart.
    public var iterations: Int
    /// Customers the likelihood summed over.
    public var customers: Int

    public init(model: Model, logLikelihood: Double, iterations: Int, customers: Int) {
        self.model = model
        self.logLikelihood = logLikelihood
        self.iterations = iterations
        self.customers = customers
    }
}

/// The checks every fit makes before its numbers are shown.
enum FitChecks {
    /// Past e^±30 a parameter is running off to 0 or ∞: the likelihood is flat in that direction.
    static let logBound = 30.0

    /// Throws when the optimiser stopped early or a parameter ran off.
    static func check(_ outcome: NelderMead.Outcome, names: [String], model: String) throws(ModelFitError) {
        if outcome.cancelled { throw .cancelled(model: model) }
        guard outcome.value.isFinite else { throw ModelFitError(model: model, reason: .notFinite) }
        guard outcome.converged else { throw ModelFitError(model: model, reason: .noConvergence(iterations: outcome.iterations)) }
        for (name, value) in zip(names, outcome.point) where abs(value) > logBound {
            throw ModelFitError(model: model, reason: .flat(parameter: name, toInfinity: value > 0))
        }
    }
}
