/// The version of Ensemble this source tree builds.
public enum EnsembleVersion {
    public static let current = "0.1.0-dev"
}
