import MediaKit
import Testing

/// The rules that keep hostile or careless values out of paths, host names, images and resources.
@Suite("hostile values")
struct HostileValueTests {
    @Test("repository paths: '.git' in every spelling a file system folds to it, and names that leave or are empty")
    func repositoryPaths() {
        let refused = [
            ".git", "a/.git", ".git/hooks", "kubernetes/.GIT/apps", ".git.", ".git ", ".g\u{200C}it", "git~1",
            "GIT~1", ".", "/abs", "a/../b", "..", "a//b", "a/./b", "a\\b", "a\u{0}b", "a\nb", "a\u{85}b",
            String(repeating: "x", count: 256), String(repeating: "x/", count: 600) + "x",
        ]
        for path in refused {
            #expect(RelativePath.problem(with: path, inside: .repository) != nil, "\(path.debugDescription)")
        }
        let accepted = ["kubernetes/apps", "docs", ".github/docs", "git", ".gitkeep-dir", "a.git", "apps/ünïcode"]
        for path in accepted {
            #expect(RelativePath.problem(with: path, inside: .repository) == nil, "\(path)")
        }
        // Inside a volume, '.git' is the user's own folder; leaving the volume is still refused.
        #expect(RelativePath.problem(with: "repo/.git", inside: .volume) == nil)
        #expect(RelativePath.problem(with: "../x", inside: .volume) != nil)
    }

    @Test("a leading './' and trailing '/' are how people write paths; './' alone is the root")
    func normalizedPaths() {
        #expect(RelativePath.normalized("./kubernetes/apps/") == "kubernetes/apps")
        #expect(RelativePath.normalized("./") == ".")
        #expect(RelativePath.normalized("/") == "/")
        #expect(RelativePath.normalized("a/./b") == "a/./b")
    }

    @Test("host names: lowercase RFC 1123 labels, at most 253 characters, '${VAR}' as a whole label")
    func hostNames() {
        let accepted = [
            "example.com", "${SECRET_DOMAIN}", "tv.${SECRET_DOMAIN}", "a-b.c", "xn--bcher-kva.example", "nas",
            String(repeating: "a.", count: 126) + "a",
        ]
        for name in accepted { #expect(DNSName.problem(with: name) == nil, "\(name)") }
        let refused = [
            "", "*.example.com", "example.com.", "Example.com", "a..b", ".a", "a_b.c", "-a.b", "a-.b", "tv-${ENV}.c",
            "${1X}.c", "${}.c", "a\nb", "exa mple.com", "bücher.example", String(repeating: "a", count: 64) + ".com",
            String(repeating: "a.", count: 127) + "a",
        ]
        for name in refused { #expect(DNSName.problem(with: name) != nil, "\(name.debugDescription)") }
    }

    @Test("images follow the OCI reference grammar")
    func imageGrammar() throws {
        let hex = String(repeating: "0123456789abcdef", count: 4)
        let accepted = [
            "nginx:1.27", "ghcr.io/home-operations/sonarr:4.0.15", "localhost:5000/a/b:v1",
            "registry.lan:443/x_y/z__w:1", "[fe80::1]:5000/x:1", "a/b-c---d:tag_1.2-3", "ghcr.io/x/y:1@sha256:\(hex)",
            "Registry.LAN/x:1",
        ]
        for text in accepted {
            let image = try #require(ImageReference(parsing: text), "\(text)")
            #expect(image.problem == nil, "\(text): \(image.problem ?? "")")
        }
        let refused = [
            "ghcr.io/x/y:1.0\nkind: Secret", "ghcr.io/X/y:1", "a//b:1", "a/b_:1", "a/-b:1", "a/b...c:1", "a:-1",
            "a:" + String(repeating: "1", count: 129), "a:1 2", "a:1@sha256:abc", "a:1@sha256:\(hex.uppercased())",
            "a:1@md5:\(hex)x", "reg.io:http/a:1", "a:1@:\(hex)", "ex ample.com/a:1", "quay.io/X-Org/y:1",
        ]
        for text in refused {
            let image = ImageReference(parsing: text)
            #expect(image == nil || image?.problem != nil, "\(text.debugDescription)")
        }
    }

    @Test("every image the catalog pins follows the grammar")
    func catalogImages() {
        var images = [Catalog.exportarrImage, Catalog.gluetunImage]
        for entry in Catalog.entries {
            guard let spec = entry.spec else { continue }
            images += [spec.image] + spec.sidecars.map(\.image) + spec.companions.map(\.image)
        }
        for image in images { #expect(image.problem == nil, "\(image): \(image.problem ?? "")") }
    }

    @Test("quantities compare exactly across binary and decimal suffixes, exponents and millis")
    func quantityOrder() {
        let cases: [(String, String, Quantity.Comparison)] = [
            ("8Gi", "1Gi", .greater), ("1Gi", "1073741824", .equal), ("1024Mi", "1Gi", .equal), ("1G", "1Gi", .less),
            ("1.5G", "1Gi", .greater), ("500m", "1", .less), ("1000m", "1", .equal), ("0.1", "100m", .equal),
            ("100m", "0.1", .equal), ("1e3", "1k", .equal), ("1E3", "999", .greater), ("0", "0m", .equal),
            ("0", "1n", .less), ("1Ei", "1E", .greater), ("+2", "2", .equal), ("2.000", "2", .equal),
            ("1.1Ki", "1126", .greater), ("1.1Ki", "1126.4", .equal), ("007", "7", .equal), ("1u", "1000n", .equal),
        ]
        for (left, right, expected) in cases {
            #expect(Quantity.compare(left, right) == expected, "\(left) vs \(right)")
        }
        #expect(Quantity.compare("1e9999999", "1") == nil, "an exponent past a million is not compared")
        #expect(Quantity.compare("1e999999", "1") == .greater)
        #expect(Quantity.compare("abc", "1") == nil)
    }

    @Test("catalog resources never request more than their limit, sidecars included")
    func catalogResources() {
        var all: [(String, ResourceRequirements)] = []
        for entry in Catalog.entries {
            guard let spec = entry.spec else { continue }
            all.append((entry.id.rawValue, spec.resources))
            all += spec.sidecars.map { ("\(entry.id)/\($0.name)", $0.resources) }
        }
        for (name, resources) in all {
            for (request, limit) in [
                (resources.requests.cpu, resources.limits.cpu), (resources.requests.memory, resources.limits.memory),
            ] {
                guard let request, let limit else { continue }
                #expect(Quantity.compare(request, limit) != .greater, "\(name): \(request) > \(limit)")
            }
        }
    }
}
