/// Measures a cleaning against a labelled article body ("gold"), the way the project's evaluation
/// script (and scrapinghub's article-extraction-benchmark) does, so users can measure Winnow on pages
/// they labelled themselves:
///
/// - tokens are runs of word characters as Python's `\w+` finds them (letters, numbers, `_`);
/// - P/R/F1: 4-token shingles, per-document TP/FP/FN normalised to sum 1, precision and recall averaged
///   over documents, F1 from the two averages;
/// - retention: of the gold tokens present in the input (bag of tokens, min-count overlap), the share
///   still present in the output; averaged over documents, and pooled;
/// - boilerplate removed: of the input tokens in excess of the gold, the share the output no longer has;
///   pooled over documents.
///
/// Not a hot path: it works on `String`s.
public enum Evaluation {
    /// One document's measurements.
    public struct DocumentScore: Sendable, Equatable {
        public var id: String
        public var group: String
        public var inputTriple: Triple
        public var outputTriple: Triple
        /// Gold tokens present in the input, and of those still in the output.
        public var shared: Int
        public var kept: Int
        public var boilerplateIn: Int
        public var boilerplateRemoved: Int
        public var changed: Bool
        public var retention: Double? { shared > 0 ? Double(kept) / Double(shared) : nil }
    }

    /// True positives, false positives and false negatives, normalised to sum 1.
    public struct Triple: Sendable, Equatable {
        public var tp: Double, fp: Double, fn: Double
    }

    public struct Summary: Sendable, Equatable {
        public var name: String
        public var documents: Int
        public var changed: Int
        public var input: (precision: Double, recall: Double, f1: Double)
        public var output: (precision: Double, recall: Double, f1: Double)
        public var retentionMean: Double?
        public var retentionPooled: Double?
        public var retentionMin: Double?
        public var belowFloor: Int
        public var boilerplateIn: Int
        public var boilerplateRemoved: Double?

        public static func == (a: Summary, b: Summary) -> Bool {
            a.name == b.name && a.documents == b.documents && a.changed == b.changed
                && a.input == b.input && a.output == b.output && a.retentionMean == b.retentionMean
                && a.retentionPooled == b.retentionPooled && a.belowFloor == b.belowFloor
                && a.boilerplateIn == b.boilerplateIn && a.boilerplateRemoved == b.boilerplateRemoved
        }
    }

    /// Documents whose retention is below this are counted and listed.
    public static let retentionFloor = 0.98

    /// Python's `\w+` tokens.
    public static func tokenize(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start: String.Index? = nil
        var index = text.startIndex
        let scalars = text.unicodeScalars
        while index < text.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let s = start {
                tokens.append(text[s..<index])
                start = nil
            }
            index = next
        }
        if let s = start { tokens.append(text[s..<text.endIndex]) }
        return tokens
    }

    /// Whether Python's `re` counts the scalar as a word character: a letter (Lu, Ll, Lt, Lm, Lo),
    /// anything with a numeric value, or `_`.
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let b = UInt8(s.value)
            return Bytes.isASCIIAlnum(b) || b == 0x5F
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return s.properties.numericType != nil
        }
    }

    static func shingles(_ tokens: [Substring], n: Int = 4) -> [[Substring]: Int] {
        var counts: [[Substring]: Int] = [:]
        if tokens.count < n {
            if !tokens.isEmpty { counts[tokens] = 1 }
            return counts
        }
        for i in 0...(tokens.count - n) { counts[Array(tokens[i..<(i + n)]), default: 0] += 1 }
        return counts
    }

    static func triple(_ truth: [[Substring]: Int], _ predicted: [[Substring]: Int]) -> Triple {
        var tp = 0
        for (k, c) in predicted { tp += min(c, truth[k] ?? 0) }
        let fp = predicted.values.reduce(0, +) - tp
        let fn = truth.values.reduce(0, +) - tp
        let s = tp + fp + fn
        guard s > 0 else { return Triple(tp: 0, fp: 0, fn: 0) }
        return Triple(tp: Double(tp) / Double(s), fp: Double(fp) / Double(s), fn: Double(fn) / Double(s))
    }

    /// Scores one document: its input text, the cleaner's output and the gold body.
    public static func score(id: String, group: String = "", input: String, output: String, gold: String) -> DocumentScore {
        let g = tokenize(gold), i = tokenize(input), o = tokenize(output)
        let goldShingles = shingles(g)
        var gc: [Substring: Int] = [:], ic: [Substring: Int] = [:], oc: [Substring: Int] = [:]
        for t in g { gc[t, default: 0] += 1 }
        for t in i { ic[t, default: 0] += 1 }
        for t in o { oc[t, default: 0] += 1 }
        var shared = 0, kept = 0, bpIn = 0, bpOut = 0
        for (t, icount) in ic {
            let gcount = gc[t] ?? 0
            let ocount = oc[t] ?? 0
            let m = min(gcount, icount)
            shared += m
            kept += min(m, ocount)
            bpIn += max(0, icount - gcount)
            bpOut += max(0, min(ocount, icount) - gcount)
        }
        let inTriple = triple(goldShingles, shingles(i))
        let outTriple = output == input ? inTriple : triple(goldShingles, shingles(o))
        return DocumentScore(id: id, group: group, inputTriple: inTriple, outputTriple: outTriple, shared: shared, kept: kept,
                             boilerplateIn: bpIn, boilerplateRemoved: bpIn - bpOut, changed: output != input)
    }

    static func share(_ tp: Double, _ wrong: Double, _ fp: Double, _ fn: Double) -> Double {
        if fp == 0 && fn == 0 { return 1 }
        return tp + wrong > 0 ? tp / (tp + wrong) : 0
    }

    static func prf(_ triples: [Triple]) -> (precision: Double, recall: Double, f1: Double) {
        let ps = triples.filter { $0.tp + $0.fp > 0 }.map { share($0.tp, $0.fp, $0.fp, $0.fn) }
        let rs = triples.filter { $0.tp + $0.fn > 0 }.map { share($0.tp, $0.fn, $0.fp, $0.fn) }
        let p = ps.isEmpty ? 0 : ps.reduce(0, +) / Double(ps.count)
        let r = rs.isEmpty ? 0 : rs.reduce(0, +) / Double(rs.count)
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    /// Aggregates documents under a name.
    public static func summarize(_ name: String, _ docs: [DocumentScore]) -> Summary {
        let rets = docs.compactMap(\.retention)
        let shared = docs.reduce(0) { $0 + $1.shared }, kept = docs.reduce(0) { $0 + $1.kept }
        let bpIn = docs.reduce(0) { $0 + $1.boilerplateIn }, bpRm = docs.reduce(0) { $0 + $1.boilerplateRemoved }
        return Summary(name: name, documents: docs.count, changed: docs.filter(\.changed).count,
                       input: prf(docs.map(\.inputTriple)), output: prf(docs.map(\.outputTriple)),
                       retentionMean: rets.isEmpty ? nil : rets.reduce(0, +) / Double(rets.count),
                       retentionPooled: shared > 0 ? Double(kept) / Double(shared) : nil,
                       retentionMin: rets.min(), belowFloor: rets.filter { $0 < retentionFloor }.count,
                       boilerplateIn: bpIn, boilerplateRemoved: bpIn > 0 ? Double(bpRm) / Double(bpIn) : nil)
    }

    /// The table printed by `winnow eval`: one row per group (sorted), then overall, then the worst documents.
    public static func table(_ docs: [DocumentScore], worst: Int = 10) -> String {
        var rows: [Summary] = []
        let groups = Set(docs.map(\.group)).sorted()
        if groups.count > 1 || groups.first != "" {
            for g in groups { rows.append(summarize(g, docs.filter { $0.group == g })) }
        }
        rows.append(summarize("overall", docs))
        func f(_ x: Double?) -> String { x.map { String(format3: $0) } ?? "    -" }
        var out = "group".padded(28) + " docs |  P_in  R_in F1_in |     P     R    F1 |   ret bp_rm  <.98\n"
        out += String(repeating: "-", count: 94) + "\n"
        for r in rows {
            if r.name == "overall" && rows.count > 1 { out += String(repeating: "-", count: 94) + "\n" }
            out += r.name.padded(28) + String(r.documents).leftPadded(5) + " | "
            out += [r.input.precision, r.input.recall, r.input.f1].map(f).joined(separator: " ") + " | "
            out += [r.output.precision, r.output.recall, r.output.f1].map(f).joined(separator: " ") + " | "
            out += f(r.retentionMean) + " " + f(r.boilerplateRemoved) + String(r.belowFloor).leftPadded(6) + "\n"
        }
        let overall = rows.last!
        out += "\ndocs \(overall.documents), changed by the cleaner \(overall.changed); pooled retention \(overall.retentionPooled.map { String(format4: $0) } ?? "-")\n"
        let low = docs.filter { ($0.retention ?? 1) < 1 }.sorted { ($0.retention ?? 1, $0.id) < ($1.retention ?? 1, $1.id) }.prefix(worst)
        if !low.isEmpty {
            out += "lowest retention: " + low.map { "\($0.id) (\(String(format3: $0.retention!)))" }.joined(separator: ", ") + "\n"
        }
        return out
    }
}

extension String {
    /// A number with three decimals, as score.py prints it.
    init(format3 x: Double) { self = Evaluation.fixed(x, 3) }
    init(format4 x: Double) { self = Evaluation.fixed(x, 4) }
    func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}

extension Evaluation {
    /// Fixed-point formatting without Foundation (rounds half away from zero).
    static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let negative = x < 0
        let n = Int((abs(x) * scale).rounded())
        let whole = n / Int(scale), frac = n % Int(scale)
        var fracText = String(frac)
        while fracText.count < digits { fracText = "0" + fracText }
        return (negative ? "-" : "") + "\(whole).\(fracText)"
    }
}
