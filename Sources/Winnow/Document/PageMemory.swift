#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw memory for a buffer of megabytes (the cue automaton's transitions, a piped stdin read ahead), freed with the
/// object. On Linux, from a megabyte on, it is aligned to 2 MiB and marked for transparent huge pages: one page fault
/// per 2 MiB instead of one per 4 KiB, and far fewer TLB misses when it is read at random.
final class PageMemory: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    /// The bytes asked for (the allocation may be larger).
    let byteCount: Int
    private let fromMemalign: Bool

    init(byteCount: Int) {
        self.byteCount = max(byteCount, 1)
        #if os(Linux)
        let huge = 2 << 20, bytes = self.byteCount
        if bytes >= huge / 2 {
            // A tail of at least half a huge page is rounded up to a whole one and marked too (in a virtual
            // machine each small page's fault costs more than clearing it: the default rules' table, 3.7 MB,
            // took 935 page faults at start-up with its tail on small pages, 537 without); a smaller tail takes
            // small pages (the kernel clears every page it hands out, so a mostly empty huge page would cost
            // more than it saves).
            let tail = bytes % huge
            let rounded = tail == 0 || tail >= huge / 2 ? (bytes + huge - 1) / huge * huge : (bytes + 4095) / 4096 * 4096
            var raw: UnsafeMutableRawPointer? = nil
            if posix_memalign(&raw, huge, rounded) == 0, let raw {
                if rounded >= huge { _ = madvise(raw, rounded / huge * huge, MADV_HUGEPAGE) }
                base = raw
                fromMemalign = true
                return
            }
        }
        #endif
        base = UnsafeMutableRawPointer.allocate(byteCount: self.byteCount, alignment: 16)
        fromMemalign = false
    }

    deinit { if fromMemalign { free(base) } else { base.deallocate() } }
}
