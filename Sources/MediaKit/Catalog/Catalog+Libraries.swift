extension Catalog {
    /// Servers for music, audiobooks, podcasts, photos, books and comics.
    static let libraries: [CatalogEntry] = [
        CatalogEntry(
            "navidrome", .music, "Navidrome: music streaming server (Subsonic API)",
            spec: ServiceSpec(
                // /ping answers without a login; the binary runs as any user (navidrome docs: `user: 1000:1000`).
                image: .pinned(
                    "ghcr.io/navidrome/navidrome", "0.63.2",
                    digest: "9012939114fbb1bb641b81cf96dec5ded15f0aafefe8d47a511d7cb919658e40"),
                port: .http(4533), portEnvironmentVariable: "ND_PORT", probe: .http(path: "/ping"), configPath: "/data",
                security: .nonRoot, resources: .requests(cpu: "10m", memory: "128Mi", memoryLimit: "1Gi"),
                hostSettings: [.publicURL(variable: "ND_BASEURL")],
                // ND_MUSICFOLDER defaults to /music.
                media: .reads("media/music", at: "/music"), usesSQLite: true)),
        CatalogEntry(
            "airsonic-advanced", .music, "Airsonic-Advanced: music server; upstream inactive",
            status: .deprecated(replacedBy: ServiceID(rawValue: "navidrome")),
            spec: ServiceSpec(
                // No health endpoint verified (CATALOG.md): TCP. Last linuxserver build as pinned in public configs.
                image: .pinned("lscr.io/linuxserver/airsonic-advanced", "11.1.4-ls181"),
                port: .http(4040), probe: .tcp, security: .dropsRoot,
                resources: .requests(cpu: "50m", memory: "512Mi", memoryLimit: "2Gi"),
                media: .reads("media/music", at: "/music"))),
        CatalogEntry(
            "funkwhale", .music, "Funkwhale: federated audio platform",
            spec: ServiceSpec(
                // The all-in-one image serves its front end on 80; no health endpoint verified (CATALOG.md): TCP.
                // Settings come from DATABASE_URL and CACHE_URL (Funkwhale's django-environ settings).
                image: .pinned("docker.io/funkwhale/all-in-one", "1.4.0"),
                port: .http(80), probe: .tcp, configPath: "/data", security: .dropsRoot,
                resources: .requests(cpu: "100m", memory: "512Mi", memoryLimit: "2Gi"),
                environment: ["FUNKWHALE_HOSTNAME": "{host}", "CACHE_URL": "redis://{app}-valkey:6379/0"],
                media: .reads("media/music", at: "/music"),
                companions: [valkey], needs: [.postgresql, .redis], databaseKeys: ["DATABASE_URL"])),
        CatalogEntry(
            "audiobookshelf", .audiobooks, "Audiobookshelf: audiobook and podcast server",
            spec: ServiceSpec(
                // /healthcheck per CATALOG.md. It downloads podcasts, so it writes to the media volume; its docs want
                // /config on local disk. /metadata (covers, backups) shares the config PVC. The image ignores PUID and
                // PGID and runs as whatever user the pod sets, with a read-only root file system when npm's cache
                // has scratch space (bjw-s-labs/home-ops `kubernetes/apps/media/audiobookshelf/app/helmrelease.yaml`);
                // AUDIOBOOKSHELF_UID/GID tell it whom its files belong to. A non-root user cannot bind port 80 unless
                // the runtime allows unprivileged ports, so PORT moves it to 13378, its port outside Docker.
                image: .pinned(
                    "ghcr.io/advplyr/audiobookshelf", "2.36.1",
                    digest: "3528a93b6442ffe54bd46771bbbab7c97084e1101071586d9dc2254f30bb4358"),
                port: .http(13378), portEnvironmentVariable: "PORT", probe: .http(path: "/healthcheck"),
                security: .rootless, resources: .requests(cpu: "50m", memory: "256Mi", memoryLimit: "2Gi"),
                scratchVolumes: [ScratchVolume(name: "npm-cache", path: "/.npm")],
                environment: ["AUDIOBOOKSHELF_UID": "{uid}", "AUDIOBOOKSHELF_GID": "{gid}"],
                media: .manages, usesSQLite: true,
                statePaths: [StatePath(path: "/metadata", subPath: "metadata")])),
        CatalogEntry(
            "booksonic", .audiobooks, "Booksonic-Air: audiobook server; deprecated upstream",
            status: .deprecated(replacedBy: ServiceID(rawValue: "audiobookshelf")),
            spec: ServiceSpec(
                // No health endpoint verified (CATALOG.md): TCP. Last linuxserver build (Feb 2025).
                image: .pinned("lscr.io/linuxserver/booksonic-air", "v2201.1.0-ls41"),
                port: .http(4040), probe: .tcp, security: .dropsRoot,
                resources: .requests(cpu: "50m", memory: "512Mi", memoryLimit: "2Gi"), media: .reads)),
        CatalogEntry(
            "podgrab", .podcasts, "Podgrab: podcast downloader; archived upstream",
            status: .deprecated(replacedBy: ServiceID(rawValue: "audiobookshelf")),
            spec: ServiceSpec(
                // No health endpoint verified (CATALOG.md): TCP. 1.0.0 is the last release; episodes go to /assets.
                image: .pinned(
                    "ghcr.io/akhilrex/podgrab", "1.0.0",
                    digest: "bce133f3f5111381f63d9341313fa7ce7e16209068e8a06e6db2c4ed33972b87"),
                port: .http(8080), probe: .tcp, security: .dropsRoot,
                resources: .requests(cpu: "10m", memory: "64Mi", memoryLimit: "512Mi"),
                media: .manages("media/podcasts", at: "/assets"), usesSQLite: true)),
        CatalogEntry(
            "immich", .photos, "Immich: photo and video library with machine learning",
            spec: ServiceSpec(
                // /api/server/ping answers {"res":"pong"} without a login. The server ignores PUID/PGID and runs as
                // any user (szinn/k8s-homelab `kubernetes/main/apps/media/immich/app/helmrelease.yaml`, v3.1.0).
                // Immich 3 needs PostgreSQL with VectorChord (immich.app/blog/v3-migration). The library lives in /data (the
                // config PVC: size it for the photos). Server, machine learning and Valkey are three controllers;
                // PostgreSQL with the vector extension comes from outside (`<app>-database`).
                image: .pinned(
                    "ghcr.io/immich-app/immich-server", "v3.1.0",
                    digest: "b434cb9287eea1471c9974845914d4dd328c9c2d652e446ed4930f99944f0ceb"),
                port: .http(2283), portEnvironmentVariable: "IMMICH_PORT", probe: .http(path: "/api/server/ping"),
                configPath: "/data", security: .nonRoot, auth: false,
                resources: .requests(cpu: "100m", memory: "512Mi", memoryLimit: "4Gi"),
                environment: [
                    "REDIS_HOSTNAME": "{app}-valkey",
                    "IMMICH_MACHINE_LEARNING_URL": "http://{app}-machine-learning:3003",
                ],
                companions: [
                    CompanionSpec(
                        name: "machine-learning",
                        image: .pinned(
                            "ghcr.io/immich-app/immich-machine-learning", "v3.1.0",
                            digest: "5a0839dc5303cd7215bcd2180a26aed3af41675aefb3e75e5157e9f10ad16e6e"),
                        port: .http(3003), probe: .http(path: "/ping"),
                        scratchVolumes: [ScratchVolume(name: "model-cache", path: "/cache")],
                        resources: .requests(cpu: "100m", memory: "1Gi", memoryLimit: "4Gi")),
                    valkey,
                ],
                needs: [.postgresql, .redis],
                databaseKeys: ["DB_HOSTNAME", "DB_USERNAME", "DB_PASSWORD", "DB_DATABASE_NAME"])),
        CatalogEntry(
            "photoprism", .photos, "PhotoPrism: photo library",
            spec: ServiceSpec(
                // /api/v1/status is unverified (CATALOG.md): TCP. Tags are dates (YYMMDD); SQLite unless
                // PHOTOPRISM_DATABASE_DRIVER says otherwise. It reads PHOTOPRISM_UID/GID, not PUID/PGID, and runs
                // as the user the pod sets (PhotoPrism docs, "Running as non-root": `user: "1000:1000"`).
                image: .pinned("docker.io/photoprism/photoprism", "260728"),
                port: .http(2342), portEnvironmentVariable: "PHOTOPRISM_HTTP_PORT", probe: .tcp,
                configPath: "/photoprism/storage", security: .nonRoot,
                resources: .requests(cpu: "100m", memory: "1Gi", memoryLimit: "4Gi"),
                media: .reads("media/photos", at: "/photoprism/originals"), usesSQLite: true)),
        CatalogEntry(
            "librephotos", .photos, "LibrePhotos: photo library",
            spec: ServiceSpec(
                // The single-container image serves front end and API from Gunicorn on 8001 when SERVE_FRONTEND is
                // set (LibrePhotos docs, "Single Container Deployment"); it replaced the archived `singleton`
                // image (LibrePhotos/librephotos-docker, archived 2026-04-23). 1.1.0 is the release tag the upgrade
                // guide names; no health endpoint verified (CATALOG.md): TCP. Thumbnails and models go to
                // /protected_media (the config PVC), logs and the generated secret key to /logs beside it.
                image: .pinned("docker.io/reallibrephotos/librephotos-unified", "1.1.0"),
                port: .http(8001), probe: .tcp, configPath: "/protected_media", security: .dropsRoot,
                resources: .requests(cpu: "100m", memory: "1Gi", memoryLimit: "4Gi"),
                environment: ["SERVE_FRONTEND": "true", "CSRF_TRUSTED_ORIGINS": "https://{host}"],
                media: .reads("media/photos", at: "/data"),
                needs: [.postgresql],
                databaseKeys: ["DB_BACKEND", "DB_NAME", "DB_USER", "DB_PASS", "DB_HOST", "DB_PORT"],
                statePaths: [StatePath(path: "/logs", subPath: "logs")])),
        CatalogEntry(
            "calibre-web", .books, "Calibre-Web: e-book library on a Calibre database",
            spec: ServiceSpec(
                // Seed 001 ran the linuxserver image (PUID/PGID); the public repos moved to bjw-s' rootless build of
                // the same app (bjw-s-labs/container-images `apps/calibre-web/Dockerfile`: any user, config in
                // /config; pinned by haraldkoch/kochhaus-home), which needs no PUID/PGID. No health endpoint, so
                // TCP. It edits metadata.db, so it writes to the books folder.
                image: .pinned(
                    "ghcr.io/bjw-s-labs/calibre-web", "0.6.26",
                    digest: "87a0d524582303d1dbe399c9b6bce603e0bdcc4d9bd7732d105c0a37e4736ce8"),
                port: .http(8083), probe: .tcp, security: .rootless, auth: false,
                resources: .requests(cpu: "10m", memory: "256Mi", memoryLimit: "1Gi"),
                scratchVolumes: [ScratchVolume(name: "cache", path: "/cache")],
                media: .manages("media/books", at: "/books"), usesSQLite: true)),
        CatalogEntry(
            "kavita", .books, "Kavita: reading server for books, comics and manga",
            spec: ServiceSpec(
                // /api/health answers without a login. The image ignores PUID/PGID; it runs as any user with a
                // read-only root file system when its logs and cache have scratch space (Diaoul/home-ops
                // `kubernetes/apps/media/kavita/app/helmrelease.yaml`).
                image: .pinned(
                    "ghcr.io/kareadita/kavita", "0.9.0.2",
                    digest: "880a8feff0833e860575f8e08788e4b4f59f8659afd17206566aae88a525130d"),
                port: .http(5000), probe: .http(path: "/api/health"), configPath: "/kavita/config",
                security: .rootless, resources: .requests(cpu: "50m", memory: "256Mi", memoryLimit: "2Gi"),
                scratchVolumes: [
                    ScratchVolume(name: "logs", path: "/kavita/config/logs"),
                    ScratchVolume(name: "cache", path: "/kavita/config/cache"),
                ],
                media: .reads, usesSQLite: true)),
        CatalogEntry(
            "komga", .comics, "Komga: comics and manga server",
            spec: ServiceSpec(
                // Spring Boot's /actuator/health; Komga's docs want /config on local disk, not NFS/CIFS.
                image: .pinned(
                    "ghcr.io/gotson/komga", "1.26.3",
                    digest: "6c2a967bbe9acefd05933b2eb498f34afe96a83c6f7f8ab0acb512a1bb3ab50f"),
                port: .http(25600), portEnvironmentVariable: "SERVER_PORT", probe: .http(path: "/actuator/health"),
                security: .nonRoot, resources: .requests(cpu: "50m", memory: "512Mi", memoryLimit: "2Gi"),
                media: .reads, usesSQLite: true)),
    ]

    /// The cache of apps that need Redis: Valkey on 6379, no persistence (`{app}-valkey`).
    static let valkey = CompanionSpec(
        name: "valkey",
        image: .pinned(
            "ghcr.io/valkey-io/valkey", "9.1.1",
            digest: "c7f03d95d897f97eef7ec2d4a6a1e2c0cbe62a36a56b00f304aa536cbe3ec9c1"),
        port: ServicePort(name: "redis", number: 6379),
        probe: .tcp, scratchVolumes: [ScratchVolume(name: "valkey-data", path: "/data")],
        resources: .requests(cpu: "10m", memory: "32Mi", memoryLimit: "256Mi"))
}
