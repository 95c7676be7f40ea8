import SiklusStore

/// What each event name means for the lifecycle, as bit flags per string code, so a hot loop
/// classifies an event row with one table read.
struct EventClasses: Sendable {
    static let awareness: UInt8 = 1 << 0
    static let education: UInt8 = 1 << 1
    static let consideration: UInt8 = 1 << 2
    /// A purchase event (its first occurrence per customer is the purchase stage, later ones retention).
    static let purchase: UInt8 = 1 << 3
    /// An engagement event (retention stage besides repeat purchases).
    static let engagement: UInt8 = 1 << 4
    static let advocacy: UInt8 = 1 << 5
    static let churn: UInt8 = 1 << 6

    /// Flags by string code; codes of names that are in no stage have 0.
    let flags: [UInt8]

    init(stageMap: StageMap, strings: StringDictionary) {
        var flags = [UInt8](repeating: 0, count: strings.count)
        for (stage, names) in stageMap.events {
            let bit = Self.bit(stage)
            for name in names { if let code = strings.code(of: name) { flags[Int(code)] |= bit } }
        }
        self.flags = flags
    }

    /// The flag of a stage's named events (for purchase: purchase events; for retention: engagement).
    static func bit(_ stage: Stage) -> UInt8 {
        switch stage {
        case .awareness: awareness
        case .education: education
        case .consideration: consideration
        case .purchase: purchase
        case .retention: engagement
        case .advocacy: advocacy
        case .churn: churn
        case .lapsed: 0
        }
    }

    @inline(__always)
    subscript(code: Int32) -> UInt8 { code >= 0 && Int(code) < flags.count ? flags[Int(code)] : 0 }
}
