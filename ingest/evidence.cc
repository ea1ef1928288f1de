#include "ingest/evidence.h"

#include <utility>

namespace kg {

std::string StatementSentence(const ReadView& view, const Vocabulary& vocab,
                              const StatementRecord& statement) {
  auto sentence_p = view.Lookup(vocab.Property("sentence"));
  if (!sentence_p.ok()) return "";
  auto st = view.Lookup(Term::Iri(statement.id));
  if (!st.ok()) return "";
  auto it = view.Match(*st, *sentence_p, kNoTerm);
  if (!it->Valid()) return "";
  auto text = view.Resolve(it->triple().o);
  return text.ok() ? text->value : "";
}

StatusOr<std::vector<Evidence>> FactEvidence(const ReadView& view,
                                             const Vocabulary& vocab,
                                             const IdTriple& triple) {
  auto statements = view.Statements(triple);
  if (!statements.ok()) return statements.status();
  std::vector<Evidence> out;
  out.reserve(statements->size());
  for (StatementRecord& r : *statements) {
    Evidence e;
    e.sentence = StatementSentence(view, vocab, r);
    auto doc = view.GetDocument(r.document_id);
    if (doc.ok()) {
      e.title = doc->title;
      e.date = doc->date;
    }
    e.statement = std::move(r);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace kg
