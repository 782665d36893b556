import Foundation
import MediaKit
import MediaYAML
import Testing

@testable import MediaConfig

/// Configs written to break things: encodings, sizes, numbers and values at the edge of each rule. Each is
/// refused with a located error or read as meant, in bounded time.
@Suite("hostile configs")
struct HostileConfigTests {
    static let base = "version: 1\ncluster: {domain: example.org}\napps:\n  plex: {host: tv}\n  sonarr: {}\n"

    @Test("CRLF line ends and a leading byte order mark read as the same stack as plain LF")
    func lineEnds() throws {
        let plain = try #require(ConfigLoader.load(text: Self.base).stack)
        let windows = "\u{FEFF}" + Self.base.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(ConfigLoader.load(text: windows).stack == plain)
        #expect(ConfigLoader.load(bytes: Array(windows.utf8)).stack == plain)
    }

    @Test("a byte order mark inside the file is data, refused where a name cannot hold it")
    func innerByteOrderMark() {
        let result = ConfigLoader.load(text: Self.base + "  \"\u{FEFF}radarr\": {}\n")
        #expect(
            result.diagnostics.map(\.message).contains { $0.hasPrefix("app name '\u{FEFF}radarr' is not a DNS-1123") })
    }

    @Test("a value of a mebibyte is refused at its position, in well under a second of work per check")
    func longValues() {
        let long = String(repeating: "a", count: 1 << 20)
        let started = ContinuousClock.now
        let result = ConfigLoader.load(text: "version: 1\ncluster: {domain: \(long)}\napps: {plex: {}}\n")
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(result.diagnostics.first?.position == SourcePosition(line: 2, column: 19))
        #expect(result.diagnostics.first?.message.contains("is not a DNS label: it is longer than 63") == true)
    }

    @Test("numbers past Int, negative and out of range are errors, not traps")
    func hugeNumbers() {
        let cases = [
            ("replicas: 99999999999999999999999", "expected a whole number for 'replicas'"),
            ("port: -1", "expected a number from 1 to 65535 for 'port'"),
            ("port: 0x50", "expected a whole number for 'port'"),
            ("resources: {requests: {memory: 1e99999999999999999999}}", nil),
        ]
        for (line, expected) in cases {
            let result = ConfigLoader.load(text: "version: 1\napps:\n  plex: {\(line)}\n")
            if let expected {
                #expect(
                    result.diagnostics.contains { $0.message.hasPrefix(expected) }, "\(line): \(result.diagnostics)")
            } else if let stack = result.stack {
                // Kubernetes' own parser decides about such a quantity; mediactl must only not trap on it.
                _ = StackValidator(stack: stack).validate()
            }
        }
        let user = ConfigLoader.load(text: "version: 1\ncluster: {user: {uid: 2147483648}}\napps: {plex: {}}\n")
        #expect(user.diagnostics.contains { $0.message.hasPrefix("expected a number from 0 to 2147483647") })
    }

    @Test("values nested past the reader's limit are an error, not a stack overflow")
    func deepValues() {
        let depth = 500
        let nested = String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
        let result = ConfigLoader.load(text: "version: 1\napps:\n  plex:\n    values: \(nested)\n")
        #expect(result.diagnostics.contains { $0.message.contains("nesting is deeper than") })
    }

    @Test("cron schedules: every field in its range, names, lists, ranges and steps")
    func cron() {
        for valid in [
            "0 3 * * *", "*/15 * * * *", "0 0 1 JAN *", "0 0 * * MON-FRI", "0 0 * * 7", "@daily", "0,30 1-5/2 * * *",
            "59 23 31 12 6", "0 0 ? * sun",
        ] {
            #expect(CronSchedule.problem(with: valid) == nil, "\(valid)")
        }
        for invalid in [
            "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8", "5-1 * * * *", "*/0 * * * *",
            "a * * * *", "@every 1h", "* * * *", "* * * * * *", "1,,2 * * * *", "-1 * * * *", "0 3 * * *\n",
            "0 3 L * *", "99999999999999999999 * * * *",
        ] {
            #expect(CronSchedule.problem(with: invalid) != nil, "\(invalid.debugDescription)")
        }
    }

    @Test("time zones are IANA names or a whole substitution, never a path out of zoneinfo")
    func timeZones() {
        for valid in [
            "Europe/Zurich", "Etc/GMT+3", "Etc/GMT-14", "America/Argentina/Buenos_Aires", "UTC", "${TIMEZONE}",
        ] {
            #expect(TimeZoneName.problem(with: valid) == nil, "\(valid)")
        }
        for invalid in ["../x", "Europe/../etc", "Europe/Zurich\n", "/etc/localtime", "", "Europe//Zurich", "Zürich"] {
            #expect(TimeZoneName.problem(with: invalid) != nil, "\(invalid.debugDescription)")
        }
    }

    @Test("S3 endpoints and buckets make a restic URL")
    func repository() {
        for valid in [
            "https://s3.example.org", "http://10.0.0.5:9000", "minio.lan:9000", "[fe80::1]:9000", "${S3_URL}",
        ] {
            #expect(ConfigDecoder.endpointProblem(valid) == nil, "\(valid)")
        }
        for invalid in ["https://s3.example.org/x", "s3 .example.org", "https://host:99999", "https://ho_st", "ftp\n"] {
            #expect(ConfigDecoder.endpointProblem(invalid) != nil, "\(invalid.debugDescription)")
        }
        for valid in ["k8up", "volsync-backups", "my.bucket.2"] { #expect(ConfigDecoder.bucketProblem(valid) == nil) }
        for invalid in ["ab", "My_Bucket", "-x-", String(repeating: "a", count: 64), "a b"] {
            #expect(ConfigDecoder.bucketProblem(invalid) != nil, "\(invalid)")
        }
    }

    @Test("Kubernetes names: subdomains, Service names, label keys and values, Secret keys")
    func kubernetesNames() {
        #expect(KubernetesName.subdomainProblem("cluster-secrets.v1") == nil)
        #expect(KubernetesName.subdomainProblem("Secret") != nil)
        #expect(KubernetesName.subdomainProblem("a..b") != nil)
        #expect(KubernetesName.serviceNameProblem("plex") == nil)
        #expect(KubernetesName.serviceNameProblem("4k") != nil)
        #expect(KubernetesName.qualifiedNameProblem("kubernetes.io/arch") == nil)
        #expect(KubernetesName.qualifiedNameProblem("Feature_X.y") == nil)
        for key in ["a/b/c", "/x", "x/", "Upper.Case/x", "-x", "x y", String(repeating: "x", count: 64)] {
            #expect(KubernetesName.qualifiedNameProblem(key) != nil, "\(key)")
        }
        #expect(KubernetesName.labelValueProblem("") == nil)
        #expect(KubernetesName.labelValueProblem("amd64") == nil)
        #expect(KubernetesName.labelValueProblem("amd64\n") != nil)
        #expect(KubernetesName.secretKeyProblem("api-key.v1_2") == nil)
        #expect(KubernetesName.secretKeyProblem("..") != nil)
        #expect(KubernetesName.secretKeyProblem("a/b") != nil)
    }

    @Test("look-alike and fullwidth letters in a name are named and suggested away")
    func lookAlikes() {
        #expect(DNSLabel.problem(with: "pl\u{0435}x")?.contains("U+0435") == true)
        #expect(DNSLabel.suggestion(for: "pl\u{0435}x") == "plex")
        #expect(DNSLabel.suggestion(for: "\u{FF30}\u{FF4C}\u{FF45}\u{FF58}") == "plex")
    }
}
