#include "server/sparql_endpoint.h"

#include <cctype>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <vector>

namespace kg::server {
namespace {

constexpr const char* kJsonType = "application/sparql-results+json";
constexpr const char* kCsvType = "text/csv; charset=utf-8";
constexpr const char* kTsvType = "text/tab-separated-values; charset=utf-8";
constexpr const char* kNTriplesType = "application/n-triples";

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out(s.substr(b, e - b));
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

// The format a media range selects, or nullopt for one we do not produce.
std::optional<NegotiatedFormat> ForMediaRange(const std::string& range) {
  using query::ResultFormat;
  if (range == "application/sparql-results+json" ||
      range == "application/json" || range == "*/*" ||
      range == "application/*") {
    return NegotiatedFormat{ResultFormat::kJson, kJsonType};
  }
  if (range == "text/csv" || range == "text/*") {
    return NegotiatedFormat{ResultFormat::kCsv, kCsvType};
  }
  if (range == "text/tab-separated-values") {
    return NegotiatedFormat{ResultFormat::kTsv, kTsvType};
  }
  return std::nullopt;
}

// "line L, column C: ..." from the query parser.
nlohmann::json SyntaxErrorPosition(const std::string& message) {
  static const std::regex kPosition(R"(line (\d+), column (\d+))");
  std::smatch m;
  nlohmann::json extra = nlohmann::json::object();
  if (std::regex_search(message, m, kPosition)) {
    extra["line"] = std::stoi(m[1]);
    extra["column"] = std::stoi(m[2]);
  }
  return extra;
}

}  // namespace

std::optional<NegotiatedFormat> NegotiateResultFormat(std::string_view accept,
                                                      std::string_view format) {
  using query::ResultFormat;
  if (!format.empty()) {
    if (format == "json")
      return NegotiatedFormat{ResultFormat::kJson, kJsonType};
    if (format == "csv") return NegotiatedFormat{ResultFormat::kCsv, kCsvType};
    if (format == "tsv") return NegotiatedFormat{ResultFormat::kTsv, kTsvType};
    return std::nullopt;
  }
  if (Trim(accept).empty()) {
    return NegotiatedFormat{ResultFormat::kJson, kJsonType};
  }
  std::optional<NegotiatedFormat> best;
  double best_q = 0;
  size_t start = 0;
  while (start <= accept.size()) {
    size_t comma = accept.find(',', start);
    if (comma == std::string_view::npos) comma = accept.size();
    std::string_view item = accept.substr(start, comma - start);
    start = comma + 1;
    size_t semi = item.find(';');
    std::string range = Trim(item.substr(0, semi));
    double q = 1.0;
    while (semi != std::string_view::npos) {
      size_t next = item.find(';', semi + 1);
      std::string param = Trim(item.substr(
          semi + 1, next == std::string_view::npos ? std::string_view::npos
                                                   : next - semi - 1));
      if (param.rfind("q=", 0) == 0) q = std::atof(param.c_str() + 2);
      semi = next;
    }
    auto f = ForMediaRange(range);
    if (f && q > best_q) {
      best = f;
      best_q = q;
    }
  }
  return best;
}

ApiResponse RunSparql(const ReadView& view, std::string_view query,
                      std::string_view accept, std::string_view format,
                      const query::QueryOptions& options) {
  auto cursor = query::ExecuteQuery(view, query, options);
  if (!cursor.ok()) {
    const Status& st = cursor.status();
    if (st.code() == Status::Code::kInvalidArgument) {
      return JsonError(400, "syntax", st.message(),
                       SyntaxErrorPosition(st.message()));
    }
    return ErrorFromStatus(st);
  }
  NegotiatedFormat chosen{query::ResultFormat::kJson, kNTriplesType};
  if ((*cursor)->form() != query::QueryCursor::Form::kConstruct) {
    auto f = NegotiateResultFormat(accept, format);
    if (!f) {
      return JsonError(
          406, "not_acceptable",
          "results are available as application/sparql-results+json, "
          "text/csv or text/tab-separated-values");
    }
    chosen = *f;
  }
  std::ostringstream out;
  Status st = query::WriteResults(**cursor, chosen.format, out);
  if (!st.ok()) return ErrorFromStatus(st);
  ApiResponse r;
  r.content_type = chosen.content_type;
  r.body = std::move(out).str();
  return r;
}

}  // namespace kg::server
