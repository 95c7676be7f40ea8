/// Why a model could not be fitted: never silent numbers.
public struct ModelFitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model (`bgnbd`, `gamma_gamma`).
    public var model: String
    /// What went wrong, as a sentence.
    public var reason: String
    /// What the user can do about it.
    public var hint: String?

    public init(model: String, reason: String, hint: String? = nil) {
        self.model = model
        self.reason = reason
        self.hint = hint
    }

    public var description: String { "the \(model) fit failed: \(reason)" }
}
