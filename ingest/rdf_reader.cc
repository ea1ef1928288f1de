#include "ingest/rdf_reader.h"

#include <cerrno>
#include <cstring>

#include "ingest/rdf_serd_parser.h"
#include "ingest/rdf_source.h"
#include "ingest/rdf_tsv.h"

namespace kg {
namespace {

// serd's page size for seekable inputs; larger pages did not read faster.
constexpr size_t kPageSize = 4096;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSeekable(std::FILE* file, long* offset) {
  *offset = std::ftell(file);
  return *offset >= 0 && std::fseek(file, *offset, SEEK_SET) == 0;
}

}  // namespace

StatusOr<RdfFormat> RdfFormatFromName(std::string_view name) {
  std::string n = Lower(name);
  if (n == "nt" || n == "ntriples" || n == "n-triples") {
    return RdfFormat::kNTriples;
  }
  if (n == "nq" || n == "nquads" || n == "n-quads") return RdfFormat::kNQuads;
  if (n == "ttl" || n == "turtle") return RdfFormat::kTurtle;
  if (n == "tsv") return RdfFormat::kTsv;
  return Status::InvalidArgument("unknown RDF format '" + std::string(name) +
                                 "' (use nt, nq, ttl or tsv)");
}

StatusOr<RdfFormat> RdfFormatFromPath(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash)) {
    return Status::InvalidArgument(std::string(path) +
                                   ": cannot tell the RDF format from the file "
                                   "name; give --format nt|nq|ttl|tsv");
  }
  auto format = RdfFormatFromName(path.substr(dot + 1));
  if (!format.ok()) {
    return Status::InvalidArgument(std::string(path) + ": unknown extension '" +
                                   std::string(path.substr(dot)) +
                                   "'; give --format nt|nq|ttl|tsv");
  }
  return format;
}

std::string_view RdfFormatName(RdfFormat format) {
  switch (format) {
    case RdfFormat::kNTriples:
      return "nt";
    case RdfFormat::kNQuads:
      return "nq";
    case RdfFormat::kTurtle:
      return "ttl";
    case RdfFormat::kTsv:
      return "tsv";
  }
  return "?";
}

StatusOr<RdfReadSummary> ReadRdf(std::FILE* file, const RdfReadOptions& options,
                                 const RdfSink& sink) {
  if (options.format == RdfFormat::kTsv) return ReadTsv(file, options, sink);
  long start = 0;
  bool seekable = IsSeekable(file, &start);
  CountingSource source;
  source.file = file;
  // Paged reads are fast but only serd's own syntax errors carry an exact
  // line; a pipe is read a byte at a time so every error names its line.
  size_t page = seekable ? kPageSize : 1;
  SerdParser parser(options, &sink);
  Status st = parser.ReadSource(&source, page);
  if (!st.ok() && parser.failed_in_statement() && page > 1) {
    // Read again a byte at a time, up to the failing statement, for its line.
    if (std::fseek(file, start, SEEK_SET) == 0) {
      std::clearerr(file);
      CountingSource again;
      again.file = file;
      SerdParser locate(options, nullptr);
      locate.StopAtStatement(parser.statements(), parser.statement_cause());
      Status located = locate.ReadSource(&again, 1);
      if (!located.ok() && locate.failed_in_statement()) st = located;
    }
  }
  if (!st.ok()) return st;
  RdfReadSummary summary;
  summary.statements = parser.statements();
  summary.bytes = source.bytes;
  summary.content_hash = source.hasher.Digest();
  return summary;
}

StatusOr<RdfReadSummary> ReadRdfFile(const std::string& path,
                                     const RdfReadOptions& options,
                                     const RdfSink& sink) {
  if (path == "-") return ReadRdf(stdin, options, sink);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  }
  auto result = ReadRdf(file, options, sink);
  std::fclose(file);
  return result;
}

StatusOr<RdfReadSummary> ReadRdfString(std::string_view text,
                                       const RdfReadOptions& options,
                                       const RdfSink& sink) {
  if (text.empty()) return ReadRdfFile("/dev/null", options, sink);
  // fmemopen with mode "r" only reads the buffer.
  std::FILE* file = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
  if (file == nullptr) {
    return Status::IOError(options.name + ": fmemopen failed");
  }
  auto result = ReadRdf(file, options, sink);
  std::fclose(file);
  return result;
}

StatusOr<std::vector<Triple>> ReadRdfTriples(std::string_view text,
                                             const RdfReadOptions& options) {
  std::vector<Triple> triples;
  auto read = ReadRdfString(text, options, [&](const Triple& t, const Term*) {
    triples.push_back(t);
    return Status::OK();
  });
  if (!read.ok()) return read.status();
  return triples;
}

StatusOr<Term> ParseTermText(std::string_view text, BareName bare,
                             std::string_view base_iri) {
  auto nt = FieldToNTriples(text, bare, base_iri);
  if (!nt.ok()) return nt.status();
  RdfReadOptions options;
  options.format = RdfFormat::kTsv;
  options.name = "term";
  options.base_iri = std::string(base_iri);
  Term term;
  RdfSink sink = [&](const Triple& t, const Term*) {
    term = t.object;
    return Status::OK();
  };
  SerdParser parser(options, &sink);
  Status st = parser.ReadLine("<urn:kg:s> <urn:kg:p> " + *nt + " .\n", 1);
  if (!st.ok() || parser.statements() != 1) {
    return Status::InvalidArgument("not an RDF term: " + std::string(text));
  }
  return term;
}

}  // namespace kg
