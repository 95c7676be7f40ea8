import Foundation
import SiklusEngine
import SiklusLanguage
import SiklusStore

/// A broken promise found by a fuzz input (a crash or hang is found by the supervisor instead).
struct Finding: Error {
    var message: String
}

/// The CSV loader: a mutated seed, loaded with the real loader into a fresh store. A load either succeeds,
/// with a report that matches what it stored, or throws a `LoadError`; any other error is a finding.
struct CSVTarget {
    let corpus: Corpus
    let fileExtension = "csv"

    func input(seed: UInt64, index: Int) -> [UInt8] {
        var rng = FuzzRandom(seed: seed, index: index)
        return CSVMutator.mutate(rng.pick(corpus.inputs), corpus: corpus.inputs, &rng)
    }

    /// Loads the file at `path` (the input, already written) as the input's index chooses.
    func run(path: String, seed: UInt64, index: Int) throws(Finding) {
        var rng = FuzzRandom(seed: seed ^ 0x5EED, index: index)
        let table = rng.pick([TableKind.events, .events, .events, .customers, .spend])
        var options = LoadOptions()
        if rng.chance(0.2) { options.delimiter = rng.pick([0x2C, 0x3B, 0x09, 0x7C, 0x20]) }
        if rng.chance(0.1) { options.formats["ts"] = rng.pick([TimeFormat("epoch"), TimeFormat("%d/%m/%Y"), TimeFormat("%Y-%m-%d %H:%M:%S")]) }
        if rng.chance(0.5) { options.parallelThreshold = 0 }  // the chunked parallel path too
        var store = Store()
        do {
            let report = try store.load(table, path: path, options: options)
            if table == .events, store.events.count != report.rowsLoaded {
                throw Finding(message: "load report says \(report.rowsLoaded) rows, the store has \(store.events.count)")
            }
            if table == .events, rng.chance(0.3) { try compareWithGzip(path: path, options: options, plain: store, report: report, &rng) }
            if table == .events, options.parallelThreshold == 0, rng.chance(0.3) {
                try compareWithSplits(path: path, options: options, &rng)
            }
        } catch let finding as Finding {
            throw finding
        } catch is LoadError {
            // The expected way to refuse a bad file.
        } catch {
            throw Finding(message: "load of \(table) threw \(type(of: error)), not a LoadError: \(error)")
        }
    }
}

extension CSVTarget {
    /// Loads the input again on the parallel path with tiny claims, so that the core that finishes first
    /// splits the other's range (`ChunkClaims`), and requires the tables of the one-thread load.
    func compareWithSplits(path: String, options: LoadOptions, _ rng: inout FuzzRandom) throws(Finding) {
        var split = options
        split.claimWindow = rng.pick([16, 64, 256])
        split.minimumSplit = rng.pick([2, 32, 512])
        var single = options
        single.singleThreaded = true
        var splitStore = Store(), singleStore = Store()
        let splitReport = try? splitStore.load(.events, path: path, options: split)
        let singleReport = try? singleStore.load(.events, path: path, options: single)
        guard let splitReport, let singleReport else {
            if (splitReport == nil) != (singleReport == nil) {
                throw Finding(message: "the load with split ranges \(splitReport == nil ? "failed" : "succeeded") where the one-thread load did not")
            }
            return
        }
        var differences = Self.differences(splitStore, splitReport, from: singleStore, singleReport)
        if splitReport.render(includeTiming: false) != singleReport.render(includeTiming: false) { differences.append("report") }
        if !differences.isEmpty {
            throw Finding(message: "the load with split ranges (claims of \(split.claimWindow), splits from \(split.minimumSplit) bytes) differs from the one-thread load in: \(differences.joined(separator: ", "))")
        }
    }

    /// What differs between two loads of the same events: the dictionaries, the row count and every column.
    static func differences(_ store: Store, _ report: LoadReport, from reference: Store, _ referenceReport: LoadReport) -> [String] {
        [
            ("customer ids", store.customerIDs.strings == reference.customerIDs.strings),
            ("texts", store.strings.strings == reference.strings.strings),
            ("rows", report.rowsLoaded == referenceReport.rowsLoaded),
            ("customers", store.events.customer == reference.events.customer && store.events.offsets == reference.events.offsets),
            ("times", store.events.ts == reference.events.ts),
            ("events", store.events.event == reference.events.event),
            ("amounts", store.events.amount == reference.events.amount && store.events.amountNulls == reference.events.amountNulls),
            ("channels", store.events.channel == reference.events.channel),
            ("extra columns", store.events.extras == reference.events.extras),
        ].filter { !$0.1 }.map(\.0)
    }

    /// Loads a gzip copy of the input in tiny blocks (many per parser thread, sharing their dictionaries) and
    /// requires the plain load's tables when both loads succeed with the same columns. (The sniffer sees only a
    /// gzip file's first block, so its types, or the load's success, may differ: those cases are not compared.)
    func compareWithGzip(path: String, options: LoadOptions, plain: Store, report: LoadReport, _ rng: inout FuzzRandom) throws(Finding) {
        guard let input = FileManager.default.contents(atPath: path), let compressed = GzipWriter.compress(Array(input)) else {
            throw Finding(message: "could not make a gzip copy of the input")
        }
        let gzPath = path + ".gz"
        guard FileManager.default.createFile(atPath: gzPath, contents: Data(compressed)) else {
            throw Finding(message: "could not write \(gzPath)")
        }
        defer { try? FileManager.default.removeItem(atPath: gzPath) }
        var options = options
        options.gzipBlockBytes = rng.pick([64, 200, 1000, 4096])
        options.singleThreaded = rng.chance(0.3)
        var store = Store()
        guard let gzReport = try? store.load(.events, path: gzPath, options: options), gzReport.columns == report.columns else { return }
        let differences = Self.differences(store, gzReport, from: plain, report)
        if !differences.isEmpty {
            throw Finding(message: "gzip load (blocks of \(options.gzipBlockBytes) bytes, single thread \(options.singleThreaded)) differs from the plain load in: \(differences.joined(separator: ", "))")
        }
    }
}

/// The parser, binder and evaluator: a script of mutated seed statements, run by a fresh `Session` on the
/// fuzz data set. A failing statement must leave tables, variables, settings and stages as they were.
struct QueryTarget {
    let corpus: Corpus
    let dataDirectory: String
    let store: Store
    let fileExtension = "sik"

    init(corpus: Corpus, dataDirectory: String) throws {
        self.corpus = corpus
        self.dataDirectory = dataDirectory
        try FuzzDataset.write(to: dataDirectory)
        let session = Session()
        for table in [TableKind.customers, .events, .spend] {
            _ = try session.load(table, path: "\(dataDirectory)/\(table.rawValue).csv")
        }
        store = session.store
    }

    func input(seed: UInt64, index: Int) -> [UInt8] {
        var rng = FuzzRandom(seed: seed, index: index)
        return Array(QueryMutator.script(corpus: corpus.inputs, &rng).replacingOccurrences(of: "$DATA", with: dataDirectory).utf8)
    }

    func run(path: String, seed: UInt64, index: Int) throws(Finding) {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let session = Session(store: store)
        let source = SourceFile(name: "fuzz.sik", text: text)
        var before = SessionSummary(session)
        var problem: String?
        session.run(source) { outcome in
            let after = SessionSummary(session)
            switch outcome {
            case .failure(let diagnostic):
                if diagnostic.message.trimmingCharacters(in: .whitespaces).isEmpty { problem = "an empty error message" }
                if let span = diagnostic.span, span.start < 0 || span.end > source.bytes.count { problem = "error span \(span) outside the text" }
                if after != before { problem = "a failed statement changed the session (\(diagnostic.message)):\n  before \(before)\n  after  \(after)" }
                _ = diagnostic.render(in: source)
            case .output(.table(let table), _), .output(.plot(let table), _), .output(.export(let table, _, _), _):
                if table.columns.contains(where: { $0.values.count != table.rowCount }) { problem = "a ragged result table" }
            case .output: break
            }
            before = after
            return problem == nil
        }
        if let problem { throw Finding(message: problem) }
    }
}

/// What a failed statement must leave unchanged, comparable before and after.
struct SessionSummary: Equatable, CustomStringConvertible {
    var tables: [Int]
    var variables: [String]
    var settings: SessionSettings
    var stageMap: StageMap

    init(_ session: Session) {
        let store = session.store
        tables = [store.events.count, store.customerIDs.count, store.customers.rowCount, store.spend.count, store.loads.count, store.strings.count]
        variables = session.vocabulary.variables
        settings = session.settings
        stageMap = session.stageMap
    }

    var description: String { "rows \(tables), variables \(variables)" }
}
