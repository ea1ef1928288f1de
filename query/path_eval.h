// Property paths evaluated as walks over the store's indexes: each step is a
// prefix scan (spo for forward, pos/osp for inverse); closures (*, +) are
// breadth-first searches with a visited set sized by what they reach, never by
// the graph. Sequences and alternatives keep duplicates (they are joins and
// unions); closures and ? return each node once, as SPARQL 1.1 specifies.
// Not thread-safe; bound to one QueryContext.
#ifndef KG_QUERY_PATH_EVAL_H_
#define KG_QUERY_PATH_EVAL_H_

#include <vector>

#include "query/algebra.h"
#include "query/context.h"

namespace kg::query {

// A path with its IRIs replaced by term ids.
struct CompiledPath {
  Path::Kind kind = Path::Kind::kLink;
  TermId iri = kNoTerm;
  std::vector<CompiledPath> args;
  std::vector<TermId> forward, inverse;
};

CompiledPath CompilePath(const Path& path, QueryContext* ctx);

class PathEvaluator {
 public:
  explicit PathEvaluator(QueryContext* ctx) : ctx_(ctx) {}

  // Appends the nodes reached from `start` along `path` (against the arrows
  // when `reverse`). False when the context stopped the query.
  bool Walk(const CompiledPath& path, TermId start, bool reverse,
            std::vector<TermId>* out);

  // Nodes a walk with an unbound start must try, each once: the subjects
  // (objects, when reverse) of the first step, or every node of the graph for
  // paths that admit a zero-length match or a negated set.
  bool StartNodes(const CompiledPath& path, bool reverse,
                  std::vector<TermId>* out);

 private:
  bool Step(TermId s, TermId p, TermId o, bool want_object,
            std::vector<TermId>* out);
  bool Closure(const CompiledPath& path, TermId start, bool reverse,
               bool include_start, std::vector<TermId>* out);
  bool AllNodes(std::vector<TermId>* out);

  QueryContext* ctx_;
};

}  // namespace kg::query

#endif  // KG_QUERY_PATH_EVAL_H_
