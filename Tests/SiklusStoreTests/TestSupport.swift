import Foundation
import XCTest
import SiklusTestSupport
@testable import SiklusStore

/// The two ways the loader can parse a file: one chunk, or split at line breaks into one chunk per core.
enum LoadPath: String, CaseIterable {
    case single, parallel

    /// `base` with this path forced.
    func options(_ base: LoadOptions = LoadOptions()) -> LoadOptions {
        var options = base
        switch self {
        case .single:
            options.singleThreaded = true
        case .parallel:
            options.singleThreaded = false
            options.parallelThreshold = 0
        }
        return options
    }
}

/// Runs `body` once per load path; failures name the path.
func forEachPath(_ body: (LoadPath) throws -> Void, file: StaticString = #filePath, line: UInt = #line) {
    for path in LoadPath.allCases {
        do {
            try body(path)
        } catch {
            XCTFail("[\(path.rawValue)] unexpected error: \(error)", file: file, line: line)
        }
    }
}

/// Where the parallel path splits the data of a file (byte offsets of chunk starts after the first),
/// computed exactly as `CSVLoader.parseChunks` does, so a test can check a split lands where it means to.
func chunkStarts(of bytes: [UInt8], dataStart: Int, parts: Int = Parallel.width) -> [Int] {
    let end = bytes.count
    var bounds = [dataStart]
    for k in 1..<max(1, parts) {
        var p = max(bounds.last!, dataStart + (end - dataStart) * k / parts)
        while p < end, bytes[p] != UInt8(ascii: "\n") { p += 1 }
        if p + 1 < end { bounds.append(p + 1) }
    }
    return Array(bounds.dropFirst())
}

/// Offset just after the first line break (where the data of a one-line-header file starts).
func dataStart(of text: String) -> Int {
    let bytes = Array(text.utf8)
    return (bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
}

/// Everything a load could change in a store, comparable with `==`, to prove a failed load changed nothing.
struct StoreSnapshot: Equatable {
    var customerIDs: [String]
    var strings: [String]
    var eventCustomer: [Int32]
    var eventTs: [Int64]
    var eventName: [Int32]
    var amount: [Double]
    var amountNulls: [Bool]?
    var channel: [Int32]
    var extras: [Column]
    var offsets: [Int]
    var hasRow: [Bool]
    var customerColumns: [Column]
    var customerRoles: [ColumnRole: Int]
    var spendColumns: [Column]
    var spendRoles: [ColumnRole: Int]
    var loads: Int

    init(_ store: Store) {
        customerIDs = store.customerIDs.strings
        strings = store.strings.strings
        eventCustomer = store.events.customer
        eventTs = store.events.ts
        eventName = store.events.event
        amount = store.events.amount
        amountNulls = store.events.amountNulls
        channel = store.events.channel
        extras = store.events.extras
        offsets = store.events.offsets
        hasRow = store.customers.hasRow
        customerColumns = store.customers.columns
        customerRoles = store.customers.roles
        spendColumns = store.spend.columns
        spendRoles = store.spend.roles
        loads = store.loads.count
    }
}

extension Store {
    /// The event timestamps as `YYYY-MM-DD HH:MM:SS` (or a date at midnight), in stored order.
    var eventTimes: [String] { events.ts.map(CivilTime.formatDateTime) }
    /// Channel names of each event row ("" when missing), in stored order.
    var eventChannels: [String] { events.channel.map { $0 < 0 ? "" : strings[$0] } }

    /// The text values of extra event column `name` ("" for null), in stored order.
    func eventExtraText(_ name: String) -> [String]? {
        guard let column = events.extra(name), case .code(let codes) = column.data else { return nil }
        return codes.map { $0 < 0 ? "" : strings[$0] }
    }

    /// The value of customer attribute `name` for customer id `id` as text ("" for null or unknown id).
    func customerText(_ name: String, of id: String) -> String? {
        guard let code = customerIDs.code(of: id), let column = customers.column(named: name) else { return nil }
        let i = Int(code)
        guard i < column.count, !column.isNull(i) else { return "" }
        switch column.data {
        case .code(let codes): return strings[codes[i]]
        case .int64(let v): return column.type == .int ? String(v[i]) : CivilTime.formatDateTime(v[i])
        case .double(let v): return String(v[i])
        }
    }
}

extension Column {
    /// Int64 values with nil for nulls.
    var int64Values: [Int64?]? {
        guard case .int64(let v) = data else { return nil }
        return v.indices.map { isNull($0) ? nil : v[$0] }
    }

    /// Double values with nil for nulls.
    var doubleValues: [Double?]? {
        guard case .double(let v) = data else { return nil }
        return v.indices.map { isNull($0) ? nil : v[$0] }
    }
}

/// Unix seconds of a UTC civil time.
func utc(_ y: Int, _ m: Int, _ d: Int, _ hh: Int = 0, _ mm: Int = 0, _ ss: Int = 0) -> Int64 {
    CivilTime.days(year: y, month: m, day: d) * 86_400 + Int64(hh * 3600 + mm * 60 + ss)
}

/// Writes `text` and loads it into a fresh store.
func loadFresh(_ table: TableKind, _ text: String, name: String = "file.csv", options: LoadOptions = LoadOptions(),
               files: TestFiles = TestFiles()) throws -> (Store, LoadReport) {
    let path = files.write(name, text)
    var store = Store()
    let report = try store.load(table, path: path, options: options)
    return (store, report)
}

/// The header of the generated events files below.
let eventsHeader = "customer_id,ts,event,amount\n"

/// `count` well-formed event rows (`f0000,2022-01-01 00:00:00,visit,1.5`, …), one line each.
func fillerRows(_ count: Int, prefix: String = "f") -> String {
    (0..<count).map { i in
        "\(prefix)\(String(format: "%04d", i % 50)),2022-01-\(String(format: "%02d", 1 + i % 28)) 00:00:\(String(format: "%02d", i % 60)),visit,1.5\n"
    }.joined()
}

/// Asserts that a split of the parallel path lands in `region` (byte offsets) of `text`, so a test
/// about chunk boundaries really exercises one. Skips (returns false) on a one-core machine.
@discardableResult
func assertSplit(in region: Range<Int>, of text: String, dataStart: Int, file: StaticString = #filePath, line: UInt = #line) -> Bool {
    guard Parallel.width > 1 else { return false }
    let starts = chunkStarts(of: Array(text.utf8), dataStart: dataStart)
    XCTAssertTrue(starts.contains { region.contains($0) }, "no chunk starts in \(region) (starts: \(starts))", file: file, line: line)
    return true
}
