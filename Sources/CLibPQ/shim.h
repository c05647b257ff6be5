#include <libpq-fe.h>

// PG_DIAG_* are character macros, which Swift does not import: these wrappers name the fields.

/// The five-character SQLSTATE of a failed result ("23505" for a unique violation), or NULL.
static inline const char *archive_pq_sqlstate(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_SQLSTATE);
}

/// The primary message of a failed result, without severity or detail, or NULL.
static inline const char *archive_pq_primary_message(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
}

/// Notices ("relation already exists, skipping") are not errors and would only clutter stderr.
static void archive_pq_ignore_notice(void *argument, const char *message) {
    (void)argument;
    (void)message;
}

static inline void archive_pq_silence_notices(PGconn *connection) {
    PQsetNoticeProcessor(connection, archive_pq_ignore_notice, (void *)0);
}
