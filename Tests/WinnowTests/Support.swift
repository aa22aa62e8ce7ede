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

/// A started process whose stdin and stderr are pipes, and stdout too unless `stdout` is given.
struct Launched {
    let process: Process
    let input: Pipe
    let output: Pipe?
    let error: Pipe
}

/// Starts `executable` (default: the `winnow` executable) with `arguments`.
func launch(_ arguments: [String], executable: URL = PackagePaths.winnow, currentDirectory: URL? = nil,
            stdout: FileHandle? = nil) throws -> Launched {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let input = Pipe(), error = Pipe()
    let output = stdout == nil ? Pipe() : nil
    process.standardInput = input
    process.standardOutput = stdout ?? output
    process.standardError = error
    try process.run()
    return Launched(process: process, input: input, output: output, error: error)
}

/// Runs the `winnow` executable with arguments and stdin bytes.
func runWinnow(_ arguments: [String], stdin: [UInt8] = [], currentDirectory: URL? = nil) throws -> RunResult {
    try collect(launch(arguments, currentDirectory: currentDirectory), stdin: stdin)
}

/// Runs `winnow` with stdout going to `stdout` (a file, /dev/full, ...) instead of a pipe.
func runWinnow(_ arguments: [String], stdin: [UInt8] = [], stdout: FileHandle) throws -> RunResult {
    try collect(launch(arguments, stdout: stdout), stdin: stdin)
}

/// A temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }
    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url.appendingPathComponent(name))) }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

func collect(_ launched: Launched, stdin: [UInt8]) throws -> RunResult {
    let process = launched.process, input = launched.input, output = launched.output, error = launched.error
    // Feed stdin and drain both outputs concurrently so large inputs cannot deadlock. A command that
    // stops reading early must not kill the test process with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
        try? input.fileHandleForWriting.write(contentsOf: Data(stdin))
        try? input.fileHandleForWriting.close()
    }
    nonisolated(unsafe) var errData = Data()
    DispatchQueue.global().async(group: group) { errData = error.fileHandleForReading.readDataToEndOfFile() }
    let outData = output?.fileHandleForReading.readDataToEndOfFile() ?? Data()
    process.waitUntilExit()
    group.wait()
    return RunResult(status: process.terminationStatus, stdout: Array(outData), stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs `/bin/sh -c SCRIPT winnow ARGS...`: SCRIPT sets up what is under test (a closed or full stdout, a
/// file size limit, another user) and ends in `exec "$0" "$@"`, so `$0` is the `winnow` executable.
func runThroughShell(_ script: String, _ arguments: [String], stdin: [UInt8] = [], currentDirectory: URL? = nil) throws -> RunResult {
    try collect(launch(["-c", script, PackagePaths.winnow.path] + arguments, executable: URL(fileURLWithPath: "/bin/sh"),
                       currentDirectory: currentDirectory), stdin: stdin)
}

/// Runs `winnow ARGS` like `winnow ARGS | head -c COUNT`: reads the first `count` bytes of stdout, closes
/// the read end, and waits. `exited`: it ended by exit (not by a signal).
func runWinnowReadingHead(_ count: Int, _ arguments: [String], stdin input: [UInt8]) throws
    -> (head: [UInt8], status: Int32, exited: Bool, stderr: String) {
    signal(SIGPIPE, SIG_IGN)
    let launched = try launch(arguments)
    let process = launched.process, stdin = launched.input, stdout = launched.output!, stderr = launched.error
    DispatchQueue(label: "stdin").async {
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
        try? stdin.fileHandleForWriting.close()
    }
    let head = try stdout.fileHandleForReading.read(upToCount: count).map(Array.init) ?? []
    try stdout.fileHandleForReading.close()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (head, process.terminationStatus, process.terminationReason == .exit, String(decoding: errors, as: UTF8.self))
}
