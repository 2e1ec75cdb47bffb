/* The cost of one call on a batch or cursor handle through ferry.h: what the in-use flag of
 * FERRY_STATUS_BUSY (ffi/src/exclusive.rs) adds. Not part of `make bench`; run it against two
 * builds of libferry.so and compare:
 *
 *   gcc -std=c99 -O2 -Wall -Wextra -pedantic -Werror -Igenerated/c bench/c/handle_calls.c \
 *       -o /tmp/handle_calls -Ltarget/release -lferry
 *   LD_LIBRARY_PATH=target/release /tmp/handle_calls /dev/shm/ferry-calls     # all, ns/call
 *   LD_LIBRARY_PATH=... valgrind --tool=callgrind /tmp/handle_calls DIR batch_len 100000
 *
 * Workloads (one thread, so never BUSY): `version` (ferry_version, the bare crossing),
 * `batch_len` (the cheapest batch call), `batch_insert` (16-byte keys cycling over 1024,
 * 100-byte values, into one batch never applied), `cursor_next` (a buffer that holds exactly one
 * entry, so one entry per call, over 100,000 entries). Each is timed in 7 rounds of N calls
 * (default 2,000,000; cursor_next 100,000 per round); the fastest round is printed, as ns per
 * call. With a workload and N on the command line, it runs that one round only (for callgrind:
 * the difference between two N divided by their difference is the instructions per call). */

/* common.h first: it picks the POSIX level. Its helpers for the full harnesses go unused. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include "common.h"
#pragma GCC diagnostic pop
#include "ferry.h"

#define WHO "handle_calls"
#define ENTRY_LEN (FERRY_ENTRY_HEADER_LEN + KEY_LEN + VALUE_LEN)
#define ENTRIES 100000u
#define ROUNDS 7

static void must(ferry_status status, const char *what)
{
    if (status != FERRY_STATUS_OK) die(WHO, "%s: %s", what, ferry_status_name(status));
}

typedef struct handles {
    ferry_tree *tree;
    ferry_batch *batch;
    ferry_cursor *cursor;
    uint8_t value[VALUE_LEN];
    uint8_t entry[ENTRY_LEN];
} handles;

/* One round of `n` calls of `workload`. */
static void round_of(handles *h, const char *workload, uint64_t n)
{
    uint8_t key[KEY_LEN];
    sliceu8 k = {key, KEY_LEN}, v = {h->value, VALUE_LEN};
    if (strcmp(workload, "version") == 0) {
        uint32_t sum = 0;
        for (uint64_t i = 0; i < n; i++) sum += ferry_version();
        if (sum == 1) die(WHO, "unreachable");
    } else if (strcmp(workload, "batch_len") == 0) {
        uint64_t len = 0;
        for (uint64_t i = 0; i < n; i++) must(ferry_batch_len(h->batch, &len), "ferry_batch_len");
    } else if (strcmp(workload, "batch_insert") == 0) {
        for (uint64_t i = 0; i < n; i++) {
            make_key(i % 1024, key);
            must(ferry_batch_insert(h->batch, k, v), "ferry_batch_insert");
        }
    } else if (strcmp(workload, "cursor_next") == 0) {
        for (uint64_t i = 0; i < n; i++) {
            uint64_t count = 0;
            slice_mutu8 buf = {h->entry, ENTRY_LEN};
            must(ferry_cursor_next(h->cursor, buf, &count, NULL), "ferry_cursor_next");
            if (count == 0) { /* at the end: start again (rare: once per ENTRIES calls) */
                must(ferry_cursor_destroy(&h->cursor), "ferry_cursor_destroy");
                must(ferry_cursor_open_prefix(&h->cursor, h->tree, (sliceu8){NULL, 0}, 0,
                                              FERRY_NO_LIMIT),
                     "ferry_cursor_open_prefix");
            }
        }
    } else {
        die(WHO, "unknown workload %s (version, batch_len, batch_insert, cursor_next)", workload);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 4) die(WHO, "usage: %s DIR [WORKLOAD N]", argv[0]);
    ferry_store *store = NULL;
    handles h = {0};
    memset(h.value, 'v', sizeof h.value);
    ferry_options options = ferry_options_default();
    options.cache_capacity = 64ull << 20;
    options.flush_every_ms = 0;
    options.temporary = 1;
    must(ferry_store_open(&store, argv[1], &options), "ferry_store_open");
    must(ferry_tree_open(&h.tree, store, "calls"), "ferry_tree_open");
    must(ferry_batch_new(&h.batch), "ferry_batch_new");
    uint8_t key[KEY_LEN];
    for (uint64_t i = 0; i < ENTRIES; i++) {
        make_key(i, key);
        must(ferry_batch_insert(h.batch, (sliceu8){key, KEY_LEN}, (sliceu8){h.value, VALUE_LEN}),
             "ferry_batch_insert");
    }
    must(ferry_tree_apply_batch(h.tree, h.batch), "ferry_tree_apply_batch");
    must(ferry_batch_insert(h.batch, (sliceu8){key, KEY_LEN}, (sliceu8){h.value, 1}),
         "ferry_batch_insert");
    must(ferry_cursor_open_prefix(&h.cursor, h.tree, (sliceu8){NULL, 0}, 0, FERRY_NO_LIMIT),
         "ferry_cursor_open_prefix");

    if (argc == 4) {
        round_of(&h, argv[2], strtoull(argv[3], NULL, 10));
    } else {
        const char *workloads[] = {"version", "batch_len", "batch_insert", "cursor_next"};
        for (size_t w = 0; w < sizeof workloads / sizeof *workloads; w++) {
            uint64_t n = strcmp(workloads[w], "cursor_next") == 0 ? ENTRIES : 2000000u;
            uint64_t best = UINT64_MAX;
            round_of(&h, workloads[w], n / 10); /* warm-up */
            for (int r = 0; r < ROUNDS; r++) {
                uint64_t start = now_ns();
                round_of(&h, workloads[w], n);
                uint64_t ns = now_ns() - start;
                if (ns < best) best = ns;
            }
            printf("%-13s %7.2f ns/call\n", workloads[w], (double)best / (double)n);
        }
    }
    must(ferry_cursor_destroy(&h.cursor), "ferry_cursor_destroy");
    must(ferry_batch_destroy(&h.batch), "ferry_batch_destroy");
    must(ferry_tree_destroy(&h.tree), "ferry_tree_destroy");
    must(ferry_store_destroy(&store), "ferry_store_destroy");
    return 0;
}
