import Foundation
import SiklusEngine
import SiklusLanguage
import SiklusPlan
import XCTest
@testable import SiklusShell

/// The title above a box table (rfm, clv, retention, funnels) is worded as its chart's title is, in the
/// modes meant for reading; English, and the exact modes, keep the engine's title.
final class BoxTitleLanguageTests: XCTestCase {
    func testBoxTitleInIndonesian() {
        let table = ResultTable(columns: [ResultColumn(name: "customers", unit: .count, values: .integer([3]))],
                                title: "retention by week (rolling), active = purchase (unbounded)")
        XCTAssertEqual(ReadingLocale(DisplaySettings(language: .id)).forReading(table).title, "retensi per minggu (bergulir), aktif = purchase (tanpa batas)")
        XCTAssertEqual(ReadingLocale(DisplaySettings()).forReading(table).title, table.title)
        let session = Session()
        session.display.language = .id
        let shell = Shell(session: session, io: ShellIO(out: CapturedOutput(), err: CapturedOutput()), settings: ShellSettings(mode: .box))
        XCTAssertTrue(shell.render(table, options: RenderOptions(color: false)).contains("retensi per minggu (bergulir)"))
    }
}
