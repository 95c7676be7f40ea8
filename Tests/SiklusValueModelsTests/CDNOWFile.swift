import Foundation
import SiklusTestSupport

/// The CDNOW sample (whitespace-separated: customer, sample id, yyyymmdd, CDs, dollars) as the
/// customer,date,amount CSV the lifetimes reference reads.
enum CDNOWFile {
    static func transactionsCSV(in files: TestFiles) throws -> String {
        let text = try String(contentsOfFile: try LifetimesReference.cdnowPath(), encoding: .utf8)
        var csv = "customer,date,amount\n"
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count == 5 else { continue }
            let day = fields[2]
            csv += "\(fields[0]),\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2)),\(fields[4])\n"
        }
        return files.write("cdnow.csv", csv)
    }
}
