#include "ingest/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "ingest/tokenizer.h"

namespace kg {
namespace {

using Clock = std::chrono::steady_clock;

// Article text read but not yet committed, summed over the reorder window.
constexpr uint64_t kMaxInflightTextBytes = 32u << 20;

struct Job {
  uint64_t seq = 0;
  Article article;
};

// A document ready to commit, in one of three states.
struct Done {
  enum Kind { kFailed, kAlreadyStored, kAnalysed } kind = kFailed;
  std::string error;  // kFailed: the message to report
  Article article;    // kAlreadyStored: kept to analyse if the check fails
  std::string hash;   // kAlreadyStored: the content hash found stored
  DocumentInput doc;  // kAnalysed
  uint64_t sentences = 0;
  uint64_t text_bytes = 0;
};

// Whether the store holds `id` with content hash `hash`.
bool StoredWithHash(const Store& store, const std::string& id,
                    const std::string& hash) {
  auto view = store.NewReadView();
  auto rec = view->GetDocument(id);
  return rec.ok() && rec->content_hash == hash;
}

class Runner {
 public:
  Runner(ArticleReader* reader, const Parser& parser,
         const Extractor& extractor, Store* store, const PipelineOptions& o,
         const PipelineCallbacks& cb)
      : reader_(reader),
        parser_(parser),
        extractor_(extractor),
        store_(store),
        options_(o),
        cb_(cb) {
    threads_ = o.threads > 0
                   ? o.threads
                   : std::max(1u, std::thread::hardware_concurrency());
    window_ = o.window > 0 ? o.window : 4 * static_cast<size_t>(threads_);
  }

  StatusOr<PipelineStats> Run() {
    start_ = Clock::now();
    std::vector<std::thread> workers;
    for (int i = 0; i < threads_; ++i) workers.emplace_back([this] { Work(); });
    Status st = Drive();
    {
      std::lock_guard<std::mutex> lk(mu_);
      stop_ = true;
    }
    jobs_cv_.notify_all();
    for (auto& w : workers) w.join();
    stats_.elapsed_seconds =
        std::chrono::duration<double>(Clock::now() - start_).count();
    if (!st.ok()) return st;
    return stats_;
  }

 private:
  // Reads, dispatches and commits in order until the input is exhausted.
  Status Drive() {
    uint64_t next_read = 0, next_commit = 0;
    bool eof = false;
    std::unique_lock<std::mutex> lk(mu_);
    for (;;) {
      for (auto it = done_.find(next_commit); it != done_.end();
           it = done_.find(next_commit)) {
        Done d = std::move(it->second);
        done_.erase(it);
        lk.unlock();
        inflight_bytes_ -= d.text_bytes;
        Status st = Commit(&d);
        lk.lock();
        if (!st.ok()) return st;
        ++next_commit;
      }
      // Bounded by count and by text bytes (a few huge documents must not
      // fill memory); one document may always be in flight.
      bool room =
          next_read == next_commit || (next_read - next_commit < window_ &&
                                       inflight_bytes_ < kMaxInflightTextBytes);
      if (!eof && room) {
        lk.unlock();
        ReadResult r;
        bool more = reader_->Next(&r);
        lk.lock();
        if (!more) {
          eof = true;
          continue;
        }
        uint64_t seq = next_read++;
        ++stats_.documents;
        if (!r.status.ok()) {
          done_[seq].error = r.status.message();
        } else {
          inflight_bytes_ += r.article.text.size();
          jobs_.push_back(Job{seq, std::move(r.article)});
          jobs_cv_.notify_one();
        }
        continue;
      }
      if (eof && next_commit == next_read) return Status::OK();
      done_cv_.wait(lk, [&] { return done_.count(next_commit) > 0; });
    }
  }

  void Work() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lk(mu_);
        jobs_cv_.wait(lk, [&] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Done d = Process(std::move(job.article));
      {
        std::lock_guard<std::mutex> lk(mu_);
        done_[job.seq] = std::move(d);
      }
      done_cv_.notify_one();
    }
  }

  Done Process(Article article) {
    Done d;
    d.text_bytes = article.text.size();
    try {
      std::string hash = ContentHash(article);
      if (StoredWithHash(*store_, article.id, hash)) {
        d.kind = Done::kAlreadyStored;
        d.hash = std::move(hash);
        d.article = std::move(article);
        return d;
      }
      d.doc = AnalyseArticle(article, parser_, extractor_, options_.build,
                             &d.sentences);
      d.kind = Done::kAnalysed;
    } catch (const std::exception& e) {
      d.kind = Done::kFailed;
      d.error = article.source + ": internal error while analysing (" +
                e.what() + "); document skipped";
    }
    return d;
  }

  Status Commit(Done* d) {
    // An earlier document of this batch may have replaced it since the check.
    if (d->kind == Done::kAlreadyStored &&
        !StoredWithHash(*store_, d->article.id, d->hash)) {
      *d = Process(std::move(d->article));
    }
    if (d->kind == Done::kAlreadyStored) {
      ++stats_.unchanged;
      stats_.text_bytes += d->text_bytes;
      Progress();
      return Status::OK();
    }
    stats_.text_bytes += d->text_bytes;
    if (d->kind == Done::kFailed) {
      ++stats_.failed;
      if (cb_.on_error) cb_.on_error(d->error);
      Progress();
      return Status::OK();
    }
    auto outcome = store_->AddDocument(d->doc);
    if (!outcome.ok()) {
      if (outcome.status().code() == Status::Code::kIOError) {
        // E.g. a full disk: name the document; the ones before it are stored.
        return Status::IOError(d->doc.source + ": document '" + d->doc.id +
                               "' not stored: " + outcome.status().message() +
                               "; the batch stopped (documents before it are "
                               "stored; run it again to resume)");
      }
      if (outcome.status().code() != Status::Code::kInvalidArgument)
        return outcome.status();
      ++stats_.failed;
      if (cb_.on_error)
        cb_.on_error(d->doc.source + ": " + outcome.status().message() +
                     "; document skipped");
      Progress();
      return Status::OK();
    }
    switch (*outcome) {
      case AddOutcome::kAdded:
        ++stats_.added;
        break;
      case AddOutcome::kReplaced:
        ++stats_.replaced;
        break;
      case AddOutcome::kUnchanged:
        ++stats_.unchanged;
        break;
    }
    if (*outcome != AddOutcome::kUnchanged) {
      stats_.sentences += d->sentences;
      stats_.triples += d->doc.triples.size();
    }
    Progress();
    return Status::OK();
  }

  void Progress() {
    if (!cb_.on_progress) return;
    Clock::time_point now = Clock::now();
    if (now - last_progress_ < std::chrono::milliseconds(500)) return;
    last_progress_ = now;
    stats_.elapsed_seconds =
        std::chrono::duration<double>(now - start_).count();
    cb_.on_progress(stats_);
  }

  ArticleReader* reader_;
  const Parser& parser_;
  const Extractor& extractor_;
  Store* store_;
  PipelineOptions options_;
  const PipelineCallbacks& cb_;
  int threads_ = 1;
  size_t window_ = 4;

  std::mutex mu_;  // guards jobs_, done_, stop_
  std::condition_variable jobs_cv_, done_cv_;
  std::deque<Job> jobs_;
  std::map<uint64_t, Done> done_;
  bool stop_ = false;
  uint64_t inflight_bytes_ = 0;  // committing thread only

  PipelineStats stats_;  // touched by the committing thread only
  Clock::time_point start_, last_progress_;
};

}  // namespace

DocumentInput AnalyseArticle(const Article& article, const Parser& parser,
                             const Extractor& extractor,
                             const BuildOptions& options,
                             uint64_t* sentence_count) {
  std::vector<Sentence> sentences = SplitSentences(article.text);
  std::vector<std::vector<Extraction>> extractions(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    parser.Annotate(&sentences[i]);
    extractions[i] = extractor.Extract(sentences[i]);
  }
  if (sentence_count) *sentence_count = sentences.size();
  return BuildDocument(article, sentences, extractions, options);
}

StatusOr<PipelineStats> RunPipeline(ArticleReader* reader, const Parser& parser,
                                    const Extractor& extractor, Store* store,
                                    const PipelineOptions& options,
                                    const PipelineCallbacks& callbacks) {
  Runner runner(reader, parser, extractor, store, options, callbacks);
  return runner.Run();
}

}  // namespace kg
