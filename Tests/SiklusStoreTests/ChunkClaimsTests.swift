import XCTest
@testable import SiklusStore

/// A core that finishes its range early splits off the back half of what is left of another's (`ChunkClaims`,
/// issue 16): splits fall at line starts past what the owner has claimed, and the load is the one-thread load.
final class ChunkClaimsTests: XCTestCase {
    func testSplitsTakeTheBackHalfOfTheLargestRemainderAtALineStart() {
        let text = Array((0..<100).map { "row\($0)\n" }.joined().utf8)
        text.withUnsafeBufferPointer { bytes in
            let claims = ChunkClaims(bytes: bytes.baseAddress!, ranges: [0..<300, 300..<text.count], window: 40, minimumSteal: 100)
            // The first parser has claimed up to 40 bytes; nothing of the second is claimed.
            XCTAssertEqual(claims.claim(0, from: 0).bound, 40)
            guard let first = claims.steal() else { return XCTFail("the second range is the largest remainder") }
            XCTAssertEqual(first.index, 2)
            let middle = 300 + (text.count - 300) / 2
            XCTAssertGreaterThanOrEqual(first.range.lowerBound, middle)
            XCTAssertEqual(text[first.range.lowerBound - 1], UInt8(ascii: "\n"), "a split starts a line")
            XCTAssertEqual(first.range.upperBound, text.count)
            // Now the first range's 260 unclaimed bytes are the largest: split past its claim.
            guard let second = claims.steal() else { return XCTFail("260 bytes are worth a split") }
            XCTAssertEqual(second.index, 3)
            XCTAssertGreaterThanOrEqual(second.range.lowerBound, 40 + 130)
            XCTAssertEqual(second.range.upperBound, 300)
            XCTAssertEqual(claims.claim(0, from: 40).end, second.range.lowerBound, "the owner learns its new end when it claims")
            XCTAssertEqual(claims.ranges.map(\.lowerBound), [0, 300, first.range.lowerBound, second.range.lowerBound])
            // The ranges still tile the file.
            let tiles = claims.ranges.sorted { $0.lowerBound < $1.lowerBound }
            for (a, b) in zip(tiles, tiles.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
            XCTAssertEqual(tiles.last?.upperBound, text.count)
            // A finished range is never split; remainders under the minimum are left alone.
            for index in claims.ranges.indices { claims.finish(index) }
            XCTAssertNil(claims.steal())
        }
    }

    func testAParserStopsAtItsClaimWhenTheRestIsTaken() {
        let text = Array(String(repeating: "abcdefghi\n", count: 50).utf8)
        text.withUnsafeBufferPointer { bytes in
            let claims = ChunkClaims(bytes: bytes.baseAddress!, ranges: [0..<250, 250..<500], window: 100, minimumSteal: 50)
            XCTAssertEqual(claims.claim(0, from: 0).bound, 100)
            claims.finish(1)
            guard let split = claims.steal() else { return XCTFail("150 unclaimed bytes") }
            XCTAssertEqual(split.range, 180..<250)
            // At its claim (100), the owner may go on to the split and no further.
            XCTAssertEqual(claims.claim(0, from: 100).bound, 180)
            XCTAssertEqual(claims.claim(0, from: 180).bound, 180, "done: the bound is where it stands")
        }
    }

    /// Ranges parsed one after another, the last first: its core splits the others' whole ranges again and
    /// again (windows of 64 bytes, splits down to 256), through quoted fields, blank lines and bad rows.
    func testSplitRangesLoadAsOneThreadDoes() throws {
        let text = Self.log(rows: 3000, multiLineNoteEvery: nil)
        let splits = ChunkClaims.splitsMade
        try assertSplitLoadMatchesOneThread(text)
        // Each split halves the first range's rest (~75 KB) down to 256 bytes: about eight.
        XCTAssertGreaterThanOrEqual(ChunkClaims.splitsMade - splits, 6, "the ranges were split")
    }

    /// A quoted field with a line break across a split: the range before it ends inside quotes, and the file
    /// is parsed again on one thread, as with the first split.
    func testASplitInsideAQuotedFieldFallsBackToOneThread() throws {
        try assertSplitLoadMatchesOneThread(Self.log(rows: 600, multiLineNoteEvery: 7))
    }

    private func assertSplitLoadMatchesOneThread(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        var split = LoadPath.parallel.options()
        (split.claimWindow, split.minimumSplit, split.rangesInReverseForTesting) = (64, 256, true)
        let (single, singleReport) = try loadFresh(.events, text, options: LoadPath.single.options())
        let (parallel, parallelReport) = try loadFresh(.events, text, options: split)
        XCTAssertEqual(StoreSnapshot(single), StoreSnapshot(parallel), file: file, line: line)
        XCTAssertEqual(singleReport.render(includeTiming: false), parallelReport.render(includeTiming: false), file: file, line: line)
        XCTAssertFalse(singleReport.skipped.isEmpty, "the bad amounts are skipped, at their lines", file: file, line: line)
    }

    /// A time-ordered log of 400 customers with blank lines, quoted notes and bad amounts.
    private static func log(rows: Int, multiLineNoteEvery: Int?) -> String {
        var text = "customer_id,ts,event,amount,note\n"
        var state: UInt64 = 7
        for i in 0..<rows {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let customer = Int(state >> 40) % 400
            let amount = i % 199 == 50 ? "bad" : i % 3 == 0 ? "" : "\(i % 50).5"
            let note = multiLineNoteEvery.map { i % $0 == 0 } == true ? "\"two\nlines, \"\"quoted\"\"\"" : i % 13 == 0 ? "\"a, b\"" : "n\(i % 7)"
            text += "c\(customer),2022-\(String(format: "%02d", 1 + i * 12 / rows))-01 00:00:\(String(format: "%02d", i % 60)),e\(i % 5),\(amount),\(note)\n"
            if i % 250 == 0 { text += "\n" }
        }
        return text
    }
}
