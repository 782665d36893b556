// How long the first new thread of a fresh process waits before it first runs while the thread that created
// it stays busy: placed by the scheduler; pinned to another CPU than its creator's (what the MediaThreads
// module, removed in issue 21, did); and woken: the thread first waits for its work, its creator yields once
// and hands the work over (what MediaCLI's Background does), timed from the handing over. Each measurement
// runs in a child process of its own, as a mediactl run would.
//
//   cc -O2 -pthread Benchmarks/thread-start.c -o /tmp/thread-start && /tmp/thread-start [RUNS]
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
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
static sem_t waiting, handed_over;

static void *mark(void *woken) {
    if (woken) {
        sem_post(&waiting);
        sem_wait(&handed_over);
    }
    started = now();
    return NULL;
}

enum mode { placed, pinned, woken };

/// Microseconds from pthread_create (or from handing the work over) to the new thread's first instruction
/// (after its wait), the creator spinning for 5 ms.
static long long start_latency(enum mode mode) {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    if (mode == pinned) {
        cpu_set_t other;
        CPU_ZERO(&other);
        CPU_SET(sched_getcpu() == 0 ? 1 : 0, &other);
        pthread_attr_setaffinity_np(&attributes, sizeof other, &other);
    }
    sem_init(&waiting, 0, 0);
    sem_init(&handed_over, 0, 0);
    long long created = now();
    pthread_t thread;
    pthread_create(&thread, &attributes, mark, mode == woken ? &waiting : NULL);
    if (mode == woken) {
        sem_wait(&waiting);
        sched_yield();
        created = now();
        sem_post(&handed_over);
    }
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
    for (enum mode mode = placed; mode <= woken; mode++) {
        for (int run = 0; run < runs; run++) {
            int channel[2];
            if (pipe(channel) != 0) return 1;
            if (fork() == 0) {
                long long latency = start_latency(mode);
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
        const char *names[] = {"placed", "pinned", "woken"};
        printf("%-8s median %5lld us, max %5lld us, %d of %d runs over 0.5 ms\n", names[mode],
               latencies[runs / 2], latencies[runs - 1], late, runs);
    }
    free(latencies);
    return 0;
}
