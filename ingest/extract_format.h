// Output formats of `kg extract`: CaRB system output, a readable TSV and JSON
// Lines. Thread-safety: pure functions.
#ifndef KG_INGEST_EXTRACT_FORMAT_H_
#define KG_INGEST_EXTRACT_FORMAT_H_

#include <string>
#include <vector>

#include "ingest/extractor.h"
#include "ingest/sentence.h"

namespace kg {

// SENTENCE<TAB>CONFIDENCE<TAB>RELATION<TAB>ARG1<TAB>ARG2… (objects, then
// qualifiers), one line per extraction with at least two arguments. Tabs and
// newlines inside fields become spaces.
std::string FormatCarb(const Sentence& s, const std::vector<Extraction>& xs);
// The CaRB line prefixed by the extraction's features (space-separated) and
// a tab: the input for fitting the confidence model.
std::string FormatFeatures(const Sentence& s,
                           const std::vector<Extraction>& xs);
// DOC<TAB>CONFIDENCE<TAB>SUBJECT<TAB>RELATION_LEMMA<TAB>OBJECT<TAB>RULE<TAB>
// QUALIFIERS (joined by " | ")<TAB>ATTRIBUTED_TO
std::string FormatTsv(const std::string& doc, const Sentence& s,
                      const std::vector<Extraction>& xs);
// One JSON object per sentence: {"doc", "sentence", "begin", "end",
// "extractions": [...]}.
std::string FormatJson(const std::string& doc, const Sentence& s,
                       const std::vector<Extraction>& xs);

}  // namespace kg

#endif  // KG_INGEST_EXTRACT_FORMAT_H_
