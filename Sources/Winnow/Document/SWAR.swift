/// Byte tests on eight bytes at a time in one 64-bit word (SWAR), for the scanners that skip ahead to the bytes they
/// care about: the JSONL codec's string scans and the payment-identifier scanner.
enum SWAR {
    @inline(__always) static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inline(__always) static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `p`, the first in the lowest byte.
    @inline(__always)
    static func load8(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// High bit set in (at least) the lowest byte of `v` equal to `b`; the lowest flagged byte is
    /// always a true match (higher ones may be false positives from borrows, which we never use).
    @inline(__always)
    static func eqMask(_ v: UInt64, _ b: UInt8) -> UInt64 {
        let x = v ^ (ones &* UInt64(b))
        return (x &- ones) & ~x & highs
    }

    /// Same, for bytes < `b` (valid for b <= 0x80).
    @inline(__always)
    static func ltMask(_ v: UInt64, _ b: UInt8) -> UInt64 {
        (v &- ones &* UInt64(b)) & ~v & highs
    }

    /// Whether any of the eight bytes in `x` is an ASCII digit: for each byte below 0x80, the high bit of 0xB9 - b is
    /// set when b <= 0x39 and that of b + 0x50 when b >= 0x30.
    @inline(__always)
    static func hasDigit(_ x: UInt64) -> Bool {
        let low7 = x & 0x7F7F_7F7F_7F7F_7F7F
        return (0xB9B9_B9B9_B9B9_B9B9 &- low7) & ~x & (low7 &+ 0x5050_5050_5050_5050) & highs != 0
    }
}
