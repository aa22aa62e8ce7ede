import Foundation
import Testing
@testable import Winnow

/// The evaluation measures, checked against Python's `re` and the reference scorer.
struct EvaluationTests {
    /// Expected tokens are what Python 3.11's `re.findall(r"\w+", s)` returns.
    @Test(arguments: [
        ("Hello, world_x 42!", ["Hello", "world_x", "42"]),
        ("東京は雨。 Zürich–Oslo", ["東京は雨", "Zürich", "Oslo"]),
        ("naïve café ½ ², x", ["naïve", "café", "½", "²", "x"]),
        ("हिन्दी पाठ", ["ह", "न", "द", "प", "ठ"]),
        ("don’t stop—ever", ["don", "t", "stop", "ever"]),
    ])
    func tokensMatchPython(_ text: String, _ expected: [String]) {
        #expect(Evaluation.tokenize(text).map(String.init) == expected)
    }

    /// Expected strings are what Python 3.11's `f"{x:.3f}"` and `f"{x:.4f}"` print (the reference scorer's
    /// formatting): the double's exact value rounded, ties to even.
    @Test(arguments: [
        (0.8125, "0.812", "0.8125"), (0.0005, "0.001", "0.0005"), (0.0015, "0.002", "0.0015"),
        (0.0025, "0.003", "0.0025"), (0.1235, "0.123", "0.1235"), (0.00025, "0.000", "0.0003"),
        (0.9995, "1.000", "0.9995"), (0.12345, "0.123", "0.1235"), (1.0, "1.000", "1.0000"),
    ])
    func numbersAreFormattedLikePython(_ x: Double, _ three: String, _ four: String) {
        #expect(Evaluation.fixed(x, 3) == three)
        #expect(Evaluation.fixed(x, 4) == four)
    }

    @Test func retentionAndBoilerplateByHand() {
        // Gold has a b c; input adds x y (boilerplate); output drops y and c.
        let s = Evaluation.score(id: "d", input: "a b c x y", output: "a b x", gold: "a b c")
        #expect(s.shared == 3)
        #expect(s.kept == 2)
        #expect(s.retention == 2.0 / 3.0)
        #expect(s.boilerplateIn == 2)
        #expect(s.boilerplateRemoved == 1)
        #expect(s.changed)
    }

    @Test func unchangedOutputScoresLikeInput() {
        let s = Evaluation.score(id: "d", input: "one two three four five", output: "one two three four five", gold: "one two three four")
        #expect(s.inputTriple == s.outputTriple)
        #expect(!s.changed)
        #expect(s.retention == 1)
    }

    struct Labelled: Decodable { var id: String; var source: String; var text: String; var gold: String }

    /// Winnow on the project's labelled samples (Samples/eval/labelled.jsonl). The expected figures are
    /// what the reference scorer printed for the same outputs:
    /// `score.py Samples/eval/labelled.jsonl --outputs OUT --per-doc PER` (precision to 1e-9).
    @Test func labelledSamples() throws {
        let url = PackagePaths.samples.appendingPathComponent("eval/labelled.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let docs = try lines.map { try JSONDecoder().decode(Labelled.self, from: Data($0.utf8)) }
        let cleaner = try Cleaner()
        let scores = docs.map { Evaluation.score(id: $0.id, group: $0.source, input: $0.text, output: cleaner.clean($0.text).text, gold: $0.gold) }
        let expected: [String: (bpIn: Int, bpRemoved: Int, pIn: Double, pOut: Double)] = [
            "harbour-ferry": (113, 113, 0.599290780141844, 1.0),
            "stadtrat-de": (34, 34, 0.6458333333333334, 1.0),
            "fraud-report": (0, 0, 1.0, 1.0),
            "ferry-page": (24, 22, 0.6712328767123288, 0.9607843137254902),
        ]
        #expect(scores.count == expected.count)
        for s in scores {
            let e = try #require(expected[s.id])
            #expect(s.retention == 1.0, "\(s.id)")
            #expect(s.boilerplateIn == e.bpIn, "\(s.id)")
            #expect(s.boilerplateRemoved == e.bpRemoved, "\(s.id)")
            #expect(abs(Evaluation.share(s.inputTriple.tp, s.inputTriple.fp, s.inputTriple.fp, s.inputTriple.fn) - e.pIn) < 1e-9, "\(s.id)")
            #expect(abs(Evaluation.share(s.outputTriple.tp, s.outputTriple.fp, s.outputTriple.fp, s.outputTriple.fn) - e.pOut) < 1e-9, "\(s.id)")
        }
        let overall = Evaluation.summarize("overall", scores)
        // score.py: overall 4 | 0.729 1.000 0.843 | 0.990 1.000 0.995 | 1.000 0.988 0
        #expect(Evaluation.fixed(overall.input.f1, 3) == "0.843")
        #expect(Evaluation.fixed(overall.output.f1, 3) == "0.995")
        #expect(Evaluation.fixed(overall.boilerplateRemoved!, 3) == "0.988")
        #expect(overall.belowFloor == 0)
        let table = Evaluation.table(scores)
        #expect(table.contains("samples"))
        #expect(table.contains("synthetic"))
    }
}
