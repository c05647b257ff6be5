import ArchiveIngest
import ArchiveQuery
import ArgumentParser

extension OutputFormat: ExpressibleByArgument {}
extension QueryTarget: ExpressibleByArgument {}
extension ArticleFormat: ExpressibleByArgument {}
