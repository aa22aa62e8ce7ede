// Fuzz target `args`: WinnowCommand.parse, the command's option parser (Sources/winnow: `--name=value`,
// `-j4`, `--`, checks between options), on arbitrary argument lists (the input split at NUL bytes). It must
// not crash, must give the same answer twice, end only with 0 (--help, --version) or 64 (usage), and what it
// accepts must hold together: file operands come from the arguments, --jobs is 1...1024, JSONL-only options
// only with a JSONL format, --output-dir only with file operands, rule ids trimmed and not empty.
import Winnow
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

func fuzzSeeds() -> [[UInt8]] {
    let lists: [[String]] = [
        ["--format", "jsonl", "--field", "body", "a.jsonl"], ["-j4", "--explain", "-"], ["--jobs=2", "--", "-r", "-"],
        ["-r", "--output-dir", "out", "dir"], ["--disable", "donation-appeal,share-prompt", "--bullet", "* ", "x.txt"],
        ["--format=auto", "--annotate", "--strict", "--removed-out", "r.jsonl", "--id-field", "url", "--stats"],
        ["--enable", " site-template , ", "--disable=list-markup"], ["--help"], ["--version"], ["-h"], ["rules"], ["--jobs", "0"],
        ["--format", "csv"], ["--strict"], ["--explain=yes"], ["-x"], ["--output-dir", "o"],
    ]
    return lists.map { Array($0.joined(separator: "\0").utf8) }
}

let devNull = open("/dev/null", O_WRONLY)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArgs(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let args = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    // parse writes usage errors, --help and --version to stderr and stdout: silence them meanwhile.
    let savedOut = dup(1), savedErr = dup(2)
    dup2(devNull, 1)
    dup2(devNull, 2)
    let outcome = WinnowCommand.parse(args)
    let again = WinnowCommand.parse(args)
    dup2(savedOut, 1)
    dup2(savedErr, 2)
    close(savedOut)
    close(savedErr)

    switch (outcome, again) {
    case (.exit(let status), .exit(let second)):
        require(status == second, "parse gave \(status) then \(second) for \(args)")
        require(status == 0 || status == 64, "parse exits \(status) for \(args)")
    case (.run(let p), .run(let q)):
        require(p.files == q.files && p.format == q.format && p.jobs == q.jobs && p.configuration == q.configuration,
                "parse gave two answers for \(args)")
        for file in p.files { require(args.contains(file), "file operand \(file.debugDescription) is not one of \(args)") }
        if let jobs = p.jobs { require((1...1024).contains(jobs), "--jobs \(jobs) accepted") }
        if p.format == .text {
            require(p.field == nil && p.idField == nil && !p.annotate && !p.strict, "JSONL-only option accepted in text mode: \(args)")
        }
        if p.outputDir != nil { require(!p.files.isEmpty && !p.files.contains("-"), "--output-dir accepted without files: \(args)") }
        for id in p.configuration.disabledRules.union(p.configuration.enabledRules) {
            require(!id.isEmpty && id.first != " " && id.last != " " && !id.contains(","), "rule id \(id.debugDescription) from \(args)")
        }
    default:
        require(false, "parse gave two kinds of answer for \(args)")
    }
    return 0
}
