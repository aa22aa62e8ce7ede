// Fuzz target `sitemodel`: SiteModelFile.read on arbitrary bytes must throw or return a model that
// round-trips (write(model) reads back to an equal model and writing that again gives the same bytes) and
// that can be used: merged with itself, learning one more document, answering counts (as a crawler's
// SiteMemory loaded from the file would).
// Each input is read twice: as it is, and with its checksum line replaced by the right one for the bytes
// before it, so that mutations get past the checksum into the parser.

func fuzzSeeds() -> [[UInt8]] {
    var seeds = [SiteModelFile.write(exampleSiteModel()), SiteModelFile.write(SiteModel())]
    // A small one with a sample full of escapes, and one that dropped entries (droppedBelow > 0).
    var small = SiteModel()
    small.learn(host: "news.example", document: "Tab\there \"quoted\" back\\slash é 😀\nSecond line\n")
    small.learn(host: "b.example", document: "Second line\n")
    seeds.append(SiteModelFile.write(small))
    var bounded = SiteModel(maxEntries: 4)
    for doc in ruleExampleDocuments().prefix(20) { doc.withUnsafeBufferPointer { bounded.learn(host: "bounded.example", document: $0) } }
    seeds.append(SiteModelFile.write(bounded))
    return seeds
}

/// `bytes` with its last line replaced by a correct checksum line (appended when there is none).
func withFreshChecksum(_ bytes: [UInt8]) -> [UInt8] {
    var body = bytes
    let marker = Array("checksum ".utf8)
    if body.last == 0x0A { body.removeLast() }
    let lineStart = (body.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
    if body[lineStart...].starts(with: marker) { body.removeSubrange(lineStart...) } else { body.append(0x0A) }
    if body == [0x0A] { body = [] }
    let sum = SiteModelFile.fnv1a(body[...])
    return body + Array("checksum \(SiteModelFile.hex16(sum))\n".utf8)
}

func roundTrip(_ bytes: [UInt8]) {
    let model: SiteModel
    do { model = try SiteModelFile.read(bytes) } catch { return }
    let written = SiteModelFile.write(model)
    do {
        let again = try SiteModelFile.read(written)
        require(again == model, "model read back differs: \(show(written))")
        require(SiteModelFile.write(again) == written, "writing the read-back model gives other bytes: \(show(written))")
        require(model.entryCount <= model.maxEntries, "more entries than the bound")
        var merged = model
        merged.merge(again)
        for site in model.sites {
            let counts = merged.counts(host: site.host, fingerprint: 0)
            require(counts?.site == site.documents &* 2 || site.documents > Int.max / 2, "merged site count \(String(describing: counts))")
            merged.learn(host: site.host, document: "One more document.\n")
        }
    } catch {
        require(false, "a written model is refused: \(error): \(show(written)) (from \(show(bytes)))")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSiteModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    roundTrip(bytes)
    roundTrip(withFreshChecksum(bytes))
    return 0
}
