import SiklusLanguage

/// A note when one query reads both channels under one name (issue 15): in `where` a bare `channel` is
/// the event's own channel, in `by` (and cohort filters) the customer's acquisition channel, so
/// `events | where channel = email | by channel` groups email events by how their customers were
/// acquired, which looks like a filter that did not work.
enum ChannelMeaningCheck {
    /// The note at the `by channel`, or nil.
    static func note(_ query: LogicalQuery) -> Diagnostic? {
        let filtersEventChannel = query.scope.contains { step in
            if case .filter(let filter, _) = step { filter.attributes.contains(.eventChannel) } else { false }
        }
        guard filtersEventChannel,
              let dimension = query.dimensions.first(where: { if case .attribute(.acquisitionChannel, _) = $0.kind { true } else { false } })
        else { return nil }
        return Diagnostic(MessageCatalog.text("guard.channel_meaning", ["name": dimension.name]),
                          at: dimension.span,
                          hints: [MessageCatalog.text("guard.channel_meaning_hint")],
                          severity: .note)
    }
}
