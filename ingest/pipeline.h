// The ingest pipeline: articles → sentences → tags and trees → extractions →
// store documents. Worker threads analyse documents in parallel; the calling
// thread reads articles and commits the results strictly in input order
// through a bounded reorder window, so memory stays bounded (at most
// `window` documents and 32 MiB of article text in flight, but always one
// document) and a batch gives the same store whatever the
// thread count. Each document is one atomic Store::AddDocument; a document
// whose id and content hash are already stored is not analysed again, so a
// re-run is a no-op and a killed run, restarted, ends where an uninterrupted
// one ends.
//
// Failure: a bad document (reader error record, store rejecting it as
// InvalidArgument) is counted, reported through on_error and skipped; any
// other store error stops the run and is returned.
// Thread-safety: Run() is called by one thread; the callbacks run on it.
#ifndef KG_INGEST_PIPELINE_H_
#define KG_INGEST_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/document_builder.h"
#include "ingest/extractor.h"
#include "ingest/parser.h"
#include "ingest/reader.h"
#include "ingest/sentence.h"
#include "storage/store.h"

namespace kg {

struct PipelineOptions {
  int threads = 0;    // worker threads; 0 = the machine's cores
  size_t window = 0;  // documents in flight; 0 = 4 per thread
  BuildOptions build;
};

struct PipelineStats {
  uint64_t documents = 0;  // read from the input (including failed ones)
  uint64_t added = 0, unchanged = 0, replaced = 0, failed = 0;
  uint64_t sentences = 0;   // of the documents added or replaced
  uint64_t triples = 0;     // written: triples of added/replaced documents
  uint64_t text_bytes = 0;  // article text of all committed documents
  double elapsed_seconds = 0;
};

struct PipelineCallbacks {
  // One line per skipped document: "SOURCE:LINE: reason; document skipped".
  std::function<void(const std::string&)> on_error;
  // Called after each committed document, at most about twice a second.
  std::function<void(const PipelineStats&)> on_progress;
};

// Analyses one article: splits and tokenizes its text, tags and parses every
// sentence, extracts, and builds the store document. Pure; thread-safe.
DocumentInput AnalyseArticle(const Article& article, const Parser& parser,
                             const Extractor& extractor,
                             const BuildOptions& options,
                             uint64_t* sentence_count = nullptr);

// Runs `reader` to its end into `store`. The parser, extractor and store are
// borrowed and must outlive the call.
StatusOr<PipelineStats> RunPipeline(ArticleReader* reader, const Parser& parser,
                                    const Extractor& extractor, Store* store,
                                    const PipelineOptions& options,
                                    const PipelineCallbacks& callbacks = {});

}  // namespace kg

#endif  // KG_INGEST_PIPELINE_H_
