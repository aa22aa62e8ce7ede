/// The text of video players and photo galleries that a scraper reads out of a page: a player's messages
/// and settings ("This is a modal window.", "Text Edge Style None Raised Depressed Uniform Dropshadow"),
/// a gallery's controls and counters ("Back to Gallery", "Image 3 of 12"), and the captions of a slideshow
/// numbered "1/50 ...", "2/50 ...".
///
/// A line goes when the player's phrases cover at least half of it; a counter line ("Image 3 of 12") on its
/// own; a slideshow's captions when at least `slideRun` lines in a row are numbered one after the other
/// out of the same total of at least `slideTotal` (fewer could be a thread of posts numbered "1/5"); when the
/// counters stand over their captions and credits (up to `slideGap` lines each), `slideTotal` slides in a row, with
/// the lines between them where the slideshow interrupts an article (prose before it and right after it): a page
/// that is a gallery keeps its captions.
public struct MediaPlayerRule: Rule {
    public init() {}

    static let article = """
        The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier.
        Engineers found that winter storms had loosened more than forty of the wooden piles under the landing stage.
        """

    /// An article long enough for a slideshow in its middle to be an interruption (`articleBefore` words of prose).
    static let longArticle = """
        \(article)
        The county council approved the repairs in January, after a survey showed that the landing stage could no longer carry the weight of the new electric ferries.
        Work began in the first week of February, and the ferry company moved its crossings to the south pier for the six weeks that the engineers needed.
        The divers who inspected the piles said that most of the damage lay below the waterline, where the timber had been worn thin by decades of strong currents.
        Local businesses on the north shore said the closure had cost them customers, and the council has promised a small fund to help the shops that lost the most.
        The harbour master said the repairs had cost less than planned, because the divers found fewer rotten piles than expected.
        """

    /// Nine slides of a gallery, each a counter with a title over its caption and its photographer.
    static let nineSlides = """
        - 1/10 Fishing boats in the north harbour at dawn
        The first boats leave long before the ferry, when the water is still calm.
        Anna Berg
        - 2/10 The old pier before the storms
        The wooden landing stage stood for more than sixty years.
        Tom Lind
        - 3/10 Divers check the piles
        Two divers spent a week under the landing stage in cold water.
        Anna Berg
        - 4/10 A crane lifts the first pile
        The barge brought the crane over from the mainland in March.
        Eva Holm
        - 5/10 New planks for the deck
        Larch from the island's own forest was used for the deck.
        Tom Lind
        - 6/10 The ramp for wheelchairs
        The new ramp is wide enough for prams and bicycles too.
        Anna Berg
        - 7/10 Lamps along the railings
        Twenty new lamps light the pier from dusk until the last boat.
        Eva Holm
        - 8/10 The kiosk gets a new roof
        The ticket kiosk reopens in May with a roof of copper.
        Tom Lind
        - 9/10 The harbour master on the ramp
        She walked the length of the pier on the last day of the work.
        Anna Berg
        """

    /// What an article says after its slideshow (`articleAfter` words of prose).
    static let articleGoesOn = """
        Boats from the mainland will dock at the south pier until the work is finished, and the ferry company says that the timetable will not change for passengers on foot.
        Drivers are asked to book a place on the car deck at least a day before they travel.
        """

    public static let description = RuleDescription(
        id: "media-player",
        name: "Video player and gallery text",
        family: .furniture,
        summary: "Removes the messages and settings of video players and the controls, counters and slideshow captions of photo galleries.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl"],
        triggering: [
            // A player's control panel left as text, a line per control, under the player's label: three controls or more,
            // and the lines between them.
            RuleExample("The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier, the harbour board said.\nPlay Video\nSettings\nFull Screen\nVideo Quality\nAuto\nClosed Captions\nEnglish\nThe harbour master said the first crossings would run every forty minutes from early morning until late in the evening.\n",
                        expected: "The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier, the harbour board said.\nThe harbour master said the first crossings would run every forty minutes from early morning until late in the evening.\n"),
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
            // A player's caption style menu: its own phrases go, and with three controls or more on lines of their own
            // in a row, the items that are also ordinary words ("Video Quality") go with them (a review's subheadings
            // stand between paragraphs: see the non-triggering examples).
            RuleExample("""
                \(Self.article)
                Captions Off
                Video Quality
                Closed Captions
                Type Size
                Style Options
                Captions will look like this
                The harbour master said the first crossings would run every forty minutes.
                """, expected: """
                \(Self.article)
                The harbour master said the first crossings would run every forty minutes.
                """),
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
            // A slideshow whose counters stand over their captions and credits (up to three lines): ten slides or more,
            // and the lines between the counters go with them, and after the last one as many as the shortest slide has.
            RuleExample("""
                \(Self.longArticle)
                Harbour life in pictures
                \(Self.nineSlides)
                - 10/10 The first ferry comes in
                Hundreds of islanders waited on the quay to greet the boat.
                Eva Holm
                \(Self.articleGoesOn)
                """, expected: """
                \(Self.longArticle)
                Harbour life in pictures
                \(Self.articleGoesOn)
                """),
            // A page that is a gallery (a photo essay: a short introduction, then the pictures): the captions are its
            // text and stay; only the counters go.
            RuleExample("""
                The last ferrymen of the north shore
                For forty years the same three families have carried passengers across the sound. Our photographer spent a winter with them.
                1/10
                Olav Berg has crossed the sound more than forty thousand times since he took over the boat from his father.
                Photo: Tom Lind
                2/10
                His daughter Ingrid checks the engine every morning at five, before the first passengers arrive from the farms.
                Photo: Tom Lind
                3/10
                In January the ice forms along the shore, and the crew breaks it with poles before the boat can leave.
                Photo: Tom Lind
                4/10
                The ticket office is a wooden hut with a stove; schoolchildren wait inside it when the wind is too strong.
                Photo: Tom Lind
                5/10
                On Sundays the boat carries the priest to the church on the island, and the village walks down to meet him.
                Photo: Tom Lind
                6/10
                The families repaired the old hull themselves in the spring, working in the boathouse for eleven weeks.
                Photo: Tom Lind
                7/10
                A new road tunnel will open in three years, and the county says the ferry will stop running when it does.
                Photo: Tom Lind
                8/10
                Ingrid says she will look for work in the city, though she has never lived anywhere but the sound.
                Photo: Tom Lind
                9/10
                The last evening crossing leaves at nine; in summer the light lasts until the boat is back at the quay.
                Photo: Tom Lind
                10/10
                Olav says he will keep the boat and take visitors out in the summers, as long as his hands let him.
                Photo: Tom Lind
                """, expected: """
                The last ferrymen of the north shore
                For forty years the same three families have carried passengers across the sound. Our photographer spent a winter with them.
                Olav Berg has crossed the sound more than forty thousand times since he took over the boat from his father.
                His daughter Ingrid checks the engine every morning at five, before the first passengers arrive from the farms.
                In January the ice forms along the shore, and the crew breaks it with poles before the boat can leave.
                The ticket office is a wooden hut with a stove; schoolchildren wait inside it when the wind is too strong.
                On Sundays the boat carries the priest to the church on the island, and the village walks down to meet him.
                The families repaired the old hull themselves in the spring, working in the boathouse for eleven weeks.
                A new road tunnel will open in three years, and the county says the ferry will stop running when it does.
                Ingrid says she will look for work in the city, though she has never lived anywhere but the sound.
                The last evening crossing leaves at nine; in summer the light lasts until the boat is back at the quay.
                Olav says he will keep the boat and take visitors out in the summers, as long as his hands let him.

                """),
            // The last slide has no caption: the article's paragraphs after it are not taken for one.
            RuleExample("""
                \(Self.longArticle)
                \(Self.nineSlides)
                - 10/10 The first ferry comes in
                \(Self.articleGoesOn)
                """, expected: """
                \(Self.longArticle)
                \(Self.articleGoesOn)
                """),
            // Five counters in a row go as before; the run is not stretched over the article's line after it.
            RuleExample("""
                \(Self.article)
                - 1/12 Fishing boats at dawn
                - 2/12 The old pier
                - 3/12 Divers check the piles
                - 4/12 A crane lifts the first pile
                - 5/12 New planks for the deck
                The ramp for wheelchairs is wide enough for prams too.
                - 6/12 Lamps along the railings
                Boats leave every forty minutes.
                """, expected: """
                \(Self.article)
                The ramp for wheelchairs is wide enough for prams too.
                - 6/12 Lamps along the railings
                Boats leave every forty minutes.
                """),
            // The same with captions only: after the last caption the article goes on, with a subheading.
            RuleExample("""
                \(Self.longArticle)
                - 1/10 Fishing boats in the north harbour at dawn
                The first boats leave long before the ferry, when the water is still calm.
                - 2/10 The old pier before the storms
                The wooden landing stage stood for more than sixty years.
                - 3/10 Divers check the piles
                Two divers spent a week under the landing stage in cold water.
                - 4/10 A crane lifts the first pile
                The barge brought the crane over from the mainland in March.
                - 5/10 New planks for the deck
                Larch from the island's own forest was used for the deck.
                - 6/10 The ramp for wheelchairs
                The new ramp is wide enough for prams and bicycles too.
                - 7/10 Lamps along the railings
                Twenty new lamps light the pier from dusk until the last boat.
                - 8/10 The kiosk gets a new roof
                The ticket kiosk reopens in May with a roof of copper.
                - 9/10 The harbour master on the ramp
                She walked the length of the pier on the last day of the work.
                - 10/10 The first ferry comes in
                Hundreds of islanders waited on the quay to greet the boat.
                What changes for cyclists
                Bicycles travel free of charge on every crossing until the end of May, and the company has added racks for twenty bicycles on the upper deck of both ferries, so that commuters from the villages can ride to the pier and on to work.
                """, expected: """
                \(Self.longArticle)
                What changes for cyclists
                Bicycles travel free of charge on every crossing until the end of May, and the company has added racks for twenty bicycles on the upper deck of both ferries, so that commuters from the villages can ride to the pier and on to work.
                """),
        ],
        nonTriggering: [
            // A gadget review's list of features that are a player's controls' names, with no player in sight.
            RuleExample("""
                The new streaming stick for the islands' cable network plugs into the back of the television and costs less than a dinner for two.
                Key features
                4K HDR
                Closed Captions
                Playback Speed
                Autoplay
                The remote is the best part: it is small, and the subtitles have a button of their own.

                """),
            // A review's subheadings that are a player's controls' names, each over its paragraph.
            RuleExample("""
                The new streaming box for the islands' cable network arrived in time for the winter, and we tried it for a week.
                Video Quality
                Pictures are sharp on a large screen, although fast football matches still stutter now and then.
                Closed Captions
                Subtitles can be switched on with one button, and the letters are large enough to read from the sofa.
                Type Size
                Three sizes are offered, and the largest one covers a fifth of the screen.

                """),
            // Two of the controls' names in the article's own list are no player's panel.
            RuleExample("The island's new hearing-aid remote is simple enough for anyone, the clinic says. It has three buttons:\nMute\nVolume\nPower\nPatients can borrow one at the clinic from Monday.\n"),
            // A subheading between two of the article's paragraphs: "video" is half of it.
            RuleExample("Children on the islands spend almost four hours a day in front of screens, the school nurses found.\nVideo games\nBoys spend twice as much time gaming as girls, most of it on consoles in their bedrooms after school.\n"),
            // A photo essay whose captions share the counters' lines, each over the picture's place: its whole text.
            RuleExample("""
                The last ferrymen of the north shore
                For forty years the same three families have carried passengers across the sound.
                1/10 Olav Berg has crossed the sound more than forty thousand times since he took over the boat.
                North pier, January
                2/10 His daughter Ingrid checks the engine every morning at five, before the first passengers arrive.
                The engine room
                3/10 In January the ice forms along the shore, and the crew breaks it with poles before the boat can leave.
                The north shore
                4/10 The ticket office is a wooden hut with a stove; schoolchildren wait inside it when the wind is strong.
                The ticket office
                5/10 On Sundays the boat carries the priest to the church on the island, and the village walks down to meet him.
                The island church
                6/10 The families repaired the old hull themselves in the spring, working in the boathouse for eleven weeks.
                The boathouse
                7/10 A new road tunnel will open in three years, and the county says the ferry will stop running when it does.
                The sound at dusk
                8/10 Ingrid says she will look for work in the city, though she has never lived anywhere but the sound.
                The quay
                9/10 The last evening crossing leaves at nine; in summer the light lasts until the boat is back at the quay.
                The last crossing
                10/10 Olav says he will keep the boat and take visitors out in the summers, as long as his hands let him.
                The north pier
                """),
            // Words of a player's menu as a review's subheading and in a sentence.
            RuleExample("Video quality\nThe phone records 4K video at sixty frames a second, and the stabiliser keeps it steady on a moving ferry.\n"),
            RuleExample("Closed captions are now required on every video the council publishes.\n"),
            RuleExample("""
                The new player opens in a modal window, and the harbour's video of the repairs plays with captions in three languages.
                """),
            // Six posts of a thread numbered out of twelve, quoted with the reporter's words between them: fewer than
            // ten slides.
            RuleExample("""
                The harbour master wrote on Friday:
                1/12 The pier reopens on Monday.
                She thanked the crews who worked through the night.
                2/12 Boats run every forty minutes.
                The timetable is the same as before the storms.
                3/12 Bicycles travel free of charge.
                4/12 Cars must be booked a day ahead.
                Bookings open on Saturday at the kiosk.
                5/12 The kiosk opens in May.
                6/12 Season tickets stay valid.
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
            RuleExample("The ferry company says the closed captions on its safety video will be ready in three languages by May.\n"),
        ],
        enabledByDefault: true)

    /// (Not the caption menu's items that are also ordinary words, "Video quality", "Closed captions", "Type size",
    /// "Style options": a line made of one is a review's subheading as often as a menu's item.)
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
        "you can skip this ad in",
        // A label left where a video was embedded ("VIDEO"), and its controls
        "video", "videos", "play video", "watch video", "watch the video", "vidéo", "vídeo", "reset defaults done",
        // Galleries
        "back to gallery", "view gallery", "launch gallery", "open gallery", "enlarge this image", "click to enlarge",
        "hide caption", "show caption", "previous slide", "next slide", "view slideshow",
        // A player's caption style menu
        "captions will look like this", "captions off",
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
    /// A slide's counter may stand over up to this many lines (a caption, a credit).
    static let slideGap = 3

    /// A slideshow interrupts an article when at least `articleBefore` words of prose come before it and at least
    /// `articleAfter` within the `afterLines` lines after it.
    static let articleBefore = 150
    static let articleAfter = 40
    static let afterLines = 10

    /// Prose as the article body counts it (`ArticleBody.kind`): its words, or 0 for any other line.
    static func proseWords(_ block: Block) -> Int {
        ArticleBody.kind(block, menu: false) == .body ? ArticleBody.proseWords(block) : 0
    }

    /// The counter of a slideshow line ("3/10", "- 3/10 Title"), if it has one.
    @inline(__always)
    static func slideCounter(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Range<Int>? {
        block.digits >= 2 ? slideNumber(p, block)?.2 : nil
    }

    static func interruptsArticle(_ blocks: [Block], _ first: Int, _ end: Int) -> Bool {
        var before = 0, i = 0
        while i < first && before < articleBefore { before += proseWords(blocks[i]); i += 1 }
        guard before >= articleBefore else { return false }
        var after = 0, seen = 0
        i = end
        while i < blocks.count && seen < afterLines && after < articleAfter {
            if !blocks[i].isBlank { seen += 1; after += proseWords(blocks[i]) }
            i += 1
        }
        return after >= articleAfter
    }

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
        // Slideshow captions ("12/50 The first pile ..."): runs of numbered lines, then each run's lines. A counter may
        // stand on its own line over its caption and credit (up to `slideGap` lines); then the run needs `slideTotal`
        // slides, and the lines between its counters go, and after the last one as many lines as the shortest slide has.
        var runStart = -1, runLength = 0, lastNumber = 0, total = 0, lastCounter = -1
        var gap = 0, minGap = Int.max, maxGap = 0
        var runs: [(first: Int, last: Int, gapped: Bool, after: Int)] = []
        func close() {
            guard runLength >= MediaPlayerRule.slideRun && total >= MediaPlayerRule.slideTotal else { return }
            let gapped = maxGap > 0
            if gapped && runLength < MediaPlayerRule.slideTotal { return }
            runs.append((runStart, lastCounter, gapped, gapped ? minGap : 0))
        }
        for i in blocks.indices {
            if blocks[i].isBlank { continue }
            if blocks[i].digits >= 2, let (k, n, _) = MediaPlayerRule.slideNumber(p, blocks[i]) {
                // A run of counters in a row that already counts is not stretched over a gap: it goes as it is.
                let inRow = runLength >= MediaPlayerRule.slideRun && maxGap == 0 && gap > 0
                if runLength > 0 && n == total && k == lastNumber + 1 && !inRow {
                    runLength += 1
                    minGap = min(minGap, gap)
                    maxGap = max(maxGap, gap)
                } else {
                    close()
                    runStart = i
                    runLength = 1
                    minGap = Int.max
                    maxGap = 0
                }
                lastNumber = k
                total = n
                lastCounter = i
                gap = 0
            } else if runLength > 0 {
                gap += 1
                if gap > MediaPlayerRule.slideGap { close(); runLength = 0 }
            }
        }
        if runLength > 0 { close() }
        next = 0
        for run in runs {
            // The last slide's caption: the shortest slide's number of lines after its counter (not another counter).
            // ... and no longer than the run's longest caption line (the article's next paragraph is not the last
            // slide's caption when that slide has none).
            var longest = 0
            if run.after > 0 {
                for i in run.first...run.last where !blocks[i].isBlank
                    && MediaPlayerRule.slideCounter(p, blocks[i]) == nil {
                    longest = max(longest, blocks[i].words)
                }
            }
            var end = run.last + 1
            var taken = 0
            while end < blocks.count && taken < run.after {
                if !blocks[end].isBlank {
                    if MediaPlayerRule.slideCounter(p, blocks[end]) != nil { break }
                    if blocks[end].words > longest { break }
                    taken += 1
                }
                end += 1
            }
            // Captions under counters that stand alone go only where the slideshow interrupts an article that
            // goes on after it (a gallery of other stories in the middle of a page); a page that is a gallery (a
            // photo essay: a short introduction, then the pictures with their captions) keeps its captions, and
            // only the counters go.
            let captionsGo = run.gapped && MediaPlayerRule.interruptsArticle(blocks, run.first, end)
            for i in run.first..<end where !blocks[i].isBlank {
                let counter = MediaPlayerRule.slideCounter(p, blocks[i])
                guard counter != nil || captionsGo else { continue }
                // A counter that shares its line with a caption ("3/10 Olav Berg has crossed ...") keeps the line
                // where the captions stay.
                if run.gapped && !captionsGo && blocks[i].words > 4 { continue }
                while next < byPhrase.count && byPhrase[next] < i { next += 1 }
                if next < byPhrase.count && byPhrase[next] == i { continue }
                if let counter {
                    findings.append(Finding(block: i, strength: .definite, evidence: .identifiers([(kind: "slideshow counter", range: counter)])))
                } else {
                    findings.append(Finding(block: i, strength: .definite, evidence: .identifiers([(kind: "slideshow caption", range: blocks[i].trimmed)])))
                }
            }
        }
        // A player's control panel, line by line ("Settings", "Full Screen", "Closed Captions", "Type Size", ...).
        MediaPlayerRule.panels(context, into: &findings, from: start)
    }

    static let policy = PhrasePolicy(minCoverage: 0.5, maxWordsForCoverage: 30)

    /// A player's controls and caption settings, each a line of its own: names only a video player shows together.
    static let controls = playerOnlyNames + opacityNames + ordinaryNames + edgeStyleNames
    /// Names only a player shows.
    static let playerOnlyNames: [StaticString] = [
        "closed captions", "video quality", "full screen", "fullscreen", "exit full screen", "autoplay", "skip ad",
        "playback speed", "playback rate", "type size", "font size", "font family", "style options", "text edge style",
        "caption settings", "closed caption settings", "picture-in-picture", "picture in picture", "subtitles/cc",
    ]
    /// A caption menu's opacities, which only it lists.
    static let opacityNames: [StaticString] = ["100% (opaque)", "75% (transparency)", "50% (transparency)", "25% (transparency)", "0% (transparent)"]
    /// Names that are also ordinary words (a remote's buttons, a list of features).
    static let ordinaryNames: [StaticString] = ["captions", "subtitles", "quality", "mute", "unmute", "chapters", "descriptions", "volume", "replay", "embed"]
    /// Caption edge styles: a panel's only with another control.
    static let edgeStyleNames: [StaticString] = ["plain", "shadow", "raised", "lowered", "outline", "depressed", "uniform", "drop shadow", "dropshadow"]
    /// Where the opacities begin in `controls`; before them, the names only a player shows.
    static let transparencyControls = playerOnlyNames.count
    /// `controls` before this index only a player shows (names and opacities).
    static let playerOnly = playerOnlyNames.count + opacityNames.count
    /// Where the caption edge styles begin in `controls`.
    static let styleControls = controls.count - edgeStyleNames.count
    /// Lines of a panel's edges that go with it: its title and a last value.
    static let edgeWords: [StaticString] = ["settings", "english", "auto", "off", "close", "done", "back", "×", "aa", "a"]
    /// Distinct controls that make a run of short lines a player's panel.
    static let panelControls = 3
    /// Lines of one or two words before a panel's first control and after its last that go with it.
    static let panelEdge = 2
    /// Short lines between two controls of one panel (a list of fonts, opacities).
    static let panelGap = 30

    /// The trimmed line without a leading bullet ("+ Bottom", "- Chapters").
    static func bare(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Range<Int> {
        var r = block.trimmed
        let n = ListMarkupRule.bulletLength(p, r.lowerBound, r.upperBound)
        if n > 0 || (r.count > 2 && p[r.lowerBound] == 0x2B && p[r.lowerBound + 1] == 0x20) {
            r = (r.lowerBound + max(n, 1))..<r.upperBound
            while !r.isEmpty && Bytes.isSpace(p[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        }
        return r
    }

    /// `controls` by their length in bytes: most lines are no control, and their length says so at once.
    static let controlsByLength: [[Int]] = {
        var table = [[Int]](repeating: [], count: 33)
        for (k, c) in controls.enumerated() where c.utf8CodeUnitCount < table.count { table[c.utf8CodeUnitCount].append(k) }
        return table
    }()

    /// Whether some control has this length and first byte (small letter): `controlStarts[length * 256 + byte]`.
    static let controlStarts: [Bool] = {
        var table = [Bool](repeating: false, count: controlsByLength.count * 256)
        for c in controls where c.utf8CodeUnitCount < controlsByLength.count {
            table[c.utf8CodeUnitCount * 256 + Int(c.utf8Start[0])] = true
        }
        return table
    }()

    /// Which of `controls` the range is, whole (letters compared without case), if any.
    static func control(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count < controlsByLength.count else { return nil }
        let first = p[r.lowerBound]
        guard controlStarts[r.count * 256 + Int(Bytes.isASCIILetter(first) ? first | 0x20 : first)] else { return nil }
        for k in controlsByLength[r.count] where Bytes.hasPrefix(p, r.lowerBound, r.upperBound, controls[k]) { return k }
        return nil
    }

    /// Runs of short lines that hold `panelControls` or more distinct controls (`controls`), each within `panelGap`
    /// short lines of the next: a video player's control panel or caption settings, left in the page as text. The lines
    /// from the first control to the last go, but for those that read as sentences.
    static func panels(_ context: DetectionContext, into findings: inout [Finding], from start: Int) {
        let p = context.bytes, blocks = context.blocks
        // The lines the rule's other passes took, found only once a control is (most pages have none).
        var takenLines: Set<Int>? = nil
        func taken() -> Set<Int> {
            if let takenLines { return takenLines }
            let lines = Set(findings[start...].map(\.block))
            takenLines = lines
            return lines
        }
        var i = 0
        while i < blocks.count {
            guard !blocks[i].isBlank, blocks[i].words <= 4, blocks[i].trimmed.count <= controlsByLength.count + 4,
                  let c = control(p, bare(p, blocks[i])) else { i += 1; continue }
            var seen: [Int] = [c]
            var last = i, gap = 0, j = i + 1
            while j < blocks.count && gap <= panelGap {
                let b = blocks[j]
                // Blank lines, and the panel's lines the phrases took ("Captions will look like this"), are looked through.
                if b.isBlank || taken().contains(j) { j += 1; continue }
                guard b.words <= 4, !b.endsLikeSentence else { break }
                let r = bare(p, b)
                if let k = control(p, r) {
                    if !seen.contains(k) { seen.append(k) }
                    last = j; gap = 0
                } else {
                    gap += 1
                }
                j += 1
            }
            // A player's for sure: a line its phrases took ("Captions will look like this", "Play Video") in the run or next
            // to it, or three names only a player shows with a caption opacity among them ("75% (transparency)"); and not a
            // list the article introduces ("The main buttons are now:"). A list of a gadget's features ("Closed Captions",
            // "Playback Speed", "Autoplay") has neither.
            let near = max(0, i - panelEdge)...min(blocks.count - 1, last + panelEdge)
            let player = near.contains { taken().contains($0) }
                || (seen.filter { $0 < playerOnly }.count >= panelControls && seen.contains { $0 >= transparencyControls && $0 < playerOnly })
            var lead = i - 1
            while lead >= 0 && blocks[lead].isBlank { lead -= 1 }
            let introduced = lead >= 0 && context.introducesList(blocks[lead])
            if seen.count >= panelControls && seen.contains(where: { $0 < styleControls }) && player && !introduced {
                // The panel's title and last value ("Settings", "English"): up to `panelEdge` lines right before its first
                // control and after its last that are such words.
                var first = i, end = last
                func edge(_ k: Int) -> Bool {
                    let r = bare(p, blocks[k])
                    return !blocks[k].isBlank && edgeWords.contains { $0.utf8CodeUnitCount == r.count && Bytes.hasPrefix(p, r.lowerBound, r.upperBound, $0) }
                }
                while first > 0 && i - first < panelEdge && edge(first - 1) { first -= 1 }
                while end + 1 < blocks.count && end - last < panelEdge && edge(end + 1) { end += 1 }
                for k in first...end where !blocks[k].isBlank && !blocks[k].endsLikeSentence && !taken().contains(k) {
                    findings.append(Finding(block: k, strength: .definite, evidence: .identifiers([(kind: "player control", range: blocks[k].trimmed)])))
                }
                i = end + 1
            } else {
                i += 1
            }
        }
    }

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
