import Foundation
import Testing
@testable import Winnow

private final class Job: @unchecked Sendable {
    let number: Int
    var result = 0
    var worker = -1
    init(_ number: Int) { self.number = number }
}

struct OrderedExecutorTests {
    @Test(arguments: [1, 2, 4, 7])
    func resultsComeBackInSubmissionOrder(workers: Int) {
        // Uneven work (a few items much slower than the rest) so they finish out of order.
        let executor = OrderedExecutor<Job>(workers: workers) { index in
            var processed = 0   // per-thread state, created on the worker thread
            return { job in
                var x = UInt64(job.number)
                let rounds = job.number % 5 == 0 ? 200_000 : 1_000
                for _ in 0..<rounds { x = x &* 6364136223846793005 &+ 1442695040888963407 }
                processed += 1
                job.result = job.number * 2 + Int(x & 0)
                job.worker = index
            }
        }
        var delivered: [Int] = []
        var workersSeen = Set<Int>()
        var submitted = 0
        let maxInFlight = 2 * workers + 1
        while submitted < 200 {
            executor.submit(Job(submitted))
            submitted += 1
            while let job = executor.nextIfReady() {
                delivered.append(job.number)
                #expect(job.result == job.number * 2)
                workersSeen.insert(job.worker)
            }
            while executor.inFlight >= maxInFlight, let job = executor.next() {
                delivered.append(job.number)
                #expect(job.result == job.number * 2)
                workersSeen.insert(job.worker)
            }
            #expect(executor.inFlight < maxInFlight)
        }
        while let job = executor.next() {
            delivered.append(job.number)
            workersSeen.insert(job.worker)
        }
        #expect(delivered == Array(0..<200))
        #expect(workersSeen.isSubset(of: Set(0..<workers)))
        #expect(executor.inFlight == 0)
        #expect(executor.next() == nil)
        executor.shutdown()
    }

    @Test func shutdownDiscardsQueuedWork() {
        let executor = OrderedExecutor<Job>(workers: 1) { _ in
            { job in job.result = 1 }
        }
        for i in 0..<50 { executor.submit(Job(i)) }
        executor.shutdown(discardQueued: true)
        // Whatever a worker finished is still handed back in order; nothing queued after shutdown ran.
        var last = -1
        while let job = executor.nextIfReady() {
            #expect(job.number == last + 1)
            #expect(job.result == 1)
            last = job.number
        }
        #expect(last < 50)
    }

    @Test func nextIfReadyNeverWaits() {
        let executor = OrderedExecutor<Job>(workers: 2) { _ in { _ in } }
        #expect(executor.nextIfReady() == nil)
        #expect(executor.next() == nil)
        executor.submit(Job(0))
        let job = executor.next()
        #expect(job?.number == 0)
        executor.shutdown()
    }
}
