import EnsembleSupport
import Foundation

/// A value inside a kubeconfig file together with where it sits, so that every error can name file and field.
struct KubeConfigNode {
    let value: JSONValue
    /// `users[0].user`; empty for the document.
    let path: String
    let file: String

    var directory: String { (file as NSString).deletingLastPathComponent }

    func error(_ message: String, field: String? = nil) -> KubeConfigError {
        KubeConfigError(file: file, field: field.map(childPath) ?? (path.isEmpty ? nil : path), message)
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func child(_ key: String) -> KubeConfigNode? {
        guard let member = value[key], !member.isNull else { return nil }
        return KubeConfigNode(value: member, path: childPath(key), file: file)
    }

    func string(_ key: String) throws(KubeConfigError) -> String? {
        guard let member = child(key) else { return nil }
        guard let text = member.value.stringValue else { throw member.error("expected a string") }
        return text.isEmpty ? nil : text
    }

    func bool(_ key: String) throws(KubeConfigError) -> Bool {
        guard let member = child(key) else { return false }
        guard let flag = member.value.boolValue else { throw member.error("expected true or false") }
        return flag
    }

    func object(_ key: String) throws(KubeConfigError) -> KubeConfigNode? {
        guard let member = child(key) else { return nil }
        guard member.value.objectValue != nil else { throw member.error("expected a mapping") }
        return member
    }

    func array(_ key: String) throws(KubeConfigError) -> [KubeConfigNode] {
        guard let member = child(key) else { return [] }
        guard let elements = member.value.arrayValue else { throw member.error("expected a list") }
        return elements.enumerated().map { index, element in
            KubeConfigNode(value: element, path: "\(member.path)[\(index)]", file: file)
        }
    }

    /// The bytes of a base64 field (`certificate-authority-data`).
    func base64(_ key: String) throws(KubeConfigError) -> Data? {
        guard let text = try string(key) else { return nil }
        let compact = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact) else { throw error("not valid base64", field: key) }
        return data
    }

    /// A file path field, resolved against the kubeconfig's directory as kubectl does; the file must be readable.
    func readablePath(_ key: String) throws(KubeConfigError) -> String? {
        guard let raw = try string(key) else { return nil }
        let path = resolvedPath(raw)
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw error("cannot read \(path)", field: key)
        }
        return path
    }

    func resolvedPath(_ raw: String) -> String {
        let expanded = (raw as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? expanded : (directory as NSString).appendingPathComponent(expanded)
        return (absolute as NSString).standardizingPath
    }
}
