import SiklusLanguage

/// The result column of a `by` dimension (issue 15): the name as written, except that the events' own
/// channel (`by events.channel`) is headed `event_channel`, so it cannot be taken for `channel`, the
/// customers' acquisition channel that a bare `by channel` groups by.
enum DimensionHeader {
    static func name(of attribute: Attribute, written: QualifiedName) -> String {
        attribute == .eventChannel ? "event_channel" : written.name.text
    }
}
