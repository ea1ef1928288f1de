#include "ingest/extractor.h"

namespace kg {

std::vector<Extraction> Extractor::Extract(const Sentence& sentence) const {
  (void)sentence;
  return {};  // rules land in the next commits
}

}  // namespace kg
