/// Medians and per-round ratios.
public enum Statistics {
    /// The median (the mean of the two middle values for an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    /// The median of the ratios `a[i] / b[i]`, pair by pair (the two measured in the same round):
    /// a drift of the machine between rounds cancels out. Nil when no pair is complete.
    public static func pairedRatio(_ a: [Double?], _ b: [Double?]) -> Double? {
        var ratios: [Double] = []
        for (x, y) in zip(a, b) {
            if let x, let y, y > 0 { ratios.append(x / y) }
        }
        return median(ratios)
    }

    /// How far time is from growing linearly with size: with three sizes or more, the max over the min
    /// of the marginal seconds per byte between consecutive sizes (a fixed start-up cost cancels out);
    /// with two, of seconds per byte. 1 for perfectly linear growth; nil with fewer than two sizes.
    public static func linearitySpread(_ points: [(bytes: Int, seconds: Double)]) -> Double? {
        let p = points.filter { $0.bytes > 0 && $0.seconds > 0 }.sorted { $0.bytes < $1.bytes }
        guard p.count >= 2 else { return nil }
        var rates: [Double] = []
        if p.count == 2 {
            rates = p.map { $0.seconds / Double($0.bytes) }
        } else {
            for i in 1..<p.count where p[i].bytes > p[i - 1].bytes {
                rates.append((p[i].seconds - p[i - 1].seconds) / Double(p[i].bytes - p[i - 1].bytes))
            }
        }
        guard let lo = rates.min(), let hi = rates.max(), lo > 0 else { return rates.count >= 1 ? .infinity : nil }
        return hi / lo
    }
}
