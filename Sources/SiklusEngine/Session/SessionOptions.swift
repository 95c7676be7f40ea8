import SiklusLanguage

/// What statements other than `load` change in a session: the `set` options, the stage map and the `let`
/// variables. A lesson takes it before each step, so going back (`b`) shows the step as it first ran.
public struct SessionOptions: Equatable, Sendable {
    let settings: SessionSettings
    let stageMap: StageMap
    let variables: [String: Pipeline]
}
