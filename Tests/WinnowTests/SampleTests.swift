import Foundation
import Testing
@testable import Winnow

/// Each `Samples/NAME.txt` has `Samples/NAME.expected.txt`: the library and the command must produce it exactly.
struct SampleTests {
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.samples.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".expected.txt") }
            .map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func samplesExist() { #expect(Self.names.count >= 3) }

    @Test(arguments: names)
    func libraryCleansSample(_ name: String) throws {
        let input = try Data(contentsOf: PackagePaths.samples.appendingPathComponent("\(name).txt"))
        let expected = try Data(contentsOf: PackagePaths.samples.appendingPathComponent("\(name).expected.txt"))
        let result = try Cleaner().clean(Array(input))
        #expect(result.bytes == Array(expected), "\(name):\n\(result.text)")
        // Cleaning the cleaned text changes nothing.
        let again = try Cleaner().clean(result.bytes)
        #expect(again.unchanged, "\(name) is not idempotent: \(again.report)")
    }

    @Test(arguments: names)
    func commandCleansSample(_ name: String) throws {
        let path = PackagePaths.samples.appendingPathComponent("\(name).txt").path
        let expected = try Data(contentsOf: PackagePaths.samples.appendingPathComponent("\(name).expected.txt"))
        let run = try runWinnow([path])
        #expect(run.status == 0)
        #expect(run.stdout == Array(expected))
    }
}
