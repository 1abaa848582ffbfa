// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Ensemble",
    platforms: [.macOS(.v15)],
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
        .target(name: "EnsembleAPI", dependencies: ["EnsembleSupport"]),

        .testTarget(name: "EnsembleSupportTests", dependencies: ["EnsembleSupport"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "EnsembleSupport"]),
        .testTarget(name: "KubeTestingTests", dependencies: ["KubeTesting", "HTTP", "EnsembleSupport"]),
        .testTarget(name: "EnsembleAPITests", dependencies: ["EnsembleAPI", "EnsembleSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
