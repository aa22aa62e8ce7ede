import Foundation

/// Draws a run as an SVG chart, by hand: throughput of Winnow and of each reference (log scale),
/// and time against corpus size (log-log, with the line of exactly linear growth).
public enum SVGChart {
    public static func render(_ r: BenchmarkResults) -> String {
        let width = 980.0
        let bars = r.measurements.filter { $0.status == .measured && $0.megabytesPerSecond != nil }
        let barHeight = 26.0, barGap = 8.0
        let top = 64.0
        let barsBottom = top + Double(bars.count) * (barHeight + barGap)
        let plotTop = barsBottom + 70
        let plotHeight = 240.0
        let height = plotTop + plotHeight + 70
        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="13">
            <rect width="100%" height="100%" fill="white"/>

            """
        let c = r.corpusSummary
        s += text(20, 26, "Throughput on a \(ByteSize.format(c.bytes)) JSONL corpus (\(Format.grouped(c.documents)) documents), MB/s, log scale", size: 16, bold: true)
        s += text(20, 46, "\(r.machine.cores) cores, \(r.machine.cpuModel); median of \(r.runs) runs; \(r.date)", size: 12, color: "#555")

        // Throughput bars.
        let left = 420.0, right = width - 90
        let values = bars.compactMap(\.megabytesPerSecond)
        let lo = floorLog10(values.min() ?? 1), hi = ceilLog10(values.max() ?? 10)
        let span = max(hi - lo, 1)
        func x(_ v: Double) -> Double { left + (right - left) * (log10(v) - lo) / span }
        var decade = lo
        while decade <= hi {
            let gx = left + (right - left) * (decade - lo) / span
            s += "<line x1=\"\(f(gx))\" y1=\"\(f(top - 6))\" x2=\"\(f(gx))\" y2=\"\(f(barsBottom))\" stroke=\"#ddd\"/>\n"
            s += text(gx, barsBottom + 16, Format.number(power10(decade), significant: 1), size: 11, anchor: "middle", color: "#555")
            decade += 1
        }
        for (i, m) in bars.enumerated() {
            let y = top + Double(i) * (barHeight + barGap)
            let v = m.megabytesPerSecond!
            let color = m.isWinnow ? "#2563eb" : "#9ca3af"
            s += text(left - 10, y + barHeight * 0.68, m.label, anchor: "end")
            s += "<rect x=\"\(f(left))\" y=\"\(f(y))\" width=\"\(f(max(1, x(v) - left)))\" height=\"\(f(barHeight))\" fill=\"\(color)\"/>\n"
            s += text(x(v) + 6, y + barHeight * 0.68, Format.number(v), bold: m.isWinnow)
        }

        // Time against size.
        s += text(20, plotTop - 30, "Time against corpus size (CPU seconds, log-log; dashed: proportional to size, through the largest)", size: 16, bold: true)
        let points = r.scaling.filter { $0.bytes > 0 }
        let series: [(String, String, [(Double, Double)])] = [
            ("Winnow library, 1 thread", "#2563eb", points.compactMap { p in (p.libraryCPUSeconds ?? p.librarySeconds).map { (Double(p.bytes), $0) } }),
            ("winnow --jobs 1", "#f97316", points.compactMap { p in (p.winnowCPUSeconds ?? p.winnowSeconds).map { (Double(p.bytes), $0) } }),
        ].filter { !$0.2.isEmpty }
        let allX = series.flatMap { $0.2.map(\.0) }, allY = series.flatMap { $0.2.map(\.1) }
        if !allX.isEmpty {
            let x0 = floorLog10(allX.min()!), x1 = max(ceilLog10(allX.max()!), x0 + 1)
            let y0 = floorLog10(allY.min()!), y1 = max(ceilLog10(allY.max()!), y0 + 1)
            let pl = 110.0, pr = width - 230
            let pt = plotTop, pb = plotTop + plotHeight
            func px(_ v: Double) -> Double { pl + (pr - pl) * (log10(v) - x0) / (x1 - x0) }
            func py(_ v: Double) -> Double { pb - (pb - pt) * (log10(v) - y0) / (y1 - y0) }
            s += "<rect x=\"\(f(pl))\" y=\"\(f(pt))\" width=\"\(f(pr - pl))\" height=\"\(f(pb - pt))\" fill=\"none\" stroke=\"#999\"/>\n"
            s += "<clipPath id=\"plot\"><rect x=\"\(f(pl))\" y=\"\(f(pt))\" width=\"\(f(pr - pl))\" height=\"\(f(pb - pt))\"/></clipPath>\n"
            var d = x0
            while d <= x1 {
                s += "<line x1=\"\(f(px(power10(d))))\" y1=\"\(f(pt))\" x2=\"\(f(px(power10(d))))\" y2=\"\(f(pb))\" stroke=\"#eee\"/>\n"
                s += text(px(power10(d)), pb + 16, ByteSize.format(Int(power10(d))), size: 11, anchor: "middle", color: "#555")
                d += 1
            }
            d = y0
            while d <= y1 {
                s += "<line x1=\"\(f(pl))\" y1=\"\(f(py(power10(d))))\" x2=\"\(f(pr))\" y2=\"\(f(py(power10(d))))\" stroke=\"#eee\"/>\n"
                s += text(pl - 8, py(power10(d)) + 4, Format.number(power10(d), significant: 1) + " s", size: 11, anchor: "end", color: "#555")
                d += 1
            }
            for (i, (name, color, pts)) in series.enumerated() {
                let sorted = pts.sorted { $0.0 < $1.0 }
                let path = sorted.map { "\(f(px($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
                s += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
                for p in sorted { s += "<circle cx=\"\(f(px(p.0)))\" cy=\"\(f(py(p.1)))\" r=\"4\" fill=\"\(color)\"/>\n" }
                if let first = sorted.first, let last = sorted.last, sorted.count > 1 {
                    let ideal = last.1 * first.0 / last.0
                    s += "<line x1=\"\(f(px(first.0)))\" y1=\"\(f(py(ideal)))\" x2=\"\(f(px(last.0)))\" y2=\"\(f(py(last.1)))\" stroke=\"\(color)\" stroke-dasharray=\"4 4\" opacity=\"0.6\" clip-path=\"url(#plot)\"/>\n"
                }
                let ly = pt + 16 + Double(i) * 20
                s += "<rect x=\"\(f(pr + 14))\" y=\"\(f(ly - 10))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>\n"
                s += text(pr + 32, ly, name, size: 12)
            }
        }
        s += "</svg>\n"
        return s
    }

    static func text(_ x: Double, _ y: Double, _ content: String, size: Int = 13, anchor: String = "start",
                     bold: Bool = false, color: String = "#111") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" fill=\"\(color)\"\(bold ? " font-weight=\"bold\"" : "")>\(escape(content))</text>\n"
    }

    /// XML text escaping.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func f(_ v: Double) -> String { Format.fixed(v, decimals: 1) }
}

func power10(_ e: Double) -> Double {
    var v = 1.0
    if e >= 0 { for _ in 0..<Int(e) { v *= 10 } } else { for _ in 0..<Int(-e) { v /= 10 } }
    return v
}

func floorLog10(_ x: Double) -> Double { Format.log10Floor(max(x, 1e-9)) }
func ceilLog10(_ x: Double) -> Double {
    let f = Format.log10Floor(max(x, 1e-9))
    return power10(f) >= x ? f : f + 1
}
