#ifndef ENSEMBLE_CMICROHTTPD_SHIM_H
#define ENSEMBLE_CMICROHTTPD_SHIM_H
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* MHD_start_daemon and MHD_get_*_info are variadic: these wrappers take fixed arguments. */

static inline struct MHD_Daemon *ensemble_mhd_start_daemon(unsigned int flags, uint16_t port,
                                                           MHD_AccessHandlerCallback handler, void *handler_context,
                                                           struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_context,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/* The port the daemon is bound to (useful after binding port 0); 0 when unknown. */
static inline uint16_t ensemble_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/* The client's socket address, or NULL. */
static inline const struct sockaddr *ensemble_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

/* The connection's socket, or -1. */
static inline int ensemble_mhd_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

#endif
