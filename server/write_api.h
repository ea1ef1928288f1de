// The write endpoints of `kg serve`, open only with --allow-writes and a
// bearer token: ingest one document (article text, analysed by the same
// pipeline as `kg ingest`, or RDF triples as `kg load` reads them) and remove
// one. Each write is one atomic Store::AddDocument / RemoveDocument.
//
// Thread-safety: any thread; the store serialises writes; the parser model is
// loaded once, on the first text ingest, and is read-only afterwards.
#ifndef KG_SERVER_WRITE_API_H_
#define KG_SERVER_WRITE_API_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/extractor.h"
#include "ingest/parser.h"
#include "server/api_response.h"
#include "storage/store.h"

namespace kg::server {

// nullopt when a write may go ahead; else 403 (writes disabled) or 401 (no or
// wrong "Authorization: Bearer TOKEN"; the comparison takes the same time for
// every wrong token of a given length).
std::optional<ApiResponse> CheckWriteAccess(bool writes_enabled,
                                            std::string_view token,
                                            std::string_view authorization);

struct IngestRequest {
  std::string content_type;  // of the body
  std::string body;
  // For text/plain and RDF bodies (a JSON body carries its own fields).
  std::string id, title, date;
};

class DocumentWriter {
 public:
  // REQUIRES: `store` outlives the writer and is writable.
  DocumentWriter(Store* store, std::string base_iri, std::string model_path);

  // Body: application/json {"id","text",["title","date","url"]} or
  // {"id","rdf",["format": nt|nq|ttl|tsv]}; text/plain (article text);
  // application/n-triples, application/n-quads, text/turtle,
  // text/tab-separated-values (RDF). Answers {"id","outcome","triples",
  // "statements"}; 400 for a malformed body, 415 for another content type.
  ApiResponse Ingest(const IngestRequest& request);

  // {"id","removed":true}; 404 when the store has no such document.
  ApiResponse Remove(const std::string& id);

 private:
  StatusOr<const Parser*> GetParser();
  ApiResponse Commit(const DocumentInput& doc);

  Store* const store_;
  const std::string base_iri_;
  const std::string model_path_;
  const Extractor extractor_;
  std::mutex parser_mu_;
  std::unique_ptr<Parser> parser_;  // guarded by parser_mu_ until loaded
};

}  // namespace kg::server

#endif  // KG_SERVER_WRITE_API_H_
