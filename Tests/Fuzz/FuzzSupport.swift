// Shared by every fuzz target. Uses nothing of Winnow, so the `args` target (Sources/winnow, which imports
// Winnow as a module of its own) can use it too.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Stops the fuzzer with a message when an invariant fails: libFuzzer reports the abort as a crash and
/// saves the input under .build-fuzz/artifacts/TARGET/.
@inline(never)
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        var text = "FUZZ INVARIANT FAILED: " + message() + "\n"
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        abort()
    }
}

/// Bytes for messages: printable ASCII as is, everything else as \xHH.
func show(_ bytes: some Collection<UInt8>, limit: Int = 300) -> String {
    var s = ""
    for b in bytes.prefix(limit) {
        if b >= 0x20 && b < 0x7F && b != 0x5C { s.unicodeScalars.append(Unicode.Scalar(b)) } else {
            let digits = Array("0123456789abcdef")
            s += "\\x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
        }
    }
    return bytes.count > limit ? s + "... (\(bytes.count) bytes)" : s
}

/// With WINNOW_FUZZ_SEEDS=DIR in the environment, writes `seeds` into DIR (run.sh does this with
/// -runs=0 before fuzzing, so seeds made from the library's own examples need no extra program).
func writeSeeds(_ seeds: () -> [[UInt8]]) {
    guard let dir = getenv("WINNOW_FUZZ_SEEDS").map({ String(cString: $0) }) else { return }
    for (i, seed) in seeds().enumerated() {
        let path = dir + "/generated-\(i)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { continue }
        seed.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

/// libFuzzer calls this once before fuzzing; each target defines `fuzzSeeds()`.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    writeSeeds(fuzzSeeds)
    // At the end of a run, how many executed inputs broke a non-crash property (run.sh prints this line).
    atexit {
        guard findingsSeen > 0 else { return }
        var text = "FUZZ FINDINGS: \(findingsSeen) executed inputs broke a property, \(findingsSaved) saved\n"
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
    return 0
}

/// A 64-bit FNV-1a hash, to name saved findings.
func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}

nonisolated(unsafe) var findingsSaved = 0
nonisolated(unsafe) var findingsSeen = 0

/// A failed property that is not a crash (e.g. cleaning twice differs from once): with WINNOW_FUZZ_STRICT=1
/// it stops the fuzzer like a crash; otherwise the input is saved to WINNOW_FUZZ_FINDINGS/KIND-HASH (the
/// first 200, inputs up to 64 KB) and fuzzing goes on, so one known issue does not hide crashes.
func finding(_ kind: String, _ input: UnsafeBufferPointer<UInt8>, _ message: @autoclosure () -> String) {
    if getenv("WINNOW_FUZZ_STRICT").map({ String(cString: $0) }) == "1" { require(false, message()) }
    findingsSeen += 1
    guard findingsSaved < 200, input.count <= 65536,
          let dir = getenv("WINNOW_FUZZ_FINDINGS").map({ String(cString: $0) }) else { return }
    let name = "\(kind)-\(String(fnv(input), radix: 16))"
    let path = dir + "/" + name
    guard access(path, F_OK) != 0 else { return }
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return }
    _ = write(fd, input.baseAddress, input.count)
    close(fd)
    findingsSaved += 1
    var text = "FUZZ FINDING \(name) (\(input.count) bytes): \(message())\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
