import Winnow
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `winnow` command: options are declared once in `options`, which drives parsing and `--help`.
enum WinnowCommand {
    struct Option {
        var name: String
        var value: String?    // name of the value, nil for a flag
        var help: String
    }

    static let options: [Option] = [
        Option(name: "--explain", value: nil, help: "write one line per removed block to stderr: line, rule id, reason"),
        Option(name: "--disable", value: "IDS", help: "switch off rules (comma-separated ids; see `winnow rules`)"),
        Option(name: "--enable", value: "IDS", help: "switch on rules that are off by default"),
        Option(name: "--bullet", value: "TEXT", help: "what list bullets become (default \"- \")"),
        Option(name: "--help", value: nil, help: "show this help"),
        Option(name: "--version", value: nil, help: "show the version"),
    ]

    static var usage: String {
        var s = """
            usage: winnow [OPTIONS] [FILE...]
                   winnow rules

            Removes boilerplate (donation appeals, payment details, comment-section notices, repeated blocks)
            from scraped news text and normalizes list markup. Reads FILEs (or stdin, or `-`), writes stdout.

            options:

            """
        for o in options {
            let left = o.value.map { "\(o.name) \($0)" } ?? o.name
            s += "  " + left.padding(18) + o.help + "\n"
        }
        s += "\nexit status: 0 done, 64 usage error, 66 input cannot be opened, 74 I/O error"
        return s
    }

    struct Parsed {
        var explain = false
        var configuration = CleanerConfiguration()
        var files: [String] = []
    }

    enum Outcome { case run(Parsed), exit(Int32) }

    static func parse(_ args: [String]) -> Outcome {
        var parsed = Parsed()
        var i = 0
        var onlyFiles = false
        func ids(_ s: String) -> [String] { s.split(separator: ",").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty } }
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyFiles || arg == "-" || !arg.hasPrefix("-") { parsed.files.append(arg); continue }
            if arg == "--" { onlyFiles = true; continue }
            var name = arg
            var inlineValue: String? = nil
            if let eq = arg.firstIndex(of: "=") { name = String(arg[..<eq]); inlineValue = String(arg[arg.index(after: eq)...]) }
            guard let option = options.first(where: { $0.name == name }) else {
                printError("winnow: unknown option '\(arg)'\n\(shortUsage)")
                return .exit(ExitStatus.usage)
            }
            var value: String? = nil
            if option.value != nil {
                if let inlineValue { value = inlineValue } else if i < args.count { value = args[i]; i += 1 } else {
                    printError("winnow: \(name) needs a value\n\(shortUsage)")
                    return .exit(ExitStatus.usage)
                }
            } else if inlineValue != nil {
                printError("winnow: \(name) takes no value\n\(shortUsage)")
                return .exit(ExitStatus.usage)
            }
            switch name {
            case "--explain": parsed.explain = true
            case "--disable": parsed.configuration.disabledRules.formUnion(ids(value!))
            case "--enable": parsed.configuration.enabledRules.formUnion(ids(value!))
            case "--bullet": parsed.configuration.bullet = value!
            case "--help": printOut(usage + "\n"); return .exit(ExitStatus.ok)
            case "--version": printOut("winnow \(WinnowVersion.string)\n"); return .exit(ExitStatus.ok)
            default: break
            }
        }
        return .run(parsed)
    }

    static let shortUsage = "usage: winnow [--explain] [--disable IDS] [--enable IDS] [--bullet TEXT] [FILE...]; winnow --help for more"

    static func run(_ args: [String]) -> Int32 {
        if args.first == "rules" { return listRules() }
        let parsed: Parsed
        switch parse(args) {
        case .exit(let status): return status
        case .run(let p): parsed = p
        }
        let cleaner: Cleaner
        do { cleaner = try Cleaner(parsed.configuration) } catch {
            printError("winnow: \(error)")
            return ExitStatus.usage
        }
        let files = parsed.files.isEmpty ? ["-"] : parsed.files
        for file in files {
            let fd: Int32
            if file == "-" { fd = 0 } else {
                fd = open(file, O_RDONLY)
                if fd < 0 {
                    printError("winnow: cannot open \(file): \(errnoText(errno))")
                    return ExitStatus.noInput
                }
            }
            let input: [UInt8]
            switch readAll(fd) {
            case .success(let bytes): input = bytes
            case .failure(let failure):
                let code = failure.errno
                printError("winnow: cannot read \(file == "-" ? "stdin" : file): \(errnoText(code))")
                return code == EISDIR ? ExitStatus.noInput : ExitStatus.ioError
            }
            if fd != 0 { close(fd) }
            let result = cleaner.clean(input)
            if parsed.explain {
                let prefix = files.count > 1 ? "\(file):" : ""
                for r in result.report.removals {
                    printError("\(prefix)\(r.line): \(r.ruleID): \(r.reason)")
                }
            }
            do { try writeAll(1, result.bytes) } catch {
                if error.errno == EPIPE { return ExitStatus.ok }
                printError("winnow: cannot write to stdout: \(errnoText(error.errno))")
                return ExitStatus.ioError
            }
        }
        return ExitStatus.ok
    }

    static func listRules() -> Int32 {
        var s = ""
        for d in RuleCatalog.descriptions {
            let languages = d.languages.isEmpty ? "" : " [\(d.languages.joined(separator: " "))]"
            s += "\(d.id.padding(18))\(d.enabledByDefault ? "on " : "off") \(d.summary)\(languages)\n"
        }
        printOut(s)
        return ExitStatus.ok
    }

    static func printOut(_ s: String) {
        var s = s
        s.withUTF8 { _ = try? writeAll(1, UnsafeRawBufferPointer($0)) }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
