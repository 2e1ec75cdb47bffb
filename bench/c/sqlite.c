/* The SQLite peer in C: the benchmark's workloads (bench/README.md) on libsqlite3, over a
 * `kv(key BLOB PRIMARY KEY, value BLOB) WITHOUT ROWID` table with prepared statements in
 * WAL mode. Durability matches Ferry's per workload: synchronous=OFF for plain and batch
 * writes (Ferry's are not durable until a flush), synchronous=FULL with one commit per
 * insert for `durable` (Ferry: insert + flush) and for the group-commit writers `durable_wN`
 * (each thread its own connection). The page cache is 512 MiB, like Ferry's.
 *
 *   sqlite dir=PATH keys=N     as the other harnesses: load, "ready", then stdin commands. */

#include "common.h"

#include <sys/stat.h>

#include <sqlite3.h>

#define WHO "c-sqlite"

typedef struct harness {
    uint64_t n;
    char path[4200];
    sqlite3 *db;
    sqlite3_stmt *get, *put, *range, *scan, *begin, *commit;
    keys keys;
    /* Group commit: writer t's own connection (opened at its first run, then kept) and upsert. */
    sqlite3 *writer_db[MAX_WRITERS];
    sqlite3_stmt *writer_put[MAX_WRITERS];
} harness;

static int db_failed(harness *h, int rc, const char *what, char *error, size_t error_len)
{
    snprintf(error, error_len, "%s: %s (%d)", what, sqlite3_errmsg(h->db), rc);
    return 1;
}

#define CHECK(rc_expr, want, what)                                                                 \
    do {                                                                                           \
        int rc_ = (rc_expr);                                                                       \
        if (rc_ != (want)) return db_failed(h, rc_, what, error, error_len);                       \
    } while (0)

static void must(harness *h, int rc, int want, const char *what)
{
    if (rc != want) die(WHO, "%s: %s (%d)", what, sqlite3_errmsg(h->db), rc);
}

static void exec(harness *h, const char *sql)
{
    char *message = NULL;
    if (sqlite3_exec(h->db, sql, NULL, NULL, &message) != SQLITE_OK) die(WHO, "%s: %s", sql, message);
}

static sqlite3_stmt *prepare(harness *h, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    must(h, sqlite3_prepare_v3(h->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL), SQLITE_OK, sql);
    return stmt;
}

/* One execution of the prepared upsert. */
static int put(harness *h, const uint8_t *key, const uint8_t *value)
{
    sqlite3_bind_blob(h->put, 1, key, KEY_LEN, SQLITE_STATIC);
    sqlite3_bind_blob(h->put, 2, value, VALUE_LEN, SQLITE_STATIC);
    int rc = sqlite3_step(h->put);
    sqlite3_reset(h->put);
    return rc;
}

static double load(harness *h)
{
    uint64_t started = now_ns();
    uint8_t key[KEY_LEN], value[VALUE_LEN];
    memset(value, 0x5A, sizeof value);
    uint64_t shown = 0;
    for (uint64_t next = 0; next < h->n;) {
        uint64_t end = next + LOAD_BATCH < h->n ? next + LOAD_BATCH : h->n;
        exec(h, "BEGIN");
        for (uint64_t i = next; i < end; i++) {
            make_key(i, key);
            must(h, put(h, key, value), SQLITE_DONE, "load insert");
        }
        exec(h, "COMMIT");
        next = end;
        if (next * 10 / h->n > shown) {
            shown = next * 10 / h->n;
            fprintf(stderr, WHO ": loaded %" PRIu64 "/%" PRIu64 " keys\n", next, h->n);
        }
    }
    exec(h, "PRAGMA wal_checkpoint(TRUNCATE)");
    return (double)(now_ns() - started) / 1e9;
}

/* Steps a query to its end, counting rows whose key and value have the benchmark's sizes. */
static int drain(sqlite3_stmt *stmt, uint64_t *rows)
{
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const void *k = sqlite3_column_blob(stmt, 0);
        const void *v = sqlite3_column_blob(stmt, 1);
        *rows += (k != NULL && v != NULL && sqlite3_column_bytes(stmt, 0) == KEY_LEN &&
                  sqlite3_column_bytes(stmt, 1) == VALUE_LEN);
    }
    sqlite3_reset(stmt);
    return rc;
}

/* Opens writer t's connection, as the main one but synchronous=FULL, waiting up to 30 s for the
 * write lock (SQLite serialises writers: the others sleep in its busy handler meanwhile). */
static void open_writer(harness *h, int t)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(h->path, &db) != SQLITE_OK) die(WHO, "open %s: %s", h->path, sqlite3_errmsg(db));
    char cache[64];
    snprintf(cache, sizeof cache, "PRAGMA cache_size=-%llu", (unsigned long long)(CACHE_BYTES >> 10));
    const char *pragmas[] = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", cache};
    for (size_t i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++) {
        char *message = NULL;
        if (sqlite3_exec(db, pragmas[i], NULL, NULL, &message) != SQLITE_OK) die(WHO, "%s: %s", pragmas[i], message);
    }
    sqlite3_busy_timeout(db, 30000);
    if (sqlite3_prepare_v3(db, "INSERT OR REPLACE INTO kv(key, value) VALUES(?1, ?2)", -1,
                           SQLITE_PREPARE_PERSISTENT, &h->writer_put[t], NULL) != SQLITE_OK)
        die(WHO, "prepare writer %d: %s", t, sqlite3_errmsg(db));
    h->writer_db[t] = db;
}

/* One group-commit commit: an autocommit upsert on the writer's own connection. */
static int writer_commit(void *ctx, int t, const uint8_t *key, char *error, size_t error_len)
{
    harness *h = ctx;
    uint8_t value[VALUE_LEN];
    memset(value, 0x3C, sizeof value);
    sqlite3_stmt *put = h->writer_put[t];
    sqlite3_bind_blob(put, 1, key, KEY_LEN, SQLITE_STATIC);
    sqlite3_bind_blob(put, 2, value, VALUE_LEN, SQLITE_STATIC);
    int rc = sqlite3_step(put);
    sqlite3_reset(put);
    if (rc != SQLITE_DONE) {
        snprintf(error, error_len, "durable insert: %s (%d)", sqlite3_errmsg(h->writer_db[t]), rc);
        return 1;
    }
    return 0;
}

static int run(void *ctx, const char *workload, uint64_t ops, uint64_t *timed, uint64_t *ns,
               uint64_t *cpu, char *error, size_t error_len)
{
    harness *h = ctx;
    int writers = writers_of(workload);
    if (writers > 0) {
        for (int t = 0; t < writers; t++)
            if (h->writer_db[t] == NULL) open_writer(h, t);
        *timed = ops;
        return group_commit(h, &h->keys, writers, ops, h->n, writer_commit, ns, cpu, error, error_len);
    }
    const uint8_t *keys = keys_draw(&h->keys, workload, ops, h->n);
    uint8_t value[VALUE_LEN], buffer[4096];
    clocks t;
    uint64_t sum = 0;
    *timed = ops;

    if (strcmp(workload, "get") == 0) {
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            sqlite3_bind_blob(h->get, 1, keys + i * KEY_LEN, KEY_LEN, SQLITE_STATIC);
            CHECK(sqlite3_step(h->get), SQLITE_ROW, "get");
            int len = sqlite3_column_bytes(h->get, 0);
            if (len > (int)sizeof buffer) len = (int)sizeof buffer;
            memcpy(buffer, sqlite3_column_blob(h->get, 0), (size_t)len); /* as ferry_tree_get does */
            sum += (uint64_t)len;
            sqlite3_reset(h->get);
        }
        clocks_stop(t, ns, cpu);
        if (sum != ops * VALUE_LEN) return snprintf(error, error_len, "get: wrong lengths"), 1;
    } else if (strcmp(workload, "range10") == 0) {
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            sqlite3_bind_blob(h->range, 1, keys + i * KEY_LEN, KEY_LEN, SQLITE_STATIC);
            CHECK(drain(h->range, &sum), SQLITE_DONE, "range10");
        }
        clocks_stop(t, ns, cpu);
        if (sum < ops) return snprintf(error, error_len, "range10: too few rows"), 1;
    } else if (strcmp(workload, "full_scan") == 0) {
        t = clocks_start();
        for (uint64_t pass = 0; pass < ops; pass++) CHECK(drain(h->scan, &sum), SQLITE_DONE, "full_scan");
        clocks_stop(t, ns, cpu);
        if (sum != ops * h->n) return snprintf(error, error_len, "full_scan saw %" PRIu64 " rows", sum), 1;
        *timed = sum;
    } else if (strcmp(workload, "insert") == 0) {
        memset(value, 0xA5, sizeof value);
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) CHECK(put(h, keys + i * KEY_LEN, value), SQLITE_DONE, "insert");
        clocks_stop(t, ns, cpu);
    } else if (strcmp(workload, "batch_insert") == 0) {
        memset(value, 0xB6, sizeof value);
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            if (i % BATCH_SIZE == 0) {
                CHECK(sqlite3_step(h->begin), SQLITE_DONE, "BEGIN");
                sqlite3_reset(h->begin);
            }
            CHECK(put(h, keys + i * KEY_LEN, value), SQLITE_DONE, "batch insert");
            if ((i + 1) % BATCH_SIZE == 0 || i + 1 == ops) {
                CHECK(sqlite3_step(h->commit), SQLITE_DONE, "COMMIT");
                sqlite3_reset(h->commit);
            }
        }
        clocks_stop(t, ns, cpu);
    } else if (strcmp(workload, "durable") == 0) {
        memset(value, 0x3C, sizeof value);
        exec(h, "PRAGMA synchronous=FULL");
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) CHECK(put(h, keys + i * KEY_LEN, value), SQLITE_DONE, "durable insert");
        clocks_stop(t, ns, cpu);
        exec(h, "PRAGMA synchronous=OFF");
    } else {
        snprintf(error, error_len, "unknown workload %s", workload);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static harness h;
    const char *dir = arg_value(argc, argv, "dir"), *n = arg_value(argc, argv, "keys");
    if (dir == NULL || n == NULL || strtoull(n, NULL, 10) == 0) die(WHO, "usage: sqlite dir=PATH keys=N");
    h.n = strtoull(n, NULL, 10);
    keys_init(&h.keys);
    mkdir(dir, 0755);
    snprintf(h.path, sizeof h.path, "%s/kv.sqlite", dir);
    remove(h.path);
    if (sqlite3_open(h.path, &h.db) != SQLITE_OK) die(WHO, "open %s: %s", h.path, sqlite3_errmsg(h.db));
    exec(&h, "PRAGMA journal_mode=WAL");
    exec(&h, "PRAGMA synchronous=OFF");
    char cache[64];
    snprintf(cache, sizeof cache, "PRAGMA cache_size=-%llu", (unsigned long long)(CACHE_BYTES >> 10));
    exec(&h, cache);
    exec(&h, "CREATE TABLE kv(key BLOB PRIMARY KEY, value BLOB) WITHOUT ROWID");
    h.get = prepare(&h, "SELECT value FROM kv WHERE key = ?1");
    h.put = prepare(&h, "INSERT OR REPLACE INTO kv(key, value) VALUES(?1, ?2)");
    h.range = prepare(&h, "SELECT key, value FROM kv WHERE key >= ?1 ORDER BY key LIMIT 10");
    h.scan = prepare(&h, "SELECT key, value FROM kv ORDER BY key");
    h.begin = prepare(&h, "BEGIN");
    h.commit = prepare(&h, "COMMIT");

    double secs = load(&h);
    printf("{\"ready\":true,\"impl\":\"c-sqlite\",\"keys\":%" PRIu64 ",\"load_seconds\":%.3f,\"sqlite_version\":\"%s\"}\n",
           h.n, secs, sqlite3_libversion());
    fflush(stdout);

    serve(&h, run);

    sqlite3_stmt *stmts[] = {h.get, h.put, h.range, h.scan, h.begin, h.commit};
    for (size_t i = 0; i < sizeof stmts / sizeof stmts[0]; i++) sqlite3_finalize(stmts[i]);
    for (int t = 0; t < MAX_WRITERS; t++) {
        sqlite3_finalize(h.writer_put[t]);
        sqlite3_close(h.writer_db[t]);
    }
    sqlite3_close(h.db);
    free(h.keys.buf);
    printf("{\"bye\":true}\n");
    return 0;
}
