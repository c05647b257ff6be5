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
        public var errors: [ReadError] = []
    }

    /// One thing the walk comes across.
    public enum Found: Sendable {
        case file(InputFile)
        case skippedHidden
        case skippedUnknown
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
    public struct Walk: Sequence, IteratorProtocol {
        private var pending: [String]
        private var folders: [(path: String, names: [String], next: Int)] = []

        init(paths: [String]) {
            pending = paths.reversed()
        }

        public mutating func next() -> Found? {
            let manager = FileManager.default
            while true {
                if var top = folders.popLast() {
                    guard top.next < top.names.count else { continue }
                    let name = top.names[top.next]
                    top.next += 1
                    folders.append(top)
                    let path = top.path.hasSuffix("/") ? top.path + name : top.path + "/" + name
                    if name.hasPrefix(".") { return .skippedHidden }
                    var isFolder: ObjCBool = false
                    guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
                    if isFolder.boolValue {
                        if let found = enter(path) { return found }
                        continue
                    }
                    guard let format = ArticleFormat(pathExtension: (name as NSString).pathExtension) else { return .skippedUnknown }
                    return .file(InputFile(path: path, format: format))
                }
                guard let path = pending.popLast() else { return nil }
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                    return .error(ReadError(.unreadable, path: path, "no such file or folder"))
                }
                if isFolder.boolValue {
                    if let found = enter(path) { return found }
                    continue
                }
                let ext = (path as NSString).pathExtension
                guard let format = ArticleFormat(pathExtension: ext) else {
                    return .error(ReadError(.unreadable, path: path,
                        "unknown kind of file (.\(ext)); readable: .txt, .text, .md, .markdown, .json, .jsonl, .ndjson, .html, .htm, .rss, .atom, .xml"))
                }
                return .file(InputFile(path: path, format: format))
            }
        }

        /// Starts listing a folder; an error when it cannot be listed.
        private mutating func enter(_ folder: String) -> Found? {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                return .error(ReadError(.unreadable, path: folder, "cannot list this folder (permission denied?)"))
            }
            folders.append((folder, names.sorted(), 0))
            return nil
        }
    }
}
