/// A field path built like apimachinery's `field.Path`: names join with dots, list indexes and map keys go in
/// brackets (`spec.agents[0].env[HOME]`), and the empty root prints as `<nil>`.
struct SchemaPath: Sendable, Hashable, CustomStringConvertible {
    static let root = SchemaPath("")

    private let rendered: String

    init(_ rendered: String) {
        self.rendered = rendered
    }

    var isRoot: Bool { rendered.isEmpty }

    func child(_ name: String) -> SchemaPath {
        SchemaPath(rendered.isEmpty ? name : rendered + "." + name)
    }

    func index(_ index: Int) -> SchemaPath {
        SchemaPath(rendered + "[\(index)]")
    }

    func key(_ key: String) -> SchemaPath {
        SchemaPath(rendered + "[\(key)]")
    }

    var description: String { rendered.isEmpty ? "<nil>" : rendered }
}
