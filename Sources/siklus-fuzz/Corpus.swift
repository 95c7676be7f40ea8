import Foundation

/// The committed seed inputs of one target (`Tests/Fuzz/corpus/csv/*`, `…/queries/*`), sorted by name so a
/// seed means the same inputs on every machine.
struct Corpus {
    let inputs: [[UInt8]]

    init(directory: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
        inputs = try names.map { name in
            Array(try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
        }
        guard !inputs.isEmpty else { throw UsageError("the corpus \(directory) is empty") }
    }
}
