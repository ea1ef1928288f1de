// CoNLL-U (https://universaldependencies.org/format.html) reading and writing
// for the basic dependency tree. The reader keeps the syntactic words: a
// multiword token range ("5-6") is skipped but its SpaceAfter=No passes to its
// last word, empty nodes ("8.1") are skipped, "# text = ..." fills
// Sentence::text (and token spans within it, where the words can be found in
// order), other comments are ignored. HEAD "_" reads as -1 (unparsed).
// Malformed input yields InvalidArgument naming the source and line.
// Stateless functions; thread-safe.
#ifndef KG_INGEST_CONLLU_H_
#define KG_INGEST_CONLLU_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "ingest/sentence.h"
#include "storage/status.h"

namespace kg {

// `name` is used in error messages (usually the file name).
StatusOr<std::vector<Sentence>> ReadConllu(std::istream& in,
                                           const std::string& name);
StatusOr<std::vector<Sentence>> ReadConlluFile(const std::string& path);

// Writes one sentence (comment "# text = ..." when text is set, one line per
// word, then a blank line). Unset fields print as "_"; head -1 prints "_".
void WriteConllu(const Sentence& s, std::ostream& out);

}  // namespace kg

#endif  // KG_INGEST_CONLLU_H_
