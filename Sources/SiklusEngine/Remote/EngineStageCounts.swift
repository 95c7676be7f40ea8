import SiklusLanguage
import SiklusPlan
import SiklusSQL
import SiklusStore

/// `help stages` while connected: the customers in each stage now, counted by the engine on its tables
/// (the in-memory tables are not what pipelines read while connected, so their counts would mislead).
/// Two pipelines through `RemoteRun`, so the counts are exactly `cohort | metric stage_share`'s on the
/// engine: `stage_share` for the stages, `customers` for everyone (the rest have no staged event yet).
/// Ctrl-C cancels them like any engine query.
extension RemoteRun {
    /// The counts, or why they could not be read (no events table bound, an engine error).
    /// - Complexity: two engine queries (the lifecycle of every customer on the engine).
    func stageCounts() -> Result<LifecycleDiagram.StageCounts, Diagnostic> {
        guard bindings[.events] != nil else {
            return .failure(Diagnostic("load events on \(engine.dialect.displayName) to see how many customers are in each stage now", at: nil))
        }
        do throws(Diagnostic) {
            let share = try run(Self.pipeline("cohort | metric stage_share"))
            let everyone = try run(Self.pipeline("cohort | metric customers"))
            guard case .text(let stages)? = share.column("stage")?.values, case .integer(let counts)? = share.column("customers")?.values,
                  case .integer(let total)? = everyone.column("customers")?.values, let all = total.first ?? nil else {
                return .failure(Diagnostic("\(engine.dialect.displayName) returned no stage counts", at: nil))
            }
            var byStage: [Stage: Int] = [:]
            for (name, count) in zip(stages, counts) {
                if let stage = name.flatMap(Stage.init(named:)) { byStage[stage, default: 0] += Int(count ?? 0) }
            }
            let asOf = settings.asOf.map { CivilTime.formatDate($0) } ?? "the last day with an event on \(engine.dialect.displayName)"
            return .success(LifecycleDiagram.StageCounts(byStage: byStage, noStage: max(0, Int(all) - byStage.values.reduce(0, +)),
                                                         asOf: asOf, source: "\(engine.dialect.displayName)'s tables"))
        } catch {
            return .failure(error)
        }
    }

    /// A built-in pipeline's syntax tree.
    private static func pipeline(_ text: String) -> Pipeline {
        guard case .pipeline(let pipeline)? = Parser.parse(text, name: "help stages").statements.first?.kind else {
            preconditionFailure("help stages' pipeline does not parse: \(text)")
        }
        return pipeline
    }
}

extension Session {
    /// `help stages` while connected: the diagram with the engine's counts (or why they are missing).
    func engineStagesHelp(_ connection: EngineConnection) -> String {
        switch remoteRun(connection).stageCounts() {
        case .success(let counts):
            return LifecycleDiagram(stageMap: stageMap, settings: settings, counts: counts).render()
        case .failure(let error):
            return LifecycleDiagram(stageMap: stageMap, settings: settings, counts: nil,
                                    missingCounts: MessageCatalog.text("stages_diagram.not_shown", ["reason": error.message])).render()
        }
    }
}
