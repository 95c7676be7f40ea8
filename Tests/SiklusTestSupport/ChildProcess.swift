import Foundation

/// Waiting for a child process with a deadline, shared by the tests that spawn or fork one.
public enum ChildProcess {
    /// The child's wait status, or nil when it ran past `timeout` seconds (it is then killed and reaped),
    /// so a hang fails a test instead of stopping the suite.
    public static func wait(for pid: pid_t, timeout: TimeInterval) -> Int32? {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return nil
            }
            usleep(5_000)
        }
        return status
    }
}
