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

    /// Max over min of `seconds / bytes` across sizes: 1 for perfectly linear growth.
    public static func linearitySpread(_ points: [(bytes: Int, seconds: Double)]) -> Double? {
        let perByte = points.filter { $0.bytes > 0 && $0.seconds > 0 }.map { $0.seconds / Double($0.bytes) }
        guard perByte.count >= 2, let lo = perByte.min(), let hi = perByte.max() else { return nil }
        return hi / lo
    }
}
