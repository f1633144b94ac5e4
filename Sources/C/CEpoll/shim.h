// epoll and eventfd, which Glibc's Swift module does not expose. Header-only: both live in libc.
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

/// Registers or changes `fd` in `epfd` with `events` and `token` as its user data (`op` is
/// EPOLL_CTL_ADD or EPOLL_CTL_MOD). struct epoll_event is packed on x86-64, so Swift never
/// builds one itself. Returns 0, or -1 with errno set.
static inline int cepoll_control(int epfd, int op, int fd, uint32_t events, uint64_t token)
{
    struct epoll_event event;
    event.events = events;
    event.data.u64 = token;
    return epoll_ctl(epfd, op, fd, &event);
}

/// Removes `fd` from `epfd`. Returns 0, or -1 with errno set.
static inline int cepoll_remove(int epfd, int fd)
{
    struct epoll_event unused = {0};
    return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &unused);
}

/// Waits like epoll_wait and unpacks up to `capacity` ready events into two plain arrays: the
/// token each was registered with and its event bits. Returns the count, or -1 with errno set.
static inline int cepoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int capacity, int timeout_ms)
{
    struct epoll_event ready[256];
    if (capacity > 256) capacity = 256;
    int count = epoll_wait(epfd, ready, capacity, timeout_ms);
    for (int i = 0; i < count; i++) {
        tokens[i] = ready[i].data.u64;
        events[i] = ready[i].events;
    }
    return count;
}
