// Database: opening a store and the write side of the facade. Text goes
// through RunPipeline (ingest/pipeline.h), the path `kg ingest` takes, so a
// document ingested here and one ingested by the CLI are stored alike.
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "ingest/pipeline.h"
#include "ingest/rdf_source.h"
#include "ingest/reader.h"
#include "ingest/reader_text.h"
#include "kg/database_rep.h"

namespace kg {
namespace {

// Hands the pipeline one article.
class OneArticleReader : public ArticleReader {
 public:
  explicit OneArticleReader(Article article) : article_(std::move(article)) {}
  bool Next(ReadResult* out) override {
    if (done_) return false;
    done_ = true;
    out->status = Status::OK();
    out->article = std::move(article_);
    return true;
  }

 private:
  Article article_;
  bool done_ = false;
};

IngestResult::Outcome ToOutcome(AddOutcome o) {
  switch (o) {
    case AddOutcome::kUnchanged:
      return IngestResult::Outcome::kUnchanged;
    case AddOutcome::kReplaced:
      return IngestResult::Outcome::kReplaced;
    case AddOutcome::kAdded:
      break;
  }
  return IngestResult::Outcome::kAdded;
}

// The content hash of a triple document: its metadata and triples in order.
std::string HashTriples(const TripleDocument& doc) {
  ContentHasher h;
  for (const std::string* s : {&doc.title, &doc.date, &doc.source}) {
    h.Update(*s);
    h.Update("\n", 1);
  }
  for (const TermTriple& t : doc.triples) {
    h.Update(t.subject.ToNTriples() + " " + t.predicate.ToNTriples() + " " +
             t.object.ToNTriples() + " .\n");
  }
  return h.Digest();
}

// Distinct triples the stored document supports (0 when it is absent).
uint64_t DocumentTriples(const Store& store, const std::string& id) {
  auto record = store.NewReadView()->GetDocument(id);
  return record.ok() ? record->triple_count : 0;
}

// OK when document `id` may be ingested through `rep`: the store is open for
// writing and `id` is not empty; otherwise InvalidArgument saying which.
Status CheckWritable(const Database::Rep& rep, const std::string& id) {
  if (rep.options.read_only) {
    return Status::InvalidArgument("store at " + rep.store->path() +
                                   " is open read-only; cannot ingest " + id);
  }
  if (id.empty()) return Status::InvalidArgument("document without an id");
  return Status::OK();
}

}  // namespace

Database::Database(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Database::~Database() = default;

StatusOr<std::unique_ptr<Database>> Database::Open(
    const std::string& path, const DatabaseOptions& options) {
  OpenOptions open;
  open.read_only = options.read_only;
  open.create_if_missing = options.create_if_missing;
  open.wait_seconds = options.wait_seconds;
  auto store = Store::Open(path, open);
  if (!store.ok()) return store.status();
  auto rep = std::make_unique<Rep>(options, std::move(store).value());
  return std::unique_ptr<Database>(new Database(std::move(rep)));
}

StatusOr<IngestResult> Database::IngestText(const TextDocument& doc) {
  Status writable = CheckWritable(*rep_, doc.id);
  if (!writable.ok()) return writable;
  Article article;
  article.id = doc.id;
  article.title = doc.title;
  article.date = doc.date;
  article.url = doc.url;
  article.source = doc.url.empty() ? doc.id : doc.url;
  article.text = doc.text;
  uint64_t line = 1;
  Status checked = reader::CheckAndNormalise(&article.text,
                                             /*binary_check=*/false, &line);
  if (!checked.ok()) {
    return Status::InvalidArgument("document " + doc.id + ":" +
                                   std::to_string(line) + ": " +
                                   checked.message());
  }

  std::lock_guard<std::mutex> lock(rep_->write_mu);
  if (rep_->parser == nullptr) {
    auto model = ResolveModelPath(rep_->options);
    if (!model.ok()) return model.status();
    auto parser = Parser::Load(*model);
    if (!parser.ok()) return parser.status();
    rep_->parser = std::move(parser).value();
  }
  PipelineOptions options;
  options.threads =
      rep_->options.ingest_threads > 0 ? rep_->options.ingest_threads : 1;
  options.build.base_iri = rep_->options.base_iri;
  std::string error;
  PipelineCallbacks callbacks;
  callbacks.on_error = [&error](const std::string& m) { error = m; };
  OneArticleReader reader(std::move(article));
  auto stats = RunPipeline(&reader, *rep_->parser, rep_->extractor,
                           rep_->store.get(), options, callbacks);
  if (!stats.ok()) return stats.status();
  if (stats->failed > 0) {
    return Status::InvalidArgument(
        error.empty() ? "document " + doc.id + " was not stored" : error);
  }
  IngestResult result;
  result.outcome = stats->replaced > 0    ? IngestResult::Outcome::kReplaced
                   : stats->unchanged > 0 ? IngestResult::Outcome::kUnchanged
                                          : IngestResult::Outcome::kAdded;
  result.sentences = stats->sentences;
  result.triples = DocumentTriples(*rep_->store, doc.id);
  return result;
}

StatusOr<IngestResult> Database::IngestTriples(const TripleDocument& doc) {
  Status writable = CheckWritable(*rep_, doc.id);
  if (!writable.ok()) return writable;
  DocumentInput input;
  input.id = doc.id;
  input.title = doc.title;
  input.date = doc.date;
  input.source = doc.source;
  input.content_hash = HashTriples(doc);
  input.triples.reserve(doc.triples.size());
  for (const TermTriple& t : doc.triples) {
    input.triples.push_back({t.subject, t.predicate, t.object});
  }
  std::lock_guard<std::mutex> lock(rep_->write_mu);
  auto outcome = rep_->store->AddDocument(input);
  if (!outcome.ok()) {
    return Status(outcome.status().code() == Status::Code::kInvalidArgument
                      ? Status::InvalidArgument("document " + doc.id + ": " +
                                                outcome.status().message())
                      : outcome.status());
  }
  IngestResult result;
  result.outcome = ToOutcome(*outcome);
  result.triples = DocumentTriples(*rep_->store, doc.id);
  return result;
}

Status Database::Remove(const std::string& document_id) {
  if (rep_->options.read_only) {
    return Status::InvalidArgument("store at " + path() +
                                   " is open read-only; cannot remove " +
                                   document_id);
  }
  std::lock_guard<std::mutex> lock(rep_->write_mu);
  return rep_->store->RemoveDocument(document_id);
}

StatusOr<DatabaseStats> Database::Stats() const {
  auto s = rep_->store->Stats();
  if (!s.ok()) return s.status();
  DatabaseStats out;
  out.triples = s->triples;
  out.terms = s->terms;
  out.documents = s->documents;
  out.statements = s->statements;
  out.disk_bytes = s->disk_bytes;
  return out;
}

const std::string& Database::path() const { return rep_->store->path(); }

StatusOr<std::string> Database::ModelPath() const {
  return ResolveModelPath(rep_->options);
}

}  // namespace kg
