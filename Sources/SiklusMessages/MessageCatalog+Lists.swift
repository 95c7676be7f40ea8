extension MessageCatalog {
    /// At most this many items of a list are named in a hint; the rest are counted.
    public static let listedItems = 10

    /// `items` joined with commas for a hint, naming at most `listedItems` of them and counting the rest
    /// (`a, b, …, j … and 40 more`), in `language`. A list only one or two longer than the limit is given whole: "and 1 more"
    /// would hide a name to save none.
    ///
    ///     MessageCatalog.listing(columns)   // "customer_id, ts, event, … and 37 more"
    /// - Complexity: O(listed items).
    public static func listing(_ items: [String], separator: String = ", ", in language: Language = .current) -> String {
        guard items.count > listedItems + 2 else { return items.joined(separator: separator) }
        return MessageCatalog.text("diag.listing_more", ["items": items.prefix(listedItems).joined(separator: separator), "count": String(items.count - listedItems)],
                                 in: language)
    }
}
