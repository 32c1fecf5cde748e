#ifndef SMFKIT_CLIBYAML_SHIM_H
#define SMFKIT_CLIBYAML_SHIM_H

/* libyaml, the C parser the definition loader composes its documents from
   (positions, every duplicate key, bounded aliases: Sources/Cluster/Loading).
   Used directly rather than through Yams' internal CYaml module, which is
   not a product Yams offers. */
#include <yaml.h>
#endif
