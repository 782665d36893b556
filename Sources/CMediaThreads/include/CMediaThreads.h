// The Linux thread-placement calls that Swift's Glibc module does not import (they are GNU extensions).
#ifndef C_MEDIA_THREADS_H
#define C_MEDIA_THREADS_H

#include <pthread.h>

/// Pins a thread created with `attributes` to the `index`-th CPU (from 0) that the process may run on,
/// other than the calling thread's CPU. Returns 0 when pinned; -1 when there is no such CPU or the
/// platform has no such call (the thread is then placed by the scheduler).
int cmediathreads_pin_away(pthread_attr_t *attributes, int index);

#endif
