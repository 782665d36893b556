import Foundation

/// Reads whole regular files through one buffer that grows as needed, without asking each file's size
/// first: a read that fills less than the buffer is taken as the end of the file, as it is for regular
/// files on Linux. That saves the tree snapshot an `fstat` for each of the files it reads.
///
/// The snapshot is only a head start for the plan: a file that a read cut short would compare as changed and
/// be rewritten, or reported as drift, never taken as unchanged; and a marker it cut off makes a file count as
/// hand-written, which render refuses to replace.
final class WholeFileReader {
    private var buffer: UnsafeMutableRawBufferPointer

    /// A reader whose buffer starts at `capacity` bytes (64 KiB: generated files are a few KiB).
    init(capacity: Int = 64 * 1024) {
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The bytes of the regular file `name` in the open folder `folder`, nil when it cannot be opened (a
    /// symbolic link is never followed) or read.
    func bytes(named name: String, in folder: Int32) -> [UInt8]? {
        // Through the string's own storage: passed as a `String`, the name was copied into a new C string.
        let descriptor = name.withCString { openat(folder, $0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var filled = 0
        while true {
            if filled == buffer.count { grow() }
            // Never nil: the buffer has at least one free byte.
            guard let free = buffer.baseAddress.map({ $0 + filled }) else { return nil }
            let count = read(descriptor, free, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            filled += count
            if count == 0 || filled < buffer.count { break }
        }
        return Array(UnsafeRawBufferPointer(rebasing: buffer[..<filled]))
    }

    /// Doubles the buffer, keeping what it holds.
    private func grow() {
        let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
        grown.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = grown
    }
}
