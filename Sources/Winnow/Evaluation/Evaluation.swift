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
        /// The group values joined with `/` ("" when ungrouped).
        public var group: String
        /// One value per group field (empty when ungrouped).
        public var groups: [String]
        /// The JSONL line the document came from, when it was read from a file.
        public var line: Int?
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
        score(id: id, groups: group.isEmpty ? [] : [group], input: input, output: output, gold: gold)
    }

    /// Scores one document that belongs to one group per group field (`groups`, e.g. its source and tier).
    public static func score(id: String, groups: [String], line: Int? = nil, input: String, output: String, gold: String) -> DocumentScore {
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
        return DocumentScore(id: id, group: groups.joined(separator: "/"), groups: groups, line: line, inputTriple: inTriple,
                             outputTriple: outTriple, shared: shared, kept: kept,
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

    /// A row of the table: a group (or "overall") and its summary.
    public struct Row: Sendable {
        /// score.py's key: `source=x,tier=y`, `source=x`, `tier=y` or `overall`.
        public var key: String
        /// What the table prints: `x/y`, `x`, `*/y` or `overall`.
        public var label: String
        /// Rows of one section are printed together: all fields combined, then each field alone, then overall.
        public var section: Int
        public var summary: Summary
    }

    /// The rows the reference scorer prints, generalised to any number of group fields: one row per
    /// combination of values (`x/y`), then, with two or more fields, one row per value of each field
    /// alone (`x`, `*/y`), then overall. Within a section rows are in the order of their keys.
    /// `fields` names the group fields (for the keys); documents without groups give only overall.
    public static func rows(_ docs: [DocumentScore], fields: [String] = []) -> [Row] {
        let k = docs.map(\.groups.count).max() ?? 0
        func name(_ i: Int) -> String { i < fields.count ? fields[i] : (k == 1 ? "group" : "group\(i + 1)") }
        func value(_ d: DocumentScore, _ i: Int) -> String { i < d.groups.count ? d.groups[i] : "?" }
        var rows: [Row] = []
        func section(_ number: Int, _ positions: [Int]) {
            var members: [String: (label: String, docs: [DocumentScore])] = [:]
            for d in docs {
                let key = positions.map { "\(name($0))=\(value(d, $0))" }.joined(separator: ",")
                let label = positions.count == 1 && positions[0] > 0
                    ? String(repeating: "*/", count: positions[0]) + value(d, positions[0])
                    : positions.map { value(d, $0) }.joined(separator: "/")
                members[key, default: (label, [])].docs.append(d)
            }
            for key in members.keys.sorted(by: { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }) {
                let m = members[key]!
                rows.append(Row(key: key, label: m.label, section: number, summary: summarize(m.label, m.docs)))
            }
        }
        if k > 0 {
            section(0, Array(0..<k))
            if k > 1 { for i in 0..<k { section(i + 1, [i]) } }
        }
        rows.append(Row(key: "overall", label: "overall", section: k > 1 ? k + 1 : (k == 1 ? 1 : 0),
                        summary: summarize("overall", docs)))
        return rows
    }

    /// The documents with the lowest retention (those without gold tokens in the input have none and
    /// are left out), lowest first, ties by id.
    public static func lowestRetention(_ docs: [DocumentScore], _ n: Int) -> [DocumentScore] {
        Array(docs.filter { $0.retention != nil }.sorted { ($0.retention!, $0.id) < ($1.retention!, $1.id) }.prefix(max(0, n)))
    }

    /// How a document is named in the worst list: its id, else its line.
    public static func displayName(_ d: DocumentScore) -> String {
        if !d.id.isEmpty { return d.id }
        return d.line.map { "line \($0)" } ?? "?"
    }

    /// The table printed by `winnow eval`, laid out as the reference scorer prints it: the rows of `rows`,
    /// then the overall counts and pooled retention, then the `worst` documents with the lowest retention.
    public static func table(_ docs: [DocumentScore], fields: [String] = [], worst: Int = 10) -> String {
        let rows = rows(docs, fields: fields)
        func f(_ x: Double?) -> String { x.map { String(format3: $0) } ?? "    -" }
        let header = "group".padded(28) + " " + "docs".leftPadded(5) + " | "
            + ["P_in", "R_in", "F1_in"].map { $0.leftPadded(5) }.joined(separator: " ") + " | "
            + ["P", "R", "F1"].map { $0.leftPadded(5) }.joined(separator: " ") + " | "
            + ["ret", "bp_rm", "<.98"].map { $0.leftPadded(5) }.joined(separator: " ")
        let rule = String(repeating: "-", count: header.count)
        var out = header + "\n" + rule + "\n"
        var lastSection = rows.first?.section ?? 0
        for row in rows {
            if row.section != lastSection { out += rule + "\n" }
            lastSection = row.section
            let r = row.summary
            out += row.label.padded(28) + " " + String(r.documents).leftPadded(5) + " | "
            out += [r.input.precision, r.input.recall, r.input.f1].map(f).joined(separator: " ") + " | "
            out += [r.output.precision, r.output.recall, r.output.f1].map(f).joined(separator: " ") + " | "
            out += f(r.retentionMean) + " " + f(r.boilerplateRemoved) + " " + String(r.belowFloor).leftPadded(5) + "\n"
        }
        let overall = rows.last!.summary
        func f4(_ x: Double?) -> String { x.map { String(format4: $0) } ?? "-" }
        out += "\ndocs \(overall.documents), changed by the cleaner \(overall.changed); pooled retention \(f4(overall.retentionPooled)), min \(f4(overall.retentionMin))\n"
        out += "retention < \(retentionFloor): \(overall.belowFloor) docs\n"
        let low = lowestRetention(docs, worst)
        if !low.isEmpty {
            out += "lowest retention: " + low.map { "\(displayName($0)) (\(String(format3: $0.retention!)))" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// A JSON object with the same figures as the table, keyed like the reference scorer's `--json`:
    /// `{"groups": {KEY: SUMMARY, ...}, "overall": SUMMARY, "lowest_retention": [{"id", "line", "retention"}],
    /// "fields": [...]}` plus `extra` members (already encoded JSON values) in front.
    public static func json(_ docs: [DocumentScore], fields: [String] = [], worst: Int = 10,
                            extra: [(key: String, json: String)] = []) -> String {
        let rows = rows(docs, fields: fields)
        var out = "{"
        for (key, value) in extra { out += jsonString(key) + ":" + value + "," }
        out += "\"fields\":[" + fields.map(jsonString).joined(separator: ",") + "],"
        out += "\"groups\":{" + rows.map { jsonString($0.key) + ":" + json($0.summary) }.joined(separator: ",") + "},"
        out += "\"overall\":" + json(rows.last!.summary) + ","
        out += "\"lowest_retention\":[" + lowestRetention(docs, worst).map { d in
            "{\"id\":" + (d.id.isEmpty ? "null" : jsonString(d.id)) + ",\"line\":" + (d.line.map(String.init) ?? "null")
                + ",\"retention\":" + number(d.retention) + "}"
        }.joined(separator: ",") + "]}"
        return out
    }

    static func json(_ s: Summary) -> String {
        func prf(_ t: (precision: Double, recall: Double, f1: Double)) -> String {
            "{\"precision\":\(number(t.precision)),\"recall\":\(number(t.recall)),\"f1\":\(number(t.f1))}"
        }
        return "{\"docs\":\(s.documents),\"changed\":\(s.changed),\"input\":\(prf(s.input)),\"output\":\(prf(s.output)),"
            + "\"retention_mean\":\(number(s.retentionMean)),\"retention_pooled\":\(number(s.retentionPooled)),"
            + "\"retention_min\":\(number(s.retentionMin)),\"below_floor\":\(s.belowFloor),"
            + "\"boilerplate_tokens_in\":\(s.boilerplateIn),\"boilerplate_removed\":\(number(s.boilerplateRemoved))}"
    }

    /// A finite number as JSON (Swift's shortest round-trip spelling), nil as null.
    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return "\(x)"
    }

    static func jsonString(_ s: String) -> String {
        var out: [UInt8] = []
        ByteWriter.appendJSONString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// A number with three decimals, as score.py prints it.
    init(format3 x: Double) { self = Evaluation.fixed(x, 3) }
    init(format4 x: Double) { self = Evaluation.fixed(x, 4) }
    /// Padding by Unicode scalars, as Python's format widths count.
    func padded(_ n: Int) -> String {
        let c = unicodeScalars.count
        return c >= n ? self : self + String(repeating: " ", count: n - c)
    }
    func leftPadded(_ n: Int) -> String {
        let c = unicodeScalars.count
        return c >= n ? self : String(repeating: " ", count: n - c) + self
    }
}

extension Evaluation {
    /// Fixed-point formatting without Foundation, rounded as Python's `f"{x:.3f}"` rounds: to the nearest
    /// of the double's exact value, ties to even (0.8125 gives 0.812, 0.0005 gives 0.001 because that
    /// double is a little above 0.0005).
    static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let negative = x < 0
        let a = abs(x)
        let y = a * scale
        var rounded = y.rounded(.toNearestOrEven)
        if y - y.rounded(.down) == 0.5 {
            // y is a tie only if the product was exact; its rounding error (exact, by a fused multiply-add)
            // tells on which side of the tie a * scale really lies.
            let error = (-y).addingProduct(a, scale)
            if error > 0 { rounded = y.rounded(.up) } else if error < 0 { rounded = y.rounded(.down) }
        }
        let n = Int(rounded)
        let whole = n / Int(scale), frac = n % Int(scale)
        var fracText = String(frac)
        while fracText.count < digits { fracText = "0" + fracText }
        return (negative ? "-" : "") + "\(whole).\(fracText)"
    }
}
