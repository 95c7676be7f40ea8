/// One more name a funnel step may match: `product_view` in `(home, product_view)`.
public struct FunnelAlternative: Hashable, Sendable {
    /// The event or stage name.
    public var name: Identifier
    /// Written `stage <name>`: always the lifecycle stage.
    public var isStage: Bool

    /// An alternative called `name`.
    public init(name: Identifier, isStage: Bool = false) {
        self.name = name
        self.isStage = isStage
    }

    /// As written: `product_view` or `stage purchase`.
    public var text: String { (isStage ? "stage " : "") + name.description }
}

/// `exclude <name> [between N and M]`: attempts with that event after step N and before step M do not count.
public struct FunnelExclusion: Hashable, Sendable {
    /// The excluded event (or stage) name.
    public var name: Identifier
    /// Written `exclude stage <name>`.
    public var isStage: Bool
    /// `between N and M` (1-based steps); nil when not written, which means from the first step to the last.
    public var between: Spanned<ClosedRange<Int>>?

    /// An exclusion of `name`.
    public init(name: Identifier, isStage: Bool = false, between: Spanned<ClosedRange<Int>>? = nil) {
        self.name = name
        self.isStage = isStage
        self.between = between
    }

    /// As written: `exclude cancel between 2 and 3`.
    public var text: String {
        "exclude " + (isStage ? "stage " : "") + name.description
            + (between.map { " between \($0.value.lowerBound) and \($0.value.upperBound)" } ?? "")
    }
}

/// `attribution first|last|step N`: which event of a customer's counted attempt gives their value when a
/// funnel is broken down by an events column (`by platform`), as PostHog's breakdown attribution.
public enum FunnelAttribution: Hashable, Sendable {
    /// The first step's event (the default).
    case first
    /// The event of the furthest step reached.
    case last
    /// Step N's event (1-based); customers who did not reach step N have no value.
    case step(Int)

    /// As written after `attribution`: `first`, `last`, `step 2`.
    public var text: String {
        switch self {
        case .first: "first"
        case .last: "last"
        case .step(let n): "step \(n)"
        }
    }
}

extension FunnelSpec {
    /// Step `i` with its alternatives and filter, as written: `(home, product_view)`, `purchase where amount > 50`.
    public func fullStepText(_ i: Int) -> String {
        var text = stepText(i)
        if let more = alternatives[i], !more.isEmpty { text = "(" + ([text] + more.map(\.text)).joined(separator: ", ") + ")" }
        if let filter = filters[i] { text += " where " + SyntaxPrinter.inline(filter) }
        return text
    }

    /// The whole step as written, for printers: `funnel a -> (b, c) -> d where x > 1 within 7d strict exclude e`.
    public var text: String {
        var text = "funnel " + steps.indices.map(fullStepText).joined(separator: " -> ")
        if let window { text += " within \(window.value)" }
        if let order { text += " \(order.value.rawValue)" }
        for exclusion in exclusions { text += " " + exclusion.text }
        if quantiles != nil { text += " quantiles" }
        if !groupBy.isEmpty { text += " by " + groupBy.map(\.text).joined(separator: ", ") }
        if let attribution { text += " attribution " + attribution.value.text }
        return text
    }
}
