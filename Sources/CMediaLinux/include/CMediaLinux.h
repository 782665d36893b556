// Linux calls that Swift's Glibc module does not import (GNU extensions): thread placement, the CPUs a
// process may run on, and reading folders.
#ifndef C_MEDIA_LINUX_H
#define C_MEDIA_LINUX_H

#include <pthread.h>
#include <stddef.h>
#include <sys/types.h>

/// Pins a thread created with `attributes` to the `index`-th CPU (from 0) that the process may run on,
/// other than the calling thread's CPU. Returns 0 when pinned; -1 when there is no such CPU or the
/// platform has no such call (the thread is then placed by the scheduler).
int cmedialinux_pin_away(pthread_attr_t *attributes, int index);

/// The number of CPUs the calling thread may run on (its affinity mask); off Linux, the CPUs online.
int cmedialinux_usable_cpus(void);

/// Reads entries of the open folder `descriptor` into `buffer` as `struct linux_dirent64` records
/// (`getdents64`): the number of bytes read, 0 at the end, -1 on error (errno set; ENOSYS off Linux).
ssize_t cmedialinux_read_directory(int descriptor, void *buffer, size_t length);

#endif
