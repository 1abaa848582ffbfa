/// A kubeconfig or in-cluster configuration that cannot be used, naming the file and the field at fault.
/// Never quotes a credential.
public struct KubeConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or files, joined with `:`) the problem is in.
    public var file: String
    /// The field at fault, as `users[0].user.client-key-data`; nil when the problem is the file as a whole.
    public var field: String?
    public var message: String

    public init(file: String, field: String? = nil, _ message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    public var description: String {
        "kubeconfig \(file): " + (field.map { "\($0): " } ?? "") + message
    }
}
