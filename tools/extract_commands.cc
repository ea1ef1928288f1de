// `kg extract` (Open IE without a store) and `kg eval oie` (CaRB scorer).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ingest/carb.h"
#include "ingest/extract_format.h"
#include "ingest/extractor.h"
#include "ingest/parser.h"
#include "ingest/tokenizer.h"
#include "tools/commands.h"

namespace kg::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  bool sentences = false;
  std::string format = "tsv";
  std::string model;
  std::vector<std::string> disable;  // rules switched off (ablations)
};

struct EvalOieOptions {
  std::string gold, pred;
  bool curve = false;
};

class ExtractRun {
 public:
  ExtractRun(const ExtractOptions& o, const Parser& parser)
      : o_(o), parser_(parser), extractor_(Options(o)) {}

  // Extracts from one input stream; `name` is the document id.
  void Stream(std::istream& in, const std::string& name) {
    if (o_.sentences) {
      std::string line;
      size_t line_no = 0;
      while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        Sentence s = TokenizePretokenized(line);
        Emit(name + ":" + std::to_string(line_no), s);
      }
      return;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    for (Sentence& s : SplitSentences(ss.str())) Emit(name, s);
  }

 private:
  void Emit(const std::string& doc, Sentence& s) {
    if (s.tokens.empty()) return;
    parser_.Annotate(&s);
    std::vector<Extraction> xs = extractor_.Extract(s);
    std::string out;
    if (o_.format == "carb")
      out = FormatCarb(s, xs);
    else if (o_.format == "features")
      out = FormatFeatures(s, xs);
    else if (o_.format == "json")
      out = FormatJson(doc, s, xs);
    else
      out = FormatTsv(doc, s, xs);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }

  static ExtractorOptions Options(const ExtractOptions& o) {
    ExtractorOptions x;
    x.keep_features = o.format == "features";
    for (const std::string& rule : o.disable) {
      if (rule == "xcomp") x.xcomp = false;
      if (rule == "ccomp") x.ccomp = false;
      if (rule == "conjuncts") x.conjuncts = false;
      if (rule == "prep") x.prep_in_relation = false;
      if (rule == "relcl") x.relative_clauses = false;
      if (rule == "acl") x.reduced_relatives = false;
      if (rule == "appos") x.appositions = false;
      if (rule == "opener") x.opener = false;
      if (rule == "poss") x.possessives = false;
      if (rule == "split") x.split_coordination = false;
    }
    return x;
  }

  const ExtractOptions& o_;
  const Parser& parser_;
  Extractor extractor_;
};

void RunExtract(const ExtractOptions& o) {
  std::unique_ptr<Parser> parser = LoadParserOrDie(o.model);
  ExtractRun run(o, *parser);
  std::vector<std::string> inputs = o.inputs;
  if (inputs.empty()) inputs.push_back("-");
  for (const std::string& path : inputs) {
    if (path == "-") {
      run.Stream(std::cin, "-");
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) Fail(path + ": cannot open");
    run.Stream(in, path);
  }
  std::fflush(stdout);
}

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
  (void)g;
  auto xo = std::make_shared<ExtractOptions>();
  CLI::App* ex = app.add_subcommand(
      "extract", "Open IE extractions from text files or stdin (no store)");
  ex->add_option("inputs", xo->inputs, "text files, or - for stdin (default)");
  ex->add_flag("--sentences", xo->sentences,
               "input is one pre-tokenised sentence a line (PTB style)");
  ex->add_option("--format", xo->format, "output format")
      ->check(CLI::IsMember({"tsv", "json", "carb", "features"}))
      ->capture_default_str();
  ex->add_option("--model", xo->model,
                 "parser model (default: $KG_MODEL or models/en_ud.kgm)");
  ex->add_option("--disable", xo->disable,
                 "switch rules off (ablations): xcomp ccomp conjuncts prep "
                 "relcl acl appos opener poss split")
      ->check(CLI::IsMember({"xcomp", "ccomp", "conjuncts", "prep", "relcl",
                             "acl", "appos", "opener", "poss", "split"}));
  ex->callback([xo] { RunExtract(*xo); });

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
