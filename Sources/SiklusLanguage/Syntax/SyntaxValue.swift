/// The customer-value steps: `rfm [period …]`, `clv [period …] [horizon 39w] [discount 0.10]`,
/// `clv params [period …]` and `clv check [period …] [horizon …]`.
public struct CustomerValueSpec: Hashable, Sendable {
    /// Which table the step makes.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// `rfm`: recency, frequency, monetary value, their quintile scores and the segment per customer.
        case rfm
        /// `clv`: p_alive, expected purchases, expected order value and lifetime value per customer.
        case clv
        /// `clv params`: the fitted BG/NBD and Gamma-Gamma parameters.
        case params
        /// `clv check`: actual against predicted cumulative repeat purchases after `as_of`.
        case check

        /// The words that start the step: `rfm`, `clv`, `clv params`, `clv check`.
        public var words: String {
            switch self {
            case .rfm: "rfm"
            case .clv: "clv"
            case .params: "clv params"
            case .check: "clv check"
            }
        }

        /// The options this kind takes, in the order they are documented: `horizon` only for `clv` and
        /// `clv check`, `discount` only for `clv`.
        public var options: [String] {
            switch self {
            case .rfm, .params: ["period"]
            case .check: ["period", "horizon"]
            case .clv: ["period", "horizon", "discount"]
            }
        }
    }

    public var kind: Kind
    /// `period day|week|month`: the time unit of recency, T and the horizon; nil when not written.
    public var period: Spanned<PeriodUnit>?
    /// `horizon 39w`: how far `clv` predicts (and `clv check` compares); nil when not written.
    public var horizon: Spanned<DurationLiteral>?
    /// `discount 0.10`: the annual discount rate of `clv`; nil when not written.
    public var discount: Spanned<Double>?

    /// A step of `kind` with the options given.
    public init(kind: Kind, period: Spanned<PeriodUnit>? = nil, horizon: Spanned<DurationLiteral>? = nil, discount: Spanned<Double>? = nil) {
        self.kind = kind
        self.period = period
        self.horizon = horizon
        self.discount = discount
    }

    /// The step as written, options in a fixed order: `clv period week horizon 39w discount 0.1`.
    public var text: String {
        var words = [kind.words]
        if let period { words.append("period \(period.value.rawValue)") }
        if let horizon { words.append("horizon \(horizon.value)") }
        if let discount { words.append("discount \(discount.value)") }
        return words.joined(separator: " ")
    }

    /// The units `period` accepts: recency and T are whole days, in days, weeks (days / 7) or months (days / 30).
    public static let periods: [PeriodUnit] = [.day, .week, .month]
}
