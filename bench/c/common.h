/* What the C harnesses (bench.c over ferry.h, sqlite.c over libsqlite3) share: the key
 * sequence, the clock, argument parsing and the stdin/stdout protocol of bench/README.md.
 * Header-only: each harness is one translation unit. */

#ifndef FERRY_BENCH_COMMON_H
#define FERRY_BENCH_COMMON_H

#ifndef _GNU_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <inttypes.h>
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

/* Per-workload key streams and a scratch array holding the keys of one run. */
typedef struct keys {
    rng streams[8];
    uint8_t *buf;
    uint64_t cap;
} keys;

static void keys_init(keys *k)
{
    for (uint64_t id = 0; id < 8; id++) k->streams[id].state = SEED + id;
    k->buf = NULL;
    k->cap = 0;
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
