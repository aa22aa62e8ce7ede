/// Comment counters alone on their line ("12 Comments") outside the article body with no thread after them go too, and
/// anywhere a counter with its button ("11 Comments. Click to view comments").
///
/// Comment threads: from a comment-section heading ("12 Comments", "Leave a Reply", "Join the
/// discussion", "12 thoughts on “Title”", "There are 13 comments") to the end of the page, when what follows has the marks of a thread ("Reply",
/// "Report abuse", "Anna says:", "3 hours ago", "March 3, 2024 at 7:12 pm", "Rating: 36 Votes", ...) on at least two lines and on one line in ten. At least half of the page's
/// prose must come before the heading, so an article's own section called "Comments", or a comment
/// link above the article, stays; unless the thread is long (ten marks or more, on one line in five up to
/// the last) and follows 100 words of prose.
public struct CommentThreadRule: Rule {
    public init() {}

    public var usesLayout: Bool { true }

    /// A counter that went alone ("12 Comments") is no start of the page's tail: what follows it may be the
    /// article's; a thread is.
    public func startsPageTail(_ evidence: Finding.Evidence?) -> Bool {
        if case .cues = evidence { return false }
        return true
    }

    /// A post of the examples: a blog in Chinese, in short lines without sentence punctuation.
    static let campingPost = """
        今年冬天第一次來到山上的營地 一路上雲霧繚繞 山頭都被染成金黃色
        營地主人說楓葉比往年晚了一個星期才轉紅 所以這個週末來的人特別多
        我們在楓樹下搭好帳篷 下午沿著溪邊的步道散步 一直走到吊橋才回來
        晚上氣溫降到五度左右 大家圍著火爐吃火鍋 聊到半夜才各自回帳篷休息
        第二天早上天氣放晴 藍天白雲配上滿地落葉 是這趟旅程最美的時刻
        中午在營地旁的小餐廳吃了熱騰騰的湯麵 老闆娘還送我們自己種的高麗菜
        傍晚山嵐又慢慢飄回山谷 我們坐在帳篷前喝茶 看著天色一點一點暗下來
        收拾好裝備之後 我們繞到附近的小學參觀 再沿著北橫公路慢慢開回家
        """

    public static let description = RuleDescription(
        id: "comment-thread",
        name: "Comment threads",
        family: .comments,
        summary: "Removes reader comment threads from their heading to the end of the page.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "fi", "ru", "zh", "ja", "ko"],
        triggering: [
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs to the old timber landing stage.
                The first crossing leaves at six in the morning, and boats will run every forty minutes.
                Crews worked through the night to finish the ramp for wheelchairs, prams and bicycles.
                2 Comments
                Anna says:
                About time, the detour through town was a nightmare every single morning.
                Reply
                Ben says:
                Will the kiosk open again as well?
                Reply
                """, expected: """
                The pier reopens on Monday after six weeks of repairs to the old timber landing stage.
                The first crossing leaves at six in the morning, and boats will run every forty minutes.
                Crews worked through the night to finish the ramp for wheelchairs, prams and bicycles.

                """),
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs to the old timber landing stage.
                The first crossing leaves at six in the morning, and boats will run every forty minutes.
                Crews worked through the night to finish the ramp for wheelchairs, prams and bicycles.
                3 thoughts on “The pier reopens on Monday”
                1. Anna Berg says:
                March 3, 2024 at 7:12 pm
                About time, the detour through town was a nightmare every single morning.
                2. Ben Holm says:
                March 3, 2024 at 8:40 pm
                Will the kiosk by the landing stage open again as well, or is it closed for good?
                3. Carla says:
                March 4, 2024 at 6:05 am
                The ramp looks great, my daughter can finally take her bike across.
                """, expected: """
                The pier reopens on Monday after six weeks of repairs to the old timber landing stage.
                The first crossing leaves at six in the morning, and boats will run every forty minutes.
                Crews worked through the night to finish the ramp for wheelchairs, prams and bicycles.

                """),
            // A long thread whose comments hold more prose than the article: ten marks or more (times, ratings),
            // on one line in five up to the last, make it one.
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs to the old timber landing stage on the north side of the harbour.
                The first crossing leaves at six in the morning, and boats will run every forty minutes until the last one at ten at night.
                Crews worked through the night to finish the new ramp for wheelchairs, prams and bicycles before the council inspected it.
                The harbour master said the repairs cost less than planned, because the divers found fewer rotten piles than expected.
                Tickets bought for the detour through town stay valid until the end of the month, the ferry company said on Friday.
                [ 14 comments ]
                Top comments
                Anna
                2 days ago at 7:52 am
                About time, the detour through town was a nightmare every single morning, and my children were late for school at least twice a week because of the queues at the bridge.
                Rating: 36 Votes
                Ben
                2 days ago at 8:10 am
                Will the kiosk by the landing stage open again as well, or is it closed for good now that the company sells all the tickets online and on the boats themselves?
                Rating: 21 Votes
                Carla
                2 days ago at 9:03 am
                The ramp looks great, my daughter can finally take her bike across without carrying it down the old steps, which were slippery in the rain all winter long.
                Rating: 17 Votes
                Dag
                2 days ago at 9:45 am
                I hope they fixed the lights on the ramp too, because in December it was so dark at six in the morning that you could hardly see the edge of the pier at all.
                Rating: 12 Votes
                Eva
                2 days ago at 11:20 am
                Forty minutes is still too long between boats at rush hour, in my opinion, and the council should ask the company for a second boat in the mornings and evenings.
                Rating: 9 Votes
                View all comments
                """, expected: """
                The pier reopens on Monday after six weeks of repairs to the old timber landing stage on the north side of the harbour.
                The first crossing leaves at six in the morning, and boats will run every forty minutes until the last one at ten at night.
                Crews worked through the night to finish the new ramp for wheelchairs, prams and bicycles before the council inspected it.
                The harbour master said the repairs cost less than planned, because the divers found fewer rotten piles than expected.
                Tickets bought for the detour through town stay valid until the end of the month, the ferry company said on Friday.

                """),
            // A thread in Chinese: a heading ("留言列表", comment list) and marks (time stamps, "回覆", reply).
            RuleExample("""
                碼頭經過六個星期的維修之後，將在星期一重新開放，第一班渡輪早上六點從北碼頭出發，之後每四十分鐘一班。
                港務長表示，工程人員在冬季風暴之後更換了四十多根木樁，新的坡道也方便輪椅、嬰兒車和單車上船。
                售票亭將在五月重新營業，在此之前旅客可以在船上或網路上購票，舊的月票在六月以前仍然有效。
                留言列表 (3)
                * #1 小林 於 2024/03/03 19:12
                * 終於修好了，每天繞路真的很累。
                小島日報 於 2024/03/04 08:30 回覆
                * #2 阿美 於 2024/03/03 20:40
                * 售票亭什麼時候開？
                小島日報 於 2024/03/04 08:35 回覆
                """, expected: """
                碼頭經過六個星期的維修之後，將在星期一重新開放，第一班渡輪早上六點從北碼頭出發，之後每四十分鐘一班。
                港務長表示，工程人員在冬季風暴之後更換了四十多根木樁，新的坡道也方便輪椅、嬰兒車和單車上船。
                售票亭將在五月重新營業，在此之前旅客可以在船上或網路上購票，舊的月票在六月以前仍然有效。

                """),
            // A blog in Chinese written in short lines without sentence punctuation (no body lines): the text of its
            // lines stands in for prose; the thread under "留言列表" holds more of it than the post, and has a mark
            // (a name and a time) on every other line. The menu item "留言" above the post is no heading.
            RuleExample("""
                * 首頁
                * 相簿
                * 留言
                * 名片
                \(Self.campingPost)
                留言列表 (10)
                * #1 小林 於 2024/03/03 19:12
                * 好美的楓葉 明年也想帶家人一起去看看 不知道要不要先預約營位呢
                * #2 阿美 於 2024/03/03 20:40
                * 照片拍得真好 請問營地有沒有熱水可以洗澡 冬天晚上應該很冷吧
                * #3 阿明 於 2024/03/04 08:15
                * 我們上週也去了 那時候楓葉還是綠的 看來這週去才是最好的時機
                * #4 小華 於 2024/03/04 09:02
                * 火鍋看起來好好吃 山上冷冷的天氣吃火鍋真的是最幸福的事情了
                * #5 阿德 於 2024/03/04 10:30
                * 請問從台北開車過去大概要多久 山路會不會很難開 小車可以上去嗎
                * #6 小玉 於 2024/03/04 12:45
                * 吊橋那一段我也走過 風景真的很漂亮 但是要小心路滑 下雨天別去
                * #7 阿光 於 2024/03/04 14:20
                * 謝謝分享這麼詳細的介紹 我已經把這個營地加到明年的行程裡面了
                * #8 小芳 於 2024/03/04 16:05
                * 看到藍天白雲配上落葉 心情都變好了 希望有機會也能去露營一次
                * #9 阿國 於 2024/03/04 18:40
                * 小學那邊現在還可以進去參觀嗎 之前聽說假日不開放給外人進去
                * #10 小雯 於 2024/03/04 21:10
                * 每次看你們的遊記都好羨慕 什麼時候也帶我們一起去山上走走呢
                """, expected: """
                - 首頁
                - 相簿
                - 留言
                - 名片
                \(Self.campingPost)

                """),
            // A comment counter with no thread after it goes alone.
            RuleExample("The pier reopens on Monday.\n12 Comments\nThe first boat leaves at six.\n",
                        expected: "The pier reopens on Monday.\nThe first boat leaves at six.\n"),
            RuleExample("The pier reopens on Monday.\n* 1,941 comments\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\n11 Comments. Click to view comments\n", expected: "The pier reopens on Monday.\n"),
            // With its button, a counter goes inside the article's body too.
            RuleExample("The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier, the harbour board said.\nEngineers found that winter storms had loosened more than forty of the wooden piles under the landing stage last year.\n14 Comments. Click to view comments\nThe harbour master said the first crossings would run every forty minutes from early morning until late in the evening.\nTickets for the first week are on sale at the kiosk, and season passes will be valid until the end of the summer.\n",
                        expected: "The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier, the harbour board said.\nEngineers found that winter storms had loosened more than forty of the wooden piles under the landing stage last year.\nThe harbour master said the first crossings would run every forty minutes from early morning until late in the evening.\nTickets for the first week are on sale at the kiosk, and season passes will be valid until the end of the summer.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nKommentare (3)\n", expected: "Der Anleger öffnet am Montag.\n"),
            // A counter that went alone is no start of the page's tail: the article's lines after it stay.
            RuleExample("""
                \(PageFurnitureRule.article)
                12 Comments
                \(PageFurnitureRule.timetable)
                Advertisement
                \(PageFurnitureRule.kiosk)
                """, expected: """
                \(PageFurnitureRule.article)
                \(PageFurnitureRule.timetable)
                \(PageFurnitureRule.kiosk)
                """),
        ],
        nonTriggering: [
            // A count of comments in a sentence, or in a longer line, is no counter.
            RuleExample("The council received 300 comments on the plan, most of them in favour.\n"),
            RuleExample("The pier reopens on Monday.\n2 comments on the new pier were read out at the meeting\n"),
            // Counters a few lines apart: a table's column (a count in it, with its heading for a list after it).
            RuleExample("The pier reopens on Monday.\nThe most discussed stories of the year:\nNew pier opens late\n1,204 comments\nBus routes cut\n877 comments\n"),
            // A counter with a mark of a thread after it stays (the thread may be found once other lines have gone).
            RuleExample("The pier reopens on Monday.\n1 Comment\nAnna Berg on March 3, 2024 at 7:12 pm\nAbout time, the detour was a nightmare.\n"),
            // The same cue as an article's own subheading over prose, with no marks of a thread after it.
            RuleExample("""
                碼頭經過六個星期的維修之後，將在星期一重新開放，第一班渡輪早上六點從北碼頭出發，之後每四十分鐘一班。
                港務長表示，工程人員在冬季風暴之後更換了四十多根木樁，新的坡道也方便輪椅、嬰兒車和單車上船。
                留言
                市民可以在星期五以前到港務處留言，對新的時刻表提出意見，港務處會在三月以前逐一回覆。
                """),
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs to the old timber landing stage.
                The harbour master has a view on the delay. Anna Berg says:
                March 3, 2024 at 7:12 pm was when the last ferry left before the repairs began.
                Anna says the ferry is late, and the kiosk by the landing stage stays closed until May.
                2 comments on “The pier reopens on Monday”
                Anna Berg on March 3, 2024 at 7:12 pm
                About time, the detour through town was a nightmare every single morning.
                """),
            RuleExample("""
                Comments
                The council received 300 comments on the plan, most of them in favour.
                Reply
                The harbour authority will reply to each of them in writing by March.
                """),
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs.
                The first crossing leaves at six in the morning.
                Crews worked through the night to finish the ramp.
                Comments
                Residents can send comments on the timetable to the harbour office until Friday.
                """),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = CommentThreadRule.headings.map { Cue($0, .strong) } + CommentThreadRule.marks.map { Cue($0, .weak) }
    /// Where each family sits in `cues`, in the order above.
    static let headingCues = Range.cues(first: headings.count)
    static let markCues = Range.cues(after: headingCues, count: marks.count)

    static let headings: [String] = [
        "comments", "comment", "reader comments", "readers' comments", "responses", "replies", "thoughts on", "discussion",
        "join the discussion", "join the conversation", "conversation", "leave a reply", "leave a comment", "what do you think?",
        "have your say", "add your comment", "post a comment", "comments are closed", "view comments", "show comments",
        "kommentare", "kommentar", "leserkommentare", "commentaires", "réactions", "comentarios", "comentários", "commenti",
        "reacties", "kommentarer", "kommentit", "комментарии", "обсуждение",
        // Chinese, Japanese, Korean
        "留言", "留言列表", "發表留言", "发表留言", "網友留言", "评论", "評論", "发表评论", "發表評論", "コメント", "コメントする",
        "댓글", "댓글쓰기",
    ]

    static let marks: [String] = [
        "reply", "[reply]", "replies", "report abuse", "report", "report comment", "permalink", "flag", "like", "likes",
        "upvote", "downvote", "points", "votes", "says:", "said:", "wrote:", "ago", "log in to reply", "sign in to reply", "edit",
        "delete", "share", "load more comments", "show more replies", "view replies", "newest", "oldest", "sort by",
        "antworten", "melden", "répondre", "signaler", "responder", "denunciar", "rispondi", "segnala", "responder",
        "reageer", "svar", "svara", "rapporter", "vastaa", "ответить", "回覆", "回复", "返信", "답글", "답글쓰기",
    ]

    /// Marks of a long thread (see `detect`).
    static let denseMarks = 10

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let blocks = context.blocks
        let matches = context.matches
        // Headings, with whether they are counted and titled ("34 responses to “Title”") and whether a count follows the
        // cue ("留言列表 (42)", "コメント（5）").
        var headingsAt: [(block: Int, titled: Bool, countedAfter: Bool)] = []
        var markLines: [Int] = []
        // Comment counters alone on their line ("12 Comments", "2 responses", "Kommentare (3)"), with their cue.
        var counters: [(block: Int, cue: Int32, coverage: Double)] = []
        var i = 0
        while i < matches.count {
            let b = matches[i].block
            let block = blocks[b]
            var j = i
            var coverage = Coverage()
            var heading = false, markAtEnd = false, titled = false, countedAfter = false, counter: Int32? = nil
            while j < matches.count && matches[j].block == b {
                let m = matches[j]
                coverage.add(m.range, in: context)
                if CommentThreadRule.headingCues.contains(m.cue) {
                    heading = true
                    if !titled { titled = CommentThreadRule.countedHeading(context.bytes, block, m.range) }
                    if !countedAfter { countedAfter = CommentThreadRule.countAfter(context.bytes, block, m.range) }
                    if counter == nil && CommentThreadRule.isCounter(context, block, m.range) { counter = m.cue }
                } else if m.range.upperBound == block.trimmed.upperBound { markAtEnd = true }
                j += 1
            }
            i = j
            if let counter { counters.append((b, counter, coverage.share(of: block))) }
            // Digits count as covered: "12 Comments", "3 hours ago".
            let covering = coverage.share(of: block) + Double(block.digits) / Double(max(block.alnum, 1))
            if heading && ((covering >= 0.6 && block.words <= 6) || titled) {
                headingsAt.append((b, !(covering >= 0.6 && block.words <= 6), countedAfter))
            } else if (covering >= 0.6 && block.words <= 6) || (markAtEnd && block.words <= 8 && !block.endsLikeSentence) {
                markLines.append(b)
            }
        }
        guard !headingsAt.isEmpty else { return }
        // A counter outside the article body goes alone: before the heading of the thread found, or, when none is,
        // with no mark of a thread after it anywhere (it may head a thread found only once other lines have gone).
        // One in the body is the article's ("1,941 comments" on a consultation), and so are counters a few lines
        // apart (a table of the most commented stories).
        var lastMark = markLines.last ?? -1
        if !counters.isEmpty {
            var k = blocks.count - 1
            while k > lastMark && !CommentThreadRule.isTimestamp(context.bytes, blocks[k]) { k -= 1 }
            lastMark = max(lastMark, k)
        }
        // A counter with its button ("11 Comments. Click to view comments") is the page's, wherever it stands.
        let prompted = counters.map { CommentThreadRule.hasViewPrompt(context.bytes, blocks[$0.block]) }
        for (k, c) in counters.enumerated() where prompted[k] && !context.layout.ignored[c.block] {
            findings.append(Finding(block: c.block, strength: .definite, evidence: .cues([c.cue], coverage: c.coverage)))
        }
        func counting(before end: Int, afterMarks: Bool) {
            let core = context.layout.core
            for (k, c) in counters.enumerated() where !prompted[k] && c.block < end && (!afterMarks || c.block > lastMark)
                && !context.layout.ignored[c.block] && (c.block < core.lowerBound || c.block >= core.upperBound) {
                // Counters a few lines apart are a table's column (the most commented stories).
                if (k > 0 && c.block - counters[k - 1].block <= CommentThreadRule.counterTableGap)
                    || (k + 1 < counters.count && counters[k + 1].block - c.block <= CommentThreadRule.counterTableGap) { continue }
                findings.append(Finding(block: c.block, strength: .definite, evidence: .cues([c.cue], coverage: c.coverage)))
            }
        }
        let body = context.layout
        // Prose before each line: the body's words; on a page without body lines (a blog in Chinese written in
        // short lines without sentence punctuation), the letters of its lines in scripts without spaces.
        // There the heading must carry a count after its cue ("留言列表 (42)") and not be a bulleted item (a sidebar's
        // "* 留言 (5)"), a third of that text must come before it, a mark must follow it within
        // `unpunctuatedFirstMark` lines, and a long thread must have no stretch of more than `unpunctuatedGap` lines
        // without a mark: a menu item ("留言", leave a message) above a post, even one whose entries carry dates and
        // times (a diary, a live blog), is not taken for the thread's heading.
        var proseBefore = body.bodyWordsBefore, prose = body.bodyWords
        let unpunctuated = prose == 0
        if unpunctuated { (proseBefore, prose) = CommentThreadRule.unpunctuatedProse(blocks, body) }
        // The thread follows the article: most of the page's prose comes before its heading.
        // A counted heading ("34 responses to “Title”") may be followed by more prose than the article
        // has when the thread is long: then the article must have some length and the marks be twice as dense.
        for (h, titled, countedAfter) in headingsAt where prose > 0 {
            guard !body.ignored[h] else { continue }
            let leads = proseBefore[h] * 2 >= prose
            // Comment lines with a date and a clock time ("March 3, 2024 at 7:12 pm", "Anna · 2 days ago
            // at 07:52 am") are marks too; a line is counted once. `upToLast`: the lines up to the last mark.
            var marks = 0, lines = 0, upToLast = 0, gap = 0, firstMark = 0, next = markLines.firstIndex { $0 > h } ?? markLines.count
            for b in (h + 1)..<max(h + 1, blocks.count) where !body.skips(b, blocks) {
                lines += 1
                while next < markLines.count && markLines[next] < b { next += 1 }
                if (next < markLines.count && markLines[next] == b) || CommentThreadRule.isTimestamp(context.bytes, blocks[b]) {
                    marks += 1
                    if firstMark == 0 { firstMark = lines }
                    gap = max(gap, lines - upToLast)
                    upToLast = lines
                }
            }
            lines += 1
            // A long thread with marks on one line in five up to its last one (a name, a time and a rating
            // around each comment) is a thread even when its comments hold more prose than the article before
            // it, and whatever link lists follow it.
            let dense = marks >= CommentThreadRule.denseMarks && marks * 5 >= upToLast + 1
            if unpunctuated && !(countedAfter && firstMark > 0 && firstMark <= CommentThreadRule.unpunctuatedFirstMark
                                 && proseBefore[h] * 3 >= prose && !PageFurnitureRule.isBulletItem(context.bytes, blocks[h])) { continue }
            guard leads || ((titled || dense) && proseBefore[h] >= 100 && (!unpunctuated || (dense && gap <= CommentThreadRule.unpunctuatedGap))) else { continue }
            // Marks of a thread are dense: at least one line in ten after the heading (lines already
            // removed do not count).
            guard dense || (marks >= 2 && marks * 10 >= lines) else { continue }
            // Under a counted heading ("2 comments on “Title”") a thread needs several marks: a short one may
            // be kept as part of the post.
            guard !titled || dense || (marks >= 6 && (leads || marks * 5 >= lines)) else { continue }
            for b in h..<blocks.count where !body.skips(b, blocks) {
                findings.append(Finding(block: b, strength: .definite, evidence: .thread(heading: h, marks: marks)))
            }
            counting(before: h, afterMarks: false)
            return
        }
        counting(before: blocks.count, afterMarks: true)
    }

    /// The line ends with "Click to view comments" (after a counter: see `isCounter`).
    static func hasViewPrompt(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let n = "click to view comments".utf8.count
        return block.trimmed.count > n && Bytes.hasPrefix(p, block.trimmed.upperBound - n, block.trimmed.upperBound, "click to view comments")
    }

    /// The line is a count and the heading cue at `cue` ("12 Comments", "* 1,941 comments", "2 responses"), and
    /// nothing more but a full stop and "Click to view comments"; or the cue and a count in parentheses ("Kommentare (3)").
    static func isCounter(_ context: DetectionContext, _ block: Block, _ cue: Range<Int>) -> Bool {
        let p = context.bytes
        let end = block.trimmed.upperBound
        var i = context.firstWordOffset(block)
        if i == cue.lowerBound { return countAfter(p, block, cue) }
        var digits = 0
        while i < cue.lowerBound && ((p[i] >= 0x30 && p[i] <= 0x39) || ((p[i] == 0x2C || p[i] == 0x2E) && digits > 0)) {
            if p[i] >= 0x30 && p[i] <= 0x39 { digits += 1 }
            i += 1
        }
        guard digits > 0 && digits <= 9 else { return false }
        while i < cue.lowerBound && p[i] == 0x20 { i += 1 }
        guard i == cue.lowerBound else { return false }
        var j = cue.upperBound
        while j < end && (p[j] == 0x20 || p[j] == 0x2E) { j += 1 }
        return j == end || (Bytes.hasPrefix(p, j, end, "click to view comments") && j + 22 == end)
    }

    /// Lines in a script without spaces (Chinese, Japanese) of at least `unpunctuatedLetters` letters that are
    /// not furniture count as prose with half their letters, as `ArticleBody.proseWords` counts them: per line the
    /// count before it, and the total. Only for pages without body lines (no sentence punctuation anywhere).
    static func unpunctuatedProse(_ blocks: [Block], _ body: ArticleBody) -> (before: [Int], total: Int) {
        var before = [Int](filled: 0, count: blocks.count)
        var total = 0
        for (index, block) in blocks.enumerated() {
            before[index] = total
            if body.skips(index, blocks) || !block.hasCJK || block.alnum < unpunctuatedLetters || body.kinds[index] == .furniture { continue }
            total += block.alnum / 2
        }
        return (before, total)
    }

    /// See `unpunctuatedProse`: shorter lines are names, dates, menu items.
    static let unpunctuatedLetters = 16

    /// On a page without body lines, a long thread has a mark at least every this many lines (see `detect`).
    static let unpunctuatedGap = 20

    /// Counters at most this many lines apart are a column of a table, not counters of the page (see `detect`).
    static let counterTableGap = 6

    /// On a page without body lines, a thread's first mark comes within this many lines of its heading.
    static let unpunctuatedFirstMark = 3

    /// After the cue at `cue`, a count in parentheses and nothing more: "留言列表 (42)", "コメント（5）", "Comments (3)".
    static func countAfter(_ p: UnsafeBufferPointer<UInt8>, _ block: Block, _ cue: Range<Int>) -> Bool {
        let end = block.trimmed.upperBound
        var i = cue.upperBound
        while i < end && p[i] == 0x20 { i += 1 }
        // "(" or the full-width "（" (EF BC 88).
        if i < end && p[i] == 0x28 { i += 1 } else if i + 2 < end && p[i] == 0xEF && p[i + 1] == 0xBC && p[i + 2] == 0x88 { i += 3 } else { return false }
        var digits = 0
        while i < end && p[i] >= 0x30 && p[i] <= 0x39 { digits += 1; i += 1 }
        guard digits > 0 && digits <= 6 else { return false }
        // ")" or "）" (EF BC 89), then the line's end.
        if i < end && p[i] == 0x29 { i += 1 } else if i + 2 < end && p[i] == 0xEF && p[i + 1] == 0xBC && p[i + 2] == 0x89 { i += 3 } else { return false }
        return i == end
    }

    /// "12 thoughts on “Title”", "3 responses to “Title”", "There are 13 comments", "One reply": a count
    /// before the heading cue at `cue`, and after it nothing, or "on"/"to" and an opening quotation mark.
    static func countedHeading(_ p: UnsafeBufferPointer<UInt8>, _ block: Block, _ cue: Range<Int>) -> Bool {
        var i = block.trimmed.lowerBound
        let end = block.trimmed.upperBound
        // "There are " / "There is ".
        if cue.lowerBound - i > 10 && Bytes.hasPrefix(p, i, end, "there ") {
            i += 6
            while i < cue.lowerBound && p[i] != 0x20 { i += 1 }
            i += 1
        }
        var digits = 0
        while i < cue.lowerBound && p[i] >= 0x30 && p[i] <= 0x39 { digits += 1; i += 1 }
        if digits == 0 && cue.lowerBound - i >= 4 && Bytes.hasPrefix(p, i, end, "one") {
            digits = 1; i += 3   // "One"
        }
        guard digits > 0 && digits <= 6 else { return false }
        while i < cue.lowerBound && p[i] == 0x20 { i += 1 }
        guard i == cue.lowerBound else { return false }
        var j = cue.upperBound
        while j < end && p[j] == 0x20 { j += 1 }
        if j == end { return true }
        // "on" / "to" unless the cue ended with it ("thoughts on").
        if Bytes.hasPrefix(p, j, end, "on ") || Bytes.hasPrefix(p, j, end, "to ") {
            j += 3
            while j < end && p[j] == 0x20 { j += 1 }
        }
        guard j < end else { return false }
        // “ (E2 80 9C), „ (E2 80 9E), ‘ (E2 80 98), « (C2 AB), " or '.
        if p[j] == 0x22 || p[j] == 0x27 { return true }
        if p[j] == 0xC2 && j + 1 < end && p[j + 1] == 0xAB { return true }
        return p[j] == 0xE2 && j + 2 < end && p[j + 1] == 0x80 && (p[j + 2] == 0x9C || p[j + 2] == 0x9E || p[j + 2] == 0x98)
    }

    /// A short line with a clock time ("7:12 pm", "19:05") and a date or "am"/"pm": the time stamp of a
    /// comment. Not a sentence.
    static func isTimestamp(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        guard block.words >= 2, block.words <= 14, block.digits >= 3, !block.endsLikeSentence else { return false }
        let start = block.trimmed.lowerBound, end = block.trimmed.upperBound
        var clock = false, year = false, meridiem = false
        var i = start
        var run = 0
        while i < end {
            let c = p[i]
            if c >= 0x30 && c <= 0x39 {
                run += 1
            } else {
                if run == 4 && (p[i - 4] == 0x31 || p[i - 4] == 0x32) { year = true }
                if c == 0x3A && run >= 1 && run <= 2 && i + 2 < end && p[i + 1] >= 0x30 && p[i + 1] <= 0x39
                    && p[i + 2] >= 0x30 && p[i + 2] <= 0x39 && (i + 3 == end || p[i + 3] < 0x30 || p[i + 3] > 0x39) {
                    clock = true
                    var k = i + 3
                    while k < end && p[k] == 0x20 { k += 1 }
                    if k + 1 < end && ((p[k] | 0x20) == 0x61 || (p[k] | 0x20) == 0x70) && ((p[k + 1] | 0x20) == 0x6D || p[k + 1] == 0x2E) {
                        meridiem = true
                    }
                }
                run = 0
            }
            i += 1
        }
        if run == 4 && (p[end - 4] == 0x31 || p[end - 4] == 0x32) { year = true }
        return clock && (year || meridiem)
    }
}
