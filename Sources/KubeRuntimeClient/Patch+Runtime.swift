import KubeClient
import KubeRuntime

extension Patch {
    /// A JSON patch made of the runtime's operations (such as `FinalizerHelper`'s), to send with `KubeClient`.
    public static func json(_ operations: [KubeRuntime.JSONPatchOperation]) -> Patch {
        .json(operations.map { operation in
            let json = operation.jsonValue
            return ClientPatchOperation(
                op: json["op"]?.stringValue ?? "", path: json["path"]?.stringValue ?? "", value: json["value"])
        })
    }
}
