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

    /// `metadata` rules kube-apiserver applies to every object (ValidateObjectMeta): label keys and values,
    /// annotation keys and total size, finalizer names, owner references. Empty when the metadata is valid.
    static func metadataCauses(_ object: JSONValue) -> [APIError.Cause] {
        let metadata = object["metadata"] ?? [:]
        var causes: [APIError.Cause] = []
        func invalid(_ field: String, _ value: String, _ detail: String) {
            causes.append(.init(type: "FieldValueInvalid", message: "Invalid value: \"\(value)\": \(detail)", field: field))
        }
        for (key, value) in metadata["labels"]?.objectValue ?? [:] {
            if let problem = qualifiedNameProblem(key) { invalid("metadata.labels", key, problem) }
            let text = value.stringValue ?? ""
            if text.count > 63 {
                invalid("metadata.labels", text, "must be no more than 63 characters")
            } else if !text.isEmpty, !isQualifiedNamePart(text) {
                invalid("metadata.labels", text, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character")
            }
        }
        let annotations = metadata["annotations"]?.objectValue ?? [:]
        for key in annotations.keys {
            if let problem = qualifiedNameProblem(key.lowercased()) { invalid("metadata.annotations", key, problem) }
        }
        let annotationBytes = annotations.reduce(0) { $0 + $1.key.utf8.count + ($1.value.stringValue?.utf8.count ?? 0) }
        if annotationBytes > 262_144 {
            causes.append(.init(type: "FieldValueTooLong", message: "Too long: must have at most 262144 bytes", field: "metadata.annotations"))
        }
        for (index, finalizer) in finalizers(object).enumerated() {
            if let problem = qualifiedNameProblem(finalizer) { invalid("metadata.finalizers[\(index)]", finalizer, problem) }
        }
        let references = metadata["ownerReferences"]?.arrayValue ?? []
        for (index, reference) in references.enumerated() {
            for field in ["apiVersion", "kind", "name", "uid"] where (reference[field]?.stringValue ?? "").isEmpty {
                causes.append(.init(
                    type: field == "uid" ? "FieldValueInvalid" : "FieldValueRequired",
                    message: field == "uid" ? "Invalid value: \"\": uid must not be empty" : "Required value",
                    field: "metadata.ownerReferences[\(index)].\(field)"))
            }
        }
        if references.filter({ $0["controller"]?.boolValue == true }).count > 1 {
            causes.append(.init(
                type: "FieldValueInvalid", message: "Invalid value: only one reference can have Controller set to true",
                field: "metadata.ownerReferences"))
        }
        return causes
    }

    /// Why `name` is not a qualified name (`[prefix/]name`, prefix a DNS subdomain), or nil.
    static func qualifiedNameProblem(_ name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else {
            return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character with an optional DNS subdomain prefix and '/'"
        }
        if parts.count == 2, !isDNSSubdomain(parts[0]) {
            return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
        }
        let local = parts.last ?? ""
        if local.isEmpty { return "name part must be non-empty" }
        if local.count > 63 { return "name part must be no more than 63 characters" }
        if !isQualifiedNamePart(local) {
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        }
        return nil
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
    private static func isQualifiedNamePart(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first.isASCII, last.isASCII,
            first.isLetter || first.isNumber, last.isLetter || last.isNumber
        else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// The Secret/ConfigMap `immutable` rule: once set, neither the data nor the flag may change.
    static func immutabilityCauses(old: JSONValue, new: JSONValue, kind: String) -> [APIError.Cause] {
        guard ["ConfigMap", "Secret"].contains(kind), old["immutable"]?.boolValue == true else { return [] }
        var causes: [APIError.Cause] = []
        if new["immutable"]?.boolValue != true {
            causes.append(.init(type: "FieldValueForbidden", message: "Forbidden: field is immutable when `immutable` is set", field: "immutable"))
        }
        for field in ["data", "binaryData"] where old[field] != new[field] {
            causes.append(.init(type: "FieldValueForbidden", message: "Forbidden: field is immutable when `immutable` is set", field: field))
        }
        return causes
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
