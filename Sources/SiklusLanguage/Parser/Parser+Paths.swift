extension Parser {
    /// paths_step = "paths" { paths_option } ;
    /// paths_option = "from" name | "to" name | "steps" INTEGER | "session" DURATION | "edges" INTEGER ;
    mutating func parsePaths() throws(Diagnostic) -> PathsSpec {
        advance()
        var spec = PathsSpec()
        var seen = Set<String>()
        while !atStepEnd {
            guard current.kind == .identifier else {
                throw expected(Self.phrase("paths_option"))
            }
            let word = current.lowercasedText(in: source)
            if Keywords.pathsOptions.contains(word), !seen.insert(word).inserted {
                throw Self.givenTwice(word, at: current.span)
            }
            switch word {
            case "from": advance(); spec.from = try parseName(Self.phrase("event_after_from"))
            case "to": advance(); spec.to = try parseName(Self.phrase("event_after_to"))
            case "steps":
                advance()
                let steps = try parseCount(after: "steps", maximum: StepLimits.pathSteps, of: "events per path")
                if steps.value < 2 { throw Diagnostic(Self.phrase("path_two_steps"), at: steps.span) }
                spec.steps = steps
            case "edges": advance(); spec.edges = try parseCount(after: "edges", maximum: StepLimits.pathEdges, of: "transitions")
            case "session": advance(); spec.session = try parseDuration(after: "session")
            default:
                throw Diagnostic.unknown("paths option", current.text(in: source), at: current.span, among: Keywords.pathsOptions,
                                         fallbackHint: Self.phrase("paths_options_are"))
            }
        }
        return spec
    }

    /// A positive duration after `keyword` (`session 30m`, `within 30d`).
    mutating func parseDuration(after keyword: String) throws(Diagnostic) -> Spanned<DurationLiteral> {
        guard current.kind == .duration else {
            throw expected(Self.phrase("duration_after", ["keyword": keyword]),
                           hints: [Self.phrase("durations_are")])
        }
        let literal = try parseLiteral(Self.phrase("a_duration"), allowsNames: false)
        guard case .duration(let duration) = literal.literal else { preconditionFailure("a duration token parses to a duration") }
        if duration.value < 1 { throw Diagnostic(Self.phrase("positive_duration", ["keyword": keyword]), at: literal.span) }
        return Spanned(duration, at: literal.span)
    }

    /// True at `did <name>` or `did not <name>` in a cohort source (a column called `did` is still
    /// compared: `did = 3`, `did in (…)`, `did not in (…)`).
    var atBehaviourFilter: Bool {
        guard checkWord("did"), [.identifier, .string].contains(peek().kind), !peek().isWord("in", in: source) else { return false }
        return !peek().isWord("not", in: source) || [.identifier, .string].contains(peek(2).kind) && !peek(2).isWord("in", in: source)
    }

    /// behaviour = "did" [ "not" ] name [ comparison_op INTEGER [ "times" | "time" ] ] [ "within" DURATION [ "of" "signup" ] ] ;
    mutating func parseBehaviourFilter() throws(Diagnostic) -> BehaviourFilterNode {
        let did = advance()
        var negated = false
        if checkWord("not"), [.identifier, .string].contains(peek().kind) {
            advance()
            negated = true
        }
        let event = try parseName(Self.phrase("event_after_did"))
        var filter = BehaviourFilterNode(negated: negated, event: event, span: did.span)
        if let op = ComparisonOperator(current.kind) {
            let opToken = advance()
            guard current.kind == .integer else {
                throw expected(Self.phrase("whole_number_after", ["keyword": "\(op)"]), hints: [Self.phrase("example_did_times")])
            }
            let literal = try parseLiteral(Self.phrase("a_whole_number"), allowsNames: false)
            guard case .integer(let n) = literal.literal else { preconditionFailure("an integer token parses to an integer") }
            if n < 0 { throw Diagnostic(Self.phrase("negative_count"), at: literal.span) }
            _ = matchWord("times") ?? matchWord("time")
            filter.count = Spanned(.init(op: op, count: n), at: span(from: opToken.span))
        }
        if matchWord("within") != nil {
            filter.window = try parseDuration(after: "within")
            if let of = matchWord("of") {
                _ = try expectWord("signup", Self.phrase("signup_after_of"), hints: [Self.phrase("write_within_of_signup")])
                filter.ofSignup = span(from: of.span)
            }
        }
        filter.span = span(from: did.span)
        return filter
    }
}
