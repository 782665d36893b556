extension Catalog {
    /// Request portals, dashboards, user management and analytics.
    static let requestsAndUsers: [CatalogEntry] = [
        CatalogEntry(
            "overseerr", .requests, "Overseerr: media requests for Plex; merged into Seerr",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr"))),
        CatalogEntry(
            "jellyseerr", .requests, "Jellyseerr: media requests for Jellyfin; merged into Seerr",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr"))),
        CatalogEntry("seerr", .requests, "Seerr: media requests for Plex, Jellyfin and Emby"),
        CatalogEntry(
            "petio", .requests, "Petio: media requests; upstream inactive",
            status: .deprecated(replacedBy: ServiceID(rawValue: "seerr"))),
        CatalogEntry("organizr", .dashboard, "Organizr: tabbed dashboard"),
        CatalogEntry("homepage", .dashboard, "Homepage: start page that reads Ingress annotations"),
        CatalogEntry("wizarr", .users, "Wizarr: invitations to the media server"),
        CatalogEntry("tautulli", .analytics, "Tautulli: Plex statistics and notifications"),
    ]
}
