import ArchiveIngest
import ArchiveQuery
import ArchiveStore
import ArgumentParser

extension OutputFormat: ExpressibleByArgument {}
extension QueryTarget: ExpressibleByArgument {}
extension ArticleFormat: ExpressibleByArgument {}
