#ifndef SMFKIT_CLIBXML2_SHIM_H
#define SMFKIT_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, so its headers include the system's
   ICU headers; Foundation on Linux carries its own, newer ICU
   (_FoundationICU), and clang rejects the two different definitions of
   `UErrorCode` in one module graph (it depends on build order, so a fresh
   build fails). smfkit never uses libxml2's ICU converters, and the only
   struct the switch changes (xmlCharEncodingHandler) is only ever handled
   by pointer, so the ICU parts of the headers are left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
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

/* libxml2 reports some problems (a failed encoding conversion: "encoding
   error", "I/O error : encoder error") only through its generic error
   function, which prints to stderr; the same problem also reaches the
   structured handler that smfkit collects from, or ends the parse. A
   library never prints, so the generic function is this one, which drops
   the text. It is C because the handler is variadic. */
static void smfkit_drop_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* For the calling thread and for every thread created later. */
static inline void smfkit_silence_generic_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, smfkit_drop_generic_error);
    xmlSetGenericErrorFunc(NULL, smfkit_drop_generic_error);
}
#endif
