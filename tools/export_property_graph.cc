#include "tools/export_property_graph.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace kg::cli {
namespace {

struct IdTripleHash {
  size_t operator()(const IdTriple& t) const {
    return std::hash<uint64_t>()(t.s * 0x9E3779B97F4A7C15ULL ^ t.p * 31 ^ t.o);
  }
};

// Resolves and keeps every term it is asked for.
class Terms {
 public:
  explicit Terms(const ReadView& view) : view_(view) {}
  StatusOr<const Term*> Get(TermId id) {
    auto it = terms_.find(id);
    if (it != terms_.end()) return &it->second;
    StatusOr<Term> t = view_.Resolve(id);
    if (!t.ok()) return t.status();
    return &terms_.emplace(id, std::move(*t)).first->second;
  }
  TermId Lookup(const Term& term) const {
    StatusOr<TermId> id = view_.Lookup(term);
    return id.ok() ? *id : kNoTerm;
  }

 private:
  const ReadView& view_;
  std::unordered_map<TermId, Term> terms_;
};

std::string NodeId(const Term& t) {
  return t.is_blank() ? "_:" + t.value : t.value;
}

// Hands out unique identifier-safe names, avoiding `reserved`.
class Namer {
 public:
  explicit Namer(std::set<std::string> reserved) : used_(std::move(reserved)) {}
  std::string Unique(std::string_view text) {
    std::string base = IdentifierName(text), name = base;
    for (int n = 2; !used_.insert(name).second; ++n) {
      name = base + "_" + std::to_string(n);
    }
    return name;
  }

 private:
  std::set<std::string> used_;
};

}  // namespace

std::string IdentifierName(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    (c >= '0' && c <= '9') || c == '_';
    out.push_back(ok ? static_cast<char>(c) : '_');
  }
  if (out.empty()) return "x";
  if (out[0] >= '0' && out[0] <= '9') out.insert(out.begin(), '_');
  return out;
}

std::string_view LocalName(std::string_view iri) {
  const size_t cut = iri.find_last_of("#/");
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return iri;
  return iri.substr(cut + 1);
}

std::string CsvField(std::string_view value) {
  const bool quote =
      value.find_first_of(",\"\r\n") != std::string_view::npos ||
      (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

StatusOr<PropertyGraph> BuildPropertyGraph(const DocumentScan& scan) {
  const ReadView& view = scan.view();
  Terms terms(view);
  const TermId rdf_type = terms.Lookup(Term::Iri(std::string(kRdfNs) + "type"));
  const TermId rdfs_label =
      terms.Lookup(Term::Iri(std::string(kRdfsNs) + "label"));
  const TermId statement_class =
      terms.Lookup(Term::Iri(std::string(kRdfNs) + "Statement"));

  std::unordered_set<TermId> statements;
  if (rdf_type != kNoTerm && statement_class != kNoTerm) {
    auto it = view.Match(kNoTerm, rdf_type, statement_class);
    for (; it->Valid(); it->Next()) statements.insert(it->triple().s);
    KG_RETURN_IF_ERROR(it->status());
  }

  PropertyGraph g;
  std::unordered_set<TermId> predicates, endpoints;
  std::map<TermId, std::set<std::string>> classes;  // node -> class IRIs
  std::map<TermId, std::map<TermId, std::vector<std::string>>> literals;
  std::vector<IdTriple> edges;
  std::map<TermId, std::string> predicate_labels;
  auto it = view.Match(kNoTerm, kNoTerm, kNoTerm);
  for (; it->Valid(); it->Next()) {
    const IdTriple t = it->triple();
    if (statements.count(t.s) || statements.count(t.o)) {
      ++g.folded_triples;
      continue;
    }
    predicates.insert(t.p);
    StatusOr<const Term*> o = terms.Get(t.o);
    if (!o.ok()) return o.status();
    if (t.p == rdf_type && (*o)->is_iri()) {
      classes[t.s].insert((*o)->value);
    } else if ((*o)->is_literal()) {
      literals[t.s][t.p].push_back((*o)->value);
      if (t.p == rdfs_label) predicate_labels.emplace(t.s, (*o)->value);
    } else {
      edges.push_back(t);
      endpoints.insert(t.s);
      endpoints.insert(t.o);
    }
  }
  KG_RETURN_IF_ERROR(it->status());

  // Nodes: edge endpoints, and subjects that are neither only predicates nor
  // only classes.
  std::set<TermId> class_terms;
  for (const auto& [node, iris] : classes) {
    for (const std::string& iri : iris) {
      TermId c = terms.Lookup(Term::Iri(iri));
      if (c != kNoTerm) class_terms.insert(c);
    }
  }
  std::set<TermId> node_ids(endpoints.begin(), endpoints.end());
  auto consider = [&](TermId id) {
    if (!predicates.count(id) && !class_terms.count(id)) node_ids.insert(id);
  };
  for (const auto& entry : classes) consider(entry.first);
  for (const auto& entry : literals) consider(entry.first);

  // Property keys, one per literal predicate.
  Namer key_names({"id", "name", "other_names"});
  std::map<TermId, size_t> key_of;
  for (const auto& [node, by_p] : literals) {
    if (!node_ids.count(node)) continue;
    for (const auto& [p, values] : by_p) {
      if (p == rdfs_label || key_of.count(p)) continue;
      StatusOr<const Term*> pt = terms.Get(p);
      if (!pt.ok()) return pt.status();
      key_of.emplace(p, 0);
    }
  }
  {
    // Name the keys in IRI order so the names do not depend on term ids.
    std::vector<std::pair<std::string, TermId>> by_iri;
    for (const auto& [p, unused] : key_of)
      by_iri.emplace_back((*terms.Get(p))->value, p);
    std::sort(by_iri.begin(), by_iri.end());
    for (const auto& [iri, p] : by_iri) {
      key_of[p] = g.keys.size();
      g.keys.push_back(key_names.Unique(LocalName(iri)));
      g.multi.push_back(false);
    }
  }

  std::vector<std::pair<std::string, TermId>> order;
  for (TermId id : node_ids) {
    StatusOr<const Term*> t = terms.Get(id);
    if (!t.ok()) return t.status();
    order.emplace_back(NodeId(**t), id);
  }
  std::sort(order.begin(), order.end());
  std::unordered_map<TermId, uint32_t> index;
  std::set<std::string> all_classes;
  uint32_t other_names = 0;  // key index of further labels, once needed
  for (const auto& [node_id, id] : order) {
    PgNode n;
    n.id = node_id;
    std::vector<std::string> names;
    if (auto lit = literals.find(id); lit != literals.end()) {
      for (auto& [p, values] : lit->second) {
        if (p == rdfs_label) {
          names = values;
        } else {
          n.props[key_of.at(p)] = values;
        }
      }
    }
    std::sort(names.begin(), names.end());
    n.name = names.empty() ? std::string(LocalName(node_id)) : names[0];
    if (names.size() > 1) {
      // Further labels are kept as an extra property.
      names.erase(names.begin());
      if (other_names == 0) {
        other_names = static_cast<uint32_t>(g.keys.size());
        g.keys.push_back("other_names");
        g.multi.push_back(true);
      }
      n.props[other_names] = names;
    }
    for (auto& [k, values] : n.props) {
      std::sort(values.begin(), values.end());
      if (values.size() > 1) g.multi[k] = true;
    }
    if (auto c = classes.find(id); c != classes.end()) {
      std::set<std::string> labels;
      for (const std::string& iri : c->second)
        labels.insert(IdentifierName(LocalName(iri)));
      n.labels.assign(labels.begin(), labels.end());
      all_classes.insert(labels.begin(), labels.end());
    }
    index.emplace(id, static_cast<uint32_t>(g.nodes.size()));
    g.nodes.push_back(std::move(n));
  }
  g.classes.assign(all_classes.begin(), all_classes.end());

  // Edge types in IRI order, then edges sorted by (start, type, end).
  std::map<std::string, TermId> type_iris;
  for (const IdTriple& e : edges) {
    StatusOr<const Term*> p = terms.Get(e.p);
    if (!p.ok()) return p.status();
    type_iris.emplace((*p)->value, e.p);
  }
  Namer type_names({});
  std::unordered_map<TermId, uint32_t> type_of;
  for (const auto& [iri, p] : type_iris) {
    auto label = predicate_labels.find(p);
    type_of.emplace(p, static_cast<uint32_t>(g.edge_types.size()));
    g.edge_types.push_back({type_names.Unique(LocalName(iri)), iri,
                            label != predicate_labels.end()
                                ? label->second
                                : std::string(LocalName(iri))});
  }
  std::unordered_map<IdTriple, uint32_t, IdTripleHash> edge_of;
  for (const IdTriple& e : edges) {
    g.edges.push_back({index.at(e.s), index.at(e.o), type_of.at(e.p), {}});
  }
  std::vector<uint32_t> perm(edges.size());
  for (uint32_t i = 0; i < perm.size(); ++i) perm[i] = i;
  std::sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) {
    const PgEdge &x = g.edges[a], &y = g.edges[b];
    return std::tie(x.start, x.type, x.end) < std::tie(y.start, y.type, y.end);
  });
  std::vector<PgEdge> sorted;
  for (uint32_t i : perm) {
    edge_of.emplace(edges[i], static_cast<uint32_t>(sorted.size()));
    sorted.push_back(g.edges[i]);
  }
  g.edges = std::move(sorted);

  // Supporting documents, in id order (the scan's order).
  Status st = scan.ForEach(
      [&](const DocumentRecord& doc, const std::vector<IdTriple>& triples) {
        const uint32_t d = static_cast<uint32_t>(g.documents.size());
        g.documents.push_back(doc.id);
        for (const IdTriple& t : triples) {
          auto e = edge_of.find(t);
          if (e != edge_of.end()) g.edges[e->second].documents.push_back(d);
        }
        return Status::OK();
      });
  if (!st.ok()) return st;
  return g;
}

}  // namespace kg::cli
