import MediaKit
import MediaTestSupport
import Testing

@Suite("catalog")
struct CatalogTests {
    /// Every service the seeds name (CATALOG.md's table).
    static let seedServices = [
        "plex", "jellyfin", "emby", "navidrome", "airsonic-advanced", "funkwhale", "audiobookshelf", "booksonic",
        "podgrab", "immich", "photoprism", "librephotos", "calibre-web", "kavita", "komga", "sonarr", "radarr",
        "lidarr", "readarr", "prowlarr", "bazarr", "mylar3", "overseerr", "jellyseerr", "seerr", "petio", "organizr",
        "homepage", "wizarr", "tautulli", "qbittorrent", "sabnzbd", "deluge", "jdownloader2", "plex-exporter",
        "plex-trakt-sync", "recyclarr",
    ]

    @Test("every seed service is in the catalog, once, with a DNS-label id")
    func completeness() {
        let ids = Catalog.ids.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(Self.seedServices))
        #expect(ids.allSatisfy { DNSLabel.problem(with: $0) == nil })
    }

    @Test("every entry has facts: a pinned tag that is not latest, a port or a reason for none, a probe on it")
    func facts() throws {
        for entry in Catalog.entries {
            let spec = try #require(entry.spec, "\(entry.id) has no facts")
            let tag = try #require(spec.image.tag, "\(entry.id)")
            #expect(!tag.isEmpty && tag != "latest", "\(entry.id): \(tag)")
            if let port = spec.port {
                #expect((1...65535).contains(port.number), "\(entry.id)")
                #expect(spec.probe != .none, "\(entry.id) has a port but no probe")
            } else {
                #expect(spec.probe == .none && spec.exposure == .none, "\(entry.id) has no port but a probe or host")
            }
            if case .http(let path) = spec.probe { #expect(path.hasPrefix("/"), "\(entry.id)") }
            #expect(spec.portEnvironmentVariable == nil || spec.port != nil, "\(entry.id)")
            #expect(spec.configPath?.hasPrefix("/") ?? true, "\(entry.id)")
            // A database need names the keys of <app>-database; a cache need has its Valkey controller.
            #expect(spec.needs.contains(where: \.isDatabase) == !spec.databaseKeys.isEmpty, "\(entry.id)")
            #expect(spec.needs.contains(.redis) == spec.companions.contains { $0.name == "valkey" }, "\(entry.id)")
            for image in spec.sidecars.map(\.image) + spec.companions.map(\.image) {
                #expect(image.tag.map { !$0.isEmpty && $0 != "latest" } == true, "\(entry.id): \(image)")
            }
        }
    }

    /// Tags that name no release: the image behind them changes without the tag changing.
    static let movingTags: Set<String> = [
        "latest", "main", "master", "dev", "develop", "development", "nightly", "edge", "rolling", "stable", "beta",
        "release", "current", "testing", "unstable", "next",
    ]

    @Test("every catalog image has a release tag; a moving tag only with the digest that fixes it")
    func imagesArePinned() throws {
        var images: [(String, ImageReference)] = [
            ("exportarr", Catalog.exportarrImage), ("gluetun", Catalog.gluetunImage),
        ]
        for entry in Catalog.entries {
            let spec = try #require(entry.spec, "\(entry.id) has no facts")
            images.append((entry.id.rawValue, spec.image))
            images += spec.sidecars.map { ("\(entry.id)/\($0.name)", $0.image) }
            images += spec.companions.map { ("\(entry.id)/\($0.name)", $0.image) }
        }
        #expect(images.count >= 42)
        for (owner, image) in images {
            let tag = try #require(image.tag, "\(owner): \(image) has no tag")
            #expect(!tag.isEmpty, "\(owner)")
            if Self.movingTags.contains(tag.lowercased()) {
                #expect(image.digest != nil, "\(owner): '\(tag)' is a moving tag; pin a release or its digest")
            }
            if let digest = image.digest {
                let hex = digest.dropFirst("sha256:".count)
                #expect(
                    digest.hasPrefix("sha256:") && hex.count == 64
                        && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase },
                    "\(owner): \(digest)")
            }
        }
        #expect(Catalog.checkedOn.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil)
    }

    @Test("media roles: *arr managers and download clients write at the shared path, media servers read")
    func mediaRoles() {
        for entry in Catalog.entries {
            let role = entry.spec?.media
            switch entry.category {
            case .arr, .torrentClient, .usenetClient, .directDownloader:
                #expect(
                    role == .manages, "\(entry.id) must mount the media volume's root read-write at the shared path")
            case .mediaServer:
                #expect(role == .reads, "\(entry.id)")
            case .requests, .dashboard, .users, .analytics, .exporter, .sync, .configSync, .indexers:
                #expect(role == nil, "\(entry.id) has no business on the media volume")
            default:
                continue
            }
        }
    }

    @Test("lifecycle: readarr retired; overseerr and jellyseerr deprecated in favour of seerr, organizr of homepage")
    func lifecycle() {
        #expect(Catalog.entry(for: ServiceID(rawValue: "readarr"))?.status.name == "retired")
        for (id, successor) in [
            ("overseerr", "seerr"), ("jellyseerr", "seerr"), ("petio", "seerr"), ("airsonic-advanced", "navidrome"),
            ("booksonic", "audiobookshelf"), ("podgrab", "audiobookshelf"), ("organizr", "homepage"),
        ] {
            #expect(
                Catalog.entry(for: ServiceID(rawValue: id))?.status
                    == .deprecated(replacedBy: ServiceID(rawValue: successor)), "\(id)")
        }
        let deprecated = Catalog.entries.filter { $0.status != .active }.map(\.id.rawValue).sorted()
        #expect(
            deprecated == [
                "airsonic-advanced", "booksonic", "jellyseerr", "organizr", "overseerr", "petio", "podgrab", "readarr",
            ])
        // Every replacement is itself an active catalog service.
        for entry in Catalog.entries {
            if let replacement = entry.status.replacement {
                #expect(Catalog.entry(for: replacement)?.status == .active, "\(entry.id) → \(replacement)")
            }
        }
    }

    @Test("categories of the services the render issue starts with")
    func categories() {
        #expect(Catalog.entry(for: ServiceID(rawValue: "plex"))?.category == .mediaServer)
        #expect(Catalog.entry(for: ServiceID(rawValue: "sonarr"))?.category == .arr)
        #expect(Catalog.entry(for: ServiceID(rawValue: "qbittorrent"))?.category == .torrentClient)
        #expect(Catalog.entry(for: ServiceID(rawValue: "mediabox")) == nil)
    }
}

@Suite("names and values")
struct NamesAndValuesTests {
    @Test("DNS-1123 labels", arguments: ["plex", "calibre-web", "a", "0day", String(repeating: "a", count: 63)])
    func validLabels(name: String) {
        #expect(DNSLabel.problem(with: name) == nil)
    }

    @Test(
        "not DNS-1123 labels",
        arguments: ["", "Plex", "plex_server", "-plex", "plex-", "pl ex", "é", String(repeating: "a", count: 64)])
    func invalidLabels(name: String) {
        #expect(DNSLabel.problem(with: name) != nil)
    }

    @Test("suggested labels are valid")
    func labelSuggestions() {
        #expect(DNSLabel.suggestion(for: "Plex_Server") == "plex-server")
        #expect(DNSLabel.suggestion(for: "--My  App!") == "my-app")
    }

    @Test("nearest names: close typos are suggested, distant ones are not")
    func suggestions() {
        let keys = ["expose", "enabled", "env", "storage", "service"]
        #expect(NameSuggestion.nearest(to: "expse", in: keys) == "expose")
        #expect(NameSuggestion.nearest(to: "storag", in: keys) == "storage")
        #expect(NameSuggestion.nearest(to: "enalbed", in: keys) == "enabled")
        #expect(NameSuggestion.nearest(to: "EXPOSE", in: keys) == "expose")
        #expect(NameSuggestion.nearest(to: "public", in: ["internal", "external", "none"]) == nil)
        #expect(NameSuggestion.editDistance("rendr", "render") == 1)
        #expect(NameSuggestion.editDistance("ab", "ba") == 1)
        #expect(NameSuggestion.editDistance("", "abc") == 3)
    }

    @Test("image strings split into repository, tag and digest")
    func imageParsing() {
        #expect(ImageReference(parsing: "nginx:1.27") == ImageReference(repository: "nginx", tag: "1.27"))
        #expect(
            ImageReference(parsing: "registry:5000/app:v1")
                == ImageReference(repository: "registry:5000/app", tag: "v1"))
        #expect(
            ImageReference(parsing: "ghcr.io/x/y@sha256:abc")
                == ImageReference(repository: "ghcr.io/x/y", tag: nil, digest: "sha256:abc"))
        #expect(ImageReference(parsing: "registry:5000/app") == nil)
        #expect(ImageReference(parsing: "app:") == nil)
        #expect(ImageReference(parsing: "ghcr.io/x/y:1.0@sha256:abc")?.description == "ghcr.io/x/y:1.0@sha256:abc")
    }

    @Test("quantities are checked for form")
    func quantities() {
        for valid in ["500m", "2", "1.5Gi", "128Mi", "1e3", "0.5", "+1"] {
            #expect(Quantity.isValid(valid), "\(valid)")
        }
        for invalid in ["8GB", "", "Gi", "1..5", "-1", "1 Gi", "1e"] {
            #expect(!Quantity.isValid(invalid), "\(invalid)")
        }
    }

    @Test("values merge maps key by key and replace everything else")
    func rawValueMerge() {
        let base = RawValue.map(["a": .map(["x": .integer(1), "y": .integer(2)]), "list": .list([.string("p")])])
        let top = RawValue.map(["a": .map(["y": .integer(3), "z": .null]), "list": .list([.string("q")])])
        #expect(
            base.merging(top)
                == .map(["a": .map(["x": .integer(1), "y": .integer(3), "z": .null]), "list": .list([.string("q")])]))
        #expect(base.merging(.string("s")) == .string("s"))
    }
}

@Suite("byte order")
struct ByteOrderTests {
    @Test("precedesInByteOrder agrees with comparing the UTF-8 bytes one by one")
    func agreesWithTheBytes() {
        // Paths with long shared prefixes (the eight-byte steps), prefixes of each other, and non-ASCII text
        // whose bytes sort differently from its characters.
        let parts = ["kubernetes/apps/", "media/", "media", "ns-1", "ns-10", "é", "e\u{301}", "z", "", "ks.yaml"]
        var strings: [String] = []
        for first in parts { for second in parts { for third in parts { strings.append(first + second + third) } } }
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0x2D...0x7A, using: &generator) }
            strings.append(String(decoding: bytes, as: UTF8.self))
        }
        var disagreements = 0
        var sameBytesDisagreements = 0
        let pairs = Array(zip(strings, strings.shuffled(using: &generator))) + Array(zip(strings, strings))
        for (left, right) in pairs {
            if left.precedesInByteOrder(right) != left.utf8.lexicographicallyPrecedes(right.utf8) { disagreements += 1 }
            if left.hasSameBytes(as: right) != left.utf8.elementsEqual(right.utf8) { sameBytesDisagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(sameBytesDisagreements == 0)
        // Canonically equal, so `==`, but not the same bytes: two names on disk.
        #expect("\u{E9}" == "e\u{301}")
        #expect(!"\u{E9}".hasSameBytes(as: "e\u{301}"))
        let sortsByBytes = strings.sortedByBytes() == strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(sortsByBytes, "sortedByBytes disagrees with the bytes")
    }
}
