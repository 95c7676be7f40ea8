#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusStore

/// Paths that are not ordinary CSV files: FIFOs, directories, devices, `/proc` files, files that change
/// while they load. Each is a clear error or a load, never a hang or a signal.
final class FileKindTests: XCTestCase {
    func testFIFOIsAnErrorNotAHang() throws {
        let files = TestFiles()
        let fifo = files.directory.appendingPathComponent("fifo.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        var store = Store()
        // Without O_NONBLOCK this open would block forever: no writer ever comes.
        let error = loadError { try store.load(.events, path: fifo) }
        XCTAssertEqual(error?.message, "is a FIFO (named pipe); load reads regular files")
        XCTAssertEqual(error?.hint, "copy it first: cat fifo.csv > file.csv, then load file.csv")
        XCTAssertEqual(store.loads.count, 0)
    }

    func testDeviceAndDirectoryNameWhatTheyAre() {
        var store = Store()
        XCTAssertEqual(loadError { try store.load(.events, path: "/dev/zero") }?.message, "is a device; load reads regular files")
        XCTAssertEqual(loadError { try store.load(.events, path: "/dev/null") }?.message, "is a device; load reads regular files")
        let files = TestFiles()
        XCTAssertEqual(loadError { try store.load(.events, path: files.directory.path) }?.message, "is a directory, not a file")
    }

    /// `/proc` files report size 0 but have bytes when read: they are read, not called empty.
    func testProcFileIsReadNotEmpty() throws {
        #if os(Linux)
        var store = Store()
        let error = loadError { try store.load(.customers, path: "/proc/self/status") }
        XCTAssertNotEqual(error?.message, "the file is empty")
        XCTAssertEqual(error?.hint?.contains("Name"), true, "the header read from the file: \(error?.hint ?? "")")
        #endif
    }

    /// `/sys` files cannot be mapped (ENODEV): they are read instead.
    func testUnmappableFileIsRead() throws {
        let path = "/sys/kernel/mm/transparent_hugepage/enabled"
        guard FileManager.default.isReadableFile(atPath: path) else { throw XCTSkip("no \(path) here") }
        var store = Store()
        let error = loadError { try store.load(.customers, path: path) }
        XCTAssertEqual(error?.message.hasPrefix("cannot map file"), false, error?.message ?? "")
        XCTAssertEqual(error?.hint?.contains("always"), true, "the header read from the file: \(error?.hint ?? "")")
    }

    /// A file truncated after it was mapped: the parser's reads past the new end would raise SIGBUS; the
    /// load reports the change instead, and the process (this test) lives on.
    func testTruncatedWhileLoadingIsAnError() throws {
        let files = TestFiles()
        var text = "customer_id,ts,event\n"
        for i in 0..<60_000 { text += "u\(i % 997),2022-09-\(10 + i % 9) 10:00:00,visit\n" }
        let path = files.write("events.csv", text)
        for options in [LoadPath.single.options(), LoadPath.parallel.options()] {
            CSVLoader.beforeParsing = { path in XCTAssertEqual(truncate(path, 4096), 0) }
            defer { CSVLoader.beforeParsing = nil }
            var store = Store()
            let error = loadError { try store.load(.events, path: path, options: options) }
            XCTAssertEqual(error?.message, "the file changed while loading (it was truncated)")
            XCTAssertEqual(store.loads.count, 0)
            files.write("events.csv", text)
        }
    }

    /// A file rewritten in place (same size, new time) while loading is refused too.
    func testModifiedWhileLoadingIsAnError() throws {
        let files = TestFiles()
        let path = files.write("events.csv", "customer_id,ts,event\nu1,2022-09-14,visit\n")
        CSVLoader.beforeParsing = { path in
            var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
            XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        }
        defer { CSVLoader.beforeParsing = nil }
        var store = Store()
        XCTAssertEqual(loadError { try store.load(.events, path: path) }?.message, "the file changed while loading")
    }
}
