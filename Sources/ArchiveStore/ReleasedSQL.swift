// The statements SQLite migrations create, as each version released them. Never edit one: a
// released migration must make the same archive forever. A new version adds its own here (or
// writes them in its migration) instead of reading schema.sql, which moves on.

enum ReleasedSQL {
    static let definitions: [String: String] = [
        // version 2
        "fts_deferred": """
            CREATE TABLE fts_deferred (
                articles_from INTEGER NOT NULL,
                quotes_from   INTEGER NOT NULL
            ) STRICT;
            """,
        "source_articles_ai": """
            CREATE TRIGGER source_articles_ai AFTER INSERT ON source_articles
            WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE new.id >= articles_from) BEGIN
                INSERT INTO source_articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
            END;
            """,
        "source_articles_ad": """
            CREATE TRIGGER source_articles_ad AFTER DELETE ON source_articles
            WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id >= articles_from) BEGIN
                INSERT INTO source_articles_fts (source_articles_fts, rowid, title, body)
                VALUES ('delete', old.id, old.title, old.body);
            END;
            """,
        "source_articles_au": """
            CREATE TRIGGER source_articles_au AFTER UPDATE ON source_articles
            WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id >= articles_from) BEGIN
                INSERT INTO source_articles_fts (source_articles_fts, rowid, title, body)
                VALUES ('delete', old.id, old.title, old.body);
                INSERT INTO source_articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
            END;
            """,
        "quotes_ai": """
            CREATE TRIGGER quotes_ai AFTER INSERT ON quotes
            WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE new.id >= quotes_from) BEGIN
                INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
            END;
            """,
        "quotes_ad": """
            CREATE TRIGGER quotes_ad AFTER DELETE ON quotes
            WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id >= quotes_from) BEGIN
                INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END;
            """,
        "quotes_au": """
            CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes
            WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id >= quotes_from) BEGIN
                INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
                INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
            END;
            """,
        // version 4
        "merge_changes": """
            CREATE TABLE merge_changes (
                merge_id       INTEGER NOT NULL REFERENCES merges (id) ON DELETE CASCADE,
                table_name     TEXT NOT NULL,
                row_key        TEXT NOT NULL,              -- the row's primary key, as a JSON array
                before         TEXT,                       -- the whole row as a JSON object, NULL when the merge added it
                PRIMARY KEY (merge_id, table_name, row_key)
            ) STRICT, WITHOUT ROWID;
            """,
        // version 5
        "article_reports": """
            CREATE TABLE article_reports (
                article_id     INTEGER PRIMARY KEY REFERENCES source_articles (id) ON DELETE CASCADE,
                title          TEXT NOT NULL,
                occurred_on    TEXT,                       -- '2025-12-20', '2025-12' or '2025'
                date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
                date_source    TEXT CHECK (date_source IN ('metadata', 'text', 'inferred')),
                place_id       INTEGER REFERENCES places (id) ON DELETE SET NULL,
                place          TEXT,
                summary        TEXT
            ) STRICT;
            """,
        "article_terms": """
            CREATE TABLE article_terms (
                term          TEXT NOT NULL,
                day           TEXT NOT NULL,               -- '2025-12-20', or '' for an article without a day
                article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                PRIMARY KEY (term, day, article_id)
            ) STRICT, WITHOUT ROWID;
            """,
        "article_terms_article": """
            CREATE INDEX article_terms_article ON article_terms (article_id);
            """,
        "article_links": """
            CREATE TABLE article_links (
                article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                other_id      INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                similarity    REAL NOT NULL,
                PRIMARY KEY (article_id, other_id)
            ) STRICT, WITHOUT ROWID;
            """,
        "article_people": """
            CREATE TABLE article_people (
                article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
                mention_count  INTEGER NOT NULL CHECK (mention_count > 0),
                first_offset   INTEGER,
                role           TEXT,                       -- the role this article gives, e.g. "Ukraine's chief negotiator"
                takes_part     INTEGER NOT NULL DEFAULT 0 CHECK (takes_part IN (0, 1)),  -- 1: its lead has them act
                PRIMARY KEY (article_id, person_id)
            ) STRICT, WITHOUT ROWID;
            """,
        "article_organizations": """
            CREATE TABLE article_organizations (
                article_id      INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
                organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
                mention_count   INTEGER NOT NULL CHECK (mention_count > 0),
                first_offset    INTEGER,
                takes_part      INTEGER NOT NULL DEFAULT 0 CHECK (takes_part IN (0, 1)),
                PRIMARY KEY (article_id, organization_id)
            ) STRICT, WITHOUT ROWID;
            """,
        "article_people_person": """
            CREATE INDEX article_people_person ON article_people (person_id, article_id);
            """,
        "article_organizations_organization": """
            CREATE INDEX article_organizations_organization ON article_organizations (organization_id, article_id);
            """,
    ]
}
