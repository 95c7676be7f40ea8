@testable import SiklusConnect
import SiklusTestSupport
import XCTest

/// The text parsers on PostgreSQL's output shapes, without a server.
final class PostgresTextValueTests: XCTestCase {
    private func timestamp(_ text: String) -> Result<Int64, PostgresTextValue.TimestampFailure> {
        Array(text.utf8).withUnsafeBufferPointer { PostgresTextValue.timestamp($0) }
    }

    private func integer(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBufferPointer { PostgresTextValue.integer($0) } }

    func testTimestampShapes() {
        XCTAssertEqual(timestamp("1970-01-01"), .success(0))
        XCTAssertEqual(timestamp("2023-01-02 10:00:00"), .success(1_672_653_600))
        XCTAssertEqual(timestamp("2023-01-02 10:00:00+00"), .success(1_672_653_600))
        XCTAssertEqual(timestamp("2023-01-02 10:00:00.123456+05:30"), .success(1_672_653_600 - 19_800))
        XCTAssertEqual(timestamp("2023-01-02 10:00:00-00:00:15"), .success(1_672_653_615))
        XCTAssertEqual(timestamp("1969-12-31 23:59:59.999999"), .success(-1))
        XCTAssertEqual(timestamp("0001-12-31 BC"), .success(-62_135_596_800 - 86_400))
        XCTAssertEqual(timestamp("0001-02-29 00:00:00 BC"), .success(-62_162_121_600))
        XCTAssertEqual(timestamp("0001-02-29 00:00:00+00 BC"), .success(-62_162_121_600))
        XCTAssertEqual(timestamp("294276-12-31 23:59:59"), .success(9_224_318_015_999))
    }

    func testTimestampFailures() {
        XCTAssertEqual(timestamp("infinity"), .failure(.infinite))
        XCTAssertEqual(timestamp("-infinity"), .failure(.infinite))
        XCTAssertEqual(timestamp("2023-02-29"), .failure(.malformed))
        XCTAssertEqual(timestamp("0002-02-29 BC"), .failure(.malformed))
        XCTAssertEqual(timestamp("2023-01-02 25:00:00"), .failure(.malformed))
        XCTAssertEqual(timestamp("2023-01-02 10:00"), .failure(.malformed))
        XCTAssertEqual(timestamp("2023-01-02 10:00:00 AD"), .failure(.malformed))
        XCTAssertEqual(timestamp(""), .failure(.malformed))
    }

    func testIntegerBounds() {
        XCTAssertEqual(integer("-9223372036854775808"), .min)
        XCTAssertEqual(integer("9223372036854775807"), .max)
        XCTAssertNil(integer("9223372036854775808"))
        XCTAssertNil(integer("-"))
        XCTAssertNil(integer(""))
        XCTAssertNil(integer("12a"))
    }

    func testTimestampEncodingIsTheParsersInverse() {
        var random = SplitMix64(seed: 12)
        let samples = (0..<2000).map { _ in Int64(random.int(-210_866_803_200...9_224_318_015_999)) }
        for value in [Int64(0), -1, 1, -62_135_596_801, -210_866_803_200, 9_224_318_015_999] + samples {
            var bytes: [UInt8] = []
            PostgresCopyEncoder.appendTimestamp(value, to: &bytes)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { PostgresTextValue.timestamp($0) }, .success(value), String(decoding: bytes, as: UTF8.self))
        }
    }
}
