import Foundation
import SiklusEngine
import SiklusLanguage
import SiklusStore
import SiklusTestSupport
import XCTest
@testable import SiklusShell

/// Issue 15 §3: `set language = id`, Indonesian headers, stage names and numbers in the modes meant for
/// reading, metric aliases, currency, and csv for Excel.
final class IndonesianTests: TemporaryDirectoryTestCase {
    /// A shell over the demo data, in `mode`, whose stdout and stderr are captured.
    private func demoShell(mode: OutputMode = .plain) throws -> (Shell, CapturedOutput, CapturedOutput) {
        let demo = try SiklusBinary.demoDirectory()
        let session = Session()
        for table in [TableKind.customers, .events, .spend] {
            _ = try session.load(table, path: demo.appendingPathComponent("\(table.rawValue).csv").path)
        }
        let out = CapturedOutput(), err = CapturedOutput()
        return (Shell(session: session, io: ShellIO(out: out, err: err), settings: ShellSettings(mode: mode)), out, err)
    }

    /// Headers, stage names, numbers, currency, help, errors (parse errors with their hints too) and the
    /// guardrails' warnings in Indonesian, against a golden file.
    func testGoldenStatementsInIndonesian() throws {
        let (shell, out, err) = try demoShell()
        let script = """
        set language = id
        cohort by channel | metric pelanggan, tingkat_konversi, nilai_pesanan_rata2 | sort tingkat_konversi desc
        events | by stage | metric customers
        cohort | metric stage_share
        cohort by first_purchase period quarter | retention percent horizon 2
        cohort | funnel awareness -> stage purchase within 30d
        set currency = IDR
        cohort by channel | metric revenue, cpa | top 3
        events | rows 2
        help stage awareness
        stages
        events | where event = Purchase | metric customers
        events | where event = purchases | metric customers
        events | stage awareness | metric revenue
        events | where channel = email | by channel | metric events
        help aov
        explain events | metric customers
        .bail off
        cohort | metric tingkat_konversii
        cohort | metric aov
        cohort did checkout | metric customers
        cohort | funnel visit -> purchase by week attribution last
        cohort | funnel visit -> purchase attribution step 5
        cohort | metric revenue within 30d
        cohort | metric churn_rate within 30d within 60d
        cohort | funnel visit -> purchase | dropped 2
        cohort | funnel visit -> purchase exclude visit
        cohort signup=2022-09 | metric
        load events "x.csv" header
        cohort | where
        cohort signup=2022-13 | funnel visit purchase
        """
        _ = shell.runScript(script, name: "indonesia.sik")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/indonesian.expected")
        GoldenFile.assertMatches("-- stdout\n" + out.text + "-- stderr\n" + err.text, at: url)
    }

    /// csv and json keep the canonical names and exact numbers whatever the language.
    func testExactModesKeepCanonicalNames() throws {
        let (shell, out, _) = try demoShell(mode: .csv)
        _ = shell.runScript("set language = id\nset currency = IDR\ncohort | metric tingkat_konversi, pelanggan", name: "t.sik")
        XCTAssertTrue(out.text.hasPrefix("conversion_rate,customers\n"), out.text)
        XCTAssertFalse(out.text.contains("Rp"), out.text)
        let (json, jsonOut, _) = try demoShell(mode: .json)
        _ = json.runScript("set language = id\nevents | by stage | metric pelanggan", name: "t.sik")
        XCTAssertTrue(jsonOut.text.contains("{\"stage\": \"awareness\", \"customers\": 5000}"), jsonOut.text)
    }

    func testNumberFormattingByLocale() {
        let indonesian = ReadingLocale(language: .id)
        func cell(_ unit: ValueUnit, _ value: Double, _ locale: ReadingLocale) -> String? {
            CellText.formatted(ResultColumn(name: "x", unit: unit, values: .number([value])), row: 0, locale: locale)
        }
        XCTAssertEqual(cell(.money, 1234.56, indonesian), "1.234,56")
        XCTAssertEqual(cell(.money, 1234.56, .english), "1,234.56")
        XCTAssertEqual(cell(.count, 1234567, indonesian), "1.234.567")
        XCTAssertEqual(cell(.percent, 42.25, indonesian), "42,3%")
        XCTAssertEqual(cell(.ratio, 1.5, indonesian), "1,50")
        XCTAssertEqual(cell(.date, 1_662_940_800, indonesian), "2022-09-12", "dates are ISO in every language")
        XCTAssertEqual(CellText.formatted(ResultColumn(name: "n", unit: .count, values: .integer([-12345])), row: 0, locale: indonesian), "-12.345")
        XCTAssertEqual(CellText.formatted(ResultColumn(name: "t", unit: .text, values: .text(["1,5.x"])), row: 0, locale: indonesian), "1,5.x",
                       "text is never touched")
        let rupiah = ReadingLocale(language: .id, currency: Currency(code: "idr"))
        XCTAssertEqual(rupiah.money(1_234_567.4), "Rp 1.234.567")
        XCTAssertEqual(rupiah.money(1_234_567.5), "Rp 1.234.568", "half away from zero")
        XCTAssertEqual(rupiah.money(-500), "-Rp 500")
        XCTAssertEqual(rupiah.money(-0.4), "Rp 0", "no sign on an amount that rounds to zero")
        XCTAssertEqual(ReadingLocale(language: .en, currency: Currency(code: "USD")).money(1234.567), "$1,234.57")
        XCTAssertEqual(ReadingLocale(language: .id, currency: Currency(code: "USD")).money(1234.567), "$1.234,57")
        XCTAssertEqual(cell(.money, 10, rupiah), "Rp 10")
        XCTAssertNil(Currency(code: "XYZ"))
    }

    func testExcelCSV() {
        let table = ResultTable(columns: [
            ResultColumn(name: "cohort", unit: .text, values: .text(["a;b", "2022-09"])),
            ResultColumn(name: "avg_order", unit: .money, values: .number([1234.5, nil])),
            ResultColumn(name: "customers", unit: .count, values: .integer([1200, 3])),
        ])
        XCTAssertEqual(ExcelCSVRenderer(language: .id).render(table, options: RenderOptions()),
                       "cohort;avg_order;customers\n\"a;b\";1234,5;1200\n2022-09;;3\n")
        XCTAssertEqual(ExcelCSVRenderer(language: .en).render(table, options: RenderOptions()),
                       "cohort,avg_order,customers\na;b,1234.5,1200\n2022-09,,3\n")
    }

    func testModeCSVExcelAndExport() throws {
        let harness = ShellHarness(mode: .box)
        harness.shell.session.display.language = .id
        harness.run(".mode csv excel\ntable\n.export \(path("r.csv")) excel\n.mode tsv excel")
        XCTAssertTrue(harness.out.text.hasPrefix("cohort;customers;revenue;repeat_rate\n2022-09;1204;123456,789;42,25\n"), harness.out.text)
        let written = try Data(contentsOf: URL(fileURLWithPath: path("r.csv")))
        XCTAssertEqual(Array(written.prefix(20)), Array("\u{FEFF}cohort;customers;".utf8), "a byte order mark, then Excel's csv")
        XCTAssertTrue(harness.err.text.contains("`excel` goes with csv only"), harness.err.text)
        XCTAssertEqual(harness.shell.settings.mode, .csv, "a refused .mode changes nothing")
        XCTAssertTrue(harness.shell.settings.excelCSV)
    }

    func testMetricAliases() throws {
        let (shell, _, _) = try demoShell()
        let session = shell.session
        let canonical = try session.query("cohort by channel | metric conversion_rate, customers | sort conversion_rate desc")
        let aliased = try session.query("cohort by channel | metric TINGKAT_KONVERSI, pelanggan | sort tingkat_konversi desc")
        XCTAssertEqual(aliased, canonical, "aliases are the metrics themselves, columns named canonically")
        for metric in Metric.allCases {
            XCTAssertEqual(Metric(named: metric.indonesianName), metric)
            XCTAssertNotEqual(metric.indonesianName, metric.rawValue, "\(metric) has an Indonesian name")
            XCTAssertEqual(MessageCatalog.text("metric." + metric.rawValue, in: .en), metric.summary, "the English summary is the catalog's")
        }
        let aliases = Metric.indonesianAliases.map(\.key)
        XCTAssertEqual(Set(aliases).count, aliases.count)
        XCTAssertTrue(Set(aliases).isDisjoint(with: Metric.names))
        XCTAssertThrowsError(try session.query("cohort | metric tingkat_konversii")) { error in
            XCTAssertEqual((error as? Diagnostic)?.hints, ["did you mean `tingkat_konversi`?"])
        }
    }

    func testSetLanguageAndShow() throws {
        let (shell, out, err) = try demoShell()
        _ = shell.runScript("set language = fr", name: "t.sik")
        XCTAssertTrue(err.text.contains("language expects id or en"), err.text)
        XCTAssertEqual(shell.session.display.language, .en, "a refused set changes nothing")
        _ = shell.runScript("set language = id\nset currency = IDR\n.show", name: "t.sik")
        XCTAssertTrue(out.text.contains("bahasa               id (Bahasa Indonesia)"), out.text)
        XCTAssertTrue(out.text.contains("mata uang            IDR (Rp 1.234.568)"), out.text)
        XCTAssertTrue(out.text.contains("angka                1.234,56"), out.text)
        _ = shell.runScript("set language = en\nset currency = none", name: "t.sik")
        XCTAssertEqual(shell.session.display, DisplaySettings())
    }

    func testCompletionOffersAliasesAndSettingValues() {
        let session = Session()
        let source = CompletionSource(vocabulary: session.vocabulary, knownValues: { _ in [] }, listDirectory: { _ in [] })
        func complete(_ line: String) -> [String] { Completer.complete(line: line, cursor: line.count, source: source).candidates }
        XCTAssertEqual(complete("cohort | metric tingkat_k"), ["tingkat_konversi"])
        XCTAssertEqual(complete("cohort | metric biaya_"), ["biaya_per_akuisisi", "biaya_per_klik"])
        XCTAssertEqual(complete("set lang"), ["language"])
        XCTAssertEqual(complete("set language = "), ["en", "id"])
        XCTAssertEqual(complete("set currency = I"), ["IDR"])
        XCTAssertEqual(complete("set period = q"), ["quarter"])
    }

    /// The binary starts in Indonesian under `SIKLUS_LANG=id` or an Indonesian locale.
    func testEnvironmentChoosesTheLanguage() throws {
        for environment in [["SIKLUS_LANG": "id"], ["LANG": "id_ID.UTF-8"]] {
            let result = try SiklusBinary.run(["-c", "cohort | metric avg_ordr"], environment: environment)
            XCTAssertTrue(result.stderr.contains("kesalahan: metrik `avg_ordr` tidak dikenal"), result.stderr)
        }
        let english = try SiklusBinary.run(["-c", "cohort | metric avg_ordr"], environment: ["LANG": "C.UTF-8"])
        XCTAssertTrue(english.stderr.contains("error: unknown metric"), english.stderr)
    }

    /// Box mode's footer and the line for rows not shown are Indonesian too.
    func testBoxFooterInIndonesian() {
        let table = Samples.wide(columns: 1)
        let long = ResultTable(columns: [ResultColumn(name: "customers", unit: .count, values: .integer((0..<1200).map { Int64($0 * 1000) }))])
        let text = Language.$current.withValue(.id) { () -> String in
            var options = RenderOptions(maxRows: 4)
            options.locale = ReadingLocale(language: .id)
            return GridRenderer(style: .box).render(options.locale.forReading(long), options: options)
                + GridRenderer.footer(rows: table.rowCount, hiddenColumns: 2, elapsed: 0.0031)
        }
        XCTAssertTrue(text.contains("pelanggan"), text)
        XCTAssertTrue(text.contains("1.199.000"), text)
        XCTAssertTrue(text.contains("… 1.196 baris …"), text)
        XCTAssertTrue(text.contains("1.200 baris (4 ditampilkan)"), text)
        XCTAssertTrue(text.hasSuffix("2 baris · 2 kolom tidak ditampilkan · 3,1 ms"), text)
    }

    func testBannerInIndonesian() throws {
        let (shell, _, _) = try demoShell()
        let text = Banner.text(store: shell.session.store, dataDirectory: "demo", language: .id)
        XCTAssertTrue(text.contains("customers 5.000 · events 19.579 · spend "), text)
        XCTAssertTrue(text.contains(" baris dari demo · ketik help atau .help"), text)
        XCTAssertTrue(Banner.text(store: Store(), dataDirectory: nil).contains("no data loaded"), "English by default")
    }
}
