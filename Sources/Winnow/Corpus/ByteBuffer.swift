/// A growable byte buffer that can be read into directly (no zero fill) and is reused across batches:
/// `removeAll()` keeps the storage. One owner at a time; it moves between threads with the batch that
/// holds it (the hand-over goes through `OrderedExecutor`'s lock).
public final class ByteBuffer: @unchecked Sendable {
    public private(set) var base: UnsafeMutablePointer<UInt8>
    public private(set) var capacity: Int
    /// Bytes in use, from `base`.
    public var count: Int {
        didSet { precondition(count >= 0 && count <= capacity, "ByteBuffer count out of range") }
    }

    public init(capacity: Int = 0) {
        let c = max(capacity, 16)
        base = .allocate(capacity: c)
        self.capacity = c
        count = 0
    }

    public convenience init(_ bytes: [UInt8]) {
        self.init(capacity: bytes.count)
        bytes.withUnsafeBufferPointer { append($0) }
    }

    deinit { base.deallocate() }

    /// The bytes in use.
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    public var array: [UInt8] { Array(bytes) }

    /// Makes room for at least `minimumCapacity` bytes in total, keeping the bytes in use.
    /// Grows at least geometrically, so appending N bytes in small steps costs O(N).
    public func reserve(_ minimumCapacity: Int) {
        guard minimumCapacity > capacity else { return }
        let c = max(minimumCapacity, capacity + capacity / 2)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        if count > 0 { new.update(from: base, count: count) }
        base.deallocate()
        base = new
        capacity = c
    }

    /// Appends bytes, growing as needed.
    public func append(_ other: UnsafeBufferPointer<UInt8>) {
        guard let src = other.baseAddress, other.count > 0 else { return }
        reserve(count + other.count)
        (base + count).update(from: src, count: other.count)
        count += other.count
    }

    /// Forgets the bytes in use; keeps the storage.
    public func removeAll() { count = 0 }

    /// Drops the first `n` bytes, moving the rest to the front.
    public func removeFirst(_ n: Int) {
        precondition(n >= 0 && n <= count)
        let rest = count - n
        if rest > 0 && n > 0 { base.update(from: base + n, count: rest) }
        count = rest
    }

    /// Gives storage back when it grew past `limit` (after a long line), keeping at most `limit` bytes
    /// of capacity. Only when empty.
    public func shrink(ifAbove limit: Int) {
        guard count == 0, capacity > limit else { return }
        base.deallocate()
        base = .allocate(capacity: max(limit, 16))
        capacity = max(limit, 16)
    }
}
