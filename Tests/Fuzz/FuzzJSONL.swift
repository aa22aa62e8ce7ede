// Fuzz target `jsonl`: the JSONL field codec (JSONLField.locate / unescape / escape / splice) on arbitrary
// bytes taken as one line, checked against Foundation's JSONSerialization as an oracle:
// - unescape(escape(x)) == x for any bytes x, and escape's output is a string locate accepts;
// - when JSONSerialization accepts the line as an object whose "text" is a string, locate finds the field
//   (or says it is there twice) and unescape gives that string; a missing "text" is .missingField, a
//   non-string one .notAString; an array or other non-object is .notAnObject;
// - when locate accepts a line JSONSerialization refuses, the refusal must be one of the cases where
//   JSONSerialization is stricter than the documented scanner (lone surrogates, invalid UTF-8, numbers out
//   of Double's range);
// - escape is canonical: escape(unescape(escape(u))) == escape(u);
// - splice keeps every byte outside the field, and the spliced line locates again to the new value.
// Where JSONSerialization departs from RFC 8259 the checks are skipped: it accepts a leading UTF-8 BOM and
// trailing commas, and drops a raw U+FEFF at the start of a string or after an escape (so `"\u{FEFF}text"`
// reads as the key `text`); and NUL bytes among the first four make it guess UTF-16 or UTF-32 (`{\0}\0\0` reads
// as `{}`). locate follows the RFC, UTF-8 only.
import Foundation

let field = Array("text".utf8)

func fuzzSeeds() -> [[UInt8]] {
    var seeds: [[UInt8]] = []
    for (i, doc) in ruleExampleDocuments().enumerated() {
        var line = Array("{\"id\":\(i),\"text\":\"".utf8)
        doc.withUnsafeBufferPointer { JSONLField.escape($0, into: &line) }
        line += Array("\"}".utf8)
        seeds.append(line)
    }
    let edges = [
        #"{"text":"a\nb\u00e9\ud83d\ude00\/\"\\ \t\u0000"}"#, #"{"text":"\ud800 lone \udc00"}"#,
        #"{"id":"x","text":"Donate now","meta":{"text":1,"a":[1,-2.5e+3,true,false,null,{}]}}"#,
        #"{"t\u0065xt":"escaped key"}"#, #"{"text":"one","text":"two"}"#, #"{"text":null}"#, #"[{"text":"a"}]"#,
        #"{"text":12}"#, "{\"text\":\"crlf\"}\r", " \t{ \"text\" : \"spaced\" } ", #"{"text":"x","winnow":{"removed":[]}}"#,
        #"{"body":"no text field"}"#, "{\"text\":\"caf\u{e9} \u{1F600}\"}",
    ]
    seeds += edges.map { Array($0.utf8) }
    return seeds
}

func unescaped(_ raw: some Collection<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    Array(raw).withUnsafeBufferPointer { JSONLField.unescape($0, into: &out) }
    return out
}

func escaped(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    bytes.withUnsafeBufferPointer { JSONLField.escape($0, into: &out) }
    return out
}

func locate(_ line: [UInt8]) -> Result<JSONLStringField, JSONLLineProblem> {
    line.withUnsafeBufferPointer { JSONLField.locate(field, in: $0) }
}

/// A comma followed (after white space) by a closing bracket anywhere in the line: JSONSerialization
/// accepts trailing commas. Crude (strings are not skipped), so it only ever skips checks.
func hasTrailingComma(_ line: [UInt8]) -> Bool {
    var i = 0
    while i < line.count {
        if line[i] == 0x2C {
            var j = i + 1
            while j < line.count, [0x20, 0x09, 0x0A, 0x0D].contains(line[j]) { j += 1 }
            if j < line.count, line[j] == 0x7D || line[j] == 0x5D { return true }
        }
        i += 1
    }
    return false
}

/// A raw U+FEFF anywhere in the line.
func hasBOM(_ line: [UInt8]) -> Bool {
    guard line.count >= 3 else { return false }
    for i in 0..<(line.count - 2) where line[i] == 0xEF && line[i + 1] == 0xBB && line[i + 2] == 0xBF { return true }
    return false
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = Array(UnsafeBufferPointer(start: data, count: size))

    // Any bytes survive escape then unescape, and escaped bytes make a valid string field.
    let e = escaped(line)
    require(unescaped(e) == line, "unescape(escape(x)) != x for x = \(show(line))")
    let wrapped = Array("{\"text\":\"".utf8) + e + Array("\"}".utf8)
    switch locate(wrapped) {
    case .success(let f): require(f.valueRange == 9..<(9 + e.count), "escaped field located at \(f.valueRange)")
    case .failure(let p): require(false, "escape output refused by locate: \(p) in \(show(wrapped))")
    }

    let located = locate(line)

    // The oracle.
    let lenient = hasBOM(line) || hasTrailingComma(line) || line.prefix(4).contains(0)
    var refusal: String? = nil
    var object: Any? = nil
    do { object = try JSONSerialization.jsonObject(with: Data(line)) } catch {
        refusal = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }
    if let dictionary = object as? [String: Any] {
        let value = dictionary["text"]
        switch located {
        case .success(let f):
            require(value is String, "locate found a string, JSONSerialization has \(String(describing: value)) in \(show(line))")
            let u = unescaped(line[f.valueRange])
            if let s = value as? String, !lenient, String(validating: u, as: UTF8.self) != nil {
                require(Array(s.utf8) == u, "unescape gives \(show(u)), JSONSerialization \(show(Array(s.utf8))) in \(show(line))")
            }
        case .failure(.duplicateField):
            break  // JSONSerialization keeps the last copy
        case .failure where lenient:
            break
        case .failure(let problem):
            if value == nil {
                require(problem == .missingField("text"), "no text per JSONSerialization, locate says \(problem) in \(show(line))")
            } else if value is String {
                require(false, "JSONSerialization finds the string, locate says \(problem) in \(show(line))")
            } else {
                if case .notAString = problem {} else {
                    require(false, "text is \(type(of: value!)) per JSONSerialization, locate says \(problem) in \(show(line))")
                }
            }
        }
    } else if object != nil {
        if !lenient { require(located == .failure(.notAnObject), "JSONSerialization reads a non-object, locate says \(located) in \(show(line))") }
    } else if case .success = located, let refusal {
        let stricter = ["surrogate", "high character", "UTF-8", "UTF8", "not representable"]
        require(stricter.contains { refusal.contains($0) },
                "locate accepts what JSONSerialization refuses (\(refusal)): \(show(line))")
    }

    // Escaping, canonical form and splicing on the located field.
    guard case .success(let f) = located else { return 0 }
    let u = unescaped(line[f.valueRange])
    let canonical = escaped(u)
    require(unescaped(canonical) == u, "unescape(escape(unescape(raw))) differs for raw \(show(line[f.valueRange]))")
    require(escaped(unescaped(canonical)) == canonical, "escape is not canonical for \(show(u))")
    for newValue in [u, line, Array(u.reversed())] {
        var out: [UInt8] = []
        line.withUnsafeBufferPointer { l in newValue.withUnsafeBufferPointer { JSONLField.splice(line: l, field: f, newValue: $0, into: &out) } }
        let lower = f.valueRange.lowerBound, tail = line.count - f.valueRange.upperBound
        require(out.count >= lower + tail && out[..<lower].elementsEqual(line[..<lower]) && out.suffix(tail).elementsEqual(line.suffix(tail)),
                "splice changed bytes outside the field: \(show(out))")
        switch locate(out) {
        case .success(let g):
            require(g.valueRange == lower..<(out.count - tail), "spliced field located at \(g.valueRange)")
            require(unescaped(out[g.valueRange]) == newValue, "spliced value reads back differently: \(show(out))")
        case .failure(let p):
            require(false, "spliced line refused: \(p): \(show(out))")
        }
    }
    if canonical == Array(line[f.valueRange]) {
        var out: [UInt8] = []
        line.withUnsafeBufferPointer { l in u.withUnsafeBufferPointer { JSONLField.splice(line: l, field: f, newValue: $0, into: &out) } }
        require(out == line, "splicing the same canonical value changed the line")
    }
    return 0
}
