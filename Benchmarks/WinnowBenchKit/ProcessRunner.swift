import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// How a child process ended, how long it took, and its peak resident set size (from `wait4`'s rusage).
public struct ProcessOutcome: Sendable, Codable, Equatable {
    /// Exit status, or 128 + signal number when killed by a signal.
    public var status: Int32
    public var signaled: Bool
    public var seconds: Double
    /// Peak RSS in bytes: the child's own high-water mark (`VmHWM` of /proc/PID/status, sampled every
    /// 5 ms while it runs), or nil for a process that ran under 50 ms (too short to sample reliably).
    public var peakRSS: Int?
    /// `ru_maxrss` from `wait4`: an upper bound only, since Linux counts the spawning process's own
    /// memory in it (the child shares or copies the parent's memory until it executes the command).
    public var maxRSSUpperBound: Int
    public var userSeconds: Double
    public var systemSeconds: Double
    /// The last lines the process wrote to stderr (at most 2,000 bytes).
    public var stderrTail: String

    public var succeeded: Bool { status == 0 && !signaled }
}

/// Runs commands with `posix_spawnp`, stdin from a file, stdout to a file or /dev/null, stderr to a
/// temporary file, and waits with `wait4`; a second thread samples the child's peak RSS meanwhile.
public enum ProcessRunner {
    public struct SpawnError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func run(_ arguments: [String], stdin: String? = nil, stdout: String? = nil) throws -> ProcessOutcome {
        precondition(!arguments.isEmpty)
        let errPath = NSTemporaryDirectory() + "winnow-bench-stderr-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        defer { unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let env: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in env { free(p) } }

        var pid: pid_t = 0
        let start = monotonicSeconds()
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, argv, env)
        guard rc == 0 else {
            throw SpawnError(message: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        let poller = RSSPoller(pid: pid)
        poller.start()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw SpawnError(message: "wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let seconds = monotonicSeconds() - start
        let sampled = poller.stop()
        let signal = status & 0x7F
        let signaled = signal != 0
        let exitCode = signaled ? 128 + signal : (status >> 8) & 0xFF
        return ProcessOutcome(status: exitCode, signaled: signaled, seconds: seconds,
                              peakRSS: sampled > 0 && seconds >= 0.05 ? sampled : nil, maxRSSUpperBound: Int(usage.ru_maxrss) * 1024,
                              userSeconds: Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6,
                              systemSeconds: Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6,
                              stderrTail: tail(of: errPath, bytes: 2000))
    }

    /// Runs a command and returns its stdout as text (for small outputs: versions, probes).
    public static func capture(_ arguments: [String], stdin: String? = nil) -> (outcome: ProcessOutcome, output: String)? {
        let outPath = NSTemporaryDirectory() + "winnow-bench-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        defer { unlink(outPath) }
        guard let outcome = try? run(arguments, stdin: stdin, stdout: outPath) else { return nil }
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        return (outcome, String(decoding: data, as: UTF8.self))
    }

    static func tail(of path: String, bytes: Int) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data.suffix(bytes), as: UTF8.self)
    }
}

/// Facts about the machine, for the report.
public struct MachineInfo: Sendable, Codable, Equatable {
    public var cores: Int
    public var cpuModel: String
    public var kernel: String
    public var memoryBytes: Int
    /// /proc/loadavg's 1, 5 and 15 minute load averages when the run started (other work on the machine
    /// shows here).
    public var loadAverage: String

    public static func loadAverageNow() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    public static func current() -> MachineInfo {
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        var model = "unknown"
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
            for line in cpuinfo.split(separator: "\n") where line.hasPrefix("model name") {
                if let colon = line.firstIndex(of: ":") {
                    model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                break
            }
        }
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let memory = Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE)))
        return MachineInfo(cores: cores, cpuModel: model, kernel: "Linux " + release, memoryBytes: memory, loadAverage: loadAverageNow())
    }
}

/// Samples `VmHWM` (the peak resident set size) of a running process every 5 ms on its own thread.
final class RSSPoller: Sendable {
    let pid: pid_t
    private let state = Mutex<(peak: Int, done: Bool)>((0, false))

    init(pid: pid_t) { self.pid = pid }

    func start() {
        Thread.detachNewThread { [self] in
            while true {
                let hwm = RSSPoller.highWaterMark(pid)
                let done = state.withLock { s in
                    if hwm > s.peak && !s.done { s.peak = hwm }
                    return s.done
                }
                if done { return }
                usleep(5_000)
            }
        }
    }

    /// Stops sampling; returns the highest value seen, in bytes (0 when none).
    func stop() -> Int {
        state.withLock { s in
            s.done = true
            return s.peak
        }
    }

    /// `VmHWM` of /proc/PID/status in bytes, or 0.
    static func highWaterMark(_ pid: pid_t) -> Int {
        let fd = open("/proc/\(pid)/status", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buf in
            let n = read(fd, buf.baseAddress!, 4096)
            guard n > 0 else { return 0 }
            return parseHighWaterMark(UnsafeBufferPointer(rebasing: buf[0..<n]))
        }
    }

    /// The value of the `VmHWM:` line (kB) in bytes.
    static func parseHighWaterMark(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let key = Array("VmHWM:".utf8)
        var i = 0
        while i + key.count <= text.count {
            if (i == 0 || text[i - 1] == 0x0A) && text[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                while j < text.count && (text[j] == 0x20 || text[j] == 0x09) { j += 1 }
                var kb = 0
                while j < text.count && text[j] >= 0x30 && text[j] <= 0x39 { kb = kb * 10 + Int(text[j] - 0x30); j += 1 }
                return kb * 1024
            }
            i += 1
        }
        return 0
    }
}
