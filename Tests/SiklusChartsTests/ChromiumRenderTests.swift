import Foundation
import SiklusTestSupport
import XCTest
@testable import SiklusCharts

/// Opens an exported report in headless Chromium to check that a real browser renders it. scripts/test
/// installs Chromium; without it the test fails with the reason rather than pass unchecked.
final class ChromiumRenderTests: XCTestCase {
    func testReportRendersInHeadlessChromium() throws {
        guard let chromium = Self.findExecutable(["chromium", "chromium-browser", "google-chrome"]) else {
            throw MissingPrerequisite("Chromium is not on PATH (chromium, chromium-browser, google-chrome): install it (apt-get install chromium) to check that a browser renders the report")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        let screenshot = directory.appendingPathComponent("report.png")
        try ReportExporter.contents(Fixtures.retention(percent: true), query: "cohort by month | retention", path: page.path)
            .write(to: page, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                             "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
                             "--screenshot=\(screenshot.path)", "--window-size=1200,900", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            XCTFail("headless Chromium did not finish within 60 s")
            return
        }
        let data = try Data(contentsOf: screenshot)
        XCTAssertGreaterThan(data.count, 1_000, "screenshot is suspiciously small")
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
    }

    /// The first of `names` found as an executable file in a PATH directory.
    static func findExecutable(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
