import EnsembleSupport

/// JSON Patch (RFC 6902), the `application/json-patch+json` patch type: operations applied in order to a document.
///
/// Either every operation applies or the call throws; the document passed in is never changed.
public enum JSONPatch {
    /// The most operations kube-apiserver accepts in one JSON patch (`maxJSONPatchOperations`).
    public static let maximumOperationCount = 10_000

    public static func apply(_ operations: JSONValue, to document: JSONValue) throws(PatchError) -> JSONValue {
        guard case .array(let elements) = operations else {
            throw PatchError(kind: .malformedPatch, message: "a JSON patch must be an array of operations")
        }
        guard elements.allSatisfy({ $0.objectValue != nil }) else {
            throw PatchError(kind: .malformedPatch, message: "every JSON patch operation must be an object")
        }
        guard elements.count <= maximumOperationCount else {
            throw PatchError(
                kind: .tooManyOperations,
                message:
                    "The allowed maximum operations in a JSON patch is \(maximumOperationCount), got \(elements.count)")
        }
        var result = document
        for (position, element) in elements.enumerated() {
            result = try Operation(element, position: position).apply(to: result)
        }
        return result
    }
}

extension JSONPatch {
    enum Operation {
        case add(Pointer, JSONValue)
        case remove(Pointer)
        case replace(Pointer, JSONValue)
        case move(from: Pointer, to: Pointer)
        case copy(from: Pointer, to: Pointer)
        case test(Pointer, JSONValue)

        init(_ element: JSONValue, position: Int) throws(PatchError) {
            guard let name = element["op"]?.stringValue else {
                throw PatchError(kind: .invalidOperation, message: "operation \(position) has no \"op\"")
            }
            func pointer(_ member: String) throws(PatchError) -> Pointer {
                guard let text = element[member]?.stringValue else {
                    throw PatchError(
                        kind: .invalidOperation, message: "\(name) operation \(position) has no \"\(member)\"")
                }
                return try Pointer(text)
            }
            func value() throws(PatchError) -> JSONValue {
                guard let value = element["value"] else {
                    throw PatchError(kind: .invalidOperation, message: "\(name) operation \(position) has no \"value\"")
                }
                return value
            }
            switch name {
            case "add": self = .add(try pointer("path"), try value())
            case "remove": self = .remove(try pointer("path"))
            case "replace": self = .replace(try pointer("path"), try value())
            case "move": self = .move(from: try pointer("from"), to: try pointer("path"))
            case "copy": self = .copy(from: try pointer("from"), to: try pointer("path"))
            case "test": self = .test(try pointer("path"), try value())
            default:
                throw PatchError(
                    kind: .invalidOperation, message: "operation \(position) has an unknown op \"\(name)\"")
            }
        }

        func apply(to document: JSONValue) throws(PatchError) -> JSONValue {
            switch self {
            case .add(let path, let value):
                return try Self.add(value, at: path, in: document)
            case .remove(let path):
                return try Self.remove(at: path, from: document)
            case .replace(let path, let value):
                return try Self.replace(at: path, with: value, in: document)
            case .move(let from, let to):
                let value = try Self.value(at: from, in: document)
                if from.tokens == to.tokens { return document }
                if to.tokens.starts(with: from.tokens) {
                    throw PatchError(kind: .invalidOperation, message: "cannot move \(from) into its own child \(to)")
                }
                return try Self.add(value, at: to, in: Self.remove(at: from, from: document))
            case .copy(let from, let to):
                return try Self.add(Self.value(at: from, in: document), at: to, in: document)
            case .test(let path, let expected):
                // As kube-apiserver's JSON patch library does, `null` matches a member that is absent.
                if expected == .null, (try? Self.value(at: path, in: document)) == nil { return document }
                let actual = try Self.value(at: path, in: document)
                guard JSONPatch.areEqual(actual, expected) else {
                    throw PatchError(
                        kind: .testFailed,
                        message: "test failed: \(path) is \(JSONText.string(actual)), not \(JSONText.string(expected))")
                }
                return document
            }
        }

        private static func value(at pointer: Pointer, in document: JSONValue) throws(PatchError) -> JSONValue {
            var node = document
            for token in pointer.tokens {
                switch node {
                case .object(let members) where members[token] != nil:
                    node = members[token]!
                case .array(let elements):
                    guard let index = Pointer.existingIndex(token, count: elements.count) else {
                        throw Pointer.missing(pointer)
                    }
                    node = elements[index]
                default:
                    throw Pointer.missing(pointer)
                }
            }
            return node
        }

        private static func add(_ value: JSONValue, at pointer: Pointer, in document: JSONValue) throws(PatchError)
            -> JSONValue
        {
            guard pointer.isChild else { return value }
            return try pointer.changingParent(in: document) { container, token throws(PatchError) in
                switch container {
                case .object(var members):
                    members[token] = value
                    return .object(members)
                case .array(var elements):
                    if token == "-" {
                        elements.append(value)
                    } else {
                        guard let index = Pointer.existingIndex(token, count: elements.count + 1) else {
                            throw Pointer.missing(pointer)
                        }
                        elements.insert(value, at: index)
                    }
                    return .array(elements)
                default:
                    throw Pointer.missing(pointer)
                }
            }
        }

        private static func remove(at pointer: Pointer, from document: JSONValue) throws(PatchError) -> JSONValue {
            guard pointer.isChild else {
                throw PatchError(kind: .invalidOperation, message: "cannot remove the whole document")
            }
            return try pointer.changingParent(in: document) { container, token throws(PatchError) in
                switch container {
                case .object(var members) where members[token] != nil:
                    members[token] = nil
                    return .object(members)
                case .array(var elements):
                    guard let index = Pointer.existingIndex(token, count: elements.count) else {
                        throw Pointer.missing(pointer)
                    }
                    elements.remove(at: index)
                    return .array(elements)
                default:
                    throw Pointer.missing(pointer)
                }
            }
        }

        private static func replace(at pointer: Pointer, with value: JSONValue, in document: JSONValue)
            throws(PatchError) -> JSONValue
        {
            guard pointer.isChild else { return value }
            return try pointer.changingParent(in: document) { container, token throws(PatchError) in
                switch container {
                case .object(var members) where members[token] != nil:
                    members[token] = value
                    return .object(members)
                case .array(var elements):
                    guard let index = Pointer.existingIndex(token, count: elements.count) else {
                        throw Pointer.missing(pointer)
                    }
                    elements[index] = value
                    return .array(elements)
                default:
                    throw Pointer.missing(pointer)
                }
            }
        }
    }
}

extension JSONPatch {
    /// A JSON Pointer (RFC 6901): `""` for the whole document, otherwise `/`-separated reference tokens in which
    /// `~1` stands for `/` and `~0` for `~`.
    struct Pointer: CustomStringConvertible {
        let tokens: [String]
        let description: String

        init(_ text: String) throws(PatchError) {
            description = text
            guard !text.isEmpty else {
                tokens = []
                return
            }
            guard text.first == "/" else {
                throw PatchError(kind: .invalidOperation, message: "JSON pointer \"\(text)\" does not start with \"/\"")
            }
            var tokens: [String] = []
            for escaped in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                tokens.append(try Self.unescape(escaped, in: text))
            }
            self.tokens = tokens
        }

        private static func unescape(_ escaped: Substring, in text: String) throws(PatchError) -> String {
            var token = ""
            var iterator = escaped.makeIterator()
            while let character = iterator.next() {
                guard character == "~" else {
                    token.append(character)
                    continue
                }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default:
                    throw PatchError(
                        kind: .invalidOperation, message: "JSON pointer \"\(text)\" has an invalid ~ escape")
                }
            }
            return token
        }

        /// The index a token names in an array of `count` elements: decimal digits without a leading zero.
        static func existingIndex(_ token: String, count: Int) -> Int? {
            guard let first = token.first, first != "0" || token == "0",
                token.allSatisfy({ $0.isASCII && $0.isNumber }), let index = Int(token), index < count
            else { return nil }
            return index
        }

        static func missing(_ pointer: Pointer) -> PatchError {
            PatchError(kind: .pathNotFound, message: "the path \"\(pointer)\" does not exist in the document")
        }

        /// Whether the pointer names something inside the document rather than the whole document.
        var isChild: Bool { !tokens.isEmpty }

        /// The document with the container of the pointer's last token replaced by `change(container, lastToken)`.
        func changingParent(
            in document: JSONValue, _ change: (JSONValue, String) throws(PatchError) -> JSONValue
        ) throws(PatchError) -> JSONValue {
            guard let last = tokens.last else { return document }
            return try rebuilding(document, along: tokens.dropLast()) { container throws(PatchError) in
                try change(container, last)
            }
        }

        private func rebuilding(
            _ node: JSONValue, along path: ArraySlice<String>, _ change: (JSONValue) throws(PatchError) -> JSONValue
        ) throws(PatchError) -> JSONValue {
            guard let token = path.first else { return try change(node) }
            switch node {
            case .object(var members):
                guard let child = members[token] else { throw Self.missing(self) }
                members[token] = try rebuilding(child, along: path.dropFirst(), change)
                return .object(members)
            case .array(var elements):
                guard let index = Self.existingIndex(token, count: elements.count) else { throw Self.missing(self) }
                elements[index] = try rebuilding(elements[index], along: path.dropFirst(), change)
                return .array(elements)
            default:
                throw Self.missing(self)
            }
        }
    }

    /// JSON equality as RFC 6902's `test` defines it: numbers compare by value (`1` equals `1.0`), objects without
    /// regard to member order, arrays element by element.
    static func areEqual(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.integer(let a), .integer(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)): Int64(exactly: b) == a
        case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { areEqual($0, $1) }
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { name, value in b[name].map { areEqual(value, $0) } ?? false }
        default: left == right
        }
    }
}
