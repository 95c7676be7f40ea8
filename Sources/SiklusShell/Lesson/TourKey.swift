import Foundation

/// What the person at a lesson's pause asked for.
public enum TourKey: Equatable, Sendable {
    /// Enter: the next step.
    case next
    /// `b`: the step before this one again.
    case back
    /// `q`, Ctrl-C or the end of input: stop the lesson.
    case quit
    /// Anything else: a statement or dot-command to run before the lesson goes on.
    case command(String)

    /// The key for one line read at the pause (the line editor's, or standard input's when it is not a
    /// terminal, so tests script the presses as lines).
    public init(_ event: InputEvent) {
        switch event {
        case .interrupt, .end: self = .quit
        case .line(let line):
            let text = line.trimmingCharacters(in: .whitespaces)
            let word = text.lowercased()
            switch word {
            case "": self = .next
            case "b", "back": self = .back
            case "q", "quit", "exit": self = .quit
            default: self = .command(text)
            }
        }
    }
}
