/// What a replay model does once every scripted response was given.
public enum ReplayExhaustion: String, SchemaEnumeration {
    /// Starts again from the first response.
    case cycle
    /// Repeats the last response.
    case repeatLast
    /// Fails the call, as an unreachable endpoint would.
    case fail
}
