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

    static let prose = String(repeating: "The council met and decided many things about the harbour, the roads and the schools. ", count: 4)

    @Test func aScriptFilledPageIsReadFromItsJSONLDBody() throws {
        let page = """
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour reopens",
            "articleBody": "First paragraph of the whole story, long enough to count.\\r\\n\\r\\n&lt;div&gt;&lt;img src=&quot;x.jpg&quot;&gt;&lt;/div&gt;\\r\\n\\r\\nSecond paragraph: \(Self.prose)"}</script>
            </head><body><div id="app"><p>Loading the story, please wait for it to appear on the page.</p></div></body></html>
            """
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "app.html")
        #expect(article.body.hasPrefix("First paragraph of the whole story"))
        #expect(article.body.contains("Second paragraph: The council met"))
        #expect(!article.body.contains("img") && !article.body.contains("Loading"))
    }

    @Test func otherArticlesOpeningsAreNotTheText() throws {
        let teasers = (1...4).map { "<p>Other story \($0) BERLIN: Something else happened somewhere else and it goes on and on...</p>" }.joined()
        let page = "<html><body><article><h1>Harbour reopens</h1>\(teasers)<p>\(Self.prose)</p><p>It ends here...</p></article></body></html>"
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "teasers.html")
        #expect(!article.body.contains("Other story"))
        #expect(article.body.contains("The council met"))
        #expect(article.body.contains("It ends here..."))  // one paragraph ending in an ellipsis is the article's own
    }

    @Test func anArticleInSectionsIsReadWholeButListsOfOtherArticlesAreNot() throws {
        let section = { (words: String) in "<div class='row'><div class='col'><p>\(words) \(Self.prose)</p></div></div>" }
        let teasers = (1...10).map { "<div class='card'><h3><a href='/\($0)'>Another story number \($0) about something else</a></h3><p>Its opening lines about another thing that happened somewhere else.</p></div>" }.joined()
        let page = """
            <html><body><main><h1>Harbour reopens</h1>
            <div class='lead'><p>Lead: the mayor reopened the harbour on Friday, after three years, to applause.</p></div>
            \(section("First section."))<figure><img src='a.jpg'></figure>\(section("Second section."))<table><tr><td>1</td></tr></table>
            \(section("Third section."))\(section("Fourth section."))
            </main><div class='more'>\(teasers)</div></body></html>
            """
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "sections.html")
        for part in ["Lead: the mayor", "First section.", "Second section.", "Third section.", "Fourth section."] {
            #expect(article.body.contains(part), "\(part) is missing")
        }
        #expect(!article.body.contains("Another story") && !article.body.contains("Its opening lines"))
    }

    @Test func anArticleInFullWidthSectionsIsReadWholeButATeaserSectionIsNot() throws {
        // Each section wraps its text three deep, as grid layouts do; the first holds most of it.
        let section = { (text: String) in
            "<div class='container-fluid band'><div class='container'><div class='row'><div class='col-md-8'>\(text)</div></div></div></div>"
        }
        let teasers = (1...3).map {
            "<article class='teaser'><h2>Issue \($0)</h2><p>Our new column, issue \($0): a short opening that leads to another page.</p></article>"
        }.joined()
        let page = """
            <html><head><title>Harbour reopens after three years</title></head><body>
            <header><a href="/">Example Wire</a></header>
            <section class='lead'><div class='container'><p>Lead: the mayor reopened the harbour on Friday, after three years, to applause.</p></div></section>
            \(section("<p>First band. \(Self.prose)</p><p>\(Self.prose)</p><p>\(Self.prose)</p>"))
            <div class='picture'><img src='ship.jpg'></div>
            \(section("<h2>What comes next</h2><p>Second band: grain exports resume next week, and insurers return to the route, officials said.</p>"))
            <div class='content-bottom'><h3>Current issue</h3>\(teasers)</div>
            <footer><p>© Example Wire. All rights reserved.</p></footer>
            </body></html>
            """
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "bands.html")
        for part in ["Lead: the mayor", "First band.", "Second band:"] {
            #expect(article.body.contains(part), "\(part) is missing")
        }
        #expect(!article.body.contains("Our new column"))
    }

    @Test func textPastedWithoutParagraphTagsIsTheText() throws {
        // Text pasted from an editor that writes <div><span> blocks, not <p>: the heading's own
        // container must not be taken for the article (before, this page had "no article text").
        let pasted = (1...4).map {
            "<div class='block'><div class='x1'><span>Paragraph \($0). \(Self.prose)</span></div></div><div class='block'><div class='x1'><span> </span></div></div>"
        }.joined()
        let page = """
            <html><head><title>Harbour reopens after three years</title></head><body>
            <div id="content"><section class="post"><header class="header"><h2>Harbour reopens after three years</h2></header>
            <article class="article"><div>\(pasted)</div></article></section>
            <aside class="tags">Tagged with harbour, council, roads</aside></div>
            </body></html>
            """
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "pasted.html")
        for number in 1...4 {
            #expect(article.body.contains("Paragraph \(number)."), "paragraph \(number) is missing")
        }
        #expect(!article.body.contains("Tagged with"))
    }

    @Test func aLayoutClassNamingTheSidebarDoesNotHideTheArticle() throws {
        let page = """
            <html><head><title>Harbour reopens after three years</title></head><body>
            <div class="container right-sidebar"><div class="post"><h2>Harbour reopens after three years</h2>
            <div class="entry"><p>\(Self.prose)</p></div></div>
            <div class="sidebar"><p>Subscribe to our newsletter today, and never miss a single one of our stories again, ever.</p></div></div>
            </body></html>
            """
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "sidebar.html")
        #expect(article.body.contains("The council met"))
        #expect(!article.body.contains("newsletter"))
    }

    @Test func captionsTrailingHeadingsAndLatestStoriesAreNotTheText() throws {
        let page = """
            <html><head><title>Harbour reopens after three years</title></head><body><div class="page">
            <div class="story"><h1>Harbour reopens after three years</h1>
            <figure><img src="ship.jpg"><figcaption>The first ship comes in. Photo: Jane Roe/Example Agency</figcaption></figure>
            <p>\(Self.prose)</p><p>\(Self.prose)</p>
            <h3>More from the coast</h3><ul><li><a href="/a">A story about another harbour on another coast</a></li></ul>
            <p>Bisher keine Kommentare</p></div>
            <ul class="latest-stories"><li><h3><a href="/b">Ferry crews vote on a new contract</a></h3><h4>The vote closes on Monday, and the union expects a clear result, its leader said.</h4></li></ul>
            </div></body></html>
            """
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "figure.html")
        #expect(article.body.contains("The council met"))
        #expect(!article.body.contains("Photo: Jane Roe"))
        #expect(!article.body.contains("More from the coast"))
        #expect(!article.body.contains("Bisher keine Kommentare"))
        #expect(!article.body.contains("vote closes on Monday"))
    }

    @Test(arguments: [
        ("Interview: Julia Lauter", "Julia Lauter"),
        ("Rob Picheta, CNN", "Rob Picheta"),
        ("erstellt von Dominique — veröffentlicht 28.01.2022 06:00", "Dominique"),
        ("Emily Burack 8 January 2020", "Emily Burack"),
        ("Poppy Reid Feb 21", "Poppy Reid"),
        ("Zum Profil von jesusfreak jesusfreak", "jesusfreak"),
        ("Volkmar Kabisch; Jan Lukas Strozyk; NDR", "Volkmar Kabisch; Jan Lukas Strozyk; NDR"),
        ("April Ryan", "April Ryan"),
    ])
    func anAuthorIsTheNameWithoutItsBylinesLabelDateOrOutlet(raw: String, name: String) {
        #expect(AuthorName.cleaned(raw) == name)
    }

    @Test(arguments: ["Name *", "Name (erforderlich)", "Publiziert am", "By"])
    func aFormFieldOrALabelIsNoAuthor(raw: String) {
        #expect(AuthorName.cleaned(raw) == nil)
    }

    @Test func theBylineOfAPageIsCleanedToTheName() throws {
        let page = """
            <html><head><meta name="author" content="Rob Picheta, CNN"><title>Harbour reopens after three years</title></head>
            <body><article><h1>Harbour reopens after three years</h1><p>\(Self.prose)</p></article></body></html>
            """
        #expect(try ArticleFormat.html.read(Array(page.utf8), path: "byline.html").author == "Rob Picheta")
    }

    @Test(arguments: [
        ("<span property='schema:dateCreated' content='2022-01-28T12:45:46+00:00'></span>", "2022-01-28T12:45:46+00:00"),
        ("<script type='application/ld+json'>{\"@type\": \"Recipe\", \"datePublished\": \"2006-10-10\"}</script>", "2006-10-10"),
        ("<span class='post-created'>28.01.22</span>", "2022-01-28"),
        ("<div>Events 01.01.2020 \(String(repeating: "menu entry ", count: 40))</div><div><span>06.12.2022</span></div><h1>Harbour reopens</h1>",
         "2022-12-06"),
    ])
    func datesThePageGivesOutsideItsHead(markup: String, published: String) throws {
        let page = "<html><body>\(markup)<article><p>\(Self.prose)</p></article></body></html>"
        let article = try ArticleFormat.html.read(Array(page.utf8), path: "dated.html")
        #expect(article.published == published)
    }

    @Test func thePagesOwnCharsetIsRespected() throws {
        let head = Array("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><title>Talks in Gen".utf8)
        let bytes = head + [0xE8] + Array("ve</title></head><body><article><p>".utf8) + [0x93]
            + Array("We stay,".utf8) + [0x94] + Array(" the mayor of Gen".utf8) + [0xE8] + Array("ve said. \(Self.prose)</p></article></body></html>".utf8)
        let article = try ArticleFormat.html.read(bytes, path: "latin.html")
        #expect(article.title == "Talks in Genève")
        #expect(article.body.hasPrefix("“We stay,” the mayor of Genève said."))
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
