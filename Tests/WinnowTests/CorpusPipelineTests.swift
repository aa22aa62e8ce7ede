import Foundation
import Testing
@testable import Winnow

/// What a library-level JSONL run produced.
struct PipelineRun {
    var output: [UInt8] = []
    var messages = ""
    var removed: [UInt8] = []
    var stats: CorpusStats
    var stop: String? = nil
    var batches = 0
}

private struct Stopped: Error {}

/// Runs `input` as JSONL through LineReader -> CorpusPipeline (tiny reads and batches by default, so lines
/// straddle reads and batches hold a few lines) and collects what the delivery side sees.
func runPipeline(_ input: [UInt8], options: CorpusOptions = CorpusOptions(), jobs: Int = 3, chunk: Int = 5,
                 batchBytes: Int = 40, sourceName: String = "stdin") throws -> PipelineRun {
    let cleaner = try Cleaner()
    let pipeline = CorpusPipeline(cleaner: cleaner, options: options, jobs: jobs, batchBytes: batchBytes)
    defer { pipeline.shutdown(discardQueued: true) }
    var reader = LineReader(MemorySource(input, maxRead: 3), chunkSize: chunk)
    var run = PipelineRun(stats: CorpusStats(ruleCount: cleaner.ruleIDs.count))
    func deliver(_ batch: CorpusBatch, _ firstLine: Int) throws {
        run.batches += 1
        run.output += batch.output
        var text: [UInt8] = []
        batch.messages.render(firstLine: firstLine, into: &text)
        run.messages += String(decoding: text, as: UTF8.self)
        batch.removed.render(firstLine: firstLine, into: &run.removed)
        run.stats.add(batch.stats)
        if let stop = batch.stopMessage {
            var s: [UInt8] = []
            stop.render(firstLine: firstLine, into: &s)
            run.stop = String(decoding: s, as: UTF8.self)
            throw Stopped()
        }
    }
    var first = true
    do {
        repeat {
            let batch = pipeline.makeBatch()
            batch.kind = .jsonl
            batch.sourceName = sourceName
            batch.firstOfSource = first
            first = false
            _ = try reader.nextBatch(into: batch.input, targetBytes: pipeline.batchBytes)
            batch.lastOfSource = reader.atEnd
            try pipeline.submit(batch, deliver: deliver)
        } while !reader.atEnd
        try pipeline.drain(deliver: deliver)
    } catch is Stopped {}
    return run
}

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The line's bytes outside the `text` string, and the string's raw contents.
private func split(_ line: [UInt8], field: String = "text") -> (outside: [UInt8], raw: [UInt8])? {
    guard case .success(let f) = line.withUnsafeBufferPointer({ JSONLField.locate(Array(field.utf8), in: $0) }) else { return nil }
    return (Array(line[..<f.valueRange.lowerBound]) + Array(line[f.valueRange.upperBound...]), Array(line[f.valueRange]))
}

private func decode(_ raw: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    raw.withUnsafeBufferPointer { JSONLField.unescape($0, into: &out) }
    return out
}

struct CorpusPipelineTests {
    let cleaner = try! Cleaner()

    @Test func unchangedLinesAreByteIdentical() throws {
        let input = bytes("""
            {"id":1,"text":"The council met on Tuesday.\\nIt voted."}
            { "text" : "caf\\u00e9 \\/ \\ud83d\\ude00 stays spelled as it was" , "n" : 1.50E+02, "z":null }
            {"meta":{"text":"Donate now"},"text":"Nested fields are not cleaned."}

            {"text":"Numbers -0.0 and 1e5 elsewhere","a":[1,2,{"b":"Donate now"}]}
            """)
        let run = try runPipeline(input)
        #expect(run.output == input)
        #expect(run.messages.isEmpty)
        #expect(run.stats.documents == 4)
        #expect(run.stats.blankLines == 1)
        #expect(run.stats.changed == 0)
    }

    @Test func changedLinesKeepEveryByteOutsideTheField() throws {
        let input = CorpusFixtures.jsonl(bytes: 60_000)
        let run = try runPipeline(input, batchBytes: 2000)
        let inLines = CorpusFixtures.lines(input)
        let outLines = CorpusFixtures.lines(run.output)
        #expect(outLines.count == inLines.count)
        var changed = 0
        for (a, b) in zip(inLines, outLines) {
            let before = try #require(split(a))
            let after = try #require(split(b))
            #expect(before.outside == after.outside)
            let expected = cleaner.clean(decode(before.raw))
            if expected.report.isEmpty {
                #expect(a == b)
            } else {
                changed += 1
                #expect(decode(after.raw) == expected.bytes)
                // The oracle agrees: valid JSON, and the text field is the cleaned text.
                let object = try #require(CorpusFixtures.object(b))
                #expect(object["text"] as? String == expected.text)
                let idBefore = CorpusFixtures.object(a)?["id"] as? NSObject
                #expect(idBefore != nil && idBefore!.isEqual(object["id"]))
            }
        }
        #expect(changed > 10)
        #expect(run.stats.changed == changed)
        #expect(run.stats.documents == inLines.count)
    }

    struct EscapeCase: Sendable, CustomStringConvertible {
        var name: String
        var line: String        // JSONL line; its text has a removable block at the end
        var expectedText: String  // the raw (escaped) text field of the output line
        var description: String { name }
    }

    static let escapeCases: [EscapeCase] = [
        .init(name: "newline, quote, backslash, tab",
              line: #"{"text":"He said \"no\" \\ then\tleft.\nDonate now\n"}"#,
              expectedText: #"He said \"no\" \\ then\tleft.\n"#),
        .init(name: "control bytes",
              line: #"{"text":"Bell \u0007 and NUL \u0000 inside.\nDonate now"}"#,
              expectedText: #"Bell \u0007 and NUL \u0000 inside.\n"#),
        .init(name: "surrogate pair becomes the character",
              line: #"{"text":"Smile \ud83d\ude00 today.\nDonate now"}"#,
              expectedText: "Smile 😀 today.\\n"),
        .init(name: "BMP escapes become UTF-8",
              line: #"{"text":"caf\u00e9 \u2014 fine.\nDonate now"}"#,
              expectedText: "café — fine.\\n"),
        .init(name: "lone surrogates survive",
              line: #"{"text":"Broken \ud800 and \udc00 here.\nDonate now"}"#,
              expectedText: #"Broken \ud800 and \udc00 here.\n"#),
        .init(name: "escaped slash",
              line: #"{"text":"a\/b is a path.\nDonate now"}"#,
              expectedText: "a/b is a path.\\n"),
    ]

    @Test(arguments: escapeCases)
    func escapesAreReadAndWrittenRight(_ c: EscapeCase) throws {
        let run = try runPipeline(bytes(c.line + "\n"))
        let out = CorpusFixtures.lines(run.output)
        #expect(out.count == 1)
        let parts = try #require(split(out[0]))
        #expect(String(decoding: parts.raw, as: UTF8.self) == c.expectedText)
        #expect(parts.outside == bytes(#"{"text":""}"#))
        if !c.name.contains("lone") {
            let object = try #require(CorpusFixtures.object(out[0]), "output is not valid JSON")
            let expected = try #require(CorpusFixtures.object(bytes(#"{"text":""# + c.expectedText + #""}"#)))
            #expect(object["text"] as? String == expected["text"] as? String)
        }
    }

    @Test func invalidUTF8InsideTheStringIsKept() throws {
        let line = bytes(#"{"id":7,"text":"Caf"#) + [0xE9, 0x20, 0xFF, 0xC3] + bytes(#" ok.\nDonate now","x":""#) + [0xFE] + bytes(#""}"#)
        let run = try runPipeline(line + [0x0A])
        #expect(run.output == bytes(#"{"id":7,"text":"Caf"#) + [0xE9, 0x20, 0xFF, 0xC3] + bytes(#" ok.\n","x":""#) + [0xFE] + bytes(#""}"#) + [0x0A])
        #expect(run.stats.changed == 1)
    }

    @Test func badLinesPassThroughAndAreNamed() throws {
        var lines: [String] = []
        for i in 0..<30 { lines.append(#"{"id":\#(i),"text":"Line \#(i).\nDonate now"}"#) }
        lines[3] = "not json at all"
        lines[11] = #"{"id":11}"#
        lines[17] = #"{"id":17,"text":42}"#
        lines[22] = #"{"id":22,"text":"unterminated"#
        lines[25] = #"["text","array"]"#
        let input = bytes(lines.joined(separator: "\n") + "\n")
        let run = try runPipeline(input, sourceName: "in.jsonl")
        let out = CorpusFixtures.lines(run.output)
        #expect(out.count == 30)
        for i in [3, 11, 17, 22, 25] { #expect(out[i] == bytes(lines[i])) }
        #expect(run.stats.badLines == 5)
        let messages = run.messages.split(separator: "\n").map(String.init)
        #expect(messages.count == 5)
        #expect(messages[0] == "winnow: in.jsonl:4: line is not a JSON object")
        #expect(messages[1] == "winnow: in.jsonl:12: no top-level field \"text\"")
        #expect(messages[2] == "winnow: in.jsonl:18: field value is number, not a string")
        #expect(messages[3].hasPrefix("winnow: in.jsonl:23: malformed JSON: "))
        #expect(messages[4] == "winnow: in.jsonl:26: line is not a JSON object")
        // Good lines are cleaned.
        #expect(out[0] == bytes(#"{"id":0,"text":"Line 0.\n"}"#))
    }

    @Test func strictStopsAtTheFirstBadLine() throws {
        var lines: [String] = []
        for i in 0..<20 { lines.append(#"{"text":"Line \#(i).\nDonate now"}"#) }
        lines[13] = "{broken"
        lines[16] = "also broken"
        let run = try runPipeline(bytes(lines.joined(separator: "\n") + "\n"), options: CorpusOptions(strict: true))
        #expect(run.stop?.hasPrefix("winnow: stdin:14: malformed JSON") == true)
        let out = CorpusFixtures.lines(run.output)
        #expect(out.count == 13)
        #expect(out.last == bytes(#"{"text":"Line 12.\n"}"#))
        #expect(run.messages.isEmpty)
    }

    @Test func crlfLinesKeepCRLF() throws {
        let input = bytes("{\"text\":\"Kept.\\r\\nDonate now\\r\\n\"}\r\n{\"text\":\"Plain.\"}\r\n\r\n{\"x\":1}\r\n")
        let run = try runPipeline(input)
        #expect(run.output == bytes("{\"text\":\"Kept.\\r\\n\"}\r\n{\"text\":\"Plain.\"}\r\n\r\n{\"x\":1}\r\n"))
        #expect(run.stats.blankLines == 1)
        #expect(run.stats.badLines == 1)
    }

    @Test func emptyAndBlankInputs() throws {
        #expect(try runPipeline([]).output.isEmpty)
        let blank = bytes("\n  \n\t\r\n")
        let run = try runPipeline(blank)
        #expect(run.output == blank)
        #expect(run.messages.isEmpty)
        #expect(run.stats.blankLines == 3)
    }

    @Test func lastLineWithoutNewlineStaysSo() throws {
        let run = try runPipeline(bytes("{\"text\":\"A.\"}\n{\"text\":\"B.\\nDonate now\"}"))
        #expect(run.output == bytes("{\"text\":\"A.\"}\n{\"text\":\"B.\\n\"}"))
    }

    @Test func annotateAddsWhatWasRemovedAndWhy() throws {
        let input = bytes("""
            {"id":"a","text":"The vote was close.\\nDonate now\\n\\nComments are closed.\\n"}
            {"id":"b","text":"Nothing to remove."}
            {"id":"c", "text":"Fine.\\nDonate now" , "winnow":"already here"}
            {"id":"d","text":"List:\\n•\\nOne"}   \r

            """)
        let run = try runPipeline(input, options: CorpusOptions(annotate: true))
        let out = CorpusFixtures.lines(run.output)
        #expect(out.count == 4)
        let a = try #require(CorpusFixtures.object(out[0]))
        #expect(a["text"] as? String == "The vote was close.\n")
        let w = try #require(a["winnow"] as? [String: Any])
        let removed = try #require(w["removed"] as? [[String: Any]])
        #expect(removed.count == 2)
        #expect(removed[0]["line"] as? Int == 2)
        #expect(removed[0]["rule"] as? String == "donation-appeal")
        #expect(removed[0]["text"] as? String == "Donate now")
        #expect((removed[0]["reason"] as? String)?.isEmpty == false)
        #expect(removed[1]["rule"] as? String == "comment-section")
        #expect(removed[1]["line"] as? Int == 4)
        let rules = try #require(w["rules"] as? [String: [String: Int]])
        #expect(rules["donation-appeal"] == ["blocks": 1, "bytes": 11])
        #expect(rules["comment-section"]?["blocks"] == 1)
        #expect(w["rewrites"] as? Int == 0)
        // Everything before the annotation is the plain spliced line.
        #expect(String(decoding: out[0], as: UTF8.self).hasPrefix(#"{"id":"a","text":"The vote was close.\n","winnow":{"removed":[{"line":2,"#))
        // Unchanged lines are not annotated.
        #expect(out[1] == bytes(#"{"id":"b","text":"Nothing to remove."}"#))
        // A line that has "winnow" already is cleaned but not annotated, and that is reported.
        #expect(out[2] == bytes(#"{"id":"c", "text":"Fine.\n" , "winnow":"already here"}"#))
        #expect(run.messages.contains("stdin:3: the line has a top-level \"winnow\" field already"))
        // Rewrites only; trailing spaces and CR after the object are kept after the annotation.
        #expect(out[3].suffix(5) == [0x7D, 0x20, 0x20, 0x20, 0x0D])
        let d = try #require(CorpusFixtures.object(out[3]))
        #expect(d["text"] as? String == "List:\n- One")
        #expect((d["winnow"] as? [String: Any])?["rewrites"] as? Int == 1)
    }

    @Test func removedBlocksAreRecordedWithLineAndID() throws {
        let input = bytes("""
            {"id":"a-1","text":"Kept.\\nDonate now"}
            {"text":"No id.\\nComments are closed."}
            {"id":42,"text":"Numeric id.\\nDonate now"}
            {"id":{"site":"x","n":[1,2]} ,"text":"Object id.\\nDonate now"}
            {"doc":"z","text":"Other id field.\\nDonate now"}
            """)
        let run = try runPipeline(input, options: CorpusOptions(recordRemoved: true))
        let records = CorpusFixtures.lines(run.removed).compactMap(CorpusFixtures.object)
        try #require(records.count == 5)
        #expect(records.map { $0["line"] as? Int } == [1, 2, 3, 4, 5])
        #expect(records[0]["id"] as? String == "a-1")
        #expect(records[1]["id"] is NSNull)
        #expect(records[2]["id"] as? Int == 42)
        #expect((records[3]["id"] as? [String: Any])?["site"] as? String == "x")
        #expect(records[0]["block_line"] as? Int == 2)
        #expect(records[0]["rule"] as? String == "donation-appeal")
        #expect(records[0]["text"] as? String == "Donate now")
        #expect(records[1]["text"] as? String == "Comments are closed.")
        #expect((records[1]["reason"] as? String)?.contains("comments are closed") == true)
        // The id is copied as spelled.
        #expect(String(decoding: run.removed, as: UTF8.self).contains(#""id":{"site":"x","n":[1,2]},"#))
        // --id-field
        let other = try runPipeline(input, options: CorpusOptions(idField: "doc", recordRemoved: true))
        let last = try #require(CorpusFixtures.object(CorpusFixtures.lines(other.removed).last!))
        #expect(last["id"] as? String == "z")
    }

    @Test func explainNamesLineAndBlockLine() throws {
        let input = bytes("{\"text\":\"A.\"}\n{\"text\":\"B.\\nDonate now\\nComments are closed.\"}\n")
        let run = try runPipeline(input, options: CorpusOptions(explain: true))
        let lines = run.messages.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("2:2: donation-appeal: "))
        #expect(lines[1].hasPrefix("2:3: comment-section: "))
    }

    @Test func otherFieldNames() throws {
        let input = bytes(#"{"text":"Donate now","body":"Body.\nDonate now"}"# + "\n")
        let run = try runPipeline(input, options: CorpusOptions(field: "body"))
        #expect(run.output == bytes(#"{"text":"Donate now","body":"Body.\n"}"# + "\n"))
    }

    @Test(arguments: [1, 2, 5])
    func jobsDoNotChangeTheOutput(jobs: Int) throws {
        let input = CorpusFixtures.jsonl(bytes: 120_000, seed: 7)
        let options = CorpusOptions(annotate: true, explain: true, recordRemoved: true)
        let reference = try runPipeline(input, options: options, jobs: 1, chunk: 1 << 20, batchBytes: 1 << 20)
        let run = try runPipeline(input, options: options, jobs: jobs, chunk: 333, batchBytes: 1000)
        #expect(run.batches > 50)
        #expect(run.output == reference.output)
        #expect(run.messages == reference.messages)
        #expect(run.removed == reference.removed)
        #expect(run.stats == reference.stats)
    }

    @Test func textBatchesCleanEachDocument() throws {
        let docs = ["The vote was close.\nDonate now\n", "", "Second.\r\nComments are closed.\r\n", "Nothing here."]
        let batch = CorpusBatch(ruleCount: cleaner.ruleIDs.count)
        batch.kind = .text
        batch.prefixName = true
        for (i, doc) in docs.enumerated() {
            let start = batch.input.count
            bytes(doc).withUnsafeBufferPointer { batch.input.append($0) }
            batch.documents.append(.init(range: start..<batch.input.count, source: i, name: i == 2 ? nil : "d\(i).txt"))
        }
        var worker = CorpusWorker(cleaner: cleaner, options: CorpusOptions(explain: true, recordRemoved: true))
        worker.process(batch)
        var start = 0
        var outputs: [String] = []
        for end in batch.documentEnds {
            outputs.append(String(decoding: batch.output[start..<end], as: UTF8.self))
            start = end
        }
        #expect(outputs == ["The vote was close.\n", "", "Second.\r\n", "Nothing here."])
        var messages: [UInt8] = []
        batch.messages.render(firstLine: 1, into: &messages)
        let lines = String(decoding: messages, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("d0.txt:2: donation-appeal: "))
        #expect(lines[1].hasPrefix("stdin:2: comment-section: "))
        var removed: [UInt8] = []
        batch.removed.render(firstLine: 1, into: &removed)
        let records = CorpusFixtures.lines(removed).compactMap(CorpusFixtures.object)
        #expect(records.count == 2)
        #expect(records[0]["file"] as? String == "d0.txt")
        #expect(records[0]["line"] as? Int == 2)
        #expect(records[1]["file"] == nil)
        #expect(records[1]["text"] as? String == "Comments are closed.")
        #expect(batch.stats.documents == 4)
        #expect(batch.stats.changed == 2)
    }

    @Test(arguments: [
        ("   \r", "blank"),
        (#"{"text":"Fine."}"#, "unchanged"),
        (#"{"text":"Fine.\nDonate now"}"#, "cleaned"),
        ("[1]", "bad: line is not a JSON object"),
        (#"{"text":1}"#, "bad: field value is number, not a string"),
        (#"{"id":1}"#, "bad: no top-level field \"text\""),
    ])
    func lineProcessorOutcomes(_ line: String, _ expected: String) {
        var processor = JSONLLineProcessor(cleaner: cleaner)
        let bytes = Array(line.utf8)
        let outcome = bytes.withUnsafeBufferPointer { processor.process($0) }
        switch outcome {
        case .blank: #expect(expected == "blank")
        case .unchanged: #expect(expected == "unchanged")
        case .bad(let problem): #expect(expected == "bad: \(problem)")
        case .cleaned(let result, let field):
            #expect(expected == "cleaned")
            var out: [UInt8] = []
            let ok = bytes.withUnsafeBufferPointer { processor.write($0, field, result, into: &out) }
            #expect(ok)
            #expect(String(decoding: out, as: UTF8.self) == #"{"text":"Fine.\n"}"#)
            #expect(processor.text == Array("Fine.\nDonate now".utf8))
        }
    }

    @Test func numberedTextRendersLineNumbersLate() {
        var text = NumberedText()
        text.append("a")
        text.appendLineNumber(0)
        text.append(":")
        text.appendLineNumber(41)
        text.appendLineNumber(2)
        var out: [UInt8] = []
        text.render(firstLine: 1000, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a1000:10411002")
    }

    @Test(arguments: [0, 7, 10, 99, 100, 12_345, 1_000_000_007, Int.max, -5])
    func decimalDigits(_ value: Int) {
        var out: [UInt8] = []
        ByteWriter.appendDecimal(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(value))
    }

    @Test(arguments: [
        (#"{"id":"a\"b","text":"x"}"#, #""a\"b""#),
        (#"{"text":"x", "id" : -1.5e3 }"#, "-1.5e3"),
        (#"{"id":[1,{"a":"]"}],"text":"x"}"#, #"[1,{"a":"]"}]"#),
        (#"{"i\u0064":true,"text":"x"}"#, "true"),
        (#"{"meta":{"id":1},"text":"x"}"#, nil),
        (#"{"id":null}"#, "null"),
    ] as [(String, String?)])
    func rawValuesAreCopiedAsSpelled(_ line: String, _ expected: String?) {
        let bytes = Array(line.utf8)
        let range = bytes.withUnsafeBufferPointer { JSONLRawValue.range(of: Array("id".utf8), in: $0) }
        #expect(range.map { String(decoding: bytes[$0], as: UTF8.self) } == expected)
    }
}
