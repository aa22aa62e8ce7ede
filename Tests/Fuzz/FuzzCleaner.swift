// Fuzz target `cleaner`: Cleaner.clean on arbitrary bytes must not crash, and
// - removals are whole lines of the input, in order, not overlapping, and rewrites lie inside it;
// - the output is never longer than the input plus what list rewrites add;
// - `unchanged` means the output is the input byte for byte;
// - cleaning the output again changes nothing (a failure here is saved as a finding, see FuzzSupport).
// The first byte chooses the cleaner: even, the default one; odd, one with site statistics learned from
// the rule examples, cleaning as one of their sites (so the site-template rule runs too).

let cleaner = try! Cleaner()
let siteModel = exampleSiteModel()
let siteCleaner = try! Cleaner(CleanerConfiguration(sites: siteModel))
let sites = siteModel.sites.map(\.host).sorted()

func fuzzSeeds() -> [[UInt8]] {
    ruleExampleDocuments().flatMap { doc in [[0x0A] + doc, [0x0B] + doc] }  // '\n' / VT: default / site cleaner
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCleaner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let useSites = size > 0 && data[0] & 1 == 1 && !sites.isEmpty
    let site = useSites ? sites[Int(data[0] >> 1) % sites.count] : nil
    let chosen = useSites ? siteCleaner : cleaner
    let once = chosen.clean(input, site: site)

    // Lines end at '\n', "\r\n" or a lone '\r'.
    func endsLine(_ i: Int) -> Bool { input[i] == 0x0A || (input[i] == 0x0D && (i + 1 == size || input[i + 1] != 0x0A)) }
    var last = -1
    for r in once.report.removals {
        require(r.range.lowerBound > last && r.range.upperBound <= size && !r.range.isEmpty,
                "removal range \(r.range) after \(last) in \(size) bytes")
        require(r.range.lowerBound == 0 || endsLine(r.range.lowerBound - 1), "removal \(r.range) does not start a line")
        require(r.range.upperBound == size || endsLine(r.range.upperBound - 1), "removal \(r.range) does not end a line")
        last = r.range.upperBound - 1
    }
    for w in once.report.rewrites {
        require(w.range.lowerBound >= 0 && w.range.upperBound <= size, "rewrite range \(w.range) outside \(size) bytes")
    }
    let growth = once.report.rewrites.reduce(0) { $0 + max(0, $1.replacement.count - $1.range.count) }
    require(once.bytes.count <= size + growth, "output \(once.bytes.count) bytes > input \(size) + rewrite growth \(growth)")
    if once.unchanged { require(once.bytes.elementsEqual(input), "reported unchanged but the bytes differ") }

    let twice = chosen.clean(once.bytes, site: site)
    if twice.bytes != once.bytes {
        finding("idempotence", input, "cleaning twice differs from once: second pass \(twice.report)")
    }
    return 0
}
