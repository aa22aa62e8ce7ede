#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One input of a run: stdin or a file, with the name used in messages and (with --output-dir) the
/// relative name of its output file.
struct Input {
    /// nil for stdin.
    var path: String?
    /// Under --output-dir: the output file's path relative to the folder.
    var relativeName: String
    /// How messages name it.
    var display: String { path ?? "stdin" }

    struct Failure: Error {
        var status: Int32
        var message: String
    }

    /// Expands the operands (files, `-`, folders with `recursive`) into inputs, checking up front that
    /// each exists and is a file, so a run does not start when an input is missing.
    static func collect(_ operands: [String], recursive: Bool, outputDir: String?) -> Result<[Input], Failure> {
        var inputs: [Input] = []
        for operand in operands {
            if operand == "-" {
                inputs.append(Input(path: nil, relativeName: "stdin"))
                continue
            }
            var st = stat()
            guard stat(operand, &st) == 0 else {
                return .failure(Failure(status: ExitStatus.noInput, message: "cannot open \(operand): \(errnoText(errno))"))
            }
            if isDirectory(st) {
                guard recursive else {
                    return .failure(Failure(status: ExitStatus.noInput,
                                            message: "\(operand) is a directory (use -r to read the files in it)"))
                }
                var found: [String] = []
                if let failure = walk(operand, "", into: &found) { return .failure(failure) }
                for relative in found {
                    let path = operand.hasSuffix("/") ? operand + relative : operand + "/" + relative
                    inputs.append(Input(path: path, relativeName: relative))
                }
            } else {
                inputs.append(Input(path: operand, relativeName: relativeName(of: operand)))
            }
        }
        if let outputDir {
            if let failure = checkOutputs(inputs, outputDir) { return .failure(failure) }
        }
        return .success(inputs)
    }

    /// A file operand's name under --output-dir: its path with leading `/` and `./` dropped.
    static func relativeName(of path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.joined(separator: "/")
    }

    /// Appends the regular files under `root/relative`, depth first in byte order of their names.
    /// Symbolic links to files are read; links to folders are not followed (no loops).
    private static func walk(_ root: String, _ relative: String, into found: inout [String]) -> Failure? {
        let dirPath = relative.isEmpty ? root : root + "/" + relative
        guard let dir = opendir(dirPath) else {
            return Failure(status: ExitStatus.noInput, message: "cannot open \(dirPath): \(errnoText(errno))")
        }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        closedir(dir)
        names.sort { $0.lexicographicallyPrecedes($1) }
        for nameBytes in names {
            let name = String(decoding: nameBytes, as: UTF8.self)
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + rel
            var lst = stat()
            guard lstat(full, &lst) == 0 else { continue }
            if isDirectory(lst) {
                if let failure = walk(root, rel, into: &found) { return failure }
                continue
            }
            var st = stat()
            if stat(full, &st) == 0, isRegular(st) { found.append(rel) }
        }
        return nil
    }

    /// Two inputs must not share an output name, and no output may be an input.
    private static func checkOutputs(_ inputs: [Input], _ outputDir: String) -> Failure? {
        var seen: [String: String] = [:]
        var inputIDs: [FileID: String] = [:]
        for input in inputs {
            if let path = input.path, let id = FileID(path) { inputIDs[id] = path }
        }
        for input in inputs {
            if input.relativeName.split(separator: "/").contains("..") {
                return Failure(status: ExitStatus.usage, message: "--output-dir: \(input.display) would be written outside \(outputDir); give it without '..'")
            }
            if let other = seen[input.relativeName] {
                return Failure(status: ExitStatus.usage, message: "--output-dir: \(other) and \(input.display) would both be written to \(outputDir)/\(input.relativeName)")
            }
            seen[input.relativeName] = input.display
            let target = outputDir + "/" + input.relativeName
            if let id = FileID(target), let source = inputIDs[id] {
                return Failure(status: ExitStatus.usage, message: "--output-dir: \(target) is the input \(source); choose another folder")
            }
        }
        return nil
    }
}

/// A file's identity (device and inode).
struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
func isRegular(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFREG }
/// True when `fd` is a pipe (standard input: a producer upstream that may be kept waiting).
func isPipe(_ fd: Int32) -> Bool {
    var st = stat()
    return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO
}

/// Asks for a 1 MiB pipe buffer (Linux; the default is 64 KiB): a producer that writes in small pieces
/// (Python's `subprocess` writes 4 KiB per `select`) or a consumer that reads slowly waits less often.
/// Failure is harmless and ignored.
func widenPipe(_ fd: Int32) {
    #if os(Linux)
    let setPipeSize: Int32 = 1031   // F_SETPIPE_SZ (fcntl.h, not imported without _GNU_SOURCE)
    _ = fcntl(fd, setPipeSize, Int32(1 << 20))
    #endif
}

/// Creates `path` and its parents as needed (like mkdir -p).
func makeDirectories(_ path: String) -> Int32? {
    var built = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
        built += (built.isEmpty || built.hasSuffix("/") ? "" : "/") + part
        if mkdir(built, 0o755) != 0 && errno != EEXIST { return errno }
    }
    var st = stat()
    if stat(path, &st) != 0 { return errno }
    return isDirectory(st) ? nil : ENOTDIR
}
