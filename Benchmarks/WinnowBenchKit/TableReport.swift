/// The plain-text report: the table, the targets, stage and rule shares, time against size, quality.
public enum TableReport {
    public static func render(_ r: BenchmarkResults) -> String {
        var s = ""
        let c = r.corpusSummary
        s += "winnow-bench: corpus \(ByteSize.format(c.bytes)) (\(Format.grouped(c.bytes)) bytes, \(Format.grouped(c.documents)) documents; "
        s += "seed \(r.corpus.seed)\(r.corpus.sites > 0 ? ", \(r.corpus.sites) sites with templates" : "")), "
        s += "median of \(r.runs) run\(r.runs == 1 ? "" : "s")\n"
        s += "machine: \(r.machine.cores) cores, \(r.machine.cpuModel), \(r.machine.kernel), \(ByteSize.format(r.machine.memoryBytes)) RAM\n"
        s += "command: \(r.command)\n\n"

        let python = r.measurement("python-json")
        let cat = r.measurement("cat")
        var table: [[String]] = [["", "MB/s", "docs/s", "seconds", "peak RSS", "x Python", "% of cat"]]
        for m in r.measurements {
            guard m.status == .measured, let mbps = m.megabytesPerSecond else {
                table.append([m.label, "\(m.status.rawValue)\(m.note.map { ": " + $0 } ?? "")"])
                continue
            }
            let vsPython = python.flatMap { r.ratios["\(m.id)/\($0.id)"] }
            let vsCat = cat.flatMap { r.ratios["\(m.id)/\($0.id)"] }
            table.append([
                m.label,
                Format.number(mbps),
                Format.grouped(Int(m.documentsPerSecond ?? 0)),
                Format.number(m.medianSeconds ?? 0),
                m.maxPeakRSS.map(ByteSize.format) ?? "-",
                m.id == "python-json" ? "1" : vsPython.map { Format.number($0) } ?? "-",
                m.id == "cat" ? "100%" : vsCat.map { Format.percent($0, decimals: $0 < 0.1 ? 2 : 1) } ?? "-",
            ])
        }
        s += columns(table) + "\n"

        s += "Targets (the issue's, on this machine):\n"
        for t in r.targets {
            let verdict = t.met.map { $0 ? "met" : "NOT MET" } ?? "not measured"
            s += "  \(pad(t.name, 38)) \(pad(t.value, 58)) \(verdict)\n"
        }
        s += "\n"

        if !r.stages.isEmpty {
            let order = ["read", "decode", "clean", "encode"]
            s += "Time share in process, by stage (library row): "
            s += order.compactMap { k in r.stages[k].map { "\(k) \(Format.percent($0))" } }.joined(separator: ", ") + "\n"
            s += "  read = reading and splitting lines; decode = find and unescape \"text\"; clean = Cleaner.clean; encode = escape and splice\n"
        }
        if let all = r.ruleCosts.first {
            s += "Marginal cost of each rule (Cleaner.clean on a \(ByteSize.format(r.ruleSampleBytes)) in-memory sample, "
            s += "\(Format.number(all.seconds)) s with all rules = \(Format.number(Double(r.ruleSampleBytes) / 1e6 / all.seconds)) MB/s):\n"
            for cost in r.ruleCosts.dropFirst() {
                if cost.rule == "all rules off" {
                    s += "  \(pad("all rules off (segment, resolve, write)", 40)) \(pad(Format.percent(cost.share), 7)) of the time remains\n"
                } else {
                    s += "  \(pad(cost.rule, 40)) \(pad(Format.percent(cost.share), 7)) saved when switched off\n"
                }
            }
            s += "  (measured from outside: the library has no per-stage hook yet; shares overlap and need not add up)\n"
        }
        if !r.scaling.isEmpty {
            s += "\nTime against size:\n"
            var rows: [[String]] = [["size", "documents", "library s", "CPU s", "MB/s", "winnow --jobs 1 s", "CPU s", "MB/s"]]
            func cells(_ wall: Double?, _ cpu: Double?, _ bytes: Int) -> [String] {
                [wall.map { Format.number($0) } ?? "-", cpu.map { Format.number($0) } ?? "-",
                 wall.map { Format.number(Double(bytes) / 1e6 / $0) } ?? "-"]
            }
            for p in r.scaling {
                rows.append([ByteSize.format(p.bytes), Format.grouped(p.documents)]
                            + cells(p.librarySeconds, p.libraryCPUSeconds, p.bytes) + cells(p.winnowSeconds, p.winnowCPUSeconds, p.bytes))
            }
            s += columns(rows, indent: 2)
            for (k, v) in r.linearitySpread.sorted(by: { $0.key < $1.key }) {
                s += "  \(k): marginal CPU seconds per byte vary by \(Format.fixed(v, decimals: 2))x between sizes (1.00 = linear)\n"
            }
        }
        for key in ["library", "winnow", "datatrove-c4"] {
            guard let q = r.quality[key] else { continue }
            let who = key == "library" ? "Winnow library" : key == "winnow" ? "winnow --format jsonl" : "datatrove C4QualityFilter (line mode)"
            s += "\nQuality on the synthetic corpus, \(who), \(Format.grouped(q.documents)) documents:\n"
            s += quality(q)
        }
        for n in r.notes { s += "note: \(n)\n" }
        return s
    }

    public static func quality(_ q: QualityTally) -> String {
        var s = ""
        func line(_ name: String, _ c: QualityTally.Count, _ verb: String) {
            guard c.total > 0 else { return }
            s += "  \(pad(name, 34)) \(pad(Format.percent(c.share, decimals: 2), 8)) \(verb) (\(Format.grouped(c.hits)) of \(Format.grouped(c.total)))\n"
        }
        line("injected boilerplate", q.boilerplateRemoved, "removed")
        for (family, c) in q.byFamily where family != "site-template" { line("  " + family, c, "removed") }
        line("article lines (titles, paragraphs, list items)", q.contentKept, "kept")
        if let traps = q.kinds[ParagraphKind.cueTrap.name] { line("  paragraphs quoting a cue", traps, "kept") }
        line("list items normalized", QualityTally.Count(total: q.listItems, hits: q.listItemsNormalized), "joined/unified")
        line("clean documents", QualityTally.Count(total: q.cleanDocuments, hits: q.cleanDocumentsUnchanged), "unchanged")
        if q.siteTemplatesRemoved.total > 0 { line("site templates (per-site learning)", q.siteTemplatesRemoved, "removed") }
        return s
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let n = text.count
        return n >= width ? text : text + String(repeating: " ", count: width - n)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        let n = text.count
        return n >= width ? text : String(repeating: " ", count: width - n) + text
    }

    /// Aligned columns: the first left-aligned, the rest right-aligned; a row with two cells spans the rest.
    static func columns(_ rows: [[String]], indent: Int = 0) -> String {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows where row.count == count {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var s = ""
        for row in rows {
            var line = String(repeating: " ", count: indent)
            if row.count == count {
                for (i, cell) in row.enumerated() {
                    line += i == 0 ? pad(cell, widths[0]) : "  " + padLeft(cell, widths[i])
                }
            } else {
                line += pad(row[0], widths[0]) + "  " + row.dropFirst().joined(separator: "  ")
            }
            s += line + "\n"
        }
        return s
    }
}
