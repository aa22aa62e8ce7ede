import Testing
@testable import Winnow

/// Comment threads on pages whose prose has no sentence punctuation (no body lines: `CommentThreadRule`
/// weighs the text of lines in scripts without spaces instead).
struct CommentThreadTests {
    static let cleaner = try! Cleaner()

    /// Unpunctuated lines of a post, each distinct, of about 25 letters.
    static func post(_ count: Int) -> [String] {
        let words = ["山上", "營地", "楓葉", "溪邊", "步道", "吊橋", "火鍋", "帳篷", "藍天", "落葉", "小學", "公路"]
        return (0..<count).map { i in
            (0..<12).map { words[(i * 5 + $0 * 7) % words.count] }.joined() + " 第\(i + 1)段"
        }
    }

    static func thread(_ comments: Int) -> [String] {
        (1...comments).flatMap { i in
            ["* #\(i) 網友\(i) 於 2024/03/0\(1 + i % 9) 1\(i % 10):2\(i % 10)", "* 好美的楓葉 明年也想帶家人一起去看看 第\(i)則"]
        }
    }

    static let header = post(8).map { "部落格介紹 " + $0 }

    /// A menu item "留言" (leave a message) above a long post, and a thread below it with no heading of its own:
    /// the marks are dense after the thread starts but not across the post, so the post stays.
    @Test(arguments: [30, 14, 3])
    func aMenuItemAboveAnUnpunctuatedPostIsNoThreadHeading(postLines: Int) {
        let lines = Self.header + ["* 首頁", "* 相簿", "* 留言", "* 名片"] + Self.post(postLines) + Self.thread(12)
        let text = lines.joined(separator: "\n") + "\n"
        let result = Self.cleaner.clean(text)
        for line in Self.post(postLines) { #expect(result.text.contains(line)) }
        #expect(!result.report.removals.contains { $0.ruleID == CommentThreadRule.description.id })
    }

    /// A diary whose entries start with a date and a time (thread marks) under the same menu, its item plain or with a
    /// count ("* 留言 (5)", a sidebar's counter): the post stays.
    @Test(arguments: ["* 留言", "* 留言 (5)"])
    func aDiaryWithTimesUnderTheMenuStays(item: String) {
        let diary = Self.post(24).enumerated().flatMap { i, line in i % 2 == 0 ? ["2024/07/2\(i % 10) 0\(i % 10):1\(i % 6)", line] : [line] }
        let lines = Self.header + ["* 首頁", "* 相簿", item, "* 名片"] + diary
        let result = Self.cleaner.clean(lines.joined(separator: "\n") + "\n")
        for line in Self.post(24) { #expect(result.text.contains(line)) }
        #expect(!result.report.removals.contains { $0.ruleID == CommentThreadRule.description.id })
    }

    /// A count of comments in the article's body (a consultation's replies by channel) is the article's.
    @Test func aCounterInTheBodyStays() {
        let text = """
            The council's consultation on the new ferry timetable drew more replies than any consultation in the island's history.
            Residents had six weeks to respond online, by post or at drop-in sessions at the school hall, most of them online.
            The council's summary, published on Monday, breaks the replies down by the way they were sent in:
            * 1,941 comments
            * 312 letters
            Most of the comments opposed the cut to the winter timetable, the summary said, and the council will vote in April.

            """
        #expect(Self.cleaner.clean(text).text.contains("1,941 comments"))
    }

    /// The same page with the thread's own heading and its count: the thread goes, the post stays.
    @Test func theThreadUnderItsHeadingGoes() {
        let lines = Self.header + ["* 首頁", "* 相簿", "* 留言", "* 名片"] + Self.post(30) + ["留言列表 (12)"] + Self.thread(12)
        let result = Self.cleaner.clean(lines.joined(separator: "\n") + "\n")
        for line in Self.post(30) { #expect(result.text.contains(line)) }
        #expect(!result.text.contains("留言列表"))
        #expect(!result.text.contains("好美的楓葉"))
    }
}
