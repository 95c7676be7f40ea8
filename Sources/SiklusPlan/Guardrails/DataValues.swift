/// What a backend can tell the value check (`ValueCheck`) about the text values in its data, without the
/// binder ever reading rows.
///
/// In memory both questions are answered from the store (`StoreValues` in SiklusEngine); on a connected
/// engine from the files Siklus parsed before writing them there, and not at all for a bound existing
/// table (a `SELECT DISTINCT` per query is not cheap), which the check then skips.
public struct DataValues: Sendable {
    /// True when `text` is a value of some text column (one dictionary lookup); false only when no text
    /// column holds it; nil when the backend cannot tell (then `values` decides).
    public var occurs: @Sendable (String) -> Bool?
    /// The distinct values of a text attribute, most frequent first; nil when the backend cannot list
    /// them (then nothing is reported).
    public var values: @Sendable (Attribute) -> [String]?

    /// Answers from the two closures.
    public init(occurs: @escaping @Sendable (String) -> Bool?, values: @escaping @Sendable (Attribute) -> [String]?) {
        self.occurs = occurs
        self.values = values
    }

    /// A backend that knows nothing: the value check reports nothing.
    public static let unknown = DataValues(occurs: { _ in nil }, values: { _ in nil })
}
