import Foundation
import Testing
@testable import Winnow

/// Reads `input` through a LineReader with the given read size, source read limit and batch target;
/// returns the batches.
private func batches(_ input: [UInt8], chunk: Int, maxRead: Int = .max, target: Int) throws -> [[UInt8]] {
    var reader = LineReader(MemorySource(input, maxRead: maxRead), chunkSize: chunk)
    let buffer = ByteBuffer()
    var out: [[UInt8]] = []
    while try reader.nextBatch(into: buffer, targetBytes: target) {
        out.append(buffer.array)
        #expect(out.count <= input.count + 1, "runaway reader")
        if out.count > input.count + 1 { break }
    }
    #expect(buffer.count == 0)
    #expect(reader.atEnd)
    #expect(reader.bytesRead == input.count)
    return out
}

/// Lines of `bytes`, each with its terminator.
private func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    var out: [[UInt8]] = []
    var start = 0
    for (i, b) in bytes.enumerated() where b == 0x0A {
        out.append(Array(bytes[start...i]))
        start = i + 1
    }
    if start < bytes.count { out.append(Array(bytes[start...])) }
    return out
}

private let sampleText: [UInt8] = Array("""
    {"id":1,"text":"first line"}
    short
    \r
    {"id":2,"text":"a line that is quite a bit longer than the read size, so it straddles several reads"}\r
    x

    ünïcödé ☃ 😀 line
    last line without newline
    """.utf8)

struct LineReaderTests {
    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20], [0, 1, 5, 40, 1000])
    func batchesAreWholeLinesAndLoseNothing(chunk: Int, target: Int) throws {
        let got = try batches(sampleText, chunk: chunk, target: target)
        #expect(Array(got.joined()) == sampleText)
        for (i, batch) in got.enumerated() {
            #expect(!batch.isEmpty)
            if i < got.count - 1 { #expect(batch.last == 0x0A, "batch \(i) ends inside a line") }
            // Bounded: what the reads brought in before the target was reached, plus one line.
            #expect(batch.count <= target + chunk + 120)
        }
        #expect(got.flatMap { lines($0) } == lines(sampleText))
    }

    @Test(arguments: [1, 3, 4096])
    func shortReadsFromThePipeDoNotMatter(maxRead: Int) throws {
        let got = try batches(sampleText, chunk: 1 << 20, maxRead: maxRead, target: 16)
        #expect(Array(got.joined()) == sampleText)
        #expect(got.flatMap { lines($0) } == lines(sampleText))
    }

    @Test func emptyInputGivesNoBatch() throws {
        #expect(try batches([], chunk: 4, target: 10).isEmpty)
    }

    @Test(arguments: [[UInt8](), [0x0A], [0x0A, 0x0A, 0x0A], Array("no newline at all".utf8), Array("\r\n".utf8)])
    func edgeInputs(_ input: [UInt8]) throws {
        for chunk in [1, 2, 5] {
            let got = try batches(input, chunk: chunk, target: 1)
            #expect(Array(got.joined()) == input)
            #expect(got.flatMap { lines($0) } == lines(input))
        }
    }

    @Test func aLongLineGrowsItsBatch() throws {
        // A 300 KB line among short ones, read 4 KB at a time with a 1 KB target.
        var input = Array("a\nb\n".utf8)
        let long = [UInt8](repeating: 0x61, count: 300_000) + [0x0A]
        input += long
        input += Array("c\nd".utf8)
        let got = try batches(input, chunk: 4096, target: 1024)
        #expect(Array(got.joined()) == input)
        #expect(got.contains { $0.count >= long.count && lines($0).contains(long) })
    }

    @Test func readAllTakesEverythingLeft() throws {
        var reader = LineReader(MemorySource(sampleText, maxRead: 3), chunkSize: 5)
        let buffer = ByteBuffer([0x2A])
        try reader.readAll(into: buffer)
        #expect(buffer.array == [0x2A] + sampleText)
        #expect(reader.atEnd)
    }

    @Test(arguments: [("  \n\t{\"a\":1}\n", UInt8(ascii: "{")), ("\r\n\r\nhello", UInt8(ascii: "h")), ("", nil), (" \n\t\r ", nil)] as [(String, UInt8?)])
    func firstNonBlankByteKeepsWhatItRead(_ text: String, _ expected: UInt8?) throws {
        for chunk in [1, 2, 1 << 20] {
            var reader = LineReader(MemorySource(Array(text.utf8)), chunkSize: chunk)
            #expect(try reader.firstNonBlankByte() == expected)
            // Nothing is lost: the batches still hold every byte, cut at line ends.
            let buffer = ByteBuffer()
            var all: [UInt8] = []
            while try reader.nextBatch(into: buffer, targetBytes: 1) {
                all += buffer.array
                if reader.atEnd == false { #expect(buffer.array.last == 0x0A) }
            }
            #expect(all == Array(text.utf8))
        }
    }

    @Test func readErrorsPropagate() {
        var reader = LineReader(MemorySource(sampleText, failAfter: 10), chunkSize: 4)
        let buffer = ByteBuffer()
        #expect(throws: ReadError.self) {
            while try reader.nextBatch(into: buffer, targetBytes: 1_000_000) {}
        }
    }

    @Test func eachReadAsksForAWholeChunk() throws {
        // 10 chunks of input, each read(2) asked for the chunk size: 10 reads plus the one that sees the end.
        let input = [UInt8](repeating: 0x0A, count: 10 * 1024)
        var reader = LineReader(MemorySource(input), chunkSize: 1024)
        let buffer = ByteBuffer()
        while try reader.nextBatch(into: buffer, targetBytes: 1 << 20) {}
        #expect(reader.source.reads == 11)
    }

    @Test(arguments: [64 << 10, 256 << 10, 300_000])
    func aBatchIsAboutItsTargetNotAWholeChunk(target: Int) throws {
        // 3 MiB of 100-byte lines read with 1 MiB chunks: a read asks only for what the batch lacks (at
        // least 64 KiB), so every batch but the last holds its target (less the line it was cut before) and at most one
        // read and a line more.
        var line = [UInt8](repeating: UInt8(ascii: "a"), count: 99)
        line.append(0x0A)
        let input = Array([[UInt8]](repeating: line, count: 3 * (1 << 20) / 100).joined())
        let out = try batches(input, chunk: 1 << 20, target: target)
        #expect(Array(out.joined()) == input)
        for batch in out.dropLast() {
            #expect(batch.count > target - 100)
            #expect(batch.count < target + LineReader<MemorySource>.minimumRead + 100)
        }
        #expect(out.count >= input.count / (target + LineReader<MemorySource>.minimumRead + 100))
    }

    @Test func lastIndexMatchesANaiveSearch() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let n = Int.random(in: 0..<70, using: &rng)
            let bytes = (0..<n).map { _ in [0x0A, 0x61, 0x0B, 0x8A, 0x00][Int.random(in: 0..<5, using: &rng)] as UInt8 }
            let from = n == 0 ? 0 : Int.random(in: 0...n, using: &rng)
            let expected = bytes[from..<n].lastIndex(of: 0x0A) ?? -1
            let got = bytes.withUnsafeBufferPointer { lastIndex(of: 0x0A, in: $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: from, to: n) }
            #expect(got == expected, "\(bytes) from \(from)")
        }
    }

    @Test func forEachLineSplitsAtNewlines() {
        let text = Array("a\r\n\nbc\nlast".utf8)
        var seen: [(String, Bool)] = []
        text.withUnsafeBufferPointer { p in
            forEachLine(in: p) { range, terminated in
                seen.append((String(decoding: p[range], as: UTF8.self), terminated))
            }
        }
        #expect(seen.map(\.0) == ["a\r", "", "bc", "last"])
        #expect(seen.map(\.1) == [true, true, true, false])
    }

    @Test func byteBufferGrowsAndShrinks() {
        let buffer = ByteBuffer(capacity: 4)
        for i in 0..<1000 { [UInt8(i & 0xFF)].withUnsafeBufferPointer { buffer.append($0) } }
        #expect(buffer.count == 1000)
        #expect(buffer.array == (0..<1000).map { UInt8($0 & 0xFF) })
        buffer.removeFirst(998)
        #expect(buffer.array == [0xE6, 0xE7])
        buffer.shrink(ifAbove: 16)
        #expect(buffer.capacity > 16)  // not empty: kept
        buffer.removeAll()
        buffer.shrink(ifAbove: 16)
        #expect(buffer.capacity == 16)
    }

    // MARK: Reading ahead (the command reads a piped stdin while it builds its cleaner)

    /// A pipe holding `bytes` with its write end closed; returns the read end.
    private func pipeHolding(_ bytes: [UInt8]) -> Int32 {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
        close(fds[1])
        return fds[0]
    }

    @Test(arguments: [0, 1, 5, 40, 1 << 20], [1, 7, 1 << 16])
    func bytesReadAheadComeFirstAndNothingIsLost(maxBytes: Int, chunk: Int) throws {
        let fd = pipeHolding(sampleText)
        defer { close(fd) }
        var source = FileDescriptorSource(fd: fd)
        let ahead = source.prefetch(maxBytes: maxBytes, chunk: chunk, while: { true })
        #expect(ahead == min(maxBytes, sampleText.count))
        #expect(source.prefetchedCount == ahead)
        var reader = LineReader(source, chunkSize: 3)
        let buffer = ByteBuffer()
        var got: [UInt8] = []
        while try reader.nextBatch(into: buffer, targetBytes: 10) { got += buffer.array }
        #expect(got == sampleText)
        #expect(reader.bytesRead == sampleText.count)
    }

    /// Megabytes read ahead (room taken in huge pages), then a few bytes read, then more read ahead on top of
    /// what is still held: every byte comes out once, in order.
    @Test(arguments: [3 << 20, (5 << 20) + 12345])
    func readingAheadAgainKeepsWhatIsHeld(size: Int) throws {
        var bytes = [UInt8](repeating: 0, count: size)
        var x: UInt32 = 2463534242
        for i in bytes.indices { x ^= x << 13; x ^= x >> 17; x ^= x << 5; bytes[i] = UInt8(truncatingIfNeeded: x) }
        let path = "/tmp/winnow-readahead-\(getpid())-\(size)"
        let out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(out >= 0)
        #expect(bytes.withUnsafeBytes { write(out, $0.baseAddress, $0.count) } == size)
        close(out)
        let fd = open(path, O_RDONLY)
        defer { close(fd); unlink(path) }
        var source = FileDescriptorSource(fd: fd)
        #expect(source.prefetch(maxBytes: (2 << 20) + 100, while: { true }) == (2 << 20) + 100)
        var got = [UInt8](repeating: 0, count: 1000)
        let first = try got.withUnsafeMutableBytes { try source.read(into: $0) }
        #expect(first == 1000)
        #expect(source.prefetchedCount == (2 << 20) + 100 - 1000)
        #expect(source.prefetch(maxBytes: 4 << 20, chunk: 1 << 20, while: { true }) == min(4 << 20, size - 1000))
        var all = Array(got[0..<first])
        var chunk = [UInt8](repeating: 0, count: 70_000)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { break }
            all += chunk[0..<n]
        }
        // (Compared by length and first difference: a failing `==` on megabytes would print them all.)
        #expect(all.count == bytes.count)
        #expect(all.indices.first { all[$0] != bytes[$0] } == nil)
    }

    @Test func readingAheadStopsWhenTold() {
        let fd = pipeHolding(sampleText)
        defer { close(fd) }
        var source = FileDescriptorSource(fd: fd)
        #expect(source.prefetch(maxBytes: 1 << 20, while: { false }) == 0)
        var calls = 0
        #expect(source.prefetch(maxBytes: 1 << 20, chunk: 4, while: { calls += 1; return calls <= 2 }) == 8)
    }

    @Test func aReadErrorMetAheadIsThrownWhereTheReadWouldHaveBeen() throws {
        // Reading a directory's descriptor fails with EISDIR.
        let fd = open("/", O_RDONLY)
        defer { close(fd) }
        var source = FileDescriptorSource(fd: fd)
        #expect(source.prefetch(maxBytes: 1 << 20, while: { true }) == 0)
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(throws: ReadError(errno: EISDIR)) {
            try buffer.withUnsafeMutableBytes { _ = try source.read(into: $0) }
        }
    }

    @Test func backgroundValueIsMadeOnce() {
        let value = BackgroundValue { (0..<1000).reduce(0, +) }
        #expect(value.wait() == 499_500)
        #expect(value.isReady)
        #expect(value.wait() == 499_500)
    }
}
