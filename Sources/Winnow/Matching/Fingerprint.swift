/// Normalized fingerprints of blocks, for finding repeats: case folded (ASCII and Latin-1 capitals),
/// runs of white space as one space, every digit as `0` (after CCNet's normalization), hashed 8 bytes at
/// a time. Equal fingerprints are confirmed byte by byte, so a hash collision never merges two blocks.
enum Fingerprint {
    /// Calls `body` with each normalized byte of `p[range]`.
    @inline(__always)
    static func forEachNormalizedByte(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (UInt8) -> Void) {
        var previous: UInt8 = 0
        var lastSpace = true
        for i in range {
            let raw = p[i]
            var b = Bytes.fold(raw, previous: previous)
            previous = raw
            if Bytes.isSpace(b) {
                if lastSpace { continue }
                b = 0x20
                lastSpace = true
            } else {
                lastSpace = false
                if Bytes.isDigit(b) { b = 0x30 }
            }
            body(b)
        }
    }

    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        var word: UInt64 = 0
        var n = 0
        forEachNormalizedByte(p, range) { b in
            word = word << 8 | UInt64(b)
            n += 1
            if n & 7 == 0 {
                h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                word = 0
            }
        }
        h = (h ^ word ^ UInt64(n)) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h
    }

    static func equal(_ p: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var left: [UInt8] = []
        var right: [UInt8] = []
        forEachNormalizedByte(p, a) { left.append($0) }
        forEachNormalizedByte(p, b) { right.append($0) }
        return left == right
    }
}
