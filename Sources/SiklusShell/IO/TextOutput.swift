#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere the shell writes text: standard output, standard error, a file, or a string in tests.
public protocol TextOutput: AnyObject {
    /// Writes `text` as is (callers add their own newlines).
    func write(_ text: String)
}

/// Captures everything written, for tests and for building text in memory.
public final class CapturedOutput: TextOutput {
    /// Everything written so far.
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
}

/// Writes to a file descriptor with `write(2)`, unbuffered, so output interleaves correctly with
/// libedit's prompt and with the other stream.
/// `@unchecked Sendable`: the shell writes from one thread; `writeError` is only read by that thread.
public final class FileDescriptorOutput: TextOutput, @unchecked Sendable {
    /// The descriptor written to.
    public let descriptor: Int32
    private let closesOnDeinit: Bool

    /// Standard output (descriptor 1).
    public static let standardOutput = FileDescriptorOutput(descriptor: 1)
    /// Standard error (descriptor 2).
    public static let standardError = FileDescriptorOutput(descriptor: 2)

    /// Wraps an open descriptor; `closesOnDeinit` hands ownership to this object.
    public init(descriptor: Int32, closesOnDeinit: Bool = false) {
        self.descriptor = descriptor
        self.closesOnDeinit = closesOnDeinit
    }

    /// Creates or truncates the file at `path` for writing.
    public convenience init(creatingFileAt path: String) throws(FileOpenError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileOpenError(path: path, reason: String(cString: strerror(errno))) }
        self.init(descriptor: fd, closesOnDeinit: true)
    }

    /// The `errno` of the first failed write, if any.
    public private(set) var writeError: Int32?

    deinit {
        if closesOnDeinit { close(descriptor) }
    }

    public func write(_ text: String) {
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
                    // A closed pipe on stdout is the reader's choice; anything else (a full disk) is reported
                    // by whoever wrote a file (see `writeError`).
                    if errno != EPIPE { writeError = errno }
                    return
                }
                offset += written
            }
        }
    }
}

/// A file that could not be opened for writing or reading.
public struct FileOpenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// The system's reason, e.g. "No such file or directory".
    public var reason: String

    public var description: String { "cannot open \(path): \(reason)" }
}
