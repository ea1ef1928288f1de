#include "ingest/document_mentions.h"

#include <utility>

namespace kg {

DocumentMentions FindDocumentMentions(const std::vector<Sentence>& sentences,
                                      std::string_view article_date) {
  DocumentMentions out;
  out.by_sentence.resize(sentences.size());
  out.dates.resize(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    out.dates[s] = FindDates(sentences[s], article_date);
    std::vector<Mention> local =
        FindMentions(sentences[s], static_cast<int>(s), out.dates[s]);
    int offset = static_cast<int>(out.mentions.size());
    for (Mention& m : local) {
      for (int* index :
           {&m.country, &m.affiliation, &m.of_name, &m.parenthesis_of}) {
        if (*index >= 0) *index += offset;
      }
      out.by_sentence[s].push_back(static_cast<int>(out.mentions.size()));
      out.mentions.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace kg
