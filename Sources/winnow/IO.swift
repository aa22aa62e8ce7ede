#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit statuses (sysexits.h).
enum ExitStatus {
    static let ok: Int32 = 0
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let ioError: Int32 = 74
}

/// Raised when a write fails; a broken pipe ends the program quietly.
struct WriteFailure: Error { var errno: Int32 }

/// Writes all bytes to a file descriptor, retrying on EINTR and short writes.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(WriteFailure) {
    guard var base = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
        let n = write(fd, base, left)
        if n < 0 {
            if errno == EINTR { continue }
            throw WriteFailure(errno: errno)
        }
        left -= n
        base += n
    }
}

func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(WriteFailure) {
    var failure: WriteFailure? = nil
    bytes.withUnsafeBytes { b in
        do throws(WriteFailure) { try writeAll(fd, b) } catch { failure = error }
    }
    if let failure { throw failure }
}

/// Writes a line to stderr, ignoring failures.
func printError(_ message: String) {
    var line = message
    line += "\n"
    line.withUTF8 { _ = try? writeAll(2, UnsafeRawBufferPointer($0)) }
}

func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }
