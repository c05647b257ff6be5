-- The archive: news articles and what they report, as one SQLite file.
--
-- This file is the whole schema. `archive` applies exactly this text to a new archive (a test
-- fails if the two ever differ), and `sqlite3 new.db < schema.sql` gives the same empty archive.
--
-- Reading it at the sqlite3 prompt:
--   .tables                          every table and view
--   SELECT * FROM event_list;        events, newest first, with participants and coverage
--   SELECT * FROM quote_list;        who said what, where and when
--   SELECT * FROM person_events WHERE person = 'Steve Witkoff';
--
-- Conventions
--   * Dates are ISO 8601 text: '2025-12-20' for a day, '2025-12' for a month, '2025' for a year;
--     timestamps are '2025-12-20T14:03:00Z'.
--   * Character offsets (start_offset, end_offset, first_offset) count Unicode characters from 0
--     in source_articles.body, end exclusive, so the text they point at is
--       substr(body, start_offset + 1, end_offset - start_offset).
--     first_offset is null for a name that only the title carries.
--   * `key` columns hold the form names are matched on: lower case, accents removed, spaces
--     collapsed ('Zelenskyy' and 'ZELENSKYY' share one key).

-- SQLite's default 4 KiB pages. Each ingest batch writes into indexes all over the file (words,
-- fingerprints, names); every page it changes goes through the write-ahead log whole, so small
-- pages keep a large archive's writes small: at 100,000 articles 16 KiB pages wrote 3.6 times as
-- much and ingested 1.27 times slower, for a file 6 % smaller. Effective only on a new, empty file.
PRAGMA page_size = 4096;

-- ---------------------------------------------------------------------------------------------
-- Articles as they were read. One row per distinct text: ingesting the same file twice is a no-op.
CREATE TABLE source_articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,               -- the article text, boilerplate and byline removed
    outlet        TEXT,                        -- publisher, e.g. 'Reuters'
    author        TEXT,                        -- from the byline or metadata, never a mention
    url           TEXT,
    path          TEXT,                        -- the file it was read from, as given to `archive ingest`
    published_at  TEXT,                        -- ISO 8601 date or timestamp, when known
    format        TEXT NOT NULL,               -- reader used: 'text', 'markdown', …
    language      TEXT,                        -- ISO 639-1 code, e.g. 'en'
    content_hash  TEXT NOT NULL UNIQUE,        -- SHA-256 of title and body: the identity of an article
    ingested_at   TEXT NOT NULL
) STRICT;

CREATE INDEX source_articles_published_at ON source_articles (published_at);
CREATE INDEX source_articles_outlet ON source_articles (outlet COLLATE NOCASE);

-- The same story run by several outlets with small edits (a wire copy) is stored once: each further
-- outlet's copy keeps its own metadata here, and counts as coverage of the article's event.
CREATE TABLE article_copies (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    outlet        TEXT,
    author        TEXT,
    url           TEXT,
    path          TEXT,
    published_at  TEXT,
    content_hash  TEXT NOT NULL UNIQUE,        -- the copy's own text: ingesting it again is a no-op too
    ingested_at   TEXT NOT NULL
) STRICT;

CREATE INDEX article_copies_article ON article_copies (article_id);
CREATE INDEX article_copies_outlet ON article_copies (outlet COLLATE NOCASE);

-- MinHash bands of each article's three-word shingles (locality-sensitive hashing): a near-copy
-- shares at least one band with its original in all but rare cases, an unrelated text almost never.
CREATE TABLE article_fingerprints (
    band          INTEGER NOT NULL CHECK (band BETWEEN 0 AND 7),
    value         INTEGER NOT NULL,
    article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, value, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_fingerprints_article ON article_fingerprints (article_id);

-- The heaviest words of each article's headline and lead (names and rare words first), filed under
-- the day the article gives ('' when it gives none): the articles that may report the same
-- happening share one of them, within a few days. Every such pair is compared, never a sample.
-- The key opens with the day's year, so that an archive fed day by day files its new words in a
-- small part of the index, not one page per word all over it.
CREATE TABLE article_terms (
    year          TEXT NOT NULL,               -- '2025', or '' for an article without a day
    term          TEXT NOT NULL,
    day           TEXT NOT NULL,               -- '2025-12-20', or ''
    article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    PRIMARY KEY (year, term, day, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_terms_article ON article_terms (article_id);

-- What each article says happened: its own report of its event, from its headline and lead. An
-- event's title, date and place are chosen from the reports of its articles (see DESIGN.md).
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

-- Pairs of articles alike enough to be weighed when events are formed, once a pair (the lower id
-- first; an article's links are those on either side). Events are a function of these pairs alone,
-- so the same articles give the same events in any order. `similarity`: the cosine of their
-- weighted words, lowered when the years they name differ.
CREATE TABLE article_links (
    article_id    INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    other_id      INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    similarity    REAL NOT NULL,
    PRIMARY KEY (article_id, other_id),
    CHECK (article_id < other_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_links_other ON article_links (other_id);

-- ---------------------------------------------------------------------------------------------
-- Canonical entities. Each has a display name and a unique matching key; every spelling seen in
-- an article is kept in its *_aliases table.
CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,               -- the fullest form seen, e.g. 'Steve Witkoff'
    key           TEXT NOT NULL UNIQUE,        -- matching form of name
    surname_key   TEXT NOT NULL,               -- the last name with spelling variants folded ('dmitrev' for
                                               -- Dmitriev and Dmitryev), for 'Witkoff' alone
    role          TEXT                         -- a role the articles give, e.g. 'envoy'
) STRICT;

CREATE INDEX people_surname_key ON people (surname_key);

CREATE TABLE person_aliases (
    person_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    alias         TEXT NOT NULL,               -- as written, e.g. 'Witkoff'
    key           TEXT NOT NULL,
    PRIMARY KEY (key, person_id)
) STRICT;

CREATE INDEX person_aliases_person ON person_aliases (person_id);

CREATE TABLE organizations (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,               -- e.g. 'Russian Direct Investment Fund'
    key           TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE organization_aliases (
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    alias         TEXT NOT NULL,               -- e.g. 'RDIF'
    key           TEXT NOT NULL,
    PRIMARY KEY (key, organization_id)
) STRICT;

CREATE INDEX organization_aliases_organization ON organization_aliases (organization_id);

CREATE TABLE places (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,               -- e.g. 'Kyiv'
    key           TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE place_aliases (
    place_id      INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    alias         TEXT NOT NULL,               -- e.g. 'Kiev'
    key           TEXT NOT NULL,
    PRIMARY KEY (key, place_id)
) STRICT;

CREATE INDEX place_aliases_place ON place_aliases (place_id);

-- ---------------------------------------------------------------------------------------------
-- A real-world happening (a meeting, a strike, a vote) that one or more articles report. Its title and
-- summary are those of its most central article ("first" below: first in that sense, not in time);
-- its date and place the ones most of its articles give (article_reports).
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,              -- short description, from the reporting headline and lead
    occurred_on    TEXT,                       -- '2025-12-20', '2025-12' or '2025' as precise as the text allows
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    date_source    TEXT CHECK (date_source IN ('metadata', 'text', 'inferred')),
    place_id       INTEGER REFERENCES places (id) ON DELETE SET NULL,
    place          TEXT,                       -- the place as written, most specific first: 'West Palm Beach, Florida'
    summary        TEXT,                       -- the lead sentence of the first article
    first_seen     TEXT NOT NULL,              -- when the archive first stored an article about it
    last_seen      TEXT NOT NULL
) STRICT;

CREATE INDEX events_occurred_on ON events (occurred_on);
CREATE INDEX events_place ON events (place_id);

-- ---------------------------------------------------------------------------------------------
-- What was said. The same quotation carried by several articles is one quote (compared lower-cased
-- with punctuation removed); its text is the longest form seen, with the article and offsets of
-- that form, and quote_articles lists every article that carries it. match_key holds that
-- comparison form as a 64-bit FNV-1a hash in hexadecimal, so the text is not stored twice more.
CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    person_id      INTEGER REFERENCES people (id) ON DELETE SET NULL,  -- null when no speaker is established
    speaker_as_written TEXT,                   -- 'Umerov', 'he' resolved, or null
    cue            TEXT,                       -- the verb that attributes it: 'said', 'wrote', …
    text           TEXT NOT NULL,              -- the words inside the quotation marks
    start_offset   INTEGER NOT NULL,           -- of text in article_id's body
    end_offset     INTEGER NOT NULL,
    match_key      TEXT NOT NULL,              -- text lower-cased, punctuation removed: one quote, many reports
    CHECK (end_offset >= start_offset)
) STRICT;

CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_person ON quotes (person_id);
CREATE INDEX quotes_match_key ON quotes (match_key);

-- Every article that carries a quote, with where it stands in that article.
CREATE TABLE quote_articles (
    quote_id       INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    start_offset   INTEGER NOT NULL,
    end_offset     INTEGER NOT NULL,
    PRIMARY KEY (quote_id, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX quote_articles_article ON quote_articles (article_id, quote_id);

-- ---------------------------------------------------------------------------------------------
-- Links. Mention counts and the first offset say how prominent an entity is in an article.
CREATE TABLE article_events (
    article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    event_id       INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, event_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_events_event ON article_events (event_id, article_id);

CREATE TABLE article_people (
    article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    mention_count  INTEGER NOT NULL CHECK (mention_count > 0),
    first_offset   INTEGER,
    role           TEXT,                       -- the role this article gives, e.g. "Ukraine's chief negotiator"
    takes_part     INTEGER NOT NULL DEFAULT 0 CHECK (takes_part IN (0, 1)),  -- 1: its lead has them act
    PRIMARY KEY (article_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_people_person ON article_people (person_id, article_id);

CREATE TABLE article_organizations (
    article_id      INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    mention_count   INTEGER NOT NULL CHECK (mention_count > 0),
    first_offset    INTEGER,
    takes_part      INTEGER NOT NULL DEFAULT 0 CHECK (takes_part IN (0, 1)),
    PRIMARY KEY (article_id, organization_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_organizations_organization ON article_organizations (organization_id, article_id);

CREATE TABLE article_places (
    article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    place_id       INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    mention_count  INTEGER NOT NULL CHECK (mention_count > 0),
    first_offset   INTEGER,
    PRIMARY KEY (article_id, place_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_places_place ON article_places (place_id, article_id);

-- 'participant': took part (met, negotiated, attacked); 'mentioned': named in the reporting only.
CREATE TABLE event_people (
    event_id       INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('participant', 'mentioned')),
    PRIMARY KEY (event_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_people_person ON event_people (person_id, event_id);

CREATE TABLE event_organizations (
    event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('participant', 'mentioned')),
    PRIMARY KEY (event_id, organization_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_organizations_organization ON event_organizations (organization_id, event_id);

-- ---------------------------------------------------------------------------------------------
-- Manual corrections (`archive merge person 'Vitkoff' 'Steve Witkoff'`). Every later ingest
-- respects them: a name merged away is always read as the entity it was merged into.
CREATE TABLE merges (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
    from_name      TEXT NOT NULL,              -- the entity merged away, as it was named
    from_key       TEXT NOT NULL,
    from_aliases   TEXT NOT NULL,              -- its aliases, separated by char(30), to give back on unmerge
    into_id        INTEGER NOT NULL,           -- the people, organizations or places row it joined
    created_at     TEXT NOT NULL,
    UNIQUE (kind, from_key)
) STRICT;

-- Every row a merge changed, as it was before (NULL for a row the merge added), so that
-- `archive unmerge` puts back exactly what was there: ids, roles, offsets, aliases, quotes' speakers.
CREATE TABLE merge_changes (
    merge_id       INTEGER NOT NULL REFERENCES merges (id) ON DELETE CASCADE,
    table_name     TEXT NOT NULL,
    row_key        TEXT NOT NULL,              -- the row's primary key, as a JSON array
    before         TEXT,                       -- the whole row as a JSON object, NULL when the merge added it
    PRIMARY KEY (merge_id, table_name, row_key)
) STRICT, WITHOUT ROWID;

-- Manual event corrections (`archive merge event 12 7`, `archive unmerge event 12 ARTICLE`):
-- constraints every grouping honours, at ingest and in `archive regroup`. together = 1: the two
-- articles are always in one event; together = 0: never. Each pair once, lower article id first.
CREATE TABLE event_corrections (
    article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    other_id       INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    together       INTEGER NOT NULL CHECK (together IN (0, 1)),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, other_id),
    CHECK (article_id < other_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_corrections_other ON event_corrections (other_id, article_id);

-- What merges made by schema 3 and earlier moved (newer merges keep merge_changes instead).
CREATE TABLE merge_moves (
    merge_id       INTEGER NOT NULL REFERENCES merges (id) ON DELETE CASCADE,
    article_id     INTEGER NOT NULL REFERENCES source_articles (id) ON DELETE CASCADE,
    mention_count  INTEGER NOT NULL,
    first_offset   INTEGER,
    role           TEXT,
    PRIMARY KEY (merge_id, article_id)
) STRICT, WITHOUT ROWID;

-- ---------------------------------------------------------------------------------------------
-- Full-text search. External-content FTS5 tables named <table>_fts, kept in sync by triggers:
-- the layout Datasette and sqlite-utils detect on their own.
--   SELECT title, snippet(source_articles_fts, 1, '[', ']', '…', 12) FROM source_articles_fts
--   WHERE source_articles_fts MATCH 'security guarantees' ORDER BY rank;
CREATE VIRTUAL TABLE source_articles_fts USING fts5 (
    title, body,
    content="source_articles", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);

-- While `archive ingest` writes a batch, this table holds one row saying from which ids on the
-- batch's articles and quotes are new; the triggers leave those rows alone, and the ingest indexes
-- them all at once before it commits (FTS5 writes its index out at every statement otherwise,
-- which made indexing one row at a time several times slower). The row exists only inside the
-- ingest's transaction, so no other connection ever sees it, and every other write is indexed by
-- the triggers as it happens.
CREATE TABLE fts_deferred (
    articles_from INTEGER NOT NULL,
    quotes_from   INTEGER NOT NULL
) STRICT;

CREATE TRIGGER source_articles_ai AFTER INSERT ON source_articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE new.id >= articles_from) BEGIN
    INSERT INTO source_articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER source_articles_ad AFTER DELETE ON source_articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id >= articles_from) BEGIN
    INSERT INTO source_articles_fts (source_articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER source_articles_au AFTER UPDATE ON source_articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id >= articles_from) BEGIN
    INSERT INTO source_articles_fts (source_articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO source_articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    content="quotes", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);

CREATE TRIGGER quotes_ai AFTER INSERT ON quotes
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE new.id >= quotes_from) BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER quotes_ad AFTER DELETE ON quotes
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id >= quotes_from) BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id >= quotes_from) BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;

-- ---------------------------------------------------------------------------------------------
-- Views for people at the sqlite3 prompt.

-- Who said what: one row per quote, first reported when, and by how many articles.
CREATE VIEW quote_list AS
SELECT
    q.id                                         AS quote_id,
    coalesce(p.name, q.speaker_as_written)       AS speaker,
    q.text                                       AS quote,
    a.title                                      AS article,
    a.outlet                                     AS outlet,
    (SELECT min(x.published_at) FROM quote_articles AS qa JOIN source_articles AS x ON x.id = qa.article_id
        WHERE qa.quote_id = q.id)                AS published_at,
    (SELECT count(*) FROM quote_articles AS qa WHERE qa.quote_id = q.id)
                                                 AS article_count,
    q.article_id                                 AS article_id
FROM quotes AS q
JOIN source_articles AS a ON a.id = q.article_id
LEFT JOIN people AS p ON p.id = q.person_id
ORDER BY published_at DESC, q.article_id, q.start_offset;

-- Events, newest first, with who took part and how many articles report them.
CREATE VIEW event_list AS
SELECT
    e.id                                         AS event_id,
    e.occurred_on                                AS occurred_on,
    e.title                                      AS title,
    coalesce(e.place, pl.name)                   AS place,
    (SELECT group_concat(name, ', ') FROM (
        SELECT p.name FROM event_people AS ep JOIN people AS p ON p.id = ep.person_id
        WHERE ep.event_id = e.id AND ep.role = 'participant' ORDER BY p.name))
                                                 AS participants,
    (SELECT count(*) FROM article_events AS ae WHERE ae.event_id = e.id)
      + (SELECT count(*) FROM article_events AS ae JOIN article_copies AS c ON c.article_id = ae.article_id
         WHERE ae.event_id = e.id)               AS article_count
FROM events AS e
LEFT JOIN places AS pl ON pl.id = e.place_id
ORDER BY e.occurred_on DESC, e.id DESC;

-- Every event each person is linked to, and how.
CREATE VIEW person_events AS
SELECT
    p.name                                       AS person,
    p.id                                         AS person_id,
    ep.role                                      AS role,
    e.occurred_on                                AS occurred_on,
    e.title                                      AS event,
    e.id                                         AS event_id
FROM event_people AS ep
JOIN people AS p ON p.id = ep.person_id
JOIN events AS e ON e.id = ep.event_id
ORDER BY p.name, e.occurred_on DESC;

-- 'ARCH' in ASCII: marks the file as an archive, so other SQLite files are never written to.
PRAGMA application_id = 1095910216;
PRAGMA user_version = 7;
