import SiklusMessages

/// Why a model could not be fitted: never silent numbers. A value worded from the catalogs' `clv.fit.`
/// keys (`text(in:)` in the reader's language, `description` in English), with its hint.
public struct ModelFitError: Error, Equatable, Sendable, CatalogSentence {
    /// What went wrong.
    public enum Reason: CatalogSentence, Hashable {
        case noPurchase
        /// No repeat purchase: BG/NBD cannot estimate dropout.
        case noRepeat
        /// Gamma-Gamma needs at least two customers with a repeat purchase of positive value.
        case tooFewRepeaters(Int)
        /// Gamma-Gamma's q ≤ 1: the mean spend per transaction is infinite.
        case infiniteMean(q: Double)
        /// The likelihood was not finite anywhere the optimiser looked.
        case notFinite
        case noConvergence(iterations: Int)
        /// A parameter ran off to infinity (or to zero): the likelihood is flat in it.
        case flat(parameter: String, toInfinity: Bool)
        /// The fit was stopped by its cancellation closure (Ctrl-C), not by the data.
        case cancelled

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .noPurchase: ("clv.fit.no_purchase", [:])
            case .noRepeat: ("clv.fit.no_repeat", [:])
            case .tooFewRepeaters(let count): ("clv.fit.too_few_repeaters", ["count": String(count)])
            case .infiniteMean(let q): ("clv.fit.infinite_mean", ["q": "\(q)"])
            case .notFinite: ("clv.fit.not_finite", [:])
            case .noConvergence(let iterations): ("clv.fit.no_convergence", ["iterations": String(iterations)])
            case .flat(let name, let toInfinity): (toInfinity ? "clv.fit.flat_infinity" : "clv.fit.flat_zero", ["name": name])
            case .cancelled: ("clv.fit.cancelled", [:])
            }
        }
    }

    /// What the user can do about it.
    public enum Hint: CatalogSentence, Hashable {
        case needsRepeats, largeOrders, summary
        case tooFew(parameter: String)

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .needsRepeats: ("clv.fit.hint.repeats", [:])
            case .largeOrders: ("clv.fit.hint.large_orders", [:])
            case .summary: ("clv.fit.hint.summary", [:])
            case .tooFew(let name): ("clv.fit.hint.too_few", ["name": name])
            }
        }
    }

    /// The model (`bgnbd`, `gamma_gamma`).
    public var model: String
    public var reason: Reason

    public init(model: String, reason: Reason) {
        self.model = model
        self.reason = reason
    }

    /// The fit of `model` was cancelled while the optimiser ran.
    public static func cancelled(model: String) -> ModelFitError { ModelFitError(model: model, reason: .cancelled) }

    /// The fit was stopped by its cancellation closure (Ctrl-C), not by the data.
    public var isCancellation: Bool { reason == .cancelled }

    /// What the user can do about the reason, when there is something.
    public var hint: Hint? {
        switch reason {
        case .noRepeat: .needsRepeats
        case .infiniteMean: .largeOrders
        case .noConvergence: .summary
        case .flat(let name, _): .tooFew(parameter: name)
        case .noPurchase, .tooFewRepeaters, .notFinite, .cancelled: nil
        }
    }

    /// `the bgnbd fit failed: <reason>`.
    public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
        ("clv.fit.failed", ["model": model, "reason": reason.text(in: language)])
    }
}
