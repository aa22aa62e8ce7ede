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
///
/// `prefetch` reads ahead into memory while another thread does something else (the command builds its
/// cleaner while a piped stdin is read, so the producer upstream is not kept waiting); the bytes read
/// ahead are handed out first, then the descriptor is read again, and a read error met while reading
/// ahead is thrown where it would have been.
public struct FileDescriptorSource: ByteSource {
    public let fd: Int32
    private var head: ReadAhead? = nil
    private var headOffset = 0
    private var headEnded = false
    private var headFailure: ReadError? = nil

    public init(fd: Int32) { self.fd = fd }

    /// Bytes read ahead and not yet handed out.
    public var prefetchedCount: Int { (head?.count ?? 0) - headOffset }

    /// Reads the descriptor into memory while `shouldContinue()` holds, until `maxBytes` are held, the end
    /// of the input or a read error (kept for the caller of `read`). Returns the bytes read ahead. Each
    /// read(2) asks for at most `chunk` bytes and lands in place: the room for `maxBytes` is taken once (on
    /// Linux in huge pages when it is large: a page fault per 4 KiB read ahead, and the copies of a growing
    /// array, cost more than the read itself did).
    @discardableResult
    public mutating func prefetch(maxBytes: Int, chunk: Int = 1 << 16, while shouldContinue: () -> Bool) -> Int {
        precondition(chunk > 0)
        guard maxBytes > prefetchedCount else { return prefetchedCount }
        if head == nil || headOffset > 0 || head!.capacity < maxBytes {
            // Room for what is still held and what may come (a second call after reads keeps the rest).
            let room = ReadAhead(capacity: maxBytes)
            if let old = head, old.count > headOffset {
                (room.base).copyMemory(from: old.base + headOffset, byteCount: old.count - headOffset)
                room.count = old.count - headOffset
            }
            head = room
            headOffset = 0
        }
        let room = head!
        while !headEnded && headFailure == nil && room.count < maxBytes && shouldContinue() {
            let want = min(chunk, maxBytes - room.count)
            do throws(ReadError) {
                let n = try readFD(into: UnsafeMutableRawBufferPointer(start: room.base + room.count, count: want))
                if n == 0 { headEnded = true } else { room.count += n }
            } catch {
                headFailure = error
            }
        }
        return prefetchedCount
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        if let held = head, headOffset < held.count {
            guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
            let n = min(buffer.count, held.count - headOffset)
            base.copyMemory(from: held.base + headOffset, byteCount: n)
            headOffset += n
            if headOffset == held.count { head = nil; headOffset = 0 }
            return n
        }
        if let failure = headFailure {
            headFailure = nil
            throw failure
        }
        if headEnded { return 0 }
        return try readFD(into: buffer)
    }

    private func readFD(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
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

/// The bytes a `FileDescriptorSource` read ahead: one allocation (`PageMemory`), freed when the last copy of the
/// source lets go of it.
private final class ReadAhead {
    private let memory: PageMemory
    var base: UnsafeMutableRawPointer { memory.base }
    var count = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        memory = PageMemory(byteCount: self.capacity)
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
