import Foundation

/// Expands the paths given to `archive ingest` into the files to read: files as given, folders
/// recursively in a stable (sorted) order. Hidden files and unknown extensions inside folders are
/// skipped and counted; a path that does not exist is an error for that path alone.
public struct FileCollector: Sendable {
    public struct Result: Sendable {
        public var files: [InputFile] = []
        public var skippedHidden = 0
        public var skippedUnknown = 0
        public var errors: [ReadError] = []
    }

    public init() {}

    public func collect(_ paths: [String]) -> Result {
        var result = Result()
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                result.errors.append(ReadError(.unreadable, path: path, "no such file or folder"))
                continue
            }
            if !isFolder.boolValue {
                let ext = (path as NSString).pathExtension
                if let format = ArticleFormat(pathExtension: ext) {
                    result.files.append(InputFile(path: path, format: format))
                } else {
                    result.errors.append(ReadError(.unreadable, path: path,
                        "unknown kind of file (.\(ext)); readable: .txt, .text, .md, .markdown, .json, .jsonl, .ndjson, .html, .htm, .rss, .atom, .xml"))
                }
                continue
            }
            walk(folder: path, into: &result)
        }
        return result
    }

    private func walk(folder: String, into result: inout Result) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else {
            result.errors.append(ReadError(.unreadable, path: folder, "cannot list this folder (permission denied?)"))
            return
        }
        for name in names.sorted() {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if name.hasPrefix(".") {
                result.skippedHidden += 1
                continue
            }
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                walk(folder: path, into: &result)
            } else if let format = ArticleFormat(pathExtension: (name as NSString).pathExtension) {
                result.files.append(InputFile(path: path, format: format))
            } else {
                result.skippedUnknown += 1
            }
        }
    }
}
