import Foundation
import EnsembleSupport

/// Rules kube-apiserver applies to every object's metadata.
enum ObjectRules {
    /// generateName's suffix alphabet: no vowels, no look-alike characters.
    private static let suffixAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    static func generatedName(_ prefix: String) -> String {
        let trimmed = String(prefix.prefix(58))
        return trimmed + String((0..<5).map { _ in suffixAlphabet.randomElement()! })
    }

    static func isDNSSubdomain(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(String($0), maximum: 63) }
    }

    static func isDNSLabel(_ name: String, maximum: Int = 63) -> Bool {
        guard !name.isEmpty, name.count <= maximum, let first = name.first, let last = name.last else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        return name.allSatisfy { allowed.contains($0) } && first != "-" && last != "-"
    }

    /// Name problems for built-in kinds (custom resources are checked by their schema enforcer).
    static func nameProblem(_ name: String, kind: String) -> String? {
        switch kind {
        case "Namespace", "Service":
            guard isDNSLabel(name) else {
                return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
            }
        default:
            guard isDNSSubdomain(name) else {
                return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
            }
        }
        return nil
    }

    /// The object without metadata and status: what `generation` counts changes of.
    static func specPart(_ object: JSONValue) -> JSONValue {
        guard case .object(var members) = object else { return object }
        for key in ["metadata", "status", "apiVersion", "kind"] { members[key] = nil }
        return .object(members)
    }

    static func finalizers(_ object: JSONValue) -> [String] {
        object["metadata"]?["finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    static func isDeleting(_ object: JSONValue) -> Bool {
        object["metadata"]?["deletionTimestamp"] != nil
    }

    static func uid(_ object: JSONValue) -> String? {
        object["metadata"]?["uid"]?.stringValue
    }

    static func ownerUIDs(_ object: JSONValue) -> [String] {
        object["metadata"]?["ownerReferences"]?.arrayValue?.compactMap { $0["uid"]?.stringValue } ?? []
    }
}

/// The `autoscaling/v1` Scale document of a resource with a scale subresource.
enum Scale {
    static func document(of object: JSONValue, _ resource: ResourceType) -> JSONValue {
        guard let paths = resource.scale else { return .null }
        let metadata = object["metadata"] ?? [:]
        var scaleMetadata: JSONValue = [:]
        for key in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
            if let value = metadata[key] { scaleMetadata[key] = value }
        }
        var status: JSONValue = ["replicas": value(object, paths.statusReplicas) ?? .integer(0)]
        if let selector = paths.labelSelector.flatMap({ value(object, $0) }) {
            status["selector"] = selector
        } else if let labels = object["spec"]?["selector"]?["matchLabels"]?.objectValue {
            status["selector"] = .string(labels.keys.sorted().map { "\($0)=\(labels[$0]?.stringValue ?? "")" }.joined(separator: ","))
        }
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": scaleMetadata,
            "spec": ["replicas": value(object, paths.specReplicas) ?? .integer(0)], "status": status,
        ]
    }

    static func value(_ object: JSONValue, _ path: [String]) -> JSONValue? {
        path.reduce(Optional(object)) { $0?[$1] }
    }

    static func setting(_ object: JSONValue, _ path: [String], to value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        var object = object
        let child = object[first] ?? [:]
        object[first] = setting(child, Array(path.dropFirst()), to: value)
        return object
    }
}
