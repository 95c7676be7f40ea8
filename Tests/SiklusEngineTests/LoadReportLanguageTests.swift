import SiklusLanguage
@testable import SiklusStore
import XCTest
@testable import SiklusEngine

/// Load reports in both languages: the English as the store always wrote it, phrase by phrase,
/// and in Indonesian the skipped rows' reasons and the notes (values of the loader) are worded too.
final class LoadReportLanguageTests: XCTestCase {
    /// A report with every kind of line: a time span, columns with and without a role, skipped rows
    /// for each reason the loader gives, and the loader's notes.
    static let full = LoadReport(
        table: .events, path: "/tmp/data/events.csv", delimiter: UInt8(ascii: ";"), rowsLoaded: 12, skipped: [
            .init(reason: .fieldCount(expected: 4, found: 3), count: 2, firstLines: [3, 7]),
            .init(reason: .unexpected(column: "ts", expected: .isoTime), count: 1, firstLines: [5]),
            .init(reason: .unexpected(column: "amount", expected: .number), count: 4, firstLines: [2, 4, 6]),
            .init(reason: .textAfterQuote, count: 1, firstLines: [9]),
            .init(reason: .swallowedRows, count: 3, firstLines: [11]),
            .init(reason: .tooLong(column: "note", bytes: 65535), count: 1, firstLines: [13]),
            .init(reason: .emptyCustomer, count: 1, firstLines: [14]),
            .init(reason: .unexpected(column: "at", expected: .pattern("%d/%m/%Y")), count: 1, firstLines: [15]),
        ], distinctCustomers: 5, timeSpan: 1_662_940_800...1_665_619_200,
        columns: [.init(name: "customer_id", type: .string, role: .customer), .init(name: "note", type: .string, role: nil)],
        notes: [
            .rowsAreOrders,
            .columnIsText(column: "amount", line: 4, expected: .number),
            .lineItems(column: "invoice", orders: 10, returns: 1, cancellationIDs: true, purchaseEvent: true),
            .amountProduct(quantity: "quantity", price: "price"),
        ], elapsed: 0.25)

    /// Every other shape: copies (verified or sampled) and a file loaded already, for customers and events.
    static var others: [LoadReport] {
        var reports: [LoadReport] = []
        for table in [TableKind.customers, .events] {
            var earlier = full
            earlier.table = table
            reports.append(LoadReport.alreadyLoaded(earlier, path: "/tmp/data/again.csv"))
            reports.append(LoadReport.copy(of: earlier, path: "/tmp/copy.csv", verified: true))
            reports.append(LoadReport.copy(of: earlier, path: "/tmp/copy.csv", verified: false))
        }
        return reports
    }

    func testTheEnglishCatalogWordsReportsAsTheStoreDoes() {
        // Byte for byte the report the store wrote when its reasons and notes were English strings.
        XCTAssertEqual(Self.full.render(includeTiming: false), """
        loaded events from events.csv: 12 rows, 5 customers, 2022-09-12 .. 2022-10-13
          delimiter: semicolon
          column customer_id  string    role customer
          column note         string
          skipped 2 rows: expected 4 fields, found 3 (lines 3, 7)
          skipped 1 rows: ts: expected a date or time like 2022-09-14 or 2022-09-14 10:21:14 (lines 5)
          skipped 4 rows: amount: expected a number (lines 2, 4, 6, …)
          skipped 1 rows: text after a closing quote (lines 9)
          skipped 3 rows: a quoted field opening here swallows following lines that look like rows (a stray quote?) (lines 11, …)
          skipped 1 rows: note: a value longer than 65535 bytes (a stray quote, or binary data?) (lines 13)
          skipped 1 rows: empty customer id (lines 14)
          skipped 1 rows: at: expected a date or time in the format "%d/%m/%Y" (lines 15)
          note: orders: no order column, so each purchase row is an order (map order=Column when rows are line items)
          note: column amount is text: line 4 has a value that is not a number
          note: orders: purchase rows with the same customer and invoice are one order (line items): 10 orders and 1 return (ids C + digits, or all rows negative; netted out of revenue); counted over rows of the event purchase
          note: no amount column: amount = quantity × price
        """)
        for report in [Self.full] + Self.others {
            for timing in [true, false] {
                XCTAssertEqual(Language.$current.withValue(.en) { report.localized(includeTiming: timing) }, report.render(includeTiming: timing))
            }
        }
    }

    func testIndonesianReport() {
        let text = Language.$current.withValue(.id) { Self.full.localized(includeTiming: false) }
        XCTAssertEqual(text, """
        events dimuat dari events.csv: 12 baris, 5 pelanggan, 2022-09-12 .. 2022-10-13
          pemisah: titik koma
          kolom customer_id  string    peran customer
          kolom note         string
          2 baris dilewati: seharusnya 4 kolom, ditemukan 3 (baris 3, 7)
          1 baris dilewati: ts: seharusnya tanggal atau waktu seperti 2022-09-14 atau 2022-09-14 10:21:14 (baris 5)
          4 baris dilewati: amount: seharusnya angka (baris 2, 4, 6, …)
          1 baris dilewati: ada teks setelah tanda kutip penutup (baris 9)
          3 baris dilewati: kolom berkutip yang dibuka di sini menelan baris-baris berikutnya yang tampak seperti baris data (tanda kutip nyasar?) (baris 11, …)
          1 baris dilewati: note: nilai lebih panjang dari 65535 byte (tanda kutip nyasar, atau data biner?) (baris 13)
          1 baris dilewati: id pelanggan kosong (baris 14)
          1 baris dilewati: at: seharusnya tanggal atau waktu berformat "%d/%m/%Y" (baris 15)
          catatan: pesanan: tidak ada kolom pesanan, jadi setiap baris pembelian adalah satu pesanan (map order=Kolom bila baris-barisnya item pesanan)
          catatan: kolom amount berupa teks: baris 4 punya nilai yang bukan angka
          catatan: pesanan: baris pembelian dengan pelanggan dan invoice yang sama adalah satu pesanan (item pesanan): 10 pesanan dan 1 retur (id C + angka, atau semua baris negatif; dikurangkan dari pendapatan); dihitung atas baris peristiwa purchase
          catatan: tidak ada kolom amount: amount = quantity × price
        """)
        let others = Language.$current.withValue(.id) { Self.others.map { $0.localized() } }
        XCTAssertEqual(others[0], "again.csv dilewati: customers sudah memuat file ini, tanpa perubahan sejak dimuat (memuatnya lagi tidak akan mengubah apa pun)")
        XCTAssertEqual(others[4], "copy.csv dilewati: events sudah memuat salinan file ini yang sama persis byte demi byte (dimuat sebagai /tmp/data/events.csv); "
                       + "memuatnya akan menghitung setiap baris dua kali. Untuk tetap memuatnya: load events \"/tmp/copy.csv\" append")
    }

    /// `unload` and `.clear` say what they removed in the session's language; English as the store says it.
    func testUnloadSummaries() {
        let summaries = [UnloadSummary(table: .events, rowsRemoved: 1, customersDropped: 0), UnloadSummary(table: .events, rowsRemoved: 4210, customersDropped: 0),
                         UnloadSummary(table: .customers, rowsRemoved: 5, customersDropped: 1), UnloadSummary(table: .events, rowsRemoved: 9, customersDropped: 12)]
        for summary in summaries {
            XCTAssertEqual(Language.$current.withValue(.en) { summary.localized() }, summary.render())
        }
        XCTAssertEqual(Language.$current.withValue(.id) { summaries[3].localized() },
                       "events dikosongkan: 9 baris; 12 id pelanggan yang tidak punya baris lagi di tabel mana pun dibuang")
    }
}
