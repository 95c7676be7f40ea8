import SiklusEngine

extension Shell {
    /// Before a result of a `.read` script with comments, in a mode meant for reading: the statement after
    /// the prompt, where the result goes (separated from an earlier result as the result would be). csv,
    /// tsv and json get no echo: their output is data for another program. Load reports, notes and
    /// exports are not results on stdout, so they need no label.
    func echo(_ query: String, before result: StatementOutput, on destination: ResultDestination) {
        guard echoesStatements, !settings.mode.isExact else { return }
        switch result {
        case .table, .plot: break
        case .text(let text) where !text.isEmpty: break
        default: return
        }
        let output = startResult(on: destination)
        output.write(StatementEcho.text(query))
        // The result follows the echo directly, without a separator of its own.
        outputsWithResults.remove(ObjectIdentifier(output))
    }
}
