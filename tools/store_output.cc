#include "tools/store_output.h"

#include <algorithm>
#include <cstdio>

namespace kg::cli {

Status TermCache::Get(TermId id, Term* term) {
  auto it = terms_.find(id);
  if (it != terms_.end()) {
    *term = it->second;
    return Status::OK();
  }
  auto resolved = view_.Resolve(id);
  if (!resolved.ok()) return resolved.status();
  if (terms_.size() >= capacity_) terms_.clear();
  *term = *resolved;
  terms_.emplace(id, std::move(resolved).value());
  return Status::OK();
}

StatusOr<Triple> TermCache::Resolve(const IdTriple& t) {
  Triple out;
  KG_RETURN_IF_ERROR(Get(t.s, &out.subject));
  KG_RETURN_IF_ERROR(Get(t.p, &out.predicate));
  KG_RETURN_IF_ERROR(Get(t.o, &out.object));
  return out;
}

nlohmann::ordered_json TermToJson(const Term& term) {
  nlohmann::ordered_json j;
  j["type"] = term.is_iri() ? "uri" : term.is_blank() ? "bnode" : "literal";
  j["value"] = term.value;
  if (!term.lang.empty()) {
    j["xml:lang"] = term.lang;
  } else if (term.is_literal() && !term.datatype.empty()) {
    j["datatype"] = term.datatype;
  }
  return j;
}

void TriplePrinter::Add(const Triple& t) {
  ++count_;
  switch (format_) {
    case TripleFormat::kTable:
      cells_.push_back(t.subject.ToNTriples());
      cells_.push_back(t.predicate.ToNTriples());
      cells_.push_back(t.object.ToNTriples());
      break;
    case TripleFormat::kTsv:
      out_ << t.subject.ToNTriples() << '\t' << t.predicate.ToNTriples() << '\t'
           << t.object.ToNTriples() << '\n';
      break;
    case TripleFormat::kJson: {
      nlohmann::ordered_json row = {{"subject", TermToJson(t.subject)},
                                    {"predicate", TermToJson(t.predicate)},
                                    {"object", TermToJson(t.object)}};
      out_ << (count_ == 1 ? "[\n  " : ",\n  ")
           << row.dump(-1, ' ', false,
                       nlohmann::json::error_handler_t::replace);
      break;
    }
  }
}

void TriplePrinter::Finish() {
  if (format_ == TripleFormat::kJson) {
    out_ << (count_ == 0 ? "[]\n" : "\n]\n");
  } else if (format_ == TripleFormat::kTable) {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(cells_.size() / 3);
    for (size_t i = 0; i + 2 < cells_.size(); i += 3) {
      rows.push_back({cells_[i], cells_[i + 1], cells_[i + 2]});
    }
    PrintTable(out_, {"subject", "predicate", "object"}, rows);
    out_ << "(" << count_ << (count_ == 1 ? " triple)\n" : " triples)\n");
  }
  out_.flush();
}

void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows,
                size_t max_width) {
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) width[c] = header[c].size();
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], std::min(row[c].size(), max_width));
    }
  }
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) {
        size_t pad = row[c].size() < width[c] ? width[c] - row[c].size() : 0;
        line.append(pad + 2, ' ');
      }
    }
    out << line << '\n';
  };
  print(header);
  for (const auto& row : rows) print(row);
}

std::string HumanBytes(uint64_t bytes) {
  static const char* kUnits[] = {"B", "KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int unit = 0;
  while (v >= 1024 && unit < 4) {
    v /= 1024;
    ++unit;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f %s" : "%.1f %s", v,
                kUnits[unit]);
  return buf;
}

}  // namespace kg::cli
