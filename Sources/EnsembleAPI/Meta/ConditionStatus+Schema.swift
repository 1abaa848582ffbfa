import KubeCore

/// `True`, `False` or `Unknown`, as the schema's `enum`.
extension KubeCore.ConditionStatus: SchemaEnumeration {}
