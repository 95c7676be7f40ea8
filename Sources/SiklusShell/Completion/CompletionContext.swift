/// What kind of word the cursor is in, decided from the text before it.
public enum CompletionContext: Equatable, Sendable {
    /// The first word of a statement: `coh` → `cohort`.
    case statement
    /// A meta-command name after a leading `.`: `.mo` → `.mode`.
    case metaCommand
    /// An argument of a meta-command (its name without the dot).
    case metaArgument(String)
    /// A step keyword after `|`.
    case step
    /// A metric name after `metric ` or `, ` in a metric list.
    case metric
    /// A stage name after `stage `.
    case stage
    /// A column after `by `, `where `, `and `, `or ` or `, ` in a `by` list.
    case column
    /// A table name after `load `.
    case table
    /// An engine after `connect `: `postgres`, `spark`.
    case engine
    /// After `load <table> `: the word `table` (an engine table) may follow, or a quoted path.
    case loadSource
    /// A `set` option name after `set `.
    case option
    /// A topic after `help `.
    case helpTopic
    /// A file path inside quotes (or a meta-command's file argument).
    case path(quoted: Bool)
    /// A known value of `column` after `column=`.
    case value(column: String)
    /// Event names (known values of `event`), after `extra` words: `did ‸` offers `not` and the events.
    case events(extra: [String])
    /// Fixed words: a retention option, `value revenue|orders`, a period unit, the options of a `paths`
    /// step, `within`, `of`, `signup`, `times`.
    case words([String])
    /// After `explain`: its forms (when `withForms`), the sources and the `let` variables.
    case explainSource(withForms: Bool)
    /// A cohort filter: a column, or `did` for a behavioural filter.
    case cohortFilter
    /// An option of the current step (`lifecycle period ‸`): the words given.
    case stepOption([String])
    /// What counts as activity after `on`: `purchase`, `any` or an event name.
    case activity
    /// After a funnel step's name: the funnel's options (`within`, `exclude`, `quantiles`, …).
    case funnelOption
    /// Nothing sensible to offer.
    case none
}

/// The result of completing at the cursor: the word being completed and what it can become.
public struct Completion: Equatable, Sendable {
    /// What kind of word this is.
    public var context: CompletionContext
    /// The partial word before the cursor (after the last word-break character).
    public var word: String
    /// Full replacements for `word`, sorted, each starting with `word` (ignoring case).
    public var candidates: [String]
    /// What to insert after a unique candidate: a space after a word, `"` closing a quoted file path,
    /// nothing after a directory (so the path can go on).
    public var suffix: String

    public init(context: CompletionContext, word: String, candidates: [String], suffix: String) {
        self.context = context
        self.word = word
        self.candidates = candidates
        self.suffix = suffix
    }
}
