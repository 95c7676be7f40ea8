import SiklusLanguage
import SiklusPlan
import XCTest
@testable import SiklusEngine

/// `help stage lapsed` teaches the status in both languages, and the places that match events by stage
/// refuse it with the reason (it has no events), in both languages.
final class LapsedHelpTests: XCTestCase {
    func testHelpStageLapsedInBothLanguages() throws {
        let english = try XCTUnwrap(HelpCatalog.text("stage lapsed", stageMap: StageMap()))
        XCTAssertTrue(english.hasPrefix("lapsed (also called menghilang)"), english)
        XCTAssertTrue(english.contains("  the customer:  showed interest"), english)
        XCTAssertTrue(english.contains("  events:        no events: never bought"), english)
        let indonesian = try XCTUnwrap(Language.$current.withValue(.id) { HelpCatalog.text("menghilang", stageMap: StageMap()) })
        XCTAssertTrue(indonesian.hasPrefix("menghilang (disebut juga lapsed)"), indonesian)
        XCTAssertTrue(indonesian.contains("  pelanggan:     sempat tertarik"), indonesian)
        XCTAssertTrue(indonesian.contains("  peristiwa:     tanpa peristiwa: belum pernah membeli"), indonesian)
        XCTAssertEqual(Stage(named: "MENGHILANG"), .lapsed)
        XCTAssertEqual(Stage.lapsed.displayName(in: .id), "menghilang")
    }

    func testStageEditRefusesLapsedInBothLanguages() {
        var map = StageMap()
        guard case .stageEdit(let edit)? = Parser.parse("stage lapsed += visit", name: "t").statements.first?.kind else {
            return XCTFail("`stage lapsed += visit` does not parse as a stage edit")
        }
        for (language, start) in [(Language.en, "lapsed is a status, not a set of events"), (.id, "menghilang adalah status, bukan kumpulan peristiwa")] {
            Language.$current.withValue(language) {
                do throws(Diagnostic) {
                    try map.edit(edit)
                    XCTFail("stage lapsed += visit was accepted")
                } catch {
                    XCTAssertTrue(error.message.hasPrefix(start), error.message)
                }
            }
        }
        XCTAssertEqual(map, StageMap(), "a refused edit leaves the map as it was")
    }
}
