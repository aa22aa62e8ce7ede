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
        // The command links the Swift runtime statically: a process that loads no Swift libraries starts
        // about 3 ms sooner, which counts when a pipeline starts one per file or per Spark partition. Only
        // this executable has the flag; packages that depend on the Winnow library are not affected.
        .executableTarget(name: "winnow", dependencies: ["Winnow"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]),
        // The benchmark: corpus generator and measurement harness (a library, so its tests can reach it),
        // and the thin `winnow-bench` command.
        .target(name: "WinnowBenchKit", dependencies: ["Winnow"], path: "Benchmarks/WinnowBenchKit"),
        .executableTarget(name: "WinnowBench", dependencies: ["WinnowBenchKit"], path: "Benchmarks/WinnowBench"),
        .testTarget(name: "WinnowTests", dependencies: ["Winnow"]),
        .testTarget(name: "WinnowBenchTests", dependencies: ["WinnowBenchKit"]),
    ],
    swiftLanguageModes: [.v6]
)
