import MediaRender
import Testing

@Suite("unified diff")
struct UnifiedDiffTests {
    private let diff = UnifiedDiff(oldName: "a/f", newName: "b/f")

    @Test("equal texts give nothing; a change gives a hunk with three lines of context")
    func hunk() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(diff.text(from: old, to: old).isEmpty)
        #expect(
            diff.text(from: old, to: new) == """
                --- a/f
                +++ b/f
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
    }

    @Test("changes far apart are separate hunks; added and removed files count from zero")
    func hunksAndFiles() {
        let old = (1...20).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n19\n", with: "\n")
        let text = diff.text(from: old, to: new)
        #expect(text.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n"))
        #expect(text.contains("@@ -16,5 +16,4 @@\n 16\n 17\n 18\n-19\n 20\n"))
        #expect(
            UnifiedDiff(oldName: "/dev/null", newName: "b/f").text(from: nil, to: "x\ny\n").hasSuffix(
                "@@ -0,0 +1,2 @@\n+x\n+y\n"))
        #expect(
            UnifiedDiff(oldName: "a/f", newName: "/dev/null").text(from: "x\n", to: nil).hasSuffix(
                "@@ -1 +0,0 @@\n-x\n"))
    }
}
