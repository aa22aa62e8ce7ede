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
        .executableTarget(name: "WinnowBench", dependencies: ["Winnow"], path: "Benchmarks/WinnowBench"),
        .testTarget(name: "WinnowTests", dependencies: ["Winnow"]),
    ],
    swiftLanguageModes: [.v6]
)
