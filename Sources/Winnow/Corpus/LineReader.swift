#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a byte stream in large chunks and hands it out as batches of whole lines.
///
/// Each `read` asks for what the batch still lacks of its target (at least 64 KiB, at most `chunkSize`,
/// 1 MiB by default) straight into the batch's storage. A batch
/// ends at its last `\n` once it holds at least `targetBytes`; the partial line after that `\n` is carried
/// over to the start of the next batch (one copy of the tail, never of the batch). Only newly read bytes
/// are searched for the last `\n` (memrchr), so nothing is scanned twice; a line longer than the target
/// simply makes its batch grow until its `\n` (or the end of input) arrives. At the end of the input the
/// last batch may end without `\n` (a final line with no terminator).
///
/// Memory: the batch buffer the caller passes in, plus the carried partial line.
public struct LineReader<Source: ByteSource> {
    public var source: Source
    /// Bytes asked for per read(2).
    public let chunkSize: Int
    /// Bytes read but not yet handed out. After a batch cut: a partial line (no `\n`); after
    /// `firstNonBlankByte()`: anything.
    private let carry = ByteBuffer(capacity: 0)
    /// True when `carry` holds no `\n` (it is the tail after a batch's last `\n`).
    private var carryScanned = true
    public private(set) var atEnd = false
    /// Total bytes read from the source.
    public private(set) var bytesRead = 0

    /// The smallest read `nextBatch` asks for (a line longer than the target is read in steps of this).
    static var minimumRead: Int { 64 << 10 }

    public init(_ source: Source, chunkSize: Int = 1 << 20) {
        precondition(chunkSize > 0)
        self.source = source
        self.chunkSize = chunkSize
    }

    /// Reads up to `want` bytes (at most `chunkSize`) into `buffer`'s free space; false at the end of input.
    private mutating func readChunk(into buffer: ByteBuffer, want: Int = .max) throws(ReadError) -> Bool {
        let size = min(chunkSize, max(want, 1))
        // Read into the free space; make room for a whole read only when little is left (so a buffer
        // reserved for a file's known size is not regrown just to see the end of the file).
        if buffer.capacity - buffer.count < min(size, 4096) { buffer.reserve(buffer.count + size) }
        let space = UnsafeMutableRawBufferPointer(start: buffer.base + buffer.count,
                                                  count: min(size, buffer.capacity - buffer.count))
        let n = try source.read(into: space)
        if n == 0 {
            atEnd = true
            return false
        }
        buffer.count += n
        bytesRead += n
        return true
    }

    /// Fills `batch` (emptied first) with whole lines: at least `targetBytes` of them unless the input
    /// ends first, each ending in `\n` except possibly the last line of the input.
    /// Returns false (and leaves `batch` empty) when there is nothing left.
    public mutating func nextBatch(into batch: ByteBuffer, targetBytes: Int) throws(ReadError) -> Bool {
        batch.removeAll()
        batch.append(carry.bytes)
        var scanned = carryScanned ? carry.count : 0
        carry.removeAll()
        carryScanned = true
        var lastNewline = -1
        while true {
            if scanned < batch.count {
                let hit = lastIndex(of: 0x0A, in: UnsafePointer(batch.base), from: scanned, to: batch.count)
                if hit >= 0 { lastNewline = hit }
                scanned = batch.count
            }
            if lastNewline >= 0 && batch.count >= targetBytes { break }
            if atEnd { break }
            // Ask for what the batch still lacks (at least `minimumRead`): a batch is about
            // `targetBytes`, not a whole chunk, so workers get evenly sized work and the reused buffers
            // stay near the target size.
            _ = try readChunk(into: batch, want: max(targetBytes - batch.count, LineReader.minimumRead))
        }
        if atEnd { return batch.count > 0 }
        let cut = lastNewline + 1
        carry.append(UnsafeBufferPointer(start: batch.base + cut, count: batch.count - cut))
        batch.count = cut
        return true
    }

    /// Appends everything left in the input to `buffer` (for a whole document).
    public mutating func readAll(into buffer: ByteBuffer) throws(ReadError) {
        buffer.append(carry.bytes)
        carry.removeAll()
        carryScanned = true
        while !atEnd { _ = try readChunk(into: buffer) }
    }

    /// The first byte that is not white space (space, tab, CR, LF), reading as far as needed; nil when
    /// the input holds only white space. What was read stays queued for `nextBatch` / `readAll`.
    public mutating func firstNonBlankByte() throws(ReadError) -> UInt8? {
        var checked = 0
        while true {
            while checked < carry.count {
                let b = carry.base[checked]
                // A UTF-8 byte-order mark at the start is not content either.
                if checked == 0 && b == 0xEF {
                    if carry.count < 3 && !atEnd { break }
                    if carry.count >= 3 && carry.base[1] == 0xBB && carry.base[2] == 0xBF { checked = 3; continue }
                }
                if b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A { return b }
                checked += 1
            }
            if atEnd { return nil }
            carryScanned = false
            _ = try readChunk(into: carry)
        }
    }
}

/// The index of the last `byte` in `p[from..<to]`, or -1; searches backwards eight bytes at a time, so
/// it reads only the bytes after the match (memrchr is not available to Swift on glibc).
@inline(__always)
func lastIndex(of byte: UInt8, in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
    var i = to
    let ones: UInt64 = 0x0101_0101_0101_0101
    let pattern = ones &* UInt64(byte)
    while i - from >= 8 {
        let v = UInt64(littleEndian: UnsafeRawPointer(p + i - 8).loadUnaligned(as: UInt64.self)) ^ pattern
        // Exact zero-byte test (no false positives): high bit of each byte that is zero.
        let zero = ~(((v & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | v | 0x7F7F_7F7F_7F7F_7F7F)
        if zero != 0 { return i - 8 + (63 - zero.leadingZeroBitCount) >> 3 }
        i -= 8
    }
    while i > from {
        i -= 1
        if p[i] == byte { return i }
    }
    return -1
}

/// Calls `body` for each line of `bytes`: the line's byte range without its `\n` (a `\r` before it is kept
/// in the range) and whether it had a `\n`. Lines are found with memchr.
@inlinable
public func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ content: Range<Int>, _ terminated: Bool) throws -> Void) rethrows {
    try forEachLine(in: bytes, while: { try body($0, $1); return true })
}

/// `forEachLine(in:_:)` that stops after the line for which `body` returns false.
@inlinable
public func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, while body: (_ content: Range<Int>, _ terminated: Bool) throws -> Bool) rethrows {
    guard let base = bytes.baseAddress else { return }
    let n = bytes.count
    var start = 0
    while start < n {
        if let hit = memchr(base + start, 0x0A, n - start) {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            guard try body(start..<end, true) else { return }
            start = end + 1
        } else {
            _ = try body(start..<n, false)
            return
        }
    }
}
