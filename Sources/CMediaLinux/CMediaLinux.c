#define _GNU_SOURCE
#include "CMediaLinux.h"

#include <errno.h>

#ifdef __linux__
#include <dirent.h>
#include <sched.h>

int cmedialinux_pin_away(pthread_attr_t *attributes, int index) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    int current = sched_getcpu();
    int seen = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
        if (!CPU_ISSET(cpu, &allowed) || cpu == current) continue;
        if (seen++ != index) continue;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(cpu, &one);
        return pthread_attr_setaffinity_np(attributes, sizeof one, &one) == 0 ? 0 : -1;
    }
    return -1;
}

int cmedialinux_usable_cpus(void) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 1;
    int count = CPU_COUNT(&allowed);
    return count > 0 ? count : 1;
}

ssize_t cmedialinux_read_directory(int descriptor, void *buffer, size_t length) {
    return getdents64(descriptor, buffer, length);
}
#else
#include <unistd.h>

int cmedialinux_usable_cpus(void) {
    long count = sysconf(_SC_NPROCESSORS_ONLN);
    return count > 0 ? (int)count : 1;
}

int cmedialinux_pin_away(pthread_attr_t *attributes, int index) {
    (void)attributes;
    (void)index;
    return -1;
}

ssize_t cmedialinux_read_directory(int descriptor, void *buffer, size_t length) {
    (void)descriptor;
    (void)buffer;
    (void)length;
    errno = ENOSYS;
    return -1;
}
#endif
