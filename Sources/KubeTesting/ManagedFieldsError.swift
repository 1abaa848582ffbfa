/// `metadata.managedFields` that cannot be decoded, worded as the apiserver words it.
public struct ManagedFieldsError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
