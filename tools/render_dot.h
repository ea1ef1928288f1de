// Renders Graphviz DOT text to an image file by running Graphviz's `dot`
// (found on PATH). Used by `kg render` and `kg subgraph -o FILE.svg|png`.
#ifndef KG_TOOLS_RENDER_DOT_H_
#define KG_TOOLS_RENDER_DOT_H_

#include <string>

#include "storage/status.h"

namespace kg::cli {

// Writes `dot_text` rendered as `format` (svg, png, pdf: dot's -T names) to
// `out`, atomically (a temporary file renamed into place). Errors:
// NotFound when `dot` is not installed (naming the graphviz package),
// IOError when it fails or the file cannot be written.
Status RenderDot(const std::string& dot_text, const std::string& out,
                 const std::string& format);

}  // namespace kg::cli

#endif  // KG_TOOLS_RENDER_DOT_H_
