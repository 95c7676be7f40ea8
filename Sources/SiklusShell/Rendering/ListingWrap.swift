import SiklusCharts

/// Listings (`help`, `.help`, `stages`, `explain`) fitted to the terminal: a line wider than the
/// terminal is broken between words and continued under its text column, instead of the terminal
/// wrapping it at column 0 mid-word. On an 80-column projector `.help`'s descriptions stay in their
/// column. Files and pipes get the text unchanged.
///
///     .maxrows [N]     Show at most N rows of a table in the modes meant for reading (0:
///                      all; default 40 on a terminal)
enum ListingWrap {
    /// `text` with every line wider than `width` wrapped; `text` itself when `width` is nil.
    ///
    /// - Complexity: O(characters of `text`).
    static func fitted(_ text: String, width: Int?) -> String {
        guard let width, width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { lines(String($0), width: width) }
            .joined(separator: "\n")
    }

    /// One line as lines of at most `width` columns: broken at spaces (a word wider than the room is
    /// cut, so every line fits), the first part kept as written, the rest under the hanging column.
    static func lines(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let hanging = hangingColumn(Array(line), width: width)
        var lines: [String] = []
        var rest = Substring(line)
        var indent = ""
        while DisplayWidth.of(indent) + DisplayWidth.of(rest) > width {
            let room = width - DisplayWidth.of(indent)
            // The first line may not break inside its own label (before the hanging column).
            let earliest = lines.isEmpty ? hanging : 1
            var used = 0
            var cut = rest.startIndex
            var lastSpace: Substring.Index?
            var offset = 0
            for index in rest.indices {
                let w = DisplayWidth.of(rest[index])
                if used + w > room { break }
                if rest[index] == " ", offset >= earliest { lastSpace = index }
                used += w
                offset += 1
                cut = rest.index(after: index)
            }
            let end = lastSpace ?? cut
            guard end > rest.startIndex else { break }
            lines.append(indent + String(rest[..<end]).trimmingTrailingSpaces())
            rest = rest[end...].drop { $0 == " " }
            indent = String(repeating: " ", count: hanging)
        }
        lines.append(indent + rest)
        return lines
    }

    /// Where continuation lines start: after the last gap of two or more spaces that leaves 24
    /// columns of text (a listing's text column), else two past the line's indentation.
    static func hangingColumn(_ characters: [Character], width: Int) -> Int {
        let indentation = characters.prefix { $0 == " " }.count
        let limit = max(indentation + 2, width - 24)
        var column: Int?
        var spaces = 0
        for (index, character) in characters.enumerated() where index <= limit {
            if character == " " {
                spaces += 1
            } else {
                if spaces >= 2, index > indentation { column = index }
                spaces = 0
            }
        }
        return min(column ?? indentation + 2, limit)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension Shell {
    /// The width listings are fitted to on `destination`: the terminal's, else none.
    func listingWidth(_ destination: ResultDestination) -> Int? {
        destination == .standard && io.outIsTerminal ? io.terminalWidth() : nil
    }
}
