#include <libxml/xmlversion.h>
// libxml2's encoding header would pull in the system's ICU, whose declarations clash with the
// copy Foundation carries. Nothing here touches the ICU-dependent fields it guards.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// Silences libxml2's messages about malformed HTML: saved pages are often malformed, and the
/// parser recovers on its own. (xmlSetGenericErrorFunc takes a variadic function pointer.)
static void archive_libxml2_ignore(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void archive_libxml2_quiet(void) {
    xmlSetGenericErrorFunc(NULL, archive_libxml2_ignore);
}

/// Frees memory libxml2 handed out (xmlFree is a global function pointer, which Swift 6 will not
/// read from concurrent code).
static inline void archive_libxml2_free(void *pointer) { xmlFree(pointer); }
