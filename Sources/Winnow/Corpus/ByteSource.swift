#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed read(2): the errno.
public struct ReadError: Error, Equatable, Sendable {
    public var errno: Int32
    public init(errno: Int32) { self.errno = errno }
}

/// Where a `LineReader` gets its bytes.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer`; returns how many, 0 at the end of the input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int
}

/// A file descriptor, read with read(2) (retrying on EINTR). Does not close the descriptor.
public struct FileDescriptorSource: ByteSource {
    public let fd: Int32
    public init(fd: Int32) { self.fd = fd }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = systemRead(fd, base, buffer.count)
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            throw ReadError(errno: code)
        }
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, base, count)
    #elseif canImport(Musl)
    return Musl.read(fd, base, count)
    #else
    return Darwin.read(fd, base, count)
    #endif
}

/// Bytes in memory, handed out at most `maxRead` bytes per read (to test short reads and chunk
/// boundaries), optionally failing after `failAfter` bytes.
public struct MemorySource: ByteSource {
    public let bytes: [UInt8]
    public let maxRead: Int
    public let failAfter: Int?
    public private(set) var position = 0
    /// How many times `read` was called.
    public private(set) var reads = 0

    public init(_ bytes: [UInt8], maxRead: Int = .max, failAfter: Int? = nil) {
        self.bytes = bytes
        self.maxRead = max(1, maxRead)
        self.failAfter = failAfter
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        reads += 1
        if let failAfter, position >= failAfter { throw ReadError(errno: EIO) }
        let n = min(buffer.count, maxRead, bytes.count - position, (failAfter ?? .max) - position)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + position, byteCount: n)
        }
        position += n
        return n
    }
}
