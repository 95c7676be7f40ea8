import SiklusLanguage
import XCTest
@testable import SiklusShell

/// `.help` in both languages: every meta-command's help has a catalog entry in both, the English one
/// being the command's own help, and `.help` follows `set language`.
final class MetaCommandLanguageTests: XCTestCase {
    func testEveryMetaCommandHasItsHelpInBothCatalogs() {
        for command in MetaCommands.all {
            XCTAssertEqual(MessageCatalog.templates(.en)["meta." + command.name], command.help, command.name)
            XCTAssertNotNil(MessageCatalog.templates(.id)["meta." + command.name], command.name)
        }
        let keys = MessageCatalog.templates(.en).keys.filter { $0.hasPrefix("meta.") && $0 != "meta.footer" }
        XCTAssertEqual(Set(keys.map { String($0.dropFirst("meta.".count)) }), Set(MetaCommands.all.map(\.name)))
    }

    func testHelpFollowsTheLanguage() {
        let h = ShellHarness()
        h.shell.session.display.language = .id
        XCTAssertEqual(h.run(".help\n.help present"), 0)
        XCTAssertTrue(h.out.text.contains("Keluar dari shell"), h.out.text)
        XCTAssertTrue(h.out.text.contains("Ketik `help` untuk bahasa kueri"), h.out.text)
        XCTAssertTrue(h.out.text.hasSuffix(".present [on|off]\n  Mode presentasi untuk proyektor: garis grafik tebal, batang lebih tinggi, warna untuk layar terang dan gelap, tata letak 80 kolom\n"), h.out.text)
        let english = ShellHarness()
        XCTAssertEqual(english.run(".help quit"), 0)
        XCTAssertEqual(english.out.text, ".quit\n  Leave the shell\n")
    }
}
