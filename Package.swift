// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Ensemble",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ensemble", targets: ["ensemble"]),
    ],
    targets: [
        // C libraries from Debian, wrapped with non-variadic shims.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        .target(name: "EnsembleSupport", dependencies: ["CYAML"]),
        .target(name: "HTTP", dependencies: ["EnsembleSupport", "CCurl", "CMicroHTTPD"]),
        .target(name: "KubeTesting", dependencies: ["EnsembleSupport", "HTTP"]),
        .target(name: "EnsembleAPI", dependencies: ["EnsembleSupport", "KubeCore"]),
        .target(name: "KubeCore", dependencies: ["EnsembleSupport"]),
        .target(name: "KubeClient", dependencies: ["KubeCore", "HTTP", "EnsembleSupport"]),
        .target(name: "KubeRuntime", dependencies: ["EnsembleSupport"]),
        .target(name: "KubeRuntimeClient", dependencies: ["KubeRuntime", "KubeClient", "KubeCore", "EnsembleSupport"]),
        .target(
            name: "EnsembleCLI",
            dependencies: [
                "EnsembleSupport", "HTTP", "KubeTesting", "EnsembleAPI", "KubeCore", "KubeClient", "KubeRuntime",
                "KubeRuntimeClient",
            ]),
        .executableTarget(name: "ensemble", dependencies: ["EnsembleCLI"]),

        .testTarget(name: "EnsembleSupportTests", dependencies: ["EnsembleSupport"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "EnsembleSupport"]),
        .testTarget(name: "KubeTestingTests", dependencies: ["KubeTesting", "HTTP", "EnsembleSupport", "EnsembleAPI"]),
        .testTarget(name: "EnsembleAPITests", dependencies: ["EnsembleAPI", "EnsembleSupport", "KubeCore"]),
        .testTarget(name: "KubeCoreTests", dependencies: ["KubeCore"]),
        .testTarget(name: "KubeClientTests", dependencies: ["KubeClient", "KubeCore", "KubeTesting", "HTTP", "EnsembleSupport"]),
        .testTarget(name: "KubeRuntimeTests", dependencies: ["KubeRuntime", "EnsembleSupport"]),
        .testTarget(
            name: "KubeRuntimeClientTests",
            dependencies: ["KubeRuntimeClient", "KubeRuntime", "KubeClient", "KubeCore", "KubeTesting", "EnsembleSupport"]),
        .testTarget(
            name: "EnsembleCLITests",
            dependencies: [
                "EnsembleCLI", "ensemble", "EnsembleSupport", "HTTP", "KubeClient", "KubeCore", "KubeTesting",
                "KubeRuntimeClient",
            ]),

        .executableTarget(name: "ensemble-bench-http", dependencies: ["HTTP", "EnsembleSupport"], path: "bench/http"),
        .executableTarget(
            name: "ensemble-bench-runtime",
            dependencies: ["KubeRuntime", "KubeRuntimeClient", "KubeClient", "KubeCore", "KubeTesting", "EnsembleSupport"],
            path: "bench/runtime"),
    ],
    swiftLanguageModes: [.v6]
)
