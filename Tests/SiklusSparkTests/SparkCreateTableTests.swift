import XCTest
import SiklusSQL
import SiklusTestSupport
@testable import SiklusConnect

/// Every type through `createTable` (CSV + temp view) and back through a SELECT, exactly.
final class SparkCreateTableTests: XCTestCase {
    static let awkwardText: [String?] = [
        "", nil, " lead and trail ", "a,b", "say \"hi\"", "\"", "line\nbreak", "crlf\r\nend", "cr\ronly",
        "back\\slash", "\\N", "\u{1}N", "NULL", "null", "tab\there", "é, 😀, 中文", "'single'", "#not a comment", ",",
    ]

    func testEveryTypeNullsAndAwkwardValuesRoundTripExactly() throws {
        let spark = try SharedSpark.connection()
        let count = Self.awkwardText.count
        let integers: [Int64?] = [0, nil, .min, .max, -1, 1, 42] + Array(repeating: 7, count: count - 7)
        let numbers: [Double?] = [0.1, nil, .leastNonzeroMagnitude, -0.0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                  .nan, .infinity, -.infinity, 1.0 / 3, 123456789.123456789, 2.2250738585072014e-308]
            + Array(repeating: 1.5, count: count - 12)
        let timestamps: [Int64?] = [0, nil, SparkTimestampText.range.lowerBound, SparkTimestampText.range.upperBound, -1,
                                    -12_219_292_800 /* 1582-10-15 */, -12_220_156_800 /* 1582-10-05, in the Julian gap */,
                                    951_782_400 /* 2000-02-29 */, 1_709_164_799]
            + Array(repeating: 86_400, count: count - 9)
        let booleans: [Bool?] = [true, nil, false] + Array(repeating: true, count: count - 3)
        let columns = [
            SQLColumn(name: "text", values: .text(Self.awkwardText)),
            SQLColumn(name: "coded", values: .dictionary(codes: Array(0..<Int32(count - 1)) + [-1], strings: Self.awkwardText.map { $0 ?? "x" })),
            SQLColumn(name: "whole", values: .integer(integers)),
            SQLColumn(name: "real", values: .number(numbers)),
            SQLColumn(name: "at", values: .timestamp(timestamps)),
            SQLColumn(name: "flag", values: .boolean(booleans)),
            SQLColumn(name: "odd name, \"quoted\" `ticks`", values: .integer(Array(0..<Int64(count)))),
        ]
        XCTAssertTrue(SparkCSVFile.hasLineBreaks(columns), "read with multiLine")
        try spark.createTable("round_trip", columns: columns)

        let rows = try spark.query("SELECT * FROM round_trip", isCancelled: { false })
        XCTAssertEqual(rows.rowCount, count)
        XCTAssertEqual(rows.columns.map(\.name), columns.map(\.name))
        XCTAssertEqual(rows.columns[0].values, .text(Self.awkwardText))
        XCTAssertEqual(rows.columns[1].values, .text(Array(Self.awkwardText.map { $0 ?? "x" }.dropLast()) + [nil]))
        XCTAssertEqual(rows.columns[2].values, .integer(integers))
        guard case .number(let fetched) = rows.columns[3].values else { return XCTFail("\(rows.columns[3].values.type)") }
        XCTAssertEqual(fetched.map { $0?.bitPattern }, numbers.map { $0?.bitPattern }, "doubles bit for bit")
        XCTAssertEqual(rows.columns[4].values, .timestamp(timestamps))
        XCTAssertEqual(rows.columns[5].values, .boolean(booleans))
        XCTAssertEqual(try spark.columns(ofTable: "round_trip").map(\.type), [.text, .text, .integer, .number, .timestamp, .boolean, .integer])

        // Spark reads the values as its own types, not only as text that happens to round-trip.
        let probe = try spark.query("SELECT count(text) AS texts, sum(length(text)) AS chars, max(whole) AS top, "
                                    + "min(at) = TIMESTAMP'0001-01-01 00:00:00' AS earliest FROM round_trip", isCancelled: { false })
        XCTAssertEqual(probe.columns[0].values, .integer([Int64(count - 1)]))
        XCTAssertEqual(probe.columns[1].values, .integer([Int64(Self.awkwardText.compactMap { $0?.unicodeScalars.count }.reduce(0, +))]))
        XCTAssertEqual(probe.columns[2].values, .integer([.max]))
        XCTAssertEqual(probe.columns[3].values, .boolean([true]))
    }

    func testAwkwardTextWithoutLineBreaksRoundTripsInASplittableFile() throws {
        let spark = try SharedSpark.connection()
        let texts = Self.awkwardText.filter { !($0?.contains(where: \.isNewline) ?? false) }
        let columns = [SQLColumn(name: "text", values: .text(texts))]
        XCTAssertFalse(SparkCSVFile.hasLineBreaks(columns), "read without multiLine")
        try spark.createTable("one_line_texts", columns: columns)
        XCTAssertEqual(try spark.query("SELECT * FROM one_line_texts", isCancelled: { false }).columns, columns)
    }

    func testManyRowsGoOutInBlocksAndComeBackInOneLargeAnswer() throws {
        let spark = try SharedSpark.connection()
        var random = SplitMix64(seed: 12)
        let count = 30_000  // a CSV over one 1 MiB block, an answer of over 1 MB read in many chunks
        let texts: [String?] = (0..<count).map { $0 % 17 == 0 ? nil : "c\($0),\"\(random.next() % 1000)\"" }
        let numbers: [Double?] = (0..<count).map { _ in Double(bitPattern: random.next() >> 2) }
        let times: [Int64?] = (0..<count).map { _ in Int64(random.next() % 4_000_000_000) - 1_000_000_000 }
        let columns = [SQLColumn(name: "t", values: .text(texts)), SQLColumn(name: "x", values: .number(numbers)),
                       SQLColumn(name: "at", values: .timestamp(times)), SQLColumn(name: "row", values: .integer((0..<count).map { Int64($0) }))]
        try spark.createTable("many_rows", columns: columns)
        let rows = try spark.query("SELECT * FROM many_rows ORDER BY row", isCancelled: { false })
        XCTAssertEqual(rows.rowCount, count)
        XCTAssertTrue(rows.columns == columns, "every cell of \(count) rows comes back")
    }

    func testAnEmptyTableHasItsColumnsAndNoRows() throws {
        let spark = try SharedSpark.connection()
        try spark.createTable("empty_one", columns: [SQLColumn(name: "id", values: .text([])), SQLColumn(name: "at", values: .timestamp([]))])
        let rows = try spark.query("SELECT * FROM empty_one", isCancelled: { false })
        XCTAssertEqual(rows, SQLRows(columns: [SQLColumn(name: "id", values: .text([])), SQLColumn(name: "at", values: .timestamp([]))]))
    }

    func testReplacingAViewShowsTheNewRowsAndRemovesTheOldFile() throws {
        let spark = try SharedSpark.connection()
        try spark.createTable("replaced", columns: [SQLColumn(name: "n", values: .integer([1, 2]))])
        let folder = spark.directory.appendingPathComponent("tables").path
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).count
        try spark.createTable("REPLACED", columns: [SQLColumn(name: "n", values: .integer([3]))])
        XCTAssertEqual(try spark.query("SELECT n FROM replaced", isCancelled: { false }).columns[0].values, .integer([3]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).count, before, "the replaced file is removed")
    }

    func testATimestampSparkCannotHoldIsAnErrorAndTheOldViewStays() throws {
        let spark = try SharedSpark.connection()
        try spark.createTable("kept", columns: [SQLColumn(name: "at", values: .timestamp([0]))])
        let tooEarly = SparkTimestampText.range.lowerBound - 1
        XCTAssertThrowsError(try spark.createTable("kept", columns: [SQLColumn(name: "at", values: .timestamp([5, tooEarly]))])) {
            XCTAssertTrue(($0 as? SQLEngineError)?.message.contains("column at, row 2") == true, "\($0)")
        }
        XCTAssertEqual(try spark.query("SELECT at FROM kept", isCancelled: { false }).columns[0].values, .timestamp([0]))
    }
}
