import Foundation

/// The hostile inputs of issue 10, generated small into a directory: each a script that once crashed, hung
/// or silently lost data. Shared by the test that runs them through the `siklus` binary (no signal, no
/// timeout) and the one that runs them in a `Session` (a failing statement changes nothing).
public struct HostileFixture: Sendable {
    /// A short name for messages and the script's file name.
    public var name: String
    /// The issue 10 item it comes from.
    public var issueItem: Int
    /// Statements (and, when `shellOnly`, meta-commands) run on the base data set.
    public var script: String
    /// True for meta-commands (`.read`, `.output`) only the shell runs.
    public var shellOnly = false
    /// Seconds the binary may take: the inputs are small, so anything longer is a hang.
    public var timeout: Double = 20

    /// Writes the fixtures' files under `directory` (base data set in `directory/data`) and returns them.
    public static func write(to directory: URL) throws -> [HostileFixture] {
        let d = directory.path
        try FileManager.default.createDirectory(atPath: d + "/data", withIntermediateDirectories: true)
        try write(d + "/data/customers.csv", "customer_id,signup_date,channel,country\nc1,2023-01-02,social,ID\nc2,2023-01-20,email,US\nc3,2023-02-11,search,SG\n")
        try write(d + "/data/events.csv", """
            customer_id,ts,event,amount,channel
            c1,2023-01-02 10:00:00,visit,,social
            c1,2023-01-03 10:00:00,purchase,20,social
            c1,2023-01-09 10:00:00,login,,social
            c2,2023-01-20 08:00:00,visit,,email
            c2,2023-01-22 08:00:00,purchase,12.5,email
            c2,2023-02-22 08:00:00,purchase,7,email
            c3,2023-02-11 12:00:00,visit,,search\n
            """)
        try write(d + "/data/spend.csv", "date,channel,spend,impressions,clicks\n2023-01-01,social,10,100,3\n2023-02-01,email,2.5,50,1\n")
        try write(d + "/huge-epoch.csv", "customer_id,ts,event,amount\nz,999999999999999999,purchase,1\nc1,1672653600,visit,\n")
        try write(d + "/placeholder-customers.csv", "customer_id,signup_date\nz,9999-12-31\nc1,2023-01-02\n")
        try write(d + "/placeholder-events.csv", "customer_id,ts,event,amount\nz,2023-01-05 00:00:00,purchase,3\nc1,2023-01-06 00:00:00,purchase,4\n")
        let fifo = d + "/fifo.csv"
        guard mkfifo(fifo, 0o600) == 0 else { throw MissingPrerequisite("cannot make a FIFO at \(fifo): errno \(errno)") }
        try write(d + "/nul-padded.csv", rows(2_000))
        guard truncate(d + "/nul-padded.csv", 2 << 20) == 0 else { throw MissingPrerequisite("cannot extend \(d)/nul-padded.csv with NUL bytes") }
        try write(d + "/cr-mid-file.csv", rows(200) + rows(200, from: 200).replacingOccurrences(of: "\n", with: "\r"))
        let lines = rows(1_000).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try write(d + "/stray-quote.csv", (lines[..<100] + ["u100,2023-03-01 00:00:00,\"visit,,web"] + lines[101...]).joined(separator: "\n"))
        try write(d + "/self-read.sik", ".read \(d)/self-read.sik\n.read \(d)/self-read.sik\n.read \(d)/self-read.sik\n")
        return [
            HostileFixture(name: "funnel-step-3-explain", issueItem: 1, script: "explain events | funnel visit -> purchase -> login | limit 1"),
            HostileFixture(name: "huge-epoch-by-year", issueItem: 2,
                           script: "load events \"\(d)/huge-epoch.csv\" format ts=epoch\nevents | by year | metric events"),
            HostileFixture(name: "placeholder-signup-daily-retention", issueItem: 2, script: """
                load customers "\(d)/placeholder-customers.csv"
                load events "\(d)/placeholder-events.csv"
                cohort by signup period day | retention period day
                """),
            HostileFixture(name: "fifo-load", issueItem: 4, script: "load events \"\(fifo)\"", timeout: 10),
            HostileFixture(name: "nul-padded", issueItem: 14, script: "load events \"\(d)/nul-padded.csv\"\nevents | by event | metric events"),
            HostileFixture(name: "cr-mid-file", issueItem: 13, script: "load events \"\(d)/cr-mid-file.csv\"\nevents | metric events"),
            HostileFixture(name: "stray-quote", issueItem: 12, script: "load events \"\(d)/stray-quote.csv\"\nevents | metric events"),
            HostileFixture(name: "advocacy-takes-purchase", issueItem: 18, script: "stage advocacy += purchase\nexplain cohort | metric revenue\ncohort | metric revenue"),
            HostileFixture(name: "read-self-recursion", issueItem: 10, script: ".bail off\n.read \(d)/self-read.sik", shellOnly: true),
            HostileFixture(name: "output-dev-full", issueItem: 15, script: ".output /dev/full\nevents | metric events", shellOnly: true),
        ]
    }

    /// `count` valid event rows (a header first when `from` is 0).
    public static func rows(_ count: Int, from first: Int = 0) -> String {
        var text = first == 0 ? "customer_id,ts,event,amount,channel\n" : ""
        for i in first..<(first + count) {
            text += "u\(i),2023-\(String(format: "%02d", 1 + i % 12))-\(String(format: "%02d", 1 + i % 28)) 10:00:00,\(i % 3 == 0 ? "purchase" : "visit"),\(i % 3 == 0 ? "9.5" : ""),web\n"
        }
        return text
    }

    private static func write(_ path: String, _ text: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}
