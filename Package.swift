// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Winnow",
    products: [
        .library(name: "Winnow", targets: ["Winnow"]),
        .executable(name: "winnow", targets: ["winnow"]),
        .executable(name: "winnow-bench", targets: ["WinnowBench"]),
    ],
    targets: [
        .target(name: "Winnow"),
        .executableTarget(name: "winnow", dependencies: ["Winnow"]),
        // The benchmark: corpus generator and measurement harness (a library, so its tests can reach it),
        // and the thin `winnow-bench` command.
        .target(name: "WinnowBenchKit", dependencies: ["Winnow"], path: "Benchmarks/WinnowBenchKit"),
        .executableTarget(name: "WinnowBench", dependencies: ["WinnowBenchKit"], path: "Benchmarks/WinnowBench"),
        .testTarget(name: "WinnowTests", dependencies: ["Winnow"]),
        .testTarget(name: "WinnowBenchTests", dependencies: ["WinnowBenchKit"]),
    ],
    swiftLanguageModes: [.v6]
)
