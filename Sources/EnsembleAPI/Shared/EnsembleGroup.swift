/// The API group and version of the Ensemble resources.
public enum EnsembleGroup {
    public static let name = "ensemble.dev"
    public static let version = "v1alpha1"
    public static let apiVersion = "\(name)/\(version)"
    /// The category `kubectl get ensemble` lists.
    public static let category = "ensemble"
}
