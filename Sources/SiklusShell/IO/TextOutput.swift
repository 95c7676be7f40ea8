#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere the shell writes text: standard output, standard error, a file, or a string in tests.
public protocol TextOutput: AnyObject {
    /// Writes `text` as is (callers add their own newlines).
    func write(_ text: String)
    /// The `errno` of the first write that failed (a full disk, a closed pipe), if any.
    var writeError: Int32? { get }
}

extension TextOutput {
    public var writeError: Int32? { nil }
}

/// Captures everything written, for tests and for building text in memory.
public final class CapturedOutput: TextOutput {
    /// Everything written so far.
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
}

/// Writes to a file descriptor with `write(2)`, unbuffered, so output interleaves correctly with
/// libedit's prompt and with the other stream. Every write checks its result: the first failure is kept
/// in `writeError` (later writes are skipped, the output is lost anyway) for the shell to report.
/// `@unchecked Sendable`: the shell writes from one thread; `writeError` is only read by that thread.
public final class FileDescriptorOutput: TextOutput, @unchecked Sendable {
    /// The descriptor written to.
    public let descriptor: Int32
    private var closesOnDeinit: Bool
    /// The file's path, for messages; nil for the standard streams.
    public let path: String?

    /// Standard output (descriptor 1).
    public static let standardOutput = FileDescriptorOutput(descriptor: 1)
    /// Standard error (descriptor 2).
    public static let standardError = FileDescriptorOutput(descriptor: 2)

    /// Wraps an open descriptor; `closesOnDeinit` hands ownership to this object.
    /// Files are opened by `ExportDestination.open`, which applies the shell's one rule for destinations.
    public init(descriptor: Int32, closesOnDeinit: Bool = false, path: String? = nil) {
        self.descriptor = descriptor
        self.closesOnDeinit = closesOnDeinit
        self.path = path
    }

    /// The `errno` of the first failed write, if any (`EPIPE` when the reader of a pipe is gone).
    public private(set) var writeError: Int32?

    deinit {
        if closesOnDeinit { close(descriptor) }
    }

    /// Returns the failure of a write since the last call, and forgets it, so each statement that
    /// writes to a full disk is reported once.
    public func takeWriteError() -> FileWriteError? {
        guard let code = writeError else { return nil }
        writeError = nil
        return FileWriteError(path: path ?? "standard output", code: code)
    }

    /// Closes the file, checking the close too (a network file system may report a lost write only
    /// there). Throws the first failed write or the failed close.
    public func finish() throws(FileWriteError) {
        if let failure = takeWriteError() { throw failure }
        guard closesOnDeinit else { return }
        closesOnDeinit = false
        if close(descriptor) != 0 { throw FileWriteError(path: path ?? "standard output", code: errno) }
    }

    public func write(_ text: String) {
        guard writeError == nil else { return }
        let bytes = Array(text.utf8)
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, base + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    // Reported by whoever owns the output: a closed pipe on stdout ends the run quietly,
                    // a full disk is an error (see `Shell.checkOutput`).
                    writeError = errno
                    return
                }
                offset += written
            }
        }
    }
}

/// A file that could not be opened for writing or reading, or read as a script.
public struct FileOpenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// What failed: "open", "read", or "run" (the contents are no script).
    public var action: String
    /// The system's reason, e.g. "No such file or directory", or what is wrong with the contents.
    public var reason: String

    public init(path: String, action: String = "open", reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    public var description: String { "cannot \(action) \(path): \(reason)" }
}

/// A write to a file or to standard output that failed.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given, or "standard output".
    public var path: String
    /// The `errno` of the failure, e.g. `ENOSPC`.
    public var code: Int32

    public var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}
