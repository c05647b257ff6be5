@testable import ArchiveIngest
import Testing

@Suite struct FeedReaderTests {
    @Test func rssItemsWithEncodedContent() throws {
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Example Wire</title>
              <item><title>Harbour reopens</title><link>https://example.org/harbour</link>
                <pubDate>Fri, 19 Dec 2025 08:00:00 GMT</pubDate><dc:creator>Lena Hoffmann</dc:creator>
                <description>Short teaser.</description>
                <content:encoded><![CDATA[<p>Mayor Olga Petrenko reopened the harbour in Odesa.</p><p>Ships came in.</p>]]></content:encoded>
              </item>
              <item><title>Vote delayed</title><description>Senator Paul Avery asked for more time &amp; got it.</description></item>
              <item><title>Nothing</title><link>https://example.org/empty</link></item>
            </channel></rss>
            """
        let results = try ArticleFormat.feed.readAll(Array(rss.utf8), path: "wire.rss")
        #expect(results.count == 3)
        let first = try results[0].get()
        #expect(first.title == "Harbour reopens")
        #expect(first.body == "Mayor Olga Petrenko reopened the harbour in Odesa.\nShips came in.")
        #expect(first.author == "Lena Hoffmann")
        #expect(first.outlet == "Example Wire")
        #expect(first.url == "https://example.org/harbour")
        #expect(first.published == "2025-12-19T08:00:00Z")
        #expect(try results[1].get().body == "Senator Paul Avery asked for more time & got it.")
        guard case .failure(let error) = results[2] else { Issue.record("an item with no text was read"); return }
        #expect(error.description.hasPrefix("wire.rss: item 3: no text"))
    }

    @Test func atomEntries() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Daily Ledger</title>
              <entry><title>Bridge vote</title><link href="https://example.org/vote"/><updated>2025-12-18T10:00:00Z</updated>
                <author><name>A. Writer</name></author><content type="html">&lt;p&gt;Senator Paul Avery asked for time.&lt;/p&gt;</content></entry>
            </feed>
            """
        let article = try ArticleFormat.feed.read(Array(atom.utf8), path: "ledger.atom")
        #expect(article.title == "Bridge vote")
        #expect(article.url == "https://example.org/vote")
        #expect(article.author == "A. Writer")
        #expect(article.published == "2025-12-18T10:00:00Z")
        #expect(article.body == "Senator Paul Avery asked for time.")
        #expect(article.outlet == "Daily Ledger")
    }

    @Test func otherXMLIsRefusedClearly() {
        let error = #expect(throws: ReadError.self) { _ = try ArticleFormat.feed.readAll(Array("<svg><g/></svg>".utf8), path: "pic.xml") }
        #expect(error?.description == "pic.xml: an XML file, but not an RSS or Atom feed (its root is <svg>)")
    }
}
