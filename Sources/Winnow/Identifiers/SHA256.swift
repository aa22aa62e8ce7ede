// A small, dependency-free SHA-256 (FIPS 180-4), used for Base58Check
// checksums. Not constant-time; not meant for secrets.

enum SHA256: Sendable {
    static let digestByteCount = 32

    /// Hashes `message` and writes the 32-byte digest to `out[0..<32]`.
    /// Uses only stack scratch space (no heap allocation).
    static func hash(_ message: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) {
        precondition(out.count >= digestByteCount, "SHA256 output buffer too small")
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8 + 64) { scratch in
            let state = scratch.baseAddress!
            let schedule = state + 8
            state[0] = 0x6a09_e667; state[1] = 0xbb67_ae85
            state[2] = 0x3c6e_f372; state[3] = 0xa54f_f53a
            state[4] = 0x510e_527f; state[5] = 0x9b05_688c
            state[6] = 0x1f83_d9ab; state[7] = 0x5be0_cd19

            let count = message.count
            var offset = 0
            if let base = message.baseAddress {
                while count - offset >= 64 {
                    compress(block: base + offset, state: state, schedule: schedule)
                    offset += 64
                }
            }

            // Final one or two blocks: remaining bytes, 0x80, zeros, 64-bit big-endian bit length.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tailBuffer in
                let tail = tailBuffer.baseAddress!
                tail.initialize(repeating: 0, count: 128)
                let remaining = count - offset
                if remaining > 0, let base = message.baseAddress {
                    tail.update(from: base + offset, count: remaining)
                }
                tail[remaining] = 0x80
                let blocks = remaining + 1 + 8 <= 64 ? 1 : 2
                let bitLength = UInt64(truncatingIfNeeded: count) &* 8
                let end = blocks * 64
                for i in 0..<8 {
                    tail[end - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))
                }
                for b in 0..<blocks {
                    compress(block: UnsafePointer(tail + 64 * b), state: state, schedule: schedule)
                }
            }

            for i in 0..<8 {
                let word = state[i]
                out[4 * i] = UInt8(truncatingIfNeeded: word >> 24)
                out[4 * i + 1] = UInt8(truncatingIfNeeded: word >> 16)
                out[4 * i + 2] = UInt8(truncatingIfNeeded: word >> 8)
                out[4 * i + 3] = UInt8(truncatingIfNeeded: word)
            }
        }
    }

    /// Convenience: digest of any byte collection as a new array.
    static func hash(_ message: some Collection<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: digestByteCount)
        digest.withUnsafeMutableBufferPointer { out in
            let done: Void? = message.withContiguousStorageIfAvailable { hash($0, into: out) }
            if done == nil {
                Array(message).withUnsafeBufferPointer { hash($0, into: out) }
            }
        }
        return digest
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x >> n) | (x << (32 - n))
    }

    private static func compress(
        block: UnsafePointer<UInt8>,
        state: UnsafeMutablePointer<UInt32>,
        schedule w: UnsafeMutablePointer<UInt32>
    ) {
        for i in 0..<16 {
            w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16
                | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
        }
        for i in 16..<64 {
            let x = w[i - 15], y = w[i - 2]
            let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
            let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        let k = roundConstants
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
