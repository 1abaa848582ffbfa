import EnsembleSupport

/// What `ensemble version` reports: the Ensemble version and facts the compiler knows about this build.
public struct BuildInfo: Sendable, Hashable {
    public let version: String
    /// The Swift compiler's major.minor version, known at compile time.
    public let swiftVersion: String
    /// Operating system and architecture, as in `linux/x86_64`.
    public let platform: String
    /// `debug` or `release`.
    public let configuration: String

    public static let current = BuildInfo(
        version: EnsembleVersion.current,
        swiftVersion: compilerVersion,
        platform: operatingSystem + "/" + architecture,
        configuration: buildConfiguration)

    public var text: String {
        "ensemble \(version) (swift \(swiftVersion), \(platform), \(configuration) build)"
    }

    public var json: JSONValue {
        .object([
            "version": .string(version),
            "swiftVersion": .string(swiftVersion),
            "platform": .string(platform),
            "configuration": .string(configuration),
        ])
    }

    private static var compilerVersion: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    private static var operatingSystem: String {
        #if os(Linux)
        return "linux"
        #elseif os(macOS)
        return "macos"
        #else
        return "unknown"
        #endif
    }

    private static var architecture: String {
        #if arch(x86_64)
        return "x86_64"
        #elseif arch(arm64)
        return "arm64"
        #else
        return "unknown"
        #endif
    }

    private static var buildConfiguration: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }
}
