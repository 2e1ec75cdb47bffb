/* The C harness of Ferry's cross-language benchmark: libferry through ferry.h, plus the raw
 * durability floor (4 KiB pwrite + fdatasync). Protocol, workloads and key sequence: see
 * bench/README.md. Two raw floors: fdatasync (what a durable commit costs on this disk) and
 * sync_file_range (what sled 0.34's flush calls on Linux instead; it neither flushes the
 * device's write cache nor the file's metadata).
 *
 *   bench dir=PATH keys=N      loads N keys into a fresh store in PATH, prints a ready line,
 *                              then answers "run WORKLOAD OPS" / "quit" lines from stdin. */

#define _GNU_SOURCE /* sync_file_range */
#include "common.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ferry.h"

#define WHO "c"
#define CURSOR_BUFFER (64 * 1024)
#define RAW_BLOCK 4096
#define RAW_BLOCKS 256

typedef struct harness {
    uint64_t n;
    char dir[4096];
    ferry_store *store;
    ferry_tree *tree;
    ferry_batch *batch;
    keys keys;
    uint8_t *cursor_buf;
    int raw_fd;
    uint64_t raw_next;
} harness;

/* Formats the failure of a Ferry call into `error`; returns 1. */
static int ferry_failed(ferry_status status, const char *what, char *error, size_t error_len)
{
    char message[160] = "";
    slice_mutu8 buf = {(uint8_t *)message, sizeof message};
    ferry_last_error(buf, NULL);
    snprintf(error, error_len, "%s: %s: %s", what, ferry_status_name((uint32_t)status), message);
    return 1;
}

#define CHECK(call, what)                                                                          \
    do {                                                                                           \
        ferry_status s_ = (call);                                                                  \
        if (s_ != FERRY_STATUS_OK) return ferry_failed(s_, what, error, error_len);                \
    } while (0)

static void must(ferry_status status, const char *what)
{
    if (status != FERRY_STATUS_OK) {
        char error[300];
        ferry_failed(status, what, error, sizeof error);
        die(WHO, "%s", error);
    }
}

static double load(harness *h)
{
    uint64_t started = now_ns();
    uint8_t key[KEY_LEN], value[VALUE_LEN];
    memset(value, 0x5A, sizeof value);
    uint64_t shown = 0;
    for (uint64_t next = 0; next < h->n;) {
        uint64_t end = next + LOAD_BATCH < h->n ? next + LOAD_BATCH : h->n;
        for (uint64_t i = next; i < end; i++) {
            make_key(i, key);
            sliceu8 k = {key, KEY_LEN}, v = {value, VALUE_LEN};
            must(ferry_batch_insert(h->batch, k, v), "ferry_batch_insert");
        }
        must(ferry_tree_apply_batch(h->tree, h->batch), "ferry_tree_apply_batch");
        next = end;
        if (next * 10 / h->n > shown) {
            shown = next * 10 / h->n;
            fprintf(stderr, WHO ": loaded %" PRIu64 "/%" PRIu64 " keys\n", next, h->n);
        }
    }
    must(ferry_store_flush(h->store), "ferry_store_flush");
    return (double)(now_ns() - started) / 1e9;
}

/* Entries in a packed cursor buffer whose key and value have the benchmark's sizes. */
static uint64_t count_entries(const uint8_t *buf, uint64_t count)
{
    uint64_t ok = 0, at = 0;
    for (uint64_t e = 0; e < count; e++) {
        uint32_t k = (uint32_t)buf[at] | (uint32_t)buf[at + 1] << 8 | (uint32_t)buf[at + 2] << 16 |
                     (uint32_t)buf[at + 3] << 24;
        uint32_t v = (uint32_t)buf[at + 4] | (uint32_t)buf[at + 5] << 8 |
                     (uint32_t)buf[at + 6] << 16 | (uint32_t)buf[at + 7] << 24;
        ok += (k == KEY_LEN && v == VALUE_LEN);
        at += FERRY_ENTRY_HEADER_LEN + k + v;
    }
    return ok;
}

/* Drains a cursor; adds the well-formed entries seen to *entries. */
static ferry_status drain(harness *h, ferry_cursor *cursor, uint64_t *entries)
{
    for (;;) {
        uint64_t count = 0, used = 0;
        slice_mutu8 buf = {h->cursor_buf, CURSOR_BUFFER};
        ferry_status status = ferry_cursor_next(cursor, buf, &count, &used);
        if (status != FERRY_STATUS_OK) return status;
        if (count == 0) return FERRY_STATUS_OK;
        *entries += count_entries(h->cursor_buf, count);
    }
}

static int raw_open(harness *h, char *error, size_t error_len)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/raw.dat", h->dir);
    h->raw_fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (h->raw_fd < 0) {
        snprintf(error, error_len, "open %s: %s", path, strerror(errno));
        return 1;
    }
    /* Preallocate and sync once, so each op overwrites data blocks only. */
    static uint8_t zeros[RAW_BLOCK];
    for (int b = 0; b < RAW_BLOCKS; b++) {
        if (pwrite(h->raw_fd, zeros, RAW_BLOCK, (off_t)b * RAW_BLOCK) != RAW_BLOCK) {
            snprintf(error, error_len, "pwrite: %s", strerror(errno));
            return 1;
        }
    }
    if (fsync(h->raw_fd) != 0) {
        snprintf(error, error_len, "fsync: %s", strerror(errno));
        return 1;
    }
    return 0;
}

/* One group-commit commit: insert + flush. Tree and store handles may be used from many
 * threads at once (ferry.h), so every writer shares the harness's. */
static int commit(void *ctx, int writer_index, const uint8_t *key, char *error, size_t error_len)
{
    harness *h = ctx;
    uint8_t value[VALUE_LEN];
    memset(value, 0x3C, sizeof value);
    (void)writer_index;
    sliceu8 k = {key, KEY_LEN}, v = {value, VALUE_LEN};
    CHECK(ferry_tree_insert(h->tree, k, v), "ferry_tree_insert");
    CHECK(ferry_store_flush(h->store), "ferry_store_flush");
    return 0;
}

static int run(void *ctx, const char *workload, uint64_t ops, uint64_t *timed, uint64_t *ns,
               uint64_t *cpu, char *error, size_t error_len)
{
    harness *h = ctx;
    int writers = writers_of(workload);
    if (writers > 0) {
        *timed = ops;
        return group_commit(h, &h->keys, writers, ops, h->n, commit, ns, cpu, error, error_len);
    }
    const uint8_t *keys = keys_draw(&h->keys, workload, ops, h->n);
    uint8_t value[VALUE_LEN], buffer[4096];
    clocks t;
    uint64_t sum = 0;
    *timed = ops;

    if (strcmp(workload, "noop") == 0) {
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) sum += ferry_version();
        clocks_stop(t, ns, cpu);
        if (sum == 0) return snprintf(error, error_len, "ferry_version returned 0"), 1;
    } else if (strcmp(workload, "get") == 0) {
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            sliceu8 k = {keys + i * KEY_LEN, KEY_LEN};
            slice_mutu8 b = {buffer, sizeof buffer};
            uint64_t len = 0;
            CHECK(ferry_tree_get(h->tree, k, b, &len), "ferry_tree_get");
            sum += len;
        }
        clocks_stop(t, ns, cpu);
        if (sum != ops * VALUE_LEN) return snprintf(error, error_len, "get: wrong lengths"), 1;
    } else if (strcmp(workload, "range10") == 0) {
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            ferry_cursor *cursor = NULL;
            sliceu8 start = {keys + i * KEY_LEN, KEY_LEN}, end = {NULL, 0};
            CHECK(ferry_cursor_open(&cursor, h->tree, start, FERRY_BOUND_INCLUDED, end,
                                    FERRY_BOUND_UNBOUNDED, 0, 10),
                  "ferry_cursor_open");
            ferry_status status = drain(h, cursor, &sum);
            ferry_cursor_destroy(&cursor);
            CHECK(status, "ferry_cursor_next");
        }
        clocks_stop(t, ns, cpu);
        if (sum < ops) return snprintf(error, error_len, "range10: too few entries"), 1;
    } else if (strcmp(workload, "full_scan") == 0) {
        t = clocks_start();
        for (uint64_t pass = 0; pass < ops; pass++) {
            ferry_cursor *cursor = NULL;
            sliceu8 prefix = {NULL, 0};
            CHECK(ferry_cursor_open_prefix(&cursor, h->tree, prefix, 0, FERRY_NO_LIMIT),
                  "ferry_cursor_open_prefix");
            ferry_status status = drain(h, cursor, &sum);
            ferry_cursor_destroy(&cursor);
            CHECK(status, "ferry_cursor_next");
        }
        clocks_stop(t, ns, cpu);
        if (sum != ops * h->n)
            return snprintf(error, error_len, "full_scan saw %" PRIu64 " entries", sum), 1;
        *timed = sum;
    } else if (strcmp(workload, "insert") == 0) {
        memset(value, 0xA5, sizeof value);
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            sliceu8 k = {keys + i * KEY_LEN, KEY_LEN}, v = {value, VALUE_LEN};
            CHECK(ferry_tree_insert(h->tree, k, v), "ferry_tree_insert");
        }
        clocks_stop(t, ns, cpu);
    } else if (strcmp(workload, "batch_insert") == 0) {
        memset(value, 0xB6, sizeof value);
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            sliceu8 k = {keys + i * KEY_LEN, KEY_LEN}, v = {value, VALUE_LEN};
            CHECK(ferry_batch_insert(h->batch, k, v), "ferry_batch_insert");
            if ((i + 1) % BATCH_SIZE == 0 || i + 1 == ops)
                CHECK(ferry_tree_apply_batch(h->tree, h->batch), "ferry_tree_apply_batch");
        }
        clocks_stop(t, ns, cpu);
    } else if (strcmp(workload, "durable") == 0) {
        memset(value, 0x3C, sizeof value);
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            sliceu8 k = {keys + i * KEY_LEN, KEY_LEN}, v = {value, VALUE_LEN};
            CHECK(ferry_tree_insert(h->tree, k, v), "ferry_tree_insert");
            CHECK(ferry_store_flush(h->store), "ferry_store_flush");
        }
        clocks_stop(t, ns, cpu);
    } else if (strcmp(workload, "raw_fdatasync") == 0 || strcmp(workload, "raw_sync_file_range") == 0) {
        int full = strcmp(workload, "raw_fdatasync") == 0;
        if (h->raw_fd < 0 && raw_open(h, error, error_len) != 0) return 1;
        static uint8_t block[RAW_BLOCK];
        memset(block, 0x3C, sizeof block);
        const unsigned flags = SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER;
        t = clocks_start();
        for (uint64_t i = 0; i < ops; i++) {
            off_t at = (off_t)(h->raw_next++ % RAW_BLOCKS) * RAW_BLOCK;
            if (pwrite(h->raw_fd, block, RAW_BLOCK, at) != RAW_BLOCK)
                return snprintf(error, error_len, "pwrite: %s", strerror(errno)), 1;
            if (full ? fdatasync(h->raw_fd) != 0 : sync_file_range(h->raw_fd, at, RAW_BLOCK, flags) != 0)
                return snprintf(error, error_len, "%s: %s", workload + 4, strerror(errno)), 1;
        }
        clocks_stop(t, ns, cpu);
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
    if (dir == NULL || n == NULL || strtoull(n, NULL, 10) == 0) die(WHO, "usage: bench dir=PATH keys=N");
    if (FERRY_API_CHECK() == 0) die(WHO, "libferry does not match ferry.h (FERRY_API_HASH)");
    h.n = strtoull(n, NULL, 10);
    snprintf(h.dir, sizeof h.dir, "%s", dir);
    h.raw_fd = -1;
    keys_init(&h.keys);
    h.cursor_buf = malloc(CURSOR_BUFFER);
    if (h.cursor_buf == NULL) die(WHO, "out of memory");

    ferry_options options = ferry_options_default();
    options.cache_capacity = CACHE_BYTES;
    options.flush_every_ms = 0; /* no background flusher (bench/README.md, "Store settings") */
    must(ferry_store_open(&h.store, dir, &options), "ferry_store_open");
    must(ferry_tree_open(&h.tree, h.store, "default"), "ferry_tree_open");
    must(ferry_batch_new(&h.batch), "ferry_batch_new");
    uint64_t entries = 0;
    must(ferry_tree_len(h.tree, &entries), "ferry_tree_len");
    if (entries != 0) die(WHO, "the store in %s is not empty", dir);

    double secs = load(&h);
    printf("{\"ready\":true,\"impl\":\"c\",\"keys\":%" PRIu64 ",\"load_seconds\":%.3f,\"ferry_version\":%u}\n",
           h.n, secs, ferry_version());
    fflush(stdout);

    serve(&h, run);

    if (h.raw_fd >= 0) close(h.raw_fd);
    ferry_batch_destroy(&h.batch);
    ferry_tree_destroy(&h.tree);
    ferry_store_destroy(&h.store);
    free(h.cursor_buf);
    free(h.keys.buf);
    printf("{\"bye\":true}\n");
    return 0;
}
