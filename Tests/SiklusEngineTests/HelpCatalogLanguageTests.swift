import SiklusLanguage
import XCTest
@testable import SiklusEngine

/// Help in both languages: the English catalog's copy of each statement's summary is the help's own,
/// every statement has an Indonesian summary, and stage and metric help follow the language.
final class HelpCatalogLanguageTests: XCTestCase {
    func testEveryStatementHasBothSummariesAndTheEnglishIsTheHelpsOwn() {
        for (name, entry) in HelpCatalog.statements {
            let key = "help.statement." + name
            XCTAssertEqual(MessageCatalog.text(key, HelpCatalog.statementArguments, in: .en), entry.summary, name)
            XCTAssertNotNil(MessageCatalog.templates(.id)[key], name)
        }
        let keys = MessageCatalog.templates(.en).keys.filter { $0.hasPrefix("help.statement.") }
        XCTAssertEqual(Set(keys.map { String($0.dropFirst("help.statement.".count)) }), Set(HelpCatalog.statements.keys))
    }

    func testHelpFollowsTheLanguage() throws {
        let indonesian = Language.$current.withValue(.id) { () -> [String?] in
            ["cohort", "rows", "stage consideration", "metric tingkat_konversi", nil].map { HelpCatalog.text($0, stageMap: StageMap()) }
        }
        XCTAssertTrue(try XCTUnwrap(indonesian[0]).hasPrefix("cohort: mulai dari pelanggan"), "\(indonesian)")
        XCTAssertTrue(try XCTUnwrap(indonesian[0]).contains("\n  sintaks: cohort "), "\(indonesian)")
        XCTAssertTrue(try XCTUnwrap(indonesian[1]).contains("(bawaan \(RowsPlan.defaultLimit))"), "\(indonesian)")
        let stage = try XCTUnwrap(indonesian[2])
        XCTAssertTrue(stage.hasPrefix("pertimbangan (disebut juga consideration, pemilihan)"), stage)
        XCTAssertTrue(stage.contains("  pelanggan:     membandingkan pilihan"), stage)
        XCTAssertTrue(stage.contains("  bisnis:        membangun kepercayaan"), stage)
        XCTAssertTrue(try XCTUnwrap(indonesian[3]).hasPrefix("conversion_rate: bagian pelanggan yang membeli"), "\(indonesian)")
        XCTAssertTrue(try XCTUnwrap(indonesian[4]).contains("siklus      kesadaran → pendidikan"), "\(indonesian)")
        let english = try XCTUnwrap(HelpCatalog.text("stage consideration", stageMap: StageMap()))
        XCTAssertTrue(english.hasPrefix("consideration (also called pemilihan, pertimbangan)"), english)
        XCTAssertTrue(english.contains("  the customer:  compares the options"), english)
    }
}
