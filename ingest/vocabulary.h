// The knowledge-graph vocabulary the ingestor writes and the entity commands
// read: entity, relation and class IRIs under a configurable base, the
// properties that carry labels, aliases, roles and statement qualifiers, and
// content-derived statement IRIs.
//
//   <base>entity/<Canonical_Name>   an entity (spaces → underscores)
//   <base>entity/<phrase>~<hash>   a noun-phrase node local to one document
//   <base>rel/<lemma_with_underscores>   a relation from text, rdfs:label
//   "lemma" <base>Person|Organization|Location|Date|Event|Other   classes
//   <base>alias, <base>role, <base>country, <base>affiliation, <base>mentions
//   <base>statement/<doc>/<sentence>/<position>   a reified fact, with
//   <base>date, <base>location, <base>source, <base>sentence, <base>confidence,
//   <base>attributedTo
// A Vocabulary is an immutable value; safe to share between threads.
#ifndef KG_INGEST_VOCABULARY_H_
#define KG_INGEST_VOCABULARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/term.h"

namespace kg {

enum class EntityType {
  kPerson,
  kOrganization,
  kLocation,
  kDate,
  kEvent,
  kOther
};

// "Person", "Organization", ...
std::string_view EntityTypeName(EntityType type);
// Case-insensitive inverse of EntityTypeName; nullopt for an unknown name.
std::optional<EntityType> ParseEntityType(std::string_view name);

// The IRI-safe local name of a canonical name: spaces become underscores,
// characters not allowed in an IRI (and '%', '/', '#', '?') are %-encoded.
std::string IriLocalName(std::string_view name);
// Inverse of IriLocalName (underscores become spaces).
std::string NameFromLocalName(std::string_view local);

class Vocabulary {
 public:
  explicit Vocabulary(std::string base = std::string(kDefaultBaseIri));

  const std::string& base() const { return base_; }

  // An entity. A non-empty `scope` (a document id) makes a node local to that
  // document: <base>entity/<Name>~<8 hex digits of the scope's hash>; noun-
  // phrase nodes ("officials") are scoped so documents do not share them.
  Term Entity(std::string_view canonical_name,
              std::string_view scope = {}) const;
  Term Relation(std::string_view lemma) const;
  Term Class(EntityType type) const;
  // A property directly under the base: Property("alias") → <base>alias.
  Term Property(std::string_view name) const;
  Term Statement(std::string_view document_id, uint32_t sentence,
                 std::string_view position) const;

  // The canonical name of an entity IRI (without a scope suffix), or nullopt
  // for another IRI.
  std::optional<std::string> EntityName(std::string_view iri) const;
  // The readable lemma of a relation IRI ("focus on"), or nullopt.
  std::optional<std::string> RelationLemma(std::string_view iri) const;
  // The class of a class IRI, or nullopt.
  std::optional<EntityType> ClassOf(std::string_view iri) const;

  static Term RdfType();
  static Term RdfsLabel();
  static Term RdfStatement();
  static Term RdfSubject();
  static Term RdfPredicate();
  static Term RdfObject();

 private:
  std::string base_;
};

}  // namespace kg

#endif  // KG_INGEST_VOCABULARY_H_
