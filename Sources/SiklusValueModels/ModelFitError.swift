/// Why a model could not be fitted: never silent numbers.
public struct ModelFitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model (`bgnbd`, `gamma_gamma`).
    public var model: String
    /// What went wrong, as a sentence.
    public var reason: String
    /// What the user can do about it.
    public var hint: String?
    /// The fit was stopped by its cancellation closure (Ctrl-C), not by the data.
    public var isCancellation: Bool

    public init(model: String, reason: String, hint: String? = nil, isCancellation: Bool = false) {
        self.model = model
        self.reason = reason
        self.hint = hint
        self.isCancellation = isCancellation
    }

    /// The fit of `model` was cancelled while the optimiser ran.
    public static func cancelled(model: String) -> ModelFitError {
        ModelFitError(model: model, reason: "cancelled", isCancellation: true)
    }

    public var description: String { "the \(model) fit failed: \(reason)" }
}
