import Foundation
import SiklusLanguage
import SiklusSQL
import SiklusTestSupport
import XCTest
@testable import SiklusEngine

/// `load <table> table "…"` mistakes in Indonesian: the binder's own messages and the loader's mapping
/// errors it reuses, with their hints (the English ones are TableBindingTests').
final class TableBindingLanguageTests: XCTestCase {
    /// The failure rendered as the shell renders it, inside the session's language (labels included).
    private func rendered(_ session: Session, _ text: String) -> String {
        Language.$current.withValue(.id) { session.renderedFailure(text) }
    }

    func testBindingMistakesInIndonesian() throws {
        let connector = FakeConnector()
        connector.tables = ["t": [SQLTableColumn(name: "user", type: .text), SQLTableColumn(name: "what", type: .text)],
                            "u": [SQLTableColumn(name: "customer_id", type: .text), SQLTableColumn(name: "ts", type: .text)],
                            "v": [SQLTableColumn(name: "customer_id", type: .text), SQLTableColumn(name: "ts", type: .timestamp)]]
        let session = Session.connecting(through: connector)
        session.outputs(#"connect postgres "host=x""#)
        session.display.language = .id
        let missing = rendered(session, #"load events table "t""#)
        XCTAssertTrue(missing.contains("kesalahan: events memerlukan kolom ts, dan tidak satu pun kolom t tampak seperti itu (ts, timestamp"), missing)
        XCTAssertTrue(missing.contains("saran: kolom tabelnya: user, what; tunjuk kolomnya dengan: map ts=NamaKolom"), missing)
        let type = rendered(session, #"load events table "u""#)
        XCTAssertTrue(type.contains("kolom ts (ts) bertipe text di u, tetapi Siklus membaca ts dari kolom timestamp"), type)
        XCTAssertTrue(type.contains("saran: ikat view yang mengubahnya: CREATE VIEW v AS SELECT *, CAST(ts AS timestamp) AS ts FROM …; lalu map ts=ts"), type)
        let mapping = rendered(session, #"load events table "v" map amount=totl"#)
        XCTAssertTrue(mapping.contains(#"tidak dapat mengikat v: tidak ada kolom bernama "totl" untuk peran amount"#), mapping)
        XCTAssertTrue(mapping.contains("saran: kolom tabelnya: customer_id, ts"), mapping)
    }
}
