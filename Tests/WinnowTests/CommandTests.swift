import Foundation
import Testing

/// The `winnow` command as a user runs it.
struct CommandTests {
    @Test func emptyInputGivesEmptyOutput() throws {
        let run = try runWinnow([])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
    }

    @Test(arguments: [["--frobnicate"], ["-x"], ["--disable"], ["--explain=yes"]])
    func usageErrors(_ args: [String]) throws {
        let run = try runWinnow(args)
        #expect(run.status == 64)
        #expect(run.stderr.contains("usage: winnow"))
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownRuleIsAUsageError() throws {
        let run = try runWinnow(["--disable", "no-such-rule"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("no-such-rule"))
    }

    @Test func helpAndVersion() throws {
        let help = try runWinnow(["--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("--explain"))
        let version = try runWinnow(["--version"])
        #expect(version.status == 0)
        #expect(version.stdoutText.hasPrefix("winnow "))
    }

    @Test func rulesListsEveryRule() throws {
        let run = try runWinnow(["rules"])
        #expect(run.status == 0)
        for id in ["repeated-block", "donation-appeal", "payment-details", "comment-section", "list-markup"] {
            #expect(run.stdoutText.contains(id))
        }
    }

    @Test func missingFileExits66() throws {
        let run = try runWinnow(["/nonexistent/winnow-test.txt"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("/nonexistent/winnow-test.txt"))
    }

    @Test func explainNamesLineRuleAndReason() throws {
        let input = "The vote was close.\nDonate now\n\nComments are closed."
        let run = try runWinnow(["--explain"], stdin: Array(input.utf8))
        #expect(run.status == 0)
        #expect(run.stdoutText == "The vote was close.\n")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("2: donation-appeal: "))
        #expect(lines[0].contains("donate now"))
        #expect(lines[1].hasPrefix("4: comment-section: "))
    }

    @Test func invalidUTF8IsKeptByteForByte() throws {
        var input = Array("Caf".utf8) + [0xE9, 0x20, 0xFF, 0xC3] + Array(" ok.\nDonate now\n".utf8)
        let run = try runWinnow([], stdin: input)
        #expect(run.status == 0)
        input.removeLast("Donate now\n".utf8.count)
        #expect(run.stdout == input)
    }

    @Test func crlfInputKeepsCRLF() throws {
        let run = try runWinnow([], stdin: Array("One line.\r\n-\r\nItem\r\nComments are closed.\r\n".utf8))
        #expect(run.stdoutText == "One line.\r\n- Item\r\n")
    }

    @Test func disableKeepsTheRulesBlocks() throws {
        let run = try runWinnow(["--disable", "comment-section,list-markup"], stdin: Array("A.\n-\nB\nComments are closed.\n".utf8))
        #expect(run.stdoutText == "A.\n-\nB\nComments are closed.\n")
    }

    @Test func bulletOption() throws {
        let run = try runWinnow(["--bullet", "* "], stdin: Array("List:\n•\nOne\n• Two\n".utf8))
        #expect(run.stdoutText == "List:\n* One\n* Two\n")
    }
}
