import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Gzip-compressed files load as their decompressed text does, streamed in blocks (`GzipBlocks`) that the
/// tests make tiny so that a small fixture spans dozens of them.
final class GzipLoadTests: XCTestCase {
    /// `bytes` compressed by the system's gzip (Foundation has no gzip writer).
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let files = TestFiles()
        let path = files.write("plain", bytes: bytes)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-c", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "gzip failed")
        return Array(data)
    }

    /// An events file shaped like a shop export: quoted notes with commas, doubled quotes and line breaks
    /// (some longer than a test block), a CRLF line, a blank line, and a last line without a line break.
    private func fixture(rows: Int = 400) -> String {
        var text = "customer_id,ts,event,amount,note\n"
        for i in 0..<rows {
            let note: String
            switch i % 7 {
            case 0: note = "\"said \"\"hi\"\", then left\""
            case 3: note = "\"line one\nu999,2022-01-01 00:00:00,\(String(repeating: "x", count: i % 5 == 0 ? 300 : 10))\nend\""
            case 5: note = "plain\r"
            default: note = "n\(i)"
            }
            text += "u\(String(format: "%04d", i % 37)),2022-0\(1 + i % 9)-1\(i % 10) 10:00:0\(i % 10),\(i % 4 == 0 ? "purchase" : "visit"),\(i % 4 == 0 ? "12.5" : ""),\(note)\n"
            if i == 200 { text += "\n" }
        }
        return text + "u0001,2022-12-31 23:59:59,visit,,last"
    }

    func options(blockBytes: Int) -> LoadOptions {
        var options = LoadOptions()
        options.gzipBlockBytes = blockBytes
        return options
    }

    func testGzipLoadsTheSameTablesAsThePlainFile() throws {
        let text = fixture()
        let files = TestFiles()
        let plainPath = files.write("events.csv", text)
        // Named .csv on purpose: gzip is recognised by its magic bytes, not its name.
        let gzPath = files.write("events-compressed.csv", bytes: try gzip(Array(text.utf8)))
        var plain = Store()
        let plainReport = try plain.load(.events, path: plainPath)
        for (blockBytes, single) in [(64, false), (200, false), (200, true), (1000, false), (8 << 20, false)] {
            var store = Store()
            var options = options(blockBytes: blockBytes)
            options.singleThreaded = single
            let report = try store.load(.events, path: gzPath, options: options)
            XCTAssertEqual(StoreSnapshot(store), StoreSnapshot(plain), "block \(blockBytes)")
            XCTAssertEqual(report.rowsLoaded, plainReport.rowsLoaded, "block \(blockBytes)")
            XCTAssertEqual(report.columns, plainReport.columns, "block \(blockBytes)")
        }
        XCTAssertEqual(plainReport.rowsLoaded, 401)
        XCTAssertNil(plain.customerIDs.code(of: "u999"), "a line inside quotes became a record")
    }

    func testBlocksEndAtRecordBoundariesAndRejoinToTheText() throws {
        let text = fixture()
        let files = TestFiles()
        let file = try MappedFile(path: files.write("e.gz", bytes: try gzip(Array(text.utf8))))
        let blocks = try GzipBlocks(compressed: file, blockBytes: 100, delimiter: UInt8(ascii: ","))
        var joined: [UInt8] = [], count = 0
        while let block = try blocks.next() {
            let bytes = Array(block.bytes)
            joined += bytes
            count += 1
            // Each block but the last ends a record: an even number of quotes so far, and a line break.
            if joined.count < text.utf8.count {
                XCTAssertEqual(bytes.last, UInt8(ascii: "\n"), "block \(count)")
                XCTAssertEqual(joined.filter { $0 == UInt8(ascii: "\"") }.count % 2, 0, "block \(count) ends inside quotes")
            }
        }
        XCTAssertEqual(joined, Array(text.utf8))
        XCTAssertGreaterThan(count, 50, "the fixture should span many blocks")
    }

    func testBlocksAreStreamedNotHeldWhole() throws {
        // 3,000 rows in 128-byte blocks: some 1,000 blocks pass through, but only the waiting ones (the
        // queue holds `width`), one per parser and the one being filled may be alive at once.
        let text = "customer_id,ts,event,amount\n" + fillerRows(3000)
        let files = TestFiles()
        let path = files.write("big.csv.gz", bytes: try gzip(Array(text.utf8)))
        let blocks = try GzipBlocks(compressed: MappedFile(path: path), blockBytes: 128)
        var count = 0
        while try blocks.next() != nil { count += 1 }
        XCTAssertGreaterThan(count, 500)
        // Blocks handed back (here: dropped at once) lend their memory to the next: a fresh mapping per block
        // is a page fault and a zeroed page per 4 KiB on the decompressing thread.
        XCTAssertLessThanOrEqual(blocks.mappingsMade, 2, "\(count) blocks made \(blocks.mappingsMade) mappings")

        LiveBlocks.shared.resetPeak()
        var store = Store()
        let report = try store.load(.events, path: path, options: options(blockBytes: 128))
        XCTAssertEqual(report.rowsLoaded, 3000)
        // Other tests may stream at the same time only if run in parallel (they are not: XCTest runs serially).
        XCTAssertGreaterThan(LiveBlocks.shared.peak, 0, "the hook counts nothing")
        XCTAssertLessThanOrEqual(LiveBlocks.shared.peak, 2 * Parallel.width + 2, "decompressed blocks piled up")
    }

    func testARecordLongerThanABlockKeepsItsQuoteState() throws {
        // A record longer than a block: a quoted field, a long unquoted one, then a quoted field holding a line
        // break. The block grows while the record has no end; whatever the padding (where the growth steps
        // fall), the quote after the long field opens a field, so the line break inside it is not a split.
        let files = TestFiles()
        // (With 64-byte blocks the record's block reads 97 bytes, then 97 more, then 194: a padding near 174 puts
        // the comma before the memo last in the second read, and the memo's inner line break alone in the third.)
        for pad in 160..<190 {
            let text = "customer_id,ts,event,note,memo\n" + "u1,2022-01-01,\"q\",\(String(repeating: "n", count: pad)),\"a\nu2,2022-01-02,visit,b,c\(String(repeating: "m", count: 300))\"\n"
                + "u3,2022-01-03,visit,x,y\n"
            let blocks = try GzipBlocks(compressed: MappedFile(path: files.write("long\(pad).gz", bytes: try gzip(Array(text.utf8)))), blockBytes: 64,
                                        delimiter: UInt8(ascii: ","))
            var starts: [String] = []
            while let block = try blocks.next() { starts.append(String(decoding: Array(block.bytes).prefix(2), as: UTF8.self)) }
            XCTAssertFalse(starts.contains("u2"), "pad \(pad): a block started inside the quoted memo: \(starts)")
        }
    }

    func testConcatenatedMembersLoadWhole() throws {
        let text = fixture(rows: 300)
        let bytes = Array(text.utf8)
        let cut = bytes[..<3000].lastIndex(of: UInt8(ascii: "\n"))! + 1
        // `cat a.gz b.gz`, with zero padding after the last member as some tape tools write.
        let members = try gzip(Array(bytes[..<cut])) + gzip(Array(bytes[cut...])) + [0, 0, 0, 0]
        let files = TestFiles()
        var plain = Store(), multi = Store()
        _ = try plain.load(.events, path: files.write("e.csv", text))
        let report = try multi.load(.events, path: files.write("e.csv.gz", bytes: members), options: options(blockBytes: 256))
        XCTAssertEqual(report.rowsLoaded, 301)
        XCTAssertEqual(StoreSnapshot(multi), StoreSnapshot(plain))
    }

    func testCorruptTruncatedAndTrailingGarbageAreErrorsThatChangeNothing() throws {
        let compressed = try gzip(Array(fixture().utf8))
        let files = TestFiles()
        var store = Store()
        _ = try store.load(.events, path: files.write("first.csv", "customer_id,ts,event\nu1,2022-01-01,visit\n"))
        let before = StoreSnapshot(store)

        let truncated = Array(compressed.dropLast(40))
        var error = loadError { _ = try store.load(.events, path: files.write("cut.csv.gz", bytes: truncated), options: self.options(blockBytes: 128)) }
        XCTAssertTrue(error?.message.contains("truncated") == true, "\(String(describing: error))")

        var corrupt = compressed
        for i in 200..<260 { corrupt[i] ^= 0x5A }
        error = loadError { _ = try store.load(.events, path: files.write("bad.csv.gz", bytes: corrupt), options: self.options(blockBytes: 128)) }
        XCTAssertTrue(error?.message.contains("corrupt gzip data") == true, "\(String(describing: error))")
        XCTAssertTrue(error?.description.contains("bad.csv.gz") == true)

        error = loadError { _ = try store.load(.events, path: files.write("junk.csv.gz", bytes: compressed + Array("trailing".utf8))) }
        XCTAssertTrue(error?.message.contains("bytes after its compressed data") == true, "\(String(describing: error))")
        XCTAssertEqual(StoreSnapshot(store), before, "a failed load changed the store")
    }

    func testErrorsInLateBlocksNameTheFileLine() throws {
        var text = "customer_id,ts,event,amount\n" + fillerRows(300)
        text += "u1,2022-01-01 00:00:00,visit,\"never closed\n" + fillerRows(5)
        let files = TestFiles()
        let path = files.write("late.csv.gz", bytes: try gzip(Array(text.utf8)))
        let error = loadError { var store = Store(); _ = try store.load(.events, path: path, options: self.options(blockBytes: 512)) }
        XCTAssertEqual(error?.line, 302)
        XCTAssertTrue(error?.message.contains("unterminated quoted field") == true, "\(String(describing: error))")

        // A bad value deep in the file is reported at its line too.
        let bad = "customer_id,ts,event,amount\n" + fillerRows(300) + "u1,2022-01-01 00:00:00,visit,abc\n" + fillerRows(300)
        var store = Store()
        let report = try store.load(.events, path: files.write("bad.csv.gz", bytes: try gzip(Array(bad.utf8))), options: options(blockBytes: 512))
        XCTAssertEqual(report.rowsLoaded, 600)
        XCTAssertEqual(report.skipped.first?.firstLines, [302])
    }

    func testAColumnMisjudgedFromTheHeadIsReadAgainAsText() throws {
        // The sniffer sees only the first block: `code` looks like integers there, then holds words. The
        // file is decompressed a second time with the column as text, and every row loads.
        var text = "customer_id,ts,event,code\n"
        for i in 0..<200 { text += "u\(i % 9),2022-01-0\(1 + i % 9) 00:00:00,visit,\(i < 150 ? String(i) : "c\(i)")\n" }
        let files = TestFiles()
        var store = Store()
        let report = try store.load(.events, path: files.write("codes.csv.gz", bytes: try gzip(Array(text.utf8))), options: options(blockBytes: 256))
        XCTAssertEqual(report.rowsLoaded, 200)
        XCTAssertEqual(report.passes, 2)
        XCTAssertEqual(report.columns.last?.type, .string)
        XCTAssertTrue(report.notes.contains { $0.description.contains("column code is text: line 152") }, "\(report.notes)")
    }

    func testEveryDataFileNameLoads() throws {
        // Completion after `load` and `siklus FILE` offer these names as data (`DataFileNames`): each loads.
        let rows = "u1,2022-01-01,visit\nu2,2022-01-02,purchase\n"
        let files = TestFiles()
        for ext in DataFileNames.textExtensions + DataFileNames.compressedExtensions {
            let text = "customer_id,ts,event\n" + rows
            let path: String
            switch ext {
            case "tsv": path = files.write("events.\(ext)", text.replacingOccurrences(of: ",", with: "\t"))
            case "gz": path = files.write("events.csv.\(ext)", bytes: try gzip(Array(text.utf8)))
            default: path = files.write("events.\(ext)", text)
            }
            XCTAssertTrue(DataFileNames.isDataName(path), ext)
            var store = Store()
            XCTAssertEqual(try store.load(.events, path: path).rowsLoaded, 2, ext)
        }
    }

    func testBlocksSharingDictionariesGiveThePlainFilesCodes() throws {
        // A thread's blocks after the first intern into one pair of dictionaries (`ChunkResult.dictionaryOwner`).
        // Codes must still follow the file's first appearances, a dropped row must leave no id or text behind
        // (here ids and channels seen only on bad rows, in late blocks), and a second load must find the ids
        // and texts already stored.
        func rows(_ range: Range<Int>, salt: Int) -> String {
            range.map { i in
                let customer = "c\((i * 7 + salt) % 53)"
                // Every 150th row (under the 1 % of bad rows a load skips) has an amount that is not a number, and an
                // id and a channel of its own.
                if i % 150 == 11 { return "ghost\(i),2022-02-01 00:00:00,visit,abc,only-on-bad-rows-\(i)\n" }
                return "\(customer),2022-0\(1 + i % 9)-1\(i % 10) 00:00:00,\(i % 5 == 0 ? "purchase" : "visit"),\(i % 5 == 0 ? "9.5" : ""),ch\(i % 13)\n"
            }.joined()
        }
        let header = "customer_id,ts,event,amount,channel\n"
        let first = header + rows(0..<600, salt: 0), second = header + rows(0..<520, salt: 3) + "new-at-the-end,2022-03-03 00:00:00,visit,,ch99\n"
        let files = TestFiles()
        let plainPaths = [files.write("first.csv", first), files.write("second.csv", second)]
        let gzPaths = [files.write("first.csv.gz", bytes: try gzip(Array(first.utf8))), files.write("second.csv.gz", bytes: try gzip(Array(second.utf8)))]
        var plain = Store()
        for path in plainPaths { _ = try plain.load(.events, path: path) }
        XCTAssertNil(plain.customerIDs.code(of: "ghost11"), "an id seen only on a dropped row was kept")
        XCTAssertNil(plain.strings.code(of: "only-on-bad-rows-11"), "a text seen only on a dropped row was kept")
        for (blockBytes, single) in [(90, false), (90, true), (400, false), (2000, false)] {
            var options = options(blockBytes: blockBytes)
            options.singleThreaded = single
            // Gzip after plain (the second load looks the stored ids up), and gzip twice.
            var mixed = Store(), gzipped = Store()
            _ = try mixed.load(.events, path: plainPaths[0])
            let report = try mixed.load(.events, path: gzPaths[1], options: options)
            for path in gzPaths { _ = try gzipped.load(.events, path: path, options: options) }
            XCTAssertEqual(StoreSnapshot(mixed), StoreSnapshot(plain), "plain then gzip, block \(blockBytes), single \(single)")
            XCTAssertEqual(StoreSnapshot(gzipped), StoreSnapshot(plain), "gzip twice, block \(blockBytes), single \(single)")
            XCTAssertEqual(report.skipped.first?.count, 4, "block \(blockBytes)")
        }
    }

    func testEmptyGzipIsAnEmptyFileError() throws {
        let files = TestFiles()
        let error = loadError { var store = Store(); _ = try store.load(.events, path: files.write("empty.csv.gz", bytes: try self.gzip([]))) }
        XCTAssertTrue(error?.message.contains("empty") == true, "\(String(describing: error))")
    }
}
