// Payment-identifier detection for donation/payment boilerplate removal.
//
// Everything here works on UTF-8 bytes. The scanner makes one pass over the
// text, skipping non-alphanumeric bytes and walking each alphanumeric token
// once; only tokens whose shape matches an identifier (by first bytes and
// length) are handed to a validator. Validators use stack scratch space
// only, so scanning does not allocate unless a match is appended.

enum PaymentIdentifierKind: UInt8, Sendable {
    case iban, bitcoin, ethereum
}

struct PaymentIdentifierMatch: Sendable, Equatable {
    var kind: PaymentIdentifierKind
    /// Byte offsets into the scanned buffer.
    var range: Range<Int>
}

enum PaymentIdentifiers: Sendable {
    // MARK: - Scanner

    /// Appends every *validated* identifier found in `bytes[range]` to `out`,
    /// in order and non-overlapping.
    ///
    /// `bytes[range]` is treated as the whole text: its edges count as word
    /// boundaries, and bytes outside `range` are never read.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        in range: Range<Int>,
        into out: inout [PaymentIdentifierMatch]
    ) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "scan range out of bounds")
        guard let p = bytes.baseAddress, !range.isEmpty else { return }
        alnumTable.withUnsafeBufferPointer { table in
            scanTokens(p, range, table.baseAddress!, into: &out)
        }
    }

    /// 1 for ASCII letters and digits, by byte: the scanner's token test is one load.
    private static let alnumTable: [UInt8] = (0..<256).map { isAlnum(UInt8($0)) ? 1 : 0 }

    /// Whether any of the eight bytes at `p` is an ASCII digit.
    @inline(__always)
    private static func hasDigit(_ p: UnsafePointer<UInt8>) -> Bool { SWAR.hasDigit(SWAR.load8(p)) }

    private static func scanTokens(_ p: UnsafePointer<UInt8>, _ range: Range<Int>, _ alnum: UnsafePointer<UInt8>,
                             into out: inout [PaymentIdentifierMatch]) {
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            // Every identifier has an ASCII digit among its first four bytes (an IBAN's check digits, the
            // 1 or 3 of a Base58 address, the 1 of "bc1", the 0 of "0x"): sixteen bytes with none in them or
            // in the three after them start none, so they are skipped, and with them the rest of a token they
            // end inside.
            if i + 19 <= end && !hasDigit(p + i) && !hasDigit(p + i + 8) && !hasDigit(p + i + 11) {
                i += 16
                while i < end, alnum[Int(p[i])] != 0 { i += 1 }
                continue
            }
            let first = p[i]
            if alnum[Int(first)] == 0 {
                i += 1
                continue
            }
            // `i` starts a token at a word boundary; find its end.
            var j = i + 1
            while j < end, alnum[Int(p[j])] != 0 { j += 1 }
            let length = j - i
            let token = UnsafeBufferPointer(start: p + i, count: length)

            if first &- UInt8(ascii: "A") < 26, let ibanEnd = matchIBAN(p, start: i, tokenEnd: j, end: end) {
                out.append(PaymentIdentifierMatch(kind: .iban, range: i..<ibanEnd))
                i = ibanEnd
                continue
            }
            var kind: PaymentIdentifierKind?
            switch first {
            case UInt8(ascii: "1"), UInt8(ascii: "3"):
                if (26...35).contains(length), isValidBase58Check(token) { kind = .bitcoin }
            case UInt8(ascii: "b"), UInt8(ascii: "B"):
                if (14...74).contains(length), isValidSegwitAddress(token) { kind = .bitcoin }
            case UInt8(ascii: "0"):
                if length == 42, isValidEthereum(token) { kind = .ethereum }
            default:
                break
            }
            if let kind {
                out.append(PaymentIdentifierMatch(kind: kind, range: i..<j))
            }
            i = j
        }
    }

    /// Tries to read a printed (single-space grouped) or compact IBAN whose
    /// first token is `p[start..<tokenEnd]`. Returns the exclusive end offset
    /// of a checksum-valid IBAN, or nil.
    private static func matchIBAN(
        _ p: UnsafePointer<UInt8>, start: Int, tokenEnd: Int, end: Int
    ) -> Int? {
        let tokenLength = tokenEnd - start
        guard tokenLength >= 4,
              isDigit(p[start + 2]), isDigit(p[start + 3]),
              let length = ibanLength(country: p[start], p[start + 1])
        else { return nil }

        let last: Int
        if tokenLength == length {
            last = tokenEnd
        } else if tokenLength == 4 {
            // Grouped: further groups of 1-4 alnum chars, each after exactly one space.
            var collected = 4
            var pos = tokenEnd
            while collected < length {
                guard pos + 1 < end, p[pos] == space, isAlnum(p[pos + 1]) else { return nil }
                var q = pos + 2
                while q < end, isAlnum(p[q]) { q += 1 }
                let group = q - pos - 1
                guard group <= 4, collected + group <= length else { return nil }
                collected += group
                pos = q
            }
            last = pos
        } else {
            return nil
        }

        guard plausibleCheckDigits(p[start + 2], p[start + 3]) else { return nil }
        // Rearranged: BBAN first, then country code and check digits.
        var remainder: UInt32 = 0
        for k in (start + 4)..<last where p[k] != space {
            remainder = mod97Step(remainder, p[k])
        }
        for k in start..<(start + 4) {
            remainder = mod97Step(remainder, p[k])
        }
        return remainder == 1 ? last : nil
    }

    // MARK: - IBAN

    /// Compact IBAN (letters and digits, no spaces; letters in either case).
    /// Checks the country's registered length, numeric check digits and mod-97.
    static func isValidIBAN(compact: some Collection<UInt8>) -> Bool {
        withBytes(compact) { s in
            guard s.count >= 5 else { return false }
            guard let length = ibanLength(country: upper(s[0]), upper(s[1])),
                  s.count == length,
                  isDigit(s[2]), isDigit(s[3]),
                  plausibleCheckDigits(s[2], s[3])
            else { return false }
            var remainder: UInt32 = 0
            for k in 4..<s.count {
                guard isAlnum(s[k]) else { return false }
                remainder = mod97Step(remainder, s[k])
            }
            for k in 0..<4 {
                remainder = mod97Step(remainder, s[k])
            }
            return remainder == 1
        }
    }

    /// Registered IBAN length for an upper-case ASCII country code, or nil.
    static func ibanLength(country a: UInt8, _ b: UInt8) -> Int? {
        guard let index = countryIndex(a, b) else { return nil }
        let length = ibanLengthTable[index]
        return length == 0 ? nil : Int(length)
    }

    /// ISO 13616 check digits are 02...98; 00, 01 and 99 can satisfy mod-97
    /// but are never issued.
    @inline(__always)
    private static func plausibleCheckDigits(_ a: UInt8, _ b: UInt8) -> Bool {
        let value = Int(a &- UInt8(ascii: "0")) * 10 + Int(b &- UInt8(ascii: "0"))
        return value >= 2 && value <= 98
    }

    /// One step of the ISO 7064 mod-97 over the alphanumeric expansion
    /// (digits as themselves, A=10 ... Z=35). `r` stays below 97.
    @inline(__always)
    private static func mod97Step(_ r: UInt32, _ c: UInt8) -> UInt32 {
        let digit = c &- UInt8(ascii: "0")
        if digit < 10 {
            return (r * 10 + UInt32(digit)) % 97
        }
        let letter = UInt32((c | 0x20) &- UInt8(ascii: "a")) + 10
        return (r * 100 + letter) % 97
    }

    /// Country code -> IBAN length (SWIFT IBAN registry).
    private static let ibanLengthTable: [UInt8] = {
        let registry = """
            AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 \
            DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 \
            GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 \
            LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 PK24 PL28 PS29 \
            PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 \
            TN24 TR26 UA29 VA22 VG24 XK20
            """
        var table = [UInt8](repeating: 0, count: 26 * 26)
        var bytes = Array(registry.utf8)[...]
        while bytes.count >= 4 {
            let entry = bytes.prefix(4)
            let s = entry.startIndex
            if let index = countryIndex(entry[s], entry[s + 1]) {
                table[index] = (entry[s + 2] - UInt8(ascii: "0")) * 10 + (entry[s + 3] - UInt8(ascii: "0"))
            }
            bytes = bytes.dropFirst(4).drop(while: { $0 == space })
        }
        return table
    }()

    // MARK: - Bitcoin

    /// Base58Check P2PKH/P2SH (version 0x00 or 0x05, 25 bytes, double-SHA-256
    /// checksum) or a mainnet segwit address: bech32 for witness v0 (BIP-173),
    /// bech32m for v1...v16 (BIP-350). Mixed-case bech32 is invalid.
    static func isValidBitcoinAddress(_ s: some Collection<UInt8>) -> Bool {
        withBytes(s) { s in
            guard let first = s.first else { return false }
            if first | 0x20 == UInt8(ascii: "b") {
                return isValidSegwitAddress(s)
            }
            return isValidBase58Check(s)
        }
    }

    private static func isValidBase58Check(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !s.isEmpty, s.count <= 50 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 25 + 32 + 32) { scratch in
            let raw = scratch.baseAddress!
            raw.initialize(repeating: 0, count: 25 + 32 + 32)
            for c in s {
                let value = base58Table[Int(c)]
                guard value != 0xFF else { return false }
                var carry = UInt32(value)
                var k = 24
                while k >= 0 {
                    carry += UInt32(raw[k]) * 58
                    raw[k] = UInt8(truncatingIfNeeded: carry)
                    carry >>= 8
                    k -= 1
                }
                guard carry == 0 else { return false } // more than 25 bytes
            }
            // Canonical encoding: each leading '1' is exactly one leading zero byte.
            var leadingOnes = 0
            while leadingOnes < s.count, s[leadingOnes] == UInt8(ascii: "1") { leadingOnes += 1 }
            var leadingZeros = 0
            while leadingZeros < 25, raw[leadingZeros] == 0 { leadingZeros += 1 }
            guard leadingOnes == leadingZeros, raw[0] == 0x00 || raw[0] == 0x05 else { return false }

            let first = UnsafeMutableBufferPointer(start: raw + 25, count: 32)
            let second = UnsafeMutableBufferPointer(start: raw + 57, count: 32)
            SHA256.hash(UnsafeBufferPointer(start: raw, count: 21), into: first)
            SHA256.hash(UnsafeBufferPointer(first), into: second)
            return raw[21] == second[0] && raw[22] == second[1] && raw[23] == second[2] && raw[24] == second[3]
        }
    }

    private static func isValidSegwitAddress(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        // "bc" + "1" + version + program (>= 2 bytes = 4 chars) + 6 checksum chars; BIP-173 caps at 90.
        guard n >= 14, n <= 90 else { return false }
        var hasLower = false, hasUpper = false
        for c in s {
            if c &- UInt8(ascii: "a") < 26 { hasLower = true }
            else if c &- UInt8(ascii: "A") < 26 { hasUpper = true }
        }
        guard !(hasLower && hasUpper),
              s[0] | 0x20 == UInt8(ascii: "b"), s[1] | 0x20 == UInt8(ascii: "c"), s[2] == UInt8(ascii: "1")
        else { return false }

        // Expanded HRP "bc": high bits, 0, low bits.
        var check: UInt32 = 1
        check = bech32PolymodStep(check, 3)
        check = bech32PolymodStep(check, 3)
        check = bech32PolymodStep(check, 0)
        check = bech32PolymodStep(check, 2)
        check = bech32PolymodStep(check, 3)

        let checksumStart = n - 6
        var version: UInt8 = 0
        var accumulator: UInt32 = 0
        var bits = 0
        var programLength = 0
        for k in 3..<n {
            let value = bech32Table[Int(s[k] | 0x20)]
            guard value != 0xFF else { return false }
            check = bech32PolymodStep(check, value)
            if k == 3 {
                version = value
            } else if k < checksumStart {
                accumulator = ((accumulator << 5) | UInt32(value)) & 0xFFF
                bits += 5
                if bits >= 8 {
                    bits -= 8
                    programLength += 1
                }
            }
        }
        // Leftover bits must be fewer than 5 and all zero.
        guard bits < 5, accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return false }
        guard version <= 16, (2...40).contains(programLength) else { return false }
        if version == 0 {
            return (programLength == 20 || programLength == 32) && check == 1
        }
        return check == 0x2BC8_30A3
    }

    @inline(__always)
    private static func bech32PolymodStep(_ check: UInt32, _ value: UInt8) -> UInt32 {
        let top = check >> 25
        var c = (check & 0x1FF_FFFF) << 5 ^ UInt32(value)
        if top & 1 != 0 { c ^= 0x3B6A_57B2 }
        if top & 2 != 0 { c ^= 0x2650_8E6D }
        if top & 4 != 0 { c ^= 0x1EA1_19FA }
        if top & 8 != 0 { c ^= 0x3D42_33DD }
        if top & 16 != 0 { c ^= 0x2A14_62B3 }
        return c
    }

    /// Byte -> base-58 digit value, 0xFF if not in the Bitcoin alphabet.
    private static let base58Table: [UInt8] = makeLookupTable("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    /// Lower-case byte -> bech32 5-bit value, 0xFF if not in the charset.
    private static let bech32Table: [UInt8] = makeLookupTable("qpzry9x8gf2tvdw0s3jn54khce6mua7l")

    private static func makeLookupTable(_ alphabet: String) -> [UInt8] {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.utf8.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        return table
    }

    // MARK: - Ethereum

    /// "0x" + 40 hex digits. All-lower or all-upper hex is accepted without a
    /// checksum; mixed case must match the EIP-55 checksum.
    static func isValidEthereumAddress(_ s: some Collection<UInt8>) -> Bool {
        withBytes(s) { isValidEthereum($0) }
    }

    private static func isValidEthereum(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count == 42, s[0] == UInt8(ascii: "0"), s[1] | 0x20 == UInt8(ascii: "x") else { return false }
        var hasLower = false, hasUpper = false
        for k in 2..<42 {
            let c = s[k]
            if c &- UInt8(ascii: "0") < 10 { continue }
            if c &- UInt8(ascii: "a") < 6 { hasLower = true; continue }
            if c &- UInt8(ascii: "A") < 6 { hasUpper = true; continue }
            return false
        }
        guard hasLower && hasUpper else { return true }

        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40 + 32) { scratch in
            let lower = scratch.baseAddress!
            for k in 0..<40 {
                let c = s[k + 2]
                lower[k] = c &- UInt8(ascii: "0") < 10 ? c : c | 0x20
            }
            let digest = UnsafeMutableBufferPointer(start: lower + 40, count: 32)
            Keccak256.hash(UnsafeBufferPointer(start: lower, count: 40), into: digest)
            for k in 0..<40 {
                let c = s[k + 2]
                if c &- UInt8(ascii: "0") < 10 { continue }
                let byte = digest[k >> 1]
                let nibble = k & 1 == 0 ? byte >> 4 : byte & 0x0F
                let isUpper = c &- UInt8(ascii: "A") < 6
                if (nibble >= 8) != isUpper { return false }
            }
            return true
        }
    }

    // MARK: - Account numbers

    /// Norwegian 11-digit bank account number (kontonummer), MOD-11 with
    /// weights 5,4,3,2,7,6,5,4,3,2 over the first ten digits.
    static func isValidNorwegianAccount(_ digits: some Collection<UInt8>) -> Bool {
        withBytes(digits) { s in
            guard s.count == 11 else { return false }
            var sum = 0
            for k in 0..<11 {
                let d = s[k] &- UInt8(ascii: "0")
                guard d < 10 else { return false }
                if k < 10 {
                    // Weights 5,4,3,2 then 7,6,5,4,3,2.
                    let weight = k < 4 ? 5 - k : 11 - k
                    sum += Int(d) * weight
                }
            }
            let remainder = sum % 11
            let check: Int
            switch remainder {
            case 0: check = 0
            case 1: return false
            default: check = 11 - remainder
            }
            return Int(s[10] &- UInt8(ascii: "0")) == check
        }
    }

    /// Luhn (mod-10) check over ASCII digits; at least two digits.
    static func isValidLuhn(_ digits: some Collection<UInt8>) -> Bool {
        withBytes(digits) { s in
            guard s.count >= 2 else { return false }
            var sum = 0
            var double = false
            var k = s.count - 1
            while k >= 0 {
                let d = s[k] &- UInt8(ascii: "0")
                guard d < 10 else { return false }
                var v = Int(d)
                if double {
                    v *= 2
                    if v > 9 { v -= 9 }
                }
                sum += v
                double.toggle()
                k -= 1
            }
            return sum % 10 == 0
        }
    }

    // MARK: - BIC

    /// ISO 9362 shape: 4 letters (institution), ISO 3166 alpha-2 country,
    /// 2 alphanumerics (location), optional 3 alphanumerics (branch).
    /// Upper case only.
    static func isPlausibleBIC(_ s: some Collection<UInt8>) -> Bool {
        withBytes(s) { s in
            guard s.count == 8 || s.count == 11 else { return false }
            for k in 0..<4 where s[k] &- UInt8(ascii: "A") >= 26 { return false }
            guard let country = countryIndex(s[4], s[5]), isISOCountry(country) else { return false }
            for k in 6..<s.count {
                let c = s[k]
                guard c &- UInt8(ascii: "A") < 26 || c &- UInt8(ascii: "0") < 10 else { return false }
            }
            return true
        }
    }

    @inline(__always)
    private static func isISOCountry(_ index: Int) -> Bool {
        isoCountryBitmap[index / 26] & (1 << UInt32(index % 26)) != 0
    }

    /// ISO 3166-1 alpha-2 codes (plus XK, Kosovo, used by SWIFT and the IBAN
    /// registry) as 26 rows of 26-bit masks.
    private static let isoCountryBitmap: [UInt32] = {
        let codes = """
            AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ \
            BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
            CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ \
            DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
            GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY \
            HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP \
            KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY \
            MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ \
            NA NC NE NF NG NI NL NO NP NR NU NZ OM \
            PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW \
            SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ \
            TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ \
            UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
            """
        var rows = [UInt32](repeating: 0, count: 26)
        var pending: UInt8?
        for byte in codes.utf8 {
            guard byte != space else { pending = nil; continue }
            if let a = pending, let index = countryIndex(a, byte) {
                rows[index / 26] |= 1 << UInt32(index % 26)
                pending = nil
            } else {
                pending = byte
            }
        }
        return rows
    }()

    // MARK: - Byte helpers

    private static let space = UInt8(ascii: " ")

    @inline(__always)
    private static func isAlnum(_ c: UInt8) -> Bool {
        c &- UInt8(ascii: "0") < 10 || (c | 0x20) &- UInt8(ascii: "a") < 26
    }

    @inline(__always)
    private static func isDigit(_ c: UInt8) -> Bool {
        c &- UInt8(ascii: "0") < 10
    }

    /// ASCII upper-casing of letters; other bytes unchanged.
    @inline(__always)
    private static func upper(_ c: UInt8) -> UInt8 {
        c &- UInt8(ascii: "a") < 26 ? c & ~0x20 : c
    }

    /// 0..<676 for two upper-case ASCII letters, else nil.
    @inline(__always)
    private static func countryIndex(_ a: UInt8, _ b: UInt8) -> Int? {
        let x = a &- UInt8(ascii: "A"), y = b &- UInt8(ascii: "A")
        guard x < 26, y < 26 else { return nil }
        return Int(x) * 26 + Int(y)
    }

    /// Runs `body` on contiguous bytes of `s`, copying only if `s` has no
    /// contiguous storage.
    @inline(__always)
    private static func withBytes<R>(
        _ s: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        if let result = s.withContiguousStorageIfAvailable(body) { return result }
        return Array(s).withUnsafeBufferPointer(body)
    }
}
