import Foundation
import SiklusSQL

/// The running bridge: a python3 child in its own process group (so the terminal's Ctrl-C reaches only
/// Siklus, which cancels the query itself), talking over one Unix socket on its stdin and stdout. Its
/// stderr goes to `bridge.log` in the session directory. When Siklus's end closes (even when Siklus is
/// killed) the bridge exits, and the JVM it started sees its own stdin close and exits too.
final class SparkBridgeProcess {
    let pid: pid_t
    private var socket: Int32
    private var buffered: [UInt8] = []

    /// Starts `python bridge.py` with stderr to `stderrLog`.
    init(python: String, script: String, stderrLog: String, environment: [String: String]) throws(SQLEngineError) {
        var pair: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Self.streamType, 0, &pair) == 0 else {
            throw SQLEngineError("cannot create the socket to the Spark bridge: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, pair[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, stderrLog, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addclose(&actions, pair[0])
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let arguments = [python, "-u", script]
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let status = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environmentLines) { envp in posix_spawn(&child, python, &actions, &attributes, argv, envp) }
        }
        close(pair[1])
        guard status == 0 else {
            close(pair[0])
            throw SQLEngineError("cannot start \(python): \(String(cString: strerror(status)))")
        }
        pid = child
        socket = pair[0]
    }

    deinit { if socket >= 0 { close(socket) } }

    /// Sends bytes; an error (not SIGPIPE) when the bridge has gone.
    func send(_ bytes: [UInt8]) throws(SQLEngineError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, Self.noSignal) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw SQLEngineError("the Spark bridge is gone (\(String(cString: strerror(errno))))")
            }
            offset += sent
        }
    }

    /// The next frame, or nil at end of stream (the bridge exited). Waits in slices of 100 ms, calling
    /// `tick` between them (to send a cancel, or to give up: `tick` may throw).
    func receive(tick: () throws(SQLEngineError) -> Void) throws(SQLEngineError) -> SparkFrame? {
        guard let size = try take(4, tick: tick) else { return nil }
        let headerLength = Int(size[0]) << 24 | Int(size[1]) << 16 | Int(size[2]) << 8 | Int(size[3])
        guard let header = try take(headerLength, tick: tick) else { return nil }
        let data = Data(header)
        guard let lengthOnly = try? JSONDecoder().decode(SparkPayloadLength.self, from: data) else {
            throw SQLEngineError("the Spark bridge sent an unreadable answer: \(String(decoding: header.prefix(200), as: UTF8.self))")
        }
        guard let payload = try take(lengthOnly.length, tick: tick) else { return nil }
        return SparkFrame(header: data, payload: payload)
    }

    private func take(_ count: Int, tick: () throws(SQLEngineError) -> Void) throws(SQLEngineError) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while buffered.count < count {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready == 0 || (ready < 0 && errno == EINTR) {
                try tick()
                continue
            }
            let got = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return nil }
            buffered.append(contentsOf: chunk[0..<got])
        }
        let taken = Array(buffered[0..<count])
        buffered.removeFirst(count)
        return taken
    }

    /// Closes Siklus's end (the bridge then exits, and the JVM after it) and waits up to `timeout` seconds
    /// for the bridge and `jvm`; then kills the whole process group (bridge and JVM). True when all had
    /// exited by themselves.
    @discardableResult
    func stop(timeout: TimeInterval, jvm: pid_t = 0) -> Bool {
        if socket >= 0 { close(socket) }
        socket = -1
        var status: Int32 = 0
        var bridgeRunning = true
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if bridgeRunning {
                let reaped = waitpid(pid, &status, WNOHANG)
                bridgeRunning = !(reaped == pid || (reaped < 0 && errno == ECHILD))
            }
            if !bridgeRunning && !Self.isRunning(jvm) { return true }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        if jvm > 0 { kill(jvm, SIGKILL) }
        if bridgeRunning { waitpid(pid, &status, 0) }
        return false
    }

    /// Whether process `pid` is alive: it exists and is not a zombie waiting for its (new) parent.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        // /proc/<pid>/stat: "pid (name) S …"; the state follows the last ")".
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return !stat[close...].dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("Z")
        #else
        return true
        #endif
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }

    #if os(Linux)
    private static let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = SOCK_STREAM
    private static let noSignal: Int32 = 0
    #endif
}

/// The only header field the framing needs.
private struct SparkPayloadLength: Decodable { var length: Int }
