import Foundation
import Testing
@testable import Winnow

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The `winnow` command over JSONL, many files and folders, on several threads.
struct StreamCommandTests {
    let cleaner = try! Cleaner()

    // MARK: JSONL

    #if os(Linux)
    /// A piped stdin and stdout get 1 MiB buffers, so a producer that writes in small pieces (Python's
    /// subprocess: 4 KiB per select) and a slow reader wait less.
    @Test func pipesAreWidened() throws {
        let launched = try launch(["--format", "jsonl"])
        let process = launched.process, input = launched.input, output = launched.output!
        let getPipeSize: Int32 = 1032   // F_GETPIPE_SZ
        var stdinSize: Int32 = 0
        for _ in 0..<300 where stdinSize < 1 << 20 {
            stdinSize = fcntl(input.fileHandleForWriting.fileDescriptor, getPipeSize)
            usleep(10_000)
        }
        try input.fileHandleForWriting.write(contentsOf: Data("{\"text\":\"Share this:\"}\n".utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: out, as: UTF8.self) == "{\"text\":\"\"}\n")
        #expect(stdinSize == 1 << 20)
        #expect(fcntl(output.fileHandleForReading.fileDescriptor, getPipeSize) == 1 << 20)
    }
    #endif

    @Test func jsonlMatchesTheLibraryLineForLine() throws {
        let input = CorpusFixtures.jsonl(bytes: 300_000, seed: 3)
        let run = try runWinnow(["--format", "jsonl"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let reference = try runPipeline(input, chunk: 1 << 20, batchBytes: 1 << 20)
        #expect(run.stdout == reference.output)
        #expect(CorpusFixtures.lines(run.stdout).count == CorpusFixtures.lines(input).count)
        #expect(run.stdout != input)  // something was cleaned
    }

    @Test func jsonlUnchangedInputIsByteIdentical() throws {
        let input = bytes("""
            {"id":1,"text":"Plain news.","n":1.0E+2, "t" : "caf\\u00e9 \\/"}
            {"text":"Also plain.\\r\\nTwo lines."}\r

            {"b":[1,{"c":null}],"text":"\\ud83d\\ude00 and \\u2014"}
            """)
        let run = try runWinnow(["--format", "jsonl"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stdout == input)
    }

    @Test(arguments: [["--format", "jsonl"], ["--format", "auto"], []])
    func emptyInputGivesEmptyOutput(_ args: [String]) throws {
        let run = try runWinnow(args, stdin: [])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
    }

    @Test func badLinesPassThroughWithTheirLineNumbers() throws {
        let input = bytes("""
            {"text":"Good.\\nDonate now"}
            [1,2]
            {"text":null}
            {"id":4}

            {"text":"Good again."}
            {"text":"broken
            """)
        let run = try runWinnow(["--format", "jsonl"], stdin: input)
        #expect(run.status == 0)
        let lines = CorpusFixtures.lines(run.stdout)
        let inLines = CorpusFixtures.lines(input)
        #expect(lines.count == inLines.count)
        #expect(lines[0] == bytes(#"{"text":"Good.\n"}"#))
        #expect(Array(lines[1...]) == Array(inLines[1...]))
        let messages = run.stderr.split(separator: "\n").map(String.init)
        #expect(messages == [
            "winnow: stdin:2: line is not a JSON object",
            "winnow: stdin:3: field value is null, not a string",
            "winnow: stdin:4: no top-level field \"text\"",
            "winnow: stdin:7: malformed JSON: unterminated string at byte 8",
        ])
    }

    @Test func strictStopsWithStatus65AndTheSameMessage() throws {
        let input = bytes("{\"text\":\"One.\"}\n{\"text\":\"Two.\\nDonate now\"}\n{\"text\":7}\n{\"text\":\"Four.\"}\n")
        let lenient = try runWinnow(["--format", "jsonl"], stdin: input)
        let strict = try runWinnow(["--format", "jsonl", "--strict"], stdin: input)
        #expect(strict.status == 65)
        #expect(strict.stdout == bytes("{\"text\":\"One.\"}\n{\"text\":\"Two.\\n\"}\n"))
        #expect(strict.stderr == "winnow: stdin:3: field value is number, not a string\n")
        #expect(lenient.stderr == strict.stderr)
        #expect(lenient.status == 0)
    }

    @Test func crlfLineEndsAreAccepted() throws {
        let input = bytes("{\"text\":\"Kept.\\nDonate now\"}\r\n\r\n{\"text\":\"Same.\"}\r\n")
        let run = try runWinnow(["--format", "jsonl"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == bytes("{\"text\":\"Kept.\\n\"}\r\n\r\n{\"text\":\"Same.\"}\r\n"))
    }

    @Test func invalidUTF8InAJSONStringIsKept() throws {
        let input = bytes(#"{"text":"Bad "#) + [0xFF, 0xFE, 0xC3] + bytes(#" bytes.\nDonate now"}"#) + [0x0A]
        let run = try runWinnow(["--format", "jsonl"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stdout == bytes(#"{"text":"Bad "#) + [0xFF, 0xFE, 0xC3] + bytes(#" bytes.\n"}"#) + [0x0A])
    }

    @Test func surrogatePairsAndEscapesRoundTrip() throws {
        let input = bytes(#"{"text":"\ud83d\ude00 \"q\" \\ \t \u0001 \ud800.\nDonate now"}"# + "\n")
        let run = try runWinnow(["--format", "jsonl"], stdin: input)
        #expect(run.stdout == bytes("{\"text\":\"😀 \\\"q\\\" \\\\ \\t \\u0001 \\ud800.\\n\"}\n"))
    }

    @Test func fieldOptionPicksTheField() throws {
        let input = bytes(#"{"text":"Donate now","body":"Story.\nDonate now"}"# + "\n")
        let run = try runWinnow(["--format", "jsonl", "--field", "body"], stdin: input)
        #expect(run.stdout == bytes(#"{"text":"Donate now","body":"Story.\n"}"# + "\n"))
    }

    @Test func aFiftyMegabyteLineWorks() throws {
        // One JSONL line of about 50 MB: many paragraphs, boilerplate at the end.
        var text = ""
        let paragraph = "The council met again to discuss the harbour budget and the ferry timetable for the coming winter season.\\n"
        text.reserveCapacity(50 << 20)
        var i = 0
        while text.utf8.count < 50_000_000 {
            text += "\(i) " + paragraph
            i += 1
        }
        let line = bytes(#"{"id":"big","text":""# + text + #"Donate now"}"# + "\n")
        #expect(line.count > 50_000_000)
        let run = try runWinnow(["--format", "jsonl", "--jobs", "2"], stdin: line)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.count == line.count - "Donate now".utf8.count)
        let end = bytes("winter season.\\n\"}\n")
        #expect(Array(run.stdout.suffix(end.count)) == end)
        #expect(run.stdout.prefix(40) == line.prefix(40))
    }

    @Test func jobsGiveByteIdenticalOutput() throws {
        // Several megabytes: several batches per worker.
        let input = CorpusFixtures.jsonl(bytes: 5_000_000, seed: 11)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var results: [(RunResult, [UInt8])] = []
        for jobs in ["1", "2", "3"] {
            let removed = folder.path("removed-\(jobs).jsonl")
            let run = try runWinnow(["--format", "jsonl", "--jobs", jobs, "--annotate", "--explain", "--removed-out", removed], stdin: input)
            #expect(run.status == 0)
            results.append((run, Array(try Data(contentsOf: URL(fileURLWithPath: removed)))))
        }
        #expect(results[0].0.stdout.count > 4_000_000)
        #expect(!results[0].1.isEmpty)
        for other in results.dropFirst() {
            #expect(other.0.stdout == results[0].0.stdout)
            #expect(other.0.stderr == results[0].0.stderr)
            #expect(other.1 == results[0].1)
        }
    }

    @Test func annotateRemovedOutAndIDField() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = bytes("""
            {"doc":"d-1","text":"Story.\\nDonate now"}
            {"doc":"d-2","text":"Nothing."}
            {"doc":3,"text":"More.\\n\\nComments are closed."}

            """)
        let removed = folder.path("removed.jsonl")
        let run = try runWinnow(["--format", "jsonl", "--annotate", "--removed-out", removed, "--id-field", "doc"], stdin: input)
        #expect(run.status == 0)
        let out = CorpusFixtures.lines(run.stdout)
        #expect(out.count == 3)
        let first = try #require(CorpusFixtures.object(out[0]))
        #expect(first["text"] as? String == "Story.\n")
        #expect(((first["winnow"] as? [String: Any])?["removed"] as? [[String: Any]])?.first?["rule"] as? String == "donation-appeal")
        #expect(out[1] == bytes(#"{"doc":"d-2","text":"Nothing."}"#))
        let records = CorpusFixtures.lines(try folder.read("removed.jsonl")).compactMap(CorpusFixtures.object)
        #expect(records.count == 2)
        #expect(records[0]["id"] as? String == "d-1")
        #expect(records[0]["line"] as? Int == 1)
        #expect(records[0]["text"] as? String == "Donate now")
        #expect(records[1]["id"] as? Int == 3)
        #expect(records[1]["line"] as? Int == 3)
        #expect(records[1]["block_line"] as? Int == 3)
        #expect(records[1]["rule"] as? String == "comment-section")
    }

    @Test func explainInJSONLNamesLineAndBlockLine() throws {
        let input = bytes("{\"text\":\"A.\"}\n{\"text\":\"B.\\nDonate now\"}\n")
        let run = try runWinnow(["--format", "jsonl", "--explain"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("2:2: donation-appeal: "))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func autoPicksJSONLWhenTheFirstNonBlankByteIsABrace() throws {
        let jsonl = bytes("\n  \n{\"text\":\"A.\\nDonate now\"}\n")
        let auto = try runWinnow(["--format", "auto"], stdin: jsonl)
        #expect(auto.stdout == bytes("\n  \n{\"text\":\"A.\\n\"}\n"))
        let text = bytes("\nA story.\nDonate now\n")
        let autoText = try runWinnow(["--format", "auto"], stdin: text)
        #expect(autoText.stdout == cleaner.clean(text).bytes)
        // The default is plain text, even for JSON-looking input.
        let plain = try runWinnow([], stdin: jsonl)
        #expect(plain.stdout == jsonl)
    }

    @Test(arguments: [["--annotate"], ["--strict"], ["--field", "body"], ["--id-field", "x"], ["--format", "csv"],
                      ["--jobs", "0"], ["--jobs", "many"], ["-j"], ["--output-dir", "/tmp/x"], ["--output-dir", "/tmp/x", "-"]])
    func usageErrors(_ args: [String]) throws {
        let run = try runWinnow(args)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("winnow: "))
        #expect(run.stderr.contains("usage: winnow"))
        #expect(run.stdout.isEmpty)
    }

    @Test func helpListsTheNewOptions() throws {
        let help = try runWinnow(["--help"])
        for name in ["--format", "--field", "--id-field", "--annotate", "--strict", "--removed-out", "--output-dir",
                     "-r, --recursive", "-j, --jobs", "--stats", "--explain", "65", "66", "74"] {
            #expect(help.stdoutText.contains(name), "\(name)")
        }
    }

    // MARK: Files and folders

    @Test func filesAreReadInOrderLikeCat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = bytes("First story.\nDonate now\n")
        let b = bytes("Second story.\n•\nItem\n")
        let stdin = bytes("From stdin.\nComments are closed.\n")
        let pa = try folder.write("a.txt", a)
        let pb = try folder.write("b.txt", b)
        for jobs in ["1", "2"] {
            let run = try runWinnow(["-j", jobs, pa, "-", pb], stdin: stdin)
            #expect(run.status == 0)
            #expect(run.stdout == cleaner.clean(a).bytes + cleaner.clean(stdin).bytes + cleaner.clean(b).bytes)
        }
        let explain = try runWinnow(["--explain", pa, "-"], stdin: stdin)
        #expect(explain.stderr.split(separator: "\n").map { String($0.prefix(while: { $0 != ":" })) } == [pa, "stdin"])
    }

    @Test func jsonlFilesFollowEachOtherOnTheirOwnLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try folder.write("a.jsonl", bytes("{\"text\":\"A.\"}"))   // no final newline
        let b = try folder.write("b.jsonl", bytes("{\"text\":\"B.\\nDonate now\"}\n"))
        let run = try runWinnow(["--format", "jsonl", a, b, a])
        #expect(run.status == 0)
        #expect(run.stdout == bytes("{\"text\":\"A.\"}\n{\"text\":\"B.\\n\"}\n{\"text\":\"A.\"}"))
    }

    @Test func outputDirWritesOneFilePerInputWithTheSameNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let docs: [(String, [UInt8])] = [
            ("in/one.txt", bytes("One.\nDonate now\n")),
            ("in/sub/two.txt", bytes("Two.\n")),
            ("in/sub/deeper/three.jsonl", bytes("{\"text\":\"Three.\\nComments are closed.\"}\n")),
            ("in/empty.txt", []),
        ]
        for (name, content) in docs { try folder.write(name, content) }
        let out = folder.path("out")
        let run = try runWinnow(["-r", "--format", "auto", "--output-dir", out, folder.path("in")])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(try folder.read("out/one.txt") == bytes("One.\n"))
        #expect(try folder.read("out/sub/two.txt") == bytes("Two.\n"))
        #expect(try folder.read("out/sub/deeper/three.jsonl") == bytes("{\"text\":\"Three.\\n\"}\n"))
        #expect(try folder.read("out/empty.txt").isEmpty)
        // Without -r a folder is refused.
        let refused = try runWinnow([folder.path("in")])
        #expect(refused.status == 66)
        #expect(refused.stderr.contains("is a directory"))
        #expect(refused.stderr.contains(folder.path("in")))
    }

    @Test func recursiveWalkIsInNameOrderToStdout() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("d/b.txt", bytes("B\n"))
        try folder.write("d/a/z.txt", bytes("AZ\n"))
        try folder.write("d/c.txt", bytes("C\n"))
        try folder.write("d/a.txt", bytes("A\n"))
        let run = try runWinnow(["-r", folder.path("d")])
        // Byte order of names: "a" (the folder) < "a.txt" < "b.txt" < "c.txt".
        #expect(run.status == 0)
        #expect(run.stdoutText == "AZ\nA\nB\nC\n")
    }

    @Test func aMissingInputStopsWith66BeforeAnyOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try folder.write("a.txt", bytes("A.\n"))
        let run = try runWinnow([a, folder.path("missing.txt")])
        #expect(run.status == 66)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "winnow: cannot open \(folder.path("missing.txt")): No such file or directory\n")
    }

    @Test func removedOutInTextModeNamesTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try folder.write("a.txt", bytes("Story.\nDonate now\n"))
        let removed = folder.path("removed.jsonl")
        let run = try runWinnow(["--removed-out", removed, a])
        #expect(run.status == 0)
        let records = CorpusFixtures.lines(try folder.read("removed.jsonl")).compactMap(CorpusFixtures.object)
        #expect(records.count == 1)
        #expect(records.first?["file"] as? String == a)
        #expect(records.first?["line"] as? Int == 2)
        #expect(records.first?["text"] as? String == "Donate now")
    }

    // MARK: Failures and pipes

    // A full disk (stdout and --removed-out): BadInputTests.fullDiskIsAnIOError.

    @Test func anUnwritableRemovedOutIsAnIOError() throws {
        let run = try runWinnow(["--removed-out", "/nonexistent-dir/removed.jsonl"], stdin: bytes("A.\n"))
        #expect(run.status == 74)
        #expect(run.stderr.contains("/nonexistent-dir/removed.jsonl"))
    }

    @Test func aBrokenPipeEndsQuietly() throws {
        let input = CorpusFixtures.jsonl(bytes: 8_000_000, seed: 5)
        // Like `| head -c 100`: read a little, then close the read end.
        let run = try runWinnowReadingHead(100, ["--format", "jsonl"], stdin: input)
        #expect(run.head.count == 100)
        #expect(run.exited)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }

    // MARK: What users see

    @Test func statsSummarizeTheRunWithoutProgressWhenNotATerminal() throws {
        let input = CorpusFixtures.jsonl(bytes: 200_000, seed: 9) + bytes("not json\n")
        let run = try runWinnow(["--format", "jsonl", "--stats"], stdin: input)
        #expect(run.status == 0)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let documents = CorpusFixtures.lines(input).count - 1
        #expect(lines.contains { $0.hasPrefix("winnow: documents \(documents) (changed ") && $0.contains("bad lines 1") })
        #expect(lines.contains { $0.contains("MB in") && $0.contains("MB out") && $0.contains("MB/s") })
        for id in cleaner.ruleIDs { #expect(lines.contains { $0.hasPrefix("winnow: \(id) ") }, "\(id)") }
        let appeal = try #require(lines.first { $0.hasPrefix("winnow: donation-appeal ") })
        let counts = appeal.split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 2 && counts[0] > 0 && counts[1] > 0)
        #expect(!run.stderr.contains("\r"))   // no progress line: stderr is a pipe
        // Without --stats, nothing on stderr but the bad line.
        let quiet = try runWinnow(["--format", "jsonl"], stdin: input)
        #expect(quiet.stderr == "winnow: stdin:\(documents + 1): line is not a JSON object\n")
    }
}
