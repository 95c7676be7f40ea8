import Foundation

/// Waiting for a child process with a deadline, shared by the tests that spawn or fork one.
public enum ChildProcess {
    /// The child's wait status, or nil when it ran past `timeout` seconds (it is then killed and reaped),
    /// so a hang fails a test instead of stopping the suite. When the child cannot be waited for (already
    /// reaped elsewhere: `ECHILD`), the status says "exited with 255", never a success it did not report.
    public static func wait(for pid: pid_t, timeout: TimeInterval) -> Int32? {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return status }
            if reaped == -1 {
                if errno == EINTR { continue }
                FileHandle.standardError.write(Data("waitpid(\(pid)) failed: \(String(cString: strerror(errno)))\n".utf8))
                return unwaitable
            }
            if Date() > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                return nil
            }
            usleep(5_000)
        }
    }

    /// The wait status of a child that exited with 255: what `wait` reports for one it could not wait for.
    public static let unwaitable: Int32 = 255 << 8
}
