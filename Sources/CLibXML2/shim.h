#ifndef SMFKIT_CLIBXML2_SHIM_H
#define SMFKIT_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xinclude.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

/* xmlFree is a global function pointer; Swift 6 cannot read a mutable
   global from concurrent code, so call it through a function. */
static inline void smfkit_xml_free(void *pointer) { xmlFree(pointer); }
#endif
