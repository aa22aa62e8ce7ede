import Foundation
import Testing

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// `winnow eval`: the table, the lowest-retention list, --json, bad lines, rule options.
struct EvalCommandTests {
    static let labelled = PackagePaths.samples.appendingPathComponent("eval/labelled.jsonl").path

    /// Figures asserted at the library level in EvaluationTests.labelledSamples (the reference scorer's).
    static let labelledOverall = "overall                          4 | 0.729 1.000 0.843 | 0.990 1.000 0.995 | 1.000 0.988     0"

    @Test func labelledSamplesTable() throws {
        let run = try runWinnow(["eval", Self.labelled])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains(Self.labelledOverall))
        #expect(lines.contains("docs 4, changed by the cleaner 3; pooled retention 1.0000, min 1.0000"))
        // Every document keeps all its gold tokens: the four tie at 1.000 and are listed by id.
        #expect(lines.contains("lowest retention: ferry-page (1.000), fraud-report (1.000), harbour-ferry (1.000), stadtrat-de (1.000)"))
        // Ungrouped: the header, a rule and overall, nothing else above the blank line.
        #expect(lines.firstIndex(of: "") == 3)
    }

    @Test(arguments: [(0, nil), (1, "lowest retention: ferry-page (1.000)"), (2, "lowest retention: ferry-page (1.000), fraud-report (1.000)")])
    func worstLimitsTheList(_ n: Int, _ expected: String?) throws {
        let run = try runWinnow(["eval", "--worst", String(n), Self.labelled])
        #expect(run.status == 0)
        let listed = run.stdoutText.split(separator: "\n").filter { $0.hasPrefix("lowest retention") }.map(String.init)
        #expect(listed == (expected.map { [$0] } ?? []))
    }

    @Test func labelledSamplesBySource() throws {
        let run = try runWinnow(["eval", "--group-field", "source", Self.labelled])
        #expect(run.status == 0)
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines[2] == "samples                          3 | 0.748 1.000 0.856 | 1.000 1.000 1.000 | 1.000 1.000     0")
        #expect(lines[3] == "synthetic                        1 | 0.671 1.000 0.803 | 0.961 1.000 0.980 | 1.000 0.917     0")
        #expect(lines[4].allSatisfy { $0 == "-" })
        #expect(lines[5] == Self.labelledOverall)
    }

    /// Two groups of fields, one document losing gold text (its "Comments are closed." is the article's
    /// own line here), one without an id, one with a numeric id, a blank line and two bad lines.
    static let small = """
        {"id":"a","source":"s1","tier":"t1","text":"The council approved the new bridge today.\\nDonate now\\n","gold":"The council approved the new bridge today.\\n"}
        {"source":"s2","tier":"t1","text":"Readers wrote in all week.\\nComments are closed.\\n","gold":"Readers wrote in all week.\\nComments are closed.\\n"}

        {"id":"broken"
        {"id":"c","source":"s1","tier":"t2","text":"Nothing to remove here at all.\\n"}
        {"id":7,"source":"s2","tier":"t2","text":"Plain report on the harbour.\\n","gold":"Plain report on the harbour.\\n"}

        """

    @Test func smallFileGroupsAndWorstList() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("small.jsonl", bytes(Self.small))
        let run = try runWinnow(["eval", path, "--group-field", "source", "--group-field", "tier"])
        #expect(run.status == 0)
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        let labels = lines.map { String($0.prefix(28)).trimmingCharacters(in: .whitespaces) }
        // Combined rows, then each field alone (the second as */VALUE), then overall, as score.py prints them.
        #expect(Array(labels[2...12]) == ["s1/t1", "s2/t1", "s2/t2", String(repeating: "-", count: 28), "s1", "s2",
                                          String(repeating: "-", count: 28), "*/t1", "*/t2", String(repeating: "-", count: 28), "overall"])
        // 8 gold tokens, "Comments are closed" gone: 5/8. Retention mean (1 + 0.625 + 1) / 3; the only
        // boilerplate ("Donate now", 2 tokens) removed. P/R of 4-token shingles worked out by hand:
        // s2/t1 keeps 2 of the gold's 5 shingles.
        #expect(lines.contains("s2/t1                            1 | 1.000 1.000 1.000 | 1.000 0.400 0.571 | 0.625     -     1"))
        #expect(lines.contains("s2                               2 | 1.000 1.000 1.000 | 1.000 0.700 0.824 | 0.812     -     1"))
        #expect(lines.contains("overall                          3 | 0.889 1.000 0.941 | 1.000 0.800 0.889 | 0.875 1.000     1"))
        #expect(lines.contains("docs 3, changed by the cleaner 2; pooled retention 0.8500, min 0.6250"))
        #expect(lines.contains("retention < 0.98: 1 docs"))
        #expect(lines.contains("lowest retention: line 2 (0.625), 7 (1.000), a (1.000)"))
        #expect(lines.contains("skipped lines: 2"))
        let messages = run.stderr.split(separator: "\n").map(String.init)
        #expect(messages.count == 2)
        #expect(messages[0].hasPrefix("winnow: \(path):4: malformed JSON"))
        #expect(messages[1] == "winnow: \(path):5: no top-level field \"gold\"")
    }

    @Test func strictStopsAtTheFirstBadLine() throws {
        let run = try runWinnow(["eval", "--strict", "-"], stdin: bytes(Self.small))
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        let messages = run.stderr.split(separator: "\n")
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("winnow: stdin:4: malformed JSON"))
    }

    @Test func fieldNamesAreOptions() throws {
        let renamed = Self.small.replacingOccurrences(of: "\"text\"", with: "\"page\"").replacingOccurrences(of: "\"gold\"", with: "\"body\"")
        let run = try runWinnow(["eval", "--text-field", "page", "--gold-field", "body", "--id-field", "source"], stdin: bytes(renamed))
        #expect(run.status == 0)
        // Now documents are named by their source.
        #expect(run.stdoutText.contains("lowest retention: s2 (0.625), s1 (1.000), s2 (1.000)"))
        #expect(run.stderr.contains(":5: no top-level field \"body\""))
        let wrongField = try runWinnow(["eval", "--gold-field", "nope"], stdin: bytes(Self.small))
        #expect(wrongField.stdoutText.contains("docs 0,"))
        #expect(wrongField.stderr.split(separator: "\n").count == 5)
    }

    /// The rule options reach the cleaner: without comment-section the second document keeps its line.
    @Test(arguments: [(["--disable", "comment-section"], "1.000", 1), (["--disable", "donation-appeal"], "0.625", 1),
                      ([String](), "0.625", 2)])
    func ruleOptionsApply(_ options: [String], _ retention: String, _ changed: Int) throws {
        let run = try runWinnow(["eval"] + options, stdin: bytes(Self.small))
        #expect(run.status == 0)
        #expect(run.stdoutText.contains("changed by the cleaner \(changed);"))
        #expect(run.stdoutText.contains("lowest retention: line 2 (\(retention))"))
    }

    /// After `eval`, `merge` and `learn` are file names, not subcommands (found by Tests/Fuzz/run.sh args:
    /// `winnow eval merge` ran merge without --model and crashed).
    @Test(arguments: ["merge", "learn"])
    func subcommandWordsAreFilesAfterEval(_ word: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try runWinnow(["eval", word], currentDirectory: folder)
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains(word))
        try Self.small.write(to: folder.appendingPathComponent(word), atomically: true, encoding: .utf8)
        let run = try runWinnow(["eval", word], currentDirectory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutText.contains("changed by the cleaner 2;"))
    }

    @Test func jsonSummary() throws {
        let run = try runWinnow(["eval", "--json", "--group-field", "source", "--group-field", "tier", "--worst", "2"], stdin: bytes(Self.small))
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(object["data"] as? String == "stdin")
        #expect(object["skipped_lines"] as? Int == 2)
        #expect(object["fields"] as? [String] == ["source", "tier"])
        let groups = try #require(object["groups"] as? [String: Any])
        #expect(Set(groups.keys) == ["source=s1,tier=t1", "source=s2,tier=t1", "source=s2,tier=t2", "source=s1", "source=s2",
                                     "tier=t1", "tier=t2", "overall"])
        let overall = try #require(object["overall"] as? [String: Any])
        #expect(overall["docs"] as? Int == 3)
        #expect(overall["changed"] as? Int == 2)
        #expect(overall["retention_min"] as? Double == 0.625)
        #expect(overall["retention_pooled"] as? Double == 17.0 / 20.0)
        #expect(overall["boilerplate_tokens_in"] as? Int == 2)
        let recall: Double = (1.0 + 0.4 + 1.0) / 3.0  // averaged over documents
        let output = try #require(overall["output"] as? [String: Any])
        // (Foundation's JSON parser on Linux may be off in the last digit.)
        #expect(abs(try #require(output["recall"] as? Double) - recall) < 1e-12)
        let worst = try #require(object["lowest_retention"] as? [[String: Any]])
        #expect(worst.count == 2)
        #expect(worst[0]["id"] is NSNull)
        #expect(worst[0]["line"] as? Int == 2)
        #expect(worst[0]["retention"] as? Double == 0.625)
        #expect(worst[1]["id"] as? String == "7")
    }

    @Test(arguments: [
        (["eval", "--format", "jsonl"], "--format is not an option of `winnow eval`"),
        (["--gold-field", "g"], "--gold-field is an option of `winnow eval`"),
        (["eval", "a.jsonl", "b.jsonl"], "eval reads one FILE"),
        (["eval", "--worst", "-1"], "--worst needs a number"),
    ])
    func usageErrors(_ args: [String], _ message: String) throws {
        let run = try runWinnow(args)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message))
    }

    @Test func missingFileExits66() throws {
        let run = try runWinnow(["eval", "/nonexistent/labelled.jsonl"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("/nonexistent/labelled.jsonl"))
    }

    @Test func helpListsEvalOptionsFromTheTable() throws {
        let run = try runWinnow(["eval", "--help"])
        #expect(run.status == 0)
        for option in ["--gold-field NAME", "--text-field NAME", "--group-field NAME", "--json", "--worst N", "--disable IDS", "--strict"] {
            #expect(run.stdoutText.contains(option), "\(option)")
        }
        #expect(!run.stdoutText.contains("--format"))
        let main = try runWinnow(["--help"])
        #expect(main.stdoutText.contains("winnow eval"))
        #expect(!main.stdoutText.contains("--gold-field"))
    }
}
