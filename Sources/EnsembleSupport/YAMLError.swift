/// A YAML document that could not be read, with the 1-based position where the problem was found.
///
/// Its description reads like Kubernetes' YAML errors, with the column added:
/// `yaml: line 3, column 5: mapping values are not allowed in this context`.
public struct YAMLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, coarsely, for callers that react differently to different problems.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable {
            case syntax
            case duplicateKey
            case invalidKey
            case unknownAnchor
            case invalidMerge
            case invalidTaggedScalar
            case limitExceeded
            case multipleDocuments
        }

        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The text is not well-formed YAML (reported by libyaml).
        public static let syntax = Kind(.syntax)
        /// A mapping sets the same key twice.
        public static let duplicateKey = Kind(.duplicateKey)
        /// A mapping key is a sequence or a mapping.
        public static let invalidKey = Kind(.invalidKey)
        /// An alias names an anchor that was not defined before it in the document.
        public static let unknownAnchor = Kind(.unknownAnchor)
        /// A merge key `<<` whose value is not a mapping or a sequence of mappings.
        public static let invalidMerge = Kind(.invalidMerge)
        /// A scalar with an explicit tag (`!!int`, `!!bool`, …) whose text does not fit the tag.
        public static let invalidTaggedScalar = Kind(.invalidTaggedScalar)
        /// Nesting or alias expansion beyond what a configuration file plausibly needs.
        public static let limitExceeded = Kind(.limitExceeded)
        /// More than one document where exactly one was expected.
        public static let multipleDocuments = Kind(.multipleDocuments)

        public var description: String { code.rawValue }
    }

    public let kind: Kind
    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column of the problem, counted in characters.
    public let column: Int
    public let message: String

    public init(kind: Kind, line: Int, column: Int, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ kind: Kind, at mark: YAMLMark, _ message: String) {
        self.init(kind: kind, line: mark.line, column: mark.column, message: message)
    }

    public var description: String { "yaml: line \(line), column \(column): \(message)" }
}
