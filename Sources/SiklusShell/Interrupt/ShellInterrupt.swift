#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Ctrl-C flag: a `sig_atomic_t` set by a SIGINT handler and polled by the shell (and, once it
/// supports cancellation, by the engine between chunks of work).
///
/// The handler does nothing but store 1, which is async-signal-safe. The shell polls the flag: at the
/// prompt (libedit's `readline` returns nil with the flag set, which means "cancel this line", not
/// end of input) and after each statement of a running line. Only the interactive shell installs the
/// handler; scripts keep the default SIGINT behaviour and stop.
public enum ShellInterrupt {
    /// Allocated once and never freed, so the signal handler never touches Swift-managed memory.
    nonisolated(unsafe) private static let flag: UnsafeMutablePointer<sig_atomic_t> = {
        let pointer = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// True when Ctrl-C was pressed since the last `clear()`.
    public static var isRaised: Bool { flag.pointee != 0 }

    /// Sets the flag, as the signal handler does (tests use this to simulate Ctrl-C).
    public static func raise() { flag.pointee = 1 }

    /// Resets the flag after the interruption was handled.
    public static func clear() { flag.pointee = 0 }

    /// Installs the SIGINT handler. Installed without `SA_RESTART`, so a blocking `read` (libedit
    /// waiting for a key) returns with `EINTR` and the prompt can be redrawn.
    public static func installHandler() {
        _ = flag  // Initialize the lazy global now, never inside the handler.
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in ShellInterrupt.flag.pointee = 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in ShellInterrupt.flag.pointee = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
