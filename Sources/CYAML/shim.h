#ifndef ENSEMBLE_CYAML_SHIM_H
#define ENSEMBLE_CYAML_SHIM_H
#include <yaml.h>
#endif
