/// How the team decides who speaks next.
public enum ChatMode: String, SchemaEnumeration {
    /// One agent answers each message: a single assistant.
    case single
    /// Agents speak in the order they are declared.
    case roundRobin
    /// A model chooses the next speaker from the agents' descriptions and the conversation.
    case selector
}
