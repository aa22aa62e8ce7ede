/// Raw HTML left in scraped text: a line made of tags (a tracking pixel's `<img ...>`, an ad's
/// `<div><a href=...>`, `<script>` code) with almost no text outside them.
///
/// A line goes when it begins with a tag of HTML (a known element name after `<` or `</`, then a space,
/// `>` or `/`), its tags are closed, and at most `maxTextOutside` letters or digits stand outside them. A
/// title in angle brackets ("<The Palace>") or prose about a tag ("<img> elements load lazily") stays.
public struct MarkupResidueRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "markup-residue",
        name: "HTML markup residue",
        family: .furniture,
        summary: "Removes lines of raw HTML tags (tracking pixels, ad and embed code) with almost no text outside the tags.",
        languages: [],
        triggering: [
            RuleExample("""
                The pier reopens on Monday.
                <img src="https://pixel.example/p.gif" width="1" height="1" alt="">
                <div style="position:absolute;"><a href="https://ads.example/click?id=7"><img src="/ad.gif" border="0"></a></div>
                The first crossing leaves at six.
                """, expected: """
                The pier reopens on Monday.
                The first crossing leaves at six.
                """),
            RuleExample("The pier reopens on Monday.\n</div></div>\n<script type=\"text/javascript\">var x = 1;</script>\n",
                        expected: "The pier reopens on Monday.\n"),
        ],
        nonTriggering: [
            RuleExample("<The Palace: Tale of the Harbour>\nA new show opens at the town theatre on Friday.\n"),
            RuleExample("<img> elements with a loading attribute are fetched only when they come into view.\n"),
            RuleExample("<p>The pier reopens on Monday, and the first crossing leaves at six in the morning.</p>\n"),
            RuleExample("Use a <div> for the box and a <span> for the label.\n"),
        ],
        enabledByDefault: true)

    /// Letters and digits outside the tags that a line of markup may still have ("&nbsp;", a stray "x").
    static let maxTextOutside = 3

    /// Element names that open a line of markup residue.
    static let elements: [StaticString] = [
        "div", "img", "a", "script", "noscript", "iframe", "span", "p", "style", "link", "meta", "ins", "input",
        "br", "table", "td", "tr", "tbody", "ul", "li", "object", "embed", "source", "video", "audio", "svg", "path",
        "button", "form", "section", "article", "figure", "picture", "center", "font", "b", "i", "strong", "em",
    ]

    /// Such lines stand between an article's paragraphs too: they do not start the page's tail.
    public func startsPageTail(_ evidence: Finding.Evidence?) -> Bool { false }

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let p = context.bytes
        for (i, block) in context.blocks.enumerated() where !block.isBlank && p[block.trimmed.lowerBound] == 0x3C {
            if MarkupResidueRule.isMarkup(p, block.trimmed) {
                findings.append(Finding(block: i, strength: .definite, evidence: .identifiers([(kind: "HTML", range: block.trimmed)])))
            }
        }
    }

    /// Whether `r` (starting with `<`) is made of tags with at most `maxTextOutside` letters or digits
    /// between them.
    static func isMarkup(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound + 1
        if i < r.upperBound && p[i] == 0x2F { i += 1 }
        guard elements.contains(where: { isElement(p, i, r.upperBound, $0) }) else { return false }
        let code = isScriptBody(p, r)
        // Walk the line: inside a tag until its `>` (quoted attribute values may hold `>`), outside count text.
        var outside = 0
        var k = r.lowerBound
        var inTag = false
        var quote: UInt8 = 0
        var tags = 0
        while k < r.upperBound {
            let b = p[k]
            if inTag {
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == 0x22 || b == 0x27 {
                    quote = b
                } else if b == 0x3E {
                    inTag = false
                    tags += 1
                }
            } else if b == 0x3C && k + 1 < r.upperBound && (Bytes.isASCIILetter(p[k + 1]) || p[k + 1] == 0x2F || p[k + 1] == 0x21) {
                inTag = true
            } else if b < 0x80 ? Bytes.isASCIIAlnum(b) : (b >= 0xC0 && Bytes.isWordByte(p, k)) {
                outside += 1
                if outside > maxTextOutside && !code { return false }
            }
            k += 1
        }
        return !inTag && tags > 0
    }

    /// A `<script>` or `<style>` element: its code counts as markup.
    static func isScriptBody(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        isElement(p, r.lowerBound + 1, r.upperBound, "script") || isElement(p, r.lowerBound + 1, r.upperBound, "style")
    }

    /// `name` at `i`, followed by a space, `>` or `/`.
    static func isElement(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        guard Bytes.hasPrefix(p, i, end, name), i + n < end else { return false }
        let c = p[i + n]
        return c == 0x20 || c == 0x3E || c == 0x2F || c == 0x09
    }
}
