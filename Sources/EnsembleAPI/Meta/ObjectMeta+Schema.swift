import KubeCore

extension KubeCore.ObjectMeta: SchemaDescribed {
    /// The API server validates metadata itself; a CRD may only declare it as an object and constrain
    /// `name` and `generateName`. Even a description is refused ("must not specify anything other than name and
    /// generateName"), so `kubectl explain` shows the built-in ObjectMeta documentation instead.
    public static var schema: Schema {
        .object("", properties: [:])
    }
}
