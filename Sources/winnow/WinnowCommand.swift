import Winnow

/// The `winnow` command: options are declared once in `options`, which drives parsing and `--help`.
enum WinnowCommand {
    /// `winnow` (clean), `winnow eval`, `winnow learn`, `winnow merge`.
    enum Subcommand: String { case clean, eval, learn, merge }

    struct Option {
        var name: String
        var short: String? = nil
        var value: String?    // name of the value, nil for a flag
        var help: String
        /// The subcommands that take it.
        var commands: Set<Subcommand> = [.clean]
    }

    static let options: [Option] = [
        Option(name: "--format", value: "FORMAT", help: "text (default: each input is one document), jsonl (one JSON object per line), or auto (jsonl when an input's first non-blank byte is '{')", commands: [.clean, .learn]),
        Option(name: "--field", value: "NAME", help: "jsonl: the string field to clean (default text)", commands: [.clean, .learn]),
        Option(name: "--id-field", value: "NAME", help: "jsonl: the field copied as \"id\" into --removed-out records and naming documents on the --review-html page; eval: naming documents in the lowest-retention list (default id)", commands: [.clean, .eval]),
        Option(name: "--annotate", value: nil, help: "jsonl: add a \"winnow\" field to each changed line: the removed blocks, their rules and reasons"),
        Option(name: "--strict", value: nil, help: "jsonl: stop at the first bad line with status 65 (default: pass it through, report it on stderr; eval: skip it)", commands: [.clean, .learn, .eval]),
        Option(name: "--removed-out", value: "FILE", help: "write every removed block to FILE as JSONL (line, id, rule, reason, text)"),
        Option(name: "--review-html", value: "FILE", help: "also write an HTML page to FILE showing the first documents: removed blocks struck through and coloured by rule, with their reasons; rewrites underlined"),
        Option(name: "--review-limit", value: "N", help: "documents on the --review-html page (default 50)"),
        Option(name: "--output-dir", value: "DIR", help: "write one cleaned file per input file under DIR (same relative names) instead of stdout"),
        Option(name: "--recursive", short: "-r", value: nil, help: "read the files in folders given as FILE, walked in name order", commands: [.clean, .learn]),
        Option(name: "--jobs", short: "-j", value: "N", help: "clean (or learn) on N threads (default: the number of cores); output keeps the input order", commands: [.clean, .learn]),
        Option(name: "--stats", value: nil, help: "print documents, bytes, MB/s and per-rule removals to stderr at the end", commands: [.clean, .learn, .merge]),
        Option(name: "--explain", value: nil, help: "write one line per removed block to stderr: [FILE:]LINE: rule id: reason (jsonl: LINE:BLOCKLINE: ...)"),
        Option(name: "--text-field", value: "NAME", help: "the string field to clean (default text)", commands: [.eval]),
        Option(name: "--gold-field", value: "NAME", help: "the string field with the article as it should come out (default gold)", commands: [.eval]),
        Option(name: "--group-field", value: "NAME", help: "a row per value of this field; repeat to combine fields (source/tier rows, then each field alone)", commands: [.eval]),
        Option(name: "--worst", value: "N", help: "list the N documents with the lowest retention (default 10)", commands: [.eval]),
        Option(name: "--json", value: nil, help: "print the figures as one JSON object instead of the table", commands: [.eval]),
        Option(name: "--disable", value: "IDS", help: "switch off rules (comma-separated ids; see `winnow rules`)", commands: [.clean, .eval]),
        Option(name: "--enable", value: "IDS", help: "switch on rules that are off by default", commands: [.clean, .eval]),
        Option(name: "--bullet", value: "TEXT", help: "what list bullets become (default \"- \")", commands: [.clean, .eval]),
        Option(name: "--model", value: "FILE", help: "a site model: remove each site's template blocks (rule site-template); learn, merge: the model to write ('-': stdout)", commands: [.clean, .learn, .merge]),
        Option(name: "--site-field", value: "NAME", help: "jsonl: the field whose URL or host names a document's site (default url)", commands: [.clean, .learn]),
        Option(name: "--site", value: "HOST", help: "every document is from this site (text input; for jsonl it overrides --site-field)", commands: [.clean, .learn]),
        Option(name: "--max-entries", value: "N", help: "learn, merge: keep at most N sites and (site, block) counts, dropping the rarest (default 1000000)", commands: [.learn, .merge]),
        Option(name: "--help", short: "-h", value: nil, help: "show this help", commands: [.clean, .eval, .learn, .merge]),
        Option(name: "--version", value: nil, help: "show the version", commands: [.clean, .eval, .learn, .merge]),
    ]

    /// The options of one command, in table order.
    static func options(for command: Subcommand) -> [Option] {
        options.filter { $0.commands.contains(command) }
    }

    static func optionLines(_ command: Subcommand) -> String {
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
            usage: winnow [OPTIONS] [--model MODEL] [FILE...]
                   winnow eval [OPTIONS] FILE.jsonl     (measure against labelled text: winnow eval --help)
                   winnow learn [--format jsonl] [--site-field NAME | --site HOST] --model OUT [FILE...]
                   winnow merge [--max-entries N] --model OUT MODEL...
                   winnow rules

            Removes boilerplate (donation appeals, payment details, comment-section notices, repeated blocks)
            from scraped news text and normalizes list markup. Reads FILEs in order (or stdin, or `-`) and
            writes the cleaned text to stdout: plain text (each input one document) or JSONL (one document
            per line, in a string field; every other byte of the line kept).

            `winnow learn` counts, per site, in how many documents each block appears and writes a site
            model; `winnow merge` adds models learned on parts of a corpus; `--model` then removes the
            blocks a site repeats across its documents (its template).

            options:

            """
        for o in options where o.commands != [.eval] {
            var help = o.help
            if !o.commands.contains(.clean) { help = o.commands.map(\.rawValue).sorted().joined(separator: ", ") + ": " + help.replacingPrefix("learn, merge: ", with: "") }
            var left = o.short.map { "\($0), \(o.name)" } ?? "    \(o.name)"
            if let value = o.value { left += " \(value)" }
            s += "  " + left.padding(24) + help + "\n"
        }
        s += """

            exit status: 0 done, 64 usage error, 65 bad JSONL line under --strict or a bad site model,
            66 an input cannot be opened, 74 I/O error (a broken pipe on stdout ends quietly with 0)
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

    struct Parsed {
        var command = Subcommand.clean
        var model: String? = nil
        var siteField: String? = nil
        var site: String? = nil
        var maxEntries: Int? = nil
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

    static func usageError(_ message: String, _ command: Subcommand = .clean) -> Outcome {
        printError("winnow: \(message)\n\(command == .eval ? evalShortUsage : shortUsage)")
        return .exit(ExitStatus.usage)
    }

    static func parse(_ args: [String], command: Subcommand = .clean) -> Outcome {
        var parsed = Parsed()
        parsed.command = command
        // eval has its own options; cleaning, learn and merge share one table and say which apply.
        let known = command == .eval ? options(for: .eval) : options.filter { $0.commands != [.eval] }
        func usageError(_ message: String) -> Outcome { WinnowCommand.usageError(message, command) }
        var i = 0
        // `learn` and `merge` are words of the command line itself: after `eval` they name a file.
        if command == .clean, let first = args.first, first == "learn" || first == "merge" {
            parsed.command = Subcommand(rawValue: first)!
            i = 1
        }
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
                if command != .eval, options(for: .eval).contains(where: { $0.name == name }) {
                    return usageError("\(name) is an option of `winnow eval`")
                }
                if command == .eval, options.contains(where: { $0.name == name }) {
                    return usageError("\(name) is not an option of `winnow eval`")
                }
                return usageError("unknown option '\(arg)'")
            }
            name = option.name
            guard option.commands.contains(parsed.command) else {
                let command = parsed.command == .clean ? "cleaning" : "winnow \(parsed.command.rawValue)"
                return usageError("\(name) does not apply to \(command)")
            }
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
            case "--model":
                guard !value!.isEmpty else { return usageError("--model needs a file name") }
                parsed.model = value!
            case "--site-field":
                guard !value!.isEmpty else { return usageError("--site-field needs a field name") }
                parsed.siteField = value!
            case "--site":
                guard let key = SiteModel.siteKey(fromURL: Array(value!.utf8)) else {
                    return usageError("--site needs a host name or URL, not '\(value!)'")
                }
                parsed.site = key
            case "--max-entries":
                guard let n = Int(value!), n >= 1 else {
                    return usageError("--max-entries needs a whole number of at least 1, not '\(value!)'")
                }
                parsed.maxEntries = n
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
        switch parsed.command {
        case .learn, .merge:
            guard let model = parsed.model else {
                return usageError("winnow \(parsed.command.rawValue) needs --model OUT: the file to write the site model to")
            }
            if parsed.command == .merge {
                guard !parsed.files.isEmpty else { return usageError("winnow merge needs the models to add (MODEL...)") }
                if parsed.files.filter({ $0 == "-" }).count > 1 { return usageError("winnow merge can read stdin ('-') once") }
            } else if parsed.format == .text && parsed.site == nil {
                return usageError("winnow learn needs each document's site: --format jsonl (the host of each line's url field), or --site HOST")
            }
            if model != "-" && parsed.files.contains(model) {
                return usageError("--model \(model) is also an input; write the model to another file")
            }
        case .eval:
            break
        case .clean:
            if parsed.model == "-" { return usageError("--model must name a file when cleaning (stdin is the input)") }
            if parsed.model != nil && parsed.format == .text && parsed.site == nil {
                return usageError("--model with text input needs --site HOST (the site of the documents), or --format jsonl")
            }
        }
        if parsed.format == .text {
            let jsonlOnly = [("--field", parsed.field != nil), ("--id-field", parsed.idField != nil),
                             ("--annotate", parsed.annotate), ("--strict", parsed.strict),
                             ("--site-field", parsed.siteField != nil)]
            if let (name, _) = jsonlOnly.first(where: { $0.1 }) {
                return usageError("\(name) applies to JSONL input: add --format jsonl (or --format auto)")
            }
        }
        if parsed.outputDir != nil && (parsed.files.isEmpty || parsed.files.contains("-")) {
            return usageError("--output-dir names each output after its input file, so it needs FILE operands (not stdin)")
        }
        return .run(parsed)
    }

    static let shortUsage = "usage: winnow [--format text|jsonl|auto] [--field NAME] [--jobs N] [--explain] [--model MODEL] [OPTIONS] [FILE...]; winnow learn|merge ... --model OUT; winnow --help for more"
    static let evalShortUsage = "usage: winnow eval [--gold-field NAME] [--text-field NAME] [--group-field NAME]... [--json] [--worst N] [OPTIONS] FILE.jsonl; winnow eval --help for more"

    static func run(_ args: [String]) -> Int32 {
        if args.first == "rules" { return listRules() }
        let command: Subcommand = args.first == "eval" ? .eval : .clean
        let parsed: Parsed
        switch parse(command == .eval ? Array(args.dropFirst()) : args, command: command) {
        case .exit(let status): return status
        case .run(let p): parsed = p
        }
        if parsed.command == .merge { return SiteModelCommands.merge(parsed) }
        var configuration = parsed.configuration
        if parsed.command == .clean, let path = parsed.model {
            // The model is read and checked whole before any input: a bad one stops the run with nothing written.
            // Blocks too rare to be removed are checked but not kept.
            switch SiteModelCommands.load(path, minDocuments: configuration.siteThresholds.minimumBlockDocuments) {
            case .success(let model): configuration.sites = model
            case .failure(let exit):
                printError("winnow: \(exit.message!)")
                return exit.status
            }
        }
        if command == .eval {
            do { return EvalCommand(parsed: parsed, cleaner: try Cleaner(configuration)).run() } catch {
                printError("winnow: \(error)")
                return ExitStatus.usage
            }
        }
        let inputs: [Input]
        switch Input.collect(parsed.files.isEmpty ? ["-"] : parsed.files, recursive: parsed.recursive,
                             outputDir: parsed.outputDir) {
        case .success(let list): inputs = list
        case .failure(let failure):
            printError("winnow: \(failure.message)")
            return failure.status
        }
        // The cleaner is built on a second thread while a piped stdin is read ahead (up to 8 MB), so the
        // program upstream is not kept waiting for the cue automaton.
        let frozen = configuration
        let build = BackgroundValue { Result { try Cleaner(frozen) } }
        var stdin = FileDescriptorSource(fd: 0)
        if parsed.command == .clean, parsed.outputDir == nil, isPipe(1) { widenPipe(1) }
        if parsed.command == .clean, inputs.first?.path == nil, isPipe(0) {
            widenPipe(0)
            stdin.prefetch(maxBytes: 8 << 20, while: { !build.isReady })
        }
        let cleaner: Cleaner
        switch build.wait() {
        case .success(let built): cleaner = built
        case .failure(let error):
            printError("winnow: \(error)")
            return ExitStatus.usage
        }
        let runner = parsed.command == .learn
            ? Runner(parsed: parsed, learning: SiteModel(maxEntries: parsed.maxEntries ?? SiteModel.defaultMaxEntries), inputs: inputs)
            : Runner(parsed: parsed, cleaner: cleaner, inputs: inputs, stdin: stdin)
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
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
