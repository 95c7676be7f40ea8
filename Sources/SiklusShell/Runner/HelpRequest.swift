/// A `help` line: `help`, `help metrics`, `help avg_order;`. Anything longer is left to the engine.
struct HelpRequest: Equatable {
    /// The topic, if one was given.
    var topic: String?
    /// UTF-8 offset of the topic in the line.
    var topicStart: Int

    init?(line: String) {
        var text = Substring(line)
        while let last = text.last, last == " " || last == "\t" || last == ";" { text.removeLast() }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first, first == "help", words.count <= 2, !text.contains("\n") else { return nil }
        if words.count == 2 {
            topic = String(words[1])
            topicStart = line.utf8.distance(from: line.startIndex, to: words[1].startIndex)
        } else {
            topic = nil
            topicStart = 0
        }
    }
}
