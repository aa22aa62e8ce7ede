#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work items on a fixed set of worker threads and gives them back in the order they were submitted.
///
/// The submitting thread calls `submit` and takes finished items back with `next()` / `nextIfReady()`;
/// it decides how many are in flight (`inFlight`), so memory stays bounded by that number times the item
/// size. Each worker thread makes its own work function once (`makeWorker(index)`), so per-thread
/// scratch lives in that closure and is reused for every item. Locking is per item (a whole batch), not
/// per line. Plain pthreads (no Foundation, which would cost every run of the command ~9 ms to load).
public final class OrderedExecutor<Item: AnyObject & Sendable>: @unchecked Sendable {
    private let condition = Condition()
    /// Submitted, not yet taken by a worker: (sequence number, item), oldest first.
    private var queue: [(Int, Item)] = []
    /// Finished, not yet given back, by sequence number.
    private var finished: [Int: Item] = [:]
    private var submitted = 0
    private var delivered = 0
    private var stopping = false
    private var running = 0
    public let workerCount: Int

    /// Starts `workers` threads. `makeWorker(i)` runs once on thread i and returns the function that
    /// processes items there.
    public init(workers: Int, stackSize: Int = 8 << 20, makeWorker: @escaping @Sendable (Int) -> (Item) -> Void) {
        precondition(workers > 0)
        workerCount = workers
        running = workers
        for index in 0..<workers {
            startThread(stackSize: stackSize) { [self] in
                let work = makeWorker(index)
                self.workLoop(work)
            }
        }
    }

    private func workLoop(_ work: (Item) -> Void) {
        condition.lock()
        while true {
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty { break }  // stopping, nothing left
            let (sequence, item) = queue.removeFirst()
            condition.unlock()
            work(item)
            condition.lock()
            finished[sequence] = item
            condition.broadcast()
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Items submitted and not yet given back.
    public var inFlight: Int {
        condition.lock()
        defer { condition.unlock() }
        return submitted - delivered
    }

    /// Queues an item for the workers; never blocks.
    public func submit(_ item: Item) {
        condition.lock()
        precondition(!stopping, "submit after shutdown")
        queue.append((submitted, item))
        submitted += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The oldest submitted item once it is finished (waiting for it), or nil when none is in flight
    /// (or, after `shutdown(discardQueued: true)`, when it was dropped).
    public func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        guard delivered < submitted else { return nil }
        while finished[delivered] == nil {
            if running == 0 { return nil }
            condition.wait()
        }
        return take()
    }

    /// The oldest submitted item if it is already finished; never waits.
    public func nextIfReady() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        guard delivered < submitted, finished[delivered] != nil else { return nil }
        return take()
    }

    private func take() -> Item {
        let item = finished.removeValue(forKey: delivered)!
        delivered += 1
        return item
    }

    /// Lets the workers finish the queued items and end; with `discardQueued`, items no worker has
    /// started yet are dropped instead. Waits until every worker thread has ended.
    public func shutdown(discardQueued: Bool = false) {
        condition.lock()
        stopping = true
        if discardQueued { queue.removeAll() }
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}

/// A value made on a thread of its own while the caller does something else: the command builds its
/// cleaner (the cue automaton takes a few milliseconds) while it reads a piped stdin.
public final class BackgroundValue<Value>: @unchecked Sendable {
    private let condition = Condition()
    private var value: Value? = nil

    public init(_ make: @escaping @Sendable () -> Value) {
        startThread(stackSize: 8 << 20) { [self] in
            let made = make()
            condition.lock()
            value = made
            condition.broadcast()
            condition.unlock()
        }
    }

    /// True once the value is made (`wait()` then returns at once).
    public var isReady: Bool {
        condition.lock()
        defer { condition.unlock() }
        return value != nil
    }

    /// The value, waiting until it is made.
    public func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}

/// A pthread mutex and condition variable at fixed addresses.
final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        mutex.initialize(to: pthread_mutex_t())
        cond.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(cond, nil)
    }

    deinit {
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        cond.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for `broadcast`; the caller holds the lock (and holds it again on return).
    func wait() { pthread_cond_wait(cond, mutex) }
    func broadcast() { pthread_cond_broadcast(cond) }
}

private final class ThreadBody: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Starts a detached thread running `body`.
func startThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t? = nil
    #else
    var thread = pthread_t()
    #endif
    let status = pthread_create(&thread, &attributes, { context in
        let body = Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue()
        body.run()
        return nil
    }, context)
    precondition(status == 0, "pthread_create failed: \(status)")
    #if canImport(Darwin)
    pthread_detach(thread!)
    #else
    pthread_detach(thread)
    #endif
}
