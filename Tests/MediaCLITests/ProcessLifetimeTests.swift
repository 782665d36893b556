import Testing

@testable import MediaCLI

@Suite("values kept until exit")
struct ProcessLifetimeTests {
    private final class Marker {}

    @Test("in-process runs (tests) keep nothing: only main() turns keeping on")
    func keepsNothingByDefault() {
        weak var released: Marker?
        do {
            let marker = Marker()
            released = marker
            ProcessLifetime.keep(marker)
        }
        #expect(released == nil)
    }
}
