extension FieldSet {
    /// A field path from the object's root, printed as the apiserver prints it:
    /// `.spec.template.spec.containers[name="web"].image`.
    public struct Path: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
        public var elements: [PathElement]

        public init(_ elements: [PathElement]) {
            self.elements = elements
        }

        public init(arrayLiteral elements: PathElement...) {
            self.elements = elements
        }

        /// A path made only of field names: `Path(fields: "spec", "replicas")`.
        public init(fields names: String...) {
            elements = names.map(PathElement.field)
        }

        public var description: String {
            elements.map(\.description).joined()
        }
    }
}
