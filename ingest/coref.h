// Within-document coreference: groups the mentions of one document into
// entities and names each entity canonically, so that the same entity gets the
// same canonical name in every document.
//
// Rules, in order: the same normalised name; an acronym and its expansion
// ("North Atlantic Treaty Organization (NATO)", or initials matching); WordNet
// synonyms (NATO = North Atlantic Treaty Organization); a single-word name that
// is the first or last word of a multi-word person name in the document (the
// nearest one before it, else the first after); a definite role description
// ("the Prime Minister") → the latest person holding that role; he/she/his/her
// → the nearest preceding person (within three sentences); it/its → the most
// recent subject in this or the previous sentence when it is an organisation or
// place. Canonical name: WordNet's name for it when WordNet knows it, else the
// longest name seen. Pure function; thread-safe.
#ifndef KG_INGEST_COREF_H_
#define KG_INGEST_COREF_H_

#include <string>
#include <vector>

#include "ingest/entity_mentions.h"
#include "ingest/entity_names.h"
#include "ingest/vocabulary.h"

namespace kg {

struct Entity {
  std::string canonical;
  std::string scope;  // non-empty: a node local to this document (a phrase)
  EntityType type = EntityType::kOther;
  std::vector<std::string>
      surfaces;      // distinct surface forms, first seen first
  int mentions = 0;  // names, demonyms, role descriptions, pronouns
  std::vector<std::string> roles;  // titles seen before its name
  int country = -1;                // entity index of its country, or -1
  int affiliation = -1;            // entity index of its organisation, or -1
};

struct Coreference {
  std::vector<Entity> entities;
  std::vector<int> entity_of;  // per mention: entity index, or -1
};

// `mentions` are a document's mentions in reading order; their country,
// affiliation, of_name and parenthesis_of fields index this same vector.
Coreference ResolveCoreference(const std::vector<Mention>& mentions);

}  // namespace kg

#endif  // KG_INGEST_COREF_H_
