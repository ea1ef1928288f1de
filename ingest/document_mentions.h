// The mentions of a whole document, the input of ResolveCoreference
// (ingest/coref.h): FindDates and FindMentions on every sentence in reading
// order, concatenated, with each mention's sentence-local references
// (country, affiliation, of_name, parenthesis_of) rebased to index the
// document's vector. Pure function; thread-safe.
#ifndef KG_INGEST_DOCUMENT_MENTIONS_H_
#define KG_INGEST_DOCUMENT_MENTIONS_H_

#include <string_view>
#include <vector>

#include "ingest/dates.h"
#include "ingest/entity_mentions.h"
#include "ingest/sentence.h"

namespace kg {

struct DocumentMentions {
  std::vector<Mention> mentions;  // the whole document, reading order
  // Per sentence: the indices in `mentions` of its mentions, and its dates.
  std::vector<std::vector<int>> by_sentence;
  std::vector<std::vector<DateSpan>> dates;
};

// `article_date` is the article's ISO date or "" (see FindDates).
DocumentMentions FindDocumentMentions(const std::vector<Sentence>& sentences,
                                      std::string_view article_date);

}  // namespace kg

#endif  // KG_INGEST_DOCUMENT_MENTIONS_H_
