#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during an ingest. The first asks the ingest to stop once the batch
/// it is writing is committed; a second ends the process at once, which loses nothing either:
/// SQLite rolls the unfinished batch back the next time the archive is opened.
enum InterruptSignal {
    private static let number = Atomic<Int32>(0)

    static func install() {
        // A parent may hand the signals down blocked (Foundation's Process does): unblock them,
        // or the ingest could not be stopped but by SIGKILL.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for number in [SIGINT, SIGTERM] {
            signal(number) { number in
                // Only async-signal-safe work here: an atomic store, or _exit.
                if !InterruptSignal.number.compareExchange(expected: 0, desired: number, ordering: .relaxed).exchanged {
                    _exit(128 + number)
                }
            }
        }
    }

    /// The signal received, if any.
    static var received: Int32? {
        let received = number.load(ordering: .relaxed)
        return received == 0 ? nil : received
    }

    static func name(_ number: Int32) -> String { number == SIGINT ? "Ctrl-C" : number == SIGTERM ? "SIGTERM" : "signal \(number)" }
}
