// Confidence of an extraction: a logistic model over features of the rule,
// argument shapes and the parser's attachment margins. The weights were
// fitted on the CaRB dev split (features only; no sentence is looked up).
// Thread-safety: pure functions.
#ifndef KG_INGEST_EXTRACT_CONFIDENCE_H_
#define KG_INGEST_EXTRACT_CONFIDENCE_H_

#include <string>
#include <vector>

#include "ingest/extract_rules.h"
#include "ingest/extract_tree.h"

namespace kg {

// Feature names, in the order ConfidenceFeatures fills them.
const std::vector<std::string>& ConfidenceFeatureNames();
std::vector<float> ConfidenceFeatures(const DepTree& tree,
                                      const RawExtraction& x);
// In [0, 1].
float Confidence(const DepTree& tree, const RawExtraction& x);

}  // namespace kg

#endif  // KG_INGEST_EXTRACT_CONFIDENCE_H_
