/* example.c: a tour of libferry's C API. Copy it and adapt it.
 *
 *   cc -std=c99 example.c $(pkg-config --cflags --libs ferry) -o example
 *   ./example /tmp/ferry-demo
 *
 * It opens (or creates) a store in the directory given as argv[1], writes and reads a few
 * keys in the tree "fruits" in every way the API offers, and prints what it sees. It exits
 * with 0 only if everything went as expected. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ferry.h"

/* Prints "<prefix>: <STATUS>: <message>" for this thread's most recent failure. Call it right
 * after the failing call: successful calls do not clear the last error. */
static void print_last_error(FILE *out, const char *prefix)
{
    char message[512];
    uint64_t full_len = 0;
    slice_mutu8 buffer = { (uint8_t *)message, sizeof message };
    ferry_status status = ferry_last_error(buffer, &full_len); /* NUL-terminated, truncated */
    fprintf(out, "%s: %s: %s%s\n", prefix, ferry_status_name(status), message,
            full_len >= sizeof message ? "..." : "");
}

/* CHECK(call): on any status but OK, report where and why, then jump to the cleanup code.
 * Every handle starts out NULL and every *_destroy ignores NULL, so cleanup is one block. */
#define CHECK(call)                                                                 \
    do {                                                                            \
        ferry_status check_status_ = (call);                                        \
        if (check_status_ != FERRY_STATUS_OK) {                                     \
            fprintf(stderr, "%s:%d: %s failed\n", __FILE__, __LINE__, #call);       \
            print_last_error(stderr, "error");                                      \
            goto cleanup;                                                           \
        }                                                                           \
    } while (0)

/* Something other than a Ferry call went wrong. */
#define FAIL(...)                                                                   \
    do {                                                                            \
        fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                             \
        fprintf(stderr, __VA_ARGS__);                                               \
        fputc('\n', stderr);                                                        \
        goto cleanup;                                                               \
    } while (0)

/* Keys and values are byte slices: { pointer, length }. These build them from C strings
 * (without the NUL) and from buffers; the library never keeps the pointers. */
static sliceu8 str(const char *s)
{
    sliceu8 slice = { (const uint8_t *)s, strlen(s) };
    return slice;
}

static slice_mutu8 buf(void *data, size_t len)
{
    slice_mutu8 slice = { (uint8_t *)data, len };
    return slice;
}

/* Reads little-endian u32 from unaligned memory (the cursor's packed entry lengths).
 * memcpy into a uint32_t would also do, on little-endian machines only. */
static uint32_t read_u32_le(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int main(int argc, char **argv)
{
    /* Every handle starts out NULL, so the cleanup block can destroy them all, whatever
     * step failed. (Declared up front so that no `goto cleanup` skips an initialization.) */
    ferry_store *store = NULL;
    ferry_tree *fruits = NULL, *bad = NULL;
    ferry_view *view = NULL;
    ferry_batch *batch = NULL;
    ferry_cursor *cursor = NULL;
    uint8_t *value = NULL, *entries = NULL;
    int exit_code = EXIT_FAILURE;
    ferry_status status;
    ferry_options options;
    ferry_bytes bytes;
    uint64_t value_len = 0, writes = 0, count = 0, used = 0;
    size_t capacity = 0, total = 0;
    uint32_t version;

    if (argc != 2) {
        fprintf(stderr, "usage: %s STORE_DIRECTORY\n", argv[0]);
        return EXIT_FAILURE;
    }
    /* 1. The header and the library must come from the same version of Ferry. */
    if (!FERRY_API_CHECK())
        FAIL("ferry.h does not match the libferry that was loaded");
    version = ferry_version();
    printf("ferry %u.%u.%u\n", version / 10000, version / 100 % 100, version % 100);

    /* 2. Open the store (created if missing) and a tree in it (created if missing). */
    options = ferry_options_default();
    CHECK(ferry_store_open(&store, argv[1], &options));
    CHECK(ferry_tree_open(&fruits, store, "fruits"));

    /* 3. Write. Each insert replaces any previous value. */
    {
        static const char *const pairs[][2] = {
            { "apple", "red" }, { "apricot", "orange" }, { "banana", "yellow" }, { "cherry", "dark red" },
        };
        for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
            CHECK(ferry_tree_insert(fruits, str(pairs[i][0]), str(pairs[i][1])));
    }

    /* 4. Read a copy into our own buffer. Start small; on BUFFER_TOO_SMALL, value_len holds
     * the size needed, so grow and repeat (in a loop: another thread may write meanwhile). */
    {
        static const char *const keys[] = { "apple", "banana" };
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            capacity = 4;
            free(value);
            if ((value = malloc(capacity)) == NULL) FAIL("out of memory");
            while ((status = ferry_tree_get(fruits, str(keys[i]), buf(value, capacity), &value_len))
                   == FERRY_STATUS_BUFFER_TOO_SMALL) {
                printf("get %s: needs %" PRIu64 " bytes, have %zu; retrying\n", keys[i], value_len, capacity);
                capacity = (size_t)value_len;
                free(value);
                if ((value = malloc(capacity)) == NULL) FAIL("out of memory");
            }
            CHECK(status);
            printf("get %s = %.*s\n", keys[i], (int)value_len, (const char *)value);
        }
    }

    /* NOT_FOUND is an outcome, not a failure. (An empty buffer is fine for asking.) */
    status = ferry_tree_get(fruits, str("durian"), buf(NULL, 0), &value_len);
    if (status != FERRY_STATUS_NOT_FOUND) {
        CHECK(status);
        FAIL("durian should be absent");
    }
    printf("get durian: not found\n");

    /* 5. Read without copying: the view keeps the bytes alive until it is destroyed. */
    CHECK(ferry_view_get(&view, fruits, str("cherry")));
    CHECK(ferry_view_bytes(view, &bytes));
    printf("view cherry = %.*s (%" PRIu64 " bytes)\n", (int)bytes.len, (const char *)bytes.data, bytes.len);
    CHECK(ferry_view_destroy(&view)); /* sets view to NULL; bytes.data is invalid from here */

    /* 6. A batch: all of its writes are applied atomically, or none. */
    CHECK(ferry_batch_new(&batch));
    CHECK(ferry_batch_insert(batch, str("avocado"), str("green")));
    CHECK(ferry_batch_insert(batch, str("date"), str("brown")));
    CHECK(ferry_batch_remove(batch, str("banana")));
    CHECK(ferry_batch_len(batch, &writes));
    CHECK(ferry_tree_apply_batch(fruits, batch)); /* empties the batch; it could be reused */
    CHECK(ferry_batch_destroy(&batch));
    printf("batch: %" PRIu64 " writes applied\n", writes);

    /* 7. Scan the keys starting with "a", in order. Each ferry_cursor_next fills the buffer
     * with as many whole entries as fit, packed back to back, each:
     *   u32 key_len (LE) | u32 value_len (LE) | key bytes | value bytes      (no padding)
     * count == 0 means the scan is over. A small buffer only costs more calls; one too small
     * for even the next entry gives BUFFER_TOO_SMALL, with `used` = the size it needs. */
    capacity = 16; /* deliberately tiny, to show the retry; use a few KiB in real code */
    if ((entries = malloc(capacity)) == NULL) FAIL("out of memory");
    CHECK(ferry_cursor_open_prefix(&cursor, fruits, str("a"), 0, FERRY_NO_LIMIT));
    for (;;) {
        status = ferry_cursor_next(cursor, buf(entries, capacity), &count, &used);
        if (status == FERRY_STATUS_BUFFER_TOO_SMALL) { /* nothing consumed: grow, repeat */
            capacity = (size_t)used;
            free(entries);
            if ((entries = malloc(capacity)) == NULL) FAIL("out of memory");
            continue;
        }
        CHECK(status);
        if (count == 0) break;
        const uint8_t *p = entries, *end = entries + used;
        for (uint64_t i = 0; i < count; i++) {
            if ((size_t)(end - p) < FERRY_ENTRY_HEADER_LEN) FAIL("truncated entry header");
            uint32_t key_len = read_u32_le(p), val_len = read_u32_le(p + 4);
            p += FERRY_ENTRY_HEADER_LEN;
            if ((uint64_t)(end - p) < (uint64_t)key_len + val_len) FAIL("truncated entry");
            printf("scan: %.*s=%.*s\n", (int)key_len, (const char *)p, (int)val_len, (const char *)p + key_len);
            p += key_len + val_len;
            total++;
        }
    }
    CHECK(ferry_cursor_destroy(&cursor));
    printf("scan: %zu entries with prefix \"a\"\n", total);
    if (total != 3) FAIL("expected 3 entries with prefix \"a\", got %zu", total);

    /* 8. Failures: the status says what kind, ferry_last_error says what exactly. Names
     * starting with "__" are reserved, so this must fail with INVALID_TREE_NAME. */
    status = ferry_tree_open(&bad, store, "__x");
    if (status != FERRY_STATUS_INVALID_TREE_NAME) {
        CHECK(status);
        FAIL("the tree name \"__x\" was accepted");
    }
    print_last_error(stdout, "error");

    /* 9. Make the writes durable (destroying the store does not flush). */
    CHECK(ferry_store_flush(store));
    printf("flushed\n");
    exit_code = EXIT_SUCCESS;

cleanup:
    /* Children before the store. Each destroy sets its handle to NULL and ignores NULL. */
    ferry_cursor_destroy(&cursor);
    ferry_view_destroy(&view);
    ferry_batch_destroy(&batch);
    ferry_tree_destroy(&bad);
    ferry_tree_destroy(&fruits);
    ferry_store_destroy(&store);
    free(value);
    free(entries);
    printf("%s\n", exit_code == EXIT_SUCCESS ? "ok" : "FAILED");
    return exit_code;
}
