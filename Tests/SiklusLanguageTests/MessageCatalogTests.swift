import Foundation
import XCTest
@testable import SiklusLanguage
@testable import SiklusMessages

/// The two catalogs stay complete and consistent: every key in both languages with the same
/// placeholders, and every key the sources ask for exists.
final class MessageCatalogTests: XCTestCase {
    func testEveryKeyExistsInBothLanguages() {
        let english = Set(MessageCatalog.templates(.en).keys), indonesian = Set(MessageCatalog.templates(.id).keys)
        XCTAssertEqual(english.subtracting(indonesian).sorted(), [], "keys missing from the Indonesian catalog")
        XCTAssertEqual(indonesian.subtracting(english).sorted(), [], "keys missing from the English catalog")
        XCTAssertGreaterThan(english.count, 150)
    }

    /// The parser's catalog files add keys; none overrides one of the main catalog's.
    func testTheParserCatalogsAddNewKeysOnly() {
        XCTAssertEqual(Set(MessageCatalog.english.keys).intersection(MessageCatalog.parserEnglish.keys).sorted(), [])
        XCTAssertEqual(Set(MessageCatalog.indonesian.keys).intersection(MessageCatalog.parserIndonesian.keys).sorted(), [])
        XCTAssertGreaterThan(MessageCatalog.parserEnglish.count, 250)
    }

    func testPlaceholdersMatchInEveryMessage() {
        for (key, template) in MessageCatalog.templates(.en) {
            let translated = MessageCatalog.templates(.id)[key] ?? ""
            XCTAssertEqual(MessageCatalog.placeholders(in: template), MessageCatalog.placeholders(in: translated), key)
        }
    }

    func testNoMessageIsEmptyOrUntranslatedProse() {
        for (key, template) in MessageCatalog.templates(.id) {
            XCTAssertFalse(template.isEmpty, key)
        }
        // Long messages are prose: an Indonesian one equal to the English one was forgotten.
        let copied = MessageCatalog.templates(.en).filter { $0.value.count > 25 && MessageCatalog.templates(.id)[$0.key] == $0.value }.map(\.key)
        XCTAssertEqual(copied, [], "untranslated messages")
    }

    /// Every literal key in `MessageCatalog.text("…"` anywhere under Sources is in the English catalog.
    func testEveryKeyUsedInTheSourcesExists() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var used = Set<String>()
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            // The parser's `phrase("key"` names `parse.key`.
            for (call, prefix) in [("MessageCatalog.text(\"", ""), ("phrase(\"", "parse.")] {
                var rest = Substring(text)
                while let range = rest.range(of: call) {
                    let after = rest[range.upperBound...]
                    guard let close = after.firstIndex(of: "\"") else { break }
                    used.insert(prefix + after[..<close])
                    rest = after[close...]
                }
            }
        }
        XCTAssertGreaterThan(used.count, 40)
        // A key ending in "." is completed at run time (`"stage." + name`); those are checked below.
        let missing = used.filter { !$0.hasSuffix(".") && MessageCatalog.templates(.en)[$0] == nil }
        XCTAssertEqual(missing.sorted(), [])
    }

    func testFillingPlaceholders() {
        XCTAssertEqual(MessageCatalog.text("diag.unknown", ["what": "metric", "word": "x"], in: .en), "unknown metric `x`")
        XCTAssertEqual(MessageCatalog.text("diag.unknown", ["what": "metrik", "word": "x"], in: .id), "metrik `x` tidak dikenal")
        XCTAssertEqual(MessageCatalog.fill("a {b} {c} {") { $0 == "b" ? "{c}" : nil }, "a {c} {c} {", "arguments are not filled again; unknown names stay")
        XCTAssertEqual(MessageCatalog.text("no.such.key"), "no.such.key")
        XCTAssertEqual(MessageCatalog.noun("help topic", in: .id), "topik bantuan")
        XCTAssertEqual(MessageCatalog.noun("thing", in: .id), "thing")
    }

    func testLanguageNames() {
        XCTAssertEqual(Language(named: "id"), .id)
        XCTAssertEqual(Language(named: "ID_id.UTF-8"), .id)
        XCTAssertEqual(Language(named: "indonesian"), .id)
        XCTAssertEqual(Language(named: "en_GB.UTF-8"), .en)
        XCTAssertEqual(Language(named: "C.UTF-8"), .en)
        XCTAssertNil(Language(named: "fr"))
        XCTAssertNil(Language(named: "idx"))
    }

    func testLanguageFromTheEnvironment() {
        XCTAssertEqual(Language.fromEnvironment([:]), .en)
        XCTAssertEqual(Language.fromEnvironment(["SIKLUS_LANG": "id", "LANG": "en_US.UTF-8"]), .id)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "id_ID.UTF-8"]), .id)
        XCTAssertEqual(Language.fromEnvironment(["LC_MESSAGES": "id_ID", "LANG": "en_US"]), .id)
        // LC_ALL overrides LC_MESSAGES and LANG, as setlocale does; an empty one does not count.
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "id_ID"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "", "LANG": "id_ID"]), .id)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]), .en)
    }

    /// Diagnostics built while Indonesian is bound are Indonesian, labels included.
    func testDiagnosticsFollowTheBoundLanguage() {
        let source = SourceFile(name: "q.sik", text: "cohort | metric avg_ordr")
        let english = Diagnostic.unknown("metric", "avg_ordr", at: SourceSpan(start: 16, end: 24), among: ["avg_order"])
        XCTAssertEqual(english.render(in: source), """
        q.sik:1:17: error: unknown metric `avg_ordr`
          cohort | metric avg_ordr
                          ^~~~~~~~
          help: did you mean `avg_order`?
        """)
        let indonesian = Language.$current.withValue(.id) {
            Diagnostic.unknown("metric", "avg_ordr", at: SourceSpan(start: 16, end: 24), among: ["avg_order"]).render(in: source)
        }
        XCTAssertEqual(indonesian, """
        q.sik:1:17: kesalahan: metrik `avg_ordr` tidak dikenal
          cohort | metric avg_ordr
                          ^~~~~~~~
          saran: maksud Anda `avg_order`?
        """)
        let parsed = Language.$current.withValue(.id) { Parser.parse(SourceFile(name: "q", text: "cohort | metric (")) }
        XCTAssertTrue(parsed.diagnostics.first?.message.hasPrefix("seharusnya") == true, "\(parsed.diagnostics)")
    }
}
