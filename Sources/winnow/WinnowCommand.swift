import Winnow

/// The `winnow` command: options are declared once in `options`, which drives parsing and `--help`.
enum WinnowCommand {
    /// `winnow` (clean), `winnow learn`, `winnow merge`.
    enum Subcommand: String { case clean, learn, merge }

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
        Option(name: "--id-field", value: "NAME", help: "jsonl: the field copied as \"id\" into --removed-out records (default id)"),
        Option(name: "--annotate", value: nil, help: "jsonl: add a \"winnow\" field to each changed line: the removed blocks, their rules and reasons"),
        Option(name: "--strict", value: nil, help: "jsonl: stop at the first bad line with status 65 (default: pass it through, report it on stderr)", commands: [.clean, .learn]),
        Option(name: "--removed-out", value: "FILE", help: "write every removed block to FILE as JSONL (line, id, rule, reason, text)"),
        Option(name: "--output-dir", value: "DIR", help: "write one cleaned file per input file under DIR (same relative names) instead of stdout"),
        Option(name: "--recursive", short: "-r", value: nil, help: "read the files in folders given as FILE, walked in name order", commands: [.clean, .learn]),
        Option(name: "--jobs", short: "-j", value: "N", help: "clean (or learn) on N threads (default: the number of cores); output keeps the input order", commands: [.clean, .learn]),
        Option(name: "--stats", value: nil, help: "print documents, bytes, MB/s and per-rule removals to stderr at the end", commands: [.clean, .learn, .merge]),
        Option(name: "--explain", value: nil, help: "write one line per removed block to stderr: [FILE:]LINE: rule id: reason (jsonl: LINE:BLOCKLINE: ...)"),
        Option(name: "--disable", value: "IDS", help: "switch off rules (comma-separated ids; see `winnow rules`)"),
        Option(name: "--enable", value: "IDS", help: "switch on rules that are off by default"),
        Option(name: "--bullet", value: "TEXT", help: "what list bullets become (default \"- \")"),
        Option(name: "--model", value: "FILE", help: "a site model: remove each site's template blocks (rule site-template); learn, merge: the model to write ('-': stdout)", commands: [.clean, .learn, .merge]),
        Option(name: "--site-field", value: "NAME", help: "jsonl: the field whose URL or host names a document's site (default url)", commands: [.clean, .learn]),
        Option(name: "--site", value: "HOST", help: "every document is from this site (text input; for jsonl it overrides --site-field)", commands: [.clean, .learn]),
        Option(name: "--max-entries", value: "N", help: "learn, merge: keep at most N sites and (site, block) counts, dropping the rarest (default 1000000)", commands: [.learn, .merge]),
        Option(name: "--help", short: "-h", value: nil, help: "show this help", commands: [.clean, .learn, .merge]),
        Option(name: "--version", value: nil, help: "show the version", commands: [.clean, .learn, .merge]),
    ]

    static var usage: String {
        var s = """
            usage: winnow [OPTIONS] [--model MODEL] [FILE...]
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
        for o in options {
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
    }

    enum Outcome { case run(Parsed), exit(Int32) }

    static func usageError(_ message: String) -> Outcome {
        printError("winnow: \(message)\n\(shortUsage)")
        return .exit(ExitStatus.usage)
    }

    static func parse(_ args: [String]) -> Outcome {
        var parsed = Parsed()
        var i = 0
        if let first = args.first, first == "learn" || first == "merge" {
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
            guard let option = options.first(where: { $0.name == name || $0.short == name }) else {
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
            case "--help": printOut(usage + "\n"); return .exit(ExitStatus.ok)
            case "--version": printOut("winnow \(WinnowVersion.string)\n"); return .exit(ExitStatus.ok)
            default: break
            }
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

    static func run(_ args: [String]) -> Int32 {
        if args.first == "rules" { return listRules() }
        let parsed: Parsed
        switch parse(args) {
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
        let cleaner: Cleaner
        do { cleaner = try Cleaner(configuration) } catch {
            printError("winnow: \(error)")
            return ExitStatus.usage
        }
        let inputs: [Input]
        switch Input.collect(parsed.files.isEmpty ? ["-"] : parsed.files, recursive: parsed.recursive,
                             outputDir: parsed.outputDir) {
        case .success(let list): inputs = list
        case .failure(let failure):
            printError("winnow: \(failure.message)")
            return failure.status
        }
        let runner = parsed.command == .learn
            ? Runner(parsed: parsed, learning: SiteModel(maxEntries: parsed.maxEntries ?? SiteModel.defaultMaxEntries), inputs: inputs)
            : Runner(parsed: parsed, cleaner: cleaner, inputs: inputs)
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
