@testable import ArchiveIngest
import Testing

/// Saved web pages: metadata from the page's own markup, the main text without the furniture.
@Suite struct HTMLReaderTests {
    static let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8">
        <title>Harbour reopens after three years | Example Wire</title>
        <meta property="og:site_name" content="Example Wire">
        <meta name="author" content="Lena Hoffmann">
        <meta property="article:published_time" content="2025-12-19T08:00:00Z">
        <link rel="canonical" href="https://example.org/harbour">
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
          "headline": "Harbour reopens after three years", "author": {"@type": "Person", "name": "Lena Hoffmann"}}]}</script>
        <style>.x { color: red }</style><script>var tracking = "do not read me";</script>
        </head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <div class="cookie-consent">We use cookies. Accept all cookies to continue reading this page.</div>
        <main><article>
          <h1>Harbour reopens after three years</h1>
          <p>Mayor Olga Petrenko reopened the harbour in Odesa on Friday, three years after it was closed, and thanked the crews.</p>
          <p>“It took three years, but the port is ours again,” Petrenko said, as the first ships came in, one by one.</p>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
          <p>Grain exports are expected to resume next week, officials said, with insurers returning to the route.</p>
        </article>
        <aside class="related"><h3>Related</h3><ul><li><a href="/a">Another harbour story that is not this one</a></li></ul></aside>
        <section id="comments"><p>Great news! Finally the harbour is open again, I am so happy for everyone.</p></section>
        </main><footer><p>© Example Wire 2025. All rights reserved. Terms of use and privacy policy.</p></footer>
        </body></html>
        """

    @Test func metadataAndMainTextOnly() throws {
        let article = try ArticleFormat.html.read(Array(Self.page.utf8), path: "harbour.html")
        #expect(article.title == "Harbour reopens after three years")
        #expect(article.author == "Lena Hoffmann")
        #expect(article.published == "2025-12-19T08:00:00Z")
        #expect(article.url == "https://example.org/harbour")
        #expect(article.outlet == "Example Wire")
        let paragraphs = article.body.split(separator: "\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs.first?.hasPrefix("Mayor Olga Petrenko reopened the harbour") == true)
        for furniture in ["Home", "cookies", "Share on", "Another harbour story", "Great news", "All rights reserved", "tracking", "color"] {
            #expect(!article.body.contains(furniture), "\(furniture) leaked into the text")
        }
    }

    @Test func dateWrittenOnlyInThePageText() throws {
        let page = "<html><body><article><p class='date'>Published 7. November 2023</p><p>" +
            String(repeating: "The council met and decided many things about the harbour, the roads and the schools. ", count: 5) +
            "</p></article></body></html>"
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "dated.html")
        #expect(article.published == "2023-11-07")
    }

    @Test func brokenHTMLIsReadAsWellAsItCanBe() throws {
        let page = "<html><body><div><p>Mayor Olga Petrenko reopened the harbour in Odesa on Friday after years of closure<p>Ships came in<b>bold <i>unclosed"
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "broken.html")
        #expect(article.body.contains("Mayor Olga Petrenko reopened the harbour"))
    }

    @Test func aPageWithNoTextIsOneClearError() {
        let error = #expect(throws: ReadError.self) {
            _ = try ArticleFormat.html.read(Array("<html><body><nav><a href='/'>Home</a></nav></body></html>".utf8), path: "empty.html")
        }
        #expect(error?.description == "empty.html: no article text found in the page")
    }
}
