import EnsembleSupport
import Foundation
import Testing

/// `ensemble crds` prints exactly what `config/crd/` holds, in the order its kustomization lists the files.
@Suite struct CRDsCommandTests {
    private static let crdDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/crd")

    /// The CRD files as `config/crd/kustomization.yaml` lists them.
    private static func kustomizationResources() throws -> [String] {
        let kustomization = try YAML.parse(String(contentsOf: crdDirectory.appendingPathComponent("kustomization.yaml"), encoding: .utf8))
        return try #require(kustomization["resources"]?.arrayValue).compactMap(\.stringValue)
    }

    private static func checkedInFiles() throws -> [(name: String, content: String)] {
        try kustomizationResources().map { name in
            (name, try String(contentsOf: crdDirectory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    @Test func outputIsTheCheckedInCRDs() async throws {
        let result = try await EnsembleBinaryTests.run(["crds"])
        #expect(result.exitCode == 0)
        #expect(result.error.isEmpty)

        let files = try Self.checkedInFiles()
        let printed = try YAML.parseAll(result.output)
        let checkedIn = try files.map { try YAML.parse($0.content) }
        #expect(printed.map { $0["metadata"]?["name"] } == ["agentteams.ensemble.dev", "agentsessions.ensemble.dev"])
        #expect(printed == checkedIn, "`ensemble crds` and config/crd/ differ; regenerate config/crd with `ENSEMBLE_UPDATE_CRDS=1 swift test --filter CRDFilesTests`")
        #expect(result.output == files.map(\.content).joined(separator: "---\n"))
    }

    @Test func kustomizationListsEveryCRDFile() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.crdDirectory.path)
            .filter { $0.hasSuffix(".yaml") && $0 != "kustomization.yaml" }
        #expect(try Self.kustomizationResources().sorted() == onDisk.sorted())
    }

    @Test func helpExplainsInstallationAndGitOps() async throws {
        let result = try await EnsembleBinaryTests.run(["crds", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.output.contains("ensemble crds | kubectl apply -f -"))
        #expect(result.output.contains("ensemble crds | kubectl apply --server-side -f -"))
        #expect(result.output.contains("config/crd/"))
        #expect(result.output.contains("Argo CD") && result.output.contains("Flux"))
    }

    @Test func extraArgumentsAreUsageErrors() async throws {
        let result = try await EnsembleBinaryTests.run(["crds", "extra"])
        #expect(result.exitCode == 2)
        #expect(result.output.isEmpty)
    }
}
