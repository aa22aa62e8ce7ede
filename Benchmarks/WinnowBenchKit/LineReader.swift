#if canImport(Glibc)
import Glibc
#endif

/// Monotonic time in seconds.
@inline(__always)
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU time of the calling thread in seconds (user and system): unlike wall time, barely moved by other
/// work on the machine.
@inline(__always)
public func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Reads a file descriptor line by line through one reused 1 MiB buffer (grown only for a longer line);
/// a partial last line is carried over and never rescanned.
public struct LineReader {
    public let fd: Int32
    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int

    public init(fd: Int32, bufferSize: Int = 1 << 20) {
        self.fd = fd
        capacity = bufferSize
        buffer = .allocate(capacity: bufferSize)
    }

    public func deallocate() { buffer.deallocate() }

    /// Calls `body` with each line, without its `\n` (a last line without one included).
    /// Returns the number of bytes read.
    @discardableResult
    public mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        var filled = 0      // bytes in the buffer
        var lineStart = 0   // start of the current partial line
        var scanFrom = 0    // where to look for the next '\n'
        var total = 0
        while true {
            // Lines complete in the buffer.
            while scanFrom < filled {
                guard let nl = memchr(buffer + scanFrom, 0x0A, filled - scanFrom) else { scanFrom = filled; break }
                let end = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                try body(UnsafeBufferPointer(start: buffer + lineStart, count: end - lineStart))
                lineStart = end + 1
                scanFrom = lineStart
            }
            // Move the partial line to the front; grow when it fills the buffer.
            if lineStart > 0 {
                let rest = filled - lineStart
                if rest > 0 { memmove(buffer, buffer + lineStart, rest) }
                filled = rest
                scanFrom -= lineStart
                lineStart = 0
            }
            if filled == capacity {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = read(fd, buffer + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(message: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 {
                if filled > 0 { try body(UnsafeBufferPointer(start: buffer, count: filled)) }
                return total
            }
            filled += n
            total += n
        }
    }
}

/// Calls `body` with each line of the file at `path`.
@discardableResult
public func forEachLine(ofFile path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw WriteError(message: "cannot open \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var reader = LineReader(fd: fd)
    defer { reader.deallocate() }
    return try reader.forEachLine(body)
}
