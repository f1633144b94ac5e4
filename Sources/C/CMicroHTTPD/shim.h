#include <microhttpd.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/// The URI log callback (MHD_OPTION_URI_LOG_CALLBACK): called once per request with the raw
/// request target, before MHD splits off and decodes the query; its result becomes `*con_cls`.
typedef void *(*cmhd_uri_log_callback)(void *cls, const char *uri, struct MHD_Connection *connection);

/// MHD_start_daemon is variadic, which Swift cannot call: this takes the options TodoHTTP uses.
/// `listen_fd` must be bound and listening; MHD owns it from here (see MHD_quiesce_daemon).
/// Callbacks may be NULL, which leaves the option unset. A `thread_pool_size` of 0 or 1 means
/// the single internal polling thread.
static inline struct MHD_Daemon *cmhd_start_daemon(
    unsigned int flags, MHD_socket listen_fd, unsigned int thread_pool_size,
    unsigned int connection_limit, unsigned int connection_timeout_seconds, size_t connection_memory_limit,
    MHD_AccessHandlerCallback handler, void *handler_cls,
    MHD_RequestCompletedCallback completed, void *completed_cls,
    cmhd_uri_log_callback uri_log, void *uri_log_cls,
    MHD_LogCallback logger, void *logger_cls)
{
    return MHD_start_daemon(
        flags, 0, NULL, NULL, handler, handler_cls,
        MHD_OPTION_EXTERNAL_LOGGER, logger, logger_cls,
        MHD_OPTION_LISTEN_SOCKET, listen_fd,
        MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size > 1 ? thread_pool_size : 0u,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, connection_memory_limit,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_cls,
        MHD_OPTION_URI_LOG_CALLBACK, uri_log, uri_log_cls,
        MHD_OPTION_END);
}

/// The port the daemon listens on (MHD_get_daemon_info is variadic); 0 when unknown.
static inline uint16_t cmhd_daemon_port(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info != NULL ? info->port : 0;
}

/// The peer address of a connection (MHD_get_connection_info is variadic); NULL when unknown.
static inline const struct sockaddr *cmhd_client_address(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info != NULL ? info->client_addr : NULL;
}

/// Hands an upgraded socket back to libmicrohttpd, which closes it (MHD_upgrade_action is
/// variadic). Callable from any thread; `urh` is invalid afterwards.
static inline enum MHD_Result cmhd_upgrade_close(struct MHD_UpgradeResponseHandle *urh)
{
    return MHD_upgrade_action(urh, MHD_UPGRADE_ACTION_CLOSE);
}
