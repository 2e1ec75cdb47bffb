/* What the C harnesses (bench.c over ferry.h, sqlite.c over libsqlite3) share: the key
 * sequence, the clock, argument parsing and the stdin/stdout protocol of bench/README.md.
 * Header-only: each harness is one translation unit. */

#ifndef FERRY_BENCH_COMMON_H
#define FERRY_BENCH_COMMON_H

#ifndef _GNU_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VALUE_LEN 100
#define KEY_LEN 16
#define BATCH_SIZE 1000
#define LOAD_BATCH 10000
#define SEED 42u
#define CACHE_BYTES (512ull << 20)
#define MAX_WRITERS 16
/* Writer t of durable_wN draws from rng(SEED + 10 * N + t). */
#define WRITER_STREAMS (10 * MAX_WRITERS + MAX_WRITERS)

/* splitmix64, as in every harness. */
typedef struct rng {
    uint64_t state;
} rng;

static inline uint64_t rng_below(rng *r, uint64_t n)
{
    r->state += 0x9E3779B97F4A7C15ull;
    uint64_t z = r->state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (z ^ (z >> 31)) % n;
}

/* The key stream of a workload: rng(SEED + id); 0 for workloads that draw no keys. */
static inline uint64_t stream_id(const char *workload)
{
    if (strcmp(workload, "get") == 0) return 2;
    if (strcmp(workload, "range10") == 0) return 3;
    if (strcmp(workload, "insert") == 0) return 5;
    if (strcmp(workload, "batch_insert") == 0) return 6;
    if (strcmp(workload, "durable") == 0) return 7;
    return 0;
}

/* key-%012d into out[KEY_LEN]. */
static inline void make_key(uint64_t i, uint8_t *out)
{
    memcpy(out, "key-", 4);
    for (int d = KEY_LEN - 1; d >= 4; d--) {
        out[d] = (uint8_t)('0' + i % 10);
        i /= 10;
    }
}

static inline uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* CPU time of the whole process (all threads): unlike the wall clock, it does not count the
 * time other processes on a shared machine take from this one. */
static inline uint64_t cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

#define NO_RETURN __attribute__((noreturn))

static NO_RETURN void die(const char *who, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", who);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

/* Command-line NAME=VALUE arguments. */
static const char *arg_value(int argc, char **argv, const char *name)
{
    size_t len = strlen(name);
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], name, len) == 0 && argv[i][len] == '=') return argv[i] + len + 1;
    }
    return NULL;
}

/* Per-workload key streams, the group-commit writers' streams (index 10 * N + t) and a scratch
 * array holding the keys of one run. */
typedef struct keys {
    rng streams[8];
    rng writers[WRITER_STREAMS];
    uint8_t *buf;
    uint64_t cap;
} keys;

static void keys_init(keys *k)
{
    for (uint64_t id = 0; id < 8; id++) k->streams[id].state = SEED + id;
    for (uint64_t id = 0; id < WRITER_STREAMS; id++) k->writers[id].state = SEED + id;
    k->buf = NULL;
    k->cap = 0;
}

/* Reads commands ("run WORKLOAD OPS", "quit") until quit or EOF; `run` returns 0 and sets
 * (*timed, *ns, *cpu: operations, wall and CPU nanoseconds) or returns non-zero with a message
 * in `error`. */
typedef int (*run_fn)(void *ctx, const char *workload, uint64_t ops, uint64_t *timed, uint64_t *ns,
                      uint64_t *cpu, char *error, size_t error_len);

/* Starts and stops both clocks around the timed loop of a workload. */
typedef struct clocks {
    uint64_t wall, cpu;
} clocks;

static inline clocks clocks_start(void)
{
    clocks c;
    c.cpu = cpu_ns();
    c.wall = now_ns();
    return c;
}

static inline void clocks_stop(clocks c, uint64_t *ns, uint64_t *cpu)
{
    *ns = now_ns() - c.wall;
    *cpu = cpu_ns() - c.cpu;
}

/* The writer count of a group-commit command "durable_wN" (1 to MAX_WRITERS), or 0. */
static inline int writers_of(const char *workload)
{
    if (strncmp(workload, "durable_w", 9) != 0) return 0;
    char *end = NULL;
    long n = strtol(workload + 9, &end, 10);
    return (end != workload + 9 && *end == '\0' && n >= 1 && n <= MAX_WRITERS) ? (int)n : 0;
}

/* One writer thread of a group-commit run: commits its `count` keys one by one (the harness's
 * `commit` function), after all writers have reached the start barrier. */
typedef struct writer {
    void *ctx;
    int index;
    const uint8_t *keys;
    uint64_t count;
    pthread_barrier_t *start;
    char error[200];
} writer;

/* Commits one key (an insert made durable); returns 0, or non-zero with a message in `error`. */
typedef int (*commit_fn)(void *ctx, int writer_index, const uint8_t *key, char *error, size_t error_len);

typedef struct writer_arg {
    writer *w;
    commit_fn commit;
} writer_arg;

static void *writer_main(void *arg)
{
    writer_arg *a = arg;
    writer *w = a->w;
    pthread_barrier_wait(w->start);
    for (uint64_t i = 0; i < w->count; i++)
        if (a->commit(w->ctx, w->index, w->keys + i * KEY_LEN, w->error, sizeof w->error) != 0) break;
    return NULL;
}

/* Group commit: `writers` threads share `ops` commits (the first ops % writers one more), each
 * with keys from its own stream drawn before the clocks start; the clocks run from the threads'
 * common start to the last one's end. Returns 0, or non-zero with the first failure in `error`. */
static int group_commit(void *ctx, keys *k, int writers, uint64_t ops, uint64_t n, commit_fn commit,
                        uint64_t *ns, uint64_t *cpu, char *error, size_t error_len)
{
    writer w[MAX_WRITERS];
    writer_arg args[MAX_WRITERS];
    pthread_t threads[MAX_WRITERS];
    pthread_barrier_t start;
    uint8_t *buf = malloc((ops > 0 ? ops : 1) * KEY_LEN);
    if (buf == NULL) return snprintf(error, error_len, "out of memory"), 1;
    uint64_t at = 0;
    for (int t = 0; t < writers; t++) {
        uint64_t count = ops / (uint64_t)writers + ((uint64_t)t < ops % (uint64_t)writers);
        rng *r = &k->writers[10 * writers + t];
        for (uint64_t i = 0; i < count; i++) make_key(rng_below(r, n), buf + (at + i) * KEY_LEN);
        w[t] = (writer){ctx, t, buf + at * KEY_LEN, count, &start, ""};
        args[t] = (writer_arg){&w[t], commit};
        at += count;
    }
    pthread_barrier_init(&start, NULL, (unsigned)writers + 1);
    int started = 0;
    for (; started < writers; started++)
        if (pthread_create(&threads[started], NULL, writer_main, &args[started]) != 0) break;
    if (started < writers) die("bench", "pthread_create failed"); /* the barrier would never open */
    pthread_barrier_wait(&start);
    clocks c = clocks_start();
    for (int t = 0; t < writers; t++) pthread_join(threads[t], NULL);
    clocks_stop(c, ns, cpu);
    pthread_barrier_destroy(&start);
    free(buf);
    for (int t = 0; t < writers; t++) {
        if (w[t].error[0] != '\0') {
            snprintf(error, error_len, "writer %d: %s", t, w[t].error);
            return 1;
        }
    }
    return 0;
}

/* Draws `count` keys of `workload`'s stream before the clock starts; returns them back to back. */
static const uint8_t *keys_draw(keys *k, const char *workload, uint64_t count, uint64_t n)
{
    uint64_t id = stream_id(workload);
    if (id == 0) return NULL;
    if (count > k->cap) {
        free(k->buf);
        k->buf = malloc(count * KEY_LEN);
        if (k->buf == NULL) die("bench", "out of memory for %" PRIu64 " keys", count);
        k->cap = count;
    }
    for (uint64_t i = 0; i < count; i++) make_key(rng_below(&k->streams[id], n), k->buf + i * KEY_LEN);
    return k->buf;
}

static void serve(void *ctx, run_fn run)
{
    char line[256];
    while (fgets(line, sizeof line, stdin) != NULL) {
        char workload[64];
        uint64_t ops;
        if (strncmp(line, "quit", 4) == 0) break;
        if (sscanf(line, "run %63s %" SCNu64, workload, &ops) == 2) {
            uint64_t timed = 0, ns = 0, cpu = 0;
            char error[200] = "";
            if (run(ctx, workload, ops, &timed, &ns, &cpu, error, sizeof error) == 0)
                printf("{\"workload\":\"%s\",\"ops\":%" PRIu64 ",\"ns\":%" PRIu64 ",\"cpu_ns\":%" PRIu64 "}\n",
                       workload, timed, ns, cpu);
            else
                printf("{\"error\":\"%s\"}\n", error);
        } else {
            printf("{\"error\":\"bad command\"}\n");
        }
        fflush(stdout);
    }
}

#endif /* FERRY_BENCH_COMMON_H */
