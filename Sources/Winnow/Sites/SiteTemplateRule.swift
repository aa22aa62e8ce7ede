/// Where per-site block counts come from: a learned `SiteModel`, or a crawler's live `SiteMemory`.
public protocol SiteStatistics: Sendable {
    /// In how many documents of `host` a block with this fingerprint appeared, and how many documents of
    /// `host` were counted; nil for an unknown host.
    func counts(host: String, fingerprint: UInt64) -> (block: Int, site: Int)?

    /// The counts of several blocks of one document at once: `blocks[i]` becomes the documents of `host`
    /// with `fingerprints[i]` (0 when unseen); returns the site's documents, nil for an unknown host.
    func counts(host: String, fingerprints: [UInt64], into blocks: inout [Int]) -> Int?
}

extension SiteStatistics {
    public func counts(host: String, fingerprints: [UInt64], into blocks: inout [Int]) -> Int? {
        blocks.removeAll(keepingCapacity: true)
        guard let site = counts(host: host, fingerprint: 0)?.site else { return nil }
        for f in fingerprints { blocks.append(counts(host: host, fingerprint: f)?.block ?? 0) }
        return site
    }
}

extension SiteModel: SiteStatistics {}

/// When a block is a site's template: thresholds for `SiteTemplateRule`.
///
/// Defaults: a site is judged only after 10 documents; a short block must appear in at least 5 of them
/// and in at least 20% (a promo line rotated among several is still caught, a phrase two articles
/// happen to share is not); a prose line (10+ words, a sentence) needs 10 documents and half of the
/// site's, because a paragraph repeated across many articles is rarer and costlier to lose.
public struct SiteTemplateThresholds: Sendable, Equatable {
    public var minSiteDocuments = 10
    public var minBlockDocuments = 5
    public var minShare = 0.2
    public var proseMinBlockDocuments = 10
    public var proseMinShare = 0.5

    public init() {}

    /// The fewest documents any block needs (a model's rarer blocks can never be removed).
    public var minimumBlockDocuments: Int { min(minBlockDocuments, proseMinBlockDocuments) }
}

/// Blocks that a site repeats across its documents (its template: promos, footers, sign-offs), learned
/// from the corpus with `winnow learn` or kept by a crawler's `SiteMemory`. Inactive without site
/// statistics or without the document's site.
public struct SiteTemplateRule: Rule {
    public let statistics: (any SiteStatistics)?
    public let thresholds: SiteTemplateThresholds

    public init(statistics: (any SiteStatistics)? = nil, thresholds: SiteTemplateThresholds = SiteTemplateThresholds()) {
        // A learned model is looked up once per line: keep only the blocks that can pass the thresholds, so
        // the table is small (and stays in cache) and the result is the same.
        if let model = statistics as? SiteModel {
            self.statistics = model.keeping(minDocuments: thresholds.minimumBlockDocuments)
        } else {
            self.statistics = statistics
        }
        self.thresholds = thresholds
    }

    static let exampleCorpus: [String] = (1...12).map { n in
        "Story number \(n) about the harbour, with its own details and quotes.\nFølg Havnebladet på nett for mer lokalt stoff\n"
    }

    public static let description = RuleDescription(
        id: "site-template",
        name: "Site templates",
        family: .template,
        summary: "Removes blocks a site repeats across its documents, learned from the corpus (needs a site model).",
        languages: [],
        triggering: [
            RuleExample("The pier reopens on Monday.\nFølg Havnebladet på nett for mer lokalt stoff\n",
                        expected: "The pier reopens on Monday.\n", site: "havnebladet.example", corpus: exampleCorpus),
        ],
        nonTriggering: [
            RuleExample("The pier reopens on Monday.\nFølg Havnebladet på nett for mer lokalt stoff\n",
                        site: "other.example", corpus: exampleCorpus, corpusSite: "havnebladet.example"),
            RuleExample("The pier reopens on Monday.\nFølg Havnebladet på nett for mer lokalt stoff\n",
                        site: "havnebladet.example", corpus: Array(exampleCorpus.prefix(4))),
        ],
        enabledByDefault: true)

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        guard let statistics, let site = context.site else { return }
        guard let probe = statistics.counts(host: site, fingerprint: 0), probe.site >= thresholds.minSiteDocuments else { return }
        // One look-up of the site for the whole document.
        var candidates: [Int] = []
        var fingerprints: [UInt64] = []
        for (index, block) in context.blocks.enumerated() where block.alnum >= 2 {
            candidates.append(index)
            fingerprints.append(Fingerprint.hash(context.bytes, block.trimmed))
        }
        var counts: [Int] = []
        guard !candidates.isEmpty, let siteDocuments = statistics.counts(host: site, fingerprints: fingerprints, into: &counts) else { return }
        for (k, index) in candidates.enumerated() {
            let block = context.blocks[index]
            let prose = block.words >= 10 && block.endsLikeSentence
            let minDocs = prose ? thresholds.proseMinBlockDocuments : thresholds.minBlockDocuments
            let minShare = prose ? thresholds.proseMinShare : thresholds.minShare
            guard counts[k] >= minDocs, Double(counts[k]) >= minShare * Double(siteDocuments) else { continue }
            findings.append(Finding(block: index, strength: .definite, evidence: .siteTemplate(documents: counts[k], of: siteDocuments, site: site)))
        }
    }
}
