/// The text of video players and photo galleries that a scraper reads out of a page: a player's messages
/// and settings ("This is a modal window.", "Text Edge Style None Raised Depressed Uniform Dropshadow"),
/// a gallery's controls and counters ("Back to Gallery", "Image 3 of 12"), and the captions of a slideshow
/// numbered "1/50 ...", "2/50 ...".
///
/// A line goes when the player's phrases cover at least half of it; a counter line ("Image 3 of 12") on its
/// own; a slideshow's captions when at least `slideRun` lines in a row are numbered one after the other
/// out of the same total of at least `slideTotal` (fewer could be a thread of posts numbered "1/5").
public struct MediaPlayerRule: Rule {
    public init() {}

    static let article = """
        The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier.
        Engineers found that winter storms had loosened more than forty of the wooden piles under the landing stage.
        """

    public static let description = RuleDescription(
        id: "media-player",
        name: "Video player and gallery text",
        family: .furniture,
        summary: "Removes the messages and settings of video players and the controls, counters and slideshow captions of photo galleries.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl"],
        triggering: [
            RuleExample("""
                \(Self.article)
                This is a modal window.
                Beginning of dialog window. Escape will cancel and close the window.
                Text Edge Style None Raised Depressed Uniform Dropshadow
                The harbour master said the first crossings would run every forty minutes.
                """, expected: """
                \(Self.article)
                The harbour master said the first crossings would run every forty minutes.
                """),
            RuleExample("""
                \(Self.article)
                Image 1 of 9
                Back to Gallery
                The harbour master said the first crossings would run every forty minutes.
                """, expected: """
                \(Self.article)
                The harbour master said the first crossings would run every forty minutes.
                """),
            RuleExample("""
                \(Self.article)
                Harbour life in pictures
                - 1/12 Fishing boats in the north harbour at dawn
                - 2/12 The old pier before the storms
                - 3/12 Divers check the piles under the landing stage
                - 4/12 A crane lifts the first new pile into place
                - 5/12 The harbour master on the finished ramp
                The harbour master said the first crossings would run every forty minutes.
                """, expected: """
                \(Self.article)
                Harbour life in pictures
                The harbour master said the first crossings would run every forty minutes.
                """),
            RuleExample("Der Anleger öffnet am Montag.\nBild 2 von 14\nZurück zur Galerie\n", expected: "Der Anleger öffnet am Montag.\n"),
            // The label of a video embedded in the article goes; it does not start the page's tail: what follows
            // (a box of ticket prices) is the article's.
            RuleExample("""
                \(PageFurnitureRule.article)
                VIDEO
                Ticket prices
                Adults: 5 euros
                Children: free
                """, expected: """
                \(PageFurnitureRule.article)
                Ticket prices
                Adults: 5 euros
                Children: free
                """),
        ],
        nonTriggering: [
            RuleExample("""
                The new player opens in a modal window, and the harbour's video of the repairs plays with captions in three languages.
                """),
            // A thread of five numbered posts quoted in an article.
            RuleExample("""
                The harbour master wrote on Friday:
                1/5 The pier reopens on Monday.
                2/5 Boats run every forty minutes.
                3/5 Bicycles travel free of charge.
                4/5 Cars must be booked a day ahead.
                5/5 Thank you for your patience.
                """),
            RuleExample("Mix 2/3 of the flour with the sugar.\nImage of the week: the new pier at dawn\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = MediaPlayerRule.phrases.map { Cue($0, .strong) }

    /// Messages, settings and controls of video players (their default texts) and photo galleries.
    static let phrases: [String] = [
        // Video players
        "this is a modal window", "this modal can be closed by pressing the escape key", "beginning of dialog window",
        "end of dialog window", "escape will cancel and close the window", "close modal dialog",
        "no compatible source was found for this media", "the media could not be loaded", "video player is loading",
        "the media playback was aborted", "a network error caused the media download to fail",
        "captions settings, opens captions settings dialog", "subtitles settings, opens subtitles settings dialog",
        "descriptions settings, opens descriptions settings dialog", "descriptions off, selected", "captions off, selected",
        "subtitles off, selected", "default, selected", "reset restore all settings to the default values",
        "text edge style", "none raised depressed uniform dropshadow", "font family", "default monospace serif",
        "proportional serif monospace sans-serif proportional sans-serif casual script small caps",
        "white black red green blue yellow magenta cyan", "opaque semi-transparent transparent", "opaque semi-opaque",
        "50% 75% 100% 125% 150% 175% 200% 300% 400%", "stream type live", "seek to live, currently playing live",
        "seek to live, currently behind live", "playback rate", "current time 0:00", "remaining time -0:00",
        "remaining time - 0:00", "duration 0:00", "loaded: 0%", "progress: 0%", "closed caption settings",
        "captions not available", "your browser does not support the video tag", "your browser does not support html5 video",
        "press shift question mark to access a list of keyboard shortcuts", "autoplay is paused",
        // A label left where a video was embedded ("VIDEO"), and its controls
        "video", "videos", "play video", "watch video", "watch the video", "vidéo", "vídeo", "reset defaults done",
        // Galleries
        "back to gallery", "view gallery", "launch gallery", "open gallery", "enlarge this image", "click to enlarge",
        "hide caption", "show caption", "previous slide", "next slide", "view slideshow",
        "zurück zur galerie", "zur bildergalerie", "voir la galerie", "retour à la galerie", "ver galería", "volver a la galería",
        "vedi la gallery", "ver galeria", "terug naar galerij",
    ]

    /// Words before a gallery's counter ("Image 3 of 12"), lower case.
    static let counterLabels: [StaticString] = ["image ", "photo ", "picture ", "slide ", "bild ", "foto ", "imagen ", "immagine ", "diapositiva "]
    /// Words between its numbers.
    static let counterOf: [StaticString] = ["of ", "von ", "de ", "di ", "sur ", "van "]

    /// Slideshow captions: this many in a row at least...
    static let slideRun = 5
    /// ...out of a total of at least this many.
    static let slideTotal = 10

    /// Such lines stand between an article's paragraphs too: they do not start the page's tail.
    public func startsPageTail(_ evidence: Finding.Evidence?) -> Bool { false }

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let start = findings.count
        MediaPlayerRule.policy.detect(context, cues: cues, into: &findings)
        // Lines the phrases removed, in order: the passes below walk them alongside.
        let byPhrase = findings[start...].map(\.block)
        let blocks = context.blocks
        let p = context.bytes
        // Counter lines ("Image 3 of 12").
        var next = 0
        // Lines are read by index, field by field: copying each `Block` out of the array costs more than the tests.
        for i in blocks.indices where blocks[i].words >= 4 && blocks[i].words <= 5 && blocks[i].digits >= 2
            && MediaPlayerRule.isCounterLine(p, blocks[i]) {
            let block = blocks[i]
            while next < byPhrase.count && byPhrase[next] < i { next += 1 }
            if next < byPhrase.count && byPhrase[next] == i { continue }
            findings.append(Finding(block: i, strength: .definite, evidence: .identifiers([(kind: "gallery counter", range: block.trimmed)])))
        }
        // Slideshow captions ("12/50 The first pile ..."): runs of numbered lines, then each run's lines.
        var runStart = -1, runLength = 0, lastNumber = 0, total = 0
        var runs: [(first: Int, last: Int)] = []
        for i in blocks.indices {
            if blocks[i].isBlank { continue }
            var numbered = false
            if blocks[i].digits >= 2, let (k, n, _) = MediaPlayerRule.slideNumber(p, blocks[i]) {
                numbered = true
                if runLength > 0 && n == total && k == lastNumber + 1 {
                    runLength += 1
                } else {
                    if runLength >= MediaPlayerRule.slideRun && total >= MediaPlayerRule.slideTotal { runs.append((runStart, i - 1)) }
                    runStart = i
                    runLength = 1
                }
                lastNumber = k
                total = n
            }
            if !numbered && runLength > 0 {
                if runLength >= MediaPlayerRule.slideRun && total >= MediaPlayerRule.slideTotal { runs.append((runStart, i - 1)) }
                runLength = 0
            }
        }
        if runLength >= MediaPlayerRule.slideRun && total >= MediaPlayerRule.slideTotal { runs.append((runStart, blocks.count - 1)) }
        next = 0
        for run in runs {
            for i in run.first...run.last where !blocks[i].isBlank {
                guard let (_, _, counter) = MediaPlayerRule.slideNumber(p, blocks[i]) else { continue }
                while next < byPhrase.count && byPhrase[next] < i { next += 1 }
                if next < byPhrase.count && byPhrase[next] == i { continue }
                findings.append(Finding(block: i, strength: .definite, evidence: .identifiers([(kind: "slideshow counter", range: counter)])))
            }
        }
    }

    static let policy = PhrasePolicy(minCoverage: 0.5, maxWordsForCoverage: 30)

    /// "k/N" or "k / N" at the start of the line (after a bullet), followed by the end or a space: k, N and
    /// where the counter is.
    static func slideNumber(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> (Int, Int, Range<Int>)? {
        var i = block.trimmed.lowerBound
        let end = block.trimmed.upperBound
        let bullet = ListMarkupRule.bulletLength(p, i, end)
        if bullet > 0 { i += bullet; while i < end && p[i] == 0x20 { i += 1 } }
        let start = i
        guard let (k, afterK) = number(p, i, end), k >= 1 else { return nil }
        i = afterK
        while i < end && p[i] == 0x20 { i += 1 }
        guard i < end && p[i] == 0x2F else { return nil }
        i += 1
        while i < end && p[i] == 0x20 { i += 1 }
        guard let (n, afterN) = number(p, i, end), k <= n else { return nil }
        guard afterN == end || p[afterN] == 0x20 else { return nil }
        return (k, n, start..<afterN)
    }

    /// A label, a number, "of" and a number, and nothing else: "Image 3 of 12", "Bild 2 von 14".
    static func isCounterLine(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        var i = block.trimmed.lowerBound
        let end = block.trimmed.upperBound
        guard let label = counterLabels.first(where: { Bytes.hasPrefix(p, i, end, $0) }) else { return false }
        i += label.utf8CodeUnitCount
        guard let (k, afterK) = number(p, i, end), afterK < end, p[afterK] == 0x20 else { return false }
        i = afterK + 1
        guard let of = counterOf.first(where: { Bytes.hasPrefix(p, i, end, $0) }) else { return false }
        i += of.utf8CodeUnitCount
        guard let (n, afterN) = number(p, i, end), afterN == end else { return false }
        return k >= 1 && k <= n
    }

    /// Up to four digits at `i`: their value and where they end.
    static func number(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Int, Int)? {
        var j = i, value = 0
        while j < end && j - i < 5 && Bytes.isDigit(p[j]) { value = value * 10 + Int(p[j] - 0x30); j += 1 }
        guard j > i, j - i <= 4 else { return nil }
        return (value, j)
    }
}
