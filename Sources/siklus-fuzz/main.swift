import Foundation

// Fuzzes the CSV loader and the parser, binder and evaluator with mutated seed inputs for a bounded time.
// Each input runs in a worker process; a crash, a hang or a broken promise (a load error that is not a
// LoadError, a failed statement that changed the session) saves the input under OUT/findings and makes the
// exit status 1. See FuzzOptions for the flags; scripts/fuzz builds and runs this.

func targetFor(_ kind: FuzzOptions.Target, _ options: FuzzOptions) throws -> any FuzzTarget {
    let corpus = try Corpus(directory: "\(options.corpus)/\(kind == .csv ? "csv" : "queries")")
    switch kind {
    case .csv: return CSVTarget(corpus: corpus)
    case .query: return try QueryTarget(corpus: corpus, dataDirectory: "\(options.out)/data")
    }
}

func main() -> Int32 {
    let options: FuzzOptions
    do {
        options = try FuzzOptions(Array(CommandLine.arguments.dropFirst()))
        try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
    } catch {
        let message = (error as? UsageError)?.message ?? "\(error)"
        FileHandle.standardError.write(Data(((message.isEmpty ? "" : "siklus-fuzz: \(message)\n") + FuzzOptions.usage + "\n").utf8))
        return 2
    }
    do {
        if options.worker || options.replay != nil {
            guard options.targets.count == 1, let kind = options.targets.first else { throw UsageError("give one --target") }
            let target = try targetFor(kind, options)
            if let replay = options.replay {
                try target.run(path: replay, seed: options.seed, index: options.first)
                print("no crash and no broken promise")
                return 0
            }
            Worker.run(target, files: WorkerFiles(out: options.out, target: kind, fileExtension: target.fileExtension), options: options)
        }
        var supervisor = Supervisor(options: options)
        let started = Date()
        let counts = try supervisor.run()
        let summary = counts.map { "\($0.1) \($0.0.rawValue) inputs" }.joined(separator: ", ")
        print("fuzz: seed \(options.seed), \(summary) in \(String(format: "%.0f", Date().timeIntervalSince(started))) s, \(supervisor.findings) distinct findings (\(supervisor.repeats) more inputs repeated one)")
        return supervisor.findings == 0 ? 0 : 1
    } catch let finding as Finding {
        print("broken promise: \(finding.message)")
        return 1
    } catch {
        FileHandle.standardError.write(Data("siklus-fuzz: \((error as? UsageError)?.message ?? "\(error)")\n".utf8))
        return 2
    }
}

exit(main())
