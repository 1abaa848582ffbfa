#ifndef ENSEMBLE_CSQLITE_SHIM_H
#define ENSEMBLE_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
