import Foundation

/// Paths of the package, found from this file's location (tests never read outside the package).
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")
    /// The `winnow` executable built beside the test bundle.
    static var winnow: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("winnow")
    }
}

struct RunResult {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs the `winnow` executable with arguments and stdin bytes.
func runWinnow(_ arguments: [String], stdin: [UInt8] = [], currentDirectory: URL? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = PackagePaths.winnow
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let input = Pipe(), output = Pipe(), error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Feed stdin and drain both outputs concurrently so large inputs cannot deadlock.
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
        input.fileHandleForWriting.write(Data(stdin))
        try? input.fileHandleForWriting.close()
    }
    nonisolated(unsafe) var errData = Data()
    DispatchQueue.global().async(group: group) { errData = error.fileHandleForReading.readDataToEndOfFile() }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    group.wait()
    return RunResult(status: process.terminationStatus, stdout: Array(outData), stderr: String(decoding: errData, as: UTF8.self))
}
