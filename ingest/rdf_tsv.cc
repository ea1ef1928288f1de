#include "ingest/rdf_tsv.h"

#include <cstdlib>
#include <cstring>

#include "ingest/rdf_serd_parser.h"
#include "ingest/rdf_source.h"

namespace kg {
namespace {

struct KnownPrefix {
  std::string_view prefix, ns;
};
constexpr KnownPrefix kKnownPrefixes[] = {
    {"rdf:", kRdfNs},
    {"rdfs:", kRdfsNs},
    {"xsd:", kXsdNs},
    {"owl:", "http://www.w3.org/2002/07/owl#"},
};

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// base + name, spaces as '_', characters IRIs may not hold %-encoded.
std::string NameToIri(std::string_view name, std::string_view base) {
  if (name.find("://") != std::string_view::npos) return std::string(name);
  for (const KnownPrefix& k : kKnownPrefixes) {
    if (StartsWith(name, k.prefix)) {
      return std::string(k.ns) + std::string(name.substr(k.prefix.size()));
    }
  }
  std::string iri(base);
  for (unsigned char c : name) {
    if (c == ' ') {
      iri += '_';
    } else if (c < 0x20 || c == 0x7f || std::strchr("<>\"{}|^`\\", c)) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      iri += buf;
    } else {
      iri += static_cast<char>(c);
    }
  }
  return iri;
}

std::string Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      char n = text[i + 1];
      char r = n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n;
      if (n == 't' || n == 'n' || n == 'r' || n == '\\') {
        out += r;
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

StatusOr<std::string> FieldToNTriples(std::string_view field, BareName bare,
                                      std::string_view base_iri) {
  if (field.empty()) return Status::InvalidArgument("empty term");
  if (field.front() == '<' || field.front() == '"' || StartsWith(field, "_:")) {
    return std::string(field);
  }
  std::string out;
  if (bare == BareName::kIri) {
    out += '<';
    out += NameToIri(field, base_iri);
    out += '>';
  } else {
    out += '"';
    out += EscapeNTriplesString(Unescape(field));
    out += '"';
  }
  return out;
}

StatusOr<RdfReadSummary> ReadTsv(std::FILE* file, const RdfReadOptions& options,
                                 const RdfSink& sink) {
  RdfReadOptions line_options = options;
  line_options.format = RdfFormat::kTsv;
  SerdParser parser(line_options, &sink);
  CountingSource source;
  source.file = file;
  char* buf = nullptr;
  size_t cap = 0;
  struct FreeOnExit {
    char*& p;
    ~FreeOnExit() { std::free(p); }
  } free_buf{buf};
  uint64_t line = 0;
  std::string statement;
  while (true) {
    ssize_t n = getline(&buf, &cap, file);
    if (n < 0) break;
    ++line;
    source.Consume(reinterpret_cast<const unsigned char*>(buf),
                   static_cast<size_t>(n));
    std::string_view text(buf, static_cast<size_t>(n));
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty() || text.front() == '#') continue;
    auto fail = [&](const std::string& reason) {
      return Status::InvalidArgument(options.name + ":" + std::to_string(line) +
                                     ": " + reason);
    };
    std::string_view fields[3];
    size_t count = 0;
    for (size_t start = 0;;) {
      size_t tab = text.find('\t', start);
      if (count < 3) fields[count] = text.substr(start, tab - start);
      ++count;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (count != 3) {
      return fail("expected 3 tab-separated fields, found " +
                  std::to_string(count));
    }
    statement.clear();
    static constexpr const char* kWhat[] = {"subject", "predicate", "object"};
    if (fields[0].substr(0, 1) == "\"" || fields[1].substr(0, 1) == "\"") {
      return fail("a literal can only be an object");
    }
    for (int i = 0; i < 3; ++i) {
      auto term = FieldToNTriples(fields[i],
                                  i == 2 ? BareName::kLiteral : BareName::kIri,
                                  options.base_iri);
      if (!term.ok()) {
        return fail(std::string(kWhat[i]) + ": " + term.status().message());
      }
      statement += *term;
      statement += ' ';
    }
    statement += ".\n";
    KG_RETURN_IF_ERROR(parser.ReadLine(statement, line));
  }
  if (std::ferror(file)) {
    return Status::IOError(options.name +
                           ": read error: " + std::strerror(errno));
  }
  RdfReadSummary summary;
  summary.statements = parser.statements();
  summary.bytes = source.bytes;
  summary.content_hash = source.hasher.Digest();
  return summary;
}

}  // namespace kg
