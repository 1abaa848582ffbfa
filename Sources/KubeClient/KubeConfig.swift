import EnsembleSupport
import Foundation

/// One or more kubeconfig files merged as kubectl merges them: for clusters, users and contexts the first file
/// defining a name wins; `current-context` comes from the first file that sets it.
public struct KubeConfig: Sendable {
    /// The files read, in order.
    public let files: [String]
    public let currentContext: String?
    public var contextNames: [String] { contexts.map(\.name) }

    private let clusters: [Entry]
    private let users: [Entry]
    private let contexts: [Entry]

    private struct Entry: @unchecked Sendable {
        let name: String
        let node: KubeConfigNode
    }

    /// Reads and merges the files; every one must exist.
    public init(files: [String]) throws(KubeConfigError) {
        var documents: [KubeConfigNode] = []
        for file in files {
            documents.append(try Self.read(file))
        }
        try self.init(documents: documents, files: files)
    }

    /// Parses kubeconfig text; `file` names it in errors and anchors relative paths.
    public init(yaml text: String, file: String) throws(KubeConfigError) {
        try self.init(documents: [Self.parse(text, file: file)], files: [file])
    }

    private init(documents: [KubeConfigNode], files: [String]) throws(KubeConfigError) {
        self.files = files
        var clusters: [Entry] = []
        var users: [Entry] = []
        var contexts: [Entry] = []
        var current: String?
        for document in documents {
            if current == nil { current = try document.string("current-context") }
            try Self.merge(document, "clusters", into: &clusters)
            try Self.merge(document, "users", into: &users)
            try Self.merge(document, "contexts", into: &contexts)
        }
        self.clusters = clusters
        self.users = users
        self.contexts = contexts
        currentContext = current
    }

    private static func read(_ file: String) throws(KubeConfigError) -> KubeConfigNode {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw KubeConfigError(file: file, FileManager.default.fileExists(atPath: file) ? "cannot read the file" : "no such file")
        }
        return try parse(text, file: file)
    }

    private static func parse(_ text: String, file: String) throws(KubeConfigError) -> KubeConfigNode {
        let value: JSONValue
        do {
            value = try YAML.parse(text)
        } catch {
            throw KubeConfigError(file: file, "not valid YAML: \(error)")
        }
        if value.isNull { return KubeConfigNode(value: [:], path: "", file: file) }
        guard value.objectValue != nil else { throw KubeConfigError(file: file, "expected a mapping at the top level") }
        return KubeConfigNode(value: value, path: "", file: file)
    }

    private static func merge(_ document: KubeConfigNode, _ key: String, into entries: inout [Entry]) throws(KubeConfigError) {
        for element in try document.array(key) {
            guard let name = try element.string("name") else { throw element.error("missing", field: "name") }
            if !entries.contains(where: { $0.name == name }) { entries.append(Entry(name: name, node: element)) }
        }
    }

    private var fileList: String { files.joined(separator: ":") }

    /// The configuration for `context`, or for the current context when nil.
    public func configuration(context: String? = nil) throws(KubeConfigError) -> ClientConfiguration {
        guard let contextName = context ?? currentContext else {
            throw KubeConfigError(file: fileList, "no current-context is set and no context was given")
        }
        guard let contextEntry = contexts.first(where: { $0.name == contextName }) else {
            throw KubeConfigError(file: fileList, "context \"\(contextName)\" not found")
        }
        guard let contextNode = try contextEntry.node.object("context") else {
            throw contextEntry.node.error("missing", field: "context")
        }
        guard let clusterName = try contextNode.string("cluster") else { throw contextNode.error("missing", field: "cluster") }
        guard let clusterEntry = clusters.first(where: { $0.name == clusterName }) else {
            throw contextNode.error("cluster \"\(clusterName)\" not found", field: "cluster")
        }
        guard let clusterNode = try clusterEntry.node.object("cluster") else {
            throw clusterEntry.node.error("missing", field: "cluster")
        }
        var configuration = try Self.cluster(clusterNode)
        configuration.namespace = try contextNode.string("namespace") ?? "default"
        if let userName = try contextNode.string("user") {
            guard let userEntry = users.first(where: { $0.name == userName }) else {
                throw contextNode.error("user \"\(userName)\" not found", field: "user")
            }
            if let userNode = try userEntry.node.object("user") {
                try Self.apply(user: userNode, to: &configuration)
            }
        }
        return configuration
    }

    private static func cluster(_ node: KubeConfigNode) throws(KubeConfigError) -> ClientConfiguration {
        guard let server = try node.string("server") else { throw node.error("missing", field: "server") }
        guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else { throw node.error("not an http or https URL: \(server)", field: "server") }
        var configuration = ClientConfiguration(server: server)
        if let data = try node.base64("certificate-authority-data") {
            configuration.tls.certificateAuthority = .pem(data)
        } else if let path = try node.readablePath("certificate-authority") {
            configuration.tls.certificateAuthority = .file(path)
        }
        configuration.tls.insecureSkipVerify = try node.bool("insecure-skip-tls-verify")
        configuration.tls.serverName = try node.string("tls-server-name")
        configuration.proxyURL = try node.string("proxy-url")
        return configuration
    }

    private static func apply(user node: KubeConfigNode, to configuration: inout ClientConfiguration) throws(KubeConfigError) {
        if let data = try node.base64("client-certificate-data") {
            configuration.tls.clientCertificate = .pem(data)
        } else if let path = try node.readablePath("client-certificate") {
            configuration.tls.clientCertificate = .file(path)
        }
        if let data = try node.base64("client-key-data") {
            configuration.tls.clientKey = .pem(data)
        } else if let path = try node.readablePath("client-key") {
            configuration.tls.clientKey = .file(path)
        }
        if (configuration.tls.clientCertificate == nil) != (configuration.tls.clientKey == nil) {
            throw node.error("client-certificate and client-key must be given together")
        }
        if let token = try node.string("token") {
            configuration.credentials = .bearerToken(Redacted(token))
        } else if let path = try node.readablePath("tokenFile") {
            configuration.credentials = .tokenFile(path: path)
        } else if let username = try node.string("username") {
            configuration.credentials = .basic(username: username, password: Redacted(try node.string("password") ?? ""))
        } else if let exec = try node.object("exec") {
            configuration.credentials = .exec(try execConfig(exec))
        } else if node.child("auth-provider") != nil {
            throw node.error("auth-provider plugins are not supported; use an exec credential plugin", field: "auth-provider")
        }
    }

    private static func execConfig(_ node: KubeConfigNode) throws(KubeConfigError) -> ExecCredentialConfig {
        guard let command = try node.string("command") else { throw node.error("missing", field: "command") }
        let apiVersion = try node.string("apiVersion") ?? ""
        let supported = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]
        guard supported.contains(apiVersion) else {
            throw node.error("apiVersion \"\(apiVersion)\" is not supported; use client.authentication.k8s.io/v1", field: "apiVersion")
        }
        var arguments: [String] = []
        for argument in try node.array("args") {
            guard let text = argument.value.stringValue else { throw argument.error("expected a string") }
            arguments.append(text)
        }
        var environment: [String: String] = [:]
        for variable in try node.array("env") {
            guard let name = try variable.string("name") else { throw variable.error("missing", field: "name") }
            environment[name] = try variable.string("value") ?? ""
        }
        let resolvedCommand = command.contains("/") ? node.resolvedPath(command) : command
        return ExecCredentialConfig(
            apiVersion: apiVersion, command: resolvedCommand, arguments: arguments, environment: environment,
            provideClusterInfo: try node.bool("provideClusterInfo"), installHint: try node.string("installHint"))
    }
}
