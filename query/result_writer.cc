#include "query/result_writer.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "query/value.h"

namespace kg::query {
namespace {

using Rows = std::vector<std::vector<std::optional<Term>>>;

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Abbreviate(const std::string& iri) {
  static const std::pair<std::string_view, std::string_view> kPrefixes[] = {
      {kDefaultBaseIri, "kg:"},
      {kRdfNs, "rdf:"},
      {kRdfsNs, "rdfs:"},
      {kXsdNs, "xsd:"}};
  for (const auto& [ns, prefix] : kPrefixes) {
    if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0) {
      std::string local = iri.substr(ns.size());
      // kg:entity/NATO reads back in a query (see query/lexer.cc).
      bool slash_ok = prefix == "kg:" && local.front() != '/' &&
                      local.back() != '/' &&
                      local.find("//") == std::string::npos;
      if (local.find_first_of("#?: \t") == std::string::npos &&
          (slash_ok || local.find('/') == std::string::npos))
        return std::string(prefix) + local;
    }
  }
  return "<" + iri + ">";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvTerm(const Term& t) {
  return t.is_blank() ? "_:" + t.value : t.value;
}

nlohmann::json JsonTerm(const Term& t) {
  nlohmann::json j;
  if (t.is_iri()) {
    j["type"] = "uri";
  } else if (t.is_blank()) {
    j["type"] = "bnode";
  } else {
    j["type"] = "literal";
    if (!t.lang.empty()) {
      j["xml:lang"] = t.lang;
    } else if (!t.datatype.empty()) {
      j["datatype"] = t.datatype;
    }
  }
  j["value"] = t.value;
  return j;
}

void WriteTable(const std::vector<std::string>& vars, const Rows& rows,
                std::ostream& out) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width;
  for (const std::string& v : vars) width.push_back(DisplayWidth(v));
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (size_t i = 0; i < row.size(); ++i) {
      line.push_back(row[i] ? DisplayTerm(*row[i]) : "");
      width[i] = std::max(width[i], DisplayWidth(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    for (size_t i = 0; i < line.size(); ++i) {
      if (i) out << " | ";
      out << line[i];
      if (i + 1 < line.size())
        out << std::string(width[i] - DisplayWidth(line[i]), ' ');
    }
    out << "\n";
  };
  print_line(vars);
  for (size_t i = 0; i < width.size(); ++i)
    out << (i ? "-+-" : "") << std::string(width[i], '-');
  out << "\n";
  for (const auto& line : cells) print_line(line);
  out << "(" << rows.size() << (rows.size() == 1 ? " row" : " rows") << ")\n";
}

}  // namespace

StatusOr<ResultFormat> ResultFormatFromName(std::string_view name) {
  if (name == "table") return ResultFormat::kTable;
  if (name == "tsv") return ResultFormat::kTsv;
  if (name == "csv") return ResultFormat::kCsv;
  if (name == "json") return ResultFormat::kJson;
  return Status::InvalidArgument("unknown result format '" + std::string(name) +
                                 "' (use table, tsv, csv or json)");
}

std::string DisplayTerm(const Term& t) {
  if (t.is_iri()) return Abbreviate(t.value);
  if (t.is_blank()) return "_:" + t.value;
  std::string_view dt = t.datatype;
  if (ToNumeric(t) || dt == XsdIri("boolean")) return t.value;
  if (!t.lang.empty()) return t.ToNTriples();
  if (IsStringLiteral(t)) return Term::Literal(t.value).ToNTriples();
  return Term::Literal(t.value).ToNTriples() + "^^" + Abbreviate(t.datatype);
}

Status WriteResults(QueryCursor& cursor, ResultFormat format,
                    std::ostream& out) {
  Rows rows;
  while (cursor.Next()) rows.push_back(cursor.row());
  KG_RETURN_IF_ERROR(cursor.status());
  const std::vector<std::string>& vars = cursor.variables();

  if (cursor.form() == QueryCursor::Form::kConstruct) {
    for (const auto& r : rows)
      out << r[0]->ToNTriples() << ' ' << r[1]->ToNTriples() << ' '
          << r[2]->ToNTriples() << " .\n";
    return Status::OK();
  }
  if (cursor.form() == QueryCursor::Form::kAsk) {
    bool answer = !rows.empty() && rows[0][0] && rows[0][0]->value == "true";
    if (format == ResultFormat::kJson) {
      out << nlohmann::json{{"head", nlohmann::json::object()},
                            {"boolean", answer}}
                 .dump()
          << "\n";
    } else {
      out << (answer ? "true" : "false") << "\n";
    }
    return Status::OK();
  }
  switch (format) {
    case ResultFormat::kTable:
      WriteTable(vars, rows, out);
      break;
    case ResultFormat::kTsv:
      for (size_t i = 0; i < vars.size(); ++i)
        out << (i ? "\t?" : "?") << vars[i];
      out << "\n";
      for (const auto& r : rows) {
        for (size_t i = 0; i < r.size(); ++i) {
          if (i) out << '\t';
          if (r[i]) out << r[i]->ToNTriples();
        }
        out << "\n";
      }
      break;
    case ResultFormat::kCsv:
      for (size_t i = 0; i < vars.size(); ++i)
        out << (i ? "," : "") << CsvField(vars[i]);
      out << "\r\n";
      for (const auto& r : rows) {
        for (size_t i = 0; i < r.size(); ++i) {
          if (i) out << ',';
          if (r[i]) out << CsvField(CsvTerm(*r[i]));
        }
        out << "\r\n";
      }
      break;
    case ResultFormat::kJson: {
      nlohmann::json bindings = nlohmann::json::array();
      for (const auto& r : rows) {
        nlohmann::json b = nlohmann::json::object();
        for (size_t i = 0; i < r.size(); ++i)
          if (r[i]) b[vars[i]] = JsonTerm(*r[i]);
        bindings.push_back(std::move(b));
      }
      nlohmann::json doc = {{"head", {{"vars", vars}}},
                            {"results", {{"bindings", std::move(bindings)}}}};
      out << doc.dump() << "\n";
      break;
    }
  }
  return Status::OK();
}

}  // namespace kg::query
