import Winnow

/// One pass of the Winnow library, in process, on one thread, over a JSONL corpus: each line's `text`
/// is found and unescaped (decode), cleaned by `Cleaner.clean` (clean), and escaped and spliced back
/// into the line (encode). Lines are read through a 1 MiB buffer; the output is built and discarded.
public struct LibraryPass: Sendable, Codable, Equatable {
    public var seconds: Double
    /// CPU time of the pass (user and system).
    public var cpuSeconds: Double = 0
    public var bytes: Int
    public var documents: Int
    public var decodeSeconds: Double
    public var cleanSeconds: Double
    public var encodeSeconds: Double
    /// Lines whose `text` field could not be found (left as they were).
    public var badLines: Int

    public var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    public var documentsPerSecond: Double { Double(documents) / seconds }
}

/// Runs the library over JSONL lines, reusing its buffers across documents.
public struct LibraryPipeline {
    public let cleaner: Cleaner
    let field = Array("text".utf8)
    var text: [UInt8] = []
    var out: [UInt8] = []

    public init(cleaner: Cleaner) {
        self.cleaner = cleaner
        text.reserveCapacity(1 << 16)
        out.reserveCapacity(1 << 16)
    }

    /// One timed pass over the file at `path`.
    public mutating func pass(path: String) throws -> LibraryPass {
        var result = LibraryPass(seconds: 0, bytes: 0, documents: 0, decodeSeconds: 0, cleanSeconds: 0, encodeSeconds: 0, badLines: 0)
        let start = monotonicSeconds()
        let startCPU = threadCPUSeconds()
        result.bytes = try forEachLine(ofFile: path) { line in
            let t0 = monotonicSeconds()
            guard case .success(let located) = JSONLField.locate(field, in: line) else { result.badLines += 1; return }
            text.removeAll(keepingCapacity: true)
            JSONLField.unescape(UnsafeBufferPointer(rebasing: line[located.valueRange]), into: &text)
            let t1 = monotonicSeconds()
            let cleaned = cleaner.clean(text)
            let t2 = monotonicSeconds()
            out.removeAll(keepingCapacity: true)
            cleaned.bytes.withUnsafeBufferPointer { JSONLField.splice(line: line, field: located, newValue: $0, into: &out) }
            out.append(0x0A)
            let t3 = monotonicSeconds()
            result.decodeSeconds += t1 - t0
            result.cleanSeconds += t2 - t1
            result.encodeSeconds += t3 - t2
            result.documents += 1
        }
        result.seconds = monotonicSeconds() - start
        result.cpuSeconds = threadCPUSeconds() - startCPU
        return result
    }
}

/// Decoded `text` values of the first documents of a corpus, held in memory, for timing `clean` alone.
public struct DocumentSample {
    public var texts: [[UInt8]] = []
    public var bytes = 0

    /// Loads documents until `maxBytes` of text.
    public init(path: String, maxBytes: Int) throws {
        let field = Array("text".utf8)
        var texts: [[UInt8]] = []
        var bytes = 0
        struct Enough: Error {}
        do {
            try forEachLine(ofFile: path) { line in
                guard case .success(let located) = JSONLField.locate(field, in: line) else { return }
                var text: [UInt8] = []
                JSONLField.unescape(UnsafeBufferPointer(rebasing: line[located.valueRange]), into: &text)
                bytes += text.count
                texts.append(text)
                if bytes >= maxBytes { throw Enough() }
            }
        } catch is Enough {}
        self.texts = texts
        self.bytes = bytes
    }

    /// Seconds to clean every document with `cleaner`.
    public func time(_ cleaner: Cleaner) -> Double {
        var sink = 0
        let start = monotonicSeconds()
        for t in texts { sink &+= cleaner.clean(t).bytes.count }
        let seconds = monotonicSeconds() - start
        if sink == -1 { print("") }   // keep the work observable
        return seconds
    }
}
