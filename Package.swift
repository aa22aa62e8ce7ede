// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Winnow",
    products: [
        .library(name: "Winnow", targets: ["Winnow"]),
        .executable(name: "winnow", targets: ["winnow"]),
    ],
    targets: [
        .target(name: "Winnow"),
        .executableTarget(name: "winnow", dependencies: ["Winnow"]),
        .testTarget(name: "WinnowTests", dependencies: ["Winnow"]),
    ],
    swiftLanguageModes: [.v6]
)
