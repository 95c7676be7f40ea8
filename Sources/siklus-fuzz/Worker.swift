import Foundation

/// One fuzz target as the worker and the supervisor see it.
protocol FuzzTarget {
    var fileExtension: String { get }
    /// Input `index` of `seed`: the same bytes on every run.
    func input(seed: UInt64, index: Int) -> [UInt8]
    /// Runs the input written at `path`; throws when it breaks a promise other than "never crash or hang".
    func run(path: String, seed: UInt64, index: Int) throws(Finding)
}

extension CSVTarget: FuzzTarget {}
extension QueryTarget: FuzzTarget {}

/// The files through which a worker tells its supervisor what it is running: the input itself (so a crash
/// leaves it behind) and its index.
struct WorkerFiles {
    let input: String
    let index: String

    init(out: String, target: FuzzOptions.Target, fileExtension: String) {
        input = "\(out)/current-\(target.rawValue).\(fileExtension)"
        index = "\(out)/current-\(target.rawValue).index"
    }

    /// The index of the input last started, if any.
    func lastIndex() -> Int? {
        (try? String(contentsOfFile: index, encoding: .utf8)).flatMap { Int($0) }
    }
}

/// Runs inputs `first, first + 1, …` until the deadline, each written to disk before it runs. Exits 0 at the
/// deadline, 3 with the message on stderr when an input breaks a promise; a crash ends the process.
enum Worker {
    static func run(_ target: some FuzzTarget, files: WorkerFiles, options: FuzzOptions) -> Never {
        // A runaway allocation (a huge period span) fails fast at 4 GiB instead of filling the machine's memory.
        var limit = rlimit(rlim_cur: 4 << 30, rlim_max: 4 << 30)
        setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        var index = options.first
        while Date().timeIntervalSince1970 < options.until {
            let bytes = target.input(seed: options.seed, index: index)
            guard FileManager.default.createFile(atPath: files.input, contents: Data(bytes)),
                  FileManager.default.createFile(atPath: files.index, contents: Data(String(index).utf8)) else {
                FileHandle.standardError.write(Data("cannot write \(files.input)\n".utf8))
                exit(2)
            }
            do {
                try target.run(path: files.input, seed: options.seed, index: index)
            } catch {
                FileHandle.standardError.write(Data("finding: \(error.message)\n".utf8))
                exit(3)
            }
            index += 1
        }
        exit(0)
    }
}
