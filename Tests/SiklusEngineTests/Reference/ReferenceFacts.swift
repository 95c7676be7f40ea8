/// The default stage map, written out again from docs (StageMap.init) so the reference does not read the engine's.
enum RefCategory {
    case awareness, education, consideration, purchase, engagement, advocacy, churn

    static let byName: [String: RefCategory] = {
        var map: [String: RefCategory] = [:]
        for n in ["ad_impression", "impression", "ad_click", "visit", "page_view", "session_start"] { map[n] = .awareness }
        for n in ["article_view", "video_view", "demo", "webinar", "newsletter_signup"] { map[n] = .education }
        for n in ["product_view", "add_to_cart", "wishlist", "compare", "trial_start"] { map[n] = .consideration }
        map["purchase"] = .purchase
        for n in ["email_open", "login", "app_open"] { map[n] = .engagement }
        for n in ["review", "referral", "social_like", "share", "testimonial"] { map[n] = .advocacy }
        for n in ["cancel", "unsubscribe"] { map[n] = .churn }
        return map
    }()

    static func of(_ name: String?) -> RefCategory? { name.flatMap { byName[$0] } }
}

/// Lifecycle stages in journey order (churn last), named as the engine prints them.
enum RefStage: Int, CaseIterable, Comparable {
    case awareness, education, consideration, purchase, retention, advocacy, churn, lapsed
    var name: String { ["awareness", "education", "consideration", "purchase", "retention", "advocacy", "churn", "lapsed"][rawValue] }
    /// The stages a funnel step or retention activity may name: lapsed has no events.
    static var withEvents: [RefStage] { allCases.filter { $0 != .lapsed } }
    static func < (a: RefStage, b: RefStage) -> Bool { a.rawValue < b.rawValue }
}

/// Per-customer facts of a generated data set, computed with plain loops over the raw rows.
struct ReferenceFacts {
    /// Every customer id: the customers file's, then ids seen only in events.
    let ids: [String]
    /// Whether the id has a customers-file row.
    let hasRow: [String: RefCustomer]
    /// Each customer's events sorted by (timestamp, file row).
    let rows: [String: [RefEvent]]
    /// Acquisition channel: customers.channel, else the channel of the first event that has one.
    let acquisition: [String: String?]
    /// Index (into `rows[id]`) of the first purchase event.
    let firstPurchaseIndex: [String: Int]
    /// The moment of the last event, or nil without events.
    let lastEventSecond: Int64?
    let lastEventDay: RefDay?

    init(_ data: RandomDataset) {
        var ids: [String] = [], seen = Set<String>(), hasRow: [String: RefCustomer] = [:]
        for c in data.customers where seen.insert(c.id).inserted { ids.append(c.id); hasRow[c.id] = c }
        var rows: [String: [RefEvent]] = [:]
        for e in data.events {
            if seen.insert(e.customer).inserted { ids.append(e.customer) }
            rows[e.customer, default: []].append(e)
        }
        for id in rows.keys { rows[id]!.sort { ($0.ts, $0.fileRow) < ($1.ts, $1.fileRow) } }
        var acquisition: [String: String?] = [:], firstPurchase: [String: Int] = [:]
        for id in ids {
            let mine = rows[id] ?? []
            acquisition.updateValue(hasRow[id]?.channel ?? mine.first(where: { $0.channel != nil })?.channel, forKey: id)
            if let i = mine.firstIndex(where: { RefCategory.of($0.name) == .purchase }) { firstPurchase[id] = i }
        }
        self.ids = ids
        self.hasRow = hasRow
        self.rows = rows
        self.acquisition = acquisition
        self.firstPurchaseIndex = firstPurchase
        let last = data.events.max { $0.ts < $1.ts }
        lastEventSecond = last?.ts
        lastEventDay = last?.day
    }

    func events(_ id: String) -> [RefEvent] { rows[id] ?? [] }

    /// The journey stage of row `i` of a customer (nil: no stage; churn events give `.churn`).
    func stage(_ id: String, _ i: Int) -> RefStage? {
        switch RefCategory.of(events(id)[i].name) {
        case .awareness?: return .awareness
        case .education?: return .education
        case .consideration?: return .consideration
        case .purchase?: return firstPurchaseIndex[id] == i ? .purchase : .retention
        case .engagement?: return .retention
        case .advocacy?: return .advocacy
        case .churn?: return .churn
        case nil: return nil
        }
    }

    func firstPurchase(_ id: String) -> RefEvent? { firstPurchaseIndex[id].map { events(id)[$0] } }

    /// customers.signup when present, else the first event.
    func signup(_ id: String) -> (second: Int64, monthIndex: Int)? {
        if let day = hasRow[id]?.signup { return (day.seconds, day.monthIndex) }
        return events(id).first.map { ($0.ts, $0.day.monthIndex) }
    }

    /// Display label and sort position of an acquisition channel group: channels alphabetically, `(none)` last.
    func channelLabel(_ id: String) -> String { (acquisition[id] ?? nil) ?? "(none)" }
}

/// Sorts text labels as the engine orders a text dimension: alphabetically, with `(none)` last.
func refLabelOrder(_ a: String, _ b: String) -> Bool {
    if a == "(none)" { return false }
    if b == "(none)" { return true }
    return a < b
}
