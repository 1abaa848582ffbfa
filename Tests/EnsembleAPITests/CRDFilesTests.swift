import EnsembleAPI
import EnsembleSupport
import Foundation
import Testing

/// `config/crd/` holds exactly what `EnsembleCRDs` generates. With `ENSEMBLE_UPDATE_CRDS=1` the test writes the
/// files instead of comparing them.
@Suite struct CRDFilesTests {
    private let directory = Fixtures.packageRoot.appendingPathComponent("config/crd")
    private var updating: Bool { ProcessInfo.processInfo.environment["ENSEMBLE_UPDATE_CRDS"] == "1" }

    @Test(arguments: EnsembleCRDs.files().map(\.name))
    func checkedInCRDMatchesTheGeneratedOne(name: String) throws {
        let generated = try #require(EnsembleCRDs.files().first { $0.name == name }).content
        let file = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(generated.utf8).write(to: file)
            return
        }
        let checkedIn = try? String(contentsOf: file, encoding: .utf8)
        #expect(
            checkedIn == generated,
            "config/crd/\(name) is out of date with the Swift types. Regenerate it with `ENSEMBLE_UPDATE_CRDS=1 swift test --filter CRDFilesTests` (or `ensemble crds`) and commit the result."
        )
    }

    @Test func theFilesAreTheWholeStream() throws {
        let documents = try YAML.parseAll(EnsembleCRDs.yaml())
        #expect(documents == EnsembleCRDs.all())
        let fromFiles = try EnsembleCRDs.files().map { try YAML.parse($0.content) }
        #expect(fromFiles == documents)
    }

    @Test func noOtherFilesLingerInConfigCRD() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(names).subtracting(EnsembleCRDs.files().map(\.name)).subtracting(["kustomization.yaml"]).isEmpty)
    }
}
