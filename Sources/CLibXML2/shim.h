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
#endif
