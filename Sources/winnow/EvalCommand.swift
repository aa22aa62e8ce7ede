import Winnow
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `winnow eval FILE.jsonl`: cleans each labelled line's text, scores it against its gold with
/// `Evaluation`, and prints the table (or `--json`). Not the streaming path: one thread, and only the
/// per-document scores are kept.
struct EvalCommand {
    let parsed: WinnowCommand.Parsed
    let cleaner: Cleaner

    func run() -> Int32 {
        let path = parsed.files.first.flatMap { $0 == "-" ? nil : $0 }
        let display = path ?? "stdin"
        var fd: Int32 = 0
        if let path {
            var st = stat()
            if stat(path, &st) == 0 && isDirectory(st) {
                printError("winnow: \(path) is a directory")
                return ExitStatus.noInput
            }
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                printError("winnow: cannot open \(path): \(errnoText(errno))")
                return ExitStatus.noInput
            }
        }
        defer { if fd != 0 { close(fd) } }
        let textField = parsed.textField ?? "text", goldField = parsed.goldField ?? "gold"
        let idField = parsed.idField ?? "id"
        var scores: [Evaluation.DocumentScore] = []
        var skipped = 0
        var reader = LineReader(FileDescriptorSource(fd: fd))
        let batch = ByteBuffer(capacity: 0)
        var lineNumber = 0
        do {
            while try reader.nextBatch(into: batch, targetBytes: 1 << 20) {
                var stop: String? = nil
                forEachLine(in: batch.bytes) { range, _ in
                    guard stop == nil else { return }
                    lineNumber += 1
                    let line = UnsafeBufferPointer(rebasing: batch.bytes[range])
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                    switch LabelledLine.decode(line, textField: textField, goldField: goldField,
                                               groupFields: parsed.groupFields, idField: idField) {
                    case .failure(let problem):
                        let message = "winnow: \(display):\(lineNumber): \(problem.description)"
                        if parsed.strict { stop = message; return }
                        printError(message)
                        skipped += 1
                    case .success(let doc):
                        let result = cleaner.clean(doc.text)
                        let input = String(decoding: doc.text, as: UTF8.self)
                        let output = result.unchanged ? input : String(decoding: result.bytes, as: UTF8.self)
                        scores.append(Evaluation.score(id: doc.id ?? "", groups: doc.groups, line: lineNumber, input: input,
                                                       output: output, gold: String(decoding: doc.gold, as: UTF8.self)))
                    }
                }
                if let stop {
                    printError(stop)
                    return ExitStatus.dataError
                }
            }
        } catch {
            printError("winnow: cannot read \(display): \(errnoText(error.errno))")
            return ExitStatus.ioError
        }
        let worst = parsed.worst ?? 10
        var out: String
        if parsed.json {
            out = Evaluation.json(scores, fields: parsed.groupFields, worst: worst,
                                  extra: [("data", jsonString(display)), ("skipped_lines", String(skipped))]) + "\n"
        } else {
            out = Evaluation.table(scores, fields: parsed.groupFields, worst: worst)
            if skipped > 0 { out += "skipped lines: \(skipped)\n" }
        }
        var failure: WriteFailure? = nil
        out.withUTF8 { raw in
            do throws(WriteFailure) { try writeAll(1, UnsafeRawBufferPointer(raw)) } catch { failure = error }
        }
        if let failure, failure.errno != EPIPE {
            printError("winnow: cannot write to stdout: \(errnoText(failure.errno))")
            return ExitStatus.ioError
        }
        return ExitStatus.ok
    }

    private func jsonString(_ s: String) -> String {
        var out: [UInt8] = []
        ByteWriter.appendJSONString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
