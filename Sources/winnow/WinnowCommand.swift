import Winnow

/// The `winnow` command: options are declared once in `options`, which drives parsing and `--help`.
enum WinnowCommand {
    /// Which command an option belongs to: cleaning (`winnow [OPTIONS] [FILE...]`), `winnow eval`, or both.
    enum Scope { case clean, eval, both }

    struct Option {
        var name: String
        var short: String? = nil
        var value: String?    // name of the value, nil for a flag
        var scope = Scope.clean
        var help: String
    }

    static let options: [Option] = [
        Option(name: "--format", value: "FORMAT", help: "text (default: each input is one document), jsonl (one JSON object per line), or auto (jsonl when an input's first non-blank byte is '{')"),
        Option(name: "--field", value: "NAME", help: "jsonl: the string field to clean (default text)"),
        Option(name: "--id-field", value: "NAME", help: "jsonl: the field copied as \"id\" into --removed-out records and naming documents on the --review-html page (default id)"),
        Option(name: "--annotate", value: nil, help: "jsonl: add a \"winnow\" field to each changed line: the removed blocks, their rules and reasons"),
        Option(name: "--strict", value: nil, help: "jsonl: stop at the first bad line with status 65 (default: pass it through, report it on stderr)"),
        Option(name: "--removed-out", value: "FILE", help: "write every removed block to FILE as JSONL (line, id, rule, reason, text)"),
        Option(name: "--review-html", value: "FILE", help: "also write an HTML page to FILE showing the first documents: removed blocks struck through and coloured by rule, with their reasons; rewrites underlined"),
        Option(name: "--review-limit", value: "N", help: "documents on the --review-html page (default 50)"),
        Option(name: "--output-dir", value: "DIR", help: "write one cleaned file per input file under DIR (same relative names) instead of stdout"),
        Option(name: "--recursive", short: "-r", value: nil, help: "read the files in folders given as FILE, walked in name order"),
        Option(name: "--jobs", short: "-j", value: "N", help: "clean on N threads (default: the number of cores); output keeps the input order"),
        Option(name: "--stats", value: nil, help: "print documents, bytes, MB/s and per-rule removals to stderr at the end"),
        Option(name: "--explain", value: nil, help: "write one line per removed block to stderr: [FILE:]LINE: rule id: reason (jsonl: LINE:BLOCKLINE: ...)"),
        Option(name: "--text-field", value: "NAME", scope: .eval, help: "the string field to clean (default text)"),
        Option(name: "--gold-field", value: "NAME", scope: .eval, help: "the string field with the article as it should come out (default gold)"),
        Option(name: "--group-field", value: "NAME", scope: .eval, help: "a row per value of this field; repeat to combine fields (source/tier rows, then each field alone)"),
        Option(name: "--id-field", value: "NAME", scope: .eval, help: "the field naming documents in the lowest-retention list (default id; else the line number)"),
        Option(name: "--worst", value: "N", scope: .eval, help: "list the N documents with the lowest retention (default 10)"),
        Option(name: "--json", value: nil, scope: .eval, help: "print the figures as one JSON object instead of the table"),
        Option(name: "--strict", value: nil, scope: .eval, help: "stop at the first bad line with status 65 (default: skip it, report it on stderr)"),
        Option(name: "--disable", value: "IDS", scope: .both, help: "switch off rules (comma-separated ids; see `winnow rules`)"),
        Option(name: "--enable", value: "IDS", scope: .both, help: "switch on rules that are off by default"),
        Option(name: "--bullet", value: "TEXT", scope: .both, help: "what list bullets become (default \"- \")"),
        Option(name: "--help", short: "-h", value: nil, scope: .both, help: "show this help"),
        Option(name: "--version", value: nil, scope: .both, help: "show the version"),
    ]

    /// The options of one command, in table order.
    static func options(for command: Command) -> [Option] {
        options.filter { $0.scope == .both || ($0.scope == .eval) == (command == .eval) }
    }

    static func optionLines(_ command: Command) -> String {
        var s = ""
        for o in options(for: command) {
            var left = o.short.map { "\($0), \(o.name)" } ?? "    \(o.name)"
            if let value = o.value { left += " \(value)" }
            s += "  " + left.padding(24) + o.help + "\n"
        }
        return s
    }

    static var usage: String {
        var s = """
            usage: winnow [OPTIONS] [FILE...]
                   winnow eval [OPTIONS] FILE.jsonl     (measure against labelled text: winnow eval --help)
                   winnow rules

            Removes boilerplate (donation appeals, payment details, comment-section notices, repeated blocks)
            from scraped news text and normalizes list markup. Reads FILEs in order (or stdin, or `-`) and
            writes the cleaned text to stdout: plain text (each input one document) or JSONL (one document
            per line, in a string field; every other byte of the line kept).

            options:

            """
        s += optionLines(.clean)
        s += """

            exit status: 0 done, 64 usage error, 65 bad JSONL line under --strict, 66 an input cannot be opened,
            74 I/O error (a broken pipe on stdout ends quietly with 0)
            """
        return s
    }

    static var evalUsage: String {
        var s = """
            usage: winnow eval [OPTIONS] FILE.jsonl

            Measures the cleaner on labelled documents: cleans each line's text field and compares the result
            with its gold field (the article as it should come out), as the project's evaluation script does.
            Prints per group and overall: precision, recall and F1 of 4-token shingles before (_in) and after
            cleaning, retention (ret: share of the gold's tokens in the input still in the output), boilerplate
            removed (bp_rm: share of the input's tokens beyond the gold that are gone) and the documents with
            retention below 0.98; then the documents with the lowest retention. Reads stdin without FILE or `-`.

            options:

            """
        s += optionLines(.eval)
        s += """

            exit status: 0 done, 64 usage error, 65 bad line under --strict, 66 FILE cannot be opened, 74 I/O error
            """
        return s
    }

    enum Format: String { case text, jsonl, auto }

    enum Command { case clean, eval }

    struct Parsed {
        var command = Command.clean
        var explain = false
        var configuration = CleanerConfiguration()
        var files: [String] = []
        var format = Format.text
        var field: String? = nil
        var idField: String? = nil
        var annotate = false
        var strict = false
        var removedOut: String? = nil
        var outputDir: String? = nil
        var recursive = false
        var jobs: Int? = nil
        var stats = false
        var reviewHTML: String? = nil
        var reviewLimit: Int? = nil
        // eval
        var textField: String? = nil
        var goldField: String? = nil
        var groupFields: [String] = []
        var json = false
        var worst: Int? = nil
    }

    enum Outcome { case run(Parsed), exit(Int32) }

    static func usageError(_ message: String, _ command: Command = .clean) -> Outcome {
        printError("winnow: \(message)\n\(command == .eval ? evalShortUsage : shortUsage)")
        return .exit(ExitStatus.usage)
    }

    static func parse(_ args: [String], command: Command = .clean) -> Outcome {
        var parsed = Parsed()
        parsed.command = command
        let known = options(for: command)
        func usageError(_ message: String) -> Outcome { WinnowCommand.usageError(message, command) }
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
            if arg.hasPrefix("--") {
                if let eq = arg.firstIndex(of: "=") { name = String(arg[..<eq]); inlineValue = String(arg[arg.index(after: eq)...]) }
            } else if arg.count > 2 {
                // -j4: a short option with its value attached
                name = String(arg.prefix(2))
                inlineValue = String(arg.dropFirst(2))
            }
            guard let option = known.first(where: { $0.name == name || $0.short == name }) else {
                if command == .clean, options(for: .eval).contains(where: { $0.name == name }) {
                    return usageError("\(name) is an option of `winnow eval`")
                }
                if command == .eval, options(for: .clean).contains(where: { $0.name == name }) {
                    return usageError("\(name) is not an option of `winnow eval`")
                }
                return usageError("unknown option '\(arg)'")
            }
            name = option.name
            var value: String? = nil
            if option.value != nil {
                if let inlineValue { value = inlineValue } else if i < args.count { value = args[i]; i += 1 } else {
                    return usageError("\(name) needs a value")
                }
            } else if inlineValue != nil {
                return usageError("\(name) takes no value")
            }
            switch name {
            case "--explain": parsed.explain = true
            case "--disable": parsed.configuration.disabledRules.formUnion(ids(value!))
            case "--enable": parsed.configuration.enabledRules.formUnion(ids(value!))
            case "--bullet": parsed.configuration.bullet = value!
            case "--format":
                guard let format = Format(rawValue: value!) else {
                    return usageError("--format must be text, jsonl or auto, not '\(value!)'")
                }
                parsed.format = format
            case "--field":
                guard !value!.isEmpty else { return usageError("--field needs a field name") }
                parsed.field = value!
            case "--id-field":
                guard !value!.isEmpty else { return usageError("--id-field needs a field name") }
                parsed.idField = value!
            case "--annotate": parsed.annotate = true
            case "--strict": parsed.strict = true
            case "--removed-out":
                guard !value!.isEmpty else { return usageError("--removed-out needs a file name") }
                parsed.removedOut = value!
            case "--output-dir":
                guard !value!.isEmpty else { return usageError("--output-dir needs a folder name") }
                parsed.outputDir = value!
            case "--recursive": parsed.recursive = true
            case "--jobs":
                guard let n = Int(value!), n >= 1, n <= 1024 else {
                    return usageError("--jobs needs a number from 1 to 1024, not '\(value!)'")
                }
                parsed.jobs = n
            case "--stats": parsed.stats = true
            case "--review-html":
                guard !value!.isEmpty else { return usageError("--review-html needs a file name") }
                parsed.reviewHTML = value!
            case "--review-limit":
                guard let n = Int(value!), n >= 1 else {
                    return usageError("--review-limit needs a number of documents (1 or more), not '\(value!)'")
                }
                parsed.reviewLimit = n
            case "--text-field", "--gold-field", "--group-field":
                guard !value!.isEmpty else { return usageError("\(name) needs a field name") }
                if name == "--text-field" { parsed.textField = value! }
                if name == "--gold-field" { parsed.goldField = value! }
                if name == "--group-field" { parsed.groupFields.append(value!) }
            case "--worst":
                guard let n = Int(value!), n >= 0 else {
                    return usageError("--worst needs a number (0 or more), not '\(value!)'")
                }
                parsed.worst = n
            case "--json": parsed.json = true
            case "--help": printOut((command == .eval ? evalUsage : usage) + "\n"); return .exit(ExitStatus.ok)
            case "--version": printOut("winnow \(WinnowVersion.string)\n"); return .exit(ExitStatus.ok)
            default: break
            }
        }
        if command == .eval {
            if parsed.files.count > 1 { return usageError("eval reads one FILE (or stdin), not \(parsed.files.count)") }
            return .run(parsed)
        }
        if parsed.reviewLimit != nil && parsed.reviewHTML == nil {
            return usageError("--review-limit applies to the --review-html page: add --review-html FILE")
        }
        if parsed.format == .text {
            let jsonlOnly = [("--field", parsed.field != nil), ("--id-field", parsed.idField != nil),
                             ("--annotate", parsed.annotate), ("--strict", parsed.strict)]
            if let (name, _) = jsonlOnly.first(where: { $0.1 }) {
                return usageError("\(name) applies to JSONL input: add --format jsonl (or --format auto)")
            }
        }
        if parsed.outputDir != nil && (parsed.files.isEmpty || parsed.files.contains("-")) {
            return usageError("--output-dir names each output after its input file, so it needs FILE operands (not stdin)")
        }
        return .run(parsed)
    }

    static let shortUsage = "usage: winnow [--format text|jsonl|auto] [--field NAME] [--jobs N] [--explain] [OPTIONS] [FILE...]; winnow --help for more"
    static let evalShortUsage = "usage: winnow eval [--gold-field NAME] [--text-field NAME] [--group-field NAME]... [--json] [--worst N] [OPTIONS] FILE.jsonl; winnow eval --help for more"

    static func run(_ args: [String]) -> Int32 {
        if args.first == "rules" { return listRules() }
        let command: Command = args.first == "eval" ? .eval : .clean
        let parsed: Parsed
        switch parse(command == .eval ? Array(args.dropFirst()) : args, command: command) {
        case .exit(let status): return status
        case .run(let p): parsed = p
        }
        let cleaner: Cleaner
        do { cleaner = try Cleaner(parsed.configuration) } catch {
            printError("winnow: \(error)")
            return ExitStatus.usage
        }
        if command == .eval { return EvalCommand(parsed: parsed, cleaner: cleaner).run() }
        let inputs: [Input]
        switch Input.collect(parsed.files.isEmpty ? ["-"] : parsed.files, recursive: parsed.recursive,
                             outputDir: parsed.outputDir) {
        case .success(let list): inputs = list
        case .failure(let failure):
            printError("winnow: \(failure.message)")
            return failure.status
        }
        let runner = Runner(parsed: parsed, cleaner: cleaner, inputs: inputs)
        return runner.run()
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
