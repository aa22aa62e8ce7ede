/// A self-contained HTML page for reviewing a cleaning by eye: each document with its removed lines struck
/// through and coloured by rule, the rule and reason beside each (and in its `title`), list rewrites
/// underlined with the original in their `title`, kept text plain; per-rule counts and a legend on top.
///
/// The page has inline CSS only: no scripts, no external resources (a Content-Security-Policy meta tag
/// forbids them). Every byte of the documents is escaped: `& < > " '` become entities, invalid UTF-8 becomes
/// U+FFFD and control characters their visible symbols (U+2400...), so no text can become markup.
///
/// ```swift
/// var page = ReviewPage(ruleIDs: cleaner.ruleIDs)
/// let result = cleaner.clean(bytes)
/// page.add(name: "page-1.txt", input: bytes, result: result)
/// let html = page.render()
/// ```
public struct ReviewPage {
    /// Removed blocks and bytes per rule, on the page or in a whole run.
    public struct Tally: Sendable, Equatable {
        public var blocks = 0
        public var bytes = 0
        public init(blocks: Int = 0, bytes: Int = 0) {
            self.blocks = blocks
            self.bytes = bytes
        }
    }

    /// What the whole run did, when the page shows only part of it.
    public struct RunTotals: Sendable {
        public var documents: Int
        public var rules: [String: Tally]
        public var rewrites: Int
        public init(documents: Int, rules: [String: Tally], rewrites: Int) {
            self.documents = documents
            self.rules = rules
            self.rewrites = rewrites
        }
    }

    /// The rules of the run, in the order of the legend.
    public let ruleIDs: [String]
    public private(set) var documentCount = 0
    public private(set) var changedCount = 0
    /// Per rule, on this page.
    public private(set) var tallies: [String: Tally] = [:]
    public private(set) var rewrites = 0
    private var sections: [UInt8] = []
    private var contents: [UInt8] = []

    public init(ruleIDs: [String]) {
        self.ruleIDs = ruleIDs
    }

    /// Adds a document: its name (a file, or FILE:LINE for JSONL), an optional detail (its id), the text
    /// the cleaner read and what it made of it.
    public mutating func add(name: String, detail: String? = nil, input: UnsafeBufferPointer<UInt8>, result: CleanResult) {
        documentCount += 1
        let n = documentCount
        let report = result.report
        if !report.isEmpty { changedCount += 1 }
        var removedBytes = 0
        for removal in report.removals {
            tallies[removal.ruleID, default: Tally()].blocks += 1
            tallies[removal.ruleID, default: Tally()].bytes += removal.range.count
            removedBytes += removal.range.count
        }
        rewrites += report.rewrites.count

        var parts: [String] = []
        if !report.removals.isEmpty { parts.append("\(report.removals.count) removed (\(removedBytes) bytes)") }
        if !report.rewrites.isEmpty { parts.append("\(report.rewrites.count) rewritten") }
        let summary = parts.isEmpty ? "no change" : parts.joined(separator: ", ")
        // Table of contents entry.
        var o = contents
        o.append(contentsOf: "<li><a href=\"#d\(n)\">".utf8)
        Self.escape(name, into: &o)
        if let detail { o.append(contentsOf: " <span class=\"id\">".utf8); Self.escape(detail, into: &o); o.append(contentsOf: "</span>".utf8) }
        o.append(contentsOf: "</a> <span class=\"c\(report.isEmpty ? " none" : "")\">".utf8)
        Self.escape(summary, into: &o)
        o.append(contentsOf: "</span></li>\n".utf8)
        contents = o

        var s = sections
        s.append(contentsOf: "<section class=\"doc\" id=\"d\(n)\">\n<h2><span class=\"n\">\(n)</span> ".utf8)
        Self.escape(name, into: &s)
        if let detail { s.append(contentsOf: " <span class=\"id\">".utf8); Self.escape(detail, into: &s); s.append(contentsOf: "</span>".utf8) }
        s.append(contentsOf: " <small>".utf8)
        let lines = Self.lineCount(input)
        Self.escape("\(lines) line\(lines == 1 ? "" : "s"), \(input.count) bytes; " + summary, into: &s)
        s.append(contentsOf: "</small></h2>\n<div class=\"rows\">\n".utf8)
        Self.renderBody(input, report, into: &s)
        s.append(contentsOf: "</div>\n</section>\n".utf8)
        sections = s
    }

    /// The whole page. `title` heads it; `notes` (the command line, the inputs, ...) are listed under the
    /// title; `run` adds the whole run's counts beside the page's when the page shows fewer documents.
    public func render(title: String = "Winnow review", notes: [String] = [], run: RunTotals? = nil) -> [UInt8] {
        var o: [UInt8] = []
        o.reserveCapacity(sections.count + contents.count + 8192)
        o.append(contentsOf: """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="winnow \(WinnowVersion.string)">
            <title>
            """.utf8)
        Self.escape(title, into: &o)
        o.append(contentsOf: "</title>\n<style>\n".utf8)
        o.append(contentsOf: Self.css.utf8)
        for (i, id) in Self.catalogIDs.enumerated() {
            o.append(contentsOf: ".r-\(Self.className(id)){--c:\(Self.palette[i % Self.palette.count])}\n".utf8)
        }
        o.append(contentsOf: "</style>\n</head>\n<body>\n<header>\n<h1>".utf8)
        Self.escape(title, into: &o)
        o.append(contentsOf: "</h1>\n<p class=\"sub\">".utf8)
        let partial = run.map { $0.documents > documentCount } ?? false
        var shown = "\(documentCount) document\(documentCount == 1 ? "" : "s") shown, \(changedCount) changed"
        if let run, partial { shown += " (the run cleaned \(run.documents))" }
        Self.escape(shown, into: &o)
        o.append(contentsOf: "</p>\n".utf8)
        for note in notes {
            o.append(contentsOf: "<p class=\"sub\"><code>".utf8)
            Self.escape(note, into: &o)
            o.append(contentsOf: "</code></p>\n".utf8)
        }
        // Legend and counts.
        o.append(contentsOf: "<table class=\"rules\">\n<thead><tr><th>rule</th><th>blocks</th><th>bytes</th>".utf8)
        if partial { o.append(contentsOf: "<th>blocks (run)</th><th>bytes (run)</th>".utf8) }
        o.append(contentsOf: "</tr></thead>\n<tbody>\n".utf8)
        var ids = ruleIDs
        for id in tallies.keys.sorted() where !ids.contains(id) { ids.append(id) }
        var idle: [String] = []
        for id in ids {
            let t = tallies[id] ?? Tally()
            let r = run?.rules[id] ?? Tally()
            if t.blocks == 0 && (!partial || r.blocks == 0) {
                idle.append(id)
                continue
            }
            o.append(contentsOf: "<tr class=\"r-\(Self.className(id))\(t.blocks == 0 ? " zero" : "")\"><td><span class=\"sw\"></span>".utf8)
            Self.escape(id, into: &o)
            o.append(contentsOf: "</td><td>\(t.blocks)</td><td>\(t.bytes)</td>".utf8)
            if partial { o.append(contentsOf: "<td>\(r.blocks)</td><td>\(r.bytes)</td>".utf8) }
            o.append(contentsOf: "</tr>\n".utf8)
        }
        o.append(contentsOf: "<tr class=\"rwrow\(rewrites == 0 ? " zero" : "")\"><td><ins>rewritten</ins> (list markup)</td><td>\(rewrites)</td><td></td>".utf8)
        if partial, let run { o.append(contentsOf: "<td>\(run.rewrites)</td><td></td>".utf8) }
        o.append(contentsOf: "</tr>\n</tbody>\n</table>\n".utf8)
        if !idle.isEmpty {
            o.append(contentsOf: "<p class=\"key\">No removals by ".utf8)
            Self.escape(idle.joined(separator: ", "), into: &o)
            o.append(contentsOf: ".</p>\n".utf8)
        }
        o.append(contentsOf: "<p class=\"key\"><del>struck</del> removed (rule and reason beside it, and on hover) · <ins>underlined</ins> rewritten (the original on hover) · plain: kept</p>\n".utf8)
        if documentCount > 1 {
            o.append(contentsOf: "<nav><ol class=\"toc\">\n".utf8)
            o.append(contentsOf: contents)
            o.append(contentsOf: "</ol></nav>\n".utf8)
        }
        o.append(contentsOf: "</header>\n<main>\n".utf8)
        o.append(contentsOf: sections)
        o.append(contentsOf: "</main>\n</body>\n</html>\n".utf8)
        return o
    }

    // MARK: One document

    /// A run of kept text: plain bytes and rewrites (a range of the input and what it became).
    private enum Piece {
        case kept(Range<Int>)
        case rewrite(Rewrite, original: Range<Int>)
    }

    private static func renderBody(_ input: UnsafeBufferPointer<UInt8>, _ report: Report, into o: inout [UInt8]) {
        let removals = report.removals.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let rewrites = report.rewrites.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var pieces: [Piece] = []
        var cursor = 0
        var r = 0, w = 0
        func flush() {
            if !pieces.isEmpty { keptRow(input, pieces, into: &o) }
            pieces.removeAll()
        }
        func keep(_ range: Range<Int>) {
            if !range.isEmpty { pieces.append(.kept(range)) }
        }
        while r < removals.count || w < rewrites.count {
            let nextRemoval = r < removals.count ? removals[r].range.lowerBound : Int.max
            let nextRewrite = w < rewrites.count ? rewrites[w].range.lowerBound : Int.max
            if nextRemoval < nextRewrite {
                let removal = removals[r]
                r += 1
                guard removal.range.lowerBound >= cursor else { continue }
                keep(cursor..<removal.range.lowerBound)
                flush()
                // Lines removed by the same rule for the same reason, with only blank lines between them,
                // share one row and one note.
                var group = [removal]
                let reason = removal.reason
                while r < removals.count, removals[r].ruleID == removal.ruleID,
                      removals[r].range.lowerBound < nextRewrite,
                      isBlank(input, group.last!.range.upperBound..<removals[r].range.lowerBound),
                      removals[r].reason == reason {
                    group.append(removals[r])
                    r += 1
                }
                removedRow(input, group, reason, into: &o)
                cursor = group.last!.range.upperBound
            } else {
                let rewrite = rewrites[w]
                w += 1
                guard rewrite.range.lowerBound >= cursor else { continue }
                keep(cursor..<rewrite.range.lowerBound)
                // Lines removed inside a rewrite (between a lone bullet and its item) are shown first.
                var inner: [Removal] = []
                while r < removals.count && removals[r].range.lowerBound < rewrite.range.upperBound {
                    inner.append(removals[r])
                    r += 1
                }
                if !inner.isEmpty {
                    flush()
                    for removal in inner { removedRow(input, [removal], removal.reason, into: &o) }
                }
                pieces.append(.rewrite(rewrite, original: rewrite.range))
                cursor = rewrite.range.upperBound
            }
        }
        keep(cursor..<input.count)
        flush()
    }

    /// Kept text with its rewrites, in one row (its last line terminator left out).
    private static func keptRow(_ input: UnsafeBufferPointer<UInt8>, _ pieces: [Piece], into o: inout [UInt8]) {
        o.append(contentsOf: "<div class=\"row\"><div class=\"t\">".utf8)
        for (k, piece) in pieces.enumerated() {
            let last = k == pieces.count - 1
            switch piece {
            case .kept(let range):
                escape(last ? withoutTerminator(input, range) : UnsafeBufferPointer(rebasing: input[range]), into: &o)
            case .rewrite(let rewrite, let original):
                o.append(contentsOf: "<ins title=\"".utf8)
                escape("line \(rewrite.line) \(rewrite.ruleID): \(rewrite.reason)\nwas:\n", into: &o)
                escape(withoutTerminator(input, original), into: &o)
                o.append(contentsOf: "\">".utf8)
                rewrite.replacement.withUnsafeBufferPointer { p in
                    escape(last ? withoutTerminator(p, 0..<p.count) : p, into: &o)
                }
                o.append(contentsOf: "</ins>".utf8)
                if !last && rewrite.replacement.last != 0x0A { o.append(0x0A) }
            }
        }
        o.append(contentsOf: "</div></div>\n".utf8)
    }

    /// Removed lines of one rule and reason: struck through in the rule's colour (each line with its own
    /// `title`), blank lines between them kept as blank lines, and one side note.
    private static func removedRow(_ input: UnsafeBufferPointer<UInt8>, _ group: [Removal], _ reason: String, into o: inout [UInt8]) {
        let first = group[0], last = group[group.count - 1]
        let rule = className(first.ruleID)
        o.append(contentsOf: "<div class=\"row rm r-\(rule)\"><div class=\"t\">".utf8)
        for (k, removal) in group.enumerated() {
            if k > 0 {
                // One line break per line end between the two removed lines (the blank lines kept).
                for b in input[group[k - 1].range.upperBound..<removal.range.lowerBound] where b == 0x0A { o.append(0x0A) }
                o.append(0x0A)
            }
            o.append(contentsOf: "<del title=\"".utf8)
            escape("line \(removal.line) \(removal.ruleID): \(reason)", into: &o)
            o.append(contentsOf: "\">".utf8)
            escape(withoutTerminator(input, removal.range), into: &o)
            o.append(contentsOf: "</del>".utf8)
        }
        o.append(contentsOf: "</div><div class=\"note\"><b>".utf8)
        let lines = first.line == last.line ? "L\(first.line)" : "L\(first.line)\u{2013}\(last.line)"
        escape("\(lines) \(first.ruleID)", into: &o)
        o.append(contentsOf: "</b> ".utf8)
        escape(reason, into: &o)
        o.append(contentsOf: "</div></div>\n".utf8)
    }

    private static func isBlank(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        input[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    // MARK: Escaping

    /// Appends `bytes` as HTML text (also safe inside a double- or single-quoted attribute): `& < > " '`
    /// as entities, invalid UTF-8 as U+FFFD (one per maximal invalid subsequence), C0 controls other than
    /// tab, LF and CR, and DEL, as their control pictures (U+2400...).
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        escape(String(decoding: bytes, as: UTF8.self), into: &out)
    }

    public static func escape(_ text: String, into out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(UInt8(scalar.value))
            case 0x00..<0x20: out.append(contentsOf: String(Unicode.Scalar(0x2400 + scalar.value)!).utf8)
            case 0x7F: out.append(contentsOf: "\u{2421}".utf8)
            case 0x20..<0x80: out.append(UInt8(scalar.value))
            default: out.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    /// An escaped string (for tests and callers building their own markup).
    public static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A rule id as a CSS class name: letters, digits and `-` kept, anything else `_`.
    static func className(_ id: String) -> String {
        String(id.unicodeScalars.map { s -> Character in
            let v = s.value
            let ok = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x2D
            return ok ? Character(s) : "_"
        })
    }

    private static func withoutTerminator(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        var end = range.upperBound
        if end > range.lowerBound && input[end - 1] == 0x0A { end -= 1 }
        if end > range.lowerBound && input[end - 1] == 0x0D { end -= 1 }
        return UnsafeBufferPointer(rebasing: input[range.lowerBound..<end])
    }

    private static func lineCount(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in input where b == 0x0A { n += 1 }
        if let last = input.last, last != 0x0A { n += 1 }
        return n
    }

    // MARK: Style

    /// Every rule of the catalog, so a rule keeps its colour whichever rules a run switches off.
    static let catalogIDs: [String] = RuleCatalog.descriptions.map(\.id)

    /// Distinct hues, one per rule in catalog order.
    static let palette = ["#8c564b", "#d62728", "#9467bd", "#1f77b4", "#17becf", "#ff7f0e", "#a6a11e",
                          "#2ca02c", "#7f7f7f", "#e377c2", "#393b79", "#637939", "#843c39"]

    static let css = """
        :root{--c:#888;color-scheme:light}
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;max-width:78em;padding:1em 1.5em;color:#1d1d1f;background:#fff}
        h1{font-size:1.5em;margin:.2em 0}
        .sub{margin:.15em 0;color:#555}
        code{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
        table.rules{border-collapse:collapse;margin:.8em 0;font-size:.9em}
        table.rules th,table.rules td{padding:.15em .7em;text-align:right;border-bottom:1px solid #eee}
        table.rules th:first-child,table.rules td:first-child{text-align:left}
        table.rules tr.zero{color:#aaa}
        .sw{display:inline-block;width:.9em;height:.9em;margin-right:.45em;vertical-align:-.1em;background:var(--c);border-radius:2px}
                .key{font-size:.85em;color:#555}
        ol.toc{columns:2;font-size:.85em;margin:.5em 0 1em;padding-left:2.2em}
        ol.toc .c{color:#777}
        ol.toc .none{color:#aaa}
        .id{font-weight:normal;color:#666;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}
        section.doc{border-top:2px solid #ddd;margin-top:1.6em;padding-top:.4em}
        h2{font-size:1.05em;margin:.3em 0 .6em;overflow-wrap:anywhere}
        h2 .n{display:inline-block;min-width:1.6em;color:#fff;background:#555;border-radius:3px;text-align:center;margin-right:.3em}
        h2 small{font-weight:normal;color:#777}
        .row{display:grid;grid-template-columns:minmax(0,1fr) 22em;column-gap:1.2em}
        .t{grid-column:1;white-space:pre-wrap;overflow-wrap:anywhere;min-height:1.45em;padding-left:.5em;border-left:4px solid transparent}
        .rm .t{border-left-color:var(--c);background:color-mix(in srgb,var(--c) 9%,#fff)}
        .rm del{text-decoration:line-through;text-decoration-color:var(--c);text-decoration-thickness:2px;color:#555}
        .note{grid-column:2;font-size:.78em;line-height:1.3;color:#555;padding:.15em 0 .15em .5em;border-left:2px solid var(--c);overflow-wrap:anywhere}
        .note b{color:var(--c);font-weight:600}
        ins{text-decoration:underline;text-decoration-color:#0a7d32;text-decoration-thickness:2px;text-underline-offset:2px;background:#eaf6ee}
        del[title],ins[title]{cursor:help}

        """
}
