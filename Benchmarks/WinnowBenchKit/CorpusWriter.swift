import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a corpus run wrote.
public struct CorpusSummary: Sendable, Equatable, Codable {
    public var documents: Int
    public var bytes: Int
    /// Documents without injected boilerplate or list markup.
    public var cleanDocuments: Int
    /// Lines injected or generated, by kind name.
    public var lines: [String: Int]

    public init(documents: Int = 0, bytes: Int = 0, cleanDocuments: Int = 0, lines: [String: Int] = [:]) {
        self.documents = documents
        self.bytes = bytes
        self.cleanDocuments = cleanDocuments
        self.lines = lines
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Streams a generated corpus of a target size to a file descriptor, in 4 MiB blocks: memory stays
/// bounded whatever the size (a few MiB per generating thread).
///
/// The corpus holds documents 0, 1, 2, ... as long as they fit: its size is at most `targetBytes` and
/// falls short of it by less than one document. A corpus of a smaller size is therefore a prefix of
/// a larger one with the same configuration.
public struct CorpusWriter {
    public let generator: CorpusGenerator
    public var blockSize = 4 << 20
    /// Threads that generate documents (default: every core).
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Documents each thread generates at a time.
    public var batchSize = 256

    public init(_ generator: CorpusGenerator) {
        self.generator = generator
    }

    /// Writes the corpus to `fd`; with `truth`, also writes a sidecar of line kinds to that descriptor
    /// (one JSON line per document: `{"id":...,"kinds":["title","blank","article",...]}`, one kind per line of the text).
    @discardableResult
    public func write(targetBytes: Int, to fd: Int32, truth: Int32? = nil) throws -> CorpusSummary {
        try generate(targetBytes: targetBytes, corpus: { try writeAll(fd, $0) },
                     truth: truth.map { t in { try writeAll(t, $0) } })
    }

    /// The corpus in memory (for tests and small sizes).
    public func bytes(targetBytes: Int) throws -> (corpus: [UInt8], truth: [UInt8], summary: CorpusSummary) {
        var corpus: [UInt8] = [], truth: [UInt8] = []
        let summary = try generate(targetBytes: targetBytes, corpus: { corpus += $0 }, truth: { truth += $0 })
        return (corpus, truth, summary)
    }

    /// Generates the corpus, handing it to `corpus` in blocks of about `blockSize` bytes (and the truth
    /// sidecar to `truth`, when given). Documents are generated in batches on every core and written in order.
    public func generate(targetBytes: Int, corpus: ([UInt8]) throws -> Void, truth: (([UInt8]) throws -> Void)?) throws -> CorpusSummary {
        var summary = CorpusSummary()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(blockSize + (1 << 20))
        var truthBuffer: [UInt8] = []
        var kindCounts = [Int](repeating: 0, count: ParagraphKind.allCases.count)
        let workers = max(1, min(threads, 16))
        var batches = [Batch](repeating: Batch(), count: workers)
        var next = 0
        generation: while true {
            // Each worker generates the next `batchSize` documents of its own stretch.
            let first = next
            let size = batchSize
            let generator = self.generator
            let withTruth = truth != nil
            batches.withUnsafeMutableBufferPointer { buffers in
                nonisolated(unsafe) let out = buffers
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    out[w].fill(generator, from: first + w * size, count: size, truth: withTruth)
                }
            }
            next += workers * size
            // Written in order, up to the first document that does not fit.
            for batch in batches {
                var offset = 0, truthOffset = 0
                for d in 0..<batch.lengths.count {
                    let length = batch.lengths[d]
                    if summary.bytes + length > targetBytes { break generation }
                    buffer.append(contentsOf: batch.bytes[offset..<(offset + length)])
                    offset += length
                    summary.bytes += length
                    summary.documents += 1
                    if batch.clean[d] { summary.cleanDocuments += 1 }
                    for k in 0..<kindCounts.count { kindCounts[k] += Int(batch.kindCounts[d * kindCounts.count + k]) }
                    if withTruth {
                        truthBuffer.append(contentsOf: batch.truth[truthOffset..<(truthOffset + batch.truthLengths[d])])
                        truthOffset += batch.truthLengths[d]
                    }
                    if buffer.count >= blockSize {
                        try corpus(buffer)
                        buffer.removeAll(keepingCapacity: true)
                        if let truth, !truthBuffer.isEmpty {
                            try truth(truthBuffer)
                            truthBuffer.removeAll(keepingCapacity: true)
                        }
                    }
                }
            }
        }
        if !buffer.isEmpty { try corpus(buffer) }
        if let truth, !truthBuffer.isEmpty { try truth(truthBuffer) }
        for kind in ParagraphKind.allCases where kindCounts[Int(kind.rawValue)] > 0 {
            summary.lines[kind.name] = kindCounts[Int(kind.rawValue)]
        }
        return summary
    }

    /// The JSON lines of a run of consecutive documents, with what the summary needs of each.
    struct Batch {
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        var clean: [Bool] = []
        /// `ParagraphKind.allCases.count` counters per document.
        var kindCounts: [UInt16] = []
        var truth: [UInt8] = []
        var truthLengths: [Int] = []
        var doc = GeneratedDocument()

        mutating func fill(_ generator: CorpusGenerator, from first: Int, count: Int, truth withTruth: Bool) {
            bytes.removeAll(keepingCapacity: true)
            lengths.removeAll(keepingCapacity: true)
            clean.removeAll(keepingCapacity: true)
            kindCounts.removeAll(keepingCapacity: true)
            truth.removeAll(keepingCapacity: true)
            truthLengths.removeAll(keepingCapacity: true)
            let kinds = ParagraphKind.allCases.count
            for index in first..<(first + count) {
                generator.generate(index, into: &doc)
                let before = bytes.count
                generator.appendJSONLine(doc, to: &bytes)
                lengths.append(bytes.count - before)
                clean.append(doc.clean)
                let base = kindCounts.count
                kindCounts.append(contentsOf: repeatElement(0, count: kinds))
                for k in doc.kinds { kindCounts[base + Int(k.rawValue)] += 1 }
                if withTruth {
                    let t = truth.count
                    truth.append(contentsOf: "{\"id\":\"\(generator.idPrefix)\(index)\",\"kinds\":[".utf8)
                    for (i, k) in doc.kinds.enumerated() {
                        if i > 0 { truth.append(0x2C) }
                        truth.append(0x22)
                        truth.append(contentsOf: k.name.utf8)
                        truth.append(0x22)
                    }
                    truth.append(contentsOf: "]}\n".utf8)
                    truthLengths.append(truth.count - t)
                }
            }
        }
    }

    /// Writes the corpus to a new file at `path` (replacing it).
    @discardableResult
    public func write(targetBytes: Int, toPath path: String, truthPath: String? = nil) throws -> CorpusSummary {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var truthFD: Int32? = nil
        if let truthPath {
            let t = open(truthPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard t >= 0 else { throw WriteError(message: "cannot create \(truthPath): \(String(cString: strerror(errno)))") }
            truthFD = t
        }
        defer { if let truthFD { close(truthFD) } }
        return try write(targetBytes: targetBytes, to: fd, truth: truthFD)
    }
}

/// Writes every byte, retrying on EINTR and short writes.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { raw in
        guard var p = raw.baseAddress else { return }
        var left = raw.count
        while left > 0 {
            let n = write(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(message: "write failed: \(String(cString: strerror(errno)))")
            }
            left -= n
            p += n
        }
    }
}
