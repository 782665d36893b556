import Foundation
import Testing

@testable import MediaCLI

@Suite("paths as text")
struct PathTextTests {
    @Test("absolute paths agree with Foundation's standardized file URLs")
    func agreesWithFoundation() {
        let directories = ["/", "/home/me/flux", "/home/me/flux/"]
        let paths = [
            "mediactl.yaml", "./a/b", "a//b/", "../x", "../../../../y", "/etc/./z/../w", "/", ".", "..", "a/b/..",
            "caf\u{E9}/e\u{301}", "with space/x",
        ]
        for directory in directories {
            for path in paths {
                let base = URL(fileURLWithPath: directory, isDirectory: true)
                let expected = URL(fileURLWithPath: path, relativeTo: base).absoluteURL.standardizedFileURL.path
                let absolute = PathText.absolute(path, in: directory)
                #expect(Array(absolute.utf8) == Array(expected.utf8), "'\(path)' in '\(directory)'")
            }
        }
    }

    @Test("parents and children of paths")
    func parentsAndChildren() {
        #expect(PathText.parent(of: "/home/me/flux") == "/home/me")
        #expect(PathText.parent(of: "/home") == "/")
        #expect(PathText.parent(of: "/") == "/")
        #expect(PathText.appending("mediactl.yaml", to: "/") == "/mediactl.yaml")
        #expect(PathText.appending("mediactl.yaml", to: "/repo") == "/repo/mediactl.yaml")
    }
}
