import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// The integrity checks a gzip file carries (RFC 1952): each member's CRC-32 and length in its trailer,
/// and the optional header fields, read by zlib as by `gunzip`.
extension GzipLoadTests {
    private var rows: String { "customer_id,ts,event,amount\n" + fillerRows(400) }

    func testADamagedTrailerFailsTheLoad() throws {
        let compressed = try gzip(Array(rows.utf8))
        let files = TestFiles()
        var store = Store()
        // The data inflates cleanly; only the checks at the end can tell: the CRC-32, then the length.
        for (name, offset) in [("crc", 8), ("length", 2)] {
            var damaged = compressed
            damaged[damaged.count - offset] ^= 0x01
            let error = loadError { _ = try store.load(.events, path: files.write("\(name).csv.gz", bytes: damaged), options: self.options(blockBytes: 256)) }
            XCTAssertTrue(error?.message.contains("corrupt gzip data") == true, "\(name): \(String(describing: error))")
        }
        // Cut inside the trailer: every byte of text came out, and the file is still truncated.
        for cut in [1, 4, 8] {
            let error = loadError { _ = try store.load(.events, path: files.write("cut\(cut).csv.gz", bytes: Array(compressed.dropLast(cut)))) }
            XCTAssertTrue(error?.message.contains("truncated") == true, "cut \(cut): \(String(describing: error))")
        }
        // A header alone, and not even that.
        for cut in [10, 3] {
            let error = loadError { _ = try store.load(.events, path: files.write("head\(cut).csv.gz", bytes: Array(compressed.prefix(cut)))) }
            XCTAssertNotNil(error, "\(cut) bytes of header loaded")
        }
        XCTAssertEqual(store.events.count, 0)
    }

    func testOptionalHeaderFieldsAreSkipped() throws {
        // gzip's own header without -n carries the file name; FEXTRA, FCOMMENT and FHCRC are set by other tools.
        let plainGzip = try gzip(Array(rows.utf8))
        var header: [UInt8] = [0x1f, 0x8b, 8, 0x04 | 0x08 | 0x10 | 0x02, 0, 0, 0, 0, 0, 3]
        header += [4, 0, 0x41, 0x42, 2, 0]  // FEXTRA: 4 bytes, one empty subfield "AB"
        header += Array("events.csv".utf8) + [0]  // FNAME
        header += Array("exported".utf8) + [0]  // FCOMMENT
        let crc = header.withUnsafeBytes { crc32Checksum($0) }
        header += [UInt8(crc & 0xFF), UInt8((crc >> 8) & 0xFF)]  // FHCRC: the low 16 bits of the header's CRC-32
        let withFields = header + plainGzip.dropFirst(10)
        let files = TestFiles()
        var store = Store(), plain = Store()
        _ = try plain.load(.events, path: files.write("e.csv", rows))
        _ = try store.load(.events, path: files.write("fields.csv.gz", bytes: withFields), options: options(blockBytes: 256))
        XCTAssertEqual(StoreSnapshot(store), StoreSnapshot(plain))
    }

    /// CRC-32 (IEEE, reflected), as gzip computes it.
    private func crc32Checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
