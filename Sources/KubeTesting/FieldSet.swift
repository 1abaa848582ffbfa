import EnsembleSupport

/// A set of field paths in an object: what one manager owns in `metadata.managedFields`, or what changed between
/// two versions of an object. Shaped like structured-merge-diff's set: a tree whose nodes say which of their child
/// elements are themselves in the set (`members`) and which have paths below them (`children`).
public struct FieldSet: Sendable, Hashable {
    /// Elements right below this node that belong to the set.
    public private(set) var members: Set<PathElement>
    /// The sets below elements of this node; never holds an empty set.
    public private(set) var children: [PathElement: FieldSet]

    public init() {
        members = []
        children = [:]
    }

    public init(_ paths: some Sequence<Path>) {
        self.init()
        for path in paths { insert(path) }
    }

    public var isEmpty: Bool { members.isEmpty && children.isEmpty }

    /// The number of paths in the set.
    public var count: Int { members.count + children.values.reduce(0) { $0 + $1.count } }

    public mutating func insert(_ path: Path) {
        insert(path.elements[...])
    }

    public func contains(_ path: Path) -> Bool {
        var node = self
        for element in path.elements.dropLast() {
            guard let child = node.children[element] else { return false }
            node = child
        }
        guard let last = path.elements.last else { return false }
        return node.members.contains(last)
    }

    /// The set below `element`, with paths relative to it.
    public func child(_ element: PathElement) -> FieldSet {
        children[element] ?? FieldSet()
    }

    public func union(_ other: FieldSet) -> FieldSet {
        var result = self
        result.members.formUnion(other.members)
        for (element, otherChild) in other.children {
            result.children[element] = result.child(element).union(otherChild)
        }
        return result
    }

    /// The paths of `self` that are not in `other`; paths below a path of `other` stay.
    public func subtracting(_ other: FieldSet) -> FieldSet {
        var result = FieldSet()
        result.members = members.subtracting(other.members)
        for (element, child) in children {
            result.setChild(other.children[element].map(child.subtracting) ?? child, at: element)
        }
        return result
    }

    /// The paths of `self` that are neither in `other` nor below a path of `other`.
    public func subtractingRecursively(_ other: FieldSet) -> FieldSet {
        var result = FieldSet()
        result.members = members.subtracting(other.members)
        for (element, child) in children where !other.members.contains(element) {
            result.setChild(other.children[element].map(child.subtractingRecursively) ?? child, at: element)
        }
        return result
    }

    public func intersection(_ other: FieldSet) -> FieldSet {
        var result = FieldSet()
        result.members = members.intersection(other.members)
        for (element, child) in children {
            if let otherChild = other.children[element] {
                result.setChild(child.intersection(otherChild), at: element)
            }
        }
        return result
    }

    /// Every path of the set in structured-merge-diff's iteration order: a node's members, then its children, each
    /// sorted by element.
    public var paths: [Path] {
        var result: [Path] = []
        appendPaths(prefix: [], to: &result)
        return result
    }

    mutating func insertMember(_ element: PathElement) {
        members.insert(element)
    }

    mutating func setChild(_ child: FieldSet, at element: PathElement) {
        children[element] = child.isEmpty ? nil : child
    }

    private mutating func insert(_ elements: ArraySlice<PathElement>) {
        guard let first = elements.first else { return }
        if elements.count == 1 {
            members.insert(first)
        } else {
            var child = self.child(first)
            child.insert(elements.dropFirst())
            children[first] = child
        }
    }

    private func appendPaths(prefix: [PathElement], to result: inout [Path]) {
        for member in members.sorted() {
            result.append(Path(prefix + [member]))
        }
        for element in children.keys.sorted() {
            children[element]!.appendPaths(prefix: prefix + [element], to: &result)
        }
    }
}
