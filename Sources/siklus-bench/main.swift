import Foundation
import SiklusEngine
import SiklusStore

// Loads a data set and times each step; prints `name<TAB>seconds` lines for scripts/bench.
//
//   siklus-bench DIR [--only-load]            time the loads
//   siklus-bench DIR --events NAME …          load DIR/NAME as the events (e.g. events.csv.gz)
//   siklus-bench DIR --query "q" [--query …]  also run and time each query (best of --repeat N runs)
//   siklus-bench DIR --print "q"              print a query's result as TSV (for checking by hand)
//   siklus-bench DIR --phases …               also print the events load's phases (PhaseTimer), one
//                                             `phase<TAB>name<TAB>seconds` line each
//   siklus-bench DIR --cold --query "q" …     run each query once, right after the loads, and print that
//                                             first (cold) time: no per-customer facts cached yet; with
//                                             --phases also its phases (customer facts, scope, output)
//   siklus-bench DIR --engine postgres|spark TARGET --query "q" …
//                                             load DIR's files into the engine through Siklus and time each
//                                             query compiled to its SQL beside hand-written SQL (EngineBench)
//
// Peak memory is measured around the whole process by scripts/bench (/usr/bin/time).

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now()
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// CPU seconds used by the whole process (all threads): steadier than wall time on a busy machine.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func tsv(_ table: ResultTable) -> String {
    var lines = [table.columns.map(\.name).joined(separator: "\t")]
    for row in 0..<table.rowCount {
        lines.append(table.columns.map { column -> String in
            switch column.values {
            case .text(let v): return v[row] ?? ""
            case .integer(let v): return v[row].map(String.init) ?? ""
            case .number(let v): return v[row].map { String($0) } ?? ""
            }
        }.joined(separator: "\t"))
    }
    return lines.joined(separator: "\n")
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(1)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let directory = arguments.first else { fail("usage: siklus-bench DIR [--only-load] [--query Q]… [--print Q] [--repeat N]") }
var queries: [String] = [], prints: [String] = []
var repeats = 5
var eventsFile = "events.csv"
var engine: (name: String, target: String)?
var index = 1
while index < arguments.count {
    switch arguments[index] {
    case "--query": queries.append(arguments[index + 1]); index += 1
    case "--print": prints.append(arguments[index + 1]); index += 1
    case "--repeat": repeats = Int(arguments[index + 1]) ?? 5; index += 1
    case "--events": eventsFile = arguments[index + 1]; index += 1
    case "--engine": engine = (arguments[index + 1], arguments[index + 2]); index += 2
    default: break
    }
    index += 1
}
let onlyLoad = arguments.contains("--only-load")
let cold = arguments.contains("--cold")
if let engine {
    do {
        try EngineBench(directory: directory, engine: engine.name, target: engine.target, queries: queries, repeats: repeats).run()
    } catch {
        fail("\(error)")
    }
    exit(0)
}
let session = Session()
do {
    var phases: [(String, Double)] = []
    if arguments.contains("--phases") { PhaseTimer.observer = { phases.append(($0, $1)) } }
    let events = try seconds { _ = try session.load(.events, path: "\(directory)/\(eventsFile)") }
    PhaseTimer.observer = nil
    print("load_events\t\(events)")
    for (name, t) in phases { print("phase\t\(name)\t\(t)") }
    print("peak_rss_mb_after_events\t\(peakRSSMegabytes())")
    if !onlyLoad {
        for table in [TableKind.customers, .spend] where FileManager.default.fileExists(atPath: "\(directory)/\(table.rawValue).csv") {
            let t = try seconds { _ = try session.load(table, path: "\(directory)/\(table.rawValue).csv") }
            print("load_\(table.rawValue)\t\(t)")
        }
    }
    for query in prints { print(tsv(try session.query(query))) }
    for query in queries where cold {
        // The first run after the loads, as a user's first question: it also builds the per-customer facts.
        if arguments.contains("--phases") { phases = []; PhaseTimer.observer = { phases.append(($0, $1)) } }
        print("cold_query\t\(try seconds { _ = try session.query(query) })\t\(query)")
        PhaseTimer.observer = nil
        for (name, t) in phases { print("phase\t\(name)\t\(t)") }
    }
    for query in queries where !cold {
        _ = try session.query(query)  // first run also builds the per-customer facts
        var best = Double.infinity, bestCPU = Double.infinity
        for _ in 0..<repeats {
            let cpu0 = cpuSeconds()
            best = min(best, try seconds { _ = try session.query(query) })
            bestCPU = min(bestCPU, cpuSeconds() - cpu0)
        }
        print("query\t\(best)\t\(bestCPU)\t\(query)")
    }
} catch {
    fail("\(error)")
}
