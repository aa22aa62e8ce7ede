/// Comment threads: from a comment-section heading ("12 Comments", "Leave a Reply", "Join the
/// discussion") to the end of the page, when what follows has the marks of a thread ("Reply",
/// "Report abuse", "Anna says:", "3 hours ago", ...) on at least two lines and on one line in ten. At least half of the page's
/// prose must come before the heading, so an article's own section called "Comments", or a comment
/// link above the article, stays.
public struct CommentThreadRule: Rule {
    public init() {}

    public var usesLayout: Bool { true }

    public static let description = RuleDescription(
        id: "comment-thread",
        name: "Comment threads",
        family: .comments,
        summary: "Removes reader comment threads from their heading to the end of the page.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "fi", "ru"],
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
        ],
        nonTriggering: [
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

    static let headings: [String] = [
        "comments", "comment", "reader comments", "readers' comments", "responses", "replies", "thoughts on", "discussion",
        "join the discussion", "join the conversation", "conversation", "leave a reply", "leave a comment", "what do you think?",
        "have your say", "add your comment", "post a comment", "comments are closed", "view comments", "show comments",
        "kommentare", "kommentar", "leserkommentare", "commentaires", "réactions", "comentarios", "comentários", "commenti",
        "reacties", "kommentarer", "kommentit", "комментарии", "обсуждение",
    ]

    static let marks: [String] = [
        "reply", "[reply]", "replies", "report abuse", "report", "report comment", "permalink", "flag", "like", "likes",
        "upvote", "downvote", "points", "says:", "said:", "wrote:", "ago", "log in to reply", "sign in to reply", "edit",
        "delete", "share", "load more comments", "show more replies", "view replies", "newest", "oldest", "sort by",
        "antworten", "melden", "répondre", "signaler", "responder", "denunciar", "rispondi", "segnala", "responder",
        "reageer", "svar", "svara", "rapporter", "vastaa", "ответить",
    ]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let blocks = context.blocks
        let matches = context.matches
        let headingCount = Int32(CommentThreadRule.headings.count)
        var headingsAt: [Int] = []
        var markLines: [Int] = []
        var i = 0
        while i < matches.count {
            let b = matches[i].block
            let block = blocks[b]
            var j = i
            var coverage = Coverage()
            var heading = false, markAtEnd = false
            while j < matches.count && matches[j].block == b {
                let m = matches[j]
                coverage.add(m.range, in: context)
                if m.cue < headingCount { heading = true } else if m.range.upperBound == block.trimmed.upperBound { markAtEnd = true }
                j += 1
            }
            i = j
            // Digits count as covered: "12 Comments", "3 hours ago".
            let covering = coverage.share(of: block) + Double(block.digits) / Double(max(block.alnum, 1))
            if heading && covering >= 0.6 && block.words <= 6 {
                headingsAt.append(b)
            } else if (covering >= 0.6 && block.words <= 6) || (markAtEnd && block.words <= 8 && !block.endsLikeSentence) {
                markLines.append(b)
            }
        }
        guard !headingsAt.isEmpty else { return }
        let body = context.layout
        // The thread follows the article: most of the page's prose comes before its heading.
        for h in headingsAt where body.bodyWords > 0 && body.bodyWordsBefore[h] * 2 >= body.bodyWords {
            guard !body.ignored[h] else { continue }
            let marks = markLines.filter { $0 > h && !body.ignored[$0] }.count
            // Marks of a thread are dense: at least one line in ten after the heading (lines already
            // removed do not count).
            let lines = (h..<blocks.count).lazy.filter { !body.skips($0, blocks) }.count
            guard marks >= 2, marks * 10 >= lines else { continue }
            for b in h..<blocks.count where !body.skips(b, blocks) {
                findings.append(Finding(block: b, strength: .definite, evidence: .thread(heading: h, marks: marks)))
            }
            return
        }
    }
}
