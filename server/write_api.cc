#include "server/write_api.h"

#include <utility>

#include "ingest/article.h"
#include "ingest/pipeline.h"
#include "ingest/rdf_reader.h"
#include "ingest/reader_text.h"

namespace kg::server {
namespace {

using nlohmann::json;

bool SameLength(std::string_view a, std::string_view b) {
  return a.size() == b.size();
}

// Compares every byte whatever the first difference.
bool TokenEquals(std::string_view given, std::string_view expected) {
  if (!SameLength(given, expected)) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return diff == 0;
}

// The media type without parameters, lower-cased.
std::string MediaType(std::string_view content_type) {
  std::string t(content_type.substr(0, content_type.find(';')));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  for (char& c : t) c = static_cast<char>(std::tolower(c));
  return t;
}

std::optional<RdfFormat> RdfFormatOfMediaType(const std::string& type) {
  if (type == "application/n-triples") return RdfFormat::kNTriples;
  if (type == "application/n-quads") return RdfFormat::kNQuads;
  if (type == "text/turtle") return RdfFormat::kTurtle;
  if (type == "text/tab-separated-values") return RdfFormat::kTsv;
  return std::nullopt;
}

}  // namespace

std::optional<ApiResponse> CheckWriteAccess(bool writes_enabled,
                                            std::string_view token,
                                            std::string_view authorization) {
  if (!writes_enabled) {
    return JsonError(403, "read_only",
                     "this server is read-only; start kg serve with "
                     "--allow-writes and a token to ingest or remove");
  }
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.substr(0, kBearer.size()) != kBearer || token.empty() ||
      !TokenEquals(authorization.substr(kBearer.size()), token)) {
    ApiResponse r = JsonError(401, "unauthorized",
                              "a valid 'Authorization: Bearer TOKEN' header "
                              "is required to write");
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"kg\"");
    return r;
  }
  return std::nullopt;
}

DocumentWriter::DocumentWriter(Store* store, std::string base_iri,
                               std::string model_path)
    : store_(store),
      base_iri_(std::move(base_iri)),
      model_path_(std::move(model_path)) {}

StatusOr<const Parser*> DocumentWriter::GetParser() {
  std::lock_guard<std::mutex> lock(parser_mu_);
  if (!parser_) {
    auto parser = Parser::Load(model_path_);
    if (!parser.ok()) return parser.status();
    parser_ = std::move(parser).value();
  }
  return parser_.get();
}

ApiResponse DocumentWriter::Commit(const DocumentInput& doc) {
  auto outcome = store_->AddDocument(doc);
  if (!outcome.ok()) return ErrorFromStatus(outcome.status());
  const char* what = *outcome == AddOutcome::kAdded      ? "added"
                     : *outcome == AddOutcome::kReplaced ? "replaced"
                                                         : "unchanged";
  return JsonOk({{"id", doc.id},
                 {"outcome", what},
                 {"triples", doc.triples.size()},
                 {"statements", doc.statements.size()}});
}

ApiResponse DocumentWriter::Ingest(const IngestRequest& request) {
  const std::string type = MediaType(request.content_type);
  std::string id = request.id, title = request.title, date = request.date;
  std::string text, rdf;
  std::optional<RdfFormat> format;
  if (type == "application/json") {
    json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (!body.is_object()) {
      return JsonError(400, "bad_request", "the body is not a JSON object");
    }
    auto str = [&](const char* key) {
      auto it = body.find(key);
      return it != body.end() && it->is_string() ? it->get<std::string>()
                                                 : std::string();
    };
    id = str("id");
    title = str("title");
    date = str("date");
    text = str("text");
    rdf = str("rdf");
    if (!rdf.empty()) {
      auto f = RdfFormatFromName(str("format").empty() ? "nt" : str("format"));
      if (!f.ok()) return ErrorFromStatus(f.status());
      format = *f;
    } else if (text.empty()) {
      return JsonError(400, "bad_request",
                       "the JSON body needs a \"text\" or an \"rdf\" field");
    }
  } else if (type == "text/plain") {
    text = request.body;
  } else if ((format = RdfFormatOfMediaType(type))) {
    rdf = request.body;
  } else {
    return JsonError(415, "unsupported_media_type",
                     "send application/json, text/plain, "
                     "application/n-triples, application/n-quads, "
                     "text/turtle or text/tab-separated-values");
  }
  if (id.empty()) {
    return JsonError(400, "bad_request", "the document needs an id");
  }
  if (format) {
    DocumentInput doc;
    doc.id = id;
    doc.title = title;
    doc.date = date;
    doc.source = "kg serve";
    RdfReadOptions options;
    options.format = *format;
    options.name = id;
    options.base_iri = base_iri_;
    options.blank_prefix = "b_" + std::to_string(std::hash<std::string>()(id));
    auto read = ReadRdfString(rdf, options, [&](const Triple& t, const Term*) {
      doc.triples.push_back(t);
      return Status::OK();
    });
    if (!read.ok()) return ErrorFromStatus(read.status());
    doc.content_hash = read->content_hash;
    return Commit(doc);
  }
  // The checks `kg ingest` makes of a file: valid UTF-8, no NUL, BOM and CR
  // removed, no control characters in the id.
  Article article;
  article.id = id;
  article.title = title;
  article.date = date;
  article.source = "kg serve";
  article.text = std::move(text);
  uint64_t line = 1;
  Status checked = reader::CheckAndNormalise(&article.text, false, &line);
  if (checked.ok()) checked = reader::CheckNames(&article);
  if (!checked.ok()) {
    return JsonError(400, "bad_request",
                     id + ": " + checked.message() + "; document not ingested",
                     {{"line", line}});
  }
  auto parser = GetParser();
  if (!parser.ok()) return ErrorFromStatus(parser.status());
  BuildOptions options;
  options.base_iri = base_iri_;
  return Commit(AnalyseArticle(article, **parser, extractor_, options));
}

ApiResponse DocumentWriter::Remove(const std::string& id) {
  if (id.empty()) return JsonError(400, "bad_request", "no document id given");
  Status st = store_->RemoveDocument(id);
  if (!st.ok()) return ErrorFromStatus(st);
  return JsonOk({{"id", id}, {"removed", true}});
}

}  // namespace kg::server
