// Relations implicit in noun phrases: appositions (X , Y → X be Y) and
// possessives (X 's Y → X has Y).
#include "ingest/extract_args.h"
#include "ingest/extract_rules.h"

namespace kg {

void NominalRules(const DepTree& t, const ExtractorOptions& o, ArgBuilder& args,
                  std::vector<RawExtraction>& out) {
  args.Avoid(-1);
  for (int i = 0; i < t.size(); ++i) {
    const int h = t.head(i);
    if (h < 0) continue;
    if (o.appositions && t.Is(i, "appos") && t.IsNominal(h) && t.IsNominal(i)) {
      RawExtraction x;
      x.implicit = "be";
      x.rule = "appos";
      x.predicate = i;
      x.subject = args.Nominal(h, i);
      x.objects.push_back(args.Nominal(i, -1));
      if (!x.subject.tokens.empty() && !x.objects[0].tokens.empty())
        out.push_back(std::move(x));
    }
    if (o.possessives && t.Is(i, "nmod:poss") && t.upos(i) == "PROPN" &&
        t.IsNominal(h)) {
      RawExtraction x;
      x.implicit = "has";
      x.rule = "poss";
      x.predicate = i;
      RawArgument owner = args.Nominal(i, t.Child(i, {"case"}));
      RawArgument owned = args.Nominal(h, i);
      // The owned thing without its determiners before the owner.
      if (owner.tokens.empty() || owned.tokens.empty()) continue;
      x.subject = owner;
      x.objects.push_back(owned);
      out.push_back(std::move(x));
    }
  }
}

}  // namespace kg
