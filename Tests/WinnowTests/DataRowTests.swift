import Testing
@testable import Winnow

/// Rows of figures are a poll's, a table's or a fact box's, whatever their label says (`PhrasePolicy.isDataRow`).
struct DataRowTests {
    @Test(arguments: [("Support: 45%", true), ("Advertising: €210m", true), ("Spenden: 1,2 Mio. €", true), ("Facebook 9%", true),
                      ("Oppose: 38 %", true), ("支持：45%", true), ("Support our journalism", false), ("Copyright: 2024 Harbour Voice", false),
                      ("Support us: every donation counts", false), ("Share 12", false), ("Donate now: 5 euros a month helps", false),
                      ("Shares: 245", false), ("Facebook: 198", false), ("Donate: €5", false), ("Video: 2:35", false), ("Photo: 1/12", false),
                      ("Subscribe: €4.99/month", false), ("Jetzt spenden: 10 €", false), ("Revenue: 3bn", true)])
    func shape(text: String, isRow: Bool) {
        var bytes = Array(text.utf8)
        let row = bytes.withUnsafeMutableBufferPointer { m -> Bool in
            let p = UnsafeBufferPointer(m)
            return PhrasePolicy.isDataRow(p, Document(bytes: p).blocks[0])
        }
        #expect(row == isRow)
    }
}
