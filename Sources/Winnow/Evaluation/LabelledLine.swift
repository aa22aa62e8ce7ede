/// One labelled document of an evaluation file: a JSONL line with the page's text, the gold article body
/// and optionally an id and group fields (`{"id": "a-1", "source": "x", "text": "...", "gold": "..."}`).
/// Decoded with `JSONLField`, so reading it needs no JSON library.
public struct LabelledLine: Sendable, Equatable {
    /// The id field's value: a string unescaped, any other value as spelled (`42`); nil when missing or null.
    public var id: String?
    /// The text to clean and the gold body, unescaped UTF-8 (invalid bytes and lone surrogates kept).
    public var text: [UInt8]
    public var gold: [UInt8]
    /// One value per group field: a string unescaped, another value as spelled, `?` when missing or null.
    public var groups: [String]

    /// Decodes `line` (without its `\n`). The text and gold fields must be strings; the problem names the
    /// first that is not (or the line's broken JSON).
    public static func decode(_ line: UnsafeBufferPointer<UInt8>, textField: String = "text", goldField: String = "gold",
                              groupFields: [String] = [], idField: String = "id") -> Result<LabelledLine, JSONLLineProblem> {
        func string(_ name: String) -> Result<[UInt8], JSONLLineProblem> {
            switch JSONLField.locate(Array(name.utf8), in: line) {
            case .failure(let problem): return .failure(problem)
            case .success(let field):
                var out: [UInt8] = []
                out.reserveCapacity(field.valueRange.count)
                JSONLField.unescape(UnsafeBufferPointer(rebasing: line[field.valueRange]), into: &out)
                return .success(out)
            }
        }
        let text: [UInt8], gold: [UInt8]
        switch string(textField) {
        case .failure(let problem): return .failure(problem)
        case .success(let t): text = t
        }
        switch string(goldField) {
        case .failure(let problem): return .failure(problem)
        case .success(let g): gold = g
        }
        let id = JSONLField.valueText(idField, in: line)
        let groups = groupFields.map { JSONLField.valueText($0, in: line) ?? "?" }
        return .success(LabelledLine(id: id, text: text, gold: gold, groups: groups))
    }
}
