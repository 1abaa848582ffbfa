import KubeClient

/// KubeClient's JSON patch operation, named apart from KubeRuntime's (both modules call theirs JSONPatchOperation).
typealias ClientPatchOperation = JSONPatchOperation
