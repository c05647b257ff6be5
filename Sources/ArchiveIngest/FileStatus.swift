#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names, whatever the path: its device and inode.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
}

/// What the walk needs to know of a path: what it leads to (links followed), and whether the path
/// itself is a link.
struct FileStatus {
    let identity: FileIdentity
    let isFolder: Bool
    let isLink: Bool
    /// How many names (hard links) the file has.
    let linkCount: Int
    /// The size in bytes of what the path leads to.
    let size: Int

    /// Nil when nothing is there (or a link leads nowhere).
    init?(_ path: String) {
        var target = stat()
        guard stat(path, &target) == 0 else { return nil }
        var own = stat()
        isLink = lstat(path, &own) == 0 && (own.st_mode & S_IFMT) == S_IFLNK
        identity = FileIdentity(device: UInt64(target.st_dev), inode: UInt64(target.st_ino))
        isFolder = (target.st_mode & S_IFMT) == S_IFDIR
        linkCount = Int(target.st_nlink)
        size = max(0, Int(target.st_size))
    }

    /// The path with every link resolved, absolute.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
