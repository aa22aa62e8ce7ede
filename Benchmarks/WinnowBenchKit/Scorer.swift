import Winnow

/// Scores cleaned output against the generator: JSONL output files (any cleaner that keeps `id` and
/// writes the cleaned `text`), or the library's output in process.
public struct Scorer {
    public let generator: CorpusGenerator
    public var bullet: [UInt8]

    public init(generator: CorpusGenerator, bullet: String = "- ") {
        self.generator = generator
        self.bullet = Array(bullet.utf8)
    }

    /// Lines of an output file that could not be scored (no `id` of this corpus, or no string `text`).
    public struct FileScore: Sendable {
        public var tally = QualityTally()
        public var unmatchedLines = 0
    }

    /// Scores every line of a JSONL output file by regenerating the document its `id` names.
    public func score(outputPath: String) throws -> FileScore {
        var score = FileScore()
        let idField = Array("id".utf8), textField = Array("text".utf8)
        var doc = GeneratedDocument()
        var idBytes: [UInt8] = [], text: [UInt8] = []
        try forEachLine(ofFile: outputPath) { line in
            guard !line.isEmpty else { return }
            guard case .success(let id) = JSONLField.locate(idField, in: line),
                  case .success(let t) = JSONLField.locate(textField, in: line) else { score.unmatchedLines += 1; return }
            idBytes.removeAll(keepingCapacity: true)
            JSONLField.unescape(UnsafeBufferPointer(rebasing: line[id.valueRange]), into: &idBytes)
            guard let index = generator.index(fromID: idBytes) else { score.unmatchedLines += 1; return }
            generator.generate(index, into: &doc)
            text.removeAll(keepingCapacity: true)
            JSONLField.unescape(UnsafeBufferPointer(rebasing: line[t.valueRange]), into: &text)
            score.tally.add(doc, output: text, bullet: bullet)
        }
        return score
    }

    /// Scores the library's output for the first `documents` documents, generated in memory.
    public func scoreLibrary(_ cleaner: Cleaner, documents: Int) -> QualityTally {
        var tally = QualityTally()
        var doc = GeneratedDocument()
        for i in 0..<documents {
            generator.generate(i, into: &doc)
            tally.add(doc, output: cleaner.clean(doc.text).bytes, bullet: Array(cleaner.configuration.bullet.utf8))
        }
        return tally
    }
}
