// kg train, kg parse, kg eval parse: training, running and measuring the
// tagger + dependency parser (ingest/parser.h).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "ingest/conllu.h"
#include "ingest/model_file.h"
#include "ingest/parser.h"
#include "ingest/parser_combined.h"
#include "ingest/parser_eval.h"
#include "ingest/parser_trainer.h"
#include "ingest/tagger_trainer.h"
#include "ingest/tokenizer.h"
#include "tools/commands.h"

namespace kg::cli {
namespace {

struct TrainArgs {
  std::vector<std::string> train;
  std::string dev;
  std::string out;
  std::string root = "front";
  std::string direction = "forward";
  std::string checkpoint;
  ParserTrainOptions options;
};

struct CombineArgs {
  std::vector<std::string> models;
  std::string dev;
  std::string out;
  size_t max_weights = 0;
  std::vector<std::string> arc_train;  // empty: no arc scorer
  ArcTrainOptions arcs;
  int folds = 5;
  int threads = 2;
};

struct ParseArgs {
  std::vector<std::string> inputs;
  bool sentences = false;
  std::string format = "conllu";
  std::string model;
};

struct EvalArgs {
  std::string gold;
  std::string model;
};

std::vector<Sentence> ReadConlluOrDie(const std::string& path) {
  StatusOr<std::vector<Sentence>> s = ReadConlluFile(path);
  if (!s.ok()) Fail(s.status());
  return std::move(*s);
}

void RunTrain(const TrainArgs& a) {
  auto start = std::chrono::steady_clock::now();
  std::vector<Sentence> train;
  for (const std::string& f : a.train) {
    std::vector<Sentence> part = ReadConlluOrDie(f);
    std::move(part.begin(), part.end(), std::back_inserter(train));
  }
  std::vector<Sentence> dev;
  if (!a.dev.empty()) dev = ReadConlluOrDie(a.dev);
  ParserTrainOptions o = a.options;
  o.root = a.root == "front" ? RootPlacement::kFront : RootPlacement::kEnd;
  o.direction = a.direction == "forward" ? ParseDirection::kForward
                                         : ParseDirection::kReverse;
  if (!a.checkpoint.empty()) {
    o.on_best = [&a](const GreedyParser& best) {
      ModelFile file;
      best.Save(&file);
      Status st = file.WriteFile(a.checkpoint);
      if (!st.ok()) std::cerr << "kg: checkpoint: " << st.message() << "\n";
    };
  }
  std::ostringstream meta;
  meta << "kg train";
  for (const std::string& f : a.train) meta << " " << f;
  meta << " --dev " << a.dev << " --epochs " << o.epochs << " --seed " << o.seed
       << " --tagger-epochs " << o.tagger_epochs << " --folds " << o.folds
       << " --root " << a.root << " --direction " << a.direction
       << (o.bidirectional_tagger ? "" : " --one-way-tagger");
  o.meta = meta.str();
  StatusOr<std::unique_ptr<GreedyParser>> parser =
      TrainParser(train, a.dev.empty() ? nullptr : &dev, o, &std::cerr);
  if (!parser.ok()) Fail(parser.status());
  ModelFile file;
  (*parser)->Save(&file);
  Status st = file.WriteFile(a.out);
  if (!st.ok()) Fail(st);
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::cout << "wrote " << a.out << " (" << (*parser)->Describe() << ")\n"
            << (*parser)->meta() << "\ntraining took " << int(secs) << " s\n";
}

std::unique_ptr<GreedyParser> LoadGreedyOrDie(const std::string& path) {
  StatusOr<ModelFile> file = ModelFile::ReadFile(path);
  if (!file.ok()) Fail(file.status());
  if (CombinedParser::IsCombined(*file))
    Fail(path + ": already a combined model; give single-direction models");
  StatusOr<std::unique_ptr<GreedyParser>> parser =
      GreedyParser::Load(*file, path);
  if (!parser.ok()) Fail(parser.status());
  return std::move(*parser);
}

// Trains the arc scorer of `parser` on `files` (tags jack-knifed with the
// parser's tag set); sentences with a tag the parser lacks or a broken tree
// are left out and counted.
ArcScorer TrainArcsOrDie(const CombinedParser& parser, const CombineArgs& a,
                         const std::vector<Sentence>& dev) {
  const GreedyParser& primary = *parser.parsers().front();
  const TagSet& tags = primary.tagger().tags();
  std::vector<Sentence> all;
  for (const std::string& f : a.arc_train) {
    std::vector<Sentence> part = ReadConlluOrDie(f);
    all.insert(all.end(), std::make_move_iterator(part.begin()),
               std::make_move_iterator(part.end()));
  }
  std::vector<const Sentence*> train;
  size_t left_out = 0;
  for (const Sentence& s : all) {
    bool known = !s.tokens.empty();
    for (const Token& t : s.tokens)
      known = known && tags.Find(t.upos, t.xpos) >= 0 && t.head >= 0 &&
              t.head <= int(s.tokens.size());
    if (known) {
      train.push_back(&s);
    } else {
      ++left_out;
    }
  }
  std::cerr << "arc scorer: " << train.size() << " training sentences ("
            << left_out << " left out: a tag the parser does not know or a "
            << "head out of range)" << std::endl;
  TaggerTrainOptions to;
  to.max_weights = 900'000;
  std::vector<std::vector<int>> jk =
      JackKnifeTags(train, tags, to, a.folds, a.threads);
  std::vector<const Sentence*> dev_ptrs;
  std::vector<std::vector<int>> dev_tags;
  for (const Sentence& d : dev) {
    Sentence copy = d;
    dev_tags.emplace_back();
    primary.tagger().Tag(&copy, &dev_tags.back());
    dev_ptrs.push_back(&d);
  }
  StatusOr<ArcScorer> arcs =
      TrainArcScorer(train, jk, tags, dev_ptrs, dev_tags, a.arcs, &std::cerr);
  if (!arcs.ok()) Fail(arcs.status());
  return std::move(*arcs);
}

void RunCombine(const CombineArgs& a) {
  std::vector<std::unique_ptr<GreedyParser>> models;
  std::vector<const GreedyParser*> members;
  for (const std::string& path : a.models) {
    models.push_back(LoadGreedyOrDie(path));
    members.push_back(models.back().get());
  }
  std::vector<MemberVote> votes(members.size());
  StatusOr<std::unique_ptr<CombinedParser>> combined =
      CombinedParser::Make(members, a.max_weights, votes);
  if (!combined.ok()) Fail(combined.status());
  models.clear();
  std::vector<Sentence> dev;
  if (!a.dev.empty()) dev = ReadConlluOrDie(a.dev);
  std::unique_ptr<CombinedParser> result = std::move(*combined);
  if (!a.arc_train.empty())
    result = result->WithArcScorer(TrainArcsOrDie(*result, a, dev));
  if (!dev.empty()) {
    FittedVotes fitted = FitVotes(*result, dev, &std::cerr);
    votes = fitted.members;
    members.clear();
    for (const auto& p : result->parsers()) members.push_back(p.get());
    StatusOr<std::unique_ptr<CombinedParser>> refit =
        CombinedParser::Make(members, 0, votes);
    if (!refit.ok()) Fail(refit.status());
    if (result->arcs())
      *refit = (*refit)->WithArcScorer(result->arcs()->WithVote(fitted.arcs));
    result = std::move(*refit);
  }
  ModelFile file;
  result->Save(&file);
  Status st = file.WriteFile(a.out);
  if (!st.ok()) Fail(st);
  std::cout << "wrote " << a.out << " (" << result->Describe()
            << ")\nvotes (weight, margin factor):";
  for (const MemberVote& v : votes)
    std::cout << " (" << v.weight << ", " << v.margin << ")";
  if (result->arcs()) std::cout << "; arc scorer " << result->arcs()->vote();
  std::cout << "\n";
  if (!dev.empty()) std::cout << EvaluateParser(*result, dev).Report();
}

void PrintText(const Sentence& s, std::ostream& out) {
  out << "# " << s.text << "\n";
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    std::string head = t.head <= 0 ? "ROOT"
                                   : s.tokens[size_t(t.head - 1)].form + "-" +
                                         std::to_string(t.head);
    out << i + 1 << "\t" << t.form << "\t" << t.upos << "/" << t.xpos << "\t"
        << t.deprel << "\t" << head << "\t" << t.score << "\n";
  }
  out << "\n";
}

void ParseStream(std::istream& in, const std::string& name, const ParseArgs& a,
                 const Parser& parser) {
  std::vector<Sentence> sentences;
  if (a.sentences) {
    std::string line;
    while (std::getline(in, line)) {
      Sentence s = TokenizePretokenized(line);
      if (!s.tokens.empty()) sentences.push_back(std::move(s));
    }
  } else {
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    // CoNLL-U input (a line starting with "# " or a tab-separated word line)
    // is re-parsed from its words; anything else is raw text.
    bool conllu =
        text.rfind("# ", 0) == 0 || (text.find('\t') != std::string::npos &&
                                     text.find_first_of("0123456789") == 0);
    if (conllu) {
      std::istringstream again(text);
      StatusOr<std::vector<Sentence>> read = ReadConllu(again, name);
      if (!read.ok()) Fail(read.status());
      sentences = std::move(*read);
    } else {
      sentences = SplitSentences(text);
    }
  }
  for (Sentence& s : sentences) {
    for (Token& t : s.tokens) {
      t.upos.clear();
      t.xpos.clear();
      t.deprel.clear();
      t.head = -1;
    }
    parser.Annotate(&s);
    if (a.format == "text")
      PrintText(s, std::cout);
    else
      WriteConllu(s, std::cout);
  }
}

void RunParse(const ParseArgs& a) {
  std::unique_ptr<Parser> parser = LoadParserOrDie(a.model);
  std::vector<std::string> inputs = a.inputs;
  if (inputs.empty()) inputs.push_back("-");
  for (const std::string& f : inputs) {
    if (f == "-") {
      ParseStream(std::cin, "<stdin>", a, *parser);
      continue;
    }
    std::ifstream in(f);
    if (!in) Fail(f + ": cannot open");
    ParseStream(in, f, a, *parser);
  }
}

void RunEval(const EvalArgs& a) {
  auto load_start = std::chrono::steady_clock::now();
  std::clock_t load_cpu = std::clock();
  std::unique_ptr<Parser> parser = LoadParserOrDie(a.model);
  load_cpu = std::clock() - load_cpu;
  double load_secs = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - load_start)
                         .count();
  std::vector<Sentence> gold = ReadConlluOrDie(a.gold);
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  ParseScores scores = EvaluateParser(*parser, gold);
  double cpu = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::cout << "gold       " << a.gold << "\n"
            << scores.Report() << "speed      "
            << int(double(scores.sentences) / secs) << " sentences/s wall, "
            << int(double(scores.sentences) / std::max(cpu, 1e-9))
            << " sentences per CPU second (tag + parse, one thread)\n"
            << "model load " << int(load_secs * 1000) << " ms wall, "
            << int(1000.0 * double(load_cpu) / CLOCKS_PER_SEC) << " ms CPU\n";
}

}  // namespace

void RegisterParseCommands(CLI::App& app, CLI::App& eval, GlobalOptions& g) {
  (void)g;
  auto train = std::make_shared<TrainArgs>();
  CLI::App* t = app.add_subcommand(
      "train", "train the tagger and dependency parser on CoNLL-U files");
  t->add_option("--train", train->train, "training CoNLL-U files")
      ->required()
      ->check(CLI::ExistingFile);
  t->add_option("--dev", train->dev, "dev CoNLL-U file, measured each epoch")
      ->check(CLI::ExistingFile);
  t->add_option("-o,--output", train->out, "model file to write")->required();
  t->add_option("--epochs", train->options.epochs, "parser epochs")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  t->add_option("--tagger-epochs", train->options.tagger_epochs,
                "tagger epochs")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  t->add_flag("!--one-way-tagger", train->options.bidirectional_tagger,
              "train the tagger left to right only (default: both ways, "
              "combined word by word)");
  t->add_option("--folds", train->options.folds,
                "jack-knife folds for the parser's training tags (1 = gold)")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  t->add_option("--seed", train->options.seed, "random seed")
      ->capture_default_str();
  t->add_option("--root", train->root,
                "where the transition system puts the root: front (before "
                "the first word) or end (after the last)")
      ->capture_default_str()
      ->check(CLI::IsMember({"end", "front"}));
  t->add_option("--direction", train->direction,
                "the order the parser reads a sentence's words in: forward or "
                "reverse (from the last word)")
      ->capture_default_str()
      ->check(CLI::IsMember({"forward", "reverse"}));
  t->add_option("--checkpoint", train->checkpoint,
                "also write each epoch's best-so-far model to this file");
  t->add_option("--threads", train->options.threads,
                "threads for the jack-knife taggers (results do not depend "
                "on it)")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  t->callback([train] { RunTrain(*train); });

  auto combine = std::make_shared<CombineArgs>();
  CLI::App* c = app.add_subcommand(
      "combine-models",
      "join parser models trained to read sentences differently (kg train "
      "--direction, --root) into one model whose trees are combined by "
      "voting");
  c->add_option("models", combine->models,
                "single models (kg train); the first one's tagger serves all")
      ->required()
      ->expected(2, 16)
      ->check(CLI::ExistingFile);
  c->add_option("-o,--output", combine->out, "model file to write")->required();
  c->add_option("--dev", combine->dev,
                "CoNLL-U file to fit the vote weights on (default: equal "
                "votes)")
      ->check(CLI::ExistingFile);
  c->add_option("--max-weights", combine->max_weights,
                "keep at most this many weights per parser (0 = all)")
      ->capture_default_str();
  c->add_option("--arc-train", combine->arc_train,
                "CoNLL-U files to train an arc scorer on (one more vote "
                "wherever the parsers disagree on a head)")
      ->check(CLI::ExistingFile);
  c->add_option("--arc-epochs", combine->arcs.epochs,
                "arc scorer epochs (the best on --dev is kept)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  c->add_option("--arc-max-weights", combine->arcs.max_weights,
                "arc scorer weights kept")
      ->capture_default_str();
  c->add_option("--folds", combine->folds,
                "jack-knife folds for the arc scorer's training tags")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  c->add_option("--threads", combine->threads,
                "threads for the jack-knife taggers")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  c->callback([combine] { RunCombine(*combine); });

  auto parse = std::make_shared<ParseArgs>();
  CLI::App* p = app.add_subcommand(
      "parse", "tag and parse text, pre-tokenised sentences or CoNLL-U");
  p->add_option("inputs", parse->inputs, "input files (- = stdin)");
  p->add_flag("--sentences", parse->sentences,
              "one pre-tokenised sentence a line, tokens separated by spaces");
  p->add_option("--format", parse->format, "output format")
      ->check(CLI::IsMember({"conllu", "text"}))
      ->capture_default_str();
  p->add_option("--model", parse->model,
                "model file (default: $KG_MODEL or models/en_ud.kgm)");
  p->callback([parse] { RunParse(*parse); });

  auto ev = std::make_shared<EvalArgs>();
  CLI::App* e = eval.add_subcommand(
      "parse", "measure tagging and parsing against a gold CoNLL-U file");
  e->add_option("--gold", ev->gold, "gold CoNLL-U file")
      ->required()
      ->check(CLI::ExistingFile);
  e->add_option("--model", ev->model,
                "model file (default: $KG_MODEL or models/en_ud.kgm)");
  e->callback([ev] { RunEval(*ev); });
}

}  // namespace kg::cli
