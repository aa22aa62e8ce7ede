/// One row of the benchmark: a command or the library, measured once per round.
public struct BenchmarkRow: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case measured
        /// The command exists but failed (e.g. an option it does not have yet).
        case unavailable
        case notInstalled = "not installed"
        case skipped
    }

    public var id: String
    public var label: String
    /// The command as run (`FILE` stands for the corpus).
    public var command: String
    public var isWinnow: Bool
    public var status: Status
    public var note: String?
    /// Input size and documents of one run (a reference may run on a prefix of the corpus).
    public var bytes: Int
    public var documents: Int
    /// Seconds of each round (nil for a round that failed).
    public var seconds: [Double?]
    /// Peak RSS of each round, in bytes (child processes only).
    public var peakRSS: [Int?]
    /// CPU seconds (user and system) of each round.
    public var cpuSeconds: [Double?] = []

    public init(id: String, label: String, command: String, isWinnow: Bool, bytes: Int, documents: Int) {
        self.id = id
        self.label = label
        self.command = command
        self.isWinnow = isWinnow
        self.status = .measured
        self.bytes = bytes
        self.documents = documents
        self.seconds = []
        self.peakRSS = []
    }

    public var medianSeconds: Double? { Statistics.median(seconds.compactMap { $0 }) }
    public var medianCPUSeconds: Double? { Statistics.median(cpuSeconds.compactMap { $0 }) }
    public var megabytesPerSecond: Double? { medianSeconds.map { Double(bytes) / 1e6 / $0 } }
    public var documentsPerSecond: Double? { medianSeconds.map { Double(documents) / $0 } }
    public var maxPeakRSS: Int? { peakRSS.compactMap { $0 }.max() }
    /// MB/s of each round.
    public var roundThroughput: [Double?] { seconds.map { s in s.map { Double(bytes) / 1e6 / $0 } } }
}

/// The time of `clean` with every rule, and with each rule switched off: each rule's marginal cost.
public struct RuleCost: Sendable, Codable, Equatable {
    /// A rule id, or `all rules off` for the pipeline without any rule.
    public var rule: String
    public var seconds: Double
    /// Share of the all-rules time: (all - without this rule) / all; for `all rules off`, its time / all.
    public var share: Double
}

/// Time against corpus size: wall seconds, and CPU seconds (user and system), which other work on the
/// machine barely moves, so linearity is judged on them.
public struct ScalePoint: Sendable, Codable, Equatable {
    public var bytes: Int
    public var documents: Int
    public var librarySeconds: Double?
    public var winnowSeconds: Double?
    public var libraryCPUSeconds: Double? = nil
    public var winnowCPUSeconds: Double? = nil
}

/// A target of the issue, and whether the run met it.
public struct TargetCheck: Sendable, Codable, Equatable {
    public var name: String
    public var value: String
    /// nil when it could not be measured.
    public var met: Bool?
}

/// Everything one run measured, as written to the JSON file.
public struct BenchmarkResults: Sendable, Codable {
    public var tool = "winnow-bench"
    public var command: String
    public var date: String
    public var machine: MachineInfo
    public var corpus: CorpusConfiguration
    public var corpusSummary: CorpusSummary
    public var generationSeconds: Double?
    public var runs: Int
    public var measurements: [BenchmarkRow]
    /// Median of per-round ratios, e.g. `library/python-json`.
    public var ratios: [String: Double]
    /// Share of the in-process time by stage: decode, clean, encode, read (reading and splitting lines).
    public var stages: [String: Double]
    public var ruleSampleBytes: Int
    public var ruleCosts: [RuleCost]
    public var scaling: [ScalePoint]
    public var linearitySpread: [String: Double]
    /// Quality of the library's output over the whole corpus; of `winnow`'s and datatrove's when run.
    public var quality: [String: QualityTally]
    public var targets: [TargetCheck]
    public var notes: [String]

    public func measurement(_ id: String) -> BenchmarkRow? { measurements.first { $0.id == id } }
}
