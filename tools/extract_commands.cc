// `kg extract` (Open IE without a store) and `kg eval oie` (CaRB scorer).
#include <cstdio>
#include <iostream>

#include "ingest/carb.h"
#include "tools/commands.h"

namespace kg::cli {
namespace {

struct EvalOieOptions {
  std::string gold, pred;
  bool curve = false;
};

void RunEvalOie(const EvalOieOptions& o) {
  auto gold = ReadCarbGold(o.gold);
  if (!gold.ok()) Fail(gold.status());
  auto pred = ReadCarbPredictions(o.pred);
  if (!pred.ok()) Fail(pred.status());
  CarbResult r = CarbScore(*gold, *pred);
  if (o.curve) {
    std::printf("threshold\tprecision\trecall\tf1\n");
    for (const CarbPoint& pt : r.curve)
      std::printf("%.6f\t%.4f\t%.4f\t%.4f\n", pt.threshold, pt.precision,
                  pt.recall, pt.f1);
  }
  std::printf(
      "AUC %.3f  P %.3f  R %.3f  F1 %.3f  (threshold %.4f; %zu sentences, "
      "%zu gold tuples, %zu predicted)\n",
      r.auc, r.best.precision, r.best.recall, r.best.f1, r.best.threshold,
      r.gold_sentences, r.gold_tuples, r.predicted_tuples);
}

}  // namespace

void RegisterExtractCommands(CLI::App& app, CLI::App& eval, GlobalOptions& g) {
  (void)app;
  (void)g;
  auto eo = std::make_shared<EvalOieOptions>();
  CLI::App* oie = eval.add_subcommand(
      "oie", "score Open IE extractions against CaRB gold (AUC, P, R, F1)");
  oie->add_option("--gold", eo->gold, "gold tuples (CaRB gold TSV)")
      ->required();
  oie->add_option("--pred", eo->pred,
                  "predictions: SENTENCE<TAB>CONF<TAB>REL<TAB>ARG1…")
      ->required();
  oie->add_flag("--curve", eo->curve, "also print the precision-recall curve");
  oie->callback([eo] { RunEvalOie(*eo); });
}

}  // namespace kg::cli
