import Winnow
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading, merging and writing site model files for `winnow --model`, `winnow learn` and `winnow merge`.
enum SiteModelCommands {
    /// Reads and checks a whole model file: 66 when it cannot be opened, 74 on a read error, 65 when it is
    /// not a valid model (foreign, another version, truncated, corrupt), with the file named.
    static func load(_ path: String, maxEntries: Int = SiteModel.defaultMaxEntries, minDocuments: Int = 1) -> Result<SiteModel, Exit> {
        let bytes: [UInt8]
        switch readModelBytes(path) {
        case .success(let b): bytes = b
        case .failure(let exit): return .failure(exit)
        }
        do {
            return .success(try SiteModelFile.read(bytes, maxEntries: maxEntries, minDocuments: minDocuments))
        } catch {
            return .failure(Exit(status: ExitStatus.dataError, message: "\(display(path)): \(error.description)"))
        }
    }

    static func display(_ path: String) -> String { path == "-" ? "stdin" : path }

    /// The file's bytes; a file that does not start like a model is refused after its first bytes, so a
    /// corpus given by mistake is not read whole.
    private static func readModelBytes(_ path: String) -> Result<[UInt8], Exit> {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(Exit(status: ExitStatus.noInput, message: "cannot open \(path): \(errnoText(errno))")) }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0 && isDirectory(st) {
            return .failure(Exit(status: ExitStatus.noInput, message: "\(path) is a directory, not a site model"))
        }
        var bytes: [UInt8] = []
        if isRegular(st) { bytes.reserveCapacity(Int(st.st_size) + 1) }
        let magic = Array("winnow-site-model".utf8)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Exit(status: ExitStatus.ioError, message: "cannot read \(display(path)): \(errnoText(errno))"))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            let seen = min(bytes.count, magic.count)
            if !bytes[0..<seen].elementsEqual(magic[0..<seen]) { break }   // foreign: SiteModelFile.read says so
        }
        return .success(bytes)
    }

    /// Writes a model to `path` whole or not at all: into `path.tmp`, then renamed over `path`. `-`: stdout.
    /// The file is written in pieces as it is made (a large model is not held twice in memory).
    static func write(_ model: SiteModel, to path: String) throws(Exit) {
        func stream(_ fd: Int32) throws(WriteFailure) {
            try SiteModelFile.write(model) { (piece: UnsafeBufferPointer<UInt8>) throws(WriteFailure) in
                try writeAll(fd, UnsafeRawBufferPointer(piece))
            }
        }
        if path == "-" {
            do { try stream(1) } catch {
                if error.errno == EPIPE { return }
                throw Exit(status: ExitStatus.ioError, message: "cannot write the model to stdout: \(errnoText(error.errno))")
            }
            return
        }
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw Exit(status: ExitStatus.ioError, message: "cannot create \(temporary): \(errnoText(errno))") }
        var failure: Int32? = nil
        do { try stream(fd) } catch { failure = error.errno }
        if failure == nil && fsync(fd) != 0 && errno != EINVAL { failure = errno }
        if close(fd) != 0 && failure == nil { failure = errno }
        if failure == nil && rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw Exit(status: ExitStatus.ioError, message: "cannot write \(path): \(errnoText(failure))")
        }
    }

    /// `winnow merge MODEL... --model OUT`: every input is read and checked before anything is written.
    static func merge(_ parsed: WinnowCommand.Parsed) -> Int32 {
        let start = monotonicSeconds()
        var total = SiteModel(maxEntries: parsed.maxEntries ?? SiteModel.defaultMaxEntries)
        for path in parsed.files {
            switch load(path) {
            case .success(let model): total.merge(model)
            case .failure(let exit):
                printError("winnow: \(exit.message!)")
                return exit.status
            }
        }
        do { try write(total, to: parsed.model!) } catch {
            printError("winnow: \(error.message!)")
            return error.status
        }
        if parsed.stats {
            printError("winnow: merged \(parsed.files.count) models: \(summary(total)), \(fixed(monotonicSeconds() - start, 3)) s")
        }
        return ExitStatus.ok
    }

    /// `N sites (D documents), E block counts, counts exact` (or `counts under by at most K`).
    static func summary(_ model: SiteModel) -> String {
        let documents = model.sites.reduce(0) { $0 + $1.documents }
        let error = model.droppedBelow == 0 ? "counts exact" : "counts under by at most \(model.droppedBelow) (pruned to --max-entries \(model.maxEntries))"
        return "\(model.sites.count) sites (\(documents) documents), \(model.entryCount) block counts, \(error)"
    }
}
