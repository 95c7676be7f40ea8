import SiklusLanguage

/// A lifecycle stage.
public enum Stage: Int, Sendable, CaseIterable, Comparable {
    case awareness, education, consideration, purchase, retention, advocacy, churn
    /// A status rather than a step of the journey: a prospect who never bought and went silent (no purchase
    /// by the moment, and no event for longer than churn_after). It has no events of its own (`Stage+Lapsed`).
    case lapsed

    public var name: String { String(describing: self) }

    public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }

    /// The journey stages in order (churn can follow any of them).
    package static let journey: [Stage] = [.awareness, .education, .consideration, .purchase, .retention, .advocacy]

    /// Names in the source material (Indonesian) that mean the same stage.
    package static let aliases: [String: Stage] = [
        "kesadaran": .awareness, "penyadaran": .awareness, "pendidikan": .education,
        "pertimbangan": .consideration, "pemilihan": .consideration, "beli": .purchase, "pembelian": .purchase,
        "retensi": .retention, "advokasi": .advocacy, "pelengseran": .churn, "menghilang": .lapsed,
    ]

    /// Every accepted name: English names then aliases.
    public static var allNames: [String] { allCases.map(\.name) + aliases.keys.sorted() }

    /// The stage a name (English or Indonesian, any case) stands for.
    public init?(named name: String) {
        let lower = name.lowercased()
        if let stage = Stage.allCases.first(where: { $0.name == lower }) { self = stage } else if let stage = Stage.aliases[lower] { self = stage } else { return nil }
    }
}

/// Which events belong to which stage; edited with `stage <name> += e1, e2` and `-=`.
///
/// Two stages are defined by position rather than by name alone: `purchase` is a customer's *first*
/// purchase event and `retention` holds every later purchase plus the engagement events listed here.
/// Churn holds explicit churn events; inactivity churn is computed from `churn_after`.
public struct StageMap: Sendable, Hashable {
    /// Event names per stage. For `purchase` these are the purchase events (their first occurrence is
    /// the purchase stage, later ones retention); for `retention`, the engagement events.
    public private(set) var events: [Stage: [String]]

    public init() {
        events = [
            .awareness: ["ad_impression", "impression", "ad_click", "visit", "page_view", "session_start"],
            .education: ["article_view", "video_view", "demo", "webinar", "newsletter_signup"],
            .consideration: ["product_view", "add_to_cart", "wishlist", "compare", "trial_start"],
            .purchase: ["purchase"],
            .retention: ["email_open", "login", "app_open"],
            .advocacy: ["review", "referral", "social_like", "share", "testimonial"],
            .churn: ["cancel", "unsubscribe"],
        ]
    }

    /// Purchase event names: money metrics count these only.
    public var purchaseEvents: [String] { events[.purchase] ?? [] }

    /// Adds or removes event names from a stage. Adding a name removes it from any other stage, so each
    /// event belongs to one stage.
    package mutating func edit(_ edit: StageEdit) throws(Diagnostic) {
        guard let stage = Stage(named: edit.stage.text) else {
            throw Diagnostic.unknown("stage", edit.stage.text, at: edit.stage.span, among: Stage.allNames)
        }
        try stage.checkHasEvents(at: edit.stage.span)
        var next = events
        for event in edit.events {
            switch edit.operation.value {
            case .add:
                // Adding moves the event; moving the last purchase event would leave money metrics nothing to count.
                if stage != .purchase, next[.purchase] == [event.text] {
                    throw Diagnostic(MessageCatalog.text("bind.stage.last_purchase", ["event": event.text, "stage": stage.name]), at: event.span,
                                     hints: [MessageCatalog.text("bind.stage.last_purchase_hint")])
                }
                for other in Stage.allCases { next[other]?.removeAll { $0 == event.text } }
                if !(next[stage] ?? []).contains(event.text) { next[stage, default: []].append(event.text) }
            case .remove:
                guard next[stage]?.contains(event.text) == true else {
                    throw Diagnostic(MessageCatalog.text("bind.stage.not_in", ["event": event.text, "stage": stage.name]), at: event.span,
                                     hints: [MessageCatalog.text("bind.stage.has", ["stage": stage.name, "events": MessageCatalog.listing(next[stage] ?? [])])])
                }
                next[stage]?.removeAll { $0 == event.text }
            }
        }
        if next[.purchase]?.isEmpty ?? true {
            throw Diagnostic(MessageCatalog.text("bind.stage.purchase_empty"), at: edit.span(), hints: [MessageCatalog.text("bind.stage.purchase_empty_hint")])
        }
        events = next
    }

    /// The `stages` listing: one line per stage with its events.
    public func describe() -> String {
        var lines: [String] = []
        for stage in Stage.allCases {
            let names = (events[stage] ?? []).joined(separator: ", ")
            let detail: String = switch stage {
            case .purchase: MessageCatalog.text("stages.first_of", ["events": names])
            case .retention: MessageCatalog.text("stages.later_purchases", ["events": names])
            case .churn: MessageCatalog.text("stages.churn", ["events": names])
            case .lapsed: MessageCatalog.text("stages.lapsed")
            default: names
            }
            lines.append(stage.displayName().padding(toLength: 14, withPad: " ", startingAt: 0) + detail)
        }
        return lines.joined(separator: "\n")
    }
}

extension StageEdit {
    package func span() -> SourceSpan { stage.span.union(events.last?.span ?? stage.span) }
}
