// Pure-Swift Keccak-256 as used by Ethereum (original Keccak submission
// padding, domain byte 0x01), needed for EIP-55 checksums. The same sponge
// with domain byte 0x06 is FIPS 202 SHA3-256, which the tests use to
// cross-check the permutation against independently computed digests.

enum Keccak256: Sendable {
    static let digestByteCount = 32
    /// Sponge rate for a 256-bit capacity-512 instance: (1600 - 512) / 8.
    static let rateByteCount = 136
    /// Domain-separation/padding byte of original Keccak (Ethereum).
    static let keccakDomain: UInt8 = 0x01
    /// Domain-separation/padding byte of FIPS 202 SHA3-256.
    static let sha3Domain: UInt8 = 0x06

    /// Hashes `message` into `out[0..<32]`. Uses only stack scratch space.
    static func hash(
        _ message: UnsafeBufferPointer<UInt8>,
        into out: UnsafeMutableBufferPointer<UInt8>,
        domain: UInt8 = keccakDomain
    ) {
        precondition(out.count >= digestByteCount, "Keccak256 output buffer too small")
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 25 + 5) { scratch in
            let state = scratch.baseAddress!
            let columns = state + 25
            state.initialize(repeating: 0, count: 30)

            let rate = rateByteCount
            var offset = 0
            if let base = message.baseAddress {
                while message.count - offset >= rate {
                    absorb(block: base + offset, state: state)
                    permute(state, columns)
                    offset += rate
                }
            }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: rate) { lastBuffer in
                let last = lastBuffer.baseAddress!
                last.initialize(repeating: 0, count: rate)
                let remaining = message.count - offset
                if remaining > 0, let base = message.baseAddress {
                    last.update(from: base + offset, count: remaining)
                }
                last[remaining] ^= domain
                last[rate - 1] ^= 0x80
                absorb(block: UnsafePointer(last), state: state)
                permute(state, columns)
            }
            for i in 0..<digestByteCount {
                out[i] = UInt8(truncatingIfNeeded: state[i >> 3] >> (8 * UInt64(i & 7)))
            }
        }
    }

    /// Convenience: digest of any byte collection as a new array.
    static func hash(_ message: some Collection<UInt8>, domain: UInt8 = keccakDomain) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: digestByteCount)
        digest.withUnsafeMutableBufferPointer { out in
            let done: Void? = message.withContiguousStorageIfAvailable { hash($0, into: out, domain: domain) }
            if done == nil {
                Array(message).withUnsafeBufferPointer { hash($0, into: out, domain: domain) }
            }
        }
        return digest
    }

    /// XORs one rate-sized block (little-endian lanes) into the state.
    private static func absorb(block: UnsafePointer<UInt8>, state: UnsafeMutablePointer<UInt64>) {
        for lane in 0..<(rateByteCount / 8) {
            var word: UInt64 = 0
            for byte in 0..<8 {
                word |= UInt64(block[8 * lane + byte]) << (8 * UInt64(byte))
            }
            state[lane] ^= word
        }
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 {
        (x << n) | (x >> (64 &- n))
    }

    /// Keccak-f[1600].
    private static func permute(_ st: UnsafeMutablePointer<UInt64>, _ bc: UnsafeMutablePointer<UInt64>) {
        let rc = roundConstants, rotations = rhoOffsets, lanes = piLanes
        for round in 0..<24 {
            // θ
            for i in 0..<5 {
                bc[i] = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20]
            }
            for i in 0..<5 {
                let t = bc[(i + 4) % 5] ^ rotl(bc[(i + 1) % 5], 1)
                for j in stride(from: 0, to: 25, by: 5) {
                    st[j + i] ^= t
                }
            }
            // ρ and π
            var t = st[1]
            for i in 0..<24 {
                let j = lanes[i]
                let next = st[j]
                st[j] = rotl(t, rotations[i])
                t = next
            }
            // χ
            for j in stride(from: 0, to: 25, by: 5) {
                for i in 0..<5 { bc[i] = st[j + i] }
                for i in 0..<5 {
                    st[j + i] ^= ~bc[(i + 1) % 5] & bc[(i + 2) % 5]
                }
            }
            // ι
            st[0] ^= rc[round]
        }
    }

    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808a, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808b, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008a, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000a,
        0x0000_0000_8000_808b, 0x8000_0000_0000_008b, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800a, 0x8000_0000_8000_000a,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    private static let rhoOffsets: [UInt64] = [
        1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
    ]

    private static let piLanes: [Int] = [
        10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
    ]
}
