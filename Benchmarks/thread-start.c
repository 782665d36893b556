// How long the first new thread of a fresh process waits before it first runs while the thread that created
// it stays busy: placed by the scheduler, and pinned to another CPU than its creator's (what the MediaThreads
// module, removed in issue 21, did). Each measurement runs in a child process of its own, as a mediactl run
// would. It is why a helper thread pays so little in a render of a few milliseconds (Benchmarks/README.md).
//
//   cc -O2 -pthread Benchmarks/thread-start.c -o /tmp/thread-start && /tmp/thread-start [RUNS]
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

static long long now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static volatile long long started;

static void *mark(void *unused) {
    (void)unused;
    started = now();
    return NULL;
}

/// Microseconds from pthread_create to the new thread's first instruction, the creator spinning for 5 ms.
static long long start_latency(int pinned) {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    if (pinned) {
        cpu_set_t other;
        CPU_ZERO(&other);
        CPU_SET(sched_getcpu() == 0 ? 1 : 0, &other);
        pthread_attr_setaffinity_np(&attributes, sizeof other, &other);
    }
    long long created = now();
    pthread_t thread;
    pthread_create(&thread, &attributes, mark, NULL);
    while (now() - created < 5000000) {
    }
    pthread_join(thread, NULL);
    pthread_attr_destroy(&attributes);
    return (started - created) / 1000;
}

static int ascending(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int runs = argc > 1 ? atoi(argv[1]) : 30;
    long long *latencies = calloc(runs, sizeof *latencies);
    for (int pinned = 0; pinned <= 1; pinned++) {
        for (int run = 0; run < runs; run++) {
            int channel[2];
            if (pipe(channel) != 0) return 1;
            if (fork() == 0) {
                long long latency = start_latency(pinned);
                if (write(channel[1], &latency, sizeof latency) != sizeof latency) _exit(1);
                _exit(0);
            }
            if (read(channel[0], &latencies[run], sizeof latencies[run]) != sizeof latencies[run]) return 1;
            wait(NULL);
            close(channel[0]);
            close(channel[1]);
        }
        qsort(latencies, runs, sizeof *latencies, ascending);
        int late = 0;
        for (int run = 0; run < runs; run++) late += latencies[run] > 500;
        printf("%-8s median %5lld us, max %5lld us, %d of %d runs over 0.5 ms\n", pinned ? "pinned" : "placed",
               latencies[runs / 2], latencies[runs - 1], late, runs);
    }
    free(latencies);
    return 0;
}
