import Foundation

/// Expands the paths given to `archive ingest` into the files to read: files as given, folders
/// recursively in a stable (sorted) order. Hidden files and unknown extensions inside folders are
/// skipped and counted; a path that does not exist is an error for that path alone.
///
/// `walk` hands the files out one at a time, holding no more than the names of the folders it is
/// inside, so a corpus of a million files costs no more memory than one of ten; `collect` gathers
/// them all, for small inputs.
public struct FileCollector: Sendable {
    public struct Result: Sendable {
        public var files: [InputFile] = []
        public var skippedHidden = 0
        public var skippedUnknown = 0
        public var skippedLinks = 0
        public var errors: [ReadError] = []
    }

    /// One thing the walk comes across.
    public enum Found: Sendable {
        case file(InputFile)
        case skippedHidden
        case skippedUnknown
        /// A folder or file reached again through a link, and not read again.
        case skippedLink
        case error(ReadError)
    }

    public init() {}

    public func collect(_ paths: [String]) -> Result {
        var result = Result()
        for found in walk(paths) {
            switch found {
            case .file(let file): result.files.append(file)
            case .skippedHidden: result.skippedHidden += 1
            case .skippedUnknown: result.skippedUnknown += 1
            case .skippedLink: result.skippedLinks += 1
            case .error(let error): result.errors.append(error)
            }
        }
        return result
    }

    /// The readable files below `paths`, counted without being kept (for progress).
    public func countFiles(_ paths: [String]) -> Int {
        walk(paths).reduce(0) { count, found in
            if case .file = found { return count + 1 }
            return count
        }
    }

    public func walk(_ paths: [String]) -> Walk { Walk(paths: paths) }

    /// The walk itself: a stack of folders being listed, each with its sorted names and how far
    /// through them it is.
    ///
    /// Links are followed, but each folder is entered once, however many links lead to it (a link
    /// back to a parent would otherwise be a loop), and a file reached through a link, or with
    /// several hard links, is read once; what is passed over is counted, not read again. Only
    /// folders and linked files are remembered, so memory grows with neither the number of plain
    /// files nor the depth of a loop.
    public struct Walk: Sequence, IteratorProtocol {
        private var pending: [String]
        private var folders: [(path: String, names: [String], next: Int)] = []
        private var enteredFolders: Set<FileIdentity> = []
        private var linkedFiles: Set<FileIdentity> = []
        /// The folders given, resolved and ending in "/": a link to a file below one of them is
        /// read under the file's own name.
        private let roots: [String]

        init(paths: [String]) {
            pending = paths.reversed()
            roots = paths.compactMap { path in
                guard FileStatus(path)?.isFolder == true, let resolved = FileStatus.resolved(path) else { return nil }
                return resolved.hasSuffix("/") ? resolved : resolved + "/"
            }
        }

        public mutating func next() -> Found? {
            while true {
                if var top = folders.popLast() {
                    guard top.next < top.names.count else { continue }
                    let name = top.names[top.next]
                    top.next += 1
                    folders.append(top)
                    let path = top.path.hasSuffix("/") ? top.path + name : top.path + "/" + name
                    if name.hasPrefix(".") { return .skippedHidden }
                    guard let status = FileStatus(path) else { continue }  // a dangling link
                    if status.isFolder {
                        if let found = enter(path, status) { return found }
                        continue
                    }
                    guard let format = ArticleFormat(pathExtension: (name as NSString).pathExtension) else { return .skippedUnknown }
                    if !firstVisit(status, path: path) { return .skippedLink }
                    return .file(InputFile(path: path, format: format, size: status.size))
                }
                guard let path = pending.popLast() else { return nil }
                guard let status = FileStatus(path) else {
                    return .error(ReadError(.unreadable, path: path, "no such file or folder"))
                }
                if status.isFolder {
                    if let found = enter(path, status, isGiven: true) { return found }
                    continue
                }
                let ext = (path as NSString).pathExtension
                guard let format = ArticleFormat(pathExtension: ext) else {
                    return .error(ReadError(.unreadable, path: path,
                        "unknown kind of file (.\(ext)); readable: .txt, .text, .md, .markdown, .json, .jsonl, .ndjson, .html, .htm, .rss, .atom, .xml"))
                }
                return .file(InputFile(path: path, format: format, size: status.size))
            }
        }

        /// Whether a file inside a folder is to be read: a link to a file that the walk reads under
        /// its own name anyway (inside one of the folders given) is not, and a file that several
        /// links or names lead to is read once. Only such files are remembered.
        private mutating func firstVisit(_ status: FileStatus, path: String) -> Bool {
            if status.isLink {
                guard let target = FileStatus.resolved(path) else { return true }
                if roots.contains(where: { target.hasPrefix($0) }) && !target.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    return false
                }
            } else if status.linkCount <= 1 {
                return true
            }
            return linkedFiles.insert(status.identity).inserted
        }

        /// Starts listing a folder; an error when it cannot be listed, a skip when it was listed before.
        private mutating func enter(_ folder: String, _ status: FileStatus, isGiven: Bool = false) -> Found? {
            // A link up to a folder that holds one of those given is a loop too, even on the way
            // in: following it would read what the user never named.
            if !isGiven, status.isLink, let target = FileStatus.resolved(folder).map({ $0.hasSuffix("/") ? $0 : $0 + "/" }),
               roots.contains(where: { $0.hasPrefix(target) }) {
                return .skippedLink
            }
            guard enteredFolders.insert(status.identity).inserted else { return .skippedLink }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                return .error(ReadError(.unreadable, path: folder, "cannot list this folder (permission denied?)"))
            }
            folders.append((folder, names.sorted(), 0))
            return nil
        }
    }
}
