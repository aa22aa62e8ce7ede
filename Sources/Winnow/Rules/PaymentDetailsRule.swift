/// Payment details: validated IBANs (country length and mod-97), Bitcoin (Base58Check, bech32) and
/// Ethereum (EIP-55) addresses, numbers under a bank or payment-app label ("AC #", "Kontonummer",
/// "Reg nr.", "Sort code", "Vipps", "Swish", "MobilePay", "Bizum"), and PayPal, Patreon, Ko-fi and
/// GoFundMe links.
///
/// A block goes when it is made of such details: at most 6 words besides them, or at most 12 when it
/// does not read as a sentence. A validated identifier inside an article's sentence (a fraud report
/// quoting an IBAN) is content and stays.
public struct PaymentDetailsRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "payment-details",
        name: "Payment details",
        family: .payment,
        summary: "Removes blocks of bank accounts, IBANs, payment-app numbers, crypto addresses and payment links.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da"],
        triggering: [
            RuleExample("The museum reopens on Friday.\nIBAN: DE89 3704 0044 0532 0130 00\n", expected: "The museum reopens on Friday.\n"),
            RuleExample("The museum reopens on Friday.\nHarbour Bank AC # 0530 2294668\nVipps: #557320\n",
                        expected: "The museum reopens on Friday.\n"),
            RuleExample("The museum reopens on Friday.\nSort code: 40-11-62, account number 31926819\n",
                        expected: "The museum reopens on Friday.\n"),
            RuleExample("The museum reopens on Friday.\nBTC: 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\nETH: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n",
                        expected: "The museum reopens on Friday.\n"),
            RuleExample("The museum reopens on Friday.\nhttps://www.patreon.com/harbourvoice\npaypal.me/harbourvoice\n",
                        expected: "The museum reopens on Friday.\n"),
            RuleExample("Museet åpner fredag.\nKontonummer: 8601.11.17947\n", expected: "Museet åpner fredag.\n"),
            RuleExample("Museet öppnar fredag.\nSwish: 123 456 78 90\n", expected: "Museet öppnar fredag.\n"),
        ],
        nonTriggering: [
            // Quoted evidence in a report of a scam or a ransom demand, on a line of its own.
            RuleExample("""
                Islanders have reported a scam text message that asks for a harbour fee. It says:
                Your boat permit expires today. Pay the fee of 4.50 euros to
                DE89 3704 0044 0532 0130 00
                The harbour office said it never asks for payment by text message.

                """),
            RuleExample("""
                The hackers left a ransom note on the school's computers: "Pay 2 BTC to this address within three days."
                bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4
                The school restored its files from last week's backup instead.

                """),
            RuleExample("Police said the stolen money was moved to the account DE89 3704 0044 0532 0130 00 before it vanished abroad.\n"),
            RuleExample("The ransom note asked for payment to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, investigators told the court on Tuesday.\n"),
            RuleExample("DE89 3704 0044 0532 0130 01 is not a valid IBAN.\n"),
            RuleExample("The company's account number was never disclosed, and the bank declined to comment on the case.\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = PaymentDetailsRule.labels.map { Cue($0, .label) }
        + PaymentDetailsRule.links.map { Cue($0, .strong) }
        + PaymentDetailsRule.crimeWords.map { Cue($0, .weak) }
        + PaymentDetailsRule.appealWords.map { Cue($0, .weak) }
    /// Where each family sits in `cues`, in the order above.
    static let labelCues = Range.cues(first: labels.count)
    static let linkCues = Range.cues(after: labelCues, count: links.count)
    static let crimeCues = Range.cues(after: linkCues, count: crimeWords.count)
    static let appealCues = Range.cues(after: crimeCues, count: appealWords.count)

    /// Words of an appeal for money: near them, payment details are the appeal's even beside a scam's words ("Beware of
    /// fraudsters: our only account is ...").
    static let appealWords: [String] = [
        "donate", "donation", "donations", "support us", "support our", "spende", "spenden", "spendenkonto", "faire un don",
        "donar", "donación", "donativo", "donazione", "doação", "doneer", "donatie", "gåva", "darowizna", "wesprzyj",
        "unterstützen sie", "soutenez", "apóyanos", "apoie", "steun ons", "støtt oss", "stöd oss", "contribute", "contribution",
    ]

    /// Words of a report on a scam, a fraud or a ransom demand: payment details within `crimeDistance` lines of one are
    /// quoted evidence, not an appeal for money. Not "police" or "court": crime news is common, and a site's appeal with
    /// its bank details often follows such an article.
    static let crimeWords: [String] = [
        "scam", "scams", "scammer", "scammers", "fraud", "frauds", "fraudster", "fraudsters", "fraudulent", "phishing",
        "ransom", "ransomware", "extortion", "hacker", "hackers", "swindle", "swindler", "swindlers",
        "betrug", "betrüger", "betrügerisch", "lösegeld", "erpressung", "erpresser", "arnaque", "arnaques", "escroquerie",
        "escroc", "escrocs", "fraude", "rançon", "hameçonnage", "estafa", "estafas", "estafador", "estafadores", "truffa",
        "truffatori", "frode", "riscatto", "golpistas", "oplichting", "oplichters", "losgeld", "svindel", "svindlere",
        "svindlare", "bedrageri", "bedragare", "løsepenger", "oszustwo", "oszuści", "okup",
    ]
    /// Non-blank lines before and after a payment line searched for `crimeWords`.
    static let crimeDistance = 3
    /// Non-blank lines before and after a payment line searched for `appealWords`.
    static let appealDistance = 6

    /// Labels that introduce an account or payment number.
    static let labels: [String] = [
        "ac #", "ac#", "a/c", "a/c no", "acct", "acct no", "account no", "account #", "account number", "bank account",
        "account for international payments", "sort code", "routing number", "iban", "bic", "swift", "swift code",
        "kontonummer", "kontonr", "konto nr", "kontonr.", "konto", "bankkonto", "reg nr", "reg. nr", "reg.nr", "regnr",
        "registreringsnummer", "bankgiro", "plusgiro", "90-konto", "vipps", "vippsnummer", "swish", "swishnummer",
        "mobilepay", "mobile pay", "bizum", "venmo", "cash app", "numéro de compte", "número de cuenta", "número de conta",
        "conto corrente", "rekeningnummer", "rekening", "bankverbindung", "nib", "gavekonto", "bitcoin", "btc", "ethereum",
        "eth", "crypto", "wallet", "usdt",
    ]

    /// Payment and crowdfunding links.
    static let links: [String] = [
        "paypal.me/", "paypal.com/donate", "paypal.com/paypalme/", "patreon.com/", "ko-fi.com/", "gofundme.com/",
        "buymeacoffee.com/", "liberapay.com/", "opencollective.com/", "venmo.com/", "cash.app/",
    ]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let bytes = context.bytes
        let start = findings.count
        defer { PaymentDetailsRule.keepQuotedEvidence(context, from: start, in: &findings) }
        var identifiers: [PaymentIdentifierMatch] = []
        var spans: [(kind: String, range: Range<Int>)] = []
        var matchIndex = 0
        let matches = context.matches
        let blocks = context.blocks
        for index in blocks.indices {
            // Cue matches of this block (labels and links).
            while matchIndex < matches.count && matches[matchIndex].block < index { matchIndex += 1 }
            // A line with no cue and fewer than 10 digits holds nothing to find (most lines): skipped before
            // anything is copied or cleared.
            guard (matchIndex < matches.count && matches[matchIndex].block == index) || blocks[index].digits >= 10,
                  !blocks[index].isBlank else { continue }
            let block = blocks[index]
            spans.removeAll(keepingCapacity: true)
            var m = matchIndex
            var labelled = false
            while m < matches.count && matches[m].block == index {
                let match = matches[m]
                let cue = cues[Int(match.cue)]
                if PaymentDetailsRule.crimeCues.contains(match.cue) || PaymentDetailsRule.appealCues.contains(match.cue) {
                    m += 1
                    continue
                }
                labelled = true
                if cue.weight == .label {
                    if let number = PaymentDetailsRule.numberAfter(bytes, match.range.upperBound, block.trimmed.upperBound) {
                        spans.append((kind: "number after \u{201C}\(cue.phrase)\u{201D}", range: match.range.lowerBound..<number.upperBound))
                    }
                } else {
                    var end = match.range.upperBound
                    while end < block.trimmed.upperBound && !Bytes.isSpace(bytes[end]) { end += 1 }
                    var start = match.range.lowerBound
                    while start > block.trimmed.lowerBound && !Bytes.isSpace(bytes[start - 1]) { start -= 1 }
                    spans.append((kind: "payment link", range: start..<end))
                }
                m += 1
            }
            // Validated identifiers: on lines with 10 digits or more (every IBAN printed in groups has
            // more, and so do most addresses) or a payment label or link ("BTC:", "IBAN").
            if block.digits >= 10 || labelled {
                identifiers.removeAll(keepingCapacity: true)
                PaymentIdentifiers.scan(bytes, in: block.trimmed, into: &identifiers)
                for id in identifiers {
                    let kind: String
                    switch id.kind {
                    case .iban: kind = "IBAN"
                    case .bitcoin: kind = "Bitcoin address"
                    case .ethereum: kind = "Ethereum address"
                    }
                    spans.append((kind: kind, range: id.range))
                }
            }
            if spans.isEmpty { continue }
            let outside = PaymentDetailsRule.wordsOutside(bytes, block.trimmed, spans)
            let definite = outside <= 6 || (outside <= 12 && !block.endsLikeSentence)
            spans.sort { $0.range.lowerBound < $1.range.lowerBound }
            findings.append(Finding(block: index, strength: definite ? .definite : .weak, evidence: .identifiers(spans)))
        }
    }

    /// Drops the findings (from `start`) within `crimeDistance` non-blank lines of a crime's words and of no appeal's: an
    /// IBAN or an address quoted in a report of a scam or a ransom demand is the article's.
    static func keepQuotedEvidence(_ context: DetectionContext, from start: Int, in findings: inout [Finding]) {
        guard findings.count > start else { return }
        let crimeLines = context.matches.filter { crimeCues.contains($0.cue) }.map(\.block)
        guard !crimeLines.isEmpty else { return }
        let appealLines = context.matches.filter { appealCues.contains($0.cue) }.map(\.block)
        let blocks = context.blocks
        // Appeal words count further away (an appeal's heading over its text and its account).
        findings.keepFindings(from: start) { finding in
            let crime = window(blocks, finding.block, crimeDistance), appeal = window(blocks, finding.block, appealDistance)
            return !(crimeLines.contains { crime.contains($0) } && !appealLines.contains { appeal.contains($0) })
        }
    }

    /// Block `b` and `distance` non-blank lines each way.
    static func window(_ blocks: [Block], _ b: Int, _ distance: Int) -> ClosedRange<Int> {
        var low = b, high = b, seen = 0
        while low > 0 && seen < distance { low -= 1; if !blocks[low].isBlank { seen += 1 } }
        seen = 0
        while high + 1 < blocks.count && seen < distance { high += 1; if !blocks[high].isBlank { seen += 1 } }
        return low...high
    }

    /// A number that follows a label: after at most a few separators (`: # . - –` and spaces), digits
    /// in groups separated by single spaces, dots, dashes or slashes, with at least 4 digits in all.
    static func numberAfter(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ limit: Int) -> Range<Int>? {
        var i = from
        var skipped = 0
        while i < limit && skipped < 6 {
            let b = p[i]
            if b == 0x20 || b == 0x3A || b == 0x23 || b == 0x2E || b == 0x2D || b == 0x09 || b == 0x28 { i += 1; skipped += 1; continue }
            if b == 0xE2 && i + 2 < limit && p[i + 1] == 0x80 && (p[i + 2] == 0x93 || p[i + 2] == 0x94) { i += 3; skipped += 1; continue }
            if b == 0x6E && i + 2 < limit && (p[i + 1] | 0x20) == 0x6F && p[i + 2] == 0x2E { i += 3; skipped += 1; continue } // "no."
            break
        }
        guard i < limit, Bytes.isDigit(p[i]) else { return nil }
        let start = i
        var digits = 0
        var end = i
        while i < limit {
            let b = p[i]
            if Bytes.isDigit(b) {
                digits += 1; i += 1; end = i
            } else if (b == 0x20 || b == 0x2E || b == 0x2D || b == 0x2F) && i + 1 < limit && Bytes.isDigit(p[i + 1]) {
                i += 1
            } else {
                break
            }
        }
        if end < limit && Bytes.isASCIILetter(p[end]) { return nil }
        return digits >= 4 ? start..<end : nil
    }

    /// Words of `range` that share no byte with any span and hold a letter or digit.
    static func wordsOutside(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ spans: [(kind: String, range: Range<Int>)]) -> Int {
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound && Bytes.isSpace(p[i]) { i += 1 }
            let start = i
            var hasWord = false
            while i < range.upperBound && !Bytes.isSpace(p[i]) {
                if Bytes.isWordByte(p, i) { hasWord = true }
                i += 1
            }
            if start == i || !hasWord { continue }
            let word = start..<i
            if !spans.contains(where: { $0.range.overlaps(word) }) { count += 1 }
        }
        return count
    }
}
