/// The language Siklus speaks to a person: messages, help, stage names, column headers and number
/// formatting in the modes meant for reading. Data never changes with it: csv, tsv and json keep the
/// canonical names and exact numbers, and every name is accepted in both languages.
public enum Language: String, Sendable, CaseIterable {
    case en, id

    /// The language of the statement being run. `Session` binds it for each statement (from
    /// `set language = …`) and the shell for each chunk, so messages built anywhere below read it
    /// without a parameter. Work split across threads (`concurrentPerform`) does not inherit it: a
    /// message built there is English.
    @TaskLocal public static var current: Language = .en

    /// The language a `set language = …` value, a `SIKLUS_LANG` value or a POSIX locale names:
    /// `id`, `indonesian`, `bahasa`, `id_ID.UTF-8`, `in_ID` (Java's old code); `en`, `english`, `en_US…`,
    /// `C`, `POSIX`. Nil for anything else.
    public init?(named text: String) {
        let word = text.lowercased()
        let code = word.prefix { $0.isLetter }
        switch code {
        case "id", "in", "indonesian", "indonesia", "bahasa": self = .id
        case "en", "english", "c", "posix": self = .en
        default: return nil
        }
        // `id_ID.UTF-8` names a locale; `idx` or `english2` names nothing.
        guard code.count == word.count || ["_", ".", "-", "@"].contains(word[code.endIndex]) else { return nil }
    }

    /// The language the environment asks for: `SIKLUS_LANG`, else the POSIX order `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` (the first of them that is set and not empty decides, as `setlocale` does).
    /// English when none names a language Siklus speaks.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        if let value = environment["SIKLUS_LANG"], !value.isEmpty, let language = Language(named: value) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(named: value) ?? .en
        }
        return .en
    }

    /// The language's name in itself, for `.show` and `set` confirmations.
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .id: "Bahasa Indonesia"
        }
    }
}
