import Testing
@testable import Winnow

// Reference values: IBAN examples are the published registry/bank examples,
// each re-checked with an independent Python mod-97; SHA-256 / SHA3-256
// digests come from Python's hashlib; Bitcoin vectors are from BIP-173/BIP-350
// (sipa/bech32 reference tests) and well-known mainnet addresses, re-checked
// with an independent Python implementation; Ethereum vectors are from EIP-55.

// MARK: - Helpers

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

private func scanAll(_ text: String) -> [PaymentIdentifierMatch] {
    let data = bytes(text)
    var out: [PaymentIdentifierMatch] = []
    data.withUnsafeBufferPointer { PaymentIdentifiers.scan($0, in: 0..<$0.count, into: &out) }
    return out
}

private func hex(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var s = ""
    for b in digest {
        s.append(digits[Int(b >> 4)])
        s.append(digits[Int(b & 0x0F)])
    }
    return s
}

/// Deterministic non-trivial test input (same formula as the Python script
/// that produced the expected digests: (i * 7 + 3) mod 256).
private func pattern(_ n: Int) -> [UInt8] {
    (0..<n).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
}

private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

private func compact(_ grouped: String) -> [UInt8] { bytes(grouped).filter { $0 != UInt8(ascii: " ") } }

/// The grouped form with its byte at `index` replaced by the next digit.
private func bumpDigit(_ s: [UInt8], at index: Int) -> [UInt8] {
    var m = s
    m[index] = UInt8(ascii: "0") + (m[index] - UInt8(ascii: "0") + 1) % 10
    return m
}

private func scanAll(_ data: [UInt8]) -> [PaymentIdentifierMatch] {
    var out: [PaymentIdentifierMatch] = []
    data.withUnsafeBufferPointer { PaymentIdentifiers.scan($0, in: 0..<$0.count, into: &out) }
    return out
}

private let validIBANs = [
    "GB82 WEST 1234 5698 7654 32",
    "DE89 3704 0044 0532 0130 00",
    "NO93 8601 1117 947",
    "FR14 2004 1010 0505 0001 3M02 606",
    "NL91 ABNA 0417 1643 00",
    "BE68 5390 0754 7034",
    "CH93 0076 2011 6238 5295 7",
]

/// Umbrella suite so `swift test --filter IdentifierTests` selects all of these.
@Suite struct IdentifierTests {
    @Test func scanFindsAllKindsInOrder() {
        let parts: [(String, PaymentIdentifierKind?)] = [
            ("Støtt arbeidet: ", nil),
            ("NO93 8601 1117 947", .iban),
            (", bitcoin ", nil),
            ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", .bitcoin),
            (" eller ", nil),
            ("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", .ethereum),
            (" / ", nil),
            ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", .bitcoin),
            // Invalid: one digit changed (mod-97) and one letter case flipped (EIP-55).
            (" (ugyldig: NO93 8601 1117 948, 0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359).", nil),
        ]
        var text = ""
        var expected: [PaymentIdentifierMatch] = []
        for (part, kind) in parts {
            let start = text.utf8.count
            text += part
            if let kind { expected.append(PaymentIdentifierMatch(kind: kind, range: start..<text.utf8.count)) }
        }
        #expect(scanAll(text) == expected)
    }
}

// MARK: - IBAN validation

extension IdentifierTests {
    @Suite struct IBANValidationTests {
        @Test(arguments: validIBANs)
        func compactFormIsValid(_ grouped: String) {
            let c = compact(grouped)
            #expect(PaymentIdentifiers.isValidIBAN(compact: c))
            // Lower-case letters are accepted by the validator.
            let lower = c.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
            #expect(PaymentIdentifiers.isValidIBAN(compact: lower))
            // String.UTF8View and a non-contiguous collection (copy fallback) work too.
            #expect(PaymentIdentifiers.isValidIBAN(compact: String(decoding: c, as: UTF8.self).utf8))
            #expect(PaymentIdentifiers.isValidIBAN(compact: AnyCollection(c)))
            #expect(PaymentIdentifiers.ibanLength(country: c[0], c[1]) == c.count)
        }

        @Test(arguments: validIBANs)
        func everySingleDigitChangeIsRejected(_ grouped: String) {
            let g = bytes(grouped)
            var mutations = 0
            for index in 2..<g.count where isDigit(g[index]) {
                let mutated = bumpDigit(g, at: index)
                #expect(!PaymentIdentifiers.isValidIBAN(compact: mutated.filter { $0 != UInt8(ascii: " ") }),
                        "\(String(decoding: mutated, as: UTF8.self))")
                #expect(scanAll(mutated).isEmpty, "\(String(decoding: mutated, as: UTF8.self))")
                mutations += 1
            }
            #expect(mutations >= 10)
        }

        @Test(arguments: validIBANs)
        func everyAdjacentDigitSwapIsRejected(_ grouped: String) {
            let c = compact(grouped)
            var swaps = 0
            for index in 2..<(c.count - 1) where isDigit(c[index]) && isDigit(c[index + 1]) && c[index] != c[index + 1] {
                var mutated = c
                mutated.swapAt(index, index + 1)
                #expect(!PaymentIdentifiers.isValidIBAN(compact: mutated), "\(String(decoding: mutated, as: UTF8.self))")
                #expect(scanAll(mutated).isEmpty)
                swaps += 1
            }
            #expect(swaps >= 5)
        }

        @Test(arguments: validIBANs)
        func wrongLengthForCountryIsRejected(_ grouped: String) {
            let c = compact(grouped)
            #expect(!PaymentIdentifiers.isValidIBAN(compact: c.dropLast()))
            #expect(!PaymentIdentifiers.isValidIBAN(compact: c + [UInt8(ascii: "0")]))
            #expect(scanAll(c.dropLast() + bytes(" text")).isEmpty)
            #expect(scanAll(c + bytes("0 text")).isEmpty)
        }

        @Test func countryLengthTable() {
            let expected: [(String, Int?)] = [
                ("DE", 22), ("NO", 15), ("MT", 31), ("FR", 27), ("GB", 22), ("BE", 16), ("CH", 21),
                ("NL", 18), ("XK", 20), ("JO", 30), ("US", nil), ("XX", nil), ("de", nil), ("De", nil),
            ]
            for (country, length) in expected {
                let c = bytes(country)
                #expect(PaymentIdentifiers.ibanLength(country: c[0], c[1]) == length, "\(country)")
            }
        }

        @Test func structuralRejections() {
            #expect(!PaymentIdentifiers.isValidIBAN(compact: bytes("")))
            #expect(!PaymentIdentifiers.isValidIBAN(compact: bytes("DE89")))
            // Unknown country with an otherwise plausible shape.
            #expect(!PaymentIdentifiers.isValidIBAN(compact: bytes("US89370400440532013000")))
            // Spaces are not allowed in the compact form.
            #expect(!PaymentIdentifiers.isValidIBAN(compact: bytes("DE89 3704 0044 0532 0130 00")))
            // Non-alphanumeric character in the BBAN.
            #expect(!PaymentIdentifiers.isValidIBAN(compact: bytes("DE8937040044053201300-")))
        }

        @Test func checkDigitsOutsideTwoToNinetyEightAreRejected() {
            // DE98... is valid; DE01 with the same BBAN is congruent mod 97 but never issued.
            #expect(PaymentIdentifiers.isValidIBAN(compact: bytes("DE98370400440532013032")))
            #expect(!PaymentIdentifiers.isValidIBAN(compact: bytes("DE01370400440532013032")))
            #expect(PaymentIdentifiers.isValidIBAN(compact: bytes("DE02370400440532013014")))
            #expect(!PaymentIdentifiers.isValidIBAN(compact: bytes("DE99370400440532013014")))
        }
    }
}

// MARK: - IBAN scanning

extension IdentifierTests {
    @Suite struct IBANScanTests {
        @Test(arguments: validIBANs)
        func findsGroupedAndCompactFormsInASentence(_ grouped: String) {
            let compactForm = String(decoding: compact(grouped), as: UTF8.self)
            for form in [grouped, compactForm] {
                let prefix = "Gi en gave til konto "
                let text = prefix + form + ". Takk!"
                let start = prefix.utf8.count
                #expect(scanAll(text) == [PaymentIdentifierMatch(kind: .iban, range: start..<(start + form.utf8.count))],
                        "\(form)")
            }
        }

        @Test func lowerCaseCountryIsNotMatched() {
            #expect(scanAll("konto de89 3704 0044 0532 0130 00 takk").isEmpty)
            #expect(scanAll("konto De89370400440532013000 takk").isEmpty)
            #expect(scanAll("konto dE89 3704 0044 0532 0130 00").isEmpty)
        }

        @Test func followingWordIsNotSwallowed() {
            let iban = "DE89 3704 0044 0532 0130 00"
            #expect(scanAll(iban + " Bank") == [PaymentIdentifierMatch(kind: .iban, range: 0..<iban.utf8.count)])
            #expect(scanAll(iban + " 12") == [PaymentIdentifierMatch(kind: .iban, range: 0..<iban.utf8.count)])
            // A word glued to the last group makes the group too long: no match.
            #expect(scanAll(iban + "Bank").isEmpty)
            // Norwegian IBAN with the last group extended past the country length.
            #expect(scanAll("NO93 8601 1117 9470").isEmpty)
        }

        @Test func multiByteTextBeforeKeepsByteRanges() {
            let prefix = "Støtt «Kirkens Bymisjon» – gi på "
            let iban = "NO93 8601 1117 947"
            let text = prefix + iban + " 💚 takk"
            #expect(prefix.utf8.count > prefix.count) // really multi-byte
            let start = prefix.utf8.count
            let matches = scanAll(text)
            #expect(matches == [PaymentIdentifierMatch(kind: .iban, range: start..<(start + iban.utf8.count))])
            if let match = matches.first {
                let found = String(decoding: bytes(text)[match.range], as: UTF8.self)
                #expect(found == iban)
            }
        }

        @Test func requiresWordBoundaries() {
            #expect(scanAll("XNO9386011117947").isEmpty)
            #expect(scanAll("7NO93 8601 1117 947").isEmpty)
            #expect(scanAll("NO9386011117947X").isEmpty)
            // Non-ASCII letters are not ASCII alnum, so they are boundaries.
            #expect(scanAll("é" + "NO9386011117947") == [PaymentIdentifierMatch(kind: .iban, range: 2..<17)])
        }

        @Test func groupsMustBeSeparatedBySingleSpaces() {
            #expect(scanAll("NO93  8601 1117 947").isEmpty)
            #expect(scanAll("NO93 8601\n1117 947").isEmpty)
            #expect(scanAll("NO93 86011 117 947").isEmpty)
            // Uneven but short groups are fine.
            #expect(scanAll("NO93 860 1111 7947") == [PaymentIdentifierMatch(kind: .iban, range: 0..<18)])
        }

        @Test func scansOnlyTheGivenRangeAndAppends() {
            let first = "GB82 WEST 1234 5698 7654 32"
            let second = "BE68 5390 0754 7034"
            let text = "A: " + first + "; B: " + second + "."
            let data = bytes(text)
            let secondStart = ("A: " + first + "; B: ").utf8.count
            let sentinel = PaymentIdentifierMatch(kind: .bitcoin, range: 0..<1)
            var out = [sentinel]
            data.withUnsafeBufferPointer { PaymentIdentifiers.scan($0, in: (secondStart - 4)..<data.count, into: &out) }
            #expect(out == [sentinel, PaymentIdentifierMatch(kind: .iban, range: secondStart..<(secondStart + second.utf8.count))])

            // A range ending inside the first IBAN does not read past its end.
            out = []
            data.withUnsafeBufferPointer { PaymentIdentifiers.scan($0, in: 0..<(3 + 14), into: &out) }
            #expect(out.isEmpty)
            // An empty range is fine.
            data.withUnsafeBufferPointer { PaymentIdentifiers.scan($0, in: 5..<5, into: &out) }
            #expect(out.isEmpty)
        }

        @Test func ordinaryTextHasNoMatches() {
            let text = """
                Regjeringen la fram statsbudsjettet for 2025 på tirsdag. DE, NO og GB \
                deltok; 1234 5678 9012 er ikke en konto, og heller ikke 0x1234 eller bc1. \
                Ærlig talt – 3J98 og BE68 er bare ord. «Sitat» 🙂
                """
            #expect(scanAll(text).isEmpty)
            #expect(scanAll("").isEmpty)
        }
    }
}

// MARK: - Hashes

extension IdentifierTests {
    @Suite struct HashTests {
        @Test(arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ])
        func sha256KnownStrings(_ input: String, _ digest: String) {
            #expect(hex(SHA256.hash(input.utf8)) == digest)
        }

        /// Lengths around the one-/two-block padding boundary and multi-block input.
        @Test(arguments: [
            (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
            (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
            (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
            (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
            (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
            (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
            (200, "2c7e18c942ef065b526a2d4e5546283749cd3ddfb51d8fc71f42717363685f46"),
        ])
        func sha256PaddingBoundaries(_ length: Int, _ digest: String) {
            #expect(hex(SHA256.hash(pattern(length))) == digest)
        }

        @Test func sha256MillionA() {
            let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
            #expect(hex(SHA256.hash(input)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        }

        @Test func keccak256Empty() {
            #expect(hex(Keccak256.hash([UInt8]())) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        }

        /// The same sponge with the FIPS 202 domain byte must reproduce hashlib's
        /// SHA3-256, including inputs at and around the 136-byte rate.
        @Test(arguments: [
            (0, "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
            (3, "fffadd0ae913c0947143ac7c6bf1d512c1b265db8ac52100614bd022ae2412d4"),
            (135, "d9dcf1f98e49a79b0643a9e68fef48079ff8777c5e7e7f93469ded65f192ac71"),
            (136, "743bd32e775ac7387a57d4d574c89ddef5ebcb08bb5cc6b88c55a27b5035cc45"),
            (137, "01d47e8d6dce6e3dcbf1baa6f845b6ace4ef74bd17da8176ecc49bc35dbe5d21"),
            (200, "9da37ea2fb33acd563a014f50d6f7cc225f25577a81d900452b72b5de98f239d"),
            (272, "ddeb5151c079739970e780e6257d0c4d52d83bf82c6aa8d47d5195530b5d5f4b"),
        ])
        func sha3VariantMatchesHashlib(_ length: Int, _ digest: String) {
            #expect(hex(Keccak256.hash(pattern(length), domain: Keccak256.sha3Domain)) == digest)
        }

        @Test func sha3OfABC() {
            #expect(hex(Keccak256.hash("abc".utf8, domain: Keccak256.sha3Domain))
                    == "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")
        }
    }
}

// MARK: - Bitcoin

extension IdentifierTests {
    @Suite struct BitcoinTests {
        static let valid = [
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            // BIP-173 / BIP-350 mainnet vectors.
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
            "BC1SW50QGDZ25J",
            "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ]

        @Test(arguments: valid)
        func validAddresses(_ address: String) {
            #expect(PaymentIdentifiers.isValidBitcoinAddress(address.utf8))
            let prefix = "BTC: "
            #expect(scanAll(prefix + address + ", takk")
                    == [PaymentIdentifierMatch(kind: .bitcoin, range: prefix.utf8.count..<(prefix.utf8.count + address.utf8.count))])
        }

        @Test(arguments: [
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", // checksum
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", // checksum
            "11A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", // extra leading '1' (non-canonical)
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a", // '0' not in base58
            "",
            // BIP-350 invalid mainnet vectors.
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // bech32 for v1
            "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", // bech32 for v16
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", // bech32m for v0
            "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", // 'o' in data
            "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", // witness version 17
            "bc1pw5dgrnzv", // 1-byte program
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", // 41-byte program
            "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", // 16-byte v0 program
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", // more than 4 padding bits
            "bc1gmk9yu", // empty data
            // Testnet is not accepted.
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
            // Mixed case.
            "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3t4",
        ])
        func invalidAddresses(_ address: String) {
            #expect(!PaymentIdentifiers.isValidBitcoinAddress(address.utf8))
            #expect(scanAll("to " + address + " now").isEmpty)
        }

        @Test(arguments: valid)
        func everySingleCharacterChangeIsRejected(_ address: String) {
            let base58 = bytes("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
            let bech32Lower = bytes("qpzry9x8gf2tvdw0s3jn54khce6mua7l")
            let a = bytes(address)
            let isBech32 = a[0] | 0x20 == UInt8(ascii: "b")
            let upper = isBech32 && a[0] == UInt8(ascii: "B")
            let alphabet = isBech32 ? bech32Lower.map { upper && $0 >= 0x61 ? $0 & ~0x20 : $0 } : base58
            for index in (isBech32 ? 3 : 0)..<a.count {
                let position = alphabet.firstIndex(of: a[index])!
                var mutated = a
                mutated[index] = alphabet[(position + 1) % alphabet.count]
                #expect(!PaymentIdentifiers.isValidBitcoinAddress(mutated), "\(String(decoding: mutated, as: UTF8.self))")
            }
        }

        @Test func scannerRespectsLengthAndBoundaries() {
            #expect(scanAll("x1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").isEmpty)
            #expect(scanAll("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNax").isEmpty)
            #expect(scanAll("abc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4").isEmpty)
        }
    }
}

// MARK: - Ethereum

extension IdentifierTests {
    @Suite struct EthereumTests {
        static let eip55 = [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        ]

        @Test(arguments: eip55)
        func checksummedAddressesAreValid(_ address: String) {
            #expect(PaymentIdentifiers.isValidEthereumAddress(address.utf8))
            let prefix = "ETH → "
            let start = prefix.utf8.count
            #expect(scanAll(prefix + address + ".") == [PaymentIdentifierMatch(kind: .ethereum, range: start..<(start + 42))])
        }

        @Test(arguments: eip55)
        func uniformCaseIsAcceptedWithoutChecksum(_ address: String) {
            let a = bytes(address)
            let body = a[2...]
            let lower = bytes("0x") + body.map { $0 >= 0x41 && $0 <= 0x46 ? $0 | 0x20 : $0 }
            let upper = bytes("0X") + body.map { $0 >= 0x61 && $0 <= 0x66 ? $0 & ~0x20 : $0 }
            #expect(PaymentIdentifiers.isValidEthereumAddress(lower))
            #expect(PaymentIdentifiers.isValidEthereumAddress(upper))
            #expect(scanAll(lower).count == 1)
        }

        @Test(arguments: eip55)
        func flippingAnyLetterCaseBreaksChecksum(_ address: String) {
            let a = bytes(address)
            var flips = 0
            for index in 2..<a.count where (a[index] | 0x20) >= 0x61 && (a[index] | 0x20) <= 0x66 {
                var mutated = a
                mutated[index] ^= 0x20
                let letters = mutated[2...].filter { $0 > 0x39 }
                // A flip that leaves only one case is a (valid) unchecksummed address.
                if letters.allSatisfy({ $0 >= 0x61 }) || letters.allSatisfy({ $0 <= 0x46 }) { continue }
                #expect(!PaymentIdentifiers.isValidEthereumAddress(mutated), "\(String(decoding: mutated, as: UTF8.self))")
                #expect(scanAll(mutated).isEmpty)
                flips += 1
            }
            #expect(flips >= 10)
        }

        @Test(arguments: [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", // 39 hex
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed0", // 41 hex
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", // non-hex
            "005aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", // no x
            "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "",
        ])
        func malformedAddressesAreInvalid(_ address: String) {
            #expect(!PaymentIdentifiers.isValidEthereumAddress(address.utf8))
            #expect(scanAll("send " + address + " now").isEmpty)
        }
    }
}

// MARK: - Account numbers and BIC

extension IdentifierTests {
    @Suite struct AccountNumberTests {
        @Test func norwegianAccount() {
            #expect(PaymentIdentifiers.isValidNorwegianAccount(bytes("86011117947")))
            #expect(!PaymentIdentifiers.isValidNorwegianAccount(bytes("8601111794")))
            #expect(!PaymentIdentifiers.isValidNorwegianAccount(bytes("860111179470")))
            #expect(!PaymentIdentifiers.isValidNorwegianAccount(bytes("8601.111794")))
            #expect(!PaymentIdentifiers.isValidNorwegianAccount(bytes("")))
        }

        @Test func norwegianAccountSingleDigitChangesAreRejected() {
            let valid = bytes("86011117947")
            for index in valid.indices {
                for delta: UInt8 in 1...9 {
                    var mutated = valid
                    mutated[index] = UInt8(ascii: "0") + (valid[index] - UInt8(ascii: "0") + delta) % 10
                    #expect(!PaymentIdentifiers.isValidNorwegianAccount(mutated), "\(String(decoding: mutated, as: UTF8.self))")
                }
            }
        }

        @Test func luhn() {
            #expect(PaymentIdentifiers.isValidLuhn(bytes("79927398713")))
            #expect(!PaymentIdentifiers.isValidLuhn(bytes("79927398710")))
            #expect(!PaymentIdentifiers.isValidLuhn(bytes("7992739871x")))
            #expect(!PaymentIdentifiers.isValidLuhn(bytes("0")))
            let valid = bytes("79927398713")
            for index in valid.indices {
                #expect(!PaymentIdentifiers.isValidLuhn(bumpDigit(valid, at: index)))
            }
        }

        @Test(arguments: ["DEUTDEFF", "NEDSZAJJXXX", "DEUTDEFF500", "NOKINOKK", "DNBANOKKXXX"])
        func plausibleBIC(_ bic: String) {
            #expect(PaymentIdentifiers.isPlausibleBIC(bic.utf8))
        }

        @Test(arguments: [
            "DEUTXXFF", // no such country
            "DEUTQQFF", // no such country
            "deutdeff", // lower case
            "DEUTdeFF",
            "DEUTDEF", // 7 chars
            "DEUTDEFF5", // 9 chars
            "DEUTDEFF50", // 10 chars
            "DEU1DEFF", // digit in bank code
            "DEUTDEF-",
            "",
        ])
        func implausibleBIC(_ bic: String) {
            #expect(!PaymentIdentifiers.isPlausibleBIC(bic.utf8))
        }
    }
}

// MARK: - The scanner's skip over digit-free text

extension IdentifierTests {
    /// The scanner skips sixteen bytes at a time when they and the three after them hold no digit: an
    /// identifier of each kind after 0 to 40 bytes of digit-free text (words and spaces, a long word, a word
    /// glued to it) is still found at its place, and one glued to a word is still no match.
    @Test(arguments: ["NO93 8601 1117 947", "GB82WEST12345698765432", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                      "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
                      "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"])
    func identifiersAfterDigitFreeText(_ identifier: String) {
        for fill in ["abc de fghij klm nopq rstu vwxyz ab cdefg hij", "Spendenkontoinformationenfuerunsereleserinnen", "é ø «» — ü"] {
            for length in 0...40 {
                let before = String(decoding: Array(fill.utf8).prefix(length), as: UTF8.self)
                let separated = before.isEmpty || before.hasSuffix(" ") ? before : before + " "
                let text = separated + identifier + " and more words after it"
                let start = separated.utf8.count
                #expect(scanAll(text).map(\.range) == [start..<start + identifier.utf8.count], "\(text)")
                if let last = before.utf8.last, last != 0x20, last < 0x80 {
                    #expect(scanAll(before + identifier).isEmpty, "glued: \(before + identifier)")
                }
            }
        }
    }
}
