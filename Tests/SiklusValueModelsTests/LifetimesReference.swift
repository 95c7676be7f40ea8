import Foundation
import SiklusTestSupport

/// Python's lifetimes 0.11.3 in the virtual environment scripts/test creates (`.build/lifetimes-venv`, or
/// the interpreter in `SIKLUS_LIFETIMES_PYTHON`), driven through `lifetimes_reference.py`. A missing
/// environment fails the test with the command that creates it: the cross-check never passes by skipping.
enum LifetimesReference {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("lifetimes_reference.py").path

    static func python() throws -> String {
        let path = ProcessInfo.processInfo.environment["SIKLUS_LIFETIMES_PYTHON"]
            ?? packageRoot.appendingPathComponent(".build/lifetimes-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw MissingPrerequisite("no Python with lifetimes at \(path): run scripts/test, or "
                                      + "python3 -m venv --system-site-packages .build/lifetimes-venv && .build/lifetimes-venv/bin/pip install lifetimes==0.11.3")
        }
        return path
    }

    /// Runs the reference script with `arguments` and returns its stdout.
    static func run(_ arguments: [String]) throws -> String {
        let result = try TestProcess.run(try python(), [script] + arguments, timeout: 300)
        guard result.status == 0 else { throw MissingPrerequisite("lifetimes_reference.py \(arguments.first ?? "") failed: \(result.stderr)") }
        return result.stdout
    }

    /// The CDNOW sample shipped inside the lifetimes package (kept out of this repository).
    static func cdnowPath() throws -> String {
        try run(["cdnow-path"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// lifetimes' summary, fits and predictions on a customer,date,amount file.
    struct Fit: Decodable {
        struct Purchases: Decodable { var r, alpha, a, b, log_likelihood: Double }
        struct Spend: Decodable { var p, q, v, log_likelihood: Double }
        var customers: [String]
        var frequency, recency, T, monetary: [Double]
        var bgnbd: Purchases
        var gamma_gamma: Spend
        var p_alive, expected_purchases, expected_order_value: [Double]
    }

    static func fit(transactions path: String, asOf: String, daysPerUnit: Double, horizon: Double) throws -> Fit {
        let text = try run(["fit", path, asOf, String(daysPerUnit), String(horizon)])
        return try JSONDecoder().decode(Fit.self, from: Data(text.utf8))
    }
}
