import Foundation
import SiklusLanguage
import SiklusValueModels
import XCTest
@testable import SiklusEngine

/// rfm and clv in Indonesian: `clv`'s notes and errors come from the catalogs, and so do the value models'
/// fit errors (`ModelFitError`, a reason and a hint as values, one `clv.fit.` key per case); English stays as it was.
final class ValueModelLanguageTests: XCTestCase {
    /// Every reason a fit gives, with its English text as the value models wrote it before.
    static let reasons: [(ModelFitError.Reason, String)] = [
        (.noPurchase, "no customer has a purchase"),
        (.noRepeat, "no customer bought again, so dropout cannot be estimated"),
        (.tooFewRepeaters(1), "1 customers have a repeat purchase with a positive value; the fit needs at least 2"),
        (.infiniteMean(q: 0.83), "q = 0.83 ≤ 1, so the mean spend per transaction is infinite"),
        (.notFinite, "the likelihood is not finite at any point the optimiser tried"),
        (.noConvergence(iterations: 5000), "Nelder–Mead did not converge within 5000 iterations"),
        (.flat(parameter: "a", toInfinity: true), "the likelihood is flat: a runs off to infinity"),
        (.flat(parameter: "v", toInfinity: false), "the likelihood is flat: v runs off to zero"),
        (.cancelled, "cancelled"),
    ]

    /// Every hint, in English.
    static let hints: [ModelFitError.Hint: String] = [
        .needsRepeats: "the calibration period (up to as_of) needs repeat purchases",
        .largeOrders: "a few very large repeat orders dominate; look at them with `rfm | sort monetary desc`",
        .summary: "the data may not fit the model; look at the per-customer summary (`rfm`)",
        .tooFew(parameter: "a"): "too few customers or repeat purchases to estimate a",
        .tooFew(parameter: "v"): "too few customers or repeat purchases to estimate v",
    ]

    func testFitErrorsInBothLanguages() throws {
        var met: Set<String> = []
        var sentences: [any CatalogSentence] = []
        for (reason, english) in Self.reasons {
            let error = ModelFitError(model: "bgnbd", reason: reason)
            XCTAssertEqual(reason.description, english)
            XCTAssertEqual(error.description, "the bgnbd fit failed: " + english)
            if let hint = error.hint { XCTAssertEqual(hint.description, Self.hints[hint]) }
            sentences += [reason, error] + (error.hint.map { [$0] } ?? [])
        }
        XCTAssertEqual(Set(Self.reasons.compactMap { ModelFitError(model: "m", reason: $0.0).hint }), Set(Self.hints.keys), "every hint is given")
        for sentence in sentences {
            let (key, arguments) = sentence.phrase(in: .en)
            met.insert(key)
            let english = try XCTUnwrap(MessageCatalog.templates(.en)[key], key)
            let indonesianTemplate = try XCTUnwrap(MessageCatalog.templates(.id)[key], key)
            XCTAssertEqual(MessageCatalog.placeholders(in: english), MessageCatalog.placeholders(in: indonesianTemplate), key)
            XCTAssertEqual(arguments.keys.sorted(), MessageCatalog.placeholders(in: english), key)
            let indonesian = sentence.text(in: .id)
            XCTAssertNotEqual(indonesian, sentence.description)
            for word in ["the ", " fit failed", "customer", " so ", "look at", "runs off", "within", "cancelled", "needs", "not finite", "few"] {
                XCTAssertFalse(indonesian.contains(word), "English `\(word)` in: \(indonesian)")
            }
        }
        // The failure frame and every reason and hint: a template no error meets would be dead.
        let keys = MessageCatalog.templates(.en).keys.filter { $0.hasPrefix("clv.fit.") }
        XCTAssertEqual(Set(keys).subtracting(met).sorted(), [])
    }

    /// A failed fit through the session: the error and its hint in the session's language.
    func testFitErrorThroughTheSession() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siklus-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Every customer buys once: no repeat purchase, so BG/NBD cannot estimate dropout.
        let rows = (1...5).map { "c\($0),2023-01-0\($0),purchase,10" }
        try (["customer_id,ts,event,amount"] + rows).joined(separator: "\n").write(to: dir.appendingPathComponent("e.csv"), atomically: true, encoding: .utf8)
        let session = Session()
        _ = try? session.query("load events \"\(dir.path)/e.csv\"")
        XCTAssertThrowsError(try session.query("events | clv params")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the bgnbd fit failed: no customer bought again, so dropout cannot be estimated")
            XCTAssertEqual((error as? Diagnostic)?.hints, ["the calibration period (up to as_of) needs repeat purchases"])
        }
        session.display.language = .id
        XCTAssertThrowsError(try session.query("events | clv params")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "penaksiran bgnbd gagal: tidak ada pelanggan yang membeli lagi, jadi peluang berhenti tidak dapat ditaksir")
            XCTAssertEqual((error as? Diagnostic)?.hints, ["periode kalibrasi (sampai as_of) memerlukan pembelian ulang"])
        }
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
