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
/// bounded whatever the size.
///
/// The corpus holds documents 0, 1, 2, ... as long as they fit: its size is at most `targetBytes` and
/// falls short of it by less than one document. A corpus of a smaller size is therefore a prefix of
/// a larger one with the same configuration.
public struct CorpusWriter {
    public let generator: CorpusGenerator
    public var blockSize = 4 << 20

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
    /// sidecar to `truth`, when given).
    public func generate(targetBytes: Int, corpus: ([UInt8]) throws -> Void, truth: (([UInt8]) throws -> Void)?) throws -> CorpusSummary {
        var summary = CorpusSummary()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(blockSize + (1 << 20))
        var truthBuffer: [UInt8] = []
        var line: [UInt8] = []
        line.reserveCapacity(64 << 10)
        var doc = GeneratedDocument()
        var kindCounts = [Int](repeating: 0, count: ParagraphKind.allCases.count)
        var index = 0
        while true {
            generator.generate(index, into: &doc)
            line.removeAll(keepingCapacity: true)
            generator.appendJSONLine(doc, to: &line)
            if summary.bytes + line.count > targetBytes { break }
            buffer.append(contentsOf: line)
            summary.bytes += line.count
            summary.documents += 1
            if doc.clean { summary.cleanDocuments += 1 }
            for k in doc.kinds { kindCounts[Int(k.rawValue)] += 1 }
            if truth != nil {
                truthBuffer.append(contentsOf: "{\"id\":\"\(generator.idPrefix)\(index)\",\"kinds\":[".utf8)
                for (i, k) in doc.kinds.enumerated() {
                    if i > 0 { truthBuffer.append(0x2C) }
                    truthBuffer.append(0x22)
                    truthBuffer.append(contentsOf: k.name.utf8)
                    truthBuffer.append(0x22)
                }
                truthBuffer.append(contentsOf: "]}\n".utf8)
            }
            if buffer.count >= blockSize {
                try corpus(buffer)
                buffer.removeAll(keepingCapacity: true)
                if let truth, !truthBuffer.isEmpty {
                    try truth(truthBuffer)
                    truthBuffer.removeAll(keepingCapacity: true)
                }
            }
            index += 1
        }
        if !buffer.isEmpty { try corpus(buffer) }
        if let truth, !truthBuffer.isEmpty { try truth(truthBuffer) }
        for kind in ParagraphKind.allCases where kindCounts[Int(kind.rawValue)] > 0 {
            summary.lines[kind.name] = kindCounts[Int(kind.rawValue)]
        }
        return summary
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
