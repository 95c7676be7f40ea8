@preconcurrency import CEditLine
import Foundation
import SiklusShell

/// The C completion callback libedit calls on Tab, forwarding to the pure `Completer`.
///
/// libedit callbacks are `@convention(c)` and cannot capture, so the source of names lives in a global.
enum CompletionCallback {
    /// Supplies the current vocabulary; read only on the main thread, inside `readline`.
    nonisolated(unsafe) static var source: (() -> CompletionSource)?

    static func install(source: @escaping () -> CompletionSource) {
        self.source = source
        rl_attempted_completion_function = { text, start, end in
            CompletionCallback.matches(text: text, end: Int(end))
        }
    }

    /// The matches array libedit expects: the replacement for the word (the candidates' common
    /// prefix), then each candidate, then NULL; every string `strdup`ed because libedit frees them.
    /// A unique match is sent as `[match, match, NULL]`: libedit reads `matches[2]` to decide that a
    /// match is unique, so the shorter GNU form `[match, NULL]` would make it read past the array.
    static func matches(text: UnsafePointer<CChar>?, end: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1  // never fall back to libedit's own file name completion
        guard let source, let buffer = rl_line_buffer else { return nil }
        let word = text.map { String(cString: $0) } ?? ""
        let before = textBeforeCursor(line: String(cString: buffer), end: end, word: word)
        let completion = Completer.complete(line: before, cursor: before.count, source: source())
        let candidates = completion.candidates
        guard !candidates.isEmpty else { return nil }
        // libedit also prints the append character after every listed candidate, so only a unique
        // match gets one.
        rl_completion_append_character = candidates.count == 1 ? Int32(completion.suffix.utf8.first ?? 0) : 0
        let replacement = candidates.count == 1 ? candidates[0] : commonPrefix(candidates, atLeast: word)
        let entries = [replacement] + candidates
        // libedit frees this array with free(), so it must come from malloc (libedit.md).
        guard let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        return array
    }

    /// The line up to the cursor. libedit reports `end` in characters of its wide buffer; when that
    /// does not line up with the word it passed (older builds count bytes), bytes are tried.
    static func textBeforeCursor(line: String, end: Int, word: String) -> String {
        let byScalars = String(String.UnicodeScalarView(line.unicodeScalars.prefix(end)))
        if byScalars.hasSuffix(word) { return byScalars }
        let bytes = Array(line.utf8.prefix(end))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The longest common prefix of `candidates`, but never shorter than what was typed.
    static func commonPrefix(_ candidates: [String], atLeast word: String) -> String {
        guard var prefix = candidates.first.map(Array.init) else { return word }
        for candidate in candidates.dropFirst() {
            let other = Array(candidate)
            var count = 0
            while count < prefix.count, count < other.count, prefix[count] == other[count] { count += 1 }
            prefix = Array(prefix.prefix(count))
        }
        return prefix.count >= word.count ? String(prefix) : word
    }
}
