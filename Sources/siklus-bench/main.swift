import Foundation
import SiklusEngine
import SiklusStore

// Loads a data set and times each step; prints `name<TAB>seconds` lines for scripts/bench.
// Usage: siklus-bench DIR [--repeat N]
// Peak memory is measured by scripts/bench around the whole process (/usr/bin/time), so this
// program loads only what a step needs.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now()
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let arguments = CommandLine.arguments.dropFirst()
guard let directory = arguments.first else {
    FileHandle.standardError.write("usage: siklus-bench DIR [--only-load]\n".data(using: .utf8)!)
    exit(2)
}
let onlyLoad = arguments.contains("--only-load")
var store = Store()
do {
    let events = try seconds { try store.load(.events, path: "\(directory)/events.csv") }
    print("load_events\t\(events)")
    print("load_events_rows\t\(store.events.count)")
    print("peak_rss_mb_after_events\t\(peakRSSMegabytes())")
    if !onlyLoad {
        let customers = try seconds { try store.load(.customers, path: "\(directory)/customers.csv") }
        print("load_customers\t\(customers)")
        let spend = try seconds { try store.load(.spend, path: "\(directory)/spend.csv") }
        print("load_spend\t\(spend)")
    }
} catch {
    FileHandle.standardError.write("\(error)\n".data(using: .utf8)!)
    exit(1)
}
