/// Why a `ServiceGroup` stopped other than by a service's own error.
public struct ServiceGroupError: Error, Hashable, CustomStringConvertible {
    private enum Code: Hashable {
        case serviceFinishedUnexpectedly(String)
    }

    private let code: Code

    /// A service returned while the group was still running, before any shutdown began.
    public static func serviceFinishedUnexpectedly(_ serviceName: String) -> ServiceGroupError {
        ServiceGroupError(code: .serviceFinishedUnexpectedly(serviceName))
    }

    public var description: String {
        switch code {
        case .serviceFinishedUnexpectedly(let name): "service \(name) finished unexpectedly"
        }
    }
}
