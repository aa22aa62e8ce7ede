#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Normalized fingerprints of lines, for finding repeats: case folded (ASCII, and Latin-1 capitals as
/// the phrase matcher folds them), white space dropped, every digit as `0` (after CCNet's normalization).
/// `Document.describe` keeps only a cheap order-free checksum per line; the 64-bit hash is computed for
/// the lines whose checksum another line shares (repeats) and for site learning, eight bytes at a time.
/// Equal hashes are confirmed byte by byte, so a collision never merges two blocks.
enum Fingerprint {
    /// Byte to normalized byte (white space is dropped before this table is consulted).
    static let normalized: [UInt8] = (0..<256).map { i -> UInt8 in
        let b = UInt8(i)
        if Bytes.isDigit(b) { return 0x30 }
        return PhraseAutomaton.foldTable[i]
    }

    struct Hasher {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        var word: UInt64 = 0
        var n = 0

        @inline(__always) mutating func add(_ b: UInt8) {
            word = word << 8 | UInt64(b)
            n &+= 1
            if n & 7 == 0 {
                h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                word = 0
            }
        }

        func finish() -> UInt64 {
            var h = (self.h ^ word ^ UInt64(n)) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
            return h
        }
    }

    /// The 64-bit fingerprint of a range.
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64 {
        // The table is fetched once, not per byte (a global's lazy initialization check each time).
        normalized.withUnsafeBufferPointer { table in
            var h = Hasher()
            var i = r.lowerBound
            while i < r.upperBound {
                if isDropped(p, i, r.upperBound) { i += p[i] == 0xC2 ? 2 : 1; continue }
                h.add(table[Int(p[i])])
                i += 1
            }
            return h.finish()
        }
    }

    /// Whether two ranges are equal after normalization.
    static func equal(_ p: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        // Most copies are the same bytes (a block pasted twice): one memcmp, not a walk through the table.
        if a.count == b.count, let base = p.baseAddress, memcmp(base + a.lowerBound, base + b.lowerBound, a.count) == 0 { return true }
        return normalized.withUnsafeBufferPointer { table in
            var i = a.lowerBound, j = b.lowerBound
            while true {
                while i < a.upperBound && isDropped(p, i, a.upperBound) { i += p[i] == 0xC2 ? 2 : 1 }
                while j < b.upperBound && isDropped(p, j, b.upperBound) { j += p[j] == 0xC2 ? 2 : 1 }
                if i == a.upperBound || j == b.upperBound { return i == a.upperBound && j == b.upperBound }
                if table[Int(p[i])] != table[Int(p[j])] { return false }
                i += 1; j += 1
            }
        }
    }

    /// White space, and the no-break space, which `Document.describe` leaves out of the hash.
    @inline(__always) static func isDropped(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        Bytes.isSpace(p[i]) || (p[i] == 0xC2 && i + 1 < end && p[i + 1] == 0xA0)
    }
}
