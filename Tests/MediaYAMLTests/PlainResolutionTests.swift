import MediaTestSupport
import Testing

@testable import MediaYAML

/// The hand-written number and timestamp scanners of ``YAMLPlainResolution`` against the regular
/// expressions they replace (YAML 1.1's int, float and timestamp forms and YAML 1.2's core schema).
@Suite("plain scalar resolution")
struct PlainResolutionTests {
    nonisolated(unsafe) static let numberPatterns: [Regex<Substring>] = [
        #/[-+]?0b[01_]+/#,
        #/[-+]?0o?[0-7_]+/#,
        #/[-+]?0x[0-9a-fA-F_]+/#,
        #/[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*/#,
        #/[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?/#,
        #/[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+/#,
        #/[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*/#,
        #/[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)/#,
    ]

    nonisolated(unsafe) static let timestampPattern: Regex<Substring> =
        #/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?/#

    static func referenceIsNumber(_ text: String) -> Bool {
        guard text != "." && text != "+" && text != "-" && text != "_" else { return false }
        return numberPatterns.contains { text.wholeMatch(of: $0) != nil }
    }

    /// Every string of up to three characters over the characters the forms use, the examples of the YAML
    /// 1.1 type pages, random strings built from number and timestamp pieces, and timestamps with digit
    /// counts around the allowed ones.
    static let samples: [String] = {
        var strings = ShortStrings.all(over: "019_:.-+eEbxoaFnNiIfT Z\t", maxLength: 3)
        strings += [
            "685230", "+685_230", "02472256", "0x_0A_74_AE", "0b1010_0111_0100_1010_1110", "190:20:30",
            "6.8523015e+5", "685.230_15e+03", "685_230.15", "190:20:30.15", "-.inf", ".NaN", "+.Inf", "-.nan",
            "0o17", "0o", "0x", "0b", "1e3", "1E-3", "1.2.3", "12:60", "12:5", "1:02:03.", "2001-12-14",
            "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z", "2002-12-14",
            "2001-12-14 21:59:43.10 ", "2001-1-1", "20011-12-14", "2001-12-14T", "2001-12-14\t\t1:02:03Z",
            "2001-12-14 1:02:03+05:3", "1\u{301}", "١٢٣", "１２", "0.5e", ".e5", "-.", "+.5", "0_", "08", "0o8",
        ]
        let pieces = [
            "0", "1", "7", "9", "59", "60", "_", ":", ".", "e", "E", "+", "-", "x", "b", "o", "T", " ", "\t", "Z",
            "2001-12-14", "12:30:45", "inf", "nan", "05:00",
        ]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...6, using: &generator)
            strings.append(
                (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined())
        }
        // Timestamp-shaped strings with one digit too few or too many here and there.
        func digits(_ range: ClosedRange<Int>) -> String {
            String(repeating: "1", count: Int.random(in: range, using: &generator))
        }
        for _ in 0..<5_000 {
            var text = "\(digits(3...5))-\(digits(0...3))-\(digits(1...3))"
            let separators = ["", "T", "t", " ", " \t ", "x"]
            text += separators[Int.random(in: 0..<separators.count, using: &generator)]
            text += "\(digits(1...3)):\(digits(1...3)):\(digits(1...3))"
            if Bool.random(using: &generator) { text += "." + digits(0...2) }
            text += ["", " ", "\t"][Int.random(in: 0...2, using: &generator)]
            switch Int.random(in: 0...3, using: &generator) {
            case 0: text += "Z"
            case 1: text += "+" + digits(0...3)
            case 2: text += "-" + digits(1...3) + ":" + digits(1...3)
            default: break
            }
            strings.append(text)
        }
        return strings
    }()

    @Test("the number scanner agrees with the regular expressions")
    func numbers() {
        for text in Self.samples {
            #expect(
                YAMLPlainResolution.isNumber(Array(text.utf8)) == Self.referenceIsNumber(text),
                "\(text.debugDescription)")
        }
    }

    @Test("the timestamp scanner agrees with the regular expression")
    func timestamps() {
        for text in Self.samples {
            #expect(
                YAMLPlainResolution.isTimestamp(Array(text.utf8))
                    == (text.wholeMatch(of: Self.timestampPattern) != nil),
                "\(text.debugDescription)")
        }
    }

    @Test("the samples reach every outcome")
    func samplesCoverOutcomes() {
        let outcomes = Set(Self.samples.map { YAMLPlainResolution(plain: $0) })
        #expect(outcomes == [.string, .null, .boolean, .number, .timestamp])
    }
}
