extension RetentionOptions {
    /// The kind options as written back (`start login`, `recurring`, `brackets (1, 6, 23)`, …), in a fixed
    /// order, for printing a step back as text.
    public var kindWords: [String] {
        var words: [String] = []
        if let start {
            switch start.value {
            case .purchase: words.append("start purchase")
            case .anyEvent: words.append("start any")
            case .event(let name): words.append("start \(name)")
            }
        }
        if isRecurring { words.append("recurring") }
        if isRolling { words.append("rolling") }
        if let brackets { words.append("brackets (" + brackets.value.map(String.init).joined(separator: ", ") + ")") }
        if let minEvents { words.append("min_events \(minEvents.value)") }
        if let value { words.append("value \(value.value.rawValue)") }
        return words
    }
}
