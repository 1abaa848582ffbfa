import EnsembleSupport
import Foundation
import Testing

/// `kubectl` against `ensemble dev apiserver`, used as a person would. Runs only where kubectl is installed.
@Suite(.enabled(if: Kubectl.executable != nil, "kubectl is not on PATH"))
struct KubectlEmulatorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let gadgetCRD = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget, shortNames: [gd]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      color: {type: string, enum: [red, blue, green]}
                      size: {type: integer, minimum: 1}
                  status:
                    type: object
                    properties:
                      ready: {type: boolean}
        """

    static func gadget(color: String = "red", size: Int = 2) -> String {
        """
        apiVersion: example.com/v1
        kind: Gadget
        metadata:
          name: g1
          labels: {team: a}
        spec:
          color: \(color)
          size: \(size)
        """
    }

    static func deployment(image: String = "nginx:1.27") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: \(image)
                ports:
                - containerPort: 80
        """
    }

    @Test func appliesACRDAndObjectsAndReadsThemBack() async throws {
        try await DevAPIServer.with { server in
            try await server.installGadgets()
            try await server.kubectl("apply", "-f", server.write("deploy.yaml", Self.deployment()))
            let table = try await server.kubectl("get", "gadgets")
            #expect(table.output.contains("NAME"))
            #expect(table.output.contains("g1"))
            #expect(try await server.kubectl("get", "gd").output.contains("g1"), "short names resolve")

            let gadget = try await server.json("get", "gadget", "g1", "-o", "json")
            #expect(gadget["kind"] == "Gadget")
            #expect(gadget["spec"]?["size"] == 2)
            #expect(gadget["metadata"]?["labels"]?["team"] == "a")
            #expect(gadget["metadata"]?["uid"]?.stringValue?.isEmpty == false)
            let yaml = try await server.kubectl("get", "deployment", "web", "-o", "yaml").output
            let deployment = try YAML.parse(yaml)
            #expect(deployment["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:1.27")
            #expect(deployment["metadata"]?["generation"] == 1)
            let list = try await server.json("get", "deployments", "-o", "json")
            #expect(list["kind"] == "List")
            #expect(list["items"]?.arrayValue?.count == 1)

            // A second client-side apply updates in place.
            try await server.kubectl("apply", "-f", server.write("gadget.yaml", Self.gadget(size: 5)))
            #expect(try await server.json("get", "gadget", "g1", "-o", "json")["spec"]?["size"] == 5)
            try await server.kubectl("apply", "-f", server.write("deploy.yaml", Self.deployment(image: "nginx:1.28")))
            let updated = try await server.json("get", "deployment", "web", "-o", "json")
            #expect(updated["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:1.28")
            #expect(updated["metadata"]?["generation"] == 2)
        }
    }

    @Test func serverSideApplyRecordsKubectlAsTheFieldManager() async throws {
        try await DevAPIServer.with { server in
            try await server.installGadgets(applyGadget: false)
            let manifest = try server.write("gadget.yaml", Self.gadget(color: "blue"))
            let applied = try await server.kubectl("apply", "--server-side", "-f", manifest)
            #expect(applied.output.contains("serverside-applied"))
            try await server.kubectl("apply", "--server-side", "-f", server.write("deploy.yaml", Self.deployment()))
            let gadget = try await server.json("get", "gadget", "g1", "-o", "json", "--show-managed-fields")
            let managers = gadget["metadata"]?["managedFields"]?.arrayValue?.compactMap { $0["manager"]?.stringValue } ?? []
            #expect(managers.contains("kubectl"))
            #expect(gadget["metadata"]?["managedFields"]?[0]?["operation"] == "Apply")
            #expect(gadget["spec"]?["color"] == "blue")
            let deployment = try await server.json("get", "deployment", "web", "-o", "json", "--show-managed-fields")
            #expect(deployment["metadata"]?["managedFields"]?[0]?["manager"] == "kubectl")
        }
    }

    @Test func labelPatchScaleAndEditUpdateObjects() async throws {
        try await DevAPIServer.with { server in
            try await server.installGadgets()
            try await server.kubectl("apply", "-f", server.write("deploy.yaml", Self.deployment()))

            try await server.kubectl("label", "gadget", "g1", "tier=gold")
            try await server.kubectl("patch", "gadget", "g1", "--type", "merge", "-p", #"{"spec":{"color":"blue"}}"#)
            var gadget = try await server.json("get", "gadget", "g1", "-o", "json")
            #expect(gadget["metadata"]?["labels"]?["tier"] == "gold")
            #expect(gadget["metadata"]?["labels"]?["team"] == "a")
            #expect(gadget["spec"]?["color"] == "blue")

            try await server.kubectl("patch", "deployment", "web", "-p", #"{"spec":{"template":{"metadata":{"annotations":{"x":"y"}}}}}"#)
            try await server.kubectl("patch", "deployment", "web", "--type", "json", "-p", #"[{"op":"replace","path":"/spec/replicas","value":2}]"#)
            #expect(try await server.json("get", "deployment", "web", "-o", "json")["spec"]?["replicas"] == 2)
            try await server.kubectl("scale", "deployment", "web", "--replicas=4")
            let scaled = try await server.json("get", "deployment", "web", "-o", "json")
            #expect(scaled["spec"]?["replicas"] == 4)
            #expect(scaled["spec"]?["template"]?["metadata"]?["annotations"]?["x"] == "y")
            #expect(scaled["spec"]?["template"]?["spec"]?["containers"]?[0]?["name"] == "web")

            // `kubectl edit` with an editor that changes the file, as a person would in vi.
            try await server.kubectl("edit", "gadget", "g1", editor: "sed -i s/color:\\ blue/color:\\ green/")
            gadget = try await server.json("get", "gadget", "g1", "-o", "json")
            #expect(gadget["spec"]?["color"] == "green")
            try await server.kubectl("edit", "deployment", "web", editor: "sed -i s/nginx:1.27/nginx:1.29/")
            let edited = try await server.json("get", "deployment", "web", "-o", "json")
            #expect(edited["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:1.29")
        }
    }

    @Test func invalidChangesAreRefusedWithTheSchemaMessage() async throws {
        try await DevAPIServer.with { server in
            try await server.installGadgets()
            let refused = try await server.kubectl(
                "patch", "gadget", "g1", "--type", "merge", "-p", #"{"spec":{"size":0}}"#, expectSuccess: false)
            #expect(refused.exitCode != 0)
            #expect(refused.error.contains("greater than or equal to 1"), "\(refused.error)")
            let wrongEnum = try await server.kubectl(
                "patch", "gadget", "g1", "--type", "merge", "-p", #"{"spec":{"color":"pink"}}"#, expectSuccess: false)
            #expect(wrongEnum.error.contains("Unsupported value"), "\(wrongEnum.error)")
            #expect(try await server.json("get", "gadget", "g1", "-o", "json")["spec"]?["size"] == 2)
        }
    }

    @Test func getWatchSeesAChange() async throws {
        try await DevAPIServer.with { server in
            try await server.installGadgets()
            let watch = try server.start(
                "get", "gadgets", "-w", "--no-headers", "-o", "custom-columns=NAME:.metadata.name,COLOR:.spec.color")
            do {
                try await watch.waitForOutput { $0.contains("red") }
                try await server.kubectl("patch", "gadget", "g1", "--type", "merge", "-p", #"{"spec":{"color":"blue"}}"#)
                try await watch.waitForOutput { $0.contains("blue") }
                #expect(watch.output.contains("g1"))
                await watch.stop()
            } catch {
                await watch.stop()
                throw error
            }
        }
    }

    @Test func createAndReplaceWriteWholeObjects() async throws {
        try await DevAPIServer.with { server in
            let manifest = try server.write("deploy.yaml", Self.deployment())
            try await server.kubectl("create", "-f", manifest)
            let again = try await server.kubectl("create", "-f", manifest, expectSuccess: false)
            #expect(again.error.contains("AlreadyExists"))
            try await server.kubectl("replace", "-f", server.write("deploy.yaml", Self.deployment(image: "nginx:1.30")))
            let replaced = try await server.json("get", "deployment", "web", "-o", "json")
            #expect(replaced["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:1.30")
            try await server.kubectl("annotate", "deployment", "web", "note=kept")
            #expect(try await server.json("get", "deployment", "web", "-o", "json")["metadata"]?["annotations"]?["note"] == "kept")
        }
    }

    /// Ensemble's own CRDs (through their kustomization, as `kubectl apply -f config/crd/` also reads
    /// kustomization.yaml as a manifest and fails on it, against any server) and samples.
    @Test func installsEnsembleCRDsAndAppliesTheSamples() async throws {
        try await DevAPIServer.with { server in
            let config = Self.repository.appendingPathComponent("config")
            try await server.kubectl("apply", "-k", config.appendingPathComponent("crd").path)
            try await server.kubectl(
                "wait", "--for=condition=Established", "crd/agentteams.ensemble.dev", "crd/agentsessions.ensemble.dev",
                "--timeout=30s")
            try await server.kubectl("apply", "-f", config.appendingPathComponent("samples").path)
            let teams = try await server.json("get", "agentteams", "-o", "json")
            #expect(teams["items"]?.arrayValue?.isEmpty == false)
            let sessions = try await server.json("get", "agentsessions", "-o", "json")
            #expect(sessions["items"]?.arrayValue?.isEmpty == false)
            #expect(try await server.kubectl("get", "ensemble").exitCode == 0, "the `ensemble` category lists both kinds")
        }
    }

    /// The emulator's OpenAPI v3 documents carry the CRD schemas, with their descriptions, to `kubectl explain`.
    @Test func explainReadsTheCRDSchemas() async throws {
        try await DevAPIServer.with { server in
            try await server.kubectl("apply", "-k", Self.repository.appendingPathComponent("config/crd").path)
            let explained = try await server.kubectl("explain", "agentteam.spec.budget")
            #expect(explained.output.contains("KIND:       AgentTeam"))
            #expect(explained.output.contains("perSession"))
            #expect(explained.output.contains("Token and cost limits"))
        }
    }

    @Test func deleteRemovesTheObject() async throws {
        try await DevAPIServer.with { server in
            try await server.installGadgets()
            let deploy = try server.write("deploy.yaml", Self.deployment())
            try await server.kubectl("apply", "-f", deploy)
            let deleted = try await server.kubectl("delete", "gadget", "g1")
            #expect(deleted.output.contains("deleted"))
            let missing = try await server.kubectl("get", "gadget", "g1", expectSuccess: false)
            #expect(missing.exitCode != 0)
            #expect(missing.error.contains("NotFound"))
            try await server.kubectl("delete", "-f", deploy)
            #expect(try await server.json("get", "deployments", "-o", "json")["items"] == [])
            #expect(try await server.json("get", "gadgets", "-o", "json")["items"] == [])
        }
    }
}

enum Kubectl {
    /// `kubectl` on PATH, if any.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("kubectl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}

/// `ensemble dev apiserver` as a child process, with a kubeconfig and a scratch directory, and kubectl run against it.
final class DevAPIServer: Sendable {
    let process: Process
    let directory: URL
    let kubeconfig: URL
    let log: URL

    /// Starts the server on a port the kernel picks (the kubeconfig names it), runs `body`, and always stops it.
    static func with<T: Sendable>(_ body: (DevAPIServer) async throws -> T) async throws -> T {
        let server = try DevAPIServer()
        do {
            try await server.waitUntilServing()
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private init() throws {
        let executable = try #require(EnsembleBinaryTests.executable, "the ensemble executable is built next to the test runner")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ensemble-kubectl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        kubeconfig = directory.appendingPathComponent("kubeconfig")
        log = directory.appendingPathComponent("apiserver.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = executable
        process.arguments = ["dev", "apiserver", "--listen", "127.0.0.1:0", "--kubeconfig-out", kubeconfig.path, "--bookmark-interval", "1s"]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try ProcessLauncher.run(process)
        try handle.close()
    }

    /// Waits until the kubeconfig is written and kubectl gets an answer.
    private func waitUntilServing() async throws {
        for _ in 0..<300 {
            guard process.isRunning else { break }
            if FileManager.default.fileExists(atPath: kubeconfig.path),
                try await kubectl("get", "--raw", "/version", expectSuccess: false).exitCode == 0
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw KubectlTestError(message: "ensemble dev apiserver did not come up: \(output)")
    }

    /// Stops the server (SIGTERM, then SIGKILL if it lingers) and removes the scratch directory.
    func stop() async {
        if process.isRunning { process.terminate() }
        for _ in 0..<100 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes a manifest into the scratch directory; returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Applies the Gadget CRD, waits until kubectl can use it, and (by default) applies the `g1` Gadget.
    func installGadgets(applyGadget: Bool = true) async throws {
        try await kubectl("apply", "-f", write("crd.yaml", KubectlEmulatorTests.gadgetCRD))
        try await kubectl("wait", "--for=condition=Established", "crd/gadgets.example.com", "--timeout=30s")
        guard applyGadget else { return }
        try await kubectl("apply", "-f", write("gadget.yaml", KubectlEmulatorTests.gadget()))
    }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = kubeconfig.path
        environment["KUBECACHEDIR"] = directory.appendingPathComponent("cache").path
        return environment
    }

    /// Runs kubectl to completion; by default a non-zero exit fails the test.
    @discardableResult
    func kubectl(
        _ arguments: String..., editor: String? = nil, expectSuccess: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ProcessResult {
        var environment = environment
        if let editor { environment["KUBE_EDITOR"] = editor }
        let result = try await ProcessResult.run(try #require(Kubectl.executable), arguments, environment: environment, in: directory)
        if expectSuccess {
            #expect(result.exitCode == 0, "kubectl \(arguments.joined(separator: " ")): \(result.error)", sourceLocation: sourceLocation)
        }
        return result
    }

    /// Runs kubectl and parses its output as JSON.
    func json(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let result = try await ProcessResult.run(try #require(Kubectl.executable), arguments, environment: environment, in: directory)
        try #require(result.exitCode == 0, "kubectl \(arguments.joined(separator: " ")): \(result.error)", sourceLocation: sourceLocation)
        return try JSONText.parse(result.output)
    }

    /// Starts a long-running kubectl (such as `get -w`) writing to a file.
    func start(_ arguments: String...) throws -> BackgroundProcess {
        try BackgroundProcess(try #require(Kubectl.executable), arguments, environment: environment, in: directory)
    }
}

/// A finished process: exit code and what it wrote.
struct ProcessResult: Sendable {
    let exitCode: Int32
    let output: String
    let error: String

    /// Runs a process with output going to files, waiting through the termination handler rather than a blocked thread.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String], in directory: URL) async throws -> ProcessResult {
        let id = UUID().uuidString
        let outputURL = directory.appendingPathComponent("\(id).out")
        let errorURL = directory.appendingPathComponent("\(id).err")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let pid = try Spawned.spawn(
            executable.path, arguments, environment: environment, output: outputURL.path, error: errorURL.path)
        let exitCode = await Spawned.wait(pid)
        return ProcessResult(
            exitCode: exitCode, output: try String(contentsOf: outputURL, encoding: .utf8),
            error: try String(contentsOf: errorURL, encoding: .utf8))
    }
}

/// A process left running in the background, its output collected in a file.
final class BackgroundProcess: Sendable {
    let process: Process
    let outputURL: URL

    init(_ executable: URL, _ arguments: [String], environment: [String: String], in directory: URL) throws {
        outputURL = directory.appendingPathComponent("\(UUID().uuidString).background")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outputURL)
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try ProcessLauncher.run(process)
        try handle.close()
    }

    var output: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }

    /// Polls the output until `condition` holds, for at most 30 seconds.
    func waitForOutput(_ condition: (String) -> Bool) async throws {
        for _ in 0..<300 {
            if condition(output) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw KubectlTestError(message: "timed out waiting for output; got: \(output)")
    }

    func stop() async {
        if process.isRunning { process.terminate() }
        for _ in 0..<50 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

struct KubectlTestError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
