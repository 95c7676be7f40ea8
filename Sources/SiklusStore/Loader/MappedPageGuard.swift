#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Turns a SIGBUS on a file mapping whose file shrank (truncated while loading) into zero pages and a
/// flag, instead of a dead process.
///
/// Swift cannot unwind out of a signal handler, so the handler maps an anonymous zero page over the
/// faulting page (`MAP_FIXED`) and returns: the parser reads zeros, finishes its chunk, and the loader
/// checks `faulted` afterwards and reports "the file changed while loading". The handler is
/// process-wide, installed once, and acts only on addresses inside a registered mapping; any other
/// SIGBUS reinstates the action that was there before (the default, or the runtime's backtracer) and
/// returns, so the retried access faults into it as if this handler had never been installed.
///
/// The registry is a fixed table allocated once and never freed, so the handler touches no
/// Swift-managed memory: slot `i` holds start, end and a fault flag as three `Int`s.
enum MappedPageGuard {
    static let slots = 64
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<Int> = {
        let pointer = UnsafeMutablePointer<Int>.allocate(capacity: slots * 3)
        pointer.initialize(repeating: 0, count: slots * 3)
        return pointer
    }()
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// The SIGBUS action before ours, for faults that are not ours.
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
        pointer.initialize(to: sigaction())
        return pointer
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// Registers `start..<start+count`; returns its slot, or nil when every slot is taken (the mapping
    /// is then unguarded, as before: more than 64 files mapped at once does not happen in a shell).
    static func register(_ start: UnsafeRawPointer, count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if !installed { install(); installed = true }
        for slot in 0..<slots where table[slot * 3 + 1] == 0 {
            table[slot * 3] = Int(bitPattern: start)
            table[slot * 3 + 2] = 0
            table[slot * 3 + 1] = Int(bitPattern: start) + count
            return slot
        }
        return nil
    }

    /// Frees the slot (before the mapping is unmapped).
    static func unregister(_ slot: Int) {
        lock.lock()
        defer { lock.unlock() }
        table[slot * 3 + 1] = 0
        table[slot * 3] = 0
    }

    /// True when a read in the slot's mapping faulted (its file shrank) since it was registered.
    static func faulted(_ slot: Int) -> Bool { table[slot * 3 + 2] != 0 }

    private static func install() {
        _ = table
        _ = pageSize
        _ = previous
        var action = sigaction()
        let handler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { _, info, _ in
            MappedPageGuard.handle(info)
        }
        #if canImport(Glibc)
        action.__sigaction_handler.sa_sigaction = handler
        #else
        action.__sigaction_u.__sa_sigaction = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO
        sigaction(SIGBUS, &action, previous)
    }

    /// Async-signal-safe: plain loads from the table, `mmap` and `sigaction` only.
    private static func handle(_ info: UnsafeMutablePointer<siginfo_t>?) {
        #if canImport(Glibc)
        let address = info.map { Int(bitPattern: $0.pointee._sifields._sigfault.si_addr) } ?? 0
        #else
        let address = info.map { Int(bitPattern: $0.pointee.si_addr) } ?? 0
        #endif
        for slot in 0..<slots {
            let start = table[slot * 3], end = table[slot * 3 + 1]
            guard end != 0, address >= start, address < end else { continue }
            let page = address / pageSize * pageSize
            let zero = mmap(UnsafeMutableRawPointer(bitPattern: page), pageSize, PROT_READ,
                            MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            if zero != MAP_FAILED {
                table[slot * 3 + 2] = 1
                return
            }
        }
        // Not ours (or the page could not be replaced): the previous action, on the retried access.
        sigaction(SIGBUS, previous, nil)
    }
}
