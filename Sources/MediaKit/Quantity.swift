/// The form of a Kubernetes resource quantity (`500m`, `2`, `1.5Gi`, `128Mi`, `1e3`).
public enum Quantity {
    private static let suffixes: Set<String> = [
        "", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
    ]

    /// Whether `text` is a valid quantity: a non-negative decimal number and a suffix, or an exponent.
    public static func isValid(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "+" { scalars = scalars.dropFirst() }
        let digits = scalars.prefix { ("0"..."9").contains($0) || $0 == "." }
        let number = String(Substring(digits))
        let dots = number.filter { $0 == "." }.count
        guard dots <= 1, number.contains(where: \.isNumber) else { return false }
        let suffix = String(Substring(scalars.dropFirst(digits.count)))
        if suffixes.contains(suffix) { return true }
        guard let first = suffix.first, first == "e" || first == "E" else { return false }
        var exponent = suffix.dropFirst()
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCII) && exponent.allSatisfy(\.isNumber)
    }
}

extension Quantity {
    /// The exact order of two valid quantities (`8Gi` > `1Gi`, `1Gi` == `1073741824`, `500m` < `1`), or nil when
    /// either is invalid or has an exponent beyond a million. Compared as decimal digits, so
    /// `0.1` and `100m` are equal, as Kubernetes finds them.
    public static func compare(_ left: String, _ right: String) -> Comparison? {
        guard let left = Decimal(left), let right = Decimal(right) else { return nil }
        return left.compared(with: right)
    }

    /// The outcome of ``compare(_:_:)``.
    public enum Comparison: Sendable {
        /// The left quantity is the smaller.
        case less
        /// Both are the same amount.
        case equal
        /// The left quantity is the larger.
        case greater
    }

    /// A non-negative amount as decimal digits (most significant first, no leading or trailing zeros) times
    /// ten to `exponent`; zero has no digits.
    private struct Decimal {
        var digits: [UInt8]
        var exponent: Int

        private static let decimalSuffixes = [
            "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
        ]
        private static let binarySuffixes = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]

        init?(_ text: String) {
            guard Quantity.isValid(text) else { return nil }
            var scalars = Substring(text).unicodeScalars[...]
            if scalars.first == "+" { scalars = scalars.dropFirst() }
            let number = scalars.prefix { ("0"..."9").contains($0) || $0 == "." }
            let suffix = String(Substring(scalars.dropFirst(number.count)))
            var digits: [UInt8] = []
            var exponent = 0
            var afterPoint = false
            for scalar in number {
                if scalar == "." {
                    afterPoint = true
                    continue
                }
                digits.append(UInt8(scalar.value - 48))
                if afterPoint { exponent -= 1 }
            }
            var doublings = 0
            if let shift = Self.decimalSuffixes[suffix] {
                exponent += shift
            } else if let power = Self.binarySuffixes[suffix] {
                doublings = power
            } else {
                // Far beyond any amount of CPU or memory; bounded so the arithmetic below cannot overflow.
                guard let shift = Int(String(suffix.dropFirst())), abs(shift) <= 1_000_000 else { return nil }
                exponent += shift
            }
            digits = Self.multiplied(digits, byPowerOfTwo: doublings)
            while digits.first == 0 { digits.removeFirst() }
            while digits.last == 0 {
                digits.removeLast()
                exponent += 1
            }
            self.digits = digits
            self.exponent = digits.isEmpty ? 0 : exponent
        }

        /// `digits` times two to the `power`, in one pass per 32 doublings (a digit times 2^32 plus the carry
        /// stays far inside 64 bits).
        private static func multiplied(_ digits: [UInt8], byPowerOfTwo power: Int) -> [UInt8] {
            var result = digits
            var left = power
            while left > 0 {
                let shift = min(left, 32)
                left -= shift
                var carry: UInt64 = 0
                for index in result.indices.reversed() {
                    let value = UInt64(result[index]) << shift + carry
                    result[index] = UInt8(value % 10)
                    carry = value / 10
                }
                var high: [UInt8] = []
                while carry > 0 {
                    high.append(UInt8(carry % 10))
                    carry /= 10
                }
                result.insert(contentsOf: high.reversed(), at: 0)
            }
            return result
        }

        func compared(with other: Decimal) -> Comparison {
            if digits.isEmpty || other.digits.isEmpty {
                return digits.isEmpty == other.digits.isEmpty ? .equal : digits.isEmpty ? .less : .greater
            }
            // The position of the leading digit decides, then the digits from the left.
            let magnitude = digits.count + exponent
            let otherMagnitude = other.digits.count + other.exponent
            if magnitude != otherMagnitude { return magnitude < otherMagnitude ? .less : .greater }
            for index in 0..<max(digits.count, other.digits.count) {
                let mine = index < digits.count ? digits[index] : 0
                let theirs = index < other.digits.count ? other.digits[index] : 0
                if mine != theirs { return mine < theirs ? .less : .greater }
            }
            return .equal
        }
    }
}
