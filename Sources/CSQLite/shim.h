#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift cannot call: these wrappers fix its arguments.

/// Makes "name" always an identifier, never a string literal, in DDL and DML alike.
static inline void archive_disable_double_quoted_strings(sqlite3 *db) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (void *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (void *)0);
}

/// Refuses to open files written with a schema SQLite would reject, instead of failing later.
static inline void archive_enable_defensive(sqlite3 *db) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (void *)0);
}

// sqlite3_config is variadic too, and only works before the library is first used.

/// Stops SQLite counting every allocation under a global mutex: its memory statistics are never read.
static inline int archive_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
