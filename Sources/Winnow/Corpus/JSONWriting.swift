/// Small byte-level writers for the JSON and message text the corpus tools produce (no `String`
/// interpolation per line on the hot path).
public enum ByteWriter {
    /// Appends the decimal digits of `value`.
    @inline(__always)
    public static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(0x2D)
            appendDecimal(value == .min ? Int.max : -value, to: &out)  // Int.min never occurs here
            return
        }
        if value < 10 {
            out.append(0x30 &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch on the stack
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            var v = value
            while v > 0 {
                buf[23 - n] = 0x30 &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
                n += 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[(24 - n)...]))
        }
    }

    /// Appends ASCII/UTF-8 text as is.
    @inline(__always)
    public static func appendText(_ s: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(contentsOf: s.utf8)
    }

    /// Appends `"..."`: the bytes escaped as JSON string contents (see `JSONLField.escape`).
    public static func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        JSONLField.escape(bytes, into: &out)
        out.append(0x22)
    }

    public static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendJSONString($0, to: &out) }
    }
}

/// Text whose line numbers are not known yet when it is written: a worker writes messages and records
/// for a batch with numbers relative to the batch's first line, and the thread that writes batches in
/// order renders them once it knows where the batch starts.
public struct NumberedText: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// (offset in `bytes`, line number relative to the batch: 0 is its first line)
    private var marks: [(offset: Int, relativeLine: Int)] = []

    public init() {}

    public var isEmpty: Bool { bytes.isEmpty }

    /// Empties the text, keeping its storage unless that grew past `keepCapacity` bytes.
    public mutating func removeAll(keepCapacity: Int = .max) {
        if bytes.capacity > keepCapacity { bytes = [] } else { bytes.removeAll(keepingCapacity: true) }
        marks.removeAll(keepingCapacity: true)
    }

    /// Appends a placeholder for the absolute number of the batch line `relativeLine` (0-based).
    public mutating func appendLineNumber(_ relativeLine: Int) {
        marks.append((bytes.count, relativeLine))
    }

    public mutating func append(_ s: String) { ByteWriter.appendString(s, to: &bytes) }
    public mutating func append(_ b: UInt8) { bytes.append(b) }
    public mutating func append(_ p: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: p) }
    public mutating func appendDecimal(_ v: Int) { ByteWriter.appendDecimal(v, to: &bytes) }
    public mutating func appendJSONString(_ p: UnsafeBufferPointer<UInt8>) { ByteWriter.appendJSONString(p, to: &bytes) }
    public mutating func appendJSONString(_ s: String) { ByteWriter.appendJSONString(s, to: &bytes) }

    /// Appends the text to `out` with every placeholder replaced by `firstLine + relativeLine`.
    public func render(firstLine: Int, into out: inout [UInt8]) {
        var start = 0
        bytes.withUnsafeBufferPointer { p in
            for mark in marks {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<mark.offset]))
                ByteWriter.appendDecimal(firstLine + mark.relativeLine, to: &out)
                start = mark.offset
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start...]))
        }
    }
}
