import SiklusTime

/// A random events file of line items in the UCI Online Retail shape (`InvoiceNo, StockCode, Quantity,
/// InvoiceDate, UnitPrice, CustomerID, Country`), for the SQL compiler's tests and the dialect matrix.
/// Invoices have 1–4 lines, often at the same time; about one in ten is a `C`-prefixed cancellation with
/// negative quantities, one in ten a numeric invoice whose every line is negative (a return too), one in
/// ten a line without an invoice (an order of its own); rows are shuffled so file order matters.
public enum OnlineRetailLines {
    public static let header = "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"

    /// The data rows (no header) for `customers` customers, from 2023-01-01 on.
    public static func rows(seed: UInt64, customers: Int = 24) -> [String] {
        var random = SplitMix64(seed: seed)
        let start: Int64 = 1_672_531_200  // 2023-01-01
        var lines: [String] = []
        var invoice = 536_365
        for c in 0..<customers {
            let customer = String(17_850 + c * 7)
            var t = start + Int64(random.int(0..<90)) * 86_400
            for _ in 0..<random.int(1...6) {
                t += Int64(random.pick([0, 0, 3600, 86_400, 9 * 86_400, 35 * 86_400]))
                invoice += 1
                let kind = random.int(0..<10)
                let id = kind == 0 ? "C\(invoice)" : (kind == 1 ? "" : String(invoice))
                let sign = kind == 0 || kind == 2 ? -1 : 1
                let country = random.pick(["United Kingdom", "France", "EIRE"])
                for line in 0..<random.int(1...4) {
                    let time = t + (line > 0 && random.chance(0.2) ? 60 : 0)
                    let quantity = sign * random.int(1...12)
                    let price = Double(random.int(1...200)) / 8
                    lines.append("\(id),8512\(random.int(0..<9)),\(quantity),\(CivilTime.formatTimestamp(time)),\(price),\(customer),\(country)")
                    if kind == 1 { break }
                }
            }
        }
        for i in stride(from: lines.count - 1, to: 0, by: -1) where random.chance(0.3) { lines.swapAt(i, random.int(0...i)) }
        return lines
    }

    /// The whole file: header and rows.
    public static func csv(_ rows: [String]) -> String { ([header] + rows).joined(separator: "\n") + "\n" }
}
