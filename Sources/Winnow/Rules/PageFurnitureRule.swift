/// Page furniture in whole-page text: navigation menus, "Skip to content", language pickers and
/// runs of short lines before and after the article. A page with fewer than 40 words of body text is
/// left alone.
///
/// The article body is found from structure alone (`ArticleBody`: the run of lines with the highest
/// length-and-form score). Before and after
/// it, from the menu item nearest to the body outwards (also from the nearest link list: six or more short
/// bulleted items, menu words or not, or before the body fifteen bulleted headlines of up to 12 words; after the body
/// only a nested one), lines that do not read as sentences go; lines
/// that read as sentences stay (but for two or more alone among lines that are not sentences deep in the header: a
/// mega-menu's blurbs), and so does everything between the body and that menu item. Inside the
/// body, only runs of three or more short lines, most of them menu items ("Home", "News", "Contact us"), go.
/// After the body, beyond the first menu or removed block, every line but prose of the body's kind goes
/// (teaser headlines, captions, bylines of other stories), and so do sentences that stand alone between
/// such lines (teaser blurbs); see `Resolver`.
public struct PageFurnitureRule: Rule {
    public init() {}

    public var usesLayout: Bool { true }

    /// A line of tags is no start of the page's tail: an article may go on after it.
    public func startsPageTail(_ evidence: Finding.Evidence?) -> Bool {
        if case .layout(.tags, _) = evidence { return false }
        return true
    }

    /// Lines of an article after a removed line in the examples: a long one that is no sentence, and a sentence.
    static let timetable = "The new timetable in full – 24 crossings a day, the first at six and the last just before midnight, every forty minutes"
    static let kiosk = "The kiosk on the quay reopens in May."

    /// Headlines of a news widget in the examples (no sentences).
    static let widgetHeadlines = """
        Lighthouse keeper retires after thirty years on the rock
        School choir wins the regional final in the town hall
        Storm damage closes the coast road for a week
        Island bakery reports its best summer in a decade
        Fishing fleet lands a record catch of mackerel
        Council approves a second pier for the south harbour
        Museum reopens its boat shed to visitors
        """

    /// The article of the examples (three sentences of prose: the body).
    static let article = """
        The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier.
        Engineers found that winter storms had loosened more than forty of the wooden piles under the landing stage.
        The harbour master said the first crossings would run every forty minutes from early morning.
        """

    public static let description = RuleDescription(
        id: "page-furniture",
        name: "Page furniture",
        family: .furniture,
        summary: "Removes navigation menus and short non-sentence lines before and after the article body.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "fi", "ru", "zh", "ja", "ko"],
        triggering: [
            // A post's own title stands between the blog's name and its previous/next links: the menu goes, the
            // title stays (with "Previous Post" and "Next Post" as menu items it was taken for part of the menu).
            RuleExample("""
                * News
                * Sport
                * Culture
                * Travel
                * Weather
                Search
                Home
                The Harbour Blog
                The new ferry timetable and what it means for commuters
                * Previous Post
                * Next Post
                March 3, 2026 | by Anna Berg
                The ferry company published its new timetable on Monday, and commuters from the islands will have two more crossings each morning.
                The first boat now leaves the north pier at half past five, and the last one returns from the mainland shortly before midnight.
                The company said the changes follow a survey of more than two thousand passengers last autumn.
                """, expected: """
                The Harbour Blog
                The new ferry timetable and what it means for commuters
                - Previous Post
                - Next Post
                March 3, 2026 | by Anna Berg
                The ferry company published its new timetable on Monday, and commuters from the islands will have two more crossings each morning.
                The first boat now leaves the north pier at half past five, and the last one returns from the mainland shortly before midnight.
                The company said the changes follow a survey of more than two thousand passengers last autumn.
                """),
            RuleExample("""
                Skip to content
                * Home
                * News
                * Sport
                * Contact us
                Harbour Voice
                \(Self.article)
                * Privacy policy
                * Terms of use
                """, expected: """
                Harbour Voice
                \(Self.article)

                """),
            RuleExample("""
                Startseite
                Nachrichten
                Politik
                Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Kanal beschlossen, die bis 2028 fertig sein soll.
                Die Opposition kritisierte die hohen Kosten und forderte zuerst sichere Schulwege für die Kinder im Viertel.
                Die Verwaltung will die Pläne im Januar öffentlich auslegen, damit alle Bürger sie vorher einsehen können.
                Impressum
                Datenschutz
                """, expected: """
                Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Kanal beschlossen, die bis 2028 fertig sein soll.
                Die Opposition kritisierte die hohen Kosten und forderte zuerst sichere Schulwege für die Kinder im Viertel.
                Die Verwaltung will die Pläne im Januar öffentlich auslegen, damit alle Bürger sie vorher einsehen können.

                """),
            RuleExample("""
                \(Self.article)
                * News
                * Sport
                Island bakery reports its best summer in a decade
                New timetable for the northern route
                Storm damage closes the coast road for a week
                """, expected: """
                \(Self.article)

                """),
            RuleExample("""
                \(Self.article)
                * News
                * Sport
                Island bakery reports its best summer
                The quay bakery sold more loaves than ever before.
                2H ago
                Storm damage closes the coast road
                Crews expect the road to stay closed all week.
                5H ago
                """, expected: """
                \(Self.article)

                """),
            RuleExample("""
                \(Self.article)
                Advertisement
                The first boat leaves at six, the harbour master said on Friday.
                Tickets are on sale at the kiosk on the quay from Saturday.
                * News
                * Sport
                """, expected: """
                \(Self.article)
                The first boat leaves at six, the harbour master said on Friday.
                Tickets are on sale at the kiosk on the quay from Saturday.

                """),
            RuleExample("""
                \(Self.article)
                * News
                * Sport
                The first boat leaves the pier at six.
                Related: Island bakery reports its best summer
                Tickets are on sale at the kiosk today.
                Posted 2H ago
                """, expected: """
                \(Self.article)
                The first boat leaves the pier at six.
                Tickets are on sale at the kiosk today.

                """),
            RuleExample("""
                Harbour Voice
                * Harbour
                * Islands
                * Ferries
                + Timetables
                + Fares
                * Fishing
                Pier reopens
                \(Self.article)
                """, expected: """
                Pier reopens
                \(Self.article)
                """),
            RuleExample("""
                \(Self.article)
                * Harbour
                + Ferries
                + Timetables
                * Islands
                + North Island
                + South Island
                """, expected: """
                \(Self.article)

                """),
            RuleExample("""
                \(Self.article)
                More in Island Life
                Lighthouse keeper retires after thirty years
                The keeper plans to stay on the island with his dogs
                3H ago
                School choir wins the regional final
                Forty children sang in the town hall on Saturday evening.
                6H ago
                """, expected: """
                \(Self.article)

                """),
            // Deep in the header, a mega-menu's blurbs, each between its name and the next name or headline of a news
            // widget: they go (and the name between them); the headlines (no sentences, fewer than half of them
            // furniture) stay.
            RuleExample("""
                Ferry Times for iPhone and Android
                Check every crossing and delay before you leave home.
                Island Guide for Visitors to the North
                Where to eat, sleep and swim on the three islands.
                Harbour Voice Weekly Newsletter
                \(Self.widgetHeadlines)
                * Home
                * News
                * Sport
                Pier reopens
                \(Self.article)
                """, expected: """
                Ferry Times for iPhone and Android
                Harbour Voice Weekly Newsletter
                \(Self.widgetHeadlines)
                - Home
                - News
                - Sport
                Pier reopens
                \(Self.article)
                """),
            // After the body, a line of tags; inside it, an article's own line that starts with a tag label stays.
            RuleExample("""
                \(Self.article)
                Tags: ferries, harbour, island life
                """, expected: """
                \(Self.article)

                """),
            RuleExample("""
                Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Kanal beschlossen, die bis 2028 fertig sein soll.
                Die Opposition kritisierte die hohen Kosten und forderte zuerst sichere Schulwege für die Kinder im Viertel.
                Die Verwaltung will die Pläne im Januar öffentlich auslegen, damit alle Bürger sie vorher einsehen können.
                Schlagwörter: Brücke, Kanal, Stadtrat
                """, expected: """
                Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Kanal beschlossen, die bis 2028 fertig sein soll.
                Die Opposition kritisierte die hohen Kosten und forderte zuerst sichere Schulwege für die Kinder im Viertel.
                Die Verwaltung will die Pläne im Januar öffentlich auslegen, damit alle Bürger sie vorher einsehen können.

                """),
            // A line of tags is no start of the page's tail: the article's lines after it stay.
            RuleExample("""
                \(Self.article)
                Tags: ferries, harbour
                \(Self.timetable)
                Advertisement
                \(Self.kiosk)
                """, expected: """
                \(Self.article)
                \(Self.timetable)
                \(Self.kiosk)
                """),
            RuleExample("""
                Tags: work, follow-up
                \(Self.article)
                Tags: ferries, harbour
                """, expected: """
                Tags: work, follow-up
                \(Self.article)

                """),
            // Before the body, fifteen bulleted headlines of other stories: a link list.
            RuleExample("""
                - Lighthouse keeper retires after thirty years on the rock
                - School choir wins the regional final
                - New timetable for the northern route
                - Storm damage closes the coast road for a week
                - Island bakery reports its best summer in a decade
                - Fishing fleet lands a record catch of mackerel
                - Council approves a second pier for the south harbour
                - Ferry fares to rise by five percent in April
                - Museum reopens its boat shed to visitors
                - Seal pups counted on the outer skerries
                - Village hall gets a new roof before winter
                - Lifeboat crew rescues two kayakers off the point
                - Harbour festival returns with music and boat races
                - Library extends its opening hours on Saturdays
                - Wind farm plan divides the island's community council
                Pier reopens
                \(Self.article)
                """, expected: """
                Pier reopens
                \(Self.article)
                """),
            // A widget heading inside the body, with more than a fifth of the prose after it: only teasers follow
            // (headline, byline, date, blurb).
            RuleExample("""
                \(Self.article)
                More from Harbour Voice
                + Lighthouse keeper retires after thirty years
                Anna Berg
                Tuesday 12 March
                After thirty years on the rock, the keeper hands over the lamp to a crew from the mainland this spring.
                + School choir wins the regional final
                Tom Lind
                Monday 11 March
                Forty children from the island school sang in the town hall and beat eleven choirs from the coast.
                + Bakery reports its best summer
                Eva Holm
                Sunday 10 March
                The quay bakery sold more loaves than in any year since it opened, and it now plans a second oven.
                Harbour Voice, Quay Street 4
                """, expected: """
                \(Self.article)

                """),
            // The same under the heading with short blurbs and a headline that is a question: a short sentence
            // after a headline and a byline is a blurb, a bulleted line that ends like one a headline.
            RuleExample("""
                \(Self.article)
                More from Harbour Voice
                + What made the island school choir so good?
                Tom Lind
                Forty children from the island sang in the hall.
                + Lighthouse keeper retires after thirty years
                Anna Berg
                After thirty years on the rock, the keeper hands over the lamp to a crew from the mainland this spring.
                + Bakery reports its best summer
                Eva Holm
                The quay bakery sold more loaves than in any year since it opened, and it now plans a second oven.
                + Storm damage closes the coast road
                Per Dahl
                Crews expect the road along the cliffs to stay closed to all traffic for at least another week.
                Harbour Voice, Quay Street 4
                """, expected: """
                \(Self.article)

                """),
            // The same when the teasers' headlines are cut off with an ellipsis: such a line next to a blurb is no
            // paragraph of the article.
            RuleExample("""
                \(Self.article)
                Advertisement
                Lighthouse keeper hands over the lamp on the rock to a crew from the...
                After thirty years on the rock, the keeper hands over the lamp to a crew from the mainland this spring.
                School choir from the island wins the regional final in the town hall with...
                Forty children from the island school sang in the town hall and beat eleven choirs from the coast.
                Bakery on the quay reports its best summer since it opened and plans a...
                The quay bakery sold more loaves than in any year since it opened, and it now plans a second oven.
                Harbour Voice, Quay Street 4
                """, expected: """
                \(Self.article)

                """),
            // Beyond the tail's start, a sentence of four words or more alone between lines that are not prose goes
            // (a prompt); a shorter one stays.
            RuleExample("""
                \(Self.article)
                More in Island Life
                Was this story useful to you?
                Yes / No
                Boats leave hourly.
                Harbour Voice, Quay Street 4
                """, expected: """
                \(Self.article)
                Boats leave hourly.

                """),
            // Beyond the tail's start, a blurb between lines of related links (a teaser's headline and "Read More") has
            // no prose next to it: it goes.
            RuleExample("""
                \(Self.article)
                More in Island Life
                * Lighthouse keeper retires after thirty years
                March 12, 2026 at 5:10 pm
                After thirty years on the rock, the keeper hands over the lamp to a crew from the mainland this spring.
                Read More
                * School choir wins the regional final
                March 11, 2026 at 2:01 pm
                Forty children from the island school sang in the town hall and beat eleven choirs from the coast.
                Read More
                * Bakery reports its best summer
                March 10, 2026 at 7:21 pm
                The quay bakery sold more loaves than in any year since it opened, and it now plans a second oven.
                Read More
                """, expected: """
                \(Self.article)

                """),
            // The article's paragraphs between two related links stay (the body reaches past them), and so does its
            // short last sentence; only the links and the menu go.
            RuleExample("""
                The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier.
                Engineers found that winter storms had loosened more than forty of the wooden piles under the landing stage.
                Read more: Island bakery reports its best summer
                The harbour master said the first crossings would run every forty minutes from early morning.
                Read more: New timetable for the northern route
                Tickets are on sale at the kiosk.
                Advertisement
                * Home
                * News
                """, expected: """
                The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier.
                Engineers found that winter storms had loosened more than forty of the wooden piles under the landing stage.
                The harbour master said the first crossings would run every forty minutes from early morning.
                Tickets are on sale at the kiosk.

                """),
            // Before the body's nearest menu, a sentence alone between two furniture lines (a mega-menu's blurb) goes.
            RuleExample("""
                Skip to content
                * Home
                * News
                Weather app
                Check the forecast for your island every morning with our free app.
                Get it now
                * Sport
                * Contact us
                Pier reopens
                \(Self.article)
                """, expected: """
                Pier reopens
                \(Self.article)
                """),
            // A standfirst after the headline stays (the headline is no furniture line).
            RuleExample("""
                * Home
                * News
                Ferry link between the islands reopens after repairs
                The old pier is safe again, the engineers say.
                By Anna Berg
                * Facebook
                * Twitter
                \(Self.article)
                """, expected: """
                The old pier is safe again, the engineers say.
                \(Self.article)
                """),
            // After the article's paragraphs, a removed block ("Advertisement") and then only teasers, whose blurbs
            // read as prose and stretch the body: the teasers go with it.
            RuleExample("""
                \(Self.article)
                Advertisement
                Lighthouse keeper retires after thirty years
                Anna Berg
                After thirty years on the rock, the keeper hands over the lamp to a crew from the mainland this spring.
                School choir wins the regional final
                Tom Lind
                Forty children from the island school sang in the town hall and beat eleven choirs from the coast.
                Bakery reports its best summer
                Eva Holm
                The quay bakery sold more loaves than in any year since it opened, and it now plans a second oven.
                Harbour Voice, Quay Street 4
                """, expected: """
                \(Self.article)

                """),
        ],
        nonTriggering: [
            // A recipe: its ingredients are a bulleted list of short lines, but they begin with quantities: no site's
            // links, so the title and the list above the method stay.
            RuleExample("""
                Recipes
                Beef and ale stew with herb dumplings
                A winter dish that looks after itself in the slow cooker while you get on with your day. Serves six.
                Ingredients
                - 1.2kg braising steak, cut into large chunks
                - 2 tbsp plain flour, seasoned
                - 3 tbsp olive oil
                - 2 onions, sliced
                - 3 carrots, cut into chunks
                - 500ml brown ale
                - 300ml beef stock
                Method
                1. Toss the beef in the seasoned flour, then brown it in batches in the oil in a large frying pan.
                2. Put the beef in the slow cooker with the onions, carrots, ale and stock, and season well.
                3. Cover and cook on low for eight hours, or on high for five hours, until the meat is tender.
                4. Mix the dumpling dough, shape it into twelve balls and sit them on top of the stew for the last forty minutes.
                The stew freezes well without the dumplings for up to three months.
                """),
            // Between other "Label: value" lines after the body, a fact box's line of tags stays.
            RuleExample("""
                \(Self.article)
                Created: 3 March 2024
                Tags: ferries, harbour
                Next crossing: 6:00
                """),
            RuleExample("""
                Ingredients
                - Flour
                - Sugar
                - Three eggs
                Mix the flour and the sugar in a large bowl, then add the eggs one at a time and stir well.
                Bake for forty minutes until the top is golden, and let the cake cool before you cut it.
                """),
            RuleExample("""
                The ferry link reopens on Monday after six weeks of repairs to the old pier, the harbour authority said.
                Engineers found that winter storms had loosened more than forty piles under the landing stage.
                He thanked the crews.
                """),
            RuleExample("""
                \(Self.article)
                More ferries will join the northern route next spring, when the second pier is finished and the new ramps are in place.
                Timetables
                Fares
                """),
            RuleExample("""
                \(Self.article)
                More repairs next winter
                The harbour board wants to replace the rest of the wooden piles next winter, when fewer people travel.
                Departures from the north pier
                06:00 and 06:40
                """),
            RuleExample("""
                \(Self.article)
                More about the crossing:
                First boat at six
                Last boat at ten
                """),
            RuleExample("""
                What changes on Monday
                - The first boat leaves the north pier at six in the morning.
                - Boats run every forty minutes until the last one at ten.
                - Bicycles travel free of charge on every crossing.
                - Cars must be booked a day ahead at the kiosk.
                - Season tickets from last year stay valid until June.
                - Dogs on a lead are welcome on the open deck.
                \(Self.article)
                """),
            // Six bulleted lines of headline length before the body may be the article's own summary: kept.
            RuleExample("""
                Pier reopens
                - Ferry link between the islands reopens on Monday
                - Six weeks of repairs to the old pier are finished
                - Forty wooden piles replaced after the winter storms
                - First crossings every forty minutes from early morning
                - Bicycles travel free of charge until the end of May
                - Season tickets from last year stay valid until June
                \(Self.article)
                """),
            // An article's own bulleted list before its prose, shorter than fifteen items: kept.
            RuleExample("""
                What the repairs needed
                - Twelve wooden piles of larch, each four metres long
                - A barge with a crane that lifts ten tonnes
                - Steel bolts and plates for every joint of the frame
                - Two divers to check the footings under water
                - A pump to keep the trench dry at low tide
                - Tar for the new planks of the landing stage
                - Rope fenders along the whole length of the berth
                - New lamps for the ramp and the waiting room
                - A ramp for wheelchairs, prams and bicycles
                - Paint for the railings in the harbour's colours
                - Signs with the timetable at both ends of the pier
                - A kiosk for tickets next to the waiting room
                \(Self.article)
                """),
            // A heading of that kind followed by the article's own paragraphs: a subheading.
            RuleExample("""
                \(Self.article)
                More work ahead
                Repairs to the north pier
                Eight more weeks
                The harbour board wants to replace the rest of the wooden piles next winter, when fewer people travel to the islands.
                The work on the north pier will take another eight weeks and cost about twice as much as the repairs this year.
                Until then, boats from the mainland will dock at the south pier on weekdays and at the fish quay on Sundays.
                """),
            // Under such a heading in the body, an interview: labels and questions between the answers.
            RuleExample("""
                \(Self.article)
                More questions for the harbour master
                Question one
                When will the kiosk open?
                The kiosk opens in May, when the summer timetable starts and the first tourists arrive on the island.
                Question two
                What about bikes?
                Bicycles travel free of charge on every crossing until the end of May, and after that they cost two euros.
                Question three
                And the fares?
                Fares stay the same this year, because the council agreed to pay for the repairs out of its reserves.
                """),
            RuleExample("Home\nNews\nSport\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = PageFurnitureRule.menuItems.map { Cue($0, .weak) }
        + PageFurnitureRule.tailHeadings.map { Cue($0, .weak, atStart: true) }
        + PageFurnitureRule.tagLabels.map { Cue($0, .weak, atStart: true) }
    /// Where each family sits in `cues`, in the order above.
    static let menuCues = Range.cues(first: menuItems.count)
    static let tailHeadingCues = Range.cues(after: menuCues, count: tailHeadings.count)
    static let tagCues = Range.cues(after: tailHeadingCues, count: tagLabels.count)

    /// Labels of a line of tags ("Tags: ferries, harbour", "Schlagwörter: Fähre, Hafen"): after the body, a line that
    /// starts with one and does not read as a sentence goes. Not "Tag:" (a day in German), "Topics:" (an agenda).
    static let tagLabels: [String] = [
        "tags:", "tags :", "tagged:", "tagged with:", "filed under:", "schlagwörter:", "schlagworte:", "étiquettes :",
        "étiquettes:", "mots-clés :", "mots-clés:", "etiquetas:", "palavras-chave:", "trefwoorden:", "stikkord:", "nyckelord:",
        "tagi:", "etiketler:", "теги:", "Теги:", "метки:", "Метки:", "标签：", "標籤：", "タグ：",
    ]

    /// A short line that starts with a label of one to three words and a colon, and goes on after it ("Created: 3 March
    /// 2024", "Next hearing: 14 June", "Дата: 3 марта").
    static func isLabelLine(_ context: DetectionContext, _ block: Block) -> Bool {
        guard block.words <= 12 else { return false }
        let p = context.bytes
        var i = context.firstWordOffset(block)
        let end = block.trimmed.upperBound
        var spaces = 0
        while i < end && spaces < 3 {
            if p[i] == 0x3A || (p[i] == 0xEF && i + 2 < end && p[i + 1] == 0xBC && p[i + 2] == 0x9A) {
                var j = i + (p[i] == 0x3A ? 1 : 3)
                while j < end && p[j] == 0x20 { j += 1 }
                return j < end
            }
            if p[i] == 0x20 { spaces += 1 }
            i += 1
        }
        return false
    }

    /// A line of tags has at most this many words.
    static let tagLineWords = 25

    /// First words of the heading of a widget after the article ("More in Science", "Most read",
    /// "Read these next", "Você pode gostar..."): after the body, a short line that begins with one
    /// starts the page's tail (see `tailHeading`).
    static let tailHeadings: [String] = [
        // English
        "more", "most read", "most popular", "most viewed", "most shared", "most commented", "most recent", "related",
        "recommended", "we recommend", "recommended for you", "read next", "read these next", "read this next",
        "what to read next", "next up", "up next", "you may also like", "you might also like", "you may like",
        "you might like", "also on", "also in", "elsewhere on", "around the web", "from around the web", "trending",
        "popular", "latest", "recent posts", "recent stories", "other stories", "other news", "in case you missed",
        "don't miss", "keep reading", "further reading", "editor's picks", "editors' picks", "top stories", "sponsored",
        "from our partners", "similar articles", "similar stories",
        // German, French, Spanish, Italian, Portuguese
        "mehr", "weitere", "meistgelesen", "das könnte sie auch", "plus de", "à lire aussi", "lire aussi", "les plus lus",
        "sur le même sujet", "más", "lo más", "también te puede", "te puede interesar", "leggi anche", "altri",
        "potrebbe interessarti", "i più letti", "você pode gostar", "você também pode gostar", "veja também", "leia também",
        "mais lidas",
        // Dutch, Scandinavian, Czech, Polish
        "meer", "lees ook", "les også", "läs också", "læs også", "mer fra", "mer från", "mest lest", "mest läst",
        "související", "další zprávy", "nejčtenější", "czytaj także", "zobacz także", "najczęściej czytane",
    ]

    /// After the body, with less than a fifth of the page's prose after it: a line of at most
    /// `tailHeadingWords` words that does not end like a sentence or a colon and begins with a tail heading.
    static let tailHeadingWords = 6

    /// Words and phrases of menus, headers and footers, in the languages of the other rules.
    static let menuItems: [String] = [
        // English
        "home", "home page", "homepage", "news", "latest news", "top stories", "sport", "sports", "business", "opinion",
        "politics", "entertainment", "contact", "contact us", "about", "about us", "privacy", "privacy policy",
        "privacy notice", "terms of use", "terms of service", "terms & conditions", "terms and conditions", "cookie policy",
        "cookies", "cookie settings", "subscribe", "subscriptions", "newsletter", "newsletters", "email newsletters",
        "facebook", "twitter", "instagram", "youtube", "linkedin", "pinterest", "reddit", "whatsapp", "flipboard", "tiktok",
        "rss", "email", "e-mail", "print", "advertise", "advertise with us", "advertising", "careers", "jobs", "sign in",
        "log in", "login", "log out", "sign up", "register", "my account", "search", "menu", "main menu", "close",
        "skip to content", "skip to main content", "skip navigation", "jump to navigation", "skip to navigation",
        "toggle navigation", "sections", "more", "video", "videos", "photos", "podcasts", "podcast", "tech", "technology",
        "science", "health", "travel", "lifestyle", "culture", "food", "weather", "obituaries", "classifieds", "real estate",
        "cars", "world", "local", "events", "help", "faq", "site map", "sitemap", "shop", "store", "magazine", "tv", "music",
        "books", "reviews", "features", "editorials", "corrections", "trending", "connect", "follow us", "most popular",
        "most read", "learn more", "read more", "back to top", "previous", "next", "previous article", "next article",
        "older article", "newer article", "older posts", "newer posts", "view all", "see all", "show more", "load more",
        "accessibility", "archives", "archive", "tags", "categories", "topics", "authors", "staff", "masthead",
        "edition", "international edition", "us edition", "uk edition", "español", "english", "deutsch", "français",
        // German
        "startseite", "suche", "anmelden", "abmelden", "impressum", "datenschutz", "datenschutzerklärung", "kontakt",
        "nachrichten", "politik", "wirtschaft", "kultur", "menü", "schließen", "mehr", "alle artikel", "zum inhalt springen",
        // French
        "accueil", "rechercher", "recherche", "connexion", "se connecter", "mentions légales", "politique de confidentialité",
        "contactez-nous", "actualités", "fermer", "plus",
        // Spanish, Italian, Portuguese
        "inicio", "buscar", "iniciar sesión", "aviso legal", "política de privacidad", "contacto", "noticias", "cerrar",
        "cerca", "accedi", "chi siamo", "contatti", "notizie", "chiudi", "início", "pesquisar", "entrar", "notícias",
        "fechar", "política de privacidade",
        // Dutch, Scandinavian, Finnish
        "zoeken", "inloggen", "nieuws", "sluiten", "forside", "søk", "logg inn", "nyheter", "sök", "logga in", "søg",
        "log ind", "nyheder", "etusivu", "haku", "kirjaudu", "uutiset",
        // Russian (as written), Chinese, Japanese, Korean
        "главная", "Главная", "новости", "Новости", "войти", "Войти", "поиск", "Поиск", "контакты", "Контакты", "о нас", "О нас",
        "首页", "首頁", "登录", "登入", "注册", "註冊", "搜索", "搜尋", "返回顶部", "上一篇", "下一篇", "新闻", "新聞", "关于我们",
        "ホーム", "トップ", "ログイン", "検索", "お問い合わせ", "サイトマップ", "プライバシーポリシー", "利用規約", "前の記事",
        "次の記事", "ニュース", "홈", "로그인", "검색", "뉴스",
    ]

    typealias Kind = ArticleBody.Kind

    /// Before the body, a line with at least this many lines between it and the first item of the menu nearest the
    /// body is deep in the page's header (see `detect`).
    static let deepHeaderLines = 8

    /// A page whose body scores less (about 40 words of prose) is not judged by its layout.
    static let minimumBodyScore = 40

    /// Cue coverage that makes a short line a menu item.
    static let menuCoverage = 0.8

    /// Menu items: lines of at most five words whose letters are at least 80% menu words.
    static func menuLines(_ context: DetectionContext) -> [Bool] {
        let blocks = context.blocks
        var isMenu = [Bool](filled: false, count: blocks.count)
        let matches = context.matches
        let menuCues = PageFurnitureRule.menuCues
        var i = 0
        while i < matches.count {
            let b = matches[i].block
            var j = i
            var coverage = Coverage()
            while j < matches.count && matches[j].block == b {
                if menuCues.contains(matches[j].cue) { coverage.add(matches[j].range, in: context) }
                j += 1
            }
            let block = blocks[b]
            // A row of figures ("Instagram 41%") is a table's, not a menu's.
            if block.words <= 5 && block.alnum > 0 && coverage.share(of: block) >= PageFurnitureRule.menuCoverage
                && !(block.digits > 0 && PhrasePolicy.isDataRow(context.bytes, block)) {
                isMenu[b] = true
            }
            i = j
        }
        return isMenu
    }

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let blocks = context.blocks
        let body = context.layout
        let isMenu = body.isMenu
        let kinds = body.kinds
        let core = body.core
        let best = body.score
        // Too little body to judge the page by: leave it alone.
        guard best >= PageFurnitureRule.minimumBodyScore else { return }
        // Before and after it, furniture starts at the menu (two menu items within four lines) nearest to the body; from there outwards,
        // lines that do not read as sentences go. Between the body and that item (a list, a table, a
        // caption) everything stays.
        // Before the body, a long list of short bulleted items ("+ World", "o Markets") is a menu too, even
        // without menu words. After it only a nested one (two kinds of bullets): an article's own lists end
        // many articles.
        let lists = PageFurnitureRule.linkListLines(context, body)
        var linkList = lists.lines
        let nestedList = lists.nested
        // Before the body, a long bulleted list of headlines (a site's index of its other stories) is a
        // link list too: an article's own list before its prose (a summary, what you need) is shorter.
        let headlines = PageFurnitureRule.linkListLines(context, body, items: PageFurnitureRule.headlineListItems,
                                                        words: PageFurnitureRule.headlineWords, upTo: core.lowerBound).lines
        for i in 0..<min(core.lowerBound, blocks.count) where headlines[i] { linkList[i] = true }
        var headEnd = core.lowerBound - 1
        while headEnd >= 0 && !body.startsMenu(headEnd, blocks) && !linkList[headEnd] { headEnd -= 1 }
        var tailStart = core.upperBound
        while tailStart < blocks.count && !body.startsMenu(tailStart, blocks) && !nestedList[tailStart] { tailStart += 1 }
        // Lines are judged in segments: runs of lines that do not read as sentences. A segment goes when
        // at least half of its lines are furniture (menu items, very short lines) and at least 30% are
        // menu items; a list of longer items (a calendar, a product list, ticket prices) stays.
        func removeSegments(_ range: Range<Int>) {
            var k = range.lowerBound
            while k < range.upperBound {
                let block = blocks[k]
                if body.skips(k, blocks) || PageFurnitureRule.readsAsSentence(block, kinds[k], menu: isMenu[k]) { k += 1; continue }
                var end = k
                var lines = 0, furniture = 0, menus = 0
                while end < range.upperBound {
                    let b = blocks[end]
                    if !body.skips(end, blocks) {
                        if PageFurnitureRule.readsAsSentence(b, kinds[end], menu: isMenu[end]) { break }
                        lines += 1
                        if kinds[end] == .furniture || linkList[end] { furniture += 1 }
                        if isMenu[end] { menus += 1 }
                    }
                    end += 1
                }
                if furniture * 2 >= lines {
                    for m in k..<end where !body.skips(m, blocks) {
                        findings.append(Finding(block: m, strength: .definite, evidence: .layout(.outsideBody, core: core)))
                    }
                }
                k = end
            }
        }
        removeSegments(0..<(headEnd + 1))
        // Up there, a sentence alone between two furniture lines (menu items, lines of up to three words: a mega-menu's
        // blurb, "Track your symptoms with our app.") goes too; one at the page's start, next to another sentence or
        // after a headline (an article's standfirst) stays.
        // Deep in the header (`deepHeaderLines` lines or more above the first item of that menu), sentences alone
        // between lines that are not sentences go too when there are two or more of them: a mega-menu's blurbs come in
        // series; an article's title and standfirst (once, above its byline, dates and caption) stay.
        var top = headEnd
        while top > 0 && (body.skips(top - 1, blocks) || isMenu[top - 1] || linkList[top - 1]) { top -= 1 }
        // Lines before `deep` have `deepHeaderLines` lines or more between them and `top`.
        var deep = top, counted = 0
        while deep > 0 && counted < PageFurnitureRule.deepHeaderLines {
            deep -= 1
            if !body.skips(deep, blocks) { counted += 1 }
        }
        if counted < PageFurnitureRule.deepHeaderLines { deep = 0 }
        func sentence(_ i: Int) -> Bool { kinds[i] == .body || blocks[i].endsLikeSentence }
        var blurbs: [Int] = []
        for h in 0..<max(0, headEnd) where !body.skips(h, blocks) && PageFurnitureRule.readsAsSentence(blocks[h], kinds[h], menu: isMenu[h]) {
            guard let before = body.previous(h, blocks), let after = body.next(h, blocks) else { continue }
            if kinds[before] == .furniture && kinds[after] == .furniture {
                findings.append(Finding(block: h, strength: .definite, evidence: .layout(.outsideBody, core: core)))
            } else if h < deep && !sentence(before) && !sentence(after) {
                blurbs.append(h)
            }
        }
        if blurbs.count >= 2 {
            for h in blurbs { findings.append(Finding(block: h, strength: .definite, evidence: .layout(.outsideBody, core: core))) }
        }
        removeSegments(tailStart..<blocks.count)
        // After the body, a line of tags.
        for m in context.matches where PageFurnitureRule.tagCues.contains(m.cue) && m.block >= core.upperBound && !body.skips(m.block, blocks) {
            let block = blocks[m.block]
            guard m.range.lowerBound == context.firstWordOffset(block), !block.endsLikeSentence,
                  block.words <= PageFurnitureRule.tagLineWords else { continue }
            // Between two other "Label: value" lines it is a fact box's or an example's line ("Title: Weekly planning",
            // "Created: 3 March"); one such line next to it may be a photo's credit ("Image Source: ...").
            if let before = body.previous(m.block, blocks), let after = body.next(m.block, blocks),
               PageFurnitureRule.isLabelLine(context, blocks[before]), PageFurnitureRule.isLabelLine(context, blocks[after]) { continue }
            findings.append(Finding(block: m.block, strength: .definite, evidence: .layout(.tags, core: core)))
        }
        // The heading of a widget after the article starts the page's tail: the resolver removes what
        // does not read as the article's beyond it.
        if let heading = PageFurnitureRule.tailHeading(context, body) {
            findings.append(Finding(block: heading, strength: .definite, evidence: .layout(.tailHeading, core: core)))
        }
        // Inside the body: runs of three or more short lines, at least two of them menu items.
        var k = core.lowerBound
        while k < core.upperBound {
            guard !body.skips(k, blocks), PageFurnitureRule.isMenuLike(blocks[k], menu: isMenu[k]) else { k += 1; continue }
            var end = k
            var menus = 0
            var lines = 0
            while end < core.upperBound && (body.skips(end, blocks) || PageFurnitureRule.isMenuLike(blocks[end], menu: isMenu[end])) {
                if !body.skips(end, blocks) { lines += 1; if isMenu[end] { menus += 1 } }
                end += 1
            }
            // The article's own sentence that introduces the run with a colon makes it the article's list ("The council
            // banned three apps:", then "Facebook", "TikTok", "WhatsApp").
            if lines >= 3 && menus >= 2 && menus * 2 >= lines && !(body.previous(k, blocks).map { context.introducesList(blocks[$0]) } ?? false) {
                for m in k..<end where !body.skips(m, blocks) {
                    findings.append(Finding(block: m, strength: .definite, evidence: .layout(.menuRun(length: lines), core: core)))
                }
            }
            k = end
        }
    }

    /// The first line in the body's last part or after it that heads a widget of links (see `tailHeadings`),
    /// when less than a fifth of the page's prose follows it (teasers with blurbs that read as prose can
    /// stretch the body past it).
    static func tailHeading(_ context: DetectionContext, _ body: ArticleBody) -> Int? {
        let blocks = context.blocks
        for m in context.matches where tailHeadingCues.contains(m.cue) && m.block > body.core.lowerBound {
            let b = m.block
            let block = blocks[b]
            // A heading that ends with a colon introduces the article's own list ("More reading:").
            guard !body.skips(b, blocks), block.words <= tailHeadingWords, !block.endsLikeSentence,
                  !Bytes.endsWithColon(context.bytes, block.trimmed),
                  m.range.lowerBound == context.firstWordOffset(block),
                  b >= body.core.upperBound || (body.bodyWords - body.bodyWordsBefore[b]) * 5 < body.bodyWords
                    || PageFurnitureRule.teasersFollow(b, context.bytes, blocks, body) else { continue }
            // A heading over prose is the article's own subheading ("More trouble ahead").
            if let next = body.next(b, blocks), body.kinds[next] == .body { continue }
            return b
        }
        return nil
    }

    /// Whether only teasers follow line `h` in the body: at least `teaserCount` blurbs, each after two or more
    /// lines that are not prose (headline, byline, date), and no prose line right after another or after a lone
    /// subheading (an article goes on in paragraphs). A short line that ends like a sentence right before prose
    /// (an interview's question before its answer) means the lines are not teasers; elsewhere it is a headline
    /// when it is bulleted or in title case ("+ What made the film so popular?"), and otherwise a blurb
    /// ("Joker ruled the box office."). Then a widget heading there starts the page's tail
    /// even with more than a fifth of the page's prose (the teasers' blurbs) after it.
    static func teasersFollow(_ h: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ blocks: [Block], _ body: ArticleBody) -> Bool {
        var run = 0, teasers = 0, lines = 0
        var j = h + 1
        while j < body.core.upperBound && lines < teaserWindow {
            if !body.skips(j, blocks) {
                lines += 1
                let block = blocks[j]
                if body.kinds[j] == .body {
                    if run < 2 { return false }
                    teasers += 1
                    run = 0
                } else if !block.endsLikeSentence {
                    run += 1
                } else {
                    // A question right before prose: an interview's.
                    if let next = body.next(j, blocks), body.kinds[next] == .body { return false }
                    if isBulletItem(bytes, block) || block.capitalized * 10 >= block.words * 6 {
                        run += 1
                    } else {
                        guard run >= 2 else { return false }
                        teasers += 1
                        run = 0
                    }
                }
            }
            j += 1
        }
        return teasers >= teaserCount
    }

    static let teaserCount = 3
    /// `teasersFollow` looks at most this many lines ahead (a page with many widget headings stays linear).
    static let teaserWindow = 200

    /// After the body and its furniture, a line is kept when it could still be the article's: prose, a
    /// sentence of two words or more, or a line that ends with a colon (it introduces a list); not a short
    /// line cut off with an ellipsis.
    static func mayBeArticle(_ block: Block, _ kind: Kind, menu: Bool, bytes: UnsafeBufferPointer<UInt8>?) -> Bool {
        if menu { return false }
        // A short line cut off with an ellipsis: a teaser's headline or blurb.
        if let bytes, ArticleBody.isCut(bytes, block) { return false }
        if kind == .body || (block.endsLikeSentence && block.words >= 2) { return true }
        if let bytes, Bytes.endsWithColon(bytes, block.trimmed) { return true }
        return false
    }

    static func readsAsSentence(_ block: Block, _ kind: Kind, menu: Bool) -> Bool {
        kind == .body || (block.endsLikeSentence && !menu && block.words > 3)
    }

    /// Items in a link list: lines in a run of at least `items` bulleted items ("* ", "+ ", "o ", "• ", the
    /// bullets of whole-page text) of at most `words` words that do not end like a sentence, with nothing
    /// but blank lines between them; and `nested`, the lines of such runs with two kinds of bullets.
    /// With `upTo`, only lines before it are needed: the walk stops where no run reaches before it.
    static func linkListLines(_ context: DetectionContext, _ body: ArticleBody, items: Int = linkListItems,
                              words: Int = linkItemWords, upTo limit: Int = .max) -> (lines: [Bool], nested: [Bool]) {
        let blocks = context.blocks
        let p = context.bytes
        var result = [Bool](filled: false, count: blocks.count)
        var nested = result
        var run: [Int] = []
        func close(_ run: inout [Int], _ result: inout [Bool], _ nested: inout [Bool]) {
            guard !run.isEmpty else { return }
            // A list whose items mostly begin with a figure (a recipe's quantities: "- 2 tbsp plain flour", "- 500ml brown
            // ale") is the article's, not a site's links (an archive's counts come after the words: "+ Akhir Zaman (15)").
            if run.count >= items && run.filter({ startsWithFigure(blocks[$0]) }).count * 2 < run.count {
                for k in run { result[k] = true }
                let first = p[blocks[run[0]].trimmed.lowerBound]
                if run.contains(where: { p[blocks[$0].trimmed.lowerBound] != first }) {
                    for k in run { nested[k] = true }
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        func startsWithFigure(_ block: Block) -> Bool {
            let r = block.trimmed
            let n = ListMarkupRule.bulletLength(p, r.lowerBound, r.upperBound)
            var k = r.lowerBound + max(n, 1)
            while k < r.upperBound && Bytes.isSpace(p[k]) { k += 1 }
            return k < r.upperBound && Bytes.isDigit(p[k])
        }
        for i in blocks.indices {
            if body.skips(i, blocks) { continue }
            // (Fields read in place: a copy of the line's facts per line cost more than the tests.)
            if blocks[i].words <= words && !blocks[i].endsLikeSentence && blocks[i].alnum > 0 && isBulletItem(context.bytes, blocks[i]) {
                run.append(i)
            } else {
                close(&run, &result, &nested)
                if i >= limit { break }
            }
        }
        close(&run, &result, &nested)
        return (result, nested)
    }

    static let linkListItems = 6
    static let linkItemWords = 6
    /// Before the body, a run of at least this many bulleted items of up to `headlineWords` words that do not
    /// end like sentences is a list of headlines (see `linkListLines`).
    static let headlineListItems = 15
    static let headlineWords = 12

    /// The line begins with a bullet glyph ("*", "+", "o", "•", ...) and a space.
    @inline(__always)
    static func isBulletItem(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let r = block.trimmed
        guard r.count >= 3 else { return false }
        var n = ListMarkupRule.bulletLength(p, r.lowerBound, r.upperBound)
        if n == 0 && (p[r.lowerBound] == 0x2B || p[r.lowerBound] == 0x6F) { n = 1 }
        guard n > 0, r.lowerBound + n < r.upperBound else { return false }
        let c = p[r.lowerBound + n]
        return c == 0x20 || c == 0x09
    }

    static func isMenuLike(_ block: Block, menu: Bool) -> Bool {
        menu || (block.words <= 3 && !block.endsLikeSentence && block.alnum > 0)
    }
}
