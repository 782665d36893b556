/// The bjw-s app-template Helm chart every app is rendered with.
public struct ChartSettings: Hashable, Sendable {
    /// Chart versions whose values schema mediactl renders for.
    public enum Version: String, CaseIterable, Hashable, Sendable {
        /// app-template 5.1.0 (the default), what current home-ops repositories run.
        case v5_1_0 = "5.1.0"
        /// app-template 4.1.1.
        case v4_1_1 = "4.1.1"
        /// app-template 3.7.3.
        case v3_7_3 = "3.7.3"

        /// The major version: values change shape between majors, not within one.
        public var major: Int {
            switch self {
            case .v5_1_0: 5
            case .v4_1_1: 4
            case .v3_7_3: 3
            }
        }
    }

    /// Where Flux gets the chart.
    public enum Source: String, CaseIterable, Hashable, Sendable {
        /// A per-app OCIRepository referenced by `chartRef` (the default).
        case oci
        /// A shared HelmRepository referenced by `chart.spec.sourceRef`.
        case helmRepository = "helm-repository"
    }

    /// The chart version.
    public var version = Version.v5_1_0
    /// Where the chart comes from.
    public var source = Source.oci

    /// The defaults: 5.1.0 from OCI.
    public init() {}
}
