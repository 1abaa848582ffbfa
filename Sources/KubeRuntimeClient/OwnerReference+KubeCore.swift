import KubeCore
import KubeRuntime

extension KubeRuntime.OwnerReference {
    init(_ reference: KubeCore.OwnerReference) {
        self.init(
            apiVersion: reference.apiVersion, kind: reference.kind, name: reference.name, uid: reference.uid,
            controller: reference.controller ?? false)
    }
}
