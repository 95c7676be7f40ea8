import Foundation
import SiklusEngine
import SiklusLanguage
import SiklusPlan
import XCTest
@testable import SiklusShell

/// The title above a box table (rfm, clv, retention, funnels) is worded in the session's language, as its
/// chart's title is; English keeps the engine's title.
final class BoxTitleLanguageTests: XCTestCase {
    func testBoxTitleInIndonesian() {
        var kind = LogicalQuery.Retention.Kind()
        kind.rolling = true
        let table = ResultTable(columns: [ResultColumn(name: "customers", unit: .count, values: .integer([3]))],
                                title: .retention(period: .week, activity: .purchase, unbounded: true, kind: kind))
        XCTAssertEqual(ReadingLocale(DisplaySettings(language: .id)).forReading(table).title, table.title, "the title stays a value")
        let session = Session()
        let shell = Shell(session: session, io: ShellIO(out: CapturedOutput(), err: CapturedOutput()), settings: ShellSettings(mode: .box))
        XCTAssertTrue(shell.render(table, options: RenderOptions(color: false)).hasPrefix("retention by week (rolling), active = purchase (unbounded)\n"))
        session.display.language = .id
        XCTAssertTrue(shell.render(table, options: RenderOptions(color: false)).hasPrefix("retensi per minggu (bergulir), aktif = purchase (tanpa batas)\n"))
    }
}
