/// Builds JSON values from libyaml's events: resolves scalars, expands aliases, applies merge keys and rejects
/// duplicate keys. It keeps open collections on an explicit stack, so deep nesting cannot overflow the thread's stack.
struct YAMLComposer {
    static let nestingLimit = 1000
    /// Bounds how many nodes aliases may copy in one document, against "billion laughs" documents.
    static let aliasExpansionLimit = 1_000_000

    static func documents(in text: String) throws(YAMLError) -> [YAMLDocument] {
        var composer = YAMLComposer()
        return try composer.compose(YAMLEventReader(text))
    }

    /// A finished node, as its parent needs it.
    private struct Node {
        var value: JSONValue
        /// The text of a scalar, which is what a mapping key is; nil for collections.
        var keyText: String?
        var isMergeKey = false
        var isAbsent = false
        /// How many nodes this one stands for, counting what aliases in it expand to.
        var size: Int
        var mark: YAMLMark
    }

    private struct OpenCollection {
        var anchor: String?
        var mark: YAMLMark
        var size = 1
        /// The elements, when this is a sequence.
        var elements: [JSONValue] = []
        /// The entries, when this is a mapping.
        var mapping: YAMLMappingBuilder?
    }

    private var documents: [YAMLDocument] = []
    private var documentStart = YAMLMark(line: 1, column: 1)
    private var root: Node?
    private var anchors: [String: Node] = [:]
    private var aliasExpansion = 0
    private var stack: [OpenCollection] = []

    private mutating func compose(_ reader: YAMLEventReader) throws(YAMLError) -> [YAMLDocument] {
        while true {
            switch try reader.next() {
            case .streamStart:
                continue
            case .streamEnd:
                return documents
            case .documentStart(let mark):
                documentStart = mark
                root = nil
                anchors = [:]
                aliasExpansion = 0
            case .documentEnd:
                if let root {
                    documents.append(YAMLDocument(root: root.value, isEmpty: root.isAbsent, start: documentStart))
                }
            case .scalar(let scalar):
                try add(scalarNode(scalar))
            case .alias(let anchor, let mark):
                try add(aliasNode(anchor, at: mark))
            case .sequenceStart(let anchor, let mark):
                try open(OpenCollection(anchor: anchor, mark: mark))
            case .mappingStart(let anchor, let mark):
                try open(OpenCollection(anchor: anchor, mark: mark, mapping: YAMLMappingBuilder()))
            case .sequenceEnd, .mappingEnd:
                try add(close())
            }
        }
    }

    private mutating func scalarNode(_ scalar: YAMLScalar) throws(YAMLError) -> Node {
        let value: JSONValue
        if let tag = scalar.tag {
            guard let resolved = YAMLScalarResolver.resolve(scalar.text, tag: tag) else {
                let shortTag = tag.replacing(YAMLScalarResolver.tagPrefix, with: "!!")
                throw YAMLError(
                    .invalidTaggedScalar, at: scalar.mark, "cannot read \(scalar.text.debugDescription) as \(shortTag)")
            }
            value = resolved
        } else if scalar.style == .plain {
            value = YAMLScalarResolver.resolvePlain(scalar.text)
        } else {
            value = .string(scalar.text)
        }
        let isMergeKey =
            scalar.style == .plain && scalar.text == "<<"
            && (scalar.tag == nil || scalar.tag == YAMLScalarResolver.tagPrefix + "merge")
        let node = Node(
            value: value, keyText: scalar.text, isMergeKey: isMergeKey, isAbsent: scalar.isAbsent, size: 1,
            mark: scalar.mark)
        if let anchor = scalar.anchor { anchors[anchor] = node }
        return node
    }

    private mutating func aliasNode(_ anchor: String, at mark: YAMLMark) throws(YAMLError) -> Node {
        guard let anchored = anchors[anchor] else {
            throw YAMLError(.unknownAnchor, at: mark, "unknown anchor '\(anchor)' referenced")
        }
        aliasExpansion += anchored.size
        guard aliasExpansion <= Self.aliasExpansionLimit else {
            throw YAMLError(.limitExceeded, at: mark, "document contains excessive aliasing")
        }
        return Node(value: anchored.value, keyText: anchored.keyText, size: anchored.size, mark: mark)
    }

    private mutating func open(_ collection: OpenCollection) throws(YAMLError) {
        guard stack.count < Self.nestingLimit else {
            throw YAMLError(.limitExceeded, at: collection.mark, "nesting is deeper than \(Self.nestingLimit) levels")
        }
        stack.append(collection)
    }

    private mutating func close() -> Node {
        let collection = stack.removeLast()
        let value = collection.mapping?.finish() ?? .array(collection.elements)
        let node = Node(value: value, size: collection.size, mark: collection.mark)
        if let anchor = collection.anchor { anchors[anchor] = node }
        return node
    }

    private mutating func add(_ node: Node) throws(YAMLError) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += node.size
        if stack[top].mapping == nil {
            stack[top].elements.append(node.value)
        } else {
            try stack[top].mapping?.add(node.value, keyText: node.keyText, isMergeKey: node.isMergeKey, at: node.mark)
        }
    }
}
