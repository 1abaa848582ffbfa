#ifndef ENSEMBLE_CHIREDIS_SHIM_H
#define ENSEMBLE_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
/* Use redisCommandArgv / redisAppendCommandArgv: redisCommand is variadic. */
#endif
