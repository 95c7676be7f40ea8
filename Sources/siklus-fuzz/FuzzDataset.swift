import Foundation

/// The small data set query inputs run on (`DIR/customers.csv`, `events.csv`, `spend.csv`), the same for every
/// seed so that `siklus --data DIR crash.sik` reproduces a saved input.
enum FuzzDataset {
    static let channels = ["social", "email", "search", "display", ""]
    static let events = ["visit", "page_view", "article_view", "product_view", "add_to_cart", "purchase", "purchase",
                         "login", "email_open", "review", "cancel", "mystery"]

    static func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var rng = FuzzRandom(seed: 0x51C1, index: 0)
        var customers = "customer_id,signup_date,channel,country\n"
        var rows = "customer_id,ts,event,amount,channel\n"
        let day: Int64 = 86_400, start: Int64 = 1_672_531_200  // 2023-01-01
        for c in 0..<40 {
            let signup = start + Int64(rng.int(0...300)) * day
            customers += "c\(c),\(date(signup)),\(rng.pick(channels)),\(rng.pick(["ID", "US", "SG", ""]))\n"
            var ts = signup
            for _ in 0..<rng.int(0...12) {
                // Whole days only now and then, so equal times (ties) are common.
                ts += rng.chance(0.3) ? 0 : Int64(rng.int(0...40)) * day + Int64(rng.int(0...3)) * 3_600
                let event = rng.pick(events)
                let amount = event == "purchase" && rng.chance(0.9) ? String(rng.int(1...200)) + ".5" : ""
                rows += "c\(c),\(date(ts)) \(time(ts)),\(event),\(amount),\(rng.pick(channels))\n"
            }
        }
        var spend = "date,channel,spend,impressions,clicks\n"
        for d in stride(from: 0, to: 360, by: 30) {
            for channel in channels.dropLast() { spend += "\(date(start + Int64(d) * day)),\(channel),\(rng.int(0...90)),\(rng.int(0...900)),\(rng.int(0...30))\n" }
        }
        try customers.write(toFile: directory + "/customers.csv", atomically: true, encoding: .utf8)
        try rows.write(toFile: directory + "/events.csv", atomically: true, encoding: .utf8)
        try spend.write(toFile: directory + "/spend.csv", atomically: true, encoding: .utf8)
        // Not loaded by default: extreme values that corpus statements load (`$DATA/extreme-*.csv`).
        try "customer_id,ts,event,amount\nz,999999999999999999,purchase,1\nc1,1672531200,visit,\n"
            .write(toFile: directory + "/extreme-events.csv", atomically: true, encoding: .utf8)
        try "customer_id,signup_date\nz,9999-12-31\nc2,0001-01-01\n"
            .write(toFile: directory + "/extreme-customers.csv", atomically: true, encoding: .utf8)
    }

    private static func date(_ seconds: Int64) -> String {
        var t = time_t(seconds), parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    private static func time(_ seconds: Int64) -> String {
        let s = seconds % 86_400
        return String(format: "%02d:%02d:%02d", Int(s / 3_600), Int(s % 3_600 / 60), Int(s % 60))
    }
}
