import Foundation
import SiklusLanguage
import SiklusValueModels
import XCTest
@testable import SiklusEngine

/// rfm and clv in Indonesian: `clv`'s notes and errors come from the catalogs, the value models' fit errors
/// (English from SiklusValueModels) are worded by their English templates; English stays as it was.
final class ValueModelLanguageTests: XCTestCase {
    /// Every fit error the value models give, as they word it.
    static let fitErrors = [
        ModelFitError(model: "bgnbd", reason: "no customer has a purchase"),
        ModelFitError(model: "bgnbd", reason: "no customer bought again, so dropout cannot be estimated",
                      hint: "the calibration period (up to as_of) needs repeat purchases"),
        ModelFitError(model: "gamma_gamma", reason: "q = 0.83 ≤ 1, so the mean spend per transaction is infinite",
                      hint: "a few very large repeat orders dominate; look at them with `rfm | sort monetary desc`"),
        ModelFitError(model: "bgnbd", reason: "Nelder–Mead did not converge within 5000 iterations",
                      hint: "the data may not fit the model; look at the per-customer summary (`rfm`)"),
        ModelFitError(model: "bgnbd", reason: "the likelihood is flat: a runs off to infinity", hint: "too few customers or repeat purchases to estimate a"),
        ModelFitError(model: "gamma_gamma", reason: "the likelihood is flat: v runs off to zero", hint: "too few customers or repeat purchases to estimate v"),
    ]

    func testFitErrorsInBothLanguages() {
        var met: Set<String> = []
        for error in Self.fitErrors {
            for english in [error.description, error.reason] + (error.hint.map { [$0] } ?? []) {
                XCTAssertEqual(Language.$current.withValue(.en) { ValueModelWording.sentence(english) }, english)
                let indonesian = Language.$current.withValue(.id) { ValueModelWording.sentence(english) }
                XCTAssertNotEqual(indonesian, english)
                for word in ["the ", " fit failed", "customer ", " so ", "look at", "runs off", "within"] {
                    XCTAssertFalse(indonesian.contains(word), "English `\(word)` in: \(indonesian)")
                }
                for key in MessageCatalog.templates(.en).keys where key.hasPrefix("clv.fit.")
                    && EnglishPhrasePattern(englishTemplateOf: key).word(english) != nil { met.insert(key) }
            }
        }
        // The failure frame and every reason and hint: a template no error meets would be dead.
        let keys = MessageCatalog.templates(.en).keys.filter { $0.hasPrefix("clv.fit.") }
        XCTAssertEqual(Set(keys).subtracting(met).sorted(), [])
    }

    /// `clv params` and `clv check` on the demo data: their notes in Indonesian (numbers with a decimal
    /// comma, units as nouns), and in English as before; the missing holdout's error in both.
    func testNotesAndErrorsThroughTheSession() throws {
        let session = Session()
        for table in ["customers", "events"] {
            _ = try? session.query("load \(table) \"\(TestPaths.demo.path)/\(table).csv\"")
        }
        _ = try? session.query("set as_of = 2023-06-30")
        let english = try session.query("events | clv params period week").notes
        XCTAssertEqual(english.first, "bgnbd fitted on 794 customers, gamma_gamma on the 318 with a repeat purchase of positive value; time in weeks")
        let check = try session.query("events | clv check period week").notes
        XCTAssertEqual(check, ["over 25 weeks after as_of: actual 82 repeat purchases, predicted 158.8 (+93.7 %), from 794 customers fitted up to as_of"])
        session.display.language = .id
        XCTAssertEqual(try session.query("events | clv params period week").notes.first,
                       "bgnbd ditaksir dari 794 pelanggan, gamma_gamma dari 318 pelanggan yang punya pembelian ulang bernilai positif; waktu dalam minggu")
        XCTAssertEqual(try session.query("events | clv check period week").notes,
                       ["selama 25 minggu setelah as_of: nyata 82 pembelian ulang, prediksi 158,8 (+93,7 %), dari 794 pelanggan yang ditaksir sampai as_of"])
        _ = try? session.query("set as_of = latest")
        XCTAssertThrowsError(try session.query("events | clv check period week")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "tidak ada pembelian setelah as_of untuk menguji model")
        }
    }
}
