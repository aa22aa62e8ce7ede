/// The batch bookkeeping of a corpus run: cleans `CorpusBatch`es on `jobs` worker threads (one
/// `CorpusWorker` each, sharing one `Cleaner`) and hands them back in submission order with the number of
/// their first JSONL line. At most `maxInFlight` batches are submitted and not yet delivered, and
/// delivered batches are reused, so memory is bounded by batch size x jobs whatever the input size.
///
/// ```swift
/// let pipeline = CorpusPipeline(cleaner: cleaner, options: CorpusOptions(), jobs: 2)
/// var reader = LineReader(FileDescriptorSource(fd: 0))
/// repeat {
///     let batch = pipeline.makeBatch()
///     _ = try reader.nextBatch(into: batch.input, targetBytes: pipeline.batchBytes)
///     try pipeline.submit(batch) { done, firstLine in try write(done.output) }
/// } while !reader.atEnd
/// try pipeline.drain { done, firstLine in try write(done.output) }
/// pipeline.shutdown()
/// ```
public final class CorpusPipeline {
    public let jobs: Int
    public let maxInFlight: Int
    /// Target size of a batch (whole lines or documents).
    public let batchBytes: Int
    private let executor: OrderedExecutor<CorpusBatch>
    private var pool: [CorpusBatch] = []
    private let ruleCount: Int
    /// Number of the first line of the next JSONL batch to be delivered.
    private var nextLine = 1

    public convenience init(cleaner: Cleaner, options: CorpusOptions, jobs: Int, batchBytes: Int = 1 << 20, maxInFlight: Int? = nil) {
        self.init(jobs: jobs, batchBytes: batchBytes, maxInFlight: maxInFlight, ruleCount: cleaner.ruleIDs.count) {
            var worker = CorpusWorker(cleaner: cleaner, options: options, scratchLimit: max(16 << 20, 4 * batchBytes))
            return { batch in worker.process(batch) }
        }
    }

    /// A pipeline that learns instead of cleaning: each delivered batch holds the `observations` of its
    /// documents (its `output` stays empty), to be added to a `SiteModel` in order.
    public convenience init(learning options: CorpusOptions, jobs: Int, batchBytes: Int = 1 << 20, maxInFlight: Int? = nil) {
        self.init(jobs: jobs, batchBytes: batchBytes, maxInFlight: maxInFlight, ruleCount: 0) {
            var learner = CorpusLearner(options: options, scratchLimit: max(16 << 20, 4 * batchBytes))
            return { batch in learner.process(batch) }
        }
    }

    private init(jobs: Int, batchBytes: Int, maxInFlight: Int?, ruleCount: Int,
                 makeWorker: @escaping @Sendable () -> (CorpusBatch) -> Void) {
        precondition(jobs > 0 && batchBytes > 0)
        self.jobs = jobs
        self.batchBytes = batchBytes
        self.maxInFlight = max(1, maxInFlight ?? 2 * jobs + 1)
        self.ruleCount = ruleCount
        executor = OrderedExecutor(workers: jobs) { _ in makeWorker() }
    }

    /// An empty batch: a delivered one reused, or a new one.
    public func makeBatch() -> CorpusBatch {
        pool.popLast() ?? CorpusBatch(ruleCount: ruleCount)
    }

    /// Queues `batch` for cleaning, then delivers every batch that is ready, waiting while `maxInFlight`
    /// are in flight. `deliver` gets each batch in order with the number of its first JSONL line; after it
    /// returns the batch is reused (don't keep it).
    public func submit(_ batch: CorpusBatch, deliver: (CorpusBatch, Int) throws -> Void) rethrows {
        executor.submit(batch)
        while let done = executor.nextIfReady() { try hand(done, deliver) }
        while executor.inFlight >= maxInFlight, let done = executor.next() { try hand(done, deliver) }
    }

    /// Delivers every batch still in flight, in order.
    public func drain(deliver: (CorpusBatch, Int) throws -> Void) rethrows {
        while let done = executor.next() { try hand(done, deliver) }
    }

    /// Ends the worker threads (after the queued batches, or dropping them with `discardQueued`).
    public func shutdown(discardQueued: Bool = false) {
        executor.shutdown(discardQueued: discardQueued)
    }

    private func hand(_ batch: CorpusBatch, _ deliver: (CorpusBatch, Int) throws -> Void) rethrows {
        if batch.kind == .jsonl && batch.firstOfSource { nextLine = 1 }
        try deliver(batch, nextLine)
        nextLine += batch.lineCount
        batch.reset(keepCapacity: 4 * batchBytes)
        pool.append(batch)
    }
}
