/// How apps' config PVCs are named when an app does not name its own (`storage.config.claimNames`).
///
/// A claim holds an app's data, so its name never changes under an existing config: `app-config` stays the
/// default, and `mediactl init` writes `app` for new configs, the name current home-ops repositories give it
/// (onedr0p/home-ops `kubernetes/apps/default/sonarr/app/helmrelease.yaml`: `existingClaim: "{{ .Release.Name }}"`,
/// the claim their VolSync component creates as `${APP}`).
public enum ClaimNaming: String, CaseIterable, Hashable, Sendable {
    /// `<app>-config` (the default).
    case appConfig = "app-config"
    /// `<app>`.
    case app

    /// The claim name of `app`'s config volume.
    public func claimName(for app: AppName) -> String {
        switch self {
        case .appConfig: "\(app)-config"
        case .app: app.rawValue
        }
    }
}
