// Fuzz target `args`: WinnowCommand.parse, the command's option parser (Sources/winnow: subcommands, one
// option table saying which subcommand takes what, `--name=value`, `-j4`, `--`, checks between options), on
// arbitrary argument lists (the input split at NUL bytes), dispatched like `WinnowCommand.run` (`eval` first
// parses the rest as eval). It must not crash, must give the same answer twice, end only with 0 (--help,
// --version) or 64 (usage), and what it accepts must hold together: file operands come from the arguments,
// numbers are in range, JSONL-only options only with a JSONL format, --output-dir only with file operands,
// learn and merge with --model, rule ids trimmed and not empty.
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
        ["learn", "--format", "jsonl", "--model", "m.model", "--site-field", "source", "--max-entries", "1000", "a.jsonl"],
        ["learn", "--site", "https://www.example.com/x", "--model", "-", "a.txt"], ["merge", "--model", "out", "a.model", "-"],
        ["--model", "m.model", "--site", "example.com", "--review-html", "r.html", "--review-limit", "5", "x.txt"],
        ["eval", "--gold-field", "gold", "--text-field", "text", "--group-field", "lang", "--group-field", "site", "--json", "--worst", "3", "e.jsonl"],
        ["eval", "--help"], ["eval", "--jobs", "2", "a", "b"],
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
    let command: WinnowCommand.Subcommand = args.first == "eval" ? .eval : .clean
    let operands = command == .eval ? Array(args.dropFirst()) : args
    let outcome = WinnowCommand.parse(operands, command: command)
    let again = WinnowCommand.parse(operands, command: command)
    dup2(savedOut, 1)
    dup2(savedErr, 2)
    close(savedOut)
    close(savedErr)

    switch (outcome, again) {
    case (.exit(let status), .exit(let second)):
        require(status == second, "parse gave \(status) then \(second) for \(args)")
        require(status == 0 || status == 64, "parse exits \(status) for \(args)")
    case (.run(let p), .run(let q)):
        require(p.files == q.files && p.format == q.format && p.jobs == q.jobs && p.configuration == q.configuration
                    && p.command == q.command && p.model == q.model && p.site == q.site,
                "parse gave two answers for \(args)")
        for file in p.files { require(operands.contains(file), "file operand \(file.debugDescription) is not one of \(args)") }
        if let jobs = p.jobs { require((1...1024).contains(jobs), "--jobs \(jobs) accepted") }
        if let n = p.reviewLimit { require(n >= 1, "--review-limit \(n) accepted") }
        if let n = p.maxEntries { require(n >= 1, "--max-entries \(n) accepted") }
        if let n = p.worst { require(n >= 0, "--worst \(n) accepted") }
        if let site = p.site { require(!site.isEmpty && !site.contains(" "), "--site gave \(site.debugDescription)") }
        for id in p.configuration.disabledRules.union(p.configuration.enabledRules) {
            require(!id.isEmpty && id.first != " " && id.last != " " && !id.contains(","), "rule id \(id.debugDescription) from \(args)")
        }
        switch p.command {
        case .eval:
            require(command == .eval && p.files.count <= 1, "eval accepted \(p.files.count) files")
        case .learn, .merge:
            require(p.model != nil, "\(p.command) without --model accepted: \(args)")
            if p.command == .merge { require(!p.files.isEmpty, "merge without models accepted") }
            if let model = p.model, model != "-" { require(!p.files.contains(model), "--model is also an input: \(args)") }
        case .clean:
            require(p.model != "-", "--model - accepted when cleaning")
            if p.model != nil && p.format == .text { require(p.site != nil, "--model with text input and no --site accepted") }
        }
        if p.command != .eval {
            if p.format == .text {
                require(p.field == nil && p.idField == nil && !p.annotate && !p.strict && p.siteField == nil,
                        "JSONL-only option accepted in text mode: \(args)")
            }
            if p.outputDir != nil { require(!p.files.isEmpty && !p.files.contains("-"), "--output-dir accepted without files: \(args)") }
            if p.reviewLimit != nil { require(p.reviewHTML != nil, "--review-limit accepted without --review-html") }
        }
    default:
        require(false, "parse gave two kinds of answer for \(args)")
    }
    return 0
}
