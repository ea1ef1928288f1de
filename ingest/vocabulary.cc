#include "ingest/vocabulary.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace kg {
namespace {

constexpr std::array<std::string_view, 6> kTypeNames = {
    "Person", "Organization", "Location", "Date", "Event", "Other"};

bool NeedsEscape(unsigned char c) {
  return c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' ||
         c == '{' || c == '}' || c == '|' || c == '^' || c == '`' ||
         c == '\\' || c == '%' || c == '/' || c == '#' || c == '?';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> StripPrefix(std::string_view iri,
                                       std::string_view prefix) {
  if (iri.size() <= prefix.size() || iri.substr(0, prefix.size()) != prefix) {
    return std::nullopt;
  }
  return std::string(iri.substr(prefix.size()));
}

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  return kTypeNames[static_cast<size_t>(type)];
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    std::string_view t = kTypeNames[i];
    if (t.size() != name.size()) continue;
    bool same = true;
    for (size_t k = 0; k < t.size() && same; ++k) {
      same = std::tolower(static_cast<unsigned char>(t[k])) ==
             std::tolower(static_cast<unsigned char>(name[k]));
    }
    if (same) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

std::string IriLocalName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (unsigned char c : name) {
    if (c == ' ') {
      out.push_back('_');
    } else if (NeedsEscape(c)) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string NameFromLocalName(std::string_view local) {
  std::string out;
  out.reserve(local.size());
  for (size_t i = 0; i < local.size(); ++i) {
    char c = local[i];
    if (c == '_') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < local.size() &&
               HexValue(local[i + 1]) >= 0 && HexValue(local[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(local[i + 1]) * 16 +
                                      HexValue(local[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Vocabulary::Vocabulary(std::string base) : base_(std::move(base)) {
  if (base_.empty()) base_ = std::string(kDefaultBaseIri);
}

Term Vocabulary::Entity(std::string_view canonical_name,
                        std::string_view scope) const {
  std::string iri = base_ + "entity/" + IriLocalName(canonical_name);
  if (!scope.empty()) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : scope) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "~%08x", static_cast<unsigned>(h >> 32));
    iri += buf;
  }
  return Term::Iri(std::move(iri));
}

Term Vocabulary::Relation(std::string_view lemma) const {
  return Term::Iri(base_ + "rel/" + IriLocalName(lemma));
}

Term Vocabulary::Class(EntityType type) const {
  return Term::Iri(base_ + std::string(EntityTypeName(type)));
}

Term Vocabulary::Property(std::string_view name) const {
  return Term::Iri(base_ + std::string(name));
}

Term Vocabulary::Statement(std::string_view document_id, uint32_t sentence,
                           std::string_view position) const {
  return Term::Iri(base_ + "statement/" + IriLocalName(document_id) + "/" +
                   std::to_string(sentence) + "/" + std::string(position));
}

std::optional<std::string> Vocabulary::EntityName(std::string_view iri) const {
  auto local = StripPrefix(iri, base_ + "entity/");
  if (!local) return std::nullopt;
  if (local->size() > 9 && (*local)[local->size() - 9] == '~') {
    local->resize(local->size() - 9);
  }
  return NameFromLocalName(*local);
}

std::optional<std::string> Vocabulary::RelationLemma(
    std::string_view iri) const {
  auto local = StripPrefix(iri, base_ + "rel/");
  if (!local) return std::nullopt;
  return NameFromLocalName(*local);
}

std::optional<EntityType> Vocabulary::ClassOf(std::string_view iri) const {
  auto local = StripPrefix(iri, base_);
  if (!local) return std::nullopt;
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (*local == kTypeNames[i]) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

Term Vocabulary::RdfType() { return Term::Iri(std::string(kRdfNs) + "type"); }
Term Vocabulary::RdfsLabel() {
  return Term::Iri(std::string(kRdfsNs) + "label");
}
Term Vocabulary::RdfStatement() {
  return Term::Iri(std::string(kRdfNs) + "Statement");
}
Term Vocabulary::RdfSubject() {
  return Term::Iri(std::string(kRdfNs) + "subject");
}
Term Vocabulary::RdfPredicate() {
  return Term::Iri(std::string(kRdfNs) + "predicate");
}
Term Vocabulary::RdfObject() {
  return Term::Iri(std::string(kRdfNs) + "object");
}

}  // namespace kg
